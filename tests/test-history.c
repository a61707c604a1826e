/* test-history.c — undo and redo of every kind of edit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bt-history.h"
#include "bt-plan-file.h"

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
set_string (BtHistory  *history,
            gpointer    object,
            const char *property,
            const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  bt_history_set (history, object, property, &value);
}

static void
test_set_undo_redo (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  g_auto(GValue) strength = G_VALUE_INIT;

  bt_relationship_set_name (r, "Priya");
  g_assert_false (bt_history_get_can_undo (history));

  set_string (history, r, "name", "Priya Raman");
  g_value_init (&strength, G_TYPE_INT);
  g_value_set_int (&strength, 5);
  bt_history_set (history, r, "strength", &strength);
  g_assert_cmpstr (bt_relationship_get_name (r), ==, "Priya Raman");
  g_assert_cmpint (bt_relationship_get_strength (r), ==, 5);
  g_assert_true (bt_history_get_can_undo (history));

  /* Undo goes back one edit at a time. */
  g_assert_true (bt_history_undo (history));
  g_assert_cmpint (bt_relationship_get_strength (r), ==, 3);
  g_assert_cmpstr (bt_relationship_get_name (r), ==, "Priya Raman");
  g_assert_true (bt_history_undo (history));
  g_assert_cmpstr (bt_relationship_get_name (r), ==, "Priya");
  g_assert_false (bt_history_undo (history));

  g_assert_true (bt_history_redo (history));
  g_assert_true (bt_history_redo (history));
  g_assert_cmpstr (bt_relationship_get_name (r), ==, "Priya Raman");
  g_assert_cmpint (bt_relationship_get_strength (r), ==, 5);
  g_assert_false (bt_history_redo (history));
}

static void
test_no_op_is_not_recorded (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();

  bt_relationship_set_name (r, "Same");
  set_string (history, r, "name", "Same");
  g_assert_false (bt_history_get_can_undo (history));
}

static void
test_remove_restores_position_and_parent (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtPlan) plan = bt_plan_new ();
  GListModel *list = bt_plan_get_relationships (plan);
  const char *names[] = { "A", "B", "C" };
  g_autoptr(BtRelationship) b = NULL;
  guint changed = 0;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();
      bt_relationship_set_name (r, names[i]);
      bt_history_append (history, BT_ITEM (plan), list, BT_ITEM (r));
    }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  b = g_list_model_get_item (list, 1);
  g_assert_true (bt_history_remove (history, BT_ITEM (plan), list, BT_ITEM (b)));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_null (bt_item_get_parent (BT_ITEM (b)));

  /* Undo puts it back where it was, attached to the plan again, and the
   * plan says it changed (which is what autosave listens to). */
  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_true (bt_history_undo (history));
  g_assert_cmpuint (changed, >, 0);
  {
    g_autoptr(BtRelationship) again = g_list_model_get_item (list, 1);
    g_assert_true (again == b);
  }
  g_assert_true (bt_item_get_parent (BT_ITEM (b)) == BT_ITEM (plan));

  changed = 0;
  bt_relationship_set_notes (b, "still connected");
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (bt_history_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
test_step_is_undone_as_one (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtWeek) week = bt_week_new (2026, 47);
  g_autoptr(BtCategory) first = g_list_model_get_item (bt_plan_get_categories (plan), 0);
  g_autoptr(BtCategory) second = g_list_model_get_item (bt_plan_get_categories (plan), 5);
  GListModel *weeks = bt_plan_get_weeks (plan);

  bt_plan_ensure_week (plan, 2026, 45);
  bt_plan_ensure_week (plan, 2026, 48);

  bt_history_begin (history, "Weekly check-in");
  bt_history_insert (history, BT_ITEM (plan), weeks, bt_plan_get_week_position (plan, week), BT_ITEM (week));
  bt_history_set_hours (history, week, bt_item_get_id (BT_ITEM (first)), 30);
  bt_history_set_hours (history, week, bt_item_get_id (BT_ITEM (second)), 12.5);
  bt_history_end (history);

  g_assert_cmpstr (bt_history_get_undo_label (history), ==, "Weekly check-in");
  g_assert_true (bt_plan_find_week (plan, 2026, 47) == week);
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 42.5);
  /* In time order. */
  {
    g_autoptr(BtWeek) middle = g_list_model_get_item (weeks, 1);
    g_assert_true (middle == week);
  }

  g_assert_true (bt_history_undo (history));
  g_assert_null (bt_plan_find_week (plan, 2026, 47));
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 0);
  g_assert_false (bt_history_get_can_undo (history));

  g_assert_true (bt_history_redo (history));
  g_assert_true (bt_plan_find_week (plan, 2026, 47) == week);
  g_assert_cmpfloat (bt_week_get_hours (week, bt_item_get_id (BT_ITEM (second))), ==, 12.5);
}

static void
test_new_edit_drops_redo (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtPhase) phase = bt_phase_new ();
  guint notified = 0;

  g_signal_connect (history, "notify::can-redo", G_CALLBACK (notify_count_cb), &notified);

  set_string (history, phase, "title", "One");
  set_string (history, phase, "title", "Two");
  bt_history_undo (history);
  g_assert_true (bt_history_get_can_redo (history));
  g_assert_cmpuint (notified, ==, 1);

  set_string (history, phase, "title", "Three");
  g_assert_false (bt_history_get_can_redo (history));
  g_assert_cmpuint (notified, ==, 2);

  bt_history_undo (history);
  g_assert_cmpstr (bt_phase_get_title (phase), ==, "One");
}

static void
test_empty_step_is_not_kept (void)
{
  g_autoptr(BtHistory) history = bt_history_new ();

  bt_history_begin (history, "Nothing");
  bt_history_begin (history, "Nested");
  bt_history_end (history);
  bt_history_end (history);
  g_assert_false (bt_history_get_can_undo (history));
}

/* Reads @plan back through the file format: a plan the history leaves must
 * always load. */
static void
assert_loads_back (BtPlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_autoptr(BtPlan) back = NULL;

  g_assert_no_error (error);
  back = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

static void
test_removing_what_others_refer_to (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  GListModel *categories, *weeks, *phases, *milestones;
  g_autoptr(BtCategory) category = NULL;
  g_autoptr(BtPhase) phase = NULL;
  const char *category_id, *phase_id;
  double before = 0.0;
  guint n_referring = 0;

  g_assert_no_error (error);
  categories = bt_plan_get_categories (plan);
  weeks = bt_plan_get_weeks (plan);
  phases = bt_plan_get_phases (plan);
  milestones = bt_plan_get_milestones (plan);

  /* A category with hours in the sample's weeks. */
  category = g_list_model_get_item (categories, 0);
  category_id = bt_item_get_id (BT_ITEM (category));
  for (guint i = 0; i < g_list_model_get_n_items (weeks); i++)
    {
      g_autoptr(BtWeek) week = g_list_model_get_item (weeks, i);
      before += bt_week_get_hours (week, category_id);
    }
  g_assert_cmpfloat (before, >, 0.0);

  /* A phase that milestones belong to. */
  for (guint i = 0; i < g_list_model_get_n_items (phases) && phase == NULL; i++)
    {
      g_autoptr(BtPhase) candidate = g_list_model_get_item (phases, i);

      for (guint j = 0; j < g_list_model_get_n_items (milestones); j++)
        {
          g_autoptr(BtMilestone) milestone = g_list_model_get_item (milestones, j);

          if (g_strcmp0 (bt_milestone_get_phase (milestone), bt_item_get_id (BT_ITEM (candidate))) == 0)
            {
              phase = g_object_ref (candidate);
              break;
            }
        }
    }
  g_assert_nonnull (phase);
  phase_id = bt_item_get_id (BT_ITEM (phase));
  for (guint j = 0; j < g_list_model_get_n_items (milestones); j++)
    {
      g_autoptr(BtMilestone) milestone = g_list_model_get_item (milestones, j);
      n_referring += g_strcmp0 (bt_milestone_get_phase (milestone), phase_id) == 0;
    }

  /* Each removal is one step, and the plan still loads. */
  g_assert_true (bt_history_remove (history, BT_ITEM (plan), categories, BT_ITEM (category)));
  assert_loads_back (plan);
  g_assert_true (bt_history_remove (history, BT_ITEM (plan), phases, BT_ITEM (phase)));
  assert_loads_back (plan);
  for (guint j = 0; j < g_list_model_get_n_items (milestones); j++)
    {
      g_autoptr(BtMilestone) milestone = g_list_model_get_item (milestones, j);
      g_assert_cmpstr (bt_milestone_get_phase (milestone), !=, phase_id);
    }

  /* Undo gives back the phase with its milestones, then the category with
   * its hours, each in one step. */
  g_assert_true (bt_history_undo (history));
  {
    guint n = 0;

    for (guint j = 0; j < g_list_model_get_n_items (milestones); j++)
      {
        g_autoptr(BtMilestone) milestone = g_list_model_get_item (milestones, j);
        n += g_strcmp0 (bt_milestone_get_phase (milestone), phase_id) == 0;
      }
    g_assert_cmpuint (n, ==, n_referring);
  }
  g_assert_true (bt_history_undo (history));
  {
    double after = 0.0;

    for (guint i = 0; i < g_list_model_get_n_items (weeks); i++)
      {
        g_autoptr(BtWeek) week = g_list_model_get_item (weeks, i);
        after += bt_week_get_hours (week, category_id);
      }
    g_assert_cmpfloat (after, ==, before);
  }
  g_assert_false (bt_history_get_can_undo (history));
  assert_loads_back (plan);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/history/set-undo-redo", test_set_undo_redo);
  g_test_add_func ("/history/no-op-is-not-recorded", test_no_op_is_not_recorded);
  g_test_add_func ("/history/remove-restores-position-and-parent", test_remove_restores_position_and_parent);
  g_test_add_func ("/history/step-is-undone-as-one", test_step_is_undone_as_one);
  g_test_add_func ("/history/new-edit-drops-redo", test_new_edit_drops_redo);
  g_test_add_func ("/history/empty-step-is-not-kept", test_empty_step_is_not_kept);
  g_test_add_func ("/history/removing-what-others-refer-to", test_removing_what_others_refer_to);

  return g_test_run ();
}
