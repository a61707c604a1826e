/* bt-row-title.h — a row's title and subtitle, measured for a width alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BT_TYPE_ROW_TITLE (bt_row_title_get_type ())

G_DECLARE_FINAL_TYPE (BtRowTitle, bt_row_title, BT, ROW_TITLE, GtkWidget)

void       bt_row_title_adopt (AdwActionRow *row);
GtkWidget *bt_row_title_new_row (void);

G_END_DECLS
