/* bt-import-describe.c — what an import leaves out and what it did, in
 * words the preview, its toast and the command line share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include "bt-import-describe.h"

/**
 * bt_import_count_changed_weeks:
 * @import: the import, with each week's choice
 * @kept: (out) (optional): the weeks with typed hours the import leaves as
 *   they are
 * @replaced: (out) (optional): those whose typed hours the calendar's replace
 * @added: (out) (optional): those that get the calendar's hours on top
 *
 * The weeks the import changes: each week with hours a rule took, less
 * those whose typed hours are kept. A week of hours no rule took is not
 * imported at all.
 *
 * Returns: how many weeks the import changes
 */
guint
bt_import_count_changed_weeks (const BtImport *import,
                               guint          *kept,
                               guint          *replaced,
                               guint          *added)
{
  guint counts[BT_IMPORT_ADD + 1] = { 0, };
  guint changed = 0;

  for (guint i = 0; i < import->weeks->len; i++)
    {
      const BtImportWeek *w = import->weeks->pdata[i];

      if (g_hash_table_size (w->hours) == 0)
        continue;
      if (w->typed > 0.0)
        counts[w->choice]++;
      if (w->typed <= 0.0 || w->choice != BT_IMPORT_KEEP)
        changed++;
    }

  if (kept != NULL)
    *kept = counts[BT_IMPORT_KEEP];
  if (replaced != NULL)
    *replaced = counts[BT_IMPORT_REPLACE];
  if (added != NULL)
    *added = counts[BT_IMPORT_ADD];
  return changed;
}

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    /* TRANSLATORS: between the parts of what an import left out: "2 cancelled, 1 declined" */
    g_string_append (text, _(", "));
  g_string_append (text, part);
}

/**
 * bt_import_describe_left_out:
 * @import: the import
 *
 * What the import does not count, only the kinds it met: "2 cancelled,
 * 1 meeting series continues after today". A recurring event is read up
 * to today, so one that goes on counts once, as a series, not as the
 * meetings still to come.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   was left out
 */
char *
bt_import_describe_left_out (const BtImport *import)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (import->n_all_day > 0)
    {
      /* TRANSLATORS: what an import left out */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u all-day event", "%u all-day events",
                                                            import->n_all_day), import->n_all_day);
      append_part (text, part);
    }
  if (import->n_cancelled > 0)
    {
      /* TRANSLATORS: what an import left out: events that were cancelled */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cancelled", "%u cancelled",
                                                            import->n_cancelled), import->n_cancelled);
      append_part (text, part);
    }
  if (import->n_declined > 0)
    {
      /* TRANSLATORS: what an import left out: events the user declined */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u declined", "%u declined",
                                                            import->n_declined), import->n_declined);
      append_part (text, part);
    }
  if (import->n_future > 0)
    {
      /* TRANSLATORS: what an import left out: single events that start after today */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event after today",
                                                            "%u events after today", import->n_future),
                                               import->n_future);
      append_part (text, part);
    }
  if (import->n_future_series > 0)
    {
      /* TRANSLATORS: what an import left out: recurring meetings whose later repetitions are not counted */
      g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting series continues after today",
                                                            "%u meeting series continue after today",
                                                            import->n_future_series), import->n_future_series);
      append_part (text, part);
    }

  if (text->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * bt_import_describe_done:
 * @import: the import, applied
 *
 * What the import changed, for its toast: "Imported 1 week from “Work”;
 * kept your hours in 1 week". A week whose typed hours are kept is not
 * counted as imported: nothing in it changed.
 *
 * Returns: (transfer full): the text
 */
char *
bt_import_describe_done (const BtImport *import)
{
  guint kept, replaced, added;
  guint changed = bt_import_count_changed_weeks (import, &kept, &replaced, &added);
  g_autoptr(GString) text = g_string_new (NULL);

  if (changed == 0)
    /* TRANSLATORS: the toast after an import that changed no week's hours: "No week’s hours changed from “Work”" */
    g_string_printf (text, _("No week’s hours changed from “%s”"), import->source_name);
  else
    /* TRANSLATORS: the toast after an import: the weeks whose hours changed, the calendar's name */
    g_string_printf (text, g_dngettext (GETTEXT_PACKAGE, "Imported %u week from “%s”",
                                        "Imported %u weeks from “%s”", changed),
                     changed, import->source_name);
  if (kept > 0)
    /* TRANSLATORS: appended to "Imported 3 weeks from “Work”": the weeks with typed hours left as they were */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; kept your hours in %u week",
                                               "; kept your hours in %u weeks", kept), kept);
  if (replaced > 0)
    /* TRANSLATORS: appended to "Imported 3 weeks from “Work”": of those, the weeks whose typed hours the calendar's replaced */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; replaced your hours in %u week",
                                               "; replaced your hours in %u weeks", replaced), replaced);
  if (added > 0)
    /* TRANSLATORS: appended to "Imported 3 weeks from “Work”": of those, the weeks that got the meetings on top of the typed hours */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; added the meetings to your hours in %u week",
                                               "; added the meetings to your hours in %u weeks", added), added);

  /* The people met are part of what it did: a toast that named only the
   * hours left a new touchpoint unsaid. */
  {
    guint logged = 0;

    for (guint i = 0; i < import->touchpoints->len; i++)
      logged += ((BtImportTouchpoint *) import->touchpoints->pdata[i])->is_new;
    if (logged > 0)
      /* TRANSLATORS: appended to "Imported 3 weeks from “Work”": the touchpoints with people of the plan it logged */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "; logged %u touchpoint",
                                                 "; logged %u touchpoints", logged), logged);
  }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
