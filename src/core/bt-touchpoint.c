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

/* What the plan file holds of a touchpoint, in its order. */
static const BtField fields[] = {
  { "date", .label = N_("Date"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_touchpoint_set_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtTouchpoint, date) },
  { "note", .label = N_("Note"), .set = G_CALLBACK (bt_touchpoint_set_note),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtTouchpoint, note) },
  { "source", .flags = BT_FIELD_IMPORT_ONLY, .set = G_CALLBACK (bt_touchpoint_set_source),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtTouchpoint, source) },
};

/* Property n is field n - 1: see bt_item_class_install_fields(). */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS);

static const BtItemDescription description = {
  .kind_label = N_("Touchpoint"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_touchpoint_class_init (BtTouchpointClass *klass)
{

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
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
