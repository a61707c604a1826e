/* bt-chart.h — the charts by name, and exporting them to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-chart-style.h"
#include "bt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  BT_CHART_TIMELINE,
  BT_CHART_TIME,
  BT_CHART_RELATIONSHIPS,
  BT_CHART_NARRATIVES,
  BT_N_CHARTS
} BtChartKind;

typedef enum
{
  BT_EXPORT_PNG,
  BT_EXPORT_SVG,
  BT_EXPORT_PDF,
} BtExportFormat;

gboolean    bt_chart_kind_from_string    (const char         *text,
                                          BtChartKind        *kind);
const char *bt_chart_kind_to_string      (BtChartKind         kind);
const char *bt_chart_kind_get_title      (BtChartKind         kind);
gboolean    bt_export_format_from_string (const char         *text,
                                          BtExportFormat     *format);
void        bt_chart_draw                (BtChartKind         kind,
                                          BtPlan             *plan,
                                          const GDate        *today,
                                          const BtChartStyle *style,
                                          cairo_t            *cr,
                                          double              width,
                                          double              height);
gboolean    bt_chart_export              (BtChartKind         kind,
                                          BtPlan             *plan,
                                          const GDate        *today,
                                          const BtChartStyle *style,
                                          BtExportFormat      format,
                                          double              width,
                                          double              height,
                                          double              scale,
                                          const char         *path,
                                          GError            **error);
cairo_status_t bt_cairo_append_to_byte_array (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
gboolean    bt_cairo_finish_to_file      (cairo_surface_t    *surface,
                                          cairo_status_t      status,
                                          GByteArray         *out,
                                          const char         *what,
                                          const char         *path,
                                          GError            **error);

G_END_DECLS
