/* test-locale.c — Breakthrough in German: the command line and the window
 * speak it, dates and numbers on screen follow de_DE, and the file stays
 * ISO 8601 with a dot.
 *
 * Runs with LC_ALL=de_DE.UTF-8 and LOCPATH pointing at a locale compiled
 * into the build folder (build-aux/make-locale.sh), and the translations
 * built in _build/po.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-application.h"
#include "bt-clock-private.h"
#include "bt-item-editor.h"
#include "bt-number.h"
#include "bt-plan-file.h"
#include "bt-window-private.h"

static char *localedir;

static void
spin_main_loop (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
}

/* Runs the app's binary with the test's locale; returns its standard
 * output and error together. */
static char *
run_cli (const char *const *args,
         int                *status)
{
  const char *binary = g_getenv ("BT_BINARY");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_assert_nonnull (binary);
  envp = g_environ_setenv (envp, "BREAKTHROUGH_LOCALEDIR", localedir, TRUE);
  g_ptr_array_add (argv, (char *) binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return g_strconcat (out, err, NULL);
}

static void
test_command_line (void)
{
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *export = g_strconcat (path, ".export.json", NULL);
  g_autofree char *bad = g_strconcat (path, ".bad.json", NULL);
  g_autofree char *output = NULL;
  g_autofree char *contents = NULL;
  int status;

  {
    const char *args[] = { "--help", NULL };

    output = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (output, "Die Version ausgeben und beenden"));
    g_assert_nonnull (strstr (output, "Den Wechsel vom Engineering Director zum VP planen und verfolgen."));
    g_clear_pointer (&output, g_free);
  }

  {
    const char *args[] = { "--validate", path, NULL };

    output = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (output, "Phasen"));
    g_assert_nonnull (strstr (output, "Meilensteine"));
    g_assert_nonnull (strstr (output, "Beziehungen"));
    g_clear_pointer (&output, g_free);
  }

  {
    const char *args[] = { "--validate", bad, NULL };

    g_assert_true (g_file_set_contents (bad, "{\"format\": \"breakthrough-plan\", \"version\": 1,\n"
                                             " \"relationships\": [{\"id\": \"a\", \"name\": \"B\","
                                             " \"function\": \"sales\", \"strength\": 6}]}", -1, NULL));
    output = run_cli (args, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (output, "relationships[0].strength: eine ganze Zahl von 1 bis 5 erwartet, 6 erhalten"));
    g_clear_pointer (&output, g_free);
  }

  {
    const char *args[] = { "--export-json", export, path, NULL };

    output = run_cli (args, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_true (g_file_get_contents (export, &contents, NULL, NULL));
    /* Numbers with a dot, dates in ISO 8601, whatever the locale. */
    g_assert_nonnull (strstr (contents, "\"target_share\": 0.55"));
    g_assert_nonnull (strstr (contents, "\"target_date\": \"2028-06-30\""));
    g_assert_true (g_regex_match_simple ("\"hours\": \\{[^}]*\\d\\.\\d", contents, 0, 0));
    g_assert_false (g_regex_match_simple (": -?\\d+,\\d", contents, 0, 0));
  }

  g_unlink (export);
  g_unlink (bad);
  g_unlink (path);
}

/* Every text the window shows: labels, and the titles and subtitles of
 * rows and groups. */
static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
any_matches (GPtrArray  *texts,
             const char *pattern)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_regex_match_simple (pattern, texts->pdata[i], 0, 0))
      return TRUE;

  return FALSE;
}

static void
dump_texts (GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("text: %s", (const char *) texts->pdata[i]);
}

static gboolean
plan_loaded (gpointer data)
{
  return BT_WINDOW (data)->plan != NULL;
}

/* The overview is on screen: its labels are mapped, and read. */
static gboolean
overview_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (BT_WINDOW (data)->overview_page));
}

static void
test_window (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), file);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!plan_loaded (window) && g_get_monotonic_time () < end)
    spin_main_loop (10);
  g_assert_true (plan_loaded (window));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (overview_mapped, window, 10));
  spin_main_loop (600);

  collect_texts (GTK_WIDGET (window), texts);
  dump_texts (texts);

  /* German words from the header, the switcher and the overview. */
  g_assert_true (any_matches (texts, "^Übersicht$"));
  g_assert_true (any_matches (texts, "^Personen$"));
  g_assert_true (any_matches (texts, "^Nächste Meilensteine$"));
  g_assert_false (any_matches (texts, "^Overview$"));
  g_assert_false (any_matches (texts, "^Next milestones$"));
  /* A date as de_DE writes it, e.g. "30. Jun 2028", and a number with a
   * decimal comma, e.g. "+2,1 Punkte pro Monat". */
  g_assert_true (any_matches (texts, "\\b\\d{1,2}\\. (Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez) \\d{4}\\b"));
  g_assert_true (any_matches (texts, "\\d,\\d Punkte"));
  g_assert_false (any_matches (texts, "\\d\\.\\d Punkte"));

  /* An edit is saved in the file as ISO 8601 with a dot. */
  {
    g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Gespeicherte Person");
    bt_history_set (window->history, r, "name", &value);
  }
  end = g_get_monotonic_time () + (2 * AUTOSAVE_SECONDS + 10) * G_USEC_PER_SEC;
  while (bt_document_needs_flush (window->document) && g_get_monotonic_time () < end)
    spin_main_loop (50);
  g_assert_false (bt_document_needs_flush (window->document));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"name\": \"Gespeicherte Person\""));
  g_assert_nonnull (strstr (contents, "\"target_share\": 0.55"));
  g_assert_nonnull (strstr (contents, "\"target_date\": \"2028-06-30\""));
  g_assert_true (g_regex_match_simple ("\"hours\": \\{[^}]*\\d\\.\\d", contents, 0, 0));
  g_assert_false (g_regex_match_simple (": -?\\d+,\\d", contents, 0, 0));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The item editor shows a date as the German lists do, and reads one
 * typed so (or in ISO); the file keeps ISO. */
static void
test_editor_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtMilestone) m = g_list_model_get_item (bt_plan_get_milestones (plan), 0);
  BtItemEditor *editor;
  GtkWidget *row, *apply;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 6, G_DATE_DECEMBER, 2026);
  bt_milestone_set_date (m, &day);
  editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));
  row = bt_test_find_match (GTK_WIDGET (editor), is_named, "date");
  apply = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), BT_TYPE_ITEM_EDITOR, "apply_button");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "6. Dez 2026");

  gtk_editable_set_text (GTK_EDITABLE (row), "2027-03-31");
  g_assert_true (gtk_widget_get_sensitive (apply));
  gtk_editable_set_text (GTK_EDITABLE (row), "31. Mai 2027");
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (apply, "clicked");
  g_assert_cmpint (g_date_get_day (bt_milestone_get_date (m)), ==, 31);
  g_assert_cmpint (g_date_get_month (bt_milestone_get_date (m)), ==, G_DATE_MAY);
  g_assert_cmpint (g_date_get_year (bt_milestone_get_date (m)), ==, 2027);
}

/* Figures on screen round as a person reads them, with the locale's
 * decimal comma. */
static void
test_rounding (void)
{
  g_autofree char *text = g_strdup_printf ("%.1f %+.1f", bt_number_round (3.25, 1), bt_number_round (-2.75, 1));

  g_assert_cmpstr (text, ==, "3,3 -2,8");
}

/* A change shown to a person: its sign always, a minus sign (U+2212), not
 * a hyphen, and the locale's decimal comma; -1.25 rounds away from zero. */
static void
test_signed (void)
{
  g_autofree char *down = bt_number_format_signed (-1.25, 1);
  g_autofree char *up = bt_number_format_signed (2.75, 1);
  g_autofree char *none = bt_number_format_signed (-0.04, 1);

  g_assert_cmpstr (down, ==, "\u22121,3");
  g_assert_cmpstr (up, ==, "+2,8");
  g_assert_cmpstr (none, ==, "+0,0");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *locale;

  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  /* gtk_init() has called setlocale (LC_ALL, ""). */
  locale = setlocale (LC_ALL, NULL);
  if (locale == NULL || !g_str_has_prefix (locale, "de_DE"))
    g_error ("the test needs the de_DE.UTF-8 locale (LOCPATH=%s), got %s",
             g_getenv ("LOCPATH"), locale ? locale : "none");

  localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerLocaleTest",
                      /* the app's own resources: its style sheet and shortcuts */
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  /* The day the sample plan's weeks are the latest on, as the command
   * line's --today 2026-11-22: the overview's figures say the latest weeks. */
  {
    GDate sample_day;

    g_date_clear (&sample_day, 1);
    g_date_set_dmy (&sample_day, 22, G_DATE_NOVEMBER, 2026);
    bt_clock_set_today_for_testing (bt_clock_get_default (), &sample_day);
  }

  g_test_add_func ("/locale/command-line", test_command_line);
  g_test_add_data_func ("/locale/window", app, test_window);
  g_test_add_func ("/locale/editor-dates", test_editor_dates);
  g_test_add_func ("/locale/rounding", test_rounding);
  g_test_add_func ("/locale/signed", test_signed);

  return g_test_run ();
}
