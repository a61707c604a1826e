/* bt-window-state.c — the main window's size, kept across runs
 *
 * As GNOME apps do: the size and whether it was maximized go into
 * GSettings when the window closes, and come back when it opens.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window-state"

#include "config.h"

#include "bt-window-state.h"

void
bt_window_state_restore (GtkWindow *window,
                         GSettings *settings)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (settings == NULL)
    return;

  gtk_window_set_default_size (window,
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);
}

void
bt_window_state_save (GtkWindow *window,
                      GSettings *settings)
{
  int width = 0, height = 0;

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (settings == NULL)
    return;

  /* The default size follows the window's size while it is not maximized
   * (GTK 4 keeps it up to date), so it is the size to come back to. */
  gtk_window_get_default_size (window, &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
}
