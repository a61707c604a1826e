/* test-date.c — dates and ISO 8601 weeks as the file writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bt-date.h"

static void
assert_date (const GDate *date,
             int          y,
             int          m,
             int          d)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_year (date), ==, y);
  g_assert_cmpint (g_date_get_month (date), ==, m);
  g_assert_cmpint (g_date_get_day (date), ==, d);
}

static void
test_date_parse (void)
{
  GDate date;
  g_autofree char *text = NULL;

  g_assert_true (bt_date_parse ("2026-11-22", &date));
  assert_date (&date, 2026, 11, 22);
  text = bt_date_to_iso (&date);
  g_assert_cmpstr (text, ==, "2026-11-22");

  /* Four digits for the year, two for the month and day, as written. */
  {
    const char *padded[] = { "0007-03-05", "0999-12-31", "9999-01-09" };

    for (guint i = 0; i < G_N_ELEMENTS (padded); i++)
      {
        g_autofree char *again = NULL;

        g_assert_true (bt_date_parse (padded[i], &date));
        again = bt_date_to_iso (&date);
        g_assert_cmpstr (again, ==, padded[i]);
      }
  }

  g_assert_true (bt_date_parse ("2024-02-29", &date));   /* a leap day */
  assert_date (&date, 2024, 2, 29);

  g_assert_false (bt_date_parse ("2025-02-29", &date));  /* not a leap year */
  g_assert_false (bt_date_parse ("2026-02-30", &date));
  g_assert_false (bt_date_parse ("2026-13-01", &date));
  g_assert_false (bt_date_parse ("2026-00-10", &date));
  g_assert_false (bt_date_parse ("2026-04-31", &date));
  g_assert_false (bt_date_parse ("2026-1-01", &date));
  g_assert_false (bt_date_parse ("2026-01-01T00:00", &date));
  g_assert_false (bt_date_parse ("30/01/2026", &date));
  g_assert_false (bt_date_parse ("0000-01-01", &date));
  g_assert_false (bt_date_parse ("", &date));
  g_assert_false (bt_date_parse (NULL, &date));
}

static void
test_week_count (void)
{
  /* Years that start on a Thursday (or leap years on a Wednesday) have 53. */
  g_assert_cmpint (bt_iso_week_count (2026), ==, 53);
  g_assert_cmpint (bt_iso_week_count (2020), ==, 53);
  g_assert_cmpint (bt_iso_week_count (2025), ==, 52);
  g_assert_cmpint (bt_iso_week_count (2024), ==, 52);
}

static void
test_week_parse (void)
{
  g_autoptr(GError) error = NULL;
  int y = 0, w = 0;

  g_assert_true (bt_iso_week_parse ("2026-W47", &y, &w, &error));
  g_assert_no_error (error);
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (w, ==, 47);

  g_assert_true (bt_iso_week_parse ("2026-W53", &y, &w, NULL));

  g_assert_false (bt_iso_week_parse ("2026-W54", &y, &w, &error));
  g_assert_nonnull (strstr (error->message, "2026 has no week 54"));
  g_clear_error (&error);

  g_assert_false (bt_iso_week_parse ("2025-W53", &y, &w, &error));
  g_assert_nonnull (strstr (error->message, "from 1 to 52"));
  g_clear_error (&error);

  g_assert_false (bt_iso_week_parse ("2026-W00", NULL, NULL, NULL));
  g_assert_false (bt_iso_week_parse ("2026-W7", NULL, NULL, NULL));
  g_assert_false (bt_iso_week_parse ("2026W47", NULL, NULL, NULL));
  g_assert_false (bt_iso_week_parse ("2026-w47", NULL, NULL, NULL));
  g_assert_false (bt_iso_week_parse (NULL, NULL, NULL, NULL));
}

static void
test_week_monday (void)
{
  GDate monday;

  /* Week 1 of 2026 begins in 2025. */
  bt_iso_week_monday (2026, 1, &monday);
  assert_date (&monday, 2025, 12, 29);

  bt_iso_week_monday (2026, 47, &monday);
  assert_date (&monday, 2026, 11, 16);

  bt_iso_week_monday (2026, 53, &monday);
  assert_date (&monday, 2026, 12, 28);

  bt_iso_week_monday (2021, 1, &monday);
  assert_date (&monday, 2021, 1, 4);
}

static void
test_week_of_date (void)
{
  GDate date;
  int y, w;
  g_autofree char *text = NULL;

  /* 1 January 2027 is a Friday, still in 2026's week 53. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  bt_iso_week_of_date (&date, &y, &w);
  g_assert_cmpint (y, ==, 2026);
  g_assert_cmpint (w, ==, 53);

  /* 30 December 2024 is a Monday, already 2025's week 1. */
  g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 2024);
  text = bt_iso_week_format_date (&date);
  g_assert_cmpstr (text, ==, "2025-W01");

  /* A Sunday belongs to the week of the Monday before it. */
  g_date_set_dmy (&date, 22, G_DATE_NOVEMBER, 2026);
  bt_iso_week_of_date (&date, &y, &w);
  g_assert_cmpint (w, ==, 47);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/date/parse", test_date_parse);
  g_test_add_func ("/week/count", test_week_count);
  g_test_add_func ("/week/parse", test_week_parse);
  g_test_add_func ("/week/monday", test_week_monday);
  g_test_add_func ("/week/of-date", test_week_of_date);

  return g_test_run ();
}
