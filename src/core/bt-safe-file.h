/* bt-safe-file.h — writing files so that a crash never leaves half of one,
 * and reading files without reading more than asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether the file now at @path is worth keeping as the backup. */
typedef gboolean (*BtBackupCheck) (const char *path);

gboolean    bt_safe_file_check_replaceable (const char    *path,
                                           GError        **error);
gboolean    bt_safe_file_write            (const char     *path,
                                           const char     *data,
                                           gsize           length,
                                           BtBackupCheck   worth_keeping,
                                           GError        **error);
gboolean    bt_plan_file_write_output     (const char     *path,
                                           const char     *data,
                                           gsize           length,
                                           GError        **error);
gboolean    bt_plan_file_check_output     (const char     *output,
                                           const char     *plan_path,
                                           GError        **error);
char       *bt_plan_file_backup_path      (const char     *path);
guint       bt_plan_file_clean_leftovers  (const char     *path);

gboolean    bt_file_read_at_most          (const char     *path,
                                           gsize           max_bytes,
                                           char          **contents,
                                           gsize          *length,
                                           gboolean       *too_large,
                                           GError        **error);
char       *bt_file_query_etag            (GFile          *file);

G_END_DECLS
