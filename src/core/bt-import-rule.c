/* bt-import-rule.c — which category an imported calendar event's time
 * goes to: "words roadmap → Roadmap and product strategy"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import-rule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-import-rule.h"
#include "bt-item-define-private.h"

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

/* What the plan file holds of a import rule, in its order. */
static const BtField fields[] = {
  { "match", .label = N_("Looks at"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_import_rule_set_match),
    .type = BT_FIELD_ENUM, .enum_type = bt_rule_match_get_type, .default_value = BT_RULE_WORDS,
    .offset = G_STRUCT_OFFSET (BtImportRule, match) },
  { "pattern", .label = N_("Words, address, domain or name"),
    .set = G_CALLBACK (bt_import_rule_set_pattern),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImportRule, pattern) },
  { "category", .label = N_("Category"), .flags = BT_FIELD_REQUIRED | BT_FIELD_CATEGORY_REF,
    .set = G_CALLBACK (bt_import_rule_set_category),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtImportRule, category) },
};

BT_DEFINE_ITEM_CLASS (BtImportRule, bt_import_rule, N_("Import Rule"), TRUE)

BT_DEFINE_ENUM_ACCESSORS (BtImportRule, bt_import_rule, BtRuleMatch, match, PROP_MATCH)
BT_DEFINE_TEXT_ACCESSORS (BtImportRule, bt_import_rule, pattern, PROP_PATTERN)
BT_DEFINE_TEXT_ACCESSORS (BtImportRule, bt_import_rule, category, PROP_CATEGORY)
