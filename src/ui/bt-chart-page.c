/* bt-chart-page.c — a page of the window: a chart over the list of its items
 *
 * The roadmap, time, relationships and narratives pages share this
 * layout; what the list holds, and how each row reads, follows from the
 * page's chart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-chart-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-chart-page.h"
#include "bt-row-title.h"
#include "bt-chart-row.h"
#include "bt-chart-view.h"
#include "bt-clock.h"
#include "bt-date-picker.h"
#include "bt-narrative-row.h"

struct _BtChartPage
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  BtChartView  *chart;
  GtkLabel     *list_title;
  GtkWidget    *add_button;
  GtkWidget    *week_popover;   /* "Record a Past Week", on the add button */
  GtkListBox   *list;
  GtkLabel     *list_placeholder;
  GtkWidget    *secondary_header;
  GtkLabel     *secondary_title;
  GtkWidget    *secondary_add_button;
  GtkListBox   *secondary_list;
  GtkLabel     *secondary_placeholder;
  GtkWidget    *rules_header;
  GtkWidget    *rules_explanation;
  GtkListBox   *rules_list;
  GtkWidget    *filter_bar;
  GtkEditable  *search_entry;
  GtkDropDown  *function_dropdown;
  GtkToggleButton *overdue_toggle;
  GtkFilter    *filter;
  GtkSorter    *milestone_sorter;   /* by date: a date edited sorts the list again */
  GtkSliceListModel *weeks_slice;   /* the latest weeks, until all are asked for */
  GtkWidget    *more_button;
  gboolean      bound;              /* lists built, once the page was shown */
  GtkSliceListModel *growing;       /* the main list, while its rows come a few at a time */
  guint         grow_id;
  guint         grow_step;         /* rows added in the next frame */
  gint64        grow_last_tick;    /* µs, of the frame clock */

  BtPlan       *plan;
  BtChartKind   kind;
  GListModel   *store;             /* where new items of the main list go */
  GType         item_type;
  GListModel   *secondary_store;
  GType         secondary_type;
};

G_DEFINE_FINAL_TYPE (BtChartPage, bt_chart_page, GTK_TYPE_WIDGET)

enum {
  OPEN_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_row (AdwActionRow *row)
{
  BtChartPage *self = g_object_get_data (G_OBJECT (row), "bt-page");
  BtItem *item = g_object_get_data (G_OBJECT (row), "bt-item");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  bt_chart_row_describe (self->plan, item, &title, &subtitle);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BtChartPage *self = user_data;
  GtkWidget *row;

  /* A narrative shows its words: the headline and each statement whole. */
  if (BT_IS_NARRATIVE (item) && self->plan != NULL)
    {
      row = bt_narrative_row_new (BT_NARRATIVE (item), self->plan);
      g_object_set_data (G_OBJECT (row), "bt-page", self);
      g_object_set_data_full (G_OBJECT (row), "bt-item", g_object_ref (item), g_object_unref);
      return row;
    }

  row = bt_row_title_new_row ();

  g_object_set_data (G_OBJECT (row), "bt-page", self);
  g_object_set_data_full (G_OBJECT (row), "bt-item", g_object_ref (item), g_object_unref);
  update_row (ADW_ACTION_ROW (row));
  g_signal_connect_object (item, "changed", G_CALLBACK (update_row), row, G_CONNECT_SWAPPED);

  /* Every row opens: weeks in the check-in, the rest in the editor. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
on_row_activated_cb (BtChartPage   *self,
                     GtkListBoxRow *row,
                     GtkListBox    *box)
{
  BtItem *item = g_object_get_data (G_OBJECT (row), "bt-item");
  GListModel *store = box == self->secondary_list ? self->secondary_store
                     : box == self->rules_list && self->plan != NULL ? bt_plan_get_import_rules (self->plan)
                     : self->store;

  if (item != NULL && BT_IS_WEEK (item) && self->plan != NULL)
    g_signal_emit (self, signals[OPEN_ITEM], 0, bt_plan_get_weeks (self->plan), item);
  else if (item != NULL && store != NULL)
    g_signal_emit (self, signals[OPEN_ITEM], 0, store, item);
}

static void
add_item (BtChartPage *self,
          GListModel  *store,
          GType        type)
{
  g_autoptr(BtItem) item = NULL;

  if (store == NULL || type == G_TYPE_INVALID)
    return;

  item = g_object_new (type, NULL);
  g_signal_emit (self, signals[OPEN_ITEM], 0, store, item);
}

/* The Sunday that ends this ISO week: the last day whose week can be
 * recorded. */
static void
end_of_this_week (GDate *date)
{
  bt_today (date);
  g_date_add_days (date, G_DATE_SUNDAY - g_date_get_weekday (date));
}

/* A day picked for "Record a Past Week": the check-in of its week opens,
 * for a week the plan has or one it has not yet. */
static void
on_week_day_picked_cb (BtDatePicker *picker,
                       const GDate  *picked,
                       BtChartPage  *self)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (picker), GTK_TYPE_POPOVER);
  g_autoptr(BtWeek) week = NULL;
  GDate now;
  int iso_year, number;

  if (self->plan == NULL)
    return;
  /* Time not spent yet cannot be recorded: weeks after this one cannot
   * be picked, and are refused if they are anyway. */
  end_of_this_week (&now);
  if (g_date_compare (picked, &now) > 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (picker));
      return;
    }

  bt_iso_week_of_date (picked, &iso_year, &number);
  week = bt_plan_find_week (self->plan, iso_year, number);
  if (week != NULL)
    g_object_ref (week);
  else
    week = bt_week_new (iso_year, number);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  g_signal_emit (self, signals[OPEN_ITEM], 0, bt_plan_get_weeks (self->plan), week);
}

/* The picker's weeks start on the day the preferences say. */
static void
on_week_popover_map_cb (GtkPopover  *popover,
                        BtChartPage *self)
{
  BtDatePicker *picker = g_object_get_data (G_OBJECT (popover), "bt-picker");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;

  GDate last;

  bt_date_picker_set_week_start (picker, settings != NULL && g_settings_get_enum (settings, "week-start") == 1
                                         ? G_DATE_SUNDAY : G_DATE_MONDAY);
  end_of_this_week (&last);
  bt_date_picker_set_last_day (picker, &last);
  /* Each time on this month, not on the one looked at last time: a week
   * recorded from there would be months off. */
  bt_date_picker_set_date (picker, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (picker));
}

static void
pick_past_week (BtChartPage *self)
{
  GtkWidget *popover = self->week_popover;

  if (popover == NULL)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *label = gtk_label_new (_("Pick a day of the week to record"));
      GtkWidget *limit = gtk_label_new (_("This week or one before it: time not spent yet cannot be recorded."));
      GtkWidget *picker = bt_date_picker_new ();

      gtk_widget_add_css_class (label, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Pick a day of the week to record"), -1);
      gtk_label_set_wrap (GTK_LABEL (limit), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (limit), 30);
      gtk_widget_add_css_class (limit, "dim-label");
      gtk_widget_add_css_class (limit, "caption");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      gtk_label_get_label (GTK_LABEL (limit)), -1);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), limit);
      gtk_box_append (GTK_BOX (box), picker);
      popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), box);
      gtk_widget_set_parent (popover, self->add_button);
      g_object_set_data (G_OBJECT (popover), "bt-picker", picker);
      g_signal_connect (picker, "day-picked", G_CALLBACK (on_week_day_picked_cb), self);
      g_signal_connect (popover, "map", G_CALLBACK (on_week_popover_map_cb), self);
      self->week_popover = popover;
      /* For the tests, which reach it through the button. */
      g_object_set_data (G_OBJECT (self->add_button), "bt-week-popover", popover);
    }

  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
on_add_clicked_cb (BtChartPage *self)
{
  if (self->kind == BT_CHART_TIME)
    pick_past_week (self);
  else
    add_item (self, self->store, self->item_type);
}

static void
on_secondary_add_clicked_cb (BtChartPage *self)
{
  add_item (self, self->secondary_store, self->secondary_type);
}

static void
on_rules_add_clicked_cb (BtChartPage *self)
{
  if (self->plan != NULL)
    add_item (self, bt_plan_get_import_rules (self->plan), BT_TYPE_IMPORT_RULE);
}

/* The import rules, on the Time page only. */
static void
bind_rules (BtChartPage *self,
            GListModel  *rules)
{
  gtk_widget_set_visible (self->rules_header, rules != NULL);
  gtk_widget_set_visible (self->rules_explanation, rules != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->rules_list), rules != NULL);
  gtk_list_box_bind_model (self->rules_list, rules, rules ? create_row : NULL, self, NULL);
}

/* The list is shown even while it is empty, its placeholder saying so:
 * a list hidden when empty would have to follow every change to appear
 * again with its first item. */
static void
bind_secondary (BtChartPage *self,
                GListModel  *store,
                GType        type,
                const char  *title,
                const char  *add_label,
                const char  *empty_text)
{
  self->secondary_store = store;
  self->secondary_type = type;
  gtk_widget_set_visible (self->secondary_header, store != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->secondary_list), store != NULL);
  gtk_list_box_bind_model (self->secondary_list, store, store ? create_row : NULL, self, NULL);
  if (store == NULL)
    return;

  gtk_label_set_label (self->secondary_placeholder, empty_text);
  gtk_label_set_label (self->secondary_title, title);
  gtk_widget_set_tooltip_text (self->secondary_add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->secondary_add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->secondary_list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static int
newest_week_first (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint sa = bt_week_get_serial ((BtWeek *) a), sb = bt_week_get_serial ((BtWeek *) b);

  return (sa < sb) - (sa > sb);
}

/* Milestones by date, as the roadmap draws them; those without a date last. */
static int
milestone_by_date (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const GDate *da = bt_milestone_get_date ((BtMilestone *) a);
  const GDate *db = bt_milestone_get_date ((BtMilestone *) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);

  return g_date_compare (da, db);
}

/* People shown: matching the search in name, role, function or notes, of the chosen
 * function, and overdue when asked. */
static gboolean
person_visible (gpointer item,
                gpointer user_data)
{
  BtChartPage *self = user_data;
  BtRelationship *r = item;
  const char *search = gtk_editable_get_text (self->search_entry);
  guint function = gtk_drop_down_get_selected (self->function_dropdown);

  if (function != GTK_INVALID_LIST_POSITION && function > 0 &&
      bt_relationship_get_function (r) != (BtFunction) (function - 1))
    return FALSE;

  if (gtk_toggle_button_get_active (self->overdue_toggle))
    {
      GDate day;

      bt_today (&day);
      if (bt_analytics_relationship_state (r, &day, NULL) != BT_RELATIONSHIP_OVERDUE)
        return FALSE;
    }

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      /* The function too, as its row shows it: "Finance" finds the people in finance. */
      g_autofree char *hay = g_strjoin ("\n", bt_relationship_get_name (r), bt_relationship_get_role (r),
                                         bt_enum_to_label (BT_TYPE_FUNCTION, bt_relationship_get_function (r)),
                                         bt_relationship_get_notes (r), bt_relationship_get_help_with (r), NULL);
      g_autofree char *folded = g_utf8_casefold (hay, -1);

      if (strstr (folded, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
on_filter_changed_cb (BtChartPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

/* Escape in the search: empty it, and everyone is shown again. */
static void
on_stop_search_cb (BtChartPage *self)
{
  gtk_editable_set_text (self->search_entry, "");
}

/* Whether a person is overdue changes with their touchpoints: filter
 * again when a person changed. Not when the plan's own lists changed: the
 * plan says so before its list does (see bt_item_list_splice()), and a
 * filter model that filtered the list in between would hear of its new
 * item twice, once from filtering and once from the list, and show the
 * person twice. It hears of added and removed people from the list. */
static void
on_plan_changed_cb (BtChartPage *self,
                    BtPlan      *plan)
{
  BtItem *changed = bt_item_get_changed_child (BT_ITEM (plan));

  if (BT_IS_RELATIONSHIP (changed))
    on_filter_changed_cb (self);
  else if (BT_IS_MILESTONE (changed) && self->milestone_sorter != NULL)
    gtk_sorter_changed (self->milestone_sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

/* Overdue milestones and people, and who the overdue filter shows, depend
 * on the day: a new day says them again. */
static void
on_day_changed_cb (BtChartPage *self)
{
  GtkListBox *lists[] = { self->list, self->secondary_list };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (lists[i]));
         row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_ACTION_ROW (row) && g_object_get_data (G_OBJECT (row), "bt-item") != NULL)
        update_row (ADW_ACTION_ROW (row));
  on_filter_changed_cb (self);
}

/* No one shown: because there is no one yet, or because of the search. */
static void
update_people_placeholder (BtChartPage *self)
{
  gboolean none = self->plan == NULL ||
                  g_list_model_get_n_items (bt_plan_get_relationships (self->plan)) == 0;

  gtk_label_set_label (self->list_placeholder, none ? _("No people yet: add the first with +.")
                                                    : _("No one matches the search and filters."));
}

#define RECENT_WEEKS 26

static void
on_more_clicked_cb (BtChartPage *self)
{
  if (self->weeks_slice != NULL)
    gtk_slice_list_model_set_size (self->weeks_slice, G_MAXUINT);
  gtk_widget_set_visible (self->more_button, FALSE);
}

/* "Show All Weeks" while some are left out, as weeks come and go. */
static void
update_more_button (BtChartPage *self)
{
  gboolean more = FALSE;

  if (self->weeks_slice != NULL)
    more = g_list_model_get_n_items (gtk_slice_list_model_get_model (self->weeks_slice)) >
           g_list_model_get_n_items (G_LIST_MODEL (self->weeks_slice));

  gtk_widget_set_visible (self->more_button, more);
}

/* What the page's add buttons say, known from its kind before any plan:
 * a screen reader names them even on a page not shown yet. */
static void
label_buttons (BtChartPage *self)
{
  const char *add = NULL, *secondary = NULL;
  const char *title = NULL, *secondary_title = NULL;

  switch (self->kind)
    {
    case BT_CHART_TIMELINE:
      add = _("Add Milestone");
      secondary = _("Add Phase");
      title = _("Milestones");
      secondary_title = _("Phases");
      break;
    case BT_CHART_TIME:
      add = _("Record a Past Week");
      secondary = _("Add Category");
      title = _("Weeks");
      secondary_title = _("Categories");
      break;
    case BT_CHART_RELATIONSHIPS:
      add = _("Add Person");
      /* TRANSLATORS: the people one keeps in touch with, not the people/HR function */
      title = C_("page", "People");
      break;
    case BT_CHART_NARRATIVES:
    case BT_N_CHARTS:
    default:
      add = _("Add Narrative");
      title = _("Narratives");
      break;
    }

  /* The headings too: an empty label would be read by its type name. */
  gtk_label_set_label (self->list_title, title);
  gtk_label_set_label (self->secondary_title, secondary_title ? secondary_title : "");

  /* A button that does nothing on this page still has a name. */
  gtk_widget_set_tooltip_text (self->add_button, add ? add : _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  add ? add : _("Add"), -1);
  gtk_widget_set_tooltip_text (self->secondary_add_button, secondary ? secondary : _("Add"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->secondary_add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  secondary ? secondary : _("Add"), -1);

  /* A plan from a newer version is shown, not changed: nothing to add to
   * it (an editor would open with every field greyed out). */
  {
    gboolean writable = self->plan != NULL && !bt_plan_get_read_only (self->plan);

    gtk_widget_set_sensitive (self->add_button, writable);
    gtk_widget_set_sensitive (self->secondary_add_button, writable);
  }
}

/* A long list gets its rows a few at a time, one step per frame: a
 * hundred rows made and laid out at once hold the window up for a few
 * hundred milliseconds when the page is first shown.  An idle source would
 * not do: the loop runs it many times between two frames, and the next
 * frame then lays out every row at once. */
#define FIRST_ROWS 12
#define FIRST_NARRATIVES 3
#define MAX_ROWS_PER_FRAME 8
/* µs between two frames above which the rows come fewer at a time: a
 * narrative's row, with its statements whole, takes longer than a person's. */
#define SLOW_FRAME_US 25000

static void
stop_growing (BtChartPage *self)
{
  if (self->grow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_id);
  self->grow_id = 0;
  g_clear_object (&self->growing);
}

static gboolean
grow_list_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  BtChartPage *self = BT_CHART_PAGE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  guint size;

  /* The last frame laid out the rows added before it: as many again if it
   * was quick, half as many if it was not. */
  if (self->grow_last_tick != 0 && now - self->grow_last_tick > SLOW_FRAME_US)
    self->grow_step = MAX (1, self->grow_step / 2);
  else if (self->grow_last_tick != 0)
    self->grow_step = MIN (MAX_ROWS_PER_FRAME, self->grow_step + 1);
  self->grow_last_tick = now;

  size = gtk_slice_list_model_get_size (self->growing) + self->grow_step;
  if (size < g_list_model_get_n_items (gtk_slice_list_model_get_model (self->growing)))
    {
      gtk_slice_list_model_set_size (self->growing, size);
      return G_SOURCE_CONTINUE;
    }

  /* All of it, and whatever is added later. */
  gtk_slice_list_model_set_size (self->growing, G_MAXUINT);
  g_clear_object (&self->growing);
  self->grow_id = 0;
  return G_SOURCE_REMOVE;
}

/* Takes @model; returns what to bind instead, owned by the caller. */
static GListModel *
grow_list (BtChartPage *self,
           GListModel  *model)
{
  /* A narrative's row is a screenful already. */
  guint first = self->kind == BT_CHART_NARRATIVES ? FIRST_NARRATIVES : FIRST_ROWS;

  stop_growing (self);
  if (model == NULL || g_list_model_get_n_items (model) <= first)
    return model;

  self->growing = gtk_slice_list_model_new (model, 0, first);
  self->grow_step = 1;
  self->grow_last_tick = 0;
  self->grow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_list_cb, NULL, NULL);
  return g_object_ref (G_LIST_MODEL (self->growing));
}

static void
rebind (BtChartPage *self)
{
  GListModel *model = NULL;
  const char *title = "";
  const char *add_label = NULL;
  const char *empty_text = "";

  bt_chart_view_set_kind (self->chart, self->kind);
  bt_chart_view_set_plan (self->chart, self->plan);
  label_buttons (self);

  /* Rows are built when the page is first shown, not with the plan:
   * start-up shows the overview only. */
  self->store = NULL;
  self->item_type = G_TYPE_INVALID;
  if (self->weeks_slice != NULL)
    g_signal_handlers_disconnect_by_func (gtk_slice_list_model_get_model (self->weeks_slice),
                                          update_more_button, self);
  g_clear_object (&self->weeks_slice);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Nothing of a plan that may go away stays bound meanwhile. */
      grow_list (self, NULL);
      gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
      bind_secondary (self, NULL, G_TYPE_INVALID, NULL, NULL, NULL);
      bind_rules (self, NULL);
      self->bound = FALSE;
      return;
    }
  self->bound = TRUE;

  bind_secondary (self, NULL, G_TYPE_INVALID, NULL, NULL, NULL);
  bind_rules (self, NULL);

  if (self->plan != NULL)
    switch (self->kind)
      {
      case BT_CHART_TIMELINE:
        if (self->milestone_sorter == NULL)
          self->milestone_sorter = GTK_SORTER (gtk_custom_sorter_new (milestone_by_date, NULL, NULL));
        model = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (bt_plan_get_milestones (self->plan)),
                                                       g_object_ref (self->milestone_sorter)));
        g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
        g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
        self->store = bt_plan_get_milestones (self->plan);
        self->item_type = BT_TYPE_MILESTONE;
        title = _("Milestones");
        add_label = _("Add Milestone");
        empty_text = _("No milestones yet: add the first with +.");
        bind_secondary (self, bt_plan_get_phases (self->plan), BT_TYPE_PHASE, _("Phases"), _("Add Phase"),
                        _("No phases yet: add the first with +."));
        break;

      case BT_CHART_TIME:
        /* The latest week is the one being worked on: it comes first; ten
         * years of weeks wait for "Show All Weeks". */
        {
          GListModel *sorted = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (bt_plan_get_weeks (self->plan)),
                                                                      GTK_SORTER (gtk_custom_sorter_new (newest_week_first,
                                                                                                         NULL, NULL))));
          self->weeks_slice = gtk_slice_list_model_new (sorted, 0, RECENT_WEEKS);
          g_signal_connect_object (sorted, "items-changed", G_CALLBACK (update_more_button),
                                   self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
          model = g_object_ref (G_LIST_MODEL (self->weeks_slice));
        }
        title = _("Weeks");
        add_label = _("Record a Past Week");
        empty_text = _("No weeks recorded yet: check in, or record a past week with +.");
        bind_secondary (self, bt_plan_get_categories (self->plan), BT_TYPE_CATEGORY,
                        _("Categories"), _("Add Category"), _("No categories yet: add the first with +."));
        bind_rules (self, bt_plan_get_import_rules (self->plan));
        break;

      case BT_CHART_RELATIONSHIPS:
        if (self->filter == NULL)
          self->filter = GTK_FILTER (gtk_custom_filter_new (person_visible, self, NULL));
        model = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (bt_plan_get_relationships (self->plan)),
                                                         g_object_ref (self->filter)));
        g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
        g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);
        self->store = bt_plan_get_relationships (self->plan);
        self->item_type = BT_TYPE_RELATIONSHIP;
        /* TRANSLATORS: the people one keeps in touch with, not the people/HR function */
        title = C_("page", "People");
        add_label = _("Add Person");
        g_signal_handlers_disconnect_by_func (bt_plan_get_relationships (self->plan), update_people_placeholder, self);
        g_signal_connect_object (bt_plan_get_relationships (self->plan), "items-changed",
                                 G_CALLBACK (update_people_placeholder), self, G_CONNECT_SWAPPED);
        break;

      case BT_CHART_NARRATIVES:
      case BT_N_CHARTS:
      default:
        model = g_object_ref (bt_plan_get_narratives (self->plan));
        self->store = bt_plan_get_narratives (self->plan);
        self->item_type = BT_TYPE_NARRATIVE;
        title = _("Narratives");
        add_label = _("Add Narrative");
        empty_text = _("No narratives yet: add the first with +.");
        break;
      }

  if (self->plan != NULL)
    gtk_label_set_label (self->list_title, title);
  gtk_label_set_label (self->list_placeholder, empty_text);
  if (self->kind == BT_CHART_RELATIONSHIPS)
    update_people_placeholder (self);
  update_more_button (self);
  gtk_widget_set_visible (self->filter_bar, self->kind == BT_CHART_RELATIONSHIPS && self->plan != NULL);
  gtk_widget_set_visible (self->add_button, add_label != NULL);
  if (add_label != NULL)
    {
      gtk_widget_set_tooltip_text (self->add_button, add_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
    }
  /* The weeks come sliced already. */
  if (self->kind != BT_CHART_TIME)
    model = grow_list (self, model);
  gtk_list_box_bind_model (self->list, model, model ? create_row : NULL, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->list), model != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_clear_object (&model);
}

static void
bt_chart_page_map (GtkWidget *widget)
{
  BtChartPage *self = BT_CHART_PAGE (widget);

  GTK_WIDGET_CLASS (bt_chart_page_parent_class)->map (widget);

  if (!self->bound)
    rebind (self);
}

static void
bt_chart_page_dispose (GObject *object)
{
  BtChartPage *self = BT_CHART_PAGE (object);

  g_clear_object (&self->weeks_slice);
  stop_growing (self);
  g_clear_pointer (&self->week_popover, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_CHART_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->filter);
  g_clear_object (&self->milestone_sorter);

  G_OBJECT_CLASS (bt_chart_page_parent_class)->dispose (object);
}

static void
bt_chart_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BtChartPage *self = BT_CHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_chart_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BtChartPage *self = BT_CHART_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      if (self->kind != (BtChartKind) g_value_get_int (value))
        {
          self->kind = g_value_get_int (value);
          rebind (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_chart_page_class_init (BtChartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_chart_page_dispose;
  object_class->get_property = bt_chart_page_get_property;
  object_class->set_property = bt_chart_page_set_property;
  widget_class->map = bt_chart_page_map;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, BT_N_CHARTS - 1, BT_CHART_TIMELINE,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BtChartPage::open-item:
   * @list: where the item is, or goes
   * @item: the item to edit; not yet in @list when it is a new one
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_LIST_MODEL, BT_TYPE_ITEM);

  g_type_ensure (BT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-chart-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, list_title);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, list);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, list_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, secondary_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, secondary_header);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, rules_header);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, rules_explanation);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, rules_list);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, secondary_title);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, secondary_add_button);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, secondary_list);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, function_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, BtChartPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_secondary_add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rules_add_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* Typing a letter anywhere in the page of people starts a search, as in
 * Files. Not GtkSearchEntry's key capture: in GTK 4.8 it takes Enter too,
 * and Enter on a person must open the person. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   BtChartPage           *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  char text[8] = { 0 };

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      !g_unichar_isgraph (c) ||
      (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus))) ||
      !bt_chart_page_focus_search (self))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (c, text);
  gtk_editable_set_text (self->search_entry, text);
  gtk_editable_set_position (self->search_entry, -1);
  return GDK_EVENT_STOP;
}

static void
bt_chart_page_init (BtChartPage *self)
{
  GtkEventController *keys;

  bt_application_add_icons ();
  g_autoptr(GtkStringList) functions = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_string_list_append (functions, _("All functions"));
  for (int f = 0; f < BT_N_FUNCTIONS; f++)
    gtk_string_list_append (functions, bt_enum_to_label (BT_TYPE_FUNCTION, f));
  gtk_drop_down_set_model (self->function_dropdown, G_LIST_MODEL (functions));
  rebind (self);
  g_signal_connect_object (bt_clock_get_default (), "day-changed", G_CALLBACK (on_day_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
bt_chart_page_set_plan (BtChartPage *self,
                        BtPlan      *plan)
{
  g_return_if_fail (BT_IS_CHART_PAGE (self));

  if (self->plan != NULL && self->plan != plan)
    {
      g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
      g_signal_handlers_disconnect_by_func (bt_plan_get_relationships (self->plan), update_people_placeholder, self);
    }

  if (g_set_object (&self->plan, plan))
    rebind (self);
}

/**
 * bt_chart_page_focus_search:
 *
 * Puts the keyboard in the page's search, for Ctrl+F.
 *
 * Returns: whether the page has a search: only the page of people does
 */
gboolean
bt_chart_page_focus_search (BtChartPage *self)
{
  g_return_val_if_fail (BT_IS_CHART_PAGE (self), FALSE);

  if (!gtk_widget_get_visible (self->filter_bar))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/**
 * bt_chart_page_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan the page shows
 */
BtPlan *
bt_chart_page_get_plan (BtChartPage *self)
{
  g_return_val_if_fail (BT_IS_CHART_PAGE (self), NULL);

  return self->plan;
}
