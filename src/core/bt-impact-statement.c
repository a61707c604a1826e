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

static void
bt_impact_statement_finalize (GObject *object)
{
  BtImpactStatement *self = BT_IMPACT_STATEMENT (object);

  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->technical_detail, g_free);
  g_clear_pointer (&self->business_impact, g_free);
  g_clear_pointer (&self->impact_unit, g_free);

  G_OBJECT_CLASS (bt_impact_statement_parent_class)->finalize (object);
}

static void
bt_impact_statement_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BtImpactStatement *self = BT_IMPACT_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_TECHNICAL_DETAIL:
      g_value_set_string (value, self->technical_detail);
      break;

    case PROP_BUSINESS_IMPACT:
      g_value_set_string (value, self->business_impact);
      break;

    case PROP_IMPACT_VALUE:
      g_value_set_double (value, self->impact_value);
      break;

    case PROP_IMPACT_UNIT:
      g_value_set_string (value, self->impact_unit);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_impact_statement_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BtImpactStatement *self = BT_IMPACT_STATEMENT (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      bt_impact_statement_set_summary (self, g_value_get_string (value));
      break;

    case PROP_TECHNICAL_DETAIL:
      bt_impact_statement_set_technical_detail (self, g_value_get_string (value));
      break;

    case PROP_BUSINESS_IMPACT:
      bt_impact_statement_set_business_impact (self, g_value_get_string (value));
      break;

    case PROP_IMPACT_VALUE:
      bt_impact_statement_set_impact_value (self, g_value_get_double (value));
      break;

    case PROP_IMPACT_UNIT:
      bt_impact_statement_set_impact_unit (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a impact statement, in its order. */
static const BtField fields[] = {
  { "summary", .label = N_("Summary"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_impact_statement_set_summary) },
  { "technical_detail", .label = N_("Technical detail"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_impact_statement_set_technical_detail) },
  { "business_impact", .label = N_("Business impact"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_impact_statement_set_business_impact) },
  { "impact_value", .label = N_("Impact, as a number"),
    .set = G_CALLBACK (bt_impact_statement_set_impact_value) },
  { "impact_unit", .label = N_("Unit of the impact"),
    .set = G_CALLBACK (bt_impact_statement_set_impact_unit) },
};

static const BtItemDescription description = {
  .kind_label = N_("Impact Statement"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_impact_statement_class_init (BtImpactStatementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_impact_statement_finalize;
  object_class->get_property = bt_impact_statement_get_property;
  object_class->set_property = bt_impact_statement_set_property;

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TECHNICAL_DETAIL] =
    g_param_spec_string ("technical-detail", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_BUSINESS_IMPACT] =
    g_param_spec_string ("business-impact", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT_VALUE] =
    g_param_spec_double ("impact-value", NULL, NULL,
                          -1000000000000.0, 1000000000000.0, 0.0,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_IMPACT_UNIT] =
    g_param_spec_string ("impact-unit", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
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
