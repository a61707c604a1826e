/* bt-merge-private.h — shared by bt-merge*.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean bt_merge_nodes_equal (JsonNode *a,
                               JsonNode *b);
/* "id" or "week" if every element of the lists has that key, else NULL */
const char *bt_merge_list_key   (JsonNode   *base,
                                 JsonNode   *mine,
                                 JsonNode   *theirs);
/* key → element, and key → position */
GHashTable *bt_merge_index_list (JsonNode   *list,
                                 const char *key,
                                 GHashTable *positions);

G_END_DECLS
