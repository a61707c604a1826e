/* bt-dialog.h — what every dialog of the app does alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       bt_dialog_focus_content (GtkWindow  *dialog,
                                    GtkWidget  *content);
GtkWidget *bt_dialog_question_new  (GtkWindow  *parent,
                                    const char *heading,
                                    const char *body,
                                    const char *keep_label,
                                    const char *act,
                                    const char *act_label);
GtkWidget *bt_dialog_discard_new   (GtkWindow  *parent,
                                    const char *body);

G_END_DECLS
