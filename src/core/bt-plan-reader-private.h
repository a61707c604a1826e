/* bt-plan-reader-private.h — what the parts of the plan file's reader
 * share: the loader's state, its paths and messages, and reading items by
 * their tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "bt-plan-guard-private.h"

G_BEGIN_DECLS

/* Where bt_loader_fail() files a problem: the profile's first, then one
 * bucket per list, then what is checked once everything is read. */
enum
{
  BUCKET_PROFILE = 0,
  BUCKET_LATE = N_LISTS + 1,
  N_BUCKETS
};

#define BUCKET_OF_LIST(list) (1 + (list))

typedef struct
{
  GString    *path;
  const char *member;        /* the member of path being read, not in it yet: a
                              * field's name goes into a path only for a message */
  GPtrArray  *errors[N_BUCKETS];   /* of char*, "path: message" */
  guint       bucket;
  GHashTable *ids;           /* id (the item's own) → where it was first seen */
  GHashTable *weeks;         /* year × 100 + week → where */
  GString    *places;        /* the paths of the two above, one after the other:
                              * not two copies for each of thousands of items */
  GHashTable *check_in_weeks;
  GHashTable *phase_ids;     /* ids, as category_ids */
  GHashTable *category_ids;  /* id → the id interned */
  const char *recent_categories[16];  /* interned, by their place in a week's hours */

  /* Reading while parsing (see bt-plan-load.c): what bt_plan_guard_scan()
   * found, and where the parser is. */
  BtPlanScan  scan;
  gboolean    streamable[N_LISTS];
  gboolean    streamed[N_LISTS];  /* read while parsing, nothing left in the tree */
  GPtrArray  *items[N_LISTS];     /* read, not yet in the plan */
  BtItemClass *classes[N_LISTS];  /* of each list's items, once one is read */
  guint       arrays_open;
  guint       n_outer_seen;
  int         streaming;          /* the list being parsed, or -1 */
  gsize       list_mark;
  gulong      element_handler;    /* bt-plan-load.c's element handler, blocked whenever it
                                   * would have nothing to do */
  gboolean    element_blocked;
} Loader;

void        bt_loader_init                 (Loader      *ld);
void        bt_loader_clear                (Loader      *ld);
char       *bt_loader_join_errors          (Loader      *ld);

gsize       bt_loader_push_member          (Loader      *ld,
                                            const char  *member);
gsize       bt_loader_push_index           (Loader      *ld,
                                            guint        index);
void        bt_loader_pop                  (Loader      *ld,
                                            gsize        mark);
gpointer    bt_loader_keep_place           (Loader      *ld,
                                            gsize        length);
const char *bt_loader_place                (Loader      *ld,
                                            gpointer     kept);
void        bt_loader_fail                 (Loader      *ld,
                                            const char  *format,
                                            ...) G_GNUC_PRINTF (2, 3);

char       *bt_loader_describe_node        (JsonNode    *node);
gboolean    bt_loader_read_string          (Loader      *ld,
                                            JsonNode    *node,
                                            const char  *expected,
                                            const char **out);
gboolean    bt_loader_expect_object        (Loader      *ld,
                                            JsonNode    *node);
gboolean    bt_loader_expect_array         (Loader      *ld,
                                            JsonNode    *node);

void        bt_loader_keep_unknown_members (BtItem      *item,
                                            JsonObject  *object,
                                            const char * const *known,
                                            guint        n_known);
void        bt_loader_read_fields          (Loader      *ld,
                                            BtItemClass *klass,
                                            JsonObject  *object,
                                            BtItem      *item);
BtItem     *bt_loader_read_item            (Loader      *ld,
                                            BtItemClass *klass,
                                            JsonNode    *node,
                                            GHashTable  *id_set);

typedef void (*BtLoaderElementFunc) (Loader   *ld,
                                     JsonNode *element,
                                     gpointer  data);

gboolean    bt_loader_read_elements        (Loader      *ld,
                                            JsonObject  *object,
                                            const char  *member,
                                            BtLoaderElementFunc func,
                                            gpointer     data);

static inline gboolean
bt_loader_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static inline gboolean
bt_loader_node_get_number (JsonNode *node,
                           double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

/* strcmp () == 0 for a member's name against a table's, with the first
 * byte compared inline: most of the names tried are not the one. */
static inline gboolean
bt_same_name (const char *a,
              const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

/* The members of an object in the file's order. json-glib 1.6's ordered
 * iterator finds each member's value by hashing its name again; its
 * unordered one walks the table without hashing. The two hand out the same
 * strings for the names, so the values are paired with the ordered names by
 * address. Any name not paired (past the first MEMBERS_PAIRED) is looked up
 * as before: the pairing only saves work, it never decides anything. */
#define MEMBERS_PAIRED 16

typedef struct
{
  JsonObjectIter ordered;
  JsonObject    *object;
  const char    *names[MEMBERS_PAIRED];
  JsonNode      *nodes[MEMBERS_PAIRED];
  guint          n_paired;
  guint          next;   /* where the next name is most likely: the orders often agree for a while */
} BtMemberIter;

static inline void
bt_member_iter_init (BtMemberIter *iter,
                     JsonObject   *object)
{
  JsonObjectIter unordered;

  iter->object = object;
  iter->n_paired = 0;
  iter->next = 0;

  json_object_iter_init (&unordered, object);
  while (iter->n_paired < MEMBERS_PAIRED &&
         json_object_iter_next (&unordered, &iter->names[iter->n_paired], &iter->nodes[iter->n_paired]))
    iter->n_paired++;

  json_object_iter_init_ordered (&iter->ordered, object);
}

static inline gboolean
bt_member_iter_next (BtMemberIter  *iter,
                     const char   **name,
                     JsonNode     **node)
{
  if (!json_object_iter_next_ordered (&iter->ordered, name, NULL))
    return FALSE;

  for (guint k = 0; k < iter->n_paired; k++)
    {
      guint at = iter->next + k < iter->n_paired ? iter->next + k : iter->next + k - iter->n_paired;

      if (iter->names[at] == *name)
        {
          *node = iter->nodes[at];
          iter->next = at + 1;
          return TRUE;
        }
    }

  *node = json_object_get_member (iter->object, *name);
  return TRUE;
}

G_END_DECLS
