/* bt-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-application.h"

G_BEGIN_DECLS

#define BT_TYPE_WINDOW (bt_window_get_type ())

G_DECLARE_FINAL_TYPE (BtWindow, bt_window, BT, WINDOW, AdwApplicationWindow)

BtWindow *bt_window_new (BtApplication *app,
                         GFile         *file);

G_END_DECLS
