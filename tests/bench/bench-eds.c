/* bench-eds.c — reading a year of a busy calendar (5,000 meetings)
 * through Evolution Data Server, and how long the main loop waits meanwhile
 *
 * Prints figures; it asserts only what the reading must give (5,000
 * instances), never a time. Runs only under tests/eds-session.sh, which
 * gives the data server a temporary home.
 *
 *   bench-eds [--quick] [--runs N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "bt-eds-calendars.h"
#include "bt-import.h"

/* 20 meetings every weekday of 2026 from 5 January, 250 times each. */
#define N_SERIES 20
#define N_EACH 250

static char *
make_busy_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  GSList *comps = NULL;
  GList *sources;

  g_assert_no_error (error);
  source = e_source_new (NULL, NULL, &error);
  g_assert_no_error (error);
  e_source_set_parent (source, "local-stub");
  e_source_set_display_name (source, "Busy");
  e_source_backend_set_backend_name (e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR), "local");
  sources = g_list_append (NULL, source);
  e_source_registry_create_sources_sync (registry, sources, NULL, &error);
  g_list_free (sources);
  g_assert_no_error (error);

  client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < N_SERIES; i++)
    {
      g_autofree char *text = g_strdup_printf ("BEGIN:VEVENT\r\nUID:series-%d@bench\r\nDTSTAMP:20260101T000000Z\r\n"
                                               "SUMMARY:Meeting %d\r\nDTSTART:20260105T%02d%02d00Z\r\n"
                                               "DURATION:PT20M\r\n"
                                               "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=%d\r\nEND:VEVENT\r\n",
                                               i, i, 7 + i / 2, (i % 2) * 30, N_EACH);

      comps = g_slist_prepend (comps, i_cal_component_new_from_string (text));
    }
  e_cal_client_create_objects_sync (E_CAL_CLIENT (client), comps, E_CAL_OPERATION_FLAG_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_slist_free_full (comps, g_object_unref);

  return e_source_dup_uid (source);
}

typedef struct
{
  gint64          last;
  gint64          longest;
  BtImportSource *source;
} Stall;

static gboolean
on_tick_cb (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  stall->longest = MAX (stall->longest, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Stall *stall = user_data;
  g_autoptr(GError) error = NULL;

  stall->source = bt_eds_calendars_read_finish (result, &error);
  g_assert_no_error (error);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = FALSE;
  int runs = 7;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "One run, to check that it works", NULL },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs to take the median of (default 7)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *uid = NULL;
  const char *uids[2] = { NULL, NULL };
  const char *home = g_getenv ("BT_EDS_TEST_HOME");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (home == NULL || g_strcmp0 (g_get_home_dir (), home) != 0)
    {
      g_printerr ("bench-eds: run it under tests/eds-session.sh, which gives EDS a temporary home\n");
      return 2;
    }
  if (quick)
    runs = 1;

  uid = make_busy_calendar ();
  uids[0] = uid;

  for (int r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(BtImportSource) source = bt_eds_calendars_read_sync (uids, NULL, NULL, now, NULL, &error);
      double ms = (g_get_monotonic_time () - start) / 1000.0;

      g_assert_no_error (error);
      g_assert_cmpuint (source->events->len, ==, N_SERIES * N_EACH);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  g_print ("read 5,000 instances through EDS: median %.1f ms of %d runs\n",
           g_array_index (times, double, times->len / 2), runs);

  /* The window's way: read in a worker, the main loop ticking every 10 ms;
   * then the import's work on the main loop, measured apart. */
  {
    g_autoptr(BtPlan) plan = bt_plan_new ();
    g_autoptr(BtImport) import = NULL;
    Stall stall = { g_get_monotonic_time (), 0, NULL };
    guint tick = g_timeout_add (10, on_tick_cb, &stall);
    gint64 start;

    bt_eds_calendars_read_async (uids, NULL, NULL, now, NULL, on_read_cb, &stall);
    while (stall.source == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_source_remove (tick);
    g_print ("longest wait of the main loop while reading: %.1f ms (10 ms ticks)\n", stall.longest / 1000.0);

    start = g_get_monotonic_time ();
    import = bt_import_from_source (plan, stall.source, now, &error);
    g_assert_no_error (error);
    g_print ("the import's work on 5,000 instances, on the main loop: %.1f ms\n",
             (g_get_monotonic_time () - start) / 1000.0);
    bt_import_source_free (stall.source);
  }

  return 0;
}
