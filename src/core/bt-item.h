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

/* One description per field of the plan: the class of each kind of item
 * carries a table of them, which the file's reader and writer, the editor
 * and the schema test all read. */
typedef enum
{
  BT_FIELD_REQUIRED     = 1 << 0,  /* an item without it is refused */
  BT_FIELD_WEEK         = 1 << 1,  /* text holding an ISO 8601 week */
  BT_FIELD_COLOR        = 1 << 2,  /* text "#rrggbb" */
  BT_FIELD_PHASE_REF    = 1 << 3,  /* text holding the id of a phase of the plan */
  BT_FIELD_CATEGORY_REF = 1 << 4,  /* text holding the id of a category (not checked:
                                    * an import rule outlives its category) */
  BT_FIELD_ZERO_UNSET   = 1 << 5,  /* a whole number where 0 means "not given" */
  BT_FIELD_LONG_TEXT    = 1 << 6,  /* text people write paragraphs in */
  BT_FIELD_PERCENT      = 1 << 7,  /* a fraction, shown and typed as a percentage */
  BT_FIELD_IMPORT_ONLY  = 1 << 8,  /* the import's to keep: the editor does not show it */
  BT_FIELD_CURRENCY     = 1 << 9,  /* text holding an ISO 4217 code such as "EUR" */
  BT_FIELD_LINK         = 1 << 10, /* the app's link to something outside the plan (a
                                    * desktop contact's uid): the editor does not show it */
} BtFieldFlags;

typedef enum
{
  BT_FIELD_TEXT = 1,
  BT_FIELD_DATE,
  BT_FIELD_INT,
  BT_FIELD_NUMBER,
  BT_FIELD_ENUM,
} BtFieldType;

/* A class lists its fields in the file's order, which is also the order of
 * its properties (property n is field n - 1) and of the editor's rows. */
typedef struct
{
  const char   *member;    /* its name in the file */
  const char   *property;  /* NULL when it is the member's with '-' for '_' */
  const char   *label;     /* what people call it, marked for translation only */
  BtFieldFlags  flags;
  BtFieldType   type;
  GType       (*enum_type) (void);   /* for BT_FIELD_ENUM */
  double        lowest;    /* the property's range, for ints and numbers */
  double        highest;
  double        default_value;
  int           min;       /* for BT_FIELD_ZERO_UNSET: the range when given */
  int           max;
  gsize         offset;    /* where the instance keeps the value: a char *, a
                            * GDate, an int (enums too) or a double */
  GCallback     set;       /* the typed setter: it checks and notifies, and the
                            * reader calls it without a GValue */
} BtField;

/* A list of items inside an item: a person's touchpoints and the like. */
typedef struct
{
  const char   *member;
  GType       (*get_type) (void);
  GListModel *(*get)      (gpointer self);
} BtChildList;

typedef struct
{
  const char        *kind_label;   /* what people call one, marked for translation only */
  gboolean           has_id;       /* whether the file holds its id */
  const BtField     *fields;
  guint              n_fields;
  const BtChildList *children;
  guint              n_children;
} BtItemDescription;

/* The public accessors of an item class's fields and lists, declared from
 * the X-macros of its header, the one place that describes them (see
 * bt-item-define-private.h for the lines). Each header writes
 *
 *   #define BT_ITEM_DECLARING BtPhase, bt_phase
 *   BT_DECLARE_ITEM_ACCESSORS (BT_PHASE_FIELDS)
 *   #undef BT_ITEM_DECLARING

 *
 * and BT_DECLARE_ITEM_LIST_GETTERS (LISTS) the same way for its lists:
 * type_name_get_field() and type_name_set_field() of each field, and
 * type_name_get_field() of each list. */
/* Calls macro with the arguments expanded, so that BT_ITEM_DECLARING (or
 * BT_ITEM_SELF) becomes two of them. */
#define BT_ITEM_CALL_(macro, ...) macro (__VA_ARGS__)

/* OWN (KIND, …) of a list: what KIND makes of the rest. */
#define BT_ITEM_AS_KIND_(KIND, ...) KIND (__VA_ARGS__)

#define BT_ITEM_DECLARE_PAIR_(TypeName, type_name, ValueType, field) \
  ValueType type_name##_get_##field (TypeName *self); \
  void type_name##_set_##field (TypeName *self, ValueType field);

#define BT_ITEM_DECLARE_TEXT_(field, ...) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_PAIR_, BT_ITEM_DECLARING, const char *, field)
#define BT_ITEM_DECLARE_DATE_(field, ...) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_PAIR_, BT_ITEM_DECLARING, const GDate *, field)
#define BT_ITEM_DECLARE_INT_(field, ...) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_PAIR_, BT_ITEM_DECLARING, int, field)
#define BT_ITEM_DECLARE_NUMBER_(field, ...) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_PAIR_, BT_ITEM_DECLARING, double, field)
#define BT_ITEM_DECLARE_ENUM_(field, label_, flags_, EnumType, ...) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_PAIR_, BT_ITEM_DECLARING, EnumType, field)

#define BT_DECLARE_ITEM_ACCESSORS(FIELDS) \
  FIELDS (BT_ITEM_DECLARE_TEXT_, BT_ITEM_DECLARE_DATE_, BT_ITEM_DECLARE_INT_, \
          BT_ITEM_DECLARE_NUMBER_, BT_ITEM_DECLARE_ENUM_, BT_ITEM_AS_KIND_)

#define BT_ITEM_DECLARE_LIST_GETTER_AT_(TypeName, type_name, field) \
  GListModel *type_name##_get_##field (TypeName *self);
#define BT_ITEM_DECLARE_LIST_GETTER_(field, get_type) \
  BT_ITEM_CALL_ (BT_ITEM_DECLARE_LIST_GETTER_AT_, BT_ITEM_DECLARING, field)

#define BT_DECLARE_ITEM_LIST_GETTERS(LISTS) \
  LISTS (BT_ITEM_DECLARE_LIST_GETTER_)

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

  /* What the class holds: set by bt_item_class_install_fields(). */
  const BtItemDescription  *description;
  GParamSpec              **field_pspecs;   /* the property of each field */

  /*< private >*/
  gpointer padding[2];
};

void                bt_item_class_install_fields  (BtItemClass             *klass,
                                                   const BtItemDescription *description,
                                                   GParamSpec             **pspecs);
void                bt_item_init_fields           (BtItem                  *self,
                                                   const BtItemDescription *description);
const BtField      *bt_item_class_get_fields      (GType                    type,
                                                   guint                   *n_fields);
const BtChildList  *bt_item_class_get_children    (GType                    type,
                                                   guint                   *n_children);
const BtField      *bt_item_class_find_field      (GType                    type,
                                                   const char              *property);
const char         *bt_item_class_get_kind_label  (GType                    type);

const char *bt_item_get_id           (BtItem      *self);
const char *bt_item_get_name         (BtItem      *self);
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
BtItemList *bt_item_add_list         (BtItem      *self,
                                      GType        item_type);
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
