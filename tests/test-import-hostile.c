/* test-import-hostile.c — calendars and reports built to crash, hang or
 * fill the memory: each is refused with its line, or read in seconds and
 * in memory bounded by the file
 *
 * The big files are made here, at run time. Each case runs in a child
 * process with an address-space limit (not under AddressSanitizer, which
 * reserves terabytes) and a timeout, so a regression fails instead of
 * hanging CI. The small files that hung or misread are in test-import.c,
 * which the valgrind run also covers; this suite needs real speed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "bt-import.h"
#include "bt-plan-file.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* Far longer than any case takes, far shorter than the hangs were. */
#ifdef UNDER_ASAN
#define TIME_LIMIT (240 * G_USEC_PER_SEC)
#else
#define TIME_LIMIT (60 * G_USEC_PER_SEC)
#endif

/* Where the hourly meeting begins. AddressSanitizer takes a minute and a
 * half over half a million instances and applies no memory limit: there,
 * ten years look for memory errors as well. */
#ifdef UNDER_ASAN
#define HOURLY_SINCE 2016
#else
#define HOURLY_SINCE 1970
#endif

static GDateTime *now;

static void
limit_memory (guint mib)
{
#ifndef UNDER_ASAN
  struct rlimit limit = { (rlim_t) mib << 20, (rlim_t) mib << 20 };

  g_assert_cmpint (setrlimit (RLIMIT_AS, &limit), ==, 0);
#endif
}

/* Runs the current test again in a child, which does the work. */
static gboolean
in_child (guint mib)
{
  if (g_test_subprocess ())
    {
      limit_memory (mib);
      return TRUE;
    }

  g_test_trap_subprocess (NULL, TIME_LIMIT, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

static BtPlan *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

static void
assert_refused (BtImportKind  kind,
                GString      *text,
                int           code,
                const char   *message)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = bt_import_text (plan, kind, text->str, text->len, "hostile", now, &error);

  g_assert_null (import);
  g_test_message ("%s", error->message);
  g_assert_error (error, BT_IMPORT_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, message));
}

static GString *
calendar_begin (void)
{
  return g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Breakthrough tests//EN\r\n");
}

/* 300,000 nested components (7.8 MB): libical frees them recursively and
 * crashed. Refused before libical builds them, with the line. (An event
 * inside an event is refused at once: these are alarms.) */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) text = NULL;

  if (!in_child (512))
    return;

  text = calendar_begin ();
  for (guint i = 0; i < 300000; i++)
    g_string_append (text, "BEGIN:VALARM\r\n");
  for (guint i = 0; i < 300000; i++)
    g_string_append (text, "END:VALARM\r\n");
  g_string_append (text, "END:VCALENDAR\r\n");

  /* VCALENDAR and 63 VALARMs on lines 1 to 66; the 64th is too deep. */
  assert_refused (BT_IMPORT_CALENDAR, text, BT_IMPORT_ERROR_MALFORMED,
                  "line 67: the components are nested more than 64 levels deep");
}

/* A 21 KB event repeating hourly since 1970 with one of the plan's
 * relationships: half a million instances, which once copied the texts
 * into each (past 4 GB), and touchpoints looked up in a list (hours).
 * Imported, applied and imported again in bounded memory. */
static void
test_hourly_since_1970 (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(BtHistory) history = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autoptr(BtImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_utc (HOURLY_SINCE, 1, 1, 0, 0, 0);
  guint expected = (guint) ((g_date_time_to_unix (now) - g_date_time_to_unix (since)) / 3600);

  if (!in_child (1536))
    return;

  words = g_strnfill (7000, 'w');
  text = calendar_begin ();
  g_string_append_printf (text,
                          "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:%d0101T000000Z\r\nDTEND:%d0101T003000Z\r\n"
                          "RRULE:FREQ=HOURLY\r\nSUMMARY:1:1 %s\r\nDESCRIPTION:%s\r\n"
                          "ATTENDEE;PARTSTAT=ACCEPTED:mailto:priya@product.example.com\r\n"
                          "END:VEVENT\r\nEND:VCALENDAR\r\n", words, HOURLY_SINCE, HOURLY_SINCE, words, words);

  plan = load_fixture ();
  history = bt_history_new ();
  import = bt_import_text (plan, BT_IMPORT_CALENDAR, text->str, text->len, "hourly", now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_events, ==, expected);
  g_assert_cmpuint (import->touchpoints->len, ==, expected);
  g_assert_true (((BtImportTouchpoint *) import->touchpoints->pdata[0])->is_new);

  bt_import_apply (import, plan, history);
  g_clear_pointer (&import, bt_import_free);

  /* Importing again finds every touchpoint it made. */
  again = bt_import_text (plan, BT_IMPORT_CALENDAR, text->str, text->len, "hourly", now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->touchpoints->len, ==, expected);
  for (guint i = 0; i < again->touchpoints->len; i++)
    g_assert_false (((BtImportTouchpoint *) again->touchpoints->pdata[i])->is_new);
}

/* Hourly since 1900: more instances than any calendar of meetings,
 * refused with the event's line once the limit is passed. */
static void
test_too_many_instances (void)
{
  g_autoptr(GString) text = NULL;

  if (!in_child (1024))
    return;

  text = calendar_begin ();
  g_string_append (text, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261005T090000Z\r\nSUMMARY:Status\r\nEND:VEVENT\r\n"
                         "BEGIN:VEVENT\r\nUID:hourly\r\nDTSTART:19000101T000000Z\r\nDTEND:19000101T003000Z\r\n"
                         "RRULE:FREQ=HOURLY\r\nSUMMARY:Status\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  assert_refused (BT_IMPORT_CALENDAR, text, BT_IMPORT_ERROR_TOO_BIG,
                  "line 9: with the event that begins here, the file holds more than 500000 events");
}

/* One 60 MB folded line: unfolding was quadratic, and so is libical on
 * a line that long unfolded. */
static void
test_folded_line (void)
{
  g_autoptr(GString) text = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autoptr(GError) error = NULL;

  if (!in_child (512))
    return;

  text = calendar_begin ();
  g_string_append (text, "BEGIN:VEVENT\r\nUID:folded\r\nDTSTART:20261005T090000Z\r\n"
                         "DTEND:20261005T100000Z\r\nDESCRIPTION:");
  for (guint i = 0; i < 15000000; i++)
    g_string_append (text, "x\r\n ");
  g_string_append (text, "x\r\nSUMMARY:Roadmap review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

  plan = load_fixture ();
  import = bt_import_text (plan, BT_IMPORT_CALENDAR, text->str, text->len, "folded", now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (import->n_events, ==, 1);
  g_assert_cmpfloat (bt_import_category_hours (import, "c-road"), ==, 1.0);
}

/* 10,000 time zones as Outlook writes them took libical over a minute to
 * expand; no calendar needs more than a few. */
static void
test_many_time_zones (void)
{
  g_autoptr(GString) text = NULL;

  if (!in_child (1024))
    return;

  text = calendar_begin ();
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text,
                            "BEGIN:VTIMEZONE\r\nTZID:Zone %u\r\n"
                            "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                            "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\n"
                            "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                            "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n", i);
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text,
                            "BEGIN:VEVENT\r\nUID:%u\r\nDTSTART;TZID=Zone %u:20261005T090000\r\n"
                            "DTEND;TZID=Zone %u:20261005T100000\r\nSUMMARY:Status\r\nEND:VEVENT\r\n", i, i, i);
  g_string_append (text, "END:VCALENDAR\r\n");

  /* 15 lines a zone: the 101st begins on line 1504. */
  assert_refused (BT_IMPORT_CALENDAR, text, BT_IMPORT_ERROR_MALFORMED,
                  "line 1504: the file defines more than 100 time zones");
}

/* The small files that hung libical for minutes, here with the limits. */
static void
test_endless_rules (void)
{
  const struct {
    const char *file;
    const char *message;
  } cases[] = {
    { "bad-zone-rule.ics", "line 8: the time zone changes more often than once a year" },
    { "bad-never-minutes.ics", "line 9: the event repeats every second or minute" },
    { "bad-never-day.ics", "line 9: no day matches both BYMONTH and BYMONTHDAY" },
  };

  if (!in_child (512))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", cases[i].file, NULL);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      g_string_assign (text, contents);
      assert_refused (BT_IMPORT_CALENDAR, text, BT_IMPORT_ERROR_MALFORMED, cases[i].message);
    }
}

/* A "yearly" zone rule with a list of days changes every day: libical
 * worked each zone out from the year 1, 5.5 s and 55 MB a zone. Twelve
 * such zones, each used by an event, are refused at the first rule;
 * BYMONTHDAY lists are the same. */
static void
test_daily_zone_rules (void)
{
  g_autoptr(GString) year_days = g_string_new ("BYYEARDAY=1");
  g_autoptr(GString) month_days = g_string_new ("BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1");
  const char *rules[2];

  if (!in_child (512))
    return;

  for (guint d = 2; d <= 366; d++)
    g_string_append_printf (year_days, ",%u", d);
  for (guint d = 2; d <= 31; d++)
    g_string_append_printf (month_days, ",%u", d);
  rules[0] = year_days->str;
  rules[1] = month_days->str;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      g_autoptr(GString) text = calendar_begin ();

      for (guint i = 0; i < 12; i++)
        g_string_append_printf (text,
                                "BEGIN:VTIMEZONE\r\nTZID:D%u\r\n"
                                "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
                                "DTSTART:00010101T000000\r\nRRULE:FREQ=YEARLY;%s\r\nEND:STANDARD\r\n"
                                "END:VTIMEZONE\r\n", i, rules[r]);
      for (guint i = 0; i < 12; i++)
        g_string_append_printf (text,
                                "BEGIN:VEVENT\r\nUID:u%u\r\nSUMMARY:Roadmap planning\r\n"
                                "DTSTART;TZID=D%u:20261005T100000\r\nDTEND;TZID=D%u:20261005T110000\r\n"
                                "END:VEVENT\r\n", i, i, i);
      g_string_append (text, "END:VCALENDAR\r\n");
      /* The first zone's RRULE is on line 10. */
      assert_refused (BT_IMPORT_CALENDAR, text, BT_IMPORT_ERROR_MALFORMED,
                      "line 10: the time zone changes more than twice a year");
    }
}

/* 60 MB of commas took 82 s and 9 GB only to say the header is wrong. */
static void
test_csv_commas (void)
{
  g_autoptr(GString) text = NULL;

  if (!in_child (512))
    return;

  text = g_string_new (NULL);
  for (guint i = 0; i < 60000000 / 64; i++)
    g_string_append (text, ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
  assert_refused (BT_IMPORT_TIME_REPORT, text, BT_IMPORT_ERROR_MALFORMED,
                  "line 1: more than 1000 columns");
}

/* 3 million ordinary rows took 2.8 GB: read as a stream, and refused past
 * what anyone tracks. */
static void
test_csv_rows (void)
{
  g_autoptr(GString) text = NULL;

  if (!in_child (1024))
    return;

  text = g_string_new ("Start date,Start time,Duration,Description\n");
  for (guint i = 0; i < 3000000; i++)
    g_string_append (text, "2026-10-05,09:00:00,00:30:00,Status\n");
  assert_refused (BT_IMPORT_TIME_REPORT, text, BT_IMPORT_ERROR_TOO_BIG,
                  "line 500002: the report holds more than 500000 entries");
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
  now = g_date_time_new (tz, 2026, 11, 23, 0, 0, 0);

  g_test_add_func ("/import-hostile/ics/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import-hostile/ics/hourly-since-1970", test_hourly_since_1970);
  g_test_add_func ("/import-hostile/ics/too-many-instances", test_too_many_instances);
  g_test_add_func ("/import-hostile/ics/folded-line", test_folded_line);
  g_test_add_func ("/import-hostile/ics/many-time-zones", test_many_time_zones);
  g_test_add_func ("/import-hostile/ics/endless-rules", test_endless_rules);
  g_test_add_func ("/import-hostile/ics/daily-zone-rules", test_daily_zone_rules);
  g_test_add_func ("/import-hostile/csv/commas", test_csv_commas);
  g_test_add_func ("/import-hostile/csv/rows", test_csv_rows);

  status = g_test_run ();
  g_date_time_unref (now);
  return status;
}
