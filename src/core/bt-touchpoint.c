/* bt-touchpoint.c — One contact with a relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-touchpoint"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-touchpoint.h"

struct _BtTouchpoint
{
  BtItem parent_instance;

  GDate date;
  char *note;
  char *source;
};

G_DEFINE_FINAL_TYPE (BtTouchpoint, bt_touchpoint, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_DATE,
  PROP_NOTE,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtTouchpoint *
bt_touchpoint_new (void)
{
  return g_object_new (BT_TYPE_TOUCHPOINT, NULL);
}

static void
bt_touchpoint_finalize (GObject *object)
{
  BtTouchpoint *self = BT_TOUCHPOINT (object);

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (bt_touchpoint_parent_class)->finalize (object);
}

static void
bt_touchpoint_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BtTouchpoint *self = BT_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, bt_touchpoint_get_date (self));
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_touchpoint_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BtTouchpoint *self = BT_TOUCHPOINT (object);

  switch (prop_id)
    {
    case PROP_DATE:
      bt_touchpoint_set_date (self, g_value_get_boxed (value));
      break;

    case PROP_NOTE:
      bt_touchpoint_set_note (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      bt_touchpoint_set_source (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a touchpoint, in its order. */
static const BtField fields[] = {
  { "date", .label = N_("Date"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_touchpoint_set_date) },
  { "note", .label = N_("Note"), .set = G_CALLBACK (bt_touchpoint_set_note) },
  { "source", .set = G_CALLBACK (bt_touchpoint_set_source) },
};

static const BtItemDescription description = {
  .kind_label = N_("Touchpoint"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_touchpoint_class_init (BtTouchpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_touchpoint_finalize;
  object_class->get_property = bt_touchpoint_get_property;
  object_class->set_property = bt_touchpoint_set_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_touchpoint_init (BtTouchpoint *self)
{
  g_date_clear (&self->date, 1);
}

const GDate *
bt_touchpoint_get_date (BtTouchpoint *self)
{
  g_return_val_if_fail (BT_IS_TOUCHPOINT (self), NULL);

  return g_date_valid (&self->date) ? &self->date : NULL;
}

void
bt_touchpoint_set_date (BtTouchpoint *self,
                        const GDate *date)
{
  g_return_if_fail (BT_IS_TOUCHPOINT (self));

  if (bt_item_set_date (&self->date, date))
    bt_item_notify (BT_ITEM (self), properties[PROP_DATE]);
}

const char *
bt_touchpoint_get_note (BtTouchpoint *self)
{
  g_return_val_if_fail (BT_IS_TOUCHPOINT (self), NULL);

  return self->note ? self->note : "";
}

void
bt_touchpoint_set_note (BtTouchpoint *self,
                        const char *note)
{
  g_return_if_fail (BT_IS_TOUCHPOINT (self));

  if (bt_item_set_string (&self->note, note))
    bt_item_notify (BT_ITEM (self), properties[PROP_NOTE]);
}

const char *
bt_touchpoint_get_source (BtTouchpoint *self)
{
  g_return_val_if_fail (BT_IS_TOUCHPOINT (self), NULL);

  return self->source ? self->source : "";
}

void
bt_touchpoint_set_source (BtTouchpoint *self,
                          const char *source)
{
  g_return_if_fail (BT_IS_TOUCHPOINT (self));

  if (bt_item_set_string (&self->source, source))
    bt_item_notify (BT_ITEM (self), properties[PROP_SOURCE]);
}
