/* bt-merge.c — a three-way merge of two versions of one plan
 *
 * Two machines edit one plan file; a sync tool or git brings both
 * versions together. Merging works on the JSON trees, not the model, so
 * that every member — those this version does not know too — takes part:
 *
 * - a value the same on both sides, or changed on one side only, is taken;
 * - objects changed on both sides merge member by member;
 * - lists of items (objects with an `id`, or weeks with a `week`) merge item
 *   by item, so that items added on both sides are all kept and an item
 *   deleted on one side is gone if the other left it as it was;
 * - anything else changed differently on both sides is a conflict: the
 *   result holds MINE's value, and the conflict says where, with the three
 *   values, so that the caller can choose THEIRS instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-merge"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-json-writer.h"
#include "bt-merge.h"
#include "bt-merge-private.h"
#include "bt-plan-file.h"

typedef struct
{
  GPtrArray *steps;      /* of BtMergeStep, borrowed strings while merging */
  GString   *path;
  GPtrArray *conflicts;
} Merger;

static void
step_free (gpointer data)
{
  BtMergeStep *step = data;

  g_free (step->member);
  g_free (step->key);
  g_free (step->value);
  g_free (step);
}

static void
conflict_free (gpointer data)
{
  BtMergeConflict *conflict = data;

  g_free (conflict->path);
  g_free (conflict->item);
  g_free (conflict->field);
  g_clear_pointer (&conflict->base, json_node_unref);
  g_clear_pointer (&conflict->mine, json_node_unref);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_clear_pointer (&conflict->steps, g_ptr_array_unref);
  g_free (conflict);
}

void
bt_merge_result_free (BtMergeResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->root, json_node_unref);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

/* Equal as JSON values: a whole number and a double of the same value are
 * the same number, and the order of an object's members does not count. */
gboolean
bt_merge_nodes_equal (JsonNode *a,
                      JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      {
        GType ta = json_node_get_value_type (a), tb = json_node_get_value_type (b);
        gboolean na = ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE;
        gboolean nb = tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE;

        if (na && nb)
          {
            if (ta == G_TYPE_INT64 && tb == G_TYPE_INT64)
              return json_node_get_int (a) == json_node_get_int (b);
            return json_node_get_double (a) == json_node_get_double (b);
          }
        if (ta != tb)
          return FALSE;
        if (ta == G_TYPE_STRING)
          return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        if (ta == G_TYPE_BOOLEAN)
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        return FALSE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (n != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!bt_merge_nodes_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        json_object_iter_init (&iter, x);
        while (json_object_iter_next (&iter, &name, &member))
          if (!bt_merge_nodes_equal (member, json_object_get_member (y, name)))
            return FALSE;
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static JsonNode *
copy_or_null (JsonNode *node)
{
  return node != NULL ? json_node_copy (node) : NULL;
}

/* ---- where we are ---- */

/* A member's name that reads unquoted in a path: a letter or an
 * underscore, then letters, digits and underscores (every name the format
 * knows). */
static gboolean
member_is_identifier (const char *member)
{
  if (!g_ascii_isalpha (member[0]) && member[0] != '_')
    return FALSE;
  for (guint i = 1; member[i] != '\0'; i++)
    if (i >= 40 || (!g_ascii_isalnum (member[i]) && member[i] != '_'))
      return FALSE;

  return TRUE;
}

static void
push_step (Merger     *m,
           const char *member,
           const char *key,
           const char *value,
           int         index)
{
  BtMergeStep *step = g_new0 (BtMergeStep, 1);

  step->member = g_strdup (member);
  step->key = g_strdup (key);
  step->value = g_strdup (value);
  g_ptr_array_add (m->steps, step);

  if (member != NULL)
    {
      if (m->path->len > 0)
        g_string_append_c (m->path, '.');
      /* As the reader's paths name them: "a.b" at the top is not a → b,
       * nor "q[0]" an index. */
      if (member_is_identifier (member))
        g_string_append (m->path, member);
      else
        {
          g_autofree char *quoted = bt_plan_file_quote_text (member);

          g_string_append (m->path, quoted);
        }
    }
  else
    g_string_append_printf (m->path, "[%d]", index);
}

static void
pop_step (Merger *m,
          gsize   mark)
{
  g_ptr_array_set_size (m->steps, m->steps->len - 1);
  g_string_truncate (m->path, mark);
}

static const char *
item_label (JsonNode *node)
{
  static const char *const names[] = { "title", "name", "summary", "metric", "week", "date", "id" };
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      JsonNode *member = json_object_get_member (object, names[i]);

      if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
          json_node_get_value_type (member) == G_TYPE_STRING)
        return json_node_get_string (member);
    }

  return NULL;
}

static void
add_conflict (Merger   *m,
              JsonNode *base,
              JsonNode *mine,
              JsonNode *theirs,
              JsonNode *item)
{
  BtMergeConflict *conflict = g_new0 (BtMergeConflict, 1);
  BtMergeStep *last = m->steps->len > 0 ? m->steps->pdata[m->steps->len - 1] : NULL;

  conflict->path = g_strdup (m->path->str);
  conflict->base = copy_or_null (base);
  conflict->mine = copy_or_null (mine);
  conflict->theirs = copy_or_null (theirs);
  conflict->steps = g_ptr_array_new_with_free_func (step_free);
  for (guint i = 0; i < m->steps->len; i++)
    {
      BtMergeStep *from = m->steps->pdata[i], *step = g_new0 (BtMergeStep, 1);

      step->member = g_strdup (from->member);
      step->key = g_strdup (from->key);
      step->value = g_strdup (from->value);
      g_ptr_array_add (conflict->steps, step);
    }

  /* A whole item (deleted on one side) or one of its members, named as
   * both sides knew it. */
  if (last != NULL && last->member == NULL)
    conflict->item = g_strdup (item_label (base ? base : mine ? mine : theirs));
  else
    {
      conflict->field = last != NULL ? g_strdup (last->member) : NULL;
      conflict->item = g_strdup (item_label (item));
    }

  g_ptr_array_add (m->conflicts, conflict);
}

/* ---- merging ---- */

static JsonNode *merge_value (Merger   *m,
                              JsonNode *base,
                              JsonNode *mine,
                              JsonNode *theirs,
                              JsonNode *item);

static gboolean
all_keyed (JsonNode   *node,
           const char *key)
{
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  /* Each item once: a list of a member this version does not know may
   * hold the same key twice, and is then one value, never cut short. */
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonNode *member;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      member = json_object_get_member (json_node_get_object (element), key);
      if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
          json_node_get_value_type (member) != G_TYPE_STRING ||
          !g_hash_table_add (seen, (gpointer) json_node_get_string (member)))
        return FALSE;
    }

  return TRUE;
}

/* The member that names a list's items: `id`, or `week` for the weeks;
 * NULL when the list is a value of its own (a business case's cost rows). */
const char *
bt_merge_list_key (JsonNode *base,
                   JsonNode *mine,
                   JsonNode *theirs)
{
  static const char *const keys[] = { "id", "week" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (all_keyed (base, keys[i]) && all_keyed (mine, keys[i]) && all_keyed (theirs, keys[i]))
      return keys[i];

  return NULL;
}

static const char *
key_of (JsonNode   *element,
        const char *key)
{
  return json_object_get_string_member (json_node_get_object (element), key);
}

/* key → element, and key → position */
GHashTable *
bt_merge_index_list (JsonNode   *list,
                     const char *key,
                     GHashTable *positions)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (list == NULL)
    return table;

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *k = key_of (element, key);

      if (!g_hash_table_contains (table, k))
        {
          g_hash_table_insert (table, (gpointer) k, element);
          if (positions != NULL)
            g_hash_table_insert (positions, (gpointer) k, GUINT_TO_POINTER (i));
        }
    }

  return table;
}

/* One week, one check-in: a check-in each side added for the same week is
 * one check-in, merged field by field. Both get the same id (the smaller,
 * whichever side merges), in copies of the two lists. */
static void
pair_check_ins (JsonNode  *base,
                JsonNode **mine,
                JsonNode **theirs)
{
  g_autoptr(GHashTable) in_base = bt_merge_index_list (base, "id", NULL);
  g_autoptr(GHashTable) mine_ids = bt_merge_index_list (*mine, "id", NULL);
  g_autoptr(GHashTable) theirs_ids = bt_merge_index_list (*theirs, "id", NULL);
  JsonArray *m = json_node_get_array (*mine), *t = json_node_get_array (*theirs);
  gboolean copied = FALSE;

  for (guint i = 0; i < json_array_get_length (m); i++)
    {
      JsonObject *a = json_node_get_object (json_array_get_element (m, i));
      const char *id_a = json_object_get_string_member (a, "id");
      const char *week_a = json_object_get_string_member_with_default (a, "week", NULL);

      if (week_a == NULL || g_hash_table_contains (in_base, id_a) || g_hash_table_contains (theirs_ids, id_a))
        continue;

      for (guint j = 0; j < json_array_get_length (t); j++)
        {
          JsonObject *b = json_node_get_object (json_array_get_element (t, j));
          const char *id_b = json_object_get_string_member (b, "id");
          const char *week_b = json_object_get_string_member_with_default (b, "week", NULL);
          g_autofree char *id = NULL;

          if (g_strcmp0 (week_a, week_b) != 0 || g_hash_table_contains (in_base, id_b) ||
              g_hash_table_contains (mine_ids, id_b))
            continue;

          if (!copied)
            {
              /* The indexes keep pointing into the caller's lists, which
               * stay as they are. */
              *mine = json_node_copy (*mine);
              *theirs = json_node_copy (*theirs);
              m = json_node_get_array (*mine);
              t = json_node_get_array (*theirs);
              a = json_node_get_object (json_array_get_element (m, i));
              b = json_node_get_object (json_array_get_element (t, j));
              copied = TRUE;
            }
          id = g_strdup (strcmp (id_a, id_b) < 0 ? id_a : id_b);
          json_object_set_string_member (a, "id", id);
          json_object_set_string_member (b, "id", id);
          break;
        }
    }

  if (!copied)
    {
      json_node_ref (*mine);
      json_node_ref (*theirs);
    }
}

static JsonNode *
merge_list (Merger     *m,
            JsonNode   *base,
            JsonNode   *mine_list,
            JsonNode   *theirs_list,
            const char *key)
{
  g_autoptr(JsonNode) mine = NULL;
  g_autoptr(JsonNode) theirs = NULL;
  g_autoptr(GHashTable) mine_at = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) theirs_at = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_base = NULL;
  g_autoptr(GHashTable) in_mine = NULL;
  g_autoptr(GHashTable) in_theirs = NULL;
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *result = json_array_new ();
  JsonArray *t;

  if (g_str_equal (key, "id") && m->steps->len == 1 &&
      g_strcmp0 (((BtMergeStep *) m->steps->pdata[0])->member, "check_ins") == 0)
    {
      mine = mine_list;
      theirs = theirs_list;
      pair_check_ins (base, &mine, &theirs);
    }
  else
    {
      mine = json_node_ref (mine_list);
      theirs = json_node_ref (theirs_list);
    }

  in_base = bt_merge_index_list (base, key, NULL);
  in_mine = bt_merge_index_list (mine, key, mine_at);
  in_theirs = bt_merge_index_list (theirs, key, theirs_at);

  /* MINE's order, with what only THEIRS has after the item it follows
   * there. A position in the path is where the item is in MINE, or in
   * THEIRS for an item MINE does not have. */
  {
    JsonArray *a = json_node_get_array (mine);

    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonNode *element = json_array_get_element (a, i);
        const char *k = key_of (element, key);
        gsize mark = m->path->len;
        JsonNode *merged;

        if (g_hash_table_contains (placed, k))
          continue;
        push_step (m, NULL, key, k, i);
        merged = merge_value (m, g_hash_table_lookup (in_base, k), element,
                              g_hash_table_lookup (in_theirs, k), NULL);
        pop_step (m, mark);
        g_hash_table_add (placed, (gpointer) k);
        if (merged != NULL)
          json_array_add_element (result, merged);
      }
  }

  /* What only THEIRS has goes right after the nearest item before it in
   * THEIRS that the result holds (or first, when there is none), as if
   * inserted there one by one in THEIRS' order. Each such item is put
   * down once, as a follower of that item: a pass over THEIRS and one
   * over the result, whatever the lists' lengths. */
  {
    g_autoptr(GHashTable) in_result = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GHashTable) followers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                             (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    g_autoptr(GPtrArray) stack = g_ptr_array_new ();
    const char *last = NULL;
    JsonArray *merged_mine = result;

    for (guint r = 0; r < json_array_get_length (merged_mine); r++)
      g_hash_table_add (in_result, (gpointer) key_of (json_array_get_element (merged_mine, r), key));

    t = json_node_get_array (theirs);
    for (guint j = 0; j < json_array_get_length (t); j++)
      {
        JsonNode *element = json_array_get_element (t, j);
        const char *k = key_of (element, key);
        gsize mark = m->path->len;
        JsonNode *merged;
        GPtrArray *after;

        if (g_hash_table_contains (placed, k))
          {
            if (g_hash_table_contains (in_result, k))
              last = k;
            continue;
          }
        push_step (m, NULL, key, k, j);
        merged = merge_value (m, g_hash_table_lookup (in_base, k), NULL, element, NULL);
        pop_step (m, mark);
        g_hash_table_add (placed, (gpointer) k);
        if (merged == NULL)
          continue;

        if (last == NULL)
          after = first;
        else
          {
            after = g_hash_table_lookup (followers, last);
            if (after == NULL)
              {
                after = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
                g_hash_table_insert (followers, (gpointer) last, after);
              }
          }
        /* The later one goes nearer to the item it follows. */
        g_ptr_array_insert (after, 0, merged);
        g_hash_table_add (in_result, (gpointer) k);
        last = k;
      }

    if (g_hash_table_size (followers) > 0 || first->len > 0)
      {
        JsonArray *rebuilt = json_array_sized_new (g_hash_table_size (in_result));
        guint r = 0;

        /* Depth first, without recursion: an item added after an item
         * added after another can be a long chain. */
        for (guint f = first->len; f > 0; f--)
          g_ptr_array_add (stack, first->pdata[f - 1]);
        for (;;)
          {
            JsonNode *node;
            GPtrArray *after;

            if (stack->len == 0)
              {
                if (r >= json_array_get_length (merged_mine))
                  break;
                g_ptr_array_add (stack, json_array_get_element (merged_mine, r++));
              }
            node = g_ptr_array_steal_index (stack, stack->len - 1);
            json_array_add_element (rebuilt, json_node_ref (node));
            after = g_hash_table_lookup (followers, key_of (node, key));
            for (guint f = after != NULL ? after->len : 0; f > 0; f--)
              g_ptr_array_add (stack, after->pdata[f - 1]);
          }
        json_array_unref (result);
        result = rebuilt;
      }
  }

  {
    JsonNode *node = json_node_new (JSON_NODE_ARRAY);

    json_node_take_array (node, result);
    return node;
  }
}

static JsonNode *
merge_object (Merger   *m,
              JsonNode *base,
              JsonNode *mine,
              JsonNode *theirs)
{
  JsonObject *b = base != NULL ? json_node_get_object (base) : NULL;
  JsonObject *x = json_node_get_object (mine), *y = json_node_get_object (theirs);
  JsonObject *result = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  /* MINE's members in its order, then those only THEIRS has. */
  json_object_iter_init_ordered (&iter, x);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize mark = m->path->len;
      JsonNode *merged;

      push_step (m, name, NULL, NULL, 0);
      merged = merge_value (m, b ? json_object_get_member (b, name) : NULL, member,
                            json_object_get_member (y, name), base ? base : mine);
      pop_step (m, mark);
      if (merged != NULL)
        json_object_set_member (result, name, merged);
    }

  json_object_iter_init_ordered (&iter, y);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize mark = m->path->len;
      JsonNode *merged;

      if (json_object_has_member (x, name))
        continue;
      push_step (m, name, NULL, NULL, 0);
      merged = merge_value (m, b ? json_object_get_member (b, name) : NULL, NULL, member, base ? base : theirs);
      pop_step (m, mark);
      if (merged != NULL)
        json_object_set_member (result, name, merged);
    }

  {
    JsonNode *node = json_node_new (JSON_NODE_OBJECT);

    json_node_take_object (node, result);
    return node;
  }
}

static JsonNode *
merge_value (Merger   *m,
             JsonNode *base,
             JsonNode *mine,
             JsonNode *theirs,
             JsonNode *item)
{
  if (bt_merge_nodes_equal (mine, theirs))
    return copy_or_null (mine);
  if (bt_merge_nodes_equal (base, mine))
    return copy_or_null (theirs);
  if (bt_merge_nodes_equal (base, theirs))
    return copy_or_null (mine);

  /* Changed on both sides, differently. */
  if (mine != NULL && theirs != NULL)
    {
      if (JSON_NODE_HOLDS_OBJECT (mine) && JSON_NODE_HOLDS_OBJECT (theirs) &&
          (base == NULL || JSON_NODE_HOLDS_OBJECT (base)))
        return merge_object (m, base, mine, theirs);

      if (JSON_NODE_HOLDS_ARRAY (mine) && JSON_NODE_HOLDS_ARRAY (theirs) &&
          (base == NULL || JSON_NODE_HOLDS_ARRAY (base)))
        {
          const char *key = bt_merge_list_key (base, mine, theirs);

          if (key != NULL)
            return merge_list (m, base, mine, theirs, key);
        }
    }

  add_conflict (m, base, mine, theirs, item);

  return copy_or_null (mine);
}

/**
 * bt_merge_trees:
 * @base: (nullable): the version both started from; %NULL when there is
 *   none (both added the plan: git's add/add), and all is added on both sides
 * @mine: the version that wins each conflict
 * @theirs: the other version
 *
 * Returns: (transfer full): the merged tree and its conflicts
 */
BtMergeResult *
bt_merge_trees (JsonNode *base,
                JsonNode *mine,
                JsonNode *theirs)
{
  BtMergeResult *result = g_new0 (BtMergeResult, 1);
  Merger m = { 0, };

  g_return_val_if_fail (mine != NULL, NULL);
  g_return_val_if_fail (theirs != NULL, NULL);

  m.steps = g_ptr_array_new_with_free_func (step_free);
  m.path = g_string_new (NULL);
  m.conflicts = g_ptr_array_new_with_free_func (conflict_free);

  result->root = merge_value (&m, base, mine, theirs, NULL);
  result->conflicts = m.conflicts;

  g_ptr_array_unref (m.steps);
  g_string_free (m.path, TRUE);

  return result;
}

static JsonNode *
parse (GBytes     *bytes,
       const char *which,
       GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!json_parser_load_from_data (parser, data, length, &local_error) ||
      json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      /* TRANSLATORS: %s is "base", "mine" or "theirs" */
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                   _("%s: not a plan (a JSON object)"), which);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/**
 * bt_merge_bytes:
 * @base: (nullable): the common version; %NULL or empty when there is none
 *
 * The same as bt_merge_trees() on the text of three plan files, each of
 * which must be a plan the app reads (bt_plan_file_load_bytes()).
 */
BtMergeResult *
bt_merge_bytes (GBytes  *base,
                GBytes  *mine,
                GBytes  *theirs,
                GError **error)
{
  GBytes *all[] = { base, mine, theirs };
  const char *names[] = { "base", "mine", "theirs" };
  JsonNode *trees[3] = { NULL, };
  BtMergeResult *result = NULL;

  g_return_val_if_fail (mine != NULL, NULL);
  g_return_val_if_fail (theirs != NULL, NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BtPlan) plan = NULL;
      g_autoptr(GError) local_error = NULL;

      if (all[i] == NULL || g_bytes_get_size (all[i]) == 0)
        {
          if (i > 0)
            {
              g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_EMPTY,
                           _("%s: the file is empty"), names[i]);
              goto out;
            }
          continue;
        }

      /* The loader's limits and checks first: a merge reads no file the
       * app would refuse. */
      plan = bt_plan_file_load_bytes (all[i], &local_error);
      if (plan == NULL)
        {
          g_set_error (error, local_error->domain, local_error->code, "%s: %s", names[i], local_error->message);
          goto out;
        }

      /* Written by a newer version: a merge would write it over without
       * what this version cannot see, as a save never does. */
      if (bt_plan_get_read_only (plan))
        {
          /* TRANSLATORS: %s is "base", "mine" or "theirs" */
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY,
                       _("%s: the plan comes from a newer version of Breakthrough and is not merged"),
                       names[i]);
          goto out;
        }

      trees[i] = parse (all[i], names[i], error);
      if (trees[i] == NULL)
        goto out;
    }

  result = bt_merge_trees (trees[0], trees[1], trees[2]);

out:
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&trees[i], json_node_unref);

  return result;
}

static JsonArray *
find_parent (JsonNode     *root,
             BtMergeConflict *conflict,
             JsonObject  **object)
{
  JsonNode *node = root;

  *object = NULL;
  for (guint i = 0; i + 1 < conflict->steps->len; i++)
    {
      BtMergeStep *step = conflict->steps->pdata[i];

      if (node == NULL)
        return NULL;
      if (step->member != NULL)
        node = JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), step->member) : NULL;
      else
        {
          JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
          JsonNode *found = NULL;

          for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
            {
              JsonNode *element = json_array_get_element (array, j);

              if (JSON_NODE_HOLDS_OBJECT (element) &&
                  g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (element),
                                                                         step->key, NULL), step->value) == 0)
                found = element;
            }
          node = found;
        }
    }

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    *object = json_node_get_object (node);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);

  return NULL;
}

/**
 * bt_merge_result_choose:
 * @index: which conflict
 * @side: whose value the merged plan takes for it
 *
 * The result starts with MINE's value at every conflict; this puts the
 * chosen side's value there (an item deleted on that side is removed, an
 * item only that side has is put back at the end of its list).
 */
void
bt_merge_result_choose (BtMergeResult *result,
                        guint          index,
                        BtMergeSide    side)
{
  BtMergeConflict *conflict;
  BtMergeStep *last;
  JsonNode *value;
  JsonObject *object = NULL;
  JsonArray *array;

  g_return_if_fail (result != NULL);
  g_return_if_fail (index < result->conflicts->len);

  conflict = result->conflicts->pdata[index];
  value = side == BT_MERGE_MINE ? conflict->mine : conflict->theirs;

  if (conflict->steps->len == 0)
    {
      /* The whole plan: only when the two roots are not both objects. */
      if (value != NULL)
        {
          json_node_unref (result->root);
          result->root = json_node_copy (value);
        }
      return;
    }

  last = conflict->steps->pdata[conflict->steps->len - 1];
  array = find_parent (result->root, conflict, &object);

  if (last->member != NULL)
    {
      g_return_if_fail (object != NULL);
      if (value != NULL)
        json_object_set_member (object, last->member, json_node_copy (value));
      else
        json_object_remove_member (object, last->member);
      return;
    }

  g_return_if_fail (array != NULL);
  for (guint j = 0; j < json_array_get_length (array); j++)
    {
      JsonNode *element = json_array_get_element (array, j);

      if (JSON_NODE_HOLDS_OBJECT (element) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (element),
                                                                 last->key, NULL), last->value) == 0)
        {
          if (value != NULL)
            {
              /* The element may be shared with the versions merged: the
               * list gets a copy of the chosen one in its place. */
              g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

              for (guint r = 0; r < json_array_get_length (array); r++)
                g_ptr_array_add (elements, r == j ? json_node_copy (value)
                                                  : json_node_ref (json_array_get_element (array, r)));
              while (json_array_get_length (array) > 0)
                json_array_remove_element (array, json_array_get_length (array) - 1);
              for (guint r = 0; r < elements->len; r++)
                json_array_add_element (array, json_node_ref (elements->pdata[r]));
            }
          else
            json_array_remove_element (array, j);
          return;
        }
    }

  if (value != NULL)
    json_array_add_element (array, json_node_copy (value));
}

/**
 * bt_merge_result_to_bytes:
 *
 * Returns: (transfer full) (nullable): the merged plan's text, or %NULL
 *   with @error set if the app would not read it (an item kept on one side
 *   that names one deleted on the other, a week past 168 hours)
 */
GBytes *
bt_merge_result_to_bytes (BtMergeResult  *result,
                          GError        **error)
{
  g_autoptr(BtJsonWriter) writer = bt_json_writer_new (64 * 1024);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  bt_json_writer_node (writer, result->root);
  bytes = bt_json_writer_finish (writer);

  plan = bt_plan_file_load_bytes (bytes, &local_error);
  if (plan == NULL)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                   /* TRANSLATORS: %s is the reader's reason, with its JSON path */
                   _("the merged plan would not open: %s"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}
