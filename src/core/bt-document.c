/* bt-document.c — the plan as a document: its file, who wrote it last,
 * changes not yet saved, autosave and saving in the background
 *
 * The plan is a tree of GObjects that only the main thread touches, so a
 * save serializes it there, at once, into bytes; reading those bytes back
 * (the guard against writing a plan that would not open), writing them
 * safely with fsync and rotating the backup happen in a worker thread, so
 * a slow disk never holds up a frame.
 *
 * Saves are written one at a time, in the order they were asked for. A
 * save asked for while another is being written waits; a second one asked
 * for meanwhile takes the place of the first waiting one (its bytes are
 * newer), and both callers hear when the newer bytes are on disk. So the
 * last save asked for is always the last written, and none is dropped.
 *
 * Another program writing the file is told apart from our own writes by
 * the file's etag, remembered after each read and write. Once it differs,
 * nothing is written over the file until the plan is read again or saved
 * elsewhere.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-document"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-safe-file.h"
#include "bt-document.h"
#include "bt-document-private.h"
#include "bt-plan-file.h"

G_DEFINE_FINAL_TYPE (BtDocument, bt_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_PLAN,
  PROP_DIRTY,
  PROP_BUSY,
  PROP_CONFLICT,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  SAVE_FAILED,
  SYNCED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (bt-document-error-quark, bt_document_error)

static void start_next_write (BtDocument *self);
static void watch_file       (BtDocument *self);

static void
request_free (Request *request)
{
  g_clear_pointer (&request->bytes, g_bytes_unref);
  g_clear_object (&request->file);
  g_clear_pointer (&request->tasks, g_ptr_array_unref);
  g_free (request);
}

static void
write_job_free (WriteJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->file);
  g_free (job->expected_etag);
  g_free (job->new_etag);
  g_free (job);
}

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->plan);
  g_free (job->etag);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
set_dirty (BtDocument *self,
           gboolean    dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
set_conflict (BtDocument *self,
              gboolean    conflict)
{
  if (self->conflict == !!conflict)
    return;

  self->conflict = !!conflict;
  if (conflict)
    g_clear_handle_id (&self->autosave_id, g_source_remove);
  g_debug ("Conflict with another writer: %s", conflict ? "yes" : "no");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONFLICT]);
}

static void
set_file (BtDocument *self,
          GFile      *file)
{
  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->path, g_free);
  if (file != NULL)
    self->path = g_file_get_path (file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* The file holds @bytes now: just read, or @written here. */
static void
set_synced (BtDocument *self,
            GBytes     *bytes,
            gboolean    written)
{
  g_clear_pointer (&self->synced, g_bytes_unref);
  self->synced = bytes != NULL ? g_bytes_ref (bytes) : NULL;
  if (bytes != NULL)
    g_signal_emit (self, signals[SYNCED], 0, bytes, written);
}

static gboolean
can_autosave (BtDocument *self)
{
  return self->plan != NULL && self->file != NULL && !bt_plan_get_read_only (self->plan) && !self->conflict;
}

/* ---- the queue of writes ---- */

static void
enqueue (BtDocument *self,
         GBytes     *bytes,
         GFile      *file,
         GTask      *task)
{
  Request *tail = g_queue_peek_tail (&self->waiting);
  gboolean was_busy = bt_document_get_busy (self);

  /* Newer bytes for the same file replace those still waiting: the
   * callers of both hear once the newer are written. */
  if (tail != NULL &&
      ((tail->file == NULL && file == NULL) ||
       (tail->file != NULL && file != NULL && g_file_equal (tail->file, file))))
    {
      g_bytes_unref (tail->bytes);
      tail->bytes = bytes;
      if (task != NULL)
        g_ptr_array_add (tail->tasks, task);
    }
  else
    {
      Request *request = g_new0 (Request, 1);

      request->bytes = bytes;
      request->file = file != NULL ? g_object_ref (file) : NULL;
      request->tasks = g_ptr_array_new_with_free_func (g_object_unref);
      if (task != NULL)
        g_ptr_array_add (request->tasks, task);
      g_queue_push_tail (&self->waiting, request);
    }

  start_next_write (self);

  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Says a failed save, to the window through the signal and to each caller
 * waiting for it; the changes count as unsaved again. */
static void
fail_request (BtDocument   *self,
              Request      *request,
              const GError *error)
{
  set_dirty (self, TRUE);
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);

  for (guint i = 0; i < request->tasks->len; i++)
    g_task_return_error (g_ptr_array_index (request->tasks, i), g_error_copy (error));
  g_ptr_array_set_size (request->tasks, 0);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  g_autoptr(BtPlan) check = NULL;
  g_autoptr(GError) load_error = NULL;
  GError *error = NULL;
  const char *data;
  gsize length;

  /* Another program wrote the file since we read or wrote it: never
   * overwrite it silently. The file monitor usually says so first. */
  if (job->check_etag)
    {
      g_autofree char *now = bt_file_query_etag (job->file);

      if (now != NULL && g_strcmp0 (now, job->expected_etag) != 0)
        {
          g_task_return_new_error (task, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT,
                                   _("Another program changed “%s”: it was not saved over"), path);
          return;
        }
    }

  /* The guard: a plan that would not open again is never written. */
  check = bt_plan_file_load_bytes (job->bytes, &load_error);
  if (check == NULL)
    {
      g_task_return_new_error (task, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE,
                               /* TRANSLATORS: follows "The plan could not be saved:"; %s is the
                                * reader's reason, with the JSON path */
                               _("it would not open again: %s"),
                               load_error->message);
      return;
    }

  data = g_bytes_get_data (job->bytes, &length);
  if (!bt_plan_file_write_private (path, data, length, TRUE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* This is now our version of the file: the monitor's events for this
   * write are not another writer. */
  job->new_etag = bt_file_query_etag (job->file);
  g_task_return_boolean (task, TRUE);
}

static void check_file (BtDocument *self);

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  BtDocument *self = BT_DOCUMENT (source);
  WriteJob *job = g_task_get_task_data (G_TASK (result));
  Request *request = g_steal_pointer (&self->writing);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_debug ("Saved; the file's version is %s", job->new_etag ? job->new_etag : "(none)");
      if (request->file != NULL)
        {
          /* Saved as another file: the document lives there from now on. */
          set_file (self, request->file);
          set_conflict (self, FALSE);
          watch_file (self);
        }
      g_free (self->etag);
      self->etag = g_steal_pointer (&job->new_etag);
      set_synced (self, request->bytes, TRUE);

      for (guint i = 0; i < request->tasks->len; i++)
        g_task_return_boolean (g_ptr_array_index (request->tasks, i), TRUE);
    }
  else
    {
      /* The message can quote a value of the plan (the guard names what
       * would not read back): the log gets only the kind of error. */
      g_message ("Saving failed: %s error %d", g_quark_to_string (error->domain), error->code);
      if (g_error_matches (error, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT))
        set_conflict (self, TRUE);
      fail_request (self, request, error);
    }

  request_free (request);
  start_next_write (self);

  if (!bt_document_get_busy (self))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      if (self->recheck)
        check_file (self);
    }
}

static void
start_next_write (BtDocument *self)
{
  while (self->writing == NULL && !g_queue_is_empty (&self->waiting))
    {
      Request *request = g_queue_pop_head (&self->waiting);
      g_autoptr(GTask) task = NULL;
      WriteJob *job;

      if (request->file == NULL && (self->file == NULL || self->conflict))
        {
          g_autoptr(GError) error = NULL;

          if (self->file == NULL)
            error = g_error_new_literal (BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_NO_FILE,
                                         _("The plan has no file to be saved in"));
          else
            error = g_error_new (BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT,
                                 _("Another program changed “%s”: it was not saved over"), self->path);
          fail_request (self, request, error);
          request_free (request);
          continue;
        }

      job = g_new0 (WriteJob, 1);
      job->bytes = g_bytes_ref (request->bytes);
      job->file = g_object_ref (request->file != NULL ? request->file : self->file);
      job->check_etag = request->file == NULL;
      job->expected_etag = g_strdup (self->etag);

      self->writing = request;
      self->writes++;
      task = g_task_new (self, NULL, on_written_cb, NULL);
      g_task_set_source_tag (task, start_next_write);
      g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
      g_task_run_in_thread (task, write_in_thread);
    }
}

/* ---- another program writing the file ---- */

static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BtDocument) self = user_data;
  g_autoptr(GFileInfo) info = g_file_query_info_finish (G_FILE (source), result, NULL);
  guint writes = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (source), "bt-writes"));
  const char *now;

  /* Not there (yet), nothing to lose; or the document moved meanwhile. */
  if (info == NULL || self->file == NULL || !g_file_equal (G_FILE (source), self->file))
    return;

  /* A write of ours started meanwhile: ask again once it is done. */
  if (writes != self->writes || bt_document_get_busy (self))
    {
      self->recheck = TRUE;
      return;
    }

  now = g_file_info_get_etag (info);
  g_debug ("The plan's file is at %s, ours was %s", now ? now : "(none)", self->etag ? self->etag : "(none)");
  if (now != NULL && g_strcmp0 (now, self->etag) != 0)
    set_conflict (self, TRUE);
}

static void
check_file (BtDocument *self)
{
  g_autoptr(GFile) file = NULL;

  self->recheck = FALSE;
  if (self->file == NULL)
    return;

  /* A GFile of its own, to carry the count of writes the check started after. */
  file = g_file_dup (self->file);
  g_object_set_data (G_OBJECT (file), "bt-writes", GUINT_TO_POINTER (self->writes));
  g_file_query_info_async (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           self->checking, on_checked_cb, g_object_ref (self));
}

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    BtDocument        *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT &&
      event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_RENAMED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;

  g_debug ("File monitor event %d", event);

  /* Our own writes change the file too: compare once they are done. */
  if (bt_document_get_busy (self))
    self->recheck = TRUE;
  else
    check_file (self);
}

static void
stop_watching (BtDocument *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_file_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->checking != NULL)
    {
      g_cancellable_cancel (self->checking);
      g_clear_object (&self->checking);
    }
}

static void
watch_file (BtDocument *self)
{
  stop_watching (self);

  if (self->file == NULL)
    return;

  self->checking = g_cancellable_new ();
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self);
}

/* ---- changes and autosave ---- */

static gboolean
autosave_cb (gpointer data)
{
  BtDocument *self = data;

  self->autosave_id = 0;
  bt_document_save_async (self, NULL, NULL, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static void
on_plan_changed_cb (BtDocument *self)
{
  set_dirty (self, TRUE);

  /* Within two seconds of the last edit. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (can_autosave (self))
    self->autosave_id = g_timeout_add_seconds (BT_DOCUMENT_AUTOSAVE_SECONDS, autosave_cb, self);
}

/**
 * bt_document_set_plan:
 * @plan: (nullable): the plan, as it is in the file (or, without a file,
 *   as it was made)
 *
 * Makes @plan the document's; it counts as saved until it changes.
 */
void
bt_document_set_plan (BtDocument *self,
                      BtPlan     *plan)
{
  g_return_if_fail (BT_IS_DOCUMENT (self));
  g_return_if_fail (plan == NULL || BT_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (plan, "changed", G_CALLBACK (on_plan_changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  set_dirty (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* ---- loading ---- */

static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  LoadJob *job;
  GError *error = NULL;

  bt_plan_file_clean_leftovers (path);

  job = g_new0 (LoadJob, 1);
  /* Before reading: if the file changes in between, the next save sees
   * another writer, never the other way round. */
  job->etag = bt_file_query_etag (file);
  job->plan = bt_plan_file_load (path, &error);
  if (job->plan == NULL)
    {
      load_job_free (job);
      g_task_return_error (task, error);
      return;
    }
  /* Here, while no other thread has the plan: what the file holds, to
   * whoever keeps versions (a merge's common base). */
  if (!bt_plan_get_read_only (job->plan))
    job->bytes = bt_plan_file_serialize (job->plan, BT_PLAN_SECTION_ALL, NULL);

  g_task_return_pointer (task, job, (GDestroyNotify) load_job_free);
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BtDocument *self = BT_DOCUMENT (source);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  LoadJob *job = g_task_propagate_pointer (G_TASK (result), &error);

  if (job == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  g_free (self->etag);
  self->etag = g_steal_pointer (&job->etag);
  g_debug ("Our version of the plan's file: %s", self->etag ? self->etag : "(none)");
  bt_document_set_plan (self, job->plan);
  set_conflict (self, FALSE);
  watch_file (self);
  set_synced (self, job->bytes, FALSE);
  load_job_free (job);

  g_task_return_boolean (outer, TRUE);
}

/**
 * bt_document_load_async:
 *
 * Reads the document's file in a worker thread (removing what an
 * interrupted save left beside it) and makes what it holds the document's
 * plan; a reload after another program wrote the file ends the conflict.
 * If the file does not read, the document stays as it was.
 */
void
bt_document_load_async (BtDocument          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BT_IS_DOCUMENT (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, bt_document_load_async);

  if (self->file == NULL)
    {
      g_task_return_new_error (outer, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_NO_FILE,
                               _("The plan has no file to be read from"));
      return;
    }

  task = g_task_new (self, cancellable, on_loaded_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (task, load_in_thread);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
bt_document_load_finish (BtDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- saving ---- */

/* Serializes the plan now, on this thread, and queues the write. */
static void
save (BtDocument *self,
      GFile      *file,
      GTask      *task)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  if (file != NULL && self->file != NULL && g_file_equal (file, self->file))
    file = NULL;

  if (self->plan == NULL)
    error = g_error_new_literal (BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_NO_PLAN,
                                 _("There is no plan to save yet"));
  else if (bt_plan_get_read_only (self->plan))
    error = g_error_new_literal (BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY,
                                 _("The plan comes from a newer version of Breakthrough and is not saved over: "
                                   "this version would lose the parts it does not know"));
  else if (file == NULL && self->file == NULL)
    error = g_error_new_literal (BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_NO_FILE,
                                 _("The plan has no file to be saved in"));
  else if (file == NULL && self->conflict)
    error = g_error_new (BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT,
                         _("Another program changed “%s”: it was not saved over"), self->path);

  if (error == NULL)
    {
      bytes = bt_plan_file_serialize (self->plan, BT_PLAN_SECTION_ALL, &error);
      if (bytes != NULL)
        {
          g_clear_handle_id (&self->autosave_id, g_source_remove);
          set_dirty (self, FALSE);   /* until the write fails */
          enqueue (self, bytes, file, task);
          return;
        }
    }

  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
  if (task != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
    }
}

/**
 * bt_document_save_async:
 * @file: (nullable): where to save; %NULL for the document's own file
 *
 * Saves the plan as it is now: it is serialized before this returns, and
 * written in a worker thread after the saves asked for before. The file is
 * replaced safely, its previous contents kept as a backup readable by the
 * user alone; a plan that would not open again, a plan from a newer
 * version, and a file another program changed are never written. Saved as
 * another @file, the document lives there from then on.
 *
 * Every failure is also told by #BtDocument::save-failed.
 */
void
bt_document_save_async (BtDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = NULL;

  g_return_if_fail (BT_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (callback != NULL)
    {
      task = g_task_new (self, cancellable, callback, user_data);
      g_task_set_source_tag (task, bt_document_save_async);
    }

  save (self, file, task);
}

gboolean
bt_document_save_finish (BtDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * bt_document_needs_flush:
 *
 * Returns: whether changes wait to be saved or a save is being written:
 *   what bt_document_flush_async() would wait for
 */
gboolean
bt_document_needs_flush (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  return bt_document_get_busy (self) ||
         (self->dirty && self->plan != NULL && self->file != NULL && !bt_plan_get_read_only (self->plan));
}

/**
 * bt_document_flush_async:
 *
 * Saves the changes not saved yet, if any, and finishes once every save
 * asked for so far is on disk — as a window does before it closes. It
 * fails as the last of those saves failed. A plan saved nowhere (the
 * sample) or from a newer version has nothing to flush.
 */
void
bt_document_flush_async (BtDocument          *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Request *last;

  g_return_if_fail (BT_IS_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bt_document_flush_async);

  if (self->dirty && self->plan != NULL && self->file != NULL && !bt_plan_get_read_only (self->plan))
    {
      save (self, NULL, task);
      return;
    }

  last = g_queue_peek_tail (&self->waiting);
  if (last == NULL)
    last = self->writing;
  if (last != NULL)
    {
      g_ptr_array_add (last->tasks, task);
      return;
    }

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

gboolean
bt_document_flush_finish (BtDocument    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the object ---- */

BtDocument *
bt_document_new (GFile *file)
{
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (BT_TYPE_DOCUMENT, "file", file, NULL);
}

GFile *
bt_document_get_file (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->file;
}

/* The local path of the document's file, or NULL. */
const char *
bt_document_get_path (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->path;
}

BtPlan *
bt_document_get_plan (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->plan;
}

/* Whether the plan changed since it was read or last queued for saving. */
gboolean
bt_document_get_dirty (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  return self->dirty;
}

/* Whether a save is being written or waits to be. */
gboolean
bt_document_get_busy (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  return self->writing != NULL || !g_queue_is_empty (&self->waiting);
}

/**
 * bt_document_get_conflict:
 *
 * Returns: whether another program changed the file since it was read or
 *   written here; nothing is saved over it until it is read again
 */
gboolean
bt_document_get_conflict (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  return self->conflict;
}

/* Whether the plan comes from a newer version: it is never saved. */
gboolean
bt_document_get_read_only (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  return self->plan != NULL && bt_plan_get_read_only (self->plan);
}

static void
bt_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BtDocument *self = BT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, bt_document_get_busy (self));
      break;
    case PROP_CONFLICT:
      g_value_set_boolean (value, self->conflict);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, bt_document_get_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BtDocument *self = BT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      set_file (self, g_value_get_object (value));
      break;
    case PROP_PLAN:
      bt_document_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_document_dispose (GObject *object)
{
  BtDocument *self = BT_DOCUMENT (object);

  /* Writes hold the document: none is pending by now. */
  g_warn_if_fail (self->writing == NULL && g_queue_is_empty (&self->waiting));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  stop_watching (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_plan_changed_cb, self);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bt_document_parent_class)->dispose (object);
}

static void
bt_document_finalize (GObject *object)
{
  BtDocument *self = BT_DOCUMENT (object);

  g_clear_object (&self->file);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->synced, g_bytes_unref);

  G_OBJECT_CLASS (bt_document_parent_class)->finalize (object);
}

static void
bt_document_class_init (BtDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bt_document_get_property;
  object_class->set_property = bt_document_set_property;
  object_class->dispose = bt_document_dispose;
  object_class->finalize = bt_document_finalize;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, BT_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONFLICT] =
    g_param_spec_boolean ("conflict", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BtDocument::save-failed:
   * @error: what went wrong, in words for a person
   *
   * A save was not written, autosave's included; the file on disk is as it
   * was. %BT_DOCUMENT_ERROR_CONFLICT says another program changed it.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * BtDocument::synced:
   * @bytes: what the file holds now
   * @written: %TRUE if a save wrote it, %FALSE if a load read it
   *
   * The file was read or written here: a version another device may
   * start from. See bt_document_get_synced().
   */
  signals[SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BYTES, G_TYPE_BOOLEAN);
}

static void
bt_document_init (BtDocument *self)
{
  g_queue_init (&self->waiting);
}
