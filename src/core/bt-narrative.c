/* bt-narrative.c — The story of the team's value told to an audience.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a narrative, in its order. */
#define NARRATIVE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  TEXT (audience, N_("Audience"), 0) \
  TEXT (headline, N_("Headline"), 0) \
  ENUM (status, N_("Status"), 0, BtNarrativeStatus, bt_narrative_status_get_type, BT_NARRATIVE_DRAFT) \
  DATE (target_date, N_("Target date"), 0)

/* The lists of items it holds, in the file's order. */
#define NARRATIVE_LISTS(LIST) \
  LIST (impact_statements, bt_impact_statement_get_type) \
  LIST (business_cases, bt_business_case_get_type)

#define G_LOG_DOMAIN "bt-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-narrative.h"
#include "bt-item-define-private.h"

struct _BtNarrative
{
  BtItem parent_instance;

  char *title;
  char *audience;
  char *headline;
  BtNarrativeStatus status;
  GDate target_date;
  BtItemList *impact_statements;
  BtItemList *business_cases;
};

#define BT_ITEM_SELF BtNarrative, bt_narrative
BT_DEFINE_ITEM_WITH_LISTS (NARRATIVE_FIELDS, NARRATIVE_LISTS, N_("Narrative"), TRUE)
