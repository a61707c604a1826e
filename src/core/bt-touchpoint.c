/* bt-touchpoint.c — One contact with a relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-touchpoint"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-touchpoint.h"
#include "bt-item-define-private.h"

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

BT_DEFINE_ITEM_CLASS (BtTouchpoint, bt_touchpoint, N_("Touchpoint"), TRUE)

BT_DEFINE_DATE_ACCESSORS (BtTouchpoint, bt_touchpoint, date, PROP_DATE)
BT_DEFINE_TEXT_ACCESSORS (BtTouchpoint, bt_touchpoint, note, PROP_NOTE)
BT_DEFINE_TEXT_ACCESSORS (BtTouchpoint, bt_touchpoint, source, PROP_SOURCE)
