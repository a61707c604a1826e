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

enum {
  PROP_0,
  PROP_WEEK,
  PROP_QUESTION,
  PROP_ANSWER,
  PROP_OVER_INVOLVEMENT,
  PROP_OPERATIONAL_REFLEX,
  PROP_NOT_DELEGATING,
  PROP_TECHNICAL_CERTAINTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtCheckIn *
bt_check_in_new (void)
{
  return g_object_new (BT_TYPE_CHECK_IN, NULL);
}

/* What the plan file holds of a check-in, in its order. */
static const BtField fields[] = {
  { "week", .flags = BT_FIELD_REQUIRED | BT_FIELD_WEEK, .set = G_CALLBACK (bt_check_in_set_week),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtCheckIn, week) },
  { "question", .set = G_CALLBACK (bt_check_in_set_question),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtCheckIn, question) },
  { "answer", .set = G_CALLBACK (bt_check_in_set_answer),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtCheckIn, answer) },
  { "over_involvement", .set = G_CALLBACK (bt_check_in_set_over_involvement),
    .type = BT_FIELD_INT, .lowest = 0, .highest = 5, .default_value = 0,
    .offset = G_STRUCT_OFFSET (BtCheckIn, over_involvement) },
  { "operational_reflex", .set = G_CALLBACK (bt_check_in_set_operational_reflex),
    .type = BT_FIELD_INT, .lowest = 0, .highest = 5, .default_value = 0,
    .offset = G_STRUCT_OFFSET (BtCheckIn, operational_reflex) },
  { "not_delegating", .set = G_CALLBACK (bt_check_in_set_not_delegating),
    .type = BT_FIELD_INT, .lowest = 0, .highest = 5, .default_value = 0,
    .offset = G_STRUCT_OFFSET (BtCheckIn, not_delegating) },
  { "technical_certainty", .set = G_CALLBACK (bt_check_in_set_technical_certainty),
    .type = BT_FIELD_INT, .lowest = 0, .highest = 5, .default_value = 0,
    .offset = G_STRUCT_OFFSET (BtCheckIn, technical_certainty) },
};

BT_DEFINE_ITEM_CLASS (BtCheckIn, bt_check_in, N_("Check-in"), TRUE)

BT_DEFINE_TEXT_GETTER (BtCheckIn, bt_check_in, week)

void
bt_check_in_set_week (BtCheckIn *self,
                      const char *week)
{
  g_return_if_fail (BT_IS_CHECK_IN (self));
  g_return_if_fail (week == NULL || *week == '\0' || bt_iso_week_parse (week, NULL, NULL, NULL));

  if (bt_item_set_string (&self->week, week))
    bt_item_notify (BT_ITEM (self), properties[PROP_WEEK]);
}

BT_DEFINE_TEXT_ACCESSORS (BtCheckIn, bt_check_in, question, PROP_QUESTION)
BT_DEFINE_TEXT_ACCESSORS (BtCheckIn, bt_check_in, answer, PROP_ANSWER)
BT_DEFINE_INT_ACCESSORS (BtCheckIn, bt_check_in, over_involvement, PROP_OVER_INVOLVEMENT)
BT_DEFINE_INT_ACCESSORS (BtCheckIn, bt_check_in, operational_reflex, PROP_OPERATIONAL_REFLEX)
BT_DEFINE_INT_ACCESSORS (BtCheckIn, bt_check_in, not_delegating, PROP_NOT_DELEGATING)
BT_DEFINE_INT_ACCESSORS (BtCheckIn, bt_check_in, technical_certainty, PROP_TECHNICAL_CERTAINTY)
