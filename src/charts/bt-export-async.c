/* bt-export-async.c — charts and the report drawn into files in a worker
 *
 * Shaping the report's text takes a tenth of a second for a plan of ten
 * years, and more on paper with many people: too long for the window's
 * main loop. The plan is serialized there, at once (a few milliseconds),
 * and the worker reads those bytes into a plan of its own, which nothing
 * else touches, and draws it. Pango's font map is the worker thread's own.
 * JSON and CSV exports are made on the main thread, and written (with
 * their sync to the disk, which a slow disk makes long) in the worker.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-export-async"

#include "config.h"

#include "bt-export-async.h"
#include "bt-plan-file.h"

typedef enum
{
  JOB_REPORT,
  JOB_CHART,
  JOB_WRITE,   /* the bytes as they are: a JSON or CSV export */
} JobKind;

typedef struct
{
  GBytes         *bytes;
  GDate           today;
  char           *path;
  JobKind         what;
  gboolean        sample;   /* the plan is the app's sample: the export says so */
  /* the report */
  double          budget;
  BtPaper         paper;
  gboolean        landscape;
  /* a chart */
  BtChartKind     kind;
  BtChartStyle    style;
  BtExportFormat  format;
  double          width, height, scale;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_in_worker (GTask        *task,
                  gpointer      source,
                  gpointer      data,
                  GCancellable *cancellable)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;
  gboolean done;

  if (job->what == JOB_WRITE)
    {
      gsize length;
      const char *bytes = g_bytes_get_data (job->bytes, &length);

      if (bt_plan_file_write_output (job->path, bytes, length, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  plan = bt_plan_file_load_bytes (job->bytes, &error);
  if (plan == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  bt_plan_set_sample (plan, job->sample);

  if (job->what == JOB_REPORT)
    done = bt_report_export_pdf_with_budget (plan, &job->today, job->budget, job->paper, job->landscape,
                                             job->path, &error);
  else
    done = bt_chart_export (job->kind, plan, &job->today, &job->style, job->format, job->width, job->height,
                            job->scale, job->path, &error);

  if (done)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
start (BtPlan              *plan,
       ExportJob           *job,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, start);
  if (plan != NULL)
    job->sample = bt_plan_get_sample (plan);
  if (job->bytes == NULL)
    job->bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  if (job->bytes == NULL)
    {
      export_job_free (job);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_worker);
}

/**
 * bt_report_export_pdf_async:
 *
 * bt_report_export_pdf_with_budget() in a worker, on the plan as it is
 * when this is called; bt_export_finish() says how it went.
 */
void
bt_report_export_pdf_async (BtPlan              *plan,
                            const GDate         *today,
                            double               budget,
                            BtPaper              paper,
                            gboolean             landscape,
                            const char          *path,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->what = JOB_REPORT;
  job->today = *today;
  job->budget = budget;
  job->paper = paper;
  job->landscape = landscape;
  job->path = g_strdup (path);
  start (plan, job, cancellable, callback, user_data);
}

/**
 * bt_chart_export_async:
 *
 * bt_chart_export() in a worker, on the plan as it is when this is called;
 * bt_export_finish() says how it went.
 */
void
bt_chart_export_async (BtChartKind          kind,
                       BtPlan              *plan,
                       const GDate         *today,
                       const BtChartStyle  *style,
                       BtExportFormat       format,
                       double               width,
                       double               height,
                       double               scale,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->what = JOB_CHART;
  job->kind = kind;
  job->today = *today;
  job->style = *style;
  job->format = format;
  job->width = width;
  job->height = height;
  job->scale = scale;
  job->path = g_strdup (path);
  start (plan, job, cancellable, callback, user_data);
}

/**
 * bt_export_write_async:
 *
 * Writes @bytes, an export made on the main thread, into @path as
 * bt_plan_file_write_output() does, in a worker: its sync to the disk
 * does not hold the window; bt_export_finish() says how it went.
 */
void
bt_export_write_async (GBytes              *bytes,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->what = JOB_WRITE;
  job->bytes = g_bytes_ref (bytes);
  job->path = g_strdup (path);
  start (NULL, job, cancellable, callback, user_data);
}

/**
 * bt_export_finish:
 *
 * Returns: whether the file was written; if not, @error says why
 */
gboolean
bt_export_finish (GAsyncResult  *result,
                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
