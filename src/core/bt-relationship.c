/* bt-relationship.c — A cross-functional peer and the plan for that relationship.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-relationship"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-relationship.h"
#include "bt-item-define-private.h"
#include "bt-touchpoint.h"

struct _BtRelationship
{
  BtItem parent_instance;

  /* what the analytics read of everyone first, in one cache line */
  BtFunction function;
  int strength;
  int cadence_days;
  gboolean last_known;       /* whether last_touchpoint is, forgotten at every change */
  GDate last_touchpoint;     /* the latest touchpoint's date, when known */
  char *name;
  char *role;
  char *email;
  char *next_step;
  GDate next_step_due;
  char *help_with;
  char *notes;
  char *contact_uid;
  BtItemList *touchpoints;
};

/* Anything in the relationship or its touchpoints changed. */
static void
bt_relationship_changed (BtItem *item)
{
  BT_RELATIONSHIP (item)->last_known = FALSE;
}

#define BT_ITEM_SELF BtRelationship, bt_relationship
BT_DEFINE_ITEM_TYPE (BT_RELATIONSHIP_FIELDS)
BT_DEFINE_ITEM_LISTS (BT_RELATIONSHIP_LISTS, N_("Person"), TRUE)

static void
bt_relationship_class_init (BtRelationshipClass *klass)
{
  BT_ITEM_CLASS (klass)->changed = bt_relationship_changed;

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
}

/**
 * bt_relationship_get_last_touchpoint:
 * @last: (out): the date of the latest touchpoint
 *
 * Kept between changes: the overview, the report and the analytics ask for
 * it for every person, again and again.
 *
 * Returns: whether there is a touchpoint with a date
 */
gboolean
bt_relationship_get_last_touchpoint (BtRelationship *self,
                                     GDate          *last)
{
  g_return_val_if_fail (BT_IS_RELATIONSHIP (self), FALSE);
  g_return_val_if_fail (last != NULL, FALSE);

  if (!self->last_known)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->touchpoints));

      g_date_clear (&self->last_touchpoint, 1);
      for (guint i = 0; i < n; i++)
        {
          BtTouchpoint *touchpoint = g_list_model_get_item (G_LIST_MODEL (self->touchpoints), i);
          const GDate *date = bt_touchpoint_get_date (touchpoint);

          if (date != NULL && g_date_valid (date) &&
              (!g_date_valid (&self->last_touchpoint) || g_date_compare (date, &self->last_touchpoint) > 0))
            self->last_touchpoint = *date;
          g_object_unref (touchpoint);
        }
      self->last_known = TRUE;
    }

  *last = self->last_touchpoint;

  return g_date_valid (last);
}

/* Words of a job title, in English, and the function they point to; the
 * first list that has one of the title's words wins, so "VP Sales" is
 * sales and not leadership. */
static const struct
{
  BtFunction  function;
  const char *words[10];
} title_words[] = {
  { BT_FUNCTION_SALES, { "sales", "account", "accounts", "revenue", "cro", "commercial", "partnerships" } },
  { BT_FUNCTION_MARKETING, { "marketing", "brand", "growth", "communications", "cmo" } },
  { BT_FUNCTION_FINANCE, { "finance", "financial", "cfo", "controller", "accounting", "treasurer", "fp&a" } },
  { BT_FUNCTION_DESIGN, { "design", "designer", "ux" } },
  { BT_FUNCTION_PRODUCT, { "product", "cpo" } },
  { BT_FUNCTION_CUSTOMER_SUCCESS, { "customer", "customers", "support", "success", "service" } },
  { BT_FUNCTION_PEOPLE, { "people", "hr", "talent", "recruiting", "human", "chro" } },
  { BT_FUNCTION_OPERATIONS, { "operations", "operating", "ops", "coo", "procurement", "supply" } },
  { BT_FUNCTION_LEADERSHIP, { "ceo", "cto", "president", "founder", "chief", "gm", "general" } },
};

/**
 * bt_relationship_guess_function:
 * @title: (nullable): a job title from a contact card, such as "Head of Sales EMEA"
 *
 * The function a title most likely belongs to, for a person picked from
 * the desktop's contacts; the user checks it in the editor.
 *
 * Returns: the function, or %BT_FUNCTION_OTHER when the title says none
 */
BtFunction
bt_relationship_guess_function (const char *title)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (title == NULL)
    return BT_FUNCTION_OTHER;

  folded = g_utf8_strdown (title, -1);
  words = g_regex_split_simple ("[^[:alnum:]&]+", folded, 0, 0);
  for (guint f = 0; f < G_N_ELEMENTS (title_words); f++)
    for (guint w = 0; title_words[f].words[w] != NULL; w++)
      if (g_strv_contains ((const char * const *) words, title_words[f].words[w]))
        return title_words[f].function;

  return BT_FUNCTION_OTHER;
}
