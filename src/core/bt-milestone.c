/* bt-milestone.c — A dated step on the roadmap with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-milestone"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-milestone.h"

struct _BtMilestone
{
  BtItem parent_instance;

  char *title;
  GDate date;
  char *phase;
  BtMilestoneStatus status;
  char *notes;
  GDate original_date;
};

G_DEFINE_FINAL_TYPE (BtMilestone, bt_milestone, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_PHASE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_ORIGINAL_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtMilestone *
bt_milestone_new (void)
{
  return g_object_new (BT_TYPE_MILESTONE, NULL);
}

/* What the plan file holds of a milestone, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_milestone_set_title),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, title) },
  { "date", .label = N_("Date"), .set = G_CALLBACK (bt_milestone_set_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtMilestone, date) },
  { "phase", .label = N_("Phase"), .flags = BT_FIELD_PHASE_REF,
    .set = G_CALLBACK (bt_milestone_set_phase),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, phase) },
  { "status", .label = N_("Status"), .set = G_CALLBACK (bt_milestone_set_status),
    .type = BT_FIELD_ENUM, .enum_type = bt_milestone_status_get_type, .default_value = BT_MILESTONE_PLANNED,
    .offset = G_STRUCT_OFFSET (BtMilestone, status) },
  { "notes", .label = N_("Notes"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_milestone_set_notes),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, notes) },
  { "original_date", .label = N_("First planned for"),
    .set = G_CALLBACK (bt_milestone_set_original_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtMilestone, original_date) },
};

/* Property n is field n - 1: see bt_item_class_install_fields(). */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS);

static const BtItemDescription description = {
  .kind_label = N_("Milestone"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_milestone_class_init (BtMilestoneClass *klass)
{

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
}

static void
bt_milestone_init (BtMilestone *self)
{
  g_date_clear (&self->date, 1);
  self->status = BT_MILESTONE_PLANNED;
  g_date_clear (&self->original_date, 1);
}

const char *
bt_milestone_get_title (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), NULL);

  return self->title ? self->title : "";
}

void
bt_milestone_set_title (BtMilestone *self,
                        const char *title)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (bt_item_set_string (&self->title, title))
    bt_item_notify (BT_ITEM (self), properties[PROP_TITLE]);
}

const GDate *
bt_milestone_get_date (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

void
bt_milestone_set_date (BtMilestone *self,
                       const GDate *date)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (bt_item_set_date (&self->date, date))
    bt_item_notify (BT_ITEM (self), properties[PROP_DATE]);
}

const char *
bt_milestone_get_phase (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), NULL);

  return self->phase ? self->phase : "";
}

void
bt_milestone_set_phase (BtMilestone *self,
                        const char *phase)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (bt_item_set_string (&self->phase, phase))
    bt_item_notify (BT_ITEM (self), properties[PROP_PHASE]);
}

BtMilestoneStatus
bt_milestone_get_status (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), BT_MILESTONE_PLANNED);

  return self->status;
}

void
bt_milestone_set_status (BtMilestone *self,
                         BtMilestoneStatus status)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (self->status == status)
    return;

  self->status = status;
  bt_item_notify (BT_ITEM (self), properties[PROP_STATUS]);
}

const char *
bt_milestone_get_notes (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), NULL);

  return self->notes ? self->notes : "";
}

void
bt_milestone_set_notes (BtMilestone *self,
                        const char *notes)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (bt_item_set_string (&self->notes, notes))
    bt_item_notify (BT_ITEM (self), properties[PROP_NOTES]);
}

const GDate *
bt_milestone_get_original_date (BtMilestone *self)
{
  g_return_val_if_fail (BT_IS_MILESTONE (self), NULL);

  return g_date_valid (&self->original_date) ? &self->original_date : NULL;
}

void
bt_milestone_set_original_date (BtMilestone *self,
                                const GDate *original_date)
{
  g_return_if_fail (BT_IS_MILESTONE (self));

  if (bt_item_set_date (&self->original_date, original_date))
    bt_item_notify (BT_ITEM (self), properties[PROP_ORIGINAL_DATE]);
}
