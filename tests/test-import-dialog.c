/* test-import-dialog.c — the import preview in the window: what it shows,
 * adding a rule from an unmatched event, importing, undoing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bt-test-widgets.h"

#include "bt-date.h"
#include "bt-application.h"
#include "bt-import.h"
#include "bt-import-dialog.h"
#include "bt-item-editor.h"
#include "bt-plan-file.h"
#include "bt-report.h"
#include "bt-window-private.h"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
}

/* The titles of the rows in the group titled @group. */
static void
collect_rows (GtkWidget  *widget,
              const char *group,
              gboolean    inside,
              GPtrArray  *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (widget))
    inside = g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), group) == 0;
  if (inside && ADW_IS_ACTION_ROW (widget))
    g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, group, inside, titles);
}

static GPtrArray *
rows_of (GtkWidget  *dialog,
         const char *group)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  collect_rows (dialog, group, FALSE, titles);
  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  return g_ptr_array_find_with_equal_func (titles, title, g_str_equal, NULL);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first button under @widget whose label is @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  return bt_test_find_match (widget, is_button_labelled, label);
}

static GtkWidget *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (BT_IS_ITEM_EDITOR (w) && gtk_widget_get_visible (w))
        return w;
    }

  return NULL;
}

static gboolean
editor_shown (gpointer data)
{
  return find_editor () != NULL;
}

static char *
serialize (BtPlan *plan)
{
  g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, NULL);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_preview_rule_import_undo (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "import", "recurrences.ics", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  BtImportDialog *dialog;
  GtkWidget *editor, *add, *import;

  g_assert_no_error (error);
  before = serialize (plan);

  dialog = bt_import_dialog_new (NULL, plan, history, ics, now, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (200);

  /* Three weeks, Lunch unmatched, Priya's touchpoints. */
  {
    g_autoptr(GPtrArray) weeks = rows_of (GTK_WIDGET (dialog), "Weeks");
    g_autoptr(GPtrArray) unmatched = rows_of (GTK_WIDGET (dialog), "Events No Rule Matched");
    g_autoptr(GPtrArray) people = rows_of (GTK_WIDGET (dialog), "Touchpoints");

    g_assert_cmpuint (weeks->len, ==, 3);
    g_assert_true (has_title (unmatched, "Lunch"));
    g_assert_cmpuint (people->len, ==, 3);
    g_assert_true (has_title (people, "Priya Raman"));
  }
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 1400);
  spin (300);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (dialog), "import-preview"), >, 20);

  /* Add a rule from the unmatched event: the editor opens with its title
   * as the words; applying it works the preview out again. */
  add = find_button (GTK_WIDGET (dialog), "Add _Rule");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (bt_test_wait_until (editor_shown, NULL, 10));
  editor = find_editor ();
  g_assert_nonnull (editor);
  /* The plan had no rules: the usual ones came first, as their own step. */
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_import_rules (plan)), >=, 10);
  g_signal_emit_by_name (find_button (editor, "_Add"), "clicked");
  spin (200);
  {
    g_autoptr(BtImportRule) last = NULL;
    GListModel *rules = bt_plan_get_import_rules (plan);
    g_autoptr(GPtrArray) unmatched = rows_of (GTK_WIDGET (dialog), "Events No Rule Matched");

    last = g_list_model_get_item (rules, g_list_model_get_n_items (rules) - 1);
    g_assert_cmpstr (bt_import_rule_get_pattern (last), ==, "Lunch");
    g_assert_cmpint (bt_import_rule_get_match (last), ==, BT_RULE_WORDS);
    g_assert_false (has_title (unmatched, "Lunch"));
  }

  /* Import: the weeks and touchpoints are in the plan. */
  import = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_sensitive (import));
  g_signal_emit_by_name (import, "clicked");
  spin (100);
  /* W41 had 30 h typed: kept, the default; W42 had none: the calendar's. */
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 41), "c-road"), ==, 0.0);
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 41), "c-rev"), ==, 30.0);
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 42), "c-ops"), ==, 1.5);
  g_assert_nonnull (bt_plan_find_week (plan, 2026, 43));

  /* Undo, as many steps as were made: the plan is as it was. */
  while (bt_history_undo (history))
    ;
  undone = serialize (plan);
  g_assert_cmpstr (undone, ==, before);
}

/* The drop-down of the row titled @title. */
static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static GtkDropDown *
find_choice (GtkWidget  *dialog,
             const char *title)
{
  GtkWidget *row = bt_test_find_row (dialog, title);

  g_assert_nonnull (row);
  return GTK_DROP_DOWN (bt_test_find (row, GTK_TYPE_DROP_DOWN));
}

/* The title of a week's row, as the test expects it: the ISO week as the
 * rest of the app shows it, then its Monday and Sunday. */
static char *
expected_week_title (int iso_year,
                     int week)
{
  GDate monday, sunday;
  g_autofree char *from = NULL, *to = NULL;

  bt_iso_week_monday (iso_year, week, &monday);
  sunday = monday;
  g_date_add_days (&sunday, 6);
  from = bt_format_date (&monday);
  to = bt_format_date (&sunday);
  return g_strdup_printf ("%d-W%02d · %s – %s", iso_year, week, from, to);
}

/* A week checked in by hand (52 h) and a calendar with 5 h of meetings
 * that week: the preview offers keep mine (chosen), the calendar's, or
 * both added, in a combo named after the week; the import does what was
 * chosen, its toast offers Undo, and undo gives back the 52 h exactly. */
static void
test_existing_week_choices (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "typed-week.json", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "import", "meetings.ics", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);
  const struct {
    guint       selected;   /* in the combo: keep mine, the calendar's, add */
    const char *after;
    double      total;
    double      roadmap;
    gboolean    partial;
    const char *added;      /* the roadmap's hours per category: what the plan gets */
  } cases[] = {
    { G_MAXUINT, "after the import 52.0 h", 52.0, 12.0, FALSE, "Adds none of 3.0 h" },   /* left as it opened */
    { 2, "after the import 57.0 h", 57.0, 15.0, FALSE, "Adds 3.0 h" },
    { 1, "after the import 5.0 h", 5.0, 3.0, TRUE, "Adds 3.0 h" },
  };
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  title = expected_week_title (2026, 41);
  name = g_strdup_printf ("What to do with the week %s", title);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
      g_autoptr(BtHistory) history = bt_history_new ();
      g_autofree char *before = NULL;
      g_autofree char *undone = NULL;
      BtImportDialog *dialog;
      GtkWidget *row;
      GtkDropDown *choice;
      const char *subtitle;
      char *message;
      BtWeek *week;

      g_assert_no_error (error);
      before = serialize (plan);
      dialog = bt_import_dialog_new (NULL, plan, history, ics, now, &error);
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (dialog));
      spin (100);

      /* The week with typed hours has a choice, named after the week, on
       * keep mine; it says how many hours are the user's. */
      row = bt_test_find_row (GTK_WIDGET (dialog), title);
      choice = find_choice (GTK_WIDGET (dialog), title);
      g_assert_nonnull (choice);
      g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
      message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      g_assert_null (message);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_nonnull (strstr (subtitle, "Yours 52.0 h"));

      if (cases[i].selected != G_MAXUINT)
        gtk_drop_down_set_selected (choice, cases[i].selected);
      spin (50);
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
      g_assert_nonnull (strstr (subtitle, cases[i].after));
      /* 5 h is under half the 50 h weekly budget (the setting's default). */
      g_assert_true ((strstr (subtitle, "A partial week") != NULL) == cases[i].partial);
      /* Named as Preferences name it, not as "usual" hours the user never typed. */
      if (cases[i].partial)
        g_assert_nonnull (strstr (subtitle, "under half your weekly budget of 50.0 h"));
      /* Kept, the week takes none of the calendar's hours. */
      g_assert_nonnull (bt_test_find_match (bt_test_find_row (GTK_WIDGET (dialog), "Roadmap and product strategy"),
                                            is_label_text, cases[i].added));
      if (i == 2)
        {
          gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
          spin (300);
          g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (dialog), "import-existing-week"), >, 20);
          gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 900);
          spin (300);
          g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (dialog), "import-existing-week-narrow"), >, 20);
        }

      g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
      spin (100);
      week = bt_plan_find_week (plan, 2026, 41);
      g_assert_cmpfloat (bt_week_get_total_hours (week), ==, cases[i].total);
      g_assert_cmpfloat (bt_week_get_hours (week, "c-road"), ==, cases[i].roadmap);
      g_assert_cmpfloat (bt_week_get_hours (week, "c-rev"), ==, cases[i].selected == 1 ? 0.0 : 40.0);

      /* One step: one undo gives back the plan as it was, 52 h. */
      g_assert_true (bt_history_undo (history));
      g_assert_false (bt_history_get_can_undo (history));
      g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 41)), ==, 52.0);
      undone = serialize (plan);
      g_assert_cmpstr (undone, ==, before);
    }
}

/* Two weeks with typed hours: one control sets them all. */
static void
test_choice_for_all_weeks (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "import", "recurrences.ics", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  BtImportDialog *dialog;
  GtkWidget *all;
  char *message;

  g_assert_no_error (error);
  /* W41 has 30 h typed in the fixture; W42 gets 10. */
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 42), "c-rev", 10);

  dialog = bt_import_dialog_new (NULL, plan, history, ics, now, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);

  all = GTK_WIDGET (find_choice (GTK_WIDGET (dialog), "All Weeks With Your Hours"));
  g_assert_nonnull (all);
  message = gtk_test_accessible_check_property (GTK_ACCESSIBLE (all), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "What to do with all weeks that have your hours");
  g_assert_null (message);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (all), 2);   /* add the calendar's */
  spin (50);

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (100);
  /* W41: 30 h of reviews + 3.5 h of meetings; W42: 10 + 2.5; W43, with
   * nothing typed, the calendar's 0.5 h. */
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 41)), ==, 33.5);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 42)), ==, 12.5);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 43)), ==, 0.5);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
plan_loaded (gpointer window)
{
  return BT_WINDOW (window)->plan != NULL;
}

typedef struct
{
  GtkWidget  *window;
  const char *text;
} Says;

/* A toast waits for the one before it to slide away: under the
 * sanitizers that can take longer than any fixed pause. */
static gboolean
window_says (gpointer data)
{
  Says *says = data;

  return bt_test_find_match (says->window, is_label_containing, says->text) != NULL;
}

/* In the window: the toast says what the import did and its Undo gives
 * back the hours typed by hand, exactly. */
static void
test_toast_offers_undo (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import", "typed-week.json", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "import", "meetings.ics", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bt-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  BtImportDialog *dialog;
  BtWindow *window;
  GtkWidget *undo;
  gsize length;

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  window = bt_window_new (BT_APPLICATION (app), file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));
  g_assert_nonnull (window->plan);

  dialog = bt_import_dialog_new (GTK_WINDOW (window), window->plan, window->history, ics, now, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);
  title = expected_week_title (2026, 41);
  gtk_drop_down_set_selected (find_choice (GTK_WIDGET (dialog), title), BT_IMPORT_ADD);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (window->plan, 2026, 41)), ==, 57.0);

  g_assert_true (bt_test_wait_until (window_says, &(Says) { GTK_WIDGET (window), "Imported 1 week from" }, 10));
  g_assert_nonnull (bt_test_find_match (GTK_WIDGET (window), is_label_containing,
                                        "Imported 1 week from “Meetings”; added the meetings to your hours in 1 week"));
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  /* Pressed as the toast slides in, its button would dismiss it under its
   * animation, which crashes libadwaita 1.2: it works once the toast is in. */
  g_assert_false (gtk_widget_is_sensitive (undo));
  g_assert_true (bt_test_wait_until ((gboolean (*) (gpointer)) gtk_widget_is_sensitive, undo, 10));
  g_signal_emit_by_name (undo, "clicked");
  spin (100);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (window->plan, 2026, 41)), ==, 52.0);
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (window->plan, 2026, 41), "c-road"), ==, 12.0);
  g_assert_null (bt_week_get_imported (bt_plan_find_week (window->plan, 2026, 41)));
  /* The toast with Undo gives way to one that says what was undone, and
   * Redo says so too. */
  g_assert_true (bt_test_wait_until (window_says, &(Says) { GTK_WIDGET (window), "Undone: Import" }, 10));
  /* And stays once the toast clicked has slid away; what was undone
   * offers no Undo of its own. */
  spin (800);
  g_assert_true (window_says (&(Says) { GTK_WIDGET (window), "Undone: Import" }));
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_true (undo == NULL || !gtk_widget_is_visible (undo));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (bt_test_wait_until (window_says, &(Says) { GTK_WIDGET (window), "Redone: Import" }, 10));
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (window->plan, 2026, 41)), ==, 57.0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (window->plan, 2026, 41)), ==, 52.0);
  /* Ctrl+Y and Ctrl+Z held down, with another toast on show and the edit's
   * toast's Undo pressed too: each toast gives way to the next while it
   * still slides in, which crashed libadwaita 1.2 once a toast was freed
   * under its animation. */
  bt_window_toast (window, "Another toast");
  for (guint i = 0; i < 8; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (window), i % 2 == 0 ? "win.redo" : "win.undo", NULL);
      spin (i == 4 ? 1100 : 30);
    }
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (window->plan, 2026, 41)), ==, 52.0);
  g_assert_true (bt_test_wait_until (window_says, &(Says) { GTK_WIDGET (window), "Undone: Import" }, 10));
  spin (1500);

  /* A weekly meeting in 2026-W46 and W47, a lunch no rule takes in W43:
   * two weeks are imported, not three, and W43 stays out of the plan. */
  {
    g_autofree char *ongoing = g_test_build_filename (G_TEST_DIST, "data", "import", "ongoing.ics", NULL);

    dialog = bt_import_dialog_new (GTK_WINDOW (window), window->plan, window->history, ongoing, now, &error);
    g_assert_no_error (error);
    gtk_window_present (GTK_WINDOW (dialog));
    spin (100);
    /* W43 holds only the lunch, which adds nothing: no row for it; the
     * meeting's rows say how many hours they add, and the series that
     * goes on is one series, not one event. */
    {
      g_autofree char *w43 = expected_week_title (2026, 43);
      g_autofree char *w46 = expected_week_title (2026, 46);

      g_assert_null (bt_test_find_row (GTK_WIDGET (dialog), w43));
      g_assert_nonnull (bt_test_find_row (GTK_WIDGET (dialog), w46));
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bt_test_find_row (GTK_WIDGET (dialog), "Left out"))),
                       ==, "1 meeting series continues after today");
    }
    g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
    g_assert_true (bt_test_wait_until (window_says, &(Says) { GTK_WIDGET (window), "Imported 2 weeks from" }, 10));
    g_assert_nonnull (bt_test_find_match (GTK_WIDGET (window), is_label_containing,
                                          "Imported 2 weeks from “Ongoing”"));
    g_assert_null (bt_plan_find_week (window->plan, 2026, 43));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
}

static void
test_malformed_file (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "import", "bad-tzid.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, NULL);
  g_autoptr(BtHistory) history = bt_history_new ();
  BtImportDialog *dialog = bt_import_dialog_new (NULL, plan, history, bad, NULL, &error);

  g_assert_null (dialog);
  g_assert_nonnull (strstr (error->message, "line 8"));
  g_assert_false (bt_history_get_can_undo (history));
}

/* The visible toplevel of @type, if any. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }

  return NULL;
}

static gboolean
is_progress_bar (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

/* Spins until @done says so, for at most half a minute. */
static gboolean
spin_until (gboolean (*done) (void))
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done () && g_get_monotonic_time () < end)
    spin (50);
  return done ();
}

static gboolean
preview_shown (void)
{
  GtkWidget *dialog = find_toplevel (BT_TYPE_IMPORT_DIALOG);
  g_autoptr(GPtrArray) weeks = dialog ? rows_of (dialog, "Weeks") : NULL;

  return weeks != NULL && weeks->len > 0;
}

static gboolean
dialog_gone (void)
{
  return find_toplevel (BT_TYPE_IMPORT_DIALOG) == NULL;
}

/* Two years of a weekly meeting: each year is one row that shows its
 * weeks when opened, not a hundred rows at once; the choice for all weeks
 * reaches the weeks of a year not opened. */
static void
test_weeks_by_year (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bt-import-XXXXXX", NULL);
  g_autofree char *ics = g_build_filename (dir, "two-years.ics", NULL);
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  BtImportDialog *dialog;
  GtkWidget *year;
  guint n_weeks = 0;

  g_assert_no_error (error);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2025, 10), "c-rev", 10);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 10), "c-rev", 10);
  g_assert_true (g_file_set_contents (ics,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Work\r\nBEGIN:VEVENT\r\n"
                                      "UID:planning\r\nDTSTART:20241104T090000Z\r\nDTEND:20241104T100000Z\r\n"
                                      "RRULE:FREQ=WEEKLY;UNTIL=20261116T100000Z\r\nSUMMARY:Sprint planning\r\n"
                                      "END:VEVENT\r\nEND:VCALENDAR\r\n", -1, &error));

  dialog = bt_import_dialog_new (NULL, plan, history, ics, now, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  spin (100);

  before = rows_of (GTK_WIDGET (dialog), "Weeks");
  g_assert_true (has_title (before, "All Weeks With Your Hours"));
  for (guint i = 0; i < before->len; i++)
    g_assert_null (strstr (before->pdata[i], "-W"));
  year = bt_test_find_row (GTK_WIDGET (dialog), "2025");
  g_assert_true (ADW_IS_EXPANDER_ROW (year));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (year)), ==, "52 weeks, 1 with your hours");
  g_assert_true (ADW_IS_EXPANDER_ROW (bt_test_find_row (GTK_WIDGET (dialog), "2024")));
  g_assert_true (ADW_IS_EXPANDER_ROW (bt_test_find_row (GTK_WIDGET (dialog), "2026")));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (year), TRUE);
  spin (50);
  after = rows_of (GTK_WIDGET (dialog), "Weeks");
  for (guint i = 0; i < after->len; i++)
    n_weeks += g_str_has_prefix (after->pdata[i], "2025-W");
  g_assert_cmpuint (n_weeks, ==, 52);
  bt_test_screenshot (GTK_WIDGET (dialog), "import-weeks-by-year");

  gtk_drop_down_set_selected (find_choice (GTK_WIDGET (dialog), "All Weeks With Your Hours"), BT_IMPORT_ADD);
  spin (50);
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Import"), "clicked");
  spin (100);
  /* The typed 10 h and the calendar's hour, in the year opened and in the
   * one not; a week with nothing typed gets the calendar's hour. */
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2025, 10)), ==, 11.0);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 10)), ==, 11.0);
  g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 11)), ==, 1.0);

  g_unlink (ics);
  g_rmdir (dir);
}

/* bt_import_dialog_open() reads in a worker thread: the dialog shows at
 * once with a progress bar, then the preview; Cancel stops a long
 * reading; a bad file closes it and says why. */
static void
test_open_in_worker (void)
{
  g_autofree char *plan_path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *ics = g_test_build_filename (G_TEST_DIST, "data", "import", "recurrences.ics", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "import", "bad-tzid.ics", NULL);
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, NULL);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autofree char *dir = g_dir_make_tmp ("bt-import-XXXXXX", NULL);
  g_autofree char *hourly = g_build_filename (dir, "hourly.ics", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *message;
  guint64 generation;

  bt_import_dialog_open (NULL, plan, history, ics);
  dialog = find_toplevel (BT_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (spin_until (preview_shown));
  g_assert_true (gtk_widget_get_sensitive (find_button (dialog, "_Import")));
  g_assert_null (bt_test_find_match (dialog, is_progress_bar, NULL));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);

  /* Hourly since 1970: half a million meetings take a while. */
  g_assert_true (g_file_set_contents (hourly,
                                      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:hourly\r\n"
                                      "DTSTART:19700101T000000Z\r\nDTEND:19700101T003000Z\r\nRRULE:FREQ=HOURLY\r\n"
                                      "SUMMARY:Status\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", -1, &error));
  generation = bt_plan_get_generation (plan);
  bt_import_dialog_open (NULL, plan, history, hourly);
  dialog = find_toplevel (BT_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (bt_test_find_match (dialog, is_progress_bar, NULL));
  g_assert_false (gtk_widget_get_sensitive (find_button (dialog, "_Import")));
  g_assert_nonnull (find_button (dialog, "_Cancel"));
  spin (300);
  bt_test_screenshot (dialog, "import-reading");
  g_signal_emit_by_name (find_button (dialog, "_Cancel"), "clicked");
  g_assert_true (spin_until (dialog_gone));
  spin (300);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (bt_history_get_can_undo (history));
  /* Not a rule, week or touchpoint more: the plan is as it was. */
  g_assert_cmpuint (bt_plan_get_generation (plan), ==, generation);

  /* A bad file: the dialog closes and a message names the line. */
  bt_import_dialog_open (NULL, plan, history, bad);
  g_assert_true (spin_until (dialog_gone));
  message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==,
                   "“bad-tzid.ics” could not be imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (message)), "line 8"));
  gtk_window_destroy (GTK_WINDOW (message));

  g_unlink (hourly);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerImportTest",
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_func ("/import-dialog/preview-rule-import-undo", test_preview_rule_import_undo);
  g_test_add_func ("/import-dialog/existing-week-choices", test_existing_week_choices);
  g_test_add_func ("/import-dialog/choice-for-all-weeks", test_choice_for_all_weeks);
  g_test_add_func ("/import-dialog/weeks-by-year", test_weeks_by_year);
  g_test_add_data_func ("/import-dialog/toast-offers-undo", app, test_toast_offers_undo);
  g_test_add_func ("/import-dialog/malformed-file", test_malformed_file);
  g_test_add_func ("/import-dialog/open-in-worker", test_open_in_worker);

  return g_test_run ();
}
