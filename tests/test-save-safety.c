/* test-save-safety.c — a save interrupted at any moment, or failing part
 * way, never leaves a plan that is neither the old nor the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bt-history.h"
#include "bt-import-rule.h"
#include "bt-plan-file.h"

#define KILLS 200

static GBytes *
serialize (BtPlan *plan)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);

  g_assert_no_error (error);

  return bytes;
}

static void
test_kill_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) a = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) b = bt_plan_file_load_sample (&error);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bt-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  guint saw_a = 0, saw_b = 0;
  gint64 save_usec;

  /* B differs from A all through the file, not only at one spot. */
  bt_profile_set_name (bt_plan_get_profile (b), "Somebody else entirely");
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_weeks (b)); i++)
    {
      g_autoptr(BtWeek) week = g_list_model_get_item (bt_plan_get_weeks (b), i);
      bt_week_set_note (week, "rewritten");
    }

  bytes_a = serialize (a);
  bytes_b = serialize (b);
  g_assert_true (bt_plan_file_save (a, path, &error));

  /* How long one save takes in this build (a sanitizer build is slower):
   * the kills land anywhere within the first three saves. */
  {
    gint64 start = g_get_monotonic_time ();

    g_assert_true (bt_plan_file_save (a, path, &error));
    save_usec = MAX (g_get_monotonic_time () - start, 1000);
  }

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      gsize length;
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);

      if (pid == 0)
        {
          /* Save B and A in turn until killed. */
          for (guint round = 0; ; round++)
            bt_plan_file_save (round % 2 == 0 ? b : a, path, NULL);
        }

      g_usleep (g_random_int_range (0, MAX (20000, 3 * save_usec)));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      on_disk = g_bytes_new_take (g_steal_pointer (&contents), length);

      if (g_bytes_equal (on_disk, bytes_a))
        saw_a++;
      else if (g_bytes_equal (on_disk, bytes_b))
        saw_b++;
      else
        g_error ("after kill %u the file is neither the old nor the new plan (%" G_GSIZE_FORMAT " bytes)",
                 i, length);
    }

  g_test_message ("after %d kills: %u times the first plan, %u times the second", KILLS, saw_a, saw_b);
  /* The kills must really have landed during saves, or this proves nothing. */
  g_assert_cmpuint (saw_a + saw_b, ==, KILLS);
  g_assert_cmpuint (saw_b, >, 0);
}

static void
test_failed_write_keeps_original (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *dir = g_dir_make_tmp ("bt-fsize-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  const char *original = "{\"format\": \"breakthrough-plan\", \"version\": 1}\n";
  const char *older = "{\"format\": \"breakthrough-plan\", \"version\": 1, \"weeks\": []}\n";
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autofree char *backup_tmp = g_strconcat (backup, ".tmp", NULL);
  g_autofree char *after = NULL;
  g_autofree char *backup_after = NULL;
  pid_t pid;
  int status;

  g_assert_true (g_file_set_contents (path, original, -1, NULL));
  g_assert_true (g_file_set_contents (backup, older, -1, NULL));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Files may grow to 4 KiB only: the 64 KiB plan cannot be written. */
      struct rlimit limit = { 4096, 4096 };
      g_autoptr(GError) child_error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);

      if (bt_plan_file_save (plan, path, &child_error))
        _exit (10);   /* it claimed success */
      if (child_error == NULL || child_error->message[0] == '\0')
        _exit (11);   /* it failed without telling */
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
  /* and its backup, the version before it: a failed save made it a link
   * to the file itself (found by a tester on a full disk) */
  g_assert_true (g_file_get_contents (backup, &backup_after, NULL, NULL));
  g_assert_cmpstr (backup_after, ==, older);
  g_assert_false (g_file_test (backup_tmp, G_FILE_TEST_EXISTS));
}

/* A folder nothing can be written in, even by root: sysfs. The message
 * names the folder, not GLib's temporary file. */
static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);

  g_assert_no_error (error);
  if (!g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no sysfs here");
      return;
    }

  g_assert_false (bt_plan_file_save (plan, "/sys/kernel/breakthrough-plan.json", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“/sys/kernel”"));
  g_assert_null (strstr (error->message, "breakthrough-plan.json."));
  g_assert_false (g_file_test ("/sys/kernel/breakthrough-plan.json", G_FILE_TEST_EXISTS));
}

static GBytes *
file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

/* A plan saved twice: @path holds it and `@path.bak` too. */
static BtPlan *
saved_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);

  g_assert_no_error (error);
  bt_profile_set_name (bt_plan_get_profile (plan), "First save");
  g_assert_true (bt_plan_file_save (plan, path, &error));
  bt_profile_set_name (bt_plan_get_profile (plan), "Second save");
  g_assert_true (bt_plan_file_save (plan, path, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

/* Before the file is replaced, what is to be written is read back by the
 * same reader: a plan it would refuse is not written, the message names
 * the JSON path, and the file and its backup stay as they were. */
static void
test_unloadable_plan_is_not_saved (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-guard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autoptr(BtPlan) plan = saved_sample (path);
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) backup_before = file_bytes (backup);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_autoptr(BtTouchpoint) undated = bt_touchpoint_new ();
  g_autoptr(BtWeek) year_one = bt_week_new (1, 1);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) backup_after = NULL;

  /* A touchpoint with no date, as clearing its date in the editor made. */
  bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (undated));
  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "relationships[0].touchpoints["));
  g_assert_nonnull (strstr (error->message, "date"));
  g_clear_error (&error);

  /* Twice, as autosave would: the backup must not become the broken plan. */
  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_clear_error (&error);
  after = file_bytes (path);
  backup_after = file_bytes (backup);
  g_assert_true (g_bytes_equal (after, before));
  g_assert_true (g_bytes_equal (backup_after, backup_before));
  bt_item_remove_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (undated), NULL);

  /* A week the reader refuses: 0001-W01. */
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_weeks (plan), BT_ITEM (year_one));
  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "weeks["));
  g_clear_pointer (&after, g_bytes_unref);
  g_clear_pointer (&backup_after, g_bytes_unref);
  after = file_bytes (path);
  backup_after = file_bytes (backup);
  g_assert_true (g_bytes_equal (after, before));
  g_assert_true (g_bytes_equal (backup_after, backup_before));
}

/* A plan file that no longer loads (changed by hand, or by another
 * program) is replaced by the save, but never kept as the backup: the
 * backup of the last good save stays. */
static void
test_broken_file_never_becomes_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-guard-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autoptr(BtPlan) plan = saved_sample (path);
  g_autoptr(GBytes) backup_before = file_bytes (backup);
  g_autoptr(GBytes) backup_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) reloaded = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"breakthrough-plan\", \"version\": 1, \"weeks\": [{\"week\": \"0001-W01\"", -1, NULL));
  g_assert_true (bt_plan_file_save (plan, path, &error));
  g_assert_no_error (error);

  backup_after = file_bytes (backup);
  g_assert_true (g_bytes_equal (backup_after, backup_before));
  reloaded = bt_plan_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);
}

/* A plan its owner made read-only (0444) is not replaced by a save, even
 * by root, who may write anything: the window and the command line's
 * imports say so, and mode and content stay. */
static void
test_read_only_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-ro-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(BtPlan) plan = saved_sample (path);
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  bt_profile_set_name (bt_plan_get_profile (plan), "Third save");
  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "is read-only"));
  g_assert_nonnull (strstr (error->message, path));

  after = file_bytes (path);
  g_assert_true (g_bytes_equal (after, before));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0444);
}

/* Random edits through the model's and the history's public API, as the
 * window makes them: every save either loads back equal to the model, or
 * is refused with the file left as the last good save. */

typedef struct
{
  BtItem     *parent;
  GListModel *list;
  GType       type;
} Slot;

static void
collect_slots (BtPlan *plan,
               GArray *slots)
{
  Slot top[] = {
    { BT_ITEM (plan), bt_plan_get_phases (plan), BT_TYPE_PHASE },
    { BT_ITEM (plan), bt_plan_get_milestones (plan), BT_TYPE_MILESTONE },
    { BT_ITEM (plan), bt_plan_get_categories (plan), BT_TYPE_CATEGORY },
    { BT_ITEM (plan), bt_plan_get_relationships (plan), BT_TYPE_RELATIONSHIP },
    { BT_ITEM (plan), bt_plan_get_narratives (plan), BT_TYPE_NARRATIVE },
    { BT_ITEM (plan), bt_plan_get_check_ins (plan), BT_TYPE_CHECK_IN },
    { BT_ITEM (plan), bt_plan_get_import_rules (plan), BT_TYPE_IMPORT_RULE },
  };

  g_array_set_size (slots, 0);
  g_array_append_vals (slots, top, G_N_ELEMENTS (top));

  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_relationships (plan)); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (plan), i);
      Slot s = { BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_TYPE_TOUCHPOINT };
      g_array_append_val (slots, s);
    }
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_narratives (plan)); i++)
    {
      g_autoptr(BtNarrative) n = g_list_model_get_item (bt_plan_get_narratives (plan), i);
      GListModel *cases = bt_narrative_get_business_cases (n);
      Slot a = { BT_ITEM (n), bt_narrative_get_impact_statements (n), BT_TYPE_IMPACT_STATEMENT };
      Slot b = { BT_ITEM (n), cases, BT_TYPE_BUSINESS_CASE };

      g_array_append_val (slots, a);
      g_array_append_val (slots, b);
      for (guint j = 0; j < g_list_model_get_n_items (cases); j++)
        {
          g_autoptr(BtBusinessCase) c = g_list_model_get_item (cases, j);
          Slot s = { BT_ITEM (c), bt_business_case_get_cost_rows (c), BT_TYPE_COST_ROW };
          g_array_append_val (slots, s);
        }
    }
}

static void
random_value (GRand      *rand,
              GParamSpec *pspec,
              GValue     *value)
{
  static const char *texts[] = {
    "", "Roadmap review", "Ünïcødé ✓ and “quotes”", "two\nlines", "back\\slash \"quoted\"",
    "שלום עולם", "#3584e4", "2026-W10", "someone@example.com",
  };
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (value, texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *p = G_PARAM_SPEC_INT (pspec);
      int lo = MAX (p->minimum, -1000), hi = MIN (p->maximum, 3000);
      g_value_set_int (value, g_rand_int_range (rand, lo, hi + 1));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *p = G_PARAM_SPEC_DOUBLE (pspec);
      double lo = MAX (p->minimum, -1000), hi = MIN (p->maximum, 100000);
      g_value_set_double (value, g_rand_double_range (rand, lo, hi));
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_rand_boolean (rand));
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      g_value_set_enum (value, klass->values[g_rand_int_range (rand, 0, klass->n_values)].value);
    }
  else if (type == G_TYPE_DATE)
    {
      /* Now and then no date: the guard must catch where it is required. */
      if (g_rand_int_range (rand, 0, 20) != 0)
        {
          GDate date;
          g_date_clear (&date, 1);
          g_date_set_julian (&date, g_rand_int_range (rand, 726000, 745000));
          g_value_set_boxed (value, &date);
        }
    }
  else
    g_assert_not_reached ();
}

/* Sets each writable property of @object, or one of them at random. */
static void
set_random_properties (GRand     *rand,
                       BtHistory *history,
                       GObject   *object,
                       gboolean   all)
{
  guint n;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  guint pick = g_rand_int_range (rand, 0, n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_WRITABLE) == 0 || (specs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0 ||
          g_str_equal (specs[i]->name, "id") || (!all && i != pick))
        continue;
      random_value (rand, specs[i], &value);
      /* The setters refuse what the file reader would (a birth year of 97,
       * "Roadmap review" as a colour or a week), as callers must know. */
      if (!bt_plan_file_field_check (G_OBJECT_TYPE (object), specs[i]->name, &value, NULL))
        continue;
      bt_history_set (history, object, specs[i]->name, &value);
    }
}

static GObject *
random_item (GRand   *rand,
             BtPlan  *plan,
             GArray  *slots)
{
  Slot *slot = &g_array_index (slots, Slot, g_rand_int_range (rand, 0, slots->len));
  guint n = g_list_model_get_n_items (slot->list);

  if (n == 0 || g_rand_int_range (rand, 0, 10) == 0)
    return g_object_ref (G_OBJECT (bt_plan_get_profile (plan)));

  return g_list_model_get_item (slot->list, g_rand_int_range (rand, 0, n));
}

static void
random_edit (GRand     *rand,
             BtPlan    *plan,
             BtHistory *history,
             GArray    *slots)
{
  GListModel *categories = bt_plan_get_categories (plan);
  GListModel *weeks = bt_plan_get_weeks (plan);

  collect_slots (plan, slots);

  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
    case 1:
      {
        g_autoptr(GObject) item = random_item (rand, plan, slots);
        set_random_properties (rand, history, item, FALSE);
      }
      break;

    case 2:
      {
        Slot *slot = &g_array_index (slots, Slot, g_rand_int_range (rand, 0, slots->len));
        g_autoptr(BtItem) child = NULL;

        if (slot->type == BT_TYPE_IMPORT_RULE)
          child = BT_ITEM (bt_import_rule_new (BT_RULE_WORDS, "standup", "x"));
        else
          child = g_object_new (slot->type, NULL);
        bt_history_insert (history, slot->parent, slot->list,
                           g_rand_int_range (rand, 0, g_list_model_get_n_items (slot->list) + 1), child);
        set_random_properties (rand, history, G_OBJECT (child), TRUE);
      }
      break;

    case 3:
      {
        Slot *slot = &g_array_index (slots, Slot, g_rand_int_range (rand, 0, slots->len));
        guint n = g_list_model_get_n_items (slot->list);
        g_autoptr(BtItem) child = NULL;

        if (n == 0)
          break;
        child = g_list_model_get_item (slot->list, g_rand_int_range (rand, 0, n));
        bt_history_remove (history, slot->parent, slot->list, child);
      }
      break;

    case 4:
      {
        g_autoptr(BtCategory) category = NULL;
        g_autoptr(BtWeek) week = NULL;

        if (g_list_model_get_n_items (categories) == 0 || g_list_model_get_n_items (weeks) == 0)
          break;
        category = g_list_model_get_item (categories, g_rand_int_range (rand, 0, g_list_model_get_n_items (categories)));
        week = g_list_model_get_item (weeks, g_rand_int_range (rand, 0, g_list_model_get_n_items (weeks)));
        bt_history_set_hours (history, week, bt_item_get_id (BT_ITEM (category)),
                              g_rand_int_range (rand, 0, 33) / 4.0);
      }
      break;

    case 5:
      {
        g_autoptr(GHashTable) hours = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

        for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
          {
            g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
            double *h = g_new (double, 1);

            *h = g_rand_int_range (rand, 0, 41) / 2.0;
            g_hash_table_insert (hours, (char *) bt_item_get_id (BT_ITEM (category)), h);
          }
        bt_history_set_week (history, plan, g_rand_int_range (rand, 2020, 2031),
                             g_rand_int_range (rand, 1, 53), hours);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
test_random_edits_load_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (Slot));
  g_autofree char *dir = g_dir_make_tmp ("bt-random-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GBytes) last_good = NULL;
  guint32 seed = g_test_rand_int ();
  GRand *rand = g_rand_new_with_seed (seed);
  guint saved = 0, refused = 0;

  g_test_message ("seed %u", seed);
  g_assert_true (bt_plan_file_save (plan, path, &error));
  last_good = file_bytes (path);

  /* 150 batches keep the sanitizer build under a minute; -m thorough
   * runs more. */
  for (guint batch = 0; batch < (g_test_thorough () ? 2000u : 150u); batch++)
    {
      int kind = g_rand_int_range (rand, 0, 10);
      g_autoptr(GBytes) on_disk = NULL;

      if (kind == 0)
        bt_history_undo (history);
      else if (kind == 1)
        bt_history_redo (history);
      else
        {
          guint n = g_rand_int_range (rand, 1, 5);

          bt_history_begin (history, "Random edits");
          for (guint i = 0; i < n; i++)
            random_edit (rand, plan, history, slots);
          bt_history_end (history);
        }

      if (bt_plan_file_save (plan, path, &error))
        {
          g_autoptr(BtPlan) loaded = bt_plan_file_load (path, &error);
          g_autoptr(GBytes) model = serialize (plan);
          g_autoptr(GBytes) reread = NULL;

          g_assert_no_error (error);
          reread = serialize (loaded);
          g_assert_true (g_bytes_equal (model, reread));
          g_clear_pointer (&last_good, g_bytes_unref);
          last_good = file_bytes (path);
          saved++;
          continue;
        }

      /* Refused: nothing replaced; take the step back and go on. */
      g_assert_nonnull (error);
      g_assert_true (error->domain == BT_PLAN_FILE_ERROR);
      g_test_message ("refused: %s", error->message);
      g_clear_error (&error);
      on_disk = file_bytes (path);
      g_assert_true (g_bytes_equal (on_disk, last_good));
      refused++;
      if (kind == 1)
        bt_history_undo (history);
      else if (kind == 0)
        bt_history_redo (history);
      else
        bt_history_undo (history);
    }

  g_test_message ("%u saves loaded back equal, %u were refused and left the file alone", saved, refused);
  /* The edits must mostly make plans that save, or this proves little. */
  g_assert_cmpuint (saved, >, 50);
  g_assert_cmpuint (saved, >, refused);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/save-safety/kill-during-save", test_kill_during_save);
  g_test_add_func ("/save-safety/failed-write-keeps-original", test_failed_write_keeps_original);
  g_test_add_func ("/save-safety/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save-safety/unloadable-plan-is-not-saved", test_unloadable_plan_is_not_saved);
  g_test_add_func ("/save-safety/broken-file-never-becomes-backup", test_broken_file_never_becomes_backup);
  g_test_add_func ("/save-safety/random-edits-load-back", test_random_edits_load_back);
  g_test_add_func ("/save-safety/read-only-plan", test_read_only_plan);

  return g_test_run ();
}
