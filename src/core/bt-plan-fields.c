/* bt-plan-fields.c — what the plan file holds of each kind of item
 *
 * One table per kind of item: each field's member in the file, its flags
 * (required, a week, a colour, a phase's id) and the setter the reader
 * gives it to; the item's property tells its type, range and enum values.
 * The reader and the writer go by these tables, and so do the editor's
 * checks, through bt_plan_file_field_*().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-fields"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-plan-fields-private.h"

#define N(a) G_N_ELEMENTS (a)
#define SETTER(f) G_CALLBACK (f)

static const Field profile_fields[] = {
  { "name", .set = SETTER (bt_profile_set_name) },
  { "current_role", .set = SETTER (bt_profile_set_current_role) },
  { "target_role", .set = SETTER (bt_profile_set_target_role) },
  { "target_date", .set = SETTER (bt_profile_set_target_date) },
  { "birth_year", FIELD_ZERO_UNSET, BT_BIRTH_YEAR_MIN, BT_BIRTH_YEAR_MAX, .set = SETTER (bt_profile_set_birth_year) },
  { "target_share", .set = SETTER (bt_profile_set_target_share) },
  { "email", .set = SETTER (bt_profile_set_email) },
};
static const Field phase_fields[] = {
  { "title", FIELD_REQUIRED, .set = SETTER (bt_phase_set_title) },
  { "start", .set = SETTER (bt_phase_set_start) },
  { "end", .set = SETTER (bt_phase_set_end) },
};
static const Field milestone_fields[] = {
  { "title", FIELD_REQUIRED, .set = SETTER (bt_milestone_set_title) },
  { "date", .set = SETTER (bt_milestone_set_date) },
  { "phase", FIELD_PHASE_REF, .set = SETTER (bt_milestone_set_phase) },
  { "status", .set = SETTER (bt_milestone_set_status) },
  { "notes", .set = SETTER (bt_milestone_set_notes) },
  { "original_date", .set = SETTER (bt_milestone_set_original_date) },
};
static const Field category_fields[] = {
  { "name", FIELD_REQUIRED, .set = SETTER (bt_category_set_name) },
  { "kind", FIELD_REQUIRED, .set = SETTER (bt_category_set_kind) },
  { "color", FIELD_COLOR, .set = SETTER (bt_category_set_color) },
};
static const Field touchpoint_fields[] = {
  { "date", FIELD_REQUIRED, .set = SETTER (bt_touchpoint_set_date) },
  { "note", .set = SETTER (bt_touchpoint_set_note) },
  { "source", .set = SETTER (bt_touchpoint_set_source) },
};
static const Field relationship_fields[] = {
  { "name", FIELD_REQUIRED, .set = SETTER (bt_relationship_set_name) },
  { "role", .set = SETTER (bt_relationship_set_role) },
  { "email", .set = SETTER (bt_relationship_set_email) },
  { "function", .set = SETTER (bt_relationship_set_function) },
  { "strength", .set = SETTER (bt_relationship_set_strength) },
  { "cadence_days", .set = SETTER (bt_relationship_set_cadence_days) },
  { "next_step", .set = SETTER (bt_relationship_set_next_step) },
  { "next_step_due", .set = SETTER (bt_relationship_set_next_step_due) },
  { "help_with", .set = SETTER (bt_relationship_set_help_with) },
  { "notes", .set = SETTER (bt_relationship_set_notes) },
};
static const Field impact_fields[] = {
  { "summary", FIELD_REQUIRED, .set = SETTER (bt_impact_statement_set_summary) },
  { "technical_detail", .set = SETTER (bt_impact_statement_set_technical_detail) },
  { "business_impact", .set = SETTER (bt_impact_statement_set_business_impact) },
  { "impact_value", .set = SETTER (bt_impact_statement_set_impact_value) },
  { "impact_unit", .set = SETTER (bt_impact_statement_set_impact_unit) },
};
static const Field cost_row_fields[] = {
  { "metric", FIELD_REQUIRED, .set = SETTER (bt_cost_row_set_metric) },
  { "current_monthly", .set = SETTER (bt_cost_row_set_current_monthly) },
  { "projected_monthly", .set = SETTER (bt_cost_row_set_projected_monthly) },
};
static const Field case_fields[] = {
  { "title", FIELD_REQUIRED, .set = SETTER (bt_business_case_set_title) },
  { "problem", .set = SETTER (bt_business_case_set_problem) },
  { "cost", .set = SETTER (bt_business_case_set_cost) },
  { "solution", .set = SETTER (bt_business_case_set_solution) },
  { "ask", .set = SETTER (bt_business_case_set_ask) },
  { "ask_cost", .set = SETTER (bt_business_case_set_ask_cost) },
  { "return", .property = "expected-return", .set = SETTER (bt_business_case_set_expected_return) },
  { "status", .set = SETTER (bt_business_case_set_status) },
  { "proposed_on", .set = SETTER (bt_business_case_set_proposed_on) },
  { "decided_on", .set = SETTER (bt_business_case_set_decided_on) },
};
static const Field narrative_fields[] = {
  { "title", FIELD_REQUIRED, .set = SETTER (bt_narrative_set_title) },
  { "audience", .set = SETTER (bt_narrative_set_audience) },
  { "headline", .set = SETTER (bt_narrative_set_headline) },
  { "status", .set = SETTER (bt_narrative_set_status) },
  { "target_date", .set = SETTER (bt_narrative_set_target_date) },
};
static const Field check_in_fields[] = {
  { "week", FIELD_REQUIRED | FIELD_WEEK, .set = SETTER (bt_check_in_set_week) },
  { "question", .set = SETTER (bt_check_in_set_question) },
  { "answer", .set = SETTER (bt_check_in_set_answer) },
  { "over_involvement", .set = SETTER (bt_check_in_set_over_involvement) },
  { "operational_reflex", .set = SETTER (bt_check_in_set_operational_reflex) },
  { "not_delegating", .set = SETTER (bt_check_in_set_not_delegating) },
  { "technical_certainty", .set = SETTER (bt_check_in_set_technical_certainty) },
};

/* The category is not checked against the plan's: a rule outlives the
 * category it names, and the import says so instead of the file failing
 * to load. */
static const Field import_rule_fields[] = {
  { "match", FIELD_REQUIRED, .set = SETTER (bt_import_rule_set_match) },
  { "pattern", .set = SETTER (bt_import_rule_set_pattern) },
  { "category", FIELD_REQUIRED, .set = SETTER (bt_import_rule_set_category) },
};

#define CLASS(name, what, type, fields, children, n_children, has_id) \
  static ClassInfo name = { what, type, fields, N (fields), children, n_children, has_id, NULL }

ClassInfo bt_plan_profile_info = { "profile", bt_profile_get_type, profile_fields, N (profile_fields), NULL, 0, FALSE, NULL };
CLASS (phase_info, "phase", bt_phase_get_type, phase_fields, NULL, 0, TRUE);
CLASS (milestone_info, "milestone", bt_milestone_get_type, milestone_fields, NULL, 0, TRUE);
CLASS (category_info, "category", bt_category_get_type, category_fields, NULL, 0, TRUE);
CLASS (touchpoint_info, "touchpoint", bt_touchpoint_get_type, touchpoint_fields, NULL, 0, TRUE);
CLASS (impact_info, "impact statement", bt_impact_statement_get_type, impact_fields, NULL, 0, TRUE);
CLASS (cost_row_info, "cost row", bt_cost_row_get_type, cost_row_fields, NULL, 0, FALSE);
CLASS (check_in_info, "check-in", bt_check_in_get_type, check_in_fields, NULL, 0, TRUE);
CLASS (import_rule_info, "import rule", bt_import_rule_get_type, import_rule_fields, NULL, 0, TRUE);

static GListModel *get_touchpoints (gpointer self) { return bt_relationship_get_touchpoints (self); }
static GListModel *get_cost_rows (gpointer self) { return bt_business_case_get_cost_rows (self); }
static GListModel *get_impacts (gpointer self) { return bt_narrative_get_impact_statements (self); }
static GListModel *get_cases (gpointer self) { return bt_narrative_get_business_cases (self); }

static const ChildList relationship_children[] = {
  { "touchpoints", &touchpoint_info, get_touchpoints },
};
CLASS (relationship_info, "relationship", bt_relationship_get_type, relationship_fields,
       relationship_children, 1, TRUE);

static const ChildList case_children[] = {
  { "cost_rows", &cost_row_info, get_cost_rows },
};
CLASS (case_info, "business case", bt_business_case_get_type, case_fields, case_children, 1, TRUE);

static const ChildList narrative_children[] = {
  { "impact_statements", &impact_info, get_impacts },
  { "business_cases", &case_info, get_cases },
};
CLASS (narrative_info, "narrative", bt_narrative_get_type, narrative_fields, narrative_children, 2, TRUE);

void
bt_plan_fields_resolve (ClassInfo *info)
{
  /* Plans may load in worker threads, several at once. */
  if (g_once_init_enter (&info->pspecs))
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (info->get_type ());
      GParamSpec **pspecs = g_new0 (GParamSpec *, info->n_fields);

      for (guint i = 0; i < info->n_fields; i++)
        {
          const Field *field = &info->fields[i];
          g_autofree char *name = field->property ? g_strdup (field->property)
                                                  : g_strdelimit (g_strdup (field->member), "_", '-');

          pspecs[i] = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
          g_assert (pspecs[i] != NULL);
          g_assert (field->set != NULL);
        }

      /* Classes are never unloaded, so their pspecs stay valid. */
      g_once_init_leave (&info->pspecs, pspecs);
    }
}

/* What the tables say of one field, for the editor and the schema test:
 * the reader is the one truth about which fields a plan must hold. */
static ClassInfo * const all_infos[] = {
  &bt_plan_profile_info, &phase_info, &milestone_info, &category_info, &touchpoint_info, &impact_info,
  &cost_row_info, &check_in_info, &import_rule_info, &relationship_info, &case_info, &narrative_info,
};

static const Field *
find_field (GType       type,
            const char *property)
{
  for (guint c = 0; c < G_N_ELEMENTS (all_infos); c++)
    if (all_infos[c]->get_type () == type)
      for (guint i = 0; i < all_infos[c]->n_fields; i++)
        if (strcmp (bt_plan_field_pspec (all_infos[c], i)->name, property) == 0)
          return &all_infos[c]->fields[i];

  return NULL;
}

/**
 * bt_plan_file_field_is_required:
 * @type: a class of the plan, such as %BT_TYPE_TOUCHPOINT
 * @property: one of its properties
 *
 * Returns: whether the file reader refuses an item of @type without @property
 */
gboolean
bt_plan_file_field_is_required (GType       type,
                                const char *property)
{
  const Field *field;

  g_return_val_if_fail (property != NULL, FALSE);

  field = find_field (type, property);

  return field != NULL && (field->flags & FIELD_REQUIRED) != 0;
}

/**
 * bt_plan_file_field_check:
 * @type: a class of the plan, such as %BT_TYPE_PROFILE
 * @property: one of its properties
 * @value: a value for it
 *
 * Whether the file reader takes @value for @property: a colour as
 * "#rrggbb", an ISO 8601 week, a whole number in the range the file allows
 * (a birth year is 0 for none or from 1900 to 2100). The setters refuse
 * what this refuses; the editor asks it of what is typed, and shows the
 * reason. An empty value is for bt_plan_file_field_is_required().
 *
 * Returns: %FALSE, with the reason in @error, if the reader refuses @value
 */
gboolean
bt_plan_file_field_check (GType         type,
                          const char   *property,
                          const GValue *value,
                          GError      **error)
{
  const Field *field;

  g_return_val_if_fail (property != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  field = find_field (type, property);
  if (field == NULL)
    return TRUE;

  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
    {
      const char *s = g_value_get_string (value);

      if ((field->flags & FIELD_WEEK) && !bt_iso_week_parse (s, NULL, NULL, error))
        return FALSE;
      if ((field->flags & FIELD_COLOR) && !bt_category_color_is_valid (s))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       _("expected a colour such as \"#3584e4\""));
          return FALSE;
        }
    }
  else if (G_VALUE_HOLDS_INT (value) && (field->flags & FIELD_ZERO_UNSET))
    {
      int v = g_value_get_int (value);

      if (v != 0 && (v < field->min || v > field->max))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       /* TRANSLATORS: a field such as the birth year, where 0 means none */
                       _("expected a whole number from %d to %d, or 0 for none"), field->min, field->max);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * bt_plan_file_field_member:
 *
 * Returns: (nullable): the name in the file of @property of @type, or %NULL
 *   if the file does not hold it
 */
const char *
bt_plan_file_field_member (GType       type,
                           const char *property)
{
  const Field *field;

  g_return_val_if_fail (property != NULL, NULL);

  field = find_field (type, property);

  return field != NULL ? field->member : NULL;
}

/* The plan's own lists */

static GListModel *get_phases (gpointer self) { return bt_plan_get_phases (self); }
static GListModel *get_milestones (gpointer self) { return bt_plan_get_milestones (self); }
static GListModel *get_categories (gpointer self) { return bt_plan_get_categories (self); }
static GListModel *get_weeks (gpointer self) { return bt_plan_get_weeks (self); }
static GListModel *get_relationships (gpointer self) { return bt_plan_get_relationships (self); }
static GListModel *get_narratives (gpointer self) { return bt_plan_get_narratives (self); }
static GListModel *get_check_ins (gpointer self) { return bt_plan_get_check_ins (self); }
static GListModel *get_import_rules (gpointer self) { return bt_plan_get_import_rules (self); }

/* In ListId's order; the weeks have a reader of their own. */
const ChildList bt_plan_lists[N_LISTS] = {
  { "phases", &phase_info, get_phases },
  { "milestones", &milestone_info, get_milestones },
  { "categories", &category_info, get_categories },
  { "weeks", NULL, get_weeks },
  { "relationships", &relationship_info, get_relationships },
  { "narratives", &narrative_info, get_narratives },
  { "check_ins", &check_in_info, get_check_ins },
  { "import_rules", &import_rule_info, get_import_rules },
};
