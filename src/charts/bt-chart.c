/* bt-chart.c — the charts by name, and exporting them to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-chart"

#include "config.h"

#include <math.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "bt-chart.h"
#include "bt-narratives-chart.h"
#include "bt-plan-file.h"
#include "bt-relationship-map.h"
#include "bt-time-chart.h"
#include "bt-timeline-chart.h"

static const char * const kind_names[] = { "timeline", "time", "relationships", "narratives" };
static const char * const format_names[] = { "png", "svg", "pdf" };

gboolean
bt_chart_kind_from_string (const char  *text,
                           BtChartKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
bt_chart_kind_to_string (BtChartKind kind)
{
  g_return_val_if_fail (kind < BT_N_CHARTS, NULL);

  return kind_names[kind];
}

const char *
bt_chart_kind_get_title (BtChartKind kind)
{
  switch (kind)
    {
    case BT_CHART_TIMELINE:
      return _("Roadmap");
    case BT_CHART_TIME:
      return _("Tactical versus strategic time");
    case BT_CHART_RELATIONSHIPS:
      return _("Relationships");
    case BT_CHART_NARRATIVES:
      return _("Narratives and business cases");
    case BT_N_CHARTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
bt_export_format_from_string (const char     *text,
                              BtExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (text, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

void
bt_chart_draw (BtChartKind         kind,
               BtPlan             *plan,
               const GDate        *today,
               const BtChartStyle *style,
               cairo_t            *cr,
               double              width,
               double              height)
{
  switch (kind)
    {
    case BT_CHART_TIMELINE:
      bt_timeline_chart_draw (plan, today, style, cr, width, height);
      break;
    case BT_CHART_TIME:
      bt_time_chart_draw (plan, today, style, cr, width, height);
      break;
    case BT_CHART_RELATIONSHIPS:
      bt_relationship_map_draw (plan, today, style, cr, width, height);
      break;
    case BT_CHART_NARRATIVES:
      bt_narratives_chart_draw (plan, today, style, cr, width, height);
      break;
    case BT_N_CHARTS:
    default:
      g_return_if_reached ();
    }
}

/**
 * bt_cairo_append_to_byte_array:
 *
 * A cairo write function that collects a surface's output in the
 * GByteArray given as @closure.
 */
cairo_status_t
bt_cairo_append_to_byte_array (void                *closure,
                               const unsigned char *data,
                               unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * bt_cairo_finish_to_file:
 * @surface: (transfer full): a surface writing into @out
 * @status: how drawing on it went
 * @what: what was drawn, for the error message
 *
 * Finishes @surface and writes what it produced to @path, atomically and
 * readable by the user alone, like every file the app writes.
 */
gboolean
bt_cairo_finish_to_file (cairo_surface_t  *surface,
                         cairo_status_t    status,
                         GByteArray       *out,
                         const char       *what,
                         const char       *path,
                         GError          **error)
{
  const char *data;
  gsize length;

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* TRANSLATORS: %s is "The chart" or "The report", then cairo's reason */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s could not be drawn: %s"),
                   what, cairo_status_to_string (status));
      return FALSE;
    }

  data = (const char *) out->data;
  length = out->len;

  return bt_plan_file_write_output (path, data, length, error);
}

/* The sample's chart in a file says it is the sample, on a line of its
 * own under the chart, so that a copy passed on is not taken for
 * anyone's real plan. */
static void
draw_with_sample_mark (BtChartKind         kind,
                       BtPlan             *plan,
                       const GDate        *today,
                       const BtChartStyle *style,
                       cairo_t            *cr,
                       double              width,
                       double              height)
{
  double ts = bt_chart_text_scale (width, height);
  g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, _("Sample plan, not anyone’s own"), 0.85 * ts, TRUE, -1);
  double w, h, strip;

  bt_chart_text_size (pl, &w, &h);
  strip = h + 12 * ts;
  if (strip >= height / 2)
    {
      bt_chart_draw (kind, plan, today, style, cr, width, height);
      return;
    }

  bt_chart_draw (kind, plan, today, style, cr, width, height - strip);
  bt_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, 0, height - strip, width, strip);
  cairo_fill (cr);
  bt_chart_set_color (cr, &style->muted);
  bt_chart_draw_text (cr, pl, width - 12 * ts, height - strip + 6 * ts, BT_ALIGN_END, BT_ALIGN_START);
}

/**
 * bt_chart_export:
 * @width: the size in points (SVG, PDF) or logical pixels (PNG)
 * @scale: device pixels per logical pixel for PNG (2 for HiDPI)
 *
 * Draws the whole chart into a file.
 */
gboolean
bt_chart_export (BtChartKind         kind,
                 BtPlan             *plan,
                 const GDate        *today,
                 const BtChartStyle *style,
                 BtExportFormat      format,
                 double              width,
                 double              height,
                 double              scale,
                 const char         *path,
                 GError            **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (kind < BT_N_CHARTS, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1 && scale > 0, FALSE);

  switch (format)
    {
    case BT_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (bt_cairo_append_to_byte_array, out, width, height);
      break;
    case BT_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (bt_cairo_append_to_byte_array, out, width, height);
      break;
    case BT_EXPORT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      cairo_surface_set_device_scale (surface, scale, scale);
      break;
    }

  cr = cairo_create (surface);
  if (bt_plan_get_sample (plan))
    draw_with_sample_mark (kind, plan, today, style, cr, width, height);
  else
    bt_chart_draw (kind, plan, today, style, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == BT_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, bt_cairo_append_to_byte_array, out);

  return bt_cairo_finish_to_file (surface, status, out, _("The chart"), path, error);
}
