/* test-check-in-dialog.c — the check-in dialog, driven through its widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-check-in-dialog.h"
#include "bt-date.h"
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

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/check-in-dialog/save-records-the-week", test_save_records_the_week);

  return g_test_run ();
}
