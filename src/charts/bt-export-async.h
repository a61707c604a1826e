/* bt-export-async.h — charts and the report drawn into files in a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-chart.h"
#include "bt-plan.h"
#include "bt-report.h"

G_BEGIN_DECLS

void     bt_report_export_pdf_async  (BtPlan              *plan,
                                      const GDate         *today,
                                      double               budget,
                                      BtPaper              paper,
                                      gboolean             landscape,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void     bt_chart_export_async       (BtChartKind          kind,
                                      BtPlan              *plan,
                                      const GDate         *today,
                                      const BtChartStyle  *style,
                                      BtExportFormat       format,
                                      double               width,
                                      double               height,
                                      double               scale,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void     bt_export_write_async       (GBytes              *bytes,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean bt_export_finish            (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
