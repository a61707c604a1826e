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

BtTouchpoint *
bt_touchpoint_new (void)
{
  return g_object_new (BT_TYPE_TOUCHPOINT, NULL);
}

/* What the plan file holds of a touchpoint, in its order. */
#define BT_ITEM_SELF BtTouchpoint, bt_touchpoint
#define TOUCHPOINT_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  DATE (date, N_("Date"), BT_FIELD_REQUIRED) \
  TEXT (note, N_("Note"), 0) \
  TEXT (source, NULL, BT_FIELD_IMPORT_ONLY)

BT_DEFINE_ITEM_FIELDS (TOUCHPOINT_FIELDS)

BT_DEFINE_ITEM_CLASS (BtTouchpoint, bt_touchpoint, N_("Touchpoint"), TRUE)
