/* bt-apply-shortcut.h — Ctrl+Return applies a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     bt_apply_shortcut_add   (GtkWidget *dialog,
                                  GtkWidget *button);
gboolean bt_apply_shortcut_click (GtkWidget *button);

G_END_DECLS
