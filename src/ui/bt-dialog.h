/* bt-dialog.h — what every dialog of the app does alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       bt_dialog_focus_content (GtkWindow  *dialog,
                                    GtkWidget  *content);
GtkWidget *bt_dialog_discard_new   (GtkWindow  *parent,
                                    const char *body);

G_END_DECLS
