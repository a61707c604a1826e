/* bt-date-picker.h — a month of days to pick one from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BT_TYPE_DATE_PICKER (bt_date_picker_get_type ())

G_DECLARE_FINAL_TYPE (BtDatePicker, bt_date_picker, BT, DATE_PICKER, GtkWidget)

GtkWidget    *bt_date_picker_new            (void);
void          bt_date_picker_set_date       (BtDatePicker *self,
                                             const GDate  *date);
void          bt_date_picker_set_week_start (BtDatePicker *self,
                                             GDateWeekday  first);
GDateWeekday  bt_date_picker_get_week_start (BtDatePicker *self);
void          bt_date_picker_name_button    (GtkWidget    *button,
                                             const char   *field);
void          bt_date_picker_set_last_day   (BtDatePicker *self,
                                             const GDate  *last);

void          bt_date_picker_attach         (GtkMenuButton *button,
                                             GtkEditable   *entry);
GtkWidget    *bt_date_picker_new_button     (GtkEditable  *entry);
void          bt_date_picker_reformat       (GtkEditable  *entry);

gboolean      bt_date_picker_parse          (const char   *text,
                                             GDate        *date);
char         *bt_date_picker_format         (const GDate  *date);

G_END_DECLS
