/* bt-item.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bt-item-list.h"

G_BEGIN_DECLS

#define BT_TYPE_ITEM (bt_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (BtItem, bt_item, BT, ITEM, GObject)

struct _BtItemClass
{
  GObjectClass parent_class;

  /* The class handler of BtItem::changed, for what a subclass derives
   * from its content and keeps. */
  void (*changed) (BtItem *self);

  /* Called when one of the item's lists changed (see
   * bt_item_children_changed()), before BtItem::changed. */
  void (*children_changed) (BtItem     *self,
                            BtItemList *list,
                            guint       position,
                            guint       removed,
                            guint       added);

  /*< private >*/
  gpointer padding[2];
};

const char *bt_item_get_id           (BtItem      *self);
void        bt_item_set_id           (BtItem      *self,
                                      const char  *id);
JsonObject *bt_item_get_extra        (BtItem      *self);
void        bt_item_set_extra        (BtItem      *self,
                                      JsonObject  *extra);
BtItem     *bt_item_get_parent       (BtItem      *self);
void        bt_item_notify           (BtItem      *self,
                                      GParamSpec  *pspec);
void        bt_item_changed          (BtItem      *self);
BtItem     *bt_item_get_changed_child (BtItem     *self);
void        bt_item_adopt_list       (BtItem      *self,
                                      BtItemList  *list);
void        bt_item_children_changed (BtItem      *self,
                                      BtItemList  *list,
                                      guint        position,
                                      gpointer    *removed,
                                      guint        n_removed,
                                      guint        n_added);
void        bt_item_insert_child     (BtItem      *self,
                                      GListModel  *list,
                                      guint        position,
                                      BtItem      *child);
void        bt_item_append_child     (BtItem      *self,
                                      GListModel  *list,
                                      BtItem      *child);
void        bt_item_splice_children  (BtItem      *self,
                                      GListModel  *list,
                                      guint        position,
                                      gpointer    *children,
                                      guint        n_children);
gboolean    bt_item_remove_child     (BtItem      *self,
                                      GListModel  *list,
                                      BtItem      *child,
                                      guint       *position);

/* Helpers for the setters of subclasses: they return TRUE when the value changed. */
gboolean    bt_item_set_string       (char       **field,
                                      const char  *value);
gboolean    bt_item_set_date         (GDate       *field,
                                      const GDate *value);

G_END_DECLS
