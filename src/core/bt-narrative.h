/* bt-narrative.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a narrative, in its order. */
#define BT_NARRATIVE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  TEXT (audience, N_("Audience"), 0) \
  TEXT (headline, N_("Headline"), 0) \
  ENUM (status, N_("Status"), 0, BtNarrativeStatus, bt_narrative_status_get_type, BT_NARRATIVE_DRAFT) \
  DATE (target_date, N_("Target date"), 0)

/* The lists of items it holds, in the file's order. */
#define BT_NARRATIVE_LISTS(LIST) \
  LIST (impact_statements, bt_impact_statement_get_type) \
  LIST (business_cases, bt_business_case_get_type)

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-impact-statement.h"
#include "bt-business-case.h"

G_BEGIN_DECLS

#define BT_TYPE_NARRATIVE (bt_narrative_get_type ())

G_DECLARE_FINAL_TYPE (BtNarrative, bt_narrative, BT, NARRATIVE, BtItem)

BtNarrative *bt_narrative_new (void);

#define BT_ITEM_DECLARING BtNarrative, bt_narrative
BT_DECLARE_ITEM_ACCESSORS (BT_NARRATIVE_FIELDS)
BT_DECLARE_ITEM_LIST_GETTERS (BT_NARRATIVE_LISTS)
#undef BT_ITEM_DECLARING

G_END_DECLS
