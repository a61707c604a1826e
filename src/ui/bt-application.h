/* bt-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BT_TYPE_APPLICATION (bt_application_get_type ())

G_DECLARE_FINAL_TYPE (BtApplication, bt_application, BT, APPLICATION, AdwApplication)

BtApplication *bt_application_new          (void);
GSettings     *bt_application_get_settings (BtApplication *self);
double         bt_application_get_weekly_budget (void);

void           bt_application_add_icons   (void);
void           bt_application_name_mnemonic_buttons (void);
void           bt_application_bound_row_labels      (GtkWidget *widget);

G_END_DECLS
