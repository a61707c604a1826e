/* bt-import-private.h — what the readers of calendars and time reports
 * share with bt-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-import.h"

G_BEGIN_DECLS

/* Where a long reading reports how far it is, and learns it was cancelled. */
typedef struct
{
  GCancellable         *cancellable;
  BtImportProgressFunc  progress;
  gpointer              user_data;
  int                   last;       /* the last thousandth reported */
} BtImportTask;

gboolean        bt_import_task_step      (BtImportTask  *task,
                                          double         fraction,
                                          GError       **error);
char           *bt_import_excerpt        (const char    *text);

BtImportSource *bt_import_ics_read       (const char    *text,
                                          const char    *name,
                                          const char    *user_email,
                                          GDateTime     *now,
                                          BtImportTask  *task,
                                          GError       **error);
/* bt-import-ics-lines.c: the first pass over a calendar, for bt-import-ics.c */
gboolean        bt_import_ics_check_lines (const char   *text,
                                          gsize          length,
                                          GArray        *event_lines,
                                          GString       *out,
                                          BtImportTask  *task,
                                          GError       **error);
gboolean        bt_import_ics_fail_line  (GError       **error,
                                          guint          line,
                                          const char    *format,
                                          ...) G_GNUC_PRINTF (3, 4);

BtImportSource *bt_import_csv_read       (const char    *text,
                                          gsize          length,
                                          const char    *name,
                                          BtImportTask  *task,
                                          GError       **error);

G_END_DECLS
