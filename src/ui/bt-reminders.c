/* bt-reminders.c — the weekly check-in reminder and the daily nudge, as
 * notifications
 *
 * The reminder comes on the day and hour the settings say (Friday 16:00
 * by default), with Check In and Later; a reminder missed while the
 * computer was off comes once at the next start (bt_reminder_check_in_due()).
 * Once a day at most, a nudge names the people who became overdue and the
 * milestones and next steps due within the week, from the plan on disk.
 *
 * With "remind-in-background" on, an autostart entry starts the app at
 * log-in with --gapplication-service, no window, and the app holds itself
 * so that closing its last window does not end the reminders.
 *
 * A desktop with no notification server gets no notification and no
 * warning: the reminder waits for the next check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-date.h"
#include "bt-plan-file.h"
#include "bt-reminder.h"
#include "bt-reminders-private.h"

/* The nudge and a missed reminder are looked for this often. */
#define CHECK_SECONDS (60 * 60)
/* Later: the reminder again after this long. */
#define LATER_SECONDS (60 * 60)

struct _BtReminders
{
  GObject       parent_instance;

  GApplication *app;          /* weak: the app owns this */
  GSettings    *settings;
  guint         next_id;      /* the next reminder */
  guint         check_id;     /* the hourly check */
  guint         later_id;
  guint         n_checked;    /* notification servers looked for, for the tests */
  gboolean      held;         /* the app holds itself for the reminders */
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (BtReminders, bt_reminders, G_TYPE_OBJECT)

static void schedule (BtReminders *self);

static char *
autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static void
on_background_requested_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  /* The portal answers the request later, on its own; a refusal only means
   * no start at log-in, which the user can change in Settings. */
  if (reply == NULL)
    g_debug ("the Background portal did not take the request: %s", error->message);
}

/* Sandboxed, the start at log-in is the Background portal's to grant. */
static void
request_background (BtReminders *self,
                    gboolean     autostart)
{
  GDBusConnection *bus = self->app ? g_application_get_dbus_connection (self->app) : NULL;
  const char *commandline[] = { "breakthrough", "--gapplication-service", NULL };
  GVariantBuilder options;

  if (bus == NULL)
    return;
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To remind you of the weekly check-in")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_dbus_connection_call (bus, "org.freedesktop.portal.Desktop", "/org/freedesktop/portal/desktop",
                          "org.freedesktop.portal.Background", "RequestBackground",
                          g_variant_new ("(sa{sv})", "", &options), NULL, G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_background_requested_cb, NULL);
}

/* The autostart entry follows the setting; the app holds itself while it
 * is on. */
static void
on_background_changed_cb (BtReminders *self)
{
  gboolean on = g_settings_get_boolean (self->settings, "remind-in-background");
  g_autofree char *path = autostart_path ();
  g_autoptr(GError) error = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    request_background (self, on);
  else if (on)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GString) entry = g_string_new ("[Desktop Entry]\nType=Application\n");

      /* The app's name as people see it, not its program name: GLib
       * falls back on "breakthrough" when no name was set. */
      g_string_append_printf (entry, "Name=%s\n", _("Breakthrough"));
      g_string_append (entry, "Exec=breakthrough --gapplication-service\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n");
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents (path, entry->str, entry->len, &error))
        g_warning ("The autostart entry could not be written: %s",
                   error ? error->message : g_strerror (errno));
    }
  else if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("The autostart entry could not be removed: %s", g_strerror (errno));

  if (on && !self->held && self->app != NULL)
    {
      g_application_hold (self->app);
      self->held = TRUE;
    }
  else if (!on && self->held && self->app != NULL)
    {
      g_application_release (self->app);
      self->held = FALSE;
    }
}

typedef void (*SendFunc) (BtReminders *self);

typedef struct
{
  BtReminders *self;
  SendFunc     send;
  guint        pending;
  gboolean     found;
} ServerCheck;

static void
on_server_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ServerCheck *check = user_data;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, NULL);

  if (reply != NULL)
    {
      if (g_variant_is_of_type (reply, G_VARIANT_TYPE ("(b)")))
        {
          gboolean owned;

          g_variant_get (reply, "(b)", &owned);
          check->found |= owned;
        }
      else
        {
          g_autofree const char **names = NULL;

          g_variant_get (reply, "(^a&s)", &names);
          for (guint i = 0; names != NULL && names[i] != NULL; i++)
            check->found |= g_str_equal (names[i], "org.freedesktop.Notifications") ||
                            g_str_equal (names[i], "org.gtk.Notifications");
        }
    }

  if (--check->pending > 0)
    return;
  check->self->n_checked++;
  if (check->found)
    check->send (check->self);
  else
    g_debug ("no notification server: the reminder waits");
  g_object_unref (check->self);
  g_free (check);
}

/* Sends with @send only where a notification server answers: GLib warns
 * when there is none. */
static void
when_server (BtReminders *self,
             SendFunc     send)
{
  GDBusConnection *bus = self->app ? g_application_get_dbus_connection (self->app) : NULL;
  ServerCheck *check;

  if (bus == NULL)
    return;
  check = g_new0 (ServerCheck, 1);
  check->self = g_object_ref (self);
  check->send = send;
  check->pending = 3;
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", "org.freedesktop.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          on_server_checked_cb, check);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", g_variant_new ("(s)", "org.gtk.Notifications"),
                          G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, self->cancellable,
                          on_server_checked_cb, check);
  g_dbus_connection_call (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "ListActivatableNames", NULL, G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          self->cancellable, on_server_checked_cb, check);
}

static void
send_check_in (BtReminders *self)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Time for the Weekly Check-in"));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_notification_set_body (notification, _("Log the week’s hours, the people you met and one reflection."));
  g_notification_set_default_action (notification, "app.check-in");
  g_notification_add_button (notification, _("Check In"), "app.check-in");
  g_notification_add_button (notification, _("Later"), "app.remind-later");
  g_application_send_notification (self->app, "check-in", notification);
  g_settings_set_int64 (self->settings, "reminder-last-shown", g_date_time_to_unix (now));
}

static void
send_nudge (BtReminders *self)
{
  g_autofree char *path = bt_plan_file_default_path ();
  g_autoptr(BtPlan) plan = bt_plan_file_load (path, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_auto(GStrv) told = g_settings_get_strv (self->settings, "nudge-told-overdue");
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(BtNudge) nudge = NULL;
  g_auto(GStrv) overdue = NULL;
  GDate today;

  if (plan == NULL)
    return;
  bt_date_from_time (now, &today);
  nudge = bt_nudge_new (plan, &today, (const char * const *) told);
  overdue = bt_nudge_overdue_ids (plan, &today);
  g_settings_set_string (self->settings, "nudge-last-day", day);
  g_settings_set_strv (self->settings, "nudge-told-overdue", (const char * const *) overdue);

  if (!bt_nudge_is_empty (nudge))
    {
      g_autoptr(GNotification) notification = g_notification_new (_("This Week in Your Plan"));
      g_autofree char *body = bt_nudge_to_text (nudge);

      g_notification_set_body (notification, body);
      g_notification_set_default_action (notification, "app.show-window");
      g_application_send_notification (self->app, "nudge", notification);
    }
}

/**
 * bt_reminders_check_now:
 *
 * Shows the check-in reminder if one is due (a missed one included), and
 * the day's nudge if there was none today.
 */
void
bt_reminders_check_now (BtReminders *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *last_day = g_settings_get_string (self->settings, "nudge-last-day");

  g_return_if_fail (BT_IS_REMINDERS (self));

  if (bt_reminder_check_in_due (now, g_settings_get_int (self->settings, "reminder-weekday"),
                                g_settings_get_int (self->settings, "reminder-hour"),
                                g_settings_get_int64 (self->settings, "reminder-last-shown")))
    when_server (self, send_check_in);
  if (g_strcmp0 (day, last_day) != 0)
    when_server (self, send_nudge);
}

static gboolean
on_next_cb (gpointer user_data)
{
  BtReminders *self = user_data;

  self->next_id = 0;
  bt_reminders_check_now (self);
  schedule (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_check_cb (gpointer user_data)
{
  bt_reminders_check_now (user_data);
  return G_SOURCE_CONTINUE;
}

static void
schedule (BtReminders *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = bt_reminder_next_time (now, g_settings_get_int (self->settings, "reminder-weekday"),
                                                     g_settings_get_int (self->settings, "reminder-hour"));
  GTimeSpan wait = g_date_time_difference (next, now);

  g_clear_handle_id (&self->next_id, g_source_remove);
  /* A second late rather than a second early, which would find it not due. */
  self->next_id = g_timeout_add_seconds ((guint) (wait / G_USEC_PER_SEC) + 1, on_next_cb, self);
}

static gboolean
on_later_cb (gpointer user_data)
{
  BtReminders *self = user_data;

  self->later_id = 0;
  when_server (self, send_check_in);
  return G_SOURCE_REMOVE;
}

static void
remind_later_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BtReminders *self = user_data;

  g_application_withdraw_notification (self->app, "check-in");
  g_clear_handle_id (&self->later_id, g_source_remove);
  self->later_id = g_timeout_add_seconds (LATER_SECONDS, on_later_cb, self);
}

guint
bt_reminders_get_n_checked (BtReminders *self)
{
  g_return_val_if_fail (BT_IS_REMINDERS (self), 0);

  return self->n_checked;
}

static void
bt_reminders_dispose (GObject *object)
{
  BtReminders *self = BT_REMINDERS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->next_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_handle_id (&self->later_id, g_source_remove);
  if (self->held && self->app != NULL)
    g_application_release (self->app);
  self->held = FALSE;
  g_clear_weak_pointer (&self->app);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bt_reminders_parent_class)->dispose (object);
}

static void
bt_reminders_class_init (BtRemindersClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bt_reminders_dispose;
}

static void
bt_reminders_init (BtReminders *self)
{
  self->cancellable = g_cancellable_new ();
}

/**
 * bt_reminders_new:
 * @app: the app, which sends the notifications and has the actions
 *   app.check-in (added by its owner) and app.remind-later (added here)
 *
 * Returns: (transfer full): the reminders, already scheduled
 */
BtReminders *
bt_reminders_new (GApplication *app,
                  GSettings    *settings)
{
  BtReminders *self = g_object_new (BT_TYPE_REMINDERS, NULL);
  g_autoptr(GSimpleAction) later = g_simple_action_new ("remind-later", NULL);

  g_set_weak_pointer (&self->app, app);
  self->settings = g_object_ref (settings);

  g_signal_connect_object (later, "activate", G_CALLBACK (remind_later_activated), self, 0);
  g_action_map_add_action (G_ACTION_MAP (app), G_ACTION (later));

  g_signal_connect_object (settings, "changed::remind-in-background", G_CALLBACK (on_background_changed_cb),
                           self, G_CONNECT_SWAPPED);
  if (g_settings_get_boolean (settings, "remind-in-background"))
    on_background_changed_cb (self);
  g_signal_connect_object (settings, "changed::reminder-weekday", G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-hour", G_CALLBACK (schedule), self, G_CONNECT_SWAPPED);

  schedule (self);
  self->check_id = g_timeout_add_seconds (CHECK_SECONDS, on_check_cb, self);

  return self;
}
