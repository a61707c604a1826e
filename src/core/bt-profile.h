/* bt-profile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a profile, in its order, which is the
 * editor's. The currency as stored: a plan that never chose one leaves it
 * out of its file, and bt_profile_get_currency() gives the locale's. */
#define BT_PROFILE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (name, N_("Name"), 0) \
  TEXT (current_role, N_("Current role"), 0) \
  TEXT (email, N_("E-mail"), 0) \
  TEXT (target_role, N_("Target role"), 0) \
  DATE (target_date, N_("Target date"), 0) \
  INT (birth_year, N_("Birth year, to show ages (0 for none)"), BT_FIELD_ZERO_UNSET, BT_BIRTH_YEAR_MIN, BT_BIRTH_YEAR_MAX, 0) \
  NUMBER (target_share, N_("Target strategic share, in percent"), BT_FIELD_PERCENT, 0.0, 1.0, 0.5) \
  OWN (TEXT, currency, N_("Currency of your business cases, such as EUR or USD"), BT_FIELD_CURRENCY)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_PROFILE (bt_profile_get_type ())

/* A birth year is 0, for none, or one of these. */
#define BT_BIRTH_YEAR_MIN 1900
#define BT_BIRTH_YEAR_MAX 2100

G_DECLARE_FINAL_TYPE (BtProfile, bt_profile, BT, PROFILE, BtItem)

BtProfile *bt_profile_new (void);

gboolean bt_currency_is_valid (const char *code);
const char *bt_currency_default (void);

#define BT_ITEM_DECLARING BtProfile, bt_profile
BT_DECLARE_ITEM_ACCESSORS (BT_PROFILE_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
