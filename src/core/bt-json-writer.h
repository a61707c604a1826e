/* bt-json-writer.h — streaming, pretty-printed JSON text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _BtJsonWriter BtJsonWriter;

BtJsonWriter *bt_json_writer_new          (gsize          size_hint);
void          bt_json_writer_free         (BtJsonWriter  *self);
GBytes       *bt_json_writer_finish       (BtJsonWriter  *self);
void          bt_json_writer_begin_object (BtJsonWriter  *self);
void          bt_json_writer_end_object   (BtJsonWriter  *self);
void          bt_json_writer_begin_array  (BtJsonWriter  *self);
void          bt_json_writer_end_array    (BtJsonWriter  *self);
void          bt_json_writer_member       (BtJsonWriter  *self,
                                           const char    *name);
void          bt_json_writer_string       (BtJsonWriter  *self,
                                           const char    *value);
void          bt_json_writer_int          (BtJsonWriter  *self,
                                           gint64         value);
void          bt_json_writer_double       (BtJsonWriter  *self,
                                           double         value);
void          bt_json_writer_node         (BtJsonWriter  *self,
                                           JsonNode      *node);
/* Room for the digits of any gint64, its sign and the NUL. */
#define BT_JSON_INT_SIZE 24

const char   *bt_json_format_int          (char           buf[BT_JSON_INT_SIZE],
                                           gint64         value);
void          bt_json_format_double       (char          *buf,
                                           gsize          size,
                                           double         value);
void          bt_json_append_index        (GString       *path,
                                           guint          index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtJsonWriter, bt_json_writer_free)

G_END_DECLS
