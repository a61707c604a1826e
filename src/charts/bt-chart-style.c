/* bt-chart-style.c — colours, fonts and the drawing helpers all charts share
 *
 * The palette is Okabe and Ito's, which readers with the common forms of
 * colour blindness can tell apart: tactical work in orange, strategic in
 * blue, warnings in vermillion, done in bluish green.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-chart-style"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

void
bt_chart_style_init (BtChartStyle *style,
                     BtChartTheme  theme)
{
  static const BtChartStyle light = {
    .theme = BT_CHART_THEME_LIGHT,
    .background = RGB (0xffffff),
    .foreground = RGB (0x1e1e1e),
    .muted = RGB (0x5e5c64),
    .grid = RGB (0xdeddda),
    .band = RGB (0xeeedec),
    .tactical = RGB (0xe69f00),
    .strategic = RGB (0x0072b2),
    .share = RGB (0x1e1e1e),
    .trajectory = RGB (0x009e73),
    .warning = RGB (0xd55e00),
    .today = RGB (0xcc79a7),
    .target = RGB (0x009e73),
    .status = { RGB (0x77767b), RGB (0x0072b2), RGB (0x009e73), RGB (0xd55e00), RGB (0xc0bfbc) },
    .overdue = RGB (0xd55e00),
    .due_soon = RGB (0xe69f00),
    .fine = RGB (0x009e73),
    .font_family = "Sans",
    .font_size = 12.0,
  };
  static const BtChartStyle dark = {
    .theme = BT_CHART_THEME_DARK,
    .background = RGB (0x242424),
    .foreground = RGB (0xf6f5f4),
    .muted = RGB (0xc0bfbc),
    .grid = RGB (0x3d3d3d),
    .band = RGB (0x333333),
    .tactical = RGB (0xf0b429),
    .strategic = RGB (0x56b4e9),
    .share = RGB (0xf6f5f4),
    .trajectory = RGB (0x2ec4a0),
    .warning = RGB (0xff7a33),
    .today = RGB (0xe7a0c8),
    .target = RGB (0x2ec4a0),
    .status = { RGB (0xc0bfbc), RGB (0x56b4e9), RGB (0x2ec4a0), RGB (0xff7a33), RGB (0x77767b) },
    .overdue = RGB (0xff7a33),
    .due_soon = RGB (0xf0b429),
    .fine = RGB (0x2ec4a0),
    .font_family = "Sans",
    .font_size = 12.0,
  };

  g_return_if_fail (style != NULL);

  if (theme == BT_CHART_THEME_DARK)
    *style = dark;
  else
    *style = light;

  /* Paper: pure black text, the same hues, a little larger type. */
  if (theme == BT_CHART_THEME_PRINT)
    {
      style->theme = BT_CHART_THEME_PRINT;
      style->foreground = (BtColor) RGB (0x000000);
      style->muted = (BtColor) RGB (0x3d3846);
      style->share = (BtColor) RGB (0x000000);
      style->grid = (BtColor) RGB (0xc0bfbc);
      style->font_size = 11.0;
    }
}

gboolean
bt_chart_theme_from_string (const char   *text,
                            BtChartTheme *theme)
{
  static const char * const names[] = { "light", "dark", "print" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *theme = i;
        return TRUE;
      }

  return FALSE;
}

/* Text grows slowly with the canvas, so a 4K export is not all margins and
 * a 320×200 thumbnail is not all text. */
double
bt_chart_text_scale (double width,
                     double height)
{
  return CLAMP (MIN (width / 1000.0, height / 560.0), 0.8, 1.8);
}

void
bt_chart_set_color (cairo_t       *cr,
                    const BtColor *color)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a);
}

void
bt_chart_set_color_alpha (cairo_t       *cr,
                          const BtColor *color,
                          double         alpha)
{
  cairo_set_source_rgba (cr, color->r, color->g, color->b, color->a * alpha);
}

void
bt_chart_fill_background (cairo_t            *cr,
                          const BtChartStyle *style,
                          double              width,
                          double              height)
{
  cairo_save (cr);
  bt_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Shaped text is kept between draws: a chart shows the same labels on
 * every redraw (hover, resize, an edit elsewhere), and shaping them is most
 * of the cost of drawing. The layouts share one Pango context with fixed,
 * unhinted metrics, so that a layout measures the same on screen, on paper
 * and in files, whatever cairo target it is shown on. */
#define TEXT_CACHE_MAX 8192

G_LOCK_DEFINE_STATIC (text_cache);
static PangoContext *text_context;
static GHashTable *text_layouts;   /* key → PangoLayout */

static PangoContext *
shared_context (void)
{
  if (text_context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      text_context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (text_context, options);
      pango_cairo_context_set_resolution (text_context, 72);
      cairo_font_options_destroy (options);
      text_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
    }

  return text_context;
}

/**
 * bt_chart_text_cache_clear:
 *
 * Forgets all shaped text, for a benchmark of a first draw or when fonts
 * change.
 */
void
bt_chart_text_cache_clear (void)
{
  G_LOCK (text_cache);
  if (text_layouts != NULL)
    g_hash_table_remove_all (text_layouts);
  G_UNLOCK (text_cache);
}

/* More characters than any line or paragraph of a page holds, and more
 * combining marks on one character than any script stacks: past them a
 * hostile name would cost minutes and gigabytes to shape, or paint a line
 * across the chart. The plan keeps the whole text; only the drawing is
 * shortened. */
#define LINE_MAX_CHARS      512
#define PARAGRAPH_MAX_CHARS 8192
#define MAX_MARKS           4

/* Returns: (transfer full) (nullable): @text shortened to what can be
 *   drawn, or %NULL if it can be drawn as it is */
static char *
bound_text (const char *text,
            guint       max_chars)
{
  GString *out = NULL;
  const char *p = text;
  guint chars = 0, marks = 0;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      gboolean drop;

      if (chars == max_chars)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append (out, "…");
          break;
        }

      marks = g_unichar_ismark (c) ? marks + 1 : 0;
      drop = marks > MAX_MARKS;
      if (drop && out == NULL)
        out = g_string_new_len (text, p - text);
      if (!drop)
        {
          chars++;
          if (out != NULL)
            g_string_append_len (out, p, next - p);
        }
    }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static PangoLayout *
new_layout (const BtChartStyle *style,
            const char         *text,
            double              size,
            gboolean            bold)
{
  PangoLayout *layout = pango_layout_new (shared_context ());
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, style->font_family);
  pango_font_description_set_absolute_size (font, style->font_size * size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

/**
 * bt_chart_text:
 * @size: relative to the style's body size (1.0 is body text)
 * @max_width: where to ellipsize, or a value ≤ 0 for no limit
 *
 * The layout is shared with every other caller asking for the same text on
 * the same cairo context: do not change it.
 *
 * Returns: (transfer full): a one-line layout ready to show
 */
PangoLayout *
bt_chart_text (cairo_t            *cr,
               const BtChartStyle *style,
               const char         *text,
               double              size,
               gboolean            bold,
               double              max_width)
{
  g_autofree char *key = NULL;
  g_autofree char *bounded = text != NULL ? bound_text (text, LINE_MAX_CHARS) : NULL;
  PangoLayout *layout;

  if (bounded != NULL)
    text = bounded;

  /* Widths that differ by less than a unit ellipsize alike. */
  max_width = max_width > 0 ? floor (MAX (max_width, 1.0)) : -1;
  key = g_strdup_printf ("%s\x1f%g\x1f%d\x1f%g\x1f%s", style->font_family, style->font_size * size,
                         bold, max_width, text != NULL ? text : "");

  G_LOCK (text_cache);
  shared_context ();
  layout = g_hash_table_lookup (text_layouts, key);
  if (layout != NULL)
    {
      g_object_ref (layout);
      G_UNLOCK (text_cache);
      return layout;
    }
  G_UNLOCK (text_cache);

  layout = new_layout (style, text, size, bold);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  /* Resolve the layout now, so that cached layouts are never laid out
   * again; then keep it. The cache is emptied when it grows past its bound. */
  pango_layout_get_extents (layout, NULL, NULL);
  G_LOCK (text_cache);
  if (g_hash_table_size (text_layouts) >= TEXT_CACHE_MAX)
    g_hash_table_remove_all (text_layouts);
  g_hash_table_insert (text_layouts, g_steal_pointer (&key), g_object_ref (layout));
  G_UNLOCK (text_cache);

  return layout;
}

/**
 * bt_chart_paragraph:
 * @max_height: where to cut with an ellipsis
 *
 * Returns: (transfer full): a layout of its own, wrapped to @width
 */
PangoLayout *
bt_chart_paragraph (cairo_t            *cr,
                    const BtChartStyle *style,
                    const char         *text,
                    double              size,
                    gboolean            bold,
                    double              width,
                    double              max_height,
                    PangoAlignment      alignment)
{
  g_autofree char *bounded = text != NULL ? bound_text (text, PARAGRAPH_MAX_CHARS) : NULL;
  PangoLayout *layout;

  if (bounded != NULL)
    text = bounded;

  G_LOCK (text_cache);
  shared_context ();
  G_UNLOCK (text_cache);
  layout = new_layout (style, text, size, bold);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_height (layout, (int) (MAX (max_height, 1.0) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  return layout;
}

void
bt_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
bt_chart_draw_text (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    BtAlign      halign,
                    BtAlign      valign)
{
  PangoRectangle logical;
  double w, h;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;

  if (halign == BT_ALIGN_CENTER)
    x -= w / 2;
  else if (halign == BT_ALIGN_END)
    x -= w;
  x -= (double) logical.x / PANGO_SCALE;

  if (valign == BT_ALIGN_CENTER)
    y -= h / 2;
  else if (valign == BT_ALIGN_END)
    y -= h;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  /* Showing text leaves a current point: the next cairo_arc() would join
   * it with a line (a sliver from each report bullet to the text before). */
  cairo_new_path (cr);
}

/**
 * bt_chart_label:
 *
 * Shows one line of text, ellipsized to @max_width.
 *
 * Returns: the width the text took
 */
double
bt_chart_label (cairo_t            *cr,
                const BtChartStyle *style,
                const BtColor      *color,
                const char         *text,
                double              size,
                gboolean            bold,
                double              max_width,
                double              x,
                double              y,
                BtAlign             halign,
                BtAlign             valign)
{
  g_autoptr(PangoLayout) layout = bt_chart_text (cr, style, text, size, bold, max_width);
  double width;

  bt_chart_text_size (layout, &width, NULL);
  bt_chart_set_color (cr, color);
  bt_chart_draw_text (cr, layout, x, y, halign, valign);

  return width;
}

/**
 * bt_chart_draw_empty:
 *
 * The designed empty state: what is missing and what to add, centred and
 * wrapped within the canvas.
 */
void
bt_chart_draw_empty (cairo_t            *cr,
                     const BtChartStyle *style,
                     double              width,
                     double              height,
                     const char         *title,
                     const char         *hint)
{
  double box = MAX (width - 32, 40);
  g_autoptr(PangoLayout) title_layout = bt_chart_paragraph (cr, style, title, 1.4, TRUE, MIN (box, 560),
                                                            height / 2 - 16, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) hint_layout = bt_chart_paragraph (cr, style, hint, 1.0, FALSE, MIN (box, 480),
                                                           height / 2 - 16, PANGO_ALIGN_CENTER);
  double th, hh;

  bt_chart_text_size (title_layout, NULL, &th);
  bt_chart_text_size (hint_layout, NULL, &hh);

  bt_chart_fill_background (cr, style, width, height);

  bt_chart_set_color (cr, &style->foreground);
  cairo_move_to (cr, (width - MIN (box, 560)) / 2, (height - th - hh - 8) / 2);
  pango_cairo_show_layout (cr, title_layout);

  bt_chart_set_color (cr, &style->muted);
  cairo_move_to (cr, (width - MIN (box, 480)) / 2, (height - th - hh - 8) / 2 + th + 8);
  pango_cairo_show_layout (cr, hint_layout);
}

void
bt_chart_rounded_rect (cairo_t *cr,
                       double   x,
                       double   y,
                       double   width,
                       double   height,
                       double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* How many device pixels one user unit covers (2 on a HiDPI screen): the
 * transformation matrix times the surface's device scale, which cairo
 * keeps apart. */
double
bt_chart_device_scale (cairo_t *cr)
{
  double dx = 1, dy = 0, sx = 1, sy = 1;

  cairo_user_to_device_distance (cr, &dx, &dy);
  cairo_surface_get_device_scale (cairo_get_group_target (cr), &sx, &sy);

  return MAX (hypot (dx, dy) * MAX (sx, sy), 1e-6);
}

double
bt_time_scale_x_julian (const BtTimeScale *scale,
                        double             julian)
{
  double span = MAX ((double) scale->last - (double) scale->first, 1.0);

  return scale->x0 + (julian - scale->first) * (scale->x1 - scale->x0) / span;
}

double
bt_time_scale_x (const BtTimeScale *scale,
                 const GDate       *date)
{
  return bt_time_scale_x_julian (scale, g_date_get_julian (date));
}

BtTickUnit
bt_time_scale_pick_unit (const BtTimeScale *scale,
                         double             min_spacing)
{
  double per_day = (scale->x1 - scale->x0) / MAX ((double) scale->last - scale->first, 1.0);

  if (per_day * 30.44 >= min_spacing)
    return BT_TICK_MONTH;
  if (per_day * 91.3 >= min_spacing)
    return BT_TICK_QUARTER;

  return BT_TICK_YEAR;
}

/**
 * bt_time_scale_ticks:
 *
 * Fills @ticks with the first days of months, quarters or years within the
 * scale; for years, thinned so that at most @max_ticks remain.
 *
 * Returns: how many ticks
 */
guint
bt_time_scale_ticks (const BtTimeScale *scale,
                     BtTickUnit         unit,
                     GDate             *ticks,
                     guint              max_ticks)
{
  GDate d;
  guint n = 0;
  int step = unit == BT_TICK_MONTH ? 1 : unit == BT_TICK_QUARTER ? 3 : 12;
  int year_step = 1;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, scale->first);
  g_date_set_day (&d, 1);
  if (unit == BT_TICK_QUARTER)
    g_date_set_month (&d, ((g_date_get_month (&d) - 1) / 3) * 3 + 1);
  else if (unit == BT_TICK_YEAR)
    g_date_set_month (&d, G_DATE_JANUARY);

  if (unit == BT_TICK_YEAR)
    {
      int years = (int) ((scale->last - scale->first) / 365) + 1;
      while (years / year_step > (int) max_ticks)
        year_step++;
      step *= year_step;
    }

  while (g_date_get_julian (&d) <= scale->last && n < max_ticks)
    {
      if (g_date_get_julian (&d) >= scale->first)
        ticks[n++] = d;
      g_date_add_months (&d, step);
    }

  return n;
}

char *
bt_time_tick_label (const GDate *date,
                    BtTickUnit   unit)
{
  char buf[64];

  switch (unit)
    {
    case BT_TICK_YEAR:
      return g_strdup_printf ("%d", g_date_get_year (date));

    case BT_TICK_QUARTER:
      /* TRANSLATORS: a quarter of a year on a time axis, e.g. "Q3 2027" */
      return g_strdup_printf (_("Q%d %d"), (g_date_get_month (date) - 1) / 3 + 1,
                              g_date_get_year (date));

    case BT_TICK_MONTH:
    default:
      /* The month's abbreviated name in the user's language; January also
       * carries the year. */
      if (g_date_get_month (date) == G_DATE_JANUARY)
        g_date_strftime (buf, sizeof buf, "%b %Y", date);
      else
        g_date_strftime (buf, sizeof buf, "%b", date);
      return g_strdup (buf);
    }
}

/* The smallest 1, 2, 2.5 or 5 × 10^n at or above @value. */
double
bt_nice_ceiling (double value)
{
  double magnitude, f;

  if (value <= 0)
    return 1;

  magnitude = pow (10, floor (log10 (value)));
  f = value / magnitude;

  if (f <= 1)
    return magnitude;
  if (f <= 2)
    return 2 * magnitude;
  if (f <= 2.5)
    return 2.5 * magnitude;
  if (f <= 5)
    return 5 * magnitude;

  return 10 * magnitude;
}
