/* test-weekly.c — the weekly check-in: what it starts from, what it records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bt-date.h"
#include "bt-weekly.h"

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (bt_date_parse (iso, &d));

  return d;
}

static const char *
category_id (BtPlan *plan,
             guint   index)
{
  g_autoptr(BtItem) c = g_list_model_get_item (bt_plan_get_categories (plan), index);

  return bt_item_get_id (c);   /* the plan keeps it alive */
}

static double
draft_hours (BtWeeklyDraft *draft,
             const char    *id)
{
  double *hours = g_hash_table_lookup (draft->hours, id);

  return hours ? *hours : 0;
}

static void
set_draft_hours (BtWeeklyDraft *draft,
                 const char    *id,
                 double         hours)
{
  g_hash_table_insert (draft->hours, g_strdup (id), g_memdup2 (&hours, sizeof hours));
}

static void
test_prefill_from_last_week (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  GDate today = day ("2026-11-20");   /* a Friday of 2026-W47 */
  g_autoptr(BtWeeklyDraft) draft = NULL;
  BtWeek *older = bt_plan_ensure_week (plan, 2026, 44);
  BtWeek *last = bt_plan_ensure_week (plan, 2026, 46);
  BtWeek *future = bt_plan_ensure_week (plan, 2026, 49);

  bt_week_set_hours (older, category_id (plan, 0), 99);
  bt_week_set_hours (last, category_id (plan, 0), 30);
  bt_week_set_hours (last, category_id (plan, 4), 12);
  bt_week_set_hours (future, category_id (plan, 0), 5);

  draft = bt_weekly_draft_new (plan, &today);
  g_assert_cmpint (draft->iso_year, ==, 2026);
  g_assert_cmpint (draft->week, ==, 47);
  /* The latest week on or before today, not a later one. */
  g_assert_cmpfloat (draft_hours (draft, category_id (plan, 0)), ==, 30);
  g_assert_cmpfloat (draft_hours (draft, category_id (plan, 4)), ==, 12);
  g_assert_cmpfloat (bt_weekly_draft_total (draft), ==, 42);
  g_assert_cmpstr (draft->question, ==, bt_weekly_question (47));
  g_assert_cmpstr (bt_weekly_question (47), !=, bt_weekly_question (48));
}

static void
test_apply_and_undo (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) priya = bt_relationship_new ();
  GDate today = day ("2026-11-20");
  g_autoptr(BtWeeklyDraft) draft = bt_weekly_draft_new (plan, &today);
  g_autoptr(GError) error = NULL;
  BtWeek *week;

  bt_relationship_set_name (priya, "Priya");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (priya));

  set_draft_hours (draft, category_id (plan, 0), 25);
  set_draft_hours (draft, category_id (plan, 5), 15.5);
  draft->answer = g_strdup ("Less time in reviews.");
  draft->ratings[0] = 4;
  draft->ratings[3] = 2;
  g_ptr_array_add (draft->touched, g_object_ref (priya));

  g_assert_true (bt_weekly_apply (plan, history, draft, &today, &error));
  g_assert_no_error (error);

  week = bt_plan_find_week (plan, 2026, 47);
  g_assert_nonnull (week);
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 40.5);
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 1);
  {
    g_autoptr(BtCheckIn) c = g_list_model_get_item (bt_plan_get_check_ins (plan), 0);
    g_assert_cmpstr (bt_check_in_get_week (c), ==, "2026-W47");
    g_assert_cmpstr (bt_check_in_get_answer (c), ==, "Less time in reviews.");
    g_assert_cmpint (bt_check_in_get_over_involvement (c), ==, 4);
    g_assert_cmpint (bt_check_in_get_technical_certainty (c), ==, 2);
  }
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (priya)), ==, 1);

  /* The whole check-in is one undo. */
  g_assert_cmpstr (bt_history_get_undo_label (history), ==, "Weekly check-in");
  g_assert_true (bt_history_undo (history));
  g_assert_null (bt_plan_find_week (plan, 2026, 47));
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (priya)), ==, 0);
  g_assert_false (bt_history_get_can_undo (history));
}

static void
test_second_check_in_updates_the_week (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  GDate today = day ("2026-11-20");
  g_autoptr(BtWeeklyDraft) first = bt_weekly_draft_new (plan, &today);
  g_autoptr(BtWeeklyDraft) second = NULL;
  BtWeek *week;

  set_draft_hours (first, category_id (plan, 0), 25);
  set_draft_hours (first, category_id (plan, 1), 10);
  g_assert_true (bt_weekly_apply (plan, history, first, &today, NULL));

  /* Reopened the same week: it starts from what was recorded. */
  second = bt_weekly_draft_new (plan, &today);
  g_assert_cmpfloat (draft_hours (second, category_id (plan, 1)), ==, 10);
  g_hash_table_remove (second->hours, category_id (plan, 1));
  g_assert_true (bt_weekly_apply (plan, history, second, &today, NULL));

  week = bt_plan_find_week (plan, 2026, 47);
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 25);
  /* Hours only: no check-in of nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 0);
}

/* A check-in is kept for a week once it holds a reflection or a rated
 * warning sign (0 is "not rated"), not for hours alone, nor for blank
 * lines; and then it follows the week's next check-in. */
static void
test_check_in_kept_when_it_says_something (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  GDate today = day ("2026-11-20");
  g_autoptr(BtWeeklyDraft) blank = bt_weekly_draft_new (plan, &today);
  g_autoptr(BtWeeklyDraft) rated = NULL;
  g_autoptr(BtWeeklyDraft) cleared = NULL;

  set_draft_hours (blank, category_id (plan, 0), 20);
  blank->answer = g_strdup (" \n\t");
  g_assert_true (bt_weekly_apply (plan, history, blank, &today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 0);

  rated = bt_weekly_draft_new (plan, &today);
  rated->ratings[2] = 3;
  g_assert_true (bt_weekly_apply (plan, history, rated, &today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 1);

  /* Cleared afterwards, the week's check-in says so. */
  cleared = bt_weekly_draft_new (plan, &today);
  g_assert_cmpint (cleared->ratings[2], ==, 3);
  cleared->ratings[2] = 0;
  g_assert_true (bt_weekly_apply (plan, history, cleared, &today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_check_ins (plan)), ==, 1);
  {
    g_autoptr(BtCheckIn) c = g_list_model_get_item (bt_plan_get_check_ins (plan), 0);

    g_assert_cmpint (bt_check_in_get_not_delegating (c), ==, 0);
  }
}

/* Where the hours come from, for the check-in to say so truly. */
static void
test_prefill_says_where_from (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  GDate today = day ("2026-11-20");
  g_autoptr(BtWeeklyDraft) none = bt_weekly_draft_new (plan, &today);
  g_autoptr(BtWeeklyDraft) earlier = NULL;
  g_autoptr(BtWeeklyDraft) same = NULL;

  g_assert_cmpint (none->prefill, ==, BT_WEEKLY_PREFILL_NONE);
  g_assert_null (none->prefill_week);

  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 45), category_id (plan, 0), 30);
  earlier = bt_weekly_draft_new (plan, &today);
  g_assert_cmpint (earlier->prefill, ==, BT_WEEKLY_PREFILL_EARLIER_WEEK);
  g_assert_cmpstr (earlier->prefill_week, ==, "2026-W45");

  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 47), category_id (plan, 0), 20);
  same = bt_weekly_draft_new (plan, &today);
  g_assert_cmpint (same->prefill, ==, BT_WEEKLY_PREFILL_THIS_WEEK);
  g_assert_cmpstr (same->prefill_week, ==, "2026-W47");
}

/* A person already logged in the week is known as met, and ticking them
 * again logs nothing more. */
static void
test_met_this_week_is_not_logged_twice (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) priya = bt_relationship_new ();
  g_autoptr(BtRelationship) omar = bt_relationship_new ();
  g_autoptr(BtTouchpoint) monday = bt_touchpoint_new ();
  g_autoptr(BtTouchpoint) last_week = bt_touchpoint_new ();
  GDate today = day ("2026-11-20");   /* 2026-W47 runs from 16 to 22 November */
  GDate d;
  g_autoptr(BtWeeklyDraft) draft = NULL;
  g_autoptr(BtWeeklyDraft) again = NULL;

  bt_relationship_set_name (priya, "Priya");
  bt_relationship_set_name (omar, "Omar");
  d = day ("2026-11-16");
  bt_touchpoint_set_date (monday, &d);
  bt_item_append_child (BT_ITEM (priya), bt_relationship_get_touchpoints (priya), BT_ITEM (monday));
  d = day ("2026-11-15");
  bt_touchpoint_set_date (last_week, &d);
  bt_item_append_child (BT_ITEM (omar), bt_relationship_get_touchpoints (omar), BT_ITEM (last_week));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (priya));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (omar));

  draft = bt_weekly_draft_new (plan, &today);
  g_assert_cmpuint (draft->met->len, ==, 1);
  g_assert_true (g_ptr_array_index (draft->met, 0) == priya);

  g_ptr_array_add (draft->touched, g_object_ref (priya));
  g_ptr_array_add (draft->touched, g_object_ref (omar));
  g_assert_true (bt_weekly_apply (plan, history, draft, &today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (priya)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (omar)), ==, 2);

  /* Checked in again the same week: both are met now. */
  again = bt_weekly_draft_new (plan, &today);
  g_assert_cmpuint (again->met->len, ==, 2);
  g_ptr_array_add (again->touched, g_object_ref (omar));
  g_assert_true (bt_weekly_apply (plan, history, again, &today, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (omar)), ==, 2);
}

static void
test_more_than_a_week_is_refused (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  GDate today = day ("2026-11-20");
  g_autoptr(BtWeeklyDraft) draft = bt_weekly_draft_new (plan, &today);
  g_autoptr(GError) error = NULL;

  set_draft_hours (draft, category_id (plan, 0), 100);
  set_draft_hours (draft, category_id (plan, 1), 100);

  g_assert_false (bt_weekly_apply (plan, history, draft, &today, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (bt_plan_find_week (plan, 2026, 47));
  g_assert_false (bt_history_get_can_undo (history));
}

static void
test_week_start (void)
{
  GDate sunday = day ("2026-11-22"), friday = day ("2026-11-20"), date;
  int y, w;

  /* Monday weeks: Sunday 22 November closes 2026-W47. */
  bt_weekly_week_date (&sunday, FALSE, &date);
  bt_iso_week_of_date (&date, &y, &w);
  g_assert_cmpint (w, ==, 47);

  /* Sunday weeks: it opens the next one. */
  bt_weekly_week_date (&sunday, TRUE, &date);
  bt_iso_week_of_date (&date, &y, &w);
  g_assert_cmpint (w, ==, 48);

  /* Other days are the same either way. */
  bt_weekly_week_date (&friday, TRUE, &date);
  bt_iso_week_of_date (&date, &y, &w);
  g_assert_cmpint (w, ==, 47);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/weekly/prefill-from-last-week", test_prefill_from_last_week);
  g_test_add_func ("/weekly/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/weekly/prefill-says-where-from", test_prefill_says_where_from);
  g_test_add_func ("/weekly/met-this-week-is-not-logged-twice", test_met_this_week_is_not_logged_twice);
  g_test_add_func ("/weekly/second-check-in-updates-the-week", test_second_check_in_updates_the_week);
  g_test_add_func ("/weekly/check-in-kept-when-it-says-something", test_check_in_kept_when_it_says_something);
  g_test_add_func ("/weekly/more-than-a-week-is-refused", test_more_than_a_week_is_refused);
  g_test_add_func ("/weekly/week-start", test_week_start);

  return g_test_run ();
}
