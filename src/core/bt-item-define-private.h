/* bt-item-define-private.h — what an item class writes the same as the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "bt-item.h"

G_BEGIN_DECLS

/* In the spirit of G_DEFINE_TYPE, for a class of the plan's items that
 * keeps its fields where its `fields[]` table says (see BtField), with
 * `properties[]` and an enum of PROP_0, one PROP_ a field in the table's
 * order, and N_PROPS. TypeName and type_name are the class's, as in
 * BtPhase and bt_phase. */

/* The class's `description`, of its fields[] and, WITH_CHILDREN, its
 * `children[]`; with a check that there is a property for each field. */
#define BT_DEFINE_ITEM_DESCRIPTION_FULL(kind, id, children_, n_children_) \
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS); \
static const BtItemDescription description = { \
  .kind_label = kind, \
  .has_id = id, \
  .fields = fields, \
  .n_fields = G_N_ELEMENTS (fields), \
  .children = children_, \
  .n_children = n_children_, \
}

#define BT_DEFINE_ITEM_DESCRIPTION(kind, id) \
  BT_DEFINE_ITEM_DESCRIPTION_FULL (kind, id, NULL, 0)

#define BT_DEFINE_ITEM_DESCRIPTION_WITH_CHILDREN(kind, id) \
  BT_DEFINE_ITEM_DESCRIPTION_FULL (kind, id, children, G_N_ELEMENTS (children))

/* The class_init that makes the properties from the description, for a
 * class that changes nothing else of BtItem's. */
#define BT_DEFINE_ITEM_CLASS_INIT(TypeName, type_name) \
static void \
type_name##_class_init (TypeName##Class *klass) \
{ \
  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties); \
}

/* The instance init of a class without lists of items: the fields'
 * defaults. One with lists writes its own, which calls
 * bt_item_init_fields() and bt_item_add_list(). */
#define BT_DEFINE_ITEM_INIT(TypeName, type_name) \
static void \
type_name##_init (TypeName *self) \
{ \
  bt_item_init_fields (BT_ITEM (self), &description); \
}

/* All three, for the class without lists that only describes its fields. */
#define BT_DEFINE_ITEM_CLASS(TypeName, type_name, kind, id) \
  BT_DEFINE_ITEM_DESCRIPTION (kind, id); \
  BT_DEFINE_ITEM_CLASS_INIT (TypeName, type_name) \
  BT_DEFINE_ITEM_INIT (TypeName, type_name)

/* The public getter of a list of items the instance keeps as the
 * BtItemList *field, and get_FIELD(), the same for children[]. */
#define BT_DEFINE_LIST_GETTER(TypeName, type_name, field) \
GListModel * \
type_name##_get_##field (TypeName *self) \
{ \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
\
  return G_LIST_MODEL (self->field); \
} \
\
static GListModel * \
get_##field (gpointer self) \
{ \
  return type_name##_get_##field (self); \
}

/* Each of the following macros writes the public getter
 * and setter of one field, bt_thing_get_FIELD() and bt_thing_set_FIELD(),
 * for a class that keeps the field as the member FIELD of its instance.
 * They go after the class's `fields[]` table and its `properties[]`
 * array: the setter notifies properties[PROP], and limits and defaults
 * come from the field's line in the table (field PROP - 1, as
 * bt_item_class_install_fields() has it). A setter that checks more than
 * its field's line says is written by hand next to the getter's macro. */

#define BT_ITEM_FIELD_LINE(PROP) (fields[(PROP) - 1])

/* Text: the getter gives "" for none, the setter takes NULL or "". */
#define BT_DEFINE_TEXT_GETTER(TypeName, type_name, field) \
const char * \
type_name##_get_##field (TypeName *self) \
{ \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
\
  return self->field ? self->field : ""; \
}

#define BT_DEFINE_TEXT_SETTER(TypeName, type_name, field, PROP) \
void \
type_name##_set_##field (TypeName   *self, \
                         const char *field) \
{ \
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ())); \
\
  if (bt_item_set_string (&self->field, field)) \
    bt_item_notify (BT_ITEM (self), properties[PROP]); \
}

#define BT_DEFINE_TEXT_ACCESSORS(TypeName, type_name, field, PROP) \
  BT_DEFINE_TEXT_GETTER (TypeName, type_name, field) \
  BT_DEFINE_TEXT_SETTER (TypeName, type_name, field, PROP)

/* A date, kept as a GDate that is cleared when there is none: the getter
 * gives NULL then, the setter takes NULL or an invalid date for none. */
#define BT_DEFINE_DATE_ACCESSORS(TypeName, type_name, field, PROP) \
const GDate * \
type_name##_get_##field (TypeName *self) \
{ \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), NULL); \
\
  return g_date_valid (&self->field) ? &self->field : NULL; \
} \
\
void \
type_name##_set_##field (TypeName    *self, \
                         const GDate *field) \
{ \
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ())); \
\
  if (bt_item_set_date (&self->field, field)) \
    bt_item_notify (BT_ITEM (self), properties[PROP]); \
}

/* A value compared with == and kept as it is given: an enum, an int or a
 * double. The getter gives fallback for what is not an instance. */
#define BT_DEFINE_VALUE_GETTER(TypeName, type_name, ValueType, field, fallback) \
ValueType \
type_name##_get_##field (TypeName *self) \
{ \
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ()), fallback); \
\
  return self->field; \
}

#define BT_DEFINE_VALUE_SETTER(TypeName, type_name, ValueType, field, PROP, check) \
void \
type_name##_set_##field (TypeName  *self, \
                         ValueType  field) \
{ \
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (self, type_name##_get_type ())); \
  g_return_if_fail (check); \
\
  if (self->field == field) \
    return; \
\
  self->field = field; \
  bt_item_notify (BT_ITEM (self), properties[PROP]); \
}

/* An enum: the getter gives the field's default for what is not an
 * instance; the setter takes any value. */
#define BT_DEFINE_ENUM_ACCESSORS(TypeName, type_name, EnumType, field, PROP) \
  BT_DEFINE_VALUE_GETTER (TypeName, type_name, EnumType, field, \
                          (EnumType) BT_ITEM_FIELD_LINE (PROP).default_value) \
  BT_DEFINE_VALUE_SETTER (TypeName, type_name, EnumType, field, PROP, TRUE)

/* A whole number: the getter gives 0 for what is not an instance; the
 * setter refuses what is outside the field's lowest and highest. */
#define BT_DEFINE_INT_GETTER(TypeName, type_name, field) \
  BT_DEFINE_VALUE_GETTER (TypeName, type_name, int, field, 0)

#define BT_DEFINE_INT_ACCESSORS(TypeName, type_name, field, PROP) \
  BT_DEFINE_INT_GETTER (TypeName, type_name, field) \
  BT_DEFINE_VALUE_SETTER (TypeName, type_name, int, field, PROP, \
                          field >= BT_ITEM_FIELD_LINE (PROP).lowest && \
                          field <= BT_ITEM_FIELD_LINE (PROP).highest)

/* A number: the getter gives 0.0 for what is not an instance; the setter
 * refuses what is not finite or outside the field's lowest and highest. */
#define BT_DEFINE_NUMBER_ACCESSORS(TypeName, type_name, field, PROP) \
  BT_DEFINE_VALUE_GETTER (TypeName, type_name, double, field, 0.0) \
  BT_DEFINE_VALUE_SETTER (TypeName, type_name, double, field, PROP, \
                          isfinite (field) && \
                          field >= BT_ITEM_FIELD_LINE (PROP).lowest && \
                          field <= BT_ITEM_FIELD_LINE (PROP).highest)

G_END_DECLS
