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

static void
bt_milestone_finalize (GObject *object)
{
  BtMilestone *self = BT_MILESTONE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->phase, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (bt_milestone_parent_class)->finalize (object);
}

static void
bt_milestone_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BtMilestone *self = BT_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_DATE:
      g_value_set_boxed (value, bt_milestone_get_date (self));
      break;

    case PROP_PHASE:
      g_value_set_string (value, self->phase);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ORIGINAL_DATE:
      g_value_set_boxed (value, bt_milestone_get_original_date (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_milestone_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BtMilestone *self = BT_MILESTONE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bt_milestone_set_title (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      bt_milestone_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_PHASE:
      bt_milestone_set_phase (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      bt_milestone_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTES:
      bt_milestone_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ORIGINAL_DATE:
      bt_milestone_set_original_date (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a milestone, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_milestone_set_title) },
  { "date", .label = N_("Date"), .set = G_CALLBACK (bt_milestone_set_date) },
  { "phase", .label = N_("Phase"), .flags = BT_FIELD_PHASE_REF,
    .set = G_CALLBACK (bt_milestone_set_phase) },
  { "status", .label = N_("Status"), .set = G_CALLBACK (bt_milestone_set_status) },
  { "notes", .label = N_("Notes"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_milestone_set_notes) },
  { "original_date", .label = N_("First planned for"),
    .set = G_CALLBACK (bt_milestone_set_original_date) },
};

static const BtItemDescription description = {
  .kind_label = N_("Milestone"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_milestone_class_init (BtMilestoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_milestone_finalize;
  object_class->get_property = bt_milestone_get_property;
  object_class->set_property = bt_milestone_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PHASE] =
    g_param_spec_string ("phase", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        BT_TYPE_MILESTONE_STATUS, BT_MILESTONE_PLANNED,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ORIGINAL_DATE] =
    g_param_spec_boxed ("original-date", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
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
