/* bt-merge-files.c — around a merge: which version both sides started
 * from, where this machine keeps it, and the conflict copies sync tools
 * leave beside a plan
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

/* ---- which common version ---- */

static guint64
count_values (JsonNode *node)
{
  guint64 n = 0;

  if (node == NULL)
    return 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        n += count_values (member);
      return n;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_values (json_array_get_element (array, i));
      return n;
    }

  return 1;
}

/* How many values differ between two versions, items matched by key. */
static guint64
count_differences (JsonNode *a,
                   JsonNode *b)
{
  guint64 n = 0;

  if (bt_merge_nodes_equal (a, b))
    return 0;
  if (a == NULL || b == NULL)
    return count_values (a ? a : b);

  if (JSON_NODE_HOLDS_OBJECT (a) && JSON_NODE_HOLDS_OBJECT (b))
    {
      JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, x);
      while (json_object_iter_next (&iter, &name, &member))
        n += count_differences (member, json_object_get_member (y, name));
      json_object_iter_init (&iter, y);
      while (json_object_iter_next (&iter, &name, &member))
        if (!json_object_has_member (x, name))
          n += count_values (member);
      return n;
    }

  if (JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
    {
      const char *key = bt_merge_list_key (NULL, a, b);

      if (key != NULL)
        {
          g_autoptr(GHashTable) in_a = bt_merge_index_list (a, key, NULL);
          g_autoptr(GHashTable) in_b = bt_merge_index_list (b, key, NULL);
          GHashTableIter iter;
          gpointer k, element;

          g_hash_table_iter_init (&iter, in_a);
          while (g_hash_table_iter_next (&iter, &k, &element))
            n += count_differences (element, g_hash_table_lookup (in_b, k));
          g_hash_table_iter_init (&iter, in_b);
          while (g_hash_table_iter_next (&iter, &k, &element))
            if (!g_hash_table_contains (in_a, k))
              n += count_values (element);
          return n;
        }
    }

  return MAX (count_values (a), 1);
}

/**
 * bt_merge_pick_base:
 * @candidates: (element-type GBytes): versions this side read or wrote,
 *   oldest first
 * @theirs: the other side's version
 *
 * The other side started from one of the versions this side had — not
 * always the last: when both changed the plan before the sync tool carried
 * either change, theirs comes from an older one. The nearest to theirs is
 * the one it started from; the newest of those, if several are as near.
 *
 * Returns: the index of the common version in @candidates
 */
guint
bt_merge_pick_base (GPtrArray *candidates,
                    GBytes    *theirs)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) other = NULL;
  guint64 best = G_MAXUINT64;
  guint pick = 0;

  g_return_val_if_fail (candidates != NULL && candidates->len > 0, 0);

  if (!json_parser_load_from_data (parser, g_bytes_get_data (theirs, NULL), g_bytes_get_size (theirs), NULL))
    return candidates->len - 1;
  other = json_node_ref (json_parser_get_root (parser));

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(JsonParser) p = json_parser_new ();
      GBytes *bytes = candidates->pdata[i];
      guint64 d;

      if (!json_parser_load_from_data (p, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
        continue;
      d = count_differences (json_parser_get_root (p), other);
      if (d <= best)
        {
          best = d;
          pick = i;
        }
    }

  return pick;
}

/* ---- the common version ---- */

/**
 * bt_merge_base_path:
 *
 * Returns: (transfer full): where the common version of the plan at
 *   @plan_path is kept: in the state folder, named by a hash of the plan's
 *   full path (the path itself may say more than a file name should)
 */
char *
bt_merge_base_path (const char *plan_path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *name = NULL;
  char *real;

  g_return_val_if_fail (plan_path != NULL, NULL);

  real = realpath (plan_path, NULL);
  canonical = real != NULL ? g_strdup (real) : g_canonicalize_filename (plan_path, NULL);
  free (real);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
  name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (g_get_user_state_dir (), "breakthrough", "merge-base", name, NULL);
}

/**
 * bt_merge_base_store:
 *
 * Keeps @bytes as the common version of the plan at @plan_path, readable
 * by the user alone (0600 in a 0700 folder), replaced atomically.
 */
gboolean
bt_merge_base_store (const char  *plan_path,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autofree char *path = bt_merge_base_path (plan_path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return bt_plan_file_write_private (path, data, length, FALSE, error);
}

/**
 * bt_merge_base_load:
 *
 * Returns: (transfer full) (nullable): the common version of the plan at
 *   @plan_path, or %NULL if none is kept
 */
GBytes *
bt_merge_base_load (const char *plan_path)
{
  g_autofree char *path = bt_merge_base_path (plan_path);
  char *contents = NULL;
  gsize length = 0;
  gboolean too_large = FALSE;

  if (!bt_file_read_at_most (path, BT_PLAN_MAX_BYTES, &contents, &length, &too_large, NULL))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/* ---- conflict copies ---- */

/* Each tool's name for the other version of NAME.EXT, from its own code
 * and documentation:
 * - Syncthing: NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT, DEVICE the
 *   first seven characters (base32) of the device's id;
 * - Dropbox: NAME (conflicted copy YYYY-MM-DD).EXT, or with who made it,
 *   NAME (Alex's conflicted copy YYYY-MM-DD).EXT, and a number after the
 *   date when there are several that day;
 * - Nextcloud: NAME (conflicted copy YYYY-MM-DD HHMMSS).EXT, with the user
 *   name before the date when conflict files are uploaded; before version
 *   2.5, NAME_conflict-YYYYMMDD-HHMMSS.EXT (NAME_conflict_USER-… with a
 *   user name). */
static const struct {
  BtMergeCopyKind kind;
  const char *pattern;
} copy_tags[] = {
  { BT_MERGE_COPY_SYNCTHING, "\\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z2-7]{7}" },
  { BT_MERGE_COPY_DROPBOX, " \\((?:[^()/]+(?:'|\xe2\x80\x99)s )?conflicted copy [0-9]{4}-[0-9]{2}-[0-9]{2}(?: \\([0-9]+\\))?\\)" },
  { BT_MERGE_COPY_NEXTCLOUD, " \\(conflicted copy (?:[^()/]+ )?[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{6}\\)" },
  { BT_MERGE_COPY_NEXTCLOUD, "_conflict(?:_[^/]+)?-[0-9]{8}-[0-9]{6}" },
};

/* The tags' expressions, compiled once for every name of every folder. A
 * name is bytes (not always UTF-8): they match bytes. */
static GRegex *const *
copy_tag_regexes (void)
{
  static GRegex *regexes[G_N_ELEMENTS (copy_tags)];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (copy_tags); i++)
        {
          g_autofree char *full = g_strconcat ("^(?:", copy_tags[i].pattern, ")$", NULL);

          regexes[i] = g_regex_new (full, G_REGEX_RAW | G_REGEX_DOLLAR_ENDONLY | G_REGEX_OPTIMIZE, 0, NULL);
          g_assert (regexes[i] != NULL);
        }
      g_once_init_leave (&done, 1);
    }

  return regexes;
}

BtMergeCopyKind
bt_merge_copy_kind (const char *plan_name,
                    const char *name)
{
  GRegex *const *regexes = copy_tag_regexes ();
  const char *dot;
  gsize stem_len, ext_len, name_len;

  g_return_val_if_fail (plan_name != NULL, BT_MERGE_COPY_NONE);
  g_return_val_if_fail (name != NULL, BT_MERGE_COPY_NONE);

  /* The tag goes before the extension, if there is one: NAME, the tag,
   * .EXT, NAME and .EXT compared as bytes. */
  dot = strrchr (plan_name, '.');
  if (dot == NULL || dot == plan_name)
    dot = plan_name + strlen (plan_name);
  stem_len = dot - plan_name;
  ext_len = strlen (dot);
  name_len = strlen (name);
  if (name_len <= stem_len + ext_len ||
      memcmp (name, plan_name, stem_len) != 0 ||
      memcmp (name + name_len - ext_len, dot, ext_len) != 0)
    return BT_MERGE_COPY_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (copy_tags); i++)
    if (g_regex_match_full (regexes[i], name + stem_len, name_len - stem_len - ext_len, 0, 0, NULL, NULL))
      return copy_tags[i].kind;

  return BT_MERGE_COPY_NONE;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/**
 * bt_merge_find_copies:
 *
 * Returns: (transfer full) (element-type filename): the conflict copies
 *   beside the plan at @plan_path (regular files only), by name
 */
GPtrArray *
bt_merge_find_copies (const char *plan_path)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir_name = g_path_get_dirname (plan_path);
  g_autofree char *plan_name = g_path_get_basename (plan_path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  if (dir == NULL)
    return found;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (bt_merge_copy_kind (plan_name, name) == BT_MERGE_COPY_NONE)
        continue;
      path = g_build_filename (dir_name, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_paths);

  return found;
}

/**
 * bt_merge_set_aside:
 *
 * Moves a conflict copy, once merged, into the folder
 * %BT_MERGE_SET_ASIDE_FOLDER beside it: out of the way, never deleted.
 *
 * Returns: (transfer full): where it is now, or %NULL with @error set
 */
char *
bt_merge_set_aside (const char  *copy_path,
                    GError     **error)
{
  g_autofree char *dir_name = g_path_get_dirname (copy_path);
  g_autofree char *name = g_path_get_basename (copy_path);
  g_autofree char *folder = g_build_filename (dir_name, BT_MERGE_SET_ASIDE_FOLDER, NULL);
  g_autofree char *target = g_build_filename (folder, name, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
      return NULL;
    }

  /* Never over another copy of the same name. */
  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u-%s", n, name);

      g_free (target);
      target = g_build_filename (folder, numbered, NULL);
    }

  if (g_rename (copy_path, target) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not move “%s” into “%s”: %s"), name, folder, g_strerror (saved));
      return NULL;
    }

  return g_steal_pointer (&target);
}
