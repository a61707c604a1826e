/* replay.c — runs a fuzz harness on files, for the normal test suite: the
 * seed corpus and every crasher the fuzzers found stay tests.
 * Usage: NAME-replay FILE-OR-FOLDER…  (TAP output)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  if (dir == NULL)
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_strdup (path));
      return;
    }

  for (const char *name = g_dir_read_name (dir); name != NULL; name = g_dir_read_name (dir))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (name[0] != '.')
        collect (child, files);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);

  if (files->len == 0)
    {
      printf ("1..1\nnot ok 1 - no input files: the seed corpus is missing\n");
      return 1;
    }

  printf ("1..%u\n", files->len);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_file_get_contents (files->pdata[i], &contents, &length, NULL))
        {
          printf ("not ok %u - %s could not be read\n", i + 1, (char *) files->pdata[i]);
          return 1;
        }
      /* A failing check aborts: meson reports the file last printed. */
      printf ("# %s\n", (char *) files->pdata[i]);
      fflush (stdout);
      LLVMFuzzerTestOneInput ((const unsigned char *) contents, length);
      printf ("ok %u - %s\n", i + 1, (char *) files->pdata[i]);
    }

  return 0;
}
