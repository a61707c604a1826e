/* bt-check-in.c — A weekly check-in: reflection and warning signs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-check-in"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-check-in.h"
#include "bt-item-define-private.h"
#include "bt-date.h"

struct _BtCheckIn
{
  BtItem parent_instance;

  char *week;
  char *question;
  char *answer;
  int over_involvement;
  int operational_reflex;
  int not_delegating;
  int technical_certainty;
};

#define BT_ITEM_SELF BtCheckIn, bt_check_in
BT_DEFINE_ITEM (BT_CHECK_IN_FIELDS, N_("Check-in"), TRUE)

BT_DEFINE_TEXT_GETTER (BtCheckIn, bt_check_in, week)

void
bt_check_in_set_week (BtCheckIn *self,
                      const char *week)
{
  g_return_if_fail (BT_IS_CHECK_IN (self));
  g_return_if_fail (week == NULL || *week == '\0' || bt_iso_week_parse (week, NULL, NULL, NULL));

  if (bt_item_set_string (&self->week, week))
    bt_item_notify (BT_ITEM (self), properties[PROP_week]);
}
