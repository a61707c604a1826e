/* bt-report-title.c — the report's first page
 *
 * Who, where to and by when; the headline numbers (strategic share, trend,
 * when the target share is reached); the next milestones, who is overdue,
 * the narratives and the warning signs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-chart.h"
#include "bt-number.h"
#include "bt-report-private.h"

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
  double lh = bt_report_line_height (self, cr, 0.85);

  bt_chart_label (cr, style, &style->muted, label, 0.85, FALSE, width, x, y, BT_ALIGN_START, BT_ALIGN_START);
  bt_chart_label (cr, style, figure_color, figure, 1.5, TRUE, width, x, y + lh + 2, BT_ALIGN_START, BT_ALIGN_START);
  bt_report_paragraph (self, cr, &style->muted, note, 0.85, FALSE, x,
                       y + lh + bt_report_line_height (self, cr, 1.5) + 4, width, lh * 3.3);
}

void
bt_report_draw_title_page (BtReport *self,
                           cairo_t  *cr,
                           double    page_width,
                           double    page_height)
{
  const BtChartStyle *style = &self->style;
  BtProfile *profile = bt_plan_get_profile (self->plan);
  double width = page_width - 2 * MARGIN, y = bt_report_content_top (self, cr) + 8;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  g_autoptr(GArray) shares = bt_analytics_week_shares (self->plan);
  BtTrajectory trajectory = bt_analytics_trajectory (self->plan, shares, style->weekly_budget);
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

    /* A long name or role wraps: never cut short. */
    y += bt_report_paragraph (self, cr, &style->foreground, *name ? name : _("Roadmap report"), 2.2, TRUE,
                              MARGIN, y, width, BT_REPORT_NO_LIMIT) + 4;

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
        y += bt_report_paragraph (self, cr, &style->muted, roles, 1.2, FALSE, MARGIN, y, width,
                                  BT_REPORT_NO_LIMIT);
      }
    /* The share aimed for, stated even before there are hours to show
     * the trajectory's way to it. */
    {
      g_autofree char *goal = bt_report_percent (target_share);
      /* TRANSLATORS: on the report's first page, under the roles; %s is a percentage, "55%" */
      g_autofree char *aim = g_strdup_printf (_("Aiming for %s of the tracked hours to be strategic"), goal);

      y += 2 + bt_report_paragraph (self, cr, &style->muted, aim, 1.0, FALSE, MARGIN, y + 2, width,
                                    BT_REPORT_NO_LIMIT);
    }
    y += 24;
  }

  /* The headline numbers */
  {
    g_autofree char *share_text = latest ? bt_report_percent (latest->rolling) : g_strdup ("–");
    g_autofree char *share_note = NULL;
    g_autofree char *trend_text = NULL;
    g_autofree char *trend_note = NULL;
    g_autofree char *projection_text = NULL;
    g_autofree char *projection_note = NULL;
    const BtColor *share_color = &style->foreground;
    GDate projected;

    if (trajectory.valid && latest != NULL)
      {
        g_autofree char *now = bt_report_percent (bt_trajectory_at (&trajectory, &self->today));
        g_autofree char *goal = bt_report_percent (target_share);

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
        g_autofree char *slope = bt_number_format_signed (trend.slope, 1);

        /* TRANSLATORS: the trend of the strategic share, in percentage points a month;
         * %s is a change with its sign, "+1.2" or "−1.2" */
        trend_text = g_strdup_printf (_("%s points"), slope);
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
    y += bt_report_line_height (self, cr, 0.85) * 5.6 + bt_report_line_height (self, cr, 1.5) + 8;

    if (below >= 2)
      {
        g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                 "Sliding back: the last %u week with hours was below the trajectory.",
                                                                 "Sliding back: the last %u weeks with hours were all below the trajectory.",
                                                                 below), below);
        y += bt_report_paragraph (self, cr, &style->warning, warning, 1.0, TRUE, MARGIN, y, width, 40) + 10;
      }
  }

  /* Milestones, relationships and narratives, one under the other. */
  {
    g_autoptr(GPtrArray) next = bt_analytics_next_milestones (self->plan, &self->today);
    double half = width, ly = y + 8, ry;
    guint shown = 0, overdue = 0;

    ly += bt_report_section_heading (self, cr, _("Next milestones"), MARGIN, ly, half);
    for (guint i = 0; i < next->len && shown < 6; i++)
      {
        BtMilestone *m = g_ptr_array_index (next, i);
        BtMilestoneStatus status = bt_milestone_get_status (m);
        const GDate *date = bt_milestone_get_date (m);
        g_autofree char *when = NULL;
        g_autofree char *text = NULL;

        when = bt_format_date (date);
        if (bt_analytics_milestone_overdue (m, &self->today))
          text = g_strdup_printf (_("%s — %s, overdue"), when, bt_milestone_get_title (m));
        else
          text = g_strdup_printf (_("%s — %s"), when, bt_milestone_get_title (m));
        ly += bt_report_bullet (self, cr, &style->status[status], text, MARGIN, ly, half);
        shown++;
      }
    if (shown == 0)
      ly += bt_report_paragraph (self, cr, &style->muted, _("No open milestones."), 0.9, FALSE, MARGIN, ly, half, 40);

    ly += 14;
    ly += bt_report_section_heading (self, cr, _("Overdue relationships"), MARGIN, ly, half);
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
          ly += bt_report_bullet (self, cr, &style->overdue, text, MARGIN, ly, half);
        }
      }
    if (overdue == 0)
      ly += bt_report_paragraph (self, cr, &style->muted, _("Nobody is overdue."), 0.9, FALSE, MARGIN, ly, half, 40);
    else if (overdue > 8)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                              overdue - 8), overdue - 8);
        ly += bt_report_paragraph (self, cr, &style->muted, more, 0.9, FALSE, MARGIN + 12, ly, half, 40);
      }

    /* Narratives */
    ry = ly + 14;
    {
      GListModel *narratives = bt_plan_get_narratives (self->plan);
      double x = MARGIN;

      ry += bt_report_section_heading (self, cr, _("Narratives"), x, ry, half);
      for (guint i = 0; i < g_list_model_get_n_items (narratives) && ry < bottom - 80; i++)
        {
          g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);
          BtNarrativeStatus status = bt_narrative_get_status (n);
          g_autofree char *text = g_strdup_printf ("%s (%s)", bt_narrative_get_title (n),
                                                   bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, status));

          ry += bt_report_bullet (self, cr, status == BT_NARRATIVE_LANDED ? &style->fine :
                                  status == BT_NARRATIVE_SHARED ? &style->strategic : &style->muted,
                        text, x, ry, half);
        }
      if (g_list_model_get_n_items (narratives) == 0)
        ry += bt_report_paragraph (self, cr, &style->muted, _("No narratives yet."), 0.9, FALSE, x, ry, half, 40);

      /* The warning signs the check-ins rate: for the conversation too. */
      {
        BtSignTrend signs[BT_N_WARNING_SIGNS];
        gboolean heading_done = FALSE;

        bt_analytics_warning_signs (self->plan, signs);
        for (guint i = 0; i < BT_N_WARNING_SIGNS && ry + 3 * bt_report_line_height (self, cr, 0.9) < bottom; i++)
          {
            g_autofree char *how = bt_sign_trend_describe (&signs[i]);

            if (how == NULL)
              continue;
            if (!heading_done)
              {
                ry += 14;
                ry += bt_report_section_heading (self, cr, _("Warning signs"), x, ry, half);
                heading_done = TRUE;
              }
            /* The sign, and under it how it goes. */
            ry += bt_report_bullet (self, cr, bt_sign_trend_growing (&signs[i]) ? &style->warning : &style->muted,
                          bt_warning_sign_name (i), x, ry, half);
            ry += bt_report_paragraph (self, cr, &style->muted, how, 0.85, FALSE, x + 12, ry, half - 12, 40) + 3;
          }
      }

      if (bt_analytics_new_battlefield (self->plan, &self->today))
        {
          ry += 14;
          ry += bt_report_section_heading (self, cr, _("A signal worth a conversation"), x, ry, half);
          bt_report_paragraph (self, cr, &style->muted,
                     _("Several business cases have been turned down over six months or more, and none "
                       "funded. That can mean this organisation is not ready to let you grow into the "
                       "next role. It may be worth asking where your case would land."),
                     0.9, FALSE, x, ry, half, bottom - ry);
        }
    }
  }
}
