/* test-window.c — the window with a real plan file: autosave, and another
 * program writing the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-analytics.h"
#include "bt-clock.h"
#include "bt-application.h"
#include "bt-check-in-dialog.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include "bt-item-editor.h"
#include "bt-overview-page.h"
#include "bt-plan-file.h"
#include "bt-preferences-window.h"
#include "bt-report.h"
#include "bt-window-merge.h"
#include "bt-window-private.h"

static void
spin_main_loop (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
}

static gboolean
plan_loaded (gpointer data)
{
  return BT_WINDOW (data)->plan != NULL;
}

static gboolean
conflict_shown (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "bt-conflict-dialog") != NULL;
}

typedef struct
{
  const char *path;
  const char *needle;
} FileHas;

static gboolean
file_has (gpointer data)
{
  FileHas *f = data;
  g_autofree char *contents = NULL;

  return g_file_get_contents (f->path, &contents, NULL, NULL) && strstr (contents, f->needle) != NULL;
}

typedef struct
{
  BtWindow   *window;
  const char *title;
} StatusSays;

static gboolean
status_says (gpointer data)
{
  StatusSays *s = data;

  return g_strcmp0 (adw_status_page_get_title (s->window->status_page), s->title) == 0;
}

static gboolean
banner_revealed (gpointer data)
{
  BtWindow *window = data;

  return gtk_widget_get_visible (GTK_WIDGET (window->read_only_banner)) &&
         gtk_revealer_get_child_revealed (window->read_only_banner);
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowIn;

static gboolean
row_found (gpointer data)
{
  RowIn *r = data;

  return bt_test_find_row (r->root, r->title) != NULL;
}

static BtWindow *
open_window (GApplication *app,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), file);

  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));

  return window;
}

static void
rename_first_person (BtWindow   *window,
                     const char *name)
{
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  bt_history_set (window->history, r, "name", &value);
}

static void
test_autosave (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas saved = { path, "\"name\": \"Autosaved Person\"" };
  GStatBuf st;

  rename_first_person (window, "Autosaved Person");
  g_assert_false (file_has (&saved));   /* not at once: after a pause */
  g_assert_true (bt_test_wait_until (file_has, &saved, 2 * AUTOSAVE_SECONDS + 2));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Our own write is not another program's: no conflict, even once the
   * file monitor has told of it, and the window closes. */
  spin_main_loop (3000);
  g_assert_false (conflict_shown (window));
  g_assert_false (bt_document_needs_flush (window->document));
  {
    gboolean kept_open = TRUE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_false (kept_open);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_destroyed_cb (gboolean *flag)
{
  *flag = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Closing right after an edit: the window waits for the save, written in
 * the background, and then closes; the change is on disk. */
static void
test_close_waits_for_save (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas saved = { path, "\"name\": \"Closing Person\"" };
  gboolean destroyed = FALSE;
  gboolean kept_open = FALSE;

  g_signal_connect_swapped (window, "destroy", G_CALLBACK (on_destroyed_cb), &destroyed);
  rename_first_person (window, "Closing Person");
  g_assert_true (bt_document_needs_flush (window->document));

  g_signal_emit_by_name (window, "close-request", &kept_open);
  g_assert_true (kept_open);   /* until the save is on disk */
  g_assert_true (bt_test_wait_until (flag_set, &destroyed, 10));
  g_assert_true (file_has (&saved));
}

/* The window opens at the size it had when it was last closed, as GNOME
 * apps do. */
static void
test_window_size_is_remembered (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  GSettings *settings = bt_application_get_settings (BT_APPLICATION (app));
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window;
  gboolean destroyed = FALSE;
  gboolean kept_open = FALSE;
  int width = 0, height = 0;

  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = open_window (app, path);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  /* Resized, then closed: the new size is what the next window gets. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_signal_connect_swapped (window, "destroy", G_CALLBACK (on_destroyed_cb), &destroyed);
  g_signal_emit_by_name (window, "close-request", &kept_open);
  if (kept_open)
    g_assert_true (bt_test_wait_until (flag_set, &destroyed, 10));
  else
    gtk_window_destroy (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* Exports and imports do not start in the app's hidden data folder, where
 * the plan and its backup are by default: in Documents then; next to a
 * plan kept elsewhere; and in the folder last used, for the session. */
static void
test_exports_start_outside_the_data_folder (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  const char *special = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  /* Documents, or home when there is no such folder (as here, isolated). */
  const char *documents = special != NULL && g_file_test (special, G_FILE_TEST_IS_DIR) ? special
                                                                                       : g_get_home_dir ();
  g_autofree char *default_path = bt_plan_file_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *elsewhere = bt_test_copy_sample ();
  g_autofree char *elsewhere_dir = g_path_get_dirname (elsewhere);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) documents_file = g_file_new_for_path (documents);
  g_autoptr(GFile) elsewhere_file = g_file_new_for_path (elsewhere_dir);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) folder = NULL;
  BtWindow *window;

  g_assert_cmpint (g_mkdir_with_parents (documents, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (default_dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (default_path, contents, -1, NULL));
  bt_window_remember_outside_folder (NULL);

  window = open_window (app, default_path);
  folder = bt_window_get_outside_folder (window);
  g_assert_true (g_file_equal (folder, documents_file));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&folder);

  window = open_window (app, elsewhere);
  folder = bt_window_get_outside_folder (window);
  g_assert_true (g_file_equal (folder, elsewhere_file));
  g_clear_object (&folder);

  /* A plan in a folder of the user's: its exports start next to it, even
   * after another folder was used. */
  chosen = g_file_new_build_filename (documents, "report.pdf", NULL);
  bt_window_remember_outside_folder (chosen);
  folder = bt_window_get_outside_folder (window);
  g_assert_true (g_file_equal (folder, elsewhere_file));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&folder);
  g_clear_object (&chosen);

  /* A plan in the app's folder: the folder last used, for the session. */
  window = open_window (app, default_path);
  chosen = g_file_new_build_filename (elsewhere_dir, "report.pdf", NULL);
  bt_window_remember_outside_folder (chosen);
  folder = bt_window_get_outside_folder (window);
  g_assert_true (g_file_equal (folder, elsewhere_file));
  gtk_window_destroy (GTK_WINDOW (window));

  bt_window_remember_outside_folder (NULL);
  g_unlink (default_path);
}

/* The page in view is on screen: bt_test_find_unnamed() looks only at
 * what is mapped, and would pass a page not mapped yet. */
static gboolean
visible_page_mapped (gpointer data)
{
  GtkWidget *page = adw_view_stack_get_visible_child (BT_WINDOW (data)->stack);

  return page != NULL && gtk_widget_get_mapped (page);
}

/* Every page of the main window and the preferences: each control that
 * takes the focus, and each list, has an accessible name, said once. */
static void
test_every_control_is_named (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  const char *pages[] = { "overview", "roadmap", "time", "relationships", "narratives" };
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  BtPreferencesWindow *prefs;

  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop (300);
  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      adw_view_stack_set_visible_child_name (window->stack, pages[p]);
      g_assert_true (bt_test_wait_until (visible_page_mapped, window, 10));
      spin_main_loop (200);
      bt_test_find_unnamed (GTK_WIDGET (window), problems);
    }

  prefs = bt_preferences_window_new (GTK_WINDOW (window), bt_application_get_settings (BT_APPLICATION (app)));
  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_true (bt_test_wait_until (widget_mapped, prefs, 10));
  spin_main_loop (300);
  bt_test_find_unnamed (GTK_WIDGET (prefs), problems);
  /* Its page, a tab to a screen reader: "GtkLabel" without a title. */
  {
    GtkWidget *page = bt_test_find (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE);

    g_assert_nonnull (page);
    g_assert_nonnull (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)));
    g_assert_cmpstr (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)), !=, "");
  }
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s\n", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_other_writer_is_never_overwritten (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  const char *theirs = "{\"format\": \"breakthrough-plan\", \"version\": 1, \"profile\": {\"name\": \"Theirs\"}}\n";
  g_autofree char *after = NULL;

  /* With a version in common the window merges (test-window-merge.c);
   * without, it asks. */
  bt_window_merge_forget_bases (window);

  /* Give the file system a different modification time than our read. */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  g_assert_true (bt_test_wait_until (conflict_shown, window, 10));

  /* An edit here is not saved over their file, by autosave or on close. */
  rename_first_person (window, "Mine");
  for (gint64 end = g_get_monotonic_time () + (AUTOSAVE_SECONDS + 1) * G_USEC_PER_SEC;
       g_get_monotonic_time () < end; )
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);

  /* Closing with changes that cannot be saved keeps the window open. */
  {
    gboolean kept_open = FALSE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_true (kept_open);
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, theirs);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A plan that takes long to open says so; one that opens at once never
 * flashes it. A FIFO keeps the worker thread reading until the test writes. */
static void
test_slow_open_says_so (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *sample = bt_test_copy_sample ();
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bt-fifo-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window;
  gint64 start;
  gsize length;
  int fd;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  start = g_get_monotonic_time ();
  window = bt_window_new (BT_APPLICATION (app), file);
  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (100);
  /* Not said at once: the window waits 300 ms. A slow machine (the
   * sanitizers) may have spun past them by now, and then may say it. */
  if (g_get_monotonic_time () - start < 300 * 1000)
    g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "");
  else
    g_test_message ("the first frame took 300 ms: not looking for a flash");
  g_assert_true (bt_test_wait_until (status_says, &(StatusSays) { window, "Opening the plan…" }, 10));
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Opening the plan…");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->opening_spinner)));
  g_assert_true (gtk_spinner_get_spinning (window->opening_spinner));
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "opening"), >, 2);

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, length), ==, (gssize) length);
  close (fd);
  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));
  g_assert_false (gtk_spinner_get_spinning (window->opening_spinner));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* The shown windows of @type; with @destroy, they are closed. */
static guint
toplevels_of_type (GType    type,
                   gboolean destroy)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  guint n = 0;

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i - 1);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (w, type) || !gtk_widget_get_visible (w))
        continue;
      n++;
      if (destroy)
        gtk_window_destroy (GTK_WINDOW (w));
    }

  return n;
}

/* A plan from a newer version opens read-only, says so in a banner with a
 * way to export a copy, offers no check-in and is never written. */
static void
test_newer_version_is_read_only (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) newer = NULL;
  BtWindow *window;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  newer = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (newer, "\"version\": 1,", "\"version\": 99,", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, newer->str, -1, NULL));

  window = open_window (app, path);
  g_assert_true (bt_plan_get_read_only (window->plan));
  gtk_window_present (GTK_WINDOW (window));
  /* The banner slides in: wait for the animation, however slow. */
  g_assert_true (bt_test_wait_until (banner_revealed, window, 10));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->read_only_banner)));
  g_assert_true (gtk_revealer_get_child_revealed (window->read_only_banner));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
  /* What must not happen: a check-in dialog. */
  bt_test_spin (100);
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_CHECK_IN_DIALOG, FALSE), ==, 0);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "read-only"), >, 2);

  /* Nothing to add on any page: no editor greyed out from top to bottom. */
  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    {
      BtChartPage *page = bt_window_get_chart_page (window, kind);

      g_assert_false (gtk_widget_get_sensitive ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (page), BT_TYPE_CHART_PAGE,
                                                                               "add_button")));
      g_assert_false (gtk_widget_get_sensitive ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (page), BT_TYPE_CHART_PAGE,
                                                                               "secondary_add_button")));
    }

  {
    gboolean kept_open = TRUE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_false (kept_open);
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer->str);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard shortcuts window opens on Ctrl+? once the plan is there,
 * built the first time it is asked for; and the window's icon is there. */
static void
test_shortcuts_window (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkShortcutsWindow *overlay;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  /* added with the shortcuts once the window is there: the window's icon
   * for X11, and the default for the dialogs */
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, APP_ID);
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  /* not built before it is opened (/window/finished-after-plan-frame) */
  g_assert_null (gtk_menu_button_get_popover (window->menu_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (widget_visible, overlay, 10));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  /* asked for again, the same window comes back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (bt_test_wait_until (widget_visible, overlay, 10));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
editor_shown (gpointer data)
{
  return toplevels_of_type (BT_TYPE_ITEM_EDITOR, FALSE) > 0;
}

static gboolean
shows_their_name (gpointer data)
{
  BtWindow *window = data;

  return g_strcmp0 (bt_profile_get_name (bt_plan_get_profile (window->plan)), "Their Name") == 0;
}

/* Reloading a plan changed by another program shows theirs in the same
 * pages, and opening an item afterwards opens one editor, not one per load. */
static void
test_reload_shows_theirs (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  BtChartPage *pages_before = bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS);
  g_autofree char *contents = NULL;
  g_autoptr(GString) theirs = NULL;
  g_autoptr(BtRelationship) person = NULL;
  AdwMessageDialog *dialog;

  bt_window_merge_forget_bases (window);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (theirs, "\"Alex Morgan\"", "\"Their Name\"", 1), ==, 1);
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, theirs->str, -1, NULL));
  g_assert_true (bt_test_wait_until (conflict_shown, window, 10));

  dialog = g_object_get_data (G_OBJECT (window), "bt-conflict-dialog");
  adw_message_dialog_response (dialog, "reload");
  /* Read again in a worker: the window shows theirs once it is. */
  g_assert_true (bt_test_wait_until (shows_their_name, window, 10));
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Their Name");
  g_assert_true (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS) == pages_before);

  person = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_ITEM_EDITOR, FALSE), ==, 0);
  g_signal_emit_by_name (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS), "open-item",
                         bt_plan_get_relationships (window->plan), person);
  g_assert_true (bt_test_wait_until (editor_shown, NULL, 10));
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_ITEM_EDITOR, FALSE), ==, 1);

  toplevels_of_type (BT_TYPE_ITEM_EDITOR, TRUE);
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child);

  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsShown;

static gboolean
rows_shown (gpointer data)
{
  RowsShown *r = data;

  return count_rows (r->list) == r->n;
}

static void
test_people_search_and_filter (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  GtkWidget *page = GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS));
  GtkWidget *search = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "search_entry");
  GtkWidget *overdue = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "overdue_toggle");
  GtkWidget *list = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "list");
  GListModel *people = bt_plan_get_relationships (window->plan);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint expected_overdue = 0;
  GDate today;

  /* A page builds its rows when it is first shown. */
  g_assert_cmpuint (count_rows (list), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (window->stack, "relationships");
  /* Built once the page is mapped, the first rows then the rest in an idle. */
  g_assert_true (bt_test_wait_until (rows_shown, &(RowsShown) { list, g_list_model_get_n_items (people) }, 10));
  g_assert_cmpuint (count_rows (list), ==, g_list_model_get_n_items (people));

  /* Case does not matter; the role is searched too. */
  gtk_editable_set_text (GTK_EDITABLE (search), "PRIYA");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "cfo");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 1);
  /* And the function, as the rows say it: the sample has two in finance,
   * one of whom has no "finance" in her name, role or notes. */
  gtk_editable_set_text (GTK_EDITABLE (search), "FINANCE");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_signal_emit_by_name (search, "search-changed");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (overdue), TRUE);

  bt_date_from_time (now, &today);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (people, i);
      expected_overdue += bt_analytics_relationship_state (r, &today, NULL) == BT_RELATIONSHIP_OVERDUE;
    }
  g_assert_cmpuint (expected_overdue, >, 0);
  g_assert_cmpuint (count_rows (list), ==, expected_overdue);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_style_preference (gconstpointer data)
{
  BtApplication *app = BT_APPLICATION ((gpointer) data);
  GSettings *settings = bt_application_get_settings (app);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* The schema is compiled into the build folder for the tests. */
  g_assert_nonnull (settings);

  g_settings_set_string (settings, "style", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "style", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "style");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* Renders the window as it is on screen and saves it; returns how many
 * different colours it has, so a blank page shows up as 1 or 2. */

typedef struct
{
  BtWindow  *window;
  GtkWidget *bar;
  gboolean   narrow;
} LaidOut;

/* The window has its size, and the switcher is where that size puts it. */
static gboolean
laid_out (gpointer data)
{
  LaidOut *l = data;
  int width = gtk_widget_get_width (GTK_WIDGET (l->window));

  return width > 0 && (width <= 400) == l->narrow &&
         adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (l->bar)) == l->narrow;
}

static void
test_every_page_in_every_style (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  const char *pages[] = { "overview", "roadmap", "time", "relationships", "narratives" };
  const char *styles[] = { "light", "dark", "narrow" };
  AdwStyleManager *manager = adw_style_manager_get_default ();

  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    {
      g_autofree char *path = bt_test_copy_sample ();
      gboolean narrow = g_str_equal (styles[s], "narrow");
      BtWindow *window = open_window (app, path);
      GtkWidget *bar = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window), BT_TYPE_WINDOW,
                                                                    "switcher_bar");

      adw_style_manager_set_color_scheme (manager, g_str_equal (styles[s], "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (window), narrow ? 360 : 1100, narrow ? 720 : 800);
      gtk_window_present (GTK_WINDOW (window));
      g_assert_true (bt_test_wait_until (laid_out, &(LaidOut) { window, bar, narrow }, 10));
      spin_main_loop (300);   /* for the screenshots */

      if (narrow)
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
      /* Narrow, the view switcher moves from the header to the bottom. */
      g_assert_cmpint (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)), ==, narrow);

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", pages[p], styles[s]);

          /* A chart page is built the first time it is shown, with the plan. */
          if (p > 0)
            g_assert_null (window->chart_pages[p - 1]);
          adw_view_stack_set_visible_child_name (window->stack, pages[p]);
          if (p > 0)
            {
              g_assert_nonnull (window->chart_pages[p - 1]);
              g_assert_true (gtk_widget_get_parent (GTK_WIDGET (window->chart_pages[p - 1])) ==
                             GTK_WIDGET (window->chart_bins[p - 1]));
              g_assert_true (bt_chart_page_get_plan (window->chart_pages[p - 1]) == window->plan);
            }
          spin_main_loop (300);
          if (bt_test_screenshot (GTK_WIDGET (window), name) < 20)
            g_error ("the %s page looks blank (%s)", pages[p], styles[s]);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
restore_offered (gpointer data)
{
  return gtk_widget_get_visible (BT_WINDOW (data)->restore_button);
}

/* A plan that no longer reads, with the backup of the last save beside
 * it: the window offers the backup, keeps the unreadable file, and opens
 * the backup in its place. */
static void
test_unreadable_plan_offers_backup (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *sample = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDir) listing = NULL;
  const char *corrupt = "{\"format\": \"breakthrough-plan\", \"version\": 1, \"weeks\": [";
  BtWindow *window;
  gboolean kept = FALSE;

  g_assert_true (g_file_get_contents (path, &sample, NULL, NULL));
  g_assert_true (g_file_set_contents (backup, sample, -1, NULL));
  g_assert_true (g_file_set_contents (path, corrupt, -1, NULL));

  window = bt_window_new (BT_APPLICATION (app), file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (restore_offered, window, 10));
  g_assert_null (window->plan);
  /* No plan, no pages to switch to. */
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  spin_main_loop (300);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "unreadable-plan"), >, 5);

  g_signal_emit_by_name (window->restore_button, "clicked");
  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_weeks (window->plan)), ==, 78);
  g_assert_false (gtk_widget_get_visible (window->restore_button));
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));

  /* The unreadable file is kept, byte for byte, and readable by the user alone. */
  listing = g_dir_open (dir, 0, NULL);
  for (const char *name = g_dir_read_name (listing); name != NULL; name = g_dir_read_name (listing))
    if (g_str_has_prefix (name, "plan.json.unreadable-"))
      {
        g_autofree char *aside = g_build_filename (dir, name, NULL);
        g_autofree char *contents = NULL;

        g_assert_true (g_file_get_contents (aside, &contents, NULL, NULL));
        g_assert_cmpstr (contents, ==, corrupt);
        kept = TRUE;
      }
  g_assert_true (kept);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The time page's week popover is on screen: mapped, it has read the
 * week's first day and today. */
static gboolean
week_popover_mapped (gpointer add)
{
  GtkWidget *popover = g_object_get_data (G_OBJECT (add), "bt-week-popover");

  return popover != NULL && gtk_widget_get_mapped (popover);
}

static gboolean
check_in_shown (gpointer data)
{
  return toplevels_of_type (BT_TYPE_CHECK_IN_DIALOG, FALSE) > 0;
}

static gboolean
is_day_button (GtkWidget     *widget,
               gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         !gtk_widget_has_css_class (widget, "dim-label");
}

static gboolean is_label_containing (GtkWidget     *widget,
                                     gconstpointer  words);

/* A week the plan has no record of, long past: the Time page's add button
 * picks a day, in a month whose weeks start on the day the preferences
 * say, and the check-in of that day's ISO week opens. */
static void
test_record_a_past_week (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  GSettings *settings = bt_application_get_settings (BT_APPLICATION (app));
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  GtkWidget *add, *popover, *picker, *grid, *first = NULL;
  GDate day;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
  GtkWidget *dialog = NULL;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 13, G_DATE_MARCH, 2024);   /* 2024-W11; March 2024 begins on a Friday */
  g_settings_set_string (settings, "week-start", "sunday");
  g_assert_null (bt_plan_find_week (window->plan, 2024, 11));
  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (window->stack, "time");
  spin_main_loop (300);

  add = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_TIME)), BT_TYPE_CHART_PAGE, "add_button");
  g_assert_true (gtk_widget_get_visible (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (bt_test_wait_until (week_popover_mapped, add, 10));
  popover = g_object_get_data (G_OBJECT (add), "bt-week-popover");
  g_assert_nonnull (popover);
  picker = bt_test_find (popover, BT_TYPE_DATE_PICKER);
  g_assert_nonnull (picker);
  g_assert_cmpint (bt_date_picker_get_week_start (BT_DATE_PICKER (picker)), ==, G_DATE_SUNDAY);
  bt_date_picker_set_date (BT_DATE_PICKER (picker), &day);
  /* The first day shown is Sunday 25 February. */
  grid = bt_test_find (picker, GTK_TYPE_GRID);
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL && first == NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      first = child;
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (first)), ==, "25");
  g_signal_emit_by_name (bt_test_find_match (picker, is_day_button, "13"), "clicked");
  g_assert_true (bt_test_wait_until (check_in_shown, NULL, 10));
  g_settings_reset (settings, "week-start");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (BT_IS_CHECK_IN_DIALOG (w))
        dialog = w;
    }
  g_assert_nonnull (dialog);
  {
    GtkWidget *title = (GtkWidget *) gtk_widget_get_template_child (dialog, BT_TYPE_CHECK_IN_DIALOG, "window_title");
    GtkWidget *hours = (GtkWidget *) gtk_widget_get_template_child (dialog, BT_TYPE_CHECK_IN_DIALOG, "hours_group");

    /* the week; a past week's hours are not "this week's": its days say which */
    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "2024-W11");
    g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (hours)), ==,
                     "Hours of 11 Mar 2024 – 17 Mar 2024");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Opened again, it shows this month, not March 2024. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin_main_loop (300);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (bt_test_wait_until (week_popover_mapped, add, 10));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *this_month = g_date_time_format (now, "%B %Y");

    g_assert_nonnull (bt_test_find_match (picker, is_label_containing, this_month));
    g_assert_null (bt_test_find_match (picker, is_label_containing, "March 2024"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  words)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), words) != NULL;
}

static GtkWidget *
day_button (GtkWidget   *picker,
            const GDate *day)
{
  GtkWidget *grid = bt_test_find (picker, GTK_TYPE_GRID);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "bt-julian")) == g_date_get_julian (day))
      return child;

  return NULL;
}

/* Weeks after this one cannot be recorded: their days cannot be picked,
 * and the popover says why; this week's days, later ones too, can. */
static void
test_record_a_past_week_not_future (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *add, *popover, *picker;
  GDate today, sunday, next_week;

  bt_date_from_time (now, &today);
  sunday = today;
  g_date_add_days (&sunday, G_DATE_SUNDAY - g_date_get_weekday (&today));
  next_week = sunday;
  g_date_add_days (&next_week, 1);

  gtk_window_present (GTK_WINDOW (window));
  adw_view_stack_set_visible_child_name (window->stack, "time");
  spin_main_loop (300);
  add = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_TIME)), BT_TYPE_CHART_PAGE, "add_button");
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (bt_test_wait_until (week_popover_mapped, add, 10));
  popover = g_object_get_data (G_OBJECT (add), "bt-week-popover");
  picker = bt_test_find (popover, BT_TYPE_DATE_PICKER);

  bt_date_picker_set_date (BT_DATE_PICKER (picker), &next_week);
  g_assert_nonnull (day_button (picker, &next_week));
  g_assert_false (gtk_widget_get_sensitive (day_button (picker, &next_week)));
  g_assert_nonnull (day_button (picker, &sunday));
  g_assert_true (gtk_widget_get_sensitive (day_button (picker, &sunday)));
  bt_date_picker_set_date (BT_DATE_PICKER (picker), &today);
  g_assert_true (gtk_widget_get_sensitive (day_button (picker, &today)));
  g_assert_nonnull (bt_test_find_match (popover, is_label_containing, "time not spent yet"));
  bt_test_screenshot (popover, "record-a-past-week");

  gtk_popover_popdown (GTK_POPOVER (popover));
  /* A tooltip of the days may be on its way: GTK 4.8 then asks for the
   * pointer on a window already gone (a critical), so it comes first. */
  bt_test_spin (1000);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The overview lists the first overdue people, says by how much and how
 * many more there are, from the analytics' count. Someone with no
 * touchpoint yet, as one just added, is not overdue. */
static void
test_overview_counts_overdue_people (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autoptr(GString) text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"relationships\": [");
  g_autofree char *dir = g_dir_make_tmp ("bt-overdue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -40);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *last = g_date_time_format (then, "%Y-%m-%d");
  g_autofree char *expected = NULL;
  BtWindow *window;
  GDate last_date;

  /* Nine last seen 40 days ago with a 30-day cadence, so 10 days late; one
   * never touched and one seen today, so not. */
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (text, "{\"name\": \"Person %u\", \"cadence_days\": 30, "
                                  "\"touchpoints\": [{\"date\": \"%s\"}]}, ", i, last);
  g_string_append (text, "{\"name\": \"Just Added\", \"cadence_days\": 14}, ");
  g_string_append_printf (text, "{\"name\": \"Seen\", \"touchpoints\": [{\"date\": \"%s\"}]}]}", today);
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (row_found, &(RowIn) { GTK_WIDGET (window), "and 3 more" }, 10));

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_assert_true ((bt_test_find_row (GTK_WIDGET (window), name) != NULL) == (i < 6));
    }
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Seen"));
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Just Added"));
  g_assert_nonnull (bt_test_find_row (GTK_WIDGET (window), "and 3 more"));
  /* No role: no " · " before the rest; and how late. */
  g_assert_true (bt_date_parse (last, &last_date));
  {
    g_autofree char *when = bt_format_date (&last_date);

    expected = g_strdup_printf ("Last touchpoint %s, overdue by 10 days", when);
  }
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bt_test_find_row (GTK_WIDGET (window), "Person 0"))),
                   ==, expected);

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static const char *
share_subtitle (BtWindow *window)
{
  GtkWidget *row = bt_test_find_row (GTK_WIDGET (window), "Strategic share, last four weeks");

  g_assert_nonnull (row);

  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

typedef struct
{
  BtWindow   *window;
  const char *prefix;
} ShareShown;

static gboolean
share_shown (gpointer data)
{
  ShareShown *shown = data;

  return g_str_has_prefix (share_subtitle (shown->window), shown->prefix);
}

/* The overview's share follows the week's hours as they change, and a week
 * recorded before it: the analytics patch what they keep, and what the
 * window shows is what they work out. */
static void
test_overview_follows_the_hours (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *dir = g_dir_make_tmp ("bt-hours-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  GDate today, previous;
  int year, week, previous_year, previous_week;
  BtWindow *window;

  bt_date_from_time (now, &today);
  bt_iso_week_of_date (&today, &year, &week);
  previous = today;
  g_date_subtract_days (&previous, 7);
  bt_iso_week_of_date (&previous, &previous_year, &previous_week);
  text = g_strdup_printf ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"categories\": ["
                          "{\"id\": \"t\", \"name\": \"Meetings\", \"kind\": \"tactical\"}, "
                          "{\"id\": \"s\", \"name\": \"Strategy\", \"kind\": \"strategic\"}], "
                          "\"weeks\": [{\"week\": \"%04d-W%02d\", \"hours\": {\"t\": 30, \"s\": 10}}]}",
                          year, week);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  /* Waiting for what the user would see: under the sanitizers a redraw
   * takes its time. */
  g_assert_true (bt_test_wait_until (share_shown, &(ShareShown) { window, "25%" }, 10));

  bt_week_set_hours (bt_plan_find_week (window->plan, year, week), "s", 30);
  g_assert_true (bt_test_wait_until (share_shown, &(ShareShown) { window, "50%" }, 10));

  /* The week before, recorded now: the four weeks are 70 hours of 100. */
  bt_week_set_hours (bt_plan_ensure_week (window->plan, previous_year, previous_week), "s", 40);
  g_assert_true (bt_test_wait_until (share_shown, &(ShareShown) { window, "70%" }, 10));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* On the overview, a milestone's, an overdue person's and a draft
 * narrative's row opens that item's editor, as on its own page; a row
 * that only says something opens nothing. */
static void
test_overview_rows_open_their_items (gconstpointer data)
{
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (G_APPLICATION ((gpointer) data), path);
  g_autoptr(GPtrArray) next = NULL;
  const char *titles[3];
  GDate today;
  GtkWidget *row;

  bt_today (&today);
  next = bt_analytics_next_milestones (window->plan, &today);
  g_assert_cmpuint (next->len, >, 0);
  titles[0] = bt_milestone_get_title (g_ptr_array_index (next, 0));
  {
    g_autoptr(BtRelationship) first = NULL;
    g_autoptr(BtNarrative) draft = NULL;
    GListModel *people = bt_plan_get_relationships (window->plan);
    GListModel *narratives = bt_plan_get_narratives (window->plan);

    titles[1] = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (people) && titles[1] == NULL; i++)
      {
        g_autoptr(BtRelationship) r = g_list_model_get_item (people, i);

        if (bt_analytics_relationship_state (r, &today, NULL) == BT_RELATIONSHIP_OVERDUE)
          titles[1] = bt_relationship_get_name (r);
      }
    titles[2] = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (narratives) && titles[2] == NULL; i++)
      {
        g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);

        if (bt_narrative_get_status (n) == BT_NARRATIVE_DRAFT)
          titles[2] = bt_narrative_get_title (n);
      }
  }
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      if (titles[i] == NULL)
        continue;
      g_assert_true (bt_test_wait_until (row_found, &(RowIn) { GTK_WIDGET (window->overview_page), titles[i] }, 10));
      row = bt_test_find_row (GTK_WIDGET (window->overview_page), titles[i]);
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_signal_emit_by_name (row, "activate");
      g_assert_true (bt_test_wait_until (editor_shown, NULL, 10));
      toplevels_of_type (BT_TYPE_ITEM_EDITOR, TRUE);
    }
  g_assert_nonnull (titles[0]);
  g_assert_nonnull (titles[1]);

  /* "Trend" says something and opens nothing. */
  row = bt_test_find_row (GTK_WIDGET (window->overview_page), "Trend");
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_of_class (GtkWidget     *widget,
                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

/* The colour of @row's title or subtitle label, as the style gives it. */
static void
label_color (GtkWidget  *row,
             const char *css_class,
             GdkRGBA    *color)
{
  GtkWidget *label = bt_test_find_match (row, is_label_of_class, css_class);

  g_assert_nonnull (label);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (label), color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The overview shows how each rated warning sign goes, flags one that is
 * growing, and shows nothing for a sign, or a plan, never rated. */
static void
test_overview_warning_signs (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *dir = g_dir_make_tmp ("bt-signs-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GString) text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"check_ins\": [");
  GtkWidget *row;
  BtWindow *window;

  /* Over-involvement 1 1 1 1 then 4 4 4 4: growing; operational reflex
   * rated once. */
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (text, "%s{\"week\": \"2026-W%02u\", \"over_involvement\": %u%s}",
                            i > 0 ? ", " : "", 10 + i, i < 4 ? 1 : 4,
                            i == 7 ? ", \"operational_reflex\": 2" : "");
  g_string_append (text, "]}");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (row_found, &(RowIn) { GTK_WIDGET (window), "Operational reflex" }, 10));

  row = bt_test_find_row (GTK_WIDGET (window), "Over-involvement in details");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_visible (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "4 of 5 in 2026-W17 · growing: 4.0 over the last four check-ins, 1.0 before");
  g_assert_true (gtk_widget_has_css_class (row, "warning"));

  row = bt_test_find_row (GTK_WIDGET (window), "Operational reflex");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "2 of 5 in 2026-W17, the first rating");
  g_assert_false (gtk_widget_has_css_class (row, "warning"));

  /* The warning's title stands out; its subtitle reads as any row's (in
   * the warning colour, dimmed, it was 2:1 against the card). */
  {
    GtkWidget *warned = bt_test_find_row (GTK_WIDGET (window), "Over-involvement in details");
    GdkRGBA warned_title, warned_subtitle, plain_title, plain_subtitle;

    label_color (warned, "title", &warned_title);
    label_color (warned, "subtitle", &warned_subtitle);
    label_color (row, "title", &plain_title);
    label_color (row, "subtitle", &plain_subtitle);
    g_assert_false (gdk_rgba_equal (&warned_title, &plain_title));
    g_assert_true (gdk_rgba_equal (&warned_subtitle, &plain_subtitle));
  }

  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Not delegating real ownership"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* No check-ins: no group at all. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"breakthrough-plan\", \"version\": 1}", -1, NULL));
  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  /* The overview is built with the plan, in open_window(): what this
   * spin gives time for must not appear. */
  bt_test_spin (500);
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Over-involvement in details"));
  {
    GtkWidget *page = bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE);
    GtkWidget *group = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_OVERVIEW_PAGE, "signs_group");

    g_assert_false (gtk_widget_get_visible (group));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Next steps agreed with people, with a due date, are on the overview,
 * soonest first; one without a date is not. */
static void
test_overview_next_steps (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *dir = g_dir_make_tmp ("bt-next-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1, \"relationships\": ["
    "{\"name\": \"Later Person\", \"next_step\": \"Share the cost model\", \"next_step_due\": \"2099-03-01\"},"
    "{\"name\": \"Sooner Person\", \"next_step\": \"Agree the QBR agenda\", \"next_step_due\": \"2099-01-15\"},"
    "{\"name\": \"Undated Person\", \"next_step\": \"Some day\"}]}";
  BtWindow *window;
  GtkWidget *sooner, *later, *page, *group;
  GDate due;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (row_found, &(RowIn) { GTK_WIDGET (window), "Share the cost model" }, 10));

  page = bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE);
  group = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_OVERVIEW_PAGE, "next_steps_group");
  g_assert_true (gtk_widget_get_visible (group));
  sooner = bt_test_find_row (group, "Agree the QBR agenda");
  later = bt_test_find_row (group, "Share the cost model");
  g_assert_nonnull (sooner);
  g_assert_nonnull (later);
  g_assert_null (bt_test_find_row (group, "Some day"));
  g_assert_true (gtk_widget_get_next_sibling (sooner) == later);
  g_assert_true (bt_date_parse ("2099-01-15", &due));
  {
    g_autofree char *when = bt_format_date (&due);
    g_autofree char *expected = g_strdup_printf ("With Sooner Person · due %s", when);

    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (sooner)), ==, expected);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- Open, from a window ---- */

static guint
count_windows (GApplication *app)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    n += BT_IS_WINDOW (l->data);

  return n;
}

static gboolean
message_shown (gpointer data)
{
  return toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG, FALSE) > 0;
}

static AdwMessageDialog *
shown_message (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        return ADW_MESSAGE_DIALOG (w);
    }

  return NULL;
}

typedef struct
{
  BtWindow *window;
  BtPlan   *before;
} PlanChanged;

static gboolean
plan_changed (gpointer data)
{
  PlanChanged *p = data;

  return p->window->plan != NULL && p->window->plan != p->before;
}

/* A corrupt plan opened from a window with the user's plan: no second
 * window, the plan stays, and the message reads as sentences. */
static void
test_open_corrupt_keeps_plan (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *bad = g_build_filename (dir, "broken.json", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  BtWindow *window = open_window (app, path);
  BtPlan *before = window->plan;
  guint windows = count_windows (app);
  AdwMessageDialog *message;
  const char *body;

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"breakthrough-plan\", \"version\": 1,\n"
                                           " \"profile\": {\"name\": \"x\",\n }", -1, NULL));
  gtk_window_present (GTK_WINDOW (window));
  bt_window_open_file (window, bad_file);
  g_assert_true (bt_test_wait_until (message_shown, NULL, 10));
  bt_test_spin (200);

  g_assert_cmpuint (count_windows (app), ==, windows);
  g_assert_true (window->plan == before);
  g_assert_cmpstr (bt_window_get_path (window), ==, path);
  message = shown_message ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (message), "broken.json"));
  body = adw_message_dialog_get_body (message);
  /* The reader's words on one line, then what became of the open plan. */
  g_assert_nonnull (strstr (body, "line 2"));
  g_assert_cmpint (strchr (body, '\n') - body, ==, strstr (body, ".\n\n") - body + 1);
  g_assert_nonnull (strstr (body, "still open"));
  toplevels_of_type (ADW_TYPE_MESSAGE_DIALOG, TRUE);

  /* The window saves nothing over the bad file. */
  bt_test_spin (200);
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (bad, &contents, NULL, NULL));
    g_assert_null (strstr (contents, "Alex"));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (bad);
}

/* The first start or the untouched sample gives way to the plan opened;
 * one from a newer version opens read-only there. */
static void
test_open_replaces_first_start (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *contents = NULL;
  g_autoptr(GString) newer = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), NULL);
  guint windows = count_windows (app);
  PlanChanged changed = { window, NULL };

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  newer = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (newer, "\"version\": 1,", "\"version\": 99,", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, newer->str, -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);
  g_assert_null (window->plan);
  g_assert_true (bt_window_is_replaceable (window));
  bt_window_open_file (window, file);
  g_assert_true (bt_test_wait_until (plan_changed, &changed, 10));

  g_assert_cmpuint (count_windows (app), ==, windows);
  g_assert_cmpstr (bt_window_get_path (window), ==, path);
  g_assert_true (bt_plan_get_read_only (window->plan));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->read_only_banner)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "plan");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkFileChooser *
shown_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (w) && gtk_widget_get_visible (w))
        return GTK_FILE_CHOOSER (w);
    }

  return NULL;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return shown_file_chooser () != NULL;
}

static gboolean
no_file_chooser (gpointer data)
{
  return shown_file_chooser () == NULL;
}

static gboolean
has_current_folder (gpointer chooser)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL;
}

/* Open, Save As, the exports and the report start in the plan's folder,
 * not the process's; the report asks for paper and orientation. */
static void
test_file_dialogs_start_in_plan_folder (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  BtWindow *window = open_window (app, path);
  struct { const char *action; const char *target; } actions[] = {
    { "win.open", NULL }, { "win.save-as", NULL }, { "win.export-report", NULL },
    { "win.export-json", "all" }, { "win.export-chart", "time" }, { "win.export-csv", NULL },
  };

  {
    g_autofree char *cwd = g_get_current_dir ();
    g_autoptr(GFile) working = g_file_new_for_path (cwd);

    g_assert_false (g_file_equal (folder, working));
  }
  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkFileChooser *chooser;
      g_autoptr(GFile) current = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i].action,
                                  actions[i].target ? "s" : NULL, actions[i].target);
      g_assert_true (bt_test_wait_until (file_chooser_shown, NULL, 10));
      chooser = shown_file_chooser ();
      /* The dialog reads its folder before it says which it is. */
      bt_test_wait_until (has_current_folder, chooser, 20);
      current = gtk_file_chooser_get_current_folder (chooser);
      g_test_message ("%s starts in %s", actions[i].action, current ? g_file_peek_path (current) : "(none)");
      g_assert_nonnull (current);
      g_assert_true (g_file_equal (current, folder));

      if (g_str_equal (actions[i].action, "win.export-report"))
        {
          g_assert_nonnull (gtk_file_chooser_get_choice (chooser, "paper"));
          g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "orientation"), ==, "portrait");
        }
      /* A copy of the whole plan is not offered the plan's own name, which
       * the export refuses to replace. */
      if (g_str_equal (actions[i].action, "win.export-json"))
        {
          g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
          g_autofree char *plan_name = g_path_get_basename (path);

          g_assert_cmpstr (name, !=, plan_name);
          g_assert_true (g_str_has_prefix (name, "plan-") && g_str_has_suffix (name, ".json"));
        }
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      /* Gone before the next is looked for, not mistaken for it. */
      g_assert_true (bt_test_wait_until (no_file_chooser, NULL, 10));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
pdf_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length;

  /* A PDF holds binary streams: searched as bytes, not as a string. */
  return g_file_get_contents (data, &contents, &length, NULL) && length > 5 &&
         memmem (contents, length, "%%EOF", 5) != NULL;
}

static gboolean
offers (GtkWidget     *widget,
        gconstpointer  label)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (widget) || !GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    return FALSE;

  model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      return TRUE;

  return FALSE;
}

/* Picks @label in the drop-down under @widget that offers it. */
static void
pick_option (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *drop_down = bt_test_find_match (widget, offers, label);
  GListModel *model;

  g_assert_nonnull (drop_down);
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
}

/* The report's paper and orientation, as chosen, reach the PDF. */
static void
test_report_paper_and_orientation (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  BtWindow *window = open_window (app, path);
  GtkFileChooser *chooser;
  g_autofree char *contents = NULL;
  const char *letter_landscape = "/MediaBox [ 0 0 792 612 ]";
  gsize length;

  /* Accepts a file in GTK's dialog: in a process of its own, as
   * /window/export-onto-plan-is-refused says. */
  if (!g_test_subprocess ())
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", NULL);
  g_assert_true (bt_test_wait_until (file_chooser_shown, NULL, 10));
  chooser = shown_file_chooser ();
  /* As a user does: in the dialog's drop-downs. */
  pick_option (GTK_WIDGET (chooser), "Letter");
  pick_option (GTK_WIDGET (chooser), "Landscape");
  gtk_file_chooser_set_current_name (chooser, "report.pdf");
  bt_test_spin (300);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "paper"), ==, "letter");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "orientation"), ==, "landscape");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (bt_test_wait_until (pdf_written, pdf, 20));

  /* Letter landscape: 792 × 612 points. */
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  g_assert_nonnull (memmem (contents, length, letter_landscape, strlen (letter_landscape)));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (pdf);
}

static gboolean
replace_asked (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (w))
        return TRUE;
    }

  return FALSE;
}

/* Answers GTK's own question before a file is replaced: "Replace". */
static void
confirm_replace (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean answered = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          gtk_dialog_response (GTK_DIALOG (window), GTK_RESPONSE_ACCEPT);
          answered = TRUE;
        }
    }
  g_assert_true (answered);
}

static gboolean
has_menu (gpointer data)
{
  return gtk_menu_button_get_popover (BT_WINDOW (data)->menu_button) != NULL;
}

static gboolean
window_finished (gpointer data)
{
  BtWindow *window = data;

  return g_strcmp0 (gtk_window_get_icon_name (GTK_WINDOW (window)), APP_ID) == 0 &&
         g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay") &&
         adw_view_switcher_bar_get_stack (window->switcher_bar) == window->stack;
}

static gboolean
switcher_bar_revealed (gpointer data)
{
  BtWindow *window = data;

  return adw_view_switcher_bar_get_reveal (window->switcher_bar) &&
         adw_view_switcher_bar_get_stack (window->switcher_bar) == window->stack;
}

/* A window on screen shows the plan first; its icon, its Ctrl+? action
 * and the bottom bar's pages come once that frame is painted, and come
 * for sure. The primary menu, which a click or F10 opens at any time, is
 * built the first time it opens. */
static void
test_finished_after_plan_frame (gconstpointer data)
{
  g_autofree char *path = bt_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION ((gpointer) data), file);

  g_assert_false (window_finished (window));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));
  g_assert_nonnull (window->stack);
  g_assert_true (bt_test_wait_until (window_finished, window, 10));

  g_assert_null (gtk_menu_button_get_popover (window->menu_button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->menu_button)));
  gtk_menu_button_popup (window->menu_button);   /* as a click or F10 does */
  g_assert_true (gtk_menu_button_get_menu_model (window->menu_button) == window->primary_menu);
  g_assert_true (bt_test_wait_until (widget_mapped, gtk_menu_button_get_popover (window->menu_button), 10));
  gtk_menu_button_popdown (window->menu_button);

  /* Narrow, the bar shows the five pages. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (bt_test_wait_until (switcher_bar_revealed, window, 10));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A menu item shown on screen, by its label as the menu shows it (no
 * mnemonic underline). */
static gboolean
is_menu_item (GtkWidget     *widget,
              gconstpointer  label)
{
  g_autofree char *text = NULL;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("GtkModelButton")) || !gtk_widget_get_mapped (widget))
    return FALSE;
  g_object_get (widget, "text", &text, NULL);

  return g_strcmp0 (text, label) == 0;
}

typedef struct
{
  GtkWidget  *popover;
  const char *label;
} MenuItem;

static gboolean
menu_item_shown (gpointer data)
{
  MenuItem *m = data;

  return bt_test_find_match (m->popover, is_menu_item, m->label) != NULL;
}

/* After an item of the primary menu, of its first page or of a submenu,
 * and the file dialog it opens, the keyboard works in the window: the
 * focus is back on the menu button, not left in the hidden menu. */
static void
test_menu_gives_focus_back (gconstpointer data)
{
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (G_APPLICATION ((gpointer) data), path);
  struct { const char *submenu; const char *item; } items[] = {
    { "Export Plan as JSON", "Whole Plan…" },
    { "Export Chart", "Roadmap…" },
    { NULL, "Export Weeks as CSV…" },
  };
  GtkWidget *popover;

  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      GtkWidget *item;
      GtkWidget *focus;

      /* The menu is built the first time it opens. */
      gtk_menu_button_popup (window->menu_button);
      g_assert_true (has_menu (window));
      popover = GTK_WIDGET (gtk_menu_button_get_popover (window->menu_button));
      g_assert_true (bt_test_wait_until (widget_mapped, popover, 10));
      if (items[i].submenu != NULL)
        {
          GtkWidget *submenu = bt_test_find_match (popover, is_menu_item, items[i].submenu);

          g_assert_nonnull (submenu);
          /* As Return on it does. */
          gtk_widget_grab_focus (submenu);
          gtk_widget_activate (submenu);
        }
      g_assert_true (bt_test_wait_until (menu_item_shown, &(MenuItem) { popover, items[i].item }, 10));
      item = bt_test_find_match (popover, is_menu_item, items[i].item);
      g_assert_true (gtk_widget_grab_focus (item));
      gtk_widget_activate (item);

      g_assert_true (bt_test_wait_until (file_chooser_shown, NULL, 10));
      g_assert_false (gtk_widget_get_visible (popover));
      gtk_dialog_response (GTK_DIALOG (shown_file_chooser ()), GTK_RESPONSE_CANCEL);
      g_assert_true (bt_test_wait_until (no_file_chooser, NULL, 10));

      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_test_message ("after %s: focus on %s", items[i].item, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_get_mapped (focus));
      g_assert_true (focus == GTK_WIDGET (window->menu_button) ||
                     gtk_widget_is_ancestor (focus, GTK_WIDGET (window->menu_button)));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
shows_path (gpointer data)
{
  BtWindow *window = ((gpointer *) data)[0];
  const char *path = ((gpointer *) data)[1];

  return g_strcmp0 (bt_window_get_path (window), path) == 0;
}

/* Whether the primary menu shows @label, opened and closed again. */
static gboolean
menu_shows (BtWindow   *window,
            const char *label)
{
  GtkWidget *popover;
  gboolean shown;

  gtk_menu_button_popup (window->menu_button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (window->menu_button));
  g_assert_true (bt_test_wait_until (widget_mapped, popover, 10));
  shown = bt_test_wait_until (menu_item_shown, &(MenuItem) { popover, label }, 1);
  gtk_menu_button_popdown (window->menu_button);
  bt_test_spin (50);

  return shown;
}

/* A plan of another file says its name in the window's title, and the
 * menu has the way back to the user's own plan, which Open would send
 * them to look for in a hidden folder; with their own plan open, it is
 * not offered. */
static void
test_open_own_plan (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *default_path = bt_plan_file_default_path ();
  g_autofree char *default_dir = g_path_get_dirname (default_path);
  g_autofree char *elsewhere = bt_test_copy_sample ();
  g_autofree char *name = g_path_get_basename (elsewhere);
  g_autofree char *title = g_strdup_printf ("%s — Breakthrough", name);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
  g_autofree char *contents = NULL;
  BtWindow *window;

  /* No plan of their own yet: nothing to go back to. */
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  window = open_window (app, elsewhere);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);
  g_assert_false (menu_shows (window, "Open Your Plan"));
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_cmpint (g_mkdir_with_parents (default_dir, 0700), ==, 0);
  g_assert_true (g_file_get_contents (sample, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (default_path, contents, -1, NULL));

  window = open_window (app, elsewhere);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (menu_shows (window, "Open Your Plan"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-own-plan", NULL);
  g_assert_true (bt_test_wait_until (shows_path, (gpointer[]) { window, default_path }, 10));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Breakthrough");
  g_assert_false (menu_shows (window, "Open Your Plan"));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (default_path);
}

/* An export never replaces its own input: each export, pointed at the plan
 * file in its dialog, is refused with a message and leaves it as it was. */
static void
test_export_onto_plan_is_refused (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *before = NULL;
  BtWindow *window = open_window (app, path);
  struct { const char *action; const char *target; } actions[] = {
    { "win.export-report", NULL }, { "win.export-json", "profile" },
    { "win.export-chart", "time" }, { "win.export-csv", NULL },
  };
  gsize length;

  /* GTK puts each file accepted in its dialog in its recent files, and
   * writes them a moment later, when this test's folders may be gone: the
   * test runs in a process of its own, which ends with it. */
  if (!g_test_subprocess ())
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (g_file_get_contents (path, &before, &length, NULL));
  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *after = NULL;
      GtkFileChooser *chooser;

      gtk_widget_activate_action (GTK_WIDGET (window), actions[i].action,
                                  actions[i].target ? "s" : NULL, actions[i].target);
      g_assert_true (bt_test_wait_until (file_chooser_shown, NULL, 10));
      chooser = shown_file_chooser ();
      /* The dialog starts in the plan's folder: the plan's name is enough. */
      gtk_file_chooser_set_current_name (chooser, name);
      bt_test_spin (300);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
      /* GTK asks whether to replace the file that is there: yes. */
      g_assert_true (bt_test_wait_until (replace_asked, NULL, 10));
      confirm_replace ();
      /* The window has had the file once its dialog is gone. */
      g_assert_true (bt_test_wait_until (no_file_chooser, NULL, 10));
      bt_test_spin (500);

      g_test_message ("%s onto the plan", actions[i].action);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      /* Not cmpstr: a failure would print both plans. */
      g_assert_true (g_str_equal (after, before));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+1 to Alt+5 take the keyboard into the page they show, not back to
 * the header bar's first button. */
static void
test_show_page_moves_focus (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  struct { const char *name; BtChartKind chart; } pages[] = {
    { "relationships", BT_CHART_RELATIONSHIPS }, { "narratives", BT_CHART_NARRATIVES },
    { "roadmap", BT_CHART_TIMELINE },
  };

  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = GTK_WIDGET (bt_window_get_chart_page (window, pages[i].chart));
      GtkWidget *focus;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", pages[i].name);
      bt_test_spin (200);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_test_message ("%s: focus on %s", pages[i].name, focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_assert_nonnull (focus);
      g_assert_true (gtk_widget_is_ancestor (focus, page));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+F (win.find) puts the keyboard in the search of the People page,
 * and does nothing on a page without one. */
static void
test_find_focuses_search (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  GtkWidget *people = GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS));
  GtkWidget *focus;

  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "narratives");
  bt_test_spin (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  bt_test_spin (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == NULL || !gtk_widget_is_ancestor (focus, people));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "relationships");
  bt_test_spin (200);
  /* From the page's last control, not the search that Alt+4 goes to. */
  g_assert_true (gtk_widget_child_focus (people, GTK_DIR_TAB_BACKWARD));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_null (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  bt_test_spin (100);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_test_message ("focus on %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, people));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Toasts say what happened, not the command. */
static void
test_edit_messages (void)
{
  g_autofree char *added = bt_window_edit_message ("Person", "Dana Lee", FALSE, TRUE);
  g_autofree char *deleted = bt_window_edit_message ("Person", "Dana Lee", TRUE, FALSE);
  g_autofree char *deleted_nameless = bt_window_edit_message ("Week", NULL, TRUE, FALSE);
  g_autofree char *changed = bt_window_edit_message ("Milestone", "QBR", TRUE, TRUE);
  g_autofree char *readable = bt_window_readable_error ("line 2, column 3: not valid JSON:\n  unexpected `}'");

  g_assert_cmpstr (added, ==, "Person added");
  g_assert_cmpstr (deleted, ==, "Person “Dana Lee” deleted");
  g_assert_cmpstr (deleted_nameless, ==, "Week deleted");
  g_assert_cmpstr (changed, ==, "Milestone changed");
  g_assert_cmpstr (readable, ==, "line 2, column 3: not valid JSON: unexpected `}'.");
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         gtk_widget_get_mapped (widget);
}

typedef struct
{
  GtkWidget  *root;
  const char *label;
} ShownButton;

static gboolean
button_shown (gpointer data)
{
  ShownButton *b = data;

  return bt_test_find_match (b->root, is_button_labelled, b->label) != NULL;
}

/* GTK 4.8 names a button with a mnemonic by its raw text and by its label
 * child both: "_Undo Undo". Every such button in the app, whoever made it
 * and whenever it appears, is named by its label child alone. */
static void
assert_named_once (GtkWidget  *root,
                   const char *label)
{
  ShownButton b = { root, label };
  GtkWidget *button;

  g_assert_true (bt_test_wait_until (button_shown, &b, 10));
  button = bt_test_find_match (root, is_button_labelled, label);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY));
}

static gboolean
is_label_saying (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_wrapping_row_label (GtkWidget     *widget,
                       gconstpointer  unused)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL;
}

/* Of those shown, or all of them with @all */
static gboolean
has_unbounded_row_label (GtkWidget     *widget,
                         gconstpointer  all)
{
  return is_wrapping_row_label (widget, NULL) && gtk_label_get_width_chars (GTK_LABEL (widget)) < 0 &&
         (all != NULL || gtk_widget_get_mapped (widget));
}

/* A row's wrapping labels get a minimum width of a few characters
 * (measuring them from a width of 0 shapes their text hundreds of times):
 * the main window's as they are shown, an editor's before it is, and they
 * still wrap at the width they are given. A wrapping label outside a row
 * keeps its own. */
static void
test_row_labels_quick_to_measure (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  GtkWidget *plain = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *outside = gtk_label_new ("Not in a row, and long enough to wrap over lines");
  const char *subtitle = "A subtitle long enough to wrap over several lines when the row is narrow";
  GtkWidget *label, *editor;
  int narrow, wide, minimum;

  /* The main window's rows, as they are shown */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (widget_mapped, window->overview_page, 10));
  spin_main_loop (100);
  g_assert_nonnull (bt_test_find_match (GTK_WIDGET (window->overview_page), is_wrapping_row_label, NULL));
  g_assert_null (bt_test_find_match (GTK_WIDGET (window->overview_page), has_unbounded_row_label, NULL));

  /* An editor's, before it is shown */
  {
    g_autoptr(BtRelationship) person = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);

    editor = GTK_WIDGET (bt_item_editor_new (GTK_WINDOW (window), window->plan, window->history,
                                             NULL, bt_plan_get_relationships (window->plan), BT_ITEM (person)));
  }
  g_assert_nonnull (bt_test_find_match (editor, is_wrapping_row_label, NULL));
  g_assert_null (bt_test_find_match (editor, has_unbounded_row_label, "all"));
  gtk_window_destroy (GTK_WINDOW (editor));

  /* Anyone's, by the call, and they still wrap */
  gtk_label_set_wrap (GTK_LABEL (outside), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Title");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), outside);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (plain), box);
  label = bt_test_find_match (row, is_label_saying, subtitle);
  g_assert_nonnull (label);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (label)), <, 0);
  bt_application_bound_row_labels (plain);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (label)), >, 0);
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (outside)), <, 0);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, minimum, NULL, &narrow, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 2000, NULL, &wide, NULL, NULL);
  g_assert_cmpint (narrow, >, 2 * wide);

  gtk_window_destroy (GTK_WINDOW (plain));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_mnemonic_buttons_named_once (gconstpointer data)
{
  GtkApplication *app = GTK_APPLICATION (data);
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *cancel = gtk_button_new_with_mnemonic ("_Cancel");
  GtkWidget *plain = gtk_button_new_with_label ("Plain");
  GtkWidget *later = gtk_button_new_with_mnemonic ("_Later");
  AdwToast *toast = adw_toast_new ("Deleted");
  GtkWidget *dialog;

  gtk_box_append (GTK_BOX (box), cancel);
  gtk_box_append (GTK_BOX (box), plain);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  assert_named_once (window, "_Cancel");
  /* Without a mnemonic, the text is the name, as GTK gives it. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (plain), GTK_ACCESSIBLE_PROPERTY_LABEL, "Plain");

  /* A button added once the window is on screen. */
  gtk_box_append (GTK_BOX (box), later);
  assert_named_once (window, "_Later");
  /* A label changed on screen. */
  gtk_button_set_label (GTK_BUTTON (cancel), "_Close");
  assert_named_once (window, "_Close");

  /* libadwaita's toasts. */
  adw_toast_set_button_label (toast, "_Undo");
  adw_toast_set_action_name (toast, "app.quit-not");
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  assert_named_once (window, "_Undo");

  /* libadwaita's message dialogs. */
  dialog = adw_message_dialog_new (GTK_WINDOW (window), "Discard?", NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", "_Keep", "discard", "_Discard", NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  assert_named_once (dialog, "_Keep");
  assert_named_once (dialog, "_Discard");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_toast_close (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL &&
         gtk_button_get_label (GTK_BUTTON (widget)) == NULL;
}

static gboolean
toast_close_shown (gpointer data)
{
  return bt_test_find_match (data, is_toast_close, NULL) != NULL;
}

static gboolean
drop_down_shown (gpointer data)
{
  GtkWidget *drop_down = bt_test_find (data, GTK_TYPE_DROP_DOWN);

  return drop_down != NULL && gtk_widget_get_mapped (drop_down);
}

/* The libraries' controls that come without a name, read by their class:
 * libadwaita 1.2's toast close button ("GtkImage"), GTK 4.8's file chooser
 * choices ("GtkDropDown"). Named as they are shown. */
static void
test_library_controls_named (gconstpointer data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (data));
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *chooser = gtk_file_chooser_widget_new (GTK_FILE_CHOOSER_ACTION_SAVE);
  AdwToast *toast = adw_toast_new ("Saved");
  GtkWidget *close, *paper;

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "paper", "Paper",
                               (const char *[]) { "a4", "letter", NULL }, (const char *[]) { "A4", "Letter", NULL });
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), chooser);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
  gtk_window_present (GTK_WINDOW (window));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);

  g_assert_true (bt_test_wait_until (toast_close_shown, window, 10));
  close = bt_test_find_match (window, is_toast_close, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, "Dismiss");

  g_assert_true (bt_test_wait_until (drop_down_shown, chooser, 10));
  paper = bt_test_find (chooser, GTK_TYPE_DROP_DOWN);
  g_assert_true (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (paper), GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_date_buttons (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)),
                                                "bt-date-symbolic") == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_date_buttons (child, found);
}

/* A form with several dates: each date's button says which field it
 * fills, or a screen reader hears "Pick a Date" twice. */
static void
test_date_buttons_name_their_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtNarrative) narrative = g_list_model_get_item (bt_plan_get_narratives (plan), 0);
  GListModel *cases = bt_narrative_get_business_cases (narrative);
  g_autoptr(BtBusinessCase) bc = g_list_model_get_item (cases, 0);
  BtItemEditor *editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (narrative), cases, BT_ITEM (bc));
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_date_buttons (GTK_WIDGET (editor), buttons);
  g_assert_cmpuint (buttons->len, >=, 2);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (buttons->pdata[i], ADW_TYPE_PREFERENCES_ROW);
      g_autofree char *name = g_strdup_printf ("Pick a Date for %s",
                                               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (buttons->pdata[i]), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
    }

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The widgets that ask for more than @width, deepest first: what keeps
 * the window from narrowing. */
static void
find_too_wide (GtkWidget *widget,
               int        width,
               GPtrArray *found)
{
  int min;
  guint before = found->len;

  if (!gtk_widget_get_visible (widget))
    return;
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  if (min <= width)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_too_wide (child, width, found);
  if (found->len == before)
    g_ptr_array_add (found, g_strdup_printf ("%s %s: %d px", G_OBJECT_TYPE_NAME (widget),
                                             gtk_widget_get_name (widget), min));
}

/* Cut labels on screen under @widget: ellipsized, or wider than shown. */
static void
find_cut_titles (GtkWidget *widget,
                 GPtrArray *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (widget));
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (pango_layout_is_ellipsized (layout) || text_width > gtk_widget_get_width (widget))
        g_ptr_array_add (cut, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_cut_titles (child, cut);
}

typedef struct
{
  GtkWidget *header;
  GtkWidget *bar;
} TitleBars;

/* Header bar and bottom bar settled with no title cut: after the page or
 * the title buttons change, their layout can take a few frames under the
 * sanitizers. */
static gboolean
titles_whole (gpointer data)
{
  TitleBars *bars = data;
  g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);

  find_cut_titles (bars->header, cut);
  find_cut_titles (bars->bar, cut);
  return cut->len == 0;
}

/* Journey 12: a phone-wide window, 360 pixels. Every page fits, whatever
 * title buttons the desktop shows; and with GNOME's (a close button alone)
 * no title is cut, in the header or in the bottom bar. */
static void
test_narrowest_is_360 (gconstpointer data)
{
  const char *pages[] = { "overview", "roadmap", "time", "relationships", "narratives" };
  /* GTK's own default, with no desktop, then GNOME's. */
  const char *layouts[] = { "menu:minimize,maximize,close", "appmenu:close" };
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (G_APPLICATION ((gpointer) data), path);
  GtkWidget *bar = GTK_WIDGET (window->switcher_bar);
  GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (window->switcher_title), ADW_TYPE_HEADER_BAR);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
      {
        g_autoptr(GPtrArray) wide = g_ptr_array_new_with_free_func (g_free);
        g_autoptr(GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);

        g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layouts[l], NULL);
        adw_view_stack_set_visible_child_name (window->stack, pages[p]);
        spin_main_loop (300);
        find_too_wide (GTK_WIDGET (window), 360, wide);
        for (guint i = 0; i < wide->len; i++)
          g_test_message ("%s, %s: too wide: %s", layouts[l], pages[p], (char *) wide->pdata[i]);
        g_assert_cmpuint (wide->len, ==, 0);
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 360);

        if (l == 0)
          continue;
        bt_test_wait_until (titles_whole, &(TitleBars) { header, bar }, 10);
        find_cut_titles (header, cut);
        find_cut_titles (bar, cut);
        for (guint i = 0; i < cut->len; i++)
          g_test_message ("%s, %s: cut: %s", layouts[l], pages[p], (char *) cut->pdata[i]);
        g_assert_cmpuint (cut->len, ==, 0);
      }

  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-decoration-layout");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  int status;

  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerTest",
                      /* the app's own resources: its style sheet and shortcuts */
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_data_func ("/window/autosave", app, test_autosave);
  g_test_add_data_func ("/window/close-waits-for-save", app, test_close_waits_for_save);
  g_test_add_data_func ("/window/style-preference", app, test_style_preference);
  g_test_add_data_func ("/window/window-size-is-remembered", app, test_window_size_is_remembered);
  g_test_add_data_func ("/window/every-control-is-named", app, test_every_control_is_named);
  g_test_add_data_func ("/window/exports-start-outside-the-data-folder", app,
                        test_exports_start_outside_the_data_folder);
  g_test_add_data_func ("/window/every-page-in-every-style", app, test_every_page_in_every_style);
  g_test_add_data_func ("/window/people-search-and-filter", app, test_people_search_and_filter);
  g_test_add_data_func ("/window/other-writer-is-never-overwritten", app, test_other_writer_is_never_overwritten);
  g_test_add_data_func ("/window/slow-open-says-so", app, test_slow_open_says_so);
  g_test_add_data_func ("/window/newer-version-is-read-only", app, test_newer_version_is_read_only);
  g_test_add_data_func ("/window/shortcuts-window", app, test_shortcuts_window);
  g_test_add_data_func ("/window/finished-after-plan-frame", app, test_finished_after_plan_frame);
  g_test_add_data_func ("/window/reload-shows-theirs", app, test_reload_shows_theirs);
  g_test_add_data_func ("/window/unreadable-plan-offers-backup", app, test_unreadable_plan_offers_backup);
  g_test_add_data_func ("/window/record-a-past-week", app, test_record_a_past_week);
  g_test_add_data_func ("/window/record-a-past-week-not-future", app, test_record_a_past_week_not_future);
  g_test_add_data_func ("/window/overview-counts-overdue-people", app, test_overview_counts_overdue_people);
  g_test_add_data_func ("/window/overview-follows-the-hours", app, test_overview_follows_the_hours);
  g_test_add_data_func ("/window/overview-warning-signs", app, test_overview_warning_signs);
  g_test_add_data_func ("/window/overview-rows-open-their-items", app, test_overview_rows_open_their_items);
  g_test_add_data_func ("/window/overview-next-steps", app, test_overview_next_steps);
  g_test_add_data_func ("/window/open-corrupt-keeps-plan", app, test_open_corrupt_keeps_plan);
  g_test_add_data_func ("/window/open-replaces-first-start", app, test_open_replaces_first_start);
  g_test_add_data_func ("/window/file-dialogs-start-in-plan-folder", app, test_file_dialogs_start_in_plan_folder);
  g_test_add_data_func ("/window/export-onto-plan-is-refused", app, test_export_onto_plan_is_refused);
  g_test_add_data_func ("/window/show-page-moves-focus", app, test_show_page_moves_focus);
  g_test_add_data_func ("/window/find-focuses-search", app, test_find_focuses_search);
  g_test_add_data_func ("/window/open-own-plan", app, test_open_own_plan);
  g_test_add_data_func ("/window/menu-gives-focus-back", app, test_menu_gives_focus_back);
  g_test_add_data_func ("/window/report-paper-and-orientation", app, test_report_paper_and_orientation);
  g_test_add_func ("/window/edit-messages", test_edit_messages);
  g_test_add_data_func ("/window/mnemonic-buttons-named-once", app, test_mnemonic_buttons_named_once);
  g_test_add_data_func ("/window/row-labels-quick-to-measure", app, test_row_labels_quick_to_measure);
  g_test_add_data_func ("/window/library-controls-named", app, test_library_controls_named);
  g_test_add_func ("/window/date-buttons-name-their-field", test_date_buttons_name_their_field);
  g_test_add_data_func ("/window/narrowest-is-360", app, test_narrowest_is_360);

  status = g_test_run ();
  /* A file accepted in GTK's file dialog goes to its recent files, which
   * GTK writes as the process ends, into the folders of the test that
   * accepted it, gone by then: a warning after the tests is no failure. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  return status;
}
