/* bt-command-line.c — what `breakthrough` does without a window
 *
 * These commands run in the process that was started, before any display
 * is opened, so they work over SSH and in scripts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-command-line"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "bt-command-line.h"
#include "bt-plan-file.h"

/* The value -1 means "go on and start the app". */
#define CONTINUE (-1)

static const GOptionEntry entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check a plan file: print “ok” and a summary, or the errors"), N_("FILE") },
  { "export-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the plan (or one section) as JSON to OUT"), N_("OUT") },
  { "section", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-json: all, profile, roadmap, time, relationships, narratives or check-ins"),
    N_("SECTION") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE]") },
  { NULL }
};

const GOptionEntry *
bt_command_line_get_entries (void)
{
  return entries;
}

static void
print_error (const char *where,
             const char *message)
{
  /* Each line of a loader message is one problem: prefix each with the file. */
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (where != NULL)
        fprintf (stderr, "%s: %s\n", where, lines[i]);
      else
        fprintf (stderr, "%s\n", lines[i]);
    }
}

static char *
plan_path_or_default (char **files)
{
  if (files != NULL && files[0] != NULL)
    return g_strdup (files[0]);

  return bt_plan_file_default_path ();
}

static int
validate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load (path, &error);
  g_autofree char *summary = NULL;

  if (plan == NULL)
    {
      print_error (path, error->message);
      return 1;
    }

  summary = bt_plan_file_describe (plan);
  printf ("ok\n%s\n", summary);

  return 0;
}

static int
export_json (const char *out,
             const char *section_name,
             char      **files)
{
  g_autofree char *path = plan_path_or_default (files);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;
  BtPlanSection section = BT_PLAN_SECTION_ALL;

  if (section_name != NULL && !bt_plan_section_from_string (section_name, &section))
    {
      fprintf (stderr, _("--section: expected all, profile, roadmap, time, relationships, "
                         "narratives or check-ins, got “%s”\n"), section_name);
      return 2;
    }

  plan = bt_plan_file_load (path, &error);
  if (plan == NULL)
    {
      print_error (path, error->message);
      return 1;
    }

  if (!bt_plan_file_export (plan, section, out, &error))
    {
      print_error (out, error->message);
      return 1;
    }

  return 0;
}

/**
 * bt_command_line_run:
 * @options: the parsed options
 * @files: (nullable): the files named on the command line
 *
 * Returns: an exit status, or -1 if no command was given and the app should
 *   start
 */
int
bt_command_line_run (GVariantDict  *options,
                     char         **files)
{
  const char *validate_path = NULL;
  const char *export_path = NULL;
  const char *section = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      printf ("breakthrough %s\n", PACKAGE_VERSION);
      return 0;
    }

  g_variant_dict_lookup (options, "validate", "^&ay", &validate_path);
  g_variant_dict_lookup (options, "export-json", "^&ay", &export_path);
  g_variant_dict_lookup (options, "section", "&s", &section);

  if (section != NULL && export_path == NULL)
    {
      fprintf (stderr, _("--section goes with --export-json\n"));
      return 2;
    }

  if (validate_path != NULL)
    return validate (validate_path);

  if (export_path != NULL)
    return export_json (export_path, section, files);

  return CONTINUE;
}
