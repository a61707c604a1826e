/* bt-plan-writer.c — writing a plan, or one section of it, as a plan file
 *
 * Driven by the classes' field descriptions, as the reader is, so that what
 * is written reads back as it was; members this version does not know are
 * written back as they were read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-writer"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-json-writer.h"
#include "bt-plan-fields-private.h"

#define LIST_INFO(list) bt_item_class_lookup (bt_plan_lists[list].get_type ())

typedef struct
{
  BtJsonWriter *json;
  GString     *path;
  GError      *error;
} Writer;

static gboolean
check_text (Writer     *wr,
            const char *member,
            const char *text)
{
  if (wr->error == NULL && !g_utf8_validate (text, -1, NULL))
    g_set_error (&wr->error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE,
                 _("%s.%s: the text is not valid UTF-8, so the plan was not saved"),
                 wr->path->str, member);

  return wr->error == NULL;
}

static void
write_extra (Writer *wr,
             BtItem *item)
{
  JsonObject *extra = bt_item_get_extra (item);
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  if (extra == NULL)
    return;

  json_object_iter_init_ordered (&iter, extra);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      bt_json_writer_member (wr->json, name);
      bt_json_writer_node (wr->json, node);
    }
}

static void write_list (Writer *wr, GListModel *list, BtItemClass *klass);

static void
write_fields (Writer    *wr,
              BtItemClass *klass,
              BtItem    *item)
{
  BtJsonWriter *b = wr->json;

  if (klass->description->has_id)
    {
      bt_json_writer_member (b, "id");
      bt_json_writer_string (b, bt_item_get_id (item));
    }

  for (guint i = 0; i < klass->description->n_fields && wr->error == NULL; i++)
    {
      const BtField *field = &klass->description->fields[i];
      GParamSpec *pspec = klass->field_pspecs[i];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, type);
      G_OBJECT_GET_CLASS (item)->get_property (G_OBJECT (item), pspec->param_id, &value, pspec);

      if (type == G_TYPE_STRING)
        {
          const char *s = g_value_get_string (&value);

          /* Empty optional text is left out: the file stays short to read. */
          if ((s == NULL || *s == '\0') && !(field->flags & BT_FIELD_REQUIRED))
            continue;
          if (s == NULL)
            s = "";
          if (!check_text (wr, field->member, s))
            return;
          bt_json_writer_member (b, field->member);
          bt_json_writer_string (b, s);
        }
      else if (type == G_TYPE_DATE)
        {
          const GDate *date = g_value_get_boxed (&value);
          char text[BT_DATE_ISO_SIZE];

          if (date == NULL || !g_date_valid (date))
            continue;
          bt_date_format_iso (date, text);
          bt_json_writer_member (b, field->member);
          bt_json_writer_string (b, text);
        }
      else if (type == G_TYPE_INT)
        {
          int v = g_value_get_int (&value);

          if (v == 0 && (field->flags & BT_FIELD_ZERO_UNSET))
            continue;
          bt_json_writer_member (b, field->member);
          bt_json_writer_int (b, v);
        }
      else if (type == G_TYPE_DOUBLE)
        {
          double v = g_value_get_double (&value);

          if (!isfinite (v))
            {
              g_set_error (&wr->error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE,
                           _("%s.%s: the number is not finite, so the plan was not saved"),
                           wr->path->str, field->member);
              return;
            }
          bt_json_writer_member (b, field->member);
          bt_json_writer_double (b, v);
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          bt_json_writer_member (b, field->member);
          bt_json_writer_string (b, bt_enum_to_nick (type, g_value_get_enum (&value)));
        }
    }

  for (guint i = 0; i < klass->description->n_children && wr->error == NULL; i++)
    {
      GListModel *list = klass->description->children[i].get (item);
      gsize mark = wr->path->len;

      g_string_append_printf (wr->path, ".%s", klass->description->children[i].member);
      bt_json_writer_member (b, klass->description->children[i].member);
      write_list (wr, list, bt_item_class_lookup (klass->description->children[i].get_type ()));
      g_string_truncate (wr->path, mark);
    }

  write_extra (wr, item);
}

static void
write_list (Writer     *wr,
            GListModel *list,
            BtItemClass  *klass)
{
  guint n = g_list_model_get_n_items (list);

  bt_json_writer_begin_array (wr->json);
  for (guint i = 0; i < n && wr->error == NULL; i++)
    {
      g_autoptr(BtItem) item = g_list_model_get_item (list, i);
      gsize mark = wr->path->len;

      bt_json_append_index (wr->path, i);
      bt_json_writer_begin_object (wr->json);
      write_fields (wr, klass, item);
      bt_json_writer_end_object (wr->json);
      g_string_truncate (wr->path, mark);
    }
  bt_json_writer_end_array (wr->json);
}

static void
write_top_list (Writer     *wr,
                const char *member,
                GListModel *list,
                BtItemClass  *klass)
{
  g_string_assign (wr->path, member);
  bt_json_writer_member (wr->json, member);
  write_list (wr, list, klass);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_weeks (Writer *wr,
             BtPlan *plan)
{
  BtJsonWriter *b = wr->json;
  GListModel *weeks = bt_plan_get_weeks (plan);
  guint n = g_list_model_get_n_items (weeks);

  bt_json_writer_member (b, "weeks");
  bt_json_writer_begin_array (b);
  for (guint i = 0; i < n && wr->error == NULL; i++)
    {
      g_autoptr(BtWeek) week = g_list_model_get_item (weeks, i);
      guint n_categories = bt_week_get_n_categories (week);
      const char *note = bt_week_get_note (week);

      g_string_printf (wr->path, "weeks[%u]", i);
      bt_json_writer_begin_object (b);
      bt_json_writer_member (b, "week");
      bt_json_writer_string (b, bt_week_get_week (week));
      bt_json_writer_member (b, "hours");
      bt_json_writer_begin_object (b);
      for (guint j = 0; j < n_categories; j++)
        {
          double hours;
          const char *category = bt_week_get_category (week, j, &hours);

          /* A category set back to 0 (a check-in or an import states the
           * whole week) is left out: reading adds nothing for 0, so the file
           * reads back the same. */
          if (hours == 0.0)
            continue;
          bt_json_writer_member (b, category);
          bt_json_writer_double (b, hours);
        }
      bt_json_writer_end_object (b);
      if (*note != '\0')
        {
          if (!check_text (wr, "note", note))
            break;
          bt_json_writer_member (b, "note");
          bt_json_writer_string (b, note);
        }
      if (bt_week_get_imported (week) != NULL)
        {
          g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (bt_week_get_imported (week), NULL);
          guint n_ids = g_strv_length ((char **) ids);

          /* Sorted, so the file reads the same however the table was built. */
          qsort (ids, n_ids, sizeof (char *), compare_strings);
          bt_json_writer_member (b, "imported");
          bt_json_writer_begin_object (b);
          for (guint j = 0; j < n_ids; j++)
            {
              /* What the import put in a category is part of its hours; the
               * user may have lowered them since (a check-in states the
               * whole week), which leaves no typed hours either way: written
               * as at most the hours, which is all reading takes. A category
               * deleted since: what was imported for it is gone with its
               * hours. */
              double hours = MIN (bt_week_get_imported_hours (week, ids[j]), bt_week_get_hours (week, ids[j]));

              if (hours <= 0.0 || bt_plan_find_by_id (bt_plan_get_categories (plan), ids[j]) == NULL)
                continue;
              bt_json_writer_member (b, ids[j]);
              bt_json_writer_double (b, hours);
            }
          bt_json_writer_end_object (b);
          if (bt_week_get_imported_from (week) != NULL && check_text (wr, "imported_from", bt_week_get_imported_from (week)))
            {
              bt_json_writer_member (b, "imported_from");
              bt_json_writer_string (b, bt_week_get_imported_from (week));
            }
        }
      write_extra (wr, BT_ITEM (week));
      bt_json_writer_end_object (b);
    }
  bt_json_writer_end_array (b);
}

/**
 * bt_plan_file_serialize:
 * @section: the whole plan, or one part of it as a valid partial plan
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL if the plan
 *   holds a value that could not be read back (nothing is written then)
 */
GBytes *
bt_plan_file_serialize (BtPlan         *plan,
                        BtPlanSection   section,
                        GError        **error)
{
  g_autoptr(BtJsonWriter) json = bt_json_writer_new (64 * 1024);
  g_autoptr(GString) path = g_string_new (NULL);
  Writer wr = { json, path, NULL };
  gboolean all = section == BT_PLAN_SECTION_ALL;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  bt_json_writer_begin_object (json);
  bt_json_writer_member (json, "format");
  bt_json_writer_string (json, BT_PLAN_FORMAT);
  /* An export of a newer file keeps its version, so that this version's
   * view of it is never taken for the whole. */
  bt_json_writer_member (json, "version");
  bt_json_writer_int (json, MAX (BT_PLAN_VERSION, bt_plan_get_file_version (plan)));
  if (!all)
    {
      bt_json_writer_member (json, "section");
      bt_json_writer_string (json, bt_plan_section_to_string (section));
    }

  if (all || section == BT_PLAN_SECTION_PROFILE)
    {
      g_string_assign (path, "profile");
      bt_json_writer_member (json, "profile");
      bt_json_writer_begin_object (json);
      write_fields (&wr, bt_item_class_lookup (BT_TYPE_PROFILE), BT_ITEM (bt_plan_get_profile (plan)));
      bt_json_writer_end_object (json);
    }

  if (all || section == BT_PLAN_SECTION_ROADMAP)
    {
      write_top_list (&wr, "phases", bt_plan_get_phases (plan), LIST_INFO (LIST_PHASES));
      write_top_list (&wr, "milestones", bt_plan_get_milestones (plan), LIST_INFO (LIST_MILESTONES));
    }

  if (all || section == BT_PLAN_SECTION_TIME)
    {
      write_top_list (&wr, "categories", bt_plan_get_categories (plan), LIST_INFO (LIST_CATEGORIES));
      write_weeks (&wr, plan);
      /* Only when there are rules: a plan that never imported stays as it was. */
      if (g_list_model_get_n_items (bt_plan_get_import_rules (plan)) > 0)
        write_top_list (&wr, "import_rules", bt_plan_get_import_rules (plan), LIST_INFO (LIST_IMPORT_RULES));
    }

  if (all || section == BT_PLAN_SECTION_RELATIONSHIPS)
    write_top_list (&wr, "relationships", bt_plan_get_relationships (plan), LIST_INFO (LIST_RELATIONSHIPS));

  if (all || section == BT_PLAN_SECTION_NARRATIVES)
    write_top_list (&wr, "narratives", bt_plan_get_narratives (plan), LIST_INFO (LIST_NARRATIVES));

  if (all || section == BT_PLAN_SECTION_CHECK_INS)
    write_top_list (&wr, "check_ins", bt_plan_get_check_ins (plan), LIST_INFO (LIST_CHECK_INS));

  if (all)
    {
      g_string_truncate (path, 0);
      write_extra (&wr, BT_ITEM (plan));
    }

  if (wr.error != NULL)
    {
      g_propagate_error (error, wr.error);
      return NULL;
    }

  bt_json_writer_end_object (json);

  return bt_json_writer_finish (json);
}
