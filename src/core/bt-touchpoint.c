/* bt-touchpoint.c — One contact with a relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a touchpoint, in its order. */
#define TOUCHPOINT_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  DATE (date, N_("Date"), BT_FIELD_REQUIRED) \
  TEXT (note, N_("Note"), 0) \
  TEXT (source, NULL, BT_FIELD_IMPORT_ONLY)

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

#define BT_ITEM_SELF BtTouchpoint, bt_touchpoint
BT_DEFINE_ITEM (TOUCHPOINT_FIELDS, N_("Touchpoint"), TRUE)
