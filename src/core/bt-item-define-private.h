/* bt-item-define-private.h — what an item class writes the same as the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>

#include "bt-item.h"

G_BEGIN_DECLS

/* In the spirit of G_DEFINE_TYPE, for a class of the plan's items that
 * keeps its fields in its instance, where its `fields[]` table says (see
 * BtField). TypeName and type_name are the class's, as in BtPhase and
 * bt_phase.
 *
 * Each field is described once, on one line of the class's list of
 * fields, an X-macro in the file's order. It stands in the class's
 * public header, whose accessors are declared from it (see
 * BT_DECLARE_ITEM_ACCESSORS() in bt-item.h), first after `#pragma once`,
 * where nothing of another class stands next to it. bt-phase.h, for one:
 *
 *   #define BT_PHASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
 *     TEXT (title, <N_ "Title">, BT_FIELD_REQUIRED) \
 *     DATE (start, <N_ "Start">, 0) \
 *     DATE (end, <N_ "End">, 0)
 *
 * and bt-phase.c, after its includes and struct _BtPhase:
 *
 *   #define BT_ITEM_SELF BtPhase, bt_phase
 *   BT_DEFINE_ITEM (BT_PHASE_FIELDS, <N_ "Phase">, TRUE)
 *
 * BT_ITEM_SELF, which the macros read the class's names from, comes
 * after the struct. Of the list, BT_DEFINE_ITEM_FIELDS() makes the enum
 * of PROP_0, one PROP_field a line (PROP_title, PROP_start …) and
 * N_PROPS; the array
 * `properties[N_PROPS]`; the `fields[]` table, whose line n - 1 is
 * property n's; and each field's public getter and setter,
 * type_name_get_field() and type_name_set_field(), with the macros
 * further down. BT_DEFINE_ITEM() adds the type, type_name_new() and what
 * BT_DEFINE_ITEM_CLASS() makes. A line's field is the member of the
 * instance struct that holds it, and its name in the file. The lines:
 *
 *   TEXT   (field, label, flags)
 *   TEXT   (field, label, flags, "member")   named so in the file
 *   DATE   (field, label, flags)
 *   INT    (field, label, flags, lowest, highest, default)
 *   NUMBER (field, label, flags, lowest, highest, default)
 *   ENUM   (field, label, flags, EnumType, enum_get_type, default)
 *   OWN    (KIND, field, …)   a line of KIND whose accessors the class
 *                             writes by hand, for a setter that checks
 *                             more than its line says; it notifies
 *                             properties[PROP_field]
 *
 * label, written <N_ "Label"> here, is the string marked with N_ in the
 * class's file, where xgettext finds it, or NULL for a field the editor
 * does not show; flags are BtFieldFlags or 0. An INT with
 * BT_FIELD_ZERO_UNSET takes lowest to highest when given, and 0 for
 * none. */

/* BT_ITEM_CALL_() and BT_ITEM_AS_KIND_() are bt-item.h's. */

/* PROP_field, for the enum of property ids. */
#define BT_ITEM_PROP_(field, ...) PROP_##field,

/* OWN (KIND, …) that makes nothing. */
#define BT_ITEM_NOTHING_(KIND, ...)

/* The lines of `fields[]`. */
#define BT_ITEM_LINE_AT_(TypeName, type_name, field, field_type) \
  .type = field_type, \
  .offset = G_STRUCT_OFFSET (TypeName, field), \
  .set = G_CALLBACK (type_name##_set_##field)

#define BT_ITEM_LINE_(field, label_, flags_, field_type) \
  .label = label_, .flags = flags_, \
  BT_ITEM_CALL_ (BT_ITEM_LINE_AT_, BT_ITEM_SELF, field, field_type)

/* The member in the file is the field's name unless the line gives one. */
#define BT_ITEM_LINE_TEXT_(field, ...) BT_ITEM_LINE_TEXT_MEMBER_ (field, __VA_ARGS__, #field, ~)
#define BT_ITEM_LINE_TEXT_MEMBER_(field, label_, flags_, member_, ...) \
  { .member = member_, BT_ITEM_LINE_ (field, label_, flags_, BT_FIELD_TEXT) },

#define BT_ITEM_LINE_DATE_(field, label_, flags_) \
  { .member = #field, BT_ITEM_LINE_ (field, label_, flags_, BT_FIELD_DATE) },

#define BT_ITEM_LINE_INT_(field, label_, flags_, lowest_, highest_, default_) \
  { .member = #field, BT_ITEM_LINE_ (field, label_, flags_, BT_FIELD_INT), \
    .lowest = ((flags_) & BT_FIELD_ZERO_UNSET) ? MIN (0, lowest_) : (lowest_), \
    .highest = ((flags_) & BT_FIELD_ZERO_UNSET) ? MAX (0, highest_) : (highest_), \
    .default_value = default_, .min = lowest_, .max = highest_ },

#define BT_ITEM_LINE_NUMBER_(field, label_, flags_, lowest_, highest_, default_) \
  { .member = #field, BT_ITEM_LINE_ (field, label_, flags_, BT_FIELD_NUMBER), \
    .lowest = lowest_, .highest = highest_, .default_value = default_ },

#define BT_ITEM_LINE_ENUM_(field, label_, flags_, EnumType, enum_get_type, default_) \
  { .member = #field, BT_ITEM_LINE_ (field, label_, flags_, BT_FIELD_ENUM), \
    .enum_type = enum_get_type, .default_value = default_ },

/* The accessors, with the macros below. */
#define BT_ITEM_ACCESSORS_TEXT_(field, ...) \
  BT_ITEM_CALL_ (BT_DEFINE_TEXT_ACCESSORS, BT_ITEM_SELF, field, PROP_##field)
#define BT_ITEM_ACCESSORS_DATE_(field, ...) \
  BT_ITEM_CALL_ (BT_DEFINE_DATE_ACCESSORS, BT_ITEM_SELF, field, PROP_##field)
#define BT_ITEM_ACCESSORS_INT_(field, ...) \
  BT_ITEM_CALL_ (BT_DEFINE_INT_ACCESSORS, BT_ITEM_SELF, field, PROP_##field)
#define BT_ITEM_ACCESSORS_NUMBER_(field, ...) \
  BT_ITEM_CALL_ (BT_DEFINE_NUMBER_ACCESSORS, BT_ITEM_SELF, field, PROP_##field)
#define BT_ITEM_ACCESSORS_ENUM_(field, label_, flags_, EnumType, ...) \
  BT_ITEM_CALL_ (BT_DEFINE_ENUM_ACCESSORS, BT_ITEM_SELF, EnumType, field, PROP_##field)

/* The fields' part, from the class's list of fields: see above. */
#define BT_DEFINE_ITEM_FIELDS(LIST) \
enum { \
  PROP_0, \
  LIST (BT_ITEM_PROP_, BT_ITEM_PROP_, BT_ITEM_PROP_, BT_ITEM_PROP_, BT_ITEM_PROP_, \
        BT_ITEM_AS_KIND_) \
  N_PROPS \
}; \
\
static GParamSpec *properties[N_PROPS]; \
\
static const BtField fields[] = { \
  LIST (BT_ITEM_LINE_TEXT_, BT_ITEM_LINE_DATE_, BT_ITEM_LINE_INT_, BT_ITEM_LINE_NUMBER_, \
        BT_ITEM_LINE_ENUM_, BT_ITEM_AS_KIND_) \
}; \
\
LIST (BT_ITEM_ACCESSORS_TEXT_, BT_ITEM_ACCESSORS_DATE_, BT_ITEM_ACCESSORS_INT_, \
      BT_ITEM_ACCESSORS_NUMBER_, BT_ITEM_ACCESSORS_ENUM_, BT_ITEM_NOTHING_)

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

/* G_DEFINE_FINAL_TYPE and type_name_new(), without arguments. */
#define BT_ITEM_TYPE_AND_NEW_(TypeName, type_name) \
G_DEFINE_FINAL_TYPE (TypeName, type_name, BT_TYPE_ITEM) \
\
TypeName * \
type_name##_new (void) \
{ \
  return g_object_new (type_name##_get_type (), NULL); \
}

/* The type, type_name_new() and all that comes of the list of fields,
 * for a class of BT_ITEM_SELF that writes its own class_init or init,
 * as one with lists of items does. */
#define BT_DEFINE_ITEM_TYPE(LIST) \
  BT_ITEM_CALL_ (BT_ITEM_TYPE_AND_NEW_, BT_ITEM_SELF) \
  BT_DEFINE_ITEM_FIELDS (LIST)

/* A class whose items hold lists of items names them in a second
 * X-macro of its header, one line a list, in the file's order:
 *
 *   #define BT_NARRATIVE_LISTS(LIST) \
 *     LIST (impact_statements, bt_impact_statement_get_type) \
 *     LIST (business_cases, bt_business_case_get_type)
 *
 * where the instance keeps each as the BtItemList *field. Of that come
 * the public getters type_name_get_field(), the `children[]` table, the
 * `description` and the instance init, which gives the fields their
 * defaults and makes the lists. */
#define BT_ITEM_LIST_GETTER_(field, get_type) \
  BT_ITEM_CALL_ (BT_DEFINE_LIST_GETTER, BT_ITEM_SELF, field)
#define BT_ITEM_CHILD_LINE_(field, get_type) \
  { #field, get_type, get_##field },
#define BT_ITEM_ADD_LIST_(field, get_type) \
  self->field = bt_item_add_list (BT_ITEM (self), get_type ());

#define BT_ITEM_INIT_LISTS_(TypeName, type_name, LISTS) \
static void \
type_name##_init (TypeName *self) \
{ \
  bt_item_init_fields (BT_ITEM (self), &description); \
  LISTS (BT_ITEM_ADD_LIST_) \
}

/* All that comes of the lists, for a class that writes its class_init. */
#define BT_DEFINE_ITEM_LISTS(LISTS, kind, id) \
LISTS (BT_ITEM_LIST_GETTER_) \
\
static const BtChildList children[] = { \
  LISTS (BT_ITEM_CHILD_LINE_) \
}; \
\
BT_DEFINE_ITEM_DESCRIPTION_WITH_CHILDREN (kind, id); \
BT_ITEM_CALL_ (BT_ITEM_INIT_LISTS_, BT_ITEM_SELF, LISTS)

/* All of it, for the class of BT_ITEM_SELF with lists of items that
 * changes nothing else of BtItem's. */
#define BT_DEFINE_ITEM_WITH_LISTS(FIELDS, LISTS, kind, id) \
  BT_DEFINE_ITEM_TYPE (FIELDS) \
  BT_DEFINE_ITEM_LISTS (LISTS, kind, id) \
  BT_ITEM_CALL_ (BT_DEFINE_ITEM_CLASS_INIT, BT_ITEM_SELF)

/* All of it, for the class of BT_ITEM_SELF without lists that only
 * describes its fields: kind is its label, id whether the file holds its
 * items' ids. */
#define BT_DEFINE_ITEM(LIST, kind, id) \
  BT_DEFINE_ITEM_TYPE (LIST) \
  BT_ITEM_CALL_ (BT_DEFINE_ITEM_CLASS, BT_ITEM_SELF, kind, id)

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
 * BT_DEFINE_ITEM_FIELDS() calls them after the class's `fields[]` table
 * and its `properties[]` array: the setter notifies properties[PROP], and
 * limits and defaults come from the field's line in the table (field
 * PROP - 1, as bt_item_class_install_fields() has it). A class whose
 * setter checks more than its field's line says (an OWN line) writes it
 * by hand, and may take the getter's macro. */

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
 * setter refuses what is outside the field's lowest and highest and, for
 * BT_FIELD_ZERO_UNSET, what is neither 0 nor from its min to its max. */
#define BT_DEFINE_INT_GETTER(TypeName, type_name, field) \
  BT_DEFINE_VALUE_GETTER (TypeName, type_name, int, field, 0)

#define BT_DEFINE_INT_ACCESSORS(TypeName, type_name, field, PROP) \
  BT_DEFINE_INT_GETTER (TypeName, type_name, field) \
  BT_DEFINE_VALUE_SETTER (TypeName, type_name, int, field, PROP, \
                          field >= BT_ITEM_FIELD_LINE (PROP).lowest && \
                          field <= BT_ITEM_FIELD_LINE (PROP).highest && \
                          (field == 0 || \
                           !(BT_ITEM_FIELD_LINE (PROP).flags & BT_FIELD_ZERO_UNSET) || \
                           (field >= BT_ITEM_FIELD_LINE (PROP).min && \
                            field <= BT_ITEM_FIELD_LINE (PROP).max)))

/* A number: the getter gives 0.0 for what is not an instance; the setter
 * refuses what is not finite or outside the field's lowest and highest. */
#define BT_DEFINE_NUMBER_ACCESSORS(TypeName, type_name, field, PROP) \
  BT_DEFINE_VALUE_GETTER (TypeName, type_name, double, field, 0.0) \
  BT_DEFINE_VALUE_SETTER (TypeName, type_name, double, field, PROP, \
                          isfinite (field) && \
                          field >= BT_ITEM_FIELD_LINE (PROP).lowest && \
                          field <= BT_ITEM_FIELD_LINE (PROP).highest)

G_END_DECLS
