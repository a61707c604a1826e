/* bt-report.c — the roadmap report, page by page, on any cairo surface
 *
 * For a conversation with a mentor or a manager: a title page with the
 * headline numbers, one page per chart, the relationships as a table, and
 * each narrative as its one-page story followed by its business cases.
 * Every page has the plan's name and the date at the top and its number
 * at the foot. Pages are laid out for the paper given, so the same code
 * serves PDF export and a GtkPrintOperation. Text is never cut: it wraps,
 * rows grow, and what does not fit goes on to the next page.
 *
 * This file lays the pages out and holds what they share; each kind of
 * page is drawn in a file of its own (bt-report-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-date.h"
#include "bt-money.h"
#include "bt-number.h"
#include "bt-chart.h"
#include "bt-narratives-chart.h"
#include "bt-report-private.h"


gboolean
bt_paper_from_string (const char *text,
                      BtPaper    *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = BT_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = BT_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* In points. */
void
bt_paper_get_size (BtPaper   paper,
                   gboolean  landscape,
                   double   *width,
                   double   *height)
{
  double w = paper == BT_PAPER_LETTER ? 612.0 : 595.2756;
  double h = paper == BT_PAPER_LETTER ? 792.0 : 841.8898;

  *width = landscape ? h : w;
  *height = landscape ? w : h;
}

/**
 * bt_format_date:
 *
 * Returns: @date as the user's language writes it
 */
char *
bt_format_date (const GDate *date)
{
  char buf[128];

  /* TRANSLATORS: a date in reports and charts (strftime); "%e %b %Y" gives
   * "30 Jun 2028". Use the order and style of your language. */
  if (g_date_strftime (buf, sizeof buf, _("%e %b %Y"), date) == 0)
    return bt_date_to_iso (date);

  return g_strdup (g_strstrip (buf));
}

/**
 * bt_format_date_beside:
 * @date: the date to write
 * @beside: (nullable): the date it is read beside
 *
 * A date shown next to another needs its year only when it is another
 * year: "20 Mar" beside 15 May 2026, "9 Aug 2027" beside 2 Jan 2028.
 *
 * Returns: @date as the user's language writes it, without its year when
 *   it falls in the year of @beside
 */
char *
bt_format_date_beside (const GDate *date,
                       const GDate *beside)
{
  char buf[128];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (beside == NULL || !g_date_valid (beside) ||
      g_date_get_year (date) != g_date_get_year (beside))
    return bt_format_date (date);

  /* TRANSLATORS: a date without its year, beside a date of the same year
   * (strftime); "%e %b" gives "30 Jun". Use the order and style of your
   * language, as in "%e %b %Y". */
  if (g_date_strftime (buf, sizeof buf, _("%e %b"), date) == 0)
    return bt_format_date (date);

  return g_strdup (g_strstrip (buf));
}

/**
 * bt_format_first_planned:
 *
 * A milestone that moved later slipped: the roadmap, the report and the
 * lists say where it was first planned, the same way everywhere.
 *
 * Returns: (nullable): the date @milestone was first planned for, without
 *   its year when that is the year of its date now (bt_format_date_beside());
 *   %NULL when it has not moved later
 */
char *
bt_format_first_planned (BtMilestone *milestone)
{
  const GDate *date, *original;

  g_return_val_if_fail (BT_IS_MILESTONE (milestone), NULL);

  date = bt_milestone_get_date (milestone);
  original = bt_milestone_get_original_date (milestone);
  if (date == NULL || original == NULL || g_date_compare (date, original) <= 0)
    return NULL;

  return bt_format_date_beside (original, date);
}

/**
 * bt_format_week_days:
 *
 * Returns: the first and last days of the ISO week @week of @iso_year, as
 *   the user's language writes them: "23 Nov 2026 – 29 Nov 2026"
 */
char *
bt_format_week_days (int iso_year,
                     int week)
{
  GDate monday, sunday;
  g_autofree char *from = NULL, *to = NULL;

  bt_iso_week_monday (iso_year, week, &monday);
  sunday = monday;
  g_date_add_days (&sunday, 6);
  from = bt_format_date (&monday);
  to = bt_format_date (&sunday);
  /* TRANSLATORS: a week's first and last days: "23 Nov 2026 – 29 Nov 2026" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

typedef struct
{
  BtRelationship *relationship;
  int             state;
  char           *collate_key;
} SortEntry;

/* Milestones by date, the undated last; the plan's order among those of
 * one day (g_ptr_array_sort() is a merge sort: stable). */
static int
compare_milestone_dates (gconstpointer a,
                         gconstpointer b)
{
  const GDate *x = bt_milestone_get_date (*(BtMilestone **) a);
  const GDate *y = bt_milestone_get_date (*(BtMilestone **) b);

  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);

  return g_date_compare (x, y);
}

/* Overdue first, then by name, whatever the case; states and collation keys are worked out
 * once per person, not once per comparison. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a, *eb = b;

  if (ea->state != eb->state)
    return eb->state - ea->state;

  return strcmp (ea->collate_key, eb->collate_key);
}

BtReport *
bt_report_new (BtPlan             *plan,
               const GDate        *today,
               const BtChartStyle *style)
{
  BtReport *self = g_new0 (BtReport, 1);
  GListModel *relationships = bt_plan_get_relationships (plan);
  GListModel *narratives = bt_plan_get_narratives (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);

  self->plan = g_object_ref (plan);
  self->today = *today;
  self->style = *style;
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->relationships = g_ptr_array_new_with_free_func (g_object_unref);
  self->narratives = g_ptr_array_new_with_free_func (g_object_unref);
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
  self->milestones = g_ptr_array_new_with_free_func (g_object_unref);

  {
    guint n = g_list_model_get_n_items (relationships);
    g_autofree SortEntry *entries = g_new0 (SortEntry, n);

    for (guint i = 0; i < n; i++)
      {
        entries[i].relationship = g_list_model_get_item (relationships, i);
        entries[i].state = bt_analytics_relationship_state (entries[i].relationship, &self->today, NULL);
        g_autofree char *folded = g_utf8_casefold (bt_relationship_get_name (entries[i].relationship), -1);

        /* The filename key counts digits as numbers: "Person 2" before "Person 10". */
        entries[i].collate_key = g_utf8_collate_key_for_filename (folded, -1);
      }
    /* No relationships: g_new0 gave NULL, which qsort() must not see. */
    if (n > 1)
      qsort (entries, n, sizeof (SortEntry), compare_entries);
    for (guint i = 0; i < n; i++)
      {
        g_ptr_array_add (self->relationships, entries[i].relationship);
        g_free (entries[i].collate_key);
      }
  }

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    g_ptr_array_add (self->milestones, g_list_model_get_item (milestones, i));
  g_ptr_array_sort (self->milestones, compare_milestone_dates);

  for (guint i = 0; i < g_list_model_get_n_items (narratives); i++)
    {
      g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);
      GListModel *cases = bt_narrative_get_business_cases (n);

      g_ptr_array_add (self->narratives, g_object_ref (n));

      for (guint j = 0; j < g_list_model_get_n_items (cases); j++)
        g_ptr_array_add (self->cases, g_list_model_get_item (cases, j));
    }

  return self;
}

void
bt_report_free (BtReport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->plan);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->relationships, g_ptr_array_unref);
  g_clear_pointer (&self->narratives, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->milestones, g_ptr_array_unref);
  g_free (self);
}

double
bt_report_line_height (BtReport *self,
                       cairo_t  *cr,
                       double    size)
{
  g_autoptr(PangoLayout) probe = bt_chart_text (cr, &self->style, "Mg", size, FALSE, -1);
  double h;

  bt_chart_text_size (probe, NULL, &h);

  return h;
}

/* No paragraph of a page holds more characters than this, on any paper,
 * at full width: a longer text is cut at the content's bottom whatever
 * its length, and laying out megabytes of it (pasted by mistake) costs
 * seconds for nothing. */
#define SHOWN_CHARS 10000

/* Nor does a table's cell hold this many: Pango breaks a long word in a
 * narrow cell in a time that grows with the square of its length. */
#define CELL_CHARS 2000

/* @text, or its first @max characters and an ellipsis; @owned holds what
 * the latter needs. */
static const char *
shown_text (const char  *text,
            guint        max,
            char       **owned)
{
  const char *end = text;

  *owned = NULL;
  if (text == NULL || strlen (text) <= max)
    return text;
  for (guint i = 0; i < max && *end; i++)
    end = g_utf8_next_char (end);
  if (*end == '\0')
    return text;
  *owned = g_strdup_printf ("%.*s…", (int) (end - text), text);

  return *owned;
}

/**
 * bt_report_cell_text:
 * @owned: (out): what the text returned needs, to free
 *
 * Returns: what a table's cell shows of @text: all of it, or, when it is
 *   longer than any cell could show on a page, its start and an ellipsis
 */
const char *
bt_report_cell_text (const char  *text,
                     char       **owned)
{
  return shown_text (text, CELL_CHARS, owned);
}

/* The height of @text wrapped to @width, all of it. */
double
bt_report_text_height (BtReport   *self,
                       cairo_t    *cr,
                       const char *text,
                       double      size,
                       gboolean    bold,
                       double      width)
{
  return bt_report_text_height_within (self, cr, text, size, bold, width, BT_REPORT_NO_LIMIT);
}

/* The height bt_report_paragraph() takes with the same @max_height. */
double
bt_report_text_height_within (BtReport   *self,
                              cairo_t    *cr,
                              const char *text,
                              double      size,
                              gboolean    bold,
                              double      width,
                              double      max_height)
{
  g_autofree char *owned = NULL;
  g_autoptr(PangoLayout) pl = bt_chart_paragraph (cr, &self->style, shown_text (text, SHOWN_CHARS, &owned), size, bold, width,
                                                  max_height, PANGO_ALIGN_LEFT);
  double h;

  bt_chart_text_size (pl, NULL, &h);

  return h;
}

double
bt_report_content_top (BtReport *self,
                       cairo_t  *cr)
{
  return MARGIN + bt_report_line_height (self, cr, 0.8) + 14;
}

double
bt_report_content_bottom (BtReport *self,
                          cairo_t  *cr,
                          double    page_height)
{
  return page_height - MARGIN - bt_report_line_height (self, cr, 0.8) - 10;
}

/* A paragraph wrapped to @width, cut with an ellipsis only past
 * @max_height (BT_REPORT_NO_LIMIT: never). Returns the height it took. */
double
bt_report_paragraph (BtReport      *self,
                     cairo_t       *cr,
                     const BtColor *color,
                     const char    *text,
                     double         size,
                     gboolean       bold,
                     double         x,
                     double         y,
                     double         width,
                     double         max_height)
{
  g_autofree char *owned = NULL;
  g_autoptr(PangoLayout) pl = bt_chart_paragraph (cr, &self->style, shown_text (text, SHOWN_CHARS, &owned), size, bold, width,
                                                  max_height, PANGO_ALIGN_LEFT);
  double h;

  bt_chart_text_size (pl, NULL, &h);

  bt_chart_set_color (cr, color);
  bt_chart_draw_text (cr, pl, x, y, BT_ALIGN_START, BT_ALIGN_START);

  return h;
}

/* A page's title, wrapped when long. Returns the height it took. */
double
bt_report_page_title (BtReport   *self,
                      cairo_t    *cr,
                      const char *title,
                      double      y,
                      double      width)
{
  return bt_report_paragraph (self, cr, &self->style.foreground, title, 1.6, TRUE, MARGIN, y, width,
                              BT_REPORT_NO_LIMIT) + 12;
}

char *
bt_report_percent (double share)
{
  return g_strdup_printf (_("%d%%"), bt_number_percent (share));
}

double
bt_report_section_heading (BtReport   *self,
                           cairo_t    *cr,
                           const char *text,
                           double      x,
                           double      y,
                           double      width)
{
  return bt_report_paragraph (self, cr, &self->style.foreground, text, 1.05, TRUE, x, y, width,
                              BT_REPORT_NO_LIMIT) + 4;
}

/* A line with a coloured dot, wrapped under itself when long. */
double
bt_report_bullet (BtReport      *self,
                  cairo_t       *cr,
                  const BtColor *color,
                  const char    *text,
                  double         x,
                  double         y,
                  double         width)
{
  double lh = bt_report_line_height (self, cr, 0.9);

  bt_chart_set_color (cr, color);
  cairo_arc (cr, x + 3, y + lh / 2, 2.5, 0, 2 * G_PI);
  cairo_fill (cr);

  return bt_report_paragraph (self, cr, &self->style.foreground, text, 0.9, FALSE, x + 12, y, width - 12,
                              BT_REPORT_NO_LIMIT) + 3;
}

/**
 * bt_report_paginate:
 *
 * Lays the report out on pages of the given size (in points).
 *
 * Returns: the number of pages
 */
guint
bt_report_paginate (BtReport *self,
                    cairo_t  *cr,
                    double    page_width,
                    double    page_height)
{
  Page page = { BT_REPORT_PAGE_TITLE, 0, 0, 0, FALSE, FALSE };

  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, page);

  /* The roadmap, with its phases and milestones under it. */
  bt_report_paginate_roadmap (self, cr, page_width, page_height);
  /* The other charts; the people's table right after their map, so that
   * the pages about people stay together, before the narratives'. */
  for (guint i = BT_CHART_TIMELINE + 1; i < BT_N_CHARTS; i++)
    {
      page = (Page) { BT_REPORT_PAGE_CHART, i, 0, 0, FALSE, FALSE };
      g_array_append_val (self->pages, page);
      if (i == BT_CHART_RELATIONSHIPS)
        bt_report_paginate_relationships (self, cr, page_width, page_height);
    }

  /* Each narrative's story, then its business cases. */
  for (guint i = 0; i < self->narratives->len; i++)
    bt_report_paginate_narrative (self, cr, i, page_width, page_height);

  return self->pages->len;
}

BtReportPageKind
bt_report_get_page_kind (BtReport *self,
                         guint     page)
{
  g_return_val_if_fail (page < self->pages->len, BT_REPORT_PAGE_TITLE);

  return g_array_index (self->pages, Page, page).kind;
}

static void
draw_furniture (BtReport *self,
                cairo_t  *cr,
                guint     page,
                double    page_width,
                double    page_height)
{
  const BtChartStyle *style = &self->style;
  const char *name = bt_profile_get_name (bt_plan_get_profile (self->plan));
  g_autofree char *date = bt_format_date (&self->today);
  g_autofree char *report = *name ? g_strdup_printf (_("%s · Roadmap report"), name) : g_strdup (_("Roadmap report"));
  /* TRANSLATORS: the head of each page of the report of the app's sample plan; %s is "Alex Morgan · Roadmap report" */
  g_autofree char *header = bt_plan_get_sample (self->plan) ? g_strdup_printf (_("Sample plan · %s"), report)
                                                            : g_strdup (report);
  /* TRANSLATORS: the foot of each page of the report */
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double date_w, lh = bt_report_line_height (self, cr, 0.8);

  date_w = bt_chart_label (cr, style, &style->muted, date, 0.8, FALSE, -1,
                           page_width - MARGIN, MARGIN, BT_ALIGN_END, BT_ALIGN_START);
  bt_chart_label (cr, style, &style->muted, header, 0.8, FALSE, page_width - 2 * MARGIN - date_w - 12,
                  MARGIN, MARGIN, BT_ALIGN_START, BT_ALIGN_START);

  bt_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, MARGIN + lh + 5);
  cairo_line_to (cr, page_width - MARGIN, MARGIN + lh + 5);
  cairo_stroke (cr);

  bt_chart_label (cr, style, &style->muted, footer, 0.8, FALSE, -1,
                  page_width / 2, page_height - MARGIN, BT_ALIGN_CENTER, BT_ALIGN_END);
}

static void
draw_chart_page (BtReport *self,
                 cairo_t  *cr,
                 guint     chart,
                 double    page_width,
                 double    page_height)
{
  double y = bt_report_content_top (self, cr) + 4;
  double width = page_width - 2 * MARGIN;
  double height;

  y += bt_report_page_title (self, cr, bt_chart_kind_get_title (chart), y, width);
  height = bt_report_content_bottom (self, cr, page_height) - y;

  /* On a portrait page, a chart as tall as the page is a chart stretched
   * thin, with the milestones or the map lost in the middle of white:
   * each takes the shape it has on screen, at the top of the page, and the
   * narratives only the height they need. */
  if (chart == BT_CHART_NARRATIVES)
    height = bt_narratives_chart_height (self->plan, &self->style, cr, width, height);
  else
    height = MIN (height, width * (chart == BT_CHART_RELATIONSHIPS ? 0.9 : 0.7));

  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  bt_chart_draw (chart, self->plan, &self->today, &self->style, cr, width, height);
  cairo_restore (cr);
}

/**
 * bt_report_draw_page:
 *
 * Draws one page. bt_report_paginate() must have been called for the same
 * page size.
 */
void
bt_report_draw_page (BtReport *self,
                     cairo_t  *cr,
                     guint     page,
                     double    page_width,
                     double    page_height)
{
  const Page *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  /* Paper is white, whatever the style, but the background of the
   * surface may not be. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_furniture (self, cr, page, page_width, page_height);

  switch (p->kind)
    {
    case BT_REPORT_PAGE_TITLE:
      bt_report_draw_title_page (self, cr, page_width, page_height);
      break;
    case BT_REPORT_PAGE_CHART:
    case BT_REPORT_PAGE_MILESTONES:
      if (p->index == BT_CHART_TIMELINE)
        bt_report_draw_roadmap_page (self, cr, p, page_width, page_height);
      else
        draw_chart_page (self, cr, p->index, page_width, page_height);
      break;
    case BT_REPORT_PAGE_RELATIONSHIPS:
      bt_report_draw_relationship_page (self, cr, p, page_width, page_height);
      break;
    case BT_REPORT_PAGE_NARRATIVE:
      bt_report_draw_narrative_page (self, cr, p, page_width, page_height);
      break;
    case BT_REPORT_PAGE_BUSINESS_CASE:
    default:
      bt_report_draw_case_page (self, cr, p, page_width, page_height);
      break;
    }

  cairo_restore (cr);
}

/**
 * bt_report_export_pdf:
 *
 * Writes the whole report as a PDF, in the print style, with no weekly
 * hours budget: see bt_report_export_pdf_with_budget().
 */
gboolean
bt_report_export_pdf (BtPlan       *plan,
                      const GDate  *today,
                      BtPaper       paper,
                      gboolean      landscape,
                      const char   *path,
                      GError      **error)
{
  return bt_report_export_pdf_with_budget (plan, today, 0.0, paper, landscape, path, error);
}

/**
 * bt_report_export_pdf_with_budget:
 * @budget: the weekly hours budget, which makes a week partial; 0 for none
 *
 * Writes the whole report as a PDF, in the print style.
 */
gboolean
bt_report_export_pdf_with_budget (BtPlan       *plan,
                                  const GDate  *today,
                                  double        budget,
                                  BtPaper       paper,
                                  gboolean      landscape,
                                  const char   *path,
                                  GError      **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(BtReport) report = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  BtChartStyle style;
  double width, height;
  guint n_pages;
  cairo_t *cr;

  bt_paper_get_size (paper, landscape, &width, &height);
  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  style.weekly_budget = budget;
  report = bt_report_new (plan, today, &style);

  surface = cairo_pdf_surface_create_for_stream (bt_cairo_append_to_byte_array, out, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Roadmap report"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Breakthrough " PACKAGE_VERSION);
  cr = cairo_create (surface);

  n_pages = bt_report_paginate (report, cr, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      bt_report_draw_page (report, cr, i, width, height);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  return bt_cairo_finish_to_file (surface, status, out, _("The report"), path, error);
}