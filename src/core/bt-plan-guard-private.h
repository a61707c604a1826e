/* bt-plan-guard-private.h — the bytes of a plan file, checked before
 * json-glib parses them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan-fields-private.h"

G_BEGIN_DECLS

/* What the scan notes on the way, for reading while parsing: the root's
 * members that hold the plan's lists, and the arrays not inside another. */
typedef struct
{
  GArray   *outer_arrays;           /* int: for each array not inside another, in the
                                     * file's order, the list it holds or -1 */
  int       list_count[N_LISTS];    /* how often each list's member is in the root */
  int       list_position[N_LISTS]; /* its place among the root's members */
  gboolean  unsure;                 /* the bytes may not mean to json-glib what
                                     * the scan took them for */
  gboolean  escaped_names;          /* a member's name has an escape: the scan
                                     * cannot tell whether two names are one */
} BtPlanScan;

void     bt_plan_scan_init              (BtPlanScan   *scan);
void     bt_plan_scan_clear             (BtPlanScan   *scan);

gboolean bt_plan_guard_scan             (BtPlanScan   *scan,
                                         const char   *data,
                                         gsize         length,
                                         GError      **error);
gboolean bt_plan_guard_refuse_encoding  (const char   *data,
                                         const char   *end,
                                         GError      **error);

/* json-glib keeps the last of two members of one name in an object and
 * says nothing: see bt_plan_duplicates_watch(). */
typedef struct
{
  guint members;    /* met so far in an open object */
  guint line;       /* the line of the comma before its next member */
} BtPlanObjectCount;

typedef struct
{
  GArray *counts;   /* BtPlanObjectCount: each open object, innermost last */
  char   *name;     /* the first name met twice in one object */
  guint   line;     /* the second one starts on this line or a later one */
} BtPlanDuplicates;

void     bt_plan_duplicates_watch       (BtPlanDuplicates *duplicates,
                                         JsonParser       *parser);
gboolean bt_plan_duplicates_check       (BtPlanDuplicates *duplicates,
                                         GError          **error);
void     bt_plan_duplicates_clear       (BtPlanDuplicates *duplicates);

G_END_DECLS
