/* test-reminder.c — when the weekly check-in reminder is due (once after
 * missed weeks, across a change of clocks) and what the daily nudge says
 *
 * Every expected time is worked out by hand: 4 December 2026 is a Friday.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bt-plan-file.h"
#include "bt-reminder.h"

#define FRIDAY 5

static GDateTime *
utc (int year, int month, int day, int hour, int minute)
{
  return g_date_time_new_utc (year, month, day, hour, minute, 0);
}

static void
assert_time (GDateTime  *time,
             const char *expected)
{
  g_autofree char *text = g_date_time_format_iso8601 (time);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_last_and_next (void)
{
  g_autoptr(GDateTime) before = utc (2026, 12, 4, 15, 0);
  g_autoptr(GDateTime) at = utc (2026, 12, 4, 16, 0);
  g_autoptr(GDateTime) sunday = utc (2026, 12, 6, 10, 0);
  g_autoptr(GDateTime) last = NULL;
  g_autoptr(GDateTime) next = NULL;

  /* Friday 15:00: the last reminder was the Friday before. */
  last = bt_reminder_last_time (before, FRIDAY, 16);
  assert_time (last, "2026-11-27T16:00:00Z");
  next = bt_reminder_next_time (before, FRIDAY, 16);
  assert_time (next, "2026-12-04T16:00:00Z");
  g_clear_pointer (&last, g_date_time_unref);
  g_clear_pointer (&next, g_date_time_unref);

  /* At 16:00 sharp it is this one. */
  last = bt_reminder_last_time (at, FRIDAY, 16);
  assert_time (last, "2026-12-04T16:00:00Z");
  g_clear_pointer (&last, g_date_time_unref);

  /* Sunday: two days back. */
  last = bt_reminder_last_time (sunday, FRIDAY, 16);
  assert_time (last, "2026-12-04T16:00:00Z");
}

static void
test_due_once (void)
{
  g_autoptr(GDateTime) shown = utc (2026, 11, 27, 16, 5);
  g_autoptr(GDateTime) before = utc (2026, 12, 4, 15, 0);
  g_autoptr(GDateTime) after = utc (2026, 12, 4, 16, 30);
  g_autoptr(GDateTime) weeks_later = utc (2026, 12, 27, 9, 0);

  /* Shown last Friday: not again until this Friday 16:00. */
  g_assert_false (bt_reminder_check_in_due (before, FRIDAY, 16, g_date_time_to_unix (shown)));
  g_assert_true (bt_reminder_check_in_due (after, FRIDAY, 16, g_date_time_to_unix (shown)));
  /* Never shown: due. */
  g_assert_true (bt_reminder_check_in_due (before, FRIDAY, 16, 0));

  /* Off for three Fridays: due once at the next start; shown then, not
   * due again that day. */
  g_assert_true (bt_reminder_check_in_due (weeks_later, FRIDAY, 16, g_date_time_to_unix (shown)));
  g_assert_false (bt_reminder_check_in_due (weeks_later, FRIDAY, 16, g_date_time_to_unix (weeks_later)));
}

static void
test_change_of_clocks (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) monday = g_date_time_new (berlin, 2026, 3, 30, 10, 0, 0);
  g_autoptr(GDateTime) last = bt_reminder_last_time (monday, FRIDAY, 16);
  g_autoptr(GDateTime) next = bt_reminder_next_time (monday, FRIDAY, 16);

  g_assert_nonnull (berlin);
  /* 16:00 in Berlin on both sides of 29 March. */
  assert_time (last, "2026-03-27T16:00:00+01");
  assert_time (next, "2026-04-03T16:00:00+02");
}

static const char plan_json[] =
  "{ \"format\": \"breakthrough-plan\", \"version\": 1,\n"
  "  \"milestones\": [\n"
  "    { \"id\": \"m-soon\", \"title\": \"Present the platform case\", \"date\": \"2026-12-09\", \"status\": \"planned\" },\n"
  "    { \"id\": \"m-done\", \"title\": \"Already done\", \"date\": \"2026-12-08\", \"status\": \"done\" },\n"
  "    { \"id\": \"m-later\", \"title\": \"Next quarter\", \"date\": \"2027-02-01\", \"status\": \"planned\" }\n"
  "  ],\n"
  "  \"relationships\": [\n"
  "    { \"id\": \"r-late\", \"name\": \"Dana Cho\", \"function\": \"finance\", \"strength\": 2, \"cadence_days\": 14,\n"
  "      \"touchpoints\": [ { \"id\": \"t1\", \"date\": \"2026-11-01\" } ] },\n"
  "    { \"id\": \"r-fine\", \"name\": \"Sam Ortiz\", \"function\": \"sales\", \"strength\": 3, \"cadence_days\": 30,\n"
  "      \"next_step\": \"Send the pilot numbers\", \"next_step_due\": \"2026-12-10\",\n"
  "      \"touchpoints\": [ { \"id\": \"t2\", \"date\": \"2026-12-01\" } ] }\n"
  "  ] }\n";

static void
test_nudge (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (plan_json, strlen (plan_json));
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (bytes, &error);
  g_autoptr(BtNudge) nudge = NULL;
  g_autoptr(BtNudge) again = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) told = NULL;
  GDate today;

  g_assert_no_error (error);
  g_date_set_dmy (&today, 4, G_DATE_DECEMBER, 2026);

  /* Dana: last seen 1 November, every 14 days: overdue since 15 November.
   * Sam's next step on 10 December and the case on 9 December are within
   * the week; the done one and February's are not. */
  nudge = bt_nudge_new (plan, &today, NULL);
  g_assert_false (bt_nudge_is_empty (nudge));
  text = bt_nudge_to_text (nudge);
  g_assert_cmpstr (text, ==,
                   "Dana Cho is overdue for a touchpoint\n"
                   "Next step with Sam Ortiz: Send the pilot numbers\n"
                   "Milestone due this week: Present the platform case");

  /* Told once: Dana is not news the next day. */
  told = bt_nudge_overdue_ids (plan, &today);
  g_assert_cmpstrv (told, ((const char *[]) { "r-late", NULL }));
  g_date_add_days (&today, 1);
  again = bt_nudge_new (plan, &today, (const char * const *) told);
  g_assert_cmpuint (again->overdue->len, ==, 0);
  g_assert_cmpuint (again->milestones->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/reminder/last-and-next", test_last_and_next);
  g_test_add_func ("/reminder/due-once", test_due_once);
  g_test_add_func ("/reminder/change-of-clocks", test_change_of_clocks);
  g_test_add_func ("/reminder/nudge", test_nudge);

  return g_test_run ();
}
