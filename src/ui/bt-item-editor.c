/* bt-item-editor.c — add, edit or delete one item of the plan
 *
 * The rows follow the item's properties, so every kind of item (phase,
 * milestone, category, person, touchpoint, narrative, impact statement,
 * business case, cost row, the profile) is edited the same way. A value
 * that is not acceptable keeps Apply insensitive, marks its row and says
 * why; nothing reaches the plan until Apply, and then as one step of the
 * history, so one Undo takes the whole edit back.
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
#include "bt-narratives-chart.h"
#include "bt-item-editor.h"
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

typedef struct
{
  GParamSpec *pspec;
  FieldKind   kind;
  GtkWidget  *row;
  GtkWidget  *widget;     /* the entry, spin, combo row or colour button */
  gboolean    required;
  char       *problem;    /* why the value cannot be applied, or NULL */
  GPtrArray  *choices;    /* for FIELD_CHOICE: the items, after "None" when @required is FALSE */
} Field;

struct _BtItemEditor
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *apply_button;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *fields_group;

  BtPlan              *plan;
  BtHistory           *history;
  BtItem              *owner;
  GListModel          *list;      /* NULL for the profile */
  BtItem              *item;
  gboolean             is_new;
  GArray              *fields;    /* of Field */
};

G_DEFINE_FINAL_TYPE (BtItemEditor, bt_item_editor, ADW_TYPE_WINDOW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *property;
  const char *label;
} labels[] = {
  { "name", N_("Name") },
  { "current-role", N_("Current role") },
  { "target-role", N_("Target role") },
  { "target-date", N_("Target date") },
  { "birth-year", N_("Birth year, to show ages (0 for none)") },
  { "target-share", N_("Target strategic share (0 to 1)") },
  { "title", N_("Title") },
  { "start", N_("Start") },
  { "end", N_("End") },
  { "date", N_("Date") },
  { "phase", N_("Phase") },
  { "status", N_("Status") },
  { "notes", N_("Notes") },
  { "original-date", N_("First planned for") },
  { "kind", N_("Kind") },
  { "color", N_("Colour") },
  { "note", N_("Note") },
  { "role", N_("Role") },
  { "email", N_("E-mail") },
  { "function", N_("Function") },
  { "strength", N_("Strength, 1 to 5") },
  { "cadence-days", N_("Be in touch every … days") },
  { "next-step", N_("Next step") },
  { "next-step-due", N_("Next step due") },
  { "help-with", N_("What of theirs could technology help with") },
  { "summary", N_("Summary") },
  { "technical-detail", N_("Technical detail") },
  { "business-impact", N_("Business impact") },
  { "impact-value", N_("Impact, as a number") },
  { "impact-unit", N_("Unit of the impact") },
  { "metric", N_("What is counted") },
  { "current-monthly", N_("Cost per month now") },
  { "projected-monthly", N_("Cost per month projected") },
  { "problem", N_("The problem") },
  { "cost", N_("What it costs now") },
  { "solution", N_("Proposed solution") },
  { "ask", N_("The ask: people, time, money") },
  { "ask-cost", N_("One-off cost of the ask") },
  { "expected-return", N_("The return") },
  { "proposed-on", N_("Proposed on") },
  { "decided-on", N_("Decided on") },
  { "audience", N_("Audience") },
  { "headline", N_("Headline") },
  { "match", N_("Looks at") },
  { "pattern", N_("Words, address, domain or name") },
  { "category", N_("Category") },
};

static const char * const required_properties[] = { "title", "name", "summary", "metric" };

/* Texts people write paragraphs in. */
static const char * const long_text_properties[] = {
  "notes", "problem", "cost", "solution", "ask", "expected-return", "technical-detail",
  "business-impact", "help-with",
};

const char *
bt_item_kind_label (GType type)
{
  if (type == BT_TYPE_PHASE) return _("Phase");
  if (type == BT_TYPE_MILESTONE) return _("Milestone");
  if (type == BT_TYPE_CATEGORY) return _("Category");
  if (type == BT_TYPE_RELATIONSHIP) return _("Person");
  if (type == BT_TYPE_TOUCHPOINT) return _("Touchpoint");
  if (type == BT_TYPE_NARRATIVE) return _("Narrative");
  if (type == BT_TYPE_IMPACT_STATEMENT) return _("Impact Statement");
  if (type == BT_TYPE_BUSINESS_CASE) return _("Business Case");
  if (type == BT_TYPE_COST_ROW) return _("Cost Row");
  if (type == BT_TYPE_PROFILE) return _("Profile");
  if (type == BT_TYPE_IMPORT_RULE) return _("Import Rule");

  return _("Item");
}

static const char *
label_for (GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].property, pspec->name) == 0)
      return _(labels[i].label);

  return pspec->name;
}

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->problem, g_free);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
}

/* ---- validation ---- */

static void
set_problem (Field      *field,
             const char *problem)
{
  g_free (field->problem);
  field->problem = g_strdup (problem);

  if (problem != NULL)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
  gtk_widget_set_tooltip_text (field->row, problem);
}

static void
validate (BtItemEditor *self)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      const char *problem = NULL;

      if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE)
        {
          const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));
          g_autofree char *stripped = g_strstrip (g_strdup (text));
          GDate date;

          if (field->required && *stripped == '\0')
            problem = _("This cannot be empty");
          else if (field->kind == FIELD_DATE && *stripped != '\0' && !bt_date_parse (stripped, &date))
            problem = _("Expected a real date as YYYY-MM-DD, for example 2027-03-31");
          else if (!g_utf8_validate (text, -1, NULL))
            problem = _("This is not valid text");
        }
      else if (field->kind == FIELD_CHOICE && field->required &&
               adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) >= field->choices->len)
        problem = _("Add a category first");

      set_problem (field, problem);
      valid = valid && problem == NULL;
    }

  gtk_widget_set_sensitive (self->apply_button, valid);
}

/* ---- rows ---- */

static void
on_calendar_day_selected_cb (GtkCalendar *calendar,
                             Field       *field)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (picked, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (field->row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static GtkWidget *
date_picker (Field *field)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "bt-date-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  /* GTK 4.8 names a menu button after its type otherwise; the name goes
   * on the button inside, which is what takes the focus. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  if (gtk_widget_get_first_child (button) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_calendar_day_selected_cb), field);

  return button;
}

static char *
value_text (GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  if (G_VALUE_HOLDS (value, G_TYPE_DATE))
    {
      const GDate *date = g_value_get_boxed (value);
      return date && g_date_valid (date) ? bt_date_to_iso (date) : g_strdup ("");
    }

  return g_strdup ("");
}

static void
add_field (BtItemEditor *self,
           GParamSpec   *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  Field field = { pspec, FIELD_TEXT, NULL, NULL, FALSE, NULL };
  const char *label = label_for (pspec);
  Field *stored;

  g_value_init (&value, type);
  g_object_get_property (G_OBJECT (self->item), pspec->name, &value);

  for (guint i = 0; i < G_N_ELEMENTS (required_properties); i++)
    field.required = field.required || g_strcmp0 (pspec->name, required_properties[i]) == 0;

  if (type == G_TYPE_STRING && g_strcmp0 (pspec->name, "color") == 0)
    {
      GdkRGBA rgba = { 0.5, 0.5, 0.5, 1 };

      field.kind = FIELD_COLOR;
      field.row = adw_action_row_new ();
      field.widget = gtk_color_button_new ();
      gdk_rgba_parse (&rgba, g_value_get_string (&value) ? g_value_get_string (&value) : "#808080");
      gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (field.widget), &rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (field.widget), FALSE);
    }
  else if (type == G_TYPE_STRING && (g_strcmp0 (pspec->name, "phase") == 0 ||
                                     (BT_IS_IMPORT_RULE (self->item) && g_strcmp0 (pspec->name, "category") == 0)))
    {
      gboolean phase = g_strcmp0 (pspec->name, "phase") == 0;
      GListModel *items = phase ? bt_plan_get_phases (self->plan) : bt_plan_get_categories (self->plan);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      guint offset = phase ? 1 : 0;   /* a milestone may have no phase; a rule needs its category */
      guint selected = 0;

      field.kind = FIELD_CHOICE;
      field.required = !phase;
      field.choices = g_ptr_array_new_with_free_func (g_object_unref);
      if (phase)
        gtk_string_list_append (names, _("None"));
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          BtItem *choice = g_list_model_get_item (items, i);

          g_ptr_array_add (field.choices, choice);
          gtk_string_list_append (names, phase ? bt_phase_get_title (BT_PHASE (choice))
                                               : bt_category_get_name (BT_CATEGORY (choice)));
          if (g_strcmp0 (bt_item_get_id (choice), g_value_get_string (&value)) == 0)
            selected = i + offset;
        }
      field.row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field.row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field.row), selected);
      field.widget = field.row;
    }
  else if (type == G_TYPE_STRING && g_strv_contains (long_text_properties, pspec->name))
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *title = gtk_label_new (label);
      GtkTextBuffer *buffer;

      field.kind = FIELD_LONG_TEXT;
      field.row = adw_preferences_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field.row), FALSE);
      /* Tab goes straight to the text: the row itself, unnamed, is no stop. */
      gtk_widget_set_focusable (field.row, FALSE);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "dim-label");
      gtk_widget_add_css_class (title, "caption");
      field.widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (field.widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (field.widget), FALSE);
      gtk_widget_set_size_request (field.widget, -1, 72);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field.widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field.widget));
      gtk_text_buffer_set_text (buffer, g_value_get_string (&value) ? g_value_get_string (&value) : "", -1);
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), field.widget);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field.row), box);
    }
  else if (type == G_TYPE_STRING || type == G_TYPE_DATE)
    {
      g_autofree char *text = value_text (&value);

      field.kind = type == G_TYPE_DATE ? FIELD_DATE : FIELD_TEXT;
      field.row = adw_entry_row_new ();
      gtk_editable_set_text (GTK_EDITABLE (field.row), text);
      field.widget = field.row;
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
        }

      field.kind = type == G_TYPE_INT ? FIELD_INT : FIELD_DOUBLE;
      field.row = adw_action_row_new ();
      field.widget = gtk_spin_button_new_with_range (min, max, step);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (field.widget), type == G_TYPE_INT ? 0 : max <= 1 ? 2 : 0);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field.widget), TRUE);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field.widget), current);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      field.kind = FIELD_ENUM;
      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (names, bt_enum_to_label (type, klass->values[i].value));
      field.row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (field.row), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (field.row), g_value_get_enum (&value));
      field.widget = field.row;
    }
  else
    return;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.row), label);
  if (field.widget != field.row && field.kind != FIELD_LONG_TEXT)
    {
      gtk_widget_set_valign (field.widget, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field.widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (field.row), field.widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field.row), field.widget);
    }

  adw_preferences_group_add (self->fields_group, field.row);
  g_array_append_val (self->fields, field);
  stored = &g_array_index (self->fields, Field, self->fields->len - 1);

  if (field.kind == FIELD_DATE)
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field.row), date_picker (stored));
  if (field.kind == FIELD_TEXT || field.kind == FIELD_DATE)
    g_signal_connect_object (field.row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
}

/* ---- applying ---- */

static gboolean
field_value (BtItemEditor *self,
             Field        *field,
             GValue       *value)
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
        else if (bt_date_parse (stripped, &date))
          g_value_set_boxed (value, &date);
        else
          return FALSE;
      }
      break;

    case FIELD_INT:
      g_value_set_int (value, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)));
      break;

    case FIELD_DOUBLE:
      g_value_set_double (value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->widget)));
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

static void
on_apply_clicked_cb (BtItemEditor *self)
{
  g_autofree char *label = NULL;

  validate (self);
  if (!gtk_widget_get_sensitive (self->apply_button))
    return;

  label = g_strdup_printf (self->is_new ? _("Add %s") : _("Edit %s"),
                           bt_item_kind_label (G_OBJECT_TYPE (self->item)));
  bt_history_begin (self->history, label);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = &g_array_index (self->fields, Field, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (field_value (self, field, &value))
        {
          /* A new item is not in the plan yet: its values go with its insertion. */
          if (self->is_new)
            g_object_set_property (G_OBJECT (self->item), field->pspec->name, &value);
          else
            bt_history_set (self->history, self->item, field->pspec->name, &value);
        }
    }

  if (self->is_new)
    bt_history_append (self->history, self->owner, self->list, self->item);

  bt_history_end (self->history);
  g_signal_emit (self, signals[COMMITTED], 0, label);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_delete_clicked_cb (BtItemEditor *self)
{
  g_autofree char *label = g_strdup_printf (_("Delete %s"), bt_item_kind_label (G_OBJECT_TYPE (self->item)));

  bt_history_begin (self->history, label);
  bt_history_remove (self->history, self->owner, self->list, self->item);
  bt_history_end (self->history);
  g_signal_emit (self, signals[COMMITTED], 0, label);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- child lists (touchpoints, impact statements, business cases, cost rows) ---- */

static void open_child (BtItemEditor *self, GListModel *list, BtItem *child);

static char *
child_title (BtItem *child)
{
  if (BT_IS_TOUCHPOINT (child))
    {
      const GDate *date = bt_touchpoint_get_date (BT_TOUCHPOINT (child));
      const char *note = bt_touchpoint_get_note (BT_TOUCHPOINT (child));
      g_autofree char *when = date ? bt_format_date (date) : g_strdup (_("No date"));

      return *note ? g_strdup_printf ("%s · %s", when, note) : g_steal_pointer (&when);
    }
  if (BT_IS_IMPACT_STATEMENT (child))
    return g_strdup (bt_impact_statement_get_summary (BT_IMPACT_STATEMENT (child)));
  if (BT_IS_BUSINESS_CASE (child))
    return g_strdup (bt_business_case_get_title (BT_BUSINESS_CASE (child)));
  if (BT_IS_COST_ROW (child))
    return g_strdup (bt_cost_row_get_metric (BT_COST_ROW (child)));

  return g_strdup ("");
}

static void
on_child_activated_cb (AdwActionRow *row,
                       BtItemEditor *self)
{
  open_child (self, g_object_get_data (G_OBJECT (row), "bt-list"), g_object_get_data (G_OBJECT (row), "bt-item"));
}

typedef struct
{
  BtItemEditor *editor;   /* not a reference: the list box dies with it */
  GListModel   *list;
} ChildBinding;

static GtkWidget *
create_child_row (gpointer item,
                  gpointer user_data)
{
  ChildBinding *binding = user_data;
  BtItemEditor *self = binding->editor;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = child_title (item);
  g_autofree char *escaped = g_markup_escape_text (*title ? title : _("Untitled"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bt-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "bt-list", binding->list);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_child_activated_cb), self, 0);

  return row;
}

static void
on_add_child_clicked_cb (GtkButton    *button,
                         BtItemEditor *self)
{
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

  open_child (self, list, child);
}

static void
add_child_list (BtItemEditor *self,
                const char   *title,
                GListModel   *list,
                GType         child_type)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), bt_item_kind_label (child_type));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_object_set_data (G_OBJECT (add), "bt-list", list);
  g_object_set_data (G_OBJECT (add), "bt-type", GSIZE_TO_POINTER (child_type));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_child_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Each list's rows must know which list they belong to. */
  {
    ChildBinding *binding = g_new0 (ChildBinding, 1);

    binding->editor = self;
    binding->list = list;
    gtk_list_box_bind_model (GTK_LIST_BOX (box), list, create_child_row, binding, g_free);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
forward_committed_cb (BtItemEditor *child,
                      const char   *what,
                      BtItemEditor *self)
{
  g_signal_emit (self, signals[COMMITTED], 0, what);
}

/* Children of an item already in the plan are edited at once, each edit
 * its own step; a new item's children come with it. */
static void
open_child (BtItemEditor *self,
            GListModel   *list,
            BtItem       *child)
{
  BtItemEditor *editor = bt_item_editor_new (GTK_WINDOW (self), self->plan, self->history,
                                             self->item, list, child);

  /* Whoever listens to this editor hears about its children's edits too. */
  g_signal_connect_object (editor, "committed", G_CALLBACK (forward_committed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- what a business case computes ---- */

static void
update_savings (GtkWidget *group)
{
  BtBusinessCase *bc = g_object_get_data (G_OBJECT (group), "bt-case");
  AdwActionRow *monthly = g_object_get_data (G_OBJECT (group), "bt-monthly");
  AdwActionRow *yearly = g_object_get_data (G_OBJECT (group), "bt-yearly");
  AdwActionRow *payback = g_object_get_data (G_OBJECT (group), "bt-payback");
  BtCaseTotals totals = bt_analytics_case_totals (bc);
  g_autofree char *m = bt_format_amount (totals.monthly_savings);
  g_autofree char *y = bt_format_amount (totals.yearly_savings);
  g_autofree char *p = NULL;

  if (isnan (totals.payback_months))
    p = g_strdup (bt_business_case_get_ask_cost (bc) > 0 ? _("Never, at these costs") : _("The ask has no one-off cost"));
  else
    p = g_strdup_printf (_("%.1f months"), totals.payback_months);

  adw_action_row_set_subtitle (monthly, m);
  adw_action_row_set_subtitle (yearly, y);
  adw_action_row_set_subtitle (payback, p);
}

static void
add_savings (BtItemEditor   *self,
             BtBusinessCase *bc)
{
  GtkWidget *group = adw_preferences_group_new ();
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
  g_object_set_data_full (G_OBJECT (group), "bt-case", g_object_ref (bc), g_object_unref);
  update_savings (group);
  g_signal_connect_object (bc, "changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* ---- the class ---- */

static void
bt_item_editor_dispose (GObject *object)
{
  BtItemEditor *self = BT_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_ITEM_EDITOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->owner);
  g_clear_object (&self->list);
  g_clear_object (&self->item);
  g_clear_pointer (&self->fields, g_array_unref);

  G_OBJECT_CLASS (bt_item_editor_parent_class)->dispose (object);
}

static void
bt_item_editor_class_init (BtItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_item_editor_dispose;

  /**
   * BtItemEditor::committed:
   * @what: the step recorded in the history, such as "Delete Person"
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bt_item_editor_init (BtItemEditor *self)
{
  bt_application_add_icons ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  g_array_set_clear_func (self->fields, field_clear);
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
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, position;
  const char *kind;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BT_IS_ITEM (item), NULL);

  self = g_object_new (BT_TYPE_ITEM_EDITOR, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  self->owner = owner ? g_object_ref (owner) : NULL;
  self->list = list ? g_object_ref (list) : NULL;
  self->item = g_object_ref (item);
  self->is_new = list != NULL && !bt_item_list_find (BT_ITEM_LIST (list), item, &position);

  kind = bt_item_kind_label (G_OBJECT_TYPE (item));
  adw_window_title_set_title (self->window_title, kind);
  gtk_window_set_title (GTK_WINDOW (self), kind);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), self->is_new ? _("_Add") : _("_Apply"));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == G_OBJECT_TYPE (item) && (pspecs[i]->flags & G_PARAM_WRITABLE) &&
        /* Where an imported touchpoint came from is the import's to keep. */
        !(BT_IS_TOUCHPOINT (item) && g_str_equal (pspecs[i]->name, "source")))
      add_field (self, pspecs[i]);

  /* Child lists, for items already in the plan. */
  if (!self->is_new)
    {
      if (BT_IS_RELATIONSHIP (item))
        add_child_list (self, _("Touchpoints"), bt_relationship_get_touchpoints (BT_RELATIONSHIP (item)),
                        BT_TYPE_TOUCHPOINT);
      else if (BT_IS_NARRATIVE (item))
        {
          add_child_list (self, _("Impact Statements"),
                          bt_narrative_get_impact_statements (BT_NARRATIVE (item)), BT_TYPE_IMPACT_STATEMENT);
          add_child_list (self, _("Business Cases"),
                          bt_narrative_get_business_cases (BT_NARRATIVE (item)), BT_TYPE_BUSINESS_CASE);
        }
      else if (BT_IS_BUSINESS_CASE (item))
        {
          add_child_list (self, _("Monthly Cost, Now and Projected"),
                          bt_business_case_get_cost_rows (BT_BUSINESS_CASE (item)), BT_TYPE_COST_ROW);
          add_savings (self, BT_BUSINESS_CASE (item));
        }
    }

  if (!self->is_new && self->list != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));
      g_autofree char *label = g_strdup_printf (_("Delete this %s"), kind);

      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }

  if (bt_plan_get_read_only (plan))
    gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);

  validate (self);
  if (bt_plan_get_read_only (plan))
    gtk_widget_set_sensitive (self->apply_button, FALSE);

  return self;
}
