/* test-save-safety.c — a save interrupted at any moment, or failing part
 * way, never leaves a plan that is neither the old nor the new one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bt-plan-file.h"

#define KILLS 200

static GBytes *
serialize (BtPlan *plan)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);

  g_assert_no_error (error);

  return bytes;
}

static void
test_kill_during_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) a = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) b = bt_plan_file_load_sample (&error);
  g_autoptr(GBytes) bytes_a = NULL;
  g_autoptr(GBytes) bytes_b = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bt-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  guint saw_a = 0, saw_b = 0;

  /* B differs from A all through the file, not only at one spot. */
  bt_profile_set_name (bt_plan_get_profile (b), "Somebody else entirely");
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_weeks (b)); i++)
    {
      g_autoptr(BtWeek) week = g_list_model_get_item (bt_plan_get_weeks (b), i);
      bt_week_set_note (week, "rewritten");
    }

  bytes_a = serialize (a);
  bytes_b = serialize (b);
  g_assert_true (bt_plan_file_save (a, path, &error));

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) on_disk = NULL;
      gsize length;
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);

      if (pid == 0)
        {
          /* Save B and A in turn until killed. */
          for (guint round = 0; ; round++)
            bt_plan_file_save (round % 2 == 0 ? b : a, path, NULL);
        }

      g_usleep (g_random_int_range (0, 20000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      on_disk = g_bytes_new_take (g_steal_pointer (&contents), length);

      if (g_bytes_equal (on_disk, bytes_a))
        saw_a++;
      else if (g_bytes_equal (on_disk, bytes_b))
        saw_b++;
      else
        g_error ("after kill %u the file is neither the old nor the new plan (%" G_GSIZE_FORMAT " bytes)",
                 i, length);
    }

  g_test_message ("after %d kills: %u times the first plan, %u times the second", KILLS, saw_a, saw_b);
  /* The kills must really have landed during saves, or this proves nothing. */
  g_assert_cmpuint (saw_a + saw_b, ==, KILLS);
  g_assert_cmpuint (saw_b, >, 0);
}

static void
test_failed_write_keeps_original (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *dir = g_dir_make_tmp ("bt-fsize-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  const char *original = "{\"format\": \"breakthrough-plan\", \"version\": 1}\n";
  g_autofree char *after = NULL;
  pid_t pid;
  int status;

  g_assert_true (g_file_set_contents (path, original, -1, NULL));

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Files may grow to 4 KiB only: the 64 KiB plan cannot be written. */
      struct rlimit limit = { 4096, 4096 };
      g_autoptr(GError) child_error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &limit);

      if (bt_plan_file_save (plan, path, &child_error))
        _exit (10);   /* it claimed success */
      if (child_error == NULL || child_error->message[0] == '\0')
        _exit (11);   /* it failed without telling */
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
}

/* A folder nothing can be written in, even by root: sysfs. The message
 * names the folder, not GLib's temporary file. */
static void
test_read_only_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);

  g_assert_no_error (error);
  if (!g_file_test ("/sys/kernel", G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no sysfs here");
      return;
    }

  g_assert_false (bt_plan_file_save (plan, "/sys/kernel/breakthrough-plan.json", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "“/sys/kernel”"));
  g_assert_null (strstr (error->message, "breakthrough-plan.json."));
  g_assert_false (g_file_test ("/sys/kernel/breakthrough-plan.json", G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/save-safety/kill-during-save", test_kill_during_save);
  g_test_add_func ("/save-safety/failed-write-keeps-original", test_failed_write_keeps_original);
  g_test_add_func ("/save-safety/read-only-folder", test_read_only_folder);

  return g_test_run ();
}
