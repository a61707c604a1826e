/* bt-item-editor.c — add, edit or delete one item of the plan
 *
 * The rows follow the item's properties, so every kind of item (phase,
 * milestone, category, person, touchpoint, narrative, impact statement,
 * business case, cost row, the profile) is edited the same way. A value
 * that is not acceptable keeps Apply insensitive, marks its row and says
 * why in text beside it (a required field left empty, only once the user
 * left it or pressed Apply); nothing reaches the plan until Apply, and
 * then as one step of the history, so one Undo takes the whole edit back.
 * Children (a person's touchpoints, a narrative's statements and cases, a
 * case's cost rows) open on pages of the same window, even for an item not
 * applied yet; Cancel leaves everything opened inside behind, after asking
 * when something was typed or added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include "bt-application.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include "bt-narratives-chart.h"
#include "bt-item-editor.h"
#include "bt-plan-file.h"
#include "bt-report.h"

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

G_DEFINE_FINAL_TYPE (BtItemEditor, bt_item_editor, ADW_TYPE_WINDOW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
bt_item_kind_label (GType type)
{
  return bt_item_class_get_kind_label (type);
}

/* What the field's description says of it: its label, its flags. */
static const char *
label_for (GParamSpec *pspec)
{
  const BtField *description = bt_item_class_find_field (pspec->owner_type, pspec->name);

  return description != NULL && description->label != NULL ? _(description->label) : pspec->name;
}

static BtFieldFlags
flags_for (GParamSpec *pspec)
{
  const BtField *description = bt_item_class_find_field (pspec->owner_type, pspec->name);

  return description != NULL ? description->flags : 0;
}

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->choices, g_ptr_array_unref);
  if (G_IS_VALUE (&field->initial))
    g_value_unset (&field->initial);
  g_free (field->refused);
  g_free (field);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_weak_pointer (&page->opener);
  g_clear_pointer (&page->fields, g_ptr_array_unref);
  g_clear_pointer (&page->saved_staged, g_hash_table_unref);
  g_clear_pointer (&page->saved_pending, g_hash_table_unref);
  g_clear_object (&page->item);
  g_clear_object (&page->owner);
  g_clear_object (&page->list);
  g_free (page);
}

static void
value_free (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

/* ---- values, as they will be once applied ---- */

static void
item_value (BtItemEditor *self,
            BtItem       *item,
            GParamSpec   *pspec,
            GValue       *value)
{
  GHashTable *edits = g_hash_table_lookup (self->pending, item);
  const GValue *edited = edits ? g_hash_table_lookup (edits, pspec->name) : NULL;

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (edited != NULL)
    g_value_copy (edited, value);
  else
    g_object_get_property (G_OBJECT (item), pspec->name, value);
}

static char *
item_string (BtItemEditor *self,
             BtItem       *item,
             const char   *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_auto(GValue) value = G_VALUE_INIT;

  item_value (self, item, pspec, &value);
  if (G_VALUE_HOLDS (&value, G_TYPE_DATE))
    {
      const GDate *date = g_value_get_boxed (&value);
      return date && g_date_valid (date) ? bt_format_date (date) : g_strdup (_("No date"));
    }

  return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
}

static double
item_number (BtItemEditor *self,
             BtItem       *item,
             const char   *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_auto(GValue) value = G_VALUE_INIT;

  item_value (self, item, pspec, &value);

  return g_value_get_double (&value);
}

/* What @list will hold once applied. */
static GListStore *
staged_list (BtItemEditor *self,
             GListModel   *list)
{
  GListStore *store = g_hash_table_lookup (self->staged, list);

  if (store == NULL)
    {
      store = g_list_store_new (BT_TYPE_ITEM);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          g_list_store_append (store, item);
        }
      g_hash_table_insert (self->staged, g_object_ref (list), store);
    }

  return store;
}

static GHashTable *
pending_new (void)
{
  return g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_hash_table_unref);
}

static GHashTable *
edits_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, value_free);
}

static void
save_state (Page *page)
{
  BtItemEditor *self = page->editor;
  GHashTableIter iter;
  gpointer key, data;

  page->saved_staged = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (data); i++)
        g_ptr_array_add (items, g_list_model_get_item (data, i));
      g_hash_table_insert (page->saved_staged, g_object_ref (key), items);
    }

  page->saved_pending = pending_new ();
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GHashTable *edits = edits_new ();
      GHashTableIter e;
      gpointer property, value;

      g_hash_table_iter_init (&e, data);
      while (g_hash_table_iter_next (&e, &property, &value))
        {
          GValue *copy = g_new0 (GValue, 1);

          g_value_init (copy, G_VALUE_TYPE (value));
          g_value_copy (value, copy);
          g_hash_table_insert (edits, property, copy);
        }
      g_hash_table_insert (page->saved_pending, g_object_ref (key), edits);
    }
}

static void
restore_state (Page *page)
{
  BtItemEditor *self = page->editor;
  GHashTableIter iter;
  gpointer key, data;

  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *items = g_hash_table_lookup (page->saved_staged, key);

      if (items == NULL)
        g_hash_table_iter_remove (&iter);   /* shown only on pages that are gone */
      else
        g_list_store_splice (data, 0, g_list_model_get_n_items (data), items->pdata, items->len);
    }

  g_hash_table_unref (self->pending);
  self->pending = g_steal_pointer (&page->saved_pending);
}

/* ---- validation ---- */

/* The reason is text one can read, beside the value or under the field,
 * and the field's description for a screen reader: not a tooltip alone,
 * which the keyboard never shows. */
static void
set_problem (Field      *field,
             const char *problem)
{
  if (problem != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_widget_set_tooltip_text (field->row, problem);
  /* An action row (a number, a choice) says it under its title; an entry
   * beside what is typed, a long text under it. */
  if (field->problem != NULL)
    {
      gtk_label_set_label (GTK_LABEL (field->problem), problem ? problem : "");
      gtk_widget_set_visible (field->problem, problem != NULL);
    }
  else if (ADW_IS_ACTION_ROW (field->row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), problem ? problem : "");
  if (problem != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static Field *
find_field (Page       *page,
            const char *property)
{
  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);

      if (g_str_equal (field->pspec->name, property))
        return field;
    }

  return NULL;
}

static gboolean
field_date (Field *field,
            GDate *date)
{
  g_autofree char *text = NULL;

  if (field == NULL || field->kind != FIELD_DATE)
    return FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));

  return bt_date_picker_parse (text, date);
}

/* The number as typed, before the spin button takes it (and clamps it). */
static double
field_number (Field *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  char *end = NULL;
  double typed = g_strtod (text, &end);

  if (end != text && end != NULL && *g_strstrip (end) == '\0')
    return typed;

  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->widget));
}

static gboolean field_value (Field  *field,
                             GValue *value);

/* Why the file reader would refuse the value typed (a birth year of 97, a
 * week or a colour it cannot read), as bt_plan_file_field_check() says:
 * a plan holding it could not be saved. NULL when it takes it. */
static const char *
field_refused (Page  *page,
               Field *field)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  const char *reason;
  char first[8];

  if (field->kind == FIELD_INT)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, (int) CLAMP (field_number (field), G_MININT, G_MAXINT));
    }
  else if (field->kind == FIELD_TEXT || field->kind == FIELD_COLOR)
    field_value (field, &value);
  else
    return NULL;

  if (bt_plan_file_field_check (G_OBJECT_TYPE (page->item), field->pspec->name, &value, &error))
    return NULL;

  /* The reader's words start a sentence here. */
  reason = error->message;
  first[g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (reason)), first)] = '\0';
  g_free (field->refused);
  field->refused = g_strconcat (first, g_utf8_next_char (reason), NULL);

  return field->refused;
}

/* Why the value cannot be taken, or NULL; @empty says it is a required
 * field left empty, which is not said before the user was there. */
static const char *
field_problem (Page     *page,
               Field    *field,
               gboolean *empty)
{
  const char *refused;

  *empty = FALSE;
  if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));
      g_autofree char *stripped = g_strstrip (g_strdup (text));
      GDate date;

      if (field->required && *stripped == '\0')
        {
          *empty = TRUE;
          return _("This cannot be empty");
        }
      if (field->kind == FIELD_DATE && *stripped != '\0' && !bt_date_picker_parse (stripped, &date))
        {
          g_autofree char *example = NULL;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 31, G_DATE_MARCH, 2027);
          example = bt_date_picker_format (&date);
          g_free (field->refused);
          /* TRANSLATORS: %s is a date as the app shows it, "31 Mar 2027" */
          field->refused = g_strdup_printf (_("Expected a real date, such as %s or 2027-03-31"), example);
          return field->refused;
        }
      if (!g_utf8_validate (text, -1, NULL))
        return _("This is not valid text");
    }
  else if (field->kind == FIELD_CHOICE && field->required &&
           adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) >= field->choices->len)
    return _("Add a category first");
  else if (field->kind == FIELD_DOUBLE && BT_IS_COST_ROW (page->item) && field_number (field) < 0)
    return _("A monthly cost cannot be below zero");   /* a file may hold one: drawn left of zero */

  refused = field_refused (page, field);
  if (refused != NULL)
    return refused;

  /* A phase that ends before it starts cannot be drawn. */
  if (BT_IS_PHASE (page->item) && g_str_equal (field->pspec->name, "end"))
    {
      GDate start, end;

      if (field_date (find_field (page, "start"), &start) && field_date (field, &end) &&
          g_date_compare (&end, &start) < 0)
        return _("The phase ends before it starts");
    }

  return NULL;
}

/* Marks each field whose value cannot be taken. A required field left
 * empty says so once the user has been there, or pressed Apply: Apply
 * stays sensitive until then, and says it when pressed. */
static gboolean
validate_page (Page *page)
{
  gboolean valid = TRUE;
  gboolean shown_valid = TRUE;

  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);
      gboolean empty;
      const char *problem = field_problem (page, field, &empty);
      gboolean shown = problem != NULL && (!empty || field->touched || page->tried);

      set_problem (field, shown ? problem : NULL);
      valid = valid && problem == NULL;
      shown_valid = shown_valid && !shown;
    }

  gtk_widget_set_sensitive (page->apply_button, shown_valid && !bt_plan_get_read_only (page->editor->plan));

  return valid;
}

/* Apply or Done pressed: all that is wrong shows, and the keyboard goes
 * to the first field that is. */
static gboolean
validate_page_for_apply (Page *page)
{
  page->tried = TRUE;
  if (validate_page (page))
    return TRUE;

  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);

      if (gtk_widget_has_css_class (field->row, "error"))
        {
          gtk_widget_grab_focus (field->widget);
          break;
        }
    }

  return FALSE;
}

static void
on_field_changed_cb (GObject *widget,
                     Page    *page)
{
  Field *field = g_object_get_data (widget, "bt-field");

  field->touched = TRUE;
  validate_page (page);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   Page                    *page)
{
  Field *field = g_object_get_data (G_OBJECT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                                    "bt-field");

  /* Not while the window goes away. */
  if (gtk_widget_in_destruction (page->root) || gtk_widget_get_root (page->root) == NULL ||
      gtk_widget_in_destruction (GTK_WIDGET (gtk_widget_get_root (page->root))))
    return;
  field->touched = TRUE;
  validate_page (page);
}

/* ---- rows ---- */

/* Keyed by the entry row the picker belongs to, which outlives it. */
static void
on_day_picked_cb (BtDatePicker *picker,
                  const GDate  *day,
                  GtkEditable  *entry)
{
  g_autofree char *text = bt_date_picker_format (day);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (picker), GTK_TYPE_POPOVER);

  gtk_editable_set_text (entry, text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The first day of the week, as the preferences say. */
static GDateWeekday
week_start (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;
  g_autoptr(GSettings) own = NULL;

  /* An editor with no window of the app behind it (in the tests). */
  if (settings == NULL && g_settings_schema_source_get_default () != NULL)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                          APP_ID, TRUE);
      if (schema != NULL)
        settings = own = g_settings_new (APP_ID);
    }

  return settings != NULL && g_settings_get_enum (settings, "week-start") == 1 ? G_DATE_SUNDAY : G_DATE_MONDAY;
}

/* The picker opens on the date in the entry, when there is one, with the
 * keyboard on that day rather than on "Previous Month". */
static void
on_date_popover_map_cb (GtkPopover  *popover,
                        GtkEditable *entry)
{
  BtDatePicker *picker = BT_DATE_PICKER (gtk_popover_get_child (popover));
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  GDate date;

  bt_date_picker_set_week_start (picker, week_start (GTK_WIDGET (entry)));
  bt_date_picker_set_date (picker, bt_date_picker_parse (text, &date) ? &date : NULL);
  gtk_widget_grab_focus (GTK_WIDGET (picker));
}

static GtkWidget *
date_picker (GtkWidget *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *picker = bt_date_picker_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "bt-date-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  /* GTK 4.8 names a menu button after its type otherwise; the button
   * inside, which takes the focus, is labelled by this one. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  bt_date_picker_name_button (button, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)));
  gtk_popover_set_child (GTK_POPOVER (popover), picker);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect_object (picker, "day-picked", G_CALLBACK (on_day_picked_cb), entry, 0);
  g_signal_connect_object (popover, "map", G_CALLBACK (on_date_popover_map_cb), entry, G_CONNECT_AFTER);

  return button;
}

static char *
value_text (GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  if (G_VALUE_HOLDS (value, G_TYPE_DATE))
    {
      /* As the lists show it; typed in ISO too, and the file keeps ISO. */
      return bt_date_picker_format (g_value_get_boxed (value));
    }

  return g_strdup ("");
}

static void
add_field (Page       *page,
           GParamSpec *pspec)
{
  BtItemEditor *self = page->editor;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree Field *field = g_new0 (Field, 1);
  const char *label = label_for (pspec);
  BtFieldFlags flags = flags_for (pspec);

  item_value (self, page->item, pspec, &value);
  field->pspec = pspec;
  field->kind = FIELD_TEXT;
  field->required = bt_plan_file_field_is_required (G_OBJECT_TYPE (page->item), pspec->name);

  if (type == G_TYPE_STRING && (flags & BT_FIELD_COLOR))
    {
      GdkRGBA rgba = { 0.5, 0.5, 0.5, 1 };

      field->kind = FIELD_COLOR;
      field->row = adw_action_row_new ();
      field->widget = gtk_color_button_new ();
      gdk_rgba_parse (&rgba, g_value_get_string (&value) ? g_value_get_string (&value) : "#808080");
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (field->widget), &rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (field->widget), FALSE);
      gtk_color_button_set_title (GTK_COLOR_BUTTON (field->widget), label);
    }
  else if (type == G_TYPE_STRING && (flags & (BT_FIELD_PHASE_REF | BT_FIELD_CATEGORY_REF)))
    {
      gboolean phase = (flags & BT_FIELD_PHASE_REF) != 0;
      GListModel *items = phase ? bt_plan_get_phases (self->plan) : bt_plan_get_categories (self->plan);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      guint offset = field->required ? 0 : 1;   /* a milestone may have no phase; a rule needs its category */
      guint selected = 0;

      field->kind = FIELD_CHOICE;
      field->choices = g_ptr_array_new_with_free_func (g_object_unref);
      if (!field->required)
        gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          BtItem *choice = g_list_model_get_item (items, i);

          g_ptr_array_add (field->choices, choice);
          gtk_string_list_append (names, phase ? bt_phase_get_title (BT_PHASE (choice))
                                               : bt_category_get_name (BT_CATEGORY (choice)));
          if (g_strcmp0 (bt_item_get_id (choice), g_value_get_string (&value)) == 0)
            selected = i + offset;
        }
      field->row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), selected);
      field->widget = field->row;
    }
  else if (type == G_TYPE_STRING && (flags & BT_FIELD_LONG_TEXT))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (label);
      GtkTextBuffer *buffer;

      field->kind = FIELD_LONG_TEXT;
      field->row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->row), FALSE);
      /* Tab goes straight to the text: the row itself, unnamed, is no stop. */
      gtk_widget_set_focusable (field->row, FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "caption");
      field->widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field->widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field->widget), FALSE);
      gtk_widget_set_size_request (field->widget, -1, 72);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
      gtk_text_buffer_set_text (buffer, g_value_get_string (&value) ? g_value_get_string (&value) : "", -1);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), field->widget);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->row), box);
    }
  else if (type == G_TYPE_STRING || type == G_TYPE_DATE)
    {
      g_autofree char *text = value_text (&value);

      field->kind = type == G_TYPE_DATE ? FIELD_DATE : FIELD_TEXT;
      field->row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (field->row), text);
      field->widget = field->row;
    }
  else if (type == G_TYPE_INT || type == G_TYPE_DOUBLE)
    {
      double min, max, step, current;

      if (type == G_TYPE_INT)
        {
          min = G_PARAM_SPEC_INT (pspec)->minimum;
          max = G_PARAM_SPEC_INT (pspec)->maximum;
          step = 1;
          current = g_value_get_int (&value);
        }
      else
        {
          min = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
          max = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
          step = max <= 1 ? 0.05 : 100;
          current = g_value_get_double (&value);
          /* A share is typed in percent, as the goal dialog has it. */
          if (flags & BT_FIELD_PERCENT)
            {
              field->percent = TRUE;
              min *= 100;
              max = 100;
              step = 5;
              current = round (current * 100);
            }
        }

      field->kind = type == G_TYPE_INT ? FIELD_INT : FIELD_DOUBLE;
      field->row = adw_action_row_new ();
      field->widget = gtk_spin_button_new_with_range (min, max, step);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (field->widget), type == G_TYPE_INT ? 0 : max <= 1 ? 2 : 0);
      /* Tab goes to the number, where typing goes: the row is no stop. */
      gtk_widget_set_focusable (field->row, FALSE);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field->widget), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), current);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      field->kind = FIELD_ENUM;
      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (names, bt_enum_to_label (type, klass->values[i].value));
      field->row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), g_value_get_enum (&value));
      field->widget = field->row;
    }
  else
    return;

  /* Tests and style sheets find a row by the property it edits. */
  gtk_widget_set_name (field->row, pspec->name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), label);
  if (field->widget != field->row && field->kind != FIELD_LONG_TEXT)
    {
      gtk_widget_set_valign (field->widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->widget);
      /* This makes the row's title label the widget (LABELLED_BY); GTK 4.8
       * reads a label property and the labels together, so giving the
       * widget a label of its own too reads its name twice. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->widget);
      /* A colour button is a box around the button that takes the focus:
       * that one needs the name, or it is read as "GtkButton". */
      if (field->kind == FIELD_COLOR && gtk_widget_get_first_child (field->widget) != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (field->widget)),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  adw_preferences_group_add (page->fields_group, field->row);

  /* Where an entry or a long text says why it is refused. */
  if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE || field->kind == FIELD_LONG_TEXT)
    {
      field->problem = gtk_label_new (NULL);
      gtk_widget_set_name (field->problem, "why-refused");
      gtk_label_set_wrap (GTK_LABEL (field->problem), TRUE);
      gtk_widget_add_css_class (field->problem, "error");
      gtk_widget_add_css_class (field->problem, "caption");
      gtk_widget_set_visible (field->problem, FALSE);
      if (field->kind == FIELD_LONG_TEXT)
        {
          gtk_label_set_xalign (GTK_LABEL (field->problem), 0);
          gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (field->row))), field->problem);
        }
      else
        {
          gtk_label_set_width_chars (GTK_LABEL (field->problem), 16);
          gtk_label_set_max_width_chars (GTK_LABEL (field->problem), 28);
          gtk_label_set_xalign (GTK_LABEL (field->problem), 1);
          gtk_widget_set_valign (field->problem, GTK_ALIGN_CENTER);
          adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), field->problem);
        }
    }

  g_object_set_data (G_OBJECT (field->row), "bt-field", field);
  g_object_set_data (G_OBJECT (field->widget), "bt-field", field);
  if (field->kind == FIELD_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), date_picker (field->row));
  if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (field->row, "changed", G_CALLBACK (on_field_changed_cb), page);
      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), page);
      gtk_widget_add_controller (field->row, focus);
    }
  if (field->kind == FIELD_INT || field->kind == FIELD_DOUBLE)
    {
      g_signal_connect (field->widget, "changed", G_CALLBACK (on_field_changed_cb), page);
      g_signal_connect (field->widget, "value-changed", G_CALLBACK (on_field_changed_cb), page);
    }

  /* What the row showed first, read back as Apply would read it: a change
   * is a difference from this. */
  if (!field_value (field, &field->initial))
    g_value_unset (&field->initial);

  g_ptr_array_add (page->fields, g_steal_pointer (&field));
}

/* ---- values from the rows ---- */

/* A number typed and not entered yet counts; one only shown (a cost of
 * 1234.50 shows as 1235) keeps its decimals. */
static double
spin_value (GtkSpinButton *spin)
{
  g_autofree char *shown = g_strdup_printf ("%0.*f", gtk_spin_button_get_digits (spin),
                                            gtk_spin_button_get_value (spin));

  if (g_strcmp0 (shown, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_spin_button_update (spin);

  return gtk_spin_button_get_value (spin);
}

static gboolean
field_value (Field  *field,
             GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (field->pspec);

  g_value_init (value, type);

  switch (field->kind)
    {
    case FIELD_TEXT:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
        g_value_set_string (value, text);
      }
      break;

    case FIELD_LONG_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        GtkTextIter start, end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
        g_value_set_string (value, text);
      }
      break;

    case FIELD_DATE:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        GDate date;

        if (*stripped == '\0')
          g_value_set_boxed (value, NULL);
        else if (bt_date_picker_parse (stripped, &date))
          g_value_set_boxed (value, &date);
        else
          return FALSE;
      }
      break;

    case FIELD_INT:
      g_value_set_int (value, (int) spin_value (GTK_SPIN_BUTTON (field->widget)));
      break;

    case FIELD_DOUBLE:
      if (field->percent)
        g_value_set_double (value, round (spin_value (GTK_SPIN_BUTTON (field->widget))) / 100.0);
      else
        g_value_set_double (value, spin_value (GTK_SPIN_BUTTON (field->widget)));
      break;

    case FIELD_ENUM:
      {
        GEnumClass *klass = g_type_class_peek (type);
        guint index = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        g_value_set_enum (value, klass->values[MIN (index, klass->n_values - 1)].value);
      }
      break;

    case FIELD_COLOR:
      {
        GdkRGBA rgba;
        g_autofree char *hex = NULL;

        gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (field->widget), &rgba);
        hex = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                               (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
        g_value_set_string (value, hex);
      }
      break;

    case FIELD_CHOICE:
    default:
      {
        guint offset = field->required ? 0 : 1;
        guint index = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));

        if (index < offset || index - offset >= field->choices->len)
          g_value_set_string (value, NULL);
        else
          g_value_set_string (value, bt_item_get_id (g_ptr_array_index (field->choices, index - offset)));
      }
      break;
    }

  return TRUE;
}

/* ---- child lists (touchpoints, impact statements, business cases, cost rows) ---- */

typedef struct
{
  const char  *title;
  GListModel *(*get) (gpointer item);
  GType      (*child_type) (void);
} ChildKind;

static GListModel *get_touchpoints (gpointer item) { return bt_relationship_get_touchpoints (item); }
static GListModel *get_impacts (gpointer item) { return bt_narrative_get_impact_statements (item); }
static GListModel *get_cases (gpointer item) { return bt_narrative_get_business_cases (item); }
static GListModel *get_cost_rows (gpointer item) { return bt_business_case_get_cost_rows (item); }

/* The lists of children @item has, at most two. */
static guint
child_kinds (BtItem           *item,
             const ChildKind **kinds)
{
  static const ChildKind person[] = {
    { N_("Touchpoints"), get_touchpoints, bt_touchpoint_get_type },
  };
  static const ChildKind narrative[] = {
    { N_("Impact Statements"), get_impacts, bt_impact_statement_get_type },
    { N_("Business Cases"), get_cases, bt_business_case_get_type },
  };
  static const ChildKind business_case[] = {
    { N_("Monthly Cost, Now and Projected"), get_cost_rows, bt_cost_row_get_type },
  };

  if (BT_IS_RELATIONSHIP (item))
    return *kinds = person, G_N_ELEMENTS (person);
  if (BT_IS_NARRATIVE (item))
    return *kinds = narrative, G_N_ELEMENTS (narrative);
  if (BT_IS_BUSINESS_CASE (item))
    return *kinds = business_case, G_N_ELEMENTS (business_case);

  return *kinds = NULL, 0;
}

static char *
child_title (BtItemEditor *self,
             BtItem       *child)
{
  if (BT_IS_TOUCHPOINT (child))
    {
      g_autofree char *when = item_string (self, child, "date");
      g_autofree char *note = item_string (self, child, "note");

      return *note ? g_strdup_printf ("%s · %s", when, note) : g_steal_pointer (&when);
    }
  if (BT_IS_IMPACT_STATEMENT (child))
    return item_string (self, child, "summary");
  if (BT_IS_BUSINESS_CASE (child))
    return item_string (self, child, "title");
  if (BT_IS_COST_ROW (child))
    return item_string (self, child, "metric");

  return g_strdup ("");
}

static void open_page (BtItemEditor *self, BtItem *owner, GListModel *list, BtItem *child);

static void
on_child_activated_cb (AdwActionRow *row,
                       BtItemEditor *self)
{
  Page *page = g_object_get_data (G_OBJECT (row), "bt-page");

  open_page (self, page->item, g_object_get_data (G_OBJECT (row), "bt-list"),
             g_object_get_data (G_OBJECT (row), "bt-item"));
}

typedef struct
{
  Page       *page;   /* not owned: the list box dies with it */
  GListModel *list;
} ChildBinding;

static GtkWidget *
create_child_row (gpointer item,
                  gpointer user_data)
{
  ChildBinding *binding = user_data;
  BtItemEditor *self = binding->page->editor;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = child_title (self, item);
  g_autofree char *escaped = g_markup_escape_text (*title ? title : _("Untitled"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bt-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "bt-list", binding->list);
  g_object_set_data (G_OBJECT (row), "bt-page", binding->page);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_child_activated_cb), self, 0);

  return row;
}

static void
on_add_child_clicked_cb (GtkButton    *button,
                         BtItemEditor *self)
{
  Page *page = g_object_get_data (G_OBJECT (button), "bt-page");
  GListModel *list = g_object_get_data (G_OBJECT (button), "bt-list");
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bt-type"));
  g_autoptr(BtItem) child = g_object_new (type, NULL);

  if (BT_IS_TOUCHPOINT (child))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      bt_date_from_time (now, &today);
      bt_touchpoint_set_date (BT_TOUCHPOINT (child), &today);
    }

  open_page (self, page->item, list, child);
}

static void
add_child_list (Page       *page,
                const char *title,
                GListModel *list,
                GType       child_type)
{
  BtItemEditor *self = page->editor;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), bt_item_kind_label (child_type));
  ChildBinding *binding = g_new0 (ChildBinding, 1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_object_set_data (G_OBJECT (add), "bt-page", page);
  g_object_set_data (G_OBJECT (add), "bt-list", list);
  g_object_set_data (G_OBJECT (add), "bt-type", GSIZE_TO_POINTER (child_type));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_child_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  {
    GtkWidget *none = gtk_label_new (_("None yet"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (box), none);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Each list's rows must know which list they belong to. */
  binding->page = page;
  binding->list = list;
  gtk_list_box_bind_model (GTK_LIST_BOX (box), G_LIST_MODEL (staged_list (self, list)),
                           create_child_row, binding, g_free);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
}

/* ---- what a business case computes ---- */

/* Worked out from the cost rows as they will be once applied, and the ask
 * as typed: a copy of the case holds them for the plan's own arithmetic. */
static void
update_savings (GtkWidget *group)
{
  Page *page = g_object_get_data (G_OBJECT (group), "bt-page");
  BtItemEditor *self = page->editor;
  GListModel *rows = G_LIST_MODEL (staged_list (self, bt_business_case_get_cost_rows (BT_BUSINESS_CASE (page->item))));
  Field *ask_cost = find_field (page, "ask-cost");
  g_autoptr(BtBusinessCase) preview = bt_business_case_new ();
  AdwActionRow *monthly = g_object_get_data (G_OBJECT (group), "bt-monthly");
  AdwActionRow *yearly = g_object_get_data (G_OBJECT (group), "bt-yearly");
  AdwActionRow *payback = g_object_get_data (G_OBJECT (group), "bt-payback");
  BtCaseTotals totals;
  g_autofree char *m = NULL;
  g_autofree char *y = NULL;
  g_autofree char *p = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BtItem) row = g_list_model_get_item (rows, i);
      g_autoptr(BtCostRow) copy = bt_cost_row_new ();

      bt_cost_row_set_current_monthly (copy, item_number (self, row, "current-monthly"));
      bt_cost_row_set_projected_monthly (copy, item_number (self, row, "projected-monthly"));
      bt_item_list_append (BT_ITEM_LIST (bt_business_case_get_cost_rows (preview)), copy);
    }
  bt_business_case_set_ask_cost (preview, ask_cost ? MAX (field_number (ask_cost), 0)
                                                   : bt_business_case_get_ask_cost (BT_BUSINESS_CASE (page->item)));

  totals = bt_analytics_case_totals (preview);
  if (round (totals.monthly_savings) < 0)
    {
      g_autofree char *more_m = bt_format_amount (-totals.monthly_savings);
      g_autofree char *more_y = bt_format_amount (-totals.yearly_savings);

      /* TRANSLATORS: what a business case saves, when it costs more than now; %s is an amount */
      m = g_strdup_printf (_("None: it costs %s more a month"), more_m);
      y = g_strdup_printf (_("None: it costs %s more a year"), more_y);
    }
  else
    {
      m = bt_format_amount (totals.monthly_savings);
      y = bt_format_amount (totals.yearly_savings);
    }
  if (isnan (totals.payback_months))
    p = g_strdup (bt_business_case_get_ask_cost (preview) > 0 ? _("Never, at these costs") : _("The ask has no one-off cost"));
  else
    p = g_strdup_printf (_("%.1f months"), totals.payback_months);

  adw_action_row_set_subtitle (monthly, m);
  adw_action_row_set_subtitle (yearly, y);
  adw_action_row_set_subtitle (payback, p);
}

static void
add_savings (Page *page)
{
  BtItemEditor *self = page->editor;
  GtkWidget *group = adw_preferences_group_new ();
  Field *ask_cost = find_field (page, "ask-cost");
  struct { const char *key; const char *title; } rows[] = {
    { "bt-monthly", _("Saving per month") },
    { "bt-yearly", _("Saving per year") },
    { "bt-payback", _("The ask pays back in") },
  };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What It Saves"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Worked out from the cost rows and the one-off cost of the ask."));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].title);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_object_set_data (G_OBJECT (group), rows[i].key, row);
    }
  g_object_set_data (G_OBJECT (group), "bt-page", page);
  update_savings (group);
  g_signal_connect_object (page->item, "changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
  g_signal_connect_object (staged_list (self, bt_business_case_get_cost_rows (BT_BUSINESS_CASE (page->item))),
                           "items-changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
  if (ask_cost != NULL)
    {
      g_signal_connect_object (ask_cost->widget, "changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
      g_signal_connect_object (ask_cost->widget, "value-changed", G_CALLBACK (update_savings), group,
                               G_CONNECT_SWAPPED);
    }
  adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
}

/* ---- applying ---- */

/* The same to the user: no text is empty text, dates by their day (a
 * GParamSpec compares boxed values by their address). */
static gboolean
same_value (GParamSpec   *pspec,
            const GValue *a,
            const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;

  if (G_VALUE_HOLDS (a, G_TYPE_DATE))
    {
      const GDate *x = g_value_get_boxed (a);
      const GDate *y = g_value_get_boxed (b);
      gboolean x_valid = x != NULL && g_date_valid (x);
      gboolean y_valid = y != NULL && g_date_valid (y);

      return x_valid == y_valid && (!x_valid || g_date_compare (x, y) == 0);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Only what changed becomes part of the step. */
static void
set_value (BtItemEditor *self,
           gboolean      in_plan,
           BtItem       *item,
           const char   *property,
           const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (G_OBJECT (item), property, &current);
  if (same_value (pspec, &current, value))
    return;

  if (in_plan)
    bt_history_set (self->history, item, property, value);
  else
    g_object_set_property (G_OBJECT (item), property, value);
}

/* What the pages opened inside @item changed in its lists reaches them:
 * through the history when @item is in the plan, straight when it is new
 * and goes in with them. */
static void
apply_children (BtItemEditor *self,
                BtItem       *item,
                gboolean      in_plan)
{
  const ChildKind *kinds;
  guint n_kinds = child_kinds (item, &kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *list = kinds[k].get (item);
      GListStore *store = g_hash_table_lookup (self->staged, list);
      guint n;

      if (store == NULL)
        continue;   /* never shown, so never changed */

      /* Removed */
      for (guint i = g_list_model_get_n_items (list); i > 0; i--)
        {
          g_autoptr(BtItem) child = g_list_model_get_item (list, i - 1);
          guint position;

          if (g_list_store_find (store, child, &position))
            continue;
          if (in_plan)
            bt_history_remove (self->history, item, list, child);
          else
            bt_item_list_remove (BT_ITEM_LIST (list), i - 1);
        }

      /* Edited, and added */
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BtItem) child = g_list_model_get_item (G_LIST_MODEL (store), i);
          GHashTable *edits = g_hash_table_lookup (self->pending, child);
          gboolean added = !bt_item_list_find (BT_ITEM_LIST (list), child, NULL);

          /* A child added goes in with its values and its own children. */
          if (edits != NULL)
            {
              GHashTableIter iter;
              gpointer property, value;

              g_hash_table_iter_init (&iter, edits);
              while (g_hash_table_iter_next (&iter, &property, &value))
                set_value (self, in_plan && !added, child, property, value);
            }
          apply_children (self, child, in_plan && !added);

          if (added)
            {
              if (in_plan)
                bt_history_append (self->history, item, list, child);
              else
                bt_item_list_append (BT_ITEM_LIST (list), child);
            }
        }
    }
}

/* A milestone that moves later slips: when it has no "First planned for"
 * yet, and none was typed, the date it had becomes that, in the same step,
 * so that the roadmap still shows where it was first planned. */
static void
keep_original_date (BtItemEditor *self,
                    Page         *top,
                    const GDate  *was)
{
  BtMilestone *milestone = BT_MILESTONE (top->item);
  const GDate *now = bt_milestone_get_date (milestone);
  const GDate *original = bt_milestone_get_original_date (milestone);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!g_date_valid (was) || now == NULL || !g_date_valid (now) || g_date_compare (now, was) <= 0)
    return;
  if (original != NULL && g_date_valid (original))
    return;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, was);
  set_value (self, TRUE, top->item, "original-date", &value);

  g_debug ("A milestone slipped: its first date is kept");
}

static void
on_apply_clicked_cb (BtItemEditor *self)
{
  Page *top = g_ptr_array_index (self->pages, 0);
  g_autofree char *label = NULL;
  gboolean in_plan = !top->is_new;
  /* The step on top of the history now: a new one is another. */
  const char *last_step = bt_history_get_undo_label (self->history);
  GDate was;

  if (!validate_page_for_apply (top))
    return;

  label = g_strdup_printf (top->is_new ? _("Add %s") : _("Edit %s"),
                           bt_item_kind_label (G_OBJECT_TYPE (top->item)));
  g_date_clear (&was, 1);
  /* A milestone with no first date yet keeps the one it has if it slips. */
  if (BT_IS_MILESTONE (top->item) && bt_milestone_get_date (BT_MILESTONE (top->item)) != NULL &&
      (bt_milestone_get_original_date (BT_MILESTONE (top->item)) == NULL ||
       !g_date_valid (bt_milestone_get_original_date (BT_MILESTONE (top->item)))))
    was = *bt_milestone_get_date (BT_MILESTONE (top->item));

  /* One step: one Undo takes back the item and all that came with it. */
  bt_history_begin (self->history, label);

  for (guint i = 0; i < top->fields->len; i++)
    {
      Field *field = g_ptr_array_index (top->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      /* A new item is not in the plan yet: its values go with its insertion. */
      if (field_value (field, &value))
        set_value (self, in_plan, top->item, field->pspec->name, &value);
    }
  if (BT_IS_MILESTONE (top->item) && in_plan)
    keep_original_date (self, top, &was);

  apply_children (self, top->item, in_plan);

  if (top->is_new)
    bt_history_append (self->history, top->owner, top->list, top->item);

  bt_history_end (self->history);
  /* Apply that changed nothing is no step: there is nothing to offer to
   * undo, and an Undo offered would take back the step before. */
  if (bt_history_get_undo_label (self->history) != last_step)
    g_signal_emit (self, signals[COMMITTED], 0, label);
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- leaving with changes ---- */

/* Whether a field on @page shows something else than it first did. */
static gboolean
fields_changed (Page *page)
{
  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);
      g_auto(GValue) now = G_VALUE_INIT;
      gboolean readable = field_value (field, &now);

      if (!readable || !G_IS_VALUE (&field->initial))
        {
          if (readable != G_IS_VALUE (&field->initial))
            return TRUE;
          continue;
        }
      if (!same_value (field->pspec, &field->initial, &now))
        return TRUE;
    }

  return FALSE;
}

/* Whether the child lists and the children's waiting edits differ from
 * @saved_staged and @saved_pending (as save_state() keeps them), or, where
 * those have nothing or are %NULL, from the plan. */
static gboolean
children_changed (BtItemEditor *self,
                  GHashTable   *saved_staged,
                  GHashTable   *saved_pending)
{
  GHashTableIter iter;
  gpointer key, data;

  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *before = saved_staged ? g_hash_table_lookup (saved_staged, key) : NULL;
      guint n = g_list_model_get_n_items (data);

      if (n != (before ? before->len : g_list_model_get_n_items (key)))
        return TRUE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (data, i);
          g_autoptr(GObject) other = before ? g_object_ref (g_ptr_array_index (before, i))
                                            : g_list_model_get_item (key, i);

          if (item != other)
            return TRUE;
        }
    }

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GHashTable *before = saved_pending ? g_hash_table_lookup (saved_pending, key) : NULL;
      GHashTableIter e;
      gpointer property, value;

      g_hash_table_iter_init (&e, data);
      while (g_hash_table_iter_next (&e, &property, &value))
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (key), property);
          const GValue *was = before ? g_hash_table_lookup (before, property) : NULL;
          g_auto(GValue) current = G_VALUE_INIT;

          if (was == NULL)
            {
              g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
              g_object_get_property (G_OBJECT (key), property, &current);
              was = &current;
            }
          if (!same_value (pspec, was, value))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether leaving the page in view (or, with @whole, the editor) would
 * throw away something the user did. */
static gboolean
has_changes (BtItemEditor *self,
             gboolean      whole)
{
  Page *last = g_ptr_array_index (self->pages, self->pages->len - 1);

  if (bt_plan_get_read_only (self->plan))
    return FALSE;
  if (!whole)
    return fields_changed (last) || children_changed (self, last->saved_staged, last->saved_pending);

  for (guint i = 0; i < self->pages->len; i++)
    if (fields_changed (g_ptr_array_index (self->pages, i)))
      return TRUE;

  return children_changed (self, NULL, NULL);
}

static void close_page (BtItemEditor *self, gboolean keep);

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BtItemEditor     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (g_object_get_data (G_OBJECT (dialog), "bt-whole") != NULL)
    {
      /* The dialog closes after this: not on top of an editor gone. */
      gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    close_page (self, FALSE);
}

/* Asks before what was typed is thrown away: on this page, or, with
 * @whole, in the whole editor. */
static void
ask_discard (BtItemEditor *self,
             gboolean      whole)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                              whole ? _("What you typed or added here is not applied.")
                                                    : _("What you typed or added on this page is not kept."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  if (whole)
    g_object_set_data (G_OBJECT (dialog), "bt-whole", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
bt_item_editor_close_request (GtkWindow *window)
{
  BtItemEditor *self = BT_ITEM_EDITOR (window);

  if (!self->discard && has_changes (self, TRUE))
    {
      ask_discard (self, TRUE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bt_item_editor_parent_class)->close_request (window);
}

/* Back to the page before, asking first when that leaves something behind. */
static void
go_back (BtItemEditor *self)
{
  if (has_changes (self, FALSE))
    ask_discard (self, FALSE);
  else
    close_page (self, FALSE);
}

static void
on_delete_clicked_cb (BtItemEditor *self)
{
  Page *top = g_ptr_array_index (self->pages, 0);
  g_autofree char *label = g_strdup_printf (_("Delete %s"), bt_item_kind_label (G_OBJECT_TYPE (top->item)));

  bt_history_begin (self->history, label);
  bt_history_remove (self->history, top->owner, top->list, top->item);
  bt_history_end (self->history);
  g_signal_emit (self, signals[COMMITTED], 0, label);
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- pages ---- */

/* The row of a child list under @widget that shows @item. */
static GtkWidget *
find_child_row (GtkWidget *widget,
                   BtItem    *item)
{
  if (ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "bt-item") == item)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_row (child, item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Back to the page before; without @keep, what was done on this page and
 * the pages it opened is left behind. */
static void
close_page (BtItemEditor *self,
            gboolean      keep)
{
  Page *page;
  Page *previous;
  GtkWidget *focus;

  if (self->pages->len < 2)
    return;

  page = g_ptr_array_steal_index (self->pages, self->pages->len - 1);
  previous = g_ptr_array_index (self->pages, self->pages->len - 1);
  if (!keep)
    restore_state (page);
  adw_leaflet_set_visible_child (self->leaflet, previous->root);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (previous->root), GTK_ACCESSIBLE_STATE_HIDDEN);

  /* The keyboard goes back to where it was: the child's row (made anew
   * when the child changed), or what opened the page. */
  focus = find_child_row (previous->root, page->item);
  if (focus == NULL && page->opener != NULL && gtk_widget_get_root (page->opener) != NULL)
    focus = page->opener;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_child_focus (previous->root, GTK_DIR_TAB_FORWARD);

  /* The page goes with its widgets. */
  adw_leaflet_remove (self->leaflet, page->root);
}

/* A child's page keeps its edits for the first page's Apply. */
static void
on_page_done_clicked_cb (GtkButton *button,
                         Page      *page)
{
  BtItemEditor *self = page->editor;
  GListStore *store = staged_list (self, page->list);
  GHashTable *edits;
  guint position;

  if (!validate_page_for_apply (page))
    return;

  edits = g_hash_table_lookup (self->pending, page->item);
  if (edits == NULL)
    {
      edits = edits_new ();
      g_hash_table_insert (self->pending, g_object_ref (page->item), edits);
    }

  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);
      GValue *value = g_new0 (GValue, 1);

      if (field_value (field, value))
        g_hash_table_insert (edits, (gpointer) field->pspec->name, value);
      else
        value_free (value);
    }

  if (g_list_store_find (store, page->item, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &page->item, 1);   /* its row says what changed */
  else
    g_list_store_append (store, page->item);

  close_page (self, TRUE);
}

static void
on_page_delete_clicked_cb (GtkButton *button,
                           Page      *page)
{
  GListStore *store = staged_list (page->editor, page->list);
  guint position;

  if (g_list_store_find (store, page->item, &position))
    g_list_store_remove (store, position);
  close_page (page->editor, TRUE);
}

static void
on_page_back_clicked_cb (GtkButton    *button,
                         BtItemEditor *self)
{
  go_back (self);
}

static void
back_or_close (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BtItemEditor *self = BT_ITEM_EDITOR (widget);

  if (self->pages->len > 1)
    go_back (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
fill_page (Page *page)
{
  BtItemEditor *self = page->editor;
  g_autofree GParamSpec **pspecs = NULL;
  const ChildKind *kinds;
  guint n_pspecs, n_kinds;
  const char *kind = bt_item_kind_label (G_OBJECT_TYPE (page->item));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (page->item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == G_OBJECT_TYPE (page->item) && (pspecs[i]->flags & G_PARAM_WRITABLE) &&
        /* Where an imported touchpoint came from is the import's to keep. */
        !(flags_for (pspecs[i]) & BT_FIELD_IMPORT_ONLY))
      add_field (page, pspecs[i]);

  /* Children, a new item's too: they come with it on Apply. */
  n_kinds = child_kinds (page->item, &kinds);
  for (guint k = 0; k < n_kinds; k++)
    add_child_list (page, _(kinds[k].title), kinds[k].get (page->item), kinds[k].child_type ());
  if (BT_IS_BUSINESS_CASE (page->item))
    add_savings (page);

  if (!page->is_new && page->list != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));
      g_autofree char *label = g_strdup_printf (_("Delete this %s"), kind);


      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      if (g_ptr_array_index (self->pages, 0) == page)
        g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
      else
        g_signal_connect (button, "clicked", G_CALLBACK (on_page_delete_clicked_cb), page);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
    }

  if (bt_plan_get_read_only (self->plan))
    gtk_widget_set_sensitive (GTK_WIDGET (page->prefs), FALSE);

  validate_page (page);
}

static Page *
page_new (BtItemEditor *self,
          BtItem       *owner,
          GListModel   *list,
          BtItem       *item,
          GtkWidget    *root)
{
  Page *page = g_new0 (Page, 1);

  page->editor = self;
  page->item = g_object_ref (item);
  page->owner = owner ? g_object_ref (owner) : NULL;
  page->list = list ? g_object_ref (list) : NULL;
  page->fields = g_ptr_array_new_with_free_func (field_free);
  page->root = root;
  g_object_set_data_full (G_OBJECT (root), "bt-page", page, page_free);
  g_ptr_array_add (self->pages, page);

  return page;
}

/* A child opens on a page of its own, in the same window. */
static void
open_page (BtItemEditor *self,
           BtItem       *owner,
           GListModel   *list,
           BtItem       *child)
{
  GtkWidget *root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (bt_item_kind_label (G_OBJECT_TYPE (child)), NULL);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  Page *parent = g_ptr_array_index (self->pages, self->pages->len - 1);
  /* TRANSLATORS: the back button of a child's page; %s is the kind of item
   * the page came from, such as "Person" or "Business Case" */
  g_autofree char *parent_kind = g_strdup_printf (_("Back to the %s"),
                                                  bt_item_kind_label (G_OBJECT_TYPE (parent->item)));
  Page *page = page_new (self, owner, list, child, root);

  staged_list (self, list);
  save_state (page);
  g_set_weak_pointer (&page->opener, gtk_root_get_focus (GTK_ROOT (self)));
  page->is_new = !g_list_store_find (staged_list (self, list), child, NULL);
  page->prefs = ADW_PREFERENCES_PAGE (prefs);
  page->fields_group = ADW_PREFERENCES_GROUP (group);
  page->apply_button = gtk_button_new_with_mnemonic (page->is_new ? _("_Add") : _("_Done"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_name (back, "back");
  gtk_widget_set_tooltip_text (back, parent_kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, parent_kind, -1);
  g_signal_connect_object (back, "clicked", G_CALLBACK (on_page_back_clicked_cb), self, 0);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  gtk_widget_add_css_class (page->apply_button, "suggested-action");
  g_signal_connect (page->apply_button, "clicked", G_CALLBACK (on_page_done_clicked_cb), page);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), page->apply_button);

  gtk_widget_set_vexpand (prefs, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (root), header);
  gtk_box_append (GTK_BOX (root), prefs);

  fill_page (page);
  adw_leaflet_append (self->leaflet, root);
  adw_leaflet_set_visible_child (self->leaflet, root);
  /* A screen reader sees the page in view alone, not two Add buttons. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (parent->root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_grab_focus (back);
}

/* ---- the class ---- */

static void
bt_item_editor_dispose (GObject *object)
{
  BtItemEditor *self = BT_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_ITEM_EDITOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->staged, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (bt_item_editor_parent_class)->dispose (object);
}

static void
bt_item_editor_class_init (BtItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_item_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bt_item_editor_close_request;

  /**
   * BtItemEditor::committed:
   * @what: the step recorded in the history, such as "Delete Person"
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, top_box);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_install_action (widget_class, "editor.back-or-close", NULL, back_or_close);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back-or-close", NULL);
}

static void
bt_item_editor_init (BtItemEditor *self)
{
  bt_application_add_icons ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
  self->staged = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->pending = pending_new ();
}

/**
 * bt_item_editor_new:
 * @owner: the item whose @list holds @item (the plan for top-level items)
 * @list: (nullable): where @item is, or goes when new; %NULL for the profile
 * @item: the item; one not in @list yet is added on Apply
 */
BtItemEditor *
bt_item_editor_new (GtkWindow  *parent,
                    BtPlan     *plan,
                    BtHistory  *history,
                    BtItem     *owner,
                    GListModel *list,
                    BtItem     *item)
{
  BtItemEditor *self;
  const char *kind;
  Page *top;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BT_IS_ITEM (item), NULL);

  self = g_object_new (BT_TYPE_ITEM_EDITOR, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);

  top = page_new (self, owner, list, item, self->top_box);
  top->is_new = list != NULL && !bt_item_list_find (BT_ITEM_LIST (list), item, NULL);
  top->prefs = self->page;
  top->fields_group = self->fields_group;
  top->apply_button = self->apply_button;

  kind = bt_item_kind_label (G_OBJECT_TYPE (item));
  adw_window_title_set_title (self->window_title, kind);
  gtk_window_set_title (GTK_WINDOW (self), kind);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), top->is_new ? _("_Add") : _("_Apply"));

  fill_page (top);

  return self;
}
