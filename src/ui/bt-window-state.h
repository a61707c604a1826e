/* bt-window-state.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bt_window_state_restore (GtkWindow *window,
                              GSettings *settings);
void bt_window_state_save    (GtkWindow *window,
                              GSettings *settings);

G_END_DECLS
