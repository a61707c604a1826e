/* test-model.c — the plan model: ids, collections, change notification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "bt-plan.h"
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
test_default_categories (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  GListModel *categories = bt_plan_get_categories (plan);
  guint tactical = 0, strategic = 0;

  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 10);

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(BtCategory) c = g_list_model_get_item (categories, i);

      if (bt_category_get_kind (c) == BT_CATEGORY_TACTICAL)
        tactical++;
      else
        strategic++;
      g_assert_cmpuint (strlen (bt_category_get_color (c)), ==, 7);
    }

  g_assert_cmpuint (tactical, ==, 4);
  g_assert_cmpuint (strategic, ==, 6);
}

static void
test_ids (void)
{
  g_autoptr(BtRelationship) a = bt_relationship_new ();
  g_autoptr(BtRelationship) b = bt_relationship_new ();
  const char *id_a = bt_item_get_id (BT_ITEM (a));

  g_assert_true (g_uuid_string_is_valid (id_a));
  g_assert_cmpstr (id_a, !=, bt_item_get_id (BT_ITEM (b)));
  /* Stable: asking again gives the same id. */
  g_assert_cmpstr (id_a, ==, bt_item_get_id (BT_ITEM (a)));
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  guint notified = 0;

  g_signal_connect (r, "notify::strength", G_CALLBACK (notify_count_cb), &notified);

  bt_relationship_set_strength (r, 4);
  bt_relationship_set_strength (r, 4);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (bt_relationship_get_strength (r), ==, 4);

  bt_relationship_set_name (r, "Priya");
  bt_relationship_set_name (r, "Priya");
  g_assert_cmpstr (bt_relationship_get_name (r), ==, "Priya");
}

static void
test_plan_changed_from_deep_inside (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();
  g_autoptr(BtNarrative) n = bt_narrative_new ();
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autoptr(BtCostRow) row = bt_cost_row_new ();
  guint changed = 0;
  guint64 generation;

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changed);

  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
  g_assert_cmpuint (changed, ==, 1);

  bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (t));
  g_assert_cmpuint (changed, ==, 2);

  /* A property of a grandchild reaches the plan. */
  generation = bt_plan_get_generation (plan);
  bt_touchpoint_set_note (t, "Coffee");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (bt_plan_get_generation (plan), >, generation);

  /* Three levels down: narrative → business case → cost row. */
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_business_cases (n), BT_ITEM (bc));
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));
  changed = 0;
  bt_cost_row_set_current_monthly (row, 1000.0);
  g_assert_cmpuint (changed, ==, 1);

  /* The profile is part of the plan too. */
  changed = 0;
  bt_profile_set_target_share (bt_plan_get_profile (plan), 0.6);
  g_assert_cmpuint (changed, ==, 1);
}

static void
record_child_cb (BtItem     *item,
                 GPtrArray  *seen)
{
  g_ptr_array_add (seen, bt_item_get_changed_child (item));
}

/* During ::changed, a container learns which of its children the change
 * came through; the plan keeps, per part, when it last changed. */
static void
test_changed_child (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (BtPlanChange));
  BtWeek *week;
  guint64 g;

  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
  bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (t));
  week = bt_plan_ensure_week (plan, 2026, 47);
  g_signal_connect (plan, "changed", G_CALLBACK (record_child_cb), seen);
  g_signal_connect (r, "changed", G_CALLBACK (record_child_cb), seen);

  /* From a grandchild: the relationship hears of its touchpoint, the plan
   * of its relationship. */
  g = bt_plan_get_generation (plan);
  bt_touchpoint_set_note (t, "Coffee");
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (g_ptr_array_index (seen, 0) == (gpointer) t);
  g_assert_true (g_ptr_array_index (seen, 1) == (gpointer) r);
  g_assert_null (bt_item_get_changed_child (BT_ITEM (plan)));
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_RELATIONSHIPS), >, g);
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_WEEKS), <=, g);
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_MILESTONES), <=, g);

  /* The relationship itself, then the plan's own list. */
  g_ptr_array_set_size (seen, 0);
  bt_relationship_set_name (r, "Dana");
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_null (g_ptr_array_index (seen, 0));
  g_assert_true (g_ptr_array_index (seen, 1) == (gpointer) r);
  g_ptr_array_set_size (seen, 0);
  g = bt_plan_get_generation (plan);
  bt_plan_ensure_week (plan, 2026, 48);
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_null (g_ptr_array_index (seen, 0));
  /* a week recorded is a change to the list of weeks, and to no other part */
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_WEEKS), >, g);
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_RELATIONSHIPS), <=, g);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 0).serial, ==, G_MAXUINT);
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 0).position, ==, 1);
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 0).removed, ==, 0);
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 0).added, ==, 1);

  /* A relationship added: that part as a whole. */
  g = bt_plan_get_generation (plan);
  {
    g_autoptr(BtRelationship) other = bt_relationship_new ();
    bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (other));
  }
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_RELATIONSHIPS), >, g);
  g_assert_cmpuint (bt_plan_get_part_generation (plan, BT_PLAN_PART_WEEKS), <=, g);
  g_assert_false (bt_plan_get_changes (plan, BT_PLAN_PART_RELATIONSHIPS, g, changes));

  /* A field of the plan itself: every part, in a plan just made too. */
  {
    g_autoptr(BtPlan) fresh = bt_plan_new ();

    g = bt_plan_get_generation (fresh);
    bt_plan_set_read_only (fresh, TRUE);
    for (BtPlanPart part = 0; part < BT_PLAN_N_PARTS; part++)
      g_assert_cmpuint (bt_plan_get_part_generation (fresh, part), >, g);
  }
  g = bt_plan_get_generation (plan);
  bt_plan_set_read_only (plan, TRUE);
  for (BtPlanPart part = 0; part < BT_PLAN_N_PARTS; part++)
    g_assert_cmpuint (bt_plan_get_part_generation (plan, part), >, g);
  g_assert_false (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));

  /* Single weeks and relationships are known one by one, up to
   * BT_PLAN_LOG changes of either. */
  g = bt_plan_get_generation (plan);
  g_array_set_size (changes, 0);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));
  g_assert_cmpuint (changes->len, ==, 0);
  bt_week_set_hours (week, "a", 1);
  bt_touchpoint_set_note (t, "Lunch");
  bt_week_set_hours (bt_plan_find_week (plan, 2026, 48), "a", 1);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 0).serial, ==, bt_week_get_serial (week));
  g_assert_cmpuint (g_array_index (changes, BtPlanChange, 1).serial, ==, bt_week_get_serial (week) + 1);
  g_array_set_size (changes, 0);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_RELATIONSHIPS, g, changes));
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_true (g_array_index (changes, BtPlanChange, 0).item == BT_ITEM (r));
  for (guint i = 0; i < BT_PLAN_LOG - 3; i++)
    bt_week_set_hours (week, "a", i + 2);
  g_array_set_size (changes, 0);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));
  g_assert_cmpuint (changes->len, ==, BT_PLAN_LOG - 1);
  /* The next change pushes out the oldest, a week's. */
  bt_week_set_hours (week, "a", 100);
  g_assert_false (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, g, changes));
  g_array_set_size (changes, 0);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_RELATIONSHIPS, g, changes));
  g_assert_cmpuint (changes->len, ==, 1);
  /* Since a later generation, the log still holds every change. */
  g_array_set_size (changes, 0);
  g_assert_true (bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, bt_plan_get_generation (plan) - 1, changes));
  g_assert_cmpuint (changes->len, ==, 1);
}

static void
test_removed_child_is_detached (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  guint changed = 0, position = 99;

  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
  g_assert_true (bt_item_get_parent (BT_ITEM (r)) == BT_ITEM (plan));

  g_assert_true (bt_item_remove_child (BT_ITEM (plan), bt_plan_get_relationships (plan),
                                       BT_ITEM (r), &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_null (bt_item_get_parent (BT_ITEM (r)));

  g_signal_connect (plan, "changed", G_CALLBACK (count_cb), &changed);
  bt_relationship_set_name (r, "Gone");
  g_assert_cmpuint (changed, ==, 0);

  g_assert_false (bt_item_remove_child (BT_ITEM (plan), bt_plan_get_relationships (plan),
                                        BT_ITEM (r), NULL));
}

/* A child that outlives its parent (an undo step may hold one) must not
 * point at freed memory. */
static void
test_child_outlives_parent (void)
{
  BtPlan *plan = bt_plan_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();

  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
  g_object_unref (plan);

  g_assert_null (bt_item_get_parent (BT_ITEM (r)));
  bt_relationship_set_name (r, "Still here");
}

/* A list may outlive its item too (a view can hold it): adding to it
 * then must not reach the freed item. */
static void
test_list_outlives_parent (void)
{
  BtRelationship *r = bt_relationship_new ();
  g_autoptr(GListModel) touchpoints = g_object_ref (bt_relationship_get_touchpoints (r));
  g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();

  g_object_unref (r);
  bt_item_list_append (BT_ITEM_LIST (touchpoints), t);

  g_assert_null (bt_item_get_parent (BT_ITEM (t)));
}

static void
count_items_changed_cb (GListModel *list,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *count)
{
  (*count)++;
}

/* A loader's splice: the children get their parent, the list says so once,
 * and what is added to the list later gets its parent as before. */
static void
test_splice_children (void)
{
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  GListModel *touchpoints = bt_relationship_get_touchpoints (r);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(BtTouchpoint) later = bt_touchpoint_new ();
  guint items_changed = 0, changed = 0;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (children, bt_touchpoint_new ());

  g_signal_connect (touchpoints, "items-changed", G_CALLBACK (count_items_changed_cb), &items_changed);
  g_signal_connect (r, "changed", G_CALLBACK (count_cb), &changed);

  bt_item_splice_children (BT_ITEM (r), touchpoints, 0, children->pdata, children->len);
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 3);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BtTouchpoint) t = g_list_model_get_item (touchpoints, i);

      g_assert_true (t == g_ptr_array_index (children, i));
      g_assert_true (bt_item_get_parent (BT_ITEM (t)) == BT_ITEM (r));
    }

  bt_item_list_append (BT_ITEM_LIST (touchpoints), later);
  g_assert_true (bt_item_get_parent (BT_ITEM (later)) == BT_ITEM (r));
  g_assert_cmpuint (changed, ==, 2);
}

typedef struct
{
  GString  *events;     /* what was heard, in order */
  gboolean *gone;       /* set when the removed item is finalized */
} ListWatch;

static void
watch_changed_cb (BtItem    *item,
                  ListWatch *watch)
{
  g_string_append (watch->events, "changed;");
}

static void
watch_items_changed_cb (GListModel *list,
                        guint       position,
                        guint       removed,
                        guint       added,
                        ListWatch  *watch)
{
  g_string_append_printf (watch->events, "items-changed %u %u %u%s;", position, removed, added,
                          *watch->gone ? " (removed item gone)" : "");
}

static void
mark_gone (gpointer  data,
           GObject  *where_the_object_was)
{
  *(gboolean *) data = TRUE;
}

static gboolean
names_are (BtItemList *list,
           const char *expected)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n;
  gpointer const *items = bt_item_list_peek_all (list, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%s", i ? "," : "", bt_relationship_get_name (items[i]));

  if (g_strcmp0 (names->str, expected) != 0)
    g_test_message ("names are %s, not %s", names->str, expected);

  return g_strcmp0 (names->str, expected) == 0;
}

/* The plan's lists: an array in order, the owner hears of a change before
 * the list's own listeners do, the items that come in get the owner as
 * their parent and those that leave forget it, and a removed item lives
 * until everyone has heard. */
static void
test_item_list (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPlan) other = bt_plan_new ();
  BtItemList *list = BT_ITEM_LIST (bt_plan_get_relationships (plan));
  g_autoptr(GString) events = g_string_new (NULL);
  gboolean gone = FALSE;
  ListWatch watch = { events, &gone };
  BtRelationship *r[5];
  guint position;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == BT_TYPE_RELATIONSHIP);
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    {
      char name[2] = { (char) ('a' + i), '\0' };

      r[i] = bt_relationship_new ();
      bt_relationship_set_name (r[i], name);
    }

  bt_item_list_splice (list, 0, 0, (gpointer *) r, 3);
  g_assert_true (names_are (list, "a,b,c"));
  g_assert_true (bt_item_get_parent (BT_ITEM (r[1])) == BT_ITEM (plan));

  g_signal_connect (plan, "changed", G_CALLBACK (watch_changed_cb), &watch);
  g_signal_connect (list, "items-changed", G_CALLBACK (watch_items_changed_cb), &watch);
  g_object_weak_ref (G_OBJECT (r[1]), mark_gone, &gone);
  g_object_unref (r[1]);   /* the list holds the only reference now */

  /* b out, d and e in, in the middle */
  bt_item_list_splice (list, 1, 1, (gpointer *) &r[3], 2);
  g_assert_cmpstr (events->str, ==, "changed;items-changed 1 1 2;");
  g_assert_true (gone);
  g_assert_true (names_are (list, "a,d,e,c"));
  g_assert_true (bt_item_get_parent (BT_ITEM (r[3])) == BT_ITEM (plan));
  g_assert_true (bt_item_get_parent (BT_ITEM (r[4])) == BT_ITEM (plan));

  g_assert_true (bt_item_list_find (list, r[4], &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_true (bt_item_list_peek (list, 3) == r[2]);
  g_assert_null (bt_item_list_peek (list, 4));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 4));
  {
    g_autoptr(BtRelationship) got = g_list_model_get_item (G_LIST_MODEL (list), 0);

    g_assert_true (got == r[0]);
    g_assert_cmpuint (G_OBJECT (got)->ref_count, ==, 3);   /* ours, the list's, got */
  }

  /* an item moved to another plan keeps its new parent when it leaves the
   * old list */
  bt_item_list_append (BT_ITEM_LIST (bt_plan_get_relationships (other)), r[2]);
  bt_item_list_remove (list, 3);
  g_assert_true (bt_item_get_parent (BT_ITEM (r[2])) == BT_ITEM (other));

  /* one that leaves for nowhere forgets its parent */
  bt_item_list_remove (list, 0);
  g_assert_null (bt_item_get_parent (BT_ITEM (r[0])));

  g_string_truncate (events, 0);
  gone = FALSE;   /* b has been heard of */
  bt_item_list_splice (list, 1, 0, NULL, 0);
  g_assert_cmpstr (events->str, ==, "");   /* nothing changed, nothing said */

  bt_item_list_remove_all (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpstr (events->str, ==, "changed;items-changed 0 2 0;");
  g_assert_null (bt_item_get_parent (BT_ITEM (r[3])));

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    if (i != 1)
      g_object_unref (r[i]);
}

static void
test_weeks_sorted (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  GListModel *weeks = bt_plan_get_weeks (plan);
  const char *order[] = { "2025-W52", "2026-W01", "2026-W10", "2026-W53" };
  g_autoptr(BtWeek) duplicate = bt_week_new (2026, 1);

  bt_plan_ensure_week (plan, 2026, 10);
  bt_plan_ensure_week (plan, 2026, 1);
  bt_plan_ensure_week (plan, 2026, 53);
  bt_plan_ensure_week (plan, 2025, 52);
  /* Asking again gives the same record. */
  g_assert_true (bt_plan_ensure_week (plan, 2026, 10) == bt_plan_find_week (plan, 2026, 10));
  g_assert_false (bt_plan_add_week (plan, duplicate));

  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(BtWeek) w = g_list_model_get_item (weeks, i);
      g_assert_cmpstr (bt_week_get_week (w), ==, order[i]);
    }

  g_assert_null (bt_plan_find_week (plan, 2026, 2));
}

static void
test_week_hours (void)
{
  g_autoptr(BtWeek) week = bt_week_new (2026, 47);
  guint notified = 0;
  double hours;

  g_signal_connect (week, "notify::total-hours", G_CALLBACK (notify_count_cb), &notified);

  bt_week_set_hours (week, "a", 10.5);
  bt_week_set_hours (week, "b", 4.0);
  bt_week_set_hours (week, "a", 10.5);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 14.5);
  g_assert_cmpfloat (bt_week_get_hours (week, "a"), ==, 10.5);
  g_assert_cmpfloat (bt_week_get_hours (week, "missing"), ==, 0.0);

  /* Order of entry is kept, so files round-trip unchanged. */
  g_assert_cmpuint (bt_week_get_n_categories (week), ==, 2);
  g_assert_cmpstr (bt_week_get_category (week, 1, &hours), ==, "b");
  g_assert_cmpfloat (hours, ==, 4.0);

  /* Zero for a category with no hours adds nothing. */
  bt_week_set_hours (week, "c", 0.0);
  g_assert_cmpuint (bt_week_get_n_categories (week), ==, 2);

  /* More categories than fit in the week itself: all kept, in order. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      bt_week_set_hours (week, id, i + 1);
    }
  g_assert_cmpuint (bt_week_get_n_categories (week), ==, 42);
  g_assert_cmpstr (bt_week_get_category (week, 1, &hours), ==, "b");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);

      g_assert_cmpstr (bt_week_get_category (week, i + 2, &hours), ==, id);
      g_assert_cmpfloat (hours, ==, i + 1);
    }
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 14.5 + 40 * 41 / 2);

  /* Serials count weeks, across a year's end too. */
  {
    g_autoptr(BtWeek) w53 = bt_week_new (2026, 53);
    g_autoptr(BtWeek) w1 = bt_week_new (2027, 1);

    g_assert_cmpuint (bt_week_get_serial (w53) + 1, ==, bt_week_get_serial (w1));
    g_assert_cmpuint (bt_week_get_serial (w53) - bt_week_get_serial (week), ==, 6);
  }

  /* The week's text pads the year and the week. */
  {
    g_autoptr(BtWeek) early = bt_week_new (987, 5);
    g_autoptr(BtWeek) late = bt_week_new (9999, 52);

    g_assert_cmpstr (bt_week_get_week (early), ==, "0987-W05");
    g_assert_cmpstr (bt_week_get_week (late), ==, "9999-W52");
  }
}

/* An interned id and a copy of it name the same entry. */
static void
test_week_hours_interned (void)
{
  g_autoptr(BtWeek) week = bt_week_new (2026, 47);
  g_autofree char *copy = g_strdup ("strategy");
  double hours;

  bt_week_set_hours_interned (week, g_intern_string ("strategy"), 3.0);
  bt_week_set_hours (week, copy, 5.0);
  g_assert_cmpuint (bt_week_get_n_categories (week), ==, 1);
  g_assert_cmpfloat (bt_week_get_hours (week, copy), ==, 5.0);
  bt_week_set_hours_interned (week, g_intern_string ("strategy"), 2.0);
  bt_week_set_hours_interned (week, g_intern_string ("delivery"), 1.0);
  g_assert_cmpuint (bt_week_get_n_categories (week), ==, 2);
  g_assert_cmpstr (bt_week_get_category (week, 0, &hours), ==, "strategy");
  g_assert_cmpfloat (hours, ==, 2.0);
  g_assert_cmpfloat (bt_week_get_total_hours (week), ==, 3.0);
}

static BtTouchpoint *
touchpoint_on (int year, int month, int day)
{
  BtTouchpoint *t = bt_touchpoint_new ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  bt_touchpoint_set_date (t, &date);

  return t;
}

/* The latest touchpoint is kept between calls: every way it can change
 * must be seen, through the touchpoints list and through a touchpoint. */
static void
test_last_touchpoint_follows_changes (void)
{
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  GListModel *touchpoints = bt_relationship_get_touchpoints (r);
  g_autoptr(BtTouchpoint) march = touchpoint_on (2026, 3, 2);
  g_autoptr(BtTouchpoint) may = touchpoint_on (2026, 5, 4);
  GDate last, date;

  g_assert_false (bt_relationship_get_last_touchpoint (r, &last));

  bt_item_append_child (BT_ITEM (r), touchpoints, BT_ITEM (march));
  g_assert_true (bt_relationship_get_last_touchpoint (r, &last));
  g_assert_cmpint (g_date_get_month (&last), ==, 3);

  bt_item_append_child (BT_ITEM (r), touchpoints, BT_ITEM (may));
  g_assert_true (bt_relationship_get_last_touchpoint (r, &last));
  g_assert_cmpint (g_date_get_month (&last), ==, 5);

  /* an edit of a touchpoint's date */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 9, 2026);
  bt_touchpoint_set_date (march, &date);
  g_assert_true (bt_relationship_get_last_touchpoint (r, &last));
  g_assert_cmpint (g_date_get_month (&last), ==, 9);

  /* a removal */
  bt_item_list_remove (BT_ITEM_LIST (touchpoints), 0);
  g_assert_true (bt_relationship_get_last_touchpoint (r, &last));
  g_assert_cmpint (g_date_get_month (&last), ==, 5);

  bt_item_list_remove_all (BT_ITEM_LIST (touchpoints));
  g_assert_false (bt_relationship_get_last_touchpoint (r, &last));
}

/* The count of business cases is kept between changes of the plan. */
static void
test_business_case_count_follows_changes (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtNarrative) first = bt_narrative_new ();
  g_autoptr(BtNarrative) second = bt_narrative_new ();
  g_autoptr(BtBusinessCase) a = bt_business_case_new ();
  g_autoptr(BtBusinessCase) b = bt_business_case_new ();
  g_autoptr(BtBusinessCase) c = bt_business_case_new ();

  g_assert_cmpuint (bt_plan_count_business_cases (plan), ==, 0);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (first));
  bt_item_append_child (BT_ITEM (first), bt_narrative_get_business_cases (first), BT_ITEM (a));
  g_assert_cmpuint (bt_plan_count_business_cases (plan), ==, 1);

  /* into a narrative already in the plan, and a narrative that brings its own */
  bt_item_append_child (BT_ITEM (first), bt_narrative_get_business_cases (first), BT_ITEM (b));
  bt_item_append_child (BT_ITEM (second), bt_narrative_get_business_cases (second), BT_ITEM (c));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (second));
  g_assert_cmpuint (bt_plan_count_business_cases (plan), ==, 3);

  bt_item_list_remove (BT_ITEM_LIST (bt_narrative_get_business_cases (first)), 0);
  g_assert_cmpuint (bt_plan_count_business_cases (plan), ==, 2);
  bt_item_list_remove (BT_ITEM_LIST (bt_plan_get_narratives (plan)), 1);
  g_assert_cmpuint (bt_plan_count_business_cases (plan), ==, 1);
}

/* The plan's walkable copies of its lists hold the very items of the
 * lists, in order, through any change to the lists, whether they were
 * first asked for before or after the change. */
static void
assert_peek_is_list (GListModel *list,
                     gpointer   *items,
                     guint       n)
{
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_assert_true (items[i] == (gpointer) item);
    }
}

static void
check_peeks (BtPlan *plan)
{
  guint n;
  gpointer *items;

  items = (gpointer *) bt_plan_peek_weeks (plan, &n);
  assert_peek_is_list (bt_plan_get_weeks (plan), items, n);
  items = (gpointer *) bt_plan_peek_relationships (plan, &n);
  assert_peek_is_list (bt_plan_get_relationships (plan), items, n);
  items = (gpointer *) bt_plan_peek_milestones (plan, &n);
  assert_peek_is_list (bt_plan_get_milestones (plan), items, n);
}

/* Asks for the weeks' array before any handler hears of a change: as
 * if asked for while the store had changed but not said so yet. */
static gboolean
peek_early_hook (GSignalInvocationHint *hint,
                 guint                  n_values,
                 const GValue          *values,
                 gpointer               data)
{
  BtPlan *plan = data;
  guint n;

  if (g_value_get_object (&values[0]) == (gpointer) bt_plan_get_weeks (plan))
    bt_plan_peek_weeks (plan, &n);

  return TRUE;
}

static void
test_peek_follows_lists (void)
{
  for (guint asked_first = 0; asked_first < 2; asked_first++)
    {
      g_autoptr(BtPlan) plan = bt_plan_new ();
      BtItemList *relationships = BT_ITEM_LIST (bt_plan_get_relationships (plan));
      BtItemList *milestones = BT_ITEM_LIST (bt_plan_get_milestones (plan));
      guint n;

      if (asked_first)
        check_peeks (plan);

      for (int w = 40; w >= 1; w -= 3)   /* each goes first: sorted insertion */
        bt_plan_ensure_week (plan, 2026, w);
      for (guint i = 0; i < 30; i++)
        {
          g_autoptr(BtRelationship) r = bt_relationship_new ();
          g_autoptr(BtMilestone) m = bt_milestone_new ();

          if (i % 3 == 0)
            bt_item_append_child (BT_ITEM (plan), G_LIST_MODEL (relationships), BT_ITEM (r));
          else
            bt_item_insert_child (BT_ITEM (plan), G_LIST_MODEL (relationships), i / 2, BT_ITEM (r));
          bt_item_insert_child (BT_ITEM (plan), G_LIST_MODEL (milestones), 0, BT_ITEM (m));
          if (asked_first)
            check_peeks (plan);
        }
      check_peeks (plan);

      /* removed from the middle, at the ends, several at once; spliced in */
      bt_item_list_remove (relationships, 7);
      bt_item_list_remove (relationships, 0);
      bt_item_list_remove (relationships, g_list_model_get_n_items (G_LIST_MODEL (relationships)) - 1);
      bt_item_list_splice (milestones, 3, 5, NULL, 0);
      {
        g_autoptr(BtRelationship) a = bt_relationship_new ();
        g_autoptr(BtRelationship) b = bt_relationship_new ();
        gpointer both[] = { a, b };

        bt_item_list_splice (relationships, 4, 2, both, 2);
      }
      bt_item_list_remove (BT_ITEM_LIST (bt_plan_get_weeks (plan)), 2);
      bt_plan_ensure_week (plan, 2026, 2);
      check_peeks (plan);

      bt_item_list_remove_all (relationships);
      check_peeks (plan);
      bt_plan_peek_relationships (plan, &n);
      g_assert_cmpuint (n, ==, 0);
    }

  /* made in the middle of a change: not taken for the list before it */
  {
    g_autoptr(BtPlan) plan = bt_plan_new ();
    guint signal_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
    gulong hook = g_signal_add_emission_hook (signal_id, 0, peek_early_hook, plan, NULL);
    g_autoptr(BtWeek) week = bt_week_new (2027, 5);

    /* straight into the store: bt_plan_ensure_week() would look first */
    bt_item_list_append (BT_ITEM_LIST (bt_plan_get_weeks (plan)), week);
    g_signal_remove_emission_hook (signal_id, hook);
    check_peeks (plan);
  }
}

/* Every value of every enum has a label of its own for people, and the
 * file's word for it is its nick, as glib-mkenums made it. */
static void
test_enum_labels (void)
{
  const GType types[] = {
    BT_TYPE_MILESTONE_STATUS, BT_TYPE_CATEGORY_KIND, BT_TYPE_FUNCTION,
    BT_TYPE_NARRATIVE_STATUS, BT_TYPE_CASE_STATUS, BT_TYPE_RULE_MATCH,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);
      g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = bt_enum_to_label (types[t], klass->values[i].value);
          int value;

          g_assert_cmpstr (label, !=, "");
          g_assert_false (g_hash_table_contains (labels, label));
          g_hash_table_add (labels, (gpointer) label);
          g_assert_true (bt_enum_from_nick (types[t], klass->values[i].value_nick, &value));
          g_assert_cmpint (value, ==, klass->values[i].value);
          g_assert_cmpstr (bt_enum_to_nick (types[t], value), ==, klass->values[i].value_nick);
        }
    }

  g_assert_cmpstr (bt_enum_to_nick (BT_TYPE_MILESTONE_STATUS, BT_MILESTONE_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (bt_enum_to_nick (BT_TYPE_FUNCTION, BT_FUNCTION_CUSTOMER_SUCCESS), ==, "customer-success");
  g_assert_cmpstr (bt_enum_to_label (BT_TYPE_RULE_MATCH, BT_RULE_CALENDAR), ==, "The calendar’s name");
}

/* Design is one of the functions peers work in (PRODUCT.md): a value of
 * its own, with its label, stored as "design", listed by the schema like
 * every other function, and read back from a file. */
static void
test_design_function (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) designer = bt_relationship_new ();
  g_autoptr(BtPlan) loaded = NULL;
  g_autoptr(BtRelationship) read_back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plan.schema.json", NULL);
  GEnumClass *functions = g_type_class_ref (BT_TYPE_FUNCTION);
  JsonObject *defs;
  JsonArray *listed = NULL;
  int value;

  g_assert_true (bt_enum_from_nick (BT_TYPE_FUNCTION, "design", &value));
  g_assert_cmpstr (bt_enum_to_label (BT_TYPE_FUNCTION, value), ==, "Design");
  g_assert_cmpuint (functions->n_values, ==, BT_N_FUNCTIONS);

  /* The schema lists every function the app knows, and no other. */
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  defs = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "$defs");
  {
    GList *names = json_object_get_members (defs);

    for (GList *l = names; l != NULL; l = l->next)
      {
        JsonObject *def = json_object_get_object_member (defs, l->data);
        JsonObject *props = json_object_has_member (def, "properties")
                              ? json_object_get_object_member (def, "properties") : NULL;

        if (props != NULL && json_object_has_member (props, "function") &&
            json_object_has_member (json_object_get_object_member (props, "function"), "enum"))
          listed = json_object_get_array_member (json_object_get_object_member (props, "function"), "enum");
      }
    g_list_free (names);
  }
  g_assert_nonnull (listed);
  g_assert_cmpuint (json_array_get_length (listed), ==, BT_N_FUNCTIONS);
  for (guint i = 0; i < json_array_get_length (listed); i++)
    g_assert_cmpstr (json_array_get_string_element (listed, i), ==, functions->values[i].value_nick);
  g_type_class_unref (functions);

  bt_relationship_set_name (designer, "Dana");
  bt_relationship_set_function (designer, value);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (designer));
  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"design\""));
  loaded = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  read_back = g_list_model_get_item (bt_plan_get_relationships (loaded), 0);
  g_assert_cmpint (bt_relationship_get_function (read_back), ==, BT_FUNCTION_DESIGN);
}

/* A contact's job title suggests the person's function; a title that
 * says none gives Other, never a silent Product. */
static void
test_guess_function (void)
{
  static const struct { const char *title; BtFunction function; } cases[] = {
    { "Head of Sales EMEA", BT_FUNCTION_SALES },
    { "VP Sales", BT_FUNCTION_SALES },
    { "CFO", BT_FUNCTION_FINANCE },
    { "Director of Product Management", BT_FUNCTION_PRODUCT },
    { "Senior UX Designer", BT_FUNCTION_DESIGN },
    { "Chief Operating Officer", BT_FUNCTION_OPERATIONS },
    { "Chief Executive Officer", BT_FUNCTION_LEADERSHIP },
    { "Customer Success Manager", BT_FUNCTION_CUSTOMER_SUCCESS },
    { "Head of People", BT_FUNCTION_PEOPLE },
    { "Brand Marketing Lead", BT_FUNCTION_MARKETING },
    { "Project Coordinator", BT_FUNCTION_OTHER },
    { "", BT_FUNCTION_OTHER },
    { NULL, BT_FUNCTION_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bt_relationship_guess_function (cases[i].title), ==, cases[i].function);
}

/* The kinds of item whose classes describe their fields. */
static const GType *
item_types (guint *n_types)
{
  static GType types[12];

  if (types[0] == 0)
    {
      const GType all[] = {
        BT_TYPE_BUSINESS_CASE, BT_TYPE_CATEGORY, BT_TYPE_CHECK_IN, BT_TYPE_COST_ROW,
        BT_TYPE_IMPACT_STATEMENT, BT_TYPE_IMPORT_RULE, BT_TYPE_MILESTONE, BT_TYPE_NARRATIVE,
        BT_TYPE_PHASE, BT_TYPE_PROFILE, BT_TYPE_RELATIONSHIP, BT_TYPE_TOUCHPOINT,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (all) == G_N_ELEMENTS (types));
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        types[i] = all[i];
    }
  *n_types = G_N_ELEMENTS (types);

  return types;
}

/* A new item of each kind holds its fields' defaults, as their properties
 * say, and the lists of items it holds go with it. */
static void
test_new_items (void)
{
  guint n_types;
  const GType *types = item_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      GObject *item = g_object_new (types[i], NULL);
      GParamSpec **pspecs = BT_ITEM_GET_CLASS (item)->field_pspecs;
      guint n_fields, n_children;
      const BtChildList *children = bt_item_class_get_children (types[i], &n_children);
      gboolean gone[4] = { FALSE };

      bt_item_class_get_fields (types[i], &n_fields);
      g_assert_cmpuint (n_fields, >, 0);
      for (guint f = 0; f < n_fields; f++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspecs[f]->value_type);
          g_object_get_property (item, pspecs[f]->name, &value);
          g_test_message ("%s:%s", g_type_name (types[i]), pspecs[f]->name);
          g_assert_true (g_param_value_defaults (pspecs[f], &value));
        }

      g_assert_cmpuint (n_children, <=, G_N_ELEMENTS (gone));
      for (guint c = 0; c < n_children; c++)
        g_object_weak_ref (G_OBJECT (children[c].get (item)), mark_gone, &gone[c]);
      g_object_unref (item);
      for (guint c = 0; c < n_children; c++)
        g_assert_true (gone[c]);
    }
}

typedef struct
{
  guint       count;
  GParamSpec *last;
} Notified;

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  Notified *notified = user_data;

  notified->count++;
  notified->last = pspec;
}

typedef void (*SetText) (gpointer self, const char *value);
typedef void (*SetDate) (gpointer self, const GDate *value);
typedef void (*SetWhole) (gpointer self, int value);
typedef void (*SetNumber) (gpointer self, double value);

/* Each field's typed setter, as its line in the class's table has it,
 * takes a value other than the default, notifies that field's property
 * and no other, and the property then holds the value. */
static void
test_field_setters (void)
{
  guint n_types;
  const GType *types = item_types (&n_types);
  g_autoptr(GDate) date = g_date_new_dmy (3, G_DATE_FEBRUARY, 2024);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GObject) item = g_object_new (types[i], NULL);
      GParamSpec **pspecs = BT_ITEM_GET_CLASS (item)->field_pspecs;
      guint n_fields;
      const BtField *fields = bt_item_class_get_fields (types[i], &n_fields);
      Notified notified = { 0 };

      g_signal_connect (item, "notify", G_CALLBACK (notified_cb), &notified);
      for (guint f = 0; f < n_fields; f++)
        {
          const BtField *field = &fields[f];
          g_auto(GValue) value = G_VALUE_INIT;

          g_test_message ("%s:%s", g_type_name (types[i]), field->member);
          notified = (Notified) { 0 };
          g_value_init (&value, pspecs[f]->value_type);
          switch (field->type)
            {
            case BT_FIELD_TEXT:
              {
                const char *text = field->flags & BT_FIELD_COLOR ? "#123456" :
                                   field->flags & BT_FIELD_WEEK ? "2024-W05" :
                                   field->flags & BT_FIELD_CURRENCY ? "USD" : "Some text";

                ((SetText) field->set) (item, text);
                g_object_get_property (item, pspecs[f]->name, &value);
                g_assert_cmpstr (g_value_get_string (&value), ==, text);
              }
              break;

            case BT_FIELD_DATE:
              ((SetDate) field->set) (item, date);
              g_object_get_property (item, pspecs[f]->name, &value);
              g_assert_cmpint (g_date_compare (g_value_get_boxed (&value), date), ==, 0);
              break;

            case BT_FIELD_INT:
              {
                int whole = field->flags & BT_FIELD_ZERO_UNSET ? field->min : (int) field->highest;

                g_assert_cmpint (whole, !=, (int) field->default_value);
                ((SetWhole) field->set) (item, whole);
                g_object_get_property (item, pspecs[f]->name, &value);
                g_assert_cmpint (g_value_get_int (&value), ==, whole);
              }
              break;

            case BT_FIELD_NUMBER:
              g_assert_cmpfloat (field->highest, !=, field->default_value);
              ((SetNumber) field->set) (item, field->highest);
              g_object_get_property (item, pspecs[f]->name, &value);
              g_assert_cmpfloat (g_value_get_double (&value), ==, field->highest);
              break;

            case BT_FIELD_ENUM:
              {
                g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->enum_type ());
                int other = enum_class->values[0].value == (int) field->default_value
                            ? enum_class->values[1].value : enum_class->values[0].value;

                ((SetWhole) field->set) (item, other);
                g_object_get_property (item, pspecs[f]->name, &value);
                g_assert_cmpint (g_value_get_enum (&value), ==, other);
              }
              break;

            default:
              g_assert_not_reached ();
            }
          g_assert_cmpuint (notified.count, ==, 1);
          g_assert_true (notified.last == pspecs[f]);
        }
    }
}

/* A birth year is 0 for none or one from BT_BIRTH_YEAR_MIN on: the
 * setter refuses what is between. */
static void
test_birth_year_range (void)
{
  g_autoptr(BtProfile) profile = bt_profile_new ();

  bt_profile_set_birth_year (profile, 1984);
  g_assert_cmpint (bt_profile_get_birth_year (profile), ==, 1984);
  if (g_test_undefined ())
    {
      g_test_expect_message ("bt-profile", G_LOG_LEVEL_CRITICAL, "*birth_year*");
      bt_profile_set_birth_year (profile, 5);
      g_test_assert_expected_messages ();
      g_assert_cmpint (bt_profile_get_birth_year (profile), ==, 1984);
    }
  bt_profile_set_birth_year (profile, 0);
  g_assert_cmpint (bt_profile_get_birth_year (profile), ==, 0);
}

/* An item's name is its first field when that is a required text. */
static void
test_item_name (void)
{
  g_autoptr(BtRelationship) person = bt_relationship_new ();
  g_autoptr(BtMilestone) milestone = bt_milestone_new ();
  g_autoptr(BtTouchpoint) touchpoint = bt_touchpoint_new ();

  g_assert_null (bt_item_get_name (BT_ITEM (person)));
  bt_relationship_set_name (person, "Dana Lee");
  g_assert_cmpstr (bt_item_get_name (BT_ITEM (person)), ==, "Dana Lee");
  bt_milestone_set_title (milestone, "QBR");
  g_assert_cmpstr (bt_item_get_name (BT_ITEM (milestone)), ==, "QBR");
  /* A touchpoint's first field is its date. */
  g_assert_null (bt_item_get_name (BT_ITEM (touchpoint)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/model/default-categories", test_default_categories);
  g_test_add_func ("/model/ids", test_ids);
  g_test_add_func ("/model/item-name", test_item_name);
  g_test_add_func ("/model/last-touchpoint-follows-changes", test_last_touchpoint_follows_changes);
  g_test_add_func ("/model/business-case-count-follows-changes", test_business_case_count_follows_changes);
  g_test_add_func ("/model/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/model/plan-changed-from-deep-inside", test_plan_changed_from_deep_inside);
  g_test_add_func ("/model/changed-child", test_changed_child);
  g_test_add_func ("/model/removed-child-is-detached", test_removed_child_is_detached);
  g_test_add_func ("/model/child-outlives-parent", test_child_outlives_parent);
  g_test_add_func ("/model/list-outlives-parent", test_list_outlives_parent);
  g_test_add_func ("/model/new-items", test_new_items);
  g_test_add_func ("/model/field-setters", test_field_setters);
  g_test_add_func ("/model/birth-year-range", test_birth_year_range);
  g_test_add_func ("/model/splice-children", test_splice_children);
  g_test_add_func ("/model/item-list", test_item_list);
  g_test_add_func ("/model/weeks-sorted", test_weeks_sorted);
  g_test_add_func ("/model/week-hours", test_week_hours);
  g_test_add_func ("/model/week-hours-interned", test_week_hours_interned);
  g_test_add_func ("/model/peek-follows-lists", test_peek_follows_lists);
  g_test_add_func ("/model/design-function", test_design_function);
  g_test_add_func ("/model/enum-labels", test_enum_labels);
  g_test_add_func ("/model/guess-function", test_guess_function);

  return g_test_run ();
}
