/* bt-import-rule.c — which category an imported calendar event's time
 * goes to: "words roadmap → Roadmap and product strategy"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of an import rule, in its order. */
#define IMPORT_RULE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  ENUM (match, N_("Looks at"), BT_FIELD_REQUIRED, BtRuleMatch, bt_rule_match_get_type, BT_RULE_WORDS) \
  TEXT (pattern, N_("Words, address, domain or name"), 0) \
  TEXT (category, N_("Category"), BT_FIELD_REQUIRED | BT_FIELD_CATEGORY_REF)

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

#define BT_ITEM_SELF BtImportRule, bt_import_rule
BT_DEFINE_ITEM_FIELDS (IMPORT_RULE_FIELDS)

BT_DEFINE_ITEM_CLASS (BtImportRule, bt_import_rule, N_("Import Rule"), TRUE)
