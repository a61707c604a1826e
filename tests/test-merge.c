/* test-merge.c — the three-way merge of two versions of a plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "bt-json-writer.h"
#include "bt-merge.h"
#include "bt-plan-file.h"

static JsonNode *
parse_text (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

static JsonNode *
sample_tree (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return parse_text (text);
}

static GBytes *
tree_bytes (JsonNode *node)
{
  g_autoptr(BtJsonWriter) writer = bt_json_writer_new (1024);

  bt_json_writer_node (writer, node);
  return bt_json_writer_finish (writer);
}

static void
assert_loads (JsonNode *node)
{
  g_autoptr(GBytes) bytes = tree_bytes (node);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

/* ---- a flat view of a plan: one entry per value, items by their key ---- */

static const char *
keyed_by (JsonArray *array)
{
  static const char *const keys[] = { "id", "week" };

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      gboolean all = TRUE;

      for (guint i = 0; i < json_array_get_length (array) && all; i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          all = JSON_NODE_HOLDS_OBJECT (e) &&
                json_object_get_string_member_with_default (json_node_get_object (e), keys[k], NULL) != NULL;
        }
      if (all)
        return keys[k];
    }

  return NULL;
}

static char *
scalar_text (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return g_strdup_printf ("%.17g", json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  return g_strdup_printf ("\"%s\"", json_node_get_string (node));
}

static void
flatten (JsonNode   *node,
         const char *prefix,
         GHashTable *out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      g_hash_table_insert (out, g_strdup (prefix), g_strdup ("{}"));
      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *child = g_strconcat (prefix, "/", name, NULL);
          flatten (member, child, out);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      const char *key = keyed_by (array);

      if (key == NULL)
        {
          g_hash_table_insert (out, g_strdup (prefix), json_to_string (node, FALSE));
          return;
        }
      g_hash_table_insert (out, g_strdup (prefix), g_strdup ("[]"));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          g_autofree char *child = g_strconcat (prefix, "/",
                                                json_object_get_string_member (json_node_get_object (e), key),
                                                NULL);
          flatten (e, child, out);
        }
    }
  else
    g_hash_table_insert (out, g_strdup (prefix), scalar_text (node));
}

static GHashTable *
flat (JsonNode *node)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  flatten (node, "", out);
  return out;
}

static gboolean
changed_under (GPtrArray  *changed,
               const char *prefix)
{
  gsize n = strlen (prefix);

  for (guint i = 0; i < changed->len; i++)
    {
      const char *k = changed->pdata[i];

      if (strncmp (k, prefix, n) == 0 && (k[n] == '\0' || k[n] == '/'))
        return TRUE;
    }

  return FALSE;
}

/* What a merge must give, worked out on the flat views: each value taken
 * from the side that changed it, the winner's where both did; and where
 * the conflicts are: at the value, or at the item or member one side
 * deleted. */
static void
expect (GHashTable  *b,
        GHashTable  *m,
        GHashTable  *t,
        GHashTable **result,
        GHashTable **conflicts)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) changed_m = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed_t = g_ptr_array_new ();
  GHashTable *tables[] = { b, m, t };
  GHashTableIter iter;
  gpointer key;

  *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  *conflicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_hash_table_iter_init (&iter, tables[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (keys, key);
    }

  /* What each side changed. */
  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_strcmp0 (g_hash_table_lookup (b, key), g_hash_table_lookup (m, key)) != 0)
        g_ptr_array_add (changed_m, key);
      if (g_strcmp0 (g_hash_table_lookup (b, key), g_hash_table_lookup (t, key)) != 0)
        g_ptr_array_add (changed_t, key);
    }

  /* Where the conflicts are, first: where the two differ, at the first
   * place one side no longer has (or at the value), if both sides changed
   * something there. Below one, all is the winner's. */
  for (guint side = 0; side < 2; side++)
    {
      GPtrArray *changed = side == 0 ? changed_m : changed_t;

      for (guint i = 0; i < changed->len; i++)
        {
          const char *k = changed->pdata[i];

          if (g_strcmp0 (g_hash_table_lookup (m, k), g_hash_table_lookup (t, k)) == 0)
            continue;
          for (const char *slash = strchr (k[0] ? k + 1 : k, '/'); ; slash = strchr (slash + 1, '/'))
            {
              g_autofree char *prefix = slash ? g_strndup (k, slash - k) : g_strdup (k);

              if (!g_hash_table_contains (m, prefix) || !g_hash_table_contains (t, prefix) || slash == NULL)
                {
                  if (changed_under (changed_m, prefix) && changed_under (changed_t, prefix))
                    g_hash_table_add (*conflicts, g_steal_pointer (&prefix));
                  break;
                }
            }
        }
    }

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *vb = g_hash_table_lookup (b, key);
      const char *vm = g_hash_table_lookup (m, key);
      const char *vt = g_hash_table_lookup (t, key);
      gboolean in_conflict = FALSE;
      const char *v;

      for (const char *slash = strchr (((char *) key)[0] ? (char *) key + 1 : (char *) key, '/'); !in_conflict; slash = strchr (slash + 1, '/'))
        {
          g_autofree char *prefix = slash ? g_strndup (key, slash - (char *) key) : g_strdup (key);

          in_conflict = g_hash_table_contains (*conflicts, prefix);
          if (slash == NULL)
            break;
        }

      if (in_conflict || g_strcmp0 (vm, vt) == 0)
        v = vm;
      else if (g_strcmp0 (vb, vm) == 0)
        v = vt;
      else
        v = vm;

      if (v != NULL)
        g_hash_table_insert (*result, g_strdup (key), g_strdup (v));
    }
}

static char *
conflict_place (BtMergeConflict *conflict)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < conflict->steps->len; i++)
    {
      BtMergeStep *step = conflict->steps->pdata[i];

      g_string_append_c (s, '/');
      g_string_append (s, step->member ? step->member : step->value);
    }

  return g_string_free (s, FALSE);
}

static const char *check_name = "";

static void
assert_same_tables (GHashTable *got,
                    GHashTable *want)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strcmp0 (g_hash_table_lookup (got, key), value) != 0)
        g_error ("%s: %s: expected %s, got %s", check_name, (char *) key, (char *) value,
                 (char *) g_hash_table_lookup (got, key));
    }
  g_hash_table_iter_init (&iter, got);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (want, key))
      g_error ("%s: %s: expected nothing, got %s", check_name, (char *) key, (char *) value);
}

static void
assert_conflicts (BtMergeResult *result,
                  GHashTable    *want)
{
  g_autoptr(GHashTable) got = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < result->conflicts->len; i++)
    {
      char *place = conflict_place (result->conflicts->pdata[i]);

      if (!g_hash_table_contains (want, place))
        g_error ("conflict at %s, none expected there", place);
      g_assert_false (g_hash_table_contains (got, place));
      g_hash_table_add (got, place);
    }
  g_hash_table_iter_init (&iter, want);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (got, key))
      g_error ("no conflict reported at %s", (char *) key);
}

/* ---- random edits on a plan's tree ---- */

static const char *const words[] = { "alpha", "beta", "gamma" };

static const char *
word (void)
{
  return words[g_test_rand_int_range (0, G_N_ELEMENTS (words))];
}

static char *
new_id (void)
{
  return g_strdup_printf ("%08x-%04x-4%03x-8%03x-%08x%04x",
                          g_test_rand_int (), g_test_rand_int () & 0xffff, g_test_rand_int () & 0xfff,
                          g_test_rand_int () & 0xfff, g_test_rand_int (), g_test_rand_int () & 0xffff);
}

static JsonArray *
list (JsonNode   *root,
      const char *name)
{
  return json_object_get_array_member (json_node_get_object (root), name);
}

static JsonObject *
random_element (JsonArray *array)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    return NULL;

  /* Half the time one of the first three: the two sides meet more often. */
  return json_array_get_object_element (array, g_test_rand_int_range (0, g_test_rand_bit () ? MIN (n, 3) : n));
}

static gboolean
has_key (JsonArray  *array,
         const char *key,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (array, i), key), value) == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
clone_into (JsonArray *array)
{
  JsonObject *from = random_element (array);
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *text = NULL;

  if (from == NULL)
    return NULL;

  /* A deep copy: through text. */
  {
    g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), from);
    text = json_to_string (node, FALSE);
  }
  copy = parse_text (text);
  json_array_add_element (array, json_node_ref (copy));

  return json_node_get_object (copy);
}

static void
random_edit (JsonNode *root,
             int       side_year)
{
  JsonObject *plan = json_node_get_object (root);
  JsonObject *item;

  switch (g_test_rand_int_range (0, 12))
    {
    case 0:
      {
        static const char *const fields[][2] = {
          { "phases", "title" }, { "milestones", "title" }, { "milestones", "notes" },
          { "categories", "name" }, { "relationships", "name" }, { "relationships", "next_step" },
          { "narratives", "title" }, { "narratives", "headline" }, { "check_ins", "answer" },
        };
        guint f = g_test_rand_int_range (0, G_N_ELEMENTS (fields));

        if ((item = random_element (list (root, fields[f][0]))) != NULL)
          json_object_set_string_member (item, fields[f][1], word ());
      }
      break;

    case 1:
      if ((item = random_element (list (root, "relationships"))) != NULL &&
          json_object_has_member (item, "touchpoints") &&
          (item = random_element (json_object_get_array_member (item, "touchpoints"))) != NULL)
        json_object_set_string_member (item, "note", word ());
      break;

    case 2:
      if ((item = random_element (list (root, "narratives"))) != NULL &&
          json_object_has_member (item, "impact_statements") &&
          (item = random_element (json_object_get_array_member (item, "impact_statements"))) != NULL)
        json_object_set_string_member (item, "summary", word ());
      break;

    case 3:
    case 4:
      if ((item = random_element (list (root, "weeks"))) != NULL)
        {
          JsonObject *category = random_element (list (root, "categories"));
          JsonObject *hours = json_object_get_object_member (item, "hours");

          json_object_set_double_member (hours, json_object_get_string_member (category, "id"),
                                         g_test_rand_int_range (0, 20) / 2.0);
        }
      break;

    case 5:
      {
        static const char *const lists[] = { "milestones", "relationships", "narratives", "check_ins", "weeks" };
        JsonArray *array = list (root, lists[g_test_rand_int_range (0, G_N_ELEMENTS (lists))]);

        if (json_array_get_length (array) > 0)
          json_array_remove_element (array, g_test_rand_int_range (0, json_array_get_length (array)));
      }
      break;

    case 6:
      if ((item = random_element (list (root, "relationships"))) != NULL &&
          json_object_has_member (item, "touchpoints"))
        {
          JsonArray *array = json_object_get_array_member (item, "touchpoints");

          if (g_test_rand_bit () && json_array_get_length (array) > 0)
            json_array_remove_element (array, g_test_rand_int_range (0, json_array_get_length (array)));
          else if ((item = clone_into (array)) != NULL)
            {
              g_autofree char *id = new_id ();
              json_object_set_string_member (item, "id", id);
              json_object_set_string_member (item, "note", word ());
            }
        }
      break;

    case 7:
      if ((item = clone_into (list (root, g_test_rand_bit () ? "milestones" : "relationships"))) != NULL)
        {
          g_autofree char *id = new_id ();
          JsonArray *touchpoints = json_object_has_member (item, "touchpoints")
                                   ? json_object_get_array_member (item, "touchpoints") : NULL;

          json_object_set_string_member (item, "id", id);
          json_object_set_string_member (item, json_object_has_member (item, "title") ? "title" : "name", word ());
          /* Ids are unique in the whole file. */
          for (guint i = 0; touchpoints != NULL && i < json_array_get_length (touchpoints); i++)
            {
              g_autofree char *tid = new_id ();
              json_object_set_string_member (json_array_get_object_element (touchpoints, i), "id", tid);
            }
        }
      break;

    case 8:
      {
        /* Each side's check-ins are in a year of its own: two for one week
         * become one (a test of its own below). */
        g_autofree char *week = g_strdup_printf ("%d-W%02d", side_year, g_test_rand_int_range (1, 53));

        if (!has_key (list (root, "check_ins"), "week", week) &&
            (item = clone_into (list (root, "check_ins"))) != NULL)
          {
            g_autofree char *id = new_id ();
            json_object_set_string_member (item, "id", id);
            json_object_set_string_member (item, "week", week);
            json_object_set_string_member (item, "answer", word ());
          }
      }
      break;

    case 9:
      {
        /* Both sides add some of the same weeks. */
        g_autofree char *week = g_strdup_printf ("2027-W%02d", g_test_rand_int_range (1, 6));

        if (!has_key (list (root, "weeks"), "week", week) &&
            (item = clone_into (list (root, "weeks"))) != NULL)
          json_object_set_string_member (item, "week", week);
      }
      break;

    case 10:
      json_object_set_string_member (json_object_get_object_member (plan, "profile"),
                                     g_test_rand_bit () ? "name" : "current_role", word ());
      break;

    case 11:
      {
        /* Members this version does not know: merged all the same. */
        JsonObject *where = g_test_rand_bit () ? plan : random_element (list (root, "milestones"));

        if (where == NULL)
          break;
        if (g_test_rand_int_range (0, 3) == 0)
          json_object_remove_member (where, "x_sync_note");
        else
          json_object_set_string_member (where, "x_sync_note", word ());
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
edited_copy (JsonNode *base,
             int       side_year)
{
  g_autofree char *text = json_to_string (base, FALSE);
  JsonNode *copy = parse_text (text);
  guint n = g_test_rand_int_range (0, 7);

  for (guint i = 0; i < n; i++)
    random_edit (copy, side_year);

  return copy;
}

static void
test_random (void)
{
  g_autoptr(JsonNode) base = sample_tree ();
  g_autoptr(GHashTable) flat_base = flat (base);
  guint cases = g_test_thorough () ? 20000 : 2000;

  /* Under valgrind (which preloads its own library), a few hundred: the
   * same checks, in minutes rather than most of an hour. */
  if (g_getenv ("LD_PRELOAD") != NULL && strstr (g_getenv ("LD_PRELOAD"), "vgpreload") != NULL)
    cases = 200;
#ifdef __SANITIZE_ADDRESS__
  /* Likewise under AddressSanitizer, whose leak check unwinds the stack of
   * every allocation (fast_unwind_on_malloc=0 in dev.sh). */
  cases = MIN (cases, 100);
#endif
  if (g_getenv ("BT_TEST_MERGE_CASES") != NULL)
    cases = MAX (g_ascii_strtoull (g_getenv ("BT_TEST_MERGE_CASES"), NULL, 10), 100);
  guint with_conflicts = 0, clean = 0, total_conflicts = 0;

  for (guint c = 0; c < cases; c++)
    {
      g_autoptr(JsonNode) mine = edited_copy (base, 2030);
      g_autoptr(JsonNode) theirs = edited_copy (base, 2031);
      g_autoptr(GHashTable) flat_mine = flat (mine);
      g_autoptr(GHashTable) flat_theirs = flat (theirs);
      g_autoptr(GHashTable) want = NULL;
      g_autoptr(GHashTable) want_swapped = NULL;
      g_autoptr(GHashTable) conflicts = NULL;
      g_autoptr(GHashTable) conflicts_swapped = NULL;
      g_autoptr(BtMergeResult) result = bt_merge_trees (base, mine, theirs);
      g_autoptr(BtMergeResult) swapped = bt_merge_trees (base, theirs, mine);
      g_autoptr(GHashTable) got = flat (result->root);
      g_autoptr(GHashTable) got_swapped = flat (swapped->root);

      expect (flat_base, flat_mine, flat_theirs, &want, &conflicts);
      expect (flat_base, flat_theirs, flat_mine, &want_swapped, &conflicts_swapped);
      /* Every edit kept, MINE's at each conflict, exactly the conflicts. */
      check_name = "mine wins";
      assert_same_tables (got, want);
      assert_conflicts (result, conflicts);
      assert_loads (result->root);

      /* Symmetric, up to the winner of a conflict. */
      check_name = "theirs wins";
      assert_same_tables (got_swapped, want_swapped);
      assert_conflicts (swapped, conflicts);
      g_assert_cmpuint (swapped->conflicts->len, ==, result->conflicts->len);

      /* Choosing THEIRS everywhere gives the swapped merge. */
      for (guint i = 0; i < result->conflicts->len; i++)
        bt_merge_result_choose (result, i, BT_MERGE_THEIRS);
      {
        g_autoptr(GHashTable) chosen = flat (result->root);
        check_name = "theirs chosen";
        assert_same_tables (chosen, want_swapped);
      }
      assert_loads (result->root);

      total_conflicts += swapped->conflicts->len;
      if (swapped->conflicts->len > 0)
        with_conflicts++;
      else
        clean++;
    }

  /* The edits make both kinds of merge, often. */
  g_assert_cmpuint (with_conflicts, >, cases / 50);
  g_assert_cmpuint (clean, >, cases / 10);
  g_test_message ("%u merges: %u clean, %u with %u conflicts", cases, clean, with_conflicts, total_conflicts);
}

/* ---- cases written out ---- */

#define PLAN(members) \
  "{\"format\":\"breakthrough-plan\",\"version\":1," \
  "\"profile\":{\"name\":\"A\",\"target_date\":\"2028-06-30\",\"target_share\":0.5}," \
  "\"categories\":[{\"id\":\"c1\",\"name\":\"Ops\",\"kind\":\"tactical\",\"color\":\"#e69f00\"}," \
  "{\"id\":\"c2\",\"name\":\"Strategy\",\"kind\":\"strategic\",\"color\":\"#0072b2\"}]" members "}"

static BtMergeResult *
merge_texts (const char *base,
             const char *mine,
             const char *theirs)
{
  g_autoptr(GBytes) b = base ? g_bytes_new_static (base, strlen (base)) : NULL;
  g_autoptr(GBytes) m = g_bytes_new_static (mine, strlen (mine));
  g_autoptr(GBytes) t = g_bytes_new_static (theirs, strlen (theirs));
  g_autoptr(GError) error = NULL;
  BtMergeResult *result = bt_merge_bytes (b, m, t, &error);

  g_assert_no_error (error);
  return result;
}

static const char *
member_string (BtMergeResult *result,
               const char    *list_name,
               guint          index,
               const char    *member)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (result->root), list_name);

  if (index >= json_array_get_length (array))
    return NULL;
  return json_object_get_string_member (json_array_get_object_element (array, index), member);
}

static void
test_checked_in_on_both (void)
{
  const char *base = PLAN (",\"check_ins\":[]");
  const char *mine = PLAN (",\"check_ins\":[{\"id\":\"b-mine\",\"week\":\"2026-W49\",\"answer\":\"mine\"}]");
  const char *theirs = PLAN (",\"check_ins\":[{\"id\":\"a-theirs\",\"week\":\"2026-W49\",\"answer\":\"theirs\","
                             "\"over_involvement\":3}]");
  g_autoptr(BtMergeResult) result = merge_texts (base, mine, theirs);
  BtMergeConflict *conflict;

  /* One check-in a week: the two are one, the answers a conflict. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (result->root),
                                                                         "check_ins")), ==, 1);
  g_assert_cmpstr (member_string (result, "check_ins", 0, "id"), ==, "a-theirs");
  g_assert_cmpuint (result->conflicts->len, ==, 1);
  conflict = result->conflicts->pdata[0];
  g_assert_cmpstr (conflict->path, ==, "check_ins[0].answer");
  g_assert_cmpstr (conflict->field, ==, "answer");
  g_assert_cmpstr (conflict->item, ==, "2026-W49");
  g_assert_null (conflict->base);
  g_assert_cmpstr (json_node_get_string (conflict->mine), ==, "mine");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "theirs");
  g_assert_cmpstr (member_string (result, "check_ins", 0, "answer"), ==, "mine");
  assert_loads (result->root);

  bt_merge_result_choose (result, 0, BT_MERGE_THEIRS);
  g_assert_cmpstr (member_string (result, "check_ins", 0, "answer"), ==, "theirs");
  assert_loads (result->root);
}

static void
test_weeks_per_category (void)
{
  const char *base = PLAN (",\"weeks\":[{\"week\":\"2026-W48\",\"hours\":{\"c1\":10}}]");
  const char *mine = PLAN (",\"weeks\":[{\"week\":\"2026-W48\",\"hours\":{\"c1\":12}},"
                           "{\"week\":\"2026-W49\",\"hours\":{\"c1\":5}}]");
  const char *theirs = PLAN (",\"weeks\":[{\"week\":\"2026-W48\",\"hours\":{\"c1\":10,\"c2\":4}},"
                             "{\"week\":\"2026-W49\",\"hours\":{\"c2\":6}}]");
  g_autoptr(BtMergeResult) result = merge_texts (base, mine, theirs);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *weeks;

  g_assert_cmpuint (result->conflicts->len, ==, 0);
  bytes = bt_merge_result_to_bytes (result, &error);
  g_assert_no_error (error);
  plan = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  weeks = bt_plan_get_weeks (plan);
  g_assert_cmpuint (g_list_model_get_n_items (weeks), ==, 2);
  {
    g_autoptr(BtWeek) w48 = g_list_model_get_item (weeks, 0);
    g_autoptr(BtWeek) w49 = g_list_model_get_item (weeks, 1);

    g_assert_cmpfloat (bt_week_get_hours (w48, "c1"), ==, 12);
    g_assert_cmpfloat (bt_week_get_hours (w48, "c2"), ==, 4);
    g_assert_cmpfloat (bt_week_get_hours (w49, "c1"), ==, 5);
    g_assert_cmpfloat (bt_week_get_hours (w49, "c2"), ==, 6);
  }
}

static void
test_deleted_and_changed (void)
{
  const char *base = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"One\",\"date\":\"2027-01-01\"},"
                           "{\"id\":\"m2\",\"title\":\"Two\",\"date\":\"2027-02-01\"}]");
  /* MINE deletes m1 (THEIRS renamed it) and m2 (THEIRS left it). */
  const char *mine = PLAN (",\"milestones\":[]");
  const char *theirs = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"Uno\",\"date\":\"2027-01-01\"},"
                             "{\"id\":\"m2\",\"title\":\"Two\",\"date\":\"2027-02-01\"}]");
  g_autoptr(BtMergeResult) result = merge_texts (base, mine, theirs);
  BtMergeConflict *conflict;

  g_assert_cmpuint (result->conflicts->len, ==, 1);
  conflict = result->conflicts->pdata[0];
  g_assert_cmpstr (conflict->path, ==, "milestones[0]");
  g_assert_null (conflict->field);
  g_assert_cmpstr (conflict->item, ==, "One");
  g_assert_null (conflict->mine);
  g_assert_nonnull (conflict->theirs);
  g_assert_null (member_string (result, "milestones", 0, "title"));

  bt_merge_result_choose (result, 0, BT_MERGE_THEIRS);
  g_assert_cmpstr (member_string (result, "milestones", 0, "title"), ==, "Uno");
  g_assert_null (member_string (result, "milestones", 1, "title"));
  assert_loads (result->root);
}

static void
test_no_base (void)
{
  /* git's add/add: an empty base; all is added on both sides. */
  const char *mine = PLAN (",\"x_tool\":{\"a\":1}");
  const char *theirs = PLAN (",\"x_tool\":{\"b\":2}");
  g_autoptr(BtMergeResult) result = merge_texts ("", mine, theirs);
  JsonObject *tool = json_object_get_object_member (json_node_get_object (result->root), "x_tool");

  g_assert_cmpuint (result->conflicts->len, ==, 0);
  g_assert_cmpint (json_object_get_int_member (tool, "a"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (tool, "b"), ==, 2);
}

static void
test_unknown_list_with_twice_a_key (void)
{
  /* A list this version does not know, with one id twice: merged as one
   * value, every element kept. */
  const char *base = PLAN (",\"x_log\":[{\"id\":\"a\",\"n\":1},{\"id\":\"a\",\"n\":2}]");
  const char *mine = PLAN (",\"x_log\":[{\"id\":\"a\",\"n\":1},{\"id\":\"a\",\"n\":2},{\"id\":\"b\",\"n\":3}]");
  const char *theirs = PLAN (",\"x_log\":[{\"id\":\"a\",\"n\":1},{\"id\":\"a\",\"n\":2},{\"id\":\"c\",\"n\":4}]");
  g_autoptr(BtMergeResult) result = merge_texts (base, mine, theirs);
  JsonArray *log = json_object_get_array_member (json_node_get_object (result->root), "x_log");

  g_assert_cmpuint (result->conflicts->len, ==, 1);
  g_assert_cmpstr (((BtMergeConflict *) result->conflicts->pdata[0])->path, ==, "x_log");
  g_assert_cmpuint (json_array_get_length (log), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (log, 1), "n"), ==, 2);

  bt_merge_result_choose (result, 0, BT_MERGE_THEIRS);
  log = json_object_get_array_member (json_node_get_object (result->root), "x_log");
  g_assert_cmpuint (json_array_get_length (log), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (log, 2), "n"), ==, 4);
}

static void
test_not_a_plan (void)
{
  g_autoptr(GBytes) good = g_bytes_new_static (PLAN (""), strlen (PLAN ("")));
  g_autoptr(GBytes) bad = g_bytes_new_static ("{\"format\":1}", 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtMergeResult) result = bt_merge_bytes (good, good, bad, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "theirs: "));
}

static void
test_newer_version (void)
{
  /* A plan from a newer version is never written over without what this
   * version cannot see: none of the three is merged. */
  const char *good = PLAN ("");
  g_autofree char *newer = g_strdup (good);
  static const char *const names[] = { "base", "mine", "theirs" };

  memcpy (strstr (newer, "\"version\":1"), "\"version\":9", strlen ("\"version\":9"));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) g = g_bytes_new_static (good, strlen (good));
      g_autoptr(GBytes) n = g_bytes_new_static (newer, strlen (newer));
      g_autoptr(GError) error = NULL;
      g_autoptr(BtMergeResult) result = bt_merge_bytes (i == 0 ? n : g, i == 1 ? n : g, i == 2 ? n : g, &error);
      g_autofree char *prefix = g_strdup_printf ("%s: ", names[i]);

      g_assert_null (result);
      g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY);
      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
}

static void
test_member_paths (void)
{
  /* A member named "a.b" at the top is not b in a, nor "q[0]" the first
   * of q: each path reads as one place. */
  g_autoptr(JsonNode) base = parse_text ("{\"a.b\":1,\"a\":{\"b\":1},\"q[0]\":1,\"ok_1\":1}");
  g_autoptr(JsonNode) mine = parse_text ("{\"a.b\":2,\"a\":{\"b\":2},\"q[0]\":2,\"ok_1\":2}");
  g_autoptr(JsonNode) theirs = parse_text ("{\"a.b\":3,\"a\":{\"b\":3},\"q[0]\":3,\"ok_1\":3}");
  g_autoptr(BtMergeResult) result = bt_merge_trees (base, mine, theirs);

  g_assert_cmpuint (result->conflicts->len, ==, 4);
  g_assert_cmpstr (((BtMergeConflict *) result->conflicts->pdata[0])->path, ==, "\"a.b\"");
  g_assert_cmpstr (((BtMergeConflict *) result->conflicts->pdata[1])->path, ==, "a.b");
  g_assert_cmpstr (((BtMergeConflict *) result->conflicts->pdata[2])->path, ==, "\"q[0]\"");
  g_assert_cmpstr (((BtMergeConflict *) result->conflicts->pdata[3])->path, ==, "ok_1");
}

static void
test_invalid_result (void)
{
  /* MINE deletes a category that THEIRS gives hours: each side is a
   * plan, the merge is not; it says so rather than write it. */
  const char *base = PLAN (",\"weeks\":[]");
  const char *mine = "{\"format\":\"breakthrough-plan\",\"version\":1,"
                     "\"profile\":{\"name\":\"A\",\"target_date\":\"2028-06-30\",\"target_share\":0.5},"
                     "\"categories\":[{\"id\":\"c1\",\"name\":\"Ops\",\"kind\":\"tactical\",\"color\":\"#e69f00\"}],"
                     "\"weeks\":[]}";
  const char *theirs = PLAN (",\"weeks\":[{\"week\":\"2026-W49\",\"hours\":{\"c2\":3}}]");
  g_autoptr(BtMergeResult) result = merge_texts (base, mine, theirs);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bt_merge_result_to_bytes (result, &error);

  g_assert_null (bytes);
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID);
}

static void
test_conflict_copy_names (void)
{
  static const struct {
    const char *name;
    BtMergeCopyKind kind;
  } names[] = {
    /* Syncthing: the first seven characters of the device id */
    { "plan.sync-conflict-20261206-101010-ABCDEFG.json", BT_MERGE_COPY_SYNCTHING },
    { "plan.sync-conflict-20261206-101010-7QX2ZZA.json", BT_MERGE_COPY_SYNCTHING },
    /* Dropbox: with or without who made it, a number for a second one */
    { "plan (conflicted copy 2026-12-06).json", BT_MERGE_COPY_DROPBOX },
    { "plan (Alex's conflicted copy 2026-12-06).json", BT_MERGE_COPY_DROPBOX },
    { "plan (Alex Morgan\xe2\x80\x99s conflicted copy 2026-12-06).json", BT_MERGE_COPY_DROPBOX },
    { "plan (work-laptop's conflicted copy 2026-12-06 (1)).json", BT_MERGE_COPY_DROPBOX },
    /* Nextcloud, 2.5 and later, and before */
    { "plan (conflicted copy 2026-12-06 101010).json", BT_MERGE_COPY_NEXTCLOUD },
    { "plan (conflicted copy alex 2026-12-06 101010).json", BT_MERGE_COPY_NEXTCLOUD },
    { "plan_conflict-20261206-101010.json", BT_MERGE_COPY_NEXTCLOUD },
    { "plan_conflict_alex-20261206-101010.json", BT_MERGE_COPY_NEXTCLOUD },
    /* Not a conflict copy of plan.json */
    { "plan.json", BT_MERGE_COPY_NONE },
    { "plan.json.bak", BT_MERGE_COPY_NONE },
    { "plan.json.sync-conflict-20261206-101010-ABCDEFG", BT_MERGE_COPY_NONE },
    { "other.sync-conflict-20261206-101010-ABCDEFG.json", BT_MERGE_COPY_NONE },
    { "myplan.sync-conflict-20261206-101010-ABCDEFG.json", BT_MERGE_COPY_NONE },
    { "plan.sync-conflict-20261206-101010-abcdefg.json", BT_MERGE_COPY_NONE },
    { "plan.sync-conflict-20261206-101010-ABCDEF.json", BT_MERGE_COPY_NONE },
    { "plan.sync-conflict-2026126-101010-ABCDEFG.json", BT_MERGE_COPY_NONE },
    { "plan.sync-conflict-20261206-101010-ABCDEFG.json.tmp", BT_MERGE_COPY_NONE },
    { "plan (conflicted copy 2026-12-06).json.bak", BT_MERGE_COPY_NONE },
    { "plan (conflicted copy 26-12-06).json", BT_MERGE_COPY_NONE },
    { "plan (copy).json", BT_MERGE_COPY_NONE },
    { "plan (1).json", BT_MERGE_COPY_NONE },
    { "plan (conflicted copy 2026-12-06).csv", BT_MERGE_COPY_NONE },
    { "plan_conflict-20261206.json", BT_MERGE_COPY_NONE },
    { "plan_conflict-20261206-101010.json~", BT_MERGE_COPY_NONE },
    { "Xplan_conflict-20261206-101010.json", BT_MERGE_COPY_NONE },
    { ".plan.json.XYZ123", BT_MERGE_COPY_NONE },
    /* A copy of a copy: its own plan's, not this one's */
    { "plan.sync-conflict-20261206-101010-ABCDEFG.sync-conflict-20261207-101010-ABCDEFG.json", BT_MERGE_COPY_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("%s", names[i].name);
      g_assert_cmpint (bt_merge_copy_kind ("plan.json", names[i].name), ==, names[i].kind);
    }

  /* Characters of the plan's name that mean something in a pattern. */
  g_assert_cmpint (bt_merge_copy_kind ("my plan (2026).json", "my plan (2026) (conflicted copy 2026-12-06).json"),
                   ==, BT_MERGE_COPY_DROPBOX);
  g_assert_cmpint (bt_merge_copy_kind ("a.b.json", "aXb.sync-conflict-20261206-101010-ABCDEFG.json"),
                   ==, BT_MERGE_COPY_NONE);
  g_assert_cmpint (bt_merge_copy_kind ("plan", "plan.sync-conflict-20261206-101010-ABCDEFG"),
                   ==, BT_MERGE_COPY_SYNCTHING);

  /* A file name is bytes: one in Latin-1 (not UTF-8) has copies too. */
  g_assert_cmpint (bt_merge_copy_kind ("pl\xe4n.json", "pl\xe4n.sync-conflict-20261206-101010-ABCDEFG.json"),
                   ==, BT_MERGE_COPY_SYNCTHING);
  g_assert_cmpint (bt_merge_copy_kind ("pl\xe4n.json", "pl\xe4n (J\xf6rg's conflicted copy 2026-12-06).json"),
                   ==, BT_MERGE_COPY_DROPBOX);
  g_assert_cmpint (bt_merge_copy_kind ("pl\xe4n.json", "pl\xe4n_conflict-20261206-101010.json"),
                   ==, BT_MERGE_COPY_NEXTCLOUD);
  g_assert_cmpint (bt_merge_copy_kind ("pl\xe4n.json", "pl\xe5n_conflict-20261206-101010.json"),
                   ==, BT_MERGE_COPY_NONE);
}

static void
test_copies_found_and_set_aside (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-merge-XXXXXX", NULL);
  g_autofree char *plan = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "plan (conflicted copy 2026-12-06).json", NULL);
  g_autofree char *other = g_build_filename (dir, "notes (conflicted copy 2026-12-06).json", NULL);
  g_autofree char *folder_copy = g_build_filename (dir, "plan_conflict-20261206-101010.json", NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *moved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (plan, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (copy, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (other, "{}", -1, NULL));
  /* A folder with a copy's name is no copy. */
  g_assert_cmpint (g_mkdir (folder_copy, 0700), ==, 0);

  found = bt_merge_find_copies (plan);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (found->pdata[0], ==, copy);

  moved = bt_merge_set_aside (copy, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (moved, "/" BT_MERGE_SET_ASIDE_FOLDER "/plan (conflicted copy 2026-12-06).json"));
  g_assert_true (g_file_test (moved, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  /* A second copy of the same name does not replace the first. */
  g_assert_true (g_file_set_contents (copy, "{\"second\": 1}", -1, NULL));
  {
    g_autofree char *second = bt_merge_set_aside (copy, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (second, !=, moved);
    g_assert_true (g_file_test (moved, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  }

  after = bt_merge_find_copies (plan);
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_base_is_private (void)
{
  g_autofree char *path = bt_merge_base_path ("/home/someone/Private Plans/plan.json");
  g_autofree char *other = bt_merge_base_path ("/home/someone/plan.json");
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{\"base\": 1}", 11);
  g_autoptr(GBytes) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  /* In the state folder, named by a hash: the path is not in the name. */
  g_assert_true (g_str_has_prefix (path, g_get_user_state_dir ()));
  g_assert_null (strstr (path, "Private"));
  g_assert_cmpstr (path, !=, other);

  g_assert_null (bt_merge_base_load ("/home/someone/plan.json"));
  g_assert_true (bt_merge_base_store ("/home/someone/Private Plans/plan.json", bytes, &error));
  g_assert_no_error (error);
  read_back = bt_merge_base_load ("/home/someone/Private Plans/plan.json");
  g_assert_nonnull (read_back);
  g_assert_true (g_bytes_equal (read_back, bytes));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  dir = g_path_get_dirname (path);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_pick_base (void)
{
  const char *a0 = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"One\",\"date\":\"2027-01-01\"}]");
  const char *a1 = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"One, here\",\"date\":\"2027-01-01\"}]");
  /* Changed from a0, before a1 reached the other device */
  const char *from_a0 = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"One\",\"date\":\"2027-02-01\"}]");
  /* Changed from a1 */
  const char *from_a1 = PLAN (",\"milestones\":[{\"id\":\"m1\",\"title\":\"One, here\",\"date\":\"2027-02-01\"}]");
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) t0 = g_bytes_new_static (from_a0, strlen (from_a0));
  g_autoptr(GBytes) t1 = g_bytes_new_static (from_a1, strlen (from_a1));

  g_ptr_array_add (candidates, g_bytes_new_static (a0, strlen (a0)));
  g_ptr_array_add (candidates, g_bytes_new_static (a1, strlen (a1)));

  g_assert_cmpuint (bt_merge_pick_base (candidates, t0), ==, 0);
  g_assert_cmpuint (bt_merge_pick_base (candidates, t1), ==, 1);

  /* From a0, the merge keeps both changes: with a1 as the base it would
   * take this device's title back. */
  {
    g_autoptr(BtMergeResult) result = merge_texts (a0, a1, from_a0);

    g_assert_cmpuint (result->conflicts->len, ==, 0);
    g_assert_cmpstr (member_string (result, "milestones", 0, "title"), ==, "One, here");
    g_assert_cmpstr (member_string (result, "milestones", 0, "date"), ==, "2027-02-01");
  }
}

/* ---- a long list added to on one side ---- */

static JsonNode *
keyed_list (GPtrArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);
  JsonObject *root = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "id", ids->pdata[i]);
      json_array_add_object_element (array, item);
    }
  json_object_set_array_member (root, "x", array);
  json_node_take_object (node, root);
  return node;
}

static GPtrArray *
merged_ids (BtMergeResult *result)
{
  JsonArray *array = json_object_get_array_member (json_node_get_object (result->root), "x");
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (ids, (gpointer) json_object_get_string_member (json_array_get_object_element (array, i), "id"));
  return ids;
}

/* Where THEIRS' own items go, the slow way: one by one in THEIRS' order,
 * each right after the nearest item before it in THEIRS that the list
 * holds by then. */
static GPtrArray *
placed_the_slow_way (GPtrArray *mine_merged,
                     GPtrArray *theirs,
                     GHashTable *theirs_only)
{
  GPtrArray *out = g_ptr_array_new ();

  g_ptr_array_extend (out, mine_merged, NULL, NULL);
  for (guint j = 0; j < theirs->len; j++)
    {
      guint at = 0;

      if (!g_hash_table_contains (theirs_only, theirs->pdata[j]))
        continue;
      for (guint p = j; p > 0 && at == 0; p--)
        for (guint r = 0; r < out->len; r++)
          if (g_str_equal (out->pdata[r], theirs->pdata[p - 1]))
            {
              at = r + 1;
              break;
            }
      g_ptr_array_insert (out, at, theirs->pdata[j]);
    }
  return out;
}

static void
test_long_list_added_on_one_side (void)
{
  /* Ten items; MINE adds one, THEIRS 10,000 after each: 100,000 in all,
   * too many to place by looking for each one's place from the start. */
  const guint n = 10, added = 10000;
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) base_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) mine_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) theirs_ids = g_ptr_array_new ();
  g_autoptr(JsonNode) base = NULL;
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autoptr(BtMergeResult) result = NULL;
  g_autoptr(GPtrArray) got = NULL;
  guint at = 0;

  for (guint i = 0; i < n; i++)
    {
      char *id = g_strdup_printf ("a%u", i);

      g_ptr_array_add (strings, id);
      g_ptr_array_add (base_ids, id);
      g_ptr_array_add (mine_ids, id);
      g_ptr_array_add (theirs_ids, id);
      if (i == 5)
        g_ptr_array_add (mine_ids, "m");
      for (guint k = 0; k < added; k++)
        {
          char *t = g_strdup_printf ("t%u-%u", i, k);

          g_ptr_array_add (strings, t);
          g_ptr_array_add (theirs_ids, t);
        }
    }
  base = keyed_list (base_ids);
  mine = keyed_list (mine_ids);
  theirs = keyed_list (theirs_ids);

  result = bt_merge_trees (base, mine, theirs);
  g_assert_cmpuint (result->conflicts->len, ==, 0);
  got = merged_ids (result);
  g_assert_cmpuint (got->len, ==, n * (added + 1) + 1);

  /* Each of THEIRS' runs right after the item it follows there, MINE's
   * own item after the run THEIRS put after a5. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = g_strdup_printf ("a%u", i);

      g_assert_cmpstr (got->pdata[at++], ==, a);
      for (guint k = 0; k < added; k++)
        {
          g_autofree char *t = g_strdup_printf ("t%u-%u", i, k);

          g_assert_cmpstr (got->pdata[at++], ==, t);
        }
      if (i == 5)
        g_assert_cmpstr (got->pdata[at++], ==, "m");
    }
}

static void
test_order_of_added_items (void)
{
  /* Small random lists: deletions, moves and additions on both sides put
   * THEIRS' own items where placing them one by one would. */
  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) base_ids = g_ptr_array_new ();
      g_autoptr(GPtrArray) mine_ids = g_ptr_array_new ();
      g_autoptr(GPtrArray) theirs_ids = g_ptr_array_new ();
      g_autoptr(GHashTable) theirs_only = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) mine_merged = g_ptr_array_new ();
      g_autoptr(GPtrArray) expected = NULL;
      g_autoptr(GPtrArray) got = NULL;
      g_autoptr(JsonNode) base = NULL;
      g_autoptr(JsonNode) mine = NULL;
      g_autoptr(JsonNode) theirs = NULL;
      g_autoptr(BtMergeResult) result = NULL;
      guint nb = g_random_int_range (0, 8);

      for (guint i = 0; i < nb; i++)
        {
          char *id = g_strdup_printf ("b%u", i);

          g_ptr_array_add (strings, id);
          g_ptr_array_add (base_ids, id);
          /* Deleted on a side, or kept there. */
          if (g_random_int_range (0, 5) > 0)
            g_ptr_array_add (mine_ids, id);
          if (g_random_int_range (0, 5) > 0)
            g_ptr_array_add (theirs_ids, id);
        }
      for (guint side = 0; side < 2; side++)
        {
          GPtrArray *ids = side == 0 ? mine_ids : theirs_ids;
          /* At least one: a side as the base was takes the other's list whole. */
          guint adds = g_random_int_range (1, 6);

          /* A move, then additions anywhere. */
          if (ids->len > 1)
            {
              gpointer moved = g_ptr_array_steal_index (ids, g_random_int_range (0, ids->len));

              g_ptr_array_insert (ids, g_random_int_range (0, ids->len + 1), moved);
            }
          for (guint k = 0; k < adds; k++)
            {
              char *id = g_strdup_printf ("%c%u", side == 0 ? 'm' : 't', k);

              g_ptr_array_add (strings, id);
              g_ptr_array_insert (ids, g_random_int_range (0, ids->len + 1), id);
              if (side == 1)
                g_hash_table_add (theirs_only, id);
            }
        }
      /* MINE's items that stay: those THEIRS kept, or MINE added. */
      for (guint i = 0; i < mine_ids->len; i++)
        {
          gboolean in_theirs = FALSE;

          for (guint j = 0; j < theirs_ids->len; j++)
            in_theirs |= g_str_equal (theirs_ids->pdata[j], mine_ids->pdata[i]);
          if (in_theirs || ((char *) mine_ids->pdata[i])[0] == 'm')
            g_ptr_array_add (mine_merged, mine_ids->pdata[i]);
        }

      base = keyed_list (base_ids);
      mine = keyed_list (mine_ids);
      theirs = keyed_list (theirs_ids);
      result = bt_merge_trees (base, mine, theirs);
      got = merged_ids (result);
      expected = placed_the_slow_way (mine_merged, theirs_ids, theirs_only);
      g_assert_cmpuint (got->len, ==, expected->len);
      for (guint i = 0; i < got->len; i++)
        g_assert_cmpstr (got->pdata[i], ==, expected->pdata[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/merge/random", test_random);
  g_test_add_func ("/merge/long-list-added-on-one-side", test_long_list_added_on_one_side);
  g_test_add_func ("/merge/order-of-added-items", test_order_of_added_items);
  g_test_add_func ("/merge/checked-in-on-both", test_checked_in_on_both);
  g_test_add_func ("/merge/weeks-per-category", test_weeks_per_category);
  g_test_add_func ("/merge/deleted-and-changed", test_deleted_and_changed);
  g_test_add_func ("/merge/no-base", test_no_base);
  g_test_add_func ("/merge/not-a-plan", test_not_a_plan);
  g_test_add_func ("/merge/newer-version", test_newer_version);
  g_test_add_func ("/merge/member-paths", test_member_paths);
  g_test_add_func ("/merge/unknown-list-with-twice-a-key", test_unknown_list_with_twice_a_key);
  g_test_add_func ("/merge/invalid-result", test_invalid_result);
  g_test_add_func ("/merge/conflict-copy-names", test_conflict_copy_names);
  g_test_add_func ("/merge/copies-found-and-set-aside", test_copies_found_and_set_aside);
  g_test_add_func ("/merge/base-is-private", test_base_is_private);
  g_test_add_func ("/merge/pick-base", test_pick_base);

  return g_test_run ();
}
