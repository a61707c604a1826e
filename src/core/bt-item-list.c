/* bt-item-list.c — a list of the items inside another item
 *
 * The list model of a plan's lists and of the lists inside its items (a
 * relationship's touchpoints, a narrative's business cases). Like a
 * GListStore it holds references to its items and says what changed, but
 * its items sit in one array: the charts and the analytics read every item
 * of the long lists without a reference or a tree walk each, and a loader
 * adds thousands of items with one copy. It also knows the item it belongs
 * to (its owner, see bt_item_adopt_list()) and tells it of every change
 * first, before anyone listening to the list, so the items always know
 * their parent and the plan has said it changed by the time a view hears
 * of it. Where a store would need a signal handler for that, on each of a
 * plan's hundreds of lists, this is a call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-list"

#include "config.h"

#include <string.h>

#include "bt-item.h"
#include "bt-item-list-private.h"

struct _BtItemList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;   /* holds a reference to each */
  BtItem    *owner;   /* not a reference: the owner owns the list */
};

static void bt_item_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BtItemList, bt_item_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bt_item_list_model_init))

static GType
bt_item_list_get_item_type_impl (GListModel *model)
{
  return BT_ITEM_LIST (model)->item_type;
}

static guint
bt_item_list_get_n_items_impl (GListModel *model)
{
  return BT_ITEM_LIST (model)->items->len;
}

static gpointer
bt_item_list_get_item_impl (GListModel *model,
                            guint       position)
{
  BtItemList *self = BT_ITEM_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
bt_item_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bt_item_list_get_item_type_impl;
  iface->get_n_items = bt_item_list_get_n_items_impl;
  iface->get_item = bt_item_list_get_item_impl;
}

static void
bt_item_list_finalize (GObject *object)
{
  BtItemList *self = BT_ITEM_LIST (object);

  g_ptr_array_foreach (self->items, (GFunc) g_object_unref, NULL);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (bt_item_list_parent_class)->finalize (object);
}

static void
bt_item_list_class_init (BtItemListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_item_list_finalize;
}

static void
bt_item_list_init (BtItemList *self)
{
  /* without a free function: splicing hands the removed items on */
  self->items = g_ptr_array_new ();
}

/**
 * bt_item_list_new:
 * @item_type: the type of the items, a #GObject type
 *
 * Returns: (transfer full): a new empty list
 */
BtItemList *
bt_item_list_new (GType item_type)
{
  BtItemList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (BT_TYPE_ITEM_LIST, NULL);
  self->item_type = item_type;

  return self;
}

/**
 * bt_item_list_peek:
 *
 * Returns: (transfer none) (nullable): the item at @position, or %NULL
 *   past the end
 */
gpointer
bt_item_list_peek (BtItemList *self,
                   guint       position)
{
  g_return_val_if_fail (BT_IS_ITEM_LIST (self), NULL);

  return position < self->items->len ? g_ptr_array_index (self->items, position) : NULL;
}

/**
 * bt_item_list_peek_all:
 * @n_items: (out): how many there are
 *
 * Returns: (transfer none) (array length=n_items): the items, valid until
 *   the list next changes
 */
gpointer const *
bt_item_list_peek_all (BtItemList *self,
                       guint      *n_items)
{
  g_return_val_if_fail (BT_IS_ITEM_LIST (self), NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = self->items->len;

  return (gpointer const *) self->items->pdata;
}

/**
 * bt_item_list_find:
 * @position: (out) (optional): where @item is
 *
 * Returns: %TRUE if @item is in the list
 */
gboolean
bt_item_list_find (BtItemList *self,
                   gpointer    item,
                   guint      *position)
{
  g_return_val_if_fail (BT_IS_ITEM_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

/**
 * bt_item_list_splice:
 * @additions: (array length=n_additions) (element-type GObject) (nullable):
 *   the items to put in at @position, each of the list's item type
 *
 * Removes @n_removals items at @position and puts @additions there: one
 * change, which the owner hears of first (see bt_item_adopt_list()), then
 * whoever listens to #GListModel::items-changed.
 */
void
bt_item_list_splice (BtItemList *self,
                     guint       position,
                     guint       n_removals,
                     gpointer   *additions,
                     guint       n_additions)
{
  g_autoptr(GPtrArray) removed = NULL;
  guint tail;

  g_return_if_fail (BT_IS_ITEM_LIST (self));
  g_return_if_fail (position <= self->items->len);
  g_return_if_fail (n_removals <= self->items->len - position);
  g_return_if_fail (n_additions == 0 || additions != NULL);

  for (guint i = 0; i < n_additions; i++)
    g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (additions[i], self->item_type));

  if (n_removals == 0 && n_additions == 0)
    return;

  /* The removed items live until everyone has heard of the change. */
  if (n_removals > 0)
    {
      removed = g_ptr_array_new_full (n_removals, g_object_unref);
      for (guint i = 0; i < n_removals; i++)
        g_ptr_array_add (removed, g_ptr_array_index (self->items, position + i));
      g_ptr_array_remove_range (self->items, position, n_removals);
    }

  if (n_additions > 0)
    {
      tail = self->items->len - position;
      g_ptr_array_set_size (self->items, self->items->len + n_additions);
      memmove (self->items->pdata + position + n_additions,
               self->items->pdata + position,
               tail * sizeof (gpointer));
      for (guint i = 0; i < n_additions; i++)
        self->items->pdata[position + i] = g_object_ref (additions[i]);
    }

  if (self->owner != NULL)
    bt_item_children_changed (self->owner, self, position,
                              removed != NULL ? removed->pdata : NULL, n_removals,
                              n_additions);

  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
}

void
bt_item_list_insert (BtItemList *self,
                     guint       position,
                     gpointer    item)
{
  g_return_if_fail (BT_IS_ITEM_LIST (self));
  g_return_if_fail (position <= self->items->len);

  bt_item_list_splice (self, position, 0, &item, 1);
}

void
bt_item_list_append (BtItemList *self,
                     gpointer    item)
{
  g_return_if_fail (BT_IS_ITEM_LIST (self));

  bt_item_list_splice (self, self->items->len, 0, &item, 1);
}

void
bt_item_list_remove (BtItemList *self,
                     guint       position)
{
  g_return_if_fail (BT_IS_ITEM_LIST (self));
  g_return_if_fail (position < self->items->len);

  bt_item_list_splice (self, position, 1, NULL, 0);
}

void
bt_item_list_remove_all (BtItemList *self)
{
  g_return_if_fail (BT_IS_ITEM_LIST (self));

  bt_item_list_splice (self, 0, self->items->len, NULL, 0);
}

void
bt_item_list_set_owner (BtItemList *self,
                        BtItem     *owner)
{
  g_return_if_fail (BT_IS_ITEM_LIST (self));
  g_return_if_fail (owner == NULL || self->owner == NULL);

  self->owner = owner;
}

/**
 * bt_item_list_get_owner:
 *
 * Returns: (transfer none) (nullable): the item the list belongs to
 */
BtItem *
bt_item_list_get_owner (BtItemList *self)
{
  g_return_val_if_fail (BT_IS_ITEM_LIST (self), NULL);

  return self->owner;
}
