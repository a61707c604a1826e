/* bt-calendar-offer.h — the check-in's row of what the desktop's
 * calendars say about the week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_CALENDAR_OFFER (bt_calendar_offer_get_type ())

G_DECLARE_FINAL_TYPE (BtCalendarOffer, bt_calendar_offer, BT, CALENDAR_OFFER, AdwActionRow)

GtkWidget *bt_calendar_offer_new (BtPlan    *plan,
                                  BtHistory *history,
                                  int        iso_year,
                                  int        week);

G_END_DECLS
