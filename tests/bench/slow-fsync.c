/* slow-fsync.c — a disk whose every fsync() and fdatasync() takes 200 ms
 *
 * LD_PRELOAD this into a program to see what a slow disk (a busy laptop
 * drive, a network home folder) does to it: bench-stalls runs the app's
 * autosave under it. BT_SLOW_FSYNC_MS sets another delay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <dlfcn.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static void
wait_for_the_disk (void)
{
  const char *ms = getenv ("BT_SLOW_FSYNC_MS");
  long delay = ms != NULL ? strtol (ms, NULL, 10) : 200;
  struct timespec t = { delay / 1000, (delay % 1000) * 1000000L };

  while (nanosleep (&t, &t) != 0)
    ;
}

int
fsync (int fd)
{
  static int (*real_fsync) (int);

  if (real_fsync == NULL)
    real_fsync = (int (*) (int)) dlsym (RTLD_NEXT, "fsync");
  wait_for_the_disk ();

  return real_fsync (fd);
}

int
fdatasync (int fd)
{
  static int (*real_fdatasync) (int);

  if (real_fdatasync == NULL)
    real_fdatasync = (int (*) (int)) dlsym (RTLD_NEXT, "fdatasync");
  wait_for_the_disk ();

  return real_fdatasync (fd);
}
