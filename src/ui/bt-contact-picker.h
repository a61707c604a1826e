/* bt-contact-picker.h — a person from the desktop's address books, for a
 * new relationship
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-relationship.h"

G_BEGIN_DECLS

#define BT_TYPE_CONTACT_PICKER (bt_contact_picker_get_type ())

G_DECLARE_FINAL_TYPE (BtContactPicker, bt_contact_picker, BT, CONTACT_PICKER, AdwWindow)

typedef void (*BtContactPickerDone) (GtkWindow      *parent,
                                     BtRelationship *relationship);

BtContactPicker *bt_contact_picker_new   (GtkWindow          *parent,
                                          GListModel         *people,
                                          BtRelationship     *relationship);
void             bt_contact_picker_offer (GtkWindow          *parent,
                                          GListModel         *people,
                                          BtRelationship     *relationship,
                                          BtContactPickerDone done);

G_END_DECLS
