/* bt-print-operation.h — printing the roadmap report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_PRINT_OPERATION (bt_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (BtPrintOperation, bt_print_operation, BT, PRINT_OPERATION, GtkPrintOperation)

BtPrintOperation *bt_print_operation_new           (BtPlan      *plan,
                                                    const GDate *today);
void              bt_print_operation_save_settings (BtPrintOperation *self);

G_END_DECLS
