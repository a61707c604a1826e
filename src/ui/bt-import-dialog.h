/* bt-import-dialog.h — what an import would do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"
#include "bt-import.h"

G_BEGIN_DECLS

#define BT_TYPE_IMPORT_DIALOG (bt_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BtImportDialog, bt_import_dialog, BT, IMPORT_DIALOG, AdwWindow)

BtImportDialog *bt_import_dialog_new (GtkWindow  *parent,
                                      BtPlan     *plan,
                                      BtHistory  *history,
                                      const char *path,
                                      GDateTime  *now,
                                      GError    **error);
BtImportDialog *bt_import_dialog_new_for_source (GtkWindow      *parent,
                                                 BtPlan         *plan,
                                                 BtHistory      *history,
                                                 BtImportSource *source,
                                                 GDateTime      *now,
                                                 GError        **error);
void            bt_import_dialog_open (GtkWindow  *parent,
                                       BtPlan     *plan,
                                       BtHistory  *history,
                                       const char *path);

G_END_DECLS
