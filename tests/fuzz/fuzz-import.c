/* fuzz-import.c — the calendar (FUZZ_ICS) or time-tracker (FUZZ_CSV)
 * import on any text: it refuses with a message (valid UTF-8) or gives
 * weeks with at most 168 hours, its progress only goes forward, and the
 * plan it is worked out against does not change. libFuzzer's -timeout and
 * -rss_limit_mb (build-aux/dev.sh fuzz) find the hangs and the memory
 * that grows with instances; tests/fuzz/seeds hold files near each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bt-import.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static BtPlan *
fixture (void)
{
  static BtPlan *plan;

  if (plan == NULL)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();

      g_setenv ("TZ", "Europe/Berlin", TRUE);
      plan = bt_plan_new_default ();
      bt_profile_set_email (bt_plan_get_profile (plan), "alex@example.com");
      bt_relationship_set_name (r, "Priya");
      bt_relationship_set_email (r, "priya@example.com");
      bt_item_list_append (BT_ITEM_LIST (bt_plan_get_relationships (plan)), r);
    }

  return plan;
}

/* The reading reports fractions from 0 to 1 that never go back. */
static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  BtPlan *plan = fixture ();
  guint64 generation = bt_plan_get_generation (plan);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 23, 0, 0, 0);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autoptr(BtImportSource) source = NULL;
  double last = 0.0;

  if (memchr (data, '\0', size) != NULL)
    return 0;   /* the file readers refuse those before parsing */
  text = g_strndup ((const char *) data, size);

#ifdef FUZZ_ICS
  source = bt_import_source_read (BT_IMPORT_CALENDAR, text, size, "fuzz.ics",
                                  bt_profile_get_email (bt_plan_get_profile (plan)), now,
                                  NULL, on_progress_cb, &last, &error);
#else
  source = bt_import_source_read (BT_IMPORT_TIME_REPORT, text, size, "fuzz.csv", NULL, now,
                                  NULL, on_progress_cb, &last, &error);
#endif
  if (source != NULL)
    import = bt_import_from_source (plan, source, now, &error);

  g_assert_cmpuint (bt_plan_get_generation (plan), ==, generation);
  if (import == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      GHashTableIter iter;
      gpointer value;
      double total = w->unmatched;

      g_hash_table_iter_init (&iter, w->hours);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        total += *(double *) value;
      /* Minutes are counted once: a week cannot hold more than it has
       * (with the hour a DST change adds). */
      g_assert_cmpfloat (total, <=, 169.0);
    }

  return 0;
}
