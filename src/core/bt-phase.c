/* bt-phase.c — A stretch of the roadmap, such as “start the shift”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-phase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-phase.h"

struct _BtPhase
{
  BtItem parent_instance;

  char *title;
  GDate start;
  GDate end;
};

G_DEFINE_FINAL_TYPE (BtPhase, bt_phase, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtPhase *
bt_phase_new (void)
{
  return g_object_new (BT_TYPE_PHASE, NULL);
}

static void
bt_phase_finalize (GObject *object)
{
  BtPhase *self = BT_PHASE (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (bt_phase_parent_class)->finalize (object);
}

static void
bt_phase_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BtPhase *self = BT_PHASE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_START:
      g_value_set_boxed (value, bt_phase_get_start (self));
      break;

    case PROP_END:
      g_value_set_boxed (value, bt_phase_get_end (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_phase_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BtPhase *self = BT_PHASE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bt_phase_set_title (self, g_value_get_string (value));
      break;

    case PROP_START:
      bt_phase_set_start (self, g_value_get_boxed (value));
      break;

    case PROP_END:
      bt_phase_set_end (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a phase, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_phase_set_title) },
  { "start", .label = N_("Start"), .set = G_CALLBACK (bt_phase_set_start) },
  { "end", .label = N_("End"), .set = G_CALLBACK (bt_phase_set_end) },
};

static const BtItemDescription description = {
  .kind_label = N_("Phase"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_phase_class_init (BtPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_phase_finalize;
  object_class->get_property = bt_phase_get_property;
  object_class->set_property = bt_phase_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_END] =
    g_param_spec_boxed ("end", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_phase_init (BtPhase *self)
{
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
}

const char *
bt_phase_get_title (BtPhase *self)
{
  g_return_val_if_fail (BT_IS_PHASE (self), NULL);

  return self->title ? self->title : "";
}

void
bt_phase_set_title (BtPhase *self,
                    const char *title)
{
  g_return_if_fail (BT_IS_PHASE (self));

  if (bt_item_set_string (&self->title, title))
    bt_item_notify (BT_ITEM (self), properties[PROP_TITLE]);
}

const GDate *
bt_phase_get_start (BtPhase *self)
{
  g_return_val_if_fail (BT_IS_PHASE (self), NULL);

  return g_date_valid (&self->start) ? &self->start : NULL;
}

void
bt_phase_set_start (BtPhase *self,
                    const GDate *start)
{
  g_return_if_fail (BT_IS_PHASE (self));

  if (bt_item_set_date (&self->start, start))
    bt_item_notify (BT_ITEM (self), properties[PROP_START]);
}

const GDate *
bt_phase_get_end (BtPhase *self)
{
  g_return_val_if_fail (BT_IS_PHASE (self), NULL);

  return g_date_valid (&self->end) ? &self->end : NULL;
}

void
bt_phase_set_end (BtPhase *self,
                  const GDate *end)
{
  g_return_if_fail (BT_IS_PHASE (self));

  if (bt_item_set_date (&self->end, end))
    bt_item_notify (BT_ITEM (self), properties[PROP_END]);
}
