/* bt-eds-module.c — the entry point of the EDS module (libbt-eds.so)
 *
 * The module is built with hidden visibility: its own calls bind to its
 * own functions, and the app sees nothing of it but this table. What the
 * module calls in the app (the .ics reader, the model) the app exports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <gmodule.h>

#include "bt-eds-module-private.h"
#include "bt-eds-watch-private.h"

G_MODULE_EXPORT const BtEdsModule *bt_eds_module_get (void);

G_MODULE_EXPORT const BtEdsModule *
bt_eds_module_get (void)
{
  static const BtEdsModule module = {
    .size = sizeof (BtEdsModule),
    .calendars_list_sync = bt_eds_calendars_list_sync,
    .calendars_read_sync = bt_eds_calendars_read_sync,
    .contacts_search_sync = bt_eds_contacts_search_sync,
    .contacts_lookup_sync = bt_eds_contacts_lookup_sync,
    .watch_new = bt_eds_watch_new,
    .watch_get_n_started = bt_eds_watch_get_n_started,
  };

  return &module;
}
