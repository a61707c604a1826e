/* bt-first-frame.c — report the first frame, for the start-up benchmark
 *
 * With BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME set, the app prints when its
 * first frame was painted (CLOCK_MONOTONIC, microseconds) and its peak
 * memory, then quits. tests/bench/bench-startup starts it that way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-first-frame"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bt-first-frame.h"

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
                   GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, app);
  printf ("first-frame %" G_GINT64_FORMAT " %ld\n", g_get_monotonic_time (), peak_memory_kib ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_map_cb (GtkWidget    *widget,
           GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint_cb), app);
}

void
bt_first_frame_watch (GtkWindow    *window,
                      GApplication *app)
{
  if (g_getenv ("BREAKTHROUGH_EXIT_AFTER_FIRST_FRAME") == NULL)
    return;

  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), app);
}
