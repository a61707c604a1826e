/* bt-item-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BT_TYPE_ITEM_LIST (bt_item_list_get_type ())

G_DECLARE_FINAL_TYPE (BtItemList, bt_item_list, BT, ITEM_LIST, GObject)

typedef struct _BtItem BtItem;

BtItemList     *bt_item_list_new         (GType        item_type);
gpointer        bt_item_list_peek        (BtItemList  *self,
                                          guint        position);
gpointer const *bt_item_list_peek_all    (BtItemList  *self,
                                          guint       *n_items);
gboolean        bt_item_list_find        (BtItemList  *self,
                                          gpointer     item,
                                          guint       *position);
void            bt_item_list_append      (BtItemList  *self,
                                          gpointer     item);
void            bt_item_list_insert      (BtItemList  *self,
                                          guint        position,
                                          gpointer     item);
void            bt_item_list_remove      (BtItemList  *self,
                                          guint        position);
void            bt_item_list_remove_all  (BtItemList  *self);
void            bt_item_list_splice      (BtItemList  *self,
                                          guint        position,
                                          guint        n_removals,
                                          gpointer    *additions,
                                          guint        n_additions);

BtItem         *bt_item_list_get_owner   (BtItemList  *self);

G_END_DECLS
