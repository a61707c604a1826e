/* bt-item-editor-validation.c — whether a page's values can be taken, and why not
 *
 * Each row that holds a value the plan would not take is marked, and the
 * reason is shown beside it or under it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-date-picker.h"
#include "bt-item-editor-private.h"
#include "bt-number.h"
#include "bt-plan-file.h"

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

Field *
bt_editor_page_find_field (Page       *page,
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
  text = bt_editor_field_text (field);

  return bt_date_picker_parse (text, date);
}

/* The number as typed, before the spin button takes it (and clamps it). */
double
bt_editor_field_number (Field *field)
{
  double typed;

  if (bt_number_parse (gtk_editable_get_text (GTK_EDITABLE (field->widget)), &typed))
    return typed;

  return gtk_spin_button_get_value (GTK_SPIN_BUTTON (field->widget));
}

/* Text in a number's field that is no number ("12 apples", "1,5" where the
 * comma is no decimal point): said, not read as far as it goes. Left
 * empty, the field keeps its number. */
static gboolean
number_unreadable (Field *field)
{
  g_autofree char *text = NULL;
  double typed;

  if (field->kind != FIELD_INT && field->kind != FIELD_DOUBLE)
    return FALSE;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));

  return *text != '\0' && !bt_number_parse (text, &typed);
}

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
      g_value_set_int (&value, (int) CLAMP (bt_editor_field_number (field), G_MININT, G_MAXINT));
    }
  else if (field->kind == FIELD_TEXT || field->kind == FIELD_COLOR)
    bt_editor_field_value (field, &value);
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
      g_autofree char *stripped = bt_editor_field_text (field);
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
  else if (number_unreadable (field))
    return _("Expected a number, such as 1200000");
  else if (field->kind == FIELD_DOUBLE && BT_IS_COST_ROW (page->item) && bt_editor_field_number (field) < 0)
    return _("A monthly cost cannot be below zero");   /* a file may hold one: drawn left of zero */

  refused = field_refused (page, field);
  if (refused != NULL)
    return refused;

  /* A phase that ends before it starts cannot be drawn. */
  if (BT_IS_PHASE (page->item) && g_str_equal (field->pspec->name, "end"))
    {
      GDate start, end;

      if (field_date (bt_editor_page_find_field (page, "start"), &start) && field_date (field, &end) &&
          g_date_compare (&end, &start) < 0)
        return _("The phase ends before it starts");
    }

  return NULL;
}

/* Marks each field whose value cannot be taken. A required field left
 * empty says so once the user has been there, or pressed Apply: Apply
 * stays sensitive until then, and says it when pressed. */
gboolean
bt_editor_page_validate (Page *page)
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
gboolean
bt_editor_page_validate_for_apply (Page *page)
{
  page->tried = TRUE;
  if (bt_editor_page_validate (page))
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
