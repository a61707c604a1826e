/* bt-plan-file.c — the plan's JSON file: reading, checking, writing
 *
 * Reading is driven by one table per kind of item (FIELDS below), so that
 * every field is checked the same way and every error names its JSON path:
 *
 *   relationships[3].strength: expected a whole number from 1 to 5, got "high"
 *
 * Members that this version does not know are kept on the item and written
 * back unchanged. Before json-glib sees the bytes, a scan refuses what would
 * hurt it: oversized input, invalid UTF-8 and nesting deep enough to
 * overflow its recursive parser.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-file"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bt-date.h"
#include "bt-json-writer.h"
#include "bt-plan-file.h"

G_DEFINE_QUARK (bt-plan-file-error-quark, bt_plan_file_error)

/* Numbers beyond ±2^53 cannot be held exactly by every JSON reader. */
#define MAX_SAFE_INTEGER 9007199254740992.0

/* ------------------------------------------------------------------ */
/* The tables                                                          */

typedef enum
{
  FIELD_REQUIRED  = 1 << 0,
  FIELD_WEEK      = 1 << 1,   /* a string holding an ISO 8601 week */
  FIELD_COLOR     = 1 << 2,   /* a string "#rrggbb" */
  FIELD_PHASE_REF = 1 << 3,   /* a string holding the id of a phase */
  FIELD_ZERO_UNSET = 1 << 4,  /* an int where 0 means "not given" */
  FIELD_CURRENCY  = 1 << 5,   /* a string holding an ISO 4217 code */
} FieldFlags;

typedef struct
{
  const char *member;
  guint       flags;
  int         min;       /* for FIELD_ZERO_UNSET: the range when given */
  int         max;
  const char *property;  /* when it is not the member's name with '-' for '_' */
  GCallback   set;       /* the property's setter, by the property's type: see read_field() */
} Field;

#define SETTER(f) G_CALLBACK (f)

typedef struct _ClassInfo ClassInfo;

typedef struct
{
  const char      *member;
  const ClassInfo *info;
  GListModel   *(*get) (gpointer self);
} ChildList;

struct _ClassInfo
{
  const char       *what;
  GType           (*get_type) (void);
  const Field      *fields;
  guint             n_fields;
  const ChildList  *children;
  guint             n_children;
  gboolean          has_id;
  GParamSpec      **pspecs;   /* resolved on first use */
};

#define N(a) G_N_ELEMENTS (a)

static const Field profile_fields[] = {
  { "name", .set = SETTER (bt_profile_set_name) },
  { "current_role", .set = SETTER (bt_profile_set_current_role) },
  { "target_role", .set = SETTER (bt_profile_set_target_role) },
  { "target_date", .set = SETTER (bt_profile_set_target_date) },
  { "birth_year", FIELD_ZERO_UNSET, BT_BIRTH_YEAR_MIN, BT_BIRTH_YEAR_MAX, .set = SETTER (bt_profile_set_birth_year) },
  { "target_share", .set = SETTER (bt_profile_set_target_share) },
  { "email", .set = SETTER (bt_profile_set_email) },
  { "currency", FIELD_CURRENCY, .set = SETTER (bt_profile_set_currency) },
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

CLASS (profile_info, "profile", bt_profile_get_type, profile_fields, NULL, 0, FALSE);
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

static GParamSpec *
field_pspec (ClassInfo *info,
             guint      index)
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

  return info->pspecs[index];
}

/* What the tables say of one field, for the editor and the schema test:
 * the reader is the one truth about which fields a plan must hold. */
static ClassInfo * const all_infos[] = {
  &profile_info, &phase_info, &milestone_info, &category_info, &touchpoint_info, &impact_info,
  &cost_row_info, &check_in_info, &import_rule_info, &relationship_info, &case_info, &narrative_info,
};

static const Field *
find_field (GType       type,
            const char *property)
{
  for (guint c = 0; c < G_N_ELEMENTS (all_infos); c++)
    if (all_infos[c]->get_type () == type)
      for (guint i = 0; i < all_infos[c]->n_fields; i++)
        if (strcmp (field_pspec (all_infos[c], i)->name, property) == 0)
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
      if ((field->flags & FIELD_CURRENCY) && !bt_currency_is_valid (s))
        {
          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                       _("expected an ISO 4217 currency code such as \"EUR\""));
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

/* ------------------------------------------------------------------ */
/* Sections                                                            */

static const char * const section_names[] = {
  "all", "profile", "roadmap", "time", "relationships", "narratives", "check-ins",
};

gboolean
bt_plan_section_from_string (const char    *text,
                             BtPlanSection *section)
{
  for (guint i = 0; i < N (section_names); i++)
    if (g_strcmp0 (text, section_names[i]) == 0)
      {
        *section = i;
        return TRUE;
      }

  return FALSE;
}

const char *
bt_plan_section_to_string (BtPlanSection section)
{
  g_return_val_if_fail (section < N (section_names), NULL);

  return section_names[section];
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

/* The plan's lists, in the order they are read and their problems reported:
 * phases before milestones and categories before weeks, whatever the
 * file's order, so that references can be checked as they are read. */
typedef enum
{
  LIST_PHASES,
  LIST_MILESTONES,
  LIST_CATEGORIES,
  LIST_WEEKS,
  LIST_RELATIONSHIPS,
  LIST_NARRATIVES,
  LIST_CHECK_INS,
  LIST_IMPORT_RULES,
  N_LISTS
} ListId;

static GListModel *get_phases (gpointer self) { return bt_plan_get_phases (self); }
static GListModel *get_milestones (gpointer self) { return bt_plan_get_milestones (self); }
static GListModel *get_categories (gpointer self) { return bt_plan_get_categories (self); }
static GListModel *get_weeks (gpointer self) { return bt_plan_get_weeks (self); }
static GListModel *get_relationships (gpointer self) { return bt_plan_get_relationships (self); }
static GListModel *get_narratives (gpointer self) { return bt_plan_get_narratives (self); }
static GListModel *get_check_ins (gpointer self) { return bt_plan_get_check_ins (self); }
static GListModel *get_import_rules (gpointer self) { return bt_plan_get_import_rules (self); }

/* In ListId's order; the weeks have a reader of their own (read_week()). */
static const ChildList plan_lists[N_LISTS] = {
  { "phases", &phase_info, get_phases },
  { "milestones", &milestone_info, get_milestones },
  { "categories", &category_info, get_categories },
  { "weeks", NULL, get_weeks },
  { "relationships", &relationship_info, get_relationships },
  { "narratives", &narrative_info, get_narratives },
  { "check_ins", &check_in_info, get_check_ins },
  { "import_rules", &import_rule_info, get_import_rules },
};


/* Where fail() files a problem: the profile's first, then one bucket per
 * list, then what is checked once everything is read. */
enum
{
  BUCKET_PROFILE = 0,
  BUCKET_LATE = N_LISTS + 1,
  N_BUCKETS
};

#define BUCKET_OF_LIST(list) (1 + (list))

typedef struct
{
  GString    *path;
  const char *member;        /* the member of path being read, not in it yet: a
                              * field's name goes into a path only for a message */
  GPtrArray  *errors[N_BUCKETS];   /* of char*, "path: message" */
  guint       bucket;
  GHashTable *ids;           /* id (the item's own) → where it was first seen */
  GHashTable *weeks;         /* year × 100 + week → where */
  GString    *places;        /* the paths of the two above, one after the other:
                              * not two copies for each of thousands of items */
  GHashTable *check_in_weeks;
  GHashTable *phase_ids;     /* ids, as category_ids */
  GHashTable *category_ids;  /* id → the id interned */
  const char *recent_categories[16];  /* interned, by their place in a week's hours */

  /* Reading while parsing (see on_array_start_cb()): what scan_bytes()
   * found, and where the parser is. */
  GArray     *outer_arrays;       /* int: for each array not inside another, in the
                                   * file's order, the list it holds or -1 */
  int         list_count[N_LISTS];  /* how often each list's member is in the root */
  int         list_position[N_LISTS];  /* its place among the root's members */
  gboolean    unsure;             /* the bytes may not mean to json-glib what
                                   * scan_bytes() took them for */
  gboolean    streamable[N_LISTS];
  gboolean    streamed[N_LISTS];  /* read while parsing, nothing left in the tree */
  GPtrArray  *items[N_LISTS];     /* read, not yet in the plan */
  guint       arrays_open;
  guint       n_outer_seen;
  int         streaming;          /* the list being parsed, or -1 */
  gsize       list_mark;
  gulong      element_handler;    /* on_array_element_cb(), blocked whenever it
                                   * would have nothing to do */
  gboolean    element_blocked;
} Loader;

/* A loader hashes each id twice, thousands of them, and most are UUIDs:
 * this takes eight bytes a step where g_str_hash() takes one. Equal
 * strings hash alike; that is all a GHashTable needs to be right. */
static guint
id_hash (gconstpointer key)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  const char *s = key;
  gsize n = strlen (s);
  guint64 h = n * k;

  for (; n >= 8; s += 8, n -= 8)
    {
      guint64 w;

      memcpy (&w, s, sizeof w);
      h = (h ^ w) * k;
      h ^= h >> 29;
    }

  if (n > 0)
    {
      guint64 w = 0;

      memcpy (&w, s, n);
      h = (h ^ w) * k;
    }

  /* the high bits into the low ones, which pick the bucket */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;

  return (guint) h;
}

static void
loader_init (Loader *ld)
{
  *ld = (Loader) {
    .path = g_string_new (NULL),
    .ids = g_hash_table_new (id_hash, g_str_equal),
    .weeks = g_hash_table_new (NULL, NULL),
    .places = g_string_new (NULL),
    .check_in_weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .phase_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .outer_arrays = g_array_new (FALSE, FALSE, sizeof (int)),
    .streaming = -1,
  };

  for (guint i = 0; i < N_BUCKETS; i++)
    ld->errors[i] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < N_LISTS; i++)
    ld->list_position[i] = -1;
}

static void
loader_clear (Loader *ld)
{
  /* before the items, whose ids are the keys of ids */
  g_hash_table_unref (ld->ids);
  g_hash_table_unref (ld->weeks);
  g_string_free (ld->places, TRUE);
  g_string_free (ld->path, TRUE);
  for (guint i = 0; i < N_BUCKETS; i++)
    g_ptr_array_unref (ld->errors[i]);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&ld->items[i], g_ptr_array_unref);
  g_hash_table_unref (ld->check_in_weeks);
  g_hash_table_unref (ld->phase_ids);
  g_hash_table_unref (ld->category_ids);
  g_array_unref (ld->outer_arrays);
}

/* All problems, in the order of the buckets, at most BT_PLAN_MAX_ERRORS:
 * the same whatever order the file's lists came in. NULL when none. */
static char *
loader_join_errors (Loader *ld)
{
  g_autoptr(GString) out = NULL;
  guint n = 0;

  for (guint b = 0; b < N_BUCKETS; b++)
    for (guint i = 0; i < ld->errors[b]->len && n < BT_PLAN_MAX_ERRORS; i++, n++)
      {
        if (out == NULL)
          out = g_string_new (NULL);
        else
          g_string_append_c (out, '\n');
        g_string_append (out, g_ptr_array_index (ld->errors[b], i));
      }

  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean member_is_plain (const char *member);

static gsize
path_push_member (Loader     *ld,
                  const char *member)
{
  gsize mark = ld->path->len;

  if (ld->path->len > 0)
    g_string_append_c (ld->path, '.');
  if (G_LIKELY (member_is_plain (member)))
    g_string_append (ld->path, member);
  else
    {
      g_autofree char *quoted = bt_plan_file_quote_text (member);
      g_string_append (ld->path, quoted);
    }

  return mark;
}

/* "[index]": every item read or written has its path, without printf,
 * which cost more than reading most items' fields. */
static void
append_index (GString *path,
              guint    index)
{
  char digits[BT_JSON_INT_SIZE];

  g_string_append_c (path, '[');
  g_string_append (path, bt_json_format_int (digits, index));
  g_string_append_c (path, ']');
}

static gsize
path_push_index (Loader *ld,
                 guint   index)
{
  gsize mark = ld->path->len;

  append_index (ld->path, index);

  return mark;
}

static void
path_pop (Loader *ld,
          gsize   mark)
{
  g_string_truncate (ld->path, mark);
}

/* Keeps the first @length bytes of the current path, for a message about
 * something found there later; see place(). */
static gpointer
keep_place (Loader *ld,
            gsize   length)
{
  gsize offset = ld->places->len;

  g_string_append_len (ld->places, ld->path->str, length);
  g_string_append_c (ld->places, '\0');

  return GSIZE_TO_POINTER (offset + 1);
}

static const char *
place (Loader   *ld,
       gpointer  kept)
{
  return ld->places->str + GPOINTER_TO_SIZE (kept) - 1;
}

G_GNUC_PRINTF (2, 3)
static void
fail (Loader     *ld,
      const char *format,
      ...)
{
  GPtrArray *errors = ld->errors[ld->bucket];
  g_autofree char *message = NULL;
  va_list args;
  gsize mark;

  /* Each bucket keeps as many as could be shown: loader_join_errors()
   * shows the first of them all. */
  if (errors->len >= BT_PLAN_MAX_ERRORS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mark = ld->member != NULL ? path_push_member (ld, ld->member) : ld->path->len;
  if (ld->path->len > 0)
    g_ptr_array_add (errors, g_strdup_printf ("%s: %s", ld->path->str, message));
  else
    g_ptr_array_add (errors, g_steal_pointer (&message));
  path_pop (ld, mark);
}

/**
 * bt_plan_file_quote_text:
 * @text: UTF-8 text from a file
 *
 * How text from a file reads in a message: quoted, its control characters
 * escaped (an escape sequence or a line break in a name cannot forge a line
 * or colour a terminal) and shortened to 40 characters.
 *
 * Returns: (transfer full): the quoted text
 */
char *
bt_plan_file_quote_text (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");
  const char *end = text;
  guint n = 0;

  while (*end != '\0' && n < 40)
    {
      end = g_utf8_next_char (end);
      n++;
    }

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*end != '\0')
    g_string_append (out, "…");
  g_string_append_c (out, '"');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A member name as it is in a path: itself when it is short and plain
 * (every name the format knows), else quoted as text is. */
static gboolean
member_is_plain (const char *member)
{
  for (guint i = 0; member[i] != '\0'; i++)
    {
      guchar c = member[i];

      if (i >= 40 || c < 0x20 || c == 0x7f || c == '"' || c == '\\' ||
          (c == 0xc2 && (guchar) member[i + 1] >= 0x80 && (guchar) member[i + 1] <= 0x9f))
        return FALSE;
    }

  return TRUE;
}

/* How a value reads in an error message: quoted and shortened text, the
 * number itself, or what kind of thing it is. */
static char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));

    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));

    case JSON_NODE_NULL:
      return g_strdup ("null");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return bt_plan_file_quote_text (json_node_get_string (node));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    default:
      return g_strdup (_("an unknown value"));
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_get_number (JsonNode *node,
                 double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

static void
format_number (char   *buf,
               gsize   size,
               double  value)
{
  g_ascii_formatd (buf, size, "%.15g", value);
}

/* @expected is untranslated (N_()): it is translated only for a message,
 * not for every string read. */
static gboolean
read_string (Loader     *ld,
             JsonNode   *node,
             const char *expected,
             const char **out)
{
  if (!node_is_string (node))
    {
      g_autofree char *got = describe_node (node);
      fail (ld, _("expected %s, got %s"), _(expected), got);
      return FALSE;
    }

  *out = json_node_get_string (node);

  return TRUE;
}

static char *
enum_choices (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == klass->n_values ? _(" or ") : ", ");
      g_string_append_printf (out, "\"%s\"", klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The setters of Field.set, by the type of their property. */
typedef void (*SetText) (gpointer self, const char *value);
typedef void (*SetDate) (gpointer self, const GDate *value);
typedef void (*SetWhole) (gpointer self, int value);       /* ints and enums */
typedef void (*SetNumber) (gpointer self, double value);

/* Reads one field and gives it to @item's setter for it, as setting its
 * property would but without a GValue on the way (its init, set, get and
 * unset, each with a type check, for each of thousands of fields); an
 * error recorded, and @item untouched, when the JSON value does not fit.
 * The property still tells the type, the range and the enum's values. */
static void
read_field (Loader      *ld,
            const Field *field,
            GParamSpec  *pspec,
            JsonNode    *node,
            BtItem      *item)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s;

      if (field->flags & FIELD_WEEK)
        {
          g_autoptr(GError) error = NULL;

          if (!read_string (ld, node, N_("an ISO 8601 week such as 2026-W47"), &s))
            return;
          if (!bt_iso_week_parse (s, NULL, NULL, &error))
            {
              g_autofree char *got = describe_node (node);
              fail (ld, _("%s, got %s"), error->message, got);
              return;
            }
        }
      else if (field->flags & FIELD_COLOR)
        {
          if (!read_string (ld, node, N_("a colour such as \"#3584e4\""), &s))
            return;
          if (!bt_category_color_is_valid (s))
            {
              g_autofree char *got = describe_node (node);
              fail (ld, _("expected a colour such as \"#3584e4\", got %s"), got);
              return;
            }
        }
      else if (field->flags & FIELD_CURRENCY)
        {
          if (!read_string (ld, node, N_("an ISO 4217 currency code such as \"EUR\""), &s))
            return;
          if (!bt_currency_is_valid (s))
            {
              g_autofree char *got = describe_node (node);
              fail (ld, _("expected an ISO 4217 currency code such as \"EUR\", got %s"), got);
              return;
            }
        }
      else if (field->flags & FIELD_PHASE_REF)
        {
          if (!read_string (ld, node, N_("the id of a phase"), &s))
            return;
          if (!g_hash_table_contains (ld->phase_ids, s))
            {
              g_autofree char *got = describe_node (node);
              fail (ld, _("no phase has the id %s"), got);
              return;
            }
        }
      else if (!read_string (ld, node, N_("text"), &s))
        return;

      ((SetText) field->set) (item, s);
    }
  else if (type == G_TYPE_DATE)
    {
      const char *s;
      GDate date;

      if (!read_string (ld, node, N_("a date as YYYY-MM-DD"), &s))
        return;
      if (!bt_date_parse (s, &date))
        {
          g_autofree char *got = describe_node (node);
          fail (ld, _("expected a real date as YYYY-MM-DD, got %s"), got);
          return;
        }
      ((SetDate) field->set) (item, &date);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int min = ispec->minimum, max = ispec->maximum;
      double d;

      if (field->flags & FIELD_ZERO_UNSET)
        min = field->min, max = field->max;

      if (!node_get_number (node, &d) || !isfinite (d) || d != floor (d) || d < min || d > max)
        {
          g_autofree char *got = describe_node (node);
          fail (ld, _("expected a whole number from %d to %d, got %s"), min, max, got);
          return;
        }
      ((SetWhole) field->set) (item, (int) d);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
      double d;

      if (!node_get_number (node, &d) || !isfinite (d) ||
          d < dspec->minimum || d > dspec->maximum || fabs (d) > MAX_SAFE_INTEGER)
        {
          g_autofree char *got = describe_node (node);
          char lo[32], hi[32];

          format_number (lo, sizeof lo, dspec->minimum);
          format_number (hi, sizeof hi, dspec->maximum);
          fail (ld, _("expected a number from %s to %s, got %s"), lo, hi, got);
          return;
        }
      ((SetNumber) field->set) (item, d);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;

      if (!node_is_string (node) ||
          !bt_enum_from_nick (type, json_node_get_string (node), &v))
        {
          g_autofree char *got = describe_node (node);
          g_autofree char *choices = enum_choices (type);
          fail (ld, _("expected one of %s, got %s"), choices, got);
          return;
        }
      ((SetWhole) field->set) (item, v);
    }
  else
    g_assert_not_reached ();
}

static gboolean
expect_object (Loader   *ld,
               JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = describe_node (node);
      fail (ld, _("expected an object, got %s"), got);
      return FALSE;
    }

  return TRUE;
}

static gboolean
expect_array (Loader   *ld,
              JsonNode *node)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = describe_node (node);
      fail (ld, _("expected a list, got %s"), got);
      return FALSE;
    }

  return TRUE;
}

/* The set maps each id to its interned copy: the weeks keep category ids
 * interned. */
static void
add_to_id_set (GHashTable *set,
               const char *id)
{
  if (set != NULL)
    g_hash_table_insert (set, g_strdup (id), (gpointer) g_intern_string (id));
}

static void
read_id (Loader     *ld,
         JsonObject *object,
         BtItem     *item,
         GHashTable *set)
{
  JsonNode *node = json_object_get_member (object, "id");
  const char *id;

  if (node == NULL)
    {
      /* A hand-written file may leave ids out: give the item one now. */
      add_to_id_set (set, bt_item_get_id (item));
      return;
    }

  ld->member = "id";

  if (read_string (ld, node, N_("an id (text)"), &id))
    {
      gpointer first = g_hash_table_lookup (ld->ids, id);

      if (*id == '\0')
        fail (ld, _("an id cannot be empty"));
      else if (first != NULL)
        {
          g_autofree char *quoted = bt_plan_file_quote_text (id);
          fail (ld, _("the id %s is already used by %s"), quoted, place (ld, first));
        }
      else
        {
          bt_item_set_id (item, id);
          /* the item outlives the loader: its id can be the key */
          g_hash_table_insert (ld->ids, (gpointer) bt_item_get_id (item), keep_place (ld, ld->path->len));
          add_to_id_set (set, id);
        }
    }

  ld->member = NULL;
}

/* The members of an object in the file's order. json-glib 1.6's ordered
 * iterator finds each member's value by hashing its name again; its
 * unordered one walks the table without hashing. The two hand out the same
 * strings for the names, so the values are paired with the ordered names by
 * address. Any name not paired (past the first MEMBERS_PAIRED) is looked up
 * as before: the pairing only saves work, it never decides anything. */
#define MEMBERS_PAIRED 16

typedef struct
{
  JsonObjectIter ordered;
  JsonObject    *object;
  const char    *names[MEMBERS_PAIRED];
  JsonNode      *nodes[MEMBERS_PAIRED];
  guint          n_paired;
  guint          next;   /* where the next name is most likely: the orders often agree for a while */
} MemberIter;

static void
member_iter_init (MemberIter *iter,
                  JsonObject *object)
{
  JsonObjectIter unordered;

  iter->object = object;
  iter->n_paired = 0;
  iter->next = 0;

  json_object_iter_init (&unordered, object);
  while (iter->n_paired < MEMBERS_PAIRED &&
         json_object_iter_next (&unordered, &iter->names[iter->n_paired], &iter->nodes[iter->n_paired]))
    iter->n_paired++;

  json_object_iter_init_ordered (&iter->ordered, object);
}

static gboolean
member_iter_next (MemberIter  *iter,
                  const char **name,
                  JsonNode   **node)
{
  if (!json_object_iter_next_ordered (&iter->ordered, name, NULL))
    return FALSE;

  for (guint k = 0; k < iter->n_paired; k++)
    {
      guint at = iter->next + k < iter->n_paired ? iter->next + k : iter->next + k - iter->n_paired;

      if (iter->names[at] == *name)
        {
          *node = iter->nodes[at];
          iter->next = at + 1;
          return TRUE;
        }
    }

  *node = json_object_get_member (iter->object, *name);
  return TRUE;
}

/* strcmp () == 0 for a member's name against a table's, with the first
 * byte compared inline: most of the names tried are not the one. */
static inline gboolean
same_name (const char *a,
           const char *b)
{
  return a[0] == b[0] && strcmp (a, b) == 0;
}

/* Members the table does not name are kept for writing back. */
static void
keep_unknown_members (BtItem     *item,
                      JsonObject *object,
                      const char * const *known,
                      guint       n_known)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;

  /* Names only: the value is looked up for the rare unknown member. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      gboolean is_known = FALSE;

      for (guint i = 0; i < n_known && !is_known; i++)
        is_known = same_name (known[i], name);

      if (is_known)
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
    }

  if (extra != NULL)
    bt_item_set_extra (item, extra);
}

static gboolean
is_field_member (const ClassInfo *info,
                 const char      *name)
{
  if (info->has_id && same_name (name, "id"))
    return TRUE;

  for (guint i = 0; i < info->n_fields; i++)
    if (same_name (info->fields[i].member, name))
      return TRUE;

  for (guint i = 0; i < info->n_children; i++)
    if (same_name (info->children[i].member, name))
      return TRUE;

  return FALSE;
}

static void read_list (Loader          *ld,
                       BtItem          *owner,
                       GListModel      *list,
                       JsonObject      *object,
                       const ChildList *child);

static void
read_fields (Loader     *ld,
             ClassInfo  *info,
             JsonObject *object,
             BtItem     *item)
{
  g_autoptr(JsonObject) extra = NULL;
  guint32 seen = 0;
  MemberIter iter;
  const char *name;
  JsonNode *node;

  g_assert (info->n_fields <= 32);

  /* One pass over the members, in the file's order: each is a field, a
   * child list, the id (read already) or something to keep as it is. */
  member_iter_init (&iter, object);
  while (member_iter_next (&iter, &name, &node))
    {
      guint i;

      for (i = 0; i < info->n_fields; i++)
        if (same_name (info->fields[i].member, name))
          break;

      if (i < info->n_fields)
        {
          const Field *field = &info->fields[i];

          seen |= 1u << i;

          /* null stands for "not given" in optional fields */
          if (JSON_NODE_HOLDS_NULL (node) && !(field->flags & FIELD_REQUIRED))
            continue;

          ld->member = field->member;
          read_field (ld, field, field_pspec (info, i), node, item);
          ld->member = NULL;
          continue;
        }

      if (is_field_member (info, name))
        continue;   /* the id or a child list */

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  for (guint i = 0; i < info->n_fields; i++)
    if ((info->fields[i].flags & FIELD_REQUIRED) && !(seen & (1u << i)))
      fail (ld, _("the field \"%s\" is missing"), info->fields[i].member);

  for (guint i = 0; i < info->n_children; i++)
    read_list (ld, item, info->children[i].get (item), object, &info->children[i]);

  if (extra != NULL)
    bt_item_set_extra (item, extra);
}

static BtItem *
read_item (Loader     *ld,
           ClassInfo  *info,
           JsonNode   *node,
           GHashTable *id_set)
{
  g_autoptr(BtItem) item = NULL;
  JsonObject *object;

  if (!expect_object (ld, node))
    return NULL;

  object = json_node_get_object (node);
  item = g_object_new (info->get_type (), NULL);
  bt_item_set_quiet (item, TRUE);

  if (info->has_id)
    read_id (ld, object, item, id_set);

  read_fields (ld, info, object, item);
  bt_item_set_quiet (item, FALSE);

  return g_steal_pointer (&item);
}

typedef void (*ElementFunc) (Loader   *ld,
                             JsonNode *element,
                             gpointer  data);

/* Calls @func on each element of the list in @object's @member, with the
 * element's path; TRUE when there was a list. A missing or null member
 * stands for none, anything else is a problem. */
static gboolean
read_elements (Loader      *ld,
               JsonObject  *object,
               const char  *member,
               ElementFunc  func,
               gpointer     data)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean is_list;
  gsize mark;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  mark = path_push_member (ld, member);
  is_list = expect_array (ld, node);
  if (is_list)
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          gsize item_mark = path_push_index (ld, i);

          func (ld, json_array_get_element (array, i), data);
          path_pop (ld, item_mark);
        }
    }
  path_pop (ld, mark);

  return is_list;
}

typedef struct
{
  ClassInfo *info;
  GPtrArray *items;
} ChildItems;

static void
read_child_cb (Loader   *ld,
               JsonNode *element,
               gpointer  data)
{
  ChildItems *children = data;
  BtItem *item = read_item (ld, children->info, element, NULL);

  if (item != NULL)
    g_ptr_array_add (children->items, item);
}

/* A list inside an item: touchpoints, impact statements and the like. */
static void
read_list (Loader          *ld,
           BtItem          *owner,
           GListModel      *list,
           JsonObject      *object,
           const ChildList *child)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ChildItems children = { (ClassInfo *) child->info, items };

  /* One splice instead of n inserts: one change notification. */
  if (read_elements (ld, object, child->member, read_child_cb, &children))
    bt_item_splice_children (owner, list, 0, items->pdata, items->len);
}

/* The category @id names, interned; NULL if there is none. Weeks list
 * their categories in the same order as a rule, so the one at the same
 * @position in an earlier week is tried before the table: comparing is
 * cheaper than hashing an id. */
static const char *
find_category (Loader     *ld,
               const char *id,
               guint       position)
{
  const char *interned;

  if (position < G_N_ELEMENTS (ld->recent_categories) &&
      ld->recent_categories[position] != NULL &&
      strcmp (ld->recent_categories[position], id) == 0)
    return ld->recent_categories[position];

  interned = g_hash_table_lookup (ld->category_ids, id);
  if (interned != NULL && position < G_N_ELEMENTS (ld->recent_categories))
    ld->recent_categories[position] = interned;

  return interned;
}

/* One element of "weeks"; NULL when it cannot be read (the problem is
 * recorded). */
static BtItem *
read_week (Loader   *ld,
           JsonNode *element)
{
  static const char * const known[] = { "week", "hours", "note", "imported", "imported_from" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtWeek) week = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *text;
  int y, w;
  gsize field_mark;

  if (!expect_object (ld, element))
    return NULL;
  object = json_node_get_object (element);

  member = json_object_get_member (object, "week");
  if (member == NULL)
    {
      fail (ld, _("the field \"%s\" is missing"), "week");
      return NULL;
    }

  field_mark = path_push_member (ld, "week");
  if (!read_string (ld, member, N_("an ISO 8601 week such as 2026-W47"), &text))
    {
      path_pop (ld, field_mark);
      return NULL;
    }
  if (!bt_iso_week_parse (text, &y, &w, &error))
    {
      g_autofree char *got = describe_node (member);
      fail (ld, _("%s, got %s"), error->message, got);
      path_pop (ld, field_mark);
      return NULL;
    }
  {
    gpointer key = GINT_TO_POINTER (y * 100 + w);
    gpointer first = g_hash_table_lookup (ld->weeks, key);

    if (first != NULL)
      {
        fail (ld, _("the week %s is already recorded at %s"), text, place (ld, first));
        path_pop (ld, field_mark);
        return NULL;
      }
    g_hash_table_insert (ld->weeks, key, keep_place (ld, field_mark));
  }
  path_pop (ld, field_mark);

  week = bt_week_new (y, w);
  bt_item_set_quiet (BT_ITEM (week), TRUE);

  member = json_object_get_member (object, "note");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = path_push_member (ld, "note");
      if (read_string (ld, member, N_("text"), &text))
        bt_week_set_note (week, text);
      path_pop (ld, field_mark);
    }

  member = json_object_get_member (object, "hours");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = path_push_member (ld, "hours");
      if (expect_object (ld, member))
        {
          MemberIter iter;
          const char *category;
          JsonNode *hours_node;
          double total = 0.0;

          member_iter_init (&iter, json_node_get_object (member));
          for (guint position = 0; member_iter_next (&iter, &category, &hours_node); position++)
            {
              const char *interned = find_category (ld, category, position);
              double hours;
              gsize hours_mark;

              if (interned != NULL && node_get_number (hours_node, &hours) && isfinite (hours) &&
                  hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS)
                {
                  total += hours;
                  bt_week_set_hours_interned (week, interned, hours);
                  continue;
                }

              /* the path only for the message */
              hours_mark = path_push_member (ld, category);
              if (interned == NULL)
                fail (ld, _("no category has this id"));
              else
                {
                  g_autofree char *got = describe_node (hours_node);
                  fail (ld, _("expected a number of hours from 0 to 168, got %s"), got);
                }
              path_pop (ld, hours_mark);
            }

          if (total > BT_WEEK_MAX_HOURS)
            fail (ld, _("the hours add up to %g, more than the 168 hours of a week"), total);
        }
      path_pop (ld, field_mark);
    }

  /* What the last import put in the week (see bt_week_set_imported()). */
  member = json_object_get_member (object, "imported");
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      field_mark = path_push_member (ld, "imported");
      if (expect_object (ld, member))
        {
          g_autoptr(GHashTable) imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          MemberIter iter;
          const char *category;
          JsonNode *hours_node;

          member_iter_init (&iter, json_node_get_object (member));
          while (member_iter_next (&iter, &category, &hours_node))
            {
              double hours;

              gsize hours_mark;

              if (node_get_number (hours_node, &hours) && isfinite (hours) &&
                  hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS &&
                  g_hash_table_contains (ld->category_ids, category) &&
                  hours <= bt_week_get_hours (week, category))
                {
                  g_hash_table_replace (imported, g_strdup (category), g_memdup2 (&hours, sizeof hours));
                  continue;
                }

              /* The writer writes none of these: taken for an import's
               * hours, they would make the hours typed by hand look
               * imported, and the next import replace them. */
              hours_mark = path_push_member (ld, category);
              if (!(node_get_number (hours_node, &hours) && isfinite (hours) &&
                    hours >= 0.0 && hours <= BT_WEEK_MAX_HOURS))
                {
                  g_autofree char *got = describe_node (hours_node);

                  fail (ld, _("expected a number of hours from 0 to 168, got %s"), got);
                }
              else if (!g_hash_table_contains (ld->category_ids, category))
                fail (ld, _("no category has this id"));
              else
                {
                  g_autofree char *got = describe_node (hours_node);

                  /* TRANSLATORS: the hours a week has in one category, then what
                   * the file says an import put there */
                  fail (ld, _("an import cannot have put more than the week's %g hours of this category here, got %s"),
                        bt_week_get_hours (week, category), got);
                }
              path_pop (ld, hours_mark);
            }
          bt_week_set_imported (week, imported);
        }
      path_pop (ld, field_mark);
    }

  /* Which source that import read: another source's import counts its
   * part as the week's own. Anything but a string is as if absent. */
  member = json_object_get_member (object, "imported_from");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    bt_week_set_imported_from (week, json_node_get_string (member));

  keep_unknown_members (BT_ITEM (week), object, known, N (known));
  bt_item_set_quiet (BT_ITEM (week), FALSE);

  return BT_ITEM (g_steal_pointer (&week));
}

static void
check_unique_check_in_weeks (Loader *ld,
                             BtPlan *plan)
{
  GListModel *list = bt_plan_get_check_ins (plan);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCheckIn) check_in = g_list_model_get_item (list, i);
      const char *week = bt_check_in_get_week (check_in);
      const char *first = g_hash_table_lookup (ld->check_in_weeks, week);

      if (first != NULL)
        {
          gsize mark = path_push_member (ld, "check_ins");
          fail (ld, _("two check-ins are for the week %s"), week);
          path_pop (ld, mark);
        }
      else
        g_hash_table_insert (ld->check_in_weeks, g_strdup (week), g_strdup (week));
    }
}

/* Where @at is in @data, for a message: its line and its column in
 * characters, both from 1. The text before @at must be UTF-8. */
static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

static void
encoding_error (const char  *data,
                const char  *at,
                GError     **error)
{
  guint line, column;

  locate (data, at, &line, &column);
  if (*at == '\0')
    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                 _("line %u, column %u: the file contains a NUL byte; a plan is UTF-8 text"),
                 line, column);
  else
    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                 _("line %u, column %u: the text is not valid UTF-8"),
                 line, column);
}

/* The first byte of @data that is not UTF-8 text (a NUL included), if
 * there is one before @end: then that is the problem to report. */
static gboolean
refuse_encoding_before (const char  *data,
                        const char  *end,
                        GError     **error)
{
  const char *invalid;

  if (g_utf8_validate_len (data, end - data, &invalid))
    return FALSE;

  encoding_error (data, invalid, error);
  return TRUE;
}

/* For a problem the scan found at @at: TRUE, with its line and column, when
 * it is the first in the file; FALSE, with @error set, when text before it
 * is not UTF-8, which is then the problem to report. */
static gboolean
locate_problem (const char  *data,
                const char  *at,
                guint       *line,
                guint       *column,
                GError     **error)
{
  if (refuse_encoding_before (data, at, error))
    return FALSE;

  locate (data, at, line, column);
  return TRUE;
}

static gboolean check_number_slow (const char  *data,
                                   const char  *token,
                                   gsize        length,
                                   GError     **error);

/* json-glib 1.6 wraps integers beyond 64 bits around (99999999999999999999
 * reads as -1) and turns 1e400 into infinity. Both are refused here, before
 * a wrapped value could pass as a plausible one. */
static gboolean
check_number (const char  *data,
              const char  *token,
              gsize        length,
              GError     **error)
{
  /* Integers of up to 15 digits are always exact: the common case. */
  gsize digits_only = 0;

  while (digits_only < length && g_ascii_isdigit (token[digits_only]))
    digits_only++;
  if (digits_only == length && length <= 15)
    return TRUE;

  /* A fraction without an exponent is finite, and json-glib reads it as a
   * double: nothing to check either. */
  if (memchr (token, 'e', length) == NULL && memchr (token, 'E', length) == NULL &&
      memchr (token, '.', length) != NULL && length < 64)
    return TRUE;

  return check_number_slow (data, token, length, error);
}

static gboolean
check_number_slow (const char  *data,
                   const char  *token,
                   gsize        length,
                   GError     **error)
{
  char buf[64];
  gboolean integer = TRUE;
  const char *digits = buf;
  gsize n_digits;
  guint line, column;

  if (length >= sizeof buf)
    {
      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number is too long to be read exactly"),
                     line, column);
      return FALSE;
    }

  memcpy (buf, token, length);
  buf[length] = '\0';

  for (gsize i = 0; i < length; i++)
    if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E')
      integer = FALSE;

  if (!integer)
    {
      if (isfinite (g_ascii_strtod (buf, NULL)))
        return TRUE;

      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number %s is too large to be a number at all"),
                     line, column, buf);
      return FALSE;
    }

  if (*digits == '-')
    digits++;
  n_digits = strlen (digits);

  if (n_digits > 16 || (n_digits == 16 && g_ascii_strtoull (digits, NULL, 10) > (guint64) MAX_SAFE_INTEGER))
    {
      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number %s is beyond ±2^53 and cannot be read exactly"),
                     line, column, buf);
      return FALSE;
    }

  return TRUE;
}

/* Bytes that end a run of plain text inside a string: its end and an
 * escape. A line break, a NUL or a byte that is not UTF-8 is plain here:
 * json-glib checks the whole text is UTF-8 before it parses any of it, and
 * where it refuses, load_bytes() says where (refuse_encoding_before()). */
static const gboolean string_special[256] = {
  ['"'] = TRUE, ['\\'] = TRUE,
};

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
/* Non-zero when one of the eight bytes of x is zero. */
#define HAS_ZERO_BYTE(x) (((x) - ONES) & ~(x) & HIGHS)

/* Where the text of a string stops being plain: the first byte that
 * string_special names, or @end. Most of a plan is text, so eight bytes at
 * a time while none of them matters. */
static inline const char *
skip_plain_text (const char *p,
                 const char *end)
{
  while (end - p >= 8)
    {
      guint64 x, found;

      memcpy (&x, p, sizeof x);
      found = HAS_ZERO_BYTE (x ^ (ONES * '"')) | HAS_ZERO_BYTE (x ^ (ONES * '\\'));
      if (found != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
          /* The lowest flag is exact (only flags above a zero byte can be
           * false), and the lowest byte comes first. */
          return p + (__builtin_ctzll (found) >> 3);
#else
          break;
#endif
        }
      p += 8;
    }

  while (p < end && !string_special[(unsigned char) *p])
    p++;

  return p;
}

/* What a byte outside strings means to scan_bytes(). */
enum
{
  OUT_OTHER = 0,   /* letters, ':' and anything else json-glib judges */
  OUT_SPACE,       /* nothing: skipped */
  OUT_QUOTE,
  OUT_NUMBER,
  OUT_OPEN,
  OUT_CLOSE,
  OUT_COMMA,
  OUT_UNSURE,      /* json-glib 1.6 also takes comments and 'strings' */
};

static const guint8 outside_class[256] = {
  [' '] = OUT_SPACE, ['\t'] = OUT_SPACE, ['\r'] = OUT_SPACE, ['\f'] = OUT_SPACE, ['\v'] = OUT_SPACE,
  ['\n'] = OUT_SPACE,
  ['"'] = OUT_QUOTE,
  ['-'] = OUT_NUMBER, ['0' ... '9'] = OUT_NUMBER,
  ['{'] = OUT_OPEN, ['['] = OUT_OPEN,
  ['}'] = OUT_CLOSE, [']'] = OUT_CLOSE,
  [','] = OUT_COMMA,
  ['#'] = OUT_UNSURE, ['/'] = OUT_UNSURE, ['\''] = OUT_UNSURE,
};

static inline gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

static int
list_from_member (const char *name,
                  gsize       length)
{
  /* by length first: the name's bytes may hold a NUL, which json-glib
   * refuses later */
  for (guint i = 0; i < N_LISTS; i++)
    if (strlen (plan_lists[i].member) == length && memcmp (plan_lists[i].member, name, length) == 0)
      return i;

  return -1;
}

/* The value of the four hex digits after "\\u" at @p, or -1. */
static int
unicode_escape_value (const char *p,
                      const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* json-glib 1.6 takes "\u0000" and then cuts the string at it: a value
 * loses its end and a member name can become another member's (data loss
 * on the next save). A surrogate that is not one half of a pair it reports
 * as an "unterminated string constant" or an "unexpected character". Both
 * refused here, with their place. Bad hex digits are json-glib's to report. */
static gboolean
check_unicode_escape (const char  *data,
                      const char **at,
                      const char  *end,
                      GError     **error)
{
  const char *p = *at;
  int value = unicode_escape_value (p, end);
  guint line, column;

  if (value == 0)
    {
      if (locate_problem (data, p, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                     _("line %u, column %u: the text contains \\u0000, a NUL character; a plan holds none"),
                     line, column);
      return FALSE;
    }

  if (value >= 0xdc00 && value <= 0xdfff)
    {
      if (locate_problem (data, p, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                     _("line %u, column %u: the text contains \\u%.4s, a lone UTF-16 surrogate "
                       "(the second half of a pair without the first)"),
                     line, column, p + 2);
      return FALSE;
    }

  if (value >= 0xd800 && value <= 0xdbff)
    {
      int low = unicode_escape_value (p + 6, end);

      if (low < 0xdc00 || low > 0xdfff)
        {
          if (locate_problem (data, p, &line, &column, error))
            g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                         _("line %u, column %u: the text contains \\u%.4s, a lone UTF-16 surrogate "
                           "(the first half of a pair without the second)"),
                         line, column, p + 2);
          return FALSE;
        }
      *at = p + 6;
    }

  return TRUE;
}

/* Refuses, before json-glib parses anything, input that could hurt it or
 * that it would report badly: numbers it would wrap, escapes it would turn
 * into bytes that are not UTF-8, a second document after the first, and
 * nesting deeper than any plan needs (json-glib 1.6 recurses once per
 * level). One pass, which looks inside a string only for its end and its
 * escapes; lines and columns are counted only for a message. Text that is
 * not UTF-8 json-glib refuses before it parses anything; a problem found
 * here after such text is reported as that text instead, so that either
 * way the first problem in the file is the one reported.
 *
 * On the way it notes, for reading while parsing, the root's members and
 * the arrays that are not inside another array (see on_array_start_cb()).
 * In valid JSON the string before a '[' met in the root object is that
 * member's name; in anything else the parse fails and what was noted is
 * never used. */
static gboolean
scan_bytes (Loader      *ld,
            const char  *data,
            gsize        length,
            GError     **error)
{
  guint depth = 0, arrays_open = 0, n_members = 0, line, column;
  guint64 n_values = 0;   /* objects, lists, strings, numbers, true, false, null */
  guint64 n_containers = 0;   /* objects and lists: the dearest */
  gboolean in_string = FALSE, any = FALSE;
  gboolean root_is_object = FALSE, expect_name = FALSE, in_name = FALSE, root_done = FALSE;
  const char *name_start = NULL;
  int member_list = -1;   /* the list named by the root member being read */
  const char *end = data + length;

  const char *p = data;

  while (p < end)
    {
      char c;

      if (in_string)
        {
          p = skip_plain_text (p, end);
          if (p == end)
            break;
          c = *p;

          if (c == '\\')
            {
              /* JSON knows eight escapes and \u. json-glib 1.6 also takes C's
               * octal ones, which can make bytes that are not UTF-8 (found by
               * fuzz-plan): refused here, where the place can be told. */
              if (p + 1 >= end || p[1] == '\0' || strchr ("\"\\/bfnrtu", p[1]) == NULL)
                {
                  if (locate_problem (data, p, &line, &column, error))
                    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                                 _("line %u, column %u: not valid JSON: a backslash in a string must start one of "
                                   "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"),
                                 line, column);
                  return FALSE;
                }
              if (in_name)
                ld->unsure = TRUE;   /* the name is not the bytes */
              if (p[1] == 'u' && !check_unicode_escape (data, &p, end, error))
                return FALSE;
              p++;   /* the escaped character */
            }
          else /* the closing '"' */
            {
              in_string = FALSE;
              if (in_name)
                {
                  member_list = list_from_member (name_start, p - name_start);
                  if (member_list >= 0 && ld->list_count[member_list]++ == 0)
                    ld->list_position[member_list] = n_members;
                  n_members++;
                  in_name = expect_name = FALSE;
                }
            }
          p++;
          continue;
        }

      while (p < end && outside_class[(unsigned char) *p] == OUT_SPACE)
        p++;
      if (p == end)
        break;
      c = *p;
      any = TRUE;

      /* json-glib 1.6 reads a second document after the first, keeps the
       * first and loses (and leaks) the rest: saving would then write less
       * than the file held. */
      if (root_done)
        {
          if (locate_problem (data, p, &line, &column, error))
            g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                         _("line %u, column %u: not valid JSON: there is more after the end of the plan"),
                         line, column);
          return FALSE;
        }

      switch (outside_class[(unsigned char) c])
        {
        case OUT_QUOTE:
          in_string = TRUE;
          n_values++;   /* a member's name is taken back at its ':' */
          if (expect_name && depth == 1)
            {
              in_name = TRUE;
              name_start = p + 1;
            }
          break;

        case OUT_NUMBER:
          {
            const char *token = p;

            n_values++;
            while (p + 1 < end && is_number_char (p[1]))
              p++;
            if (!check_number (data, token, p + 1 - token, error))
              return FALSE;
          }
          break;

        case OUT_OPEN:
          n_values++;
          n_containers++;
          if (depth == 0 && c == '{' && ld->outer_arrays->len == 0)
            {
              root_is_object = TRUE;
              expect_name = TRUE;
            }
          if (c == '[' && arrays_open++ == 0)
            {
              int list = root_is_object && depth == 1 ? member_list : -1;
              g_array_append_val (ld->outer_arrays, list);
            }
          if (++depth > BT_PLAN_MAX_DEPTH)
            {
              if (locate_problem (data, p, &line, &column, error))
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_DEEP,
                             _("line %u: the data is nested more than %d levels deep; a plan needs far fewer"),
                             line, BT_PLAN_MAX_DEPTH);
              return FALSE;
            }
          break;

        case OUT_CLOSE:
          if (depth > 0 && --depth == 0)
            root_done = TRUE;
          if (c == ']' && arrays_open > 0)
            arrays_open--;
          break;

        case OUT_COMMA:
          if (depth == 1)
            {
              expect_name = root_is_object;
              member_list = -1;
            }
          break;

        case OUT_UNSURE:
          /* A '[' or '"' in a comment or a 'string' is not what it seems:
           * no list is read while parsing. */
          ld->unsure = TRUE;
          break;

        case OUT_OTHER:
        default:
          if (c == ':' && n_values > 0)
            n_values--;
          else if (g_ascii_isalpha (c))
            {
              n_values++;   /* true, false, null: one word */
              while (p + 1 < end && g_ascii_isalpha (p[1]))
                p++;
            }
          break;
        }

      /* json-glib 1.6 needs about 300 bytes for each empty object (found
       * by a tester: 5 million "{}" in 15 MB took 1.5 GB): the count of
       * values, not only the size of the file, bounds the memory. */
      if (G_UNLIKELY (n_values > BT_PLAN_MAX_VALUES || n_containers > BT_PLAN_MAX_OBJECTS))
        {
          if (locate_problem (data, p, &line, &column, error))
            {
              if (n_containers > BT_PLAN_MAX_OBJECTS)
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                             _("line %u, column %u: the file holds more than %d objects and lists, "
                               "far more than any plan"),
                             line, column, BT_PLAN_MAX_OBJECTS);
              else
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                             _("line %u, column %u: the file holds more than %d values (texts, numbers, "
                               "objects, lists), far more than any plan"),
                             line, column, BT_PLAN_MAX_VALUES);
            }
          return FALSE;
        }
      p++;
    }

  if (!any)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_EMPTY,
                   _("the file is empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_header (Loader     *ld,
             JsonObject *root,
             gboolean   *newer,
             guint      *file_version,
             GError    **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  double v;

  if (format == NULL || !node_is_string (format) ||
      strcmp (json_node_get_string (format), BT_PLAN_FORMAT) != 0)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("format: this is not a Breakthrough plan (expected \"format\": \"%s\")"),
                   BT_PLAN_FORMAT);
      return FALSE;
    }

  if (version == NULL || !node_get_number (version, &v) || v != floor (v) || v < 1 ||
      v > MAX_SAFE_INTEGER)
    {
      g_autofree char *got = version ? describe_node (version) : g_strdup (_("nothing"));
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("version: expected a whole number from 1, got %s"), got);
      return FALSE;
    }

  *newer = v > BT_PLAN_VERSION;
  *file_version = v > G_MAXUINT ? G_MAXUINT : (guint) v;

  return TRUE;
}

static const char * const plan_members[] = {
  "format", "version", "section", "profile", "phases", "milestones", "categories",
  "weeks", "relationships", "narratives", "check_ins", "import_rules",
};

/* An element of one of the plan's lists, kept until the plan takes it. */
static void
read_plan_element (Loader   *ld,
                   ListId    list,
                   JsonNode *element)
{
  BtItem *item;

  if (list == LIST_WEEKS)
    item = read_week (ld, element);
  else
    item = read_item (ld, (ClassInfo *) plan_lists[list].info, element,
                      list == LIST_PHASES ? ld->phase_ids :
                      list == LIST_CATEGORIES ? ld->category_ids : NULL);

  if (item != NULL)
    {
      if (ld->items[list] == NULL)
        ld->items[list] = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (ld->items[list], item);
    }
}

static void
read_plan_element_cb (Loader   *ld,
                      JsonNode *element,
                      gpointer  data)
{
  read_plan_element (ld, GPOINTER_TO_INT (data), element);
}

static void
add_list_to_plan (Loader *ld,
                  BtPlan *plan,
                  ListId  list)
{
  GPtrArray *items = ld->items[list];
  GListModel *store = plan_lists[list].get (plan);
  gboolean sorted = TRUE;

  if (items == NULL)
    return;

  /* The file may list weeks in any order; the plan keeps them in time order. */
  if (list == LIST_WEEKS)
    for (guint i = 1; i < items->len && sorted; i++)
      sorted = bt_week_get_serial (g_ptr_array_index (items, i - 1)) <
               bt_week_get_serial (g_ptr_array_index (items, i));

  /* One splice instead of n inserts: one change notification. */
  if (sorted)
    bt_item_splice_children (BT_ITEM (plan), store, 0, items->pdata, items->len);
  else
    for (guint i = 0; i < items->len; i++)
      bt_plan_add_week (plan, g_ptr_array_index (items, i));

  g_clear_pointer (&ld->items[list], g_ptr_array_unref);
}

/* Reading while parsing.
 *
 * json-glib builds the whole document as a tree before anyone reads it:
 * for a plan of ten years, some 15 MB of nodes that have left the caches
 * by the time they are read, and then are freed. Instead, each element of
 * the plan's lists is read into the model as soon as the parser has built
 * it, while it is still in the cache, and removed from the tree at once.
 *
 * The parser's signals do not say which member an array belongs to, but
 * scan_bytes() has seen the bytes already: it lists, in order, every array
 * that is not inside another array and, for those that are members of the
 * root, which list they hold. A list is read this way only when that is
 * sure to give the same plan and the same messages as reading the tree:
 * its member is in the root once, no root member's name has an escape,
 * the file has none of the comments and 'strings' json-glib 1.6 also
 * takes, and the lists are in the order they are read in (see
 * decide_streamable()). Everything else is read from the tree after
 * parsing. */
/* GLib runs a handler through its closure, with a GValue for each argument,
 * on every emission it is not blocked for. Most arrays are inside an element
 * (a person's touchpoints), and their thousands of elements are not for
 * on_array_element_cb(): blocked, such an emission costs what one with no
 * handler does. */
static void
update_element_handler (JsonParser *parser,
                        Loader     *ld)
{
  gboolean wanted = ld->arrays_open == 1 && ld->streaming >= 0;

  if (wanted == !ld->element_blocked)
    return;

  if (wanted)
    g_signal_handler_unblock (parser, ld->element_handler);
  else
    g_signal_handler_block (parser, ld->element_handler);
  ld->element_blocked = !wanted;
}

static void
on_array_start_cb (JsonParser *parser,
                   Loader     *ld)
{
  guint k;

  if (ld->arrays_open++ > 0)
    {
      update_element_handler (parser, ld);
      return;
    }

  k = ld->n_outer_seen++;
  ld->streaming = k < ld->outer_arrays->len ? g_array_index (ld->outer_arrays, int, k) : -1;
  if (ld->streaming >= 0 && !ld->streamable[ld->streaming])
    ld->streaming = -1;

  if (ld->streaming >= 0)
    {
      ld->bucket = BUCKET_OF_LIST (ld->streaming);
      ld->list_mark = path_push_member (ld, plan_lists[ld->streaming].member);
    }
  update_element_handler (parser, ld);
}

static void
on_array_element_cb (JsonParser *parser,
                     JsonArray  *array,
                     int         index,
                     Loader     *ld)
{
  guint last;
  gsize mark;

  /* update_element_handler() blocks us everywhere else */
  g_assert (ld->arrays_open == 1 && ld->streaming >= 0);

  last = json_array_get_length (array) - 1;
  mark = path_push_index (ld, index);
  read_plan_element (ld, ld->streaming, json_array_get_element (array, last));
  path_pop (ld, mark);
  json_array_remove_element (array, last);
}

static void
on_array_end_cb (JsonParser *parser,
                 JsonArray  *array,
                 Loader     *ld)
{
  if (ld->arrays_open == 0)
    return;

  if (--ld->arrays_open == 0 && ld->streaming >= 0)
    {
      ld->streamed[ld->streaming] = TRUE;
      path_pop (ld, ld->list_mark);
      ld->streaming = -1;
    }
  update_element_handler (parser, ld);
}

/* json-glib 1.6 gives its signals no marshaller of their own, so GLib's
 * generic one calls the handlers through libffi, on every element of every
 * array. These three know the handlers' types. */
static void
marshal_start (GClosure     *closure,
               GValue       *return_value,
               guint         n_values,
               const GValue *values,
               gpointer      hint,
               gpointer      data)
{
  on_array_start_cb (g_value_get_object (&values[0]), closure->data);
}

static void
marshal_element (GClosure     *closure,
                 GValue       *return_value,
                 guint         n_values,
                 const GValue *values,
                 gpointer      hint,
                 gpointer      data)
{
  on_array_element_cb (g_value_get_object (&values[0]), g_value_get_boxed (&values[1]),
                       g_value_get_int (&values[2]), closure->data);
}

static void
marshal_end (GClosure     *closure,
             GValue       *return_value,
             guint         n_values,
             const GValue *values,
             gpointer      hint,
             gpointer      data)
{
  on_array_end_cb (g_value_get_object (&values[0]), g_value_get_boxed (&values[1]), closure->data);
}

static gulong
connect_marshalled (JsonParser       *parser,
                    const char       *signal,
                    GCallback         callback,
                    Loader           *ld,
                    GClosureMarshal   marshal)
{
  GClosure *closure = g_cclosure_new (callback, ld, NULL);

  g_closure_set_marshal (closure, marshal);
  return g_signal_connect_closure (parser, signal, closure, FALSE);
}

/* Which lists on_array_start_cb() may read while parsing; FALSE for none.
 * A list may when every list read before it (in ListId's order) that the
 * file has may too and comes before it in the file: then the lists are
 * read in ListId's order either way, and ids taken and references checked
 * just as when reading the tree. */
static gboolean
decide_streamable (Loader *ld)
{
  gboolean any = FALSE;

  if (ld->unsure)
    return FALSE;

  for (guint i = 0; i < N_LISTS; i++)
    {
      ld->streamable[i] = ld->list_count[i] == 1;
      for (guint j = 0; j < i && ld->streamable[i]; j++)
        if (ld->list_count[j] > 0)
          ld->streamable[i] = ld->streamable[j] && ld->list_position[j] < ld->list_position[i];
      any = any || ld->streamable[i];
    }

  return any;
}

static BtPlan *
read_plan (Loader    *ld,
           JsonNode  *root_node,
           GError   **error)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autofree char *joined = NULL;
  JsonObject *root;
  JsonNode *node;
  gboolean newer = FALSE;
  guint file_version = BT_PLAN_VERSION;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *got = describe_node (root_node);
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_NOT_A_PLAN,
                   _("this is not a Breakthrough plan: expected an object, got %s"), got);
      return NULL;
    }

  root = json_node_get_object (root_node);
  if (!read_header (ld, root, &newer, &file_version, error))
    return NULL;

  ld->bucket = BUCKET_PROFILE;
  node = json_object_get_member (root, "profile");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      gsize mark = path_push_member (ld, "profile");
      if (expect_object (ld, node))
        {
          BtItem *profile = BT_ITEM (bt_plan_get_profile (plan));

          bt_item_set_quiet (profile, TRUE);
          read_fields (ld, &profile_info, json_node_get_object (node), profile);
          bt_item_set_quiet (profile, FALSE);
        }
      path_pop (ld, mark);
    }

  for (ListId list = 0; list < N_LISTS; list++)
    {
      ld->bucket = BUCKET_OF_LIST (list);
      if (!ld->streamed[list])
        read_elements (ld, root, plan_lists[list].member, read_plan_element_cb, GINT_TO_POINTER (list));
      add_list_to_plan (ld, plan, list);
    }

  ld->bucket = BUCKET_LATE;
  check_unique_check_in_weeks (ld, plan);

  keep_unknown_members (BT_ITEM (plan), root, plan_members, N (plan_members));

  joined = loader_join_errors (ld);
  if (joined != NULL)
    {
      if (newer)
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                     _("%s\n(The file was written by a newer version of Breakthrough.)"), joined);
      else
        g_set_error_literal (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID, joined);
      return NULL;
    }

  /* A newer file may mean more than this version can see: never write it. */
  if (newer)
    {
      bt_plan_set_read_only (plan, TRUE);
      bt_plan_set_file_version (plan, file_version);
    }

  return g_steal_pointer (&plan);
}

/* json-glib says "<data>:3:14: Parse error: scanner: unterminated string
 * constant"; a person wants "line 3, column 14: not valid JSON: …". */
/* What GScanner, under json-glib, names a token: in a person's words. */
static char *
plain_token (const char *token)
{
  g_autofree char *quoted = NULL;
  const char *tick = strchr (token, '`');
  const char *end = tick != NULL ? strrchr (tick, '\'') : NULL;

  if (g_str_equal (token, "string constant"))
    return g_strdup (_("a name or text in double quotes"));
  if (g_str_has_prefix (token, "string constant "))
    /* TRANSLATORS: %s is a text of the file, in double quotes */
    return g_strdup_printf (_("the text %s"), token + strlen ("string constant "));
  if (g_str_equal (token, "number"))
    return g_strdup (_("a number"));
  if (g_str_equal (token, "value"))
    return g_strdup (_("a value"));
  if (g_str_equal (token, "identifier"))
    return g_strdup (_("a name"));
  if (g_str_equal (token, "end of file"))
    return g_strdup (_("the end of the file"));
  if (tick != NULL && end != NULL && end > tick)
    {
      quoted = g_strndup (tick + 1, end - tick - 1);
      /* TRANSLATORS: a character or word of the file, quoted */
      return g_strdup_printf (_("“%s”"), quoted);
    }

  return g_strdup (token);
}

/* json-glib passes on GScanner's own words ("unexpected character `,',
 * expected string constant"): they are said again plainly, what was found
 * and what was expected, without the scanner's backquotes. */
static char *
plain_scanner_words (const char *words)
{
  g_autofree char *found = NULL;
  g_autofree char *found_plain = NULL;
  const char *expected = strstr (words, ", expected ");

  if (g_str_equal (words, "unterminated string constant"))
    return g_strdup (_("a text in double quotes is not closed"));
  if (g_str_equal (words, "unexpected end of file"))
    return g_strdup (_("the file ends too early"));
  if (!g_str_has_prefix (words, "unexpected "))
    return g_strdup (words);

  found = expected != NULL ? g_strndup (words, expected - words) : g_strdup (words);
  /* "unexpected character `,'", "unexpected identifier `nul'" … */
  {
    const char *what = found + strlen ("unexpected ");
    const char *tick = strchr (what, '`');

    found_plain = plain_token (tick != NULL ? tick : what);
  }

  if (expected != NULL)
    {
      g_autofree char *wanted = plain_token (expected + strlen (", expected "));

      /* TRANSLATORS: what the file has at that place, and what it should have */
      return g_strdup_printf (_("%s where %s should be"), found_plain, wanted);
    }

  /* TRANSLATORS: what the file has at that place */
  return g_strdup_printf (_("%s is out of place"), found_plain);
}

static char *
syntax_error_message (const char *raw_message)
{
  /* json-glib quotes the text it stopped at, cut to a number of bytes that
   * may end inside a character (found by fuzz-plan): the message must
   * stay UTF-8. */
  g_autofree char *raw = g_utf8_make_valid (raw_message, -1);
  const char *rest = raw;
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (raw, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 && consumed > 0)
    rest = raw + consumed;
  if (g_str_has_prefix (rest, "Parse error: "))
    rest += strlen ("Parse error: ");
  if (g_str_has_prefix (rest, "scanner: "))
    rest += strlen ("scanner: ");

  {
    g_autofree char *plain = plain_scanner_words (rest);

    if (line > 0)
      return g_strdup_printf (_("line %u, column %u: not valid JSON: %s"), line, column, plain);

    return g_strdup_printf (_("not valid JSON: %s"), plain);
  }
}

static BtPlan *
load_bytes (GBytes   *bytes,
            gboolean  while_parsing,
            GError  **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  BtPlan *plan;
  const char *data;
  gsize length;
  Loader ld;

  data = g_bytes_get_data (bytes, &length);

  if (length > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the file is %lu MiB, more than the %d MiB a plan may have"),
                   (unsigned long) (length / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length == 0 || data == NULL)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }

  loader_init (&ld);
  if (!scan_bytes (&ld, data, length, error))
    {
      loader_clear (&ld);
      return NULL;
    }

  parser = json_parser_new ();
  if (while_parsing && decide_streamable (&ld))
    {
      connect_marshalled (parser, "array-start", G_CALLBACK (on_array_start_cb), &ld, marshal_start);
      ld.element_handler = connect_marshalled (parser, "array-element", G_CALLBACK (on_array_element_cb),
                                               &ld, marshal_element);
      connect_marshalled (parser, "array-end", G_CALLBACK (on_array_end_cb), &ld, marshal_end);
      /* no list is open yet */
      g_signal_handler_block (parser, ld.element_handler);
      ld.element_blocked = TRUE;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says only that the text is not UTF-8, and says it before
       * any problem of syntax */
      if (!refuse_encoding_before (data, data + length, error))
        {
          g_autofree char *message = syntax_error_message (local_error->message);

          g_set_error_literal (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX, message);
        }
      loader_clear (&ld);
      return NULL;
    }

  plan = read_plan (&ld, json_parser_get_root (parser), error);
  loader_clear (&ld);

  return plan;
}

/**
 * bt_plan_file_load_bytes:
 *
 * Reads a plan from the bytes of a plan file. Every problem found is in the
 * error's message, one per line, each starting with its JSON path.
 *
 * Returns: (transfer full) (nullable): the plan, read-only if the file
 *   comes from a newer version
 */
BtPlan *
bt_plan_file_load_bytes (GBytes  *bytes,
                         GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, TRUE, error);
}

/* For tests: the same, with every list read from json-glib's tree once it
 * is parsed, which must give the same plan or the same message. */
BtPlan *
bt_plan_file_load_bytes_from_tree (GBytes  *bytes,
                                   GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes (bytes, FALSE, error);
}

/**
 * bt_file_read_at_most:
 * @path: the file to read
 * @max_bytes: the most it may hold
 * @contents: (out) (transfer full): its bytes, NUL-terminated
 * @length: (out): how many
 * @too_large: (out): set to %TRUE, with %FALSE returned and no error set,
 *   when the file holds more than @max_bytes
 *
 * Reads a file, but never more than @max_bytes + 1 bytes of it: a pipe or a
 * device (/dev/zero) has no size to check before, and would otherwise be
 * read until memory runs out.
 *
 * Returns: %TRUE when the whole file was read
 */
gboolean
bt_file_read_at_most (const char  *path,
                      gsize        max_bytes,
                      char       **contents,
                      gsize       *length,
                      gboolean    *too_large,
                      GError     **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  GStatBuf st;
  gboolean regular;
  int fd;

  g_return_val_if_fail (max_bytes < G_MAXUINT, FALSE);

  *contents = NULL;
  *length = 0;
  *too_large = FALSE;

  /* The size of a regular file is known before reading any of it. */
  regular = g_stat (path, &st) == 0 && S_ISREG (st.st_mode);
  if (regular && (guint64) st.st_size > max_bytes)
    {
      *too_large = TRUE;
      return FALSE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Failed to open file “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }

  buffer = g_byte_array_sized_new (regular ? (guint) st.st_size + 1 : 64 * 1024);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Failed to read from file “%s”: %s"), display, g_strerror (saved));
          close (fd);
          return FALSE;
        }
      if (n == 0)
        break;
      /* Up to one byte more than allowed: enough to know it is too much. */
      g_byte_array_append (buffer, chunk, MIN ((gsize) n, max_bytes + 1 - buffer->len));
      if (buffer->len > max_bytes)
        {
          close (fd);
          *too_large = TRUE;
          return FALSE;
        }
    }
  close (fd);

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *) "", 1);
  *contents = (char *) g_byte_array_free (g_steal_pointer (&buffer), FALSE);

  return TRUE;
}

/**
 * bt_plan_file_load:
 *
 * Returns: (transfer full) (nullable): the plan in the file at @path
 */
BtPlan *
bt_plan_file_load (const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  gboolean too_large = FALSE;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  /* Check the size before reading, so a huge file is never read into memory. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the file is %lld MiB, more than the %d MiB a plan may have"),
                   (long long) (st.st_size / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* A pipe or a device has no size to check: read no more than allowed. */
  if (!bt_file_read_at_most (path, BT_PLAN_MAX_BYTES, &contents, &length, &too_large, error))
    {
      if (too_large)
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                     _("the file is more than the %d MiB a plan may have"), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  bytes = g_bytes_new_take (contents, length);

  return bt_plan_file_load_bytes (bytes, error);
}

/**
 * bt_plan_file_load_sample:
 *
 * Returns: (transfer full): the sample plan shipped with the app
 */
BtPlan *
bt_plan_file_load_sample (GError **error)
{
  g_autoptr(GBytes) bytes =
    g_resources_lookup_data ("/io/github/breakthrough/Planner/sample-plan.json",
                             G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return bt_plan_file_load_bytes (bytes, error);
}

/* ------------------------------------------------------------------ */
/* Writing                                                             */

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

static void write_list (Writer *wr, GListModel *list, ClassInfo *info);

static void
write_fields (Writer    *wr,
              ClassInfo *info,
              BtItem    *item)
{
  BtJsonWriter *b = wr->json;

  if (info->has_id)
    {
      bt_json_writer_member (b, "id");
      bt_json_writer_string (b, bt_item_get_id (item));
    }

  for (guint i = 0; i < info->n_fields && wr->error == NULL; i++)
    {
      const Field *field = &info->fields[i];
      GParamSpec *pspec = field_pspec (info, i);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, type);
      G_OBJECT_GET_CLASS (item)->get_property (G_OBJECT (item), pspec->param_id, &value, pspec);

      if (type == G_TYPE_STRING)
        {
          const char *s = g_value_get_string (&value);

          /* Empty optional text is left out: the file stays short to read. */
          if ((s == NULL || *s == '\0') && !(field->flags & FIELD_REQUIRED))
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

          if (v == 0 && (field->flags & FIELD_ZERO_UNSET))
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

  for (guint i = 0; i < info->n_children && wr->error == NULL; i++)
    {
      GListModel *list = info->children[i].get (item);
      gsize mark = wr->path->len;

      g_string_append_printf (wr->path, ".%s", info->children[i].member);
      bt_json_writer_member (b, info->children[i].member);
      write_list (wr, list, (ClassInfo *) info->children[i].info);
      g_string_truncate (wr->path, mark);
    }

  write_extra (wr, item);
}

static void
write_list (Writer     *wr,
            GListModel *list,
            ClassInfo  *info)
{
  guint n = g_list_model_get_n_items (list);

  bt_json_writer_begin_array (wr->json);
  for (guint i = 0; i < n && wr->error == NULL; i++)
    {
      g_autoptr(BtItem) item = g_list_model_get_item (list, i);
      gsize mark = wr->path->len;

      append_index (wr->path, i);
      bt_json_writer_begin_object (wr->json);
      write_fields (wr, info, item);
      bt_json_writer_end_object (wr->json);
      g_string_truncate (wr->path, mark);
    }
  bt_json_writer_end_array (wr->json);
}

static void
write_top_list (Writer     *wr,
                const char *member,
                GListModel *list,
                ClassInfo  *info)
{
  g_string_assign (wr->path, member);
  bt_json_writer_member (wr->json, member);
  write_list (wr, list, info);
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
      write_fields (&wr, &profile_info, BT_ITEM (bt_plan_get_profile (plan)));
      bt_json_writer_end_object (json);
    }

  if (all || section == BT_PLAN_SECTION_ROADMAP)
    {
      write_top_list (&wr, "phases", bt_plan_get_phases (plan), &phase_info);
      write_top_list (&wr, "milestones", bt_plan_get_milestones (plan), &milestone_info);
    }

  if (all || section == BT_PLAN_SECTION_TIME)
    {
      write_top_list (&wr, "categories", bt_plan_get_categories (plan), &category_info);
      write_weeks (&wr, plan);
      /* Only when there are rules: a plan that never imported stays as it was. */
      if (g_list_model_get_n_items (bt_plan_get_import_rules (plan)) > 0)
        write_top_list (&wr, "import_rules", bt_plan_get_import_rules (plan), &import_rule_info);
    }

  if (all || section == BT_PLAN_SECTION_RELATIONSHIPS)
    write_top_list (&wr, "relationships", bt_plan_get_relationships (plan), &relationship_info);

  if (all || section == BT_PLAN_SECTION_NARRATIVES)
    write_top_list (&wr, "narratives", bt_plan_get_narratives (plan), &narrative_info);

  if (all || section == BT_PLAN_SECTION_CHECK_INS)
    write_top_list (&wr, "check_ins", bt_plan_get_check_ins (plan), &check_in_info);

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

/* ------------------------------------------------------------------ */
/* Files                                                               */

char *
bt_plan_file_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "breakthrough", "plan.json", NULL);
}

char *
bt_plan_file_backup_path (const char *path)
{
  return g_strconcat (path, ".bak", NULL);
}

/* Where a path leads: a link's target, followed link by link, so that
 * saving through a symbolic link replaces the file it points at and leaves
 * the link in place. A dangling link leads to the file it names, which the
 * save then creates; a loop of links, or one too long, leads nowhere. */
static char *
resolve_target (const char  *path,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);
  char *resolved = realpath (path, NULL);

  if (resolved != NULL)
    {
      char *copy = g_strdup (resolved);
      free (resolved);
      return copy;
    }

  /* What is there but has no name of its own: /dev/stdout into a pipe. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      return g_steal_pointer (&current);
  }

  for (guint hops = 0; hops < 40; hops++)
    {
      GStatBuf st;
      g_autofree char *link = NULL;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      link = g_file_read_link (current, NULL);
      if (link == NULL)
        return g_steal_pointer (&current);

      if (!g_path_is_absolute (link))
        {
          g_autofree char *dir = g_path_get_dirname (current);
          g_autofree char *joined = g_build_filename (dir, link, NULL);
          g_free (current);
          current = g_steal_pointer (&joined);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP,
               _("“%s” is a symbolic link that leads in a loop: nothing was written"), path);
  return NULL;
}

/* Keeps the file now at @target as its backup without copying it: a hard
 * link to the old contents survives the rename that replaces @target. A
 * file that does not load as a plan never becomes the backup: the last
 * good one is worth more. */
static void
keep_backup (const char *target)
{
  g_autofree char *backup = bt_plan_file_backup_path (target);
  g_autofree char *tmp = g_strconcat (backup, ".tmp", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(BtPlan) previous = NULL;
  gsize length;

  if (!g_file_test (target, G_FILE_TEST_IS_REGULAR))
    return;

  previous = bt_plan_file_load (target, NULL);
  if (previous == NULL)
    {
      g_debug ("The file being replaced does not load: the backup is kept as it was");
      return;
    }

  g_unlink (tmp);
  if (link (target, tmp) == 0)
    {
      if (g_rename (tmp, backup) == 0)
        {
          g_chmod (backup, 0600);
          return;
        }
      g_unlink (tmp);
    }

  /* Some file systems have no hard links: copy. */
  if (g_file_get_contents (target, &contents, &length, NULL))
    g_file_set_contents_full (backup, contents, length,
                              G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                              0600, NULL);
}


static gboolean
is_leftover_name (const char *name,
                  const char *base)
{
  gsize n = strlen (base);
  g_autofree char *backup_tmp = g_strconcat (base, ".bak.tmp", NULL);

  if (g_str_equal (name, backup_tmp))
    return TRUE;

  /* g_file_set_contents_full() writes to BASE.XXXXXX, six characters from
   * the mkstemp alphabet, and renames it over BASE. */
  if (strncmp (name, base, n) != 0 || name[n] != '.' || strlen (name + n + 1) != 6)
    return FALSE;

  for (const char *p = name + n + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;

  return TRUE;
}

/**
 * bt_plan_file_clean_leftovers:
 * @path: a plan file
 *
 * Removes the temporary files a save killed half-way leaves beside the
 * plan: only names of exactly that pattern, only regular files of this
 * user, and only ones older than ten minutes, so that a save under way in
 * another window is never disturbed.
 *
 * Returns: how many were removed
 */
guint
bt_plan_file_clean_leftovers (const char *path)
{
  g_autofree char *target = NULL;
  g_autofree char *dir_name = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GDir) dir = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (path != NULL, 0);

  target = resolve_target (path, NULL);
  if (target == NULL)
    return 0;
  dir_name = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  dir = g_dir_open (dir_name, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL;
      GStatBuf st;

      if (!is_leftover_name (name, base))
        continue;

      file = g_build_filename (dir_name, name, NULL);
      if (g_lstat (file, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid () ||
          now - (gint64) st.st_mtime < 10 * 60)
        continue;

      if (g_unlink (file) == 0)
        removed++;
    }

  if (removed > 0)
    g_debug ("Removed %u temporary files left by an interrupted save", removed);

  return removed;
}

/* Writes all of @data into @fd, which the caller keeps. */
static gboolean
write_all (int          fd,
           const char  *path,
           const char  *data,
           gsize        length,
           GError     **error)
{
  while (length > 0)
    {
      gssize n = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOSPC)
            g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                         _("No space left on “%s”: it could not take what was written"), path);
          else
            g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                         _("Could not write into “%s”: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

/* A FIFO or a character device is not a file to replace: the data goes
 * into it, and the node stays what it was. */
static gboolean
write_into (const char  *target,
            const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  int fd = g_open (target, O_WRONLY | O_NOCTTY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not open “%s” for writing: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  ok = write_all (fd, path, data, length, error);
  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write into “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return ok;
}

/* Whether the file's owner, or whoever this is, has made it read-only:
 * root may write anything, yet a plan its owner locked stays locked. */
static gboolean
is_read_only (const GStatBuf *st,
              const char     *target)
{
  if (st->st_uid == geteuid ())
    return (st->st_mode & S_IWUSR) == 0;

  return (st->st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || g_access (target, W_OK) != 0;
}

/**
 * bt_plan_file_write_private:
 * @keep_backup: keep the file's previous contents as `PATH.bak`
 *
 * Writes @data to @path atomically and durably, readable by the user alone:
 * after a crash or a failed write the file holds either its old or its new
 * contents, never a mix. The folder is made, 0700, if it is missing.
 *
 * Only a regular file, or a path where nothing is yet, is replaced; a FIFO
 * or a character device (a terminal, `/dev/null`) is written into; a
 * read-only file, a folder and anything else are refused, with a message
 * naming @path.
 */
gboolean
bt_plan_file_write_private (const char  *path,
                            const char  *data,
                            gsize        length,
                            gboolean     keep_backup_,
                            GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dir = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                           _("No file name was given: nothing was written"));
      return FALSE;
    }

  target = resolve_target (path, error);
  if (target == NULL)
    return FALSE;

  if (g_stat (target, &st) == 0)
    {
      if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
        return write_into (target, path, data, length, error);

      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                       _("“%s” is a folder: give the name of a file to write"), path);
          return FALSE;
        }

      if (!S_ISREG (st.st_mode))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                       _("“%s” is neither a file nor a pipe nor a terminal: nothing was written"), path);
          return FALSE;
        }

      if (is_read_only (&st, target))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES,
                       _("“%s” is read-only: it was not replaced"), path);
          return FALSE;
        }
    }

  dir = g_path_get_dirname (target);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (keep_backup_)
    keep_backup (target);

  /* CONSISTENT | DURABLE: a temporary file, fsync, rename, and a fsync of
   * the folder. A failed write leaves the original untouched. */
  {
    g_autoptr(GError) local_error = NULL;

    if (g_file_set_contents_full (target, data, length,
                                  G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                  0600, &local_error))
      return TRUE;

    /* GLib names its temporary file; a person wants the folder. */
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
        g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
        g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
      {
        g_set_error (error, G_FILE_ERROR, local_error->code,
                     _("Nothing can be written in the folder “%s”: it is read-only for you"), dir);
        return FALSE;
      }
    if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
      {
        g_set_error (error, G_FILE_ERROR, local_error->code,
                     _("The disk is full: the file on disk is as it was"));
        return FALSE;
      }

    g_debug ("Writing failed: %s", local_error->message);
    g_set_error (error, G_FILE_ERROR, local_error->code,
                 _("Could not write “%s”: %s"), path,
                 g_strerror (local_error->code == G_FILE_ERROR_ISDIR ? EISDIR :
                             local_error->code == G_FILE_ERROR_NOTDIR ? ENOTDIR :
                             local_error->code == G_FILE_ERROR_NAMETOOLONG ? ENAMETOOLONG :
                             local_error->code == G_FILE_ERROR_NOENT ? ENOENT :
                             EIO));
    return FALSE;
  }
}

/**
 * bt_plan_file_write_output:
 * @path: the file to write, or `-` for standard output
 *
 * Writes an export: bt_plan_file_write_private() without a backup, and `-`
 * is standard output.
 */
gboolean
bt_plan_file_write_output (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_str_equal (path, "-"))
    {
      fflush (stdout);
      return write_all (STDOUT_FILENO, _("standard output"), data, length, error);
    }

  /* /dev/stdout when standard output is a file: write where the shell
   * pointed it (`>>` appends), rather than replace the file under it. */
  {
    GStatBuf out_st, path_st;

    if (fstat (STDOUT_FILENO, &out_st) == 0 && S_ISREG (out_st.st_mode) &&
        g_stat (path, &path_st) == 0 &&
        out_st.st_dev == path_st.st_dev && out_st.st_ino == path_st.st_ino)
      {
        fflush (stdout);
        return write_all (STDOUT_FILENO, path, data, length, error);
      }
  }

  return bt_plan_file_write_private (path, data, length, FALSE, error);
}

/**
 * bt_plan_file_check_output:
 * @output: where an export is to be written
 * @plan_path: the plan it is made from
 *
 * Refuses an export whose output is the plan itself — the same file by
 * device and inode, whatever links lead there — so that an export never
 * replaces its own input.
 */
gboolean
bt_plan_file_check_output (const char  *output,
                           const char  *plan_path,
                           GError     **error)
{
  GStatBuf out_st, plan_st;

  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (plan_path != NULL, FALSE);

  if (g_str_equal (output, "-") || output[0] == '\0')
    return TRUE;

  if (g_stat (output, &out_st) == 0 && g_stat (plan_path, &plan_st) == 0 &&
      out_st.st_dev == plan_st.st_dev && out_st.st_ino == plan_st.st_ino &&
      S_ISREG (out_st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” is the plan itself: the export would replace it. Choose another file"),
                   output);
      return FALSE;
    }

  return TRUE;
}

/**
 * bt_plan_file_save:
 *
 * Saves the whole plan to @path, keeping the previous file as a backup.
 * Refuses a read-only plan, a read-only file, and a plan the reader would
 * refuse: what is written is read back first, and if it would not load,
 * nothing is replaced and the error names the JSON path.
 */
gboolean
bt_plan_file_save (BtPlan      *plan,
                   const char  *path,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BtPlan) check = NULL;
  g_autoptr(GError) load_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (BT_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (bt_plan_get_read_only (plan))
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY,
                   _("The plan comes from a newer version of Breakthrough and is not saved over, "
                     "so that nothing this version cannot see is lost"));
      return FALSE;
    }

  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, error);
  if (bytes == NULL)
    return FALSE;

  /* The guard: a plan that would not open again is never written. */
  check = bt_plan_file_load_bytes (bytes, &load_error);
  if (check == NULL)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE,
                   /* TRANSLATORS: follows "The plan could not be saved:"; %s is the
                    * reader's reason, with the JSON path */
                   _("it would not open again: %s"),
                   load_error->message);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &length);

  return bt_plan_file_write_private (path, data, length, TRUE, error);
}

/**
 * bt_plan_file_export:
 *
 * Writes the plan, or one section of it, to a new file of the user's. Unlike
 * saving, this works for read-only plans too: it never replaces the plan file.
 */
gboolean
bt_plan_file_export (BtPlan         *plan,
                     BtPlanSection   section,
                     const char     *path,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (BT_IS_PLAN (plan), FALSE);

  bytes = bt_plan_file_serialize (plan, section, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);

  /* An export is a plan: one --validate or the app would refuse is not
   * written (a compact file, pretty-printed, can grow past the limit). */
  if (length > BT_PLAN_MAX_BYTES)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                   _("the export would be %lu MiB, more than the %d MiB a plan may have: nothing was written"),
                   (unsigned long) (length / (1024 * 1024)), BT_PLAN_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }

  return bt_plan_file_write_output (path, data, length, error);
}

/**
 * bt_plan_file_describe:
 *
 * Returns: a one-line summary of what the plan holds, for people
 */
char *
bt_plan_file_describe (BtPlan *plan)
{
  guint phases = g_list_model_get_n_items (bt_plan_get_phases (plan));
  guint milestones = g_list_model_get_n_items (bt_plan_get_milestones (plan));
  guint categories = g_list_model_get_n_items (bt_plan_get_categories (plan));
  guint weeks = g_list_model_get_n_items (bt_plan_get_weeks (plan));
  guint relationships = g_list_model_get_n_items (bt_plan_get_relationships (plan));
  guint narratives = g_list_model_get_n_items (bt_plan_get_narratives (plan));
  guint check_ins = g_list_model_get_n_items (bt_plan_get_check_ins (plan));
  g_autoptr(GString) out = g_string_new (NULL);

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", phases), phases);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u milestone", "%u milestones", milestones), milestones);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories", categories), categories);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", weeks), weeks);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u relationship", "%u relationships", relationships), relationships);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u narrative", "%u narratives", narratives), narratives);
  g_string_append (out, ", ");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u check-in", "%u check-ins", check_ins), check_ins);

  if (bt_plan_get_read_only (plan))
    g_string_append (out, _(" (from a newer version: read-only)"));

  return g_string_free (g_steal_pointer (&out), FALSE);
}
