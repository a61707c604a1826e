/* bt-relationship-map.h — the people around you, by function and strength
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-analytics.h"
#include "bt-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  BtRelationship      *relationship;   /* not a reference */
  BtRelationshipState  state;
  double               x;
  double               y;
  double               radius;
  BtRect               label;          /* empty when it did not fit */
  double               label_width;    /* what the name is cut to */
} BtMapDot;

typedef struct
{
  double  cx;
  double  cy;
  double  radius;
  guint   n_sectors;
  int     sector_function[BT_N_FUNCTIONS];
  guint   sector_count[BT_N_FUNCTIONS];
  GArray *dots;                         /* of BtMapDot */
  guint   weak_functions;               /* see bt_analytics_weak_functions() */
  guint   cut_sectors;                  /* a bit for each sector whose name had to be shortened */
  guint   two_line_sectors;             /* and for each whose name takes two lines */
  double  text_scale;
  double  you_radius;                   /* the dot at the centre */
  double  you_text_size;                /* its label's size, as for bt_chart_label() */
  double  you_text_width;
  double  you_text_height;
} BtRelationshipMapLayout;

gboolean bt_relationship_map_layout       (BtPlan                  *plan,
                                           const GDate             *today,
                                           const BtChartStyle      *style,
                                           cairo_t                 *cr,
                                           double                   width,
                                           double                   height,
                                           BtRelationshipMapLayout *layout);
void     bt_relationship_map_layout_clear (BtRelationshipMapLayout *layout);
int      bt_relationship_map_dot_at       (const BtRelationshipMapLayout *layout,
                                           double                   x,
                                           double                   y);
void     bt_relationship_map_draw         (BtPlan                  *plan,
                                           const GDate             *today,
                                           const BtChartStyle      *style,
                                           cairo_t                 *cr,
                                           double                   width,
                                           double                   height);

G_END_DECLS
