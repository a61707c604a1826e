/* bt-relationship.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-touchpoint.h"

G_BEGIN_DECLS

#define BT_TYPE_RELATIONSHIP (bt_relationship_get_type ())

G_DECLARE_FINAL_TYPE (BtRelationship, bt_relationship, BT, RELATIONSHIP, BtItem)

BtRelationship *bt_relationship_new (void);
const char *bt_relationship_get_name (BtRelationship *self);
void bt_relationship_set_name (BtRelationship *self,
                               const char *name);
const char *bt_relationship_get_role (BtRelationship *self);
void bt_relationship_set_role (BtRelationship *self,
                               const char *role);
const char *bt_relationship_get_email (BtRelationship *self);
void bt_relationship_set_email (BtRelationship *self,
                                const char *email);
BtFunction bt_relationship_get_function (BtRelationship *self);
BtFunction bt_relationship_guess_function (const char *title);
void bt_relationship_set_function (BtRelationship *self,
                                   BtFunction function);
int bt_relationship_get_strength (BtRelationship *self);
void bt_relationship_set_strength (BtRelationship *self,
                                   int strength);
int bt_relationship_get_cadence_days (BtRelationship *self);
void bt_relationship_set_cadence_days (BtRelationship *self,
                                       int cadence_days);
const char *bt_relationship_get_next_step (BtRelationship *self);
void bt_relationship_set_next_step (BtRelationship *self,
                                    const char *next_step);
const GDate *bt_relationship_get_next_step_due (BtRelationship *self);
void bt_relationship_set_next_step_due (BtRelationship *self,
                                        const GDate *next_step_due);
const char *bt_relationship_get_help_with (BtRelationship *self);
void bt_relationship_set_help_with (BtRelationship *self,
                                    const char *help_with);
const char *bt_relationship_get_notes (BtRelationship *self);
void bt_relationship_set_notes (BtRelationship *self,
                                const char *notes);
const char *bt_relationship_get_contact_uid (BtRelationship *self);
void bt_relationship_set_contact_uid (BtRelationship *self,
                                      const char     *contact_uid);
GListModel *bt_relationship_get_touchpoints (BtRelationship *self);
gboolean    bt_relationship_get_last_touchpoint (BtRelationship *self,
                                                 GDate          *last);

G_END_DECLS
