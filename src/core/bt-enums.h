/* bt-enums.h — the closed vocabularies of a plan
 *
 * The nick of each value is what the plan file stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  BT_MILESTONE_PLANNED,
  BT_MILESTONE_IN_PROGRESS,
  BT_MILESTONE_DONE,
  BT_MILESTONE_SLIPPED,
  BT_MILESTONE_DROPPED,
} BtMilestoneStatus;

typedef enum
{
  BT_CATEGORY_TACTICAL,
  BT_CATEGORY_STRATEGIC,
} BtCategoryKind;

typedef enum
{
  BT_FUNCTION_PRODUCT,
  BT_FUNCTION_DESIGN,
  BT_FUNCTION_SALES,
  BT_FUNCTION_MARKETING,
  BT_FUNCTION_FINANCE,
  BT_FUNCTION_OPERATIONS,
  BT_FUNCTION_CUSTOMER_SUCCESS,
  BT_FUNCTION_PEOPLE,
  BT_FUNCTION_LEADERSHIP,
  BT_FUNCTION_OTHER,
  BT_N_FUNCTIONS
} BtFunction;

typedef enum
{
  BT_NARRATIVE_DRAFT,
  BT_NARRATIVE_SHARED,
  BT_NARRATIVE_LANDED,
} BtNarrativeStatus;

typedef enum
{
  BT_CASE_DRAFT,
  BT_CASE_PROPOSED,
  BT_CASE_FUNDED,
  BT_CASE_REJECTED,
} BtCaseStatus;

/* What an import rule looks at in a calendar event. */
typedef enum
{
  BT_RULE_WORDS,          /* words in the summary or description */
  BT_RULE_ATTENDEE,       /* an attendee's address, or their domain ("@example.com") */
  BT_RULE_CALENDAR,       /* the calendar's name */
  BT_RULE_RELATIONSHIP,   /* an attendee who is one of the user's relationships */
} BtRuleMatch;

#define BT_TYPE_MILESTONE_STATUS (bt_milestone_status_get_type ())
#define BT_TYPE_CATEGORY_KIND    (bt_category_kind_get_type ())
#define BT_TYPE_FUNCTION         (bt_function_get_type ())
#define BT_TYPE_NARRATIVE_STATUS (bt_narrative_status_get_type ())
#define BT_TYPE_CASE_STATUS      (bt_case_status_get_type ())
#define BT_TYPE_RULE_MATCH       (bt_rule_match_get_type ())

GType       bt_milestone_status_get_type (void) G_GNUC_CONST;
GType       bt_category_kind_get_type    (void) G_GNUC_CONST;
GType       bt_function_get_type         (void) G_GNUC_CONST;
GType       bt_narrative_status_get_type (void) G_GNUC_CONST;
GType       bt_case_status_get_type      (void) G_GNUC_CONST;
GType       bt_rule_match_get_type       (void) G_GNUC_CONST;

const char *bt_enum_to_nick              (GType        enum_type,
                                          int          value);
gboolean    bt_enum_from_nick            (GType        enum_type,
                                          const char  *nick,
                                          int         *value);
const char *bt_enum_to_label             (GType        enum_type,
                                          int          value);

G_END_DECLS
