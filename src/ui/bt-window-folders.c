/* bt-window-folders.c — where exports and imports start
 *
 * The plan may live in the app's own data folder (the default, with its
 * plan.json.bak): no place to drop an export or look for a calendar.
 * Exports and imports start in the folder last used for one of them in
 * this session then, else in the user's Documents folder (else their
 * home). A plan kept in a folder of the user's has its exports and
 * imports start next to it, always.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window"

#include "config.h"

#include "bt-window-private.h"

static GFile *last_outside_folder;   /* for the session, all windows */

static GFile *
documents_or_home (void)
{
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/**
 * bt_window_get_outside_folder:
 *
 * Returns: (transfer full): where a dialog that exports or imports starts
 */
GFile *
bt_window_get_outside_folder (BtWindow *self)
{
  g_autoptr(GFile) app_folder = g_file_new_build_filename (g_get_user_data_dir (), "breakthrough", NULL);
  g_autoptr(GFile) folder = NULL;

  folder = bt_window_get_folder (self);
  if (!g_file_equal (folder, app_folder) && !g_file_has_prefix (folder, app_folder))
    return g_steal_pointer (&folder);

  if (last_outside_folder != NULL)
    {
      g_autofree char *path = g_file_get_path (last_outside_folder);

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
        return g_object_ref (last_outside_folder);
    }

  return documents_or_home ();
}

/**
 * bt_window_remember_outside_folder:
 * @file: (nullable): the file just exported or imported; %NULL to forget
 *
 * The next export or import starts in @file's folder.
 */
void
bt_window_remember_outside_folder (GFile *file)
{
  g_clear_object (&last_outside_folder);
  if (file != NULL)
    last_outside_folder = g_file_get_parent (file);
}

/* As bt_window_set_folder(), for exports and imports. */
void
bt_window_set_outside_folder (BtWindow       *self,
                              GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = bt_window_get_outside_folder (self);
  g_autoptr(GError) error = NULL;

  if (!gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("The file dialog starts elsewhere: %s", error->message);
}
