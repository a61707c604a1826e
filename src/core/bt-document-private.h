/* bt-document-private.h — BtDocument's insides, for bt-document*.c only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-document.h"

G_BEGIN_DECLS

typedef struct
{
  GBytes    *bytes;
  GFile     *file;    /* where to write; NULL: the document's own file */
  GPtrArray *tasks;   /* the GTasks that wait for these bytes on disk */
} Request;

typedef struct
{
  GBytes *bytes;
  GFile  *file;
  char   *expected_etag;  /* of our last read or write, for the own file */
  char   *new_etag;       /* the file's etag once written */
  guint   check_etag : 1;
} WriteJob;

typedef struct
{
  BtPlan *plan;
  char   *etag;
  GBytes *bytes;   /* the plan as read, serialized: what the file holds */
} LoadJob;

struct _BtDocument
{
  GObject       parent_instance;

  GFile        *file;
  char         *path;
  BtPlan       *plan;
  char         *etag;              /* of the file as last read or written */
  GFileMonitor *monitor;
  GCancellable *checking;          /* an etag query after a monitor event */
  guint         autosave_id;
  GQueue        waiting;           /* Requests not yet written */
  Request      *writing;           /* the one in the worker */
  guint         writes;            /* writes started, to spot a check overtaken */
  GBytes       *synced;            /* what the file holds, as last read or written */
  guint         dirty : 1;
  guint         conflict : 1;
  guint         recheck : 1;       /* the file changed while we wrote */
};

G_END_DECLS
