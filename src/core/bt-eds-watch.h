/* bt-eds-watch.h — told when the events of some of the desktop's
 * calendars change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BT_TYPE_EDS_WATCH (bt_eds_watch_get_type ())

G_DECLARE_FINAL_TYPE (BtEdsWatch, bt_eds_watch, BT, EDS_WATCH, GObject)

BtEdsWatch *bt_eds_watch_new (const char * const *uids,
                              GDateTime          *from,
                              GDateTime          *until);

G_END_DECLS
