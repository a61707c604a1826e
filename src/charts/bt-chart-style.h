/* bt-chart-style.h — colours, fonts and the drawing helpers all charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "bt-enums.h"

G_BEGIN_DECLS

typedef enum
{
  BT_CHART_THEME_LIGHT,
  BT_CHART_THEME_DARK,
  BT_CHART_THEME_PRINT,
} BtChartTheme;

typedef struct
{
  double r, g, b, a;
} BtColor;

typedef struct
{
  BtChartTheme theme;
  BtColor      background;
  BtColor      foreground;
  BtColor      muted;        /* secondary text */
  BtColor      grid;
  BtColor      band;         /* phase bands, empty sectors */
  BtColor      tactical;
  BtColor      strategic;
  BtColor      share;        /* the strategic share line */
  BtColor      trajectory;
  BtColor      warning;      /* weeks below the trajectory */
  BtColor      today;
  BtColor      target;
  BtColor      status[5];    /* by BtMilestoneStatus */
  BtColor      overdue;
  BtColor      due_soon;
  BtColor      fine;
  const char  *font_family;
  double       font_size;    /* the body text, in user units */
  double       weekly_budget; /* the "weekly-hours-budget" setting, which makes a
                               * week partial; 0 (as initialised) for none */
} BtChartStyle;

typedef enum
{
  BT_ALIGN_START,
  BT_ALIGN_CENTER,
  BT_ALIGN_END,
} BtAlign;

typedef struct
{
  double x, y, width, height;
} BtRect;

void          bt_chart_style_init        (BtChartStyle       *style,
                                          BtChartTheme        theme);
gboolean      bt_chart_theme_from_string (const char         *text,
                                          BtChartTheme       *theme);
double        bt_chart_text_scale        (double              width,
                                          double              height);
void          bt_chart_set_color         (cairo_t            *cr,
                                          const BtColor      *color);
void          bt_chart_set_color_alpha   (cairo_t            *cr,
                                          const BtColor      *color,
                                          double              alpha);
void          bt_chart_fill_background   (cairo_t            *cr,
                                          const BtChartStyle *style,
                                          double              width,
                                          double              height);
PangoLayout  *bt_chart_text              (cairo_t            *cr,
                                          const BtChartStyle *style,
                                          const char         *text,
                                          double              size,
                                          gboolean            bold,
                                          double              max_width);
PangoLayout  *bt_chart_paragraph         (cairo_t            *cr,
                                          const BtChartStyle *style,
                                          const char         *text,
                                          double              size,
                                          gboolean            bold,
                                          double              width,
                                          double              max_height,
                                          PangoAlignment      alignment);
void          bt_chart_text_cache_clear  (void);
void          bt_chart_text_size         (PangoLayout        *layout,
                                          double             *width,
                                          double             *height);
void          bt_chart_draw_text         (cairo_t            *cr,
                                          PangoLayout        *layout,
                                          double              x,
                                          double              y,
                                          BtAlign             halign,
                                          BtAlign             valign);
double        bt_chart_label             (cairo_t            *cr,
                                          const BtChartStyle *style,
                                          const BtColor      *color,
                                          const char         *text,
                                          double              size,
                                          gboolean            bold,
                                          double              max_width,
                                          double              x,
                                          double              y,
                                          BtAlign             halign,
                                          BtAlign             valign);
void          bt_chart_draw_empty        (cairo_t            *cr,
                                          const BtChartStyle *style,
                                          double              width,
                                          double              height,
                                          const char         *title,
                                          const char         *hint);
void          bt_chart_rounded_rect      (cairo_t            *cr,
                                          double              x,
                                          double              y,
                                          double              width,
                                          double              height,
                                          double              radius);
double        bt_chart_device_scale      (cairo_t            *cr);

/* Time axes */
typedef enum
{
  BT_TICK_MONTH,
  BT_TICK_QUARTER,
  BT_TICK_YEAR,
} BtTickUnit;

typedef struct
{
  guint32 first;   /* julian days */
  guint32 last;
  double  x0;
  double  x1;
} BtTimeScale;

double        bt_time_scale_x            (const BtTimeScale  *scale,
                                          const GDate        *date);
double        bt_time_scale_x_julian     (const BtTimeScale  *scale,
                                          double              julian);
BtTickUnit    bt_time_scale_pick_unit    (const BtTimeScale  *scale,
                                          double              min_spacing);
guint         bt_time_scale_ticks        (const BtTimeScale  *scale,
                                          BtTickUnit          unit,
                                          GDate              *ticks,
                                          guint               max_ticks);
char         *bt_time_tick_label         (const GDate        *date,
                                          BtTickUnit          unit);
double        bt_nice_ceiling            (double              value);

G_END_DECLS
