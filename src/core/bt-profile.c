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

#define BT_ITEM_SELF BtProfile, bt_profile
BT_DEFINE_ITEM (BT_PROFILE_FIELDS, N_("Profile"), FALSE)

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
    bt_item_notify (BT_ITEM (self), properties[PROP_currency]);
}
