/* bt-window.c — the main window
 *
 * Five pages in a view stack presenting a BtDocument: the plan is read in a
 * worker thread while the window shows, and the document saves it in the
 * background two seconds after the last change; closing waits for that
 * save. A plan from a newer version is never saved. On the first start (no
 * plan at the default place) the window asks: a plan of one's own, started
 * with the goal dialog, or the sample, which is saved nowhere.
 *
 * The window's first frame has only its header bar: the pages are built
 * once the plan is read and that frame is on screen, so the window appears
 * as fast as an empty one and its content a frame later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-chart-page.h"
#include "bt-history.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-first-frame.h"
#include "bt-goal-dialog.h"
#include "bt-overview-page.h"
#include "bt-plan-file.h"
#include "bt-print-operation.h"
#include "bt-window-private.h"
#include "bt-window-state.h"
#include "bt-application.h"

G_DEFINE_FINAL_TYPE (BtWindow, bt_window, ADW_TYPE_APPLICATION_WINDOW)

void
bt_window_toast (BtWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Longer than libadwaita 1.2 takes to slide a toast in (500 ms at most,
 * and a toast dismissed 200 ms in is already safe). */
#define TOAST_SLIDING_MS 600

static void update_history_actions (BtWindow *self);

static gboolean
toast_slid_in_cb (gpointer data)
{
  BtWindow *self = BT_WINDOW (data);

  self->toast_sliding_id = 0;
  update_history_actions (self);

  return G_SOURCE_REMOVE;
}

static void
on_history_toast_dismissed_cb (AdwToast *toast,
                               BtWindow *self)
{
  if (self->history_toast == toast)
    g_clear_weak_pointer (&self->history_toast);
}

/* A toast about the history replaces the last one: after Undo from the
 * toast of an edit, or Ctrl+Z pressed five times, one toast says what was
 * done last, not a queue of them for the next half minute.
 *
 * libadwaita 1.2 crashes when a toast is dismissed while it still slides
 * in: the overlay frees it once it has slid out, and the end of its
 * slide-in then touches what was freed (Ctrl+Z held down did it). So a
 * history toast is shown at once, ahead of any other (a toast it puts
 * off is kept, not freed, and comes back after it), which makes the time
 * it was added the time its slide-in began; one only just added is said
 * again in its place, and only an older one is dismissed. */
static void
history_toast (BtWindow *self,
               AdwToast *toast)
{
  if (self->history_toast != NULL && self->toast_sliding_id != 0)
    {
      adw_toast_set_title (self->history_toast, adw_toast_get_title (toast));
      adw_toast_set_button_label (self->history_toast, adw_toast_get_button_label (toast));
      adw_toast_set_action_name (self->history_toast, adw_toast_get_action_name (toast));
      g_object_unref (toast);
      return;
    }

  if (self->history_toast != NULL)
    {
      AdwToast *last = self->history_toast;

      g_clear_weak_pointer (&self->history_toast);
      adw_toast_dismiss (last);
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_history_toast_dismissed_cb), self, 0);
  g_set_weak_pointer (&self->history_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  /* Its Undo works once it is in: a toast's button dismisses its toast,
   * and pressed while the toast slides in, that is the crash above. */
  g_clear_handle_id (&self->toast_sliding_id, g_source_remove);
  self->toast_sliding_id = g_timeout_add (TOAST_SLIDING_MS, toast_slid_in_cb, self);
  update_history_actions (self);
}

/* A toast for an edit, with a button that takes it back. */
void
bt_window_toast_with_undo (BtWindow   *self,
                           const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_button_label (t, _("_Undo"));
  adw_toast_set_action_name (t, "win.toast-undo");
  history_toast (self, t);
}

static void
update_history_actions (BtWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && bt_history_get_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toast-undo",
                                 self->history != NULL && bt_history_get_can_undo (self->history) &&
                                 self->toast_sliding_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && bt_history_get_can_redo (self->history));
}

/* Undo or Redo, said, as in GNOME's apps: Ctrl+Z from another page
 * changes what is not on screen. */
static void
step_history (BtWindow *self,
              gboolean  undo)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (self->history == NULL ||
      !(undo ? bt_history_get_can_undo (self->history) : bt_history_get_can_redo (self->history)))
    return;

  label = g_strdup (undo ? bt_history_get_undo_label (self->history) : bt_history_get_redo_label (self->history));
  if (undo)
    bt_history_undo (self->history);
  else
    bt_history_redo (self->history);
  if (label == NULL)
    return;

  /* TRANSLATORS: a toast after Undo; %s is what was undone, e.g. "Add Person" */
  text = undo ? g_strdup_printf (_("Undone: %s"), label)
  /* TRANSLATORS: a toast after Redo; %s is what was done again, e.g. "Add Person" */
              : g_strdup_printf (_("Redone: %s"), label);
  history_toast (self, adw_toast_new (text));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (BT_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_history (BT_WINDOW (widget), FALSE);
}

/* The Undo button of an edit's toast. That toast goes away by itself
 * once clicked, so it is forgotten first: what was undone gets a toast of
 * its own rather than that one's place (see history_toast()). */
static void
toast_undo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  g_clear_weak_pointer (&self->history_toast);
  step_history (self, TRUE);
}

static void
on_close_flushed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(BtWindow) self = data;
  g_autoptr(GApplication) app = g_steal_pointer (&self->holding);

  self->closing = FALSE;

  /* Saved: close, unless a change came meanwhile, which is saved first.
   * Not saved: the window stays open, and the toast or the conflict
   * dialog says why. */
  if (bt_document_flush_finish (BT_DOCUMENT (source), result, NULL) &&
      BT_DOCUMENT (source) == self->document)
    {
      gboolean kept_open = FALSE;

      /* As gtk_window_close(), which does nothing for a window not shown. */
      g_signal_emit_by_name (self, "close-request", &kept_open);
      if (!kept_open)
        gtk_window_destroy (GTK_WINDOW (self));
    }

  if (app != NULL)
    g_application_release (app);
}

static gboolean
bt_window_close_request (GtkWindow *window)
{
  BtWindow *self = BT_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);

  if (BT_IS_APPLICATION (app))
    bt_window_state_save (window, bt_application_get_settings (BT_APPLICATION (app)));

  if (self->document == NULL || !bt_document_needs_flush (self->document))
    return GTK_WINDOW_CLASS (bt_window_parent_class)->close_request (window);

  /* Changes that cannot be saved keep the window open. */
  if (bt_document_get_conflict (self->document))
    {
      bt_window_show_conflict (self);
      return TRUE;
    }

  /* The window closes once the last save is on disk; the application
   * waits for it, so that quitting loses nothing either. */
  if (!self->closing)
    {
      self->closing = TRUE;
      if (app != NULL)
        {
          self->holding = G_APPLICATION (g_object_ref (app));
          g_application_hold (self->holding);
        }
      bt_document_flush_async (self->document, NULL, on_close_flushed_cb, g_object_ref (self));
    }

  return TRUE;
}

void
bt_window_update_title (BtWindow *self)
{
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->sample_banner), self->sample);
  gtk_revealer_set_reveal_child (self->sample_banner, self->sample);
  g_autofree char *default_path = bt_plan_file_default_path ();
  const char *path = bt_window_get_path (self);
  gboolean other = !self->sample && path != NULL && !g_str_equal (path, default_path);

  if (self->sample)
    subtitle = g_strdup (_("Sample plan — changes are not saved"));
  else if (path != NULL)
    subtitle = other ? g_path_get_basename (path) : g_strdup (_("Your plan"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* A plan of another file says which in the window's title, which the
   * desktop shows when the page switcher takes the header's room. */
  if (other)
    {
      /* TRANSLATORS: the window's title with a plan file open that is not the user's own; %s is its name, "future.json" */
      g_autofree char *title = g_strdup_printf (_("%s — Breakthrough"), subtitle);

      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), self->sample ? _("Sample Plan — Breakthrough") : _("Breakthrough"));

  /* The way back to the user's own plan from another file or the sample,
   * once there is one: Open would send them to look for it in a hidden
   * folder. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-own-plan",
                                 (other || self->sample) && g_file_test (default_path, G_FILE_TEST_IS_REGULAR));
}

/**
 * bt_window_get_chart_page:
 *
 * Returns: (transfer none): the chart page of @kind, built into its bin
 * now if it was not yet, or %NULL before the window shows a plan
 */
BtChartPage *
bt_window_get_chart_page (BtWindow    *self,
                          BtChartKind  kind)
{
  g_return_val_if_fail (kind < BT_N_CHARTS, NULL);

  if (self->stack == NULL)
    return NULL;

  if (self->chart_pages[kind] == NULL)
    {
      self->chart_pages[kind] = g_object_new (BT_TYPE_CHART_PAGE, "kind", kind, NULL);
      g_signal_connect_object (self->chart_pages[kind], "open-item", G_CALLBACK (bt_window_on_open_item_cb),
                               self, G_CONNECT_SWAPPED);
      bt_chart_page_set_plan (self->chart_pages[kind], self->plan);
      adw_bin_set_child (self->chart_bins[kind], GTK_WIDGET (self->chart_pages[kind]));
    }

  return self->chart_pages[kind];
}

/* A chart page is built when it is about to be shown: start-up builds
 * the overview alone. */
static void
on_visible_page_cb (BtWindow *self)
{
  GtkWidget *visible = adw_view_stack_get_visible_child (self->stack);

  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    if (visible == GTK_WIDGET (self->chart_bins[kind]))
      bt_window_get_chart_page (self, kind);
}

static void finish_after_paint (BtWindow *self);

/* The five pages, built once: the view switchers show them from now on.
 * The bar at the bottom, which a narrow window alone reveals, gets its
 * buttons once the first frame with the pages is on screen
 * (finish_window()): built and measured in that frame, even folded, they
 * held it up by a few milliseconds. */
static void
ensure_pages (BtWindow *self)
{
  const char *bins[BT_N_CHARTS] = { "roadmap_bin", "time_bin", "relationships_bin", "narratives_bin" };
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->stack != NULL)
    return;

  builder = gtk_builder_new_from_resource ("/io/github/breakthrough/Planner/bt-window-pages.ui");
  self->stack = ADW_VIEW_STACK (gtk_builder_get_object (builder, "stack"));
  self->overview_page = BT_OVERVIEW_PAGE (gtk_builder_get_object (builder, "overview_page"));
  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    self->chart_bins[kind] = ADW_BIN (gtk_builder_get_object (builder, bins[kind]));
  adw_bin_set_child (self->plan_bin, GTK_WIDGET (self->stack));
  adw_view_switcher_title_set_stack (self->switcher_title, self->stack);
  finish_after_paint (self);

  g_signal_connect_object (self->overview_page, "touchpoint-logged", G_CALLBACK (bt_window_on_touchpoint_logged_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overview_page, "open-item", G_CALLBACK (bt_window_on_open_item_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (on_visible_page_cb),
                           self, G_CONNECT_SWAPPED);

  bt_first_frame_watch (GTK_WINDOW (self), G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        "plan-frame", TRUE);
}

static void
show_plan (BtWindow *self)
{
  ensure_pages (self);

  bt_overview_page_set_plan (self->overview_page, self->plan);
  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    if (self->chart_pages[kind] != NULL)
      bt_chart_page_set_plan (self->chart_pages[kind], self->plan);
  on_visible_page_cb (self);

  bt_window_update_title (self);

  gtk_stack_set_visible_child_name (self->main_stack, "plan");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);

  g_clear_object (&self->history);
  self->history = bt_history_new ();
  g_signal_connect_object (self->history, "notify::can-undo", G_CALLBACK (update_history_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::can-redo", G_CALLBACK (update_history_actions),
                           self, G_CONNECT_SWAPPED);
  bt_overview_page_set_history (self->overview_page, self->history);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-in", !bt_plan_get_read_only (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-goal", !bt_plan_get_read_only (self->plan));

  gtk_widget_set_visible (GTK_WIDGET (self->read_only_banner), bt_plan_get_read_only (self->plan));
  gtk_revealer_set_reveal_child (self->read_only_banner, bt_plan_get_read_only (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !bt_plan_get_read_only (self->plan));
}

/**
 * bt_window_replace_plan:
 *
 * Shows @plan instead of the current one, as after a reload; the history
 * starts afresh.
 */
void
bt_window_replace_plan (BtWindow *self,
                        BtPlan   *plan)
{
  if (self->plan != NULL && self->plan != plan)
    bt_window_close_dialogs_on_plan (self);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);

  g_set_object (&self->plan, plan);
  show_plan (self);
  update_history_actions (self);
}

/* Reading and checking a plan happens in a worker thread, so the window
 * appears at once and stays responsive whatever the size of the file: the
 * document reads the user's plan, this the sample. */
static void
load_sample_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  GError *error = NULL;
  BtPlan *plan = bt_plan_file_load_sample_at (task_data, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
show_loaded_plan (BtWindow *self)
{
  if (self->loaded == NULL)
    return;

  self->plan = g_steal_pointer (&self->loaded);
  show_plan (self);
}

/* The keyboard shortcuts window is built the first time it is asked for
 * (Ctrl+? or the primary menu): building it costs as much as a page, and
 * most sessions never open it. Asked for again, the same window comes
 * back. */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (user_data);
  g_autoptr(GtkBuilder) builder = NULL;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      builder = gtk_builder_new_from_resource ("/io/github/breakthrough/Planner/bt-help-overlay.ui");
      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* The primary menu closes with the keyboard focus still inside it: after
 * an item of a submenu ("Export Chart", "Export Plan as JSON"), the menu
 * even moves it, as it turns back to its first page, onto that page's
 * button, which is hidden with the menu; GTK then finds no way back to
 * the window, and keys go nowhere. The focus goes back to the menu
 * button, where GTK puts it after an item of the first page. */
static void
on_menu_closed_cb (BtWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  if (focus != NULL && popover != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
    gtk_widget_grab_focus (GTK_WIDGET (self->menu_button));
}

/* The primary menu is built the first time it opens (a click, or F10, as
 * the button is the window's primary menu): its popover and submenus,
 * built with the window, held up the frame that first shows the plan by
 * a few milliseconds. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  BtWindow *self = BT_WINDOW (user_data);

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  g_signal_connect_object (gtk_menu_button_get_popover (button), "closed",
                           G_CALLBACK (on_menu_closed_cb), self, G_CONNECT_SWAPPED);
}

/* What no one needs in the frame that first shows the plan, or the
 * Welcome page, is added once that frame is on screen: the keyboard
 * shortcuts action (Ctrl+?, whose window GtkApplication would build into
 * the window before its first frame), for X11 the window icon, and the
 * bottom bar's page buttons. */
static void
finish_window (BtWindow *self)
{
  const GActionEntry help_overlay_entry = { "show-help-overlay", show_help_overlay_cb };

  g_clear_handle_id (&self->finish_id, g_source_remove);
  if (self->stack != NULL && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);

  if (self->finished)
    return;
  self->finished = TRUE;

  g_action_map_add_action_entries (G_ACTION_MAP (self), &help_overlay_entry, 1, self);
  /* Its own icon name too: GTK applies the default icon only to windows
   * realized after it is set, and this one is on screen. */
  gtk_window_set_default_icon_name (APP_ID);
  gtk_window_set_icon_name (GTK_WINDOW (self), APP_ID);
}

static gboolean
finish_window_cb (gpointer data)
{
  BtWindow *self = BT_WINDOW (data);

  self->finish_id = 0;
  finish_window (self);

  return G_SOURCE_REMOVE;
}

static void
on_finish_painted_cb (GdkFrameClock *clock,
                      BtWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_finish_painted_cb, self);
  if (self->finish_id == 0)
    self->finish_id = g_idle_add (finish_window_cb, self);
}

/* finish_window() once the next frame is on screen; at once in a window
 * not shown, as in the tests. */
static void
finish_after_paint (BtWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || clock == NULL)
    {
      finish_window (self);
      return;
    }
  /* not before this frame, if an earlier one had asked */
  g_clear_handle_id (&self->finish_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (clock, on_finish_painted_cb, self);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_finish_painted_cb), self, 0);
}

static gboolean
show_loaded_plan_cb (gpointer data)
{
  BtWindow *self = BT_WINDOW (data);

  if (self->loaded != NULL)
    {
      show_loaded_plan (self);
      finish_after_paint (self);
    }

  return G_SOURCE_REMOVE;
}

/* The first frame is on screen: the pages are built from the main loop,
 * not while the frame clock is still busy with that frame. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   BtWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, self);
  self->painted = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_loaded_plan_cb, g_object_ref (self), g_object_unref);
}

static void
bt_window_map (GtkWidget *widget)
{
  BtWindow *self = BT_WINDOW (widget);

  GTK_WIDGET_CLASS (bt_window_parent_class)->map (widget);

  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_paint_cb), self, 0);
  if (!self->finished)
    finish_after_paint (self);
}

static void
plan_loaded (BtWindow     *self,
             BtPlan       *plan,
             const GError *error)
{
  g_clear_handle_id (&self->opening_id, g_source_remove);
  gtk_spinner_stop (self->opening_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->opening_spinner), FALSE);

  if (plan == NULL)
    {
      /* The file is left as it is: nothing is saved over a plan that did
       * not load. */
      const char *path = bt_window_get_path (self);
      g_autofree char *name = path ? g_path_get_basename (path) : g_strdup ("");
      g_autofree char *title = g_strdup_printf (_("“%s” could not be opened"), name);

      adw_status_page_set_icon_name (self->status_page, "dialog-warning-symbolic");
      g_autofree char *readable = bt_window_readable_error (error->message);

      adw_status_page_set_title (self->status_page, title);
      adw_status_page_set_description (self->status_page, readable);

      /* The backup of the last save may still read: offer it. */
      if (path != NULL)
        {
          g_autofree char *backup = bt_plan_file_backup_path (path);

          if (g_file_test (backup, G_FILE_TEST_IS_REGULAR))
            {
              g_free (self->unreadable);
              self->unreadable = g_strdup (path);
              gtk_widget_set_visible (self->restore_button, TRUE);
            }
        }
      bt_window_set_document (self, NULL);
      return;
    }

  /* A window on screen shows its plan after its first frame; one not
   * shown yet, as in the tests, at once. */
  g_set_object (&self->loaded, plan);
  if (self->painted || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      show_loaded_plan (self);
      finish_after_paint (self);
    }
}

static void
on_document_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      data)
{
  g_autoptr(BtWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (BT_DOCUMENT (source) != self->document)
    return;   /* another plan took its place meanwhile */

  if (bt_document_load_finish (BT_DOCUMENT (source), result, &error))
    plan_loaded (self, bt_document_get_plan (self->document), NULL);
  else
    plan_loaded (self, NULL, error);
}

static void
on_sample_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  BtWindow *self = BT_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = g_task_propagate_pointer (G_TASK (result), &error);

  if (plan != NULL && self->document != NULL)
    bt_document_set_plan (self->document, plan);
  plan_loaded (self, plan, error);
}

static gboolean
show_opening_cb (gpointer data)
{
  BtWindow *self = data;

  self->opening_id = 0;
  adw_status_page_set_title (self->status_page, _("Opening the plan…"));
  gtk_widget_set_visible (GTK_WIDGET (self->opening_spinner), TRUE);
  gtk_spinner_start (self->opening_spinner);

  return G_SOURCE_REMOVE;
}

static void load_plan (BtWindow *self,
                       GFile    *file);

/* The unreadable plan is moved aside, never deleted, and the backup takes
 * its place: nothing the user had is lost, whichever file was right. */
static void
on_restore_clicked_cb (BtWindow *self)
{
  g_autofree char *backup = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%S");
  g_autoptr(GError) error = NULL;
  gsize length;

  if (self->unreadable == NULL)
    return;

  backup = bt_plan_file_backup_path (self->unreadable);
  aside = g_strdup_printf ("%s.unreadable-%s", self->unreadable, stamp);

  if (!g_file_get_contents (backup, &contents, &length, &error) ||
      g_rename (self->unreadable, aside) != 0 ||
      !bt_plan_file_write_private (self->unreadable, contents, length, FALSE, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The backup could not be restored: %s"),
                                                  error ? error->message : g_strerror (errno));
      adw_status_page_set_description (self->status_page, message);
      return;
    }

  gtk_widget_set_visible (self->restore_button, FALSE);
  {
    g_autoptr(GFile) file = g_file_new_for_path (self->unreadable);

    g_clear_pointer (&self->unreadable, g_free);
    load_plan (self, file);
  }
  bt_window_toast (self, _("The backup was restored; the unreadable plan is kept beside it"));
}

/* The first start: no plan at the default place. The user chooses
 * between a plan of their own and the sample; neither is assumed. */
static gboolean
watch_welcome_frame_cb (gpointer data)
{
  GtkWindow *window = data;
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));

  if (app != NULL)
    bt_first_frame_watch (window, app, "plan-frame", TRUE);

  return G_SOURCE_REMOVE;
}

static void
show_welcome (BtWindow *self)
{
  bt_window_set_document (self, NULL);
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_widget_grab_focus (self->start_own_button);
  /* before the window is shown, once it is (bt_window_map()) */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    finish_after_paint (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-goal", FALSE);
  /* What the start-up benchmark waits for on a fresh home folder, after
   * the window's first frame (which the application watches once this
   * returns). */
  g_idle_add_full (G_PRIORITY_HIGH, watch_welcome_frame_cb, g_object_ref (self), g_object_unref);
}

static void
load_plan (BtWindow *self,
           GFile    *file)
{
  g_autoptr(GFile) default_file = NULL;
  g_autoptr(BtDocument) document = NULL;

  if (file == NULL && !self->sample)
    {
      g_autofree char *default_path = bt_plan_file_default_path ();

      if (!g_file_test (default_path, G_FILE_TEST_EXISTS))
        {
          show_welcome (self);
          return;
        }
      file = default_file = g_file_new_for_path (default_path);
    }

  /* The sample is read from the app's resources and saved nowhere. */
  document = bt_document_new (self->sample ? NULL : file);
  bt_window_set_document (self, document);

  /* Said only when it takes long enough to be read: a plan that opens at
   * once does not flash it. */
  adw_status_page_set_icon_name (self->status_page, NULL);
  adw_status_page_set_title (self->status_page, "");
  adw_status_page_set_description (self->status_page, NULL);
  g_clear_handle_id (&self->opening_id, g_source_remove);
  self->opening_id = g_timeout_add (300, show_opening_cb, self);

  if (self->sample)
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_sample_loaded_cb, NULL);
      GDate *today = g_date_new ();

      /* The sample as if kept up to today (the clock is read here, on
       * the main thread). */
      bt_today (today);
      g_task_set_task_data (task, today, (GDestroyNotify) g_date_free);
      g_task_set_source_tag (task, load_plan);
      g_task_run_in_thread (task, load_sample_in_thread);
    }
  else
    bt_document_load_async (document, NULL, on_document_loaded_cb, g_object_ref (self));
}

/* ---- the goal, the sample and the user's own plan ---- */

static void
on_goal_saved_cb (BtWindow *self)
{
  bt_window_toast_with_undo (self, _("Goal changed"));
}

static void
edit_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  BtGoalDialog *dialog;

  if (self->plan == NULL || self->history == NULL || bt_plan_get_read_only (self->plan))
    return;

  dialog = bt_goal_dialog_new (GTK_WINDOW (self), self->plan, self->history);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_goal_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
explore_sample_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->plan != NULL)
    return;

  self->sample = TRUE;
  gtk_stack_set_visible_child_name (self->main_stack, "status");
  load_plan (self, NULL);
}

/**
 * bt_window_show_document:
 *
 * Shows @document's plan, just read or written, in this window instead of
 * what it showed: the sample, the first start or another plan already
 * saved.
 */
void
bt_window_show_document (BtWindow   *self,
                         BtDocument *document)
{
  bt_window_set_document (self, document);
  self->sample = FALSE;
  g_clear_handle_id (&self->opening_id, g_source_remove);
  finish_window (self);
  bt_window_replace_plan (self, bt_document_get_plan (document));
}

static void
on_new_plan_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      data)
{
  g_autoptr(BtWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!bt_document_save_finish (BT_DOCUMENT (source), result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Your plan could not be started: %s"), error->message);

      bt_window_toast (self, message);
      return;
    }

  /* The overview says what to do next; the window takes the keyboard
   * back from the dialog. */
  bt_window_show_document (self, BT_DOCUMENT (source));
  gtk_window_present (GTK_WINDOW (self));
}

static void
on_new_plan_goal_saved_cb (BtGoalDialog *dialog,
                           BtWindow     *self)
{
  BtPlan *plan = g_object_get_data (G_OBJECT (dialog), "bt-new-plan");
  g_autofree char *path = bt_plan_file_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BtDocument) document = NULL;

  if (bt_goal_dialog_get_keep_categories (dialog))
    bt_plan_add_default_categories (plan);

  /* Another window may have started one meanwhile: never written over. */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      bt_window_open_file (self, file);
      bt_window_toast (self, _("Your plan was already started: it is open"));
      return;
    }

  document = bt_document_new (NULL);
  bt_document_set_plan (document, plan);
  bt_document_save_async (document, file, NULL, on_new_plan_saved_cb, g_object_ref (self));
}

static void
start_own_plan_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;
  g_autoptr(BtPlan) plan = bt_plan_new ();
  BtGoalDialog *dialog;

  if (settings != NULL)
    bt_profile_set_target_share (bt_plan_get_profile (plan), g_settings_get_double (settings, "target-share"));

  dialog = bt_goal_dialog_new_for_new_plan (GTK_WINDOW (self), plan);
  g_object_set_data_full (G_OBJECT (dialog), "bt-new-plan", g_object_ref (plan), g_object_unref);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_new_plan_goal_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  g_autoptr(BtPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GDate day;

  if (self->plan == NULL)
    return;

  bt_today (&day);
  op = bt_print_operation_new (self->plan, &day);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (op), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    bt_window_toast (self, error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    bt_print_operation_save_settings (op);
}

/* Alt+1 to Alt+5: the pages, in the order the view switcher shows them. */
static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkWidget *page;

  if (self->stack == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->stack, g_variant_get_string (parameter, NULL));
  /* The keyboard goes with the eyes: into the page shown, at its first
   * control, not back to the header bar's first button. */
  page = adw_view_stack_get_visible_child (self->stack);
  if (page != NULL && gtk_widget_get_visible (GTK_WIDGET (self->stack)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Ctrl+F: the search of the page shown, where it has one. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkWidget *page;

  if (self->stack == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->stack)))
    return;

  /* The chart pages stand in bins, built when first shown. */
  page = adw_view_stack_get_visible_child (self->stack);
  if (ADW_IS_BIN (page))
    page = adw_bin_get_child (ADW_BIN (page));
  if (BT_IS_CHART_PAGE (page))
    bt_chart_page_focus_search (BT_CHART_PAGE (page));
}

static void
bt_window_dispose (GObject *object)
{
  BtWindow *self = BT_WINDOW (object);

  g_clear_handle_id (&self->opening_id, g_source_remove);
  g_clear_handle_id (&self->finish_id, g_source_remove);
  g_clear_object (&self->loaded);
  g_clear_weak_pointer (&self->history_toast);
  g_clear_handle_id (&self->toast_sliding_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  bt_window_set_document (self, NULL);
  g_clear_pointer (&self->unreadable, g_free);

  G_OBJECT_CLASS (bt_window_parent_class)->dispose (object);
}

static void
bt_window_class_init (BtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bt_window_dispose;
  window_class->close_request = bt_window_close_request;
  widget_class->map = bt_window_map;

  g_type_ensure (BT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (BT_TYPE_CHART_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, sample_banner);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, start_own_button);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, restore_button);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, opening_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, plan_bin);

  bt_window_files_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", NULL, toast_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", NULL, bt_window_check_in_action);
  gtk_widget_class_install_action (widget_class, "win.edit-goal", NULL, edit_goal_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample", NULL, explore_sample_action);
  gtk_widget_class_install_action (widget_class, "win.start-own-plan", NULL, start_own_plan_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  {
    const char *pages[] = { "overview", "roadmap", "time", "relationships", "narratives" };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "s", pages[i]);
  }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.check-in", NULL);
}

static void
bt_window_init (BtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-goal", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-own-plan", FALSE);
  update_history_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-report", FALSE);
}

BtWindow *
bt_window_new (BtApplication *app,
               GFile         *file)
{
  BtWindow *self = g_object_new (BT_TYPE_WINDOW, "application", app, NULL);

  if (app != NULL)
    bt_window_state_restore (GTK_WINDOW (self), bt_application_get_settings (app));
  load_plan (self, file);

  return self;
}
