/* bt-print-operation.c — printing the roadmap report
 *
 * Pages are laid out for the paper the user picks in the print dialog and
 * drawn by the same report renderer that writes the PDF export. The page
 * setup and print settings are kept between runs in the user's
 * configuration folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-print-operation"

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-application.h"
#include "bt-chart-style.h"
#include "bt-print-operation.h"
#include "bt-report.h"

struct _BtPrintOperation
{
  GtkPrintOperation  parent_instance;

  BtPlan            *plan;
  GDate              today;
  BtReport          *report;
  gint64             started;   /* wall clock, when the user asked to print */
};

G_DEFINE_FINAL_TYPE (BtPrintOperation, bt_print_operation, GTK_TYPE_PRINT_OPERATION)

#define SETTINGS_GROUP "Print Settings"
#define PAGE_SETUP_GROUP "Page Setup"

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "breakthrough", "print.ini", NULL);
}

static void
bt_print_operation_finalize (GObject *object)
{
  BtPrintOperation *self = BT_PRINT_OPERATION (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->report, bt_report_free);

  G_OBJECT_CLASS (bt_print_operation_parent_class)->finalize (object);
}

static void
bt_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  BtPrintOperation *self = BT_PRINT_OPERATION (operation);
  BtChartStyle style;
  guint n_pages;

  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  style.weekly_budget = bt_application_get_weekly_budget ();
  g_clear_pointer (&self->report, bt_report_free);
  self->report = bt_report_new (self->plan, &self->today, &style);

  n_pages = bt_report_paginate (self->report, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
bt_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  BtPrintOperation *self = BT_PRINT_OPERATION (operation);

  g_return_if_fail (self->report != NULL);

  bt_report_draw_page (self->report, gtk_print_context_get_cairo_context (context), page_nr,
                       gtk_print_context_get_width (context),
                       gtk_print_context_get_height (context));
}

/* The report holds candid notes about people: printed to a file, the
 * file is the user's alone (0600), as every export is. GTK's "Print to
 * File" printer writes it as any file; the file it names is made private
 * once the job is done, if it is a file of the user's written since they
 * asked to print. */
static void
keep_private (BtPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  g_autofree char *export = NULL;
  const char *uri = settings ? gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI) : NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  g_object_get (self, "export-filename", &export, NULL);
  if (export != NULL)
    path = g_steal_pointer (&export);
  else if (uri != NULL)
    path = g_filename_from_uri (uri, NULL, NULL);
  if (path == NULL)
    return;

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
      (gint64) st.st_mtime >= self->started / G_USEC_PER_SEC - 1 && (st.st_mode & 077) != 0 &&
      g_chmod (path, 0600) != 0)
    g_warning ("Could not make the printed file private: %s", g_strerror (errno));
}

static void
bt_print_operation_status_changed (GtkPrintOperation *operation)
{
  GtkPrintStatus status = gtk_print_operation_get_status (operation);

  if (status == GTK_PRINT_STATUS_FINISHED || status == GTK_PRINT_STATUS_FINISHED_ABORTED)
    keep_private (BT_PRINT_OPERATION (operation));
}

/* An export (to a file named beforehand) is written once the operation is
 * done; a job sent to the "Print to File" printer, once it is finished. */
static void
bt_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  keep_private (BT_PRINT_OPERATION (operation));
}

static void
bt_print_operation_class_init (BtPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = bt_print_operation_finalize;
  print_class->begin_print = bt_print_operation_begin_print;
  print_class->draw_page = bt_print_operation_draw_page;
  print_class->status_changed = bt_print_operation_status_changed;
  print_class->done = bt_print_operation_done;
}

static void
bt_print_operation_init (BtPrintOperation *self)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  /* The report sets its own margins, so it gets the whole sheet, in points. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), _("Roadmap report"));
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);

  if (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_key_file (keyfile, SETTINGS_GROUP, NULL);
      g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new_from_key_file (keyfile, PAGE_SETUP_GROUP, NULL);

      if (settings != NULL)
        gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
      if (page_setup != NULL)
        gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
    }
}

/**
 * bt_print_operation_new:
 *
 * Returns: (transfer full): an operation that prints the report of @plan
 *   as of @today
 */
BtPrintOperation *
bt_print_operation_new (BtPlan      *plan,
                        const GDate *today)
{
  BtPrintOperation *self;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  self = g_object_new (BT_TYPE_PRINT_OPERATION, NULL);
  self->plan = g_object_ref (plan);
  self->today = *today;
  self->started = g_get_real_time ();

  return self;
}

/**
 * bt_print_operation_save_settings:
 *
 * Keeps the paper, orientation and printer chosen this time for the next.
 */
void
bt_print_operation_save_settings (BtPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BT_IS_PRINT_OPERATION (self));

  if (settings != NULL)
    gtk_print_settings_to_key_file (settings, keyfile, SETTINGS_GROUP);
  if (page_setup != NULL)
    gtk_page_setup_to_key_file (page_setup, keyfile, PAGE_SETUP_GROUP);

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (keyfile, path, &error))
    g_warning ("Could not keep the print settings: %s", error ? error->message : g_strerror (errno));
}
