/* bt-narrative.c — The story of the team's value told to an audience.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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

G_DEFINE_FINAL_TYPE (BtNarrative, bt_narrative, BT_TYPE_ITEM)

BtNarrative *
bt_narrative_new (void)
{
  return g_object_new (BT_TYPE_NARRATIVE, NULL);
}

/* What the plan file holds of a narrative, in its order. */
#define BT_ITEM_SELF BtNarrative, bt_narrative
#define NARRATIVE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  TEXT (audience, N_("Audience"), 0) \
  TEXT (headline, N_("Headline"), 0) \
  ENUM (status, N_("Status"), 0, BtNarrativeStatus, bt_narrative_status_get_type, BT_NARRATIVE_DRAFT) \
  DATE (target_date, N_("Target date"), 0)

BT_DEFINE_ITEM_FIELDS (NARRATIVE_FIELDS)

BT_DEFINE_LIST_GETTER (BtNarrative, bt_narrative, impact_statements)
BT_DEFINE_LIST_GETTER (BtNarrative, bt_narrative, business_cases)

static const BtChildList children[] = {
  { "impact_statements", bt_impact_statement_get_type, get_impact_statements },
  { "business_cases", bt_business_case_get_type, get_business_cases },
};

BT_DEFINE_ITEM_DESCRIPTION_WITH_CHILDREN (N_("Narrative"), TRUE);
BT_DEFINE_ITEM_CLASS_INIT (BtNarrative, bt_narrative)

static void
bt_narrative_init (BtNarrative *self)
{
  bt_item_init_fields (BT_ITEM (self), &description);
  self->impact_statements = bt_item_add_list (BT_ITEM (self), BT_TYPE_IMPACT_STATEMENT);
  self->business_cases = bt_item_add_list (BT_ITEM (self), BT_TYPE_BUSINESS_CASE);
}
