/* bt-narrative.c — The story of the team's value told to an audience.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-narrative.h"
#include "bt-item-accessors-private.h"

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

static void
bt_narrative_finalize (GObject *object)
{
  BtNarrative *self = BT_NARRATIVE (object);

  g_clear_object (&self->impact_statements);
  g_clear_object (&self->business_cases);

  G_OBJECT_CLASS (bt_narrative_parent_class)->finalize (object);
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

static GListModel *
get_impact_statements (gpointer self)
{
  return bt_narrative_get_impact_statements (self);
}

static GListModel *
get_business_cases (gpointer self)
{
  return bt_narrative_get_business_cases (self);
}

static const BtChildList children[] = {
  { "impact_statements", bt_impact_statement_get_type, get_impact_statements },
  { "business_cases", bt_business_case_get_type, get_business_cases },
};

/* Property n is field n - 1: see bt_item_class_install_fields(). */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS);

static const BtItemDescription description = {
  .kind_label = N_("Narrative"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = children,
  .n_children = G_N_ELEMENTS (children),
};

static void
bt_narrative_class_init (BtNarrativeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_narrative_finalize;

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
}

static void
bt_narrative_init (BtNarrative *self)
{
  self->status = BT_NARRATIVE_DRAFT;
  g_date_clear (&self->target_date, 1);
  self->impact_statements = bt_item_list_new (BT_TYPE_IMPACT_STATEMENT);
  bt_item_adopt_list (BT_ITEM (self), self->impact_statements);
  self->business_cases = bt_item_list_new (BT_TYPE_BUSINESS_CASE);
  bt_item_adopt_list (BT_ITEM (self), self->business_cases);
}

BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, BT_IS_NARRATIVE, title, PROP_TITLE)
BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, BT_IS_NARRATIVE, audience, PROP_AUDIENCE)
BT_DEFINE_TEXT_ACCESSORS (BtNarrative, bt_narrative, BT_IS_NARRATIVE, headline, PROP_HEADLINE)
BT_DEFINE_ENUM_ACCESSORS (BtNarrative, bt_narrative, BT_IS_NARRATIVE, BtNarrativeStatus, status, PROP_STATUS)
BT_DEFINE_DATE_ACCESSORS (BtNarrative, bt_narrative, BT_IS_NARRATIVE, target_date, PROP_TARGET_DATE)

GListModel *
bt_narrative_get_impact_statements (BtNarrative *self)
{
  g_return_val_if_fail (BT_IS_NARRATIVE (self), NULL);

  return G_LIST_MODEL (self->impact_statements);
}

GListModel *
bt_narrative_get_business_cases (BtNarrative *self)
{
  g_return_val_if_fail (BT_IS_NARRATIVE (self), NULL);

  return G_LIST_MODEL (self->business_cases);
}
