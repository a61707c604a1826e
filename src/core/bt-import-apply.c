/* bt-import-apply.c — what an import would do to a plan's weeks (the
 * preview's figures, the choice for weeks with typed hours), and doing it
 * as one step of the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-history.h"
#include "bt-import.h"
#include "bt-import-private.h"
#include "bt-plan-file.h"

/**
 * bt_import_week_kinds:
 * @categories: the plan's categories
 *
 * Sums an imported week's hours by kind: tactical and strategic.
 */
void
bt_import_week_kinds (const BtImportWeek *week,
                      GListModel         *categories,
                      double             *tactical,
                      double             *strategic)
{
  *tactical = 0.0;
  *strategic = 0.0;

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
      double *h = g_hash_table_lookup (week->hours, bt_item_get_id (BT_ITEM (category)));

      if (h == NULL)
        continue;
      if (bt_category_get_kind (category) == BT_CATEGORY_STRATEGIC)
        *strategic += *h;
      else
        *tactical += *h;
    }
}

/**
 * bt_import_category_hours:
 *
 * Returns: the hours the import gives @category_id over all its weeks
 */
double
bt_import_category_hours (BtImport   *import,
                          const char *category_id)
{
  double total = 0.0;

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      double *h = g_hash_table_lookup (w->hours, category_id);

      if (h != NULL)
        total += *h;
    }

  return total;
}

static void
history_set (BtHistory  *history,
             gpointer    object,
             const char *property,
             GType       type,
             gconstpointer v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (&value, v);
  else
    g_value_set_boxed (&value, v);
  bt_history_set (history, object, property, &value);
}

/**
 * bt_import_set_choice:
 *
 * Makes @choice what applying does to every week that has hours the user
 * typed: the preview's "for all weeks".
 */
void
bt_import_set_choice (BtImport       *import,
                      BtImportChoice  choice)
{
  for (guint i = 0; i < import->weeks->len; i++)
    ((BtImportWeek *) import->weeks->pdata[i])->choice = choice;
}

/**
 * bt_import_count_typed_weeks:
 *
 * Returns: how many of the import's weeks have hours the user typed, for
 *   which keep, replace or add is to be chosen
 */
guint
bt_import_count_typed_weeks (BtImport *import)
{
  guint n = 0;

  for (guint i = 0; i < import->weeks->len; i++)
    n += ((BtImportWeek *) import->weeks->pdata[i])->typed > 0.0;

  return n;
}

static GHashTable *
new_hours_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
put_hours (GHashTable *table,
           const char *category_id,
           double      hours)
{
  g_hash_table_replace (table, g_strdup (category_id), g_memdup2 (&hours, sizeof hours));
}

/* The whole week as @choice leaves it (category id → hours), and in
 * @imported what of it comes from the calendar; %NULL for a week left as
 * it is. The week never gets more than 168 hours: what would go over is
 * not added. */
static GHashTable *
week_outcome (const BtImportWeek  *w,
              BtPlan              *plan,
              BtImportChoice       choice,
              GHashTable         **imported)
{
  BtWeek *existing = bt_plan_find_week (plan, w->iso_year, w->week);
  g_autoptr(GHashTable) hours = new_hours_table ();
  g_autoptr(GHashTable) from_calendar = new_hours_table ();
  double total = 0.0;
  GHashTableIter iter;
  gpointer key, value;

  /* Only hours no rule took: nothing goes in the plan, and no empty week
   * is made, unless the week holds this source's part from an earlier
   * import, which a newer export takes away. */
  if (g_hash_table_size (w->hours) == 0 &&
      (existing == NULL || bt_week_get_imported (existing) == NULL || !bt_import_imported_by (existing, w->source)))
    return NULL;

  /* A week with no hours of the user's simply follows the calendar. */
  if (bt_import_week_typed_total (existing, w->source) <= 0.0)
    choice = BT_IMPORT_REPLACE;
  if (choice == BT_IMPORT_KEEP)
    return NULL;

  if (choice == BT_IMPORT_ADD)
    for (guint i = 0; i < bt_week_get_n_categories (existing); i++)
      {
        const char *id = bt_week_get_category (existing, i, NULL);
        double typed = bt_import_typed_hours (existing, id, w->source);

        if (typed > 0.0)
          {
            put_hours (hours, id, typed);
            total += typed;
          }
      }

  g_hash_table_iter_init (&iter, w->hours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *before = g_hash_table_lookup (hours, key);
      double add = bt_import_round_hours (MIN (*(double *) value, BT_WEEK_MAX_HOURS - total));

      if (add <= 0.0)
        continue;
      put_hours (hours, key, bt_import_round_hours ((before ? *before : 0.0) + add));
      put_hours (from_calendar, key, add);
      total += add;
    }

  *imported = g_steal_pointer (&from_calendar);
  return g_steal_pointer (&hours);
}

/**
 * bt_import_added_hours:
 *
 * What applying @import to @plan, with each week's choice, really changes
 * per category over all its weeks: nothing for a week whose typed hours
 * are kept, never past a week's 168 hours, and, where an earlier import
 * of the same source put hours in a week, only the difference (importing
 * the same calendar again adds nothing; an event since deleted takes its
 * hours away), unlike bt_import_category_hours(), which is the calendar's.
 *
 * Returns: (transfer full) (element-type utf8 double): category id →
 *   hours (double *), less than 0 for hours taken away
 */
GHashTable *
bt_import_added_hours (BtImport *import,
                       BtPlan   *plan)
{
  GHashTable *added = new_hours_table ();

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      g_autoptr(GHashTable) imported = NULL;
      g_autoptr(GHashTable) hours = week_outcome (w, plan, w->choice, &imported);
      BtWeek *existing;
      GHashTableIter iter;
      gpointer key, value;

      if (hours == NULL)
        continue;
      g_hash_table_iter_init (&iter, imported);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double *before = g_hash_table_lookup (added, key);

          put_hours (added, key, bt_import_round_hours ((before ? *before : 0.0) + *(double *) value));
        }

      /* What this source put in the week before is replaced. */
      existing = bt_plan_find_week (plan, w->iso_year, w->week);
      if (existing == NULL || bt_week_get_imported (existing) == NULL ||
          !bt_import_imported_by (existing, w->source))
        continue;
      for (guint c = 0; c < bt_week_get_n_categories (existing); c++)
        {
          const char *id = bt_week_get_category (existing, c, NULL);
          double earlier = MIN (bt_week_get_imported_hours (existing, id), bt_week_get_hours (existing, id));
          double *before = g_hash_table_lookup (added, id);

          if (earlier > 0.0)
            put_hours (added, id, bt_import_round_hours ((before ? *before : 0.0) - earlier));
        }
    }

  return added;
}

/**
 * bt_import_week_result:
 *
 * Returns: the hours @week would have in all after applying @choice
 */
double
bt_import_week_result (const BtImportWeek *week,
                       BtPlan             *plan,
                       BtImportChoice      choice)
{
  g_autoptr(GHashTable) imported = NULL;
  g_autoptr(GHashTable) hours = week_outcome (week, plan, choice, &imported);
  BtWeek *existing;
  GHashTableIter iter;
  gpointer value;
  double total = 0.0;

  if (hours == NULL)
    {
      existing = bt_plan_find_week (plan, week->iso_year, week->week);
      return existing != NULL ? bt_week_get_total_hours (existing) : 0.0;
    }

  g_hash_table_iter_init (&iter, hours);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += *(double *) value;

  return bt_import_round_hours (total);
}

static const char * const choice_names[] = { "keep", "replace", "add" };

/**
 * bt_import_choice_to_string:
 *
 * Returns: "keep", "replace" or "add", as the command line takes them
 */
const char *
bt_import_choice_to_string (BtImportChoice choice)
{
  g_return_val_if_fail (choice < G_N_ELEMENTS (choice_names), NULL);

  return choice_names[choice];
}

gboolean
bt_import_choice_from_string (const char     *text,
                              BtImportChoice *choice)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (g_strcmp0 (text, choice_names[i]) == 0)
      {
        *choice = (BtImportChoice) i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
same_hours (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a ? g_hash_table_size (a) : 0) != (b ? g_hash_table_size (b) : 0))
    return FALSE;
  if (a == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *other = g_hash_table_lookup (b, key);

      if (other == NULL || *other != *(double *) value)
        return FALSE;
    }

  return TRUE;
}

/**
 * bt_import_apply:
 * @history: where the edits go, as one step Undo takes back
 *
 * Does what @import says to @plan. A week the plan has no hours of the
 * user's for gets the calendar's (other categories 0). A week with typed
 * hours gets what its choice says: kept as it is, replaced by the
 * calendar's, or the calendar's added to the typed hours per category.
 * The week remembers what the calendar put there (bt_week_set_imported()),
 * so that importing the same file twice, with any choice, changes nothing,
 * and a newer export replaces the calendar's part, never the typed one.
 * Touchpoints are added, or updated when an earlier import of the same
 * event made them.
 */
void
bt_import_apply (BtImport  *import,
                 BtPlan    *plan,
                 BtHistory *history)
{
  g_autofree char *label = g_strdup_printf (_("Import from “%s”"), import->source_name);
  g_autoptr(GHashTable) index = bt_import_touchpoint_index_new ();

  bt_history_begin (history, label);

  if (import->default_rules && g_list_model_get_n_items (bt_plan_get_import_rules (plan)) == 0)
    bt_import_add_default_rules (plan, history);

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      g_autoptr(GHashTable) imported = NULL;
      g_autoptr(GHashTable) hours = week_outcome (w, plan, w->choice, &imported);
      BtWeek *week;

      if (hours == NULL)
        continue;
      week = bt_history_set_week (history, plan, w->iso_year, w->week, hours);
      if (!same_hours (bt_week_get_imported (week), imported))
        history_set (history, week, "imported", G_TYPE_HASH_TABLE,
                     g_hash_table_size (imported) > 0 ? imported : NULL);
      if (g_strcmp0 (bt_week_get_imported_from (week), import->source_name) != 0)
        history_set (history, week, "imported-from", G_TYPE_STRING,
                     g_hash_table_size (imported) > 0 ? import->source_name : NULL);
    }

  for (guint i = 0; i < import->touchpoints->len; i++)
    {
      BtImportTouchpoint *t = import->touchpoints->pdata[i];
      BtTouchpoint *existing = bt_import_find_touchpoint (index, t->relationship, t->source);

      if (existing != NULL)
        {
          history_set (history, existing, "date", G_TYPE_DATE, &t->date);
          history_set (history, existing, "note", G_TYPE_STRING, t->summary);
        }
      else
        {
          g_autoptr(BtTouchpoint) tp = bt_touchpoint_new ();

          bt_touchpoint_set_date (tp, &t->date);
          bt_touchpoint_set_note (tp, t->summary);
          bt_touchpoint_set_source (tp, t->source);
          bt_history_append (history, BT_ITEM (t->relationship),
                             bt_relationship_get_touchpoints (t->relationship), BT_ITEM (tp));
          g_hash_table_insert (bt_import_touchpoints_of (index, t->relationship), g_strdup (t->source),
                               g_object_ref (tp));
        }
    }

  bt_history_end (history);
}
