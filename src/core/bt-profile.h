/* bt-profile.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_PROFILE (bt_profile_get_type ())

/* A birth year is 0, for none, or one of these. */
#define BT_BIRTH_YEAR_MIN 1900
#define BT_BIRTH_YEAR_MAX 2100

G_DECLARE_FINAL_TYPE (BtProfile, bt_profile, BT, PROFILE, BtItem)

BtProfile *bt_profile_new (void);
const char *bt_profile_get_name (BtProfile *self);
void bt_profile_set_name (BtProfile *self,
                          const char *name);
const char *bt_profile_get_current_role (BtProfile *self);
void bt_profile_set_current_role (BtProfile *self,
                                  const char *current_role);
const char *bt_profile_get_target_role (BtProfile *self);
void bt_profile_set_target_role (BtProfile *self,
                                 const char *target_role);
const GDate *bt_profile_get_target_date (BtProfile *self);
void bt_profile_set_target_date (BtProfile *self,
                                 const GDate *target_date);
int bt_profile_get_birth_year (BtProfile *self);
void bt_profile_set_birth_year (BtProfile *self,
                                int birth_year);
double bt_profile_get_target_share (BtProfile *self);
void bt_profile_set_target_share (BtProfile *self,
                                  double target_share);
const char *bt_profile_get_email (BtProfile *self);
void bt_profile_set_email (BtProfile *self,
                          const char *email);
const char *bt_profile_get_currency (BtProfile *self);
void bt_profile_set_currency (BtProfile  *self,
                              const char *currency);

gboolean bt_currency_is_valid (const char *code);
const char *bt_currency_default (void);

G_END_DECLS
