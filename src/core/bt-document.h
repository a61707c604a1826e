/* bt-document.h — the plan as a document: its file, who wrote it last,
 * changes not yet saved, autosave and saving in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-plan.h"

G_BEGIN_DECLS

/* Saved this long after the last change. */
#define BT_DOCUMENT_AUTOSAVE_SECONDS 2

#define BT_DOCUMENT_ERROR (bt_document_error_quark ())

typedef enum
{
  BT_DOCUMENT_ERROR_CONFLICT,   /* another program changed the file since we read or wrote it */
  BT_DOCUMENT_ERROR_NO_FILE,    /* the document has no file (the sample) */
  BT_DOCUMENT_ERROR_NO_PLAN,    /* nothing was loaded yet */
} BtDocumentError;

#define BT_TYPE_DOCUMENT (bt_document_get_type ())

G_DECLARE_FINAL_TYPE (BtDocument, bt_document, BT, DOCUMENT, GObject)

GQuark      bt_document_error_quark   (void);

BtDocument *bt_document_new           (GFile               *file);
GFile      *bt_document_get_file      (BtDocument          *self);
const char *bt_document_get_path      (BtDocument          *self);
BtPlan     *bt_document_get_plan      (BtDocument          *self);
void        bt_document_set_plan      (BtDocument          *self,
                                       BtPlan              *plan);
gboolean    bt_document_get_dirty     (BtDocument          *self);
gboolean    bt_document_get_busy      (BtDocument          *self);
gboolean    bt_document_get_conflict  (BtDocument          *self);
gboolean    bt_document_get_read_only (BtDocument          *self);
gboolean    bt_document_needs_flush   (BtDocument          *self);
const char *bt_document_get_etag      (BtDocument          *self);
GBytes     *bt_document_get_synced    (BtDocument          *self);
void        bt_document_adopt         (BtDocument          *self,
                                       BtPlan              *plan,
                                       const char          *etag);
void        bt_document_adopt_file    (BtDocument          *self,
                                       BtPlan              *plan,
                                       GBytes              *bytes,
                                       const char          *etag);

void        bt_document_load_async    (BtDocument          *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    bt_document_load_finish   (BtDocument          *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        bt_document_save_async    (BtDocument          *self,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    bt_document_save_finish   (BtDocument          *self,
                                       GAsyncResult        *result,
                                       GError             **error);
void        bt_document_flush_async   (BtDocument          *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    bt_document_flush_finish  (BtDocument          *self,
                                       GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
