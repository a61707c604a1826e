/* bt-first-frame.c — report frames, for the start-up benchmark
 *
 * With BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME set, the app prints when a frame
 * was painted (CLOCK_MONOTONIC, microseconds) and its peak memory so far:
 * "first-frame" for the window's first frame, "plan-frame" for the first
 * frame with the plan on screen; then it quits. tests/bench/bench-startup
 * starts it that way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-first-frame"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bt-first-frame.h"

typedef struct
{
  GApplication *app;
  const char   *label;
  gboolean      quit;
} Watch;

static long
peak_memory_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line != NULL ? strtol (line + strlen ("VmHWM:"), NULL, 10) : -1;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Watch         *watch)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, watch);
  printf ("%s %" G_GINT64_FORMAT " %ld\n", watch->label, g_get_monotonic_time (), peak_memory_kib ());
  fflush (stdout);
  if (watch->quit)
    g_application_quit (watch->app);
  g_free (watch);
}

static void
watch_clock (GtkWidget *widget,
             Watch     *watch)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint_cb), watch);
  gtk_widget_queue_draw (widget);
}

static void
on_map_cb (GtkWidget *widget,
           Watch     *watch)
{
  g_signal_handlers_disconnect_by_func (widget, on_map_cb, watch);
  watch_clock (widget, watch);
}

/**
 * bt_first_frame_watch:
 * @label: what the line printed says the frame is
 * @quit: whether to quit @app once it is painted
 *
 * Reports the next frame of @window painted, once it is mapped.
 */
void
bt_first_frame_watch (GtkWindow    *window,
                      GApplication *app,
                      const char   *label,
                      gboolean      quit)
{
  Watch *watch;

  if (g_getenv ("BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME") == NULL || app == NULL)
    return;

  watch = g_new0 (Watch, 1);
  watch->app = app;
  watch->label = label;
  watch->quit = quit;

  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    watch_clock (GTK_WIDGET (window), watch);
  else
    g_signal_connect (window, "map", G_CALLBACK (on_map_cb), watch);
}
