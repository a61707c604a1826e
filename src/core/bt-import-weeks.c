/* bt-import-weeks.c — from events to weeks: each minute counted once, in
 * its ISO week and category, and the touchpoints with the people met
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

/* ------------------------------------------------------------------ */
/* Weeks                                                               */

typedef struct
{
  gint64               start;
  gint64               end;
  const BtImportEvent *event;
  BtCategory          *category;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;   /* the longer first */
  return g_strcmp0 (x->event->key, y->event->key);
}

typedef struct
{
  int     iso_year;
  int     week;
  gint64  next_monday;   /* where the week ends */
} WeekOf;

/* The first moment of ISO week 0002-W01 in @tz: the plan file holds no
 * earlier week. */
static gint64
first_week_start (GTimeZone *tz)
{
  g_autoptr(GDateTime) jan4 = g_date_time_new (tz, 2, 1, 4, 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (jan4, 1 - g_date_time_get_day_of_week (jan4));

  return g_date_time_to_unix (monday);
}

static WeekOf
week_of (GTimeZone *tz,
         gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 8 - g_date_time_get_day_of_week (local));
  WeekOf w = {
    g_date_time_get_week_numbering_year (local),
    g_date_time_get_week_of_year (local),
    g_date_time_to_unix (next),
  };

  return w;
}

static BtImportWeek *
get_week (GHashTable *weeks,
          int         iso_year,
          int         week)
{
  int key = iso_year * 100 + week;
  BtImportWeek *w = g_hash_table_lookup (weeks, GINT_TO_POINTER (key));

  if (w == NULL)
    {
      w = g_new0 (BtImportWeek, 1);
      w->iso_year = iso_year;
      w->week = week;
      w->hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (weeks, GINT_TO_POINTER (key), w);
    }

  return w;
}

static void
add_seconds (BtImportWeek *w,
             BtCategory   *category,
             gint64        seconds)
{
  /* Seconds until the end, as hours then. */
  if (category == NULL)
    {
      w->unmatched += seconds;
      return;
    }

  {
    const char *id = bt_item_get_id (BT_ITEM (category));
    double *s = g_hash_table_lookup (w->hours, id);

    if (s == NULL)
      {
        s = g_new0 (double, 1);
        g_hash_table_insert (w->hours, g_strdup (id), s);
      }
    *s += seconds;
  }
}

/* Hours to the minute, two decimals in the file: 20 minutes are 0.33 h. */
static double
seconds_to_hours (double seconds)
{
  double minutes = round (seconds / 60.0);

  return round (minutes / 60.0 * 100.0) / 100.0;
}

static int
compare_import_weeks (gconstpointer a,
                      gconstpointer b)
{
  const BtImportWeek *x = *(BtImportWeek **) a, *y = *(BtImportWeek **) b;

  return (x->iso_year * 100 + x->week) - (y->iso_year * 100 + y->week);
}

static int
compare_unmatched (gconstpointer a,
                   gconstpointer b)
{
  const BtImportUnmatched *x = *(BtImportUnmatched **) a, *y = *(BtImportUnmatched **) b;

  if (x->hours != y->hours)
    return x->hours > y->hours ? -1 : 1;
  return g_utf8_collate (x->summary, y->summary);
}

static int
compare_touchpoints (gconstpointer a,
                     gconstpointer b)
{
  const BtImportTouchpoint *x = *(BtImportTouchpoint **) a, *y = *(BtImportTouchpoint **) b;
  int c = g_date_compare (&x->date, &y->date);

  return c != 0 ? c : g_strcmp0 (x->source, y->source);
}

/* The touchpoints of the relationships, by their source: looking each
 * one up in a list would take hours for an hourly meeting since 1970. */
GHashTable *
bt_import_touchpoint_index_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

GHashTable *
bt_import_touchpoints_of (GHashTable     *index,
                          BtRelationship *r)
{
  GHashTable *sources = g_hash_table_lookup (index, r);

  if (sources == NULL)
    {
      GListModel *list = bt_relationship_get_touchpoints (r);

      sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BtTouchpoint) t = g_list_model_get_item (list, i);
          const char *source = bt_touchpoint_get_source (t);

          /* The first with a source is the one it stands for. */
          if (source != NULL && !g_hash_table_contains (sources, source))
            g_hash_table_insert (sources, g_strdup (source), g_object_ref (t));
        }
      g_hash_table_insert (index, r, sources);
    }

  return sources;
}

BtTouchpoint *
bt_import_find_touchpoint (GHashTable     *index,
                           BtRelationship *r,
                           const char     *source)
{
  return g_hash_table_lookup (bt_import_touchpoints_of (index, r), source);
}

/* Hours to the hundredth, as the file keeps them: subtracting what an
 * import put in a week from its hours leaves no 1e-15 behind. */
double
bt_import_round_hours (double hours)
{
  return round (hours * 100.0) / 100.0;
}

/* Whether the part of @week an earlier import put there is @source's own,
 * so that importing @source again replaces it. Another source's part is
 * the week's own hours for this import, like typed ones: one import never
 * takes away another source's hours. A part from before sources were
 * remembered counts as @source's. */
gboolean
bt_import_imported_by (BtWeek     *week,
                       const char *source)
{
  const char *from = bt_week_get_imported_from (week);

  return from == NULL || g_strcmp0 (from, source) == 0;
}

/* The hours of @category_id the user typed in @week: its hours less what
 * the last import of @source put there. */
double
bt_import_typed_hours (BtWeek     *week,
                       const char *category_id,
                       const char *source)
{
  double h = bt_week_get_hours (week, category_id);

  if (bt_import_imported_by (week, source))
    h -= bt_week_get_imported_hours (week, category_id);

  return MAX (bt_import_round_hours (h), 0.0);
}

double
bt_import_week_typed_total (BtWeek     *week,
                            const char *source)
{
  double total = 0.0;

  if (week == NULL)
    return 0.0;
  for (guint i = 0; i < bt_week_get_n_categories (week); i++)
    total += bt_import_typed_hours (week, bt_week_get_category (week, i, NULL), source);

  return bt_import_round_hours (total);
}

/**
 * bt_import_events:
 * @events: (element-type BtImportEvent): the events, in any order
 * @now: events that start after it are left out, those under way are cut
 *
 * Works out what importing @events into @plan would do, without changing
 * it. A plan with no rules is matched with the default rules (and
 * bt_import_apply() adds them).
 */
BtImport *
bt_import_events (BtPlan     *plan,
                  GPtrArray  *events,
                  const char *source_name,
                  GDateTime  *now)
{
  BtImport *import = bt_import_new (source_name);
  g_autoptr(GListStore) defaults = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GHashTable) weeks = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) unmatched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 now_t = g_date_time_to_unix (now);
  gint64 first_t = first_week_start (tz);
  gint64 covered = G_MININT64;
  GListModel *rules = bt_plan_get_import_rules (plan);
  g_autoptr(GHashTable) index = bt_import_touchpoint_index_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  const BtImportShared *matched = NULL;   /* the texts category and people are for */
  BtCategory *category = NULL;
  BtImportMatcher m;

  /* No rules yet: the defaults, in a list of their own so the plan is
   * untouched until the import is applied. */
  if (g_list_model_get_n_items (rules) == 0)
    {
      import->default_rules = TRUE;
      defaults = g_list_store_new (BT_TYPE_IMPORT_RULE);
      bt_import_fill_default_rules (defaults, bt_plan_get_categories (plan));
      rules = G_LIST_MODEL (defaults);
    }
  bt_import_matcher_init (&m, plan, rules);

  for (guint i = 0; i < m.rules->len; i++)
    if (m.categories->pdata[i] == NULL)
      g_ptr_array_add (import->missing_categories,
                       g_strdup (bt_import_rule_get_pattern (m.rules->pdata[i])));

  for (guint i = 0; i < events->len; i++)
    {
      const BtImportEvent *event = events->pdata[i];
      Span span = { event->start, MIN (event->end, now_t), event, NULL };

      if (event->start >= now_t)
        {
          import->n_future++;
          continue;
        }
      if (span.end <= span.start)
        continue;
      if (event->start < first_t)
        {
          /* The file format has no week before 0002-W01: such an event
           * would make a plan that no longer opens. */
          if (import->refused == NULL)
            {
              const char *summary = event->summary != NULL ? event->summary : "";
              g_autofree char *shown = NULL;

              /* A name, not a whole description: at most 80 characters. */
              if (g_utf8_strlen (summary, 81 * 4) > 80)
                {
                  g_autofree char *cut = g_utf8_substring (summary, 0, 79);
                  g_autofree char *escaped = bt_import_escape (cut);
                  shown = g_strconcat (escaped, "…", NULL);
                }
              else
                shown = bt_import_escape (summary);

              import->refused = g_strdup_printf (_("the event “%s” is before the year 2, and a plan "
                                                   "holds weeks from 0002-W01 on: nothing was imported"),
                                                 shown);
            }
          continue;
        }

      /* The instances of one event match alike: once for them all. */
      if (event->shared == NULL || event->shared != matched)
        {
          category = bt_import_matcher_match (&m, event);
          bt_import_matcher_people (&m, event, people);
          matched = event->shared;
        }
      span.category = category;
      g_array_append_val (spans, span);
      import->n_events++;

      /* Touchpoints: each attendee who is one of the relationships. */
      for (guint a = 0; a < people->len; a++)
        {
          BtRelationship *r = people->pdata[a];
          BtImportTouchpoint *t;
          g_autoptr(GDateTime) utc = NULL;
          g_autoptr(GDateTime) local = NULL;

          utc = g_date_time_new_from_unix_utc (event->start);
          local = g_date_time_to_timezone (utc, tz);
          t = g_new0 (BtImportTouchpoint, 1);
          t->relationship = g_object_ref (r);
          g_date_clear (&t->date, 1);
          g_date_set_dmy (&t->date, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
          if (event->shared != NULL)
            {
              t->shared = g_atomic_rc_box_acquire (event->shared);
              t->summary = event->shared->note;
            }
          else
            t->summary = bt_import_touchpoint_note (event->summary);
          t->source = g_strdup (event->key);
          t->is_new = bt_import_find_touchpoint (index, r, t->source) == NULL;
          g_ptr_array_add (import->touchpoints, t);
        }
    }

  /* Every minute once: where events overlap, the one that began first
   * has it. */
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      gint64 from = MAX (span->start, covered);
      gint64 counted = 0;

      while (from < span->end)
        {
          WeekOf w = week_of (tz, from);
          gint64 to = MIN (span->end, w.next_monday);

          add_seconds (get_week (weeks, w.iso_year, w.week), span->category, to - from);
          counted += to - from;
          from = to;
        }
      covered = MAX (covered, span->end);

      if (span->category == NULL)
        {
          const char *summary = span->event->summary ? span->event->summary : "";
          BtImportUnmatched *u = g_hash_table_lookup (unmatched, summary);

          if (u == NULL)
            {
              u = g_new0 (BtImportUnmatched, 1);
              u->summary = g_strdup (summary);
              g_hash_table_insert (unmatched, u->summary, u);
              g_ptr_array_add (import->unmatched, u);
            }
          u->count++;
          u->hours += counted;
        }
    }
  bt_import_matcher_clear (&m);

  /* Seconds become hours. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, weeks);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        BtImportWeek *w = value;
        GHashTableIter h;
        gpointer hv;

        g_hash_table_iter_init (&h, w->hours);
        while (g_hash_table_iter_next (&h, NULL, &hv))
          *(double *) hv = MIN (seconds_to_hours (*(double *) hv), BT_WEEK_MAX_HOURS);
        w->unmatched = seconds_to_hours (w->unmatched);
        w->source = import->source_name;
        w->typed = bt_import_week_typed_total (bt_plan_find_week (plan, w->iso_year, w->week), w->source);
        w->choice = BT_IMPORT_KEEP;
        g_ptr_array_add (import->weeks, w);
      }
  }
  for (guint i = 0; i < import->unmatched->len; i++)
    {
      BtImportUnmatched *u = import->unmatched->pdata[i];
      u->hours = seconds_to_hours (u->hours);
    }

  g_ptr_array_sort (import->weeks, compare_import_weeks);
  g_ptr_array_sort (import->unmatched, compare_unmatched);
  g_ptr_array_sort (import->touchpoints, compare_touchpoints);

  return import;
}
