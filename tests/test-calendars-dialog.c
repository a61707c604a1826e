/* test-calendars-dialog.c — which of the desktop's calendars count, and
 * their preview; and what the dialog says where no calendar service answers
 *
 * Runs under tests/eds-session.sh (with --no-eds for the second case),
 * which gives Evolution Data Server a temporary home; it refuses to run
 * anywhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bt-test-widgets.h"
#include "bt-test-eds.h"

#include "bt-calendar-offer.h"
#include "bt-calendars-dialog.h"
#include "bt-contact-picker.h"
#include "bt-import-dialog.h"
#include "bt-item-editor.h"
#include "bt-plan-file.h"

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

static gboolean
switch_for_uid (GtkWidget     *widget,
                gconstpointer  uid)
{
  return GTK_IS_SWITCH (widget) && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "bt-uid"), uid) == 0;
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* Waits, the main loop running, until @match finds a widget under @root. */
static GtkWidget *
wait_for (GtkWidget    *root,
          BtTestMatch   match,
          gconstpointer data)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *found;

  while ((found = bt_test_find_match (root, match, data)) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  return found;
}

static BtImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BT_IS_IMPORT_DIALOG (window))
        return BT_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
button_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
test_choose_and_preview (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *parent = gtk_window_new ();
  BtCalendarsDialog *dialog;
  GtkWidget *work, *personal, *preview;
  g_auto(GStrv) excluded = NULL;
  BtImportDialog *import_dialog = NULL;
  gint64 until;

  gtk_window_present (GTK_WINDOW (parent));
  dialog = bt_calendars_dialog_new (GTK_WINDOW (parent), plan, history);
  gtk_window_present (GTK_WINDOW (dialog));

  work = wait_for (GTK_WIDGET (dialog), switch_for_uid, work_uid);
  g_assert_nonnull (work);
  /* Every calendar counts at first; the birthdays are not offered. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (work)));
  g_assert_null (bt_test_find_match (GTK_WIDGET (dialog), switch_for_uid, "birthdays"));
  personal = bt_test_find_match (GTK_WIDGET (dialog), switch_for_uid, "system-calendar");
  g_assert_nonnull (personal);

  /* Switching one off is remembered, by uid. */
  gtk_switch_set_active (GTK_SWITCH (personal), FALSE);
  excluded = g_settings_get_strv (settings, "excluded-calendars");
  g_assert_cmpuint (g_strv_length (excluded), ==, 1);
  g_assert_cmpstr (excluded[0], ==, "system-calendar");

  /* With none on, nothing to preview. */
  preview = bt_test_find_match (GTK_WIDGET (dialog), button_labelled, "_Preview");
  g_assert_nonnull (preview);
  gtk_switch_set_active (GTK_SWITCH (work), FALSE);
  g_assert_false (gtk_widget_get_sensitive (preview));
  gtk_switch_set_active (GTK_SWITCH (work), TRUE);
  g_assert_true (gtk_widget_get_sensitive (preview));

  /* The preview is the import's, for the Work calendar alone. */
  g_signal_emit_by_name (preview, "clicked");
  until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((import_dialog = find_import_dialog ()) == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_nonnull (import_dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (import_dialog)) == GTK_WINDOW (parent));
  g_assert_nonnull (bt_test_find_match (GTK_WIDGET (import_dialog), row_titled, "Priya Raman"));

  gtk_window_destroy (GTK_WINDOW (import_dialog));
  gtk_window_destroy (GTK_WINDOW (parent));
  g_settings_reset (settings, "excluded-calendars");
}

static const char *program;

static void
wait_for_subtitle (GtkWidget  *row,
                   const char *text)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), text) != 0 &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, text);
}

/* The check-in's row: the week's meetings, and again when the calendar
 * changes while it is open. */
static void
test_check_in_offer (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(BtHistory) history = bt_history_new ();
  GtkWidget *row = g_object_ref_sink (bt_calendar_offer_new (plan, history, 2026, 12));
  const char *child[] = { program, "--add-event", work_uid, NULL };
  g_autoptr(GError) error = NULL;
  /* The test's folders are isolated by now: the child is told the home
   * eds-session.sh made, which it checks. */
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HOME", g_getenv ("BT_EDS_TEST_HOME"), TRUE);
  int wait_status;

  /* W12: the planning meeting of Monday 16 March, an hour, strategic. */
  wait_for_subtitle (row, "This week in your calendars: 1 h of meetings, 1 h of them strategic.");

  /* A roadmap review on Tuesday 17 March, added by another process. */
  g_assert_true (g_spawn_sync (NULL, (char **) child, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  wait_for_subtitle (row, "This week in your calendars: 2 h of meetings, 2 h of them strategic.");

  g_object_unref (row);
}

static BtRelationship *offered;

static void
on_offered_cb (GtkWindow      *parent,
               BtRelationship *relationship)
{
  offered = relationship;
}

static gboolean
contact_picker_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BT_IS_CONTACT_PICKER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static GtkWidget *
find_contact_picker (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BT_IS_CONTACT_PICKER (window))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* Adding a person offers the contacts; picking one fills the person in. */
static void
test_contact_picker (void)
{
  g_autoptr(BtRelationship) person = g_object_new (BT_TYPE_RELATIONSHIP, NULL);
  GtkWidget *parent = gtk_window_new ();
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (parent));
  offered = NULL;
  bt_contact_picker_offer (GTK_WINDOW (parent), NULL, person, on_offered_cb);
  while (!contact_picker_shown () && offered == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_null (offered);
  row = wait_for (find_contact_picker (), row_titled, "Dana Cho");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");

  g_assert_true (offered == person);
  g_assert_cmpstr (bt_relationship_get_name (person), ==, "Dana Cho");
  g_assert_cmpstr (bt_relationship_get_email (person), ==, "dana@finance.example.com");
  g_assert_cmpstr (bt_relationship_get_role (person), ==, "CFO, Initech");
  /* her function from her title, not Product for everyone */
  g_assert_cmpint (bt_relationship_get_function (person), ==, BT_FUNCTION_FINANCE);
  /* The person is linked to the contact, by its uid. */
  g_assert_cmpstr (bt_relationship_get_contact_uid (person), !=, "");
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* A contact the plan has already is marked, and picking it gives that
 * person, not a second one; the search has the focus, for typing. */
static void
test_contact_picker_known_person (void)
{
  g_autoptr(BtRelationship) person = g_object_new (BT_TYPE_RELATIONSHIP, NULL);
  g_autoptr(BtRelationship) dana = g_object_new (BT_TYPE_RELATIONSHIP, NULL);
  g_autoptr(GListStore) people = g_list_store_new (BT_TYPE_RELATIONSHIP);
  GtkWidget *parent = gtk_window_new ();
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *picker, *row, *focus;

  /* added by hand earlier: the same e-mail, in other capitals */
  bt_relationship_set_name (dana, "Dana");
  bt_relationship_set_email (dana, "Dana@Finance.example.com");
  g_list_store_append (people, dana);

  gtk_window_present (GTK_WINDOW (parent));
  offered = NULL;
  bt_contact_picker_offer (GTK_WINDOW (parent), G_LIST_MODEL (people), person, on_offered_cb);
  while (!contact_picker_shown () && offered == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_null (offered);
  picker = find_contact_picker ();
  row = wait_for (picker, row_titled, "Dana Cho");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Already in your plan"));
  focus = gtk_window_get_focus (GTK_WINDOW (picker));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, (GtkWidget *) gtk_widget_get_template_child (picker,
                                                                                       BT_TYPE_CONTACT_PICKER,
                                                                                       "search_entry")) ||
                 focus == (GtkWidget *) gtk_widget_get_template_child (picker, BT_TYPE_CONTACT_PICKER,
                                                                       "search_entry"));
  g_signal_emit_by_name (row, "activated");

  g_assert_true (offered == dana);
  g_assert_cmpstr (bt_relationship_get_name (dana), ==, "Dana");
  /* the new one stays empty: it is not added */
  g_assert_true (bt_relationship_get_name (person) == NULL || *bt_relationship_get_name (person) == '\0');
  gtk_window_destroy (GTK_WINDOW (parent));
}

/* No address book: straight to typing the person in. */
static void
test_no_contacts_service (void)
{
  g_autoptr(BtRelationship) person = g_object_new (BT_TYPE_RELATIONSHIP, NULL);
  GtkWidget *parent = gtk_window_new ();
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (parent));
  offered = NULL;
  bt_contact_picker_offer (GTK_WINDOW (parent), NULL, person, on_offered_cb);
  while (offered == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_true (offered == person);
  g_assert_false (contact_picker_shown ());
  gtk_window_destroy (GTK_WINDOW (parent));
}

static gboolean
row_named (GtkWidget     *widget,
           gconstpointer  name)
{
  return ADW_IS_PREFERENCES_ROW (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* Runs this program again with @args, in the home eds-session.sh made (the
 * test's own folders are isolated by now), for what it prints. Changing
 * the address book through libebook's synchronous calls is kept out of
 * this process, as making the calendar is (see main()). */
static char *
run_child (const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "HOME", g_getenv ("BT_EDS_TEST_HOME"), TRUE);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) program);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

/* Opens the editor on @person, in @plan, and waits until the look-up of
 * their contact is over; returns the offer's row. */
static GtkWidget *
open_editor (BtPlan          *plan,
             BtHistory       *history,
             BtRelationship  *person,
             BtItemEditor   **editor)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GtkWidget *offer;

  *editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan), bt_plan_get_relationships (plan),
                                BT_ITEM (person));
  gtk_window_present (GTK_WINDOW (*editor));
  offer = bt_test_find_match (GTK_WIDGET (*editor), row_named, "email-in-contacts");
  g_assert_nonnull (offer);
  while (g_object_get_data (G_OBJECT (offer), "bt-contact-lookup") != NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  g_assert_null (g_object_get_data (G_OBJECT (offer), "bt-contact-lookup"));
  return offer;
}

static BtRelationship *
add_person (BtPlan     *plan,
            const char *email,
            const char *contact_uid)
{
  g_autoptr(BtRelationship) person = bt_relationship_new ();

  bt_relationship_set_name (person, "Lee Moss");
  bt_relationship_set_email (person, email);
  bt_relationship_set_contact_uid (person, contact_uid);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (person));
  return person;
}

/* A person picked from the contacts whose e-mail changed in the address
 * book since: the editor offers the new one under theirs; Use It puts it
 * in the E-mail row, Apply into the plan, and Undo takes it back. */
static void
test_contact_offer (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autofree char *uid = run_child ("--add-contact", "Lee Moss", "lee@old.example.com", NULL);
  BtRelationship *lee = add_person (plan, "lee@old.example.com", uid);
  g_autofree char *changed = NULL;
  BtItemEditor *editor;
  GtkWidget *offer, *use, *email;
  g_autofree char *name = NULL;

  /* As picked: nothing to offer. */
  offer = open_editor (plan, history, lee, &editor);
  g_assert_false (gtk_widget_get_visible (offer));
  gtk_window_destroy (GTK_WINDOW (editor));

  changed = run_child ("--set-email", uid, "lee@new.example.com", NULL);
  offer = open_editor (plan, history, lee, &editor);
  g_assert_true (gtk_widget_get_visible (offer));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (offer)), ==,
                   "Contacts now has lee@new.example.com");
  use = bt_test_find_match (offer, button_labelled, "_Use It");
  g_assert_nonnull (use);
  name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (use), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                             "Use the E-mail from Contacts");
  g_assert_null (name);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (editor), "contact-offer"), >, 2);

  /* Nothing reaches the plan before Apply. */
  g_signal_emit_by_name (use, "clicked");
  email = bt_test_find_match (GTK_WIDGET (editor), row_named, "email");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "lee@new.example.com");
  g_assert_false (gtk_widget_get_visible (offer));
  g_assert_cmpstr (bt_relationship_get_email (lee), ==, "lee@old.example.com");
  /* Typed away from it, the offer is back. */
  gtk_editable_set_text (GTK_EDITABLE (email), "lee@typed.example.com");
  g_assert_true (gtk_widget_get_visible (offer));
  g_signal_emit_by_name (use, "clicked");

  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (editor), BT_TYPE_ITEM_EDITOR, "apply_button"),
                         "clicked");
  g_assert_cmpstr (bt_relationship_get_email (lee), ==, "lee@new.example.com");
  g_assert_cmpstr (bt_relationship_get_contact_uid (lee), ==, uid);
  g_assert_cmpstr (bt_history_get_undo_label (history), ==, "Edit Person");
  g_assert_true (bt_history_undo (history));
  g_assert_cmpstr (bt_relationship_get_email (lee), ==, "lee@old.example.com");

  /* The same address in another case is no change. */
  bt_relationship_set_email (lee, "Lee@New.example.com");
  offer = open_editor (plan, history, lee, &editor);
  g_assert_false (gtk_widget_get_visible (offer));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* A contact deleted since (or never in these address books): no offer. */
static void
test_contact_gone (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtHistory) history = bt_history_new ();
  BtRelationship *lee = add_person (plan, "lee@old.example.com", "no-such-contact");
  BtItemEditor *editor;
  GtkWidget *offer = open_editor (plan, history, lee, &editor);

  g_assert_false (gtk_widget_get_visible (offer));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (offer)), ==, "");
  gtk_window_destroy (GTK_WINDOW (editor));
}


static void
test_no_calendar_service (void)
{
  g_autoptr(BtPlan) plan = load_fixture ();
  g_autoptr(BtHistory) history = bt_history_new ();
  BtCalendarsDialog *dialog = bt_calendars_dialog_new (NULL, plan, history);
  GtkWidget *row;

  gtk_window_present (GTK_WINDOW (dialog));
  row = wait_for (GTK_WIDGET (dialog), row_titled, "Your calendars cannot be read here");
  g_assert_nonnull (row);
  /* No service is not the same as a desktop without calendars. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "No calendar service answers"));
  g_assert_false (gtk_widget_get_sensitive (bt_test_find_match (GTK_WIDGET (dialog), button_labelled, "_Preview")));
  /* The file import stays. */
  g_assert_nonnull (bt_test_find_match (GTK_WIDGET (dialog), row_titled, "Import a _File Instead…"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gboolean no_eds = g_strcmp0 (g_getenv ("BT_EDS_EXPECT"), "none") == 0;
  int status;

  program = argv[0];
  /* Before bt_test_init_ui() isolates the folders of this process. */
  if (!bt_test_eds_home_is_the_test_one ())
    {
      g_printerr ("test-calendars-dialog: HOME is not the temporary one of tests/eds-session.sh\n");
      return 99;
    }
  /* The calendar is made by a child process: making it here, through
   * libecal's synchronous calls before GTK starts, left pango with a
   * freed font in this one (GTK 4.8). The window's own use of EDS is the
   * app's: asynchronous, in worker threads. */
  if (argc > 1 && g_strcmp0 (argv[1], "--make-calendar") == 0)
    {
      g_autofree char *uid = bt_test_eds_make_work_calendar ();
      g_autoptr(GError) error = NULL;
      g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
      g_autoptr(ESource) book = registry ? e_source_registry_ref_builtin_address_book (registry) : NULL;
      g_autoptr(EClient) client = book ? e_book_client_connect_sync (book, (guint32) -1, NULL, &error) : NULL;
      EContact *dana = e_contact_new_from_vcard ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dana Cho\r\n"
                                                 "EMAIL:dana@finance.example.com\r\nORG:Initech;Finance\r\n"
                                                 "TITLE:CFO\r\nEND:VCARD\r\n");

      g_assert_no_error (error);
      e_book_client_add_contact_sync (E_BOOK_CLIENT (client), dana, E_BOOK_OPERATION_FLAG_NONE, NULL, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (dana);
      g_print ("%s", uid);
      return 0;
    }
  if (argc > 2 && g_strcmp0 (argv[1], "--add-event") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
      g_autoptr(ESource) source = registry ? e_source_registry_ref_source (registry, argv[2]) : NULL;
      g_autoptr(EClient) client = NULL;

      g_assert_nonnull (source);
      client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL, &error);
      g_assert_no_error (error);
      bt_test_eds_add_event (E_CAL_CLIENT (client),
                             "BEGIN:VEVENT\r\nUID:added-later@test\r\nDTSTAMP:20260301T000000Z\r\n"
                             "SUMMARY:Roadmap review\r\nDTSTART:20260317T150000Z\r\nDTEND:20260317T160000Z\r\n"
                             "END:VEVENT\r\n");
      return 0;
    }
  if (argc > 3 && g_strcmp0 (argv[1], "--add-contact") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
      g_autoptr(ESource) book = registry ? e_source_registry_ref_builtin_address_book (registry) : NULL;
      g_autoptr(EClient) client = book ? e_book_client_connect_sync (book, (guint32) -1, NULL, &error) : NULL;
      EContact *contact = e_contact_new ();
      g_autofree char *uid = NULL;

      g_assert_no_error (error);
      e_contact_set (contact, E_CONTACT_FULL_NAME, argv[2]);
      e_contact_set (contact, E_CONTACT_EMAIL_1, argv[3]);
      e_book_client_add_contact_sync (E_BOOK_CLIENT (client), contact, E_BOOK_OPERATION_FLAG_NONE, &uid, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (contact);
      g_print ("%s", uid);
      return 0;
    }
  if (argc > 3 && g_strcmp0 (argv[1], "--set-email") == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
      g_autoptr(ESource) book = registry ? e_source_registry_ref_builtin_address_book (registry) : NULL;
      g_autoptr(EClient) client = book ? e_book_client_connect_sync (book, (guint32) -1, NULL, &error) : NULL;
      EContact *contact = NULL;

      g_assert_no_error (error);
      e_book_client_get_contact_sync (E_BOOK_CLIENT (client), argv[2], &contact, NULL, &error);
      g_assert_no_error (error);
      e_contact_set (contact, E_CONTACT_EMAIL_1, argv[3]);
      e_book_client_modify_contact_sync (E_BOOK_CLIENT (client), contact, E_BOOK_OPERATION_FLAG_NONE, NULL, &error);
      g_assert_no_error (error);
      g_object_unref (contact);
      return 0;
    }
  if (!no_eds)
    {
      const char *child[] = { argv[0], "--make-calendar", NULL };
      g_autoptr(GError) error = NULL;
      int wait_status;

      if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_DEFAULT, NULL, NULL, &work_uid, NULL,
                         &wait_status, &error) ||
          !g_spawn_check_wait_status (wait_status, &error))
        g_error ("the Work calendar could not be made: %s", error->message);
    }
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  if (no_eds)
    {
      g_test_add_func ("/calendars-dialog/no-calendar-service", test_no_calendar_service);
      g_test_add_func ("/contact-picker/no-contacts-service", test_no_contacts_service);
      g_test_add_func ("/item-editor/contact-gone", test_contact_gone);
    }
  else
    {
      g_test_add_func ("/calendars-dialog/choose-and-preview", test_choose_and_preview);
      g_test_add_func ("/calendars-dialog/check-in-offer", test_check_in_offer);
      g_test_add_func ("/contact-picker/pick", test_contact_picker);
      g_test_add_func ("/contact-picker/known-person", test_contact_picker_known_person);
      g_test_add_func ("/item-editor/contact-offer", test_contact_offer);
      g_test_add_func ("/item-editor/contact-gone", test_contact_gone);
    }

  status = g_test_run ();
  g_free (work_uid);
  return status;
}
