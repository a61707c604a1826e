/* bt-chart-row.c — how a row of a chart page reads
 *
 * A row's title and subtitle, from the item it shows: a milestone's date
 * and status, a phase's span, a week's hours, a person's function and next
 * step, an import rule's match and category.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-chart-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-chart-row.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-report.h"

/**
 * bt_chart_row_milestone_status:
 *
 * A milestone that moved later says where it was first planned, as the
 * roadmap does: "Slipped" alone would not say how far.
 *
 * Returns: @milestone's status, and the date it was first planned for when
 *   it moved later: "In progress", "Slipped from 20 Mar",
 *   "Done · slipped from 9 Aug 2027"
 */
char *
bt_chart_row_milestone_status (BtMilestone *milestone)
{
  BtMilestoneStatus status = bt_milestone_get_status (milestone);
  const char *label = bt_enum_to_label (BT_TYPE_MILESTONE_STATUS, status);
  g_autofree char *first = bt_format_first_planned (milestone);
  g_autofree char *slipped = NULL;

  if (first == NULL)
    return g_strdup (label);

  /* Alone, in place of the status, it starts as a status does. */
  if (status == BT_MILESTONE_SLIPPED)
    /* TRANSLATORS: a slipped milestone's status in its row, with the date it
     * was first planned for (its year only when not the year of the
     * milestone's date): "15 May 2026 · Slipped from 20 Mar" */
    return g_strdup_printf (_("Slipped from %s"), first);
  /* TRANSLATORS: after a milestone's status in its row, the date it was
   * first planned for: "1 Sep 2027 · Done · slipped from 30 Jun 2026" */
  slipped = g_strdup_printf (_("slipped from %s"), first);

  /* A milestone that moved and is done, say, is both. */
  return g_strdup_printf ("%s · %s", label, slipped);
}

void
bt_chart_row_describe (BtPlan  *plan,
                       BtItem  *item,
                       char   **title,
                       char   **subtitle)
{
  GDate day;

  bt_today (&day);

  if (BT_IS_MILESTONE (item))
    {
      BtMilestone *m = BT_MILESTONE (item);
      const GDate *date = bt_milestone_get_date (m);
      g_autofree char *when = date ? bt_format_date (date) : g_strdup (_("No date"));
      g_autofree char *status = bt_chart_row_milestone_status (m);

      *title = g_markup_escape_text (bt_milestone_get_title (m), -1);
      /* What is late stands out in bold, in a list of rows alike. */
      if (bt_analytics_milestone_overdue (m, &day))
        /* TRANSLATORS: after a milestone's date and status in its row */
        *subtitle = g_strdup_printf ("%s · %s · <b>%s</b>", when, status, C_("milestone", "overdue"));
      else
        *subtitle = g_strdup_printf ("%s · %s", when, status);
    }
  else if (BT_IS_WEEK (item))
    {
      BtWeek *week = BT_WEEK (item);
      double total = bt_week_get_total_hours (week);
      const char *note = bt_week_get_note (week);
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      *title = g_strdup (bt_week_get_week (week));
      /* TRANSLATORS: a week's total hours, then its note if any */
      *subtitle = *note ? g_strdup_printf (_("%g hours · %s"), total, escaped)
                        : g_strdup_printf (_("%g hours"), total);
      if (bt_analytics_is_partial_week (total, bt_application_get_weekly_budget ()))
        {
          char *partial = g_strdup_printf ("%s · %s", *subtitle,
                                           /* TRANSLATORS: after a week's hours in the list of weeks */
                                           _("a partial week: under half your weekly budget, it counts by its hours"));

          g_free (*subtitle);
          *subtitle = partial;
        }
    }
  else if (BT_IS_RELATIONSHIP (item))
    {
      BtRelationship *r = BT_RELATIONSHIP (item);
      GDate due;
      BtRelationshipState state = bt_analytics_relationship_state (r, &day, &due);
      const char *role = bt_relationship_get_role (r);
      const char *function = bt_enum_to_label (BT_TYPE_FUNCTION, bt_relationship_get_function (r));
      g_autofree char *state_text = NULL;
      g_autofree char *escaped_role = g_markup_escape_text (role, -1);
      GDate meeting;

      if (state == BT_RELATIONSHIP_OVERDUE)
        {
          guint late = bt_analytics_days_overdue (r, &day);

          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %u day",
                                                                "overdue by %u days", late), late);

          state_text = g_markup_printf_escaped ("<b>%s</b>", text);
        }
      else if (!g_date_valid (&due))
        state_text = g_strdup (_("no touchpoint yet"));
      else
        {
          g_autofree char *d = bt_format_date (&due);
          state_text = g_strdup_printf (_("next by %s"), d);
        }

      /* a touchpoint after today is a meeting planned, not contact made */
      if (bt_analytics_next_meeting (r, &day, &meeting))
        {
          g_autofree char *d = bt_format_date (&meeting);
          /* TRANSLATORS: where someone stands, then the date of a meeting planned */
          char *planned = g_strdup_printf (_("%s · meeting planned %s"), state_text, d);

          g_free (state_text);
          state_text = planned;
        }

      /* a next step past its date shows here, as on the overview */
      {
        const GDate *step_due = bt_relationship_get_next_step_due (r);

        if (step_due != NULL && *bt_relationship_get_next_step (r) != '\0' && g_date_compare (step_due, &day) < 0)
          {
            g_autofree char *d = bt_format_date (step_due);
            /* TRANSLATORS: where someone stands, then the date their next step was due */
            char *late = g_strdup_printf (_("%s · next step was due %s"), state_text, d);

            g_free (state_text);
            state_text = late;
          }
      }

      *title = g_markup_escape_text (bt_relationship_get_name (r), -1);
      *subtitle = *role ? g_strdup_printf ("%s · %s · %s", escaped_role, function, state_text)
                        : g_strdup_printf ("%s · %s", function, state_text);
    }
  else if (BT_IS_NARRATIVE (item))
    {
      BtNarrative *n = BT_NARRATIVE (item);
      guint impacts = g_list_model_get_n_items (bt_narrative_get_impact_statements (n));
      guint cases = g_list_model_get_n_items (bt_narrative_get_business_cases (n));
      const char *status = bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, bt_narrative_get_status (n));
      g_autofree char *impacts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u impact statement",
                                                                    "%u impact statements", impacts), impacts);

      *title = g_markup_escape_text (bt_narrative_get_title (n), -1);
      *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %u business case",
                                                "%s · %s · %u business cases", cases),
                                   status, impacts_text, cases);
    }
  else if (BT_IS_PHASE (item))
    {
      BtPhase *phase = BT_PHASE (item);
      const GDate *start = bt_phase_get_start (phase), *end = bt_phase_get_end (phase);
      g_autofree char *from = start ? bt_format_date (start) : g_strdup ("…");
      g_autofree char *to = end ? bt_format_date (end) : g_strdup ("…");

      *title = g_markup_escape_text (bt_phase_get_title (phase), -1);
      /* TRANSLATORS: a phase's span, "1 Jul 2026 – 30 Sep 2027" */
      *subtitle = g_strdup_printf (_("%s – %s"), from, to);
    }
  else if (BT_IS_CATEGORY (item))
    {
      BtCategory *category = BT_CATEGORY (item);

      *title = g_markup_escape_text (bt_category_get_name (category), -1);
      *subtitle = g_strdup (bt_enum_to_label (BT_TYPE_CATEGORY_KIND, bt_category_get_kind (category)));
    }
  else if (BT_IS_IMPORT_RULE (item))
    {
      BtImportRule *rule = BT_IMPORT_RULE (item);
      BtCategory *category = plan ? bt_plan_find_by_id (bt_plan_get_categories (plan),
                                                              bt_import_rule_get_category (rule)) : NULL;
      const char *pattern = bt_import_rule_get_pattern (rule);

      if (*pattern == '\0' && bt_import_rule_get_match (rule) == BT_RULE_RELATIONSHIP)
        *title = g_strdup (_("Anyone from your relationships"));
      else
        *title = g_markup_escape_text (pattern, -1);
      /* TRANSLATORS: an import rule: what it looks at → the category */
      *subtitle = g_markup_printf_escaped (_("%s → %s"),
                                           bt_enum_to_label (BT_TYPE_RULE_MATCH, bt_import_rule_get_match (rule)),
                                           category ? bt_category_get_name (category)
                                                    : _("a category that no longer exists"));
    }
  else
    {
      *title = g_strdup ("");
      *subtitle = g_strdup ("");
    }
}
