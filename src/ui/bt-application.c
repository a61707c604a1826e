/* bt-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-clock.h"
#include "bt-command-line.h"
#include "bt-first-frame.h"
#include "bt-plan-file.h"
#include "bt-preferences-window.h"
#include "bt-reminders.h"
#include "bt-window.h"

struct _BtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;   /* NULL when the schema is not installed */
  BtReminders    *reminders;  /* NULL without settings */
  gboolean        options_read; /* GLib's parser took the command line */
};

G_DEFINE_FINAL_TYPE (BtApplication, bt_application, ADW_TYPE_APPLICATION)

BtApplication *
bt_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* Measured start-ups must not hand over to an instance already running. */
  if (g_getenv ("BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (BT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/breakthrough/Planner",
                       NULL);
}

static int
bt_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  g_auto(GStrv) files = NULL;
  int status;

  BT_APPLICATION (app)->options_read = TRUE;
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &files);

  status = bt_command_line_run (options, files);
  if (status >= 0)
    return status;

  /* Files go to the running instance, if there is one. */
  if (files != NULL && files[0] != NULL)
    {
      g_autoptr(GPtrArray) gfiles = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;

      for (guint i = 0; files[i] != NULL; i++)
        g_ptr_array_add (gfiles, g_file_new_for_commandline_arg (files[i]));

      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      g_application_open (app, (GFile **) gfiles->pdata, gfiles->len, "");
      return 0;
    }

  return G_APPLICATION_CLASS (bt_application_parent_class)->handle_local_options (app, options);
}

static void
bt_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (bt_window_new (BT_APPLICATION (app), NULL));
      bt_first_frame_watch (window, app, "first-frame", FALSE);
    }

  gtk_window_present (window);
}

static void
bt_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      BtWindow *window = bt_window_new (BT_APPLICATION (app), files[i]);

      if (i == 0)
        bt_first_frame_watch (GTK_WINDOW (window), app, "first-frame", FALSE);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { "Breakthrough developers", NULL };
  GtkWidget *about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                   "transient-for", gtk_application_get_active_window (app),
                                   "application-name", _("Breakthrough"),
                                   "application-icon", APP_ID,
                                   "version", PACKAGE_VERSION,
                                   "developer-name", _("Breakthrough developers"),
                                   "developers", developers,
                                   "comments", _("See, week by week, whether you are making the shift from "
                                                 "engineering director to VP: where your time goes, who you "
                                                 "are in touch with, and the story you tell."),
                                   "license-type", GTK_LICENSE_GPL_3_0,
                                   "translator-credits", _("translator-credits"),
                                   NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BtApplication *self = BT_APPLICATION (user_data);
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Quit means quit, even with "Remind in the background" on: the
   * reminders let go of the application, which then ends once its
   * windows are closed (each holds it until its last save is on disk).
   * The autostart entry stays: the next log-in starts them again. */
  g_clear_object (&self->reminders);

  /* Closing each window saves what it has pending. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BtApplication *self = BT_APPLICATION (user_data);
  BtPreferencesWindow *window;

  if (self->settings == NULL)
    return;

  window = bt_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                      self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

/* From the reminder's notification: the window, and its check-in. */
static void
check_in_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  GtkWindow *window;

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.check-in", NULL);
}

static void
show_window_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_application_activate (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "check-in", check_in_activated },
  { "show-window", show_window_activated },
  { "about", about_activated },
  { "quit", quit_activated },
  { "preferences", preferences_activated },
};

static void
apply_style (BtApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int style = g_settings_get_enum (self->settings, "style");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[CLAMP (style, 0, (int) G_N_ELEMENTS (schemes) - 1)]);
}

/**
 * bt_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings, or %NULL when
 *   its schema is not installed
 */
GSettings *
bt_application_get_settings (BtApplication *self)
{
  g_return_val_if_fail (BT_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * bt_application_add_icons:
 *
 * Makes the app's own icons (in its GResource) known to the icon theme,
 * once, whatever the application id: widgets used without the app, as in
 * the tests, call it too.
 */
void
bt_application_add_icons (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      GdkDisplay *display = gdk_display_get_default ();

      if (display != NULL)
        gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                          "/io/github/breakthrough/Planner/icons");
      g_once_init_leave (&done, 1);
    }
}

/**
 * bt_application_get_weekly_budget:
 *
 * The weekly hours budget of the preferences, which makes a week with
 * under half of it partial. Without the app (a test), the setting if its
 * schema is installed.
 *
 * Returns: the budget in hours, or 0 for none
 */
double
bt_application_get_weekly_budget (void)
{
  GApplication *app = g_application_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (BT_IS_APPLICATION (app) && bt_application_get_settings (BT_APPLICATION (app)) != NULL)
    return g_settings_get_double (bt_application_get_settings (BT_APPLICATION (app)), "weekly-hours-budget");

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return 0.0;
  settings = g_settings_new (APP_ID);

  return g_settings_get_double (settings, "weekly-hours-budget");
}

/* GTK 4.8 names a button whose label has a mnemonic twice: its accessible
 * label is the raw text, underline included, and the label inside names it
 * as well (LABELLED_BY), so a screen reader says "_Save Save". Without the
 * accessible label, the label inside names it alone: "Save". GTK sets the
 * raw text again whenever the label changes. */
static void
name_mnemonic_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *differs = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  /* Only the raw text GTK put there: a name given on purpose stays. */
  differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (differs == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* Controls the libraries leave without a name, which GTK 4.8 reads by
 * their class: libadwaita 1.2's toast close button, an icon labelled by
 * nothing that says a name ("GtkImage"), and GTK 4.8's file chooser
 * choices, a drop-down after a label ("GtkDropDown"). */
static void
name_unnamed_control (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);
  GtkWidget *before = gtk_widget_get_prev_sibling (widget);

  if (GTK_IS_BUTTON (widget) && parent != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (parent), "AdwToastWidget") == 0 &&
      gtk_button_get_label (GTK_BUTTON (widget)) == NULL && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (widget))) &&
      !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    /* TRANSLATORS: the button that closes a message at the bottom of the window, as a screen reader says it */
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dismiss"), -1);
  /* GtkDropDown's own button, the one that takes the focus, has no name
   * in GTK 4.8 ("GtkToggleButton"): the drop-down's. */
  else if (GTK_IS_TOGGLE_BUTTON (widget) && GTK_IS_DROP_DOWN (parent) &&
           !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
           !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, parent, NULL, -1);
  else if (GTK_IS_DROP_DOWN (widget) && GTK_IS_LABEL (before) &&
           !gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
           !gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, before, NULL, -1);
}

/* A widget named on purpose (its accessible label) that something else
 * labels as well: a row's title (AdwActionRow's activatable widget), or a
 * mnemonic label inside it (AdwButtonContent). GTK 4.8 reads both, one
 * after the other: "Remind in the background Remind in the background",
 * "Add Person Add". The name given on purpose is the one said. */
static void
name_once (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) &&
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static gboolean
name_mnemonic_button_on_map (GSignalInvocationHint *hint,
                             guint                  n_values,
                             const GValue          *values,
                             gpointer               data)
{
  GObject *widget = g_value_get_object (&values[0]);
  static GQuark watched;

  name_unnamed_control (GTK_WIDGET (widget));
  if (!GTK_IS_BUTTON (widget))
    {
      name_once (GTK_WIDGET (widget));
      return TRUE;
    }

  if (watched == 0)
    watched = g_quark_from_static_string ("bt-mnemonic-name-watched");
  /* notify cannot be hooked (G_SIGNAL_NO_HOOKS): each button, once. */
  if (g_object_get_qdata (widget, watched) == NULL)
    {
      g_object_set_qdata (widget, watched, GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", G_CALLBACK (name_mnemonic_button), NULL);
      g_signal_connect (widget, "notify::use-underline", G_CALLBACK (name_mnemonic_button), NULL);
    }
  name_mnemonic_button (GTK_BUTTON (widget));
  name_once (GTK_WIDGET (widget));

  return TRUE;  /* stay installed */
}

/* A row's title and subtitle wrap at any character (libadwaita's rows set
 * PANGO_WRAP_WORD_CHAR), and GtkLabel finds such a label's minimum width by
 * laying it out at a width of 0: one character a line. Pango 1.50 shapes
 * the text again for each place it tries to break a line, so that costs
 * hundreds of shapings per label; twenty thousand for the overview of a
 * plan, 15 ms of the frame that first shows it. A minimum of a few
 * characters' width lays it out in a few lines instead; the label still
 * wraps at the width it is given. */
#define ROW_LABEL_MIN_CHARS 12

static void
bound_row_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_label_get_wrap (GTK_LABEL (widget)) &&
      gtk_label_get_width_chars (GTK_LABEL (widget)) < 0 &&
      gtk_label_get_ellipsize (GTK_LABEL (widget)) == PANGO_ELLIPSIZE_NONE &&
      gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW) != NULL)
    gtk_label_set_width_chars (GTK_LABEL (widget), ROW_LABEL_MIN_CHARS);
}

/**
 * bt_application_bound_row_labels:
 *
 * Gives the wrapping labels of the rows in @widget a minimum width that is
 * quick to measure (see bound_row_label()). A window or a dialog calls it
 * on what it built before it is first shown: a window is measured before
 * its children are mapped, and a label changed then is measured twice. The
 * main window's rows, added once it is on screen, get it as they are
 * mapped.
 */
void
bt_application_bound_row_labels (GtkWidget *widget)
{
  bound_row_label (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bt_application_bound_row_labels (child);
}

static gboolean
bound_row_label_on_map (GSignalInvocationHint *hint,
                        guint                  n_values,
                        const GValue          *values,
                        gpointer               data)
{
  GtkWidget *widget = g_value_get_object (&values[0]);

  if (GTK_IS_LABEL (widget) && BT_IS_WINDOW (gtk_widget_get_root (widget)))
    bound_row_label (widget);

  return TRUE;  /* stay installed */
}

/**
 * bt_application_name_mnemonic_buttons:
 *
 * Names every button with a mnemonic in the process by its label alone,
 * whoever made it (ours, libadwaita's toasts and message dialogs, GTK's
 * dialogs), as it is shown, and again when its label changes; and the
 * libraries' controls left without a name (see name_unnamed_control()).
 * Also gives the wrapping labels of the main window's rows a minimum width
 * that is quick to measure as they are shown (see
 * bt_application_bound_row_labels()). Installed once at start-up;
 * calling again does nothing. GTK must be initialised.
 */
void
bt_application_name_mnemonic_buttons (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal is there once the class is. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, name_mnemonic_button_on_map,
                                  NULL, NULL);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, bound_row_label_on_map,
                                  NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}

/* A window coming back into focus may come back from a night or a
 * suspend: the clock looks at the day again. */
static void
on_window_active_cb (GtkWindow  *window,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  if (gtk_window_is_active (window))
    bt_clock_check (bt_clock_get_default ());
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  g_signal_connect (window, "notify::is-active", G_CALLBACK (on_window_active_cb), NULL);
}

static void
bt_application_startup (GApplication *app)
{
  BtApplication *self = BT_APPLICATION (app);
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (bt_application_parent_class)->startup (app);

  /* The default window icon is set by each window once it is on screen
   * (bt-window.c), not here before the first frame. */
  bt_application_add_icons ();
  bt_application_name_mnemonic_buttons ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  /* Each window adds its shortcuts window itself (see bt-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", help_overlay_accels);

  /* Running uninstalled without the compiled schema: no preferences, but
   * no crash either. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL)
      {
        self->settings = g_settings_new (APP_ID);
        apply_style (self);
        g_signal_connect_object (self->settings, "changed::style", G_CALLBACK (apply_style), self,
                                 G_CONNECT_SWAPPED);
        /* Started by the autostart entry (--gapplication-service), the app
         * has no window, only these. */
        self->reminders = bt_reminders_new (app, self->settings);
        bt_reminders_check_now (self->reminders);
      }
    else
      {
        g_warning ("The settings schema %s is not installed: preferences are off", APP_ID);
        g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app), "preferences")),
                                     FALSE);
      }
  }
}

static void
bt_application_dispose (GObject *object)
{
  BtApplication *self = BT_APPLICATION (object);

  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bt_application_parent_class)->dispose (object);
}

/* An option GLib's parser refuses (one that does not exist, or a value
 * not in its form: --scale abc) is a usage error like those the commands
 * find, and exits 2 as they do, not GLib's 1. */
static gboolean
bt_application_local_command_line (GApplication   *app,
                                   char         ***arguments,
                                   int            *exit_status)
{
  gboolean done = G_APPLICATION_CLASS (bt_application_parent_class)->local_command_line (app, arguments,
                                                                                           exit_status);

  if (done && *exit_status == 1 && !BT_APPLICATION (app)->options_read)
    *exit_status = 2;

  return done;
}

static void
bt_application_class_init (BtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bt_application_dispose;

  app_class->handle_local_options = bt_application_handle_local_options;
  app_class->local_command_line = bt_application_local_command_line;
  app_class->startup = bt_application_startup;
  app_class->activate = bt_application_activate;
  app_class->open = bt_application_open;
}

static void
bt_application_init (BtApplication *self)
{
  g_autofree char *plan = bt_plan_file_default_path ();
  g_autofree char *description = NULL;

  g_application_add_main_option_entries (G_APPLICATION (self),
                                         bt_command_line_get_entries ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan and follow the shift from engineering director to VP."));
  /* TRANSLATORS: at the end of --help; %s is the default plan's path */
  description = g_strdup_printf (_("Without FILE, the plan is %s.\n"
                                   "Exit status: 0 when done; 1 when a file could not be read, was not a valid plan "
                                   "or could not be written; 2 when an option or its value is refused. --merge "
                                   "exits 1 with conflicts and 2 on any error."), plan);
  g_application_set_option_context_description (G_APPLICATION (self), description);
}
