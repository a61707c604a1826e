/* bt-plan-file.c — the plan's JSON file: what the rest of the app calls
 *
 * The work is done in parts, in the order the bytes flow:
 *   bt-plan-guard.c   the bytes checked before json-glib parses them
 *   bt-plan-load.c    the plan read as a whole: header, lists, weeks,
 *                     reading while parsing
 *   bt-plan-reader.c  each item read by its class's field descriptions, every
 *                     problem with its path
 *   bt-plan-fields.c  the plan's lists, and the descriptions asked by the editor
 *   bt-plan-writer.c  the plan written by the same descriptions
 *   bt-safe-file.c    files replaced atomically and durably, read with a bound
 *   bt-plan-describe.c  what a plan holds, in one line for people
 * Here: the sections of a plan, and saving and exporting it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-plan-file.h"
#include "bt-safe-file.h"

G_DEFINE_QUARK (bt-plan-file-error-quark, bt_plan_file_error)

char *
bt_plan_file_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "breakthrough", "plan.json", NULL);
}

static const char * const section_names[] = {
  "all", "profile", "roadmap", "time", "relationships", "narratives", "check-ins",
};

gboolean
bt_plan_section_from_string (const char    *text,
                             BtPlanSection *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    if (g_strcmp0 (text, section_names[i]) == 0)
      {
        *section = i;
        return TRUE;
      }
  /* The window's name for the relationships, its People page. */
  if (g_strcmp0 (text, "people") == 0)
    {
      *section = BT_PLAN_SECTION_RELATIONSHIPS;
      return TRUE;
    }

  return FALSE;
}

const char *
bt_plan_section_to_string (BtPlanSection section)
{
  g_return_val_if_fail (section < G_N_ELEMENTS (section_names), NULL);

  return section_names[section];
}

/* A file that does not load as a plan never becomes the backup. */
static gboolean
loads_as_plan (const char *path)
{
  g_autoptr(BtPlan) plan = bt_plan_file_load (path, NULL);

  return plan != NULL;
}

/**
 * bt_plan_file_write_private:
 * @keep_backup: keep the file's previous contents as `PATH.bak`, if they
 *   load as a plan
 *
 * Writes @data to @path as bt_safe_file_write() does: atomically, durably
 * and readable by the user alone.
 */
gboolean
bt_plan_file_write_private (const char  *path,
                            const char  *data,
                            gsize        length,
                            gboolean     keep_backup,
                            GError     **error)
{
  return bt_safe_file_write (path, data, length, keep_backup ? loads_as_plan : NULL, error);
}

/* A plan from a newer version is never saved over. */
static gboolean
check_newer (BtPlan  *plan,
             GError **error)
{
  if (bt_plan_get_read_only (plan))
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY,
                   _("The plan comes from a newer version of Breakthrough and is not saved over: "
                     "this version would lose the parts it does not know"));
      return FALSE;
    }

  return TRUE;
}

/**
 * bt_plan_file_check_saveable:
 *
 * Says before the work (an import's preview) what bt_plan_file_save()
 * would refuse after it: a plan from a newer version, a read-only file.
 *
 * Returns: %FALSE, with @error, when @plan could not be saved at @path
 */
gboolean
bt_plan_file_check_saveable (BtPlan      *plan,
                             const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (BT_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return check_newer (plan, error) && bt_safe_file_check_replaceable (path, error);
}

/**
 * bt_plan_file_save:
 *
 * Saves the whole plan to @path, keeping the previous file as a backup.
 * Refuses a read-only plan, a read-only file, and a plan the reader would
 * refuse: what is written is read back first, and if it would not load,
 * nothing is replaced and the error names the JSON path.
 */
gboolean
bt_plan_file_save (BtPlan      *plan,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtPlan) check = NULL;
  g_autoptr(GError) load_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (BT_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_newer (plan, error))
    return FALSE;

  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, error);
  if (bytes == NULL)
    return FALSE;

  /* The guard: a plan that would not open again is never written. */
  check = bt_plan_file_load_bytes (bytes, &load_error);
  if (check == NULL)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE,
                   /* TRANSLATORS: follows "The plan could not be saved:"; %s is the
                    * reader's reason, with the JSON path */
                   _("it would not open again: %s"),
                   load_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);

  return bt_plan_file_write_private (path, data, length, TRUE, error);
}

/**
 * bt_plan_file_export:
 *
 * Writes the plan, or one section of it, to a new file of the user's. Unlike
 * saving, this works for read-only plans too: it never replaces the plan file.
 */
gboolean
bt_plan_file_export (BtPlan         *plan,
                     BtPlanSection   section,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = bt_plan_file_export_bytes (plan, section, error);
  const char *data;
  gsize length;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);

  return bt_plan_file_write_output (path, data, length, error);
}

/**
 * bt_plan_file_export_bytes:
 *
 * What bt_plan_file_export() writes, for writing elsewhere (in a worker).
 *
 * Returns: (transfer full) (nullable): the export's bytes, or %NULL with
 *   @error set when it would be larger than a plan may be
 */
GBytes *
bt_plan_file_export_bytes (BtPlan         *plan,
                           BtPlanSection   section,
                           GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  bytes = bt_plan_file_serialize (plan, section, error);
  if (bytes == NULL)
    return NULL;

  /* An export is a plan: one --validate or the app would refuse is not
   * written (a compact file, pretty-printed, can grow past the limit). */
  if (g_bytes_get_size (bytes) > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the export would be %lu MiB, more than the %d MiB a plan may have: nothing was written"),
                   (unsigned long) (g_bytes_get_size (bytes) / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  return g_steal_pointer (&bytes);
}
