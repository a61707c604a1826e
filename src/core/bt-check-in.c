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

G_DEFINE_FINAL_TYPE (BtCheckIn, bt_check_in, BT_TYPE_ITEM)

BtCheckIn *
bt_check_in_new (void)
{
  return g_object_new (BT_TYPE_CHECK_IN, NULL);
}

/* What the plan file holds of a check-in, in its order. */
#define BT_ITEM_SELF BtCheckIn, bt_check_in
#define CHECK_IN_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  OWN (TEXT, week, NULL, BT_FIELD_REQUIRED | BT_FIELD_WEEK) \
  TEXT (question, NULL, 0) \
  TEXT (answer, NULL, 0) \
  INT (over_involvement, NULL, 0, 0, 5, 0) \
  INT (operational_reflex, NULL, 0, 0, 5, 0) \
  INT (not_delegating, NULL, 0, 0, 5, 0) \
  INT (technical_certainty, NULL, 0, 0, 5, 0)

BT_DEFINE_ITEM_FIELDS (CHECK_IN_FIELDS)

BT_DEFINE_ITEM_CLASS (BtCheckIn, bt_check_in, N_("Check-in"), TRUE)

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
