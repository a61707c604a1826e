/* bt-import-rule.c — which category an imported calendar event's time
 * goes to: "words roadmap → Roadmap and product strategy"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-import-rule.h"

struct _BtImportRule
{
  BtItem       parent_instance;

  BtRuleMatch  match;
  char        *pattern;
  char        *category;   /* a category's id */
};

G_DEFINE_FINAL_TYPE (BtImportRule, bt_import_rule, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_MATCH,
  PROP_PATTERN,
  PROP_CATEGORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtImportRule *
bt_import_rule_new (BtRuleMatch  match,
                    const char  *pattern,
                    const char  *category)
{
  return g_object_new (BT_TYPE_IMPORT_RULE,
                       "match", match,
                       "pattern", pattern,
                       "category", category,
                       NULL);
}

static void
bt_import_rule_finalize (GObject *object)
{
  BtImportRule *self = BT_IMPORT_RULE (object);

  g_clear_pointer (&self->pattern, g_free);
  g_clear_pointer (&self->category, g_free);

  G_OBJECT_CLASS (bt_import_rule_parent_class)->finalize (object);
}

static void
bt_import_rule_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BtImportRule *self = BT_IMPORT_RULE (object);

  switch (prop_id)
    {
    case PROP_MATCH:
      g_value_set_enum (value, self->match);
      break;

    case PROP_PATTERN:
      g_value_set_string (value, bt_import_rule_get_pattern (self));
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, bt_import_rule_get_category (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_import_rule_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BtImportRule *self = BT_IMPORT_RULE (object);

  switch (prop_id)
    {
    case PROP_MATCH:
      bt_import_rule_set_match (self, g_value_get_enum (value));
      break;

    case PROP_PATTERN:
      bt_import_rule_set_pattern (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      bt_import_rule_set_category (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a import rule, in its order. */
static const BtField fields[] = {
  { "match", .label = N_("Looks at"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_import_rule_set_match) },
  { "pattern", .label = N_("Words, address, domain or name"),
    .set = G_CALLBACK (bt_import_rule_set_pattern) },
  { "category", .label = N_("Category"), .flags = BT_FIELD_REQUIRED | BT_FIELD_CATEGORY_REF,
    .set = G_CALLBACK (bt_import_rule_set_category) },
};

static const BtItemDescription description = {
  .kind_label = N_("Import Rule"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_import_rule_class_init (BtImportRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_import_rule_finalize;
  object_class->get_property = bt_import_rule_get_property;
  object_class->set_property = bt_import_rule_set_property;

  properties[PROP_MATCH] =
    g_param_spec_enum ("match", NULL, NULL,
                       BT_TYPE_RULE_MATCH, BT_RULE_WORDS,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_PATTERN] =
    g_param_spec_string ("pattern", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_import_rule_init (BtImportRule *self)
{
}

BtRuleMatch
bt_import_rule_get_match (BtImportRule *self)
{
  g_return_val_if_fail (BT_IS_IMPORT_RULE (self), BT_RULE_WORDS);

  return self->match;
}

void
bt_import_rule_set_match (BtImportRule *self,
                          BtRuleMatch   match)
{
  g_return_if_fail (BT_IS_IMPORT_RULE (self));

  if (self->match == match)
    return;

  self->match = match;
  bt_item_notify (BT_ITEM (self), properties[PROP_MATCH]);
}

const char *
bt_import_rule_get_pattern (BtImportRule *self)
{
  g_return_val_if_fail (BT_IS_IMPORT_RULE (self), NULL);

  return self->pattern ? self->pattern : "";
}

void
bt_import_rule_set_pattern (BtImportRule *self,
                            const char   *pattern)
{
  g_return_if_fail (BT_IS_IMPORT_RULE (self));

  if (bt_item_set_string (&self->pattern, pattern))
    bt_item_notify (BT_ITEM (self), properties[PROP_PATTERN]);
}

const char *
bt_import_rule_get_category (BtImportRule *self)
{
  g_return_val_if_fail (BT_IS_IMPORT_RULE (self), NULL);

  return self->category ? self->category : "";
}

void
bt_import_rule_set_category (BtImportRule *self,
                             const char   *category)
{
  g_return_if_fail (BT_IS_IMPORT_RULE (self));

  if (bt_item_set_string (&self->category, category))
    bt_item_notify (BT_ITEM (self), properties[PROP_CATEGORY]);
}
