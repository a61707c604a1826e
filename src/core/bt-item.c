/* bt-item.c — the base of everything a plan holds
 *
 * Every item has a stable id, keeps the JSON members this version of the
 * app does not know (so that a newer file survives a load and a save), and
 * reports any change to itself and to the items that contain it, so that the
 * plan can offer one "changed" signal for autosave and redraw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-item-private.h"
#include "bt-item-list-private.h"

typedef struct
{
  char       *id;
  JsonObject *extra;
  BtItem     *parent;   /* not a reference: the parent owns us */
  GPtrArray  *lists;    /* adopted child lists, owned by the subclass */
  GPtrArray  *own_lists;   /* those of bt_item_add_list(), owned here */
  BtItem     *changed_child;   /* during ::changed, the child it came through */
  gboolean    quiet;    /* being built by a loader: no notifications */
} BtItemPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (BtItem, bt_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Makes @parent the parent of the @n items at @children. */
static void
adopt_children (BtItem         *parent,
                gpointer const *children,
                guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      BtItemPrivate *child_priv = bt_item_get_instance_private (children[i]);

      child_priv->parent = parent;
    }
}

static void
forget_parent (gpointer item,
               BtItem  *parent)
{
  BtItemPrivate *priv = bt_item_get_instance_private (BT_ITEM (item));

  if (priv->parent == parent)
    priv->parent = NULL;
}

static void
bt_item_dispose (GObject *object)
{
  BtItem *self = BT_ITEM (object);
  BtItemPrivate *priv = bt_item_get_instance_private (self);

  /* Children may outlive us (an undo step can hold one), and so may a
   * list (a view can hold one): make sure none of them keeps pointing
   * here. */
  if (priv->lists != NULL)
    {
      for (guint i = 0; i < priv->lists->len; i++)
        {
          BtItemList *list = g_ptr_array_index (priv->lists, i);
          guint n;
          gpointer const *children = bt_item_list_peek_all (list, &n);

          bt_item_list_set_owner (list, NULL);
          for (guint j = 0; j < n; j++)
            forget_parent (children[j], self);
        }
      g_clear_pointer (&priv->lists, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (bt_item_parent_class)->dispose (object);
}

static void
bt_item_finalize (GObject *object)
{
  BtItemPrivate *priv = bt_item_get_instance_private (BT_ITEM (object));
  const BtItemDescription *d = BT_ITEM_GET_CLASS (object)->description;

  /* The texts of fields the instance keeps where its description says. */
  for (guint i = 0; d != NULL && i < d->n_fields; i++)
    if (d->fields[i].type == BT_FIELD_TEXT && d->fields[i].offset != 0)
      g_clear_pointer (&G_STRUCT_MEMBER (char *, object, d->fields[i].offset), g_free);

  g_clear_pointer (&priv->own_lists, g_ptr_array_unref);
  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (bt_item_parent_class)->finalize (object);
}

static void
bt_item_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  BtItemPrivate *priv = bt_item_get_instance_private (BT_ITEM (object));

  if (priv->quiet)
    return;

  G_OBJECT_CLASS (bt_item_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  bt_item_changed (BT_ITEM (object));
}

static void
bt_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BtItem *self = BT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, bt_item_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BtItem *self = BT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      bt_item_set_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_item_class_init (BtItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bt_item_dispose;
  object_class->finalize = bt_item_finalize;
  object_class->get_property = bt_item_get_property;
  object_class->set_property = bt_item_set_property;
  object_class->dispatch_properties_changed = bt_item_dispatch_properties_changed;

  /**
   * BtItem:id:
   *
   * A stable identifier, a random UUID unless the file gave one.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BtItem::changed:
   *
   * Emitted after the item, or anything it contains, changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_FIRST,
                  G_STRUCT_OFFSET (BtItemClass, changed), NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bt_item_init (BtItem *self)
{
}

const char *
bt_item_get_id (BtItem *self)
{
  BtItemPrivate *priv;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  priv = bt_item_get_instance_private (self);

  /* Ids are made lazily: a loaded item gets the file's id, so most items
   * never need a random one. */
  if (priv->id == NULL)
    priv->id = g_uuid_string_random ();

  return priv->id;
}

void
bt_item_set_id (BtItem     *self,
                const char *id)
{
  BtItemPrivate *priv;

  g_return_if_fail (BT_IS_ITEM (self));

  priv = bt_item_get_instance_private (self);

  if (bt_item_set_string (&priv->id, id))
    bt_item_notify (self, properties[PROP_ID]);
}

/**
 * bt_item_get_extra:
 *
 * Returns: (nullable) (transfer none): the members of the item's JSON object
 *   that this version does not understand.
 */
JsonObject *
bt_item_get_extra (BtItem *self)
{
  BtItemPrivate *priv;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  priv = bt_item_get_instance_private (self);

  return priv->extra;
}

void
bt_item_set_extra (BtItem     *self,
                   JsonObject *extra)
{
  BtItemPrivate *priv;

  g_return_if_fail (BT_IS_ITEM (self));

  priv = bt_item_get_instance_private (self);

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

/**
 * bt_item_set_quiet:
 *
 * While quiet, the item's changes notify nobody. For code that builds an
 * item nobody can be watching yet, such as the file loader.
 */
void
bt_item_set_quiet (BtItem   *self,
                   gboolean  quiet)
{
  BtItemPrivate *priv;

  g_return_if_fail (BT_IS_ITEM (self));

  priv = bt_item_get_instance_private (self);
  priv->quiet = !!quiet;
}

/**
 * bt_item_notify:
 *
 * g_object_notify_by_pspec(), for the items' setters: nothing at all while
 * the item is quiet, so that loading a plan does not queue and drop a
 * notification for every field it reads.
 */
void
bt_item_notify (BtItem     *self,
                GParamSpec *pspec)
{
  BtItemPrivate *priv = bt_item_get_instance_private (self);

  if (!priv->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

BtItem *
bt_item_get_parent (BtItem *self)
{
  BtItemPrivate *priv;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  priv = bt_item_get_instance_private (self);

  return priv->parent;
}

/**
 * bt_item_changed:
 *
 * Emits #BtItem::changed on @self and on every item that contains it.
 */
void
bt_item_changed (BtItem *self)
{
  BtItem *child = NULL;

  g_return_if_fail (BT_IS_ITEM (self));

  for (BtItem *item = self; item != NULL; )
    {
      BtItemPrivate *priv = bt_item_get_instance_private (item);
      BtItem *outer = priv->changed_child;   /* a handler may change more */

      priv->changed_child = child;
      g_signal_emit (item, signals[CHANGED], 0);
      priv->changed_child = outer;
      child = item;
      item = priv->parent;
    }
}

/**
 * bt_item_get_changed_child:
 *
 * For handlers of #BtItem::changed: the item directly inside @self that
 * the change came through (which is, or contains, the item that changed),
 * so that a container can tell which of its parts to work out again.
 *
 * Returns: (nullable) (transfer none): that child; %NULL outside an
 *   emission, or when @self itself changed: one of its fields, or which
 *   items one of its lists holds
 */
BtItem *
bt_item_get_changed_child (BtItem *self)
{
  BtItemPrivate *priv;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  priv = bt_item_get_instance_private (self);

  return priv->changed_child;
}

/**
 * bt_item_adopt_list:
 *
 * Makes @self the owner of @list and the parent of every item in it, now
 * and later, so that their changes reach @self. The subclass keeps owning
 * @list.
 */
void
bt_item_adopt_list (BtItem     *self,
                    BtItemList *list)
{
  BtItemPrivate *priv;
  gpointer const *children;
  guint n;

  g_return_if_fail (BT_IS_ITEM (self));
  g_return_if_fail (BT_IS_ITEM_LIST (list));
  g_return_if_fail (g_type_is_a (g_list_model_get_item_type (G_LIST_MODEL (list)), BT_TYPE_ITEM));
  g_return_if_fail (bt_item_list_get_owner (list) == NULL);

  priv = bt_item_get_instance_private (self);

  if (priv->lists == NULL)
    priv->lists = g_ptr_array_new ();
  g_ptr_array_add (priv->lists, list);
  bt_item_list_set_owner (list, self);

  children = bt_item_list_peek_all (list, &n);
  adopt_children (self, children, n);
}

/**
 * bt_item_children_changed:
 * @list: a list of @self's (see bt_item_adopt_list())
 * @removed: (array length=n_removed): the items that left @list
 * @n_added: how many items came in at @position
 *
 * For #BtItemList, which calls it on each change before it emits
 * #GListModel::items-changed: the items that came in get @self as their
 * parent, those that left forget it, then the class hears of the change
 * (#BtItemClass.children_changed) and #BtItem::changed is emitted.
 */
void
bt_item_children_changed (BtItem     *self,
                          BtItemList *list,
                          guint       position,
                          gpointer   *removed,
                          guint       n_removed,
                          guint       n_added)
{
  BtItemClass *klass;
  gpointer const *children;
  guint n;

  g_return_if_fail (BT_IS_ITEM (self));
  g_return_if_fail (BT_IS_ITEM_LIST (list) && bt_item_list_get_owner (list) == self);

  klass = BT_ITEM_GET_CLASS (self);
  for (guint i = 0; i < n_removed; i++)
    forget_parent (removed[i], self);

  children = bt_item_list_peek_all (list, &n);
  g_assert (position + n_added <= n);
  adopt_children (self, children + position, n_added);

  if (klass->children_changed != NULL)
    klass->children_changed (self, list, position, n_removed, n_added);

  bt_item_changed (self);
}

static gboolean
owns_list (BtItem     *self,
           GListModel *list)
{
  return BT_IS_ITEM_LIST (list) && bt_item_list_get_owner (BT_ITEM_LIST (list)) == self;
}

void
bt_item_insert_child (BtItem     *self,
                      GListModel *list,
                      guint       position,
                      BtItem     *child)
{
  g_return_if_fail (BT_IS_ITEM (self));
  g_return_if_fail (owns_list (self, list));
  g_return_if_fail (BT_IS_ITEM (child));

  position = MIN (position, g_list_model_get_n_items (list));
  bt_item_list_insert (BT_ITEM_LIST (list), position, child);
}

void
bt_item_append_child (BtItem     *self,
                      GListModel *list,
                      BtItem     *child)
{
  g_return_if_fail (BT_IS_ITEM_LIST (list));

  bt_item_insert_child (self, list, g_list_model_get_n_items (list), child);
}

/**
 * bt_item_splice_children:
 * @list: a list of @self's (see bt_item_adopt_list())
 * @children: (array length=n_children): the items to put in at @position
 *
 * Adds @children to @list at @position, none removed: one change.
 */
void
bt_item_splice_children (BtItem     *self,
                         GListModel *list,
                         guint       position,
                         gpointer   *children,
                         guint       n_children)
{
  g_return_if_fail (BT_IS_ITEM (self));
  g_return_if_fail (owns_list (self, list));

  bt_item_list_splice (BT_ITEM_LIST (list), position, 0, children, n_children);
}

/**
 * bt_item_remove_child:
 * @position: (out) (optional): where the child was, for undo
 *
 * Returns: %TRUE if @child was in @list and has been removed
 */
gboolean
bt_item_remove_child (BtItem     *self,
                      GListModel *list,
                      BtItem     *child,
                      guint      *position)
{
  guint pos;

  g_return_val_if_fail (BT_IS_ITEM (self), FALSE);
  g_return_val_if_fail (owns_list (self, list), FALSE);
  g_return_val_if_fail (BT_IS_ITEM (child), FALSE);

  if (!bt_item_list_find (BT_ITEM_LIST (list), child, &pos))
    return FALSE;

  bt_item_list_remove (BT_ITEM_LIST (list), pos);

  if (position != NULL)
    *position = pos;

  return TRUE;
}

/**
 * bt_item_add_list:
 * @item_type: the type of the items it holds, a #BtItem
 *
 * Makes a list of items for @self's instance init: @self adopts it (see
 * bt_item_adopt_list()) and owns it, and frees it with itself.
 *
 * Returns: (transfer none): the list
 */
BtItemList *
bt_item_add_list (BtItem *self,
                  GType   item_type)
{
  BtItemPrivate *priv;
  BtItemList *list;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  priv = bt_item_get_instance_private (self);
  list = bt_item_list_new (item_type);
  if (priv->own_lists == NULL)
    priv->own_lists = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (priv->own_lists, list);
  bt_item_adopt_list (self, list);

  return list;
}

gboolean
bt_item_set_string (char       **field,
                    const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

gboolean
bt_item_set_date (GDate       *field,
                  const GDate *value)
{
  gboolean was_valid = g_date_valid (field);

  if (value == NULL || !g_date_valid (value))
    {
      if (!was_valid)
        return FALSE;
      g_date_clear (field, 1);
      return TRUE;
    }

  if (was_valid && g_date_compare (field, value) == 0)
    return FALSE;

  *field = *value;

  return TRUE;
}

/* ---- descriptions of fields ---- */

/* The typed accessors a field description names. */
typedef void (*SetText) (gpointer self, const char *value);
typedef void (*SetDate) (gpointer self, const GDate *value);
typedef void (*SetWhole) (gpointer self, int value);       /* ints and enums */
typedef void (*SetNumber) (gpointer self, double value);

/* GObject's get_property for the fields of a class installed by
 * bt_item_class_install_fields(): property n is field n - 1. */
static void
get_field_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  BtItemClass *klass = g_type_class_peek (pspec->owner_type);
  const BtField *field = &klass->description->fields[prop_id - 1];
  gpointer at = G_STRUCT_MEMBER_P (object, field->offset);

  switch (field->type)
    {
    case BT_FIELD_TEXT:
      g_value_set_string (value, *(char **) at);
      break;

    case BT_FIELD_DATE:
      g_value_set_boxed (value, g_date_valid (at) ? at : NULL);
      break;

    case BT_FIELD_INT:
      g_value_set_int (value, *(int *) at);
      break;

    case BT_FIELD_NUMBER:
      g_value_set_double (value, *(double *) at);
      break;

    case BT_FIELD_ENUM:
      g_value_set_enum (value, *(int *) at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Through the typed setters: what they refuse or notify stays theirs. */
static void
set_field_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  BtItemClass *klass = g_type_class_peek (pspec->owner_type);
  const BtField *field = &klass->description->fields[prop_id - 1];

  switch (field->type)
    {
    case BT_FIELD_TEXT:
      ((SetText) field->set) (object, g_value_get_string (value));
      break;

    case BT_FIELD_DATE:
      ((SetDate) field->set) (object, g_value_get_boxed (value));
      break;

    case BT_FIELD_INT:
      ((SetWhole) field->set) (object, g_value_get_int (value));
      break;

    case BT_FIELD_NUMBER:
      ((SetNumber) field->set) (object, g_value_get_double (value));
      break;

    case BT_FIELD_ENUM:
      ((SetWhole) field->set) (object, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * bt_item_class_install_fields:
 * @klass: the class of a kind of item, in its class_init
 * @description: (transfer none): what its items hold, static, each field
 *   with its type and offset
 * @pspecs: (out caller-allocates) (array): the class's property array,
 *   whose element n is set to field n - 1's property (element 0 is unused)
 *
 * Makes the class's properties from its fields, in the fields' order, and
 * gives GObject's get_property and set_property to BtItem: getting reads
 * the value where the field's offset says, setting calls the field's
 * typed setter. The texts are freed with the item. The description is
 * then the class's: see bt_item_class_get_fields().
 */
void
bt_item_class_install_fields (BtItemClass             *klass,
                              const BtItemDescription *description,
                              GParamSpec             **pspecs)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec **field_pspecs;

  g_return_if_fail (BT_IS_ITEM_CLASS (klass));
  g_return_if_fail (description != NULL && pspecs != NULL);

  object_class->get_property = get_field_property;
  object_class->set_property = set_field_property;

  /* Classes of the plan are never unloaded: this lives as long as the process. */
  field_pspecs = g_new0 (GParamSpec *, MAX (description->n_fields, 1));

  for (guint i = 0; i < description->n_fields; i++)
    {
      const BtField *field = &description->fields[i];
      g_autofree char *made = field->property ? NULL : g_strdelimit (g_strdup (field->member), "_", '-');
      const char *name = field->property ? field->property : g_intern_string (made);
      GParamSpec *pspec = NULL;

      g_assert (field->offset != 0 && field->set != NULL);

      switch (field->type)
        {
        case BT_FIELD_TEXT:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;

        case BT_FIELD_DATE:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE, flags);
          break;

        case BT_FIELD_INT:
          pspec = g_param_spec_int (name, NULL, NULL, field->lowest, field->highest, field->default_value, flags);
          break;

        case BT_FIELD_NUMBER:
          pspec = g_param_spec_double (name, NULL, NULL, field->lowest, field->highest, field->default_value, flags);
          break;

        case BT_FIELD_ENUM:
          pspec = g_param_spec_enum (name, NULL, NULL, field->enum_type (), field->default_value, flags);
          break;

        default:
          g_assert_not_reached ();
        }

      pspecs[i + 1] = field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }

  klass->description = description;
  klass->field_pspecs = field_pspecs;
}

/**
 * bt_item_init_fields:
 * @description: the class's, as given to bt_item_class_install_fields()
 *
 * Gives each field of @self, in its instance init, its default: the
 * value of a whole number, number or enum, a cleared date, no text.
 */
void
bt_item_init_fields (BtItem                  *self,
                     const BtItemDescription *description)
{
  g_return_if_fail (BT_IS_ITEM (self));
  g_return_if_fail (description != NULL);

  for (guint i = 0; i < description->n_fields; i++)
    {
      const BtField *field = &description->fields[i];
      gpointer where = G_STRUCT_MEMBER_P (self, field->offset);

      switch (field->type)
        {
        case BT_FIELD_TEXT:
          break;

        case BT_FIELD_DATE:
          g_date_clear (where, 1);
          break;

        case BT_FIELD_INT:
        case BT_FIELD_ENUM:
          *(int *) where = (int) field->default_value;
          break;

        case BT_FIELD_NUMBER:
          *(double *) where = field->default_value;
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/* The class of @type, made if no item of it was made yet: the reader asks
 * for each element it reads. */
BtItemClass *
bt_item_class_lookup (GType type)
{
  gpointer klass;

  g_return_val_if_fail (g_type_is_a (type, BT_TYPE_ITEM), NULL);

  klass = g_type_class_peek (type);
  if (klass == NULL)
    {
      /* Static types keep their class once made. */
      klass = g_type_class_ref (type);
      g_type_class_unref (klass);
    }

  return klass;
}

/**
 * bt_item_class_get_fields:
 * @type: a kind of item, such as %BT_TYPE_PHASE
 * @n_fields: (out): how many
 *
 * Returns: (array length=n_fields) (transfer none) (nullable): the
 *   descriptions of its fields, in the file's order
 */
const BtField *
bt_item_class_get_fields (GType  type,
                          guint *n_fields)
{
  BtItemClass *klass = bt_item_class_lookup (type);

  *n_fields = klass && klass->description ? klass->description->n_fields : 0;

  return *n_fields > 0 ? klass->description->fields : NULL;
}

/**
 * bt_item_class_get_children:
 *
 * Returns: (array length=n_children) (transfer none) (nullable): the lists
 *   of items an item of @type holds
 */
const BtChildList *
bt_item_class_get_children (GType  type,
                            guint *n_children)
{
  BtItemClass *klass = bt_item_class_lookup (type);

  *n_children = klass && klass->description ? klass->description->n_children : 0;

  return *n_children > 0 ? klass->description->children : NULL;
}

/**
 * bt_item_class_find_field:
 * @property: the name of one of @type's properties
 *
 * Returns: (nullable): the description of the field that holds @property,
 *   or %NULL if the file does not hold it
 */
const BtField *
bt_item_class_find_field (GType       type,
                          const char *property)
{
  BtItemClass *klass = bt_item_class_lookup (type);

  g_return_val_if_fail (property != NULL, NULL);

  if (klass == NULL || klass->description == NULL)
    return NULL;

  for (guint i = 0; i < klass->description->n_fields; i++)
    if (strcmp (klass->field_pspecs[i]->name, property) == 0)
      return &klass->description->fields[i];

  return NULL;
}

/**
 * bt_item_class_get_kind_label:
 *
 * Returns: what people call an item of @type, translated ("Person",
 *   "Business Case"), or "Item" for a kind without a name
 */
const char *
bt_item_class_get_kind_label (GType type)
{
  BtItemClass *klass = bt_item_class_lookup (type);

  if (klass == NULL || klass->description == NULL || klass->description->kind_label == NULL)
    return _("Item");

  return _(klass->description->kind_label);
}

/**
 * bt_item_get_name:
 *
 * What people call this item: its first field when that is a required
 * text, as a person's name or a milestone's title.
 *
 * Returns: (nullable): the name, owned by @self; %NULL for a kind without
 *   one, or when it is empty
 */
const char *
bt_item_get_name (BtItem *self)
{
  const BtField *fields;
  guint n_fields = 0;
  const char *name;

  g_return_val_if_fail (BT_IS_ITEM (self), NULL);

  fields = bt_item_class_get_fields (G_OBJECT_TYPE (self), &n_fields);
  if (n_fields == 0 || fields[0].type != BT_FIELD_TEXT || !(fields[0].flags & BT_FIELD_REQUIRED))
    return NULL;

  name = G_STRUCT_MEMBER (const char *, self, fields[0].offset);
  return name != NULL && *name != '\0' ? name : NULL;
}
