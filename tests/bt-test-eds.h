/* bt-test-eds.h — a local calendar in the temporary Evolution Data
 * Server of tests/eds-session.sh, for the tests that read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* EDS's headers still name GTimeVal, which GLib 2.62 deprecated. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

/* The fixture's user is alex@example.com; Priya Raman, a relationship,
 * is Priya@Product.example.com. */

/* Roadmap planning, Mondays 10:00–11:00 in Berlin from 9 March 2026, six
 * times, but not on 6 April: Europe moves its clocks on 29 March, so the
 * first three are 09:00 UTC and the rest 08:00 UTC, and the EXDATE (in
 * Berlin time, after the change) must take 6 April's 08:00 UTC. */
static const char weekly[] =
  "BEGIN:VEVENT\r\n"
  "UID:weekly-roadmap@test\r\n"
  "DTSTAMP:20260301T000000Z\r\n"
  "SUMMARY:Roadmap planning\r\n"
  "DTSTART;TZID=Europe/Berlin:20260309T100000\r\n"
  "DTEND;TZID=Europe/Berlin:20260309T110000\r\n"
  "RRULE:FREQ=WEEKLY;COUNT=6\r\n"
  "EXDATE;TZID=Europe/Berlin:20260406T100000\r\n"
  "END:VEVENT\r\n";

static const char all_day[] =
  "BEGIN:VEVENT\r\n"
  "UID:offsite@test\r\n"
  "DTSTAMP:20260301T000000Z\r\n"
  "SUMMARY:Offsite roadmap day\r\n"
  "DTSTART;VALUE=DATE:20260310\r\n"
  "DTEND;VALUE=DATE:20260311\r\n"
  "END:VEVENT\r\n";

static const char declined[] =
  "BEGIN:VEVENT\r\n"
  "UID:declined@test\r\n"
  "DTSTAMP:20260301T000000Z\r\n"
  "SUMMARY:Sprint review\r\n"
  "DTSTART:20260311T140000Z\r\n"
  "DTEND:20260311T150000Z\r\n"
  "ORGANIZER:mailto:someone@example.com\r\n"
  "ATTENDEE;PARTSTAT=DECLINED:mailto:alex@example.com\r\n"
  "END:VEVENT\r\n";

static const char with_priya[] =
  "BEGIN:VEVENT\r\n"
  "UID:coffee@test\r\n"
  "DTSTAMP:20260301T000000Z\r\n"
  "SUMMARY:Coffee\r\n"
  "DTSTART:20260312T130000Z\r\n"
  "DTEND:20260312T133000Z\r\n"
  "ORGANIZER:mailto:alex@example.com\r\n"
  "ATTENDEE;PARTSTAT=ACCEPTED;CN=Priya Raman:mailto:priya@product.example.com\r\n"
  "END:VEVENT\r\n";

static inline gboolean
bt_test_eds_home_is_the_test_one (void)
{
  const char *expected = g_getenv ("BT_EDS_TEST_HOME");
  g_autofree char *marker = NULL;

  if (expected == NULL || g_strcmp0 (g_getenv ("HOME"), expected) != 0 ||
      g_strcmp0 (g_get_home_dir (), expected) != 0)
    return FALSE;
  marker = g_build_filename (expected, ".bt-eds-test", NULL);
  return g_file_test (marker, G_FILE_TEST_IS_REGULAR);
}

static inline void
bt_test_eds_add_event (ECalClient *client,
           const char *text)
{
  ICalComponent *comp = i_cal_component_new_from_string (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;

  g_assert_nonnull (comp);
  e_cal_client_create_object_sync (client, comp, E_CAL_OPERATION_FLAG_NONE, &uid, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (comp);
}

/* A local calendar "Work" with the four events, made once for all tests. */
static inline char *
bt_test_eds_make_work_calendar (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = e_source_registry_new_sync (NULL, &error);
  g_autoptr(ESource) source = NULL;
  g_autoptr(EClient) client = NULL;
  ESourceBackend *backend;
  GList *sources;

  g_assert_no_error (error);
  source = e_source_new (NULL, NULL, &error);
  g_assert_no_error (error);
  e_source_set_parent (source, "local-stub");
  e_source_set_display_name (source, "Work");
  backend = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);
  e_source_backend_set_backend_name (backend, "local");
  sources = g_list_append (NULL, source);
  e_source_registry_create_sources_sync (registry, sources, NULL, &error);
  g_list_free (sources);
  g_assert_no_error (error);

  client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, NULL, &error);
  g_assert_no_error (error);
  {
    ICalTimezone *berlin = i_cal_timezone_get_builtin_timezone ("Europe/Berlin");

    e_cal_client_add_timezone_sync (E_CAL_CLIENT (client), berlin, NULL, &error);
    g_assert_no_error (error);
  }
  bt_test_eds_add_event (E_CAL_CLIENT (client), weekly);
  bt_test_eds_add_event (E_CAL_CLIENT (client), all_day);
  bt_test_eds_add_event (E_CAL_CLIENT (client), declined);
  bt_test_eds_add_event (E_CAL_CLIENT (client), with_priya);
  return e_source_dup_uid (source);
}

