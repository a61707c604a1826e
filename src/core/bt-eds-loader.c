/* bt-eds-loader.c — the desktop's calendars and contacts, from the EDS
 * module loaded when first needed
 *
 * The functions of bt-eds-calendars.h, bt-eds-contacts.h and
 * bt-eds-watch.h that call into Evolution Data Server are in libbt-eds.so
 * (see bt-eds-module-private.h). Each one here loads it once, from
 * $BREAKTHROUGH_EDS_MODULE when set (the build folder, the tests) or from
 * the folder it is installed in, and calls it. The async calls load it in
 * their worker thread, so the main loop never waits for EDS's libraries.
 * Without the module, each says why in its error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "bt-eds-module-private.h"
#include "bt-eds-watch-private.h"

static const BtEdsModule *
load_module (GError **error)
{
  static GMutex lock;
  static const BtEdsModule *module;
  static char *failure;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&lock);
  const char *path;
  GModule *handle;
  BtEdsModuleEntry entry;

  if (module == NULL && failure == NULL)
    {
      path = g_getenv ("BREAKTHROUGH_EDS_MODULE");
      if (path == NULL || *path == '\0')
        path = BT_PKGLIBDIR G_DIR_SEPARATOR_S "libbt-eds.so";

      handle = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      if (handle == NULL)
        failure = g_strdup (g_module_error ());
      else if (!g_module_symbol (handle, BT_EDS_MODULE_ENTRY, (gpointer *) &entry))
        {
          failure = g_strdup (g_module_error ());
          g_module_close (handle);
        }
      else if (entry ()->size != sizeof (BtEdsModule))
        {
          failure = g_strdup_printf ("%s: built for another version of the app", path);
          g_module_close (handle);
        }
      else
        {
          /* Its types stay registered: it stays. */
          g_module_make_resident (handle);
          module = entry ();
        }
    }

  if (module == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 /* TRANSLATORS: %s is the system's reason, for example a file not found */
                 _("The desktop’s calendars and contacts cannot be reached: %s"), failure);
  return module;
}

GPtrArray *
bt_eds_calendars_list_sync (GCancellable  *cancellable,
                            GError       **error)
{
  const BtEdsModule *module = load_module (error);

  return module ? module->calendars_list_sync (cancellable, error) : NULL;
}

BtImportSource *
bt_eds_calendars_read_sync (const char * const *uids,
                            const char         *user_email,
                            GDateTime          *from,
                            GDateTime          *now,
                            GCancellable       *cancellable,
                            GError            **error)
{
  const BtEdsModule *module = load_module (error);

  return module ? module->calendars_read_sync (uids, user_email, from, now, cancellable, error) : NULL;
}

GPtrArray *
bt_eds_contacts_search_sync (const char    *text,
                             GCancellable  *cancellable,
                             GError       **error)
{
  const BtEdsModule *module = load_module (error);

  return module ? module->contacts_search_sync (text, cancellable, error) : NULL;
}

GHashTable *
bt_eds_contacts_lookup_sync (const char * const  *uids,
                             GCancellable        *cancellable,
                             GError             **error)
{
  const BtEdsModule *module = load_module (error);

  return module ? module->contacts_lookup_sync (uids, cancellable, error) : NULL;
}

/* Without the module, no watch: the calendars it would watch cannot be
 * read either. */
BtEdsWatch *
bt_eds_watch_new (const char * const *uids,
                  GDateTime          *from,
                  GDateTime          *until)
{
  g_autoptr(GError) error = NULL;
  const BtEdsModule *module = load_module (&error);

  if (module == NULL)
    {
      g_message ("Not watching the desktop’s calendars: %s", error->message);
      return NULL;
    }
  return module->watch_new (uids, from, until);
}

guint
bt_eds_watch_get_n_started (BtEdsWatch *self)
{
  const BtEdsModule *module = load_module (NULL);

  return module ? module->watch_get_n_started (self) : 0;
}
