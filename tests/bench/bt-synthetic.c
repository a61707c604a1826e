/* bt-synthetic.c — plans of any size, for benchmarks
 *
 * Scale 1 is ten years of a busy director: 520 weeks, 200 relationships
 * with 10 touchpoints each, 100 milestones, 50 narratives with a business
 * case each. The same seed gives the same plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "bt-date.h"
#include "bt-synthetic.h"

static const char *words[] = {
  "platform", "reliability", "revenue", "customer", "migration", "pricing", "roadmap", "budget",
  "hiring", "onboarding", "latency", "checkout", "partner", "security", "compliance", "forecast",
};

static char *
phrase (GRand *rand,
        guint  n_words)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  s->str[0] = g_ascii_toupper (s->str[0]);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
set_date (GDate *date,
          GDate *base,
          int    offset_days)
{
  *date = *base;
  if (offset_days >= 0)
    g_date_add_days (date, offset_days);
  else
    g_date_subtract_days (date, -offset_days);
}

BtPlan *
bt_synthetic_plan (double  scale,
                   guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  BtPlan *plan = bt_plan_new_default ();
  BtProfile *profile = bt_plan_get_profile (plan);
  GListModel *categories = bt_plan_get_categories (plan);
  guint n_categories = g_list_model_get_n_items (categories);
  g_autofree const char **category_ids = g_new0 (const char *, n_categories);
  guint n_weeks = (guint) (520 * scale), n_relationships = (guint) (200 * scale);
  guint n_milestones = (guint) (100 * scale), n_narratives = (guint) (50 * scale);
  g_autoptr(GPtrArray) weeks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GDate start, end, today, d;

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, 30, G_DATE_NOVEMBER, 2016);
  today = start;
  g_date_add_days (&today, n_weeks * 7);
  end = today;
  g_date_add_years (&end, 2);

  bt_profile_set_name (profile, "Synthetic Director");
  bt_profile_set_current_role (profile, "Director of Engineering");
  bt_profile_set_target_role (profile, "VP Engineering");
  bt_profile_set_target_date (profile, &end);
  bt_profile_set_birth_year (profile, 1980);
  bt_profile_set_target_share (profile, 0.55);

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BtItem) c = g_list_model_get_item (categories, i);
      category_ids[i] = bt_item_get_id (c);
    }

  for (guint i = 0; i < 3 * MAX (1, (guint) scale); i++)
    {
      g_autoptr(BtPhase) phase = bt_phase_new ();
      g_autofree char *title = phrase (rand, 3);

      bt_phase_set_title (phase, title);
      set_date (&d, &start, i * 700);
      bt_phase_set_start (phase, &d);
      set_date (&d, &start, i * 700 + 699);
      bt_phase_set_end (phase, &d);
      g_ptr_array_add (items, g_steal_pointer (&phase));
    }
  bt_item_list_splice (BT_ITEM_LIST (bt_plan_get_phases (plan)), 0, 0, items->pdata, items->len);
  g_ptr_array_set_size (items, 0);

  for (guint i = 0; i < n_milestones; i++)
    {
      g_autoptr(BtMilestone) m = bt_milestone_new ();
      g_autofree char *title = phrase (rand, 5);

      bt_milestone_set_title (m, title);
      set_date (&d, &start, g_rand_int_range (rand, 0, n_weeks * 7 + 700));
      bt_milestone_set_date (m, &d);
      bt_milestone_set_status (m, g_rand_int_range (rand, BT_MILESTONE_PLANNED, BT_MILESTONE_DROPPED + 1));
      if (bt_milestone_get_status (m) == BT_MILESTONE_SLIPPED)
        {
          g_date_subtract_days (&d, 60);
          bt_milestone_set_original_date (m, &d);
        }
      g_ptr_array_add (items, g_steal_pointer (&m));
    }
  bt_item_list_splice (BT_ITEM_LIST (bt_plan_get_milestones (plan)), 0, 0, items->pdata, items->len);
  g_ptr_array_set_size (items, 0);

  d = start;
  for (guint i = 0; i < n_weeks; i++)
    {
      int y, w;
      BtWeek *week;
      double strategic_share = 0.2 + 0.3 * i / MAX (n_weeks, 1);

      bt_iso_week_of_date (&d, &y, &w);
      week = bt_week_new (y, w);
      for (guint c = 0; c < n_categories; c++)
        {
          gboolean strategic = c >= 4;
          double hours = (strategic ? strategic_share / 6 : (1 - strategic_share) / 4) * 50;

          hours = floor ((hours + g_rand_double_range (rand, -1, 1)) * 2) / 2;
          if (hours > 0)
            bt_week_set_hours (week, category_ids[c], hours);
        }
      g_ptr_array_add (weeks, week);
      g_date_add_days (&d, 7);
    }
  bt_item_list_splice (BT_ITEM_LIST (bt_plan_get_weeks (plan)), 0, 0, weeks->pdata, weeks->len);

  for (guint i = 0; i < n_relationships; i++)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();
      g_autoptr(GPtrArray) touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *name = g_strdup_printf ("Person %u %s", i, words[i % G_N_ELEMENTS (words)]);
      g_autofree char *step = phrase (rand, 6);

      bt_relationship_set_name (r, name);
      bt_relationship_set_role (r, "Head of something important");
      bt_relationship_set_function (r, g_rand_int_range (rand, 0, BT_N_FUNCTIONS));
      bt_relationship_set_strength (r, g_rand_int_range (rand, 1, 6));
      bt_relationship_set_cadence_days (r, g_rand_int_range (rand, 7, 60));
      bt_relationship_set_next_step (r, step);
      for (guint t = 0; t < 10; t++)
        {
          BtTouchpoint *tp = bt_touchpoint_new ();
          g_autofree char *note = phrase (rand, 8);

          set_date (&d, &today, -g_rand_int_range (rand, 1, 720));
          bt_touchpoint_set_date (tp, &d);
          bt_touchpoint_set_note (tp, note);
          g_ptr_array_add (touchpoints, tp);
        }
      bt_item_list_splice (BT_ITEM_LIST (bt_relationship_get_touchpoints (r)), 0, 0,
                           touchpoints->pdata, touchpoints->len);
      g_ptr_array_add (items, g_steal_pointer (&r));
    }
  bt_item_list_splice (BT_ITEM_LIST (bt_plan_get_relationships (plan)), 0, 0, items->pdata, items->len);
  g_ptr_array_set_size (items, 0);

  for (guint i = 0; i < n_narratives; i++)
    {
      g_autoptr(BtNarrative) n = bt_narrative_new ();
      g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
      g_autofree char *title = phrase (rand, 4);
      g_autofree char *problem = phrase (rand, 30);

      bt_narrative_set_title (n, title);
      bt_narrative_set_audience (n, "Executive staff");
      bt_narrative_set_status (n, g_rand_int_range (rand, 0, 3));
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(BtImpactStatement) s = bt_impact_statement_new ();
          g_autofree char *summary = phrase (rand, 8);

          bt_impact_statement_set_summary (s, summary);
          bt_impact_statement_set_impact_value (s, g_rand_int_range (rand, 1000, 100000));
          bt_item_list_append (BT_ITEM_LIST (bt_narrative_get_impact_statements (n)), s);
        }
      bt_business_case_set_title (bc, title);
      bt_business_case_set_problem (bc, problem);
      bt_business_case_set_status (bc, g_rand_int_range (rand, 0, 4));
      bt_business_case_set_ask_cost (bc, g_rand_int_range (rand, 10000, 200000));
      set_date (&d, &today, -g_rand_int_range (rand, 30, 900));
      bt_business_case_set_proposed_on (bc, &d);
      for (guint k = 0; k < 2; k++)
        {
          g_autoptr(BtCostRow) row = bt_cost_row_new ();
          double now = g_rand_int_range (rand, 5000, 50000);

          bt_cost_row_set_metric (row, "Licences and time");
          bt_cost_row_set_current_monthly (row, now);
          bt_cost_row_set_projected_monthly (row, now * g_rand_double_range (rand, 0.3, 0.9));
          bt_item_list_append (BT_ITEM_LIST (bt_business_case_get_cost_rows (bc)), row);
        }
      bt_item_list_append (BT_ITEM_LIST (bt_narrative_get_business_cases (n)), bc);
      g_ptr_array_add (items, g_steal_pointer (&n));
    }
  bt_item_list_splice (BT_ITEM_LIST (bt_plan_get_narratives (plan)), 0, 0, items->pdata, items->len);

  return plan;
}
