/* bench-stalls.c — the longest the window stops answering, in what a user
 * does with ten years of data
 *
 * A timer at the highest priority ticks every millisecond on the main loop
 * and keeps the longest gap between two ticks: nothing the loop dispatches
 * (input, layout, drawing, a save, an import's preview) can hide from it.
 * Each journey runs in a process of its own, on a copy of the plan:
 *
 *   open                 a ten-year plan opened in the running app
 *   autosave-slow-disk   an edit, then its autosave on a disk whose fsync
 *                        takes 200 ms (slow-fsync.so preloaded)
 *   import-ten-years     a ten-year calendar: read, preview, import
 *   switch-pages         each of the five pages in turn
 *   open-editor          a relationship's editor
 *
 * It prints each journey's longest stall (the median over --runs) beside
 * the goal, 50 ms, and can write them as JSON. It measures; the test suite
 * only checks that it runs (--runs 1).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-stalls"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bt-application.h"
#include "bt-chart-page.h"
#include "bt-history.h"
#include "bt-import-dialog.h"
#include "bt-item-editor.h"
#include "bt-overview-page.h"
#include "bt-plan.h"
#include "bt-relationship.h"
#include "bt-week.h"
#include "bt-window-private.h"

#define GOAL_MS 50.0

static const char * const journeys[] = {
  "open", "autosave-slow-disk", "import-ten-years", "switch-pages", "open-editor",
};

/* ---- the stall monitor ---- */

typedef struct
{
  gint64 last;
  gint64 longest;
  gint64 last_cpu;
  gint64 longest_cpu;   /* the most CPU time the main thread used between two turns */
  guint  id;
} Monitor;

static Monitor monitor;
static gboolean verbose;

/* The main thread's CPU time, in microseconds: on a busy machine a gap
 * also holds the time other programs had the CPU, this does not. */
static gint64
thread_cpu_time (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return (gint64) t.tv_sec * G_USEC_PER_SEC + t.tv_nsec / 1000;
}

static gboolean
on_monitor_tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  monitor.longest = MAX (monitor.longest, now - monitor.last);
  monitor.longest_cpu = MAX (monitor.longest_cpu, cpu - monitor.last_cpu);
  if (verbose && now - monitor.last > GOAL_MS * 1000)
    g_printerr ("stall of %.1f ms (%.1f ms on the CPU), ended at %.3f s\n", (now - monitor.last) / 1000.0,
                (cpu - monitor.last_cpu) / 1000.0, now / 1e6);
  monitor.last = now;
  monitor.last_cpu = cpu;

  return G_SOURCE_CONTINUE;
}

static void
monitor_start (void)
{
  monitor.last = g_get_monotonic_time ();
  monitor.longest = 0;
  monitor.last_cpu = thread_cpu_time ();
  monitor.longest_cpu = 0;
  monitor.id = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_monitor_tick_cb, NULL, NULL);
}

/* The longest gap, in milliseconds, less the tick's own millisecond. */
static double
monitor_stop (void)
{
  on_monitor_tick_cb (NULL);
  g_clear_handle_id (&monitor.id, g_source_remove);

  return MAX (0, monitor.longest - 1000) / 1000.0;
}

/* With --verbose, where a journey is, to place the stalls. */
static void
step (const char *what)
{
  if (verbose)
    g_printerr ("%s at %.3f s\n", what, g_get_monotonic_time () / 1e6);
}

/* ---- running the loop ---- */

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
keep_turning (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @done says so or @seconds pass; the monitor's
 * tick, or a wake-up every few milliseconds, keeps it turning. */
static gboolean
run_until (gboolean (*done) (gpointer),
           gpointer    data,
           double      seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint wake = g_timeout_add (5, keep_turning, NULL);
  gboolean result;

  while (!(result = done (data)) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, TRUE);
      /* A turn of the loop, though the tick may not have come in it */
      if (monitor.id != 0)
        on_monitor_tick_cb (NULL);
    }
  g_source_remove (wake);

  return result;
}

static void
run_for (double seconds)
{
  run_until (never, NULL, seconds);
}

/* ---- finding widgets ---- */

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
plan_shown (gpointer window)
{
  GtkWidget *overview = find_widget (window, BT_TYPE_OVERVIEW_PAGE);

  return overview != NULL && gtk_widget_get_mapped (overview);
}

static gboolean
frame_painted (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* A window of GTK's own, shown and painted: the theme, the fonts and the
 * display are ready, as in an app that has been running a while. */
static void
warm_up (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  gboolean painted = FALSE;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), adw_header_bar_new ());
  gtk_window_present (GTK_WINDOW (window));
  run_until ((gboolean (*) (gpointer)) gtk_widget_get_mapped, window, 10);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  run_until (frame_painted, &painted, 10);
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (window), on_after_paint_cb, &painted);
  gtk_window_destroy (GTK_WINDOW (window));
  run_for (0.2);
}

static GtkWidget *
open_plan (GtkApplication *app,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = GTK_WIDGET (bt_window_new (BT_APPLICATION (app), file));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static BtPlan *
window_plan (GtkWidget *window)
{
  return g_object_ref (BT_WINDOW (window)->plan);
}

/* ---- the journeys, each from a window with the plan on screen ---- */

typedef struct
{
  const char *path;
  gint64      mtime;
} Saved;

static gboolean
file_written (gpointer data)
{
  Saved *saved = data;
  GStatBuf st;

  return g_stat (saved->path, &st) == 0 && st.st_mtime * G_USEC_PER_SEC != saved->mtime;
}

static gboolean
autosave_slow_disk (GtkWidget  *window,
                    const char *path)
{
  g_autoptr(BtPlan) plan = window_plan (window);
  GListModel *weeks = bt_plan_get_weeks (plan);
  g_autoptr(BtWeek) week = g_list_model_get_item (weeks, g_list_model_get_n_items (weeks) - 1);
  Saved saved = { path, 0 };
  GStatBuf st;

  /* Seconds are what every file system keeps: the file must look older. */
  g_assert (g_stat (path, &st) == 0);
  saved.mtime = st.st_mtime * G_USEC_PER_SEC;
  run_for (1.1);

  step ("edit");
  bt_week_set_note (week, "A week of planning, typed in");
  return run_until (file_written, &saved, 20);
}

static gboolean
dialog_ready (gpointer data)
{
  GtkWidget *dialog = find_toplevel (BT_TYPE_IMPORT_DIALOG);
  GtkWidget *button = dialog != NULL ? find_button (dialog, "_Import") : NULL;

  return button != NULL && gtk_widget_get_sensitive (button);
}

static gboolean
dialog_gone (gpointer data)
{
  return find_toplevel (BT_TYPE_IMPORT_DIALOG) == NULL;
}

static gboolean
import_ten_years (GtkWidget  *window,
                  const char *calendar)
{
  g_autoptr(BtPlan) plan = window_plan (window);

  step ("opening the import dialog");
  bt_import_dialog_open (GTK_WINDOW (window), plan, BT_WINDOW (window)->history, calendar);
  step ("import dialog open");
  if (!run_until (dialog_ready, NULL, 120))
    return FALSE;
  step ("preview ready");
  run_for (0.5);
  step ("import");
  g_signal_emit_by_name (find_button (find_toplevel (BT_TYPE_IMPORT_DIALOG), "_Import"), "clicked");

  return run_until (dialog_gone, NULL, 60);
}

static gboolean
switch_pages (GtkWidget *window)
{
  const char *pages[] = { "roadmap", "time", "relationships", "narratives", "overview" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      step (pages[i]);
      gtk_widget_activate_action (window, "win.show-page", "s", pages[i]);
      run_for (0.6);
    }

  return TRUE;
}

static gboolean
editor_shown (gpointer data)
{
  GtkWidget *editor = find_toplevel (BT_TYPE_ITEM_EDITOR);

  return editor != NULL && gtk_widget_get_mapped (editor);
}

static gboolean
open_editor (GtkWidget *window)
{
  g_autoptr(BtPlan) plan = window_plan (window);
  GListModel *relationships = bt_plan_get_relationships (plan);
  g_autoptr(BtItem) item = g_list_model_get_item (relationships, g_list_model_get_n_items (relationships) / 2);

  g_signal_emit_by_name (bt_window_get_chart_page (BT_WINDOW (window), BT_CHART_RELATIONSHIPS),
                         "open-item", relationships, item);

  return run_until (editor_shown, NULL, 20);
}

/* One journey, in this process: prints "stall NAME MS". */
static int
run_journey (const char *journey,
             const char *plan,
             const char *calendar)
{
  g_autoptr(GtkApplication) app = NULL;
  GtkWidget *window;
  gboolean done;
  double stall;

  gtk_init ();
  adw_init ();
  bt_application_name_mnemonic_buttons ();
  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerStallBench",
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_hold (G_APPLICATION (app));
  warm_up (app);

  if (g_str_equal (journey, "open"))
    {
      monitor_start ();
      step ("open");
      window = open_plan (app, plan);
      done = run_until (plan_shown, window, 60);
      step ("plan shown");
      run_for (1);
      stall = monitor_stop ();
    }
  else
    {
      window = open_plan (app, plan);
      if (!run_until (plan_shown, window, 60))
        {
          g_printerr ("%s: the plan did not show\n", journey);
          return 1;
        }
      /* A person's editor opens from the People page, which is on screen
       * by then: it is built the first time it is shown. */
      if (g_str_equal (journey, "open-editor"))
        adw_view_stack_set_visible_child_name (BT_WINDOW (window)->stack, "relationships");
      run_for (1);

      monitor_start ();
      if (g_str_equal (journey, "autosave-slow-disk"))
        done = autosave_slow_disk (window, plan);
      else if (g_str_equal (journey, "import-ten-years"))
        done = import_ten_years (window, calendar);
      else if (g_str_equal (journey, "switch-pages"))
        done = switch_pages (window);
      else if (g_str_equal (journey, "open-editor"))
        done = open_editor (window);
      else
        {
          g_printerr ("no journey called %s\n", journey);
          return 2;
        }
      run_for (0.5);
      stall = monitor_stop ();
    }

  if (!done)
    {
      g_printerr ("%s did not finish\n", journey);
      return 1;
    }
  printf ("stall %s %.2f %.2f\n", journey, stall, monitor.longest_cpu / 1000.0);

  return 0;
}

/* ---- a ten-year calendar ---- */

static void
append_event (GString    *ics,
              const char *uid,
              GDateTime  *start,
              int         minutes,
              const char *summary,
              const char *rrule,
              guint       n_attendees,
              guint       first_attendee)
{
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autofree char *dtstart = g_date_time_format (start, "%Y%m%dT%H%M%SZ");
  g_autofree char *dtend = g_date_time_format (end, "%Y%m%dT%H%M%SZ");

  g_string_append_printf (ics, "BEGIN:VEVENT\r\nUID:%s\r\nDTSTART:%s\r\nDTEND:%s\r\nSUMMARY:%s\r\n",
                          uid, dtstart, dtend, summary);
  if (rrule != NULL)
    g_string_append_printf (ics, "RRULE:%s\r\n", rrule);
  for (guint a = 0; a < n_attendees; a++)
    g_string_append_printf (ics, "ATTENDEE;CN=Colleague %u;PARTSTAT=ACCEPTED:mailto:colleague%u@example.com\r\n",
                            first_attendee + a, first_attendee + a);
  g_string_append (ics, "END:VEVENT\r\n");
}

/* A busy director's ten years, the synthetic plan's (from November 2016):
 * twelve weekly meetings that repeat, with a few dates left out, and ten
 * meetings a week of their own, about 11,000 in all. */
static char *
ten_year_calendar (void)
{
  static const char * const summaries[] = {
    "Incident review", "Sprint planning", "Roadmap review", "1:1", "Status meeting", "Code review",
    "Business case: platform costs", "Partnership sync with sales", "Hiring debrief", "Architecture forum",
    "Quarterly strategy", "Customer escalation",
  };
  GString *ics = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Breakthrough//bench-stalls//EN\r\n"
                               "X-WR-CALNAME:Work\r\n");
  g_autoptr(GDateTime) monday = g_date_time_new_utc (2016, 11, 28, 8, 0, 0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (47);

  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_hours (monday, 24 * (i % 5) + i / 5 * 2);
      g_autoptr(GDateTime) exdate = g_date_time_add_weeks (start, 20 + i);
      g_autofree char *uid = g_strdup_printf ("weekly-%u@bench", i);
      g_autofree char *ex = g_date_time_format (exdate, "%Y%m%dT%H%M%SZ");

      append_event (ics, uid, start, 60, summaries[i], "FREQ=WEEKLY;UNTIL=20261130T000000Z", 3, i * 3);
      /* One meeting left out */
      g_string_truncate (ics, ics->len - strlen ("END:VEVENT\r\n"));
      g_string_append_printf (ics, "EXDATE:%s\r\nEND:VEVENT\r\n", ex);
    }

  for (guint week = 0; week < 520; week++)
    for (guint j = 0; j < 10; j++)
      {
        g_autoptr(GDateTime) start = g_date_time_add_hours (monday, week * 24 * 7 + 24 * (j % 5) + 10 + j / 5 * 3);
        g_autofree char *uid = g_strdup_printf ("single-%u-%u@bench", week, j);

        append_event (ics, uid, start, 30 * g_rand_int_range (rand, 1, 4),
                      summaries[g_rand_int_range (rand, 0, G_N_ELEMENTS (summaries))], NULL,
                      g_rand_int_range (rand, 1, 5), g_rand_int_range (rand, 0, 300));
      }
  g_string_append (ics, "END:VCALENDAR\r\n");

  return g_string_free (ics, FALSE);
}

/* ---- the parent: each journey in a process of its own ---- */

/* The calendar, the plan's copy and whatever the app kept beside them. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
run_child (const char *self,
           const char *journey,
           const char *plan,
           const char *calendar,
           const char *home,
           const char *shim,
           double     *stall,
           double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *copy = g_build_filename (home, "plan.json", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *expected = g_strdup_printf ("stall %s ", journey);
  const char *argv[] = { self, "--journey", journey, "--plan", copy, "--calendar", calendar, NULL };
  const char *line;
  gsize length;
  int status;

  /* A fresh copy each time: the journeys write to it. */
  if (!g_file_get_contents (plan, &contents, &length, &error) ||
      !g_file_set_contents (copy, contents, length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  /* The journeys find the dialog's buttons by their English labels. */
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_unsetenv (env, "LANGUAGE");
  if (g_str_equal (journey, "autosave-slow-disk"))
    {
      const char *asan = g_environ_getenv (env, "ASAN_OPTIONS");
      g_autofree char *options = g_strconcat (asan != NULL ? asan : "", asan != NULL ? ":" : "",
                                              "verify_asan_link_order=0", NULL);

      env = g_environ_setenv (env, "LD_PRELOAD", shim, TRUE);
      /* In the sanitizers' build, the shim comes before their runtime. */
      env = g_environ_setenv (env, "ASAN_OPTIONS", options, TRUE);
    }

  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("%s: %s\n", journey, error->message);
      return FALSE;
    }
  line = out != NULL ? strstr (out, expected) : NULL;
  if (!g_spawn_check_wait_status (status, &error) || line == NULL)
    {
      g_printerr ("%s: %s\n", journey, error != NULL ? error->message : "no figure");
      return FALSE;
    }
  {
    char *end;

    *stall = g_ascii_strtod (line + strlen (expected), &end);
    *cpu = g_ascii_strtod (end, NULL);
  }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *journey = NULL, *plan = NULL, *calendar = NULL, *shim = NULL, *json_path = NULL;
  g_autofree char *make_calendar = NULL;
  int runs = 3;
  GOptionEntry entries[] = {
    { "plan", 0, 0, G_OPTION_ARG_FILENAME, &plan, "The ten-year plan (make-plan 1)", "FILE" },
    { "shim", 0, 0, G_OPTION_ARG_FILENAME, &shim, "slow-fsync.so, for the slow disk", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each journey (default 3)", "N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures as JSON", "FILE" },
    { "verbose", 0, 0, G_OPTION_ARG_NONE, &verbose, "Say each stall over the goal, when it ends", NULL },
    { "make-calendar", 0, 0, G_OPTION_ARG_FILENAME, &make_calendar, "Only write the ten-year calendar", "FILE" },
    { "journey", 0, 0, G_OPTION_ARG_STRING, &journey, "Run one journey, in this process", "NAME" },
    { "calendar", 0, 0, G_OPTION_ARG_FILENAME, &calendar, "The calendar its import reads", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— the longest main-loop stall of each journey");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\n");
  g_autofree char *home = NULL, *ics = NULL, *self = NULL;
  gboolean met = TRUE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (g_option_context_parse (context, &argc, &argv, &error) && make_calendar != NULL)
    {
      g_autofree char *text = ten_year_calendar ();

      if (!g_file_set_contents (make_calendar, text, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }
  if (error != NULL || plan == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--plan is needed");
      return 2;
    }

  if (journey != NULL)
    return run_journey (journey, plan, calendar);

  if (shim == NULL)
    {
      g_printerr ("--shim is needed\n");
      return 2;
    }

  home = g_dir_make_tmp ("bt-stalls-XXXXXX", NULL);
  ics = g_build_filename (home, "ten-years.ics", NULL);
  {
    g_autofree char *text = ten_year_calendar ();

    if (!g_file_set_contents (ics, text, -1, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }
  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  printf ("%-22s %14s %10s %22s\n", "longest stall", "median", "goal", "main thread's CPU");
  for (guint j = 0; j < G_N_ELEMENTS (journeys); j++)
    {
      g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) cpus = g_array_new (FALSE, FALSE, sizeof (double));
      double median, median_cpu;

      for (int r = 0; r < runs; r++)
        {
          double stall, cpu;

          if (!run_child (self, journeys[j], plan, ics, home, shim, &stall, &cpu))
            return 1;
          g_array_append_val (stalls, stall);
          g_array_append_val (cpus, cpu);
        }
      g_array_sort (stalls, compare_doubles);
      median = g_array_index (stalls, double, stalls->len / 2);
      g_array_sort (cpus, compare_doubles);
      median_cpu = g_array_index (cpus, double, cpus->len / 2);
      met = met && median <= GOAL_MS;
      printf ("%-22s %11.1f ms %7.0f ms %19.1f ms%s\n", journeys[j], median, GOAL_MS, median_cpu,
              median > GOAL_MS ? "  MISSED" : "");
      g_string_append_printf (json, "  \"%s\": %.1f%s\n", journeys[j], median,
                              j + 1 < G_N_ELEMENTS (journeys) ? "," : "");
    }
  g_string_append (json, "}\n");
  printf ("\nEach figure is the median, over %d runs, of the longest the main loop went without a turn;\n"
          "beside it, the most CPU time the main thread used between two turns (a busy machine\n"
          "lengthens the first, not the second; a wait on the disk lengthens the first only).\n"
          "Goal: no stall over %.0f ms: %s\n", runs, GOAL_MS, met ? "met" : "MISSED");

  if (json_path != NULL && !g_file_set_contents (json_path, json->str, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  remove_tree (home);

  return 0;
}
