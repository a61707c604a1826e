/* bt-money.h — amounts as the user's locale writes money
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"

G_BEGIN_DECLS

char *bt_money_symbol      (const char *currency);
char *bt_money_format      (double      value,
                            const char *currency);
char *bt_money_format_plan (double      value,
                            BtPlan     *plan);
char *bt_number_format     (double      value);
char *bt_impact_value_text (double      value,
                            const char *unit);

G_END_DECLS
