/* bt-relationship.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The lists of items it holds, in the file's order. */
#define BT_RELATIONSHIP_LISTS(LIST) \
  LIST (touchpoints, bt_touchpoint_get_type)

/* What the plan file holds of a person, in its order. The contact_uid is
 * the desktop's contact the person was picked from: the app keeps it, so
 * that a later change of the contact's e-mail can be offered;
 * bt_relationship_get_contact_uid() gives "" when there is none. */
#define BT_RELATIONSHIP_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (name, N_("Name"), BT_FIELD_REQUIRED) \
  TEXT (role, N_("Role"), 0) \
  TEXT (email, N_("E-mail"), 0) \
  ENUM (function, N_("Function"), 0, BtFunction, bt_function_get_type, BT_FUNCTION_PRODUCT) \
  INT (strength, N_("Strength, 1 to 5"), 0, 1, 5, 3) \
  INT (cadence_days, N_("Be in touch every … days"), 0, 1, 366, 30) \
  TEXT (next_step, N_("Next step"), 0) \
  DATE (next_step_due, N_("Next step due"), 0) \
  TEXT (help_with, N_("What of theirs could technology help with?"), BT_FIELD_LONG_TEXT) \
  TEXT (notes, N_("Notes"), BT_FIELD_LONG_TEXT) \
  TEXT (contact_uid, NULL, BT_FIELD_LINK)

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-touchpoint.h"

G_BEGIN_DECLS

#define BT_TYPE_RELATIONSHIP (bt_relationship_get_type ())

G_DECLARE_FINAL_TYPE (BtRelationship, bt_relationship, BT, RELATIONSHIP, BtItem)

BtRelationship *bt_relationship_new (void);

BtFunction bt_relationship_guess_function (const char *title);
gboolean    bt_relationship_get_last_touchpoint (BtRelationship *self,
                                                 GDate          *last);

#define BT_ITEM_DECLARING BtRelationship, bt_relationship
BT_DECLARE_ITEM_ACCESSORS (BT_RELATIONSHIP_FIELDS)
BT_DECLARE_ITEM_LIST_GETTERS (BT_RELATIONSHIP_LISTS)
#undef BT_ITEM_DECLARING

G_END_DECLS
