/* bt-narrative.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-impact-statement.h"
#include "bt-business-case.h"

G_BEGIN_DECLS

#define BT_TYPE_NARRATIVE (bt_narrative_get_type ())

G_DECLARE_FINAL_TYPE (BtNarrative, bt_narrative, BT, NARRATIVE, BtItem)

BtNarrative *bt_narrative_new (void);
const char *bt_narrative_get_title (BtNarrative *self);
void bt_narrative_set_title (BtNarrative *self,
                             const char *title);
const char *bt_narrative_get_audience (BtNarrative *self);
void bt_narrative_set_audience (BtNarrative *self,
                                const char *audience);
const char *bt_narrative_get_headline (BtNarrative *self);
void bt_narrative_set_headline (BtNarrative *self,
                                const char *headline);
BtNarrativeStatus bt_narrative_get_status (BtNarrative *self);
void bt_narrative_set_status (BtNarrative *self,
                              BtNarrativeStatus status);
const GDate *bt_narrative_get_target_date (BtNarrative *self);
void bt_narrative_set_target_date (BtNarrative *self,
                                   const GDate *target_date);
GListModel *bt_narrative_get_impact_statements (BtNarrative *self);
GListModel *bt_narrative_get_business_cases (BtNarrative *self);

G_END_DECLS
