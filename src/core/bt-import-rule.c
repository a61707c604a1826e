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
BT_DEFINE_ITEM_FIELDS (BT_IMPORT_RULE_FIELDS)

BT_DEFINE_ITEM_CLASS (BtImportRule, bt_import_rule, N_("Import Rule"), TRUE)
