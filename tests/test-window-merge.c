/* test-window-merge.c — the window merges what another device changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-application.h"
#include "bt-chart-page.h"
#include "bt-item-editor.h"
#include "bt-merge.h"
#include "bt-plan-file.h"
#include "bt-window-merge.h"
#include "bt-window-private.h"

static gboolean
plan_loaded (gpointer data)
{
  return BT_WINDOW (data)->plan != NULL;
}

static gboolean
merge_dialog_shown (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "bt-merge-dialog") != NULL;
}

static gboolean
conflict_shown (gpointer data)
{
  return g_object_get_data (G_OBJECT (data), "bt-conflict-dialog") != NULL;
}

typedef struct
{
  const char *path;
  const char *needles[3];
} FileHas;

static gboolean
profile_is_from_copy (gpointer data)
{
  BtWindow *window = data;

  return window->plan != NULL &&
         g_strcmp0 (bt_profile_get_name (bt_plan_get_profile (window->plan)), "From The Copy") == 0;
}

static gboolean
file_has (gpointer data)
{
  FileHas *f = data;
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (f->path, &contents, NULL, NULL))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (f->needles) && f->needles[i] != NULL; i++)
    if (strstr (contents, f->needles[i]) == NULL)
      return FALSE;

  return TRUE;
}

typedef struct
{
  gboolean done;
  gboolean saved;
} Saving;

static void
on_saved_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  Saving *saving = data;

  saving->saved = bt_document_save_finish (BT_DOCUMENT (source), result, NULL);
  saving->done = TRUE;
}

/* Saves as Ctrl+S would, through the document, and waits for the answer. */
static gboolean
save_now (BtWindow *window)
{
  Saving saving = { FALSE, FALSE };

  bt_document_save_async (window->document, NULL, NULL, on_saved_cb, &saving);
  while (!saving.done)
    g_main_context_iteration (NULL, TRUE);

  return saving.saved;
}

static BtWindow *
open_window (GApplication *app,
             const char   *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BtWindow *window = bt_window_new (BT_APPLICATION (app), file);

  g_assert_true (bt_test_wait_until (plan_loaded, window, 10));

  return window;
}

static void
rename_person (BtWindow   *window,
               guint       index,
               const char *name)
{
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (window->plan), index);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  bt_history_set (window->history, r, "name", &value);
}

static const char *
person_name (BtWindow *window,
             guint     index)
{
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (window->plan), index);

  return bt_relationship_get_name (r);
}

/* Another writer replaces the file: the sample with one text changed. */
static void
write_theirs (const char *path,
              const char *from,
              const char *to)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) theirs = NULL;
  g_autofree char *tmp = g_strconcat (path, ".theirs", NULL);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (theirs, from, to, 1), ==, 1);
  /* A modification time other than our read's, and a rename, as sync
   * tools do. */
  g_usleep (1100 * 1000);
  g_assert_true (g_file_set_contents (tmp, theirs->str, -1, NULL));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

static void
test_clean_merge_and_undo (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *aside = g_build_filename (dir, BT_MERGE_SET_ASIDE_FOLDER, NULL);
  BtWindow *window = open_window (app, path);
  FileHas both = { path, { "\"Mine Name\"", "\"Their Name\"", NULL } };
  FileHas undone = { path, { "\"Mine Name\"", "\"Alex Morgan\"", NULL } };

  /* Edited here, not saved yet; the other device renamed the profile. */
  rename_person (window, 0, "Mine Name");
  write_theirs (path, "\"Alex Morgan\"", "\"Their Name\"");

  g_assert_true (bt_test_wait_until (file_has, &both, 10));
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Their Name");
  g_assert_cmpstr (person_name (window, 0), ==, "Mine Name");
  g_assert_false (merge_dialog_shown (window));
  g_assert_null (g_object_get_data (G_OBJECT (window), "bt-conflict-dialog"));
  g_assert_false (bt_document_get_dirty (window->document));

  /* Undo: this device's plan as it was; theirs kept aside, not lost. */
  g_assert_true (bt_window_merge_undo (window));
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Alex Morgan");
  /* Saved through the document, in the background. */
  g_assert_true (bt_test_wait_until (file_has, &undone, 10));
  {
    g_autoptr(GDir) d = g_dir_open (aside, 0, NULL);
    const char *name = d ? g_dir_read_name (d) : NULL;
    g_autofree char *kept = name ? g_build_filename (aside, name, NULL) : NULL;
    FileHas theirs = { kept, { "\"Their Name\"", NULL } };

    g_assert_nonnull (name);
    g_assert_true (file_has (&theirs));
  }

  /* Our own saves are no other writer: nothing more happens. */
  bt_test_spin (1500);
  g_assert_true (file_has (&undone));
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_check_button (GtkWidget  *widget,
                   const char *prefix)
{
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL &&
      g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_check_button (child, prefix);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_conflict_asks_and_keeps_both (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  g_autofree char *first = g_strdup (person_name (window, 0));
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", first);
  FileHas theirs = { path, { "\"Their Person\"", NULL } };
  FileHas chosen = { path, { "\"Their Person\"", "\"Mine Too\"", NULL } };
  AdwMessageDialog *dialog;
  GtkWidget *mine_button, *theirs_button;

  /* Both renamed the same person; here also another. */
  rename_person (window, 0, "Mine Person");
  rename_person (window, 1, "Mine Too");
  write_theirs (path, quoted, "\"Their Person\"");
  g_assert_true (bt_test_wait_until (merge_dialog_shown, window, 10));
  dialog = g_object_get_data (G_OBJECT (window), "bt-merge-dialog");

  /* Each version stays until the user chooses: theirs in the file, mine
   * in the window, through autosave and a close. */
  bt_test_spin ((AUTOSAVE_SECONDS + 1) * 1000);
  g_assert_true (file_has (&theirs));
  g_assert_cmpstr (person_name (window, 0), ==, "Mine Person");
  {
    gboolean kept_open = FALSE;

    g_signal_emit_by_name (window, "close-request", &kept_open);
    g_assert_true (kept_open);
  }
  g_assert_true (file_has (&theirs));

  /* The dialog names the value and shows both. */
  mine_button = find_check_button (GTK_WIDGET (dialog), "This device: “Mine Person”");
  theirs_button = find_check_button (GTK_WIDGET (dialog), "Other device: “Their Person”");
  g_assert_nonnull (mine_button);
  g_assert_nonnull (theirs_button);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (dialog), "merge-conflicts"), >, 2);

  /* Decide later: both still kept; asked again on the next save. */
  adw_message_dialog_response (dialog, "later");
  g_assert_false (merge_dialog_shown (window));
  g_assert_false (save_now (window));
  g_assert_true (bt_test_wait_until (merge_dialog_shown, window, 10));
  g_assert_true (file_has (&theirs));
  dialog = g_object_get_data (G_OBJECT (window), "bt-merge-dialog");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_check_button (GTK_WIDGET (dialog), "Other device:")), TRUE);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");

  g_assert_cmpstr (person_name (window, 0), ==, "Their Person");
  g_assert_cmpstr (person_name (window, 1), ==, "Mine Too");
  g_assert_true (bt_test_wait_until (file_has, &chosen, 10));
  g_assert_false (bt_document_get_dirty (window->document));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Two processes on one file, both editing: each edit ends in the file. */
static void
test_two_processes (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  FileHas both;

  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("BT_TEST_MERGE_PLAN");
      BtWindow *window = open_window (app, path);
      FileHas saved = { path, { "\"Second Process\"", NULL } };

      rename_person (window, 1, "Second Process");
      g_assert_true (bt_test_wait_until (file_has, &saved, 2 * AUTOSAVE_SECONDS + 10));
      g_assert_false (bt_document_get_dirty (window->document));
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  {
    g_autofree char *path = bt_test_copy_sample ();
    BtWindow *window = open_window (app, path);

    /* An edit here, waiting for autosave while the other process opens
     * the file, edits it and saves. */
    rename_person (window, 0, "First Process");
    g_setenv ("BT_TEST_MERGE_PLAN", path, TRUE);
    g_usleep (1100 * 1000);
    g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();

    both.path = path;
    both.needles[0] = "\"First Process\"";
    both.needles[1] = "\"Second Process\"";
    both.needles[2] = NULL;
    g_assert_true (bt_test_wait_until (file_has, &both, 2 * AUTOSAVE_SECONDS + 10));
    g_assert_cmpstr (person_name (window, 0), ==, "First Process");
    g_assert_cmpstr (person_name (window, 1), ==, "Second Process");
    g_assert_false (merge_dialog_shown (window));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

static void
test_conflict_copies (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *copy = g_build_filename (dir, "plan.sync-conflict-20261206-101010-ABCDEFG.json", NULL);
  g_autofree char *not_copy = g_build_filename (dir, "plan (copy).json", NULL);
  g_autofree char *aside = g_build_filename (dir, BT_MERGE_SET_ASIDE_FOLDER,
                                             "plan.sync-conflict-20261206-101010-ABCDEFG.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) theirs = NULL;
  FileHas merged = { path, { "\"Mine Here\"", "\"From The Copy\"", NULL } };
  BtWindow *window;

  /* The other laptop's version, which the sync tool set beside the plan. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (theirs, "\"Alex Morgan\"", "\"From The Copy\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (copy, theirs->str, -1, NULL));
  g_assert_true (g_file_set_contents (not_copy, theirs->str, -1, NULL));

  window = open_window (app, path);
  /* Offered as soon as the plan is shown. */
  g_assert_nonnull (g_object_get_data (G_OBJECT (window), "bt-merge-offer"));

  rename_person (window, 0, "Mine Here");
  g_assert_true (bt_window_merge_copies (window));
  /* Merged in a worker: the window goes on meanwhile. */
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), !=, "From The Copy");
  g_assert_true (bt_test_wait_until (profile_is_from_copy, window, 10));
  g_assert_cmpstr (person_name (window, 0), ==, "Mine Here");
  g_assert_true (bt_test_wait_until (file_has, &merged, 10));

  /* Moved aside, not deleted; anything else is left alone. */
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (aside, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (not_copy, G_FILE_TEST_IS_REGULAR));
  g_assert_false (bt_window_merge_copies (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A program that writes the file in place: the window reads half a file
 * first, and merges once the whole is there. */
static void
test_file_being_written (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas both = { path, { "\"Mine Name\"", "\"Their Name\"", NULL } };
  g_autofree char *contents = NULL;
  g_autoptr(GString) theirs = NULL;
  FILE *f;

  rename_person (window, 0, "Mine Name");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (theirs, "\"Alex Morgan\"", "\"Their Name\"", 1), ==, 1);

  g_usleep (1100 * 1000);
  f = fopen (path, "w");
  g_assert_nonnull (f);
  fwrite (theirs->str, 1, 100, f);
  fflush (f);
  /* The window notices the half-written file, and saves nothing over it. */
  bt_test_spin (700);
  g_assert_false (save_now (window));
  fwrite (theirs->str + 100, 1, theirs->len - 100, f);
  fclose (f);

  g_assert_true (bt_test_wait_until (file_has, &both, 10));
  g_assert_null (g_object_get_data (G_OBJECT (window), "bt-conflict-dialog"));
  g_assert_false (merge_dialog_shown (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Another writer found by a save itself (the worker compares the etag
 * before the monitor says so): merged once, and Undo gives back this
 * device's plan as it was, not the merge. */
static void
test_found_by_save (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas both = { path, { "\"Mine Name\"", "\"Their Name\"", NULL } };
  FileHas undone = { path, { "\"Mine Name\"", "\"Alex Morgan\"", NULL } };

  rename_person (window, 0, "Mine Name");
  write_theirs (path, "\"Alex Morgan\"", "\"Their Name\"");
  /* Refused: their file is not written over; merged instead. */
  g_assert_false (save_now (window));
  g_assert_true (bt_test_wait_until (file_has, &both, 10));
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Their Name");
  g_assert_null (g_object_get_data (G_OBJECT (window), "bt-conflict-dialog"));

  g_assert_true (bt_window_merge_undo (window));
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (window->plan)), ==, "Alex Morgan");
  g_assert_cmpstr (person_name (window, 0), ==, "Mine Name");
  g_assert_true (bt_test_wait_until (file_has, &undone, 10));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With no version in common the window cannot merge: it asks, as before. */
static void
test_no_base_asks (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);

  bt_window_merge_forget_bases (window);
  rename_person (window, 0, "Mine Name");
  write_theirs (path, "\"Alex Morgan\"", "\"Their Name\"");
  g_assert_true (bt_test_wait_until (conflict_shown, window, 10));
  g_assert_false (merge_dialog_shown (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- two copies of the app on one file ---- */

static const char *test_program;

static pid_t test_parent;

static gboolean
test_done (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS) || getppid () != test_parent;
}

static gboolean
plan_has_person_in (BtPlan     *plan,
                    const char *name)
{
  GListModel *people = bt_plan_get_relationships (plan);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (people, i);

      if (g_strcmp0 (bt_relationship_get_name (r), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
plan_has_person (BtWindow   *window,
                 const char *name)
{
  return plan_has_person_in (window->plan, name);
}

static gboolean
has_their_name (gpointer data)
{
  BtWindow *window = data;

  return g_strcmp0 (bt_profile_get_name (bt_plan_get_profile (window->plan)), "Their Name") == 0;
}

static gboolean
has_lena (gpointer data)
{
  return plan_has_person (data, "Lena Novak");
}

static char *
etag_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  g_assert_nonnull (info);
  return g_strdup (g_file_info_get_etag (info));
}

/* The other copy: adds a person, saves, then stays open, idle, until the
 * test is done with it. */
static void
other_copy (GApplication *app)
{
  const char *path = g_getenv ("BT_TEST_MERGE_PLAN");
  g_autofree char *stop = g_strconcat (path, ".stop", NULL);
  BtWindow *window;
  FileHas saved = { path, { "\"Lena Novak\"", NULL } };
  g_autoptr(BtRelationship) lena = g_object_new (BT_TYPE_RELATIONSHIP, "name", "Lena Novak", NULL);

  test_parent = getppid ();
  window = open_window (app, path);
  gtk_window_present (GTK_WINDOW (window));
  bt_history_append (window->history, BT_ITEM (window->plan), bt_plan_get_relationships (window->plan),
                     BT_ITEM (lena));
  g_assert_true (bt_test_wait_until (file_has, &saved, 2 * AUTOSAVE_SECONDS + 10));
  /* Until the test says, or is no more. */
  g_assert_true (bt_test_wait_until (test_done, stop, 120));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Starts the other copy on @path, as another process running @test_path
 * of this program. */
static GSubprocess *
start_other_copy (const char *path,
                  const char *test_path)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *other;

  g_setenv ("BT_TEST_MERGE_PLAN", path, TRUE);
  other = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, test_program, "-p", test_path,
                            "--GTestSubprocess", NULL);
  g_assert_no_error (error);

  return other;
}

static void
stop_other_copy (GSubprocess *other,
                 const char  *path)
{
  g_autofree char *stop = g_strconcat (path, ".stop", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (stop, "", 0, NULL));
  g_assert_true (g_subprocess_wait (other, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (other));
}

static BtItemEditor *
find_editor (BtWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (BT_IS_ITEM_EDITOR (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
        return BT_ITEM_EDITOR (w);
    }

  return NULL;
}

static gboolean
editor_open (gpointer data)
{
  return find_editor (data) != NULL;
}

static gboolean
editor_closed (gpointer data)
{
  return find_editor (data) == NULL;
}

static gboolean
add_shown (gpointer add)
{
  return gtk_widget_get_visible (add) && gtk_widget_get_mapped (add);
}

/* The People page's add button, as the user clicks it: the Person dialog. */
static BtItemEditor *
open_add_person (BtWindow *window)
{
  GtkWidget *add = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS)),
                                                                BT_TYPE_CHART_PAGE, "add_button");

  adw_view_stack_set_visible_child_name (window->stack, "relationships");
  g_assert_true (bt_test_wait_until (add_shown, add, 10));
  g_assert_true (gtk_widget_get_visible (add));
  g_signal_emit_by_name (add, "clicked");
  g_assert_true (bt_test_wait_until (editor_open, window, 10));

  return find_editor (window);
}

static void
type_and_add (BtItemEditor *editor,
              const char   *name)
{
  GtkWidget *row = bt_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  GtkWidget *apply = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), BT_TYPE_ITEM_EDITOR,
                                                                  "apply_button");

  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_signal_emit_by_name (apply, "clicked");
}

/* Once a copy merged the other's save, the two agree: neither writes the
 * file again (each such write was a change to the other, merged and
 * written again, every few seconds for as long as both were open). */
static void
test_two_copies_idle (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);

  if (g_test_subprocess ())
    {
      other_copy (app);
      return;
    }

  {
    g_autofree char *path = bt_test_copy_sample ();
    BtWindow *window = open_window (app, path);
    g_autoptr(GSubprocess) other = NULL;
    g_autofree char *etag = NULL;
    g_autofree char *etag_later = NULL;

    gtk_window_present (GTK_WINDOW (window));
    other = start_other_copy (path, "/window-merge/two-copies-idle");
    g_assert_true (bt_test_wait_until (has_lena, window, 30));
    g_assert_false (bt_document_get_dirty (window->document));
    bt_test_spin ((AUTOSAVE_SECONDS + 1) * 1000);

    etag = etag_of (path);
    bt_test_spin (4 * (AUTOSAVE_SECONDS + 1) * 1000);
    etag_later = etag_of (path);
    g_assert_cmpstr (etag, ==, etag_later);
    g_assert_false (bt_document_get_dirty (window->document));

    stop_other_copy (other, path);
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* After the other copy added a person and this one merged it, a person
 * added here through the People page ends in the file, beside theirs,
 * even with the Person dialog open for a while with both copies open. */
static void
test_two_copies_add_after_merge (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);

  if (g_test_subprocess ())
    {
      other_copy (app);
      return;
    }

  {
    g_autofree char *path = bt_test_copy_sample ();
    BtWindow *window = open_window (app, path);
    g_autoptr(GSubprocess) other = NULL;
    FileHas both = { path, { "\"Lena Novak\"", "\"Marco Rossi\"", NULL } };
    BtItemEditor *editor;

    gtk_window_present (GTK_WINDOW (window));
    other = start_other_copy (path, "/window-merge/two-copies-add-after-merge");
    g_assert_true (bt_test_wait_until (has_lena, window, 30));

    /* The user takes a few seconds to type the name. */
    editor = open_add_person (window);
    bt_test_spin (2 * (AUTOSAVE_SECONDS + 1) * 1000);
    g_assert_true (find_editor (window) == editor);
    type_and_add (editor, "Marco Rossi");
    g_assert_true (bt_test_wait_until (editor_closed, window, 10));

    g_assert_true (plan_has_person (window, "Marco Rossi"));
    g_assert_true (bt_test_wait_until (file_has, &both, 2 * AUTOSAVE_SECONDS + 10));

    stop_other_copy (other, path);
    g_assert_true (file_has (&both));
    gtk_window_destroy (GTK_WINDOW (window));
  }
}

/* The Person dialog is open when another device's change comes: merging
 * then would replace the plan under it and lose what is typed. The merge
 * waits for the dialog; what it adds and their change both end in the
 * file. */
static void
test_editor_open_during_merge (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas both = { path, { "\"Their Name\"", "\"Marco Rossi\"", NULL } };
  BtItemEditor *editor;
  BtPlan *before;

  gtk_window_present (GTK_WINDOW (window));
  editor = open_add_person (window);
  before = window->plan;
  write_theirs (path, "\"Alex Morgan\"", "\"Their Name\"");
  /* Long enough for the file monitor and a merge, which would close it. */
  g_assert_false (bt_test_wait_until (editor_closed, window, 5));
  g_assert_true (window->plan == before);

  type_and_add (editor, "Marco Rossi");
  g_assert_true (bt_test_wait_until (has_their_name, window, 10));
  g_assert_true (plan_has_person (window, "Marco Rossi"));
  g_assert_true (bt_test_wait_until (file_has, &both, 2 * AUTOSAVE_SECONDS + 10));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The desktop's contacts were being offered for a new person when a
 * merge replaced the plan: the Person dialog comes with the list of the
 * plan before, and adds into the plan shown. */
static void
test_add_from_plan_before (gconstpointer data)
{
  GApplication *app = G_APPLICATION ((gpointer) data);
  g_autofree char *path = bt_test_copy_sample ();
  BtWindow *window = open_window (app, path);
  FileHas both = { path, { "\"Their Name\"", "\"Marco Rossi\"", NULL } };
  g_autoptr(BtPlan) before = g_object_ref (window->plan);
  g_autoptr(BtRelationship) marco = g_object_new (BT_TYPE_RELATIONSHIP, NULL);

  gtk_window_present (GTK_WINDOW (window));
  write_theirs (path, "\"Alex Morgan\"", "\"Their Name\"");
  g_assert_true (bt_test_wait_until (has_their_name, window, 10));
  g_assert_true (window->plan != before);

  g_signal_emit_by_name (bt_window_get_chart_page (window, BT_CHART_RELATIONSHIPS), "open-item", bt_plan_get_relationships (before), marco);
  g_assert_true (bt_test_wait_until (editor_open, window, 10));
  type_and_add (find_editor (window), "Marco Rossi");
  g_assert_true (plan_has_person (window, "Marco Rossi"));
  g_assert_false (plan_has_person_in (before, "Marco Rossi"));
  g_assert_true (bt_test_wait_until (file_has, &both, 2 * AUTOSAVE_SECONDS + 10));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;

  test_program = argv[0];
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  app = g_object_new (BT_TYPE_APPLICATION, "application-id", "io.github.breakthrough.PlannerTest",
                      "resource-base-path", "/io/github/breakthrough/Planner",
                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_assert_true (g_application_register (app, NULL, NULL));
  g_application_hold (app);

  g_test_add_data_func ("/window-merge/clean-merge-and-undo", app, test_clean_merge_and_undo);
  g_test_add_data_func ("/window-merge/conflict-asks-and-keeps-both", app, test_conflict_asks_and_keeps_both);
  g_test_add_data_func ("/window-merge/two-processes", app, test_two_processes);
  g_test_add_data_func ("/window-merge/conflict-copies", app, test_conflict_copies);
  g_test_add_data_func ("/window-merge/no-base-asks", app, test_no_base_asks);
  g_test_add_data_func ("/window-merge/file-being-written", app, test_file_being_written);
  g_test_add_data_func ("/window-merge/found-by-save", app, test_found_by_save);
  g_test_add_data_func ("/window-merge/two-copies-idle", app, test_two_copies_idle);
  g_test_add_data_func ("/window-merge/two-copies-add-after-merge", app, test_two_copies_add_after_merge);
  g_test_add_data_func ("/window-merge/editor-open-during-merge", app, test_editor_open_during_merge);
  g_test_add_data_func ("/window-merge/add-from-plan-before", app, test_add_from_plan_before);

  return g_test_run ();
}
