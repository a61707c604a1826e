/* bt-enums.c — the closed vocabularies of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-enums.h"

/* The value_name of each GEnumValue holds the translatable label shown to
 * the user; value_nick is what the file stores. */
#define DEFINE_ENUM(func, Name, ...)                                    \
  GType                                                                 \
  func (void)                                                           \
  {                                                                     \
    static gsize type_id = 0;                                           \
    static const GEnumValue values[] = { __VA_ARGS__, { 0, NULL, NULL } }; \
                                                                        \
    if (g_once_init_enter (&type_id))                                   \
      g_once_init_leave (&type_id, g_enum_register_static (Name, values)); \
                                                                        \
    return type_id;                                                     \
  }

DEFINE_ENUM (bt_milestone_status_get_type, "BtMilestoneStatus",
             { BT_MILESTONE_PLANNED, N_("Planned"), "planned" },
             { BT_MILESTONE_IN_PROGRESS, N_("In progress"), "in-progress" },
             { BT_MILESTONE_DONE, N_("Done"), "done" },
             { BT_MILESTONE_SLIPPED, N_("Slipped"), "slipped" },
             { BT_MILESTONE_DROPPED, N_("Dropped"), "dropped" })

DEFINE_ENUM (bt_category_kind_get_type, "BtCategoryKind",
             { BT_CATEGORY_TACTICAL, N_("Tactical"), "tactical" },
             { BT_CATEGORY_STRATEGIC, N_("Strategic"), "strategic" })

DEFINE_ENUM (bt_function_get_type, "BtFunction",
             { BT_FUNCTION_PRODUCT, N_("Product"), "product" },
             { BT_FUNCTION_DESIGN, N_("Design"), "design" },
             { BT_FUNCTION_SALES, N_("Sales"), "sales" },
             { BT_FUNCTION_MARKETING, N_("Marketing"), "marketing" },
             { BT_FUNCTION_FINANCE, N_("Finance"), "finance" },
             { BT_FUNCTION_OPERATIONS, N_("Operations"), "operations" },
             { BT_FUNCTION_CUSTOMER_SUCCESS, N_("Customer success"), "customer-success" },
             { BT_FUNCTION_PEOPLE, N_("People"), "people" },
             { BT_FUNCTION_LEADERSHIP, N_("Leadership"), "leadership" },
             { BT_FUNCTION_OTHER, N_("Other"), "other" })

DEFINE_ENUM (bt_narrative_status_get_type, "BtNarrativeStatus",
             { BT_NARRATIVE_DRAFT, N_("Draft"), "draft" },
             { BT_NARRATIVE_SHARED, N_("Shared"), "shared" },
             { BT_NARRATIVE_LANDED, N_("Landed"), "landed" })

DEFINE_ENUM (bt_case_status_get_type, "BtCaseStatus",
             { BT_CASE_DRAFT, N_("Draft"), "draft" },
             { BT_CASE_PROPOSED, N_("Proposed"), "proposed" },
             { BT_CASE_FUNDED, N_("Funded"), "funded" },
             { BT_CASE_REJECTED, N_("Rejected"), "rejected" })

DEFINE_ENUM (bt_rule_match_get_type, "BtRuleMatch",
             { BT_RULE_WORDS, N_("Words in the title or description"), "words" },
             { BT_RULE_ATTENDEE, N_("An attendee’s address or domain"), "attendee" },
             { BT_RULE_CALENDAR, N_("The calendar’s name"), "calendar" },
             { BT_RULE_RELATIONSHIP, N_("An attendee from your relationships"), "relationship" })

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
  GEnumClass *klass = enum_class (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? g_dgettext (GETTEXT_PACKAGE, ev->value_name) : "";
}
