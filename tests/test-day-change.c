/* test-day-change.c — a window left open past midnight follows the day
 *
 * The clock is set by the test (bt-clock-private.h) as midnight would move
 * it: what depends on the day (overdue people and milestones, a meeting
 * planned that has taken place) must be said again without any change to
 * the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-application.h"
#include "bt-clock-private.h"
#include "bt-date.h"
#include "bt-report.h"
#include "bt-window-private.h"

static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return date;
}

static gboolean
plan_loaded (gpointer data)
{
  return BT_WINDOW (data)->plan != NULL;
}

typedef struct
{
  GtkWidget  *under;
  const char *title;
  const char *needle;   /* in the row's subtitle; NULL: no such row */
} RowSays;

static gboolean
is_label_with_markup (GtkWidget     *widget,
                      gconstpointer  markup)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), markup) != NULL;
}

/* What a row's subtitle says in its markup, bold and all: the row only
 * gives its text. */
static gboolean
row_marks (gpointer data)
{
  RowSays *says = data;
  GtkWidget *row = bt_test_find_row (says->under, says->title);

  return row != NULL && bt_test_find_match (row, is_label_with_markup, says->needle) != NULL;
}

static gboolean
row_says (gpointer data)
{
  RowSays *says = data;
  GtkWidget *row = bt_test_find_row (says->under, says->title);

  if (says->needle == NULL)
    return row == NULL;

  return row != NULL && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), says->needle) != NULL;
}

static void
on_day_changed_cb (BtClock *clock,
                   guint   *count)
{
  (*count)++;
}

/* The clock says the day it is set to, and says when it changes, once. */
static void
test_clock (void)
{
  BtClock *clock = bt_clock_get_default ();
  GDate monday = day (2026, 11, 23), tuesday = day (2026, 11, 24), today;
  guint changes = 0;
  gulong id = g_signal_connect (clock, "day-changed", G_CALLBACK (on_day_changed_cb), &changes);

  bt_clock_set_today_for_testing (clock, &monday);
  changes = 0;
  bt_clock_set_today_for_testing (clock, &monday);
  bt_clock_check (clock);
  g_assert_cmpuint (changes, ==, 0);
  bt_today (&today);
  g_assert_cmpint (g_date_compare (&today, &monday), ==, 0);

  bt_clock_set_today_for_testing (clock, &tuesday);
  g_assert_cmpuint (changes, ==, 1);
  bt_clock_get_today (clock, &today);
  g_assert_cmpint (g_date_compare (&today, &tuesday), ==, 0);

  g_signal_handler_disconnect (clock, id);
}

/* Pat was last met on 10 Nov, every 14 days: due on 24 Nov, with a meeting
 * planned on 27 Nov. A milestone is due on 25 Nov. On 20 Nov nothing is
 * late; the window stays open, and on 26 Nov Pat is two days late and the
 * milestone one; on 27 Nov the meeting took place. */
static void
test_window_follows_the_day (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *dir = g_dir_make_tmp ("bt-day-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GDate today = day (2026, 11, 20), met = day (2026, 11, 10), planned = day (2026, 11, 27);
  GDate due = day (2026, 11, 24);
  g_autofree char *met_text = bt_format_date (&met);
  g_autofree char *planned_text = bt_format_date (&planned);
  g_autofree char *due_text = bt_format_date (&due);
  g_autofree char *overdue = NULL;
  g_autofree char *next = NULL;
  g_autofree char *planned_note = NULL;
  GtkWidget *overview, *people, *roadmap;
  BtWindow *window;

  bt_clock_set_today_for_testing (bt_clock_get_default (), &today);
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": \"breakthrough-plan\", \"version\": 1, "
                                      "\"categories\": [{\"id\": \"t\", \"name\": \"Meetings\", \"kind\": \"tactical\"}, "
                                      "{\"id\": \"s\", \"name\": \"Strategy\", \"kind\": \"strategic\"}], "
                                      "\"weeks\": [{\"week\": \"2026-W46\", \"hours\": {\"t\": 30, \"s\": 10}}], "
                                      "\"milestones\": [{\"title\": \"Launch the review\", \"date\": \"2026-11-25\"}], "
                                      "\"relationships\": [{\"name\": \"Pat Lee\", \"cadence_days\": 14, "
                                      "\"next_step\": \"Send the draft\", \"next_step_due\": \"2026-11-22\", "
                                      "\"touchpoints\": [{\"date\": \"2026-11-27\"}, {\"date\": \"2026-11-10\"}]}]}",
                                      -1, NULL));

  window = bt_window_new (BT_APPLICATION (app), file);
  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));
  gtk_window_present (GTK_WINDOW (window));
  overview = GTK_WIDGET (window->overview_page);
  people = GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS));
  roadmap = GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_TIMELINE));
  adw_view_stack_set_visible_child_name (window->stack, "relationships");
  bt_test_spin (300);
  adw_view_stack_set_visible_child_name (window->stack, "roadmap");
  bt_test_spin (300);
  adw_view_stack_set_visible_child_name (window->stack, "overview");

  /* 20 Nov: due on 24 Nov, a meeting planned on 27 Nov; nothing late */
  next = g_strdup_printf ("next by %s · meeting planned %s", due_text, planned_text);
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { people, "Pat Lee", next }, 10));
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { overview, "Pat Lee", NULL }, 10));
  g_assert_false (bt_test_wait_until (row_says, &(RowSays) { roadmap, "Launch the review", "overdue" }, 0));
  g_assert_false (row_says (&(RowSays) { people, "Pat Lee", "next step was due" }));
  /* week 46 is last week: the share is the latest */
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { overview, "Strategic share, last four weeks", "25%" },
                                     10));
  g_assert_false (bt_test_wait_until (row_says, &(RowSays) { overview, "Strategic share, last four weeks",
                                                            "No hours recorded" }, 0));

  /* Midnight, or back from a suspend, some days on: 26 Nov */
  today = day (2026, 11, 26);
  bt_clock_set_today_for_testing (bt_clock_get_default (), &today);
  overdue = g_strdup_printf ("Last touchpoint %s, overdue by 2 days · meeting planned %s", met_text, planned_text);
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { overview, "Pat Lee", overdue }, 10));
  /* in bold, where the rows of those in touch are plain */
  g_assert_true (bt_test_wait_until (row_marks, &(RowSays) { people, "Pat Lee", "<b>overdue by 2 days</b>" }, 10));
  /* her next step was due on 22 Nov: the People row says so, as the overview does */
  {
    GDate step_due = day (2026, 11, 22);
    g_autofree char *step_text = bt_format_date (&step_due);
    g_autofree char *late = g_strdup_printf ("next step was due %s", step_text);

    g_assert_true (row_says (&(RowSays) { people, "Pat Lee", late }));
  }
  g_assert_true (bt_test_wait_until (row_marks, &(RowSays) { roadmap, "Launch the review", "<b>overdue</b>" }, 10));
  /* 26 Nov is in week 48: week 47 went by without hours */
  {
    GDate week46 = day (2026, 11, 9);
    g_autofree char *monday = bt_format_date (&week46);
    g_autofree char *notice = g_strdup_printf ("No hours recorded since week 46, the week of %s", monday);

    g_assert_true (bt_test_wait_until (row_says, &(RowSays) { overview, "Strategic share, last four weeks",
                                                              "25% in weeks 43 to 46" }, 10));
    g_assert_true (row_says (&(RowSays) { overview, "Strategic share, last four weeks", notice }));
  }

  /* 27 Nov: met today, due again on 11 Dec */
  today = day (2026, 11, 27);
  bt_clock_set_today_for_testing (bt_clock_get_default (), &today);
  {
    GDate again = day (2026, 12, 11);
    g_autofree char *again_text = bt_format_date (&again);

    planned_note = g_strdup_printf ("next by %s", again_text);
  }
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { overview, "Pat Lee", NULL }, 10));
  g_assert_true (bt_test_wait_until (row_says, &(RowSays) { people, "Pat Lee", planned_note }, 10));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bt_test_find_row (people, "Pat Lee"))),
                         "meeting planned"));

  gtk_window_destroy (GTK_WINDOW (window));
  bt_clock_set_today_for_testing (bt_clock_get_default (), NULL);
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

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerDayTest",
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_func ("/day-change/clock", test_clock);
  g_test_add_data_func ("/day-change/window-follows-the-day", app, test_window_follows_the_day);

  return g_test_run ();
}
