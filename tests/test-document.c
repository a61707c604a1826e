/* test-document.c — the plan's document: saves in order, the last one
 * wins, none is lost, nothing is written on the main thread, and a failed
 * save leaves the file as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bt-document.h"
#include "bt-plan-file.h"

/* A guard against a hang, not a measure: saves take milliseconds. */
#define GIVE_UP_SECONDS 60

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     index;
  GArray   *order;    /* the indexes of the saves, as they finished */
  char     *path;
  int       on_disk;  /* the name's number in the file when the save finished */
} Wait;

static void
wait_for (gboolean *flag)
{
  g_autoptr(GTimer) timer = g_timer_new ();

  while (!*flag)
    {
      g_main_context_iteration (NULL, FALSE) || (g_usleep (2000), TRUE);
      if (g_timer_elapsed (timer, NULL) > GIVE_UP_SECONDS)
        g_error ("Gave up waiting for the document");
    }
}

static char *
new_sample_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *dir = g_dir_make_tmp ("bt-document-XXXXXX", NULL);
  char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  /* Written as another program would: no backup yet. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  return path;
}

static void
on_loaded_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Wait *w = data;

  w->ok = bt_document_load_finish (BT_DOCUMENT (source), result, &w->error);
  w->done = TRUE;
}

static BtDocument *
open_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtDocument *document = bt_document_new (file);
  Wait w = { 0 };

  bt_document_load_async (document, NULL, on_loaded_cb, &w);
  wait_for (&w.done);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_nonnull (bt_document_get_plan (document));
  g_assert_false (bt_document_get_dirty (document));
  g_assert_false (bt_document_get_conflict (document));

  return document;
}

static void
rename_profile (BtDocument *document,
                const char *name)
{
  bt_profile_set_name (bt_plan_get_profile (bt_document_get_plan (document)), name);
  bt_item_changed (BT_ITEM (bt_document_get_plan (document)));
}

static char *
file_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  return contents;
}

/* The number N of "Name N" in the file, or -1. */
static int
name_on_disk (const char *path)
{
  g_autofree char *contents = file_text (path);
  const char *at = strstr (contents, "\"Name ");

  return at != NULL ? atoi (at + 6) : -1;
}

static gboolean
file_has (const char *path,
          const char *needle)
{
  g_autofree char *contents = file_text (path);

  return strstr (contents, needle) != NULL;
}

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Wait *w = data;

  w->ok = bt_document_save_finish (BT_DOCUMENT (source), result, &w->error);
  if (w->order != NULL)
    g_array_append_val (w->order, w->index);
  if (w->path != NULL)
    w->on_disk = name_on_disk (w->path);
  w->done = TRUE;
}

static void
on_flushed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  Wait *w = data;

  w->ok = bt_document_flush_finish (BT_DOCUMENT (source), result, &w->error);
  w->done = TRUE;
}

static void
on_save_failed_cb (BtDocument   *document,
                   const GError *error,
                   guint        *count)
{
  (*count)++;
}

/* Many saves in a row, as fast as they can be asked for: each finishes
 * with its own content or a newer one on disk, in the order asked, and the
 * last content is what stays. */
static void
test_many_saves_last_wins (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  Wait waits[30] = { 0 };
  guint failed = 0;

  g_signal_connect (document, "save-failed", G_CALLBACK (on_save_failed_cb), &failed);

  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      g_autofree char *name = g_strdup_printf ("Name %u", i);

      waits[i].index = i;
      waits[i].order = order;
      waits[i].path = path;
      rename_profile (document, name);
      bt_document_save_async (document, NULL, NULL, on_saved_cb, &waits[i]);
      g_assert_true (bt_document_get_busy (document));
      /* Some while others are written, too. */
      if (i % 7 == 3)
        g_main_context_iteration (NULL, FALSE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      wait_for (&waits[i].done);
      g_assert_no_error (waits[i].error);
      g_assert_true (waits[i].ok);
      g_assert_cmpint (waits[i].on_disk, >=, (int) i);
    }
  g_assert_cmpuint (order->len, ==, G_N_ELEMENTS (waits));
  for (guint i = 1; i < order->len; i++)
    g_assert_cmpuint (g_array_index (order, guint, i - 1), <=, g_array_index (order, guint, i));

  g_assert_cmpint (name_on_disk (path), ==, G_N_ELEMENTS (waits) - 1);
  g_assert_false (bt_document_get_busy (document));
  g_assert_false (bt_document_get_dirty (document));
  g_assert_cmpuint (failed, ==, 0);
  /* Our own writes, one after the other, are not another program's. */
  g_assert_false (bt_document_get_conflict (document));
}

/* A save asked for while one is written is not lost, nor is a change
 * made meanwhile that a flush then saves. */
static void
test_save_during_save (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  Wait first = { .index = 1, .order = order }, second = { .index = 2, .order = order }, flushed = { 0 };

  rename_profile (document, "Name 1");
  bt_document_save_async (document, NULL, NULL, on_saved_cb, &first);
  g_assert_true (bt_document_get_busy (document));   /* the first is being written */

  rename_profile (document, "Name 2");
  g_assert_true (bt_document_get_dirty (document));
  bt_document_save_async (document, NULL, NULL, on_saved_cb, &second);

  rename_profile (document, "Name 3");
  g_assert_true (bt_document_needs_flush (document));
  bt_document_flush_async (document, NULL, on_flushed_cb, &flushed);

  wait_for (&flushed.done);
  g_assert_no_error (flushed.error);
  g_assert_true (flushed.ok);
  /* The flush finishes once everything asked before it is written. */
  g_assert_true (first.done);
  g_assert_true (second.done);
  g_assert_true (first.ok && second.ok);
  g_assert_cmpuint (g_array_index (order, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (order, guint, 1), ==, 2);
  g_assert_cmpint (name_on_disk (path), ==, 3);
  g_assert_false (bt_document_needs_flush (document));
}

/* Closing: a flush saves the changes autosave has not written yet, and
 * one with nothing to save writes nothing. */
static void
test_flush_on_close (void)
{
  g_autofree char *path = new_sample_file ();
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autoptr(BtDocument) document = open_document (path);
  Wait idle = { 0 }, flushed = { 0 };
  GStatBuf st;

  bt_document_flush_async (document, NULL, on_flushed_cb, &idle);
  wait_for (&idle.done);
  g_assert_true (idle.ok);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));   /* nothing was written */

  rename_profile (document, "Name 7");
  g_assert_true (bt_document_get_dirty (document));
  bt_document_flush_async (document, NULL, on_flushed_cb, &flushed);
  wait_for (&flushed.done);
  g_assert_no_error (flushed.error);
  g_assert_true (flushed.ok);
  g_assert_cmpint (name_on_disk (path), ==, 7);
  g_assert_false (bt_document_needs_flush (document));

  /* The file and the backup of the previous one, readable by the user alone. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (name_on_disk (backup), ==, -1);

  /* Nothing changed, yet a save is being written: the flush waits for it. */
  {
    Wait saving = { 0 }, waited = { 0 };

    rename_profile (document, "Name 8");
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &saving);
    g_assert_false (bt_document_get_dirty (document));
    g_assert_true (bt_document_needs_flush (document));
    bt_document_flush_async (document, NULL, on_flushed_cb, &waited);
    wait_for (&waited.done);
    g_assert_true (waited.ok);
    g_assert_true (saving.done);
    g_assert_cmpint (name_on_disk (path), ==, 8);
  }
}

static gboolean saved_flag;

static void
on_busy_changed_cb (BtDocument *document)
{
  if (!bt_document_get_busy (document) && !bt_document_get_dirty (document))
    saved_flag = TRUE;
}

/* A change is saved by itself, after a pause. */
static void
test_autosave (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);

  saved_flag = FALSE;
  g_signal_connect (document, "notify::busy", G_CALLBACK (on_busy_changed_cb), NULL);
  rename_profile (document, "Name 5");
  g_assert_false (bt_document_get_busy (document));   /* not at once: after a pause */
  g_assert_cmpint (name_on_disk (path), ==, -1);
  wait_for (&saved_flag);
  g_assert_cmpint (name_on_disk (path), ==, 5);
}

/* The write, its fsync and the read-back happen off the main thread: a
 * FIFO blocks the writer until this thread reads it, which it could not
 * if the save were written here. */
static void
test_write_is_not_on_main_thread (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-document-fifo-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtDocument) document = bt_document_new (NULL);
  g_autoptr(GString) read_back = g_string_new (NULL);
  Wait w = { 0 };
  char buffer[4096];
  gssize n;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  bt_document_set_plan (document, plan);
  bt_document_save_async (document, file, NULL, on_saved_cb, &w);
  g_assert_true (bt_document_get_busy (document));

  fd = g_open (fifo, O_RDONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (read_back, buffer, n);
  close (fd);
  wait_for (&w.done);
  g_assert_no_error (w.error);
  g_assert_nonnull (strstr (read_back->str, BT_PLAN_FORMAT));
  g_unlink (fifo);
}

/* Failures are told, by the signal and to the caller, and leave the file
 * as it was; the changes count as unsaved. */
static void
test_failures_keep_the_file (void)
{
  g_autofree char *path = new_sample_file ();
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autoptr(BtDocument) document = open_document (path);
  g_autofree char *before = file_text (path);
  BtPlan *plan = bt_document_get_plan (document);
  guint failed = 0;

  g_signal_connect (document, "save-failed", G_CALLBACK (on_save_failed_cb), &failed);

  /* A file made read-only. */
  {
    Wait w = { 0 };
    g_autofree char *after = NULL;

    g_assert_cmpint (g_chmod (path, 0400), ==, 0);
    rename_profile (document, "Name 1");
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_false (w.ok);
    g_assert_error (w.error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
    g_clear_error (&w.error);
    g_assert_cmpuint (failed, ==, 1);
    g_assert_true (bt_document_get_dirty (document));
    after = file_text (path);
    g_assert_cmpstr (after, ==, before);
    g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  }

  /* A plan that would not open again: a touchpoint without a date. */
  {
    Wait w = { 0 };
    g_autofree char *after = NULL;
    g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
    g_autoptr(BtTouchpoint) undated = bt_touchpoint_new ();

    bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (undated));
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_error (w.error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE);
    g_clear_error (&w.error);
    g_assert_cmpuint (failed, ==, 2);
    after = file_text (path);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
    bt_item_remove_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (undated), NULL);
  }

  /* A plan from a newer version: never saved, and nothing to flush. */
  {
    Wait w = { 0 }, flushed = { 0 };
    g_autofree char *after = NULL;

    bt_plan_set_read_only (plan, TRUE);
    g_assert_true (bt_document_get_read_only (document));
    rename_profile (document, "Name 2");
    g_assert_false (bt_document_needs_flush (document));
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_error (w.error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY);
    g_clear_error (&w.error);
    bt_document_flush_async (document, NULL, on_flushed_cb, &flushed);
    wait_for (&flushed.done);
    g_assert_true (flushed.ok);
    after = file_text (path);
    g_assert_cmpstr (after, ==, before);
    bt_plan_set_read_only (plan, FALSE);
  }

  /* At last, a save that works. */
  {
    Wait w = { 0 };

    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_no_error (w.error);
    g_assert_cmpint (name_on_disk (path), ==, 2);
    g_assert_false (bt_document_get_dirty (document));
  }
}

static void
on_conflict_cb (BtDocument *document,
                GParamSpec *pspec,
                gboolean   *flag)
{
  if (bt_document_get_conflict (document))
    *flag = TRUE;
}

/* Another program writes the file: the monitor notices, nothing is saved
 * over theirs, and reading it again ends the conflict. */
static void
test_other_writer (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  g_autofree char *theirs = NULL;
  gboolean noticed = FALSE;
  guint failed = 0;

  g_signal_connect (document, "notify::conflict", G_CALLBACK (on_conflict_cb), &noticed);
  g_signal_connect (document, "save-failed", G_CALLBACK (on_save_failed_cb), &failed);

  /* Their write, with another modification time than our read. */
  {
    g_autofree char *contents = file_text (path);
    g_autoptr(GString) changed = g_string_new (contents);

    g_assert_cmpuint (g_string_replace (changed, "\"Alex Morgan\"", "\"Their Name\"", 1), ==, 1);
    g_usleep (1100 * 1000);
    g_assert_true (g_file_set_contents (path, changed->str, -1, NULL));
    theirs = g_string_free (g_steal_pointer (&changed), FALSE);
  }
  wait_for (&noticed);

  {
    Wait w = { 0 };
    g_autofree char *after = NULL;

    rename_profile (document, "Name 4");
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_error (w.error, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT);
    g_clear_error (&w.error);
    g_assert_cmpuint (failed, ==, 1);
    after = file_text (path);
    g_assert_cmpstr (after, ==, theirs);
  }

  {
    Wait w = { 0 };

    bt_document_load_async (document, NULL, on_loaded_cb, &w);
    wait_for (&w.done);
    g_assert_true (w.ok);
    g_assert_false (bt_document_get_conflict (document));
    g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (bt_document_get_plan (document))), ==, "Their Name");
  }

  {
    Wait w = { 0 };

    rename_profile (document, "Name 6");
    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_no_error (w.error);
    g_assert_cmpint (name_on_disk (path), ==, 6);
  }
}

/* The same, found by the save itself before the monitor says so: the
 * etag is compared right before the write. */
static void
test_other_writer_without_monitor (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  const char *theirs = "{\"format\": \"breakthrough-plan\", \"version\": 1, \"profile\": {\"name\": \"Theirs\"}}\n";
  g_autofree char *after = NULL;
  Wait w = { 0 };

  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  /* No main loop turn: the monitor's event has not come. */
  rename_profile (document, "Name 8");
  bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
  wait_for (&w.done);
  g_assert_error (w.error, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT);
  g_clear_error (&w.error);
  g_assert_true (bt_document_get_conflict (document));
  g_assert_true (bt_document_get_dirty (document));
  after = file_text (path);
  g_assert_cmpstr (after, ==, theirs);
}

/* Saved as another file, the document lives there; the first file stays. */
static void
test_save_as (void)
{
  g_autofree char *path = new_sample_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *other = g_build_filename (dir, "copy.json", NULL);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(BtDocument) document = open_document (path);
  g_autofree char *before = file_text (path);
  g_autofree char *after = NULL;
  Wait w = { 0 }, later = { 0 };

  rename_profile (document, "Name 9");
  bt_document_save_async (document, other_file, NULL, on_saved_cb, &w);
  wait_for (&w.done);
  g_assert_no_error (w.error);
  g_assert_cmpstr (bt_document_get_path (document), ==, other);
  g_assert_cmpint (name_on_disk (other), ==, 9);

  rename_profile (document, "Name 10");
  bt_document_save_async (document, NULL, NULL, on_saved_cb, &later);
  wait_for (&later.done);
  g_assert_no_error (later.error);
  g_assert_cmpint (name_on_disk (other), ==, 10);
  after = file_text (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (file_has (path, "Name 1"));
}

/* What the file holds, read or written here, is told with its bytes: the
 * version a merge starts from. */
typedef struct
{
  guint   count;
  GBytes *bytes;
  gboolean written;
} Synced;

static void
on_synced_cb (BtDocument *document,
              GBytes     *bytes,
              gboolean    written,
              Synced     *synced)
{
  synced->count++;
  g_clear_pointer (&synced->bytes, g_bytes_unref);
  synced->bytes = g_bytes_ref (bytes);
  synced->written = written;
}

static void
test_synced (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BtDocument) document = bt_document_new (file);
  g_autoptr(BtPlan) read = NULL;
  g_autofree char *contents = NULL;
  Synced synced = { 0 };
  Wait w = { 0 }, saved = { 0 };

  g_assert_null (bt_document_get_synced (document));
  g_signal_connect (document, "synced", G_CALLBACK (on_synced_cb), &synced);
  bt_document_load_async (document, NULL, on_loaded_cb, &w);
  wait_for (&w.done);
  g_assert_cmpuint (synced.count, ==, 1);
  g_assert_false (synced.written);
  g_assert_true (synced.bytes == bt_document_get_synced (document));
  read = bt_plan_file_load_bytes (synced.bytes, NULL);
  g_assert_nonnull (read);
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (read)), ==, "Alex Morgan");

  rename_profile (document, "Name 11");
  bt_document_save_async (document, NULL, NULL, on_saved_cb, &saved);
  wait_for (&saved.done);
  g_assert_no_error (saved.error);
  g_assert_cmpuint (synced.count, ==, 2);
  g_assert_true (synced.written);
  contents = file_text (path);
  g_assert_cmpmem (g_bytes_get_data (synced.bytes, NULL), g_bytes_get_size (synced.bytes),
                   contents, strlen (contents));
  g_clear_pointer (&synced.bytes, g_bytes_unref);
}

static char *
etag_now (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_assert_nonnull (info);
  return g_strdup (g_file_info_get_etag (info));
}

/* A plan made from another writer's version (a merge) is adopted with that
 * version's etag: the conflict ends and the save replaces their file; a
 * file changed again since is still never written over. */
static void
test_adopt (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  g_autoptr(BtPlan) merged = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *again = NULL;
  gboolean noticed = FALSE;

  g_signal_connect (document, "notify::conflict", G_CALLBACK (on_conflict_cb), &noticed);
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"breakthrough-plan\", \"version\": 1, "
                                      "\"profile\": {\"name\": \"Theirs\"}}\n", -1, NULL));
  wait_for (&noticed);
  g_assert_true (bt_document_get_conflict (document));
  etag = etag_now (path);

  merged = bt_plan_file_load (path, NULL);
  g_assert_nonnull (merged);
  bt_profile_set_name (bt_plan_get_profile (merged), "Name 12");
  bt_document_adopt (document, merged, etag);
  g_assert_false (bt_document_get_conflict (document));
  g_assert_true (bt_document_get_dirty (document));
  g_assert_true (bt_document_get_plan (document) == merged);
  g_assert_cmpstr (bt_document_get_etag (document), ==, etag);
  {
    Wait w = { 0 };

    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_no_error (w.error);
    g_assert_cmpint (name_on_disk (path), ==, 12);
  }

  /* Adopted with a version the file no longer has: refused. */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"breakthrough-plan\", \"version\": 1, "
                                      "\"profile\": {\"name\": \"Name 13\"}}\n", -1, NULL));
  bt_document_adopt (document, merged, etag);
  {
    Wait w = { 0 };

    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_error (w.error, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT);
    g_clear_error (&w.error);
    g_assert_cmpint (name_on_disk (path), ==, 13);
  }
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

/* A merge that came out as the other writer's version: the file is
 * adopted as it is, not written again (another copy of the app would see
 * that write as a change, merge it and write it back, without end). */
static void
test_adopt_file (void)
{
  g_autofree char *path = new_sample_file ();
  g_autoptr(BtDocument) document = open_document (path);
  g_autoptr(BtPlan) theirs = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *after = NULL;
  gboolean noticed = FALSE;
  gboolean waited = FALSE;
  Synced synced = { 0 };
  gsize length;

  g_signal_connect (document, "notify::conflict", G_CALLBACK (on_conflict_cb), &noticed);
  g_signal_connect (document, "synced", G_CALLBACK (on_synced_cb), &synced);
  /* Edited here, and the same edit made by the other writer. */
  rename_profile (document, "Name 14");
  g_assert_true (bt_document_get_dirty (document));
  g_usleep (1100 * 1000);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = bt_plan_file_serialize (bt_document_get_plan (document), BT_PLAN_SECTION_ALL, NULL);
  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  wait_for (&noticed);
  g_assert_true (bt_document_get_conflict (document));
  etag = etag_now (path);

  theirs = bt_plan_file_load_bytes (bytes, NULL);
  g_assert_nonnull (theirs);
  bt_document_adopt_file (document, theirs, bytes, etag);
  g_assert_false (bt_document_get_conflict (document));
  g_assert_false (bt_document_get_dirty (document));
  g_assert_true (bt_document_get_plan (document) == theirs);
  g_assert_cmpstr (bt_document_get_etag (document), ==, etag);
  g_assert_true (bt_document_get_synced (document) == bytes);
  g_assert_cmpuint (synced.count, ==, 1);
  g_assert_false (synced.written);

  /* Nothing is written, autosave or not. */
  g_timeout_add_seconds (BT_DOCUMENT_AUTOSAVE_SECONDS + 1, timeout_cb, &waited);
  wait_for (&waited);
  after = etag_now (path);
  g_assert_cmpstr (after, ==, etag);
  g_assert_false (bt_document_needs_flush (document));

  /* An edit after is saved over their file: it is ours now. */
  rename_profile (document, "Name 15");
  {
    Wait w = { 0 };

    bt_document_save_async (document, NULL, NULL, on_saved_cb, &w);
    wait_for (&w.done);
    g_assert_no_error (w.error);
    g_assert_cmpint (name_on_disk (path), ==, 15);
  }
  g_clear_pointer (&synced.bytes, g_bytes_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/many-saves-last-wins", test_many_saves_last_wins);
  g_test_add_func ("/document/save-during-save", test_save_during_save);
  g_test_add_func ("/document/flush-on-close", test_flush_on_close);
  g_test_add_func ("/document/autosave", test_autosave);
  g_test_add_func ("/document/write-is-not-on-main-thread", test_write_is_not_on_main_thread);
  g_test_add_func ("/document/failures-keep-the-file", test_failures_keep_the_file);
  g_test_add_func ("/document/other-writer", test_other_writer);
  g_test_add_func ("/document/other-writer-without-monitor", test_other_writer_without_monitor);
  g_test_add_func ("/document/save-as", test_save_as);
  g_test_add_func ("/document/synced", test_synced);
  g_test_add_func ("/document/adopt", test_adopt);
  g_test_add_func ("/document/adopt-file", test_adopt_file);

  return g_test_run ();
}
