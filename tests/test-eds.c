/* test-eds.c — the desktop's calendars through Evolution Data Server: a
 * local calendar made through libecal, read by the import with the .ics
 * import's rules
 *
 * Runs only under tests/eds-session.sh, which gives EDS a temporary home;
 * it refuses to run anywhere else, so it never writes into a real
 * person's calendars. Every expected number is worked out by hand in the
 * comments, in UTC (the test's TZ).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include <string.h>


#include "bt-eds-calendars.h"
#include "bt-eds-contacts.h"
#include "bt-eds-watch-private.h"
#include "bt-import.h"
#include "bt-plan-file.h"
#include "bt-test-eds.h"

static GDateTime *now;
static char *work_uid;

static BtPlan *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load (path, &error);

  g_assert_no_error (error);
  return plan;
}

static BtImportWeek *
find_week (BtImport *import,
           int       week)
{
  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];

      if (w->iso_year == 2026 && w->week == week)
        return w;
    }
  return NULL;
}

static double
hours (BtImport   *import,
       int         week,
       const char *category)
{
  BtImportWeek *w = find_week (import, week);
  double *h;

  if (w == NULL)
    g_error ("the import has no week 2026-W%02d", week);
  h = g_hash_table_lookup (w->hours, category);
  return h != NULL ? *h : 0.0;
}

static void
test_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = bt_eds_calendars_list_sync (NULL, &error);
  gboolean has_work = FALSE;

  g_assert_no_error (error);
  /* The registry does have it, so leaving it out is the list's doing. */
  {
    g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
    g_autoptr(ESource) birthdays = NULL;

    g_assert_no_error (error);
    birthdays = e_source_registry_ref_source (registry, "birthdays");
    g_assert_nonnull (birthdays);
    g_assert_true (e_source_get_enabled (birthdays));
  }
  for (guint i = 0; i < calendars->len; i++)
    {
      BtEdsCalendar *c = calendars->pdata[i];

      /* EDS makes the birthdays calendar itself, with the "contacts"
       * backend and this uid: it is never offered. */
      g_assert_cmpstr (c->uid, !=, "birthdays");
      has_work |= g_strcmp0 (c->uid, work_uid) == 0 && g_strcmp0 (c->name, "Work") == 0;
    }
  g_assert_true (has_work);

  {
    const char *wanted[] = { "work", NULL };
    const char *unknown[] = { "Holidays", NULL };
    g_autoptr(GPtrArray) uids = bt_eds_calendars_choose (calendars, wanted, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (uids->len, ==, 2);   /* and the NULL */
    g_assert_cmpstr (uids->pdata[0], ==, work_uid);
    g_assert_null (bt_eds_calendars_choose (calendars, unknown, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
check_import (BtImportSource *source,
              gboolean        from_march_16)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImport) import = NULL;

  import = bt_import_from_source (plan, source, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (import->source_name, ==, "Work");

  if (!from_march_16)
    {
      /* W11: planning 1 h (Mon 9 Mar 09:00 UTC), coffee with Priya 30 min
       * (a relationship: partnership), the declined review not at all. */
      g_assert_cmpfloat (hours (import, 11, "c-road"), ==, 1.0);
      g_assert_cmpfloat (hours (import, 11, "c-part"), ==, 0.5);
      g_assert_cmpfloat (hours (import, 11, "c-rev"), ==, 0.0);   /* the review */
      g_assert_cmpuint (import->n_declined, ==, 1);
      g_assert_cmpuint (import->n_all_day, ==, 1);
      /* The touchpoint with Priya on 12 March. */
      g_assert_cmpuint (import->touchpoints->len, ==, 1);
      {
        BtImportTouchpoint *t = import->touchpoints->pdata[0];

        g_assert_nonnull (t->relationship);

        g_assert_cmpstr (bt_item_get_id (BT_ITEM (t->relationship)), ==, "r-priya");
        g_assert_cmpint (g_date_get_day (&t->date), ==, 12);
        g_assert_cmpint (g_date_get_month (&t->date), ==, G_DATE_MARCH);
        g_assert_true (t->is_new);
      }
    }
  else
    {
      /* From 16 March: W11 is before it. */
      g_assert_null (find_week (import, 11));
      g_assert_cmpuint (import->touchpoints->len, ==, 0);
    }

  /* W12–W14 and W16 an hour each; the EXDATE took W15 (6 April, after the
   * change of clocks). Five instances from 9 March, four from 16 March. */
  g_assert_cmpfloat (hours (import, 12, "c-road"), ==, 1.0);
  g_assert_cmpfloat (hours (import, 13, "c-road"), ==, 1.0);
  g_assert_cmpfloat (hours (import, 14, "c-road"), ==, 1.0);
  g_assert_null (find_week (import, 15));
  g_assert_cmpfloat (hours (import, 16, "c-road"), ==, 1.0);
  g_assert_cmpuint (import->weeks->len, ==, from_march_16 ? 4 : 5);
  g_assert_cmpuint (import->n_events, ==, from_march_16 ? 4 : 6);
}

static void
test_read (void)
{
  const char *uids[] = { work_uid, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImportSource) source = NULL;
  g_autoptr(GDateTime) change = g_date_time_new_utc (2026, 3, 30, 8, 0, 0);
  gint64 after_change = g_date_time_to_unix (change);
  gboolean found = FALSE;

  /* The declined meeting is told by the plan's address, as in the .ics
   * import. */
  source = bt_eds_calendars_read_sync (uids, "alex@example.com", NULL, now, NULL, &error);
  g_assert_no_error (error);

  /* 30 March, after the change of clocks: 10:00 in Berlin is 08:00 UTC. */
  for (guint i = 0; i < source->events->len; i++)
    {
      BtImportEvent *e = source->events->pdata[i];

      found |= e->start == after_change && e->end == after_change + 3600;
    }
  g_assert_true (found);

  check_import (source, FALSE);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  BtImportSource **source = user_data;
  g_autoptr(GError) error = NULL;

  *source = bt_eds_calendars_read_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_read_async_from (void)
{
  const char *uids[] = { work_uid, NULL };
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 16, 0, 0, 0);
  g_autoptr(BtImportSource) source = NULL;

  bt_eds_calendars_read_async (uids, "alex@example.com", from, now, NULL, on_read_cb, &source);
  while (source == NULL)
    g_main_context_iteration (NULL, TRUE);

  check_import (source, TRUE);
}

/* The command line reads the same, and changes the plan only without
 * --dry-run. */
static void
test_command_line (void)
{
  const char *app = g_getenv ("BREAKTHROUGH");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "import", "plan.json", NULL);
  g_autofree char *plan = g_build_filename (g_get_home_dir (), "cli-plan.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (app == NULL)
    {
      g_test_skip ("BREAKTHROUGH does not name the app");
      return;
    }
  g_assert_true (g_file_get_contents (fixture, &contents, NULL, &error));
  g_assert_true (g_file_set_contents (plan, contents, -1, &error));

  {
    const char *argv[] = { app, "--import-calendars", "--calendar", "Work", "--dry-run", "--today", "2026-04-30",
                           plan, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_test_message ("%s%s", out, err);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (out, "Import from “Work”"));
    g_assert_nonnull (strstr (out, "2026-W16"));
    g_assert_nonnull (strstr (out, "Priya Raman"));
    g_assert_true (g_file_get_contents (plan, &after, NULL, &error));
    g_assert_cmpstr (after, ==, contents);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *argv[] = { app, "--import-calendars", "--calendar", "Holidays", plan, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
    g_assert_no_error (error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "no calendar called “Holidays”"));
  }
}

static void
on_changed_cb (BtEdsWatch *watch,
               guint      *n_changed)
{
  (*n_changed)++;
}

/* A meeting added to a watched calendar, in the range, is told once. */
static void
test_watch (void)
{
  const char *uids[] = { work_uid, NULL };
  g_autoptr(GDateTime) from = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) until = g_date_time_new_utc (2026, 4, 1, 0, 0, 0);
  g_autoptr(BtEdsWatch) watch = bt_eds_watch_new (uids, from, until);
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = NULL;
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  guint n_changed = 0;

  g_signal_connect (watch, "changed", G_CALLBACK (on_changed_cb), &n_changed);
  while (bt_eds_watch_get_n_started (watch) < 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (bt_eds_watch_get_n_started (watch), ==, 1);
  /* Once when the view is up. */
  while (n_changed == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_changed, ==, 1);

  registry = e_source_registry_new_sync (NULL, &error);
  g_assert_no_error (error);
  source = e_source_registry_ref_source (registry, work_uid);
  client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  bt_test_eds_add_event (E_CAL_CLIENT (client),
                         "BEGIN:VEVENT\r\nUID:added-later@test\r\nDTSTAMP:20260301T000000Z\r\n"
                         "SUMMARY:Roadmap review\r\nDTSTART:20260317T150000Z\r\nDTEND:20260317T160000Z\r\n"
                         "END:VEVENT\r\n");

  while (n_changed == 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_changed, ==, 2);

  /* And gone again, for the tests after this one. */
  e_cal_client_remove_object_sync (E_CAL_CLIENT (client), "added-later@test", NULL, E_CAL_OBJ_MOD_ALL,
                                   E_CAL_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
  while (n_changed == 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_changed, ==, 3);
}

/* A contact made in the local address book through libebook is found by
 * a word of its organisation, with what a relationship takes from it. */
static void
test_contacts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  EContact *contact = e_contact_new_from_vcard ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Cho\r\n"
                                                          "EMAIL;TYPE=WORK:dana@finance.example.com\r\n"
                                                          "ORG:Initech;Finance\r\nTITLE:CFO\r\nEND:VCARD\r\n");
  g_autofree char *uid = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;
  BtEdsContact *dana;

  g_assert_no_error (error);
  source = e_source_registry_ref_builtin_address_book (registry);
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  e_book_client_add_contact_sync (E_BOOK_CLIENT (client), contact, E_BOOK_OPERATION_FLAG_NONE, &uid, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (contact);

  found = bt_eds_contacts_search_sync ("initech", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  dana = found->pdata[0];
  g_assert_cmpstr (dana->uid, ==, uid);
  g_assert_cmpstr (dana->name, ==, "Dana Cho");
  g_assert_cmpstr (dana->email, ==, "dana@finance.example.com");
  g_assert_cmpstr (dana->organisation, ==, "Initech");
  g_assert_cmpstr (dana->title, ==, "CFO");

  none = bt_eds_contacts_search_sync ("nobody-has-this", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
on_looked_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GHashTable **found = user_data;
  g_autoptr(GError) error = NULL;

  *found = bt_eds_contacts_lookup_finish (result, &error);
  g_assert_no_error (error);
}

static GHashTable *
look_up (const char * const *uids)
{
  GHashTable *found = NULL;

  bt_eds_contacts_lookup_async (uids, NULL, on_looked_up_cb, &found);
  while (found == NULL)
    g_main_context_iteration (NULL, TRUE);
  return found;
}

/* A person linked to a contact: when the contact's e-mail changes in the
 * address book (through libebook, as GNOME Contacts would), the look-up
 * by uid gives the new one, which is offered; a contact deleted since is
 * not found, and nothing is offered. */
static void
test_contact_lookup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  EContact *contact = e_contact_new_from_vcard ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lee Moss\r\n"
                                                "EMAIL:lee@old.example.com\r\nORG:Globex\r\nEND:VCARD\r\n");
  EContact *stored = NULL;
  g_autoptr(BtRelationship) lee = bt_relationship_new ();
  g_autoptr(BtRelationship) unlinked = bt_relationship_new ();
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GHashTable) gone = NULL;
  g_autofree char *uid = NULL;
  const char *uids[3];
  BtEdsContact *found;

  g_assert_no_error (error);
  source = e_source_registry_ref_builtin_address_book (registry);
  client = e_book_client_connect_sync (source, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  e_book_client_add_contact_sync (E_BOOK_CLIENT (client), contact, E_BOOK_OPERATION_FLAG_NONE, &uid, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (contact);

  bt_relationship_set_name (lee, "Lee Moss");
  bt_relationship_set_email (lee, "lee@old.example.com");
  bt_relationship_set_contact_uid (lee, uid);
  uids[0] = bt_relationship_get_contact_uid (lee);
  uids[1] = "no-such-contact";
  uids[2] = NULL;

  /* As it was picked: the same e-mail (in any case), nothing to offer. */
  before = look_up (uids);
  g_assert_cmpuint (g_hash_table_size (before), ==, 1);
  found = g_hash_table_lookup (before, uid);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->email, ==, "lee@old.example.com");
  g_assert_null (bt_eds_contacts_changed_email (before, lee));
  bt_relationship_set_email (lee, "Lee@Old.example.com");
  g_assert_null (bt_eds_contacts_changed_email (before, lee));
  g_assert_null (bt_eds_contacts_changed_email (before, unlinked));

  /* Lee moves to another team: the address book says so. */
  e_book_client_get_contact_sync (E_BOOK_CLIENT (client), uid, &stored, NULL, &error);
  g_assert_no_error (error);
  e_contact_set (stored, E_CONTACT_EMAIL_1, "lee@new.example.com");
  e_book_client_modify_contact_sync (E_BOOK_CLIENT (client), stored, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (stored);

  after = look_up (uids);
  found = g_hash_table_lookup (after, uid);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->email, ==, "lee@new.example.com");
  g_assert_cmpstr (found->name, ==, "Lee Moss");
  g_assert_cmpstr (bt_eds_contacts_changed_email (after, lee), ==, "lee@new.example.com");
  g_assert_null (bt_eds_contacts_changed_email (after, unlinked));

  /* Deleted: not found, nothing offered. */
  e_book_client_remove_contact_by_uid_sync (E_BOOK_CLIENT (client), uid, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
  g_assert_no_error (error);
  gone = bt_eds_contacts_lookup_sync (uids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (gone), ==, 0);
  g_assert_null (bt_eds_contacts_changed_email (gone, lee));
}

static void
test_missing_calendar (void)
{
  const char *uids[] = { "no-such-calendar", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImportSource) source = bt_eds_calendars_read_sync (uids, NULL, NULL, now, NULL, &error);

  g_assert_null (source);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!bt_test_eds_home_is_the_test_one ())
    {
      g_printerr ("test-eds: HOME is not the temporary one of tests/eds-session.sh: not touching its calendars\n");
      return 99;
    }

  now = g_date_time_new_utc (2026, 5, 1, 0, 0, 0);
  work_uid = bt_test_eds_make_work_calendar ();

  g_test_add_func ("/eds/list", test_list);
  g_test_add_func ("/eds/read", test_read);
  g_test_add_func ("/eds/read-async-from", test_read_async_from);
  g_test_add_func ("/eds/missing-calendar", test_missing_calendar);
  g_test_add_func ("/eds/command-line", test_command_line);
  g_test_add_func ("/eds/watch", test_watch);
  g_test_add_func ("/eds/contacts", test_contacts);
  g_test_add_func ("/eds/contact-lookup", test_contact_lookup);

  status = g_test_run ();
  g_date_time_unref (now);
  g_free (work_uid);
  return status;
}
