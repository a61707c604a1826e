/* bt-history.c — every edit of a plan, undoable
 *
 * The window changes the plan only through here. Each change is recorded
 * as an operation with what it needs to be undone and redone; the
 * operations of one action by the user (a check-in sets many hours) form
 * one step, so Undo takes back the whole action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-history"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-history.h"

#define MAX_STEPS 200

typedef enum
{
  OP_SET,
  OP_INSERT,
  OP_REMOVE,
  OP_HOURS,
} OpKind;

typedef struct
{
  OpKind      kind;
  GObject    *object;      /* OP_SET: the object; OP_INSERT/REMOVE: the child; OP_HOURS: the week */
  GParamSpec *pspec;       /* OP_SET */
  GValue      before;      /* OP_SET */
  GValue      after;       /* OP_SET */
  BtItem     *parent;      /* OP_INSERT/REMOVE */
  GListModel *list;        /* OP_INSERT/REMOVE */
  guint       position;    /* OP_INSERT/REMOVE */
  char       *category;    /* OP_HOURS */
  double      hours_before;
  double      hours_after;
} Op;

typedef struct
{
  char      *label;
  GPtrArray *ops;          /* of Op*, in the order they were done */
} Step;

struct _BtHistory
{
  GObject    parent_instance;

  GPtrArray *undo;         /* of Step*, newest last */
  GPtrArray *redo;         /* of Step*, next to redo last */
  Step      *open;         /* between begin and end */
  guint      depth;
};

G_DEFINE_FINAL_TYPE (BtHistory, bt_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->object);
  g_clear_object (&op->parent);
  g_clear_object (&op->list);
  if (G_IS_VALUE (&op->before))
    g_value_unset (&op->before);
  if (G_IS_VALUE (&op->after))
    g_value_unset (&op->after);
  g_free (op->category);
  g_free (op);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->ops);
  g_free (step);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->ops = g_ptr_array_new_with_free_func (op_free);

  return step;
}

static void
notify_state (BtHistory *self,
              gboolean   could_undo,
              gboolean   could_redo)
{
  if (could_undo != bt_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != bt_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* A new operation: into the open step, or a step of its own. A new edit
 * makes the undone ones unreachable. */
static void
record (BtHistory *self,
        Op        *op)
{
  gboolean could_undo = bt_history_get_can_undo (self);
  gboolean could_redo = bt_history_get_can_redo (self);

  g_ptr_array_set_size (self->redo, 0);

  if (self->open != NULL)
    g_ptr_array_add (self->open->ops, op);
  else
    {
      Step *step = step_new (NULL);

      g_ptr_array_add (step->ops, op);
      g_ptr_array_add (self->undo, step);
      if (self->undo->len > MAX_STEPS)
        g_ptr_array_remove_index (self->undo, 0);
    }

  notify_state (self, could_undo, could_redo);
}

static void
apply (Op       *op,
       gboolean  forward)
{
  gboolean insert;

  switch (op->kind)
    {
    case OP_SET:
      g_object_set_property (op->object, op->pspec->name, forward ? &op->after : &op->before);
      break;

    case OP_HOURS:
      bt_week_set_hours (BT_WEEK (op->object), op->category, forward ? op->hours_after : op->hours_before);
      break;

    case OP_INSERT:
    case OP_REMOVE:
    default:
      insert = (op->kind == OP_INSERT) == forward;
      if (insert)
        bt_item_insert_child (op->parent, op->list, op->position, BT_ITEM (op->object));
      else
        bt_item_remove_child (op->parent, op->list, BT_ITEM (op->object), NULL);
      break;
    }
}

static void
bt_history_finalize (GObject *object)
{
  BtHistory *self = BT_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open, step_free);

  G_OBJECT_CLASS (bt_history_parent_class)->finalize (object);
}

static void
bt_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BtHistory *self = BT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bt_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, bt_history_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_history_class_init (BtHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_history_finalize;
  object_class->get_property = bt_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bt_history_init (BtHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

BtHistory *
bt_history_new (void)
{
  return g_object_new (BT_TYPE_HISTORY, NULL);
}

gboolean
bt_history_get_can_undo (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
bt_history_get_can_redo (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * bt_history_get_undo_label:
 *
 * Returns: (nullable): what Undo would take back, for a menu or a toast
 */
const char *
bt_history_get_undo_label (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), NULL);

  if (self->undo->len == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->label;
}

/**
 * bt_history_get_redo_label:
 *
 * Returns: (nullable): what Redo would do again, in the user's words
 */
const char *
bt_history_get_redo_label (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), NULL);

  if (self->redo->len == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->label;
}

/**
 * bt_history_begin:
 * @label: what the user did, in their words
 *
 * Starts one step: every change until the matching bt_history_end() is
 * undone together. Steps may nest; the outermost one counts.
 */
void
bt_history_begin (BtHistory  *self,
                  const char *label)
{
  g_return_if_fail (BT_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->open = step_new (label);
}

void
bt_history_end (BtHistory *self)
{
  Step *step;
  gboolean could_undo, could_redo;

  g_return_if_fail (BT_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->open);
  if (step->ops->len == 0)
    {
      step_free (step);
      return;
    }

  could_undo = bt_history_get_can_undo (self);
  could_redo = bt_history_get_can_redo (self);
  g_ptr_array_add (self->undo, step);
  if (self->undo->len > MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  notify_state (self, could_undo, could_redo);
}

/**
 * bt_history_set:
 *
 * Sets a property of an item, remembering the value it had. Setting the
 * value it already has records nothing.
 */
void
bt_history_set (BtHistory    *self,
                gpointer      object,
                const char   *property,
                const GValue *value)
{
  GParamSpec *pspec;
  Op *op;

  g_return_if_fail (BT_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  op = g_new0 (Op, 1);
  op->kind = OP_SET;
  op->object = g_object_ref (object);
  op->pspec = pspec;
  g_value_init (&op->before, pspec->value_type);
  g_value_init (&op->after, pspec->value_type);
  g_object_get_property (object, property, &op->before);
  g_value_transform (value, &op->after);

  if (g_param_values_cmp (pspec, &op->before, &op->after) == 0)
    {
      op_free (op);
      return;
    }

  apply (op, TRUE);
  record (self, op);
}

void
bt_history_insert (BtHistory  *self,
                   BtItem     *parent,
                   GListModel *list,
                   guint       position,
                   BtItem     *child)
{
  Op *op;

  g_return_if_fail (BT_IS_HISTORY (self));

  op = g_new0 (Op, 1);
  op->kind = OP_INSERT;
  op->object = g_object_ref (G_OBJECT (child));
  op->parent = g_object_ref (parent);
  op->list = g_object_ref (list);
  op->position = MIN (position, g_list_model_get_n_items (list));

  apply (op, TRUE);
  record (self, op);
}

void
bt_history_append (BtHistory  *self,
                   BtItem     *parent,
                   GListModel *list,
                   BtItem     *child)
{
  bt_history_insert (self, parent, list, g_list_model_get_n_items (list), child);
}

/* A category's hours in every week, and a phase as the phase of its
 * milestones: set back through the history, so that undo brings them back. */
static void
forget_references (BtHistory *self,
                   BtItem    *parent,
                   BtItem    *child)
{
  const char *id = bt_item_get_id (child);

  if (!BT_IS_PLAN (parent) || id == NULL)
    return;

  if (BT_IS_CATEGORY (child))
    {
      GListModel *weeks = bt_plan_get_weeks (BT_PLAN (parent));

      for (guint i = 0; i < g_list_model_get_n_items (weeks); i++)
        {
          g_autoptr(BtWeek) week = g_list_model_get_item (weeks, i);

          if (bt_week_get_hours (week, id) != 0.0)
            bt_history_set_hours (self, week, id, 0.0);
        }
    }
  else if (BT_IS_PHASE (child))
    {
      GListModel *milestones = bt_plan_get_milestones (BT_PLAN (parent));

      for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
        {
          g_autoptr(BtMilestone) milestone = g_list_model_get_item (milestones, i);

          if (g_strcmp0 (bt_milestone_get_phase (milestone), id) == 0)
            {
              g_auto(GValue) none = G_VALUE_INIT;

              g_value_init (&none, G_TYPE_STRING);
              bt_history_set (self, milestone, "phase", &none);
            }
        }
    }
}

/**
 * bt_history_remove:
 *
 * Returns: %FALSE if @child was not in @list
 */
gboolean
bt_history_remove (BtHistory  *self,
                   BtItem     *parent,
                   GListModel *list,
                   BtItem     *child)
{
  guint position;
  Op *op;

  g_return_val_if_fail (BT_IS_HISTORY (self), FALSE);

  if (!bt_item_list_find (BT_ITEM_LIST (list), child, &position))
    return FALSE;

  /* What refers to the item goes with it in the same step, so that the
   * plan never holds a reference the file format refuses to read back. */
  bt_history_begin (self, NULL);
  forget_references (self, parent, child);

  op = g_new0 (Op, 1);
  op->kind = OP_REMOVE;
  op->object = g_object_ref (G_OBJECT (child));
  op->parent = g_object_ref (parent);
  op->list = g_object_ref (list);
  op->position = position;

  apply (op, TRUE);
  record (self, op);
  bt_history_end (self);

  return TRUE;
}

void
bt_history_set_hours (BtHistory  *self,
                      BtWeek     *week,
                      const char *category_id,
                      double      hours)
{
  Op *op;

  g_return_if_fail (BT_IS_HISTORY (self));
  g_return_if_fail (BT_IS_WEEK (week));
  g_return_if_fail (isfinite (hours) && hours >= 0 && hours <= BT_WEEK_MAX_HOURS);

  if (bt_week_get_hours (week, category_id) == hours)
    return;

  op = g_new0 (Op, 1);
  op->kind = OP_HOURS;
  op->object = g_object_ref (G_OBJECT (week));
  op->category = g_strdup (category_id);
  op->hours_before = bt_week_get_hours (week, category_id);
  op->hours_after = hours;

  apply (op, TRUE);
  record (self, op);
}

/**
 * bt_history_set_week:
 * @hours: category id → hours (double *): the whole week
 *
 * States a whole week, as a check-in or an import does: the week is added
 * to @plan if it has none, the categories not in @hours get 0, and the
 * others their hours — in the order of the plan's categories, so the file
 * reads the same whichever order @hours gives.
 *
 * Returns: (transfer none): the week
 */
BtWeek *
bt_history_set_week (BtHistory  *self,
                     BtPlan     *plan,
                     int         iso_year,
                     int         number,
                     GHashTable *hours)
{
  GListModel *categories = bt_plan_get_categories (plan);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  BtWeek *week;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (BT_IS_HISTORY (self), NULL);
  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  week = bt_plan_find_week (plan, iso_year, number);
  if (week == NULL)
    {
      g_autoptr(BtWeek) created = bt_week_new (iso_year, number);

      bt_history_insert (self, BT_ITEM (plan), bt_plan_get_weeks (plan),
                         bt_plan_get_week_position (plan, created), BT_ITEM (created));
      week = created;
    }

  for (guint i = 0; i < bt_week_get_n_categories (week); i++)
    {
      const char *id = bt_week_get_category (week, i, NULL);

      if (!g_hash_table_contains (hours, id))
        bt_history_set_hours (self, week, id, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, i);
      const char *id = bt_item_get_id (BT_ITEM (category));
      double *h = g_hash_table_lookup (hours, id);

      if (h != NULL)
        {
          bt_history_set_hours (self, week, id, *h);
          g_hash_table_add (done, (gpointer) id);
        }
    }
  /* Ids the plan has no category for yet, last. */
  g_hash_table_iter_init (&iter, hours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (done, key))
      bt_history_set_hours (self, week, key, *(double *) value);

  return week;
}

static gboolean
move_step (BtHistory *self,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   forward)
{
  gboolean could_undo = bt_history_get_can_undo (self);
  gboolean could_redo = bt_history_get_can_redo (self);
  Step *step;

  g_return_val_if_fail (self->open == NULL, FALSE);

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);

  if (forward)
    for (guint i = 0; i < step->ops->len; i++)
      apply (g_ptr_array_index (step->ops, i), TRUE);
  else
    for (guint i = step->ops->len; i > 0; i--)
      apply (g_ptr_array_index (step->ops, i - 1), FALSE);

  g_ptr_array_add (to, step);
  notify_state (self, could_undo, could_redo);

  return TRUE;
}

gboolean
bt_history_undo (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), FALSE);

  return move_step (self, self->undo, self->redo, FALSE);
}

gboolean
bt_history_redo (BtHistory *self)
{
  g_return_val_if_fail (BT_IS_HISTORY (self), FALSE);

  return move_step (self, self->redo, self->undo, TRUE);
}

void
bt_history_clear (BtHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BT_IS_HISTORY (self));

  could_undo = bt_history_get_can_undo (self);
  could_redo = bt_history_get_can_redo (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_state (self, could_undo, could_redo);
}
