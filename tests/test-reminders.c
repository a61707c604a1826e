/* test-reminders.c — the check-in reminder and the nudge as they reach a
 * notification server, and no warning where there is none
 *
 * Runs under tests/eds-session.sh --no-eds: a private bus with no
 * notification server but the fake one this test starts
 * (tests/fake-notifications.py, which records what it is sent).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "bt-plan-file.h"
#include "bt-reminders-private.h"

static const char plan_json[] =
  "{ \"format\": \"breakthrough-plan\", \"version\": 1,\n"
  "  \"relationships\": [\n"
  "    { \"id\": \"r-late\", \"name\": \"Dana Cho\", \"function\": \"finance\", \"strength\": 2, \"cadence_days\": 14,\n"
  "      \"touchpoints\": [ { \"id\": \"t1\", \"date\": \"2020-01-01\" } ] } ] }\n";

static GApplication *app;

static void
write_plan (void)
{
  g_autofree char *path = bt_plan_file_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, plan_json, -1, &error);
  g_assert_no_error (error);
}

static void
wait_for_checks (BtReminders *reminders,
                 guint        n)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (bt_reminders_get_n_checked (reminders) < n && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_cmpuint (bt_reminders_get_n_checked (reminders), ==, n);
}

/* With no server, nothing is sent: GLib would warn, fatally here. The
 * reminder stays due. */
static void
test_no_server (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BtReminders) reminders = NULL;

  g_settings_reset (settings, "reminder-last-shown");
  g_settings_reset (settings, "nudge-last-day");
  write_plan ();
  reminders = bt_reminders_new (app, settings);
  bt_reminders_check_now (reminders);
  wait_for_checks (reminders, 2);
  /* What a late warning from GLib's reply would need. */
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  g_autofree char *last_day = NULL;

  g_assert_cmpint (g_settings_get_int64 (settings, "reminder-last-shown"), ==, 0);
  last_day = g_settings_get_string (settings, "nudge-last-day");
  g_assert_cmpstr (last_day, ==, "");
}

static char *
wait_for_lines (const char *log,
                guint       n)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  char *text = NULL;

  for (;;)
    {
      guint lines = 0;

      g_clear_pointer (&text, g_free);
      if (g_file_get_contents (log, &text, NULL, NULL))
        for (const char *p = text; (p = strchr (p, '\n')) != NULL; p++)
          lines++;
      if (lines >= n || g_get_monotonic_time () >= until)
        {
          g_assert_cmpuint (lines, ==, n);
          return text;
        }
      g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
    }
}

static void
test_fake_server (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BtReminders) reminders = NULL;
  g_autofree char *log = g_build_filename (g_get_user_runtime_dir (), "notifications.log", NULL);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "fake-notifications.py", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean owned = FALSE;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "/usr/bin/python3", script, log, NULL);
  g_assert_no_error (error);
  while (!owned && g_get_monotonic_time () < until)
    {
      g_autoptr(GVariant) reply =
        g_dbus_connection_call_sync (g_application_get_dbus_connection (app), "org.freedesktop.DBus",
                                     "/org/freedesktop/DBus", "org.freedesktop.DBus", "NameHasOwner",
                                     g_variant_new ("(s)", "org.freedesktop.Notifications"), G_VARIANT_TYPE ("(b)"),
                                     G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);

      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (!owned)
        g_usleep (20000);
    }
  g_assert_true (owned);

  g_settings_reset (settings, "reminder-last-shown");
  g_settings_reset (settings, "nudge-last-day");
  write_plan ();
  reminders = bt_reminders_new (app, settings);
  bt_reminders_check_now (reminders);

  /* The check-in reminder, with its two buttons, and the day's nudge. */
  text = wait_for_lines (log, 2);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "\"summary\": \"Time for the Weekly Check-in\""));
  g_assert_nonnull (strstr (text, "\"Check In\""));
  g_assert_nonnull (strstr (text, "\"Later\""));
  g_assert_nonnull (strstr (text, "\"summary\": \"This Week in Your Plan\""));
  g_assert_nonnull (strstr (text, "Dana Cho is overdue for a touchpoint"));
  g_assert_cmpint (g_settings_get_int64 (settings, "reminder-last-shown"), >, 0);

  /* Checked again the same day: nothing new to say. */
  bt_reminders_check_now (reminders);
  wait_for_checks (reminders, 2);
  g_assert_cmpuint (bt_reminders_get_n_checked (reminders), ==, 2);

  g_subprocess_force_exit (server);
}

/* Remind in the background: an autostart entry that starts the app with
 * no window, gone again when turned off. */
static void
test_autostart (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BtReminders) reminders = bt_reminders_new (app, settings);
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
  g_autofree char *entry = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *name = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "remind-in-background", TRUE);
  g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  exec = g_key_file_get_string (keys, "Desktop Entry", "Exec", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "breakthrough --gapplication-service");
  /* The session's list of start-up apps shows the app's name, not the
   * program's (this test sets no application name). */
  name = g_key_file_get_locale_string (keys, "Desktop Entry", "Name", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Breakthrough");

  g_settings_set_boolean (settings, "remind-in-background", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  if (g_strcmp0 (g_getenv ("BT_EDS_EXPECT"), "none") != 0)
    {
      g_printerr ("test-reminders: run it under tests/eds-session.sh --no-eds\n");
      return 99;
    }
  /* A warning is a failure here, above all GLib's about a missing server. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  app = g_application_new ("io.github.breakthrough.Planner.Tests.Reminders", G_APPLICATION_DEFAULT_FLAGS);
  g_application_register (app, NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/reminders/no-server", test_no_server);
  g_test_add_func ("/reminders/fake-server", test_fake_server);
  g_test_add_func ("/reminders/autostart", test_autostart);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
