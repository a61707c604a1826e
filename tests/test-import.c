/* test-import.c — calendars and time trackers into weeks: recurrences with
 * exceptions, time zones across a DST change, left-out events, overlaps,
 * rules, touchpoints, importing twice, a newer export, malformed files
 *
 * Every expected number below is worked out by hand from the fixture in
 * tests/data/import, in the Europe/Berlin time zone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bt-import.h"
#include "bt-import-describe.h"
#include "bt-date.h"
#include "bt-plan-file.h"

static GDateTime *now;

static BtPlan *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static BtImportWeek *
lookup_week (BtImport *import,
             int       week)
{
  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];

      if (w->iso_year == 2026 && w->week == week)
        return w;
    }

  return NULL;
}

static BtImportWeek *
find_week (BtImport *import,
           int       week)
{
  BtImportWeek *w = lookup_week (import, week);

  if (w == NULL)
    g_error ("the import has no week 2026-W%02d", week);
  return w;
}

static double
hours (BtImport   *import,
       int         week,
       const char *category)
{
  BtImportWeek *w = find_week (import, week);
  double *h;

  h = g_hash_table_lookup (w->hours, category);
  return h != NULL ? *h : 0.0;
}

static char *
serialize (BtPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_recurrences (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("recurrences.ics");
  g_autofree char *before = serialize (plan);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  BtImportUnmatched *lunch;

  g_assert_no_error (error);
  g_assert_cmpstr (import->source_name, ==, "Work");
  g_assert_true (import->default_rules);

  /* W41: stand-up Mon 5 Oct and the RDATE Fri 9 Oct (the EXDATE took Wed
   * 7 Oct), 30 min each; roadmap planning 2 h; the 1:1 on 8 Oct 30 min;
   * lunch 1 h with no rule. */
  g_assert_cmpuint (import->weeks->len, ==, 3);
  g_assert_cmpfloat (hours (import, 41, "c-ops"), ==, 1.0);
  g_assert_cmpfloat (hours (import, 41, "c-road"), ==, 2.0);
  g_assert_cmpfloat (hours (import, 41, "c-part"), ==, 0.5);
  g_assert_cmpfloat (find_week (import, 41)->unmatched, ==, 1.0);
  /* The plan has 30 h typed by hand for W41: the import says so, and keeps
   * them unless told otherwise. */
  g_assert_cmpfloat (find_week (import, 41)->typed, ==, 30.0);
  g_assert_cmpint (find_week (import, 41)->choice, ==, BT_IMPORT_KEEP);

  /* W42: the override moved Mon 12 Oct to 14:00 for an hour; Wed 14 Oct
   * 30 min; the incident review overlaps that stand-up by 15 minutes,
   * counted once, for the stand-up that began first: 30 min of incident. */
  g_assert_cmpfloat (hours (import, 42, "c-ops"), ==, 1.5);
  g_assert_cmpfloat (hours (import, 42, "c-fire"), ==, 0.5);
  g_assert_cmpfloat (hours (import, 42, "c-part"), ==, 0.5);
  g_assert_cmpfloat (find_week (import, 42)->typed, ==, 0.0);

  /* W43: the override cancelled Mon 19 Oct; Wed 21 Oct, the sixth of
   * COUNT=6, stays. */
  g_assert_cmpfloat (hours (import, 43, "c-ops"), ==, 0.5);
  g_assert_cmpuint (g_hash_table_size (find_week (import, 43)->hours), ==, 1);

  g_assert_cmpuint (import->n_all_day, ==, 1);
  g_assert_cmpuint (import->n_cancelled, ==, 2);   /* the event and the cancelled instance */
  g_assert_cmpuint (import->n_declined, ==, 1);
  g_assert_cmpuint (import->n_future, ==, 1);      /* the QBR in December */

  g_assert_cmpuint (import->unmatched->len, ==, 1);
  lunch = import->unmatched->pdata[0];
  g_assert_cmpstr (lunch->summary, ==, "Lunch");
  g_assert_cmpuint (lunch->count, ==, 1);
  g_assert_cmpfloat (lunch->hours, ==, 1.0);

  /* Priya's address matches whatever its case: the roadmap planning and
   * both 1:1s. */
  g_assert_cmpuint (import->touchpoints->len, ==, 3);
  {
    const char *dates[] = { "2026-10-06", "2026-10-08", "2026-10-15" };

    for (guint i = 0; i < 3; i++)
      {
        BtImportTouchpoint *t = import->touchpoints->pdata[i];
        g_autofree char *date = bt_date_to_iso (&t->date);

        g_assert_cmpstr (date, ==, dates[i]);
        g_assert_cmpstr (bt_relationship_get_name (t->relationship), ==, "Priya Raman");
        g_assert_true (t->is_new);
      }
  }

  /* Working it out changed nothing. */
  after = serialize (plan);
  g_assert_cmpstr (before, ==, after);
}

static void
test_time_zones (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("timezones.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);

  g_assert_no_error (error);

  /* Sundays 18:00 in New York, seen from Berlin: 18 Oct is Mon 19 Oct
   * 00:00 CEST (W43); 25 Oct, Berlin on winter time and New York not yet,
   * is Sun 25 Oct 23:00 CET (W43); 1 Nov, New York on winter time too, is
   * Mon 2 Nov 00:00 CET (W45). A fixed offset would put the last in W44. */
  g_assert_cmpfloat (hours (import, 43, "c-fire"), ==, 2.0);
  g_assert_null (lookup_week (import, 44));
  g_assert_cmpfloat (hours (import, 45, "c-fire"), ==, 1.0);
  /* Asia/Tokyo from libical's own zones, with a DURATION; a floating
   * time in the user's zone. */
  g_assert_cmpfloat (hours (import, 45, "c-road"), ==, 1.0);
  g_assert_cmpfloat (hours (import, 45, "c-ops"), ==, 1.5);
}

static void
test_apply_twice (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("recurrences.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) first = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtImport) second = NULL;
  g_autofree char *original = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(BtRelationship) priya = NULL;
  g_autoptr(BtImportRule) rule = NULL;
  BtWeek *w40, *w41;

  g_assert_no_error (error);
  original = serialize (plan);
  bt_import_set_choice (first, BT_IMPORT_REPLACE);
  bt_import_apply (first, plan, history);
  once = serialize (plan);

  /* Told to, the calendar replaced W41; W40, which it does not cover, keeps what
   * was typed. */
  w41 = bt_plan_find_week (plan, 2026, 41);
  g_assert_cmpfloat (bt_week_get_hours (w41, "c-rev"), ==, 0.0);
  g_assert_cmpfloat (bt_week_get_hours (w41, "c-road"), ==, 2.0);
  g_assert_cmpfloat (bt_week_get_total_hours (w41), ==, 3.5);
  w40 = bt_plan_find_week (plan, 2026, 40);
  g_assert_cmpfloat (bt_week_get_hours (w40, "c-rev"), ==, 20.0);
  g_assert_cmpstr (bt_week_get_note (w40), ==, "typed by hand");

  /* The default rules are now the plan's, editable. */
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_import_rules (plan)), >=, 10);
  rule = g_list_model_get_item (bt_plan_get_import_rules (plan), 0);
  g_assert_cmpint (bt_import_rule_get_match (rule), ==, BT_RULE_WORDS);
  g_assert_cmpstr (bt_import_rule_get_pattern (rule), ==, "incident");
  g_assert_cmpstr (bt_import_rule_get_category (rule), ==, "c-fire");

  priya = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_assert_cmpuint (g_list_model_get_n_items (bt_relationship_get_touchpoints (priya)), ==, 3);

  /* Again: nothing changes, not a byte. */
  second = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  g_assert_false (second->default_rules);
  for (guint i = 0; i < second->touchpoints->len; i++)
    g_assert_false (((BtImportTouchpoint *) second->touchpoints->pdata[i])->is_new);
  /* The weeks hold only the calendar's hours now: nothing typed to choose for. */
  g_assert_cmpuint (bt_import_count_typed_weeks (second), ==, 0);
  bt_import_apply (second, plan, history);
  twice = serialize (plan);
  g_assert_cmpstr (once, ==, twice);

  /* And what was saved loads back the same. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new (twice, strlen (twice));
    g_autoptr(BtPlan) reloaded = bt_plan_file_load_bytes (bytes, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = serialize (reloaded);
    g_assert_cmpstr (again, ==, twice);
  }

  /* Undo takes the whole import back: rules, weeks, touchpoints. */
  while (bt_history_undo (history))
    ;
  {
    g_autofree char *undone = serialize (plan);
    g_assert_cmpstr (undone, ==, original);
  }
}

static char *
edited_copy (const char *name,
             const char *from,
             const char *to)
{
  g_autofree char *path = fixture (name);
  g_autofree char *text = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bt-import-XXXXXX", NULL);
  char *copy = g_build_filename (dir, name, NULL);
  g_autoptr(GString) edited = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, from));
  edited = g_string_new (text);
  g_string_replace (edited, from, to, 1);
  g_assert_true (g_file_set_contents (copy, edited->str, edited->len, NULL));

  return copy;
}

static void
test_newer_export (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("recurrences.ics");
  /* In the newer export the roadmap planning moved from Tuesday to
   * Wednesday and got an hour shorter. */
  g_autofree char *newer = edited_copy ("recurrences.ics",
                                        "DTSTART;TZID=Europe/Berlin:20261006T100000\n"
                                        "DTEND;TZID=Europe/Berlin:20261006T120000",
                                        "DTSTART;TZID=Europe/Berlin:20261007T100000\n"
                                        "DTEND;TZID=Europe/Berlin:20261007T110000");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) first = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtImport) second = NULL;
  g_autoptr(BtRelationship) priya = NULL;
  GListModel *touchpoints;
  gboolean found = FALSE;

  g_assert_no_error (error);
  bt_import_set_choice (first, BT_IMPORT_REPLACE);
  bt_import_apply (first, plan, history);
  second = bt_import_file (plan, BT_IMPORT_CALENDAR, newer, now, &error);
  g_assert_no_error (error);
  /* W41 holds the first export's hours, none typed: the newer one updates
   * it without asking. */
  g_assert_cmpfloat (find_week (second, 41)->typed, ==, 0.0);
  bt_import_apply (second, plan, history);

  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 41), "c-road"), ==, 1.0);

  /* The touchpoint moved with the event: still three, one on 7 Oct. */
  priya = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  touchpoints = bt_relationship_get_touchpoints (priya);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BtTouchpoint) t = g_list_model_get_item (touchpoints, i);
      g_autofree char *date = bt_date_to_iso (bt_touchpoint_get_date (t));

      g_assert_cmpstr (date, !=, "2026-10-06");
      found |= g_str_equal (date, "2026-10-07");
    }
  g_assert_true (found);
}

/* A day alone (VALUE=DATE) in the EXDATE, RDATE or UNTIL of a meeting
 * with a time means that day's meeting, as Google Calendar and Outlook
 * read it: the stand-up daily until Friday 9 Oct, less Wednesday, plus
 * Saturday: five of 30 minutes. libical alone read UNTIL as Friday's
 * midnight, and left the EXDATE and RDATE days out. */
static void
test_day_values (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("day-values.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (import->weeks->len, ==, 1);
  g_assert_cmpfloat (hours (import, 41, "c-ops"), ==, 2.5);
}

/* libical 3.0's BYWEEKNO around the new year: a Monday in ISO week 1
 * (29 Dec 2025, of 2026) is the only instance before today, not that
 * Tuesday too; and 2025 has no week 53, so the second series has none in
 * 2026-W01. Both start on 6 Jan 2025, 2025-W02. */
static void
test_byweekno (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("byweekno.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  BtImportWeek *w;

  g_assert_no_error (error);
  g_assert_cmpuint (import->weeks->len, ==, 2);
  w = import->weeks->pdata[0];
  g_assert_cmpint (w->iso_year, ==, 2025);
  g_assert_cmpint (w->week, ==, 2);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (w->hours, "c-ops"), ==, 2.0);
  w = import->weeks->pdata[1];
  g_assert_cmpint (w->iso_year, ==, 2026);
  g_assert_cmpint (w->week, ==, 1);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (w->hours, "c-ops"), ==, 1.0);
}

/* An event without a UID is known by its start and title: the next
 * export, with an event added above it, does not log its touchpoint a
 * second time (it was known by its line). */
static void
test_no_uid_again (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) priya = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  GListModel *touchpoints = bt_relationship_get_touchpoints (priya);
  const char *files[] = { "no-uid.ics", "no-uid-later.ics" };
  guint before = g_list_model_get_n_items (touchpoints);

  g_assert_cmpstr (bt_relationship_get_name (priya), ==, "Priya Raman");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = fixture (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);

      g_assert_no_error (error);
      bt_import_apply (import, plan, history);
      g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, before + 1);
    }
}

static void
test_malformed (void)
{
  const struct {
    const char *file;
    const char *message;
  } cases[] = {
    { "bad-not-ics.ics", "line 1: expected BEGIN:VCALENDAR" },
    { "bad-unclosed.ics", "line 8: END:VCALENDAR, but BEGIN:VEVENT from line 3 is still open" },
    { "bad-no-dtstart.ics", "line 3: the event that begins here has no DTSTART" },
    { "bad-line.ics", "line 6: expected NAME:VALUE" },
    { "bad-tzid.ics", "line 8: the time zone “Mars/Olympus_Mons” is neither defined in the file nor known" },
    { "bad-value.ics", "line 9: the event that begins here could not be read" },
    { "bad-year-zero.ics", "line 4: the event that begins here starts at “00000105T090000”: expected a DTSTART "
                           "between the years 1 and 9999" },
    { "bad-duration.ics", "line 4: the event that begins here lasts longer than a year" },
    /* libical dropped the event inside the alarm, inside an event,
     * without a word. */
    { "bad-alarm-event.ics", "line 12: BEGIN:VEVENT inside the one from line 4" },
    /* Events libical or the count dropped without a word. */
    { "bad-reversed.ics", "line 5: the event that begins here ends before it starts" },
    { "bad-negative-duration.ics", "line 9: the event lasts “-PT5H”, less than nothing" },
    { "bad-event-in-event.ics", "line 9: BEGIN:VEVENT inside the one from line 5: expected END:VEVENT" },
    { "bad-nested-calendar.ics", "line 5: BEGIN:VCALENDAR inside the one from line 1: expected END:VCALENDAR" },
    /* Said at the rule's line, with what is expected, not at the event's
     * with libical's words. */
    { "bad-rrule.ics", "line 8: expected a rule such as FREQ=WEEKLY;BYDAY=MO,WE, got “FREQ=SOMETIMES;COUNT=3”" },
    /* Quoted to 40 characters, not cut inside the 40th. */
    { "bad-cut-utf8.ics", "line 7: expected NAME:VALUE, as in “SUMMARY:Roadmap review”, got "
                          "“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxé…”" },
    { "bad-zone-rule.ics", "line 8: the time zone changes more often than once a year" },
    { "bad-never-minutes.ics", "line 9: the event repeats every second or minute" },
    { "bad-never-day.ics", "line 9: no day matches both BYMONTH and BYMONTHDAY" },
    /* No such day or hour: said, not read as 2 March or the next day. */
    { "bad-day-of-month.ics", "line 4: the event that begins here has “DTSTART:20250230T100000Z”, which is no "
                              "real date and time" },
    { "bad-hour.ics", "line 4: the event that begins here has “DTSTART:20251103T240000Z”, which is no real date" },
    { "bad-exdate-day.ics", "line 4: the event that begins here has “EXDATE:20251131T100000Z”" },
    /* A week of hours for a meeting that ends "on" a day. */
    { "bad-end-day.ics", "line 4: the event that begins here starts at a time but ends on a day" },
  };
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *before = serialize (plan);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
      g_autofree char *after = NULL;

      g_test_message ("%s: %s", cases[i].file, error ? error->message : "no error");
      g_assert_null (import);
      g_assert_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = serialize (plan);
      g_assert_cmpstr (before, ==, after);
    }

  {
    g_autofree char *path = fixture ("bad-date.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_TIME_REPORT, path, now, &error);

    g_assert_null (import);
    g_assert_nonnull (strstr (error->message, "line 3, “Start date”: expected a date"));
  }
  {
    const struct {
      const char *file;
      const char *message;
    } wraps[] = {
      /* Numbers past 2³² once wrapped into a small one. */
      { "bad-wrap-duration.csv", "line 3, “Duration”: expected a duration of less than a year, such as "
                                 "01:30:00, got “4294967297:00:00”" },
      { "bad-wrap-time.csv", "line 4, “Start time”: expected a time such as 09:30:00 or 9:30:00 AM, "
                             "got “4294967305:30”" },
      { "bad-wrap-day.csv", "line 2, “Start date”: expected a date such as 2026-11-02 or 11/02/2026, "
                            "got “2026-10-4294967301”" },
      /* Not the year 26. */
      { "bad-two-digit-year.csv", "line 2, “Start date”: expected a date such as 2026-11-02 or 11/02/2026, "
                                  "got “10/05/26”" },
      /* A timer left running for four years filled weeks with 168 h. */
      { "bad-long-entry.csv", "line 2: the entry lasts 35065.5 hours: expected at most 24 hours" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (wraps); i++)
      {
        g_autofree char *path = fixture (wraps[i].file);
        g_autoptr(GError) error = NULL;
        g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_TIME_REPORT, path, now, &error);

        g_test_message ("%s: %s", wraps[i].file, error ? error->message : "no error");
        g_assert_null (import);
        g_assert_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED);
        g_assert_nonnull (strstr (error->message, wraps[i].message));
      }
  }
  {
    g_autofree char *path = fixture ("bad-columns.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_TIME_REPORT, path, now, &error);

    g_assert_null (import);
    g_assert_nonnull (strstr (error->message, "line 1: expected the columns of a Toggl Track or Clockify"));
  }
}

/* The week's hours per category, as "c-fire=1 c-road=15 …" in the plan's
 * category order, zeros left out. */
static char *
week_hours (BtPlan *plan,
            int     number)
{
  BtWeek *week = bt_plan_find_week (plan, 2026, number);
  GListModel *categories = bt_plan_get_categories (plan);
  GString *out = g_string_new (NULL);

  for (guint c = 0; week != NULL && c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
      double h = bt_week_get_hours (week, bt_item_get_id (BT_ITEM (category)));

      if (h != 0.0)
        g_string_append_printf (out, "%s%s=%g", out->len ? " " : "", bt_item_get_id (BT_ITEM (category)), h);
    }

  return g_string_free (out, FALSE);
}

/* A week checked in by hand, 52 h (reviews 40, roadmap 12), and a
 * calendar with 5 h of meetings that week: sprint review 1 h (operations),
 * roadmap planning 2 h and QBR prep 1 h (roadmap), incident postmortem 1 h
 * (firefighting). */
static void
test_choices (void)
{
  g_autofree char *plan_path = fixture ("typed-week.json");
  g_autofree char *ics = fixture ("meetings.ics");
  const struct {
    BtImportChoice choice;
    const char    *hours;
    double         total;
  } cases[] = {
    { BT_IMPORT_KEEP, "c-rev=40 c-road=12", 52.0 },
    { BT_IMPORT_REPLACE, "c-fire=1 c-ops=1 c-road=3", 5.0 },
    { BT_IMPORT_ADD, "c-fire=1 c-ops=1 c-rev=40 c-road=15", 57.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
      g_autoptr(BtHistory) history = bt_history_new ();
      g_autoptr(BtImport) first = NULL;
      g_autoptr(BtImport) again = NULL;
      g_autofree char *original = NULL;
      g_autofree char *once = NULL;
      g_autofree char *twice = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *hours = NULL;

      g_assert_no_error (error);
      original = serialize (plan);
      first = bt_import_file (plan, BT_IMPORT_CALENDAR, ics, now, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (first->weeks->len, ==, 1);
      g_assert_cmpfloat (find_week (first, 41)->typed, ==, 52.0);
      g_assert_cmpint (find_week (first, 41)->choice, ==, BT_IMPORT_KEEP);   /* the default */
      g_assert_cmpfloat (bt_import_week_result (find_week (first, 41), plan, cases[i].choice), ==,
                         cases[i].total);

      bt_import_set_choice (first, cases[i].choice);
      bt_import_apply (first, plan, history);
      hours = week_hours (plan, 41);
      g_assert_cmpstr (hours, ==, cases[i].hours);
      g_assert_cmpfloat (bt_week_get_total_hours (bt_plan_find_week (plan, 2026, 41)), ==,
                         cases[i].total);
      g_assert_cmpstr (bt_week_get_note (bt_plan_find_week (plan, 2026, 41)), ==, "checked in by hand");
      once = serialize (plan);

      /* The same file again, the same choice: not a byte changes — with
       * "add" the meetings are not counted twice. */
      again = bt_import_file (plan, BT_IMPORT_CALENDAR, ics, now, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (find_week (again, 41)->typed, ==, cases[i].choice == BT_IMPORT_REPLACE ? 0.0 : 52.0);
      bt_import_set_choice (again, cases[i].choice);
      bt_import_apply (again, plan, history);
      twice = serialize (plan);
      g_assert_cmpstr (twice, ==, once);

      /* What the calendar put in the week is saved, and loads back. */
      {
        g_autoptr(GBytes) bytes = g_bytes_new (once, strlen (once));
        g_autoptr(BtPlan) reloaded = bt_plan_file_load_bytes (bytes, &error);
        g_autofree char *reread = NULL;

        g_assert_no_error (error);
        reread = serialize (reloaded);
        g_assert_cmpstr (reread, ==, once);
        g_assert_cmpfloat (bt_week_get_imported_hours (bt_plan_find_week (reloaded, 2026, 41), "c-road"), ==,
                           cases[i].choice == BT_IMPORT_KEEP ? 0.0 : 3.0);
      }

      /* Undo: the 52 h exactly, and nothing of the import. */
      while (bt_history_undo (history))
        ;
      undone = serialize (plan);
      g_assert_cmpstr (undone, ==, original);
    }
}

/* After "add", a newer export changes the calendar's part of the week and
 * never the typed one. */
static void
test_add_then_newer_export (void)
{
  g_autofree char *plan_path = fixture ("typed-week.json");
  g_autofree char *ics = fixture ("meetings.ics");
  /* The roadmap planning got an hour shorter. */
  g_autofree char *newer = edited_copy ("meetings.ics", "20261007T120000", "20261007T110000");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (plan_path, &error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtImport) first = NULL;
  g_autoptr(BtImport) second = NULL;
  g_autofree char *hours = NULL;

  g_assert_no_error (error);
  first = bt_import_file (plan, BT_IMPORT_CALENDAR, ics, now, &error);
  g_assert_no_error (error);
  bt_import_set_choice (first, BT_IMPORT_ADD);
  bt_import_apply (first, plan, history);

  second = bt_import_file (plan, BT_IMPORT_CALENDAR, newer, now, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (find_week (second, 41)->typed, ==, 52.0);
  bt_import_set_choice (second, BT_IMPORT_ADD);
  bt_import_apply (second, plan, history);
  hours = week_hours (plan, 41);
  g_assert_cmpstr (hours, ==, "c-fire=1 c-ops=1 c-rev=40 c-road=14");
}

/* Imports @name into @plan with "add", then saves and reads the plan
 * again, as the command line does between two imports. */
static BtPlan *
import_add_and_reload (BtPlan     *plan,
                       BtImportKind kind,
                       const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtImport) import = bt_import_file (plan, kind, path, now, &error);
  g_autoptr(GBytes) bytes = NULL;
  BtPlan *again;

  g_assert_no_error (error);
  bt_import_set_choice (import, BT_IMPORT_ADD);
  bt_import_apply (import, plan, history);
  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  again = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_object_unref (plan);

  return again;
}

/* Two sources that cover the same week: the second import keeps the
 * first's hours (they count as the week's own), and importing either again
 * changes nothing. W41 has 30 h of reviews typed. */
static void
test_two_sources (void)
{
  g_autofree char *plan_path = fixture ("sources-plan.json");
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load (plan_path, &error);
  g_autofree char *hours = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  /* The Work calendar: roadmap planning 3 h; the Team calendar: sprint
   * review 1 h. */
  plan = import_add_and_reload (plan, BT_IMPORT_CALENDAR, "source-work.ics");
  plan = import_add_and_reload (plan, BT_IMPORT_CALENDAR, "source-team.ics");
  hours = week_hours (plan, 41);
  g_assert_cmpstr (hours, ==, "c-ops=1 c-rev=30 c-road=3");
  g_assert_cmpstr (bt_week_get_imported_from (bt_plan_find_week (plan, 2026, 41)), ==, "Team");

  before = serialize (plan);
  plan = import_add_and_reload (plan, BT_IMPORT_CALENDAR, "source-team.ics");
  after = serialize (plan);
  g_assert_cmpstr (after, ==, before);
  g_object_unref (plan);

  /* A calendar, then a Toggl report: the calendar's incident review 1 h,
   * deploy 1 h and roadmap 3 h stay, the report's roadmap 1.5 h is added. */
  plan = bt_plan_file_load (plan_path, &error);
  g_assert_no_error (error);
  plan = import_add_and_reload (plan, BT_IMPORT_CALENDAR, "source-meetings.ics");
  plan = import_add_and_reload (plan, BT_IMPORT_TIME_REPORT, "source-toggl.csv");
  g_clear_pointer (&hours, g_free);
  hours = week_hours (plan, 41);
  g_assert_cmpstr (hours, ==, "c-fire=1 c-ops=1 c-rev=30 c-road=4.5");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = serialize (plan);
  plan = import_add_and_reload (plan, BT_IMPORT_TIME_REPORT, "source-toggl.csv");
  after = serialize (plan);
  g_assert_cmpstr (after, ==, before);
  g_object_unref (plan);
}

/* Lines as other tools write them: a fold inside a character (RFC 5545
 * 3.1 folds octets, not characters: "é" cut in two), a byte order mark,
 * CR-only line ends, an attendee with no address (a room), for which
 * libical refused the event. Each is a one-hour meeting in 2026-W41. */
static void
test_ics_lenient_lines (void)
{
  const char *files[] = { "fold-in-utf8.ics", "bom.ics", "cr-only.ics", "attendee-empty.ics" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(BtPlan) plan = load_fixture ();
      g_autofree char *path = fixture (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtImport) import = NULL;

      g_test_message ("%s", files[i]);
      import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (import->n_events, ==, 1);
      g_assert_cmpfloat (hours (import, 41, "c-road") + find_week (import, 41)->unmatched, ==, 1.0);
    }

  {
    g_autofree char *path = fixture ("fold-in-utf8.ics");
    g_autofree char *text = NULL;
    gsize length;
    g_autoptr(GError) error = NULL;
    g_autoptr(BtImportSource) source = NULL;

    g_assert_true (g_file_get_contents (path, &text, &length, NULL));
    source = bt_import_source_read (BT_IMPORT_CALENDAR, text, length, "fold-in-utf8.ics", NULL,
                                    now, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (((BtImportEvent *) source->events->pdata[0])->summary, ==, "ROADMAP \u00E9");
  }
}

/* An override (RECURRENCE-ID) of an instance the weekly event does not
 * have (2025-01-01, before it began) is no meeting: it became 10 hours in
 * 2026-W47. The event's three instances are counted, the first replaced
 * by an override of no length. */
static void
test_override_no_instance (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("override-no-instance.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (import->n_no_instance, ==, 1);
  g_assert_null (lookup_week (import, 47));
  g_assert_cmpfloat (hours (import, 41, "c-road"), ==, 1.0);
  g_assert_cmpfloat (hours (import, 42, "c-road"), ==, 1.0);
}

/* A weekly meeting since 2026-11-09 with no end: two instances before
 * today (2026-11-23), the rest after, which the preview counts; and a
 * lunch no rule takes in 2026-W43, which adds no empty week to the plan. */
static void
test_ongoing (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("ongoing.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_autoptr(BtHistory) history = bt_history_new ();

  g_assert_no_error (error);
  g_assert_cmpuint (import->n_events, ==, 3);
  /* The weekly meeting goes on: one series, not one event after today. */
  g_assert_cmpuint (import->n_future, ==, 0);
  g_assert_cmpuint (import->n_future_series, ==, 1);
  {
    g_autofree char *left_out = bt_import_describe_left_out (import);
    g_assert_cmpstr (left_out, ==, "1 meeting series continues after today");
  }
  g_assert_cmpfloat (find_week (import, 43)->unmatched, ==, 1.0);
  g_assert_cmpfloat (hours (import, 46, "c-road"), ==, 1.0);

  bt_import_apply (import, plan, history);
  g_assert_null (bt_plan_find_week (plan, 2026, 43));
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 46), "c-road"), ==, 1.0);
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 47), "c-road"), ==, 1.0);
}

/* A relationship with no e-mail in the plan is known by an attendee's
 * name (CN), whole, whatever its case and spaces around it; not by part
 * of a name, nor by a title. Priya has an e-mail: her name alone, on
 * another address, is not her. */
static void
test_attendee_names (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(BtRelationship) dana = bt_relationship_new ();
  g_autofree char *path = fixture ("attendee-names.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = NULL;
  BtImportTouchpoint *t;

  bt_relationship_set_name (dana, "Dana Okafor");
  bt_item_list_append (BT_ITEM_LIST (bt_plan_get_relationships (plan)), dana);

  import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->touchpoints->len, ==, 1);
  t = import->touchpoints->pdata[0];
  g_assert_true (t->relationship == dana);
  g_assert_cmpstr (t->summary, ==, "Pricing sync");
  g_assert_cmpstr (t->source, ==, "by-name");
}

/* Texts from a file quoted in a message or printed in a preview: ESC and
 * BEL (here a sequence that clears the terminal and sets its title) are
 * escaped, never printed as they are. */
static void
test_escape (void)
{
  const struct {
    const char  *file;
    BtImportKind kind;
    const char  *message;
  } cases[] = {
    { "bad-escape-tzid.ics", BT_IMPORT_CALENDAR,
      "line 4: the time zone “\\x1B[2J\\x1B]0;pwned\\x07” is neither defined" },
    { "bad-escape-value.csv", BT_IMPORT_TIME_REPORT,
      "line 2, “Start date”: expected a date such as 2026-11-02 or 11/02/2026, got “\\x1B[2J\\x1B]0;pwned\\x07”" },
  };
  g_autoptr(BtPlan) plan = load_fixture ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtImport) import = bt_import_file (plan, cases[i].kind, path, now, &error);

      g_test_message ("%s", cases[i].file);
      g_assert_null (import);
      g_assert_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_null (strchr (error->message, '\033'));
    }

  {
    g_autofree char *escaped = bt_import_escape ("a\033[2Jb\tc\r\nd\x7f\xc2\x9b\xff é");

    g_assert_cmpstr (escaped, ==, "a\\x1B[2Jb\\x09c\\x0D\\x0Ad\\x7F\\x9B\uFFFD é");
  }
  {
    g_autofree char *escaped = bt_import_escape ("in\u202Egnp.exe\u202A\u202C\u2066\u2069 a\u2028b\u2029c \u200F");

    /* Bidirectional controls and separators, each escaped; others kept. */
    g_assert_cmpstr (escaped, ==, "in\\u202Egnp.exe\\u202A\\u202C\\u2066\\u2069 a\\u2028b\\u2029c \u200F");
  }
}

/* A week of 166 typed hours can take 2 of the calendar's 3: the
 * preview's hours per category say what is really added. */
static void
test_added_hours (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("source-work.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(BtHistory) history = bt_history_new ();

  bt_week_set_hours (bt_plan_find_week (plan, 2026, 41), "c-rev", 166.0);
  import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bt_import_category_hours (import, "c-road"), ==, 3.0);

  added = bt_import_added_hours (import, plan);
  g_assert_null (g_hash_table_lookup (added, "c-road"));   /* kept: nothing added */
  g_clear_pointer (&added, g_hash_table_unref);

  bt_import_set_choice (import, BT_IMPORT_ADD);
  added = bt_import_added_hours (import, plan);
  g_assert_cmpfloat (*(double *) g_hash_table_lookup (added, "c-road"), ==, 2.0);
  bt_import_apply (import, plan, history);
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, 2026, 41), "c-road"), ==, 2.0);
}

/* Importing the same calendar again changes nothing, and its preview
 * says it adds nothing, whatever the calendar holds. */
static void
test_added_hours_again (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("meetings.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) first = NULL;
  g_autoptr(BtImport) again = NULL;
  g_autoptr(GHashTable) added = NULL;
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n_categories = 0;

  first = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  /* Its week had typed hours: the calendar's take their place. */
  bt_import_set_choice (first, BT_IMPORT_REPLACE);
  bt_import_apply (first, plan, history);
  before = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);

  again = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  added = bt_import_added_hours (again, plan);
  g_hash_table_iter_init (&iter, added);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s: %g h", (const char *) key, *(double *) value);
      g_assert_cmpfloat (bt_import_category_hours (again, key), >, 0.0);
      g_assert_cmpfloat (*(double *) value, ==, 0.0);
      n_categories++;
    }
  g_assert_cmpuint (n_categories, >, 0);

  /* And so it is. */
  bt_import_apply (again, plan, history);
  after = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (after, before));
}

static void
test_csv (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *toggl = fixture ("toggl.csv");
  g_autofree char *clockify = fixture ("clockify.csv");
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) t = NULL;
  g_autoptr(BtImport) c = NULL;

  /* A project maps like a calendar: Strategy → roadmap and strategy. */
  bt_import_add_default_rules (plan, history);
  {
    g_autoptr(BtImportRule) rule = bt_import_rule_new (BT_RULE_CALENDAR, "Strategy", "c-road");
    bt_item_list_insert (BT_ITEM_LIST (bt_plan_get_import_rules (plan)), 0, rule);
  }

  t = bt_import_file (plan, BT_IMPORT_TIME_REPORT, toggl, now, &error);
  g_assert_no_error (error);
  /* Incident follow-up 1:30; the Strategy project's quoted "Pricing model,
   * draft 2" 2:00; the vendor call tagged "planning" 0:45; Expenses 0:30
   * with no rule. */
  g_assert_cmpfloat (hours (t, 41, "c-fire"), ==, 1.5);
  g_assert_cmpfloat (hours (t, 41, "c-road"), ==, 2.75);
  g_assert_cmpfloat (find_week (t, 41)->unmatched, ==, 0.5);
  g_assert_cmpstr (((BtImportUnmatched *) t->unmatched->pdata[0])->summary, ==, "Expenses");

  c = bt_import_file (plan, BT_IMPORT_TIME_REPORT, clockify, now, &error);
  g_assert_no_error (error);
  /* US dates and 12-hour times; 20 minutes are 0.33 h. */
  g_assert_cmpfloat (hours (c, 42, "c-road"), ==, 2.0);
  g_assert_cmpfloat (hours (c, 42, "c-ops"), ==, 0.33);

  /* A date in the year 2, which a calendar's DTSTART may have too, is a
   * date: the plan's week 0002-W01. */
  {
    g_autofree char *path = fixture ("year-two.csv");
    g_autoptr(BtImport) y = bt_import_file (plan, BT_IMPORT_TIME_REPORT, path, now, &error);
    BtImportWeek *w;

    g_assert_no_error (error);
    g_assert_cmpuint (y->weeks->len, ==, 1);
    w = y->weeks->pdata[0];
    g_assert_cmpint (w->iso_year, ==, 2);
    g_assert_cmpint (w->week, ==, 1);
  }
}

static BtImportEvent *
event (const char *summary,
       const char *calendar,
       const char *attendee)
{
  BtImportEvent *e = g_new0 (BtImportEvent, 1);
  const char *attendees[] = { attendee, NULL };

  e->summary = g_strdup (summary);
  e->calendar = g_strdup (calendar);
  e->attendees = attendee ? g_strdupv ((char **) attendees) : NULL;
  return e;
}

static void
test_rules (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  BtItemList *rules = BT_ITEM_LIST (bt_plan_get_import_rules (plan));
  const struct {
    BtRuleMatch match;
    const char *pattern;
    const char *category;
  } table[] = {
    { BT_RULE_WORDS, "review", "c-rev" },
    { BT_RULE_ATTENDEE, "@finance.example.com", "c-part" },
    { BT_RULE_CALENDAR, "Incidents", "c-fire" },
    { BT_RULE_RELATIONSHIP, "sales", "c-ops" },       /* nobody from sales */
    { BT_RULE_RELATIONSHIP, "product", "c-road" },
  };
  const struct {
    const char *summary, *calendar, *attendee, *category;
  } cases[] = {
    { "Design review", NULL, NULL, "c-rev" },
    { "REVIEW of the budget", NULL, NULL, "c-rev" },
    { "Meet the reviewer", NULL, NULL, NULL },           /* not a whole word */
    { "Budget", NULL, "cfo@Finance.example.com", "c-part" },
    { "Budget", NULL, "cfo@notfinance.example.com.evil", NULL },
    { "Anything", "incidents", NULL, "c-fire" },
    { "Coffee", NULL, "priya@product.example.com", "c-road" },
    { "Design review", NULL, "cfo@finance.example.com", "c-rev" },   /* the first rule wins */
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(BtImportRule) rule = bt_import_rule_new (table[i].match, table[i].pattern, table[i].category);
      bt_item_list_append (rules, rule);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BtImportEvent *e = event (cases[i].summary, cases[i].calendar, cases[i].attendee);
      BtCategory *category = bt_import_match (plan, e);

      g_test_message ("%s", cases[i].summary);
      g_assert_cmpstr (category ? bt_item_get_id (BT_ITEM (category)) : NULL, ==, cases[i].category);
      bt_import_event_free (e);
    }
}

static void
test_weeks_csv (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  bt_week_set_hours (bt_plan_find_week (plan, 2026, 41), "c-road", 10.5);
  csv = bt_import_weeks_to_csv (plan);
  lines = g_strsplit (csv, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==, "week,monday,Firefighting and incidents,Operations and delivery,"
                                 "Hands-on technical work and reviews,Roadmap and product strategy,"
                                 "Cross-functional partnership,tactical,strategic,strategic_share,note");
  g_assert_cmpstr (lines[1], ==, "2026-W40,2026-09-28,0.00,0.00,20.00,0.00,0.00,20.00,0.00,0.0000,typed by hand");
  g_assert_cmpstr (lines[2], ==, "2026-W41,2026-10-05,0.00,0.00,30.00,10.50,0.00,30.00,10.50,0.2593,");
  g_assert_cmpstr (lines[3], ==, "");
}

/* libical keeps 500 values of a list: all 600 excluded hours stay out,
 * and all 600 added ones are in. */
static double
total_hours (BtPlan   *plan,
             BtImport *import)
{
  double total = 0.0;

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      double tactical, strategic;

      bt_import_week_kinds (w, bt_plan_get_categories (plan), &tactical, &strategic);
      total += tactical + strategic + w->unmatched;
    }
  return total;
}

static void
test_long_lists (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *exdates = fixture ("long-exdate.ics");
  g_autofree char *rdates = fixture ("long-rdate.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) excluded = bt_import_file (plan, BT_IMPORT_CALENDAR, exdates, now, &error);
  g_autoptr(BtImport) added = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (excluded->n_events, ==, 100);
  g_assert_cmpfloat_with_epsilon (total_hours (plan, excluded), 50.0, 0.001);

  added = bt_import_file (plan, BT_IMPORT_CALENDAR, rdates, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->n_events, ==, 601);
  g_assert_cmpfloat_with_epsilon (total_hours (plan, added), 300.5, 0.001);
}

/* A report with lone CRs (old Mac line ends) reads as the same report. */
static void
test_csv_cr_only (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("toggl.csv");
  g_autofree char *text = NULL;
  g_autofree char *cr = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) lf = NULL;
  g_autoptr(BtImport) mac = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  cr = g_strdup (text);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_free (cr);
    for (guint i = 0; lines[i] != NULL; i++)
      g_strdelimit (lines[i], "\r", ' ');
    cr = g_strjoinv ("\r", lines);
  }
  g_assert_null (strchr (cr, '\n'));

  lf = bt_import_text (plan, BT_IMPORT_TIME_REPORT, text, length, "toggl.csv", now, &error);
  g_assert_no_error (error);
  mac = bt_import_text (plan, BT_IMPORT_TIME_REPORT, cr, strlen (cr), "toggl.csv", now, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (lf->n_events, >, 0);
  g_assert_cmpuint (mac->n_events, ==, lf->n_events);
  g_assert_cmpuint (mac->weeks->len, ==, lf->weeks->len);
  for (guint i = 0; i < lf->weeks->len; i++)
    g_assert_cmpfloat (((BtImportWeek *) mac->weeks->pdata[i])->unmatched, ==,
                       ((BtImportWeek *) lf->weeks->pdata[i])->unmatched);
  g_assert_cmpfloat (bt_import_category_hours (mac, "c-road"), ==, bt_import_category_hours (lf, "c-road"));

  /* An error in it names the line as a text editor counts it. */
  {
    g_autofree char *bad = g_strconcat (cr, "\rAlex,a@example.com,,P,,X,No,2026-10-4294967301,09:00:00,"
                                        "2026-10-05,10:00:00,01:00:00,,", NULL);
    g_autoptr(BtImport) none = bt_import_text (plan, BT_IMPORT_TIME_REPORT, bad, strlen (bad), "x.csv", now, &error);
    g_autofree char *expected = NULL;
    guint n_lines = 1;

    for (const char *p = bad; *p != '\0'; p++)
      n_lines += *p == '\r';
    expected = g_strdup_printf ("line %u, “Start date”", n_lines);
    g_assert_null (none);
    g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, expected));
  }
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, fraction);
}

static void
on_progress_cancel_cb (double   fraction,
                       gpointer user_data)
{
  if (fraction > 0.0)
    g_cancellable_cancel (user_data);
}

/* The reading reports how far it is, from 0 to 1, and stops when
 * cancelled. */
static void
test_progress (void)
{
  g_autofree char *path = fixture ("recurrences.ics");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const BtImportKind kinds[] = { BT_IMPORT_CALENDAR, BT_IMPORT_TIME_REPORT };
  const char *files[] = { "recurrences.ics", "toggl.csv" };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(BtImportSource) source = NULL;

      g_free (path);
      g_free (text);
      path = fixture (files[k]);
      g_assert_true (g_file_get_contents (path, &text, &length, &error));

      source = bt_import_source_read (kinds[k], text, length, files[k], NULL, now, NULL,
                                      on_progress_cb, seen, &error);
      g_assert_no_error (error);
      g_assert_nonnull (source);
      g_assert_cmpuint (source->events->len, >, 0);
      g_assert_cmpuint (seen->len, >=, 2);
      g_assert_cmpfloat (g_array_index (seen, double, 0), ==, 0.0);
      g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
      for (guint i = 1; i < seen->len; i++)
        g_assert_cmpfloat (g_array_index (seen, double, i), >, g_array_index (seen, double, i - 1));
      g_clear_pointer (&source, bt_import_source_free);

      source = bt_import_source_read (kinds[k], text, length, files[k], NULL, now, cancellable,
                                      on_progress_cancel_cb, cancellable, &error);
      g_assert_null (source);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
    }
}

typedef struct
{
  const char *text;
  gsize       length;
  BtImportKind kind;
  const char *name;
  const char *email;        /* the user's, copied on the main thread as the dialog does */
  GThread    *main_thread;
  gboolean    in_worker;
} WorkerRead;

static void
read_in_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  WorkerRead *read = task_data;
  GError *error = NULL;
  BtImportSource *source;

  read->in_worker = g_thread_self () != read->main_thread;
  source = bt_import_source_read (read->kind, read->text, read->length, read->name, read->email, now,
                                  cancellable, NULL, NULL, &error);
  if (source != NULL)
    g_task_return_pointer (task, source, (GDestroyNotify) bt_import_source_free);
  else
    g_task_return_error (task, error);
}

/* The plan as its file would hold it, but for the random ids of the
 * items an import adds. */
static char *
plan_text (BtPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_autoptr(GRegex) random_id = g_regex_new ("\"id\": \"[0-9a-f-]{36}\"", 0, 0, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return g_regex_replace (random_id, text, -1, 0, "\"id\": \"…\"", 0, NULL);
}

/* What the import dialog does, the reading in a worker thread and the
 * rest on the main thread, gives what bt_import_text() gives in one go:
 * the same weeks, touchpoints and counts, and the same plan once applied. */
static void
test_worker_equals_sync (void)
{
  const char *files[] = { "recurrences.ics", "attendee-names.ics", "meetings.ics", "timezones.ics", "toggl.csv" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = fixture (files[f]);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan_sync = load_fixture ();
      g_autoptr(BtPlan) plan_worker = load_fixture ();
      g_autoptr(BtImport) sync = NULL, worker = NULL;
      g_autoptr(BtImportSource) source = NULL;
      g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
      g_autoptr(BtHistory) history_sync = bt_history_new ();
      g_autoptr(BtHistory) history_worker = bt_history_new ();
      g_autofree char *after_sync = NULL, *after_worker = NULL;
      WorkerRead read = { 0 };
      gsize length;

      g_test_message ("%s", files[f]);
      g_assert_true (g_file_get_contents (path, &text, &length, &error));
      read.text = text;
      read.length = length;
      read.kind = bt_import_kind_for_path (path);
      read.name = files[f];
      read.email = bt_profile_get_email (bt_plan_get_profile (plan_worker));
      read.main_thread = g_thread_self ();

      sync = bt_import_text (plan_sync, read.kind, text, length, files[f], now, &error);
      g_assert_no_error (error);

      g_task_set_task_data (task, &read, NULL);
      g_task_run_in_thread_sync (task, read_in_worker);
      source = g_task_propagate_pointer (task, &error);
      g_assert_no_error (error);
      g_assert_true (read.in_worker);
      worker = bt_import_from_source (plan_worker, source, now, &error);
      g_assert_no_error (error);

      g_assert_cmpstr (worker->source_name, ==, sync->source_name);
      g_assert_cmpuint (worker->weeks->len, ==, sync->weeks->len);
      g_assert_cmpuint (worker->weeks->len, >, 0);
      for (guint i = 0; i < sync->weeks->len; i++)
        {
          BtImportWeek *a = sync->weeks->pdata[i], *b = worker->weeks->pdata[i];
          GHashTableIter iter;
          gpointer id, hours;

          g_assert_cmpint (a->iso_year, ==, b->iso_year);
          g_assert_cmpint (a->week, ==, b->week);
          g_assert_cmpfloat (a->unmatched, ==, b->unmatched);
          g_assert_cmpfloat (a->typed, ==, b->typed);
          g_assert_cmpuint (g_hash_table_size (a->hours), ==, g_hash_table_size (b->hours));
          g_hash_table_iter_init (&iter, a->hours);
          while (g_hash_table_iter_next (&iter, &id, &hours))
            g_assert_cmpfloat (*(double *) hours, ==, *(double *) g_hash_table_lookup (b->hours, id));
        }
      g_assert_cmpuint (worker->unmatched->len, ==, sync->unmatched->len);
      for (guint i = 0; i < sync->unmatched->len; i++)
        {
          BtImportUnmatched *a = sync->unmatched->pdata[i], *b = worker->unmatched->pdata[i];

          g_assert_cmpstr (a->summary, ==, b->summary);
          g_assert_cmpuint (a->count, ==, b->count);
          g_assert_cmpfloat (a->hours, ==, b->hours);
        }
      g_assert_cmpuint (worker->touchpoints->len, ==, sync->touchpoints->len);
      for (guint i = 0; i < sync->touchpoints->len; i++)
        {
          BtImportTouchpoint *a = sync->touchpoints->pdata[i], *b = worker->touchpoints->pdata[i];

          g_assert_cmpstr (bt_item_get_id (BT_ITEM (a->relationship)), ==, bt_item_get_id (BT_ITEM (b->relationship)));
          g_assert_cmpint (g_date_compare (&a->date, &b->date), ==, 0);
          g_assert_cmpstr (a->summary, ==, b->summary);
          g_assert_cmpstr (a->source, ==, b->source);
          g_assert_cmpint (a->is_new, ==, b->is_new);
        }
      g_assert_cmpuint (worker->n_events, ==, sync->n_events);
      g_assert_cmpuint (worker->n_all_day, ==, sync->n_all_day);
      g_assert_cmpuint (worker->n_cancelled, ==, sync->n_cancelled);
      g_assert_cmpuint (worker->n_declined, ==, sync->n_declined);
      g_assert_cmpuint (worker->n_no_instance, ==, sync->n_no_instance);
      g_assert_cmpuint (worker->n_future, ==, sync->n_future);

      bt_import_set_choice (sync, BT_IMPORT_ADD);
      bt_import_set_choice (worker, BT_IMPORT_ADD);
      bt_import_apply (sync, plan_sync, history_sync);
      bt_import_apply (worker, plan_worker, history_worker);
      after_sync = plan_text (plan_sync);
      after_worker = plan_text (plan_worker);
      g_assert_cmpstr (after_worker, ==, after_sync);
    }
}

/* Today is Monday 2026-11-23 (Berlin), 2026-11-22 23:00 UTC. A weekly
 * meeting of COUNT=10 from 2 Nov: 2, 9 and 16 Nov before today, the other
 * seven after: one series that goes on. A weekly meeting of COUNT=3 from
 * 2 Nov ends before today. A single event on 1 Dec, and a weekly series
 * that begins in January: two events after today, not series. */
static void
test_after_today (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *dir = g_dir_make_tmp ("bt-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "after.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autofree char *left_out = NULL;
  const char *text =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:Work\r\n"
    "BEGIN:VEVENT\r\nUID:goes-on\r\nDTSTART:20261102T090000Z\r\nDTEND:20261102T100000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=10\r\nSUMMARY:Roadmap sync\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:ended\r\nDTSTART:20261102T110000Z\r\nDTEND:20261102T120000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Sprint planning\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:single\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\n"
    "SUMMARY:QBR\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:later\r\nDTSTART:20270104T090000Z\r\nDTEND:20270104T100000Z\r\n"
    "RRULE:FREQ=WEEKLY\r\nSUMMARY:Strategy review\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n";

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_events, ==, 6);
  g_assert_cmpuint (import->n_future, ==, 2);
  g_assert_cmpuint (import->n_future_series, ==, 1);
  left_out = bt_import_describe_left_out (import);
  g_assert_cmpstr (left_out, ==, "2 events after today, 1 meeting series continues after today");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* recurrences.ics fills 2026-W41, W42 and W43; the plan has 30 h typed in
 * W41. Kept, W41 does not change: two weeks are imported, one kept. Its
 * hours replaced, all three change. */
static void
test_changed_weeks (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autofree char *path = fixture ("recurrences.ics");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_file (plan, BT_IMPORT_CALENDAR, path, now, &error);
  guint kept = 9, replaced = 9, added = 9;
  g_autofree char *kept_text = NULL;
  g_autofree char *replaced_text = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (bt_import_count_changed_weeks (import, &kept, &replaced, &added), ==, 2);
  g_assert_cmpuint (kept, ==, 1);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpuint (added, ==, 0);
  kept_text = bt_import_describe_done (import);
  /* The 1:1s with Priya are logged as touchpoints: the toast says so. */
  g_assert_cmpstr (kept_text, ==, "Imported 2 weeks from “Work”; kept your hours in 1 week; logged 3 touchpoints");

  find_week (import, 41)->choice = BT_IMPORT_REPLACE;
  g_assert_cmpuint (bt_import_count_changed_weeks (import, &kept, &replaced, &added), ==, 3);
  g_assert_cmpuint (kept, ==, 0);
  g_assert_cmpuint (replaced, ==, 1);
  replaced_text = bt_import_describe_done (import);
  g_assert_cmpstr (replaced_text, ==, "Imported 3 weeks from “Work”; replaced your hours in 1 week; logged 3 touchpoints");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTimeZone) tz = NULL;
  int status;

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  tz = g_time_zone_new_identifier ("Europe/Berlin");
  g_assert_nonnull (tz);
  now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);

  g_test_add_func ("/import/ics/recurrences", test_recurrences);
  g_test_add_func ("/import/ics/after-today", test_after_today);
  g_test_add_func ("/import/changed-weeks", test_changed_weeks);
  g_test_add_func ("/import/ics/time-zones", test_time_zones);
  g_test_add_func ("/import/ics/apply-twice", test_apply_twice);
  g_test_add_func ("/import/ics/newer-export", test_newer_export);
  g_test_add_func ("/import/ics/choices", test_choices);
  g_test_add_func ("/import/ics/add-then-newer-export", test_add_then_newer_export);
  g_test_add_func ("/import/malformed", test_malformed);
  g_test_add_func ("/import/ics/day-values", test_day_values);
  g_test_add_func ("/import/ics/byweekno", test_byweekno);
  g_test_add_func ("/import/ics/no-uid-again", test_no_uid_again);
  g_test_add_func ("/import/csv", test_csv);
  g_test_add_func ("/import/ics/added-hours", test_added_hours);
  g_test_add_func ("/import/ics/added-hours-again", test_added_hours_again);
  g_test_add_func ("/import/escape", test_escape);
  g_test_add_func ("/import/ics/attendee-names", test_attendee_names);
  g_test_add_func ("/import/ics/ongoing", test_ongoing);
  g_test_add_func ("/import/ics/override-no-instance", test_override_no_instance);
  g_test_add_func ("/import/ics/lenient-lines", test_ics_lenient_lines);
  g_test_add_func ("/import/two-sources", test_two_sources);
  g_test_add_func ("/import/rules", test_rules);
  g_test_add_func ("/import/weeks-csv", test_weeks_csv);
  g_test_add_func ("/import/ics/long-lists", test_long_lists);
  g_test_add_func ("/import/csv/cr-only", test_csv_cr_only);
  g_test_add_func ("/import/progress", test_progress);
  g_test_add_func ("/import/worker-equals-sync", test_worker_equals_sync);

  status = g_test_run ();
  g_date_time_unref (now);
  return status;
}
