/* bt-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_CATEGORY (bt_category_get_type ())

G_DECLARE_FINAL_TYPE (BtCategory, bt_category, BT, CATEGORY, BtItem)

BtCategory *bt_category_new (void);
const char *bt_category_get_name (BtCategory *self);
void bt_category_set_name (BtCategory *self,
                           const char *name);
BtCategoryKind bt_category_get_kind (BtCategory *self);
void bt_category_set_kind (BtCategory *self,
                           BtCategoryKind kind);
gboolean bt_category_color_is_valid (const char *color);
const char *bt_category_get_color (BtCategory *self);
void bt_category_set_color (BtCategory *self,
                            const char *color);

G_END_DECLS
