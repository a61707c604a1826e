/* test-first-start.c — the first start on a fresh home folder, and the goal
 *
 * No plan at the default place: the window offers a plan of one's own or
 * the sample. The own plan is written there with the goal typed in the
 * goal dialog; the sample is marked as such and written nowhere. The goal
 * dialog changes the profile as one undoable step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "bt-clock.h"
#include "bt-test-widgets.h"

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-check-in-dialog.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include <json-glib/json-glib.h>

#include "bt-goal-dialog.h"
#include "bt-overview-page.h"
#include "bt-plan-file.h"
#include "bt-preferences-window.h"
#include "bt-window-private.h"

static gboolean
welcome_shown (gpointer data)
{
  BtWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "welcome") == 0;
}

static gboolean
plan_shown (gpointer data)
{
  BtWindow *window = data;

  return window->plan != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "plan") == 0;
}

/* The first shown toplevel of @type, or NULL. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        return w;
    }

  return NULL;
}

static gboolean
goal_dialog_shown (gpointer data)
{
  return find_toplevel (BT_TYPE_GOAL_DIALOG) != NULL;
}

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GtkWidget *found = (GtkWidget *) gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (found);

  return found;
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* The button on the first-start page that activates @action. */
static GtkWidget *
welcome_button (BtWindow   *window,
                const char *action)
{
  GtkWidget *button = bt_test_find_match (GTK_WIDGET (window->welcome_page), is_button_for, action);

  g_assert_nonnull (button);

  return button;
}

static void
on_test_clicked (GtkButton *button,
                 gpointer   data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
click (GtkWidget *button)
{
  g_autoptr(GtkWidget) held = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong id = g_signal_connect (button, "clicked", G_CALLBACK (on_test_clicked), &clicked);

  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  /* A button activated by the keyboard clicks once it has shown the
   * press, a timeout later; a slow frame under a sanitizer must not let
   * the test look before then. */
  g_assert_true (bt_test_wait_until (flag_set, &clicked, 10));
  /* The click may have closed the dialog, and its handlers with it. */
  if (g_signal_handler_is_connected (button, id))
    g_signal_handler_disconnect (button, id);
  bt_test_spin (100);
}

typedef struct
{
  GtkWidget  *root;
  const char *title;
} RowIn;

static gboolean
row_found (gpointer data)
{
  RowIn *r = data;

  return bt_test_find_row (r->root, r->title) != NULL;
}

static gboolean
focus_in_fields (gpointer dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && gtk_widget_get_ancestor (focus, ADW_TYPE_PREFERENCES_PAGE) != NULL;
}

static gboolean
popover_mapped (gpointer menu)
{
  GtkPopover *popover = gtk_menu_button_get_popover (menu);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
subtitle_has_60 (gpointer row)
{
  const char *subtitle = adw_action_row_get_subtitle (row);

  return subtitle != NULL && strstr (subtitle, "60%") != NULL;
}

static gboolean
is_day_button (GtkWidget     *widget,
               gconstpointer  date)
{
  return GTK_IS_BUTTON (widget) &&
         GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "bt-julian")) == g_date_get_julian (date);
}

/* Picks @date in the dialog's date picker, as a click on the day does. */
static void
pick_target_date (GtkWidget   *dialog,
                  const GDate *date)
{
  GtkWidget *picker = child (dialog, BT_TYPE_GOAL_DIALOG, "picker");
  GtkWidget *day;

  g_assert_true (BT_IS_DATE_PICKER (picker));
  bt_date_picker_set_date (BT_DATE_PICKER (picker), date);
  day = bt_test_find_match (picker, is_day_button, date);
  g_assert_nonnull (day);
  g_signal_emit_by_name (day, "clicked");
  /* The day picked is written into the field beside the button. */
  {
    g_autofree char *shown = bt_date_picker_format (date);

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "target_date_row"))), ==,
                     shown);
  }
}

static void
type_into (GtkWidget  *dialog,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, row)), text);
}

static void
set_spin (GtkWidget  *dialog,
          const char *spin,
          const char *text)
{
  GtkWidget *button = child (dialog, BT_TYPE_GOAL_DIALOG, spin);

  gtk_editable_set_text (GTK_EDITABLE (button), text);
}

static GDate
days_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_assert_true (bt_date_from_time (now, &date));
  g_date_add_days (&date, days);

  return date;
}

/* Journey 1: start a plan of my own. */
/* The label of the item of @model (or of its submenus and sections) that
 * activates @action with @target; NULL when there is none. */
static char *
menu_label (GMenuModel *model,
            const char *action,
            const char *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *t = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      const char *name;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &a) &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_TARGET, "s", &t) &&
          g_str_equal (a, action) && g_str_equal (t, target))
        {
          char *label = NULL;

          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          return label;
        }
      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (links, &name, &link))
        {
          char *label = menu_label (link, action, target);

          g_object_unref (link);
          if (label != NULL)
            return label;
        }
    }

  return NULL;
}

static void
test_own_plan (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_plan_file_default_path ();
  BtWindow *window = bt_window_new (BT_APPLICATION (app), NULL);
  GDate target = days_from_today (730);
  g_autoptr(BtPlan) saved = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog, *row;
  BtProfile *profile;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (welcome_shown, window, 10));
  bt_test_spin (300);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "first-start"), >, 2);
  g_assert_null (window->plan);

  click (welcome_button (window, "win.start-own-plan"));
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  /* The focus is in the first field, not on the header bar's Cancel. */
  g_assert_true (bt_test_wait_until (focus_in_fields, dialog, 10));
  /* The usual categories are offered, and kept unless the user says no. */
  g_assert_true (gtk_widget_get_visible (child (dialog, BT_TYPE_GOAL_DIALOG, "categories_group")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (dialog, BT_TYPE_GOAL_DIALOG, "categories_switch"))));

  type_into (dialog, "name_row", "Ada Director");
  type_into (dialog, "current_role_row", "Director of Platform Engineering");
  type_into (dialog, "target_role_row", "VP Engineering");
  pick_target_date (dialog, &target);
  set_spin (dialog, "share_spin", "50");
  /* + on the empty birth year offers a year a director may have been born
   * in, not year 1. */
  {
    GtkSpinButton *birth = GTK_SPIN_BUTTON (child (dialog, BT_TYPE_GOAL_DIALOG, "birth_year_spin"));
    GDate today;

    bt_today (&today);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (birth), ==, 0);
    gtk_spin_button_spin (birth, GTK_SPIN_STEP_FORWARD, 1);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (birth), >=, g_date_get_year (&today) - 70);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (birth), <=, g_date_get_year (&today) - 20);
    gtk_spin_button_spin (birth, GTK_SPIN_STEP_FORWARD, 1);
    g_assert_cmpint (gtk_spin_button_get_value_as_int (birth), ==, g_date_get_year (&today) - 44);
  }
  set_spin (dialog, "birth_year_spin", "1980");
  bt_test_spin (300);
  g_assert_cmpuint (bt_test_screenshot (dialog, "goal-dialog-first-start"), >, 2);
  /* Enter in a one-line field saves, as in GNOME dialogs. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "name_row"))),
                         "activate");

  g_assert_true (bt_test_wait_until (plan_shown, window, 10));
  g_assert_false (window->sample);
  g_assert_cmpstr (bt_window_get_path (window), ==, path);

  /* Written at the default place at once, with the goal and categories. */
  saved = bt_plan_file_load (path, &error);
  g_assert_no_error (error);
  profile = bt_plan_get_profile (saved);
  g_assert_cmpstr (bt_profile_get_name (profile), ==, "Ada Director");
  g_assert_cmpstr (bt_profile_get_current_role (profile), ==, "Director of Platform Engineering");
  g_assert_cmpstr (bt_profile_get_target_role (profile), ==, "VP Engineering");
  g_assert_nonnull (bt_profile_get_target_date (profile));
  g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &target), ==, 0);
  g_assert_cmpfloat_with_epsilon (bt_profile_get_target_share (profile), 0.5, 1e-9);
  /* The currency shown, the locale's, is kept in the file: opened under
   * another locale, the plan's amounts stay in it. */
  {
    g_autofree char *contents = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *file_profile;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_true (json_parser_load_from_data (parser, contents, -1, NULL));
    file_profile = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "profile");
    g_assert_cmpstr (json_object_get_string_member_with_default (file_profile, "currency", "(none)"), ==, "EUR");
  }
  g_assert_cmpint (bt_profile_get_birth_year (profile), ==, 1980);
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_categories (saved)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bt_plan_get_relationships (saved)), ==, 0);

  /* The overview of an empty plan says what to do, claims nothing. */
  g_assert_true (bt_test_wait_until (row_found, &(RowIn) { GTK_WIDGET (window), "Nobody yet" }, 10));
  bt_test_spin (500);   /* for the screenshot */
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "overview-empty-own-plan"), >, 2);
  row = bt_test_find_row (GTK_WIDGET (window), "VP Engineering");
  g_assert_nonnull (row);
  g_assert_nonnull (bt_test_find_row (GTK_WIDGET (window), "No milestones yet"));
  g_assert_nonnull (bt_test_find_row (GTK_WIDGET (window), "Nobody yet"));
  /* It sends to the page by the name the window gives it, as do the
   * export menus. */
  {
    AdwViewStack *stack = ADW_VIEW_STACK (bt_test_find (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
    AdwViewStackPage *people = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "relationships"));
    const char *title = adw_view_stack_page_get_title (people);
    g_autofree char *where = g_strdup_printf ("on the %s page", title);
    GtkWidget *nobody = bt_test_find_row (GTK_WIDGET (window), "Nobody yet");
    g_autofree char *chart = menu_label (window->primary_menu, "win.export-chart", "relationships");
    g_autofree char *json = menu_label (window->primary_menu, "win.export-json", "relationships");

    g_assert_cmpstr (title, ==, "People");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (nobody)), where));
    g_autofree char *opens_dialog = g_strconcat (title, "…", NULL);

    /* The export items open a file dialog: "People…" */
    g_assert_cmpstr (chart, ==, opens_dialog);
    g_assert_cmpstr (json, ==, opens_dialog);
  }
  g_assert_nonnull (bt_test_find_row (GTK_WIDGET (window), "No narratives yet"));
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Every narrative has been shared"));
  g_assert_null (bt_test_find_row (GTK_WIDGET (window), "Nobody is overdue"));
  {
    GtkWidget *page = bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE);

    g_assert_false (gtk_widget_get_visible (child (page, BT_TYPE_OVERVIEW_PAGE, "warning_row")));
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sample_banner)));

  gtk_window_destroy (GTK_WINDOW (window));

  /* Reopened: the plan, not the first start. */
  window = bt_window_new (BT_APPLICATION (app), NULL);
  g_assert_true (bt_test_wait_until (plan_shown, window, 10));
  g_assert_cmpstr (bt_profile_get_target_role (bt_plan_get_profile (window->plan)), ==, "VP Engineering");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Journey 2: explore the sample; it is marked, and written nowhere. */
static void
test_sample (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_plan_file_default_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), NULL);
  g_autoptr(BtRelationship) first = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bt_test_wait_until (welcome_shown, window, 10));
  click (welcome_button (window, "win.explore-sample"));
  g_assert_true (bt_test_wait_until (plan_shown, window, 10));

  g_assert_true (window->sample);
  g_assert_null (bt_window_get_path (window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->sample_banner)));
  g_assert_true (gtk_revealer_get_reveal_child (window->sample_banner));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)), "Sample"));
  g_assert_nonnull (strstr (adw_view_switcher_title_get_subtitle (window->switcher_title), "not saved"));
  bt_test_spin (500);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "sample"), >, 2);

  /* The sample looks kept up to today: its last week is last week. */
  {
    GListModel *weeks = bt_plan_get_weeks (window->plan);
    g_autoptr(BtWeek) last = g_list_model_get_item (weeks, g_list_model_get_n_items (weeks) - 1);
    GDate today, monday;
    int year, week;

    bt_today (&today);
    bt_iso_week_of_date (&today, &year, &week);
    bt_iso_week_monday (year, week, &monday);
    g_date_subtract_days (&monday, 7);
    g_assert_cmpint (g_date_compare (bt_week_get_monday (last), &monday), ==, 0);
  }

  /* The sample slides back in its last weeks while its four-week share is
   * over the trajectory: the warning says it counts the weeks one by one. */
  {
    GtkWidget *page = bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE);
    GtkWidget *warning = child (page, BT_TYPE_OVERVIEW_PAGE, "warning_row");

    g_assert_true (gtk_widget_get_visible (warning));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (warning)),
                              "Each of those weeks on its own, not the four weeks together."));
  }

  /* A check-in in the sample: the toast does not say it was saved. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */
    GtkWidget *dialog = NULL;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
    bt_test_spin (200);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

        if (BT_IS_CHECK_IN_DIALOG (w))
          dialog = w;
      }
    g_assert_nonnull (dialog);
    click (GTK_WIDGET (gtk_widget_get_template_child (dialog, BT_TYPE_CHECK_IN_DIALOG, "save_button")));
    bt_test_spin (200);
    g_assert_nonnull (bt_test_find_match (GTK_WIDGET (window), is_label_text,
                                          "Check-in added to the sample, which is not saved"));
    g_assert_null (bt_test_find_match (GTK_WIDGET (window), is_label_text, "Check-in saved"));
  }

  /* A change, autosave's pause, and closing: nothing at the user's path. */
  first = g_list_model_get_item (bt_plan_get_relationships (window->plan), 0);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Changed In The Sample");
  bt_history_set (window->history, first, "name", &value);
  bt_test_spin ((AUTOSAVE_SECONDS + 1) * 1000);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  {
    gboolean kept_open = TRUE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_false (kept_open);
  }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Journey 3: the goal changes through the dialog, as one step to undo. */
static void
test_goal_dialog_undo (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), file);
  BtProfile *profile;
  GDate before_date, later;
  double before_share;
  BtTrajectory trajectory;
  GtkWidget *dialog;

  g_assert_true (bt_test_wait_until (plan_shown, window, 10));
  gtk_window_present (GTK_WINDOW (window));
  profile = bt_plan_get_profile (window->plan);
  g_assert_nonnull (bt_profile_get_target_date (profile));
  before_date = *bt_profile_get_target_date (profile);
  before_share = bt_profile_get_target_share (profile);
  later = before_date;
  g_date_add_months (&later, 6);

  /* From the overview's "Your goal" */
  click (child (bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE), BT_TYPE_OVERVIEW_PAGE,
                "edit_goal_button"));
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  /* The share is shown as a percentage. */
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (child (dialog, BT_TYPE_GOAL_DIALOG, "share_spin"))),
                     ==, round (before_share * 100));
  g_assert_false (gtk_widget_get_visible (child (dialog, BT_TYPE_GOAL_DIALOG, "categories_group")));
  /* The date picker is the one used everywhere: its weeks start on the
   * day the preferences say, and it opens on the date set. */
  {
    GSettings *settings = bt_application_get_settings (BT_APPLICATION (app));
    GtkWidget *picker = child (dialog, BT_TYPE_GOAL_DIALOG, "picker");

    g_settings_set_string (settings, "week-start", "sunday");
    gtk_menu_button_popup (GTK_MENU_BUTTON (child (dialog, BT_TYPE_GOAL_DIALOG, "date_button")));
    /* The picker reads the week's first day when its popover is mapped. */
    g_assert_true (bt_test_wait_until (popover_mapped, child (dialog, BT_TYPE_GOAL_DIALOG, "date_button"), 10));
    g_assert_true (BT_IS_DATE_PICKER (picker));
    g_assert_cmpint (bt_date_picker_get_week_start (BT_DATE_PICKER (picker)), ==, G_DATE_SUNDAY);
    g_assert_true (gtk_widget_has_css_class (bt_test_find_match (picker, is_day_button, &before_date),
                                             "suggested-action"));
    gtk_menu_button_popdown (GTK_MENU_BUTTON (child (dialog, BT_TYPE_GOAL_DIALOG, "date_button")));
    g_settings_reset (settings, "week-start");
  }
  pick_target_date (dialog, &later);
  g_assert_cmpfloat_with_epsilon (before_share, 0.55, 1e-9);   /* the sample's: so 60 % */
  set_spin (dialog, "share_spin", "60");
  /* The currency: the locale's (C has none: EUR) until one is chosen;
   * typed in small letters, kept as the ISO 4217 code. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"))), ==,
                   "EUR");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row")), "usd");
  bt_test_spin (300);
  g_assert_cmpuint (bt_test_screenshot (dialog, "goal-dialog"), >, 2);
  /* Saved with Ctrl+Return, from the name as from anywhere, as the
   * shortcuts window says. */
  gtk_widget_grab_focus (child (dialog, BT_TYPE_GOAL_DIALOG, "name_row"));
  g_assert_true (bt_test_press_control_return (dialog));
  bt_test_spin (200);

  g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &later), ==, 0);
  g_assert_cmpfloat_with_epsilon (bt_profile_get_target_share (profile), 0.60, 1e-9);
  g_assert_cmpstr (bt_profile_get_currency (profile), ==, "USD");
  /* The trajectory follows. */
  {
    g_autoptr(GArray) shares = bt_analytics_week_shares (window->plan);

    trajectory = bt_analytics_trajectory (window->plan, shares, bt_application_get_weekly_budget ());
    g_assert_true (trajectory.valid);
    g_assert_cmpint (g_date_compare (&trajectory.end, &later), ==, 0);
    g_assert_cmpfloat_with_epsilon (trajectory.end_share, 0.60, 1e-9);
  }
  /* And the overview's goal. */
  {
    GtkWidget *row = child (bt_test_find (GTK_WIDGET (window), BT_TYPE_OVERVIEW_PAGE), BT_TYPE_OVERVIEW_PAGE,
                            "goal_row");

    /* The overview refreshes in an idle after a change. */
    g_assert_true (bt_test_wait_until (subtitle_has_60, row, 10));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "60%"));
  }

  /* The roadmap's target line, for a look. */
  adw_view_stack_set_visible_child_name (window->stack, "roadmap");
  bt_test_spin (500);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (window), "roadmap-after-goal"), >, 2);
  adw_view_stack_set_visible_child_name (window->stack, "overview");

  /* One undo puts both back. */
  g_assert_cmpstr (bt_history_get_undo_label (window->history), ==, "Change Your Goal");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &before_date), ==, 0);
  g_assert_cmpfloat_with_epsilon (bt_profile_get_target_share (profile), before_share, 1e-9);
  g_assert_cmpstr (bt_profile_get_currency (profile), ==, "EUR");

  /* What is no currency code is not saved: the dialog stays, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row")), "euro");
  click (child (dialog, BT_TYPE_GOAL_DIALOG, "save_button"));
  g_assert_true (find_toplevel (BT_TYPE_GOAL_DIALOG) == dialog);
  g_assert_true (gtk_widget_has_css_class (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"), "error"));
  /* Not only red: the row's title says what is expected, until a code is typed. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"))),
                   ==, "Not a currency code: type its three letters, such as EUR or USD");
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row")), "chf");
  g_assert_false (gtk_widget_has_css_class (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"))),
                   ==, "Currency of your business cases, such as EUR or USD");
  g_assert_false (bt_history_get_can_undo (window->history));
  gtk_window_destroy (GTK_WINDOW (dialog));
  bt_test_spin (100);

  /* The target date is typed as well as picked. What is no date is not
   * saved, and the row says what a date looks like; a date typed in the
   * form the file writes is shown as the app shows dates once left. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  {
    GtkWidget *date_row = child (dialog, BT_TYPE_GOAL_DIALOG, "target_date_row");
    GDate was = *bt_profile_get_target_date (profile);
    GDate typed;
    g_autofree char *shown = bt_date_picker_format (&was);
    g_autofree char *typed_shown = NULL;

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, shown);
    gtk_editable_set_text (GTK_EDITABLE (date_row), "next spring");
    click (child (dialog, BT_TYPE_GOAL_DIALOG, "save_button"));
    g_assert_true (find_toplevel (BT_TYPE_GOAL_DIALOG) == dialog);
    g_assert_true (gtk_widget_has_css_class (date_row, "error"));
    /* The title is the field's name too, for a screen reader: it starts with it. */
    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date_row)),
                                     "Target date: not a date; type one such as "));
    g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &was), ==, 0);
    g_assert_false (bt_history_get_can_undo (window->history));

    gtk_widget_grab_focus (date_row);
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2029-03-31");
    g_assert_false (gtk_widget_has_css_class (date_row, "error"));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date_row)), ==, "Target date");
    gtk_widget_grab_focus (child (dialog, BT_TYPE_GOAL_DIALOG, "share_spin"));
    g_date_clear (&typed, 1);
    g_date_set_dmy (&typed, 31, G_DATE_MARCH, 2029);
    typed_shown = bt_date_picker_format (&typed);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, typed_shown);
    g_assert_cmpstr (typed_shown, !=, "2029-03-31");   /* C.UTF-8 shows "31 Mar 2029" */

    click (child (dialog, BT_TYPE_GOAL_DIALOG, "save_button"));
    bt_test_spin (50);
    g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &typed), ==, 0);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpint (g_date_compare (bt_profile_get_target_date (profile), &was), ==, 0);
  }

  /* Closed with the keyboard still in the date's field, untouched: it
   * closes, without a question and without handling a leave from a dialog
   * taken apart. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_grab_focus (child (dialog, BT_TYPE_GOAL_DIALOG, "target_date_row"));
  bt_test_spin (50);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  bt_test_spin (100);
  g_assert_null (dialog);

  /* Tab from the currency reaches the birth year's field itself, where
   * typing goes; a share typed and Escape asks before it is lost. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_grab_focus (child (dialog, BT_TYPE_GOAL_DIALOG, "currency_row"));
  g_assert_true (gtk_widget_child_focus (dialog, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         child (dialog, BT_TYPE_GOAL_DIALOG, "birth_year_spin")));
  {
    GtkWidget *share = child (dialog, BT_TYPE_GOAL_DIALOG, "share_spin");
    AdwMessageDialog *question;

    gtk_editable_set_text (gtk_editable_get_delegate (GTK_EDITABLE (share)), "61");
    gtk_widget_activate_action (dialog, "window.close", NULL);
    question = bt_test_question_over (GTK_WINDOW (dialog));
    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard Changes?");
    adw_message_dialog_response (question, "keep");
    bt_test_spin (50);
    g_assert_nonnull (dialog);
    g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (share)), ==, 61);

    gtk_widget_activate_action (dialog, "window.close", NULL);
    question = bt_test_question_over (GTK_WINDOW (dialog));
    g_assert_nonnull (question);
    adw_message_dialog_response (question, "discard");
    bt_test_spin (50);
    g_assert_null (dialog);
    g_assert_cmpfloat_with_epsilon (bt_profile_get_target_share (profile), before_share, 1e-9);
  }

  /* Untouched, Escape closes it without a question. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (dialog, "window.close", NULL);
  bt_test_spin (50);
  g_assert_null (dialog);

  /* And from the main menu too; saving unchanged records nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-goal", NULL);
  g_assert_true (bt_test_wait_until (goal_dialog_shown, NULL, 10));
  dialog = find_toplevel (BT_TYPE_GOAL_DIALOG);
  click (child (dialog, BT_TYPE_GOAL_DIALOG, "save_button"));
  bt_test_spin (100);   /* what must not come: a step to undo */
  g_assert_false (bt_history_get_can_undo (window->history));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preferences ask the share for new plans in percent, as the goal
 * dialog does; the setting keeps the fraction. */
static void
test_preferences_share_in_percent (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  GSettings *settings = bt_application_get_settings (BT_APPLICATION (app));
  BtPreferencesWindow *prefs;
  GtkWidget *spin;

  g_settings_set_double (settings, "target-share", 0.55);
  prefs = bt_preferences_window_new (NULL, settings);
  spin = child (GTK_WIDGET (prefs), BT_TYPE_PREFERENCES_WINDOW, "share_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 55);

  gtk_editable_set_text (GTK_EDITABLE (spin), "60");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "target-share"), 0.60, 1e-9);
  g_assert_nonnull (bt_test_find_match (GTK_WIDGET (prefs), bt_test_is_row_titled, "Target strategic share"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (bt_test_find_row (GTK_WIDGET (prefs),
                                                                                             "Target strategic share"))),
                            "percent"));

  gtk_window_present (GTK_WINDOW (prefs));
  bt_test_spin (300);
  bt_test_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "target-share");
}

/* The reminder's hour reads as a time of day in the desktop's clock
 * format, and a time typed in either form is understood. */
static void
test_preferences_reminder_time (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  GSettings *settings = bt_application_get_settings (BT_APPLICATION (app));
  g_autoptr(GSettings) desktop = g_settings_new ("org.gnome.desktop.interface");
  BtPreferencesWindow *prefs;
  GtkWidget *spin;

  g_settings_set_string (desktop, "clock-format", "24h");
  g_settings_set_int (settings, "reminder-hour", 16);
  prefs = bt_preferences_window_new (NULL, settings);
  spin = child (GTK_WIDGET (prefs), BT_TYPE_PREFERENCES_WINDOW, "reminder_hour_spin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "16:00");

  gtk_editable_set_text (GTK_EDITABLE (spin), "9:00");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "reminder-hour"), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "09:00");

  /* Reminders come on the hour: minutes are refused, not dropped. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "17:30");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "reminder-hour"), ==, 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "09:00");

  /* C's words for the afternoon are "PM". */
  gtk_editable_set_text (GTK_EDITABLE (spin), "5 pm");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "reminder-hour"), ==, 17);
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_settings_set_string (desktop, "clock-format", "12h");
  prefs = bt_preferences_window_new (NULL, settings);
  spin = child (GTK_WIDGET (prefs), BT_TYPE_PREFERENCES_WINDOW, "reminder_hour_spin");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "5:00 PM");
  gtk_editable_set_text (GTK_EDITABLE (spin), "12 AM");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (g_settings_get_int (settings, "reminder-hour"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_settings_reset (desktop, "clock-format");
  g_settings_reset (settings, "reminder-hour");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerTest",
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_data_func ("/first-start/own-plan", app, test_own_plan);
  g_test_add_data_func ("/first-start/sample", app, test_sample);
  g_test_add_data_func ("/first-start/goal-dialog-undo", app, test_goal_dialog_undo);
  g_test_add_data_func ("/first-start/preferences-share-in-percent", app, test_preferences_share_in_percent);
  g_test_add_data_func ("/first-start/preferences-reminder-time", app, test_preferences_reminder_time);

  return g_test_run ();
}
