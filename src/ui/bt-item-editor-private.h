/* bt-item-editor-private.h — what the pieces of the item editor share
 *
 * bt-item-editor.c is the window, Apply and Cancel; -fields.c builds and
 * reads the rows; -validation.c says what cannot be taken; -children.c
 * keeps the child lists and the pages a child opens on; -contact.c offers
 * a person's new e-mail from the desktop's contacts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item-editor.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_TEXT,
  FIELD_LONG_TEXT,   /* several lines: a business case's problem, notes */
  FIELD_INT,
  FIELD_DOUBLE,
  FIELD_ENUM,
  FIELD_DATE,
  FIELD_COLOR,
  FIELD_CHOICE,   /* one of the plan's phases or categories, by id */
} FieldKind;

typedef struct _Page Page;

/* Each on the heap, so that a pointer to one stays good while more are
 * added; the page owns them. */
typedef struct
{
  GParamSpec *pspec;
  FieldKind   kind;
  GtkWidget  *row;
  GtkWidget  *widget;     /* the entry, spin, combo row or colour button */
  gboolean    required;   /* as the file reader has it: see bt_plan_file_field_is_required() */
  GPtrArray  *choices;    /* for FIELD_CHOICE: the items, after "None" when @required is FALSE */
  char       *refused;    /* why the file reader refuses the value, as last shown */
  GtkWidget  *problem;    /* the label in an entry or a long text that says why, when refused */
  gboolean    touched;    /* typed in, or left: an empty required field says so only then */
  gboolean    percent;    /* a fraction, shown and typed as a percentage */
  GValue      initial;    /* the value as the row first showed it: unset if unreadable */
} Field;

/* One item on one page of the editor: the item opened first, or a child
 * of it (a touchpoint of a person, a cost row of a business case) opened
 * on a page of its own. A page lives as long as its widgets. */
struct _Page
{
  BtItemEditor        *editor;
  BtItem              *item;
  BtItem              *owner;
  GListModel          *list;      /* where @item is or goes; NULL for the profile */
  gboolean             is_new;    /* not in @list yet (a child: not in what the list will hold) */
  GPtrArray           *fields;    /* of Field */
  GtkWidget           *root;
  AdwPreferencesPage  *prefs;
  AdwPreferencesGroup *fields_group;
  GtkWidget           *apply_button;
  GtkWidget           *opener;    /* weak: what had the focus when this page opened */
  /* What the lists and the waiting edits were when this page opened:
   * leaving it without Add or Done puts them back. */
  GHashTable          *saved_staged;    /* list → GPtrArray of items */
  GHashTable          *saved_pending;
  gboolean             tried;     /* Apply or Done pressed: every problem shows */
};

struct _BtItemEditor
{
  AdwWindow            parent_instance;

  AdwLeaflet          *leaflet;
  GtkWidget           *top_box;
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *apply_button;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *fields_group;

  BtPlan              *plan;
  BtHistory           *history;
  GPtrArray           *pages;     /* the open pages, first to last; not owned */

  /* Nothing reaches the plan before the first page's Apply. Until then a
   * child list shows what it will hold (@staged: the list → a GListStore),
   * and the edits of each child wait in @pending (the item → property
   * name → GValue). */
  GHashTable          *staged;
  GHashTable          *pending;

  gboolean             discard;   /* closing without asking: applied, deleted, or confirmed */
};

/* A list of children an item has: its title, where the item keeps it,
 * and the kind of item it holds. */
typedef struct
{
  const char  *title;
  GListModel *(*get) (gpointer item);
  GType      (*child_type) (void);
} ChildKind;

/* bt-item-editor.c */
Page          *bt_editor_page_new                (BtItemEditor *self,
                                                  BtItem       *owner,
                                                  GListModel   *list,
                                                  BtItem       *item,
                                                  GtkWidget    *root);
void           bt_editor_page_fill               (Page         *page);
gboolean       bt_editor_same_value              (GParamSpec   *pspec,
                                                  const GValue *a,
                                                  const GValue *b);
gboolean       bt_editor_holds_value             (gpointer      object,
                                                  GParamSpec   *pspec,
                                                  const GValue *value);
void           bt_item_editor_set_value          (BtItemEditor *self,
                                                  gboolean      in_plan,
                                                  BtItem       *item,
                                                  const char   *property,
                                                  const GValue *value);
void           bt_item_editor_go_back            (BtItemEditor *self);

/* bt-item-editor-fields.c */
void           bt_editor_page_add_field          (Page         *page,
                                                  GParamSpec   *pspec);
gboolean       bt_editor_field_value             (Field        *field,
                                                  GValue       *value);
void           bt_editor_field_keep_initial      (Field        *field);
void           bt_editor_field_free              (gpointer      data);
char          *bt_editor_field_text              (Field        *field);

/* bt-item-editor-validation.c */
Field         *bt_editor_page_find_field         (Page         *page,
                                                  const char   *property);
double         bt_editor_field_number            (Field        *field);
gboolean       bt_editor_page_validate           (Page         *page);
gboolean       bt_editor_page_validate_for_apply (Page         *page);

/* bt-item-editor-children.c */
void           bt_item_editor_item_value         (BtItemEditor *self,
                                                  BtItem       *item,
                                                  GParamSpec   *pspec,
                                                  GValue       *value);
GListStore    *bt_item_editor_staged_list        (BtItemEditor *self,
                                                  GListModel   *list);
GHashTable    *bt_editor_pending_new             (void);
guint          bt_editor_child_kinds             (BtItem           *item,
                                                  const ChildKind **kinds);
void           bt_editor_page_add_child_list     (Page         *page,
                                                  const char   *title,
                                                  GListModel   *list,
                                                  GType         child_type);
void           bt_editor_page_add_savings        (Page         *page);
void           bt_item_editor_apply_children     (BtItemEditor *self,
                                                  BtItem       *item,
                                                  gboolean      in_plan);
gboolean       bt_item_editor_children_changed   (BtItemEditor *self,
                                                  GHashTable   *saved_staged,
                                                  GHashTable   *saved_pending);
void           bt_item_editor_close_page         (BtItemEditor *self,
                                                  gboolean      keep);

gboolean bt_editor_field_hidden (GParamSpec *pspec);

/* bt-item-editor-contact.c */
void           bt_editor_page_add_contact_offer  (Page         *page);

G_END_DECLS
