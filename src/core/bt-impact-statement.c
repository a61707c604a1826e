/* bt-impact-statement.c — A piece of work reframed in business terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-impact-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-impact-statement.h"

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

/* Property n is field n - 1: see bt_item_class_install_fields(). */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS);

static const BtItemDescription description = {
  .kind_label = N_("Impact Statement"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_impact_statement_class_init (BtImpactStatementClass *klass)
{

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
}

static void
bt_impact_statement_init (BtImpactStatement *self)
{
  self->impact_value = 0.0;
}

const char *
bt_impact_statement_get_summary (BtImpactStatement *self)
{
  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (self), NULL);

  return self->summary ? self->summary : "";
}

void
bt_impact_statement_set_summary (BtImpactStatement *self,
                                 const char *summary)
{
  g_return_if_fail (BT_IS_IMPACT_STATEMENT (self));

  if (bt_item_set_string (&self->summary, summary))
    bt_item_notify (BT_ITEM (self), properties[PROP_SUMMARY]);
}

const char *
bt_impact_statement_get_technical_detail (BtImpactStatement *self)
{
  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (self), NULL);

  return self->technical_detail ? self->technical_detail : "";
}

void
bt_impact_statement_set_technical_detail (BtImpactStatement *self,
                                          const char *technical_detail)
{
  g_return_if_fail (BT_IS_IMPACT_STATEMENT (self));

  if (bt_item_set_string (&self->technical_detail, technical_detail))
    bt_item_notify (BT_ITEM (self), properties[PROP_TECHNICAL_DETAIL]);
}

const char *
bt_impact_statement_get_business_impact (BtImpactStatement *self)
{
  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (self), NULL);

  return self->business_impact ? self->business_impact : "";
}

void
bt_impact_statement_set_business_impact (BtImpactStatement *self,
                                         const char *business_impact)
{
  g_return_if_fail (BT_IS_IMPACT_STATEMENT (self));

  if (bt_item_set_string (&self->business_impact, business_impact))
    bt_item_notify (BT_ITEM (self), properties[PROP_BUSINESS_IMPACT]);
}

double
bt_impact_statement_get_impact_value (BtImpactStatement *self)
{
  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (self), 0.0);

  return self->impact_value;
}

void
bt_impact_statement_set_impact_value (BtImpactStatement *self,
                                      double impact_value)
{
  g_return_if_fail (BT_IS_IMPACT_STATEMENT (self));
  g_return_if_fail (isfinite (impact_value) && impact_value >= -1000000000000.0 && impact_value <= 1000000000000.0);

  if (self->impact_value == impact_value)
    return;

  self->impact_value = impact_value;
  bt_item_notify (BT_ITEM (self), properties[PROP_IMPACT_VALUE]);
}

const char *
bt_impact_statement_get_impact_unit (BtImpactStatement *self)
{
  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (self), NULL);

  return self->impact_unit ? self->impact_unit : "";
}

void
bt_impact_statement_set_impact_unit (BtImpactStatement *self,
                                     const char *impact_unit)
{
  g_return_if_fail (BT_IS_IMPACT_STATEMENT (self));

  if (bt_item_set_string (&self->impact_unit, impact_unit))
    bt_item_notify (BT_ITEM (self), properties[PROP_IMPACT_UNIT]);
}
