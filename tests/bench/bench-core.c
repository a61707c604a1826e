/* bench-core.c — load, save, analytics, charts and the report, each beside
 * its floor
 *
 * Floors, measured in the same run on the same data:
 *   load    — json-glib parsing the same bytes, nothing else;
 *   save    — json-glib generating the same document, plus the same
 *             durable write (g_file_set_contents_full, CONSISTENT | DURABLE);
 *   charts  — cairo replaying the very primitives the chart drew (recorded
 *             once into a recording surface), with no layout or text shaping;
 *   report  — the same, page by page, into a PDF.
 * The plan every operation works on is the synthetic one as the app has
 * it, loaded from its file: a loaded plan's objects lie where the loader
 * put them, between the parser's, and walking them is slower than walking
 * the generator's.
 * Each figure is the median of several samples; a sample repeats the
 * operation until it lasts long enough to time well. The samples of an
 * operation at every scale and of its floor are taken in turn, so that
 * ratios and growth compare figures taken under the same conditions.
 *
 * With --instructions, each operation runs once, at scale 1 or the one
 * --instructions-scale gives, between callgrind client requests, for
 * instruction counts that do not depend on how busy the machine is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#ifdef HAVE_CALLGRIND_H
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#define CALLGRIND_DUMP_STATS_AT(x)
#define CALLGRIND_ZERO_STATS
#endif

#include "bt-analytics.h"
#include "bt-date.h"
#include "bt-chart.h"
#include "bt-plan-file.h"
#include "bt-report.h"
#include "bt-synthetic.h"

#define CHART_WIDTH 1920
#define CHART_HEIGHT 1080

typedef struct
{
  char            *dir;
  BtPlan          *plan;
  GBytes          *bytes;
  JsonNode        *tree;
  char            *path;
  char            *floor_path;
  GDate            today;
  BtChartStyle     style;
  BtChartKind      kind;
  cairo_surface_t *recording;
  GPtrArray       *report_pages;   /* of recording surfaces */
  GPtrArray       *garbage;        /* freed after each sample, outside the timing */
  BtWeek          *new_week;       /* the week op_analytics_after_new_week() added */
  double           page_width;
  double           page_height;
} Bench;

typedef void (*Op) (Bench *b);

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);

  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* How many calls make a sample of at least @min_sample seconds; the call
 * also warms caches, fonts and the like. */
static guint
calibrate (Op      op,
           Bench  *b,
           double  min_sample,
           double *once)
{
  double t0 = now_seconds ();

  op (b);
  *once = now_seconds () - t0;
  g_ptr_array_set_size (b->garbage, 0);

  return *once > 0 ? (guint) CLAMP (ceil (min_sample / *once), 1, 10000) : 1000;
}

/* One untimed call first: the sample before it may have been another
 * scale's, which left other data in the caches. */
static double
time_sample (Op     op,
             Bench *b,
             guint  reps)
{
  double t0;

  op (b);
  g_ptr_array_set_size (b->garbage, 0);

  t0 = now_seconds ();

  for (guint r = 0; r < reps; r++)
    op (b);
  t0 = (now_seconds () - t0) / reps;
  g_ptr_array_set_size (b->garbage, 0);

  return t0;
}

/* ---- the operations ---- */

/* Loading ends with the plan in memory: freeing it is not part of it, so
 * it happens after the sample is timed. */
static void
op_load (Bench *b)
{
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load_bytes (b->bytes, &error);

  g_assert_no_error (error);
  g_ptr_array_add (b->garbage, plan);
}

static JsonParser *
parse_bytes (Bench *b)
{
  JsonParser *parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (b->bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return parser;
}

/* Like loading, parsing ends with the tree in memory: freeing it is done
 * after the sample is timed. */
static void
floor_load (Bench *b)
{
  g_ptr_array_add (b->garbage, parse_bytes (b));
}

static void
op_save (Bench *b)
{
  g_autoptr(GError) error = NULL;

  bt_plan_file_save (b->plan, b->path, &error);
  g_assert_no_error (error);
}

static void
floor_save (Bench *b)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, b->tree);
  data = json_generator_to_data (generator, &length);
  g_file_set_contents_full (b->floor_path, data, length,
                            G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &error);
  g_assert_no_error (error);
}

/* What the window works out from a plan, on the overview and around the
 * charts: the week shares with the trajectory, trend and projection, how
 * many people and milestones are overdue, the weak functions. */
static void
op_analytics (Bench *b)
{
  g_autoptr(GArray) shares = bt_analytics_week_shares (b->plan);
  BtTrajectory trajectory = bt_analytics_trajectory (b->plan, shares, 50.0);
  BtTrend trend = bt_analytics_trend (shares, &b->today, BT_TREND_WEEKS, 50.0);
  guint counts[BT_N_RELATIONSHIP_STATES];
  volatile guint sink = 0;
  GDate projected;

  sink += bt_analytics_weeks_below (shares, &trajectory, &b->today, 50.0);
  sink += bt_analytics_projection (&trend, 0.55, &projected);
  bt_analytics_count_relationships (b->plan, &b->today, counts);
  sink += counts[BT_RELATIONSHIP_OVERDUE] + counts[BT_RELATIONSHIP_DUE_SOON];
  sink += bt_analytics_count_overdue_milestones (b->plan, &b->today);
  sink += bt_analytics_weak_functions (b->plan);
  sink += bt_analytics_new_battlefield (b->plan, &b->today);
  (void) sink;
}

/* The same once the plan itself changed: nothing kept can be trusted, and
 * everything is worked out afresh from the plan's objects, as for the
 * first look at a plan just loaded. (A category changed, or a person or
 * milestone added or removed, works out only its own part.) */
static void
op_analytics_afresh (Bench *b)
{
  g_signal_emit_by_name (b->plan, "changed");
  op_analytics (b);
}

/* The weekly check-in's change: the latest week's hours, then what the
 * window works out. Each call changes them, to one of two values. */
static void
op_analytics_after_week (Bench *b)
{
  GListModel *weeks = bt_plan_get_weeks (b->plan);
  g_autoptr(BtWeek) week = g_list_model_get_item (weeks, g_list_model_get_n_items (weeks) - 1);
  g_autoptr(BtItem) category = g_list_model_get_item (bt_plan_get_categories (b->plan), 0);
  const char *id = bt_item_get_id (category);

  bt_week_set_hours (week, id, bt_week_get_hours (week, id) == 7.0 ? 8.0 : 7.0);
  op_analytics (b);
}

/* The other weekly change: a touchpoint with someone, here the date of
 * the first relationship's first touchpoint, moved by a day each call. */
static void
op_analytics_after_touchpoint (Bench *b)
{
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (b->plan), 0);
  g_autoptr(BtTouchpoint) t = g_list_model_get_item (bt_relationship_get_touchpoints (r), 0);
  GDate date = b->today;

  if (bt_touchpoint_get_date (t) != NULL)
    date = *bt_touchpoint_get_date (t);
  if (g_date_get_julian (&date) % 2 == 0)
    g_date_add_days (&date, 1);
  else
    g_date_subtract_days (&date, 1);
  bt_touchpoint_set_date (t, &date);
  op_analytics (b);
}

/* The weekly check-in's first change in a new week: the week recorded,
 * with hours, then what the window works out; every other call takes it
 * away again, so that the plan stays the size it was. */
static void
op_analytics_after_new_week (Bench *b)
{
  GListModel *weeks = bt_plan_get_weeks (b->plan);
  g_autoptr(BtWeek) last = g_list_model_get_item (weeks, g_list_model_get_n_items (weeks) - 1);

  if (b->new_week != NULL && b->new_week == last)
    {
      /* by its position: bt_item_remove_child() would first look for it
       * through the whole list, which is not what is measured */
      bt_item_list_remove (BT_ITEM_LIST (weeks), g_list_model_get_n_items (weeks) - 1);
      b->new_week = NULL;
    }
  else
    {
      g_autoptr(BtItem) category = g_list_model_get_item (bt_plan_get_categories (b->plan), 0);
      GDate monday = *bt_week_get_monday (last);
      int year, week;

      g_date_add_days (&monday, 7);
      bt_iso_week_of_date (&monday, &year, &week);
      b->new_week = bt_plan_ensure_week (b->plan, year, week);
      bt_week_set_hours (b->new_week, bt_item_get_id (category), 6);
    }
  op_analytics (b);
}

static void
op_chart_image (Bench *b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  bt_chart_draw (b->kind, b->plan, &b->today, &b->style, cr, CHART_WIDTH, CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

/* The first draw of a chart, with no text shaped yet. */
static void
op_chart_image_cold (Bench *b)
{
  bt_chart_text_cache_clear ();
  op_chart_image (b);
}

static void
floor_chart_image (Bench *b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_surface (cr, b->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  *(gsize *) closure += length;

  return CAIRO_STATUS_SUCCESS;
}

static void
op_chart_pdf (Bench *b)
{
  gsize written = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  bt_chart_draw (b->kind, b->plan, &b->today, &b->style, cr, CHART_WIDTH, CHART_HEIGHT);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static void
floor_chart_pdf (Bench *b)
{
  gsize written = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, CHART_WIDTH, CHART_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_surface (cr, b->recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static void
op_report (Bench *b)
{
  gsize written = 0;
  BtChartStyle style;
  g_autoptr(BtReport) report = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, b->page_width, b->page_height);
  cairo_t *cr = cairo_create (surface);
  guint n;

  /* A report is exported once: its text is shaped once, as in the app,
   * whatever the plan's size. With the text of the last run still in the
   * cache, a small plan's report reused all of it and a large one's, past
   * the cache's bound, none: growth measured the cache, not the report. */
  bt_chart_text_cache_clear ();
  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  report = bt_report_new (b->plan, &b->today, &style);
  n = bt_report_paginate (report, cr, b->page_width, b->page_height);
  for (guint i = 0; i < n; i++)
    {
      bt_report_draw_page (report, cr, i, b->page_width, b->page_height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static void
floor_report (Bench *b)
{
  gsize written = 0;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, &written, b->page_width, b->page_height);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < b->report_pages->len; i++)
    {
      cairo_set_source_surface (cr, g_ptr_array_index (b->report_pages, i), 0, 0);
      cairo_paint (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

static cairo_surface_t *
record_chart (Bench *b)
{
  cairo_rectangle_t extents = { 0, 0, CHART_WIDTH, CHART_HEIGHT };
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (recording);

  bt_chart_draw (b->kind, b->plan, &b->today, &b->style, cr, CHART_WIDTH, CHART_HEIGHT);
  cairo_destroy (cr);

  return recording;
}

static void
record_report (Bench *b)
{
  cairo_rectangle_t extents = { 0, 0, b->page_width, b->page_height };
  g_autoptr(BtReport) report = NULL;
  BtChartStyle style;
  cairo_surface_t *first = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (first);
  guint n;

  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  report = bt_report_new (b->plan, &b->today, &style);
  n = bt_report_paginate (report, cr, b->page_width, b->page_height);
  cairo_destroy (cr);

  b->report_pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *page = i == 0 ? first : cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);

      cr = cairo_create (page);
      bt_report_draw_page (report, cr, i, b->page_width, b->page_height);
      cairo_destroy (cr);
      g_ptr_array_add (b->report_pages, page);
    }
}

/* ---- running and reporting ---- */

/* Milliseconds, or microseconds below a tenth of one. */
static void
format_seconds (char   *buf,
                gsize   size,
                double  seconds)
{
  if (seconds < 1e-4)
    g_snprintf (buf, size, "%.2f µs", seconds * 1e6);
  else
    g_snprintf (buf, size, "%.3f ms", seconds * 1e3);
}

typedef struct
{
  const char *name;
  double      seconds;
  double      floor_seconds;   /* 0 when there is no floor */
  double      goal;            /* the largest ratio allowed, 0 for none */
} Result;

static void
add_result (GArray     *results,
            const char *name,
            double      seconds,
            double      floor_seconds,
            double      goal)
{
  Result r = { g_intern_string (name), seconds, floor_seconds, goal };

  g_array_append_val (results, r);
}

static Bench *
bench_new (double scale)
{
  Bench *b = g_new0 (Bench, 1);
  g_autoptr(GError) error = NULL;
  BtPlan *synthetic;

  b->dir = g_dir_make_tmp ("bt-bench-XXXXXX", NULL);
  b->garbage = g_ptr_array_new_with_free_func (g_object_unref);
  synthetic = bt_synthetic_plan (scale, 47);
  b->bytes = bt_plan_file_serialize (synthetic, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  g_clear_object (&synthetic);
  /* The plan as the app has it: loaded from its file, its objects laid out
   * in the file's order, not in the order the generator made them. */
  b->plan = bt_plan_file_load_bytes (b->bytes, &error);
  g_assert_no_error (error);
  b->path = g_build_filename (b->dir, "plan.json", NULL);
  b->floor_path = g_build_filename (b->dir, "floor.json", NULL);
  g_date_clear (&b->today, 1);
  g_date_set_dmy (&b->today, 30, G_DATE_NOVEMBER, 2016);
  g_date_add_days (&b->today, (guint) (520 * scale) * 7);
  bt_chart_style_init (&b->style, BT_CHART_THEME_LIGHT);
  bt_paper_get_size (BT_PAPER_A4, FALSE, &b->page_width, &b->page_height);

  return b;
}

static void
bench_free (Bench *b)
{
  g_autofree char *backup = bt_plan_file_backup_path (b->path);

  g_unlink (b->path);
  g_unlink (backup);
  g_unlink (b->floor_path);
  g_rmdir (b->dir);
  g_free (b->dir);
  g_free (b->path);
  g_free (b->floor_path);
  g_bytes_unref (b->bytes);
  g_object_unref (b->plan);
  g_ptr_array_unref (b->garbage);
  g_free (b);
}

/* ---- one process per scale, taking their samples in turn ---- */

/* Each scale runs in a process of its own, so that what one leaves in the
 * heap (gigabytes freed at scale 100) does not slow the next; the parent
 * has all of them, and each operation and its floor, take their samples in
 * turn, so that every figure is taken under the same conditions: a shared
 * machine's speed drifts by a third within minutes, which, measured one
 * after the other, turned into ratios and, between scales, into growth. */

typedef enum
{
  SETUP_NONE,
  SETUP_CHART,    /* the chart of the measurement's kind, recorded */
  SETUP_REPORT,   /* the report's pages, recorded */
  SETUP_TREE,     /* the plan's JSON tree, for the floor of saving */
} Setup;

typedef struct
{
  const char  *name;
  Op           op;
  Op           floor_op;
  double       goal;
  Setup        setup;
  BtChartKind  kind;
} Measurement;

typedef struct
{
  guint    index;       /* into the measurements; G_MAXUINT to stop */
  gboolean floor;
  gboolean calibrate;
  guint    reps;
} Command;

typedef struct
{
  double seconds;
  guint  reps;
  gsize  bytes;
} Reply;

typedef struct
{
  double  scale;
  gsize   bytes;
  GArray *results;      /* of Result */
  GPid    pid;
  int     to_child;
  int     from_child;
} ScaleRun;

static void
scale_run_free (gpointer data)
{
  ScaleRun *run = data;

  g_array_unref (run->results);
  g_free (run);
}

/* --only: the names of the operations to measure, or NULL for all. */
static char **only_names;

static gboolean
is_measured (const char *name)
{
  if (only_names == NULL)
    return TRUE;

  for (guint i = 0; only_names[i] != NULL; i++)
    if (strcmp (only_names[i], name) == 0)
      return TRUE;

  return FALSE;
}

static GArray *
make_measurements (void)
{
  GArray *m = g_array_new (FALSE, TRUE, sizeof (Measurement));
  Measurement fixed[] = {
    { "load", op_load, floor_load, 1.3, SETUP_NONE, 0 },
    { "save", op_save, floor_save, 1.3, SETUP_TREE, 0 },
    { "analytics", op_analytics, NULL, 0, SETUP_NONE, 0 },
    { "analytics worked out afresh", op_analytics_afresh, NULL, 0, SETUP_NONE, 0 },
    { "analytics after a week's hours", op_analytics_after_week, NULL, 0, SETUP_NONE, 0 },
    { "analytics after a touchpoint", op_analytics_after_touchpoint, NULL, 0, SETUP_NONE, 0 },
    { "analytics after a new week", op_analytics_after_new_week, NULL, 0, SETUP_NONE, 0 },
  };

  g_array_append_vals (m, fixed, G_N_ELEMENTS (fixed));
  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    {
      const char *k = bt_chart_kind_to_string (kind);
      g_autofree char *image = g_strdup_printf ("%s chart, image", k);
      g_autofree char *pdf = g_strdup_printf ("%s chart, PDF", k);
      g_autofree char *cold = g_strdup_printf ("%s chart, first draw", k);
      Measurement chart[] = {
        { g_intern_string (image), op_chart_image, floor_chart_image, 1.5, SETUP_CHART, kind },
        { g_intern_string (pdf), op_chart_pdf, floor_chart_pdf, 0, SETUP_CHART, kind },
        { g_intern_string (cold), op_chart_image_cold, floor_chart_image, 0, SETUP_CHART, kind },
      };

      g_array_append_vals (m, chart, G_N_ELEMENTS (chart));
    }
  {
    Measurement report = { "report, PDF", op_report, floor_report, 0, SETUP_REPORT, 0 };
    g_array_append_val (m, report);
  }

  for (guint i = m->len; i-- > 0;)
    if (!is_measured (g_array_index (m, Measurement, i).name))
      g_array_remove_index (m, i);

  return m;
}

static void
write_all (int           fd,
           gconstpointer data,
           gsize         size)
{
  const char *p = data;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("bench-core: a pipe to a scale's process broke: %s", g_strerror (errno));
      p += n;
      size -= n;
    }
}

static void
read_all (int      fd,
          gpointer data,
          gsize    size)
{
  char *p = data;

  while (size > 0)
    {
      gssize n = read (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        g_error ("bench-core: a scale's process stopped answering");
      p += n;
      size -= n;
    }
}

static JsonNode *
parse_tree (Bench *b)
{
  g_autoptr(JsonParser) parser = parse_bytes (b);

  return json_node_copy (json_parser_get_root (parser));
}

/* Makes @b ready for @m: the chart recorded, the report's pages or the
 * tree. */
static void
set_up (Bench             *b,
        const Measurement *m,
        int               *current)
{
  int wanted = m->setup == SETUP_CHART ? (int) m->kind : 1000 + (int) m->setup;

  if (wanted == *current)
    return;

  /* Nothing a measurement does not need stays in the heap: a scale-100
   * tree is a gigabyte, and loading beside it was a tenth slower. */
  g_clear_pointer (&b->recording, cairo_surface_destroy);
  g_clear_pointer (&b->report_pages, g_ptr_array_unref);
  g_clear_pointer (&b->tree, json_node_unref);
  if (m->setup == SETUP_CHART)
    {
      b->kind = m->kind;
      b->recording = record_chart (b);
    }
  else if (m->setup == SETUP_REPORT)
    record_report (b);
  else if (m->setup == SETUP_TREE)
    b->tree = parse_tree (b);
  *current = wanted;
}

G_GNUC_NORETURN static void
serve_scale (double  scale,
             GArray *measurements,
             double  min_sample,
             int     in,
             int     out)
{
  Bench *b = bench_new (scale);
  Reply hello = { 0, 0, g_bytes_get_size (b->bytes) };
  int current = -1;

  write_all (out, &hello, sizeof hello);
  for (;;)
    {
      Command cmd;
      Reply reply = { 0, };
      const Measurement *m;
      Op op;

      read_all (in, &cmd, sizeof cmd);
      if (cmd.index == G_MAXUINT)
        break;

      m = &g_array_index (measurements, Measurement, cmd.index);
      set_up (b, m, &current);
      op = cmd.floor ? m->floor_op : m->op;
      if (cmd.calibrate)
        reply.reps = calibrate (op, b, min_sample, &reply.seconds);
      else
        reply.seconds = time_sample (op, b, cmd.reps);
      write_all (out, &reply, sizeof reply);
    }

  g_clear_pointer (&b->recording, cairo_surface_destroy);
  g_clear_pointer (&b->report_pages, g_ptr_array_unref);
  g_clear_pointer (&b->tree, json_node_unref);
  bench_free (b);
  _exit (0);
}

static Reply
ask (ScaleRun *run,
     Command   cmd)
{
  Reply reply;

  write_all (run->to_child, &cmd, sizeof cmd);
  read_all (run->from_child, &reply, sizeof reply);

  return reply;
}

static GPtrArray *
run_scales (GArray *scale_values,
            guint   samples,
            double  min_sample)
{
  g_autoptr(GArray) measurements = make_measurements ();
  GPtrArray *runs = g_ptr_array_new_with_free_func (scale_run_free);
  guint n = scale_values->len;

  /* Before any output is buffered, so that no child writes it again. */
  fflush (stdout);
  for (guint i = 0; i < n; i++)
    {
      ScaleRun *run = g_new0 (ScaleRun, 1);
      int down[2], up[2];

      if (pipe (down) != 0 || pipe (up) != 0)
        g_error ("bench-core: no pipe: %s", g_strerror (errno));
      run->scale = g_array_index (scale_values, double, i);
      run->results = g_array_new (FALSE, TRUE, sizeof (Result));
      run->pid = fork ();
      if (run->pid < 0)
        g_error ("bench-core: could not fork: %s", g_strerror (errno));
      if (run->pid == 0)
        {
          close (down[1]);
          close (up[0]);
          serve_scale (run->scale, measurements, min_sample, down[0], up[1]);
        }
      close (down[0]);
      close (up[1]);
      run->to_child = down[1];
      run->from_child = up[0];
      g_ptr_array_add (runs, run);
    }

  for (guint i = 0; i < n; i++)
    {
      ScaleRun *run = g_ptr_array_index (runs, i);
      Reply hello;

      read_all (run->from_child, &hello, sizeof hello);
      run->bytes = hello.bytes;
    }

  for (guint mi = 0; mi < measurements->len; mi++)
    {
      const Measurement *m = &g_array_index (measurements, Measurement, mi);
      g_autofree guint *reps = g_new0 (guint, n);
      g_autofree guint *floor_reps = g_new0 (guint, n);
      g_autofree double *times = g_new0 (double, n * samples);
      g_autofree double *floor_times = g_new0 (double, n * samples);
      g_autofree guint *m_samples = g_new0 (guint, n);
      guint most = 0;

      for (guint i = 0; i < n; i++)
        {
          ScaleRun *run = g_ptr_array_index (runs, i);
          Reply r = ask (run, (Command) { mi, FALSE, TRUE, 0 });
          double once = r.seconds;

          reps[i] = r.reps;
          if (m->floor_op != NULL)
            {
              r = ask (run, (Command) { mi, TRUE, TRUE, 0 });
              floor_reps[i] = r.reps;
              once += r.seconds;
            }

          /* Samples of a second or more vary little: three will do. The
           * smaller scales of the same operation keep all theirs, which
           * cost little and which the machine's drift moves the most. */
          m_samples[i] = once > 1.0 ? MIN (samples, 3) : samples;
          most = MAX (most, m_samples[i]);
        }

      for (guint s = 0; s < most; s++)
        for (guint i = 0; i < n; i++)
          {
            ScaleRun *run = g_ptr_array_index (runs, i);

            if (s >= m_samples[i])
              continue;
            times[i * samples + s] = ask (run, (Command) { mi, FALSE, FALSE, reps[i] }).seconds;
            if (m->floor_op != NULL)
              floor_times[i * samples + s] = ask (run, (Command) { mi, TRUE, FALSE, floor_reps[i] }).seconds;
          }

      for (guint i = 0; i < n; i++)
        {
          ScaleRun *run = g_ptr_array_index (runs, i);
          double floor_seconds = 0;

          qsort (times + i * samples, m_samples[i], sizeof (double), compare_doubles);
          if (m->floor_op != NULL)
            {
              qsort (floor_times + i * samples, m_samples[i], sizeof (double), compare_doubles);
              floor_seconds = floor_times[i * samples + m_samples[i] / 2];
            }
          add_result (run->results, m->name, times[i * samples + m_samples[i] / 2], floor_seconds, m->goal);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      ScaleRun *run = g_ptr_array_index (runs, i);
      Command stop = { G_MAXUINT, FALSE, FALSE, 0 };
      int status;

      write_all (run->to_child, &stop, sizeof stop);
      close (run->to_child);
      close (run->from_child);
      waitpid (run->pid, &status, 0);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("bench-core: the process for scale %g failed", run->scale);
    }

  return runs;
}

/* One run of each operation between callgrind requests, dumped under its
 * name; build-aux/dev.sh bench reads the totals back. */
static void
run_instructions (double scale)
{
  Bench *b = bench_new (scale);
  /* The warm-up call loads fonts and the like and fills the analytics'
   * caches; at a larger scale loading and saving need none, and take long
   * under callgrind. */
  gboolean warm_io = scale <= 1;

#define COUNT(name, call, warm)           \
  G_STMT_START {                          \
    if (!is_measured (name))              \
      break;                              \
    if (warm)                             \
      call;                               \
    CALLGRIND_ZERO_STATS;                 \
    CALLGRIND_START_INSTRUMENTATION;      \
    call;                                 \
    CALLGRIND_STOP_INSTRUMENTATION;       \
    CALLGRIND_DUMP_STATS_AT (name);       \
  } G_STMT_END

  COUNT ("load", op_load (b), warm_io);
  COUNT ("load-floor", floor_load (b), warm_io);
  COUNT ("save", op_save (b), warm_io);
  if (is_measured ("save-floor"))
    b->tree = parse_tree (b);
  COUNT ("save-floor", floor_save (b), warm_io);
  g_clear_pointer (&b->tree, json_node_unref);
  COUNT ("analytics", op_analytics (b), TRUE);
  COUNT ("analytics-afresh", op_analytics_afresh (b), TRUE);
  COUNT ("analytics-after-week", op_analytics_after_week (b), TRUE);
  COUNT ("analytics-after-touchpoint", op_analytics_after_touchpoint (b), TRUE);
  COUNT ("analytics-after-new-week", op_analytics_after_new_week (b), TRUE);

  /* At a larger scale, for growth: the charts take minutes under callgrind
   * and grow far less than linearly in time already. */
  for (BtChartKind kind = 0; kind < BT_N_CHARTS && scale <= 1; kind++)
    {
      g_autofree char *name = g_strdup_printf ("%s-chart", bt_chart_kind_to_string (kind));
      g_autofree char *floor_name = g_strdup_printf ("%s-chart-floor", bt_chart_kind_to_string (kind));

      b->kind = kind;
      b->recording = record_chart (b);
      COUNT (name, op_chart_image (b), TRUE);
      COUNT (floor_name, floor_chart_image (b), TRUE);
      g_clear_pointer (&b->recording, cairo_surface_destroy);
    }
#undef COUNT

  g_ptr_array_set_size (b->garbage, 0);
  bench_free (b);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *json_path = NULL;
  g_autofree char *scales_text = NULL;
  g_autofree char *only_text = NULL;
  gboolean quick = FALSE, instructions = FALSE;
  double instructions_scale = 1;
  int samples = 7;
  double min_ms = 40;
  GOptionEntry entries[] = {
    { "scales", 0, 0, G_OPTION_ARG_STRING, &scales_text, "Comma-separated plan scales (default 1,10,100)", "LIST" },
    { "samples", 0, 0, G_OPTION_ARG_INT, &samples, "Samples per figure (default 7)", "N" },
    { "min-ms", 0, 0, G_OPTION_ARG_DOUBLE, &min_ms, "Shortest sample in milliseconds (default 40)", "MS" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Also write the figures as JSON", "FILE" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_text, "Only these operations, as the table (or, with --instructions, the dumps) names them, separated by \"|\"", "NAMES" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "One small run, to check the benchmark works", NULL },
    { "instructions", 0, 0, G_OPTION_ARG_NONE, &instructions, "Run each operation once for callgrind", NULL },
    { "instructions-scale", 0, 0, G_OPTION_ARG_DOUBLE, &instructions_scale, "The plan's scale for --instructions (default 1)", "S" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— Breakthrough's core benchmarks");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) scales = NULL;
  g_autoptr(JsonBuilder) json = json_builder_new ();
  gboolean all_met = TRUE;
  g_autoptr(GPtrArray) all_results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) scale_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) runs = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (only_text != NULL)
    only_names = g_strsplit (only_text, "|", -1);

  if (instructions)
    {
      run_instructions (instructions_scale);
      return 0;
    }

  /* For profiling: load the scale-1 plan over and over. */
  if (g_getenv ("BT_BENCH_LOAD_LOOP") != NULL)
    {
      Bench *b = bench_new (1);

      for (int i = 0; i < atoi (g_getenv ("BT_BENCH_LOAD_LOOP")); i++)
        {
          op_load (b);
          g_ptr_array_set_size (b->garbage, 0);
        }
      bench_free (b);
      return 0;
    }

  if (quick)
    {
      g_free (scales_text);
      scales_text = g_strdup ("0.1");
      samples = 1;
      min_ms = 0;
    }

  scales = g_strsplit (scales_text ? scales_text : "1,10,100", ",", -1);

  printf ("%-32s %8s %13s %12s %7s %6s\n", "operation", "scale", "median", "floor", "ratio", "goal");
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "scales");
  json_builder_begin_array (json);

  for (guint s = 0; scales[s] != NULL; s++)
    {
      double scale = g_ascii_strtod (scales[s], NULL);

      g_array_append_val (scale_values, scale);
    }
  runs = run_scales (scale_values, samples, min_ms / 1000.0);

  for (guint s = 0; s < runs->len; s++)
    {
      ScaleRun *run = g_ptr_array_index (runs, s);
      double scale = run->scale;
      gsize n_bytes = run->bytes;
      GArray *results = run->results;

      g_ptr_array_add (all_results, g_array_ref (results));

      json_builder_begin_object (json);
      json_builder_set_member_name (json, "scale");
      json_builder_add_double_value (json, scale);
      json_builder_set_member_name (json, "bytes");
      json_builder_add_int_value (json, n_bytes);
      json_builder_set_member_name (json, "results");
      json_builder_begin_array (json);

      for (guint i = 0; i < results->len; i++)
        {
          Result *r = &g_array_index (results, Result, i);
          double ratio = r->floor_seconds > 0 ? r->seconds / r->floor_seconds : 0;
          gboolean met = r->goal == 0 || ratio <= r->goal;

          char floor_text[32] = "—", ratio_text[32] = "", goal_text[32] = "", median_text[32];

          all_met = all_met && met;
          if (r->floor_seconds > 0)
            {
              format_seconds (floor_text, sizeof floor_text, r->floor_seconds);
              g_snprintf (ratio_text, sizeof ratio_text, "%.2f×", ratio);
            }
          if (r->goal > 0)
            g_snprintf (goal_text, sizeof goal_text, "≤%.1f", r->goal);
          format_seconds (median_text, sizeof median_text, r->seconds);
          /* Widths count bytes: "µ" takes two. */
          printf ("%-32s %8g %*s %*s %7s %6s%s\n", r->name, scale,
                  13 + (int) (strlen (median_text) - g_utf8_strlen (median_text, -1)), median_text,
                  12 + (int) (strlen (floor_text) - g_utf8_strlen (floor_text, -1)),
                  floor_text, ratio_text, goal_text, met ? "" : "  MISSED");

          json_builder_begin_object (json);
          json_builder_set_member_name (json, "name");
          json_builder_add_string_value (json, r->name);
          json_builder_set_member_name (json, "seconds");
          json_builder_add_double_value (json, r->seconds);
          json_builder_set_member_name (json, "floor_seconds");
          json_builder_add_double_value (json, r->floor_seconds);
          json_builder_set_member_name (json, "ratio");
          json_builder_add_double_value (json, ratio);
          json_builder_set_member_name (json, "goal");
          json_builder_add_double_value (json, r->goal);
          json_builder_end_object (json);
        }

      json_builder_end_array (json);
      json_builder_end_object (json);
      fflush (stdout);
    }
  json_builder_end_array (json);

  /* Linearity: the largest scale against the smallest, per operation. */
  if (scale_values->len >= 2)
    {
      GArray *first = g_ptr_array_index (all_results, 0);
      GArray *last = g_ptr_array_index (all_results, all_results->len - 1);
      double factor = g_array_index (scale_values, double, scale_values->len - 1) / g_array_index (scale_values, double, 0);

      /* The floor's own growth beside it: where the floor grows faster
       * than the scale too, the machine's caches do, not the code. */
      printf ("\n%-32s %12s %12s %12s\n", "growth", "measured", "its floor", "allowed");
      json_builder_set_member_name (json, "growth");
      json_builder_begin_array (json);
      for (guint i = 0; i < first->len; i++)
        {
          Result *a = &g_array_index (first, Result, i), *z = &g_array_index (last, Result, i);
          double growth = z->seconds / a->seconds;
          /* Cost may grow with the data at most linearly (10 % slack). */
          gboolean met = growth <= factor * 1.1;
          double floor_growth = a->floor_seconds > 0 ? z->floor_seconds / a->floor_seconds : 0;
          char floor_text[32] = "—";

          if (floor_growth > 0)
            g_snprintf (floor_text, sizeof floor_text, "%.1f×", floor_growth);
          all_met = all_met && met;
          printf ("%-32s %11.1f× %12s %11.1f×%s\n", a->name, growth, floor_text, factor * 1.1,
                  met ? "" : "  MISSED");
          json_builder_begin_object (json);
          json_builder_set_member_name (json, "name");
          json_builder_add_string_value (json, a->name);
          json_builder_set_member_name (json, "growth");
          json_builder_add_double_value (json, growth);
          if (floor_growth > 0)
            {
              json_builder_set_member_name (json, "floor_growth");
              json_builder_add_double_value (json, floor_growth);
            }
          json_builder_set_member_name (json, "allowed");
          json_builder_add_double_value (json, factor * 1.1);
          json_builder_end_object (json);
        }
      json_builder_end_array (json);
    }

  json_builder_set_member_name (json, "all_goals_met");
  json_builder_add_boolean_value (json, all_met);
  json_builder_end_object (json);

  if (json_path != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (json);

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      if (!json_generator_to_file (generator, json_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  printf ("\n%s\n", all_met ? "All goals met." : "Some goals were missed: see MISSED above.");

  /* Figures are figures: missing a goal is reported, not a crash. */
  return 0;
}
