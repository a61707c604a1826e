/* bt-history.h — every edit of a plan, undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_HISTORY (bt_history_get_type ())

G_DECLARE_FINAL_TYPE (BtHistory, bt_history, BT, HISTORY, GObject)

BtHistory  *bt_history_new              (void);
gboolean    bt_history_get_can_undo     (BtHistory    *self);
gboolean    bt_history_get_can_redo     (BtHistory    *self);
const char *bt_history_get_undo_label   (BtHistory    *self);
const char *bt_history_get_redo_label   (BtHistory    *self);
void        bt_history_begin            (BtHistory    *self,
                                         const char   *label);
void        bt_history_end              (BtHistory    *self);
void        bt_history_set              (BtHistory    *self,
                                         gpointer      object,
                                         const char   *property,
                                         const GValue *value);
void        bt_history_insert           (BtHistory    *self,
                                         BtItem       *parent,
                                         GListModel   *list,
                                         guint         position,
                                         BtItem       *child);
void        bt_history_append           (BtHistory    *self,
                                         BtItem       *parent,
                                         GListModel   *list,
                                         BtItem       *child);
gboolean    bt_history_remove           (BtHistory    *self,
                                         BtItem       *parent,
                                         GListModel   *list,
                                         BtItem       *child);
void        bt_history_set_hours        (BtHistory    *self,
                                         BtWeek       *week,
                                         const char   *category_id,
                                         double        hours);
BtWeek     *bt_history_set_week         (BtHistory    *self,
                                         BtPlan       *plan,
                                         int           iso_year,
                                         int           number,
                                         GHashTable   *hours);
gboolean    bt_history_undo             (BtHistory    *self);
gboolean    bt_history_redo             (BtHistory    *self);
void        bt_history_clear            (BtHistory    *self);

G_END_DECLS
