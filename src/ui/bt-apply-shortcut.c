/* bt-apply-shortcut.c — Ctrl+Return applies a dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-apply-shortcut"

#include "config.h"

#include "bt-apply-shortcut.h"

/**
 * bt_apply_shortcut_click:
 * @button: a dialog's Save or Apply button
 *
 * Clicks @button from the keyboard, when it can be clicked.
 *
 * Returns: whether it was clicked
 */
gboolean
bt_apply_shortcut_click (GtkWidget *button)
{
  if (!gtk_widget_is_sensitive (button) || !gtk_widget_get_visible (button))
    return FALSE;

  g_signal_emit_by_name (button, "clicked");

  return TRUE;
}

static gboolean
on_apply_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   button)
{
  return bt_apply_shortcut_click (button);
}

/**
 * bt_apply_shortcut_add:
 * @button: the dialog's Save or Apply button
 *
 * Ctrl+Return (and Ctrl+Enter on the keypad) anywhere in @dialog clicks
 * @button, as the shortcuts window says; only when the button itself can
 * be clicked. It is caught before the focused field sees it: a text view
 * would take it as a new line.
 */
void
bt_apply_shortcut_add (GtkWidget *dialog,
                       GtkWidget *button)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkShortcutTrigger *trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                             gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));
  GtkShortcutAction *action = gtk_callback_action_new (on_apply_shortcut_cb, g_object_ref (button), g_object_unref);

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), gtk_shortcut_new (trigger, action));
  gtk_widget_add_controller (dialog, shortcuts);
}
