/* bt-item-editor.h — add, edit or delete one item of the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"

G_BEGIN_DECLS

#define BT_TYPE_ITEM_EDITOR (bt_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (BtItemEditor, bt_item_editor, BT, ITEM_EDITOR, AdwWindow)

BtItemEditor *bt_item_editor_new      (GtkWindow  *parent,
                                       BtPlan     *plan,
                                       BtHistory  *history,
                                       BtItem     *owner,
                                       GListModel *list,
                                       BtItem     *item);
const char   *bt_item_kind_label      (GType       type);
char         *bt_item_editor_new_title (GType       type);

G_END_DECLS
