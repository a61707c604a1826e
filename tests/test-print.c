/* test-print.c — the report through a real GtkPrintContext
 *
 * Needs a display (the ui suite runs under Xvfb); without one it is
 * skipped (a TAP skip, see bt_test_init_ui()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "bt-test-widgets.h"

#include "bt-date.h"
#include "bt-plan-file.h"
#include "bt-print-operation.h"

static guint
pdf_pages (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (const char *p = contents; (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL; p++)
    if (p + 11 < contents + length && p[11] != 's')
      pages++;

  return pages;
}

static void
test_print_to_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "printed.pdf", NULL);
  GDate today;

  g_assert_true (bt_date_parse ("2026-11-22", &today));

  for (int orientation = 0; orientation < 2; orientation++)
    {
      g_autoptr(BtPrintOperation) op = bt_print_operation_new (plan, &today);
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
      g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
      GtkPrintOperationResult result;

      gtk_page_setup_set_paper_size (setup, letter);
      gtk_page_setup_set_orientation (setup, orientation ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                         : GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (op), setup);
      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), path);

      result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                        NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

      /* Title, four charts (the roadmap's milestones going on over a page
       * on letter), the relationship table, three narratives and two
       * business cases. */
      g_assert_cmpuint (pdf_pages (path), ==, 12);
    }
}

static void
test_page_setup_is_remembered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtPrintOperation) first = NULL;
  g_autoptr(BtPrintOperation) second = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPageSetup *remembered;
  GDate today;

  g_assert_true (bt_date_parse ("2026-11-22", &today));
  first = bt_print_operation_new (plan, &today);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_settings_set (settings, "output-uri", "file:///tmp/remember-me.pdf");
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (first), setup);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (first), settings);
  bt_print_operation_save_settings (first);

  second = bt_print_operation_new (plan, &today);
  remembered = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (second));
  g_assert_nonnull (remembered);
  g_assert_cmpint (gtk_page_setup_get_orientation (remembered), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpstr (gtk_print_settings_get (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (second)),
                                           "output-uri"), ==, "file:///tmp/remember-me.pdf");
}

/* The report holds candid notes about people: printed to a file, through
 * GTK's "Print to File" printer or an export, the file is the user's
 * alone, as the app's own exports are. */
static void
test_printed_file_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "printed-private.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  mode_t mask = umask (022);
  GStatBuf st;
  GDate today;

  g_assert_true (bt_date_parse ("2026-11-22", &today));

  {
    g_autoptr(BtPrintOperation) op = bt_print_operation_new (plan, &today);

    g_unlink (path);
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (op), path);
    g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                              NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* The "Print to File" printer writes the file the settings name, with
   * the mode any file gets; once the job is done, it is made private. A
   * file of someone else's, or written before the user asked to print, is
   * left as it is. */
  {
    g_autoptr(BtPrintOperation) op = bt_print_operation_new (plan, &today);
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();

    g_unlink (path);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (op), settings);
    g_assert_true (g_file_set_contents (path, "%PDF-1.5 as the printer wrote it", -1, NULL));
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
    g_signal_emit_by_name (op, "done", GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
  {
    g_autoptr(BtPrintOperation) op = NULL;
    g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
    struct utimbuf old = { 1000000000, 1000000000 };

    g_assert_cmpint (g_chmod (path, 0644), ==, 0);
    g_assert_cmpint (g_utime (path, &old), ==, 0);
    op = bt_print_operation_new (plan, &today);
    gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (op), settings);
    g_signal_emit_by_name (op, "done", GTK_PRINT_OPERATION_RESULT_CANCEL);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  }

  umask (mask);
}

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/print/to-pdf", test_print_to_pdf);
  g_test_add_func ("/print/page-setup-is-remembered", test_page_setup_is_remembered);
  g_test_add_func ("/print/printed-file-is-private", test_printed_file_is_private);

  return g_test_run ();
}
