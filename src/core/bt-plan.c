/* bt-plan.c — everything a person plans for their shift, in one object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-plan.h"

struct _BtPlan
{
  BtItem      parent_instance;

  BtProfile  *profile;
  BtItemList *phases;
  BtItemList *milestones;
  BtItemList *categories;
  BtItemList *weeks;          /* sorted by week */
  BtItemList *relationships;
  BtItemList *narratives;
  BtItemList *check_ins;
  BtItemList *import_rules;

  guint64     generation;
  guint64     cases_generation;  /* when n_cases was counted, plus one */

  /* What each change touched, for derived data that can be brought up to
   * date instead of worked out again (see bt_plan_get_part_generation()). */
  guint64     part_generation[BT_PLAN_N_PARTS];
  guint64     whole_generation[BT_PLAN_N_PARTS];   /* the last change not logged */
  guint64     log_lost[BT_PLAN_N_PARTS];           /* the newest entry overwritten */
  BtPlanChange log[BT_PLAN_LOG];
  guint64     log_generation[BT_PLAN_LOG];
  guint       log_next;
  /* The list whose change is about to reach on_self_changed_cb() */
  gboolean    list_changing;
  BtPlanChange list_change;
  guint       n_cases;
  guint       file_version;
  guint       read_only : 1;
  guint       sample : 1;      /* the app's sample, which exports mark as such */
};

G_DEFINE_FINAL_TYPE (BtPlan, bt_plan, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bt_plan_dispose (GObject *object)
{
  BtPlan *self = BT_PLAN (object);

  G_OBJECT_CLASS (bt_plan_parent_class)->dispose (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->phases);
  g_clear_object (&self->milestones);
  g_clear_object (&self->categories);
  g_clear_object (&self->weeks);
  g_clear_object (&self->relationships);
  g_clear_object (&self->narratives);
  g_clear_object (&self->check_ins);
  g_clear_object (&self->import_rules);
}

static void
bt_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BtPlan *self = BT_PLAN (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BtPlan *self = BT_PLAN (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      bt_plan_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
log_change (BtPlan             *self,
            const BtPlanChange *change)
{
  guint slot = self->log_next++ % BT_PLAN_LOG;
  guint64 g = self->generation;

  if (self->log_generation[slot] > 0)
    self->log_lost[self->log[slot].part] = MAX (self->log_lost[self->log[slot].part],
                                                self->log_generation[slot]);
  self->log[slot] = *change;
  self->log_generation[slot] = g;
  self->part_generation[change->part] = g;
}

static void
whole_change (BtPlan     *self,
              BtPlanPart  part)
{
  self->part_generation[part] = self->whole_generation[part] = self->generation;
}

static void
on_self_changed_cb (BtPlan *self)
{
  BtItem *child = bt_item_get_changed_child (BT_ITEM (self));

  self->generation++;

  if (child == NULL && self->list_changing)
    {
      /* One of the plan's lists gained or lost items: the weeks' list
       * change is logged, any other list's touches its part as a whole. */
      self->list_changing = FALSE;
      if (self->list_change.part == BT_PLAN_PART_WEEKS)
        log_change (self, &self->list_change);
      else if (self->list_change.part < BT_PLAN_N_PARTS)
        whole_change (self, self->list_change.part);
    }
  else if (child == NULL)
    {
      /* A field of the plan itself: anything may be different. */
      for (BtPlanPart part = 0; part < BT_PLAN_N_PARTS; part++)
        whole_change (self, part);
    }
  else if (BT_IS_WEEK (child))
    log_change (self, &(BtPlanChange) {
                  BT_PLAN_PART_WEEKS, .serial = bt_week_get_serial (BT_WEEK (child)) });
  else if (BT_IS_RELATIONSHIP (child))
    log_change (self, &(BtPlanChange) { BT_PLAN_PART_RELATIONSHIPS, .item = child });
  else if (BT_IS_CATEGORY (child))
    whole_change (self, BT_PLAN_PART_CATEGORIES);
  else if (BT_IS_MILESTONE (child))
    whole_change (self, BT_PLAN_PART_MILESTONES);
  /* the profile, phases, narratives, check-ins and import rules are no
   * part: nothing derived from them is kept */
}

static BtItemList *
part_list (BtPlan     *self,
           BtPlanPart  part)
{
  switch (part)
    {
    case BT_PLAN_PART_WEEKS: return self->weeks;
    case BT_PLAN_PART_CATEGORIES: return self->categories;
    case BT_PLAN_PART_RELATIONSHIPS: return self->relationships;
    case BT_PLAN_PART_MILESTONES: return self->milestones;
    case BT_PLAN_N_PARTS:
    default: g_assert_not_reached ();
    }
}

/* Before BtItem::changed, which on_self_changed_cb() handles. */
static void
bt_plan_children_changed (BtItem     *item,
                          BtItemList *list,
                          guint       position,
                          guint       removed,
                          guint       added)
{
  BtPlan *self = BT_PLAN (item);
  BtPlanPart part = 0;

  while (part < BT_PLAN_N_PARTS && list != part_list (self, part))
    part++;

  self->list_changing = TRUE;
  self->list_change = (BtPlanChange) {
    part, .serial = G_MAXUINT, .position = position, .removed = removed, .added = added,
  };
}

static void
bt_plan_class_init (BtPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bt_plan_dispose;
  object_class->get_property = bt_plan_get_property;
  object_class->set_property = bt_plan_set_property;
  BT_ITEM_CLASS (klass)->children_changed = bt_plan_children_changed;

  /**
   * BtPlan:read-only:
   *
   * Whether the plan must not be saved over its file, for example because
   * the file comes from a newer version of the app.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static BtItemList *
adopt_new_list (BtPlan *self,
                GType   item_type)
{
  BtItemList *list = bt_item_list_new (item_type);

  bt_item_adopt_list (BT_ITEM (self), list);

  return list;
}

static void
bt_plan_init (BtPlan *self)
{
  self->phases = adopt_new_list (self, BT_TYPE_PHASE);
  self->milestones = adopt_new_list (self, BT_TYPE_MILESTONE);
  self->categories = adopt_new_list (self, BT_TYPE_CATEGORY);
  self->weeks = adopt_new_list (self, BT_TYPE_WEEK);
  self->relationships = adopt_new_list (self, BT_TYPE_RELATIONSHIP);
  self->narratives = adopt_new_list (self, BT_TYPE_NARRATIVE);
  self->check_ins = adopt_new_list (self, BT_TYPE_CHECK_IN);
  self->import_rules = adopt_new_list (self, BT_TYPE_IMPORT_RULE);

  /* The profile is a single child; a one-item list gives it a parent like
   * any other item without a second mechanism. */
  self->profile = bt_profile_new ();
  {
    g_autoptr(BtItemList) holder = adopt_new_list (self, BT_TYPE_PROFILE);
    bt_item_list_append (holder, self->profile);
    g_object_set_data_full (G_OBJECT (self), "bt-profile-holder",
                            g_steal_pointer (&holder), g_object_unref);
  }

  /* The profile's list changed before anyone listened: that change must
   * not be taken for the next. */
  self->list_changing = FALSE;
  g_signal_connect (self, "changed", G_CALLBACK (on_self_changed_cb), NULL);
}

BtPlan *
bt_plan_new (void)
{
  return g_object_new (BT_TYPE_PLAN, NULL);
}

static const struct {
  const char     *name;
  BtCategoryKind  kind;
  const char     *color;
} default_categories[] = {
  /* Tactical in warm tones, strategic in cool ones, all from a palette
   * that colour-blind readers can tell apart (Okabe–Ito and its shades). */
  { N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL, "#d55e00" },
  { N_("Operations and delivery"), BT_CATEGORY_TACTICAL, "#e69f00" },
  { N_("Hands-on technical work and reviews"), BT_CATEGORY_TACTICAL, "#cc79a7" },
  { N_("Status meetings"), BT_CATEGORY_TACTICAL, "#a6761d" },
  { N_("Business cases and proposals"), BT_CATEGORY_STRATEGIC, "#0072b2" },
  { N_("Cross-functional partnership"), BT_CATEGORY_STRATEGIC, "#56b4e9" },
  { N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC, "#009e73" },
  { N_("Developing leaders and delegating"), BT_CATEGORY_STRATEGIC, "#1b9e77" },
  { N_("Narrative and communication"), BT_CATEGORY_STRATEGIC, "#3f6fd8" },
  { N_("Long-term vision"), BT_CATEGORY_STRATEGIC, "#6a51a3" },
};

void
bt_plan_add_default_categories (BtPlan *self)
{
  g_return_if_fail (BT_IS_PLAN (self));

  for (guint i = 0; i < G_N_ELEMENTS (default_categories); i++)
    {
      g_autoptr(BtCategory) category = bt_category_new ();

      bt_category_set_name (category, _(default_categories[i].name));
      bt_category_set_kind (category, default_categories[i].kind);
      bt_category_set_color (category, default_categories[i].color);
      bt_item_list_append (self->categories, category);
    }
}

/**
 * bt_plan_new_default:
 *
 * Returns: (transfer full): an empty plan with the default categories
 */
BtPlan *
bt_plan_new_default (void)
{
  BtPlan *self = bt_plan_new ();

  bt_plan_add_default_categories (self);

  return self;
}

BtProfile *
bt_plan_get_profile (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), NULL);

  return self->profile;
}

#define LIST_GETTER(name)                                     \
  GListModel *                                                \
  bt_plan_get_##name (BtPlan *self)                           \
  {                                                           \
    g_return_val_if_fail (BT_IS_PLAN (self), NULL);           \
    return G_LIST_MODEL (self->name);                         \
  }

LIST_GETTER (phases)
LIST_GETTER (milestones)
LIST_GETTER (categories)
LIST_GETTER (weeks)
LIST_GETTER (relationships)
LIST_GETTER (narratives)
LIST_GETTER (check_ins)
LIST_GETTER (import_rules)

#define LIST_PEEKER(type, name)                                   \
  type *const *                                                         \
  bt_plan_peek_##name (BtPlan *self,                                    \
                       guint  *n_items)                                 \
  {                                                                     \
    g_return_val_if_fail (BT_IS_PLAN (self), NULL);                     \
    g_return_val_if_fail (n_items != NULL, NULL);                       \
    return (type *const *) bt_item_list_peek_all (self->name, n_items); \
  }

/**
 * bt_plan_peek_weeks:
 * @n_items: (out): how many there are
 *
 * The same items as bt_plan_get_weeks(), for code that walks all of them:
 * no reference, no call per item. Likewise bt_plan_peek_relationships()
 * and bt_plan_peek_milestones().
 *
 * Returns: (transfer none) (array length=n_items): the weeks in order; valid
 *   until the list changes
 */
LIST_PEEKER (BtWeek, weeks)
LIST_PEEKER (BtRelationship, relationships)
LIST_PEEKER (BtMilestone, milestones)

gboolean
bt_plan_get_read_only (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), FALSE);

  return self->read_only;
}

void
bt_plan_set_read_only (BtPlan   *self,
                       gboolean  read_only)
{
  g_return_if_fail (BT_IS_PLAN (self));

  read_only = !!read_only;

  if (self->read_only == read_only)
    return;

  self->read_only = read_only;
  bt_item_notify (BT_ITEM (self), properties[PROP_READ_ONLY]);
}

/**
 * bt_plan_get_sample:
 *
 * Returns: whether the plan is the app's sample, not anyone's own: what is
 *   exported or printed of it says so
 */
gboolean
bt_plan_get_sample (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), FALSE);

  return self->sample;
}

void
bt_plan_set_sample (BtPlan   *self,
                    gboolean  sample)
{
  g_return_if_fail (BT_IS_PLAN (self));

  self->sample = !!sample;
}

/**
 * bt_plan_get_file_version:
 *
 * Returns: the format version of the file the plan came from; 0 for a plan
 *   not read from a file of a newer version
 */
guint
bt_plan_get_file_version (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), 0);

  return self->file_version;
}

void
bt_plan_set_file_version (BtPlan *self,
                          guint   version)
{
  g_return_if_fail (BT_IS_PLAN (self));

  self->file_version = version;
}

/**
 * bt_plan_count_business_cases:
 *
 * Counted once per change of the plan: the narratives chart says how many
 * there are on every redraw, and walking thousands of narratives for it
 * cost more than drawing.
 *
 * Returns: how many business cases the narratives have in all
 */
guint
bt_plan_count_business_cases (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), 0);

  if (self->cases_generation != self->generation + 1)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->narratives));

      self->n_cases = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BtNarrative) narrative = g_list_model_get_item (G_LIST_MODEL (self->narratives), i);

          self->n_cases += g_list_model_get_n_items (bt_narrative_get_business_cases (narrative));
        }
      self->cases_generation = self->generation + 1;
    }

  return self->n_cases;
}

/**
 * bt_plan_get_generation:
 *
 * Returns: a number that changes whenever anything in the plan changes, so
 *   that derived data (analytics, chart layouts) can be cached
 */
guint64
bt_plan_get_generation (BtPlan *self)
{
  g_return_val_if_fail (BT_IS_PLAN (self), 0);

  return self->generation;
}

/**
 * bt_plan_get_part_generation:
 *
 * Returns: the generation (see bt_plan_get_generation()) of the last change
 *   to anything in @part; derived data worked out at a later or equal
 *   generation is still up to date
 */
guint64
bt_plan_get_part_generation (BtPlan     *self,
                             BtPlanPart  part)
{
  g_return_val_if_fail (BT_IS_PLAN (self), 0);
  g_return_val_if_fail (part < BT_PLAN_N_PARTS, 0);

  return self->part_generation[part];
}

/**
 * bt_plan_get_changes:
 * @part: %BT_PLAN_PART_WEEKS or %BT_PLAN_PART_RELATIONSHIPS, whose changes
 *   the plan keeps track of one by one
 * @since: a generation
 * @changes: (element-type BtPlanChange): where the changes to @part after
 *   @since are appended, oldest first
 *
 * A change is to one week (its serial), to one relationship (the
 * relationship, not referenced: it is only handed out while no relationship
 * was added or removed since), or to the list of weeks (which items it
 * gained and lost, as #GListModel::items-changed says).
 *
 * Returns: %TRUE if the changes after @since are known one by one; %FALSE
 *   if there were more than the plan keeps track of, or others (a
 *   relationship added or removed, a change to the plan itself), and
 *   anything in @part may be different
 */
gboolean
bt_plan_get_changes (BtPlan     *self,
                     BtPlanPart  part,
                     guint64     since,
                     GArray     *changes)
{
  guint n;

  g_return_val_if_fail (BT_IS_PLAN (self), FALSE);
  g_return_val_if_fail (part == BT_PLAN_PART_WEEKS || part == BT_PLAN_PART_RELATIONSHIPS, FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);

  if (self->whole_generation[part] > since || self->log_lost[part] > since)
    return FALSE;

  n = MIN (self->log_next, BT_PLAN_LOG);
  for (guint i = 0; i < n; i++)
    {
      guint slot = (self->log_next - n + i) % BT_PLAN_LOG;

      if (self->log_generation[slot] > since && self->log[slot].part == part)
        g_array_append_val (changes, self->log[slot]);
    }

  return TRUE;
}

/* Binary search in the sorted weeks: the index of @serial, or where it
 * would go. */
static guint
find_week_position (BtPlan *self,
                    guint   serial,
                    gboolean *found)
{
  guint lo = 0, hi;
  BtWeek *const *weeks = bt_plan_peek_weeks (self, &hi);

  *found = FALSE;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint s = bt_week_get_serial (weeks[mid]);

      if (s == serial)
        {
          *found = TRUE;
          return mid;
        }
      if (s < serial)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * bt_plan_find_week:
 *
 * Returns: (transfer none) (nullable): the record of that week, if any
 */
BtWeek *
bt_plan_find_week (BtPlan *self,
                   int     iso_year,
                   int     week)
{
  g_autoptr(BtWeek) probe = NULL;
  gboolean found;
  guint pos;

  g_return_val_if_fail (BT_IS_PLAN (self), NULL);

  probe = bt_week_new (iso_year, week);
  if (probe == NULL)
    return NULL;

  pos = find_week_position (self, bt_week_get_serial (probe), &found);
  if (!found)
    return NULL;

  return bt_item_list_peek (self->weeks, pos);
}

/**
 * bt_plan_get_week_position:
 *
 * Returns: where @week goes among the plan's weeks, in time order
 */
guint
bt_plan_get_week_position (BtPlan *self,
                           BtWeek *week)
{
  gboolean found;

  g_return_val_if_fail (BT_IS_PLAN (self), 0);
  g_return_val_if_fail (BT_IS_WEEK (week), 0);

  return find_week_position (self, bt_week_get_serial (week), &found);
}

/**
 * bt_plan_add_week:
 *
 * Inserts @week at its place in time.
 *
 * Returns: %FALSE if the plan already has a record of that week
 */
gboolean
bt_plan_add_week (BtPlan *self,
                  BtWeek *week)
{
  gboolean found;
  guint pos;

  g_return_val_if_fail (BT_IS_PLAN (self), FALSE);
  g_return_val_if_fail (BT_IS_WEEK (week), FALSE);

  pos = find_week_position (self, bt_week_get_serial (week), &found);
  if (found)
    return FALSE;

  bt_item_insert_child (BT_ITEM (self), G_LIST_MODEL (self->weeks), pos, BT_ITEM (week));

  return TRUE;
}

/**
 * bt_plan_ensure_week:
 *
 * Returns: (transfer none): the record of that week, made if it was missing
 */
BtWeek *
bt_plan_ensure_week (BtPlan *self,
                     int     iso_year,
                     int     week)
{
  g_autoptr(BtWeek) created = NULL;
  BtWeek *existing;

  g_return_val_if_fail (BT_IS_PLAN (self), NULL);

  existing = bt_plan_find_week (self, iso_year, week);
  if (existing != NULL)
    return existing;

  created = bt_week_new (iso_year, week);
  g_return_val_if_fail (created != NULL, NULL);
  bt_plan_add_week (self, created);

  return created;
}

/**
 * bt_plan_find_by_id:
 *
 * Returns: (transfer none) (nullable): the item of @list with that id
 */
gpointer
bt_plan_find_by_id (GListModel *list,
                    const char *id)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (list), NULL);

  if (id == NULL)
    return NULL;

  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtItem) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (bt_item_get_id (item), id) == 0)
        return item;   /* the list keeps it alive */
    }

  return NULL;
}
