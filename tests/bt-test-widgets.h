/* bt-test-widgets.h — starting the ui tests and finding their widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <adwaita.h>

/* g_test_init() with isolated folders, then GTK and libadwaita. Returns
 * FALSE, after printing a TAP skip, when there is no display: meson then
 * reports the test as skipped, and dev.sh test, which provides the display,
 * treats a skip as a broken set-up. */
static inline gboolean
bt_test_init_ui (int    *argc,
                 char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolated folders for what the tests write, but the system's read-only
   * data (icon themes, the MIME database that tells an SVG icon from other
   * files) as the app sees it. */
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL && *data_dirs != '\0' ? data_dirs : "/usr/local/share:/usr/share",
            TRUE);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();

  return TRUE;
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
bt_test_find (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bt_test_find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}
