/* bt-import-match.c — which category and which people an imported event
 * belongs to: the plan's rules (or the default ones), whole words of the
 * summary, the calendar, the attendees
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
/* Rules                                                               */

/* Whether @needle (case-folded) is in @haystack (case-folded) as whole
 * words: "review" in "design review" but not in "reviewer". */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  if (n == 0)
    return FALSE;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gboolean start_ok = TRUE;
      gboolean end_ok = TRUE;

      if (p > haystack)
        {
          const char *prev = g_utf8_find_prev_char (haystack, p);
          start_ok = prev == NULL || !g_unichar_isalnum (g_utf8_get_char (prev));
        }
      if (p[n] != '\0')
        end_ok = !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

void
bt_import_matcher_init (BtImportMatcher *m,
                        BtPlan          *plan,
                        GListModel      *rules)
{
  GListModel *people = bt_plan_get_relationships (plan);
  GListModel *categories = bt_plan_get_categories (plan);

  m->plan = plan;
  m->relationships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  m->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  m->rules = g_ptr_array_new_with_free_func (g_object_unref);
  m->folded = g_ptr_array_new_with_free_func (g_free);
  m->categories = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (people, i);
      const char *email = bt_relationship_get_email (r);

      if (email != NULL && *email != '\0')
        g_hash_table_replace (m->relationships, g_utf8_casefold (email, -1), g_object_ref (r));
      else
        {
          /* No address to know them by: their whole name, as a calendar
           * shows an attendee's. Two people of one name are neither. */
          g_autofree char *name = g_strstrip (g_strdup (bt_relationship_get_name (r)));
          char *folded = g_utf8_casefold (name, -1);

          if (*folded == '\0')
            g_free (folded);
          else if (g_hash_table_contains (m->names, folded))
            g_hash_table_replace (m->names, folded, NULL);
          else
            g_hash_table_replace (m->names, folded, g_object_ref (r));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      BtImportRule *rule = g_list_model_get_item (rules, i);
      BtCategory *category = bt_plan_find_by_id (categories, bt_import_rule_get_category (rule));

      g_ptr_array_add (m->rules, rule);
      g_autofree char *pattern = g_strstrip (g_strdup (bt_import_rule_get_pattern (rule)));

      g_ptr_array_add (m->folded, g_utf8_casefold (pattern, -1));
      g_ptr_array_add (m->categories, category != NULL ? g_object_ref (category) : NULL);
    }
}

void
bt_import_matcher_clear (BtImportMatcher *m)
{
  g_hash_table_unref (m->relationships);
  g_hash_table_unref (m->names);
  g_ptr_array_unref (m->rules);
  g_ptr_array_unref (m->folded);
  g_ptr_array_unref (m->categories);
}

static BtRelationship *
matcher_person (BtImportMatcher    *m,
                const char *address)
{
  g_autofree char *folded = g_utf8_casefold (address, -1);

  return g_hash_table_lookup (m->relationships, folded);
}

/* The relationships among @event's attendees, each once: by address, or
 * for one with no address in the plan, by the attendee's whole name. */
void
bt_import_matcher_people (BtImportMatcher     *m,
                          const BtImportEvent *event,
                          GPtrArray           *people)
{
  g_ptr_array_set_size (people, 0);
  for (guint a = 0; event->attendees != NULL && event->attendees[a] != NULL; a++)
    {
      BtRelationship *r = matcher_person (m, event->attendees[a]);

      if (r != NULL && !g_ptr_array_find (people, r, NULL))
        g_ptr_array_add (people, r);
    }
  for (guint a = 0; g_hash_table_size (m->names) > 0 &&
       event->attendee_names != NULL && event->attendee_names[a] != NULL; a++)
    {
      g_autofree char *name = g_strstrip (g_strdup (event->attendee_names[a]));
      g_autofree char *folded = g_utf8_casefold (name, -1);
      BtRelationship *r = g_hash_table_lookup (m->names, folded);

      if (r != NULL && !g_ptr_array_find (people, r, NULL))
        g_ptr_array_add (people, r);
    }
}

static gboolean
rule_matches (BtImportMatcher             *m,
              guint                i,
              const BtImportEvent *event,
              const char          *folded_text)
{
  BtImportRule *rule = m->rules->pdata[i];
  const char *pattern = m->folded->pdata[i];

  switch (bt_import_rule_get_match (rule))
    {
    case BT_RULE_WORDS:
      return contains_words (folded_text, pattern);

    case BT_RULE_CALENDAR:
      if (event->calendar != NULL && *pattern != '\0')
        {
          g_autofree char *calendar = g_utf8_casefold (event->calendar, -1);
          return g_str_equal (g_strstrip (calendar), pattern);
        }
      return FALSE;

    case BT_RULE_ATTENDEE:
      for (guint a = 0; event->attendees != NULL && event->attendees[a] != NULL; a++)
        {
          g_autofree char *address = g_utf8_casefold (event->attendees[a], -1);

          if (*pattern == '@' ? g_str_has_suffix (address, pattern) : g_str_equal (address, pattern))
            return TRUE;
        }
      return FALSE;

    case BT_RULE_RELATIONSHIP:
      {
        g_autoptr(GPtrArray) people = g_ptr_array_new ();

        bt_import_matcher_people (m, event, people);
        for (guint a = 0; a < people->len; a++)
          {
            BtRelationship *r = people->pdata[a];
            int function;

            /* An optional function narrows it: "finance". */
            if (*pattern == '\0' ||
                (bt_enum_from_nick (BT_TYPE_FUNCTION, pattern, &function) &&
                 bt_relationship_get_function (r) == (BtFunction) function))
              return TRUE;
          }
        return FALSE;
      }

    default:
      return FALSE;
    }
}

BtCategory *
bt_import_matcher_match (BtImportMatcher     *m,
                         const BtImportEvent *event)
{
  g_autofree char *text = g_strconcat (event->summary ? event->summary : "", "\n",
                                       event->description ? event->description : "", NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < m->rules->len; i++)
    if (m->categories->pdata[i] != NULL && rule_matches (m, i, event, folded))
      return m->categories->pdata[i];

  return NULL;
}

/**
 * bt_import_match:
 *
 * Returns: (transfer none) (nullable): the category the first matching
 *   rule gives @event
 */
BtCategory *
bt_import_match (BtPlan              *plan,
                 const BtImportEvent *event)
{
  BtImportMatcher m;
  BtCategory *category;

  bt_import_matcher_init (&m, plan, bt_plan_get_import_rules (plan));
  category = bt_import_matcher_match (&m, event);
  bt_import_matcher_clear (&m);

  return category;
}

/* The default rules follow the product's words: firefighting first, then
 * the strategic words, then the other tactical ones, then anyone from the
 * user's relationships. Each names a default category by its English name
 * (or its translation); a plan without it gets the first category of the
 * same kind. */
static const struct {
  BtRuleMatch     match;
  const char     *pattern;
  const char     *category;
  BtCategoryKind  kind;
} default_rules[] = {
  { BT_RULE_WORDS, "incident", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "outage", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "on-call", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "postmortem", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "business case", N_("Business cases and proposals"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "strategy", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "roadmap", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "QBR", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "planning", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "stand-up", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "standup", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "sprint", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "deploy", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "release", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "review", N_("Hands-on technical work and reviews"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "status", N_("Status meetings"), BT_CATEGORY_TACTICAL },
  { BT_RULE_RELATIONSHIP, "", N_("Cross-functional partnership"), BT_CATEGORY_STRATEGIC },
};

static BtCategory *
find_default_category (GListModel     *categories,
                       const char     *english,
                       BtCategoryKind  kind)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, english);
  BtCategory *same_kind = NULL;
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCategory) c = g_list_model_get_item (categories, i);
      const char *name = bt_category_get_name (c);

      if (g_str_equal (name, english) || g_str_equal (name, translated))
        return c;
      if (same_kind == NULL && bt_category_get_kind (c) == kind)
        same_kind = c;
    }

  return same_kind;
}

void
bt_import_fill_default_rules (GListStore *rules,
                              GListModel *categories)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_rules); i++)
    {
      BtCategory *c = find_default_category (categories, default_rules[i].category, default_rules[i].kind);
      g_autoptr(BtImportRule) rule = NULL;

      if (c == NULL)
        continue;
      rule = bt_import_rule_new (default_rules[i].match, default_rules[i].pattern,
                                 bt_item_get_id (BT_ITEM (c)));
      g_list_store_append (rules, rule);
    }
}

/**
 * bt_import_add_default_rules:
 *
 * Adds the default rules to a plan that has none, as a step of @history.
 */
void
bt_import_add_default_rules (BtPlan    *plan,
                             BtHistory *history)
{
  GListModel *rules = bt_plan_get_import_rules (plan);
  g_autoptr(GListStore) defaults = g_list_store_new (BT_TYPE_IMPORT_RULE);

  g_return_if_fail (g_list_model_get_n_items (rules) == 0);

  bt_import_fill_default_rules (defaults, bt_plan_get_categories (plan));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (defaults)); i++)
    {
      g_autoptr(BtItem) rule = g_list_model_get_item (G_LIST_MODEL (defaults), i);
      bt_history_append (history, BT_ITEM (plan), rules, rule);
    }
}
