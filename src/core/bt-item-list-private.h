/* bt-item-list-private.h — calls of BtItemList for BtItem alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item-list.h"

G_BEGIN_DECLS

/* For bt_item_adopt_list() alone. */
void bt_item_list_set_owner (BtItemList *self,
                             BtItem     *owner);

G_END_DECLS
