/* bt-first-frame.h — report the first frame, for the start-up benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void bt_first_frame_watch (GtkWindow    *window,
                           GApplication *app,
                           const char   *label,
                           gboolean      quit);

G_END_DECLS
