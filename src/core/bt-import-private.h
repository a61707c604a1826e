/* bt-import-private.h — what the readers of calendars and time reports
 * share with bt-import.c, and what the import's files share between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-import.h"

G_BEGIN_DECLS

/* Where a long reading reports how far it is, and learns it was cancelled. */
typedef struct
{
  GCancellable         *cancellable;
  BtImportProgressFunc  progress;
  gpointer              user_data;
  int                   last;       /* the last thousandth reported */
} BtImportTask;

gboolean        bt_import_task_step      (BtImportTask  *task,
                                          double         fraction,
                                          GError       **error);
char           *bt_import_excerpt        (const char    *text);

BtImportSource *bt_import_ics_read       (const char    *text,
                                          const char    *name,
                                          const char    *user_email,
                                          GDateTime     *now,
                                          BtImportTask  *task,
                                          GError       **error);
/* bt-import-ics-lines.c: the first pass over a calendar, for bt-import-ics.c */
gboolean        bt_import_ics_check_lines (const char   *text,
                                          gsize          length,
                                          GArray        *event_lines,
                                          GString       *out,
                                          BtImportTask  *task,
                                          GError       **error);
gboolean        bt_import_ics_fail_line  (GError       **error,
                                          guint          line,
                                          const char    *format,
                                          ...) G_GNUC_PRINTF (3, 4);

BtImportSource *bt_import_csv_read       (const char    *text,
                                          gsize          length,
                                          const char    *name,
                                          BtImportTask  *task,
                                          GError       **error);

/* bt-import.c */
/* What the instances of one event have in common */
struct _BtImportShared
{
  char  *summary;
  char  *description;
  char  *calendar;
  GStrv  attendees;
  GStrv  attendee_names;
  char  *note;          /* the summary as a touchpoint's note */
};

BtImport       *bt_import_new            (const char    *source_name);
char           *bt_import_touchpoint_note (const char   *summary);

/* bt-import-match.c: the plan's rules, folded once for many events */
typedef struct
{
  BtPlan     *plan;
  GHashTable *relationships;  /* case-folded e-mail → BtRelationship */
  GHashTable *names;          /* case-folded name → BtRelationship, of those with no e-mail */
  GPtrArray  *rules;          /* BtImportRule, with their patterns folded below */
  GPtrArray  *folded;         /* char *, per rule */
  GPtrArray  *categories;     /* BtCategory or NULL, per rule */
} BtImportMatcher;

void            bt_import_matcher_init   (BtImportMatcher *m,
                                          BtPlan        *plan,
                                          GListModel    *rules);
void            bt_import_matcher_clear  (BtImportMatcher *m);
void            bt_import_matcher_people (BtImportMatcher *m,
                                          const BtImportEvent *event,
                                          GPtrArray     *people);
BtCategory     *bt_import_matcher_match  (BtImportMatcher *m,
                                          const BtImportEvent *event);
void            bt_import_fill_default_rules (GListStore *rules,
                                          GListModel    *categories);

/* bt-import-weeks.c: what an earlier import put in a week, and the
 * touchpoints it logged, for bt-import-apply.c */
GHashTable     *bt_import_touchpoint_index_new (void);   /* BtRelationship → (source → BtTouchpoint) */
GHashTable     *bt_import_touchpoints_of (GHashTable    *index,
                                          BtRelationship *r);
BtTouchpoint   *bt_import_find_touchpoint (GHashTable   *index,
                                          BtRelationship *r,
                                          const char    *source);
double          bt_import_round_hours    (double         hours);
gboolean        bt_import_imported_by    (BtWeek        *week,
                                          const char    *source);
double          bt_import_typed_hours    (BtWeek        *week,
                                          const char    *category_id,
                                          const char    *source);
double          bt_import_week_typed_total (BtWeek      *week,
                                          const char    *source);

G_END_DECLS
