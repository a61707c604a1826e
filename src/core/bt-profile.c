/* bt-profile.c — The person whose shift the plan follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "bt-profile.h"
#include "bt-item-define-private.h"

struct _BtProfile
{
  BtItem parent_instance;

  char *name;
  char *current_role;
  char *email;
  char *target_role;
  char *currency;   /* ISO 4217; NULL: the locale's */
  GDate target_date;
  int birth_year;
  double target_share;
};

G_DEFINE_FINAL_TYPE (BtProfile, bt_profile, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CURRENT_ROLE,
  PROP_EMAIL,
  PROP_TARGET_ROLE,
  PROP_TARGET_DATE,
  PROP_BIRTH_YEAR,
  PROP_TARGET_SHARE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtProfile *
bt_profile_new (void)
{
  return g_object_new (BT_TYPE_PROFILE, NULL);
}

/* What the plan file holds of a profile, in its order, which is the editor's. */
static const BtField fields[] = {
  { "name", .label = N_("Name"), .set = G_CALLBACK (bt_profile_set_name),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtProfile, name) },
  { "current_role", .label = N_("Current role"), .set = G_CALLBACK (bt_profile_set_current_role),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtProfile, current_role) },
  { "email", .label = N_("E-mail"), .set = G_CALLBACK (bt_profile_set_email),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtProfile, email) },
  { "target_role", .label = N_("Target role"), .set = G_CALLBACK (bt_profile_set_target_role),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtProfile, target_role) },
  { "target_date", .label = N_("Target date"), .set = G_CALLBACK (bt_profile_set_target_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtProfile, target_date) },
  { "birth_year", .label = N_("Birth year, to show ages (0 for none)"),
    .flags = BT_FIELD_ZERO_UNSET, .min = BT_BIRTH_YEAR_MIN, .max = BT_BIRTH_YEAR_MAX,
    .set = G_CALLBACK (bt_profile_set_birth_year),
    .type = BT_FIELD_INT, .lowest = 0, .highest = BT_BIRTH_YEAR_MAX, .default_value = 0,
    .offset = G_STRUCT_OFFSET (BtProfile, birth_year) },
  { "target_share", .label = N_("Target strategic share, in percent"), .flags = BT_FIELD_PERCENT,
    .set = G_CALLBACK (bt_profile_set_target_share),
    .type = BT_FIELD_NUMBER, .lowest = 0.0, .highest = 1.0, .default_value = 0.5,
    .offset = G_STRUCT_OFFSET (BtProfile, target_share) },
  /* As stored: a plan that never chose one leaves it out of its file, and
   * bt_profile_get_currency() gives the locale's. */
  { "currency", .label = N_("Currency of your business cases, such as EUR or USD"), .flags = BT_FIELD_CURRENCY,
    .set = G_CALLBACK (bt_profile_set_currency),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtProfile, currency) },
};

BT_DEFINE_ITEM_CLASS (BtProfile, bt_profile, N_("Profile"), FALSE)

BT_DEFINE_TEXT_ACCESSORS (BtProfile, bt_profile, name, PROP_NAME)
BT_DEFINE_TEXT_ACCESSORS (BtProfile, bt_profile, current_role, PROP_CURRENT_ROLE)
BT_DEFINE_TEXT_ACCESSORS (BtProfile, bt_profile, target_role, PROP_TARGET_ROLE)
BT_DEFINE_DATE_ACCESSORS (BtProfile, bt_profile, target_date, PROP_TARGET_DATE)
BT_DEFINE_INT_GETTER (BtProfile, bt_profile, birth_year)

void
bt_profile_set_birth_year (BtProfile *self,
                           int birth_year)
{
  g_return_if_fail (BT_IS_PROFILE (self));
  g_return_if_fail (birth_year == 0 || (birth_year >= BT_BIRTH_YEAR_MIN && birth_year <= BT_BIRTH_YEAR_MAX));

  if (self->birth_year == birth_year)
    return;

  self->birth_year = birth_year;
  bt_item_notify (BT_ITEM (self), properties[PROP_BIRTH_YEAR]);
}

BT_DEFINE_NUMBER_ACCESSORS (BtProfile, bt_profile, target_share, PROP_TARGET_SHARE)
BT_DEFINE_TEXT_ACCESSORS (BtProfile, bt_profile, email, PROP_EMAIL)

/**
 * bt_currency_is_valid:
 *
 * Returns: whether @code is written as an ISO 4217 code: three capital
 *   letters, such as "EUR"
 */
gboolean
bt_currency_is_valid (const char *code)
{
  return code != NULL && strlen (code) == 3 &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && g_ascii_isupper (code[2]);
}

/**
 * bt_currency_default:
 *
 * The currency of the user's locale (LC_MONETARY's international symbol,
 * "EUR " in de_DE), or EUR when the locale has none, as in C.
 *
 * Returns: an ISO 4217 code
 */
const char *
bt_currency_default (void)
{
  static char code[4];
  const char *intl = nl_langinfo (INT_CURR_SYMBOL);

  if (intl != NULL && strlen (intl) >= 3)
    {
      memcpy (code, intl, 3);
      code[3] = '\0';
      if (bt_currency_is_valid (code))
        return code;
    }

  return "EUR";
}

/**
 * bt_profile_get_currency:
 *
 * Returns: the plan's currency, an ISO 4217 code: the one chosen, else
 *   the locale's
 */
const char *
bt_profile_get_currency (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return self->currency ? self->currency : bt_currency_default ();
}

/**
 * bt_profile_set_currency:
 * @currency: (nullable): an ISO 4217 code, or %NULL or "" for the locale's
 */
void
bt_profile_set_currency (BtProfile  *self,
                         const char *currency)
{
  g_return_if_fail (BT_IS_PROFILE (self));
  g_return_if_fail (currency == NULL || *currency == '\0' || bt_currency_is_valid (currency));

  if (currency != NULL && *currency == '\0')
    currency = NULL;
  if (bt_item_set_string (&self->currency, currency))
    bt_item_notify (BT_ITEM (self), properties[PROP_CURRENCY]);
}
