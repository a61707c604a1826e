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

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUDIENCE,
  PROP_HEADLINE,
  PROP_STATUS,
  PROP_TARGET_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtNarrative *
bt_narrative_new (void)
{
  return g_object_new (BT_TYPE_NARRATIVE, NULL);
}

/* What the plan file holds of a narrative, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_narrative_set_title),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtNarrative, title) },
  { "audience", .label = N_("Audience"), .set = G_CALLBACK (bt_narrative_set_audience),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtNarrative, audience) },
  { "headline", .label = N_("Headline"), .set = G_CALLBACK (bt_narrative_set_headline),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtNarrative, headline) },
  { "status", .label = N_("Status"), .set = G_CALLBACK (bt_narrative_set_status),
    .type = BT_FIELD_ENUM, .enum_type = bt_narrative_status_get_type, .default_value = BT_NARRATIVE_DRAFT,
    .offset = G_STRUCT_OFFSET (BtNarrative, status) },
  { "target_date", .label = N_("Target date"), .set = G_CALLBACK (bt_narrative_set_target_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtNarrative, target_date) },
};

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

BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, title, PROP_TITLE)
BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, audience, PROP_AUDIENCE)
BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, headline, PROP_HEADLINE)
BT_DEFINE_ENUM_ACCESSORS (BtNarrative, bt_narrative, BtNarrativeStatus, status, PROP_STATUS)
BT_DEFINE_DATE_ACCESSORS (BtNarrative, bt_narrative, target_date, PROP_TARGET_DATE)
