/* bt-category.c — A kind of work that hours are recorded against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-category"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "bt-category.h"
#include "bt-item-define-private.h"

struct _BtCategory
{
  BtItem parent_instance;

  char *name;
  BtCategoryKind kind;
  char *color;
};

#define BT_ITEM_SELF BtCategory, bt_category
BT_DEFINE_ITEM (BT_CATEGORY_FIELDS, N_("Category"), TRUE)

BT_DEFINE_TEXT_GETTER (BtCategory, bt_category, color)

/**
 * bt_category_color_is_valid:
 *
 * Returns: whether @color is a colour as the file holds it, "#rrggbb"
 */
gboolean
bt_category_color_is_valid (const char *color)
{
  return color != NULL && strlen (color) == 7 && color[0] == '#' &&
         strspn (color + 1, "0123456789abcdefABCDEF") == 6;
}

/**
 * bt_category_set_color:
 * @color: (nullable): "#rrggbb", or %NULL or "" for none
 */
void
bt_category_set_color (BtCategory *self,
                       const char *color)
{
  g_return_if_fail (BT_IS_CATEGORY (self));
  g_return_if_fail (color == NULL || *color == '\0' || bt_category_color_is_valid (color));

  if (bt_item_set_string (&self->color, color))
    bt_item_notify (BT_ITEM (self), properties[PROP_color]);
}
