/* bt-safe-file.c — writing files so that a crash never leaves half of one,
 * and reading files without reading more than asked
 *
 * Used by saving and exporting the plan, the charts' image files and the
 * CSV export: each replaces its file atomically and durably, or writes
 * into a terminal or a pipe, and refuses a read-only file with a message
 * naming it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-safe-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bt-safe-file.h"

/* How long a pipe read from may stay silent before it is given up. */
#define PIPE_WAIT_SECONDS 30

char *
bt_plan_file_backup_path (const char *path)
{
  return g_strconcat (path, ".bak", NULL);
}

/* Where a path leads: a link's target, followed link by link, so that
 * saving through a symbolic link replaces the file it points at and leaves
 * the link in place. A dangling link leads to the file it names, which the
 * save then creates; a loop of links, or one too long, leads nowhere. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);
      free (resolved);
      return copy;
    }

  /* What is there but has no name of its own: /dev/stdout into a pipe. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      return g_steal_pointer (&current);
  }

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, link, NULL);
          g_free (current);
          current = g_steal_pointer (&joined);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP,
               _("“%s” is a symbolic link that leads in a loop: nothing was written"), path);
  return NULL;
}

/* Keeps the file now at @target as its backup without copying it: a hard
 * link to the old contents survives the rename that replaces @target. A
 * file @worth_keeping refuses never becomes the backup: the last good one
 * is worth more. */
static char *
keep_backup (const char     *target,
             BtBackupCheck   worth_keeping)
{
  g_autofree char *backup = bt_plan_file_backup_path (target);
  g_autofree char *tmp = g_strconcat (backup, ".tmp", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (target, G_FILE_TEST_IS_REGULAR))
    return NULL;

  if (!worth_keeping (target))
    {
      g_debug ("The file being replaced is not worth keeping: the backup is kept as it was");
      return NULL;
    }

  g_unlink (tmp);
  if (link (target, tmp) == 0)
    return g_steal_pointer (&tmp);

  /* Some file systems have no hard links: copy. */
  if (g_file_get_contents (target, &contents, &length, NULL) &&
      g_file_set_contents_full (tmp, contents, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, NULL))
    return g_steal_pointer (&tmp);

  g_unlink (tmp);
  return NULL;
}

/* The old file, kept aside by keep_backup(), becomes the backup once the
 * new one is written; if it was not, the backup stays as it was. */
static void
finish_backup (const char *target,
               char       *pending,
               gboolean    written)
{
  g_autofree char *backup = NULL;

  if (pending == NULL)
    return;
  backup = bt_plan_file_backup_path (target);
  if (!written || g_rename (pending, backup) != 0)
    g_unlink (pending);
  else
    g_chmod (backup, 0600);
  g_free (pending);
}


static gboolean
is_leftover_name (const char *name,
                  const char *base)
{
  gsize n = strlen (base);
  g_autofree char *backup_tmp = g_strconcat (base, ".bak.tmp", NULL);

  if (g_str_equal (name, backup_tmp))
    return TRUE;

  /* g_file_set_contents_full() writes to BASE.XXXXXX, six characters from
   * the mkstemp alphabet, and renames it over BASE. */
  if (strncmp (name, base, n) != 0 || name[n] != '.' || strlen (name + n + 1) != 6)
    return FALSE;

  for (const char *p = name + n + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * bt_plan_file_clean_leftovers:
 * @path: a plan file
 *
 * Removes the temporary files a save killed half-way leaves beside the
 * plan: only names of exactly that pattern, only regular files of this
 * user, and only ones older than ten minutes, so that a save under way in
 * another window is never disturbed.
 *
 * Returns: how many were removed
 */
guint
bt_plan_file_clean_leftovers (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *dir_name = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  target = resolve_target (path, NULL);
  if (target == NULL)
    return 0;
  dir_name = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  dir = g_dir_open (dir_name, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      GStatBuf st;

      if (!is_leftover_name (name, base))
        continue;

      file = g_build_filename (dir_name, name, NULL);
      if (g_lstat (file, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid () ||
          now - (gint64) st.st_mtime < 10 * 60)
        continue;

      if (g_unlink (file) == 0)
        removed++;
    }

  if (removed > 0)
    g_debug ("Removed %u temporary files left by an interrupted save", removed);

  return removed;
}

/* Writes all of @data into @fd, which the caller keeps. */
static gboolean
write_all (int          fd,
           const char  *path,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOSPC)
            g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                         _("No space left on “%s”: it could not take what was written"), path);
          else
            g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                         _("Could not write into “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* A FIFO or a character device is not a file to replace: the data goes
 * into it, and the node stays what it was. */
static gboolean
write_into (const char  *target,
            const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  /* Not waiting for ever: a pipe nobody reads would hold the open so. A
   * reader has a while to come (one started beside the export), then the
   * export gives up. */
  gint64 give_up = g_get_monotonic_time () + PIPE_WAIT_SECONDS * G_USEC_PER_SEC;
  int fd;
  gboolean ok;

  while ((fd = g_open (target, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK, 0)) < 0 &&
         errno == ENXIO && g_get_monotonic_time () < give_up)
    g_usleep (50 * 1000);
  if (fd < 0 && errno == ENXIO)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                   _("Nothing read from the pipe “%s” in %d seconds: nothing was written"), path,
                   PIPE_WAIT_SECONDS);
      return FALSE;
    }
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s” for writing: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  /* Once open, writes wait for the reader as usual. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  ok = write_all (fd, path, data, length, error);
  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write into “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return ok;
}

/* Whether the file's owner, or whoever this is, has made it read-only:
 * root may write anything, yet a plan its owner locked stays locked. */
static gboolean
is_read_only (const GStatBuf *st,
              const char     *target)
{
  if (st->st_uid == geteuid ())
    return (st->st_mode & S_IWUSR) == 0;

  return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || g_access (target, W_OK) != 0;
}

static gboolean
check_writable (const GStatBuf  *st,
                const char      *target,
                const char      *path,
                GError         **error)
{
  if (S_ISREG (st->st_mode) && is_read_only (st, target))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                   _("“%s” is read-only: it was not replaced"), path);
      return FALSE;
    }

  return TRUE;
}

/**
 * bt_safe_file_check_replaceable:
 * @path: a file that is to be replaced later
 *
 * Says now what bt_safe_file_write() would refuse for a read-only file,
 * before work whose result could not be saved (an import's preview).
 *
 * Returns: %FALSE, with @error, when @path is a read-only file
 */
gboolean
bt_safe_file_check_replaceable (const char  *path,
                                GError     **error)
{
  g_autofree char *target = resolve_target (path, NULL);
  GStatBuf st;

  if (target == NULL || g_stat (target, &st) != 0)
    return TRUE;   /* bt_safe_file_write() says what is wrong */

  return check_writable (&st, target, path, error);
}

/**
 * bt_safe_file_write:
 * @worth_keeping: (nullable): when given, the file's previous contents
 *   are kept as `PATH.bak` if it says they are worth keeping
 *
 * Writes @data to @path atomically and durably, readable by the user alone:
 * after a crash or a failed write the file holds either its old or its new
 * contents, never a mix. The folder is made, 0700, if it is missing.
 *
 * Only a regular file, or a path where nothing is yet, is replaced; a FIFO
 * or a character device (a terminal, `/dev/null`) is written into; a
 * read-only file, a folder and anything else are refused, with a message
 * naming @path.
 */
gboolean
bt_safe_file_write (const char     *path,
                    const char     *data,
                    gsize           length,
                    BtBackupCheck   worth_keeping,
                    GError        **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  char *pending_backup = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _("No file name was given: nothing was written"));
      return FALSE;
    }

  /* "reports/" names a folder, not a file in it: refused before the
   * folder would be made. */
  if (g_str_has_suffix (path, G_DIR_SEPARATOR_S))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("“%s” is a folder: give the name of a file to write"), path);
      return FALSE;
    }

  target = resolve_target (path, error);
  if (target == NULL)
    return FALSE;

  if (g_stat (target, &st) == 0)
    {
      if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
        return write_into (target, path, data, length, error);

      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                       _("“%s” is a folder: give the name of a file to write"), path);
          return FALSE;
        }

      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("“%s” is neither a file nor a pipe nor a terminal: nothing was written"), path);
          return FALSE;
        }

      if (!check_writable (&st, target, path, error))
        return FALSE;
    }

  dir = g_path_get_dirname (target);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The old file is linked aside first, and becomes the backup only once
   * the new one is written: a failed save (a full disk) leaves both the
   * file and its backup as they were (found by a tester). */
  if (worth_keeping != NULL)
    pending_backup = keep_backup (target, worth_keeping);

  /* CONSISTENT | DURABLE: a temporary file, fsync, rename, and a fsync of
   * the folder. A failed write leaves the original untouched. */
  {
    g_autoptr(GError) local_error = NULL;
    gboolean written = g_file_set_contents_full (target, data, length,
                                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                                 0600, &local_error);

    finish_backup (target, g_steal_pointer (&pending_backup), written);
    if (written)
      return TRUE;

    /* GLib names its temporary file; a person wants the folder. */
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
        g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
        g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
      {
        g_set_error (error, G_FILE_ERROR, local_error->code,
                     _("Nothing can be written in the folder “%s”: it is read-only for you"), dir);
        return FALSE;
      }
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
      {
        g_set_error (error, G_FILE_ERROR, local_error->code,
                     _("The disk is full: the file on disk is as it was"));
        return FALSE;
      }

    g_debug ("Writing failed: %s", local_error->message);
    g_set_error (error, G_FILE_ERROR, local_error->code,
                 _("Could not write “%s”: %s"), path,
                 g_strerror (local_error->code == G_FILE_ERROR_ISDIR ? EISDIR :
                             local_error->code == G_FILE_ERROR_NOTDIR ? ENOTDIR :
                             local_error->code == G_FILE_ERROR_NAMETOOLONG ? ENAMETOOLONG :
                             local_error->code == G_FILE_ERROR_NOENT ? ENOENT :
                             EIO));
    return FALSE;
  }
}

/**
 * bt_plan_file_write_output:
 * @path: the file to write, or `-` for standard output
 *
 * Writes an export: bt_safe_file_write() without a backup, and `-`
 * is standard output.
 */
gboolean
bt_plan_file_write_output (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    {
      fflush (stdout);
      return write_all (STDOUT_FILENO, _("standard output"), data, length, error);
    }

  /* /dev/stdout when standard output is a file: write where the shell
   * pointed it (`>>` appends), rather than replace the file under it. */
  {
    GStatBuf out_st, path_st;

    if (fstat (STDOUT_FILENO, &out_st) == 0 && S_ISREG (out_st.st_mode) &&
        g_stat (path, &path_st) == 0 &&
        out_st.st_dev == path_st.st_dev && out_st.st_ino == path_st.st_ino)
      {
        fflush (stdout);
        return write_all (STDOUT_FILENO, path, data, length, error);
      }
  }

  return bt_safe_file_write (path, data, length, NULL, error);
}

/**
 * bt_plan_file_check_output:
 * @output: where an export is to be written
 * @plan_path: the plan it is made from
 *
 * Refuses an export whose output is the plan itself — the same file by
 * device and inode, whatever links lead there — so that an export never
 * replaces its own input; or the plan's backup, its previous version.
 */
gboolean
bt_plan_file_check_output (const char  *output,
                           const char  *plan_path,
                           GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *target_backup = NULL;
  GStatBuf out_st;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (plan_path != NULL, FALSE);

  if (g_str_equal (output, "-") || output[0] == '\0' ||
      g_stat (output, &out_st) != 0 || !S_ISREG (out_st.st_mode))
    return TRUE;

  /* The plan, its backup beside it, and the backup beside the file a
   * link to the plan leads to, where saves keep it. */
  target = resolve_target (plan_path, NULL);
  backup = bt_plan_file_backup_path (plan_path);
  target_backup = target != NULL ? bt_plan_file_backup_path (target) : NULL;
  {
    const char *guarded[] = { plan_path, backup, target_backup };

    for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
      {
        GStatBuf st;

        if (guarded[i] == NULL || g_stat (guarded[i], &st) != 0 ||
            st.st_dev != out_st.st_dev || st.st_ino != out_st.st_ino)
          continue;
        if (i == 0)
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” is the plan itself: the export would replace it. Choose another file"), output);
        else
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” is the plan’s backup: the export would replace it. Choose another file"), output);
        return FALSE;
      }
  }

  return TRUE;
}

/**
 * bt_file_read_at_most:
 * @path: the file to read
 * @max_bytes: the most it may hold
 * @contents: (out) (transfer full): its bytes, NUL-terminated
 * @length: (out): how many
 * @too_large: (out): set to %TRUE, with %FALSE returned and no error set,
 *   when the file holds more than @max_bytes
 *
 * Reads a file, but never more than @max_bytes + 1 bytes of it: a pipe or a
 * device (/dev/zero) has no size to check before, and would otherwise be
 * read until memory runs out.
 *
 * Returns: %TRUE when the whole file was read
 */
gboolean
bt_file_read_at_most (const char  *path,
                      gsize        max_bytes,
                      char       **contents,
                      gsize       *length,
                      gboolean    *too_large,
                      GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  GStatBuf st;
  gboolean regular;
  int fd;

  g_return_val_if_fail (max_bytes < G_MAXUINT, FALSE);

  *contents = NULL;
  *length = 0;
  *too_large = FALSE;

  /* The size of a regular file is known before reading any of it. */
  regular = g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
  if (regular && (guint64) st.st_size > max_bytes)
    {
      *too_large = TRUE;
      return FALSE;
    }

  /* A pipe is opened without waiting for a writer, which might never
   * come and would hold the open for ever; then a writer has a while to
   * send something (or to close), and reads wait for the rest as usual. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Failed to open file “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) == 0 && S_ISFIFO (st.st_mode))
    {
      struct pollfd wait_for = { fd, POLLIN, 0 };
      int ready;

      do
        ready = poll (&wait_for, 1, PIPE_WAIT_SECONDS * 1000);
      while (ready < 0 && errno == EINTR);
      if (ready == 0)
        {
          g_autofree char *display = g_filename_display_name (path);

          close (fd);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NXIO,
                       _("Nothing came through the pipe “%s” in %d seconds"), display, PIPE_WAIT_SECONDS);
          return FALSE;
        }
    }
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);

  buffer = g_byte_array_sized_new (regular ? (guint) st.st_size + 1 : 64 * 1024);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Failed to read from file “%s”: %s"), display, g_strerror (saved));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      /* Up to one byte more than allowed: enough to know it is too much. */
      g_byte_array_append (buffer, chunk, MIN ((gsize) n, max_bytes + 1 - buffer->len));
      if (buffer->len > max_bytes)
        {
          close (fd);
          *too_large = TRUE;
          return FALSE;
        }
    }
  close (fd);

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);

  return TRUE;
}

/**
 * bt_file_query_etag:
 *
 * Blocking: for worker threads and the command line.
 *
 * Returns: (transfer full) (nullable): @file's entity tag (its
 *   modification time, to the microsecond); %NULL when it is not there
 */
char *
bt_file_query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}
