/* test-check-in-dialog.c — the check-in dialog, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-check-in-dialog.h"
#include "bt-calendar-offer.h"
#include "bt-date.h"
#include "bt-item-list.h"
#include "bt-plan-file.h"

static void
test_save_records_the_week (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *save = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), BT_TYPE_CHECK_IN_DIALOG, "save_button");
  GtkWidget *hours = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), BT_TYPE_CHECK_IN_DIALOG, "hours_group");
  GtkWidget *first_spin = bt_test_find (hours, GTK_TYPE_SPIN_BUTTON);
  GDate today;
  int y, w;
  guint saved = 0;

  bt_date_from_time (now, &today);
  bt_iso_week_of_date (&today, &y, &w);

  g_assert_nonnull (first_spin);
  g_assert_true (gtk_widget_get_sensitive (save));

  /* More than a week's hours: Save is refused where they are typed. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (first_spin), 168);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (hours)), "168"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (first_spin), 20);
  g_assert_true (gtk_widget_get_sensitive (save));

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (g_atomic_int_inc), &saved);
  g_signal_emit_by_name (save, "clicked");
  g_assert_cmpuint (saved, ==, 1);

  /* The week is recorded, with the hours typed, as one undoable step. */
  {
    BtWeek *week = bt_plan_find_week (plan, y, w);
    g_autoptr(BtCategory) category = g_list_model_get_item (bt_plan_get_categories (plan), 0);

    g_assert_nonnull (week);
    g_assert_cmpfloat (bt_week_get_hours (week, bt_item_get_id (BT_ITEM (category))), ==, 20);
  }
  g_assert_true (bt_history_undo (history));
  g_assert_null (bt_plan_find_week (plan, y, w));
}

static GtkWidget *
template_child (BtCheckInDialog *dialog,
                const char      *name)
{
  return (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), BT_TYPE_CHECK_IN_DIALOG, name);
}

static void
present (BtCheckInDialog *dialog)
{
  gtk_window_present (GTK_WINDOW (dialog));
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_row (GtkWidget     *widget,
        gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget);
}

/* Tab, through the whole dialog: one stop per category, in its hours
 * field, where what is typed goes. */
static void
test_one_tab_stop_per_category (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *hours = template_child (dialog, "hours_group");
  guint n_categories = g_list_model_get_n_items (bt_plan_get_categories (plan));
  g_autoptr(GHashTable) stops_in_row = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *first;
  guint n_stops = 0;

  present (dialog);
  for (GtkWidget *row = bt_test_find_match (hours, is_row, NULL); row != NULL; )
    {
      /* The calendars' row after the hours is a stop of its own. */
      if (!BT_IS_CALENDAR_OFFER (row))
        g_ptr_array_add (rows, row);
      row = gtk_widget_get_next_sibling (row);
    }
  g_assert_cmpuint (rows->len, ==, n_categories);

  /* The window goes round: once round, from the first stop back to it. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
  first = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (first);
  for (GtkWidget *focus = first; n_stops == 0 || focus != first; focus = gtk_window_get_focus (GTK_WINDOW (dialog)))
    {
      g_assert_cmpuint (n_stops, <, 500);
      n_stops++;
      for (guint i = 0; i < rows->len; i++)
        if (focus == rows->pdata[i] || gtk_widget_is_ancestor (focus, rows->pdata[i]))
          {
            guint n = GPOINTER_TO_UINT (g_hash_table_lookup (stops_in_row, rows->pdata[i]));

            /* In the hours field, which takes what is typed. */
            g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON));
            g_assert_true (GTK_IS_EDITABLE (focus));
            g_hash_table_insert (stops_in_row, rows->pdata[i], GUINT_TO_POINTER (n + 1));
          }
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
    }

  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (stops_in_row, rows->pdata[i])), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A person already logged this week shows as met, and is not logged again. */
static void
test_met_this_week_is_shown_and_not_duplicated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_autoptr(BtTouchpoint) touchpoint = bt_touchpoint_new ();
  GListModel *touchpoints = bt_relationship_get_touchpoints (r);
  BtCheckInDialog *dialog;
  GtkWidget *people, *row, *check;
  guint n_before;
  GDate today;

  bt_date_from_time (now, &today);
  bt_touchpoint_set_date (touchpoint, &today);
  bt_item_append_child (BT_ITEM (r), touchpoints, BT_ITEM (touchpoint));
  n_before = g_list_model_get_n_items (touchpoints);

  dialog = bt_check_in_dialog_new (NULL, plan, history);
  people = template_child (dialog, "people_group");
  row = bt_test_find_row (people, bt_relationship_get_name (r));
  g_assert_nonnull (row);
  check = bt_test_find (row, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_is_sensitive (check));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Already logged this week");

  g_signal_emit_by_name (template_child (dialog, "save_button"), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_before);
}

/* A role is shown as typed, markup characters and all: "FP&A" is not
 * read as the start of a markup entity, which would leave the row blank. */
static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static void
test_role_is_shown_as_typed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  GListModel *relationships = bt_plan_get_relationships (plan);
  const char *role = "Head of FP&A <Finance>";
  BtCheckInDialog *dialog;
  GtkWidget *row = NULL;

  g_assert_no_error (error);
  dialog = bt_check_in_dialog_new (NULL, plan, history);
  /* Whichever person is shown with their role: neither overdue nor met. */
  for (guint i = 0; i < g_list_model_get_n_items (relationships) && row == NULL; i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
      GtkWidget *candidate = bt_test_find_row (template_child (dialog, "people_group"),
                                               bt_relationship_get_name (r));

      if (candidate != NULL
          && g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (candidate)),
                        bt_relationship_get_role (r)) == 0)
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
          bt_relationship_set_role (r, role);
          dialog = bt_check_in_dialog_new (NULL, plan, history);
          row = bt_test_find_row (template_child (dialog, "people_group"), bt_relationship_get_name (r));
        }
    }
  g_assert_nonnull (row);
  g_assert_nonnull (bt_test_find_match (row, is_label_reading, role));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
remember_message_cb (BtCheckInDialog *dialog,
                     const char      *message,
                     char           **said)
{
  g_free (*said);
  *said = g_strdup (message);
}

static guint
check_ins_of (BtPlan     *plan,
              const char *week)
{
  GListModel *check_ins = bt_plan_get_check_ins (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (check_ins); i++)
    {
      g_autoptr(BtCheckIn) check_in = g_list_model_get_item (check_ins, i);

      n += g_strcmp0 (bt_check_in_get_week (check_in), week) == 0;
    }
  return n;
}

/* A recorded week can be deleted from its check-in: its hours and its
 * check-in go in one step, and Undo brings both back. A week not recorded
 * yet has nothing to delete. */
static void
test_recorded_week_can_be_deleted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  GListModel *weeks = bt_plan_get_weeks (plan);
  guint n = g_list_model_get_n_items (weeks);
  g_autoptr(BtWeek) week = g_list_model_get_item (weeks, n - 1);
  g_autofree char *name = g_strdup (bt_week_get_week (week));
  double hours = bt_week_get_total_hours (week);
  g_autofree char *said = NULL;
  g_autoptr(BtWeek) unrecorded = bt_week_new (2020, 2);
  BtCheckInDialog *dialog;
  GtkWidget *delete;

  g_assert_no_error (error);
  g_assert_cmpuint (check_ins_of (plan, name), ==, 1);   /* the sample's last week has one */

  dialog = bt_check_in_dialog_new_for_week (NULL, plan, history, unrecorded);
  g_assert_null (bt_test_find_match (GTK_WIDGET (dialog), is_button_labelled, "_Delete Week"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = bt_check_in_dialog_new_for_week (NULL, plan, history, week);
  g_signal_connect (dialog, "deleted", G_CALLBACK (remember_message_cb), &said);
  delete = bt_test_find_match (GTK_WIDGET (dialog), is_button_labelled, "_Delete Week");
  g_assert_nonnull (delete);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  bt_test_spin (50);
  g_signal_emit_by_name (delete, "clicked");
  bt_test_spin (50);
  g_assert_null (dialog);   /* it closed */

  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, n - 1);
  g_assert_false (bt_item_list_find (BT_ITEM_LIST (weeks), week, NULL));
  g_assert_cmpuint (check_ins_of (plan, name), ==, 0);
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, name));

  /* One step back brings both. */
  bt_history_undo (history);
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, n);
  {
    g_autoptr(BtWeek) back = g_list_model_get_item (weeks, n - 1);

    g_assert_cmpstr (bt_week_get_week (back), ==, name);
    g_assert_cmpfloat (bt_week_get_total_hours (back), ==, hours);
  }
  g_assert_cmpuint (check_ins_of (plan, name), ==, 1);
}

/* 200 hours stay 200, and are refused in their row, with the reason. */
static void
test_too_many_hours_are_refused_not_cut (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *hours = template_child (dialog, "hours_group");
  GtkWidget *save = template_child (dialog, "save_button");
  GtkWidget *spin = bt_test_find (hours, GTK_TYPE_SPIN_BUTTON);
  GtkWidget *row = gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW);

  gtk_editable_set_text (GTK_EDITABLE (spin), "200");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 200);
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "168"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 40);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (spin, "error"));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "168"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Without a recorded week, nothing claims to come from one. */
static void
test_prefill_is_said_truly (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  AdwPreferencesGroup *hours = ADW_PREFERENCES_GROUP (template_child (dialog, "hours_group"));
  g_autoptr(BtItem) category = NULL;

  g_assert_null (strstr (adw_preferences_group_get_description (hours), "Prefilled"));
  g_assert_null (strstr (adw_preferences_group_get_description (hours), "recorded week"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (hours), "type the hours"));
  /* Once hours are typed, it no longer asks for them: it sums them up. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bt_test_find (GTK_WIDGET (hours), GTK_TYPE_SPIN_BUTTON)), 40);
  g_assert_cmpstr (adw_preferences_group_get_description (hours), ==, "40 hours in all.");
  gtk_window_destroy (GTK_WINDOW (dialog));

  category = g_list_model_get_item (bt_plan_get_categories (plan), 0);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2020, 10), bt_item_get_id (category), 30);
  dialog = bt_check_in_dialog_new (NULL, plan, history);
  hours = ADW_PREFERENCES_GROUP (template_child (dialog, "hours_group"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (hours), "2020-W10"));
  /* Changed, the sum is of the hours as typed, not as recorded. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bt_test_find (GTK_WIDGET (hours), GTK_TYPE_SPIN_BUTTON)), 60);
  g_assert_cmpstr (adw_preferences_group_get_description (hours), ==,
                   "Changed from the hours of 2020-W10, not saved yet. 60 hours in all.");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (bt_test_find (GTK_WIDGET (hours), GTK_TYPE_SPIN_BUTTON)), 30);
  g_assert_null (strstr (adw_preferences_group_get_description (hours), "Changed"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Without categories, no hours to type: it says where they come from. */
  {
    g_autoptr(BtPlan) bare = bt_plan_new ();

    dialog = bt_check_in_dialog_new (NULL, bare, history);
    hours = ADW_PREFERENCES_GROUP (template_child (dialog, "hours_group"));
    g_assert_nonnull (strstr (adw_preferences_group_get_description (hours), "No categories yet"));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

/* The reflection takes several lines, and is named. */
static void
test_reflection_is_multi_line (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *reflection = template_child (dialog, "reflection_group");
  GtkWidget *view = bt_test_find (reflection, GTK_TYPE_TEXT_VIEW);
  g_autoptr(BtCheckIn) check_in = NULL;

  g_assert_nonnull (view);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (view)), ==, GTK_ACCESSIBLE_ROLE_TEXT_BOX);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "First.\nSecond.", -1);
  g_signal_emit_by_name (template_child (dialog, "save_button"), "clicked");

  check_in = g_list_model_get_item (bt_plan_get_check_ins (plan), 0);
  g_assert_cmpstr (bt_check_in_get_answer (check_in), ==, "First.\nSecond.");
}

/* At 360 pixels, light and dark, nothing of the check-in is cut. */
static void
test_narrow (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
      g_autoptr(BtHistory) history = bt_history_new ();
      BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
      g_autoptr(GPtrArray) cut = g_ptr_array_new ();

      adw_style_manager_set_color_scheme (manager, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
      present (dialog);
      while (gtk_widget_get_width (GTK_WIDGET (dialog)) == 0)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dialog)), <=, 400);

      bt_test_screenshot (GTK_WIDGET (dialog), dark ? "check-in-narrow-dark" : "check-in-narrow-light");
      bt_test_find_cut_labels (GTK_WIDGET (dialog), cut);
      for (guint i = 0; i < cut->len; i++)
        g_test_message ("cut: %s", (const char *) cut->pdata[i]);
      g_assert_cmpuint (cut->len, ==, 0);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* The grey of @window's pixel at (@x, @y), 0 to 255. */
static guint
pixel_grey (GtkWidget *window,
            int        x,
            int        y)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  g_autofree guchar *pixels = g_malloc (width * 4 * height);
  guchar *p;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, &bounds);
  gdk_texture_download (texture, pixels, width * 4);
  p = pixels + y * width * 4 + x * 4;

  return (p[0] + p[1] + p[2]) / 3;
}

/* The check-in is longer than its window: along the bottom edge a shade
 * says there is more below, as long as there is. */
static void
test_more_below_is_shown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *scrolled = bt_test_find (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t bottom;
  guint edge, above;

  /* the app's style sheet, as the application loads it */
  gtk_css_provider_load_from_resource (css, "/io/github/breakthrough/Planner/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 600);
  present (dialog);
  while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) ||
         gtk_widget_get_height (scrolled) == 0)
    g_main_context_iteration (NULL, TRUE);
  bt_test_spin (100);

  /* In the margin beside the groups, just above the bottom edge and a
   * little higher. */
  g_assert_true (gtk_widget_compute_point (scrolled, GTK_WIDGET (dialog),
                                           &GRAPHENE_POINT_INIT (16, gtk_widget_get_height (scrolled) - 6), &bottom));
  edge = pixel_grey (GTK_WIDGET (dialog), bottom.x, bottom.y);
  above = pixel_grey (GTK_WIDGET (dialog), bottom.x, bottom.y - 40);
  g_test_message ("at the fold: %u at the edge, %u above it", edge, above);
  g_assert_cmpuint (edge + 4, <, above);

  /* At the end, nothing more below: no shade. */
  for (guint i = 0; i < 5; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      bt_test_spin (100);
    }
  edge = pixel_grey (GTK_WIDGET (dialog), bottom.x, bottom.y);
  above = pixel_grey (GTK_WIDGET (dialog), bottom.x, bottom.y - 40);
  g_assert_cmpuint (edge, ==, above);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Opens with the focus in the first hours field, not on Cancel, where a
 * space or Enter typed at once would close it. */
static void
test_opens_in_its_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkWidget *focus;

  present (dialog);
  focus = gtk_root_get_focus (GTK_ROOT (dialog));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON));
  g_assert_null (gtk_widget_get_ancestor (focus, ADW_TYPE_HEADER_BAR));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Cancel or Escape after typing asks first; Keep Editing keeps all of it,
 * Discard records nothing. Untouched, it closes at once. */
static void
test_asks_before_discarding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GBytes) before = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, NULL);
  BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
  GtkTextView *view = GTK_TEXT_VIEW (bt_test_find (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  AdwMessageDialog *question;
  g_autoptr(GBytes) after = NULL;

  /* untouched: closes */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  present (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  bt_test_spin (50);
  g_assert_null (bt_test_question_over (GTK_WINDOW (dialog)));
  g_assert_false (dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);

  dialog = bt_check_in_dialog_new (NULL, plan, history);
  view = GTK_TEXT_VIEW (bt_test_find (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  present (dialog);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "What I would hand over: the incident rota.", -1);

  /* Escape: asked; Keep Editing keeps the text and the dialog */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  question = bt_test_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard Changes?");
  g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                   "The hours, the people, the reflection and the ratings you entered are not recorded.");
  adw_message_dialog_response (question, "keep");
  bt_test_spin (50);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  {
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
    text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "What I would hand over: the incident rota.");
  }

  /* Cancel again: Discard closes it, and nothing is recorded */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  question = bt_test_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "discard");
  bt_test_spin (50);
  g_assert_false (dialog != NULL && gtk_widget_get_visible (GTK_WIDGET (dialog)));
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  after = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, NULL);
  g_assert_true (g_bytes_equal (after, before));

  /* A week recorded before: the question says it stays as it was, not
   * that all of it is lost. */
  {
    g_autoptr(BtWeek) week = g_list_model_get_item (bt_plan_get_weeks (plan), 0);

    dialog = bt_check_in_dialog_new_for_week (NULL, plan, history, week);
    view = GTK_TEXT_VIEW (bt_test_find (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    present (dialog);
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Second thoughts.", -1);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
    question = bt_test_question_over (GTK_WINDOW (dialog));
    g_assert_nonnull (question);
    g_assert_cmpstr (adw_message_dialog_get_body (question), ==,
                     "Your changes are not recorded. The check-in recorded before stays as it was.");
    adw_message_dialog_response (question, "discard");
    bt_test_spin (50);
    if (dialog != NULL)
      gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_null (dialog);
  }
}

/* Hours typed, the cursor still in their field: Escape asks before they
 * go, as it does for what was taken in; Ctrl+Return saves them; and a
 * dialog destroyed with them typed closes without a crash. */
static void
test_typed_hours_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BtCategory) category = g_list_model_get_item (bt_plan_get_categories (plan), 0);
  BtCheckInDialog *dialog;
  GtkWidget *spin;
  AdwMessageDialog *question;
  GDate today;
  int y, w;

  bt_date_from_time (now, &today);
  bt_iso_week_of_date (&today, &y, &w);

  /* Escape: asked, not closed */
  dialog = bt_check_in_dialog_new (NULL, plan, history);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  present (dialog);
  spin = bt_test_find (template_child (dialog, "hours_group"), GTK_TYPE_SPIN_BUTTON);
  gtk_editable_set_text (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "35");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  question = bt_test_question_over (GTK_WINDOW (dialog));
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_heading (question), ==, "Discard Changes?");
  adw_message_dialog_response (question, "discard");
  bt_test_spin (50);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (dialog);

  /* Destroyed with hours typed (the window closing under it): no crash */
  dialog = bt_check_in_dialog_new (NULL, plan, history);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  present (dialog);
  spin = bt_test_find (template_child (dialog, "hours_group"), GTK_TYPE_SPIN_BUTTON);
  gtk_widget_grab_focus (spin);
  gtk_editable_set_text (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "5");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bt_test_spin (50);
  g_assert_null (dialog);

  /* Ctrl+Return: what is typed is what is saved */
  dialog = bt_check_in_dialog_new (NULL, plan, history);
  present (dialog);
  spin = bt_test_find (template_child (dialog, "hours_group"), GTK_TYPE_SPIN_BUTTON);
  gtk_editable_set_text (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "11");
  g_assert_true (bt_test_press_control_return (GTK_WIDGET (dialog)));
  g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, y, w), bt_item_get_id (BT_ITEM (category))), ==, 11);
}

/* Saved from the keyboard, as GNOME dialogs are: Enter in an hours field,
 * Ctrl+Return anywhere; never what Save refuses. */
static void
test_keyboard_saves (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BtCategory) category = g_list_model_get_item (bt_plan_get_categories (plan), 0);
  GDate today;
  int y, w;
  guint saved = 0;

  bt_date_from_time (now, &today);
  bt_iso_week_of_date (&today, &y, &w);

  /* Enter in an hours field: what was typed is taken in, and saved. */
  {
    BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
    GtkWidget *spin = bt_test_find (template_child (dialog, "hours_group"), GTK_TYPE_SPIN_BUTTON);
    GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));

    g_signal_connect_swapped (dialog, "saved", G_CALLBACK (g_atomic_int_inc), &saved);
    present (dialog);
    gtk_editable_set_text (GTK_EDITABLE (text), "169");
    g_signal_emit_by_name (text, "activate");
    g_assert_cmpuint (saved, ==, 0);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

    gtk_editable_set_text (GTK_EDITABLE (text), "7");
    g_signal_emit_by_name (text, "activate");
    g_assert_cmpuint (saved, ==, 1);
    g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, y, w), bt_item_get_id (BT_ITEM (category))), ==, 7);
  }

  /* Ctrl+Return, wherever the focus is. */
  {
    BtCheckInDialog *dialog = bt_check_in_dialog_new (NULL, plan, history);
    GtkWidget *spin = bt_test_find (template_child (dialog, "hours_group"), GTK_TYPE_SPIN_BUTTON);

    g_signal_connect_swapped (dialog, "saved", G_CALLBACK (g_atomic_int_inc), &saved);
    present (dialog);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 200);
    g_assert_false (bt_test_press_control_return (GTK_WIDGET (dialog)));
    g_assert_cmpuint (saved, ==, 1);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9);
    g_assert_true (bt_test_press_control_return (GTK_WIDGET (dialog)));
    g_assert_cmpuint (saved, ==, 2);
    g_assert_cmpfloat (bt_week_get_hours (bt_plan_find_week (plan, y, w), bt_item_get_id (BT_ITEM (category))), ==, 9);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/check-in-dialog/save-records-the-week", test_save_records_the_week);
  g_test_add_func ("/check-in-dialog/one-tab-stop-per-category", test_one_tab_stop_per_category);
  g_test_add_func ("/check-in-dialog/met-this-week-is-shown-and-not-duplicated",
                   test_met_this_week_is_shown_and_not_duplicated);
  g_test_add_func ("/check-in-dialog/too-many-hours-are-refused-not-cut", test_too_many_hours_are_refused_not_cut);
  g_test_add_func ("/check-in-dialog/prefill-is-said-truly", test_prefill_is_said_truly);
  g_test_add_func ("/check-in-dialog/reflection-is-multi-line", test_reflection_is_multi_line);

  g_test_add_func ("/check-in-dialog/keyboard-saves", test_keyboard_saves);

  g_test_add_func ("/check-in-dialog/narrow", test_narrow);
  g_test_add_func ("/check-in-dialog/recorded-week-can-be-deleted", test_recorded_week_can_be_deleted);
  g_test_add_func ("/check-in-dialog/role-is-shown-as-typed", test_role_is_shown_as_typed);
  g_test_add_func ("/check-in-dialog/opens-in-its-fields", test_opens_in_its_fields);
  g_test_add_func ("/check-in-dialog/asks-before-discarding", test_asks_before_discarding);
  g_test_add_func ("/check-in-dialog/typed-hours-count", test_typed_hours_count);
  g_test_add_func ("/check-in-dialog/more-below-is-shown", test_more_below_is_shown);

  return g_test_run ();
}
