/* bt-window.c — the main window
 *
 * For now a summary of the plan; the pages come with the application issue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-plan-file.h"
#include "bt-window.h"

struct _BtWindow
{
  AdwApplicationWindow  parent_instance;

  AdwStatusPage        *status_page;

  BtPlan               *plan;
  GFile                *file;
};

G_DEFINE_FINAL_TYPE (BtWindow, bt_window, ADW_TYPE_APPLICATION_WINDOW)

static void
bt_window_dispose (GObject *object)
{
  BtWindow *self = BT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (bt_window_parent_class)->dispose (object);
}

static void
bt_window_class_init (BtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BtWindow, status_page);
}

static void
bt_window_init (BtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
load_plan (BtWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;

  if (self->file == NULL)
    {
      path = bt_plan_file_default_path ();
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          self->plan = bt_plan_file_load_sample (&error);
          g_clear_pointer (&path, g_free);
        }
    }
  else
    path = g_file_get_path (self->file);

  if (path != NULL)
    self->plan = bt_plan_file_load (path, &error);

  if (self->plan == NULL)
    {
      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->status_page, _("The plan could not be opened"));
      adw_status_page_set_description (self->status_page, error->message);
      return;
    }

  summary = bt_plan_file_describe (self->plan);
  adw_status_page_set_title (self->status_page, bt_profile_get_name (bt_plan_get_profile (self->plan)));
  adw_status_page_set_description (self->status_page, summary);
}

BtWindow *
bt_window_new (BtApplication *app,
               GFile         *file)
{
  BtWindow *self = g_object_new (BT_TYPE_WINDOW, "application", app, NULL);

  g_set_object (&self->file, file);
  load_plan (self);

  return self;
}
