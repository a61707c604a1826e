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

#define BT_ITEM_SELF BtTouchpoint, bt_touchpoint
BT_DEFINE_ITEM (BT_TOUCHPOINT_FIELDS, N_("Touchpoint"), TRUE)
