/* test-markdown.c — impact statements and business cases as Markdown
 *
 * Plans built here; the expected text is written out by hand, in the C
 * locale of the tests (money: the symbol first, no grouping).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bt-markdown.h"

static BtImpactStatement *
statement (void)
{
  BtImpactStatement *s = bt_impact_statement_new ();

  bt_impact_statement_set_summary (s, "Checkout availability from 99.5 % to 99.95 %");
  bt_impact_statement_set_technical_detail (s, "Multi-region failover");
  bt_impact_statement_set_business_impact (s, "Revenue kept during peak sales");
  bt_impact_statement_set_impact_value (s, 180000);
  bt_impact_statement_set_impact_unit (s, "per hour of downtime avoided");

  return s;
}

static void
test_impact_statement (void)
{
  g_autoptr(BtImpactStatement) s = statement ();
  g_autofree char *text = bt_markdown_impact_statement (s);

  g_assert_cmpstr (text, ==,
                   "## Summary\n\n"
                   "Checkout availability from 99.5 % to 99.95 %\n\n"
                   "## Technical details\n\n"
                   "Multi-region failover\n\n"
                   "## Business impact\n\n"
                   "Revenue kept during peak sales\n\n"
                   "**180000 per hour of downtime avoided**\n");

  /* What is not given is left out. */
  bt_impact_statement_set_technical_detail (s, "");
  bt_impact_statement_set_impact_value (s, 0);
  bt_impact_statement_set_impact_unit (s, "");
  g_clear_pointer (&text, g_free);
  text = bt_markdown_impact_statement (s);
  g_assert_cmpstr (text, ==,
                   "## Summary\n\n"
                   "Checkout availability from 99.5 % to 99.95 %\n\n"
                   "## Business impact\n\n"
                   "Revenue kept during peak sales\n");
}

/* 1000 + 200 now, 1500 + 200 projected: it costs 500 more a month, 6000
 * more a year. A pipe in a metric does not break the table. */
static void
test_business_case (void)
{
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autofree char *text = NULL;
  const char *metrics[] = { "Build minutes", "Storage | backups" };
  const double now[] = { 1000, 200 }, projected[] = { 1500, 200 };

  bt_business_case_set_title (bc, "Move the build farm");
  bt_business_case_set_problem (bc, "Builds are slow.");
  bt_business_case_set_ask_cost (bc, 3000);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BtCostRow) row = bt_cost_row_new ();

      bt_cost_row_set_metric (row, metrics[i]);
      bt_cost_row_set_current_monthly (row, now[i]);
      bt_cost_row_set_projected_monthly (row, projected[i]);
      bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));
    }

  text = bt_markdown_business_case (bc, "GBP");
  g_assert_cmpstr (text, ==,
                   "# Move the build farm\n\n"
                   "*Business case · Draft*\n\n"
                   "## The problem\n\n"
                   "Builds are slow.\n\n"
                   "## The ask\n\n"
                   "One-off cost: £3000\n\n"
                   "## Cost per month, now and projected\n\n"
                   "| Monthly cost | Now | Projected | Saving |\n"
                   "| --- | ---: | ---: | ---: |\n"
                   "| Build minutes | £1000 | £1500 | £500 more |\n"
                   "| Storage \\| backups | £200 | £200 | £0 |\n"
                   "| **Total** | £1200 | £1700 | £500 more |\n\n"
                   "It costs £500 more a month, £6000 more a year, than now.\n");
}

/* A row of 14400.5 is shown as 14401: the totals are 22401 − 5900 =
 * 16501 a month, so 16501 × 12 = 198012 a year (not 198006, twelve of the
 * unrounded 16500.5), and 60000 ÷ 16501 = 3.6 months to pay back. */
static void
test_case_half_unit (void)
{
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autofree char *text = NULL;
  const double now[] = { 14400.5, 8000 }, projected[] = { 0, 5900 };

  bt_business_case_set_ask_cost (bc, 60000);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BtCostRow) row = bt_cost_row_new ();

      bt_cost_row_set_current_monthly (row, now[i]);
      bt_cost_row_set_projected_monthly (row, projected[i]);
      bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));
    }

  text = bt_markdown_case_summary (bc, "EUR");
  g_assert_cmpstr (text, ==, "It saves €16501 a month, €198012 a year; the ask pays back in 3.6 months.");
}

static void
test_plan (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtNarrative) n = bt_narrative_new ();
  g_autoptr(BtImpactStatement) s = statement ();
  g_autofree char *all = NULL;
  g_autofree char *narratives = NULL;

  bt_profile_set_name (bt_plan_get_profile (plan), "Sam Okafor");
  bt_narrative_set_title (n, "Reliability is revenue");
  bt_narrative_set_headline (n, "Checkout downtime fell by 70 % this year");
  bt_narrative_set_audience (n, "Executive staff");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_impact_statements (n), BT_ITEM (s));

  narratives = bt_markdown_plan (plan, BT_PLAN_SECTION_NARRATIVES);
  g_assert_cmpstr (narratives, ==,
                   "# Reliability is revenue\n\n"
                   "*Narrative · Draft · for Executive staff*\n\n"
                   "> **Checkout downtime fell by 70 % this year**\n\n"
                   "## Impact statements\n\n"
                   "### Summary\n\n"
                   "Checkout availability from 99.5 % to 99.95 %\n\n"
                   "### Technical details\n\n"
                   "Multi-region failover\n\n"
                   "### Business impact\n\n"
                   "Revenue kept during peak sales\n\n"
                   "**180000 per hour of downtime avoided**\n");

  all = bt_markdown_plan (plan, BT_PLAN_SECTION_ALL);
  g_assert_true (g_str_has_prefix (all, "# Sam Okafor\n\n## Reliability is revenue\n\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markdown/impact-statement", test_impact_statement);
  g_test_add_func ("/markdown/business-case", test_business_case);
  g_test_add_func ("/markdown/case-half-unit", test_case_half_unit);
  g_test_add_func ("/markdown/plan", test_plan);

  return g_test_run ();
}
