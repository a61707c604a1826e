/* bt-category.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a category, in its order. */
#define BT_CATEGORY_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (name, N_("Name"), BT_FIELD_REQUIRED) \
  ENUM (kind, N_("Kind"), BT_FIELD_REQUIRED, BtCategoryKind, bt_category_kind_get_type, BT_CATEGORY_TACTICAL) \
  OWN (TEXT, color, N_("Colour"), BT_FIELD_COLOR)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_CATEGORY (bt_category_get_type ())

G_DECLARE_FINAL_TYPE (BtCategory, bt_category, BT, CATEGORY, BtItem)

BtCategory *bt_category_new (void);

gboolean bt_category_color_is_valid (const char *color);

#define BT_ITEM_DECLARING BtCategory, bt_category
BT_DECLARE_ITEM_ACCESSORS (BT_CATEGORY_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
