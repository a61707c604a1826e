/* bt-sample.c — the sample plan, as if its owner had kept it up to today
 *
 * The sample ships with fixed dates. Shown as they are, it would age: a
 * few weeks after a release it opens on "no hours recorded since …" and
 * everyone in it overdue. So every date and week in it moves by the same
 * whole number of weeks, until its last recorded week is the one before
 * today's. Days of the week and the distances between dates stay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-sample"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bt-date.h"
#include "bt-plan-file.h"

#define SAMPLE_RESOURCE "/io/github/breakthrough/Planner/sample-plan.json"

/* The Monday of the latest week in the sample's "weeks". */
static gboolean
last_week_monday (JsonObject *root,
                  GDate      *monday)
{
  JsonArray *weeks = json_object_get_array_member (root, "weeks");
  gboolean found = FALSE;

  g_date_clear (monday, 1);
  for (guint i = 0; weeks != NULL && i < json_array_get_length (weeks); i++)
    {
      JsonObject *week = json_array_get_object_element (weeks, i);
      const char *text = week ? json_object_get_string_member_with_default (week, "week", NULL) : NULL;
      int year, number;
      GDate day;

      if (text == NULL || !bt_iso_week_parse (text, &year, &number, NULL))
        continue;
      bt_iso_week_monday (year, number, &day);
      if (!found || g_date_compare (&day, monday) > 0)
        *monday = day;
      found = TRUE;
    }

  return found;
}

/* Every value in @node that is a date (YYYY-MM-DD) or an ISO week
 * (YYYY-Www), @days later (a multiple of 7). */
static void
shift_node (JsonNode *node,
            int       days)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          shift_node (member, days);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          shift_node (json_array_get_element (array, i), days);
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);
          int year, number;
          GDate day;

          if (strlen (text) == 10 && bt_date_parse (text, &day))
            {
              g_autofree char *moved = NULL;

              g_date_add_days (&day, days);
              moved = bt_date_to_iso (&day);
              json_node_set_string (node, moved);
            }
          else if (strlen (text) == 8 && bt_iso_week_parse (text, &year, &number, NULL))
            {
              g_autofree char *moved = NULL;

              bt_iso_week_monday (year, number, &day);
              g_date_add_days (&day, days);
              moved = bt_iso_week_format_date (&day);
              json_node_set_string (node, moved);
            }
        }
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

/* The sample says it is one, so that its exports can. */
static BtPlan *
as_sample (BtPlan *plan)
{
  if (plan != NULL)
    bt_plan_set_sample (plan, TRUE);

  return plan;
}

/**
 * bt_plan_file_load_sample_at:
 * @today: the day the sample is to look kept up to
 *
 * The sample plan with every date and week moved by whole weeks, so that
 * its last recorded week is the one before @today's. Only ever later:
 * a clock set before the sample was written shows it as shipped.
 *
 * Returns: (transfer full): the sample plan, up to @today
 */
BtPlan *
bt_plan_file_load_sample_at (const GDate  *today,
                             GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *data = NULL;
  JsonNode *root;
  GDate last, target;
  int year, week, days;
  gsize length;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;

  root = json_parser_get_root (parser);
  bt_iso_week_of_date (today, &year, &week);
  bt_iso_week_monday (year, week, &target);
  g_date_subtract_days (&target, 7);
  if (!JSON_NODE_HOLDS_OBJECT (root) || !last_week_monday (json_node_get_object (root), &last)
      || (days = g_date_days_between (&last, &target)) <= 0)
    return as_sample (bt_plan_file_load_bytes (bytes, error));

  shift_node (root, days);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_take (g_steal_pointer (&data), length);

  return as_sample (bt_plan_file_load_bytes (bytes, error));
}
