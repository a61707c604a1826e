/* bt-calendars-dialog.c — which of the desktop's calendars count, and
 * their meetings brought in
 *
 * Lists the desktop's calendars (Evolution Data Server) without waiting
 * for them, a switch each for whether it counts (the excluded-calendars
 * setting), and reads the counted ones in a worker thread into the import's
 * preview, where the choice between typed and calendar hours is made as
 * for a file. Where no calendar service answers (another desktop, or a
 * build without it) it says so, and the file import stays one click away.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-calendars-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-calendars-dialog.h"
#include "bt-import-dialog.h"
#ifdef HAVE_EDS
#include "bt-eds-calendars.h"
#endif

struct _BtCalendarsDialog
{
  AdwWindow            parent_instance;

  GtkWidget           *preview_button;
  AdwPreferencesGroup *calendars_group;
  AdwActionRow        *status_row;
  GtkSpinner          *spinner;

  BtPlan              *plan;
  BtHistory           *history;
  GSettings           *settings;      /* NULL without the schema: every calendar counts */
  GPtrArray           *switches;      /* GtkSwitch, the calendar's uid in "bt-uid" */
  GCancellable        *cancellable;
};

G_DEFINE_FINAL_TYPE (BtCalendarsDialog, bt_calendars_dialog, ADW_TYPE_WINDOW)

static void
show_unavailable (BtCalendarsDialog *self,
                  const char        *why)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Your calendars cannot be read here"));
  adw_action_row_set_subtitle (self->status_row, why);
  gtk_widget_set_sensitive (self->preview_button, FALSE);
}

#ifdef HAVE_EDS
static gboolean
is_excluded (BtCalendarsDialog *self,
             const char        *uid)
{
  g_auto(GStrv) excluded = NULL;

  if (self->settings == NULL)
    return FALSE;
  excluded = g_settings_get_strv (self->settings, "excluded-calendars");
  return g_strv_contains ((const char * const *) excluded, uid);
}

static void
update_preview_button (BtCalendarsDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->switches->len; i++)
    any |= gtk_switch_get_active (self->switches->pdata[i]);
  gtk_widget_set_sensitive (self->preview_button, any);
}

/* The setting keeps the calendars switched off, so a calendar added later
 * counts until the user says otherwise. */
static void
on_switch_active_cb (BtCalendarsDialog *self)
{
  if (self->settings != NULL)
    {
      g_autoptr(GStrvBuilder) excluded = g_strv_builder_new ();
      g_auto(GStrv) old = g_settings_get_strv (self->settings, "excluded-calendars");
      g_auto(GStrv) strv = NULL;

      /* Calendars not listed now (another account offline) stay as they were. */
      for (guint i = 0; old[i] != NULL; i++)
        {
          gboolean listed = FALSE;

          for (guint j = 0; j < self->switches->len; j++)
            listed |= g_strcmp0 (g_object_get_data (self->switches->pdata[j], "bt-uid"), old[i]) == 0;
          if (!listed)
            g_strv_builder_add (excluded, old[i]);
        }
      for (guint j = 0; j < self->switches->len; j++)
        if (!gtk_switch_get_active (self->switches->pdata[j]))
          g_strv_builder_add (excluded, g_object_get_data (self->switches->pdata[j], "bt-uid"));
      strv = g_strv_builder_end (excluded);
      g_settings_set_strv (self->settings, "excluded-calendars", (const char * const *) strv);
    }
  update_preview_button (self);
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BtCalendarsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = bt_eds_calendars_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (calendars == NULL)
    {
      g_debug ("no calendar registry: %s", error->message);
      show_unavailable (self, _("No calendar service answers on this desktop (GNOME’s is Evolution Data Server). "
                                "Export the calendar as .ics and import the file instead."));
      return;
    }
  if (calendars->len == 0)
    {
      show_unavailable (self, _("The desktop has no calendars yet: add an account in Settings › Online Accounts, "
                                "or import a file."));
      return;
    }

  adw_preferences_group_remove (self->calendars_group, GTK_WIDGET (self->status_row));
  self->status_row = NULL;
  for (guint i = 0; i < calendars->len; i++)
    {
      BtEdsCalendar *c = calendars->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (c->account != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->account);
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), !is_excluded (self, c->uid));
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, c->name, -1);
      g_object_set_data_full (G_OBJECT (sw), "bt-uid", g_strdup (c->uid), g_free);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_active_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->calendars_group, row);
      g_ptr_array_add (self->switches, sw);
    }
  update_preview_button (self);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BtCalendarsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  BtImportSource *source = bt_eds_calendars_read_finish (result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  BtImportDialog *preview = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&source, bt_import_source_free);
      return;
    }
  if (source != NULL)
    preview = bt_import_dialog_new_for_source (parent, self->plan, self->history, source, now, &error);
  gtk_window_destroy (GTK_WINDOW (self));
  if (preview == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (parent, _("Your calendars could not be imported"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }
  gtk_window_present (GTK_WINDOW (preview));
}
#endif

static void
on_preview_clicked_cb (BtCalendarsDialog *self)
{
#ifdef HAVE_EDS
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; i < self->switches->len; i++)
    if (gtk_switch_get_active (self->switches->pdata[i]))
      g_ptr_array_add (uids, g_strdup (g_object_get_data (self->switches->pdata[i], "bt-uid")));
  g_ptr_array_add (uids, NULL);

  gtk_widget_set_sensitive (self->preview_button, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->calendars_group), FALSE);
  bt_eds_calendars_read_async ((const char * const *) uids->pdata,
                               bt_profile_get_email (bt_plan_get_profile (self->plan)),
                               NULL, now, self->cancellable, on_read_cb, g_object_ref (self));
#endif
}

static void
on_import_file_activated_cb (BtCalendarsDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_destroy (GTK_WINDOW (self));
  /* Opened from the check-in, the window with the action is further up. */
  while (parent != NULL && !gtk_widget_activate_action (GTK_WIDGET (parent), "win.import", NULL))
    parent = gtk_window_get_transient_for (parent);
}

static void
bt_calendars_dialog_dispose (GObject *object)
{
  BtCalendarsDialog *self = BT_CALENDARS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_CALENDARS_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->switches, g_ptr_array_unref);

  G_OBJECT_CLASS (bt_calendars_dialog_parent_class)->dispose (object);
}

static void
bt_calendars_dialog_class_init (BtCalendarsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_calendars_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-calendars-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BtCalendarsDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, BtCalendarsDialog, calendars_group);
  gtk_widget_class_bind_template_child (widget_class, BtCalendarsDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, BtCalendarsDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_file_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bt_calendars_dialog_init (BtCalendarsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->switches = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * bt_calendars_dialog_new:
 *
 * Returns: (transfer floating): the dialog, already looking for the
 *   desktop's calendars
 */
BtCalendarsDialog *
bt_calendars_dialog_new (GtkWindow *parent,
                         BtPlan    *plan,
                         BtHistory *history)
{
  BtCalendarsDialog *self = g_object_new (BT_TYPE_CALENDARS_DIALOG, "transient-for", parent, NULL);
  GApplication *app = g_application_get_default ();

  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  if (BT_IS_APPLICATION (app) && bt_application_get_settings (BT_APPLICATION (app)) != NULL)
    self->settings = g_object_ref (bt_application_get_settings (BT_APPLICATION (app)));
  else
    {
      /* Outside the app (the tests), the schema where it is installed. */
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      if (schema != NULL)
        self->settings = g_settings_new (APP_ID);
    }

#ifdef HAVE_EDS
  bt_eds_calendars_list_async (self->cancellable, on_listed_cb, g_object_ref (self));
#else
  show_unavailable (self, _("This build of Breakthrough cannot read the desktop’s calendars (it was built without "
                            "Evolution Data Server): export the calendar as .ics and import the file instead."));
#endif

  return self;
}
