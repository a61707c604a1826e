/* bt-week.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"

G_BEGIN_DECLS

#define BT_TYPE_WEEK (bt_week_get_type ())

G_DECLARE_FINAL_TYPE (BtWeek, bt_week, BT, WEEK, BtItem)

#define BT_WEEK_MAX_HOURS 168.0

/* A category's hours in a week; the id is interned (g_intern_string()). */
typedef struct
{
  const char *category_id;
  double      hours;
} BtWeekEntry;

BtWeek      *bt_week_new              (int          iso_year,
                                       int          week);
const char  *bt_week_get_week         (BtWeek      *self);
void         bt_week_get_iso          (BtWeek      *self,
                                       int         *iso_year,
                                       int         *week);
const GDate *bt_week_get_monday       (BtWeek      *self);
guint        bt_week_get_serial       (BtWeek      *self);
const char  *bt_week_get_note         (BtWeek      *self);
void         bt_week_set_note         (BtWeek      *self,
                                       const char  *note);
double       bt_week_get_hours        (BtWeek      *self,
                                       const char  *category_id);
void         bt_week_set_hours        (BtWeek      *self,
                                       const char  *category_id,
                                       double       hours);
void         bt_week_set_hours_interned (BtWeek    *self,
                                       const char  *category_id,
                                       double       hours);
guint        bt_week_get_n_categories (BtWeek      *self);
const char  *bt_week_get_category     (BtWeek      *self,
                                       guint        index,
                                       double      *hours);
const BtWeekEntry *bt_week_peek_entries (BtWeek    *self,
                                       guint       *n_entries);
double       bt_week_get_total_hours  (BtWeek      *self);
GHashTable  *bt_week_get_imported     (BtWeek      *self);
double       bt_week_get_imported_hours (BtWeek    *self,
                                       const char  *category_id);
void         bt_week_set_imported     (BtWeek      *self,
                                       GHashTable  *imported);

const char  *bt_week_get_imported_from (BtWeek    *self);
void         bt_week_set_imported_from (BtWeek    *self,
                                       const char  *source);

G_END_DECLS
