/* bt-command-line-merge.c — `breakthrough --merge`, a git merge driver
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-command-line"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bt-command-line-private.h"
#include "bt-import.h"
#include "bt-json-writer.h"
#include "bt-merge.h"
#include "bt-plan-file.h"

/* A value of a conflict, on one line: JSON, control characters escaped
 * (bt_import_escape()) as in every message quoting a file. */
static char *
merge_value_text (JsonNode *node,
                  gboolean  is_base)
{
  g_autofree char *json = NULL;

  if (node == NULL && is_base)
    /* TRANSLATORS: a conflict's base value, where the base had none (both
     * sides added it) */
    return g_strdup (_("absent"));

  if (node == NULL)
    /* TRANSLATORS: a conflict's value on a side that deleted it */
    return g_strdup (_("(deleted)"));

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      bt_json_format_double (buf, sizeof buf, json_node_get_double (node));
      return g_strdup (buf);
    }

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_autofree char *text = bt_command_line_shown (json_node_get_string (node));

      return g_strdup_printf ("“%s”", text);
    }

  json = json_to_string (node, FALSE);
  return bt_command_line_shown (json);
}

static GBytes *
read_for_merge (const char *path,
                gboolean    may_be_empty)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtPlan) plan = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean too_large = FALSE;

  if (!bt_file_read_at_most (path, BT_PLAN_MAX_BYTES, &contents, &length, &too_large, &error))
    {
      if (too_large)
        fprintf (stderr, _("%s: the file is larger than %d MiB: it is not a plan\n"), path,
                 BT_PLAN_MAX_BYTES / (1024 * 1024));
      else
        bt_command_line_print_error (NULL, error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);

  /* git gives an empty base when both sides added the file. */
  if (length == 0 && may_be_empty)
    return g_steal_pointer (&bytes);

  plan = bt_plan_file_load_bytes (bytes, &error);
  if (plan == NULL)
    {
      bt_command_line_print_error (path, error->message);
      return NULL;
    }

  /* Written by a newer version: what this one cannot see would be lost
   * in the merged file, as in a save (the README's promise). */
  if (bt_plan_get_read_only (plan))
    {
      bt_command_line_print_error (path, _("the plan comes from a newer version of Breakthrough "
                                           "and is not merged: this version would lose the "
                                           "parts it does not know"));
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* OUT is a file, or nothing yet: replacing MINE is what a git merge
 * driver asks for; a folder, a pipe or a device is not a plan's place. */
static gboolean
merge_output_is_a_file (const char *out)
{
  GStatBuf st;

  if (out[0] == '\0' || g_str_equal (out, "-"))
    {
      fprintf (stderr, _("--merge writes a file: give its name with -o, not “%s”\n"), out);
      return FALSE;
    }

  if (g_stat (out, &st) != 0)
    return TRUE;

  if (S_ISDIR (st.st_mode))
    {
      fprintf (stderr, _("“%s” is a folder: give the name of a file to write\n"), out);
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      fprintf (stderr, _("“%s” is not a regular file: the merged plan is only written into a file\n"), out);
      return FALSE;
    }

  return TRUE;
}

/* OUT the same file as BASE or THEIRS (by name, a symbolic link or a hard
 * link) would lose THEIRS' values: only MINE may be replaced, as git
 * asks with `%A … -o %A`. */
static gboolean
merge_output_is_not (const char *out,
                     const char *path)
{
  GStatBuf a, b;

  if (g_stat (out, &a) != 0 || g_stat (path, &b) != 0)
    return TRUE;
  if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
    return TRUE;

  fprintf (stderr, _("“%s” is the same file as “%s”: the merged plan is written over mine only, "
                     "never over the base or theirs\n"), out, path);
  return FALSE;
}

/**
 * bt_command_line_merge:
 *
 * `breakthrough --merge BASE MINE THEIRS -o OUT`: 0 when clean, 1 with
 * conflicts (OUT keeps MINE's value for each), 2 on an error.
 */
int
bt_command_line_merge (GVariantDict  *options,
                       const char    *base_path,
                       char         **files)
{
  static const char *const unrelated[] = {
    "section", "format", "size", "scale", "theme", "paper", "landscape", "today", "existing", "dry-run",
  };
  const char *out = NULL;
  g_autoptr(GBytes) base = NULL;
  g_autoptr(GBytes) mine = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(BtMergeResult) result = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) invalid = NULL;
  const char *data;
  gsize length;

  for (guint i = 0; i < G_N_ELEMENTS (unrelated); i++)
    if (g_variant_dict_contains (options, unrelated[i]))
      {
        /* TRANSLATORS: a command-line option, e.g. --paper */
        fprintf (stderr, _("--%s does not go with --merge\n"), unrelated[i]);
        return 2;
      }

  if (files == NULL || files[0] == NULL || files[1] == NULL || files[2] != NULL)
    {
      fprintf (stderr, _("--merge takes three plans: BASE MINE THEIRS\n"));
      return 2;
    }

  g_variant_dict_lookup (options, "output", "^&ay", &out);
  if (out == NULL)
    {
      fprintf (stderr, _("--merge needs -o OUT\n"));
      return 2;
    }
  if (!merge_output_is_a_file (out) ||
      !merge_output_is_not (out, base_path) || !merge_output_is_not (out, files[1]))
    return 2;

  base = read_for_merge (base_path, TRUE);
  mine = read_for_merge (files[0], FALSE);
  theirs = read_for_merge (files[1], FALSE);
  if (base == NULL || mine == NULL || theirs == NULL)
    return 2;

  result = bt_merge_bytes (base, mine, theirs, &error);
  if (result == NULL)
    {
      bt_command_line_print_error (NULL, error->message);
      return 2;
    }

  for (guint i = 0; i < result->conflicts->len; i++)
    {
      BtMergeConflict *c = result->conflicts->pdata[i];
      g_autofree char *b = merge_value_text (c->base, TRUE);
      g_autofree char *m = merge_value_text (c->mine, FALSE);
      g_autofree char *t = merge_value_text (c->theirs, FALSE);
      g_autofree char *path = bt_command_line_shown (c->path);

      /* TRANSLATORS: a conflict: its JSON path, then the three values */
      printf (_("%s: changed on both sides: base %s, mine %s, theirs %s\n"), path, b, m, t);
    }

  /* The conflicts are the merge's answer: lost (a full disk, a closed
   * pipe), the merge did not happen. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, _("The conflicts could not be printed: %s\n"), g_strerror (errno));
      return 2;
    }

  merged = bt_merge_result_to_bytes (result, &invalid);
  if (merged == NULL)
    {
      /* Each side is a plan, together they are not (an item kept on one
       * side names one deleted on the other): MINE, as it is. */
      bt_command_line_print_error (NULL, invalid->message);
      fprintf (stderr, _("The versions could not be merged: the merged plan keeps mine as it is.\n"));
      merged = g_bytes_ref (mine);
    }

  data = g_bytes_get_data (merged, &length);
  if (!bt_plan_file_write_private (out, data, length, FALSE, &error))
    {
      bt_command_line_print_error (out, error->message);
      return 2;
    }

  if (invalid != NULL)
    return 1;

  if (result->conflicts->len > 0)
    {
      /* Not OUT's name: under git it is a temporary file of git's. */
      fprintf (stderr, g_dngettext (GETTEXT_PACKAGE,
                                    "%u conflict: the merged plan keeps mine.\n",
                                    "%u conflicts: the merged plan keeps mine for each.\n",
                                    result->conflicts->len), result->conflicts->len);
      return 1;
    }

  return 0;
}
