/* bt-plan-describe.c — what a plan holds, in one line for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-describe"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-plan-file.h"

/**
 * bt_plan_file_describe:
 *
 * Returns: a one-line summary of what the plan holds, for people
 */
char *
bt_plan_file_describe (BtPlan *plan)
{
  guint phases = g_list_model_get_n_items (bt_plan_get_phases (plan));
  guint milestones = g_list_model_get_n_items (bt_plan_get_milestones (plan));
  guint categories = g_list_model_get_n_items (bt_plan_get_categories (plan));
  guint weeks = g_list_model_get_n_items (bt_plan_get_weeks (plan));
  guint relationships = g_list_model_get_n_items (bt_plan_get_relationships (plan));
  guint narratives = g_list_model_get_n_items (bt_plan_get_narratives (plan));
  guint check_ins = g_list_model_get_n_items (bt_plan_get_check_ins (plan));
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", phases), phases);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", milestones), milestones);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories", categories), categories);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", weeks), weeks);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u relationship", "%u relationships", relationships), relationships);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u narrative", "%u narratives", narratives), narratives);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u check-in", "%u check-ins", check_ins), check_ins);

  if (bt_plan_get_read_only (plan))
    g_string_append (out, _(" (from a newer version: read-only)"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
