/* bt-plan-fields-private.h — the plan's own lists, for the reader, the
 * writer and the schema test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item-private.h"
#include "bt-plan-file.h"

G_BEGIN_DECLS

/* Numbers beyond ±2^53 cannot be held exactly by every JSON reader. */
#define BT_MAX_SAFE_INTEGER 9007199254740992.0

/* The plan's lists, in the order they are read and their problems reported:
 * phases before milestones and categories before weeks, whatever the
 * file's order, so that references can be checked as they are read. */
typedef enum
{
  LIST_PHASES,
  LIST_MILESTONES,
  LIST_CATEGORIES,
  LIST_WEEKS,
  LIST_RELATIONSHIPS,
  LIST_NARRATIVES,
  LIST_CHECK_INS,
  LIST_IMPORT_RULES,
  N_LISTS
} ListId;

/* In ListId's order; the weeks have a reader of their own. */
extern const BtChildList bt_plan_lists[N_LISTS];

G_END_DECLS
