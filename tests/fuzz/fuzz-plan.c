/* fuzz-plan.c — the plan loader on any bytes: it refuses with a message or
 * gives a plan that saves, and the saved text loads back to the same text;
 * reading the lists while parsing and reading the whole tree agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bt-plan-file-private.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

/* abort(), not g_error()'s breakpoint trap: libFuzzer keeps the input
 * only for a signal it handles. */
G_GNUC_NORETURN static void
found (const char *what)
{
  fprintf (stderr, "fuzz-plan: %s\n", what);
  abort ();
}

/* Items the input gave no id get a random one, different at each reading:
 * such ids are left out of the comparison. */
static void
drop_made_ids (JsonNode   *node,
               const char *input,
               gsize       size)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        drop_made_ids (json_array_get_element (array, i), input, size);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);
      const char *id = json_object_has_member (object, "id") ?
                       json_object_get_string_member_with_default (object, "id", NULL) : NULL;

      if (id != NULL && memmem (input, size, id, strlen (id)) == NULL)
        json_object_remove_member (object, "id");
      for (GList *l = members; l != NULL; l = l->next)
        if (json_object_has_member (object, l->data))
          drop_made_ids (json_object_get_member (object, l->data), input, size);
    }
}

static gboolean
same_but_made_ids (GBytes     *a,
                   GBytes     *b,
                   const char *input,
                   gsize       size)
{
  g_autoptr(JsonParser) pa = json_parser_new ();
  g_autoptr(JsonParser) pb = json_parser_new ();

  if (!json_parser_load_from_data (pa, g_bytes_get_data (a, NULL), g_bytes_get_size (a), NULL) ||
      !json_parser_load_from_data (pb, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL))
    return FALSE;

  drop_made_ids (json_parser_get_root (pa), input, size);
  drop_made_ids (json_parser_get_root (pb), input, size);

  return json_node_equal (json_parser_get_root (pa), json_parser_get_root (pb));
}

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (bytes, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  g_autoptr(GError) tree_error = NULL;
  g_autoptr(BtPlan) tree_plan = bt_plan_file_load_bytes_from_tree (bytes, &tree_error);

  /* Lists read while parsing give what reading the whole tree gives. */
  if ((plan == NULL) != (tree_plan == NULL))
    found ("one way of reading gives a plan, the other does not");

  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, ==, tree_error->message);
      return 0;
    }

  /* A plan from a newer version is never written; any other saves. */
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  if (saved == NULL)
    return 0;

  {
    g_autoptr(GBytes) tree_saved = bt_plan_file_serialize (tree_plan, BT_PLAN_SECTION_ALL, NULL);

    g_assert_nonnull (tree_saved);
    if (!g_bytes_equal (saved, tree_saved) &&
        !same_but_made_ids (saved, tree_saved, (const char *) data, size))
      found ("the two ways of reading give different plans");
  }

  again = bt_plan_file_load_bytes (saved, &error);
  if (again == NULL)
    found ("a saved plan does not load");
  saved_again = bt_plan_file_serialize (again, BT_PLAN_SECTION_ALL, &error);
  g_assert_nonnull (saved_again);
  if (!g_bytes_equal (saved, saved_again))
    found ("a saved plan does not read back the same");

  return 0;
}
