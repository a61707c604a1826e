/* bt-command-line.c — what `breakthrough` does without a window
 *
 * These commands run in the process that was started, before any display
 * is opened, so they work over SSH and in scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-command-line"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-safe-file.h"
#include "bt-analytics.h"
#include "bt-chart.h"
#include "bt-command-line.h"
#include "bt-command-line-private.h"
#include "bt-date.h"
#include "bt-number.h"
#ifdef HAVE_EDS
#include "bt-eds-calendars.h"
#endif
#include "bt-import.h"
#include "bt-import-describe.h"
#include "bt-markdown.h"
#include "bt-json-writer.h"
#include "bt-merge.h"
#include "bt-plan-file.h"
#include "bt-report.h"

/* The value -1 means "go on and start the app". */
#define CONTINUE (-1)
/* The most pixels a PNG export is drawn with (see export_chart()). */
#define MAX_PNG_PIXELS (8192.0 * 8192.0)

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a plan file: print “ok” and a summary, or the errors"), N_("FILE") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan (or one section) as JSON to OUT"), N_("OUT") },
  { "section", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-json: all, profile, roadmap, time, relationships (or people), narratives or check-ins; "
       "with --export-markdown: all or narratives"),
    N_("SECTION") },
  { "export-markdown", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the narratives, their impact statements and business cases as Markdown to OUT"), N_("OUT") },
  { "export-chart", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw a chart (timeline, time, relationships or narratives) into the file given with -o"),
    N_("CHART") },
  { "export-report", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the roadmap report as a PDF into the file given with -o"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export-chart, --export-report or --merge: the file to write"), N_("OUT") },
  { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: png, svg or pdf (default: from OUT’s extension)"), N_("FORMAT") },
  { "size", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: the size in pixels (PNG) or points (SVG, PDF), default 1600x900"),
    N_("WIDTHxHEIGHT") },
  { "scale", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("With --export-chart to PNG: device pixels per pixel, 1 to 4 (default 1)"), N_("SCALE") },
  { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart: light, dark or print (default light)"), N_("THEME") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: a4 or letter (default a4)"), N_("PAPER") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-report: landscape pages"), NULL },
  { "today", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draw charts and reports as of this date (YYYY-MM-DD), for reproducible exports"),
    N_("DATE") },
  { "import-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the hours and touchpoints of a calendar exported as iCalendar (.ics) into the plan"),
    N_("FILE") },
  { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import a Toggl Track or Clockify detailed report (CSV) into the plan"), N_("FILE") },
  { "import-calendars", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Import the hours and touchpoints of the desktop’s calendars (GNOME Calendar’s, Evolution’s) into the plan"),
    NULL },
  { "calendar", 0, 0, G_OPTION_ARG_STRING_ARRAY, NULL,
    N_("With --import-calendars: a calendar to read, by name; repeat it for several (default: all)"),
    N_("NAME") },
  { "existing", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import-ics, --import-csv or --import-calendars: what to do with weeks that already have hours you typed: "
       "keep them (the default), replace them with the calendar’s, or add the calendar’s to them"),
    N_("keep|replace|add") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-ics, --import-csv or --import-calendars: show what would be imported, change nothing"), NULL },
  { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the weeks as CSV to OUT: hours per category, tactical, strategic, strategic share"),
    N_("OUT") },
  { "merge", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Merge two versions of a plan, MINE and THEIRS, changed from BASE, into the file given with -o "
       "(a git merge driver: --merge %O %A %B -o %A); exits 1 with conflicts"),
    N_("BASE MINE THEIRS") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE]") },
  { NULL }
};

const GOptionEntry *
bt_command_line_get_entries (void)
{
  return entries;
}

static void
print_error (const char *where,
             const char *message)
{
  /* Each line of a loader message is one problem: prefix each with the
   * file, whose name cannot forge a line or set the terminal's title. */
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *shown = where != NULL ? bt_import_escape (where) : NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (shown != NULL)
        fprintf (stderr, "%s: %s\n", shown, lines[i]);
      else
        fprintf (stderr, "%s\n", lines[i]);
    }
}

static char *
plan_path_or_default (char **files)
{
  if (files != NULL && files[0] != NULL)
    return g_strdup (files[0]);

  return bt_plan_file_default_path ();
}

/* An export never replaces the plan it is made from. */
static gboolean
output_is_not_the_plan (const char  *out,
                        char       **files)
{
  g_autofree char *path = plan_path_or_default (files);
  g_autoptr(GError) error = NULL;

  if (bt_plan_file_check_output (out, path, &error))
    return TRUE;

  print_error (NULL, error->message);
  return FALSE;
}

static int
validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (path, &error);
  g_autofree char *summary = NULL;

  if (plan == NULL)
    {
      print_error (path, error->message);
      return 1;
    }

  summary = bt_plan_file_describe (plan);
  printf ("ok\n%s\n", summary);

  return 0;
}

static int
export_json (const char *out,
             const char *section_name,
             char      **files)
{
  g_autofree char *path = plan_path_or_default (files);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;
  BtPlanSection section = BT_PLAN_SECTION_ALL;

  if (section_name != NULL && !bt_plan_section_from_string (section_name, &section))
    {
      fprintf (stderr, _("--section: expected all, profile, roadmap, time, relationships, "
                         "narratives or check-ins, got “%s”\n"), section_name);
      return 2;
    }

  if (!output_is_not_the_plan (out, files))
    return 1;

  plan = bt_plan_file_load (path, &error);
  if (plan == NULL)
    {
      print_error (path, error->message);
      return 1;
    }

  if (!bt_plan_file_export (plan, section, out, &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

static BtPlan *
load_plan_or_report (char **files)
{
  g_autofree char *path = plan_path_or_default (files);
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load (path, &error);

  if (plan == NULL)
    print_error (path, error->message);

  return plan;
}

static gboolean
parse_today (const char *text,
             GDate      *today)
{
  if (text != NULL)
    {
      if (!bt_date_parse (text, today))
        {
          int y, m, d;
          char end;

          /* In the form, but no day of the calendar: said so. */
          if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && strlen (text) == 10)
            fprintf (stderr, _("--today: “%s” is no day of the calendar\n"), text);
          else
            fprintf (stderr, _("--today: expected a date as YYYY-MM-DD, got “%s”\n"), text);
          return FALSE;
        }
      /* A plan holds weeks from the year 2 to 9999; the end of the day
       * and the week after it must exist too. */
      if (g_date_get_year (today) < 2 || g_date_get_year (today) > 9998)
        {
          fprintf (stderr, _("--today: the date must be from 0002-01-01 to 9998-12-31, got “%s”\n"), text);
          return FALSE;
        }
      return TRUE;
    }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    return bt_date_from_time (now, today);
  }
}

/* The weekly hours budget of the preferences, which makes a week partial;
 * 0 when the settings are not installed. */
static double
weekly_budget (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (schema == NULL)
    return 0.0;
  settings = g_settings_new (APP_ID);

  return g_settings_get_double (settings, "weekly-hours-budget");
}

static int
export_chart (GVariantDict  *options,
              const char    *chart_name,
              const char    *out,
              char         **files)
{
  const char *format_name = NULL, *size_text = NULL, *theme_name = NULL, *today_text = NULL;
  g_autofree char *extension = NULL;   /* the format, from the file's name */
  BtExportFormat format = BT_EXPORT_PNG;
  BtChartTheme theme = BT_CHART_THEME_LIGHT;
  BtChartKind kind;
  BtChartStyle style;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  double width = 1600, height = 900, scale = 1;
  GDate today;

  g_variant_dict_lookup (options, "format", "&s", &format_name);
  g_variant_dict_lookup (options, "size", "&s", &size_text);
  g_variant_dict_lookup (options, "theme", "&s", &theme_name);
  g_variant_dict_lookup (options, "scale", "d", &scale);
  g_variant_dict_lookup (options, "today", "&s", &today_text);

  if (!bt_chart_kind_from_string (chart_name, &kind))
    {
      fprintf (stderr, _("--export-chart: expected timeline, time, relationships or narratives, got “%s”\n"),
               chart_name);
      return 2;
    }

  /* Without --format, the file's extension says, in capitals or not. */
  if (format_name == NULL)
    {
      g_autofree char *base = g_path_get_basename (out);
      const char *dot = strrchr (base, '.');

      extension = g_ascii_strdown (dot != NULL ? dot + 1 : "png", -1);
      format_name = extension;
    }
  if (!bt_export_format_from_string (format_name, &format))
    {
      if (extension != NULL)
        fprintf (stderr, _("-o: expected a file ending in .png, .svg or .pdf, or --format, got “%s”\n"), out);
      else
        fprintf (stderr, _("--format: expected png, svg or pdf, got “%s”\n"), format_name);
      return 2;
    }

  if (size_text != NULL)
    {
      char *end = NULL;
      guint64 w = g_ascii_strtoull (size_text, &end, 10), h = 0;

      if (end != NULL && (*end == 'x' || *end == 'X') && g_ascii_isdigit (end[1]))
        h = g_ascii_strtoull (end + 1, &end, 10);
      if (!g_ascii_isdigit (size_text[0]) || end == NULL || *end != '\0' ||
          w < 16 || h < 16 || w > 16384 || h > 16384)
        {
          fprintf (stderr, _("--size: expected WIDTHxHEIGHT, each from 16 to 16384, got “%s”\n"), size_text);
          return 2;
        }
      width = w;
      height = h;
    }

  if (!(scale >= 1 && scale <= 4) || width * scale > 16384 || height * scale > 16384)
    {
      fprintf (stderr, _("--scale: expected a number from 1 to 4, with the image at most 16384 pixels wide and high\n"));
      return 2;
    }
  /* A PNG is drawn in memory, four bytes a pixel: as many pixels as
   * 8192 × 8192 (a quarter of a gigabyte) at most, not the gigabyte of
   * 16384 × 16384. */
  if (format == BT_EXPORT_PNG && width * scale * height * scale > MAX_PNG_PIXELS)
    {
      fprintf (stderr, _("--size: a PNG holds at most as many pixels as 8192x8192 (with --scale), got %.0fx%.0f\n"),
               width * scale, height * scale);
      return 2;
    }

  if (theme_name != NULL && !bt_chart_theme_from_string (theme_name, &theme))
    {
      fprintf (stderr, _("--theme: expected light, dark or print, got “%s”\n"), theme_name);
      return 2;
    }

  if (!parse_today (today_text, &today))
    return 2;

  if (!output_is_not_the_plan (out, files))
    return 1;

  plan = load_plan_or_report (files);
  if (plan == NULL)
    return 1;

  bt_chart_style_init (&style, theme);
  style.weekly_budget = weekly_budget ();
  if (!bt_chart_export (kind, plan, &today, &style, format, width, height, scale, out, &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

static int
export_report (GVariantDict  *options,
               const char    *out,
               char         **files)
{
  const char *paper_name = NULL, *today_text = NULL;
  BtPaper paper = BT_PAPER_A4;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  g_variant_dict_lookup (options, "paper", "&s", &paper_name);
  g_variant_dict_lookup (options, "today", "&s", &today_text);

  if (paper_name != NULL && !bt_paper_from_string (paper_name, &paper))
    {
      fprintf (stderr, _("--paper: expected a4 or letter, got “%s”\n"), paper_name);
      return 2;
    }

  if (!parse_today (today_text, &today))
    return 2;

  if (!output_is_not_the_plan (out, files))
    return 1;

  plan = load_plan_or_report (files);
  if (plan == NULL)
    return 1;

  if (!bt_report_export_pdf_with_budget (plan, &today, weekly_budget (), paper,
                                         g_variant_dict_contains (options, "landscape"), out, &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

/* Text from a file (an event's title, a name) as the preview shows it:
 * control characters escaped (bt_import_escape()), so that none can forge
 * a line or drive the terminal, and at most 80 characters. */
static char *
shown (const char *text)
{
  g_autofree char *escaped = bt_import_escape (text);
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (escaped, -1) <= 80)
    return g_steal_pointer (&escaped);

  cut = g_utf8_substring (escaped, 0, 79);
  return g_strconcat (cut, "…", NULL);
}

static void
print_preview (BtPlan         *plan,
               BtImport       *import,
               BtImportChoice  choice)
{
  GListModel *categories = bt_plan_get_categories (plan);
  guint n_new = 0;
  /* Texts from the file are printed with their control characters
   * escaped: a summary must not drive the terminal. */
  g_autofree char *source_name = shown (import->source_name);

  if (import->weeks->len == 0)
    printf (_("Import from “%s”: no hours up to today.\n"), source_name);
  else
    {
      BtImportWeek *first = import->weeks->pdata[0];
      BtImportWeek *last = import->weeks->pdata[import->weeks->len - 1];
      g_autofree char *from = bt_iso_week_format (first->iso_year, first->week);
      g_autofree char *to = bt_iso_week_format (last->iso_year, last->week);

      g_autofree char *n_events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                                                import->n_events), import->n_events);
      g_autofree char *n_weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks",
                                                               import->weeks->len), import->weeks->len);

      /* TRANSLATORS: "Import from “Work”: 31 events in 6 weeks, 2026-W40 to 2026-W45" */
      printf (_("Import from “%s”: %s in %s, %s to %s\n"), source_name, n_events, n_weeks, from, to);
    }

  if (import->weeks->len > 0)
    {
      guint n_typed = bt_import_count_typed_weeks (import);
      guint n_partial = 0;
      double budget = weekly_budget ();

      printf ("\n%-10s %10s %10s %10s %10s\n", _("Week"), _("Tactical"), _("Strategic"), _("No rule"), _("Week total"));
      for (guint i = 0; i < import->weeks->len; i++)
        {
          BtImportWeek *w = import->weeks->pdata[i];
          g_autofree char *label = bt_iso_week_format (w->iso_year, w->week);
          double tactical, strategic;

          double total = bt_import_week_result (w, plan, w->choice);
          gboolean partial = bt_analytics_is_partial_week (total, budget);

          bt_import_week_kinds (w, categories, &tactical, &strategic);
          printf ("%-10s %8.1f h %8.1f h %8.1f h %8.1f h%s%s\n", label, bt_number_round (tactical, 1),
                  bt_number_round (strategic, 1), bt_number_round (w->unmatched, 1), bt_number_round (total, 1), w->typed > 0.0 ? "  *" : "", partial ? "  †" : "");
          n_partial += partial;
        }
      if (n_typed > 0)
        {
          const char *what = choice == BT_IMPORT_ADD ? _("the calendar’s hours are added to them")
                           : choice == BT_IMPORT_REPLACE ? _("the calendar’s hours replace them")
                           : _("they are kept");

          /* TRANSLATORS: the second %s says what the import does: "they are kept", … */
          printf (g_dngettext (GETTEXT_PACKAGE,
                               "* %u week already has hours you typed: %s (--existing %s).\n",
                               "* %u weeks already have hours you typed: %s (--existing %s).\n",
                               n_typed), n_typed, what, bt_import_choice_to_string (choice));
        }
      if (n_partial > 0)
        /* TRANSLATORS: %u weeks, then the weekly hours budget (a setting, 50 h unless changed) */
        printf (g_dngettext (GETTEXT_PACKAGE,
                             "† %u partial week, less than half a usual week (%g h, set in Preferences): it counts by its hours.\n",
                             "† %u partial weeks, less than half a usual week (%g h, set in Preferences): each counts by its hours.\n",
                             n_partial), n_partial, budget);

      /* What the plan really gets: nothing in weeks whose hours are
       * kept, nothing past a week's 168 hours. */
      g_autoptr(GHashTable) added = bt_import_added_hours (import, plan);
      gboolean headed = FALSE;

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
          const char *id = bt_item_get_id (BT_ITEM (category));
          double hours = bt_import_category_hours (import, id);
          double *in_plan = g_hash_table_lookup (added, id);
          double adds = in_plan != NULL ? *in_plan : 0.0;
          g_autofree char *name = NULL;

          if (hours <= 0.0)
            continue;
          /* The heading only over a list: hours no rule took are said
           * below, and a heading over nothing reads as an error. */
          if (!headed)
            printf ("\n%s\n", _("Hours per category added to the plan"));
          headed = TRUE;
          name = shown (bt_category_get_name (category));
          printf ("  %-40s %8.1f h", name, bt_number_round (adds, 1));
          if (adds < hours - 0.05)
            /* TRANSLATORS: after the hours a category gets: the calendar's, of which only those are added */
            printf (_("  of %.1f h in the file"), bt_number_round (hours, 1));
          printf ("\n");
        }
    }

  if (import->unmatched->len > 0)
    {
      printf ("\n");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u kind of event no rule matched (add a rule for it):\n",
                           "%u kinds of event no rule matched (add rules for them):\n", import->unmatched->len),
              import->unmatched->len);
      for (guint i = 0; i < import->unmatched->len; i++)
        {
          BtImportUnmatched *u = import->unmatched->pdata[i];
          g_autofree char *summary = shown (u->summary);

          /* TRANSLATORS: an event no rule matched: its title, how often, the hours */
          printf (g_dngettext (GETTEXT_PACKAGE, "  “%s”: %u time, %.1f h\n", "  “%s”: %u times, %.1f h\n",
                               u->count), summary, u->count, bt_number_round (u->hours, 1));
        }
    }

  if (import->touchpoints->len > 0)
    {
      for (guint i = 0; i < import->touchpoints->len; i++)
        n_new += ((BtImportTouchpoint *) import->touchpoints->pdata[i])->is_new;

      printf ("\n");
      printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint with your relationships (%u new):\n",
                           "%u touchpoints with your relationships (%u new):\n", import->touchpoints->len),
              import->touchpoints->len, n_new);
      for (guint i = 0; i < import->touchpoints->len; i++)
        {
          BtImportTouchpoint *t = import->touchpoints->pdata[i];
          g_autofree char *date = bt_date_to_iso (&t->date);
          g_autofree char *name = shown (bt_relationship_get_name (t->relationship));
          g_autofree char *summary = shown (t->summary);

          printf ("  %s  %s — %s\n", date, name, summary);
        }
    }

  {
    g_autofree char *left_out = bt_import_describe_left_out (import);

    if (left_out != NULL || import->n_no_instance > 0)
      printf ("\n");
    if (left_out != NULL)
      /* TRANSLATORS: what the import did not count: "Left out: 2 cancelled, 1 meeting series continues after today." */
      printf (_("Left out: %s.\n"), left_out);
    if (import->n_no_instance > 0)
      printf (g_dngettext (GETTEXT_PACKAGE,
                           "Also left out: %u change to a repetition the event does not have (RECURRENCE-ID).\n",
                           "Also left out: %u changes to repetitions the event does not have (RECURRENCE-ID).\n",
                           import->n_no_instance), import->n_no_instance);
  }

  /* The default rules map to the plan's categories: with none, there is
   * no rule to add, and the hours have no category to go to. */
  if (import->default_rules && g_list_model_get_n_items (categories) == 0)
    printf ("\n%s\n", _("The plan has no categories yet, so the hours go under “No rule”: add categories on "
                         "the app’s Time page, then import again."));
  else if (import->default_rules)
    printf ("\n%s\n", _("The plan has no import rules yet: the default rules were used, and importing adds them to the plan."));

  for (guint i = 0; i < import->missing_categories->len; i++)
    {
      g_autofree char *pattern = shown (import->missing_categories->pdata[i]);

      printf (_("A rule for “%s” names a category that no longer exists: it was skipped.\n"), pattern);
    }
}

/* The desktop's calendars, those --calendar names or all of them, as the
 * .ics import reads a file. */
static BtImport *
import_calendars (BtPlan        *plan,
                  GVariantDict  *options,
                  GDateTime     *now,
                  GError       **error)
{
#ifdef HAVE_EDS
  g_autofree const char **wanted = NULL;
  g_autoptr(GPtrArray) calendars = NULL;
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(BtImportSource) source = NULL;

  g_variant_dict_lookup (options, "calendar", "^a&s", &wanted);
  calendars = bt_eds_calendars_list_sync (NULL, error);
  if (calendars == NULL)
    return NULL;
  uids = bt_eds_calendars_choose (calendars, wanted, error);
  if (uids == NULL)
    return NULL;
  if (uids->len == 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The desktop has no calendars"));
      return NULL;
    }
  source = bt_eds_calendars_read_sync ((const char * const *) uids->pdata,
                                       bt_profile_get_email (bt_plan_get_profile (plan)),
                                       NULL, now, NULL, error);
  if (source == NULL)
    return NULL;
  return bt_import_from_source (plan, source, now, error);
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("This build of Breakthrough cannot read the desktop’s calendars (it was built without "
                         "Evolution Data Server): export the calendar as .ics and use --import-ics"));
  return NULL;
#endif
}

static int
import_file (GVariantDict  *options,
             const char    *source,
             gboolean       ics,
             char         **files)
{
  g_autofree char *path = plan_path_or_default (files);
  const char *today_text = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(BtImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  const char *existing = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GFile) plan_file = g_file_new_for_path (path);
  BtImportChoice choice = BT_IMPORT_KEEP;

  g_variant_dict_lookup (options, "existing", "&s", &existing);
  if (existing != NULL && !bt_import_choice_from_string (existing, &choice))
    {
      fprintf (stderr, _("--existing takes keep, replace or add, not “%s”\n"), existing);
      return 2;
    }

  g_variant_dict_lookup (options, "today", "&s", &today_text);
  if (today_text != NULL)
    {
      GDate today;
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
      g_autoptr(GDateTime) midnight = NULL;

      if (!parse_today (today_text, &today))
        return 2;
      /* The end of that day. */
      midnight = g_date_time_new (tz, g_date_get_year (&today), g_date_get_month (&today),
                                  g_date_get_day (&today), 0, 0, 0);
      now = g_date_time_add_days (midnight, 1);
    }
  else
    now = g_date_time_new_now_local ();

  /* An import writes the plan back: into a pipe (<(cat plan.json)) the
   * result would be lost, and opening a FIFO waits for a writer. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
      {
        print_error (path, _("not a regular file: an import writes the plan back into it, so it must be one"));
        fprintf (stderr, _("The plan is unchanged.\n"));
        return 1;
      }
  }

  /* What the plan file is as it is read: another program (the app's
   * window, a sync) may save it while a long import runs. */
  etag = bt_file_query_etag (plan_file);
  plan = bt_plan_file_load (path, &error);
  if (plan == NULL)
    {
      print_error (path, error->message);
      return 1;
    }

  /* A plan the import could not save into is said so before the preview,
   * not after it. */
  if (!g_variant_dict_contains (options, "dry-run") && !bt_plan_file_check_saveable (plan, path, &error))
    {
      print_error (path, error->message);
      fprintf (stderr, _("The plan is unchanged.\n"));
      return 1;
    }

  if (source == NULL)
    import = import_calendars (plan, options, now, &error);
  else
    import = bt_import_file (plan, ics ? BT_IMPORT_CALENDAR : BT_IMPORT_TIME_REPORT, source, now, &error);
  if (import == NULL)
    {
      print_error (source, error->message);
      fprintf (stderr, _("The plan is unchanged.\n"));
      return 1;
    }

  bt_import_set_choice (import, choice);
  print_preview (plan, import, choice);

  if (g_variant_dict_contains (options, "dry-run"))
    {
      printf ("\n%s\n", _("Dry run: the plan is unchanged."));
      return 0;
    }

  {
    g_autoptr(BtHistory) history = bt_history_new ();
    g_autoptr(GBytes) before = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, NULL);
    g_autoptr(GBytes) after = NULL;

    bt_import_apply (import, plan, history);
    after = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, NULL);
    /* An import that adds nothing (the same calendar again) writes
     * nothing: a save would put the plan's backup, which may hold what an
     * earlier import replaced, in place of a copy of the same file. */
    if (before != NULL && after != NULL && g_bytes_equal (before, after))
      {
        printf ("\n%s\n", _("Nothing new to import: the plan is unchanged."));
        return 0;
      }
  }
  {
    g_autofree char *etag_now = bt_file_query_etag (plan_file);

    if (g_strcmp0 (etag, etag_now) != 0)
      {
        print_error (path, _("it was saved by another program while the import ran: nothing is written over "
                             "it, so that its changes are kept; run the import again"));
        fprintf (stderr, _("The plan is unchanged.\n"));
        return 1;
      }
  }
  /* The save keeps the plan as it was in plan.json.bak: say so when it
   * cannot, rather than leave the user believing there is a backup. */
  {
    g_autofree char *backup = bt_plan_file_backup_path (path);

    if (g_file_test (backup, G_FILE_TEST_EXISTS) && !g_file_test (backup, G_FILE_TEST_IS_REGULAR))
      {
        g_autofree char *shown = g_filename_display_name (backup);

        fprintf (stderr, _("Warning: “%s” is not a file (a folder?): no backup of the plan as it was is kept.\n"),
                 shown);
      }
  }
  if (!bt_plan_file_save (plan, path, &error))
    {
      print_error (path, error->message);
      fprintf (stderr, _("The plan is unchanged.\n"));
      return 1;
    }
  printf ("\n");
  printf (_("Imported into %s.\n"), path);

  return 0;
}

static int
export_csv (const char  *out,
            char       **files)
{
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  if (!output_is_not_the_plan (out, files))
    return 1;

  plan = load_plan_or_report (files);
  if (plan == NULL)
    return 1;

  csv = bt_import_weeks_to_csv (plan);
  if (!bt_plan_file_write_output (out, csv, strlen (csv), &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

/* The narratives as Markdown, for a memo, a ticket or a pull request: the
 * same safety as every export (never the plan itself, never a special or
 * read-only file). */
static int
export_markdown (const char  *out,
                 const char  *section_name,
                 char       **files)
{
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  BtPlanSection section = BT_PLAN_SECTION_ALL;

  if (section_name != NULL &&
      (!bt_plan_section_from_string (section_name, &section) ||
       (section != BT_PLAN_SECTION_ALL && section != BT_PLAN_SECTION_NARRATIVES)))
    {
      fprintf (stderr, _("--section: with --export-markdown, expected all or narratives, got “%s”\n"),
               section_name);
      return 2;
    }

  if (!output_is_not_the_plan (out, files))
    return 1;

  plan = load_plan_or_report (files);
  if (plan == NULL)
    return 1;

  markdown = bt_markdown_plan (plan, section);
  if (!bt_plan_file_write_output (out, markdown, strlen (markdown), &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

/**
 * bt_command_line_run:
 * @options: the parsed options
 * @files: (nullable): the files named on the command line
 *
 * Returns: an exit status, or -1 if no command was given and the app should
 *   start
 */
int
bt_command_line_run (GVariantDict  *options,
                     char         **files)
{
  const char *validate_path = NULL;
  const char *export_path = NULL;
  const char *markdown_path = NULL;
  const char *section = NULL;
  const char *chart = NULL;
  const char *output = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("breakthrough %s\n", PACKAGE_VERSION);
      return 0;
    }

  /* One command at a time: a second one would be silently left out. */
  {
    static const char *const commands[] = {
      "validate", "export-json", "export-chart", "export-report",
      "import-ics", "import-csv", "import-calendars", "export-csv", "export-markdown", "merge",
    };
    const char *first = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      if (g_variant_dict_contains (options, commands[i]))
        {
          if (first != NULL)
            {
              /* TRANSLATORS: two command-line options, e.g. --export-json and --export-csv */
              fprintf (stderr, _("--%s and --%s cannot be used together: give one of them\n"),
                       first, commands[i]);
              return 2;
            }
          first = commands[i];
        }

    /* What a command would leave out is refused, not ignored: a second
     * plan (only --merge reads more than one), or a --today it does not
     * draw or import as of. */
    if (first != NULL && !g_str_equal (first, "merge") && files != NULL &&
        files[0] != NULL && (g_str_equal (first, "validate") || files[1] != NULL))
      {
        /* --validate names its file itself. */
        g_autofree char *extra = shown (g_str_equal (first, "validate") ? files[0] : files[1]);

        /* TRANSLATORS: %s is a command-line option, e.g. --export-csv; then a file name */
        fprintf (stderr, _("--%s reads one plan: “%s” is one file too many\n"), first, extra);
        return 2;
      }
    if (g_variant_dict_contains (options, "today") && first != NULL &&
        (g_str_equal (first, "validate") || g_str_equal (first, "export-json") ||
         g_str_equal (first, "export-csv") || g_str_equal (first, "export-markdown")))
      {
        fprintf (stderr, _("--today goes with --export-chart, --export-report or an import\n"));
        return 2;
      }
  }

  {
    const char *base = NULL;

    g_variant_dict_lookup (options, "merge", "^&ay", &base);
    if (base != NULL)
      return bt_command_line_merge (options, base, files);
  }

  g_variant_dict_lookup (options, "validate", "^&ay", &validate_path);
  g_variant_dict_lookup (options, "export-json", "^&ay", &export_path);
  g_variant_dict_lookup (options, "export-markdown", "^&ay", &markdown_path);
  g_variant_dict_lookup (options, "section", "&s", &section);
  g_variant_dict_lookup (options, "export-chart", "&s", &chart);
  g_variant_dict_lookup (options, "output", "^&ay", &output);

  if ((chart != NULL || g_variant_dict_contains (options, "export-report")) && output == NULL)
    {
      fprintf (stderr, _("--export-chart and --export-report need -o OUT\n"));
      return 2;
    }

  if (chart != NULL)
    return export_chart (options, chart, output, files);

  if (g_variant_dict_contains (options, "export-report"))
    return export_report (options, output, files);

  /* Every other command names its file itself: an -o it left out would
   * be a file the user waits for in vain. */
  if (output != NULL)
    {
      fprintf (stderr, _("-o goes with --export-chart, --export-report or --merge\n"));
      return 2;
    }

  if (section != NULL && export_path == NULL && markdown_path == NULL)
    {
      fprintf (stderr, _("--section goes with --export-json or --export-markdown\n"));
      return 2;
    }

  if (markdown_path != NULL)
    return export_markdown (markdown_path, section, files);

  if (validate_path != NULL)
    return validate (validate_path);

  {
    const char *ics = NULL, *csv = NULL, *csv_out = NULL;

    g_variant_dict_lookup (options, "import-ics", "^&ay", &ics);
    g_variant_dict_lookup (options, "import-csv", "^&ay", &csv);
    g_variant_dict_lookup (options, "export-csv", "^&ay", &csv_out);

    gboolean calendars = g_variant_dict_contains (options, "import-calendars");

    if (g_variant_dict_contains (options, "existing") && ics == NULL && csv == NULL && !calendars)
      {
        fprintf (stderr, _("--existing goes with --import-ics, --import-csv or --import-calendars\n"));
        return 2;
      }
    if (g_variant_dict_contains (options, "dry-run") && ics == NULL && csv == NULL && !calendars)
      {
        fprintf (stderr, _("--dry-run goes with --import-ics, --import-csv or --import-calendars\n"));
        return 2;
      }
    if (g_variant_dict_contains (options, "calendar") && !calendars)
      {
        fprintf (stderr, _("--calendar goes with --import-calendars\n"));
        return 2;
      }
    if (calendars)
      return import_file (options, NULL, TRUE, files);
    if (ics != NULL)
      return import_file (options, ics, TRUE, files);
    if (csv != NULL)
      return import_file (options, csv, FALSE, files);
    if (csv_out != NULL)
      return export_csv (csv_out, files);
  }

  if (export_path != NULL)
    return export_json (export_path, section, files);

  return CONTINUE;
}

/* For the commands in files of their own (bt-command-line-merge.c). */
void
bt_command_line_print_error (const char *where,
                             const char *message)
{
  print_error (where, message);
}

char *
bt_command_line_shown (const char *text)
{
  return shown (text);
}
