/* bt-plan-load.c — reading a whole plan file
 *
 * The bytes are checked first (bt-plan-guard.c), then json-glib parses
 * them; the plan's header, its lists and its weeks are read here, the
 * items by their tables in bt-plan-reader.c. Each element of a list is
 * read as soon as the parser has built it where that is sure to give the
 * same plan (see "Reading while parsing" below), else from the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-load"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bt-date.h"
#include "bt-item-private.h"
#include "bt-plan-file-private.h"
#include "bt-plan-reader-private.h"
#include "bt-safe-file.h"

#define N(a) G_N_ELEMENTS (a)

/* The category @id names, interned; NULL if there is none. Weeks list
 * their categories in the same order as a rule, so the one at the same
 * @position in an earlier week is tried before the table: comparing is
 * cheaper than hashing an id. */
static const char *
find_category (Loader     *ld,
               const char *id,
               guint       position)
{
  const char *interned;

  if (position < G_N_ELEMENTS (ld->recent_categories) &&
      ld->recent_categories[position] != NULL &&
      strcmp (ld->recent_categories[position], id) == 0)
    return ld->recent_categories[position];

  interned = g_hash_table_lookup (ld->category_ids, id);
  if (interned != NULL && position < G_N_ELEMENTS (ld->recent_categories))
    ld->recent_categories[position] = interned;

  return interned;
}

/* One element of "weeks"; NULL when it cannot be read (the problem is
 * recorded). */
static BtItem *
read_week (Loader   *ld,
           JsonNode *element)
{
  static const char * const known[] = { "week", "hours", "note", "imported", "imported_from" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtWeek) week = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *text;
  int y, w;
  gsize field_mark;

  if (!bt_loader_expect_object (ld, element))
    return NULL;
  object = json_node_get_object (element);

  member = json_object_get_member (object, "week");
  if (member == NULL)
    {
      bt_loader_fail (ld, _("the field \"%s\" is missing"), "week");
      return NULL;
    }

  field_mark = bt_loader_push_member (ld, "week");
  if (!bt_loader_read_string (ld, member, N_("an ISO 8601 week such as 2026-W47"), &text))
    {
      bt_loader_pop (ld, field_mark);
      return NULL;
    }
  if (!bt_iso_week_parse (text, &y, &w, &error))
    {
      g_autofree char *got = bt_loader_describe_node (member);
      bt_loader_fail (ld, _("%s, got %s"), error->message, got);
      bt_loader_pop (ld, field_mark);
      return NULL;
    }
  {
    gpointer key = GINT_TO_POINTER (y * 100 + w);
    gpointer first = g_hash_table_lookup (ld->weeks, key);

    if (first != NULL)
      {
        bt_loader_fail (ld, _("the week %s is already recorded at %s"), text, bt_loader_place (ld, first));
        bt_loader_pop (ld, field_mark);
        return NULL;
      }
    g_hash_table_insert (ld->weeks, key, bt_loader_keep_place (ld, field_mark));
  }
  bt_loader_pop (ld, field_mark);

  week = bt_week_new (y, w);
  bt_item_set_quiet (BT_ITEM (week), TRUE);

  member = json_object_get_member (object, "note");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = bt_loader_push_member (ld, "note");
      if (bt_loader_read_string (ld, member, N_("text"), &text))
        bt_week_set_note (week, text);
      bt_loader_pop (ld, field_mark);
    }

  member = json_object_get_member (object, "hours");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = bt_loader_push_member (ld, "hours");
      if (bt_loader_expect_object (ld, member))
        {
          BtMemberIter iter;
          const char *category;
          JsonNode *hours_node;
          double total = 0.0;

          bt_member_iter_init (&iter, json_node_get_object (member));
          for (guint position = 0; bt_member_iter_next (&iter, &category, &hours_node); position++)
            {
              const char *interned = find_category (ld, category, position);
              double hours;
              gsize hours_mark;

              if (interned != NULL && bt_loader_node_get_number (hours_node, &hours) && isfinite (hours) &&
                  hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS)
                {
                  total += hours;
                  bt_week_set_hours_interned (week, interned, hours);
                  continue;
                }

              /* the path only for the message */
              hours_mark = bt_loader_push_member (ld, category);
              if (interned == NULL)
                bt_loader_fail (ld, _("no category has this id"));
              else
                {
                  g_autofree char *got = bt_loader_describe_node (hours_node);
                  bt_loader_fail (ld, _("expected a number of hours from 0 to 168, got %s"), got);
                }
              bt_loader_pop (ld, hours_mark);
            }

          if (total > BT_WEEK_MAX_HOURS)
            bt_loader_fail (ld, _("the hours add up to %g, more than the 168 hours of a week"), total);
        }
      bt_loader_pop (ld, field_mark);
    }

  /* What the last import put in the week (see bt_week_set_imported()). */
  member = json_object_get_member (object, "imported");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = bt_loader_push_member (ld, "imported");
      if (bt_loader_expect_object (ld, member))
        {
          g_autoptr(GHashTable) imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          BtMemberIter iter;
          const char *category;
          JsonNode *hours_node;

          bt_member_iter_init (&iter, json_node_get_object (member));
          while (bt_member_iter_next (&iter, &category, &hours_node))
            {
              double hours;

              gsize hours_mark;

              if (bt_loader_node_get_number (hours_node, &hours) && isfinite (hours) &&
                  hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS &&
                  g_hash_table_contains (ld->category_ids, category) &&
                  hours <= bt_week_get_hours (week, category))
                {
                  g_hash_table_replace (imported, g_strdup (category), g_memdup2 (&hours, sizeof hours));
                  continue;
                }

              /* The writer writes none of these: taken for an import's
               * hours, they would make the hours typed by hand look
               * imported, and the next import replace them. */
              hours_mark = bt_loader_push_member (ld, category);
              if (!(bt_loader_node_get_number (hours_node, &hours) && isfinite (hours) &&
                    hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS))
                {
                  g_autofree char *got = bt_loader_describe_node (hours_node);

                  bt_loader_fail (ld, _("expected a number of hours from 0 to 168, got %s"), got);
                }
              else if (!g_hash_table_contains (ld->category_ids, category))
                bt_loader_fail (ld, _("no category has this id"));
              else
                {
                  g_autofree char *got = bt_loader_describe_node (hours_node);

                  /* TRANSLATORS: the hours a week has in one category, then what
                   * the file says an import put there */
                  bt_loader_fail (ld, _("an import cannot have put more than the week’s %g hours of this category here, got %s"),
                        bt_week_get_hours (week, category), got);
                }
              bt_loader_pop (ld, hours_mark);
            }
          bt_week_set_imported (week, imported);
        }
      bt_loader_pop (ld, field_mark);
    }

  /* Which source that import read: another source's import counts its
   * part as the week's own. Anything but a string is as if absent. */
  member = json_object_get_member (object, "imported_from");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    bt_week_set_imported_from (week, json_node_get_string (member));

  bt_loader_keep_unknown_members (BT_ITEM (week), object, known, N (known));
  bt_item_set_quiet (BT_ITEM (week), FALSE);

  return BT_ITEM (g_steal_pointer (&week));
}

static void
check_unique_check_in_weeks (Loader *ld,
                             BtPlan *plan)
{
  GListModel *list = bt_plan_get_check_ins (plan);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCheckIn) check_in = g_list_model_get_item (list, i);
      const char *week = bt_check_in_get_week (check_in);
      const char *first = g_hash_table_lookup (ld->check_in_weeks, week);

      if (first != NULL)
        {
          gsize mark = bt_loader_push_member (ld, "check_ins");
          bt_loader_fail (ld, _("two check-ins are for the week %s"), week);
          bt_loader_pop (ld, mark);
        }
      else
        g_hash_table_insert (ld->check_in_weeks, g_strdup (week), g_strdup (week));
    }
}

static gboolean
read_header (Loader     *ld,
             JsonObject *root,
             gboolean   *newer,
             guint      *file_version,
             GError    **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  double v;

  if (format == NULL || !bt_loader_node_is_string (format) ||
      strcmp (json_node_get_string (format), BT_PLAN_FORMAT) != 0)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("format: this is not a Breakthrough plan (expected \"format\": \"%s\")"),
                   BT_PLAN_FORMAT);
      return FALSE;
    }

  if (version == NULL || !bt_loader_node_get_number (version, &v) || v != floor (v) || v < 1 ||
      v > BT_MAX_SAFE_INTEGER)
    {
      g_autofree char *got = version ? bt_loader_describe_node (version) : g_strdup (_("nothing"));
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("version: expected a whole number from 1, got %s"), got);
      return FALSE;
    }

  *newer = v > BT_PLAN_VERSION;
  *file_version = v > G_MAXUINT ? G_MAXUINT : (guint) v;

  return TRUE;
}

static const char * const plan_members[] = {
  "format", "version", "section", "profile", "phases", "milestones", "categories",
  "weeks", "relationships", "narratives", "check_ins", "import_rules",
};

/* An element of one of the plan's lists, kept until the plan takes it. */
static void
read_plan_element (Loader   *ld,
                   ListId    list,
                   JsonNode *element)
{
  BtItem *item;

  if (list == LIST_WEEKS)
    item = read_week (ld, element);
  else
    {
      /* looked up once a list, not once an element */
      if (ld->classes[list] == NULL)
        ld->classes[list] = bt_item_class_lookup (bt_plan_lists[list].get_type ());
      item = bt_loader_read_item (ld, ld->classes[list], element,
                                  list == LIST_PHASES ? ld->phase_ids :
                                  list == LIST_CATEGORIES ? ld->category_ids : NULL);
    }

  if (item != NULL)
    {
      if (ld->items[list] == NULL)
        ld->items[list] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (ld->items[list], item);
    }
}

static void
read_plan_element_cb (Loader   *ld,
                      JsonNode *element,
                      gpointer  data)
{
  read_plan_element (ld, GPOINTER_TO_INT (data), element);
}

static void
add_list_to_plan (Loader *ld,
                  BtPlan *plan,
                  ListId  list)
{
  GPtrArray *items = ld->items[list];
  GListModel *store = bt_plan_lists[list].get (plan);
  gboolean sorted = TRUE;

  if (items == NULL)
    return;

  /* The file may list weeks in any order; the plan keeps them in time order. */
  if (list == LIST_WEEKS)
    for (guint i = 1; i < items->len && sorted; i++)
      sorted = bt_week_get_serial (g_ptr_array_index (items, i - 1)) <
               bt_week_get_serial (g_ptr_array_index (items, i));

  /* One splice instead of n inserts: one change notification. */
  if (sorted)
    bt_item_splice_children (BT_ITEM (plan), store, 0, items->pdata, items->len);
  else
    for (guint i = 0; i < items->len; i++)
      bt_plan_add_week (plan, g_ptr_array_index (items, i));

  g_clear_pointer (&ld->items[list], g_ptr_array_unref);
}

/* Reading while parsing.
 *
 * json-glib builds the whole document as a tree before anyone reads it:
 * for a plan of ten years, some 15 MB of nodes that have left the caches
 * by the time they are read, and then are freed. Instead, each element of
 * the plan's lists is read into the model as soon as the parser has built
 * it, while it is still in the cache, and removed from the tree at once.
 *
 * The parser's signals do not say which member an array belongs to, but
 * bt_plan_guard_scan() has seen the bytes already: it lists, in order, every array
 * that is not inside another array and, for those that are members of the
 * root, which list they hold. A list is read this way only when that is
 * sure to give the same plan and the same messages as reading the tree:
 * its member is in the root once, no root member's name has an escape,
 * the file has none of the comments and 'strings' json-glib 1.6 also
 * takes, and the lists are in the order they are read in (see
 * decide_streamable()). Everything else is read from the tree after
 * parsing. */
/* GLib runs a handler through its closure, with a GValue for each argument,
 * on every emission it is not blocked for. Most arrays are inside an element
 * (a person's touchpoints), and their thousands of elements are not for
 * on_array_element_cb(): blocked, such an emission costs what one with no
 * handler does. */
static void
update_element_handler (JsonParser *parser,
                        Loader     *ld)
{
  gboolean wanted = ld->arrays_open == 1 && ld->streaming >= 0;

  if (wanted == !ld->element_blocked)
    return;

  if (wanted)
    g_signal_handler_unblock (parser, ld->element_handler);
  else
    g_signal_handler_block (parser, ld->element_handler);
  ld->element_blocked = !wanted;
}

static void
on_array_start_cb (JsonParser *parser,
                   Loader     *ld)
{
  guint k;

  if (ld->arrays_open++ > 0)
    {
      update_element_handler (parser, ld);
      return;
    }

  k = ld->n_outer_seen++;
  ld->streaming = k < ld->scan.outer_arrays->len ? g_array_index (ld->scan.outer_arrays, int, k) : -1;
  if (ld->streaming >= 0 && !ld->streamable[ld->streaming])
    ld->streaming = -1;

  if (ld->streaming >= 0)
    {
      ld->bucket = BUCKET_OF_LIST (ld->streaming);
      ld->list_mark = bt_loader_push_member (ld, bt_plan_lists[ld->streaming].member);
    }
  update_element_handler (parser, ld);
}

static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index,
                     Loader     *ld)
{
  guint last;
  gsize mark;

  /* update_element_handler() blocks us everywhere else */
  g_assert (ld->arrays_open == 1 && ld->streaming >= 0);

  last = json_array_get_length (array) - 1;
  mark = bt_loader_push_index (ld, index);
  read_plan_element (ld, ld->streaming, json_array_get_element (array, last));
  bt_loader_pop (ld, mark);
  json_array_remove_element (array, last);
}

static void
on_array_end_cb (JsonParser *parser,
                 JsonArray  *array,
                 Loader     *ld)
{
  if (ld->arrays_open == 0)
    return;

  if (--ld->arrays_open == 0 && ld->streaming >= 0)
    {
      ld->streamed[ld->streaming] = TRUE;
      bt_loader_pop (ld, ld->list_mark);
      ld->streaming = -1;
    }
  update_element_handler (parser, ld);
}

/* json-glib 1.6 gives its signals no marshaller of their own, so GLib's
 * generic one calls the handlers through libffi, on every element of every
 * array. These three know the handlers' types. */
static void
marshal_start (GClosure     *closure,
               GValue       *return_value,
               guint         n_values,
               const GValue *values,
               gpointer      hint,
               gpointer      data)
{
  on_array_start_cb (g_value_get_object (&values[0]), closure->data);
}

static void
marshal_element (GClosure     *closure,
                 GValue       *return_value,
                 guint         n_values,
                 const GValue *values,
                 gpointer      hint,
                 gpointer      data)
{
  on_array_element_cb (g_value_get_object (&values[0]), g_value_get_boxed (&values[1]),
                       g_value_get_int (&values[2]), closure->data);
}

static void
marshal_end (GClosure     *closure,
             GValue       *return_value,
             guint         n_values,
             const GValue *values,
             gpointer      hint,
             gpointer      data)
{
  on_array_end_cb (g_value_get_object (&values[0]), g_value_get_boxed (&values[1]), closure->data);
}

static gulong
connect_marshalled (JsonParser       *parser,
                    const char       *signal,
                    GCallback         callback,
                    Loader           *ld,
                    GClosureMarshal   marshal)
{
  GClosure *closure = g_cclosure_new (callback, ld, NULL);

  g_closure_set_marshal (closure, marshal);
  return g_signal_connect_closure (parser, signal, closure, FALSE);
}

/* Which lists on_array_start_cb() may read while parsing; FALSE for none.
 * A list may when every list read before it (in ListId's order) that the
 * file has may too and comes before it in the file: then the lists are
 * read in ListId's order either way, and ids taken and references checked
 * just as when reading the tree. */
static gboolean
decide_streamable (Loader *ld)
{
  gboolean any = FALSE;

  if (ld->scan.unsure)
    return FALSE;

  for (guint i = 0; i < N_LISTS; i++)
    {
      ld->streamable[i] = ld->scan.list_count[i] == 1;
      for (guint j = 0; j < i && ld->streamable[i]; j++)
        if (ld->scan.list_count[j] > 0)
          ld->streamable[i] = ld->streamable[j] && ld->scan.list_position[j] < ld->scan.list_position[i];
      any = any || ld->streamable[i];
    }

  return any;
}

static BtPlan *
read_plan (Loader    *ld,
           JsonNode  *root_node,
           GError   **error)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autofree char *joined = NULL;
  JsonObject *root;
  JsonNode *node;
  gboolean newer = FALSE;
  guint file_version = BT_PLAN_VERSION;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *got = bt_loader_describe_node (root_node);
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("this is not a Breakthrough plan: expected an object, got %s"), got);
      return NULL;
    }

  root = json_node_get_object (root_node);
  if (!read_header (ld, root, &newer, &file_version, error))
    return NULL;

  ld->bucket = BUCKET_PROFILE;
  node = json_object_get_member (root, "profile");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      gsize mark = bt_loader_push_member (ld, "profile");
      if (bt_loader_expect_object (ld, node))
        {
          BtItem *profile = BT_ITEM (bt_plan_get_profile (plan));

          bt_item_set_quiet (profile, TRUE);
          bt_loader_read_fields (ld, bt_item_class_lookup (BT_TYPE_PROFILE), json_node_get_object (node), profile);
          bt_item_set_quiet (profile, FALSE);
        }
      bt_loader_pop (ld, mark);
    }

  for (ListId list = 0; list < N_LISTS; list++)
    {
      ld->bucket = BUCKET_OF_LIST (list);
      if (!ld->streamed[list])
        bt_loader_read_elements (ld, root, bt_plan_lists[list].member, read_plan_element_cb, GINT_TO_POINTER (list));
      add_list_to_plan (ld, plan, list);
    }

  ld->bucket = BUCKET_LATE;
  check_unique_check_in_weeks (ld, plan);

  bt_loader_keep_unknown_members (BT_ITEM (plan), root, plan_members, N (plan_members));

  joined = bt_loader_join_errors (ld);
  if (joined != NULL)
    {
      if (newer)
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                     _("%s\n(The file was written by a newer version of Breakthrough.)"), joined);
      else
        g_set_error_literal (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID, joined);
      return NULL;
    }

  /* A newer file may mean more than this version can see: never write it. */
  if (newer)
    {
      bt_plan_set_read_only (plan, TRUE);
      bt_plan_set_file_version (plan, file_version);
    }

  return g_steal_pointer (&plan);
}

/* json-glib says "<data>:3:14: Parse error: scanner: unterminated string
 * constant"; a person wants "line 3, column 14: not valid JSON: …". */
/* What GScanner, under json-glib, names a token: in a person's words. */
static char *
plain_token (const char *token)
{
  g_autofree char *quoted = NULL;
  const char *tick = strchr (token, '`');
  const char *end = tick != NULL ? strrchr (tick, '\'') : NULL;

  if (g_str_equal (token, "string constant"))
    return g_strdup (_("a name or text in double quotes"));
  if (g_str_has_prefix (token, "string constant "))
    /* TRANSLATORS: %s is a text of the file, in double quotes */
    return g_strdup_printf (_("the text %s"), token + strlen ("string constant "));
  if (g_str_equal (token, "number"))
    return g_strdup (_("a number"));
  if (g_str_equal (token, "value"))
    return g_strdup (_("a value"));
  if (g_str_equal (token, "identifier"))
    return g_strdup (_("a name"));
  if (g_str_equal (token, "end of file"))
    return g_strdup (_("the end of the file"));
  if (tick != NULL && end != NULL && end > tick)
    {
      quoted = g_strndup (tick + 1, end - tick - 1);
      /* TRANSLATORS: a character or word of the file, quoted */
      return g_strdup_printf (_("“%s”"), quoted);
    }

  return g_strdup (token);
}

/* json-glib passes on GScanner's own words ("unexpected character `,',
 * expected string constant"): they are said again plainly, what was found
 * and what was expected, without the scanner's backquotes. */
static char *
plain_scanner_words (const char *words)
{
  g_autofree char *found = NULL;
  g_autofree char *found_plain = NULL;
  const char *expected = strstr (words, ", expected ");

  if (g_str_equal (words, "unterminated string constant"))
    return g_strdup (_("a text in double quotes is not closed"));
  if (g_str_equal (words, "unexpected end of file"))
    return g_strdup (_("the file ends too early"));
  if (!g_str_has_prefix (words, "unexpected "))
    return g_strdup (words);

  found = expected != NULL ? g_strndup (words, expected - words) : g_strdup (words);
  /* "unexpected character `,'", "unexpected identifier `nul'" … */
  {
    const char *what = found + strlen ("unexpected ");
    const char *tick = strchr (what, '`');

    found_plain = plain_token (tick != NULL ? tick : what);
  }

  if (expected != NULL)
    {
      g_autofree char *wanted = plain_token (expected + strlen (", expected "));

      /* TRANSLATORS: what the file has at that place, and what it should have */
      return g_strdup_printf (_("%s where %s should be"), found_plain, wanted);
    }

  /* TRANSLATORS: what the file has at that place */
  return g_strdup_printf (_("%s is out of place"), found_plain);
}

static char *
syntax_error_message (const char *raw_message)
{
  /* json-glib quotes the text it stopped at, cut to a number of bytes that
   * may end inside a character (found by fuzz-plan): the message must
   * stay UTF-8. */
  g_autofree char *raw = g_utf8_make_valid (raw_message, -1);
  const char *rest = raw;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (raw, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    rest = raw + consumed;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");
  if (g_str_has_prefix (rest, "scanner: "))
    rest += strlen ("scanner: ");

  {
    g_autofree char *plain = plain_scanner_words (rest);

    if (line > 0)
      return g_strdup_printf (_("line %u, column %u: not valid JSON: %s"), line, column, plain);

    return g_strdup_printf (_("not valid JSON: %s"), plain);
  }
}

static BtPlan *
load_bytes (GBytes   *bytes,
            gboolean  while_parsing,
            GError  **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  BtPlanDuplicates duplicates;
  BtPlan *plan;
  const char *data;
  gsize length;
  Loader ld;

  data = g_bytes_get_data (bytes, &length);

  if (length > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the file is %lu MiB, more than the %d MiB a plan may have"),
                   (unsigned long) (length / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length == 0 || data == NULL)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }

  bt_loader_init (&ld);
  if (!bt_plan_guard_scan (&ld.scan, data, length, error))
    {
      bt_loader_clear (&ld);
      return NULL;
    }

  parser = json_parser_new ();
  /* bt_plan_guard_scan() found any name given twice, unless one had an
   * escape: then the parse is watched, which takes a fifth longer. */
  if (ld.scan.escaped_names)
    bt_plan_duplicates_watch (&duplicates, parser);
  else
    duplicates = (BtPlanDuplicates) { NULL };
  if (while_parsing && decide_streamable (&ld))
    {
      connect_marshalled (parser, "array-start", G_CALLBACK (on_array_start_cb), &ld, marshal_start);
      ld.element_handler = connect_marshalled (parser, "array-element", G_CALLBACK (on_array_element_cb),
                                               &ld, marshal_element);
      connect_marshalled (parser, "array-end", G_CALLBACK (on_array_end_cb), &ld, marshal_end);
      /* no list is open yet */
      g_signal_handler_block (parser, ld.element_handler);
      ld.element_blocked = TRUE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says only that the text is not UTF-8, and says it before
       * any problem of syntax */
      if (!bt_plan_guard_refuse_encoding (data, data + length, error))
        {
          g_autofree char *message = syntax_error_message (local_error->message);

          g_set_error_literal (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX, message);
        }
      bt_plan_duplicates_clear (&duplicates);
      bt_loader_clear (&ld);
      return NULL;
    }

  if (!bt_plan_duplicates_check (&duplicates, error))
    {
      bt_plan_duplicates_clear (&duplicates);
      bt_loader_clear (&ld);
      return NULL;
    }
  bt_plan_duplicates_clear (&duplicates);

  plan = read_plan (&ld, json_parser_get_root (parser), error);
  bt_loader_clear (&ld);

  return plan;
}

/**
 * bt_plan_file_load_bytes:
 *
 * Reads a plan from the bytes of a plan file. Every problem found is in the
 * error's message, one per line, each starting with its JSON path.
 *
 * Returns: (transfer full) (nullable): the plan, read-only if the file
 *   comes from a newer version
 */
BtPlan *
bt_plan_file_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, TRUE, error);
}

/* For tests: the same, with every list read from json-glib's tree once it
 * is parsed, which must give the same plan or the same message. */
BtPlan *
bt_plan_file_load_bytes_from_tree (GBytes  *bytes,
                                   GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, FALSE, error);
}

/**
 * bt_plan_file_load:
 *
 * Returns: (transfer full) (nullable): the plan in the file at @path
 */
BtPlan *
bt_plan_file_load (const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean too_large = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  /* Check the size before reading, so a huge file is never read into memory. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the file is %lld MiB, more than the %d MiB a plan may have"),
                   (long long) (st.st_size / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* A pipe or a device has no size to check: read no more than allowed. */
  if (!bt_file_read_at_most (path, BT_PLAN_MAX_BYTES, &contents, &length, &too_large, error))
    {
      if (too_large)
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                     _("the file is more than the %d MiB a plan may have"), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);

  return bt_plan_file_load_bytes (bytes, error);
}

/**
 * bt_plan_file_load_sample:
 *
 * Returns: (transfer full): the sample plan shipped with the app
 */
BtPlan *
bt_plan_file_load_sample (GError **error)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/breakthrough/Planner/sample-plan.json",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return bt_plan_file_load_bytes (bytes, error);
}
