/* bt-chart-view.c — a chart in the window
 *
 * Draws with the same renderer as paper and files, through
 * gtk_snapshot_append_cairo(); redraws when the plan changes and when the
 * style switches between light and dark; tells what is under the pointer
 * in a tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-chart-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-chart-row.h"
#include "bt-chart-view.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-number.h"
#include "bt-narratives-chart.h"
#include "bt-relationship-map.h"
#include "bt-report.h"
#include "bt-time-chart.h"
#include "bt-timeline-chart.h"

struct _BtChartView
{
  GtkWidget    parent_instance;

  BtPlan      *plan;
  BtChartKind  kind;
};

G_DEFINE_FINAL_TYPE (BtChartView, bt_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
current_style (BtChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  bt_chart_style_init (style, adw_style_manager_get_dark (manager) ? BT_CHART_THEME_DARK
                                                                   : BT_CHART_THEME_LIGHT);
  style->weekly_budget = bt_application_get_weekly_budget ();
}

static void
bt_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  BtChartView *self = BT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  BtChartStyle style;
  cairo_t *cr;
  GDate day;

  if (self->plan == NULL || width <= 0 || height <= 0)
    return;

  current_style (&style);
  bt_today (&day);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bt_chart_draw (self->kind, self->plan, &day, &style, cr, width, height);
  cairo_destroy (cr);
}

static char *
format_percent (double share)
{
  return g_strdup_printf (_("%d%%"), bt_number_percent (share));
}

/* A context to lay charts out with, drawing nowhere that matters. */
static cairo_t *
measuring_context (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);   /* the context keeps it */

  return cr;
}

/* What is under the pointer, in words. */
static char *
describe_at (BtChartView *self,
             double       x,
             double       y)
{
  cairo_t *cr = measuring_context ();
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  BtChartStyle style;
  char *text = NULL;
  GDate day;

  current_style (&style);
  bt_today (&day);

  switch (self->kind)
    {
    case BT_CHART_TIME:
      {
        BtTimeChartLayout layout;

        if (bt_time_chart_layout (self->plan, &day, &style, cr, width, height, &layout))
          {
            int index = bt_time_chart_bar_at (&layout, x);

            if (index >= 0 && y >= layout.plot.y && y <= layout.plot.y + layout.plot.height)
              {
                const BtTimeBar *bar = &g_array_index (layout.bars, BtTimeBar, index);
                GDate start;
                g_autofree char *when = NULL;
                g_autofree char *share = isnan (bar->share) ? g_strdup ("–") : format_percent (bar->share);

                g_date_clear (&start, 1);
                g_date_set_julian (&start, bar->first_day);
                if (layout.by_month)
                  {
                    char buf[64];
                    g_date_strftime (buf, sizeof buf, "%B %Y", &start);
                    when = g_strdup (buf);
                  }
                else
                  when = bt_iso_week_format_date (&start);

                if (layout.by_month)
                  /* TRANSLATORS: tooltip on the time chart: the month, its weeks' average tactical and strategic hours, the strategic share */
                  text = g_strdup_printf (_("%s\nTactical: %g h a week\nStrategic: %g h a week\nStrategic share: %s%s"),
                                          when, bt_number_round (bar->tactical, 1), bt_number_round (bar->strategic, 1),
                                          share, bar->below ? _("\nBelow the trajectory") : "");
                else
                  /* TRANSLATORS: tooltip on the time chart: the week, tactical and strategic hours, the strategic share */
                  text = g_strdup_printf (_("%s\nTactical: %g h\nStrategic: %g h\nStrategic share: %s%s"),
                                          when, bar->tactical, bar->strategic, share,
                                          bar->below ? _("\nBelow the trajectory") : "");
              }
            bt_time_chart_layout_clear (&layout);
          }
      }
      break;

    case BT_CHART_RELATIONSHIPS:
      {
        BtRelationshipMapLayout layout;

        if (bt_relationship_map_layout (self->plan, &day, &style, cr, width, height, &layout))
          {
            int index = bt_relationship_map_dot_at (&layout, x, y);

            if (index >= 0)
              {
                const BtMapDot *dot = &g_array_index (layout.dots, BtMapDot, index);
                BtRelationship *r = dot->relationship;
                GDate last, meeting;
                g_autofree char *planned = NULL;
                const char *state = dot->state == BT_RELATIONSHIP_OVERDUE ? _("Overdue") :
                                    dot->state == BT_RELATIONSHIP_DUE_SOON ? _("Due within a week") :
                                    !bt_analytics_last_touchpoint (r, &day, &last) ? _("No touchpoint yet") : _("In touch");

                if (dot->state != BT_RELATIONSHIP_OVERDUE && bt_analytics_next_meeting (r, &day, &meeting))
                  {
                    g_autofree char *when = bt_format_date (&meeting);

                    /* TRANSLATORS: a touchpoint dated after today */
                    state = planned = g_strdup_printf (_("Meeting planned %s"), when);
                  }

                /* TRANSLATORS: tooltip on the relationship map: name, role, function, strength, state */
                text = g_strdup_printf (_("%s\n%s · %s\nStrength %d of 5 · %s"),
                                        bt_relationship_get_name (r), bt_relationship_get_role (r),
                                        bt_enum_to_label (BT_TYPE_FUNCTION, bt_relationship_get_function (r)),
                                        bt_relationship_get_strength (r), state);
              }
            bt_relationship_map_layout_clear (&layout);
          }
      }
      break;

    case BT_CHART_TIMELINE:
      {
        BtTimelineLayout layout;

        if (bt_timeline_chart_layout (self->plan, &day, &style, cr, width, height, &layout))
          {
            for (guint i = 0; i < layout.markers->len; i++)
              {
                const BtTimelineMarker *m = &g_array_index (layout.markers, BtTimelineMarker, i);

                if (fabs (m->x - x) <= 8 && fabs (layout.spine_y - y) <= 8)
                  {
                    const GDate *date = bt_milestone_get_date (m->milestone);
                    g_autofree char *when = date ? bt_format_date (date) : g_strdup ("");
                    g_autofree char *status = bt_chart_row_milestone_status (m->milestone);

                    /* TRANSLATORS: tooltip on the roadmap: milestone, date, status */
                    text = g_strdup_printf (_("%s\n%s · %s"), bt_milestone_get_title (m->milestone), when,
                                            status);
                    break;
                  }
              }
            bt_timeline_chart_layout_clear (&layout);
          }
      }
      break;

    case BT_CHART_NARRATIVES:
    case BT_N_CHARTS:
    default:
      break;
    }

  cairo_destroy (cr);

  return text;
}

static gboolean
bt_chart_view_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip)
{
  BtChartView *self = BT_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->plan == NULL || keyboard)
    return FALSE;

  text = describe_at (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* The height a chart has on its page. The narratives chart takes only
 * what it needs of it: with a few narratives, the rest would be blank. */
#define CHART_HEIGHT 380

static GtkSizeRequestMode
bt_chart_view_get_request_mode (GtkWidget *widget)
{
  return BT_CHART_VIEW (widget)->kind == BT_CHART_NARRATIVES ? GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH
                                                             : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
bt_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BtChartView *self = BT_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;   /* the size request's */
      return;
    }

  *minimum = *natural = CHART_HEIGHT;

  if (self->kind == BT_CHART_NARRATIVES && self->plan != NULL && for_size > 0)
    {
      cairo_t *cr = measuring_context ();
      BtChartStyle style;

      current_style (&style);
      *minimum = *natural = (int) bt_narratives_chart_height (self->plan, &style, cr, for_size, CHART_HEIGHT);
      cairo_destroy (cr);
    }
}

static void
on_plan_changed_cb (BtChartView *self)
{
  /* A narrative or a business case more or less changes its height. */
  if (self->kind == BT_CHART_NARRATIVES)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bt_chart_view_dispose (GObject *object)
{
  BtChartView *self = BT_CHART_VIEW (object);

  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bt_chart_view_parent_class)->dispose (object);
}

static void
bt_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BtChartView *self = BT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BtChartView *self = BT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      bt_chart_view_set_kind (self, g_value_get_int (value));
      break;

    case PROP_PLAN:
      bt_chart_view_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_chart_view_class_init (BtChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_chart_view_dispose;
  object_class->get_property = bt_chart_view_get_property;
  object_class->set_property = bt_chart_view_set_property;

  widget_class->get_request_mode = bt_chart_view_get_request_mode;
  widget_class->measure = bt_chart_view_measure;
  widget_class->snapshot = bt_chart_view_snapshot;
  widget_class->query_tooltip = bt_chart_view_query_tooltip;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, BT_N_CHARTS - 1, BT_CHART_TIMELINE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         BT_TYPE_PLAN,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bt_chart_view_init (BtChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_size_request (GTK_WIDGET (self), 300, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bt_chart_kind_get_title (self->kind),
                                  -1);

  /* Light and dark need different colours: redraw when the style flips. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  /* The today line, the overdue states: a new day redraws them. */
  g_signal_connect_object (bt_clock_get_default (), "day-changed",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
bt_chart_view_new (BtChartKind kind)
{
  return g_object_new (BT_TYPE_CHART_VIEW, "kind", kind, NULL);
}

BtChartKind
bt_chart_view_get_kind (BtChartView *self)
{
  g_return_val_if_fail (BT_IS_CHART_VIEW (self), BT_CHART_TIMELINE);

  return self->kind;
}

void
bt_chart_view_set_kind (BtChartView *self,
                        BtChartKind  kind)
{
  g_return_if_fail (BT_IS_CHART_VIEW (self));
  g_return_if_fail (kind < BT_N_CHARTS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bt_chart_kind_get_title (kind),
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

BtPlan *
bt_chart_view_get_plan (BtChartView *self)
{
  g_return_val_if_fail (BT_IS_CHART_VIEW (self), NULL);

  return self->plan;
}

void
bt_chart_view_set_plan (BtChartView *self,
                        BtPlan      *plan)
{
  g_return_if_fail (BT_IS_CHART_VIEW (self));
  g_return_if_fail (plan == NULL || BT_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);

  g_set_object (&self->plan, plan);

  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}
