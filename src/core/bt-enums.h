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
  BT_N_FUNCTIONS /*< skip >*/
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

const char *bt_enum_to_nick              (GType        enum_type,
                                          int          value);
gboolean    bt_enum_from_nick            (GType        enum_type,
                                          const char  *nick,
                                          int         *value);
const char *bt_enum_to_label             (GType        enum_type,
                                          int          value);

G_END_DECLS

/* The GTypes, made by glib-mkenums from the enums above: the nick of each
 * value (its name without the prefix, lower case, '-' for '_') is what
 * the file stores. */
#include "bt-enum-types.h"
