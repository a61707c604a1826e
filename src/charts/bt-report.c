/* bt-report.c — the roadmap report, page by page, on any cairo surface
 *
 * For a conversation with a mentor or a manager: a title page with the
 * headline numbers, one page per chart, the relationships as a table, and
 * each business case as a one-pager. Every page has the plan's name and
 * the date at the top and its number at the foot. Pages are laid out for
 * the paper given, so the same code serves PDF export and a
 * GtkPrintOperation.
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
#include "bt-number.h"
#include "bt-chart.h"
#include "bt-narratives-chart.h"
#include "bt-report.h"

#define MARGIN 42.0   /* points: about 15 mm */

typedef struct
{
  BtReportPageKind kind;
  guint            index;   /* the chart, the first table row, or the case */
  guint            count;   /* table rows on this page */
} Page;

struct _BtReport
{
  BtPlan       *plan;
  GDate         today;
  BtChartStyle  style;
  GArray       *pages;           /* of Page */
  GPtrArray    *relationships;   /* sorted for the table */
  GPtrArray    *cases;
};

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

typedef struct
{
  BtRelationship *relationship;
  int             state;
  char           *collate_key;
} SortEntry;

/* Overdue first, then by name; states and collation keys are worked out
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

  self->plan = g_object_ref (plan);
  self->today = *today;
  self->style = *style;
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  self->relationships = g_ptr_array_new_with_free_func (g_object_unref);
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);

  {
    guint n = g_list_model_get_n_items (relationships);
    g_autofree SortEntry *entries = g_new0 (SortEntry, n);

    for (guint i = 0; i < n; i++)
      {
        entries[i].relationship = g_list_model_get_item (relationships, i);
        entries[i].state = bt_analytics_relationship_state (entries[i].relationship, &self->today, NULL);
        entries[i].collate_key = g_utf8_collate_key (bt_relationship_get_name (entries[i].relationship), -1);
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

  for (guint i = 0; i < g_list_model_get_n_items (narratives); i++)
    {
      g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);
      GListModel *cases = bt_narrative_get_business_cases (n);

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
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_free (self);
}

static double
line_height (BtReport *self,
             cairo_t  *cr,
             double    size)
{
  g_autoptr(PangoLayout) probe = bt_chart_text (cr, &self->style, "Mg", size, FALSE, -1);
  double h;

  bt_chart_text_size (probe, NULL, &h);

  return h;
}

static double
table_row_height (BtReport *self,
                  cairo_t  *cr)
{
  return line_height (self, cr, 0.9) * 2 + 8;
}

static double
content_top (BtReport *self,
             cairo_t  *cr)
{
  return MARGIN + line_height (self, cr, 0.8) + 14;
}

static double
content_bottom (BtReport *self,
                cairo_t  *cr,
                double    page_height)
{
  return page_height - MARGIN - line_height (self, cr, 0.8) - 10;
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
  double title_h = line_height (self, cr, 1.6) + 12;
  double available = content_bottom (self, cr, page_height) - content_top (self, cr) - title_h
                     - table_row_height (self, cr);
  guint per_page = MAX (1, (guint) floor (available / table_row_height (self, cr)));
  Page page = { BT_REPORT_PAGE_TITLE, 0, 0 };

  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, page);

  for (guint i = 0; i < BT_N_CHARTS; i++)
    {
      page = (Page) { BT_REPORT_PAGE_CHART, i, 0 };
      g_array_append_val (self->pages, page);
    }

  for (guint i = 0; i < self->relationships->len; i += per_page)
    {
      page = (Page) { BT_REPORT_PAGE_RELATIONSHIPS, i, MIN (per_page, self->relationships->len - i) };
      g_array_append_val (self->pages, page);
    }

  for (guint i = 0; i < self->cases->len; i++)
    {
      page = (Page) { BT_REPORT_PAGE_BUSINESS_CASE, i, 0 };
      g_array_append_val (self->pages, page);
    }

  return self->pages->len;
}

BtReportPageKind
bt_report_get_page_kind (BtReport *self,
                         guint     page)
{
  g_return_val_if_fail (page < self->pages->len, BT_REPORT_PAGE_TITLE);

  return g_array_index (self->pages, Page, page).kind;
}

/* A paragraph wrapped to @width and cut with an ellipsis at @max_height.
 * Returns the height it took. */
static double
paragraph (BtReport      *self,
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
  g_autoptr(PangoLayout) pl = bt_chart_paragraph (cr, &self->style, text, size, bold, width, max_height,
                                                  PANGO_ALIGN_LEFT);
  double h;

  bt_chart_text_size (pl, NULL, &h);

  bt_chart_set_color (cr, color);
  bt_chart_draw_text (cr, pl, x, y, BT_ALIGN_START, BT_ALIGN_START);

  return h;
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
  g_autofree char *header = *name ? g_strdup_printf (_("%s · Roadmap report"), name) : g_strdup (_("Roadmap report"));
  /* TRANSLATORS: the foot of each page of the report */
  g_autofree char *footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  double date_w, lh = line_height (self, cr, 0.8);

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

static double
page_title (BtReport   *self,
            cairo_t    *cr,
            const char *title,
            double      y,
            double      width)
{
  bt_chart_label (cr, &self->style, &self->style.foreground, title, 1.6, TRUE, width,
                  MARGIN, y, BT_ALIGN_START, BT_ALIGN_START);

  return line_height (self, cr, 1.6) + 12;
}

static char *
percent (double share)
{
  return g_strdup_printf (_("%d%%"), bt_number_percent (share));
}

/* One headline number: a small label over a large figure and a note. */
static void
headline (BtReport      *self,
          cairo_t       *cr,
          double         x,
          double         y,
          double         width,
          const char    *label,
          const char    *figure,
          const char    *note,
          const BtColor *figure_color)
{
  const BtChartStyle *style = &self->style;
  double lh = line_height (self, cr, 0.85);

  bt_chart_label (cr, style, &style->muted, label, 0.85, FALSE, width, x, y, BT_ALIGN_START, BT_ALIGN_START);
  bt_chart_label (cr, style, figure_color, figure, 1.5, TRUE, width, x, y + lh + 2, BT_ALIGN_START, BT_ALIGN_START);
  paragraph (self, cr, &style->muted, note, 0.85, FALSE, x, y + lh + line_height (self, cr, 1.5) + 4,
             width, lh * 3.3);
}

static double
section_heading (BtReport   *self,
                 cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      width)
{
  bt_chart_label (cr, &self->style, &self->style.foreground, text, 1.05, TRUE, width,
                  x, y, BT_ALIGN_START, BT_ALIGN_START);

  return line_height (self, cr, 1.05) + 4;
}

static double
bullet (BtReport      *self,
        cairo_t       *cr,
        const BtColor *color,
        const char    *text,
        double         x,
        double         y,
        double         width)
{
  double lh = line_height (self, cr, 0.9);

  bt_chart_set_color (cr, color);
  cairo_arc (cr, x + 3, y + lh / 2, 2.5, 0, 2 * G_PI);
  cairo_fill (cr);
  bt_chart_label (cr, &self->style, &self->style.foreground, text, 0.9, FALSE, width - 12,
                  x + 12, y, BT_ALIGN_START, BT_ALIGN_START);

  return lh + 3;
}

static void
draw_title_page (BtReport *self,
                 cairo_t  *cr,
                 double    page_width,
                 double    page_height)
{
  const BtChartStyle *style = &self->style;
  BtProfile *profile = bt_plan_get_profile (self->plan);
  double width = page_width - 2 * MARGIN, y = content_top (self, cr) + 8, bottom = content_bottom (self, cr, page_height);
  g_autoptr(GArray) shares = bt_analytics_week_shares (self->plan);
  BtTrajectory trajectory = bt_analytics_trajectory (self->plan, shares);
  BtTrend trend = bt_analytics_trend (shares, &self->today, BT_TREND_WEEKS, style->weekly_budget);
  const BtWeekShare *latest = bt_analytics_latest_share (shares, &self->today);
  guint below = bt_analytics_weeks_below (shares, &trajectory, &self->today, style->weekly_budget);
  double target_share = bt_profile_get_target_share (profile);
  const GDate *target_date = bt_profile_get_target_date (profile);
  double column = (width - 24) / 3;

  /* Who and where to */
  {
    const char *name = bt_profile_get_name (profile);
    const char *current = bt_profile_get_current_role (profile);
    const char *target = bt_profile_get_target_role (profile);
    g_autofree char *roles = NULL;

    bt_chart_label (cr, style, &style->foreground, *name ? name : _("Roadmap report"), 2.2, TRUE, width,
                    MARGIN, y, BT_ALIGN_START, BT_ALIGN_START);
    y += line_height (self, cr, 2.2) + 4;

    if (*current && *target && target_date != NULL)
      {
        g_autofree char *when = bt_format_date (target_date);
        /* TRANSLATORS: "Director of Engineering → VP Engineering by 30 Jun 2028" */
        roles = g_strdup_printf (_("%s → %s by %s"), current, target, when);
      }
    else if (*current && *target)
      roles = g_strdup_printf (_("%s → %s"), current, target);
    else
      roles = g_strdup (*target ? target : current);

    if (*roles)
      {
        bt_chart_label (cr, style, &style->muted, roles, 1.2, FALSE, width, MARGIN, y,
                        BT_ALIGN_START, BT_ALIGN_START);
        y += line_height (self, cr, 1.2);
      }
    y += 24;
  }

  /* The headline numbers */
  {
    g_autofree char *share_text = latest ? percent (latest->rolling) : g_strdup ("–");
    g_autofree char *share_note = NULL;
    g_autofree char *trend_text = NULL;
    g_autofree char *trend_note = NULL;
    g_autofree char *projection_text = NULL;
    g_autofree char *projection_note = NULL;
    const BtColor *share_color = &style->foreground;
    GDate projected;

    if (trajectory.valid && latest != NULL)
      {
        g_autofree char *now = percent (bt_trajectory_at (&trajectory, &self->today));
        g_autofree char *goal = percent (target_share);

        /* TRANSLATORS: under the strategic share on the report's first page */
        share_note = g_strdup_printf (_("Strategic share of the last four weeks. The trajectory is at %s "
                                        "today, on its way to %s."), now, goal);
        if (below >= 2)
          share_color = &style->warning;
      }
    else
      share_note = g_strdup (_("Strategic share of the last four weeks."));

    /* Hours that stopped weeks ago: say which weeks, and since when. */
    {
      BtWeeksCovered covered = bt_analytics_weeks_covered (latest, &self->today);

      if (covered.stale)
        {
          g_autofree char *span = bt_weeks_covered_span (&covered);

          g_free (share_note);
          /* TRANSLATORS: under the strategic share on the report's first page, when the hours stopped weeks
           * ago: "Strategic share of weeks 40 to 43. No hours recorded since week 43." */
          share_note = g_strdup_printf (_("Strategic share of %s. No hours recorded since week %d."), span,
                                        covered.last_week);
        }
    }

    if (trend.enough)
      {
        /* TRANSLATORS: the trend of the strategic share, in percentage points a month */
        trend_text = g_strdup_printf (_("%+.1f points"), bt_number_round (trend.slope, 1));
        trend_note = g_strdup_printf (_("A month, fitted over the last %u weeks with hours."), trend.n_points);
      }
    else
      {
        trend_text = g_strdup ("–");
        trend_note = bt_analytics_trend_shortfall (&trend);
      }

    switch (bt_analytics_projection (&trend, target_share, &projected))
      {
      case BT_PROJECTION_REACHED:
        projection_text = g_strdup (_("Reached"));
        projection_note = g_strdup (_("The trend is at or above your target share."));
        break;
      case BT_PROJECTION_ON_DATE:
        projection_text = bt_format_date (&projected);
        if (target_date != NULL && g_date_compare (&projected, target_date) > 0)
          projection_note = g_strdup (_("When the trend reaches your target share: after your target date."));
        else
          projection_note = g_strdup (_("When the trend reaches your target share."));
        break;
      case BT_PROJECTION_NEVER:
        projection_text = g_strdup (_("Not at this trend"));
        projection_note = g_strdup (_("At the current trend the target share is never reached."));
        break;
      case BT_PROJECTION_UNKNOWN:
      default:
        projection_text = g_strdup ("–");
        projection_note = g_strdup_printf (_("Not enough weeks yet: at least %u whole weeks of hours are needed."),
                                           BT_TREND_MIN_WEEKS);
        break;
      }

    headline (self, cr, MARGIN, y, column, _("Strategic share"), share_text, share_note, share_color);
    headline (self, cr, MARGIN + column + 12, y, column, _("Trend"), trend_text, trend_note,
              trend.enough && trend.slope < 0 ? &style->warning : &style->foreground);
    headline (self, cr, MARGIN + 2 * (column + 12), y, column, _("Target share reached"), projection_text,
              projection_note, &style->foreground);
    y += line_height (self, cr, 0.85) * 5.6 + line_height (self, cr, 1.5) + 8;

    if (below >= 2)
      {
        g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Sliding back: %u week in a row below the trajectory.",
                                                                 "Sliding back: %u weeks in a row below the trajectory.",
                                                                 below), below);
        y += paragraph (self, cr, &style->warning, warning, 1.0, TRUE, MARGIN, y, width, 40) + 10;
      }
  }

  /* Milestones, relationships and narratives, one under the other. */
  {
    GListModel *milestones = bt_plan_get_milestones (self->plan);
    double half = width, ly = y + 8, ry;
    guint shown = 0, overdue = 0;

    ly += section_heading (self, cr, _("Next milestones"), MARGIN, ly, half);
    for (guint i = 0; i < g_list_model_get_n_items (milestones) && shown < 6; i++)
      {
        g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
        BtMilestoneStatus status = bt_milestone_get_status (m);
        const GDate *date = bt_milestone_get_date (m);
        g_autofree char *when = NULL;
        g_autofree char *text = NULL;

        if (date == NULL || status == BT_MILESTONE_DONE || status == BT_MILESTONE_DROPPED)
          continue;

        when = bt_format_date (date);
        if (bt_analytics_milestone_overdue (m, &self->today))
          text = g_strdup_printf (_("%s — %s, overdue"), when, bt_milestone_get_title (m));
        else
          text = g_strdup_printf (_("%s — %s"), when, bt_milestone_get_title (m));
        ly += bullet (self, cr, &style->status[status], text, MARGIN, ly, half);
        shown++;
      }
    if (shown == 0)
      ly += paragraph (self, cr, &style->muted, _("No open milestones."), 0.9, FALSE, MARGIN, ly, half, 40);

    ly += 14;
    ly += section_heading (self, cr, _("Overdue relationships"), MARGIN, ly, half);
    overdue = 0;
    for (guint i = 0; i < self->relationships->len; i++)
      {
        BtRelationship *r = g_ptr_array_index (self->relationships, i);

        if (bt_analytics_relationship_state (r, &self->today, NULL) != BT_RELATIONSHIP_OVERDUE)
          continue;
        overdue++;
        /* Leave room for the narratives below. */
        if (overdue > 8)
          continue;
        {
          const char *role = bt_relationship_get_role (r);
          g_autofree char *text = *role ? g_strdup_printf ("%s, %s", bt_relationship_get_name (r), role)
                                        : g_strdup (bt_relationship_get_name (r));
          ly += bullet (self, cr, &style->overdue, text, MARGIN, ly, half);
        }
      }
    if (overdue == 0)
      ly += paragraph (self, cr, &style->muted, _("Nobody is overdue."), 0.9, FALSE, MARGIN, ly, half, 40);
    else if (overdue > 8)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                              overdue - 8), overdue - 8);
        ly += paragraph (self, cr, &style->muted, more, 0.9, FALSE, MARGIN + 12, ly, half, 40);
      }

    /* Narratives */
    ry = ly + 14;
    {
      GListModel *narratives = bt_plan_get_narratives (self->plan);
      double x = MARGIN;

      ry += section_heading (self, cr, _("Narratives"), x, ry, half);
      for (guint i = 0; i < g_list_model_get_n_items (narratives) && ry < bottom - 80; i++)
        {
          g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);
          BtNarrativeStatus status = bt_narrative_get_status (n);
          g_autofree char *text = g_strdup_printf ("%s (%s)", bt_narrative_get_title (n),
                                                   bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, status));

          ry += bullet (self, cr, status == BT_NARRATIVE_LANDED ? &style->fine :
                                  status == BT_NARRATIVE_SHARED ? &style->strategic : &style->muted,
                        text, x, ry, half);
        }
      if (g_list_model_get_n_items (narratives) == 0)
        ry += paragraph (self, cr, &style->muted, _("No narratives yet."), 0.9, FALSE, x, ry, half, 40);

      /* The warning signs the check-ins rate: for the conversation too. */
      {
        BtSignTrend signs[BT_N_WARNING_SIGNS];
        gboolean heading_done = FALSE;

        bt_analytics_warning_signs (self->plan, signs);
        for (guint i = 0; i < BT_N_WARNING_SIGNS && ry + 3 * line_height (self, cr, 0.9) < bottom; i++)
          {
            g_autofree char *how = bt_sign_trend_describe (&signs[i]);

            if (how == NULL)
              continue;
            if (!heading_done)
              {
                ry += 14;
                ry += section_heading (self, cr, _("Warning signs"), x, ry, half);
                heading_done = TRUE;
              }
            /* The sign, and under it how it goes. */
            ry += bullet (self, cr, bt_sign_trend_growing (&signs[i]) ? &style->warning : &style->muted,
                          bt_warning_sign_name (i), x, ry, half);
            ry += paragraph (self, cr, &style->muted, how, 0.85, FALSE, x + 12, ry, half - 12, 40) + 3;
          }
      }

      if (bt_analytics_new_battlefield (self->plan, &self->today))
        {
          ry += 14;
          ry += section_heading (self, cr, _("A signal worth a conversation"), x, ry, half);
          paragraph (self, cr, &style->muted,
                     _("Several business cases have been turned down over six months or more, and none "
                       "funded. That can mean this organisation is not ready to let you grow into the "
                       "next role. It may be worth asking where your case would land."),
                     0.9, FALSE, x, ry, half, bottom - ry);
        }
    }
  }
}

static void
draw_chart_page (BtReport *self,
                 cairo_t  *cr,
                 guint     chart,
                 double    page_width,
                 double    page_height)
{
  double y = content_top (self, cr) + 4;
  double width = page_width - 2 * MARGIN;
  double height;

  y += page_title (self, cr, bt_chart_kind_get_title (chart), y, width);
  height = content_bottom (self, cr, page_height) - y;

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

static void
draw_relationship_page (BtReport   *self,
                        cairo_t    *cr,
                        const Page *page,
                        double      page_width,
                        double      page_height)
{
  const BtChartStyle *style = &self->style;
  double width = page_width - 2 * MARGIN;
  double y = content_top (self, cr) + 4;
  double row_h = table_row_height (self, cr), lh = line_height (self, cr, 0.9);
  /* Column widths as fractions of the page. */
  static const double fractions[] = { 0.23, 0.16, 0.10, 0.18, 0.33 };
  const char *headers[] = { _("Name and role"), _("Function"), _("Strength"), _("Last touchpoint"), _("Next step") };
  double col_x[G_N_ELEMENTS (fractions) + 1];

  col_x[0] = MARGIN;
  for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
    col_x[i + 1] = col_x[i] + width * fractions[i];

  y += page_title (self, cr, _("Relationships"), y, width);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    bt_chart_label (cr, style, &style->muted, headers[c], 0.8, TRUE, col_x[c + 1] - col_x[c] - 6,
                    col_x[c], y + row_h / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
  y += row_h;
  bt_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + width, y);
  cairo_stroke (cr);

  for (guint i = page->index; i < page->index + page->count; i++)
    {
      BtRelationship *r = g_ptr_array_index (self->relationships, i);
      GDate last, due, meeting;
      BtRelationshipState state = bt_analytics_relationship_state (r, &self->today, &due);
      const BtColor *state_color = state == BT_RELATIONSHIP_OVERDUE ? &style->overdue :
                                   state == BT_RELATIONSHIP_DUE_SOON ? &style->due_soon :
                                   state == BT_RELATIONSHIP_NOT_YET ? &style->muted : &style->fine;
      g_autofree char *strength = g_strdup_printf (_("%d of 5"), bt_relationship_get_strength (r));
      g_autofree char *last_text = NULL;
      g_autofree char *state_text = NULL;
      g_autofree char *due_text = NULL;
      const char *next = bt_relationship_get_next_step (r);
      const GDate *next_due = bt_relationship_get_next_step_due (r);

      if ((i - page->index) % 2 == 1)
        {
          bt_chart_set_color_alpha (cr, &style->band, 0.7);
          cairo_rectangle (cr, MARGIN, y, width, row_h);
          cairo_fill (cr);
        }

      last_text = bt_analytics_last_touchpoint (r, &self->today, &last) ? bt_format_date (&last)
                                                                        : g_strdup (_("Never"));
      /* a meeting planned in time says more than "due"; one after someone
       * is due or late says less */
      if ((state == BT_RELATIONSHIP_FINE || state == BT_RELATIONSHIP_NOT_YET) &&
          bt_analytics_next_meeting (r, &self->today, &meeting))
        {
          g_autofree char *d = bt_format_date (&meeting);
          /* TRANSLATORS: a touchpoint dated after the report's day */
          state_text = g_strdup_printf (_("Meeting planned %s"), d);
        }
      else if (state == BT_RELATIONSHIP_OVERDUE)
        state_text = g_strdup (_("Overdue"));
      else if (state == BT_RELATIONSHIP_NOT_YET)
        state_text = g_strdup (_("Not yet in touch"));
      else if (g_date_valid (&due))
        {
          g_autofree char *d = bt_format_date (&due);
          /* TRANSLATORS: when the next touchpoint with someone is due */
          state_text = g_strdup_printf (_("Due %s"), d);
        }

      bt_chart_label (cr, style, &style->foreground, bt_relationship_get_name (r), 0.9, TRUE,
                      col_x[1] - col_x[0] - 8, col_x[0], y + 4, BT_ALIGN_START, BT_ALIGN_START);
      bt_chart_label (cr, style, &style->muted, bt_relationship_get_role (r), 0.85, FALSE,
                      col_x[1] - col_x[0] - 8, col_x[0], y + 4 + lh, BT_ALIGN_START, BT_ALIGN_START);
      bt_chart_label (cr, style, &style->foreground,
                      bt_enum_to_label (BT_TYPE_FUNCTION, bt_relationship_get_function (r)), 0.9, FALSE,
                      col_x[2] - col_x[1] - 8, col_x[1], y + 4, BT_ALIGN_START, BT_ALIGN_START);
      bt_chart_label (cr, style, &style->foreground, strength, 0.9, FALSE,
                      col_x[3] - col_x[2] - 8, col_x[2], y + 4, BT_ALIGN_START, BT_ALIGN_START);
      bt_chart_label (cr, style, &style->foreground, last_text, 0.9, FALSE,
                      col_x[4] - col_x[3] - 8, col_x[3], y + 4, BT_ALIGN_START, BT_ALIGN_START);
      if (state_text != NULL)
        bt_chart_label (cr, style, state_color, state_text, 0.85, state == BT_RELATIONSHIP_OVERDUE,
                        col_x[4] - col_x[3] - 8, col_x[3], y + 4 + lh, BT_ALIGN_START, BT_ALIGN_START);
      bt_chart_label (cr, style, &style->foreground, *next ? next : "—", 0.9, FALSE,
                      col_x[5] - col_x[4] - 4, col_x[4], y + 4, BT_ALIGN_START, BT_ALIGN_START);
      if (next_due != NULL)
        {
          due_text = bt_format_date (next_due);
          bt_chart_label (cr, style, &style->muted, due_text, 0.85, FALSE,
                          col_x[5] - col_x[4] - 4, col_x[4], y + 4 + lh, BT_ALIGN_START, BT_ALIGN_START);
        }

      y += row_h;
    }
}

static void
draw_case_page (BtReport *self,
                cairo_t  *cr,
                guint     index,
                double    page_width,
                double    page_height)
{
  const BtChartStyle *style = &self->style;
  BtBusinessCase *bc = g_ptr_array_index (self->cases, index);
  BtCaseStatus status = bt_business_case_get_status (bc);
  BtCaseTotals totals = bt_analytics_case_totals (bc);
  GListModel *rows = bt_business_case_get_cost_rows (bc);
  guint n_rows = g_list_model_get_n_items (rows);
  double width = page_width - 2 * MARGIN, y = content_top (self, cr) + 4;
  double bottom = content_bottom (self, cr, page_height), lh = line_height (self, cr, 0.95);
  double table_h = (n_rows + 2) * (lh + 8) + 3 * lh;
  const struct { const char *heading; const char *text; } sections[] = {
    { _("The problem"), bt_business_case_get_problem (bc) },
    { _("What it costs now"), bt_business_case_get_cost (bc) },
    { _("Proposed solution"), bt_business_case_get_solution (bc) },
    { _("The ask"), bt_business_case_get_ask (bc) },
    { _("The return"), bt_business_case_get_expected_return (bc) },
  };
  double text_room;
  guint n_sections = 0;

  y += page_title (self, cr, bt_business_case_get_title (bc), y, width);
  {
    g_autofree char *line = NULL;
    const GDate *proposed = bt_business_case_get_proposed_on (bc);
    const GDate *decided = bt_business_case_get_decided_on (bc);
    g_autofree char *p = proposed ? bt_format_date (proposed) : NULL;
    g_autofree char *d = decided ? bt_format_date (decided) : NULL;
    const char *status_label = bt_enum_to_label (BT_TYPE_CASE_STATUS, status);

    if (p && d)
      line = g_strdup_printf (_("Business case · %s · proposed %s, decided %s"), status_label, p, d);
    else if (p)
      line = g_strdup_printf (_("Business case · %s · proposed %s"), status_label, p);
    else
      line = g_strdup_printf (_("Business case · %s"), status_label);
    bt_chart_label (cr, style, &style->muted, line, 0.95, FALSE, width, MARGIN, y, BT_ALIGN_START, BT_ALIGN_START);
    y += lh + 14;
  }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    n_sections += *sections[i].text != '\0';
  text_room = MAX (bottom - y - table_h, 40);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      double share;

      if (*sections[i].text == '\0')
        continue;
      share = text_room / MAX (n_sections, 1) - lh - 14;
      y += section_heading (self, cr, sections[i].heading, MARGIN, y, width);
      y += paragraph (self, cr, &style->foreground, sections[i].text, 0.95, FALSE, MARGIN, y, width,
                      MAX (share, lh)) + 12;
    }

  /* The cost table */
  {
    double col[] = { MARGIN, MARGIN + width * 0.46, MARGIN + width * 0.64, MARGIN + width * 0.82, MARGIN + width };
    const char *headers[] = { _("Monthly cost"), _("Now"), _("Projected"), _("Saving") };
    double row = lh + 8;

    y += 6;
    y += section_heading (self, cr, _("Cost per month, now and projected"), MARGIN, y, width);

    for (guint c = 0; c < 4; c++)
      bt_chart_label (cr, style, &style->muted, headers[c], 0.85, TRUE, col[c + 1] - col[c] - 8,
                      c == 0 ? col[c] : col[c + 1] - 8, y + row / 2,
                      c == 0 ? BT_ALIGN_START : BT_ALIGN_END, BT_ALIGN_CENTER);
    y += row;
    bt_chart_set_color (cr, &style->foreground);
    cairo_set_line_width (cr, 0.75);
    cairo_move_to (cr, MARGIN, y);
    cairo_line_to (cr, MARGIN + width, y);
    cairo_stroke (cr);

    for (guint i = 0; i <= n_rows; i++)
      {
        g_autoptr(BtCostRow) cost_row = i < n_rows ? g_list_model_get_item (rows, i) : NULL;
        double now = 0, projected = 0;
        const char *metric;
        g_autofree char *now_text = NULL;
        g_autofree char *projected_text = NULL;
        g_autofree char *saving_text = NULL;
        const char *cells[3];

        if (cost_row != NULL)
          {
            now = bt_cost_row_get_current_monthly (cost_row);
            projected = bt_cost_row_get_projected_monthly (cost_row);
            metric = bt_cost_row_get_metric (cost_row);
          }
        else
          {
            for (guint j = 0; j < n_rows; j++)
              {
                g_autoptr(BtCostRow) r = g_list_model_get_item (rows, j);
                now += bt_cost_row_get_current_monthly (r);
                projected += bt_cost_row_get_projected_monthly (r);
              }
            metric = _("Total");
            bt_chart_set_color (cr, &style->foreground);
            cairo_move_to (cr, MARGIN, y);
            cairo_line_to (cr, MARGIN + width, y);
            cairo_stroke (cr);
          }

        cells[0] = now_text = bt_format_amount (now);
        cells[1] = projected_text = bt_format_amount (projected);
        cells[2] = saving_text = bt_format_amount (now - projected);
        bt_chart_label (cr, style, &style->foreground, metric, 0.9, cost_row == NULL, col[1] - col[0] - 8,
                        col[0], y + row / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
        for (guint c = 0; c < 3; c++)
          bt_chart_label (cr, style, c == 2 && now - projected < 0 ? &style->warning : &style->foreground,
                          cells[c], 0.9, cost_row == NULL, col[c + 2] - col[c + 1] - 8,
                          col[c + 2] - 8, y + row / 2, BT_ALIGN_END, BT_ALIGN_CENTER);
        y += row;
      }

    {
      g_autofree char *yearly = bt_format_amount (fabs (totals.yearly_savings));
      g_autofree char *summary = NULL;

      if (round (totals.monthly_savings) < 0)
        /* TRANSLATORS: a business case that costs more than it saves; %s is an amount */
        summary = g_strdup_printf (_("It costs %s more a year than now."), yearly);
      else if (!isnan (totals.payback_months))
        summary = g_strdup_printf (_("%s a year saved; the ask pays back in %.1f months."),
                                   yearly, totals.payback_months);
      else
        summary = g_strdup_printf (_("%s a year saved."), yearly);
      bt_chart_label (cr, style, &style->foreground, summary, 0.95, TRUE, width, MARGIN, y + 6,
                      BT_ALIGN_START, BT_ALIGN_START);
    }
  }
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
      draw_title_page (self, cr, page_width, page_height);
      break;
    case BT_REPORT_PAGE_CHART:
      draw_chart_page (self, cr, p->index, page_width, page_height);
      break;
    case BT_REPORT_PAGE_RELATIONSHIPS:
      draw_relationship_page (self, cr, p, page_width, page_height);
      break;
    case BT_REPORT_PAGE_BUSINESS_CASE:
    default:
      draw_case_page (self, cr, p->index, page_width, page_height);
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
