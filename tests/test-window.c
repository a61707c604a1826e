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
#include "bt-application.h"
#include "bt-check-in-dialog.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include "bt-item-editor.h"
#include "bt-plan-file.h"
#include "bt-window-private.h"

static gboolean
wait_until (gboolean (*done) (gpointer),
            gpointer    data,
            guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);

  return done (data);
}

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

static BtWindow *
open_window (GApplication *app,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), file);

  g_assert_true (wait_until (plan_loaded, window, 10));

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
  g_assert_true (wait_until (file_has, &saved, 2 * AUTOSAVE_SECONDS + 2));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Our own write is not another program's: no conflict, even once the
   * file monitor has told of it, and the window closes. */
  spin_main_loop (3000);
  g_assert_false (conflict_shown (window));
  g_assert_false (window->dirty);
  {
    gboolean kept_open = TRUE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_false (kept_open);
  }

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

  /* Give the file system a different modification time than our read. */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  g_assert_true (wait_until (conflict_shown, window, 5));

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

  window->dirty = FALSE;
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
  gsize length;
  int fd;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);

  window = bt_window_new (BT_APPLICATION (app), file);
  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (100);
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "");
  bt_test_spin (400);
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Opening the plan…");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->opening_spinner)));
  g_assert_true (gtk_spinner_get_spinning (window->opening_spinner));
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "opening"), >, 2);

  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, contents, length), ==, (gssize) length);
  close (fd);
  g_assert_true (wait_until (plan_loaded, window, 10));
  g_assert_false (gtk_spinner_get_spinning (window->opening_spinner));

  window->dirty = FALSE;
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
  bt_test_spin (600);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->read_only_banner)));
  g_assert_true (gtk_revealer_get_child_revealed (window->read_only_banner));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
  bt_test_spin (100);
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_CHECK_IN_DIALOG, FALSE), ==, 0);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "read-only"), >, 2);

  {
    gboolean kept_open = TRUE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_false (kept_open);
  }
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, newer->str);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keyboard shortcuts window is there, on Ctrl+?, once the plan is; and
 * the window's icon and its primary menu. */
static void
test_shortcuts_window (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  g_assert_nonnull (overlay);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  /* added with the shortcuts once the window is there: the window's icon
   * for X11, and the default for the dialogs */
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (window)), ==, APP_ID);
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  g_assert_true (gtk_menu_button_get_menu_model (window->menu_button) == window->primary_menu);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  bt_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Reloading a plan changed by another program shows theirs in the same
 * pages, and opening an item afterwards opens one editor, not one per load. */
static void
test_reload_shows_theirs (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  BtChartPage *pages_before = window->relationships_page;
  g_autofree char *contents = NULL;
  g_autoptr(GString) theirs = NULL;
  g_autoptr(BtRelationship) person = NULL;
  AdwMessageDialog *dialog;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (theirs, "\"Alex Morgan\"", "\"Their Name\"", 1), ==, 1);
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, theirs->str, -1, NULL));
  g_assert_true (wait_until (conflict_shown, window, 5));

  dialog = g_object_get_data (G_OBJECT (window), "bt-conflict-dialog");
  adw_message_dialog_response (dialog, "reload");
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Their Name");
  g_assert_true (window->relationships_page == pages_before);

  person = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_ITEM_EDITOR, FALSE), ==, 0);
  g_signal_emit_by_name (window->relationships_page, "open-item",
                         bt_plan_get_relationships (window->plan), person);
  bt_test_spin (200);
  g_assert_cmpuint (toplevels_of_type (BT_TYPE_ITEM_EDITOR, FALSE), ==, 1);

  toplevels_of_type (BT_TYPE_ITEM_EDITOR, TRUE);
  window->dirty = FALSE;
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

static void
test_people_search_and_filter (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  GtkWidget *page = GTK_WIDGET (window->relationships_page);
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
  spin_main_loop (300);
  g_assert_cmpuint (count_rows (list), ==, g_list_model_get_n_items (people));

  /* Case does not matter; the role is searched too. */
  gtk_editable_set_text (GTK_EDITABLE (search), "PRIYA");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "cfo");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 1);

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

  window->dirty = FALSE;
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
      spin_main_loop (600);

      if (narrow)
        g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
      /* Narrow, the view switcher moves from the header to the bottom. */
      g_assert_cmpint (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)), ==, narrow);

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s", pages[p], styles[s]);

          adw_view_stack_set_visible_child_name (window->stack, pages[p]);
          spin_main_loop (300);
          if (bt_test_screenshot (GTK_WIDGET (window), name) < 20)
            g_error ("the %s page looks blank (%s)", pages[p], styles[s]);
        }

      window->dirty = FALSE;
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
  g_assert_true (wait_until (restore_offered, window, 10));
  g_assert_null (window->plan);
  /* No plan, no pages to switch to. */
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (window->switcher_title));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  spin_main_loop (300);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "unreadable-plan"), >, 5);

  g_signal_emit_by_name (window->restore_button, "clicked");
  g_assert_true (wait_until (plan_loaded, window, 10));
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

  window->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_day_button (GtkWidget     *widget,
               gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         !gtk_widget_has_css_class (widget, "dim-label");
}

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

  add = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (window->time_page), BT_TYPE_CHART_PAGE, "add_button");
  g_assert_true (gtk_widget_get_visible (add));
  g_signal_emit_by_name (add, "clicked");
  spin_main_loop (100);
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
  spin_main_loop (200);
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
    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, "2024-W11");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  window->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The overview lists the first overdue people and says how many more there
 * are, from the analytics' count. */
static void
test_overview_counts_overdue_people (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autoptr(GString) text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"relationships\": [");
  g_autofree char *dir = g_dir_make_tmp ("bt-overdue-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  BtWindow *window;

  /* Nine never touched, so overdue, and one seen today, so not. */
  for (guint i = 0; i < 9; i++)
    g_string_append_printf (text, "{\"name\": \"Person %u\"}, ", i);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_string_append_printf (text, "{\"name\": \"Seen\", \"touchpoints\": [{\"date\": \"%s\"}]}]}", today);
  }
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));

  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  bt_test_spin (500);

  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);
      g_assert_true ((bt_test_find_row (GTK_WIDGET (window), name) != NULL) == (i < 6));
    }
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Seen"));
  g_assert_nonnull (bt_test_find_row (GTK_WIDGET (window), "and 3 more"));
  /* No role: no " · " before the rest. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bt_test_find_row (GTK_WIDGET (window), "Person 0"))),
                   ==, "No touchpoint yet");

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
  bt_test_spin (500);
  g_assert_true (g_str_has_prefix (share_subtitle (window), "25%"));

  bt_week_set_hours (bt_plan_find_week (window->plan, year, week), "s", 30);
  bt_test_spin (200);
  g_assert_true (g_str_has_prefix (share_subtitle (window), "50%"));

  /* The week before, recorded now: the four weeks are 70 hours of 100. */
  bt_week_set_hours (bt_plan_ensure_week (window->plan, previous_year, previous_week), "s", 40);
  bt_test_spin (200);
  g_assert_true (g_str_has_prefix (share_subtitle (window), "70%"));

  window->dirty = FALSE;
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
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
  bt_test_spin (500);

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

  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Not delegating real ownership"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* No check-ins: no group at all. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"breakthrough-plan\", \"version\": 1}", -1, NULL));
  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerTest",
                      /* the app's own resources: its style sheet and shortcuts */
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_data_func ("/window/autosave", app, test_autosave);
  g_test_add_data_func ("/window/style-preference", app, test_style_preference);
  g_test_add_data_func ("/window/every-page-in-every-style", app, test_every_page_in_every_style);
  g_test_add_data_func ("/window/people-search-and-filter", app, test_people_search_and_filter);
  g_test_add_data_func ("/window/other-writer-is-never-overwritten", app, test_other_writer_is_never_overwritten);
  g_test_add_data_func ("/window/slow-open-says-so", app, test_slow_open_says_so);
  g_test_add_data_func ("/window/newer-version-is-read-only", app, test_newer_version_is_read_only);
  g_test_add_data_func ("/window/shortcuts-window", app, test_shortcuts_window);
  g_test_add_data_func ("/window/reload-shows-theirs", app, test_reload_shows_theirs);
  g_test_add_data_func ("/window/unreadable-plan-offers-backup", app, test_unreadable_plan_offers_backup);
  g_test_add_data_func ("/window/record-a-past-week", app, test_record_a_past_week);
  g_test_add_data_func ("/window/overview-counts-overdue-people", app, test_overview_counts_overdue_people);
  g_test_add_data_func ("/window/overview-follows-the-hours", app, test_overview_follows_the_hours);
  g_test_add_data_func ("/window/overview-warning-signs", app, test_overview_warning_signs);

  return g_test_run ();
}
