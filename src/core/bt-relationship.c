/* bt-relationship.c — A cross-functional peer and the plan for that relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-relationship"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-relationship.h"
#include "bt-touchpoint.h"

struct _BtRelationship
{
  BtItem parent_instance;

  /* what the analytics read of everyone first, in one cache line */
  BtFunction function;
  int strength;
  int cadence_days;
  gboolean last_known;       /* whether last_touchpoint is, forgotten at every change */
  GDate last_touchpoint;     /* the latest touchpoint's date, when known */
  char *name;
  char *role;
  char *email;
  char *next_step;
  GDate next_step_due;
  char *help_with;
  char *notes;
  BtItemList *touchpoints;
};

G_DEFINE_FINAL_TYPE (BtRelationship, bt_relationship, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_EMAIL,
  PROP_FUNCTION,
  PROP_STRENGTH,
  PROP_CADENCE_DAYS,
  PROP_NEXT_STEP,
  PROP_NEXT_STEP_DUE,
  PROP_HELP_WITH,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtRelationship *
bt_relationship_new (void)
{
  return g_object_new (BT_TYPE_RELATIONSHIP, NULL);
}

static void
bt_relationship_finalize (GObject *object)
{
  BtRelationship *self = BT_RELATIONSHIP (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->next_step, g_free);
  g_clear_pointer (&self->help_with, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_object (&self->touchpoints);

  G_OBJECT_CLASS (bt_relationship_parent_class)->finalize (object);
}

static void
bt_relationship_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BtRelationship *self = BT_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_FUNCTION:
      g_value_set_enum (value, self->function);
      break;

    case PROP_STRENGTH:
      g_value_set_int (value, self->strength);
      break;

    case PROP_CADENCE_DAYS:
      g_value_set_int (value, self->cadence_days);
      break;

    case PROP_NEXT_STEP:
      g_value_set_string (value, self->next_step);
      break;

    case PROP_NEXT_STEP_DUE:
      g_value_set_boxed (value, bt_relationship_get_next_step_due (self));
      break;

    case PROP_HELP_WITH:
      g_value_set_string (value, self->help_with);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_relationship_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BtRelationship *self = BT_RELATIONSHIP (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bt_relationship_set_name (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      bt_relationship_set_role (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      bt_relationship_set_email (self, g_value_get_string (value));
      break;

    case PROP_FUNCTION:
      bt_relationship_set_function (self, g_value_get_enum (value));
      break;

    case PROP_STRENGTH:
      bt_relationship_set_strength (self, g_value_get_int (value));
      break;

    case PROP_CADENCE_DAYS:
      bt_relationship_set_cadence_days (self, g_value_get_int (value));
      break;

    case PROP_NEXT_STEP:
      bt_relationship_set_next_step (self, g_value_get_string (value));
      break;

    case PROP_NEXT_STEP_DUE:
      bt_relationship_set_next_step_due (self, g_value_get_boxed (value));
      break;

    case PROP_HELP_WITH:
      bt_relationship_set_help_with (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      bt_relationship_set_notes (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Anything in the relationship or its touchpoints changed. */
static void
bt_relationship_changed (BtItem *item)
{
  BT_RELATIONSHIP (item)->last_known = FALSE;
}

/* What the plan file holds of a person, in its order. */
static const BtField fields[] = {
  { "name", .label = N_("Name"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_relationship_set_name) },
  { "role", .label = N_("Role"), .set = G_CALLBACK (bt_relationship_set_role) },
  { "email", .label = N_("E-mail"), .set = G_CALLBACK (bt_relationship_set_email) },
  { "function", .label = N_("Function"), .set = G_CALLBACK (bt_relationship_set_function) },
  { "strength", .label = N_("Strength, 1 to 5"), .set = G_CALLBACK (bt_relationship_set_strength) },
  { "cadence_days", .label = N_("Be in touch every … days"),
    .set = G_CALLBACK (bt_relationship_set_cadence_days) },
  { "next_step", .label = N_("Next step"), .set = G_CALLBACK (bt_relationship_set_next_step) },
  { "next_step_due", .label = N_("Next step due"),
    .set = G_CALLBACK (bt_relationship_set_next_step_due) },
  { "help_with", .label = N_("What of theirs could technology help with"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_relationship_set_help_with) },
  { "notes", .label = N_("Notes"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_relationship_set_notes) },
};

static GListModel *
get_touchpoints (gpointer self)
{
  return bt_relationship_get_touchpoints (self);
}

static const BtChildList children[] = {
  { "touchpoints", bt_touchpoint_get_type, get_touchpoints },
};

static const BtItemDescription description = {
  .kind_label = N_("Person"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = children,
  .n_children = G_N_ELEMENTS (children),
};

static void
bt_relationship_class_init (BtRelationshipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_relationship_finalize;
  BT_ITEM_CLASS (klass)->changed = bt_relationship_changed;
  object_class->get_property = bt_relationship_get_property;
  object_class->set_property = bt_relationship_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FUNCTION] =
    g_param_spec_enum ("function", NULL, NULL,
                        BT_TYPE_FUNCTION, BT_FUNCTION_PRODUCT,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STRENGTH] =
    g_param_spec_int ("strength", NULL, NULL,
                       1, 5, 3,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CADENCE_DAYS] =
    g_param_spec_int ("cadence-days", NULL, NULL,
                       1, 366, 30,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_STEP] =
    g_param_spec_string ("next-step", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NEXT_STEP_DUE] =
    g_param_spec_boxed ("next-step-due", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HELP_WITH] =
    g_param_spec_string ("help-with", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_relationship_init (BtRelationship *self)
{
  self->function = BT_FUNCTION_PRODUCT;
  self->strength = 3;
  self->cadence_days = 30;
  g_date_clear (&self->next_step_due, 1);
  self->touchpoints = bt_item_list_new (BT_TYPE_TOUCHPOINT);
  bt_item_adopt_list (BT_ITEM (self), self->touchpoints);
}

const char *
bt_relationship_get_name (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->name ? self->name : "";
}

void
bt_relationship_set_name (BtRelationship *self,
                          const char *name)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->name, name))
    bt_item_notify (BT_ITEM (self), properties[PROP_NAME]);
}

const char *
bt_relationship_get_role (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->role ? self->role : "";
}

void
bt_relationship_set_role (BtRelationship *self,
                          const char *role)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->role, role))
    bt_item_notify (BT_ITEM (self), properties[PROP_ROLE]);
}

const char *
bt_relationship_get_email (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->email ? self->email : "";
}

void
bt_relationship_set_email (BtRelationship *self,
                           const char *email)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->email, email))
    bt_item_notify (BT_ITEM (self), properties[PROP_EMAIL]);
}

BtFunction
bt_relationship_get_function (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), BT_FUNCTION_PRODUCT);

  return self->function;
}

void
bt_relationship_set_function (BtRelationship *self,
                              BtFunction function)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (self->function == function)
    return;

  self->function = function;
  bt_item_notify (BT_ITEM (self), properties[PROP_FUNCTION]);
}

int
bt_relationship_get_strength (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), 0);

  return self->strength;
}

void
bt_relationship_set_strength (BtRelationship *self,
                              int strength)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));
  g_return_if_fail (strength >= 1 && strength <= 5);

  if (self->strength == strength)
    return;

  self->strength = strength;
  bt_item_notify (BT_ITEM (self), properties[PROP_STRENGTH]);
}

int
bt_relationship_get_cadence_days (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), 0);

  return self->cadence_days;
}

void
bt_relationship_set_cadence_days (BtRelationship *self,
                                  int cadence_days)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));
  g_return_if_fail (cadence_days >= 1 && cadence_days <= 366);

  if (self->cadence_days == cadence_days)
    return;

  self->cadence_days = cadence_days;
  bt_item_notify (BT_ITEM (self), properties[PROP_CADENCE_DAYS]);
}

const char *
bt_relationship_get_next_step (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->next_step ? self->next_step : "";
}

void
bt_relationship_set_next_step (BtRelationship *self,
                               const char *next_step)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->next_step, next_step))
    bt_item_notify (BT_ITEM (self), properties[PROP_NEXT_STEP]);
}

const GDate *
bt_relationship_get_next_step_due (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return g_date_valid (&self->next_step_due) ? &self->next_step_due : NULL;
}

void
bt_relationship_set_next_step_due (BtRelationship *self,
                                   const GDate *next_step_due)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_date (&self->next_step_due, next_step_due))
    bt_item_notify (BT_ITEM (self), properties[PROP_NEXT_STEP_DUE]);
}

const char *
bt_relationship_get_help_with (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->help_with ? self->help_with : "";
}

void
bt_relationship_set_help_with (BtRelationship *self,
                               const char *help_with)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->help_with, help_with))
    bt_item_notify (BT_ITEM (self), properties[PROP_HELP_WITH]);
}

const char *
bt_relationship_get_notes (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return self->notes ? self->notes : "";
}

void
bt_relationship_set_notes (BtRelationship *self,
                           const char *notes)
{
  g_return_if_fail (BT_IS_RELATIONSHIP (self));

  if (bt_item_set_string (&self->notes, notes))
    bt_item_notify (BT_ITEM (self), properties[PROP_NOTES]);
}

/**
 * bt_relationship_get_last_touchpoint:
 * @last: (out): the date of the latest touchpoint
 *
 * Kept between changes: the overview, the report and the analytics ask for
 * it for every person, again and again.
 *
 * Returns: whether there is a touchpoint with a date
 */
gboolean
bt_relationship_get_last_touchpoint (BtRelationship *self,
                                     GDate          *last)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), FALSE);
  g_return_val_if_fail (last != NULL, FALSE);

  if (!self->last_known)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints));

      g_date_clear (&self->last_touchpoint, 1);
      for (guint i = 0; i < n; i++)
        {
          BtTouchpoint *touchpoint = g_list_model_get_item (G_LIST_MODEL (self->touchpoints), i);
          const GDate *date = bt_touchpoint_get_date (touchpoint);

          if (date != NULL && g_date_valid (date) &&
              (!g_date_valid (&self->last_touchpoint) || g_date_compare (date, &self->last_touchpoint) > 0))
            self->last_touchpoint = *date;
          g_object_unref (touchpoint);
        }
      self->last_known = TRUE;
    }

  *last = self->last_touchpoint;

  return g_date_valid (last);
}

GListModel *
bt_relationship_get_touchpoints (BtRelationship *self)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), NULL);

  return G_LIST_MODEL (self->touchpoints);
}
