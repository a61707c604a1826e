/* bt-impact-statement.c — A piece of work reframed in business terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-impact-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-impact-statement.h"
#include "bt-item-define-private.h"

struct _BtImpactStatement
{
  BtItem parent_instance;

  char *summary;
  char *technical_detail;
  char *business_impact;
  double impact_value;
  char *impact_unit;
};

G_DEFINE_FINAL_TYPE (BtImpactStatement, bt_impact_statement, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_SUMMARY,
  PROP_TECHNICAL_DETAIL,
  PROP_BUSINESS_IMPACT,
  PROP_IMPACT_VALUE,
  PROP_IMPACT_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtImpactStatement *
bt_impact_statement_new (void)
{
  return g_object_new (BT_TYPE_IMPACT_STATEMENT, NULL);
}

/* What the plan file holds of a impact statement, in its order. */
static const BtField fields[] = {
  { "summary", .label = N_("Summary"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_impact_statement_set_summary),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImpactStatement, summary) },
  { "technical_detail", .label = N_("Technical detail"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_impact_statement_set_technical_detail),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImpactStatement, technical_detail) },
  { "business_impact", .label = N_("Business impact"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_impact_statement_set_business_impact),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImpactStatement, business_impact) },
  { "impact_value", .label = N_("Impact, as a number"),
    .set = G_CALLBACK (bt_impact_statement_set_impact_value),
    .type = BT_FIELD_NUMBER, .lowest = -1000000000000.0, .highest = 1000000000000.0, .default_value = 0.0,
    .offset = G_STRUCT_OFFSET (BtImpactStatement, impact_value) },
  { "impact_unit", .label = N_("Unit of the impact"),
    .set = G_CALLBACK (bt_impact_statement_set_impact_unit),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImpactStatement, impact_unit) },
};

BT_DEFINE_ITEM_CLASS (BtImpactStatement, bt_impact_statement, N_("Impact Statement"), TRUE)

BT_DEFINE_TEXT_ACCESSORS (BtImpactStatement, bt_impact_statement, summary, PROP_SUMMARY)
BT_DEFINE_TEXT_ACCESSORS (BtImpactStatement, bt_impact_statement, technical_detail, PROP_TECHNICAL_DETAIL)
BT_DEFINE_TEXT_ACCESSORS (BtImpactStatement, bt_impact_statement, business_impact, PROP_BUSINESS_IMPACT)
BT_DEFINE_NUMBER_ACCESSORS (BtImpactStatement, bt_impact_statement, impact_value, PROP_IMPACT_VALUE)
BT_DEFINE_TEXT_ACCESSORS (BtImpactStatement, bt_impact_statement, impact_unit, PROP_IMPACT_UNIT)
