/* bench-startup.c — time from exec to the first frame, and peak memory,
 * for the app and for a bare AdwApplicationWindow, under the same display
 *
 * Runs each program N times, alternating, and prints the medians. Needs a
 * display (build-aux/dev.sh bench provides Xvfb) and a D-Bus session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

typedef struct
{
  double first_frame_ms;
  double plan_frame_ms;   /* the first frame with the plan on screen; the app only */
  double peak_mib;
} Sample;

static gboolean
run_once (const char * const *argv,
          const char         *home,
          Sample             *sample)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  gint64 start, frame_us = 0, plan_us = 0;
  long peak_kib = 0;
  const char *plan_line;
  int status;
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);

  env = g_environ_setenv (env, "BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }

  if (out == NULL || sscanf (out, "first-frame %" G_GINT64_FORMAT " %ld", &frame_us, &peak_kib) != 2)
    {
      g_printerr ("%s did not report a first frame (status %d)\n", argv[0], status);
      return FALSE;
    }

  /* The app reports a second frame, with its plan, and its peak memory by
   * then; the bare window has nothing more to show. */
  plan_line = strstr (out, "plan-frame ");
  if (plan_line != NULL &&
      sscanf (plan_line, "plan-frame %" G_GINT64_FORMAT " %ld", &plan_us, &peak_kib) != 2)
    {
      g_printerr ("%s reported a malformed plan frame\n", argv[0]);
      return FALSE;
    }

  sample->first_frame_ms = (frame_us - start) / 1000.0;
  sample->plan_frame_ms = plan_line != NULL ? (plan_us - start) / 1000.0 : sample->first_frame_ms;
  sample->peak_mib = peak_kib / 1024.0;

  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

/* "app, NAME" for the plan FILE, NAME being its file's name without ".json". */
static char *
plan_row_name (const char *file)
{
  g_autofree char *base = g_path_get_basename (file);

  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - strlen (".json")] = '\0';

  return g_strdup_printf ("app, %s", base);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app = NULL, *bare = NULL, *json_path = NULL;
  g_auto(GStrv) plans = NULL;
  int runs = 10;
  GOptionEntry entries[] = {
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app, "The breakthrough binary", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bare window binary", "PATH" },
    { "plan", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &plans, "A plan to open, besides the first start (repeatable)", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (default 10)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures as JSON", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— start-up benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bt-startup-XXXXXX", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) plan_times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) peaks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GString) json = g_string_new ("{\n");
  double bare_ms = 0, bare_mib = 0;
  gboolean met = TRUE;
  guint n_plans;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || app == NULL || bare == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--app and --bare are needed");
      return 2;
    }
  n_plans = plans != NULL ? g_strv_length (plans) : 0;

  /* Row 0 the bare window, 1 the first start, then one a plan. */
  g_ptr_array_add (names, g_strdup ("bare window"));
  g_ptr_array_add (names, g_strdup ("app, first start"));
  for (guint i = 0; i < n_plans; i++)
    g_ptr_array_add (names, plan_row_name (plans[i]));
  for (guint k = 0; k < names->len; k++)
    {
      g_ptr_array_add (times, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (plan_times, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (peaks, g_array_new (FALSE, FALSE, sizeof (double)));
    }

  for (int r = 0; r < runs; r++)
    for (guint k = 0; k < names->len; k++)
      {
        const char *argv_k[] = { k == 0 ? bare : app, k >= 2 ? plans[k - 2] : NULL, NULL };
        Sample s;

        if (!run_once (argv_k, home, &s))
          return 1;
        g_array_append_val (times->pdata[k], s.first_frame_ms);
        g_array_append_val (plan_times->pdata[k], s.plan_frame_ms);
        g_array_append_val (peaks->pdata[k], s.peak_mib);
      }

  printf ("%-22s %14s %8s %16s %8s %12s\n", "start-up", "first frame", "ratio",
          "plan on screen", "ratio", "peak memory");
  for (guint k = 0; k < names->len; k++)
    {
      double t = median (times->pdata[k]);
      double p = median (plan_times->pdata[k]);
      double m = median (peaks->pdata[k]);

      if (k == 0)
        {
          bare_ms = t;
          bare_mib = m;
        }
      else
        met = met && t <= 1.1 * bare_ms && m <= bare_mib + 15 && (k == 1 || p <= 1.2 * bare_ms);
      printf ("%-22s %11.1f ms %7.2f× %13.1f ms %7.2f× %8.1f MiB\n",
              (const char *) names->pdata[k], t, t / bare_ms, p, p / bare_ms, m);
      g_string_append_printf (json, "  \"%s\": {\"first_frame_ms\": %.2f, \"plan_frame_ms\": %.2f, "
                              "\"peak_mib\": %.2f},\n", (const char *) names->pdata[k], t, p, m);
    }

  printf ("\nThe first start shows the Welcome page in its first frame; with a plan, the first frame\n"
          "is the window with its header bar, and the plan is on screen once it is read.\n"
          "Goals: first frame ≤ 1.1× the bare window, plan on screen ≤ 1.2× the bare window's first\n"
          "frame, peak memory ≤ the bare window's + 15 MiB: %s\n",
          met ? "met" : "MISSED");
  g_string_append_printf (json, "  \"all_goals_met\": %s\n}\n", met ? "true" : "false");

  if (json_path != NULL && !g_file_set_contents (json_path, json->str, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
