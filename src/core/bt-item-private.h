/* bt-item-private.h — calls of BtItem for the plan file's reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"

G_BEGIN_DECLS

void         bt_item_set_quiet    (BtItem   *self,
                                   gboolean  quiet);
BtItemClass *bt_item_class_lookup (GType     type);

G_END_DECLS
