/* bt-import-rule.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_IMPORT_RULE (bt_import_rule_get_type ())

G_DECLARE_FINAL_TYPE (BtImportRule, bt_import_rule, BT, IMPORT_RULE, BtItem)

BtImportRule *bt_import_rule_new          (BtRuleMatch   match,
                                           const char   *pattern,
                                           const char   *category);
BtRuleMatch   bt_import_rule_get_match    (BtImportRule *self);
void          bt_import_rule_set_match    (BtImportRule *self,
                                           BtRuleMatch   match);
const char   *bt_import_rule_get_pattern  (BtImportRule *self);
void          bt_import_rule_set_pattern  (BtImportRule *self,
                                           const char   *pattern);
const char   *bt_import_rule_get_category (BtImportRule *self);
void          bt_import_rule_set_category (BtImportRule *self,
                                           const char   *category);

G_END_DECLS
