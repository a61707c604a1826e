/* bt-relationship-map.c — the people around you, by function and strength
 *
 * You are at the centre; each function is a sector; each person is a dot
 * whose distance from the centre shrinks as the relationship grows
 * stronger, coloured by whether a touchpoint is overdue, due within a week,
 * or fine; someone with no touchpoint yet is drawn neutral, not yet in
 * touch. Functions with nobody in them are drawn empty and say so;
 * functions without a strong tie have their name in the warning colour.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-relationship-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-relationship-map.h"

static double
sector_angle (const BtRelationshipMapLayout *layout,
              guint                          sector)
{
  return -G_PI / 2 + 2 * G_PI * sector / layout->n_sectors;
}

static double
strength_radius (const BtRelationshipMapLayout *layout,
                 int                            strength)
{
  /* 5 sits close to you, 1 at the edge. */
  return layout->radius * (0.2 + 0.18 * (5 - CLAMP (strength, 1, 5)));
}

static const BtColor *
state_color (const BtChartStyle  *style,
             BtRelationshipState  state)
{
  switch (state)
    {
    case BT_RELATIONSHIP_OVERDUE:
      return &style->overdue;
    case BT_RELATIONSHIP_DUE_SOON:
      return &style->due_soon;
    case BT_RELATIONSHIP_NOT_YET:
      return &style->muted;
    case BT_RELATIONSHIP_FINE:
    default:
      return &style->fine;
    }
}

static gboolean
rects_overlap (const BtRect *a,
               const BtRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static char *
sector_label (const BtRelationshipMapLayout *layout,
              guint                          sector)
{
  BtFunction f = layout->sector_function[sector];

  if (layout->sector_count[sector] == 0)
    /* TRANSLATORS: a function on the relationship map with nobody in it, e.g. "Marketing: no one yet" */
    return g_strdup_printf (_("%s: no one yet"), bt_enum_to_label (BT_TYPE_FUNCTION, f));

  /* No-break spaces: the count stays with the name on a narrow map. */
  return g_strdup_printf ("%s\u00a0·\u00a0%u", bt_enum_to_label (BT_TYPE_FUNCTION, f), layout->sector_count[sector]);
}

static double
sector_label_room (const BtRelationshipMapLayout *layout,
                   guint                          sector,
                   double                         width)
{
  double ts = layout->text_scale;
  double mid = -G_PI / 2 + 2 * G_PI * (sector + 0.5) / layout->n_sectors;
  double lx = layout->cx + (layout->radius + 8 * ts) * cos (mid);
  double room;

  /* Above or below the circle, centred: as wide as the gap between the
   * next names on either side, which run away from it. */
  if (fabs (cos (mid)) < 0.2)
    room = MAX (2 * layout->radius * sin (G_PI / layout->n_sectors),
                2 * ((layout->radius + 8 * ts) * fabs (sin (2 * G_PI / layout->n_sectors)) - 6 * ts));
  else
    room = cos (mid) > 0 ? width - lx - 4 : lx - 4;

  return MAX (room, 20);
}

/* A function's name, on one line where it fits its room, else on two (a
 * narrow window, ten sectors: "Customer success · 1" beside the circle). */
static PangoLayout *
sector_label_layout (cairo_t                       *cr,
                     const BtChartStyle            *style,
                     const BtRelationshipMapLayout *layout,
                     guint                          sector,
                     double                         width)
{
  double ts = layout->text_scale, room = sector_label_room (layout, sector, width), w, h;
  g_autofree char *label = sector_label (layout, sector);
  gboolean bold = layout->sector_count[sector] > 0;
  PangoLayout *pl = bt_chart_text (cr, style, label, 0.85 * ts, bold, -1);

  bt_chart_text_size (pl, &w, &h);
  if (w <= room)
    return pl;

  g_object_unref (pl);
  return bt_chart_paragraph (cr, style, label, 0.85 * ts, bold, room, 2.5 * h, PANGO_ALIGN_LEFT);
}

/* Where a function's name goes: outside the circle at the middle of its
 * sector, aligned away from the circle. */
static BtRect
sector_label_rect (cairo_t                       *cr,
                   const BtChartStyle            *style,
                   const BtRelationshipMapLayout *layout,
                   guint                          sector,
                   double                         width)
{
  double ts = layout->text_scale;
  double mid = -G_PI / 2 + 2 * G_PI * (sector + 0.5) / layout->n_sectors;
  double lx = layout->cx + (layout->radius + 8 * ts) * cos (mid);
  double ly = layout->cy + (layout->radius + 8 * ts) * sin (mid);
  BtAlign halign = fabs (cos (mid)) < 0.2 ? BT_ALIGN_CENTER : cos (mid) > 0 ? BT_ALIGN_START : BT_ALIGN_END;
  BtAlign valign = fabs (sin (mid)) < 0.2 ? BT_ALIGN_CENTER : sin (mid) > 0 ? BT_ALIGN_START : BT_ALIGN_END;
  g_autoptr(PangoLayout) pl = sector_label_layout (cr, style, layout, sector, width);
  BtRect rect;

  bt_chart_text_size (pl, &rect.width, &rect.height);
  rect.x = halign == BT_ALIGN_CENTER ? lx - rect.width / 2 : halign == BT_ALIGN_START ? lx : lx - rect.width;
  rect.y = valign == BT_ALIGN_CENTER ? ly - rect.height / 2 : valign == BT_ALIGN_START ? ly : ly - rect.height;

  return rect;
}

/* A uniform grid over the canvas, so that a label is checked only against
 * what lies near it: placing labels stays linear in the number of people. */
typedef struct
{
  double      cell;
  int         columns;
  int         rows;
  GPtrArray **cells;   /* of BtRect*, not owned */
} Grid;

static void
grid_init (Grid   *grid,
           double  width,
           double  height,
           double  cell)
{
  grid->cell = MAX (cell, 8);
  grid->columns = (int) (width / grid->cell) + 1;
  grid->rows = (int) (height / grid->cell) + 1;
  grid->cells = g_new0 (GPtrArray *, grid->columns * grid->rows);
}

static void
grid_clear (Grid *grid)
{
  for (int i = 0; i < grid->columns * grid->rows; i++)
    if (grid->cells[i] != NULL)
      g_ptr_array_unref (grid->cells[i]);
  g_clear_pointer (&grid->cells, g_free);
}

static void
grid_span (const Grid   *grid,
           const BtRect *r,
           int          *c0,
           int          *c1,
           int          *r0,
           int          *r1)
{
  *c0 = CLAMP ((int) floor (r->x / grid->cell), 0, grid->columns - 1);
  *c1 = CLAMP ((int) floor ((r->x + r->width) / grid->cell), 0, grid->columns - 1);
  *r0 = CLAMP ((int) floor (r->y / grid->cell), 0, grid->rows - 1);
  *r1 = CLAMP ((int) floor ((r->y + r->height) / grid->cell), 0, grid->rows - 1);
}

static void
grid_add (Grid   *grid,
          BtRect *rect)
{
  int c0, c1, r0, r1;

  grid_span (grid, rect, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        GPtrArray **cell = &grid->cells[row * grid->columns + col];

        if (*cell == NULL)
          *cell = g_ptr_array_new ();
        g_ptr_array_add (*cell, rect);
      }
}

static gboolean
grid_hits (const Grid   *grid,
           const BtRect *rect,
           const BtRect *ignore)
{
  int c0, c1, r0, r1;

  grid_span (grid, rect, &c0, &c1, &r0, &r1);
  for (int row = r0; row <= r1; row++)
    for (int col = c0; col <= c1; col++)
      {
        GPtrArray *cell = grid->cells[row * grid->columns + col];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const BtRect *other = g_ptr_array_index (cell, i);

            if (other != ignore && rects_overlap (rect, other))
              return TRUE;
          }
      }

  return FALSE;
}

/* Where a name may go, in the order tried: away from the centre, as the
 * eye expects; towards it; above the dot; below it; then away and
 * towards again, a little above, and a little below. */
enum { N_LABEL_PLACES = 8 };

static BtRect
label_rect (const BtMapDot *dot,
            gboolean        left_half,
            int             place,
            double          w,
            double          h,
            double          ts)
{
  double gap = 3 * ts;
  BtRect rect = { 0, 0, w, h };

  if (place < 2 || place >= 4)
    {
      gboolean to_left = (place % 2 == 0) == left_half;

      rect.x = to_left ? dot->x - dot->radius - gap - w : dot->x + dot->radius + gap;
      rect.y = dot->y - h / 2;
      /* A crowded ring: beside the dot, a little above or below it. */
      if (place >= 4)
        rect.y += (place < 6 ? -0.6 : 0.6) * h;
    }
  else
    {
      rect.x = dot->x - w / 2;
      rect.y = place == 2 ? dot->y - dot->radius - gap / 2 - h : dot->y + dot->radius + gap / 2;
    }

  return rect;
}

/**
 * bt_relationship_map_layout:
 *
 * Returns: %FALSE when the plan has no relationships
 */
gboolean
bt_relationship_map_layout (BtPlan                  *plan,
                            const GDate             *today,
                            const BtChartStyle      *style,
                            cairo_t                 *cr,
                            double                   width,
                            double                   height,
                            BtRelationshipMapLayout *layout)
{
  GListModel *relationships = bt_plan_get_relationships (plan);
  guint n = g_list_model_get_n_items (relationships);
  guint group_count[BT_N_FUNCTIONS][6] = { { 0, } };
  guint group_index[BT_N_FUNCTIONS][6] = { { 0, } };
  int function_sector[BT_N_FUNCTIONS];
  double ts = bt_chart_text_scale (width, height);
  double pad = 12 * ts, text_h, label_room, top;
  g_autofree BtRect *dot_rects = NULL;
  g_autofree BtRect *sector_rects = NULL;
  BtRect you_rect;
  Grid grid;

  memset (layout, 0, sizeof *layout);
  layout->text_scale = ts;

  if (n == 0)
    return FALSE;

  layout->weak_functions = bt_analytics_weak_functions (plan);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
      group_count[bt_relationship_get_function (r)][bt_relationship_get_strength (r)]++;
    }

  /* Every function has a sector, so that an empty one shows; "other" only
   * when someone is in it. */
  for (int f = 0; f < BT_N_FUNCTIONS; f++)
    {
      guint count = 0;

      for (int s = 1; s <= 5; s++)
        count += group_count[f][s];

      function_sector[f] = -1;
      if (f == BT_FUNCTION_OTHER && count == 0)
        continue;
      function_sector[f] = layout->n_sectors;
      layout->sector_function[layout->n_sectors] = f;
      layout->sector_count[layout->n_sectors] = count;
      layout->n_sectors++;
    }

  {
    g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mg", 0.9 * ts, FALSE, -1);
    bt_chart_text_size (probe, NULL, &text_h);
  }

  top = pad + text_h * 1.6;   /* the legend */

  /* Room around the circle for the widest function name, so that none is
   * cut at the sides. */
  label_room = 0;
  for (guint s = 0; s < layout->n_sectors; s++)
    {
      g_autofree char *label = g_strdup_printf (_("%s: no one yet"),
                                                bt_enum_to_label (BT_TYPE_FUNCTION, layout->sector_function[s]));
      g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, label, 0.85 * ts, TRUE, -1);
      double w;

      bt_chart_text_size (pl, &w, NULL);
      label_room = MAX (label_room, w);
    }
  label_room = MIN (label_room + 10 * ts, width / 4);
  layout->cx = width / 2;
  layout->cy = top + (height - top - pad) / 2;
  layout->radius = MAX (MIN ((width - 2 * pad) / 2 - label_room,
                             (height - top - pad) / 2 - text_h * 1.8), 10);

  /* You: a dot that holds its label whole, whatever the font and the
   * language; it may grow up to the strongest ring's dots, and past that
   * the label gets smaller instead. */
  {
    double room = MAX (9 * ts, strength_radius (layout, 5) - 8 * ts - 2);

    layout->you_text_size = 0.7 * ts;
    for (int tries = 0; tries < 8; tries++)
      {
        g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, _("You"), layout->you_text_size, TRUE, -1);
        double need;

        bt_chart_text_size (pl, &layout->you_text_width, &layout->you_text_height);
        need = hypot (layout->you_text_width / 2, layout->you_text_height / 2) + 1;
        layout->you_radius = MAX (9 * ts, need);
        if (need <= room || layout->you_text_size <= 0.3)
          break;
        layout->you_text_size *= MAX (room / need, 0.5);
      }
  }

  layout->dots = g_array_sized_new (FALSE, TRUE, sizeof (BtMapDot), n);

  grid_init (&grid, width, height, 24 * ts);

  /* The function names around the circle are placed first: people's
   * labels must not run into them. */
  sector_rects = g_new0 (BtRect, layout->n_sectors);
  for (guint s = 0; s < layout->n_sectors; s++)
    {
      g_autoptr(PangoLayout) pl = sector_label_layout (cr, style, layout, s, width);

      sector_rects[s] = sector_label_rect (cr, style, layout, s, width);
      grid_add (&grid, &sector_rects[s]);
      if (pango_layout_is_ellipsized (pl))
        layout->cut_sectors |= 1u << s;
      if (pango_layout_get_line_count (pl) > 1)
        layout->two_line_sectors |= 1u << s;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
      BtFunction f = bt_relationship_get_function (r);
      int s = bt_relationship_get_strength (r);
      guint sector = function_sector[f];
      guint k = group_count[f][s], j = group_index[f][s]++;
      double a0 = sector_angle (layout, sector), span = 2 * G_PI / layout->n_sectors;
      double angle = a0 + span * (j + 1) / (k + 1);
      double rad = strength_radius (layout, s);
      BtMapDot dot = { r, bt_analytics_relationship_state (r, today, NULL), 0, 0, 0, { 0, } };

      /* Many people at one strength: stagger them in and out a little. */
      if (k > 4)
        rad += (j % 3 - 1) * layout->radius * 0.05;

      dot.radius = CLAMP (layout->radius / 28, 3, 8 * ts);
      dot.x = layout->cx + rad * cos (angle);
      dot.y = layout->cy + rad * sin (angle);
      g_array_append_val (layout->dots, dot);
    }

  /* You, at the centre, and the dots themselves are obstacles too. */
  you_rect = (BtRect) { layout->cx - layout->you_radius, layout->cy - layout->you_radius,
                        2 * layout->you_radius, 2 * layout->you_radius };
  grid_add (&grid, &you_rect);
  dot_rects = g_new0 (BtRect, layout->dots->len);
  for (guint i = 0; i < layout->dots->len; i++)
    {
      const BtMapDot *dot = &g_array_index (layout->dots, BtMapDot, i);

      dot_rects[i] = (BtRect) { dot->x - dot->radius, dot->y - dot->radius, 2 * dot->radius, 2 * dot->radius };
      grid_add (&grid, &dot_rects[i]);
    }

  /* Labels: the ones that matter most first (overdue, then strong), each
   * at the first of its places that touches nothing already placed and
   * stays on the canvas. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->dots->len; i++)
      {
        BtMapDot *dot = &g_array_index (layout->dots, BtMapDot, i);
        g_autoptr(PangoLayout) pl = NULL;
        gboolean first_pass = dot->state == BT_RELATIONSHIP_OVERDUE ||
                              bt_relationship_get_strength (dot->relationship) >= 4;
        gboolean left = dot->x < layout->cx;
        double w, h, max_w = 130 * ts, short_w = 3 * style->font_size * 0.8 * ts;
        gboolean any = FALSE;

        if (first_pass != (pass == 0))
          continue;

        /* Where not even a short label fits, do not shape the name. */
        for (int place = 0; place < N_LABEL_PLACES && !any; place++)
          {
            BtRect rect = label_rect (dot, left, place, short_w, text_h * 0.9, ts);

            any = !grid_hits (&grid, &rect, &dot_rects[i]);
          }
        if (!any)
          continue;

        /* The whole name where it fits, else its start: a name left out
         * is a person the chart does not show. */
        for (int attempt = 0; attempt < 2 && dot->label.width <= 0; attempt++)
          {
            double cut_w = attempt == 0 ? max_w : MAX (max_w / 3, short_w);

            g_clear_object (&pl);
            pl = bt_chart_text (cr, style, bt_relationship_get_name (dot->relationship),
                                0.8 * ts, FALSE, cut_w);
            bt_chart_text_size (pl, &w, &h);

            for (int place = 0; place < N_LABEL_PLACES; place++)
              {
                BtRect rect = label_rect (dot, left, place, w, h, ts);
                BtRect clear = rect;

                /* Above or below, a name needs room around it, or it reads
                 * as the name of a neighbour. */
                if (place >= 2)
                  clear = (BtRect) { rect.x - h, rect.y - h / 2, rect.width + 2 * h, rect.height + h };

                if (rect.x < 1 || rect.x + rect.width > width - 1 || rect.y < top ||
                    rect.y + rect.height > height - 1 || grid_hits (&grid, &clear, &dot_rects[i]))
                  continue;

                dot->label = rect;
                dot->label_width = cut_w;
                grid_add (&grid, &dot->label);
                break;
              }
          }
      }

  grid_clear (&grid);

  return TRUE;
}

void
bt_relationship_map_layout_clear (BtRelationshipMapLayout *layout)
{
  g_clear_pointer (&layout->dots, g_array_unref);
}

/**
 * bt_relationship_map_dot_at:
 *
 * Returns: the index of the dot under (@x, @y), or -1
 */
int
bt_relationship_map_dot_at (const BtRelationshipMapLayout *layout,
                            double                         x,
                            double                         y)
{
  if (layout->dots == NULL)
    return -1;

  for (guint i = layout->dots->len; i > 0; i--)
    {
      const BtMapDot *dot = &g_array_index (layout->dots, BtMapDot, i - 1);

      if (hypot (dot->x - x, dot->y - y) <= dot->radius + 3)
        return (int) i - 1;
    }

  return -1;
}

static void
draw_legend (cairo_t                       *cr,
             const BtChartStyle            *style,
             const BtRelationshipMapLayout *layout,
             double                         width)
{
  struct { const char *label; const BtColor *color; } items[] = {
    { _("Overdue"), &style->overdue },
    { _("Due within a week"), &style->due_soon },
    { _("In touch"), &style->fine },
    { _("Not yet in touch"), &style->muted },
  };
  double ts = layout->text_scale, x = 12 * ts, y = 12 * ts, r = 5 * ts;

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, items[i].label, 0.85 * ts, FALSE, -1);
      double w, h;

      bt_chart_text_size (pl, &w, &h);
      if (x + 2 * r + 4 * ts + w > width - 12 * ts)
        return;
      bt_chart_set_color (cr, items[i].color);
      cairo_arc (cr, x + r, y + h / 2, r, 0, 2 * G_PI);
      cairo_fill (cr);
      bt_chart_set_color (cr, &style->foreground);
      bt_chart_draw_text (cr, pl, x + 2 * r + 4 * ts, y, BT_ALIGN_START, BT_ALIGN_START);
      x += 2 * r + 4 * ts + w + 14 * ts;
    }

  {
    g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, _("Closer to the centre: a stronger relationship"),
                                               0.85 * ts, FALSE, -1);
    double w;

    bt_chart_text_size (pl, &w, NULL);
    if (x + w > width - 12 * ts)
      return;
    bt_chart_set_color (cr, &style->muted);
    bt_chart_draw_text (cr, pl, x, y, BT_ALIGN_START, BT_ALIGN_START);
    x += w + 14 * ts;
  }

  /* What a function's name in the warning colour says, where one is: its
   * own key, in that colour (the overdue dots' colour is near it). */
  if (layout->weak_functions != 0)
    {
      /* TRANSLATORS: the relationship map's key for a function's name in orange; %d is 3 */
      g_autofree char *key = g_strdup_printf (_("Function without anyone at strength %d or more"),
                                              BT_STRONG_STRENGTH);
      g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, key, 0.85 * ts, FALSE, -1);
      double w;

      bt_chart_text_size (pl, &w, NULL);
      if (x + w <= width - 12 * ts)
        {
          bt_chart_set_color (cr, &style->warning);
          bt_chart_draw_text (cr, pl, x, y, BT_ALIGN_START, BT_ALIGN_START);
        }
    }
}

void
bt_relationship_map_draw (BtPlan             *plan,
                          const GDate        *today,
                          const BtChartStyle *style,
                          cairo_t            *cr,
                          double              width,
                          double              height)
{
  BtRelationshipMapLayout layout;
  double ts;

  g_return_if_fail (BT_IS_PLAN (plan));

  cairo_save (cr);

  if (!bt_relationship_map_layout (plan, today, style, cr, width, height, &layout))
    {
      bt_chart_draw_empty (cr, style, width, height,
                           _("No relationships yet"),
                           _("Add the people you work with in product, sales, finance and the "
                             "other functions, and how strong each relationship is."));
      cairo_restore (cr);
      return;
    }

  ts = layout.text_scale;
  bt_chart_fill_background (cr, style, width, height);
  draw_legend (cr, style, &layout, width);

  /* Sectors: shaded when empty, named around the edge. */
  for (guint s = 0; s < layout.n_sectors; s++)
    {
      double a0 = sector_angle (&layout, s), a1 = sector_angle (&layout, s + 1);
      BtFunction f = layout.sector_function[s];
      gboolean empty = layout.sector_count[s] == 0;
      gboolean weak = (layout.weak_functions & (1u << f)) != 0;
      g_autoptr(PangoLayout) pl = sector_label_layout (cr, style, &layout, s, width);
      BtRect rect = sector_label_rect (cr, style, &layout, s, width);

      if (empty)
        {
          bt_chart_set_color (cr, &style->band);
          cairo_move_to (cr, layout.cx, layout.cy);
          cairo_arc (cr, layout.cx, layout.cy, layout.radius, a0, a1);
          cairo_close_path (cr);
          cairo_fill (cr);
        }

      bt_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, layout.cx, layout.cy);
      cairo_line_to (cr, layout.cx + layout.radius * cos (a0), layout.cy + layout.radius * sin (a0));
      cairo_stroke (cr);

      bt_chart_set_color (cr, weak ? &style->warning : &style->foreground);
      bt_chart_draw_text (cr, pl, rect.x, rect.y, BT_ALIGN_START, BT_ALIGN_START);
    }

  /* Strength rings */
  bt_chart_set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  for (int s = 1; s <= 5; s++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, layout.cx, layout.cy, strength_radius (&layout, s), 0, 2 * G_PI);
    }
  cairo_stroke (cr);
  cairo_arc (cr, layout.cx, layout.cy, layout.radius, 0, 2 * G_PI);
  bt_chart_set_color (cr, &style->muted);
  cairo_stroke (cr);

  /* You */
  bt_chart_set_color (cr, &style->foreground);
  cairo_arc (cr, layout.cx, layout.cy, layout.you_radius, 0, 2 * G_PI);
  cairo_fill (cr);
  bt_chart_label (cr, style, &style->background, _("You"), layout.you_text_size, TRUE, -1,
                  layout.cx, layout.cy, BT_ALIGN_CENTER, BT_ALIGN_CENTER);

  for (guint i = 0; i < layout.dots->len; i++)
    {
      const BtMapDot *dot = &g_array_index (layout.dots, BtMapDot, i);

      bt_chart_set_color (cr, &style->background);
      cairo_arc (cr, dot->x, dot->y, dot->radius + 1.5, 0, 2 * G_PI);
      cairo_fill (cr);
      bt_chart_set_color (cr, state_color (style, dot->state));
      cairo_arc (cr, dot->x, dot->y, dot->radius, 0, 2 * G_PI);
      cairo_fill (cr);

      if (dot->label.width > 0)
        bt_chart_label (cr, style, &style->foreground, bt_relationship_get_name (dot->relationship),
                        0.8 * ts, FALSE, dot->label_width, dot->label.x, dot->label.y,
                        BT_ALIGN_START, BT_ALIGN_START);
    }

  bt_relationship_map_layout_clear (&layout);
  cairo_restore (cr);
}
