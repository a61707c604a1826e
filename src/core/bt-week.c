/* bt-week.c — the hours of one ISO week, per category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-week"

#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-date.h"
#include "bt-week.h"

/* Category ids are interned: a plan has a few categories and thousands of
 * weeks, and an interned id is compared and hashed as a pointer. */
typedef BtWeekEntry Entry;

/* A plan's categories fit in the week itself: walking thousands of weeks
 * then reads one block of memory per week, not three. */
#define INLINE_ENTRIES 12

/* What the analytics read of every week comes first, in as few cache
 * lines as can be. */
struct _BtWeek
{
  BtItem  parent_instance;

  guint   serial;    /* see bt_week_get_serial() */
  guint   n_entries;
  Entry  *entries;   /* in the order they were given: inline_entries, or
                      * on the heap once there are more */
  GDate   monday;
  Entry   inline_entries[INLINE_ENTRIES];
  guint   n_allocated;
  int     iso_year;
  int     week;
  char    week_text[BT_ISO_WEEK_SIZE];
  char   *note;
  GHashTable *imported;  /* category id → double *: what the last import put here; never changed, replaced */
  char       *imported_from; /* the source that import read, or NULL */
};

G_DEFINE_FINAL_TYPE (BtWeek, bt_week, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_WEEK,
  PROP_NOTE,
  PROP_TOTAL_HOURS,
  PROP_IMPORTED,
  PROP_IMPORTED_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bt_week_finalize (GObject *object)
{
  BtWeek *self = BT_WEEK (object);

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->imported, g_hash_table_unref);
  g_clear_pointer (&self->imported_from, g_free);
  if (self->entries != self->inline_entries)
    g_free (self->entries);

  G_OBJECT_CLASS (bt_week_parent_class)->finalize (object);
}

static void
bt_week_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BtWeek *self = BT_WEEK (object);

  switch (prop_id)
    {
    case PROP_WEEK:
      g_value_set_string (value, self->week_text);
      break;

    case PROP_NOTE:
      g_value_set_string (value, bt_week_get_note (self));
      break;

    case PROP_TOTAL_HOURS:
      g_value_set_double (value, bt_week_get_total_hours (self));
      break;

    case PROP_IMPORTED:
      g_value_set_boxed (value, self->imported);
      break;

    case PROP_IMPORTED_FROM:
      g_value_set_string (value, self->imported_from);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_week_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BtWeek *self = BT_WEEK (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      bt_week_set_note (self, g_value_get_string (value));
      break;

    case PROP_IMPORTED:
      bt_week_set_imported (self, g_value_get_boxed (value));
      break;

    case PROP_IMPORTED_FROM:
      bt_week_set_imported_from (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_week_class_init (BtWeekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_week_finalize;
  object_class->get_property = bt_week_get_property;
  object_class->set_property = bt_week_set_property;

  properties[PROP_WEEK] =
    g_param_spec_string ("week", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TOTAL_HOURS] =
    g_param_spec_double ("total-hours", NULL, NULL,
                         0.0, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  /* What the last calendar import put in the week, so that importing the
   * same file again, or a newer export, adds it once: the hours the user
   * typed are the week's hours less these. */
  properties[PROP_IMPORTED] =
    g_param_spec_boxed ("imported", NULL, NULL,
                        G_TYPE_HASH_TABLE,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  /* The source (calendar or time report) the imported hours came from:
   * another source's import counts them as hours the week already has. */
  properties[PROP_IMPORTED_FROM] =
    g_param_spec_string ("imported-from", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bt_week_init (BtWeek *self)
{
  self->entries = self->inline_entries;
  self->n_allocated = INLINE_ENTRIES;
}

/**
 * bt_week_new:
 *
 * Creates the record of one ISO week. The week must exist (see
 * bt_iso_week_parse()); it cannot change afterwards.
 */
BtWeek *
bt_week_new (int iso_year,
             int week)
{
  BtWeek *self;

  g_return_val_if_fail (iso_year > 0 && iso_year <= 9999, NULL);
  g_return_val_if_fail (week >= 1 && week <= bt_iso_week_count (iso_year), NULL);

  self = g_object_new (BT_TYPE_WEEK, NULL);
  self->iso_year = iso_year;
  self->week = week;
  bt_iso_week_format_into (iso_year, week, self->week_text);
  bt_iso_week_monday (iso_year, week, &self->monday);
  self->serial = g_date_get_julian (&self->monday) / 7;

  return self;
}

const char *
bt_week_get_week (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);

  return self->week_text;
}

void
bt_week_get_iso (BtWeek *self,
                 int    *iso_year,
                 int    *week)
{
  g_return_if_fail (BT_IS_WEEK (self));

  if (iso_year != NULL)
    *iso_year = self->iso_year;
  if (week != NULL)
    *week = self->week;
}

const GDate *
bt_week_get_monday (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);

  return &self->monday;
}

/**
 * bt_week_get_serial:
 *
 * Returns: a number that grows by one from each week to the next, for
 *   arithmetic over weeks
 */
guint
bt_week_get_serial (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), 0);

  return self->serial;
}

const char *
bt_week_get_note (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);

  return self->note ? self->note : "";
}

void
bt_week_set_note (BtWeek     *self,
                  const char *note)
{
  g_return_if_fail (BT_IS_WEEK (self));

  if (bt_item_set_string (&self->note, note))
    bt_item_notify (BT_ITEM (self), properties[PROP_NOTE]);
}

/**
 * bt_week_get_imported:
 *
 * Returns: (transfer none) (nullable) (element-type utf8 double): category
 *   id → hours (double *) the last import put in this week; %NULL when no
 *   import did. Never modified: bt_week_set_imported() replaces it.
 */
GHashTable *
bt_week_get_imported (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);

  return self->imported;
}

/**
 * bt_week_get_imported_hours:
 *
 * Returns: the hours the last import gave @category_id in this week
 */
double
bt_week_get_imported_hours (BtWeek     *self,
                            const char *category_id)
{
  double *h;

  g_return_val_if_fail (BT_IS_WEEK (self), 0.0);

  if (self->imported == NULL)
    return 0.0;
  h = g_hash_table_lookup (self->imported, category_id);

  return h != NULL ? *h : 0.0;
}

/**
 * bt_week_set_imported:
 * @imported: (nullable) (transfer none): category id → hours (double *);
 *   kept, and never to be modified afterwards; %NULL or empty for none
 */
void
bt_week_set_imported (BtWeek     *self,
                      GHashTable *imported)
{
  g_return_if_fail (BT_IS_WEEK (self));

  if (imported != NULL && g_hash_table_size (imported) == 0)
    imported = NULL;
  if (imported == self->imported)
    return;

  if (imported != NULL)
    g_hash_table_ref (imported);
  g_clear_pointer (&self->imported, g_hash_table_unref);
  self->imported = imported;
  bt_item_notify (BT_ITEM (self), properties[PROP_IMPORTED]);
}

/**
 * bt_week_get_imported_from:
 *
 * Returns: (nullable): the name of the source the imported hours
 *   (bt_week_get_imported()) came from; %NULL when not known
 */
const char *
bt_week_get_imported_from (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);

  return self->imported_from;
}

void
bt_week_set_imported_from (BtWeek     *self,
                           const char *source)
{
  g_return_if_fail (BT_IS_WEEK (self));

  if (source != NULL && *source == '\0')
    source = NULL;
  if (g_strcmp0 (self->imported_from, source) == 0)
    return;
  g_free (self->imported_from);
  self->imported_from = g_strdup (source);
  bt_item_notify (BT_ITEM (self), properties[PROP_IMPORTED_FROM]);
}

/* The entries' ids are interned: an interned id is found by its address. */
static Entry *
find_interned_entry (BtWeek     *self,
                     const char *category_id)
{
  for (guint i = 0; i < self->n_entries; i++)
    if (self->entries[i].category_id == category_id)
      return &self->entries[i];

  return NULL;
}

/* Any copy of an id: one never interned is no entry's. */
static Entry *
find_entry (BtWeek     *self,
            const char *category_id)
{
  GQuark quark = g_quark_try_string (category_id);

  return quark != 0 ? find_interned_entry (self, g_quark_to_string (quark)) : NULL;
}

double
bt_week_get_hours (BtWeek     *self,
                   const char *category_id)
{
  Entry *entry;

  g_return_val_if_fail (BT_IS_WEEK (self), 0.0);

  entry = find_entry (self, category_id);

  return entry != NULL ? entry->hours : 0.0;
}

/**
 * bt_week_set_hours:
 *
 * Sets the hours of one category. A category with no hours yet and 0 given
 * adds nothing; one that had hours keeps its place with 0.
 */
void
bt_week_set_hours (BtWeek     *self,
                   const char *category_id,
                   double      hours)
{
  g_return_if_fail (category_id != NULL);

  bt_week_set_hours_interned (self, g_intern_string (category_id), hours);
}

/**
 * bt_week_set_hours_interned:
 * @category_id: an id from g_intern_string()
 *
 * bt_week_set_hours() for a loader that has the id interned already: a
 * plan's weeks name the same few categories thousands of times.
 */
void
bt_week_set_hours_interned (BtWeek     *self,
                            const char *category_id,
                            double      hours)
{
  Entry *entry;

  g_return_if_fail (BT_IS_WEEK (self));
  g_return_if_fail (category_id != NULL);
  g_return_if_fail (isfinite (hours) && hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS);

  entry = find_interned_entry (self, category_id);

  if (entry != NULL && entry->hours == hours)
    return;

  if (entry == NULL && hours == 0.0)
    return;

  if (entry != NULL)
    entry->hours = hours;
  else
    {
      if (self->n_entries == self->n_allocated)
        {
          Entry *more = g_new (Entry, self->n_allocated * 2);

          memcpy (more, self->entries, self->n_entries * sizeof (Entry));
          if (self->entries != self->inline_entries)
            g_free (self->entries);
          self->entries = more;
          self->n_allocated *= 2;
        }
      self->entries[self->n_entries++] = (Entry) { category_id, hours };
    }

  bt_item_notify (BT_ITEM (self), properties[PROP_TOTAL_HOURS]);
}

guint
bt_week_get_n_categories (BtWeek *self)
{
  g_return_val_if_fail (BT_IS_WEEK (self), 0);

  return self->n_entries;
}

/**
 * bt_week_peek_entries:
 * @n_entries: (out): how many there are
 *
 * The categories with hours this week and their hours, as
 * bt_week_get_category() gives them one by one, for code that reads every
 * week of a plan.
 *
 * Returns: (transfer none) (array length=n_entries): valid until the week's
 *   hours next change
 */
const BtWeekEntry *
bt_week_peek_entries (BtWeek *self,
                      guint  *n_entries)
{
  g_return_val_if_fail (BT_IS_WEEK (self), NULL);
  g_return_val_if_fail (n_entries != NULL, NULL);

  *n_entries = self->n_entries;

  return self->entries;
}

/**
 * bt_week_get_category:
 * @hours: (out) (optional): the hours recorded for it
 *
 * Returns: the id of the @index-th category with hours this week, interned
 *   (g_intern_string())
 */
const char *
bt_week_get_category (BtWeek *self,
                      guint   index,
                      double *hours)
{
  Entry *entry;

  g_return_val_if_fail (BT_IS_WEEK (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);

  entry = &self->entries[index];
  if (hours != NULL)
    *hours = entry->hours;

  return entry->category_id;
}

double
bt_week_get_total_hours (BtWeek *self)
{
  double total = 0.0;

  g_return_val_if_fail (BT_IS_WEEK (self), 0.0);

  for (guint i = 0; i < self->n_entries; i++)
    total += self->entries[i].hours;

  return total;
}

