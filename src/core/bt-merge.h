/* bt-merge.h — a three-way merge of two versions of one plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  BT_MERGE_MINE,
  BT_MERGE_THEIRS,
} BtMergeSide;

/* One step from a node to a child: a member of an object, or the element
 * of a list whose @key member (`id`, `week`) is @value. */
typedef struct
{
  char *member;
  char *key;
  char *value;
} BtMergeStep;

typedef struct
{
  char      *path;    /* JSON path, as the loader writes it: milestones[3].title */
  char      *item;    /* the item's title, name or week, or NULL */
  char      *field;   /* the member changed, or NULL for the whole item */
  JsonNode  *base;    /* each NULL where the version does not have it */
  JsonNode  *mine;
  JsonNode  *theirs;
  GPtrArray *steps;   /* of BtMergeStep: where it is, from the root */
} BtMergeConflict;

typedef struct
{
  JsonNode  *root;       /* the merged plan, MINE's value at each conflict */
  GPtrArray *conflicts;  /* of BtMergeConflict */
} BtMergeResult;

BtMergeResult *bt_merge_trees          (JsonNode       *base,
                                        JsonNode       *mine,
                                        JsonNode       *theirs);
BtMergeResult *bt_merge_bytes          (GBytes         *base,
                                        GBytes         *mine,
                                        GBytes         *theirs,
                                        GError        **error);
void           bt_merge_result_free    (BtMergeResult  *result);
void           bt_merge_result_choose  (BtMergeResult  *result,
                                        guint           index,
                                        BtMergeSide     side);
GBytes        *bt_merge_result_to_bytes (BtMergeResult *result,
                                         GError       **error);

guint          bt_merge_pick_base       (GPtrArray     *candidates,
                                         GBytes        *theirs);

/* The common version: what this machine last read or wrote of a plan,
 * kept privately in the user's state folder. */
char          *bt_merge_base_path       (const char    *plan_path);
gboolean       bt_merge_base_store      (const char    *plan_path,
                                         GBytes        *bytes,
                                         GError       **error);
GBytes        *bt_merge_base_load       (const char    *plan_path);

/* The copies sync tools leave beside a file when two machines changed it. */
typedef enum
{
  BT_MERGE_COPY_NONE,
  BT_MERGE_COPY_SYNCTHING,
  BT_MERGE_COPY_DROPBOX,
  BT_MERGE_COPY_NEXTCLOUD,
} BtMergeCopyKind;

#define BT_MERGE_SET_ASIDE_FOLDER "merged-conflict-copies"

BtMergeCopyKind bt_merge_copy_kind      (const char    *plan_name,
                                         const char    *name);
GPtrArray     *bt_merge_find_copies     (const char    *plan_path);
char          *bt_merge_set_aside       (const char    *copy_path,
                                         GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtMergeResult, bt_merge_result_free)

G_END_DECLS
