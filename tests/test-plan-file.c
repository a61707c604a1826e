/* test-plan-file.c — reading, writing and saving plan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bt-date.h"
#include "bt-json-writer.h"
#include "bt-plan-file.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

static JsonNode *
parse (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static BtPlan *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return bt_plan_file_load_bytes (bytes, error);
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static void
test_sample_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  BtProfile *profile;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_false (bt_plan_get_read_only (plan));

  profile = bt_plan_get_profile (plan);
  g_assert_cmpstr (bt_profile_get_name (profile), ==, "Alex Morgan");
  g_assert_cmpint (bt_profile_get_birth_year (profile), ==, 1984);
  g_assert_cmpfloat (bt_profile_get_target_share (profile), ==, 0.55);

  /* What the issue asks the sample to hold. */
  g_assert_cmpuint (n_items (bt_plan_get_phases (plan)), ==, 3);
  g_assert_cmpuint (n_items (bt_plan_get_weeks (plan)), ==, 78);
  g_assert_cmpuint (n_items (bt_plan_get_relationships (plan)), ==, 12);
  g_assert_cmpuint (n_items (bt_plan_get_narratives (plan)), ==, 3);
  g_assert_cmpuint (n_items (bt_plan_get_check_ins (plan)), ==, 6);
}

/* The app's own output reads back to the very same bytes. */
static void
test_sample_round_trip_is_identical (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (original, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);

  if (!g_bytes_equal (original, saved))
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), "sample-round-trip.json", NULL);
      g_file_set_contents (out, g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), NULL);
      g_test_fail_printf ("saving the sample changed it; see %s", out);
    }
}

/* Saves @plan, reads what was saved back into @again, and saves that. */
static void
save_and_read_back (BtPlan  *plan,
                    GBytes **saved,
                    BtPlan **again,
                    GBytes **saved_again)
{
  g_autoptr(GError) error = NULL;

  *saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  *again = bt_plan_file_load_bytes (*saved, &error);
  g_assert_no_error (error);
  *saved_again = bt_plan_file_serialize (*again, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
}

/* Each field is read by a setter of its own: one given the wrong field
 * would go unseen where the file leaves that field out. The sample has
 * every field but these, each given here a value of its own, and what
 * is read back must save as it was. */
static void
test_every_field_is_read_into_its_own (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (original, &error);
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(BtRelationship) r = NULL;
  g_autoptr(BtTouchpoint) t = NULL;
  g_autoptr(BtCategory) c = NULL;
  g_autoptr(BtImportRule) rule = NULL;

  g_assert_no_error (error);
  r = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  t = g_list_model_get_item (bt_relationship_get_touchpoints (r), 0);
  c = g_list_model_get_item (bt_plan_get_categories (plan), 1);
  bt_profile_set_email (bt_plan_get_profile (plan), "sam@example.com");
  bt_touchpoint_set_source (t, "calendar");
  bt_relationship_set_contact_uid (r, "pas-id-0001");
  rule = bt_import_rule_new (BT_RULE_ATTENDEE, "@sales.example.com", bt_item_get_id (BT_ITEM (c)));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_import_rules (plan), BT_ITEM (rule));

  save_and_read_back (plan, &saved, &again, &saved_again);

  if (!g_bytes_equal (saved, saved_again))
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), "every-field-read-back.json", NULL);
      g_file_set_contents (out, g_bytes_get_data (saved_again, NULL), g_bytes_get_size (saved_again), NULL);
      g_test_fail_printf ("a field was read into another; what was read saves as %s", out);
      return;
    }
  g_assert_cmpstr (bt_profile_get_email (bt_plan_get_profile (again)), ==, "sam@example.com");
  {
    g_autoptr(BtRelationship) r2 = g_list_model_get_item (bt_plan_get_relationships (again), 0);
    g_autoptr(BtTouchpoint) t2 = g_list_model_get_item (bt_relationship_get_touchpoints (r2), 0);
    g_autoptr(BtImportRule) rule2 = g_list_model_get_item (bt_plan_get_import_rules (again), 0);

    g_assert_cmpstr (bt_touchpoint_get_source (t2), ==, "calendar");
    g_assert_cmpstr (bt_relationship_get_contact_uid (r2), ==, "pas-id-0001");
    g_assert_cmpstr (bt_touchpoint_get_note (t2), ==, bt_touchpoint_get_note (t));
    g_assert_cmpint (bt_import_rule_get_match (rule2), ==, BT_RULE_ATTENDEE);
    g_assert_cmpstr (bt_import_rule_get_pattern (rule2), ==, "@sales.example.com");
    g_assert_cmpstr (bt_import_rule_get_category (rule2), ==, bt_item_get_id (BT_ITEM (c)));
  }
}

/* A person linked to a desktop contact keeps the contact's uid in
 * "contact_uid", a field of the person. Files of the version that kept it
 * as a member it did not know, after the touchpoints, read the same. */
static void
test_contact_uid (void)
{
  const char *old =
    "{\"format\": \"breakthrough-plan\", \"version\": 1, \"relationships\": ["
    " {\"id\": \"r1\", \"name\": \"Dana Cho\", \"email\": \"dana@finance.example.com\","
    "  \"touchpoints\": [{\"id\": \"t1\", \"date\": \"2026-03-02\"}],"
    "  \"contact_uid\": \"pas-id-0042\", \"mood\": \"warm\"},"
    " {\"id\": \"r2\", \"name\": \"Sam Typed\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (old, &error);
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JsonNode) tree = NULL;
  g_autoptr(BtRelationship) dana = NULL;
  g_autoptr(BtRelationship) sam = NULL;
  g_autoptr(BtRelationship) dana2 = NULL;
  JsonArray *people;
  JsonObject *saved_dana;

  g_assert_no_error (error);
  dana = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  sam = g_list_model_get_item (bt_plan_get_relationships (plan), 1);
  g_assert_cmpstr (bt_relationship_get_contact_uid (dana), ==, "pas-id-0042");
  g_assert_cmpstr (bt_relationship_get_contact_uid (sam), ==, "");
  /* a field now, not a member kept as it was; the one it does not know stays */
  g_assert_nonnull (bt_item_get_extra (BT_ITEM (dana)));
  g_assert_false (json_object_has_member (bt_item_get_extra (BT_ITEM (dana)), "contact_uid"));
  g_assert_true (json_object_has_member (bt_item_get_extra (BT_ITEM (dana)), "mood"));

  save_and_read_back (plan, &saved, &again, &saved_again);
  g_assert_true (g_bytes_equal (saved, saved_again));
  dana2 = g_list_model_get_item (bt_plan_get_relationships (again), 0);
  g_assert_cmpstr (bt_relationship_get_contact_uid (dana2), ==, "pas-id-0042");

  /* Written once, as a string; a person with none has no member. */
  tree = parse (saved);
  people = json_object_get_array_member (json_node_get_object (tree), "relationships");
  saved_dana = json_array_get_object_element (people, 0);
  g_assert_cmpstr (json_object_get_string_member (saved_dana, "contact_uid"), ==, "pas-id-0042");
  g_assert_cmpstr (json_object_get_string_member (saved_dana, "mood"), ==, "warm");
  g_assert_null (strstr (strstr (g_bytes_get_data (saved, NULL), "contact_uid") + 1, "contact_uid"));
  g_assert_false (json_object_has_member (json_array_get_object_element (people, 1), "contact_uid"));

  /* Unlinking leaves no member behind. */
  bt_relationship_set_contact_uid (dana2, NULL);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = bt_plan_file_serialize (again, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (g_bytes_get_data (saved, NULL), "contact_uid"));
}

/* The plan's currency: written when chosen, left out (the locale's) when
 * not, and a code that is no ISO 4217 code is refused with its path. */
static void
test_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(BtPlan) bad = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autofree char *text = NULL;

  /* In the C locale of the tests there is no currency: EUR. */
  g_assert_cmpstr (bt_currency_default (), ==, "EUR");
  g_assert_cmpstr (bt_profile_get_currency (bt_plan_get_profile (plan)), ==, "EUR");
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_null (strstr (text, "currency"));
  g_clear_pointer (&saved, g_bytes_unref);

  bt_profile_set_currency (bt_plan_get_profile (plan), "CHF");
  save_and_read_back (plan, &saved, &again, &saved_again);
  g_assert_cmpstr (bt_profile_get_currency (bt_plan_get_profile (again)), ==, "CHF");
  g_assert_true (g_bytes_equal (saved, saved_again));

  bad = load_text ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"profile\": {\"currency\": \"euro\"}}",
                   &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "profile.currency"));
  g_assert_nonnull (strstr (error->message, "ISO 4217"));

  g_assert_true (bt_currency_is_valid ("USD"));
  g_assert_false (bt_currency_is_valid ("usd"));
  g_assert_false (bt_currency_is_valid ("EURO"));
  g_assert_false (bt_currency_is_valid (""));
}

static void
test_unknown_fields_survive (void)
{
  g_autofree char *path = data_path ("unknown-fields.json");
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (original, &error);
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_assert_no_error (error);
  save_and_read_back (plan, &saved, &again, &saved_again);

  /* The fixture spells out every default, so the trees must be equal:
   * every unknown member, at every level, with its value. */
  before = parse (original);
  after = parse (saved);
  g_assert_true (json_node_equal (before, after));

  /* And load → save → load → save is stable. */
  g_assert_true (g_bytes_equal (saved, saved_again));

  /* Spot checks that would fail if a level were dropped. */
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"mood\": \"warm\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"currency\": \"EUR\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"theme\": \"solarized\""));
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL), "\"c1\": 12.25"));
}

static void
test_numbers_are_written_readably (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(BtPlan) back = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  bt_profile_set_target_share (bt_plan_get_profile (plan), 0.55);
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_PROFILE, &error);
  text = g_bytes_get_data (saved, NULL);

  /* Not 0.55000000000000004 as json-glib 1.6 would write it. */
  g_assert_nonnull (strstr (text, "\"target_share\": 0.55\n"));

  back = bt_plan_file_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bt_profile_get_target_share (bt_plan_get_profile (back)), ==, 0.55);

  /* Whatever the locale, a dot. */
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    double tricky[] = { 0.1, 1.0 / 3.0, 1e-7, 123456.789, -2.5, 1e15 + 0.5 };

    for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
      {
        bt_json_format_double (buf, sizeof buf, tricky[i]);
        g_assert_null (strchr (buf, ','));
        g_assert_cmpfloat (g_ascii_strtod (buf, NULL), ==, tricky[i]);
      }
  }
}

/* The shortest of %.15g, %.16g and %.17g that reads back the same: how
 * numbers have always been written, so a saved file does not change. */
static void
reference_format (char   *buf,
                  gsize   size,
                  double  value)
{
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      g_snprintf (buf, size, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

/* Hours and money take a quicker way to their text: the same text. */
static void
test_numbers_written_as_before (void)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE], expected[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GRand) rand = g_rand_new_with_seed (47);
  guint n = 0;

  for (int i = -20000; i <= 20000; i++)
    {
      double values[] = { i / 100.0, i / 10.0, i / 4.0, i / 3.0, i * 1000003.37, i / 100.0 + 1e-9 };

      for (guint k = 0; k < G_N_ELEMENTS (values); k++)
        {
          bt_json_format_double (buf, sizeof buf, values[k]);
          reference_format (expected, sizeof expected, values[k]);
          if (g_strcmp0 (buf, expected) != 0)
            g_error ("%.17g is written as %s, not %s", values[k], buf, expected);
          n++;
        }
    }

  for (guint i = 0; i < 20000; i++)
    {
      double value = g_rand_double_range (rand, -2e12, 2e12);

      if (i % 2 == 0)
        value = round (value) / 100.0;
      bt_json_format_double (buf, sizeof buf, value);
      reference_format (expected, sizeof expected, value);
      if (g_strcmp0 (buf, expected) != 0)
        g_error ("%.17g is written as %s, not %s", value, buf, expected);
      n++;
    }

  g_assert_cmpuint (n, ==, 40001 * 6 + 20000);
}

static void
test_newer_version_is_read_only (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 7, \"hologram\": true,"
    " \"relationships\": [{\"id\": \"r1\", \"name\": \"Priya\"}]}";
  g_autofree char *dir = g_dir_make_tmp ("bt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *export_path = g_build_filename (dir, "export.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autofree char *after = NULL;
  g_autofree char *exported = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  plan = bt_plan_file_load (path, &error);
  g_assert_no_error (error);
  g_assert_true (bt_plan_get_read_only (plan));
  g_assert_cmpuint (n_items (bt_plan_get_relationships (plan)), ==, 1);

  /* Saving over it is refused, and the file is untouched. */
  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  /* An export elsewhere is allowed and keeps the version it came with. */
  g_assert_true (bt_plan_file_export (plan, BT_PLAN_SECTION_ALL, export_path, &error));
  g_assert_true (g_file_get_contents (export_path, &exported, NULL, NULL));
  g_assert_nonnull (strstr (exported, "\"version\": 7"));
  g_assert_nonnull (strstr (exported, "\"hologram\": true"));
}

static void
test_sections (void)
{
  static const struct {
    BtPlanSection section;
    guint phases, weeks, relationships, narratives, check_ins;
    gboolean has_profile;
  } expect[] = {
    { BT_PLAN_SECTION_PROFILE, 0, 0, 0, 0, 0, TRUE },
    { BT_PLAN_SECTION_ROADMAP, 3, 0, 0, 0, 0, FALSE },
    { BT_PLAN_SECTION_TIME, 0, 78, 0, 0, 0, FALSE },
    { BT_PLAN_SECTION_RELATIONSHIPS, 0, 0, 12, 0, 0, FALSE },
    { BT_PLAN_SECTION_NARRATIVES, 0, 0, 0, 3, 0, FALSE },
    { BT_PLAN_SECTION_CHECK_INS, 0, 0, 0, 0, 6, FALSE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, expect[i].section, &error);
      g_autoptr(BtPlan) part = NULL;
      g_autofree char *marker = g_strdup_printf ("\"section\": \"%s\"",
                                                 bt_plan_section_to_string (expect[i].section));

      g_assert_no_error (error);
      g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), marker));

      /* Each section is a valid partial plan on its own. */
      part = bt_plan_file_load_bytes (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_items (bt_plan_get_phases (part)), ==, expect[i].phases);
      g_assert_cmpuint (n_items (bt_plan_get_weeks (part)), ==, expect[i].weeks);
      g_assert_cmpuint (n_items (bt_plan_get_relationships (part)), ==, expect[i].relationships);
      g_assert_cmpuint (n_items (bt_plan_get_narratives (part)), ==, expect[i].narratives);
      g_assert_cmpuint (n_items (bt_plan_get_check_ins (part)), ==, expect[i].check_ins);
      g_assert_cmpint (strlen (bt_profile_get_name (bt_plan_get_profile (part))) > 0, ==,
                       expect[i].has_profile);
    }
}

static void
test_save_permissions_and_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = bt_plan_file_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backup = bt_plan_file_backup_path (path);
  g_autofree char *first = NULL;
  g_autofree char *backup_contents = NULL;
  GStatBuf st;

  /* The default place is under the (isolated) XDG data folder. */
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_assert_true (bt_plan_file_save (plan, path, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));   /* nothing to back up yet */
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  bt_profile_set_name (bt_plan_get_profile (plan), "Alex M.");
  g_assert_true (bt_plan_file_save (plan, path, &error));

  /* The previous file is the backup, readable by the user alone. */
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, first);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* No temporary files are left behind. */
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
}

static void
test_save_through_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-test-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "synced", NULL);
  g_autofree char *target = g_build_filename (real_dir, "plan.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtPlan) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (target, "{}", -1, NULL));
  g_assert_cmpint (symlink (target, link_path), ==, 0);

  bt_profile_set_name (bt_plan_get_profile (plan), "Through the link");
  g_assert_true (bt_plan_file_save (plan, link_path, &error));
  g_assert_no_error (error);

  /* The link is still a link, and its target holds the plan. */
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  back = bt_plan_file_load (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (back)), ==, "Through the link");
}

/* A link whose file is not there yet, as a synced folder may leave it:
 * the save creates the file the link names, relative to the link, and the
 * link stays a link. */
static void
test_save_through_dangling_symlink (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-test-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "synced", NULL);
  g_autofree char *target = g_build_filename (real_dir, "plan.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autoptr(BtPlan) back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_cmpint (symlink ("synced/plan.json", link_path), ==, 0);

  bt_profile_set_name (bt_plan_get_profile (plan), "Through a dangling link");
  g_assert_true (bt_plan_file_save (plan, link_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  back = bt_plan_file_load (target, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (back)), ==, "Through a dangling link");
}

static void
test_refuses_to_write_unreadable_values (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, "previous contents", -1, NULL));

  bt_relationship_set_name (r, "Invalid \xff UTF-8");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));

  g_assert_false (bt_plan_file_save (plan, path, &error));
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_UNSAVEABLE);
  g_assert_nonnull (strstr (error->message, "relationships[0].name"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "previous contents");
}

static void
test_control_characters_and_rtl_text (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPlan) back = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = "\"Quoted\"\\ tab\t nl\n bell\x07 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\x8f";

  bt_profile_set_name (bt_plan_get_profile (plan), name);
  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  back = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (back)), ==, name);
}

/* A 20 MB name (UTF-8, with multi-byte characters) reads and writes back
 * whole. */
static void
test_huge_string (void)
{
  g_autoptr(GString) name = g_string_sized_new (20 * 1024 * 1024 + 16);
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;

  while (name->len < 20 * 1024 * 1024)
    g_string_append (name, "Zoë ");
  text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"profile\": {\"name\": \"");
  g_string_append (text, name->str);
  g_string_append (text, "\"}}");
  bytes = g_bytes_new_take (text->str, text->len);
  g_string_free (g_steal_pointer (&text), FALSE);

  plan = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (bt_profile_get_name (bt_plan_get_profile (plan))), ==, name->len);
  g_assert_cmpstr (bt_profile_get_name (bt_plan_get_profile (plan)), ==, name->str);

  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (saved), >, name->len);
}

static void
test_weeks_out_of_order_are_sorted (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"categories\": [{\"id\": \"c\", \"name\": \"C\", \"kind\": \"strategic\"}],"
    " \"weeks\": [{\"week\": \"2026-W10\"}, {\"week\": \"2025-W40\"}, {\"week\": \"2026-W02\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);
  const char *order[] = { "2025-W40", "2026-W02", "2026-W10" };

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BtWeek) w = g_list_model_get_item (bt_plan_get_weeks (plan), i);
      g_assert_cmpstr (bt_week_get_week (w), ==, order[i]);
    }
}

/* A check-in may lower a week's hours below what the last import put there
 * (it states the whole week): the plan still saves, and what is written of
 * the import is at most the hours, which the reader takes. */
static void
test_imported_over_hours_is_written_as_the_hours (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"categories\": [{\"id\": \"c\", \"name\": \"C\", \"kind\": \"strategic\"},"
    " {\"id\": \"d\", \"name\": \"D\", \"kind\": \"tactical\"}],"
    " \"weeks\": [{\"week\": \"2026-W10\", \"hours\": {\"c\": 20, \"d\": 5}, \"imported\": {\"c\": 20, \"d\": 5}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BtWeek *week;

  g_assert_no_error (error);
  week = bt_plan_find_week (plan, 2026, 10);
  bt_week_set_hours (week, "c", 10);
  bt_week_set_hours (week, "d", 0);

  bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  again = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  week = bt_plan_find_week (again, 2026, 10);
  g_assert_cmpfloat (bt_week_get_hours (week, "c"), ==, 10);
  g_assert_cmpfloat (bt_week_get_imported_hours (week, "c"), ==, 10);
  g_assert_cmpfloat (bt_week_get_imported_hours (week, "d"), ==, 0);
}

/* Weeks may name their categories in any order, and leave some out: each
 * hour goes to the category it is listed under. */
static void
test_week_categories_in_any_order (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"categories\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"strategic\"},"
    "                  {\"id\": \"b\", \"name\": \"B\", \"kind\": \"tactical\"},"
    "                  {\"id\": \"c\", \"name\": \"C\", \"kind\": \"tactical\"}],"
    " \"weeks\": [{\"week\": \"2026-W01\", \"hours\": {\"a\": 1, \"b\": 2, \"c\": 3}},"
    "           {\"week\": \"2026-W02\", \"hours\": {\"b\": 4, \"a\": 5, \"c\": 6}},"
    "           {\"week\": \"2026-W03\", \"hours\": {\"c\": 7, \"b\": 8}},"
    "           {\"week\": \"2026-W04\", \"hours\": {\"a\": 9, \"b\": 10, \"c\": 11}}]}";
  const double expected[4][3] = { { 1, 2, 3 }, { 5, 4, 6 }, { 0, 8, 7 }, { 9, 10, 11 } };
  const char *ids[] = { "a", "b", "c" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(BtWeek) w = g_list_model_get_item (bt_plan_get_weeks (plan), i);

      for (guint j = 0; j < 3; j++)
        g_assert_cmpfloat (bt_week_get_hours (w, ids[j]), ==, expected[i][j]);
    }
}

static void
test_missing_ids_are_made (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"relationships\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);
  g_autoptr(BtItem) a = NULL;
  g_autoptr(BtItem) b = NULL;

  g_assert_no_error (error);
  a = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  b = g_list_model_get_item (bt_plan_get_relationships (plan), 1);
  g_assert_true (g_uuid_string_is_valid (bt_item_get_id (a)));
  g_assert_cmpstr (bt_item_get_id (a), !=, bt_item_get_id (b));
}

/* The sample with its root's members in reverse order: weeks before the
 * categories they refer to, milestones before their phases. */
static GBytes *
sample_reordered (gboolean pretty)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(JsonNode) root = parse (original);
  g_autoptr(JsonObject) reversed = json_object_new ();
  g_autoptr(JsonNode) reversed_node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GList) names = json_object_get_members (json_node_get_object (root));
  char *text;
  gsize length;

  names = g_list_reverse (names);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_set_member (reversed, l->data,
                            json_node_copy (json_object_get_member (json_node_get_object (root), l->data)));
  json_node_set_object (reversed_node, reversed);
  json_generator_set_root (generator, reversed_node);
  json_generator_set_pretty (generator, pretty);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/* Lists are read while the file is parsed, in the file's order; a plan
 * whose lists come in another order than the app writes them reads the
 * same, on many lines or on one. */
static void
test_lists_in_any_order (void)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GBytes) original = read_bytes (path);

  for (guint pretty = 0; pretty <= 1; pretty++)
    {
      g_autoptr(GBytes) reordered = sample_reordered (pretty);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (reordered, &error);
      g_autoptr(GBytes) saved = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (n_items (bt_plan_get_weeks (plan)), ==, 78);
      saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (saved, original));
    }
}

/* An object with more members than the loader pairs up without hashing
 * (see member_iter_next()): every member still reads, in the file's order. */
static void
test_many_members (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"categories\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(BtRelationship) person = NULL;
  g_autoptr(BtWeek) week = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(JsonNode) tree = NULL;
  JsonObjectIter iter;
  JsonObject *extra, *saved_person;
  const char *name;
  guint n = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "%s{\"id\": \"c%02u\", \"name\": \"Category %u\", \"kind\": \"%s\"}",
                            i ? ", " : "", i, i, i % 2 ? "strategic" : "tactical");
  g_string_append (text, "], \"weeks\": [{\"week\": \"2026-W10\", \"hours\": {");
  /* the categories in another order than their list's */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "%s\"c%02u\": %g", i ? ", " : "", 39 - i, (39 - i) / 8.0);
  g_string_append (text, "}}], \"relationships\": [{");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "\"x%02u\": %u, ", (i * 7) % 40, i);
  g_string_append (text, "\"name\": \"Zoe\", \"strength\": 4}]}");

  bytes = g_bytes_new (text->str, text->len);
  plan = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);

  week = g_list_model_get_item (bt_plan_get_weeks (plan), 0);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%02u", i);

      g_assert_cmpfloat (bt_week_get_hours (week, id), ==, i / 8.0);
    }

  person = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_assert_cmpstr (bt_relationship_get_name (person), ==, "Zoe");
  g_assert_cmpint (bt_relationship_get_strength (person), ==, 4);

  extra = bt_item_get_extra (BT_ITEM (person));
  g_assert_nonnull (extra);
  g_assert_cmpuint (json_object_get_size (extra), ==, 40);

  /* and they are written back in the order they came in */
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_assert_no_error (error);
  tree = parse (saved);
  saved_person = json_array_get_object_element (json_object_get_array_member (json_node_get_object (tree),
                                                                              "relationships"), 0);
  json_object_iter_init_ordered (&iter, saved_person);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    if (name[0] == 'x')
      {
        g_autofree char *expected = g_strdup_printf ("x%02u", (n * 7) % 40);

        g_assert_cmpstr (name, ==, expected);
        g_assert_cmpint (json_object_get_int_member (saved_person, name), ==, n);
        n++;
      }
  g_assert_cmpuint (n, ==, 40);
}

/* A member twice in the root: json-glib would keep the last, and a save
 * would then write one person where the file held three. The file is
 * refused, with the place of the second. */
static void
test_list_member_twice (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"relationships\": [{\"name\": \"A\"}, {\"name\": \"B\"}],"
    " \"relationships\": [{\"name\": \"C\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);

  g_assert_null (plan);
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "line 1, column 96: \"relationships\" is given a second time"));
}

/* An object with many members: past a few their names are looked up in a
 * table, and a name given twice is found there too, wherever it is. */
static void
test_member_twice_among_many (void)
{
  for (guint n = 10; n <= 40000; n *= 20)
    for (guint again = 0; again < n; again += n / 5 + 1)
      {
        g_autoptr(GString) text = g_string_new ("{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": {");
        g_autoptr(GError) error = NULL;
        g_autoptr(BtPlan) plan = NULL;
        g_autofree char *expected = g_strdup_printf ("\"k%u\" is given a second time", again);

        for (guint i = 0; i < n; i++)
          g_string_append_printf (text, "\"k%u\": %u, ", i, i);
        g_string_append_printf (text, "\"k%u\": 0}}", again);

        plan = load_text (text->str, &error);
        g_assert_null (plan);
        g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID);
        g_assert_nonnull (strstr (error->message, expected));
      }
}

/* "ph\u0061ses" is "phases": the milestones that refer to them must wait
 * for them, though the bytes do not say "phases". */
static void
test_escaped_member_names (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"ph\\u0061ses\": [{\"id\": \"p1\", \"title\": \"P\"}],"
    " \"milestones\": [{\"title\": \"M\", \"phase\": \"p1\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (n_items (bt_plan_get_phases (plan)), ==, 1);
  g_assert_cmpuint (n_items (bt_plan_get_milestones (plan)), ==, 1);
}

/* json-glib 1.6 also takes C comments, 'strings', hexadecimal and words
 * JSON does not have. A comment would be gone at the next save, and a
 * quote inside one put the byte scan out of step with the parser, past
 * every check after it (found by a tester: a member given twice, nesting
 * 300 deep). Each is refused where it stands. */
static void
test_not_json_is_refused (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, /* \"x */ \"y\": 1}",
      "line 1, column 47: not valid JSON: JSON has no comments" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, \"y\": ['\"'], \"y\": 2}",
      "line 1, column 53: not valid JSON: a text must be in double quotes" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": 0x20000000000001}",
      "line 1, column 52: not valid JSON: 0x20000000000001 is not a number as JSON writes one" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 01}",
      "line 1, column 44: not valid JSON: 01 is not a number" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": .5}",
      "line 1, column 52: not valid JSON: .5 is not a number" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": 1.}",
      "line 1, column 52: not valid JSON: 1. is not a number" },
    { "var plan = {\"format\": \"breakthrough-plan\", \"version\": 1};",
      "line 1, column 1: not valid JSON: “var” is not a value" },
    { "{\"format\": \"breakthrough-plan\", \"version\": 1, \"x\": True}",
      "line 1, column 52: not valid JSON: “True” is not a value" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BtPlan) plan = load_text (cases[i].text, &error);

      g_assert_null (plan);
      g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: %s, not %s", cases[i].text, error->message, cases[i].message);
    }
}

/* json-glib 1.6 reads a second document after the first and keeps only
 * the first: such a file is refused, or saving it would lose the rest. */
static void
test_second_document_is_refused (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1}\n"
    "{\"format\": \"breakthrough-plan\", \"version\": 1, \"relationships\": [{\"name\": \"A\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);

  g_assert_null (plan);
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 2, column 1: not valid JSON"));
}

/* Problems are listed profile first, then list by list in the order the
 * app reads them, whatever the file's order. */
static void
test_problems_in_reading_order (void)
{
  const char *text =
    "{\"format\": \"breakthrough-plan\", \"version\": 1,"
    " \"relationships\": [{\"name\": \"A\", \"strength\": 9}],"
    " \"phases\": [{\"start\": \"2026-01-01\"}],"
    " \"profile\": {\"birth_year\": 5}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = load_text (text, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (plan);
  g_assert_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "profile.birth_year: "));
  g_assert_true (g_str_has_prefix (lines[1], "phases[0]: "));
  g_assert_true (g_str_has_prefix (lines[2], "relationships[0].strength: "));
}

static void
test_leftovers_are_cleaned (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bt-leftovers-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  const char *removed[] = { "plan.json.AbC123", "plan.json.bak.tmp" };
  const char *kept_old[] = { "plan.json.bak", "plan.json.notes", "plan.json.ABCDEFG", "plan.json.ab-12x",
                             "other.json.AbC123" };
  const char *kept_new = "plan.json.Zz9Zz9";   /* a save under way elsewhere */
  struct utimbuf old = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      g_autofree char *f = g_build_filename (dir, removed[i], NULL);
      g_assert_true (g_file_set_contents (f, "x", -1, NULL));
      g_assert_cmpint (utime (f, &old), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept_old); i++)
    {
      g_autofree char *f = g_build_filename (dir, kept_old[i], NULL);
      g_assert_true (g_file_set_contents (f, "x", -1, NULL));
      g_assert_cmpint (utime (f, &old), ==, 0);
    }
  {
    g_autofree char *f = g_build_filename (dir, kept_new, NULL);
    g_assert_true (g_file_set_contents (f, "x", -1, NULL));
  }

  g_assert_cmpuint (bt_plan_file_clean_leftovers (path), ==, G_N_ELEMENTS (removed));

  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      g_autofree char *f = g_build_filename (dir, removed[i], NULL);
      g_assert_false (g_file_test (f, G_FILE_TEST_EXISTS));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept_old); i++)
    {
      g_autofree char *f = g_build_filename (dir, kept_old[i], NULL);
      g_assert_true (g_file_test (f, G_FILE_TEST_EXISTS));
    }
  {
    g_autofree char *f = g_build_filename (dir, kept_new, NULL);
    g_assert_true (g_file_test (f, G_FILE_TEST_EXISTS));
  }
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The setters, bt_plan_file_field_check() and the reader take the same
 * values: a plan the model holds always saves (a birth year of 97, any
 * text as a colour or a week once made the save guard refuse the plan). */
static void
test_setters_agree_with_reader (void)
{
  static const struct {
    GType      (*type) (void);
    const char *property;
    const char *json;     /* a plan with the value, @ for it */
    const char *text;     /* the value, for strings */
    int         number;   /* for ints */
  } cases[] = {
#define PROFILE "{\"format\": \"breakthrough-plan\", \"version\": 1, \"profile\": {\"birth_year\": @}}"
#define CATEGORY "{\"format\": \"breakthrough-plan\", \"version\": 1, \"categories\": [{\"id\": \"c\", " \
                 "\"name\": \"C\", \"kind\": \"tactical\", \"color\": \"@\"}]}"
#define CHECK_IN "{\"format\": \"breakthrough-plan\", \"version\": 1, \"check_ins\": [{\"id\": \"k\", " \
                 "\"week\": \"@\"}]}"
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 97 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 1899 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 1900 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 1975 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 2100 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 0 },
    { bt_profile_get_type, "birth-year", PROFILE, NULL, 1 },
    { bt_category_get_type, "color", CATEGORY, "#3584e4", 0 },
    { bt_category_get_type, "color", CATEGORY, "#ABCDEF", 0 },
    { bt_category_get_type, "color", CATEGORY, "Roadmap review", 0 },
    { bt_category_get_type, "color", CATEGORY, "#3584e", 0 },
    { bt_category_get_type, "color", CATEGORY, "#3584eg", 0 },
    { bt_category_get_type, "color", CATEGORY, "3584e4", 0 },
    { bt_check_in_get_type, "week", CHECK_IN, "2026-W10", 0 },
    { bt_check_in_get_type, "week", CHECK_IN, "2026-W53", 0 },
    { bt_check_in_get_type, "week", CHECK_IN, "2026-W54", 0 },
    { bt_check_in_get_type, "week", CHECK_IN, "Roadmap review", 0 },
    { bt_check_in_get_type, "week", CHECK_IN, "#3584e4", 0 },
#undef PROFILE
#undef CATEGORY
#undef CHECK_IN
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GType type = cases[i].type ();
      g_auto(GValue) value = G_VALUE_INIT;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autofree char *number = g_strdup_printf ("%d", cases[i].number);
      g_auto(GStrv) parts = g_strsplit (cases[i].json, "@", 2);
      g_autofree char *json = g_strconcat (parts[0], cases[i].text ? cases[i].text : number, parts[1], NULL);
      g_autoptr(BtPlan) loaded = load_text (json, &error);
      g_autoptr(BtPlan) plan = bt_plan_new ();
      g_autoptr(GObject) object = NULL;
      gboolean checked, set;

      if (type == BT_TYPE_PROFILE)
        object = g_object_ref (G_OBJECT (bt_plan_get_profile (plan)));
      else
        {
          object = g_object_new (type, NULL);
          bt_item_append_child (BT_ITEM (plan), type == BT_TYPE_CATEGORY ? bt_plan_get_categories (plan)
                                                                         : bt_plan_get_check_ins (plan),
                                BT_ITEM (object));
          if (type == BT_TYPE_CATEGORY)
            bt_category_set_name (BT_CATEGORY (object), "C");
          else
            bt_check_in_set_week (BT_CHECK_IN (object), "2026-W01");
        }

      if (cases[i].text != NULL)
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, cases[i].text);
        }
      else
        {
          g_value_init (&value, G_TYPE_INT);
          g_value_set_int (&value, cases[i].number);
        }

      checked = bt_plan_file_field_check (type, cases[i].property, &value, &check_error);
      g_test_message ("%s %s: reader %s, check %s", g_type_name (type), json, loaded ? "takes" : "refuses",
                      checked ? "takes" : check_error->message);
      g_assert_true (checked == (check_error == NULL));
      /* A birth year of 0 is none, which the file says by leaving it out. */
      if (cases[i].text != NULL || cases[i].number != 0)
        g_assert_true ((loaded != NULL) == checked);

      /* The setter takes the value, or refuses it and keeps what it had. */
      if (!checked)
        g_test_expect_message (type == BT_TYPE_PROFILE ? "bt-profile" : type == BT_TYPE_CATEGORY ? "bt-category"
                                                                                          : "bt-check-in",
                               G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
      g_object_set_property (object, cases[i].property, &value);
      if (!checked)
        g_test_assert_expected_messages ();
      {
        g_auto(GValue) now = G_VALUE_INIT;

        g_value_init (&now, G_VALUE_TYPE (&value));
        g_object_get_property (object, cases[i].property, &now);
        set = cases[i].text != NULL ? g_strcmp0 (g_value_get_string (&now), cases[i].text) == 0
                                    : g_value_get_int (&now) == cases[i].number;
      }
      g_assert_true (set == checked);

      /* Whatever the model holds is saved and opens again. */
      g_clear_error (&error);
      {
        g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
        g_autoptr(BtPlan) again = NULL;

        g_assert_no_error (error);
        again = bt_plan_file_load_bytes (bytes, &error);
        g_assert_no_error (error);
      }
    }
}

/* The sample, opened long after it shipped, looks kept up to today: its
 * last week is last week, and everything else moved by as many whole
 * weeks (the milestones, phases, touchpoints and the goal alike). */
static void
test_sample_is_brought_up_to_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) shipped = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) moved = NULL;
  g_autoptr(BtPlan) early = NULL;
  GListModel *weeks_before, *weeks_after;
  g_autoptr(BtWeek) last = NULL;
  g_autoptr(BtMilestone) m_before = NULL, m_after = NULL;
  g_autoptr(BtRelationship) r_before = NULL, r_after = NULL;
  g_autoptr(BtTouchpoint) t_before = NULL, t_after = NULL;
  GDate today, monday, expected;
  int year, week, shift;
  guint n;

  g_assert_no_error (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 12, G_DATE_MARCH, 2031);   /* a Wednesday of 2031-W11 */
  moved = bt_plan_file_load_sample_at (&today, &error);
  g_assert_no_error (error);

  weeks_before = bt_plan_get_weeks (shipped);
  weeks_after = bt_plan_get_weeks (moved);
  n = g_list_model_get_n_items (weeks_after);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (weeks_before));
  last = g_list_model_get_item (weeks_after, n - 1);
  g_assert_cmpstr (bt_week_get_week (last), ==, "2031-W10");

  /* By how much: the shipped last week's Monday to 2031-W10's. */
  {
    g_autoptr(BtWeek) shipped_last = g_list_model_get_item (weeks_before, n - 1);

    bt_week_get_iso (shipped_last, &year, &week);
    bt_iso_week_monday (year, week, &monday);
    g_date_clear (&expected, 1);
    g_date_set_dmy (&expected, 3, G_DATE_MARCH, 2031);
    shift = g_date_days_between (&monday, &expected);
    g_assert_cmpint (shift % 7, ==, 0);
    g_assert_cmpint (shift, >, 0);
    /* The hours came along with their week. */
    g_assert_cmpfloat (bt_week_get_total_hours (last), ==, bt_week_get_total_hours (shipped_last));
  }

  m_before = g_list_model_get_item (bt_plan_get_milestones (shipped), 0);
  m_after = g_list_model_get_item (bt_plan_get_milestones (moved), 0);
  g_assert_cmpint (g_date_days_between (bt_milestone_get_date (m_before), bt_milestone_get_date (m_after)), ==, shift);
  g_assert_cmpint (g_date_days_between (bt_profile_get_target_date (bt_plan_get_profile (shipped)),
                                        bt_profile_get_target_date (bt_plan_get_profile (moved))), ==, shift);
  r_before = g_list_model_get_item (bt_plan_get_relationships (shipped), 0);
  r_after = g_list_model_get_item (bt_plan_get_relationships (moved), 0);
  t_before = g_list_model_get_item (bt_relationship_get_touchpoints (r_before), 0);
  t_after = g_list_model_get_item (bt_relationship_get_touchpoints (r_after), 0);
  g_assert_cmpint (g_date_days_between (bt_touchpoint_get_date (t_before), bt_touchpoint_get_date (t_after)), ==, shift);
  /* Words are not dates: the notes are as shipped. */
  g_assert_cmpstr (bt_milestone_get_notes (m_after), ==, bt_milestone_get_notes (m_before));

  /* A clock before the sample was written shows it as shipped. */
  g_date_set_dmy (&today, 1, G_DATE_JANUARY, 2020);
  early = bt_plan_file_load_sample_at (&today, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BtMilestone) m = g_list_model_get_item (bt_plan_get_milestones (early), 0);

    g_assert_cmpint (g_date_compare (bt_milestone_get_date (m), bt_milestone_get_date (m_before)), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/plan-file/sample-loads", test_sample_loads);
  g_test_add_func ("/plan-file/sample-is-brought-up-to-today", test_sample_is_brought_up_to_today);
  g_test_add_func ("/plan-file/setters-agree-with-reader", test_setters_agree_with_reader);
  g_test_add_func ("/plan-file/sample-round-trip-is-identical", test_sample_round_trip_is_identical);
  g_test_add_func ("/plan-file/every-field-is-read-into-its-own", test_every_field_is_read_into_its_own);
  g_test_add_func ("/plan-file/unknown-fields-survive", test_unknown_fields_survive);
  g_test_add_func ("/plan-file/numbers-are-written-readably", test_numbers_are_written_readably);
  g_test_add_func ("/plan-file/numbers-written-as-before", test_numbers_written_as_before);
  g_test_add_func ("/plan-file/newer-version-is-read-only", test_newer_version_is_read_only);
  g_test_add_func ("/plan-file/sections", test_sections);
  g_test_add_func ("/plan-file/currency", test_currency);
  g_test_add_func ("/plan-file/contact-uid", test_contact_uid);
  g_test_add_func ("/plan-file/save-permissions-and-backup", test_save_permissions_and_backup);
  g_test_add_func ("/plan-file/save-through-symlink", test_save_through_symlink);
  g_test_add_func ("/plan-file/save-through-dangling-symlink", test_save_through_dangling_symlink);
  g_test_add_func ("/plan-file/refuses-to-write-unreadable-values", test_refuses_to_write_unreadable_values);
  g_test_add_func ("/plan-file/control-characters-and-rtl-text", test_control_characters_and_rtl_text);
  g_test_add_func ("/plan-file/huge-string", test_huge_string);
  g_test_add_func ("/plan-file/weeks-out-of-order-are-sorted", test_weeks_out_of_order_are_sorted);
  g_test_add_func ("/plan-file/week-categories-in-any-order", test_week_categories_in_any_order);
  g_test_add_func ("/plan-file/imported-over-hours-is-written-as-the-hours",
                   test_imported_over_hours_is_written_as_the_hours);
  g_test_add_func ("/plan-file/missing-ids-are-made", test_missing_ids_are_made);
  g_test_add_func ("/plan-file/lists-in-any-order", test_lists_in_any_order);
  g_test_add_func ("/plan-file/many-members", test_many_members);
  g_test_add_func ("/plan-file/list-member-twice", test_list_member_twice);
  g_test_add_func ("/plan-file/escaped-member-names", test_escaped_member_names);
  g_test_add_func ("/plan-file/not-json-is-refused", test_not_json_is_refused);
  g_test_add_func ("/plan-file/member-twice-among-many", test_member_twice_among_many);
  g_test_add_func ("/plan-file/second-document-is-refused", test_second_document_is_refused);
  g_test_add_func ("/plan-file/problems-in-reading-order", test_problems_in_reading_order);
  g_test_add_func ("/plan-file/leftovers-are-cleaned", test_leftovers_are_cleaned);

  return g_test_run ();
}
