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

/* Reading and checking a plan happens in a worker thread, so the window
 * appears at once and stays responsive whatever the size of the file. */
static void
load_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const char *path = task_data;
  GError *error = NULL;
  BtPlan *plan;

  if (path != NULL)
    plan = bt_plan_file_load (path, &error);
  else
    plan = bt_plan_file_load_sample (&error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
on_plan_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BtWindow *self = BT_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  self->plan = g_task_propagate_pointer (G_TASK (result), &error);

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

static void
load_plan (BtWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_plan_loaded_cb, NULL);
  g_autofree char *path = NULL;

  if (self->file != NULL)
    path = g_file_get_path (self->file);
  else
    {
      path = bt_plan_file_default_path ();
      /* No plan yet: the sample opens as a new plan. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        g_clear_pointer (&path, g_free);
    }

  adw_status_page_set_title (self->status_page, _("Opening the plan…"));
  g_task_set_source_tag (task, load_plan);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, load_in_thread);
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
