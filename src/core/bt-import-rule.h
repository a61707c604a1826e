/* bt-import-rule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of an import rule, in its order. */
#define BT_IMPORT_RULE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  ENUM (match, N_("Looks at"), BT_FIELD_REQUIRED, BtRuleMatch, bt_rule_match_get_type, BT_RULE_WORDS) \
  TEXT (pattern, N_("Words, address, domain or name"), 0) \
  TEXT (category, N_("Category"), BT_FIELD_REQUIRED | BT_FIELD_CATEGORY_REF)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_IMPORT_RULE (bt_import_rule_get_type ())

G_DECLARE_FINAL_TYPE (BtImportRule, bt_import_rule, BT, IMPORT_RULE, BtItem)

BtImportRule *bt_import_rule_new          (BtRuleMatch   match,
                                           const char   *pattern,
                                           const char   *category);

#define BT_ITEM_DECLARING BtImportRule, bt_import_rule
BT_DECLARE_ITEM_ACCESSORS (BT_IMPORT_RULE_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
