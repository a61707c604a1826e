/* bt-plan-fields.c — what the plan file holds: its lists, and what the
 * descriptions of the fields say to the editor
 *
 * Each kind of item describes its fields in its class (see BtField in
 * bt-item.h): the member in the file, the property, the label, the flags
 * (required, a week, a colour, a phase's id) and the setter the reader
 * gives it to. The reader and the writer go by those descriptions, and so
 * do the editor's checks, through bt_plan_file_field_*().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-fields"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-plan-fields-private.h"

/**
 * bt_plan_file_field_is_required:
 * @type: a class of the plan, such as %BT_TYPE_TOUCHPOINT
 * @property: one of its properties
 *
 * Returns: whether the file reader refuses an item of @type without @property
 */
gboolean
bt_plan_file_field_is_required (GType       type,
                                const char *property)
{
  const BtField *field;

  g_return_val_if_fail (property != NULL, FALSE);

  field = bt_item_class_find_field (type, property);

  return field != NULL && (field->flags & BT_FIELD_REQUIRED) != 0;
}

/**
 * bt_plan_file_field_check:
 * @type: a class of the plan, such as %BT_TYPE_PROFILE
 * @property: one of its properties
 * @value: a value for it
 *
 * Whether the file reader takes @value for @property: a colour as
 * "#rrggbb", an ISO 8601 week, a whole number in the range the file allows
 * (a birth year is 0 for none or from 1900 to 2100). The setters refuse
 * what this refuses; the editor asks it of what is typed, and shows the
 * reason. An empty value is for bt_plan_file_field_is_required().
 *
 * Returns: %FALSE, with the reason in @error, if the reader refuses @value
 */
gboolean
bt_plan_file_field_check (GType         type,
                          const char   *property,
                          const GValue *value,
                          GError      **error)
{
  const BtField *field;

  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  field = bt_item_class_find_field (type, property);
  if (field == NULL)
    return TRUE;

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
    {
      const char *s = g_value_get_string (value);

      if ((field->flags & BT_FIELD_WEEK) && !bt_iso_week_parse (s, NULL, NULL, error))
        return FALSE;
      if ((field->flags & BT_FIELD_COLOR) && !bt_category_color_is_valid (s))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       _("expected a colour such as \"#3584e4\""));
          return FALSE;
        }
      if ((field->flags & BT_FIELD_CURRENCY) && !bt_currency_is_valid (s))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       _("expected an ISO 4217 currency code such as \"EUR\""));
          return FALSE;
        }
    }
  else if (G_VALUE_HOLDS_INT (value) && (field->flags & BT_FIELD_ZERO_UNSET))
    {
      int v = g_value_get_int (value);

      if (v != 0 && (v < field->min || v > field->max))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       /* TRANSLATORS: a field such as the birth year, where 0 means none */
                       _("expected a whole number from %d to %d, or 0 for none"), field->min, field->max);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * bt_plan_file_field_member:
 *
 * Returns: (nullable): the name in the file of @property of @type, or %NULL
 *   if the file does not hold it
 */
const char *
bt_plan_file_field_member (GType       type,
                           const char *property)
{
  const BtField *field;

  g_return_val_if_fail (property != NULL, NULL);

  field = bt_item_class_find_field (type, property);

  return field != NULL ? field->member : NULL;
}

/* The plan's own lists */

static GListModel *get_phases (gpointer self) { return bt_plan_get_phases (self); }
static GListModel *get_milestones (gpointer self) { return bt_plan_get_milestones (self); }
static GListModel *get_categories (gpointer self) { return bt_plan_get_categories (self); }
static GListModel *get_weeks (gpointer self) { return bt_plan_get_weeks (self); }
static GListModel *get_relationships (gpointer self) { return bt_plan_get_relationships (self); }
static GListModel *get_narratives (gpointer self) { return bt_plan_get_narratives (self); }
static GListModel *get_check_ins (gpointer self) { return bt_plan_get_check_ins (self); }
static GListModel *get_import_rules (gpointer self) { return bt_plan_get_import_rules (self); }

/* In ListId's order; the weeks have a reader of their own. */
const BtChildList bt_plan_lists[N_LISTS] = {
  { "phases", bt_phase_get_type, get_phases },
  { "milestones", bt_milestone_get_type, get_milestones },
  { "categories", bt_category_get_type, get_categories },
  { "weeks", bt_week_get_type, get_weeks },
  { "relationships", bt_relationship_get_type, get_relationships },
  { "narratives", bt_narrative_get_type, get_narratives },
  { "check_ins", bt_check_in_get_type, get_check_ins },
  { "import_rules", bt_import_rule_get_type, get_import_rules },
};
