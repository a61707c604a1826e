/* bt-window-merge.c — the window merges what another device changed
 *
 * When the plan's file changes under the window (a sync tool brought the
 * other laptop's version), the window merges at once: its own changes and
 * theirs, from the version both started from (bt-merge.c). With no
 * conflict, a toast says so, with Undo; with conflicts, a dialog lists each
 * and the user picks (bt-window-merge-conflicts.c), while the window keeps
 * its version and the file theirs. Conflict copies that sync tools leave
 * beside the plan are offered for merging, then moved into a folder beside
 * it.
 *
 * The versions the document read or wrote (BtDocument::synced) are kept in
 * memory (the other side started from one of them) and the last one in the
 * state folder too, written there by a worker thread. A merged plan is
 * handed to the document (bt_document_adopt()) and saved through it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window-merge"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-safe-file.h"
#include "bt-merge.h"
#include "bt-plan-file.h"
#include "bt-window-merge.h"
#include "bt-window-merge-private.h"
#include "bt-window-private.h"

#define BASES_KEY   "bt-merge-bases"
#define UNDO_KEY    "bt-merge-undo"
#define MAX_BASES   8
#define MAX_BASES_BYTES (64 * 1024 * 1024)
#define MAX_MERGED_PLAN_BYTES (16 * 1024 * 1024)
#define MAX_ATTEMPTS 3

typedef struct
{
  BtPlan *before;   /* the window's plan before the merge */
  GBytes *theirs;   /* the file's, merged in */
} Undo;

static void
undo_free (gpointer data)
{
  Undo *undo = data;

  g_clear_object (&undo->before);
  g_clear_pointer (&undo->theirs, g_bytes_unref);
  g_free (undo);
}

static GPtrArray *
bases (BtWindow *self)
{
  GPtrArray *array = g_object_get_data (G_OBJECT (self), BASES_KEY);

  if (array == NULL)
    {
      array = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_object_set_data_full (G_OBJECT (self), BASES_KEY, array, (GDestroyNotify) g_ptr_array_unref);
    }

  return array;
}

static void
add_base (BtWindow *self,
          GBytes   *bytes)
{
  GPtrArray *array = bases (self);
  gsize total = 0;

  if (array->len > 0 && g_bytes_equal (array->pdata[array->len - 1], bytes))
    return;
  g_ptr_array_add (array, g_bytes_ref (bytes));

  /* A few versions back is enough: a sync tool carries changes within
   * minutes. Big plans keep fewer. */
  for (guint i = 0; i < array->len; i++)
    total += g_bytes_get_size (array->pdata[i]);
  while (array->len > 1 && (array->len > MAX_BASES || total > MAX_BASES_BYTES))
    {
      total -= g_bytes_get_size (array->pdata[0]);
      g_ptr_array_remove_index (array, 0);
    }
}

typedef struct
{
  char   *path;
  GBytes *bytes;
} Store;

static void
store_free (Store *store)
{
  g_free (store->path);
  g_bytes_unref (store->bytes);
  g_free (store);
}

/* One at a time, in order: the last version kept is the last written. */
static void
store_in_thread (gpointer data,
                 gpointer user_data)
{
  Store *store = data;
  g_autoptr(GError) error = NULL;

  if (!bt_merge_base_store (store->path, store->bytes, &error))
    g_debug ("The common version could not be kept: %s error %d",
             g_quark_to_string (error->domain), error->code);
  store_free (store);
}

static void
store_base (const char *path,
            GBytes     *bytes)
{
  static GThreadPool *pool;
  Store *store;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (store_in_thread, NULL, 1, FALSE, NULL));

  store = g_new0 (Store, 1);
  store->path = g_strdup (path);
  store->bytes = g_bytes_ref (bytes);
  g_thread_pool_push (pool, store, NULL);
}

/**
 * bt_window_merge_keep_base:
 * @bytes: what the plan's file holds, just read or written by the document
 *
 * A version the other side may start from.
 */
void
bt_window_merge_keep_base (BtWindow *self,
                           GBytes   *bytes)
{
  const char *path = bt_window_get_path (self);

  if (path == NULL || self->sample)
    return;

  /* Keeping a plan far beyond any real one (ten years of weeks is under
   * 1 MiB) would cost too much at each save: such a plan is not merged,
   * the window asks as before. */
  if (g_bytes_get_size (bytes) > MAX_MERGED_PLAN_BYTES)
    {
      bt_window_merge_forget_bases (self);
      return;
    }

  add_base (self, bytes);
  store_base (path, bytes);
}

static void
on_synced_cb (BtDocument *document,
              GBytes     *bytes,
              gboolean    written,
              BtWindow   *self)
{
  bt_window_merge_keep_base (self, bytes);
  if (!written)
    bt_window_merge_offer_copies (self);
}

/**
 * bt_window_merge_watch_document:
 * @document: (nullable): the window's new document
 *
 * Keeps the versions @document reads and writes from now on; those of the
 * previous document are forgotten.
 */
void
bt_window_merge_watch_document (BtWindow   *self,
                                BtDocument *document)
{
  bt_window_merge_forget_bases (self);
  g_object_set_data (G_OBJECT (self), UNDO_KEY, NULL);
  if (document == NULL)
    return;

  g_signal_connect_object (document, "synced", G_CALLBACK (on_synced_cb), self, 0);
  if (bt_document_get_synced (document) != NULL)
    {
      bt_window_merge_keep_base (self, bt_document_get_synced (document));
      bt_window_merge_offer_copies (self);
    }
}

void
bt_window_merge_forget_bases (BtWindow *self)
{
  g_object_set_data (G_OBJECT (self), BASES_KEY, NULL);
}

char *
bt_window_merge_file_etag (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return bt_file_query_etag (file);
}

/* A plan's text, if it is one this version may write over. */
static GBytes *
read_plan_bytes (const char *path)
{
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean too_large = FALSE;

  if (!bt_file_read_at_most (path, BT_PLAN_MAX_BYTES, &contents, &length, &too_large, NULL))
    return NULL;
  bytes = g_bytes_new_take (contents, length);

  plan = bt_plan_file_load_bytes (bytes, NULL);
  if (plan == NULL || bt_plan_get_read_only (plan))
    return NULL;

  return g_steal_pointer (&bytes);
}

/* ---- applying a merge ---- */

static void
on_undo_clicked_cb (AdwToast *toast,
                    BtWindow *self)
{
  bt_window_merge_undo (self);
}

/* Shows @merged, saves it, and offers to take it back. @theirs is what was
 * merged in; @etag the file's when it was read. */
static void
on_plan_edited_cb (BtWindow *self)
{
  /* Taking the merge back now would take these edits too. */
  g_object_set_data (G_OBJECT (self), UNDO_KEY, NULL);
}

static gboolean
apply_merged_plan (BtWindow   *self,
                   BtPlan     *loaded,
                   GBytes     *merged,
                   GBytes     *mine,
                   GBytes     *theirs,
                   const char *etag,
                   gboolean    from_copy,
                   const char *message)
{
  g_autoptr(BtPlan) plan = NULL;
  g_autofree char *file_etag_then = g_strdup (etag);
  gboolean as_mine = g_bytes_equal (merged, mine);
  gboolean as_theirs = !from_copy && etag != NULL && g_bytes_equal (merged, theirs);
  Undo *undo;
  AdwToast *toast;

  if (self->document == NULL)
    return FALSE;

  /* Nothing new for this window. The file is adopted as it is when it
   * holds the merge already: saving the same again would be a change to
   * the other copy of the app, merged and saved there, and so on without
   * end. */
  if (as_mine)
    {
      if (as_theirs)
        {
          bt_document_adopt_file (self->document, NULL, theirs, file_etag_then);
          return TRUE;
        }
      if (!from_copy)
        {
          add_base (self, theirs);
          bt_document_adopt (self->document, self->plan, file_etag_then);
          bt_document_save_async (self->document, NULL, NULL, NULL, NULL);
        }
      else
        bt_window_toast (self, message);
      return TRUE;
    }

  plan = loaded != NULL ? g_object_ref (loaded) : bt_plan_file_load_bytes (merged, NULL);
  if (plan == NULL)
    return FALSE;

  undo = g_new0 (Undo, 1);
  undo->before = g_object_ref (self->plan);
  undo->theirs = g_bytes_ref (theirs);
  g_object_set_data_full (G_OBJECT (self), UNDO_KEY, undo, undo_free);

  /* Until the merge is saved, the file is theirs: a version this window
   * has (a conflict copy is not the file), and the one the document
   * replaces, whatever came since. */
  if (!from_copy)
    add_base (self, theirs);
  if (as_theirs)
    {
      /* Their version is the merge: shown, and not written again. */
      bt_document_adopt_file (self->document, plan, theirs, file_etag_then);
      bt_window_replace_plan (self, plan);
    }
  else
    {
      bt_document_adopt (self->document, plan, from_copy ? NULL : file_etag_then);
      bt_window_replace_plan (self, plan);
      bt_document_save_async (self->document, NULL, NULL, NULL, NULL);
    }
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (on_plan_edited_cb), self, G_CONNECT_SWAPPED);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return TRUE;
}

gboolean
bt_window_merge_apply_merged (BtWindow   *self,
                              GBytes     *merged,
                              GBytes     *mine,
                              GBytes     *theirs,
                              const char *etag,
                              gboolean    from_copy,
                              const char *message)
{
  return apply_merged_plan (self, NULL, merged, mine, theirs, etag, from_copy, message);
}

/* Their version goes beside the plan, in the folder of merged copies, so
 * that taking a merge back loses nothing. */
static char *
keep_theirs (BtWindow *self,
             GBytes   *theirs)
{
  g_autofree char *dir = g_path_get_dirname (bt_window_get_path (self));
  g_autofree char *name = g_path_get_basename (bt_window_get_path (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy_name = g_strdup_printf ("%s.undone-merge-%s.json", name, stamp);
  g_autofree char *path = g_build_filename (dir, BT_MERGE_SET_ASIDE_FOLDER, copy_name, NULL);
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (theirs, &length);

  if (!bt_plan_file_write_private (path, data, length, FALSE, &error))
    {
      g_debug ("Their version could not be kept: %s error %d", g_quark_to_string (error->domain), error->code);
      return NULL;
    }

  return g_steal_pointer (&path);
}

/**
 * bt_window_merge_undo:
 *
 * Takes the last merge back: the window shows, and saves, its plan as it
 * was; their version is kept in the folder of merged copies.
 *
 * Returns: %TRUE if there was a merge to take back
 */
gboolean
bt_window_merge_undo (BtWindow *self)
{
  Undo *undo = g_object_steal_data (G_OBJECT (self), UNDO_KEY);
  g_autofree char *kept = NULL;

  if (undo == NULL || self->document == NULL || bt_window_get_path (self) == NULL)
    {
      g_clear_pointer (&undo, undo_free);
      bt_window_toast (self, _("The plan was edited since the merge: use Undo for each edit instead"));
      return FALSE;
    }

  kept = keep_theirs (self, undo->theirs);
  if (kept == NULL)
    {
      /* Taking the merge back would lose theirs: it stays. */
      bt_window_toast (self, _("The merge stays: the other device’s version could not be kept aside"));
      undo_free (undo);
      return FALSE;
    }

  bt_document_adopt (self->document, undo->before, NULL);
  bt_window_replace_plan (self, undo->before);
  bt_document_save_async (self->document, NULL, NULL, NULL, NULL);
  {
    g_autofree char *folder = g_path_get_dirname (kept);
    g_autofree char *shown = g_filename_display_name (folder);
    g_autofree char *message = g_strdup_printf (_("The other device’s changes were taken out; they are kept in “%s”"),
                                                shown);
    bt_window_toast (self, message);
  }
  undo_free (undo);

  return TRUE;
}

/* ---- merging, off the main thread ---- */

#define RUNNING_KEY "bt-merge-running"
#define FAILED_KEY  "bt-merge-failed"
#define SKIPPED_KEY "bt-merge-skipped-copies"
#define WAITS_KEY   "bt-merge-waits"

/* A merge of a 10-year plan reads each version three times and takes
 * several hundred milliseconds: it runs in a worker on the versions'
 * text alone, never on the window's plan. */
typedef struct
{
  GPtrArray     *candidates;  /* of GBytes */
  GBytes        *mine;
  GBytes        *theirs;
  char          *etag;
  char          *copy_path;
  BtMergeResult *result;
  GBytes        *merged;      /* when there is no conflict */
  BtPlan        *plan;        /* @merged, read in the worker */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_ptr_array_unref (job->candidates);
  g_bytes_unref (job->mine);
  g_bytes_unref (job->theirs);
  g_free (job->etag);
  g_free (job->copy_path);
  g_clear_pointer (&job->result, bt_merge_result_free);
  g_clear_pointer (&job->merged, g_bytes_unref);
  g_clear_object (&job->plan);
  g_free (job);
}

static void
merge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  GBytes *base = job->candidates->pdata[bt_merge_pick_base (job->candidates, job->theirs)];

  job->result = bt_merge_bytes (base, job->mine, job->theirs, &error);
  if (job->result == NULL)
    {
      g_debug ("No merge: %s error %d", g_quark_to_string (error->domain), error->code);
      g_task_return_boolean (task, FALSE);
      return;
    }

  if (job->result->conflicts->len == 0)
    {
      job->merged = bt_merge_result_to_bytes (job->result, NULL);
      if (job->merged != NULL)
        job->plan = bt_plan_file_load_bytes (job->merged, NULL);
      if (job->plan == NULL)
        {
          g_task_return_boolean (task, FALSE);
          return;
        }
    }

  g_task_return_boolean (task, TRUE);
}

/* The worker's answer, on the main thread. */
static gboolean
merge_finish (BtWindow *self,
              Job      *job)
{
  const char *message = job->copy_path ? _("Merged a conflict copy from another device")
                                       : _("Merged changes from another device");

  if (job->result->conflicts->len == 0)
    {
      if (!apply_merged_plan (self, job->plan, job->merged, job->mine, job->theirs, job->etag,
                              job->copy_path != NULL, message))
        return FALSE;
      if (job->copy_path != NULL)
        bt_merge_set_aside (job->copy_path, NULL);
      return TRUE;
    }

  {
    Pending *p = g_new0 (Pending, 1);

    p->result = g_steal_pointer (&job->result);
    p->mine = g_bytes_ref (job->mine);
    p->theirs = g_bytes_ref (job->theirs);
    p->etag = g_strdup (job->etag);
    p->message = g_strdup (message);
    p->copy_path = g_strdup (job->copy_path);
    /* Nothing is saved over their file until the user chooses: the
     * document is in conflict with it until a merge is adopted. */
    bt_window_merge_show_conflicts (self, p);
  }

  return TRUE;
}

static void
on_merged_cb (GObject      *source,
              GAsyncResult *res,
              gpointer      data)
{
  BtWindow *self = BT_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (res));
  gboolean ok = g_task_propagate_boolean (G_TASK (res), NULL);

  g_object_set_data (G_OBJECT (self), RUNNING_KEY, NULL);
  if (self->plan == NULL || self->document == NULL)
    return;

  if (ok)
    {
      g_autoptr(GBytes) now = bt_plan_file_serialize (self->plan, BT_PLAN_SECTION_ALL, NULL);

      /* Edited here while merging: merge again, from what is here now. */
      if (now == NULL || !g_bytes_equal (now, job->mine))
        {
          if (job->copy_path != NULL)
            bt_window_merge_copies (self);
          else
            bt_window_show_conflict (self);
          return;
        }
      ok = merge_finish (self, job);
    }

  if (ok)
    {
      g_object_set_data (G_OBJECT (self), SKIPPED_KEY, NULL);
      return;
    }

  if (job->copy_path != NULL)
    {
      GHashTable *skipped = g_object_get_data (G_OBJECT (self), SKIPPED_KEY);

      /* The next copy, or say that none could be merged. */
      if (skipped == NULL)
        {
          skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_object_set_data_full (G_OBJECT (self), SKIPPED_KEY, skipped, (GDestroyNotify) g_hash_table_unref);
        }
      g_hash_table_add (skipped, g_strdup (job->copy_path));
      if (!bt_window_merge_copies (self))
        {
          g_object_set_data (G_OBJECT (self), SKIPPED_KEY, NULL);
          bt_window_toast (self, _("The conflict copies could not be merged: they are left as they are"));
        }
      return;
    }

  /* Cannot be merged: the window asks as before. */
  g_object_set_data (G_OBJECT (self), FAILED_KEY, GINT_TO_POINTER (TRUE));
  bt_window_show_conflict (self);
}

/* Starts merging @theirs into the window's plan, from the nearest of
 * @candidates; the answer comes in on_merged_cb(). Returns FALSE if it
 * cannot even start (the caller asks as before). */
static gboolean
merge_in (BtWindow   *self,
          GPtrArray  *candidates,
          GBytes     *theirs,
          const char *etag,
          const char *copy_path)
{
  g_autoptr(GBytes) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  Job *job;

  if (candidates->len == 0)
    return FALSE;

  mine = bt_plan_file_serialize (self->plan, BT_PLAN_SECTION_ALL, &error);
  if (mine == NULL)
    return FALSE;

  job = g_new0 (Job, 1);
  job->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (job->candidates, g_bytes_ref (candidates->pdata[i]));
  job->mine = g_steal_pointer (&mine);
  job->theirs = g_bytes_ref (theirs);
  job->etag = g_strdup (etag);
  job->copy_path = g_strdup (copy_path);

  task = g_task_new (self, NULL, on_merged_cb, NULL);
  g_task_set_source_tag (task, merge_in);
  g_task_set_task_data (task, job, job_free);
  g_object_set_data (G_OBJECT (self), RUNNING_KEY, GINT_TO_POINTER (TRUE));
  g_task_run_in_thread (task, merge_thread);

  return TRUE;
}

static gboolean
look_again_cb (gpointer data)
{
  g_autoptr(BtWindow) self = g_weak_ref_get (data);

  if (self != NULL && self->plan != NULL)
    bt_window_show_conflict (self);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
on_plan_dialog_gone_cb (GtkWidget *dialog,
                        gpointer   data)
{
  g_autoptr(BtWindow) self = g_weak_ref_get (data);
  GWeakRef *again;

  if (self == NULL)
    return;
  /* Once the dialog is gone and what it applied is in the plan. */
  again = g_new0 (GWeakRef, 1);
  g_weak_ref_init (again, self);
  g_idle_add_full (G_PRIORITY_DEFAULT, look_again_cb, again, weak_ref_free);
}

/**
 * bt_window_merge_changes:
 *
 * Another writer changed the plan's file: merges it into the window's plan.
 *
 * Returns: %TRUE if it was merged or the user is choosing; %FALSE if it
 *   cannot be merged (no common version, their file is no plan this
 *   version may write), and the window must ask as before
 */
gboolean
bt_window_merge_changes (BtWindow *self)
{
  g_autofree char *etag = NULL;
  g_autofree char *etag_after = NULL;
  g_autoptr(GBytes) theirs = NULL;
  const char *path = bt_window_get_path (self);

  if (self->plan == NULL || path == NULL || self->sample || bt_plan_get_read_only (self->plan))
    return FALSE;

  /* The merge in the worker could not be done: ask as before, once. */
  if (g_object_get_data (G_OBJECT (self), FAILED_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (self), FAILED_KEY, NULL);
      return FALSE;
    }

  /* Already asking or merging: the answer looks at the file again. */
  if (g_object_get_data (G_OBJECT (self), DIALOG_KEY) != NULL ||
      g_object_get_data (G_OBJECT (self), RUNNING_KEY) != NULL)
    return TRUE;

  /* A dialog is open on the plan: a merge now would replace the plan under
   * it and lose what it holds. Their file stays as it is (the document is
   * in conflict with it: nothing is saved over it), and the merge comes
   * when the dialog closes, with what it applied. */
  {
    GtkWindow *dialog = bt_window_find_plan_dialog (self);

    if (dialog != NULL)
      {
        if (g_object_get_data (G_OBJECT (dialog), WAITS_KEY) == NULL)
          {
            GWeakRef *ref = g_new0 (GWeakRef, 1);

            g_weak_ref_init (ref, self);
            g_object_set_data (G_OBJECT (dialog), WAITS_KEY, GINT_TO_POINTER (TRUE));
            g_signal_connect_data (dialog, "destroy", G_CALLBACK (on_plan_dialog_gone_cb), ref,
                                   (GClosureNotify) weak_ref_free, 0);
          }
        return TRUE;
      }
  }

  if (bases (self)->len == 0)
    return FALSE;

  etag = bt_window_merge_file_etag (path);
  if (etag == NULL)
    return FALSE;
  theirs = read_plan_bytes (path);
  etag_after = bt_window_merge_file_etag (path);
  if (theirs == NULL || g_strcmp0 (etag, etag_after) != 0)
    {
      guint attempts = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "bt-merge-attempts"));

      /* Being written (a program that writes in place, not by renaming a
       * whole file): look again in a moment, saving nothing meanwhile.
       * A file that stays unreadable is asked about as before. */
      if (attempts >= MAX_ATTEMPTS)
        {
          g_object_set_data (G_OBJECT (self), "bt-merge-attempts", NULL);
          return FALSE;
        }
      g_object_set_data (G_OBJECT (self), "bt-merge-attempts", GUINT_TO_POINTER (attempts + 1));
      {
        GWeakRef *ref = g_new0 (GWeakRef, 1);

        g_weak_ref_init (ref, self);
        g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, 1, look_again_cb, ref, weak_ref_free);
      }
      return TRUE;
    }
  g_object_set_data (G_OBJECT (self), "bt-merge-attempts", NULL);

  return merge_in (self, bases (self), theirs, etag, NULL);
}

/* ---- conflict copies ---- */

/**
 * bt_window_merge_copies:
 *
 * Merges each conflict copy beside the plan into it, one at a time (a
 * copy with conflicts asks first), and moves each merged copy aside.
 *
 * Returns: %TRUE if a copy was merged or is being asked about
 */
gboolean
bt_window_merge_copies (BtWindow *self)
{
  g_autoptr(GPtrArray) copies = NULL;
  const char *path = bt_window_get_path (self);

  if (self->plan == NULL || path == NULL || self->sample || bt_plan_get_read_only (self->plan) ||
      g_object_get_data (G_OBJECT (self), DIALOG_KEY) != NULL)
    return FALSE;
  if (g_object_get_data (G_OBJECT (self), RUNNING_KEY) != NULL)
    return TRUE;

  copies = bt_merge_find_copies (path);
  for (guint i = 0; i < copies->len; i++)
    {
      const char *copy = copies->pdata[i];
      GHashTable *skipped = g_object_get_data (G_OBJECT (self), SKIPPED_KEY);
      g_autoptr(GBytes) theirs = NULL;

      /* One that could not be merged this time round. */
      if (skipped != NULL && g_hash_table_contains (skipped, copy))
        continue;
      theirs = read_plan_bytes (copy);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
      g_autoptr(GBytes) stored = bt_merge_base_load (path);
      GPtrArray *known = bases (self);

      if (theirs == NULL)
        continue;

      /* The copy started from a version this device had: the one kept
       * from an earlier run, or one this window read or wrote. */
      if (stored != NULL)
        g_ptr_array_add (candidates, g_bytes_ref (stored));
      for (guint j = 0; j < known->len; j++)
        g_ptr_array_add (candidates, g_bytes_ref (known->pdata[j]));

      if (merge_in (self, candidates, theirs, NULL, copy))
        return TRUE;
    }

  return FALSE;
}

static void
on_merge_copies_clicked_cb (AdwToast *toast,
                            BtWindow *self)
{
  g_object_set_data (G_OBJECT (self), SKIPPED_KEY, NULL);
  if (!bt_window_merge_copies (self))
    bt_window_toast (self, _("The conflict copies could not be merged: they are left as they are"));
}

static void
on_offer_dismissed_cb (AdwToast *toast,
                       BtWindow *self)
{
  g_object_set_data (G_OBJECT (self), "bt-merge-offer", NULL);
}

/**
 * bt_window_merge_offer_copies:
 *
 * Says, until dismissed, that sync tools left conflict copies beside the
 * plan, with a button that merges them.
 */
void
bt_window_merge_offer_copies (BtWindow *self)
{
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  const char *path = bt_window_get_path (self);

  /* Right after a load: the plan may not be on screen yet. */
  if (self->document == NULL || path == NULL || self->sample || bt_document_get_read_only (self->document))
    return;

  /* Once, until it is dismissed. */
  if (g_object_get_data (G_OBJECT (self), "bt-merge-offer") != NULL)
    return;

  copies = bt_merge_find_copies (path);
  if (copies->len == 0)
    return;

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "A sync tool left a conflict copy of the plan beside it",
                                          "A sync tool left %u conflict copies of the plan beside it",
                                          copies->len), copies->len);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Merge"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_merge_copies_clicked_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_offer_dismissed_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "bt-merge-offer", toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
