/* test-schema.c — data/plan.schema.json says what the classes' field
 * descriptions say
 *
 * Each $defs entry that names a kind of item is built again from that
 * class's description (its members, their types, ranges, patterns and
 * enum values, which are required, its child lists) and from its
 * properties, and compared with the committed schema. A field added to a
 * class and not to the schema, or the other way round, fails here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bt-plan-fields-private.h"

#define DATE_PATTERN  "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#define WEEK_PATTERN  "^[0-9]{4}-W[0-9]{2}$"
#define COLOR_PATTERN "^#[0-9a-fA-F]{6}$"
#define CURRENCY_PATTERN "^[A-Z]{3}$"

static JsonObject *
load_schema (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "plan.schema.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* "impact_statement" for BtImpactStatement: the names of $defs. */
static char *
def_name (GType type)
{
  const char *name = g_type_name (type);
  GString *out = g_string_new (NULL);

  g_assert (g_str_has_prefix (name, "Bt"));
  for (const char *p = name + 2; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && out->len > 0)
        g_string_append_c (out, '_');
      g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (out, FALSE);
}

static double
number_of (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);

  return json_node_get_double (node);
}

/* What a property of the schema says, in one line with its keys in a fixed
 * order, leaving out the prose and the default (checked on its own). */
static char *
describe_schema_member (JsonObject *member)
{
  static const char * const keys[] = {
    "type", "enum", "minimum", "maximum", "minLength", "pattern", "items", "additionalProperties", "$ref",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  JsonObjectIter iter;
  const char *name;

  json_object_iter_init (&iter, member);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_strv_contains ((const char * const *) keys, name) &&
        !g_str_equal (name, "description") && !g_str_equal (name, "default"))
      g_string_append_printf (out, "unknown key %s ", name);

  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      JsonNode *node = json_object_get_member (member, keys[k]);

      if (node == NULL)
        continue;
      g_string_append_printf (out, "%s=", keys[k]);
      if (g_str_equal (keys[k], "enum"))
        {
          JsonArray *values = json_node_get_array (node);

          for (guint i = 0; i < json_array_get_length (values); i++)
            g_string_append_printf (out, "%s%s", i > 0 ? "," : "", json_array_get_string_element (values, i));
        }
      else if (g_str_equal (keys[k], "items"))
        g_string_append (out, json_object_get_string_member (json_node_get_object (node), "$ref"));
      else if (g_str_equal (keys[k], "additionalProperties"))
        g_string_append (out, JSON_NODE_HOLDS_OBJECT (node) ? "{…}" : json_node_get_boolean (node) ? "true" : "false");
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (node));
      else
        g_string_append_printf (out, "%.17g", number_of (node));
      g_string_append_c (out, ' ');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
append_enum (GString *out,
             GType    type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_string_append (out, "enum=");
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "," : "", klass->values[i].value_nick);
  g_string_append_c (out, ' ');
}

/* The same line, from a field's description and its property. */
static char *
describe_field (const BtField *field,
                GParamSpec    *pspec)
{
  g_autoptr(GString) out = g_string_new (NULL);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      g_string_append (out, "type=string ");
      if (field->flags & BT_FIELD_CATEGORY_REF)
        g_string_append (out, "minLength=1 ");
      if (field->flags & BT_FIELD_WEEK)
        g_string_append (out, "pattern=" WEEK_PATTERN " ");
      if (field->flags & BT_FIELD_COLOR)
        g_string_append (out, "pattern=" COLOR_PATTERN " ");
      if (field->flags & BT_FIELD_CURRENCY)
        g_string_append (out, "pattern=" CURRENCY_PATTERN " ");
    }
  else if (type == G_TYPE_DATE)
    g_string_append (out, "type=string pattern=" DATE_PATTERN " ");
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      gboolean zero_unset = (field->flags & BT_FIELD_ZERO_UNSET) != 0;

      g_string_append_printf (out, "type=integer minimum=%.17g maximum=%.17g ",
                              (double) (zero_unset ? field->min : ispec->minimum),
                              (double) (zero_unset ? field->max : ispec->maximum));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);

      g_string_append_printf (out, "type=number minimum=%.17g maximum=%.17g ", dspec->minimum, dspec->maximum);
    }
  else if (G_TYPE_IS_ENUM (type))
    append_enum (out, type);
  else
    g_string_append_printf (out, "a property of type %s ", g_type_name (type));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A default in the schema must be the property's. */
static void
check_default (const char *where,
               JsonNode   *given,
               GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const GValue *value = g_param_spec_get_default_value (pspec);

  if (given == NULL)
    return;

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *v = g_enum_get_value (klass, g_value_get_enum (value));

      g_assert_cmpstr (json_node_get_string (given), ==, v->value_nick);
    }
  else if (type == G_TYPE_INT)
    g_assert_cmpfloat (number_of (given), ==, g_value_get_int (value));
  else if (type == G_TYPE_DOUBLE)
    g_assert_cmpfloat (number_of (given), ==, g_value_get_double (value));
  else
    g_test_fail_printf ("%s: a default for a property of type %s", where, g_type_name (type));
}

static void
compare_member (const char *def,
                const char *member,
                JsonObject *properties,
                const char *expected)
{
  g_autofree char *where = g_strdup_printf ("$defs.%s.properties.%s", def, member);
  JsonNode *node = json_object_get_member (properties, member);
  g_autofree char *got = NULL;

  if (node == NULL)
    {
      g_test_fail_printf ("%s: missing from the schema, which should say %s", where, expected);
      return;
    }

  got = describe_schema_member (json_node_get_object (node));
  if (!g_str_equal (got, expected))
    g_test_fail_printf ("%s: the schema says \"%s\", the description \"%s\"", where, got, expected);
}

static void
test_def (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  g_autoptr(JsonObject) schema = load_schema ();
  g_autofree char *def = def_name (type);
  BtItemClass *klass = g_type_class_ref (type);
  const BtItemDescription *d = klass->description;
  JsonObject *defs = json_object_get_object_member (schema, "$defs");
  JsonObject *entry, *properties;
  g_autoptr(GPtrArray) required = g_ptr_array_new ();
  g_autoptr(GString) required_text = g_string_new (NULL);
  g_autoptr(GString) schema_required = g_string_new (NULL);
  g_autoptr(GHashTable) described = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObjectIter iter;
  const char *name;

  g_assert_nonnull (d);
  g_assert_true (json_object_has_member (defs, def));
  entry = json_object_get_object_member (defs, def);
  properties = json_object_get_object_member (entry, "properties");

  if (d->has_id)
    {
      compare_member (def, "id", properties, "type=string minLength=1 ");
      g_hash_table_add (described, "id");
    }

  for (guint i = 0; i < d->n_fields; i++)
    {
      const BtField *field = &d->fields[i];
      g_autofree char *expected = describe_field (field, klass->field_pspecs[i]);
      g_autofree char *where = g_strdup_printf ("$defs.%s.properties.%s", def, field->member);

      compare_member (def, field->member, properties, expected);
      if (json_object_has_member (properties, field->member))
        check_default (where,
                       json_object_get_member (json_object_get_object_member (properties, field->member), "default"),
                       klass->field_pspecs[i]);
      if (field->flags & BT_FIELD_REQUIRED)
        g_string_append_printf (required_text, "%s ", field->member);
      g_hash_table_add (described, (gpointer) field->member);
    }

  for (guint i = 0; i < d->n_children; i++)
    {
      g_autofree char *child_def = def_name (d->children[i].get_type ());
      g_autofree char *expected = g_strdup_printf ("type=array items=#/$defs/%s ", child_def);

      compare_member (def, d->children[i].member, properties, expected);
      g_hash_table_add (described, (gpointer) d->children[i].member);
    }

  /* Nothing in the schema that the class does not describe. */
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, NULL))
    if (!g_hash_table_contains (described, name))
      g_test_fail_printf ("$defs.%s.properties.%s: in the schema, but %s has no such field",
                          def, name, g_type_name (type));

  if (json_object_has_member (entry, "required"))
    {
      JsonArray *array = json_object_get_array_member (entry, "required");

      for (guint i = 0; i < json_array_get_length (array); i++)
        g_string_append_printf (schema_required, "%s ", json_array_get_string_element (array, i));
    }
  g_assert_cmpstr (schema_required->str, ==, required_text->str);

  /* Members this version does not know are kept: the schema allows them. */
  g_assert_true (json_object_get_boolean_member (entry, "additionalProperties"));

  g_type_class_unref (klass);
}

/* The plan's lists, in its root, hold the kinds of item they should. */
static void
test_plan_lists (void)
{
  g_autoptr(JsonObject) schema = load_schema ();
  JsonObject *properties = json_object_get_object_member (schema, "properties");

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_autofree char *child_def = def_name (bt_plan_lists[i].get_type ());
      g_autofree char *expected = g_strdup_printf ("type=array items=#/$defs/%s ", child_def);

      compare_member ("(root)", bt_plan_lists[i].member, properties, expected);
    }
  compare_member ("(root)", "profile", properties, "$ref=#/$defs/profile ");
}

/* Every kind of item the file holds: the profile, the plan's lists and,
 * inside their items, theirs. The weeks have a reader of their own and no
 * description. */
static void
add_kind (GType       type,
          GHashTable *seen)
{
  g_autofree char *def = def_name (type);
  g_autofree char *path = g_strdup_printf ("/schema/defs/%s", def);
  const BtChildList *children;
  guint n_fields, n_children;

  if (g_hash_table_contains (seen, GSIZE_TO_POINTER (type)) ||
      bt_item_class_get_fields (type, &n_fields) == NULL)
    return;
  g_hash_table_add (seen, GSIZE_TO_POINTER (type));

  g_test_add_data_func (path, GSIZE_TO_POINTER (type), test_def);

  children = bt_item_class_get_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    add_kind (children[i].get_type (), seen);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  add_kind (BT_TYPE_PROFILE, seen);
  for (guint i = 0; i < N_LISTS; i++)
    add_kind (bt_plan_lists[i].get_type (), seen);
  g_test_add_func ("/schema/plan-lists", test_plan_lists);

  return g_test_run ();
}
