/* bt-plan-fields-private.h — the file's tables of fields, for the reader
 * and the writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan-file.h"

G_BEGIN_DECLS

/* Numbers beyond ±2^53 cannot be held exactly by every JSON reader. */
#define BT_MAX_SAFE_INTEGER 9007199254740992.0

typedef enum
{
  FIELD_REQUIRED  = 1 << 0,
  FIELD_WEEK      = 1 << 1,   /* a string holding an ISO 8601 week */
  FIELD_COLOR     = 1 << 2,   /* a string "#rrggbb" */
  FIELD_PHASE_REF = 1 << 3,   /* a string holding the id of a phase */
  FIELD_ZERO_UNSET = 1 << 4,  /* an int where 0 means "not given" */
} FieldFlags;

typedef struct
{
  const char *member;
  guint       flags;
  int         min;       /* for FIELD_ZERO_UNSET: the range when given */
  int         max;
  const char *property;  /* when it is not the member's name with '-' for '_' */
  GCallback   set;       /* the property's setter, by the property's type: see read_field() in bt-plan-reader.c */
} Field;

typedef struct _ClassInfo ClassInfo;

typedef struct
{
  const char      *member;
  const ClassInfo *info;
  GListModel   *(*get) (gpointer self);
} ChildList;

struct _ClassInfo
{
  const char       *what;
  GType           (*get_type) (void);
  const Field      *fields;
  guint             n_fields;
  const ChildList  *children;
  guint             n_children;
  gboolean          has_id;
  GParamSpec      **pspecs;   /* resolved on first use */
};

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

/* In ListId's order; the weeks have a reader of their own (their .info is NULL). */
extern const ChildList bt_plan_lists[N_LISTS];
extern ClassInfo       bt_plan_profile_info;

void bt_plan_fields_resolve (ClassInfo *info);

/* The property of the @index-th field of @info: read for every field of
 * every item, so inline once the class's properties are found. */
static inline GParamSpec *
bt_plan_field_pspec (ClassInfo *info,
                     guint      index)
{
  if (G_UNLIKELY (g_atomic_pointer_get (&info->pspecs) == NULL))
    bt_plan_fields_resolve (info);

  return info->pspecs[index];
}

G_END_DECLS
