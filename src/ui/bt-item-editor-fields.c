/* bt-item-editor-fields.c — the editor's rows, one per property
 *
 * A row is built for each property of the item by its type: an entry, a
 * date with its picker, a long text, a number, a list of choices or a
 * colour; and read back as the value Apply would set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include "bt-application.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bt-date-picker.h"
#include "bt-money.h"
#include "bt-item-editor-private.h"
#include "bt-number.h"
#include "bt-plan-file.h"

const char *
bt_item_kind_label (GType type)
{
  return bt_item_class_get_kind_label (type);
}

/* The title of the editor of an item being added: "New Person". */
char *
bt_item_editor_new_title (GType type)
{
  /* TRANSLATORS: the title of the window or page that adds an item; %s is
   * its kind, such as "Person", "Milestone" or "Business Case" */
  return g_strdup_printf (C_("new item", "New %s"), bt_item_kind_label (type));
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

gboolean
bt_editor_field_hidden (GParamSpec *pspec)
{
  return (flags_for (pspec) & (BT_FIELD_IMPORT_ONLY | BT_FIELD_LINK)) != 0;
}

void
bt_editor_field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->choices, g_ptr_array_unref);
  if (G_IS_VALUE (&field->initial))
    g_value_unset (&field->initial);
  g_free (field->refused);
  g_free (field);
}

/* What an entry row holds, without the spaces around it. */
char *
bt_editor_field_text (Field *field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
}

/* ---- rows ---- */

static void
on_field_changed_cb (GObject *widget,
                     Page    *page)
{
  Field *field = g_object_get_data (widget, "bt-field");

  field->touched = TRUE;
  bt_editor_page_validate (page);
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   Page                    *page)
{
  /* Not while the window goes away: Apply (by its mnemonic, say) closes
   * it with the focus still in a field, which leaves as the editor's
   * dispose has let go of the plan. */
  if (page->editor->plan == NULL ||
      gtk_widget_in_destruction (page->root) || gtk_widget_get_root (page->root) == NULL ||
      gtk_widget_in_destruction (GTK_WIDGET (gtk_widget_get_root (page->root))))
    return;

  /* Nor when the focus stays in the text and the window goes to the back
   * (another app, a second editor): the field has not been left, and an
   * empty name must not turn red while its owner looks something up. */
  {
    GtkWidget *text = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (text));

    if (focus != NULL && (focus == text || gtk_widget_is_ancestor (focus, text)))
      return;
  }

  /* A date typed as the file writes it ("2027-03-01"), or in a form of
   * its own ("7/12/2026"), reads as the app shows dates once the text is
   * left, for the calendar button beside it too: how it was read shows. */
  {
    Field *field = g_object_get_data (G_OBJECT (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))),
                                      "bt-field");
    GtkEditable *row = GTK_EDITABLE (field->row);

    if (field->kind == FIELD_DATE)
      bt_date_picker_reformat (row);
    /* A line longer than its field, left, reads from its start, not
     * scrolled to where typing stopped ("ur platform work keeps…"). */
    gtk_editable_set_position (row, 0);
    on_field_changed_cb (G_OBJECT (row), page);
  }
}

/* ---- choices ---- */

/* A choice shows whole: libadwaita 1.2 cuts it at 20 characters, in the
 * row ("Words in the title or d…") and in the list that opens. In the row
 * it is cut only where the row has no room; in the list it wraps. */

static void
on_choice_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (item, label);
}

static void
on_choice_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* In the list: the choice, and a check mark beside the one chosen. */
static void
on_listed_choice_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("object-select-symbolic"));
  gtk_list_item_set_child (item, box);
}

static void
on_choice_selected_cb (AdwComboRow *row,
                       GParamSpec  *pspec,
                       GtkListItem *item)
{
  GtkWidget *mark = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (mark, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (item) ? 1 : 0);
}

static void
on_listed_choice_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          AdwComboRow              *row)
{
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (gtk_list_item_get_child (item))),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
  g_signal_connect (row, "notify::selected-item", G_CALLBACK (on_choice_selected_cb), item);
  on_choice_selected_cb (row, NULL, item);
}


/* Money is entered in whole units, as it is shown: 14400.5 typed is
 * 14401, so that no total adds up differently from the figures above it.
 * (A figure with cents from a file, left untouched, keeps them.) */
static void
round_money_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  double value = gtk_spin_button_get_value (spin);

  if (value != round (value))
    gtk_spin_button_set_value (spin, round (value));
}

/* A number that is neither money nor a share (an impact: 2.5 points,
 * 1250000.5 a year) has up to two decimals, shown as far as it has them:
 * "15", "2.5". */
static char *
number_text (GtkSpinButton *spin)
{
  char *text = g_strdup_printf ("%.*f", gtk_spin_button_get_digits (spin), gtk_spin_button_get_value (spin));
  const char *point = localeconv ()->decimal_point;
  gsize n = strlen (text);

  if (gtk_spin_button_get_digits (spin) == 0 || point == NULL || *point == '\0' || strstr (text, point) == NULL)
    return text;
  while (n > 0 && text[n - 1] == '0')
    text[--n] = '\0';
  if (n >= strlen (point) && strcmp (text + n - strlen (point), point) == 0)
    text[n - strlen (point)] = '\0';
  return text;
}

static gboolean
number_output_cb (GtkSpinButton *spin,
                  gpointer       user_data)
{
  g_autofree char *text = number_text (spin);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A figure read as a person types it: "1,200,000" is 1200000, not the 1
 * GTK's own reading makes of it, and one past the field's range is the
 * nearest end of it, as before. Text that is no figure is said to be so
 * while it is there (bt-item-editor-validation.c); once the field is left
 * or entered, the number there was comes back. */
static int
number_input_cb (GtkSpinButton *spin,
                 double        *value,
                 gpointer       user_data)
{
  double lower, upper;

  if (!bt_number_parse (gtk_editable_get_text (GTK_EDITABLE (spin)), value))
    return GTK_INPUT_ERROR;

  gtk_spin_button_get_range (spin, &lower, &upper);
  *value = CLAMP (*value, lower, upper);

  return TRUE;
}

/* What is kept is what is shown: 1.234 typed is 1.23. */
static void
round_decimals_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  double value = gtk_spin_button_get_value (spin);
  double rounded = round (value * 100) / 100;

  if (value != rounded)
    gtk_spin_button_set_value (spin, rounded);
}

static void
on_listed_choice_unbind_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, on_choice_selected_cb, item);
}

/* A row to choose one of @names. */
static GtkWidget *
combo_row_new (GtkStringList *names,
               guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkListItemFactory) shown = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) listed = gtk_signal_list_item_factory_new ();

  g_signal_connect (shown, "setup", G_CALLBACK (on_choice_setup_cb), NULL);
  g_signal_connect (shown, "bind", G_CALLBACK (on_choice_bind_cb), NULL);
  /* The factories go with the row: it needs no reference. */
  g_signal_connect (listed, "setup", G_CALLBACK (on_listed_choice_setup_cb), NULL);
  g_signal_connect (listed, "bind", G_CALLBACK (on_listed_choice_bind_cb), row);
  g_signal_connect (listed, "unbind", G_CALLBACK (on_listed_choice_unbind_cb), row);
  adw_combo_row_set_factory (ADW_COMBO_ROW (row), shown);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), listed);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);

  return row;
}

/* Enter in a one-line field applies the editor, as Ctrl+Return does:
 * the default action of a GNOME dialog. */
static void
on_entry_activated_cb (GtkWidget *editor)
{
  gtk_widget_activate_action (editor, "editor.apply-from-keyboard", NULL);
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

void
bt_editor_page_add_field (Page       *page,
                          GParamSpec *pspec)
{
  BtItemEditor *self = page->editor;
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree Field *field = g_new0 (Field, 1);
  const char *label = label_for (pspec);
  BtFieldFlags flags = flags_for (pspec);

  bt_item_editor_item_value (self, page->item, pspec, &value);
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
      field->row = combo_row_new (names, selected);
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
      gtk_widget_add_css_class (field->widget, "long-text");
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
      g_signal_connect_swapped (field->row, "entry-activated", G_CALLBACK (on_entry_activated_cb), page->editor);
      field->widget = field->row;
    }
  else if (type == G_TYPE_INT || type == G_TYPE_DOUBLE)
    {
      double min, max, step, current;
      gboolean money;

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
      money = g_str_has_suffix (pspec->name, "-monthly") || g_str_equal (pspec->name, "ask-cost");
      field->widget = gtk_spin_button_new_with_range (min, max, step);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (field->widget),
                                  type == G_TYPE_INT || money || field->percent ? 0 : 2);
      /* Tab goes to the number, where typing goes: the row is no stop. */
      gtk_widget_set_focusable (field->row, FALSE);
      /* Any text may be typed or pasted, "1,200,000" too (a spin button
       * made with a range takes digits alone, and a paste with a comma
       * not at all); what is no figure keeps the number there was, a
       * figure out of range is brought into it. */
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (field->widget), FALSE);
      gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (field->widget), GTK_UPDATE_IF_VALID);
      g_signal_connect (field->widget, "input", G_CALLBACK (number_input_cb), NULL);
      if (gtk_spin_button_get_digits (GTK_SPIN_BUTTON (field->widget)) > 0)
        {
          g_signal_connect (field->widget, "output", G_CALLBACK (number_output_cb), NULL);
          g_signal_connect (field->widget, "value-changed", G_CALLBACK (round_decimals_cb), NULL);
        }
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), current);
      /* Money says which: the plan's currency, before the figure. */
      if (money)
        {
          g_autofree char *symbol = bt_money_symbol (self->plan ? bt_profile_get_currency (bt_plan_get_profile (self->plan))
                                                                : bt_currency_default ());
          GtkWidget *unit = gtk_label_new (symbol);

          gtk_widget_add_css_class (unit, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), unit);
          g_signal_connect (field->widget, "value-changed", G_CALLBACK (round_money_cb), NULL);
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = g_type_class_peek (type);
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      field->kind = FIELD_ENUM;
      for (guint i = 0; i < klass->n_values; i++)
        gtk_string_list_append (names, bt_enum_to_label (type, klass->values[i].value));
      field->row = combo_row_new (names, g_value_get_enum (&value));
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
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), bt_date_picker_new_button (GTK_EDITABLE (field->row)));
  if (field->kind == FIELD_TEXT || field->kind == FIELD_DATE)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();
      /* The text the row types into, not the whole row: a date's row also
       * holds its calendar button, and going there leaves the text. */
      GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (field->row)));

      g_signal_connect (field->row, "changed", G_CALLBACK (on_field_changed_cb), page);
      g_signal_connect (focus, "leave", G_CALLBACK (on_field_leave_cb), page);
      g_object_set_data (G_OBJECT (text), "bt-field", field);
      gtk_widget_add_controller (text, focus);
    }
  if (field->kind == FIELD_INT || field->kind == FIELD_DOUBLE)
    {
      g_signal_connect (field->widget, "changed", G_CALLBACK (on_field_changed_cb), page);
      g_signal_connect (field->widget, "value-changed", G_CALLBACK (on_field_changed_cb), page);
    }

  bt_editor_field_keep_initial (field);

  g_ptr_array_add (page->fields, g_steal_pointer (&field));
}

/* ---- values from the rows ---- */

/**
 * bt_editor_field_keep_initial:
 *
 * Keeps what @field's row shows now, read back as Apply would read it, as
 * where the field starts: a change is a difference from this.
 */
void
bt_editor_field_keep_initial (Field *field)
{
  if (G_IS_VALUE (&field->initial))
    g_value_unset (&field->initial);
  if (!bt_editor_field_value (field, &field->initial))
    g_value_unset (&field->initial);
}

/* A number typed and not entered yet counts; one only shown (a cost of
 * 1234.50 shows as 1235) keeps its decimals; text that is no number stays
 * as typed, for the field to say why (updating would put the old number
 * back without a word). */
static double
spin_value (GtkSpinButton *spin)
{
  g_autofree char *shown = number_text (spin);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  double typed;

  if (g_strcmp0 (shown, text) != 0 && bt_number_parse (text, &typed))
    gtk_spin_button_update (spin);

  return gtk_spin_button_get_value (spin);
}

gboolean
bt_editor_field_value (Field  *field,
                       GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (field->pspec);

  g_value_init (value, type);

  switch (field->kind)
    {
    case FIELD_TEXT:
      g_value_take_string (value, bt_editor_field_text (field));
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
        g_autofree char *stripped = bt_editor_field_text (field);
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
