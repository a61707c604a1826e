/* bt-overview-page.c — what needs attention this week
 *
 * The strategic share against the trajectory, the trend and where it leads,
 * a plain warning when the user slides back, the next milestones, who is
 * overdue (with a one-click "log touchpoint"), narratives still in draft,
 * and the "new battlefield" signal when it applies. Rebuilt whenever the
 * plan changes; it holds a handful of rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-overview-page"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-number.h"
#include "bt-history.h"
#include "bt-overview-page.h"
#include "bt-row-title.h"
#include "bt-report.h"

#define MAX_ROWS 6

struct _BtOverviewPage
{
  GtkWidget             parent_instance;

  AdwPreferencesPage   *page;
  AdwPreferencesGroup  *goal_group;
  AdwActionRow         *goal_row;
  GtkWidget            *edit_goal_button;
  AdwPreferencesGroup  *numbers_group;
  AdwActionRow         *warning_row;
  AdwActionRow         *share_row;
  AdwActionRow         *trend_row;
  AdwActionRow         *projection_row;
  AdwPreferencesGroup  *signs_group;
  AdwPreferencesGroup  *milestones_group;
  AdwPreferencesGroup  *next_steps_group;
  AdwPreferencesGroup  *people_group;
  AdwPreferencesGroup  *narratives_group;

  GPtrArray            *dynamic_rows;   /* rows added by refresh () */
  BtPlan               *plan;
  BtHistory            *history;
  guint                 refresh_id;
  guint                 lower_id;       /* tick callback: the rows below the milestones */
  gboolean              lower_waited;   /* their first tick has gone by */
};

G_DEFINE_FINAL_TYPE (BtOverviewPage, bt_overview_page, GTK_TYPE_WIDGET)

enum {
  TOUCHPOINT_LOGGED,
  OPEN_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
percent (double share)
{
  return g_strdup_printf (_("%d%%"), bt_number_percent (share));
}

static void
add_row (BtOverviewPage      *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, g_object_ref (row));
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = bt_row_title_new_row ();
  g_autofree char *t = g_markup_escape_text (title, -1);
  g_autofree char *s = subtitle ? g_markup_escape_text (subtitle, -1) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), t);
  if (s != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s);

  return row;
}

static void
on_item_row_activated_cb (AdwActionRow *row,
                          BtItem       *item)
{
  BtOverviewPage *self = BT_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), BT_TYPE_OVERVIEW_PAGE));

  if (self != NULL)
    g_signal_emit (self, signals[OPEN_ITEM], 0, g_object_get_data (G_OBJECT (row), "bt-list"), item);
}

/* A row for @item of @list: activated (a click, Enter), it opens the
 * item's editor, as the item's own page does. */
static GtkWidget *
item_row (const char *title,
          const char *subtitle,
          GListModel *list,
          BtItem     *item)
{
  GtkWidget *row = text_row (title, subtitle);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bt-list", g_object_ref (list), g_object_unref);
  g_signal_connect_data (row, "activated", G_CALLBACK (on_item_row_activated_cb), g_object_ref (item),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return row;
}

static void
on_log_touchpoint_clicked_cb (GtkButton      *button,
                              BtRelationship *relationship)
{
  BtOverviewPage *self = BT_OVERVIEW_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button), BT_TYPE_OVERVIEW_PAGE));
  g_autoptr(BtTouchpoint) touchpoint = bt_touchpoint_new ();
  g_autofree char *message = NULL;
  GDate today;

  if (self == NULL || self->history == NULL)
    return;

  bt_today (&today);
  bt_touchpoint_set_date (touchpoint, &today);
  bt_history_begin (self->history, _("Log touchpoint"));
  bt_history_append (self->history, BT_ITEM (relationship), bt_relationship_get_touchpoints (relationship),
                     BT_ITEM (touchpoint));
  bt_history_end (self->history);

  /* TRANSLATORS: a toast after logging a touchpoint; %s is the person */
  message = g_strdup_printf (_("Touchpoint with %s logged for today"), bt_relationship_get_name (relationship));
  g_signal_emit (self, signals[TOUCHPOINT_LOGGED], 0, message);
}

/* The goal, at the top: what the trajectory and the projection aim for,
 * and where to change it. */
static void
show_goal (BtOverviewPage *self,
           BtProfile      *profile)
{
  const char *target_role = bt_profile_get_target_role (profile);
  const char *current_role = bt_profile_get_current_role (profile);
  const GDate *date = bt_profile_get_target_date (profile);
  g_autofree char *share = percent (bt_profile_get_target_share (profile));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (*target_role != '\0')
    title = g_markup_escape_text (target_role, -1);
  else
    title = g_strdup (_("No target role set yet"));

  if (date != NULL)
    {
      g_autofree char *when = bt_format_date (date);

      /* TRANSLATORS: the goal on the overview: a date, then a percentage */
      subtitle = g_strdup_printf (_("By %s, with %s of your time strategic"), when, share);
    }
  else
    /* TRANSLATORS: %s is a percentage */
    subtitle = g_strdup_printf (_("Aiming for %s of your time strategic; set a target date to see the trajectory"),
                                share);

  if (*current_role != '\0')
    {
      g_autofree char *from = g_strdup_printf (_("From %s"), current_role);
      g_autofree char *joined = g_strdup_printf ("%s · %s", from, subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&joined);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->goal_row), title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (self->goal_row, escaped);
  }
}

typedef struct
{
  BtRelationship *relationship;
  const GDate    *due;
} NextStep;

static int
compare_next_steps (gconstpointer a,
                    gconstpointer b)
{
  return g_date_compare (((const NextStep *) a)->due, ((const NextStep *) b)->due);
}

/* The next steps agreed with people, with a due date, soonest first. */
static void
show_next_steps (BtOverviewPage *self,
                 const GDate    *today)
{
  guint n;
  BtRelationship *const *relationships = bt_plan_peek_relationships (self->plan, &n);
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (NextStep));

  for (guint i = 0; i < n; i++)
    {
      NextStep step = { relationships[i], bt_relationship_get_next_step_due (relationships[i]) };

      if (step.due != NULL && *bt_relationship_get_next_step (relationships[i]) != '\0')
        g_array_append_val (steps, step);
    }
  g_array_sort (steps, compare_next_steps);

  for (guint i = 0; i < MIN (steps->len, MAX_ROWS); i++)
    {
      NextStep *step = &g_array_index (steps, NextStep, i);
      g_autofree char *when = bt_format_date (step->due);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (g_date_compare (step->due, today) < 0)
        /* TRANSLATORS: a next step agreed with someone: their name, then a date */
        subtitle = g_strdup_printf (_("With %s · was due %s"), bt_relationship_get_name (step->relationship), when);
      else
        /* TRANSLATORS: a next step agreed with someone: their name, then a date */
        subtitle = g_strdup_printf (_("With %s · due %s"), bt_relationship_get_name (step->relationship), when);

      /* the person the step is agreed with */
      row = item_row (bt_relationship_get_next_step (step->relationship), subtitle,
                      bt_plan_get_relationships (self->plan), BT_ITEM (step->relationship));
      if (g_date_compare (step->due, today) < 0)
        {
          adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
          gtk_widget_add_css_class (row, "warning");
        }
      add_row (self, self->next_steps_group, row);
    }
  if (steps->len > MAX_ROWS)
    {
      guint more = steps->len - MAX_ROWS;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);

      add_row (self, self->next_steps_group, text_row (text, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->next_steps_group), steps->len > 0);
}

static void refresh_lower (BtOverviewPage *self,
                           const GDate    *today);
static gboolean refresh_lower_cb (GtkWidget     *widget,
                                  GdkFrameClock *clock,
                                  gpointer       data);

/* @defer_lower: a new plan, whose rows below the milestones come a frame
 * later. */
static void
refresh (BtOverviewPage *self,
         gboolean        defer_lower)
{
  g_autoptr(GArray) shares = NULL;
  BtProfile *profile;
  BtTrajectory trajectory;
  BtTrend trend;
  const BtWeekShare *latest;
  GDate today, projected;
  guint below, shown = 0;

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
  if (self->lower_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->lower_id);
  self->lower_id = 0;

  if (self->plan == NULL)
    return;

  bt_today (&today);
  profile = bt_plan_get_profile (self->plan);
  shares = bt_analytics_week_shares (self->plan);
  trajectory = bt_analytics_trajectory (self->plan, shares, bt_application_get_weekly_budget ());
  trend = bt_analytics_trend (shares, &today, BT_TREND_WEEKS, bt_application_get_weekly_budget ());
  latest = bt_analytics_latest_share (shares, &today);
  below = bt_analytics_weeks_below (shares, &trajectory, &today, bt_application_get_weekly_budget ());

  show_goal (self, profile);

  /* Your time */
  {
    BtWeeksCovered covered = bt_analytics_weeks_covered (latest, &today);
    g_autofree char *share = latest ? percent (latest->rolling)
                                    : g_strdup (_("No hours recorded yet: check in at the end of the week"));
    g_autofree char *notice = bt_weeks_covered_notice (&covered);
    g_autofree char *trend_text = NULL;
    g_autofree char *projection = NULL;

    /* Hours that stopped weeks ago: the share is of the weeks it covers,
     * and the row says since when nothing was recorded. */
    if (covered.stale)
      {
        g_autofree char *span = bt_weeks_covered_span (&covered);
        /* TRANSLATORS: a strategic share, then the weeks it covers, "40% in weeks 40 to 43" */
        char *covering = g_strdup_printf (_("%s in %s"), share, span);

        g_free (share);
        share = covering;
      }

    if (trajectory.valid && latest != NULL)
      {
        g_autofree char *at = percent (bt_trajectory_at (&trajectory, &today));
        g_autofree char *goal = percent (bt_profile_get_target_share (profile));
        g_autofree char *text = g_strdup_printf (_("%s — the trajectory is at %s today, heading for %s"),
                                                 share, at, goal);

        g_free (share);
        share = g_steal_pointer (&text);
      }
    if (notice != NULL)
      {
        char *both = g_strdup_printf ("%s\n%s", share, notice);

        g_free (share);
        share = both;
      }
    adw_action_row_set_subtitle (self->share_row, share);

    if (trend.enough && covered.stale)
      {
        g_autofree char *slope = bt_number_format_signed (trend.slope, 1);

        /* TRANSLATORS: the trend of the strategic share up to the last week with hours, long gone;
         * %s is a change with its sign, "+1.2" or "−1.2" */
        trend_text = g_strdup_printf (_("%s points a month over %u weeks with hours up to week %d"),
                                      slope, trend.n_points, covered.last_week);
      }
    else if (trend.enough)
      {
        g_autofree char *slope = bt_number_format_signed (trend.slope, 1);

        /* TRANSLATORS: %s is a change with its sign, "+1.2" or "−1.2" */
        trend_text = g_strdup_printf (_("%s points a month over the last %u weeks with hours"), slope, trend.n_points);
      }
    else
      trend_text = bt_analytics_trend_shortfall (&trend);
    adw_action_row_set_subtitle (self->trend_row, trend_text);

    switch (bt_analytics_projection (&trend, bt_profile_get_target_share (profile), &projected))
      {
      case BT_PROJECTION_REACHED:
        projection = g_strdup (_("Reached: the trend is at or above your target share"));
        break;
      case BT_PROJECTION_ON_DATE:
        projection = bt_format_date (&projected);
        if (covered.stale)
          {
            /* TRANSLATORS: a projected date, then the last week of hours the trend goes up to */
            char *until = g_strdup_printf (_("%s, at the trend up to week %d"), projection, covered.last_week);

            g_free (projection);
            projection = until;
          }
        break;
      case BT_PROJECTION_NEVER:
        projection = g_strdup (_("Not at the current trend"));
        break;
      case BT_PROJECTION_UNKNOWN:
      default:
        /* TRANSLATORS: the projected date when the target share is reached, with too few weeks to tell */
        projection = g_strdup_printf (_("Not enough weeks yet: at least %u whole weeks of hours are needed"),
                                      BT_TREND_MIN_WEEKS);
        break;
      }
    adw_action_row_set_subtitle (self->projection_row, projection);

    gtk_widget_set_visible (GTK_WIDGET (self->warning_row), below >= 2);
    if (below >= 2)
      {
        g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Sliding back: the last %u week with hours was below the trajectory",
                                                               "Sliding back: the last %u weeks with hours were all below the trajectory",
                                                               below), below);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->warning_row), title);
        /* The share above is of four weeks together, and may be over the
         * trajectory while each of the last weeks is under it: say which
         * this is. */
        adw_action_row_set_subtitle (self->warning_row,
                                     _("Each of those weeks on its own, not the four weeks together. "
                                       "Where did the tactical hours come from? What could you hand over?"));
      }
  }

  /* The warning signs the check-ins rate, and which way each goes. */
  {
    BtSignTrend signs[BT_N_WARNING_SIGNS];
    gboolean any = FALSE;

    bt_analytics_warning_signs (self->plan, signs);
    for (guint i = 0; i < BT_N_WARNING_SIGNS; i++)
      {
        g_autofree char *subtitle = bt_sign_trend_describe (&signs[i]);
        GtkWidget *row;

        if (subtitle == NULL)
          continue;

        row = text_row (bt_warning_sign_name (i), subtitle);
        if (bt_sign_trend_growing (&signs[i]))
          {
            adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
            gtk_widget_add_css_class (row, "warning");
          }
        add_row (self, self->signs_group, row);
        any = TRUE;
      }
    gtk_widget_set_visible (GTK_WIDGET (self->signs_group), any);
  }

  /* Next milestones: overdue and open ones, by date. */
  {
    GListModel *milestones = bt_plan_get_milestones (self->plan);
    g_autoptr(GPtrArray) next = bt_analytics_next_milestones (self->plan, &today);

    for (guint i = 0; i < next->len && shown < MAX_ROWS; i++)
      {
        BtMilestone *m = g_ptr_array_index (next, i);
        BtMilestoneStatus status = bt_milestone_get_status (m);
        const GDate *date = bt_milestone_get_date (m);
        g_autofree char *when = NULL;
        g_autofree char *subtitle = NULL;

        when = bt_format_date (date);
        subtitle = bt_analytics_milestone_overdue (m, &today)
                   ? g_strdup_printf (_("%s · overdue"), when)
                   : g_strdup_printf ("%s · %s", when, bt_enum_to_label (BT_TYPE_MILESTONE_STATUS, status));
        add_row (self, self->milestones_group, item_row (bt_milestone_get_title (m), subtitle, milestones, BT_ITEM (m)));
        shown++;
      }
    if (g_list_model_get_n_items (milestones) == 0)
      add_row (self, self->milestones_group,
               text_row (_("No milestones yet"),
                         _("Add the steps toward your goal on the Roadmap page, each with a date")));
    else if (shown == 0)
      add_row (self, self->milestones_group, text_row (_("No open milestones"), NULL));
  }

  /* A plan opened into the window shows its first rows in one frame and
   * the rest in the next: each row's text is shaped when it is first laid
   * out, and all of them at once held that frame up for 70 ms with a
   * ten-year plan. */
  if (defer_lower)
    {
      self->lower_waited = FALSE;
      self->lower_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), refresh_lower_cb, NULL, NULL);
    }
  else
    refresh_lower (self, &today);
}

/* What comes below the milestones: the next steps, the people overdue and
 * the narratives in draft. */
static void
refresh_lower (BtOverviewPage *self,
               const GDate    *today)
{
  guint shown = 0;

  show_next_steps (self, today);

  /* Overdue relationships, each with "log touchpoint"; the count says when
   * to stop looking, and how many more there are. */
  {
    GListModel *relationships = bt_plan_get_relationships (self->plan);
    guint counts[BT_N_RELATIONSHIP_STATES];
    guint overdue;

    bt_analytics_count_relationships (self->plan, today, counts);
    overdue = counts[BT_RELATIONSHIP_OVERDUE];

    for (guint i = 0; i < g_list_model_get_n_items (relationships) && shown < MIN (overdue, MAX_ROWS); i++)
      {
        g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
        GDate last;
        g_autofree char *subtitle = NULL;
        GtkWidget *row, *button;

        if (bt_analytics_relationship_state (r, today, NULL) != BT_RELATIONSHIP_OVERDUE)
          continue;

        /* Overdue means a touchpoint there was: say when, and how late.
         * Someone without a role gets no " · " before the rest. */
        if (bt_analytics_last_touchpoint (r, today, &last))
          {
            g_autofree char *when = bt_format_date (&last);
            guint late = bt_analytics_days_overdue (r, today);
            g_autofree char *state = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   /* TRANSLATORS: %s is a date */
                                                                   "Last touchpoint %s, overdue by %u day",
                                                                   "Last touchpoint %s, overdue by %u days",
                                                                   late), when, late);
            GDate meeting;

            /* booked, but after the day it was due */
            if (bt_analytics_next_meeting (r, today, &meeting))
              {
                g_autofree char *on = bt_format_date (&meeting);
                /* TRANSLATORS: how late someone is, then the date of a meeting planned with them */
                char *planned = g_strdup_printf (_("%s · meeting planned %s"), state, on);

                g_free (state);
                state = planned;
              }

            if (*bt_relationship_get_role (r) != '\0')
              subtitle = g_strdup_printf ("%s · %s", bt_relationship_get_role (r), state);
            else
              subtitle = g_steal_pointer (&state);
          }

        row = item_row (bt_relationship_get_name (r), subtitle, relationships, BT_ITEM (r));
        button = gtk_button_new_with_mnemonic (_("_Log Touchpoint"));
        gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL); /* not "_Log Touchpoint Log Touchpoint" (GTK 4.8) */
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_set_tooltip_text (button, _("Record that you were in touch today"));
        gtk_widget_set_sensitive (button, !bt_plan_get_read_only (self->plan));
        g_signal_connect_object (button, "clicked", G_CALLBACK (on_log_touchpoint_clicked_cb), r, 0);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        /* the button before the row's arrow */
        gtk_widget_insert_after (button, gtk_widget_get_parent (button), NULL);
        add_row (self, self->people_group, row);
        shown++;
      }
    if (g_list_model_get_n_items (relationships) == 0)
      add_row (self, self->people_group,
               text_row (_("Nobody yet"),
                         _("Add the people across the company you want to be in touch with on the People page")));
    else if (shown == 0)
      add_row (self, self->people_group, text_row (_("Nobody is overdue"), NULL));
    else if (overdue > shown)
      {
        g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                              overdue - shown), overdue - shown);
        add_row (self, self->people_group, text_row (more, NULL));
      }
  }

  /* Narratives still in draft, and the signal about the organisation. */
  shown = 0;
  {
    GListModel *narratives = bt_plan_get_narratives (self->plan);

    for (guint i = 0; i < g_list_model_get_n_items (narratives) && shown < MAX_ROWS; i++)
      {
        g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);
        const char *audience = bt_narrative_get_audience (n);
        g_autofree char *subtitle = NULL;

        if (bt_narrative_get_status (n) != BT_NARRATIVE_DRAFT)
          continue;
        subtitle = *audience ? g_strdup_printf (_("Draft for %s: share it"), audience) : g_strdup (_("Draft: share it"));
        add_row (self, self->narratives_group, item_row (bt_narrative_get_title (n), subtitle, narratives, BT_ITEM (n)));
        shown++;
      }

    if (bt_analytics_new_battlefield (self->plan, today))
      add_row (self, self->narratives_group,
               text_row (_("A signal worth a conversation"),
                         _("Several business cases were turned down over six months or more, and none "
                           "funded. This organisation may not be ready to let you grow; ask where your "
                           "case would land.")));
    else if (g_list_model_get_n_items (narratives) == 0)
      add_row (self, self->narratives_group,
               text_row (_("No narratives yet"),
                         _("Write the story of your team’s business value you want the company to hear, "
                           "on the Narratives page")));
    else if (shown == 0)
      add_row (self, self->narratives_group, text_row (_("Every narrative has been shared"), NULL));
  }
}

static gboolean
refresh_lower_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  BtOverviewPage *self = BT_OVERVIEW_PAGE (widget);
  GDate today;

  /* The first tick comes before the layout of the frame the first rows
   * are in: the rest wait for the next one. */
  if (!self->lower_waited)
    {
      self->lower_waited = TRUE;
      return G_SOURCE_CONTINUE;
    }

  self->lower_id = 0;
  bt_today (&today);
  refresh_lower (self, &today);

  return G_SOURCE_REMOVE;
}

static gboolean
refresh_idle_cb (gpointer data)
{
  BtOverviewPage *self = data;

  self->refresh_id = 0;
  refresh (self, FALSE);

  return G_SOURCE_REMOVE;
}

/* Many changes can arrive at once (an import, an undo): refresh once. */
static void
on_plan_changed_cb (BtOverviewPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
bt_overview_page_dispose (GObject *object)
{
  BtOverviewPage *self = BT_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (bt_overview_page_parent_class)->dispose (object);
}

static void
bt_overview_page_class_init (BtOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_overview_page_dispose;

  /**
   * BtOverviewPage::touchpoint-logged:
   * @message: what to tell the user
   *
   * Emitted after a touchpoint was logged from the page.
   */
  signals[TOUCHPOINT_LOGGED] = g_signal_new ("touchpoint-logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BtOverviewPage::open-item:
   * @list: where the item is
   * @item: the item a row shows
   *
   * Emitted when a row of a milestone, a person or a narrative is
   * activated: the item's editor is to open.
   */
  signals[OPEN_ITEM] = g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_LIST_MODEL, BT_TYPE_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, page);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, goal_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, goal_row);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, edit_goal_button);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, numbers_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, warning_row);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, share_row);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, trend_row);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, projection_row);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, signs_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, milestones_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, next_steps_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, people_group);
  gtk_widget_class_bind_template_child (widget_class, BtOverviewPage, narratives_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bt_overview_page_init (BtOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  {
    AdwActionRow *rows[] = { self->goal_row, self->warning_row, self->share_row, self->trend_row,
                             self->projection_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      bt_row_title_adopt (rows[i]);
  }
  self->dynamic_rows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Overdue, the week's share and the weeks not recorded depend on the day. */
  g_signal_connect_object (bt_clock_get_default (), "day-changed", G_CALLBACK (on_plan_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
bt_overview_page_set_history (BtOverviewPage *self,
                              BtHistory      *history)
{
  g_return_if_fail (BT_IS_OVERVIEW_PAGE (self));

  g_set_object (&self->history, history);
}

void
bt_overview_page_set_plan (BtOverviewPage *self,
                           BtPlan         *plan)
{
  g_return_if_fail (BT_IS_OVERVIEW_PAGE (self));

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);

  if (g_set_object (&self->plan, plan) && plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self, TRUE);
}
