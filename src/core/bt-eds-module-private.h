/* bt-eds-module-private.h — what the EDS module gives the app
 *
 * The calls into Evolution Data Server live in a module of their own
 * (libbt-eds.so), which the app loads when it first needs one: linked into
 * the app, EDS's libraries and theirs (about fifty) cost every start-up
 * 14 ms and 11 MiB, for a feature most sessions never touch. The module
 * returns this table of the calls that need EDS; bt-eds-loader.c gives
 * them to the rest of the app under their names of bt-eds-calendars.h,
 * bt-eds-contacts.h and bt-eds-watch.h. The async ones run these in a
 * worker thread (bt-eds-common.c), so the module is loaded there too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-eds-calendars.h"
#include "bt-eds-contacts.h"
#include "bt-eds-watch.h"

G_BEGIN_DECLS

typedef struct
{
  gsize            size;   /* sizeof (BtEdsModule) when the module was built */

  GPtrArray      *(*calendars_list_sync)    (GCancellable *, GError **);
  BtImportSource *(*calendars_read_sync)    (const char * const *, const char *, GDateTime *, GDateTime *,
                                             GCancellable *, GError **);

  GPtrArray      *(*contacts_search_sync)   (const char *, GCancellable *, GError **);
  GHashTable     *(*contacts_lookup_sync)   (const char * const *, GCancellable *, GError **);

  BtEdsWatch     *(*watch_new)              (const char * const *, GDateTime *, GDateTime *);
  guint           (*watch_get_n_started)    (BtEdsWatch *);
} BtEdsModule;

/* The one symbol the module exports. */
#define BT_EDS_MODULE_ENTRY "bt_eds_module_get"
typedef const BtEdsModule *(*BtEdsModuleEntry) (void);

G_END_DECLS
