/* bt-enums.c — the closed vocabularies of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-enums.h"

/* What people call each value, by the value: the file's words are the
 * nicks glib-mkenums made. */
static const char * const milestone_status_labels[] = {
  [BT_MILESTONE_PLANNED] = N_("Planned"),
  [BT_MILESTONE_IN_PROGRESS] = N_("In progress"),
  [BT_MILESTONE_DONE] = N_("Done"),
  [BT_MILESTONE_SLIPPED] = N_("Slipped"),
  [BT_MILESTONE_DROPPED] = N_("Dropped"),
};

static const char * const category_kind_labels[] = {
  [BT_CATEGORY_TACTICAL] = N_("Tactical"),
  [BT_CATEGORY_STRATEGIC] = N_("Strategic"),
};

static const char * const function_labels[] = {
  [BT_FUNCTION_PRODUCT] = N_("Product"),
  [BT_FUNCTION_DESIGN] = N_("Design"),
  [BT_FUNCTION_SALES] = N_("Sales"),
  [BT_FUNCTION_MARKETING] = N_("Marketing"),
  [BT_FUNCTION_FINANCE] = N_("Finance"),
  [BT_FUNCTION_OPERATIONS] = N_("Operations"),
  [BT_FUNCTION_CUSTOMER_SUCCESS] = N_("Customer success"),
  [BT_FUNCTION_PEOPLE] = N_("People"),
  [BT_FUNCTION_LEADERSHIP] = N_("Leadership"),
  [BT_FUNCTION_OTHER] = N_("Other"),
};

static const char * const narrative_status_labels[] = {
  [BT_NARRATIVE_DRAFT] = N_("Draft"),
  [BT_NARRATIVE_SHARED] = N_("Shared"),
  [BT_NARRATIVE_LANDED] = N_("Landed"),
};

static const char * const case_status_labels[] = {
  [BT_CASE_DRAFT] = N_("Draft"),
  [BT_CASE_PROPOSED] = N_("Proposed"),
  [BT_CASE_FUNDED] = N_("Funded"),
  [BT_CASE_REJECTED] = N_("Rejected"),
};

static const char * const rule_match_labels[] = {
  [BT_RULE_WORDS] = N_("Words in the title or description"),
  [BT_RULE_ATTENDEE] = N_("An attendee’s address or domain"),
  [BT_RULE_CALENDAR] = N_("The calendar’s name"),
  [BT_RULE_RELATIONSHIP] = N_("An attendee from your relationships"),
};

/* The enum classes, referenced once and kept: looking a class up takes
 * GType's locks, and files read and write these values by the thousand. */
static GEnumClass *
enum_class (GType enum_type)
{
  static gsize initialized;
  static GType types[6];
  static GEnumClass *classes[6];

  if (g_once_init_enter (&initialized))
    {
      GType all[] = {
        BT_TYPE_MILESTONE_STATUS, BT_TYPE_CATEGORY_KIND, BT_TYPE_FUNCTION,
        BT_TYPE_NARRATIVE_STATUS, BT_TYPE_CASE_STATUS, BT_TYPE_RULE_MATCH,
      };

      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        {
          types[i] = all[i];
          classes[i] = g_type_class_ref (all[i]);
        }
      g_once_init_leave (&initialized, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (types[i] == enum_type)
      return classes[i];

  g_return_val_if_reached (NULL);
}

const char *
bt_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumClass *klass = enum_class (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

gboolean
bt_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass = enum_class (enum_type);
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;

  return TRUE;
}

/**
 * bt_enum_to_label:
 *
 * Returns: the value's name for people, translated
 */
const char *
bt_enum_to_label (GType enum_type,
                  int   value)
{
  static const struct {
    GType              (*get_type) (void);
    const char * const  *labels;
    guint                n_labels;
  } all[] = {
    { bt_milestone_status_get_type, milestone_status_labels, G_N_ELEMENTS (milestone_status_labels) },
    { bt_category_kind_get_type, category_kind_labels, G_N_ELEMENTS (category_kind_labels) },
    { bt_function_get_type, function_labels, G_N_ELEMENTS (function_labels) },
    { bt_narrative_status_get_type, narrative_status_labels, G_N_ELEMENTS (narrative_status_labels) },
    { bt_case_status_get_type, case_status_labels, G_N_ELEMENTS (case_status_labels) },
    { bt_rule_match_get_type, rule_match_labels, G_N_ELEMENTS (rule_match_labels) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (all[i].get_type () == enum_type)
      return value >= 0 && (guint) value < all[i].n_labels && all[i].labels[value] != NULL
             ? g_dgettext (GETTEXT_PACKAGE, all[i].labels[value])
             : "";

  g_return_val_if_reached ("");
}
