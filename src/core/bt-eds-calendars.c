/* bt-eds-calendars.c — the desktop's calendars, through Evolution Data
 * Server, read as the .ics import reads a file
 *
 * GNOME Online Accounts feeds Google, Exchange and Nextcloud calendars into
 * Evolution Data Server, which GNOME Calendar reads; so do we. Each
 * calendar's events (recurring ones as their master, with their overrides)
 * and the time zones they name go into one VCALENDAR that the .ics reader
 * reads: the same checks, the same recurrence expansion, the same all-day,
 * cancelled and declined handling, and the same import rules after it, as
 * an exported file gets. A calendar server is no more trusted than a file.
 *
 * The calls are EDS's synchronous ones, made in a worker thread by the
 * async entry points, so a slow calendar never blocks the main loop.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
/* EDS's headers still name GTimeVal, which GLib 2.62 deprecated. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "bt-eds-calendars.h"

/* Local calendars never report "connected": wait for the backend as long
 * as it takes to open, which is what GNOME Calendar does. */
#define CONNECT_WAIT ((guint32) -1)

/* The contacts' birthdays and anniversaries: dates, never meetings. */
#define BIRTHDAYS_BACKEND "contacts"

static int
compare_calendars (gconstpointer a,
                   gconstpointer b)
{
  const BtEdsCalendar *x = *(BtEdsCalendar **) a;
  const BtEdsCalendar *y = *(BtEdsCalendar **) b;
  int by_account = g_utf8_collate (x->account ? x->account : "", y->account ? y->account : "");

  if (by_account != 0)
    return by_account;
  return g_utf8_collate (x->name ? x->name : "", y->name ? y->name : "");
}

static gboolean
is_birthdays (ESource *source)
{
  ESourceBackend *backend = e_source_get_extension (source, E_SOURCE_EXTENSION_CALENDAR);

  return g_strcmp0 (e_source_backend_get_backend_name (backend), BIRTHDAYS_BACKEND) == 0;
}

/* The source registry's well-known name in EDS 3.46 (not in its headers). */
#define REGISTRY_BUS_NAME "org.gnome.evolution.dataserver.Sources5"

/* Whether the source registry's service holds its name on the session bus. */
static gboolean
registry_has_owner (GCancellable *cancellable)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner", g_variant_new ("(s)", REGISTRY_BUS_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, cancellable, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static ESourceRegistry *
registry_new (GCancellable  *cancellable,
              GError       **error)
{
  ESourceRegistry *registry;

  /* The test suite's own switch: a test that is not about calendars
   * must not start the data server on the bus, with the real home. */
  if (g_getenv ("BREAKTHROUGH_NO_EDS") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "BREAKTHROUGH_NO_EDS is set");
      return NULL;
    }
  registry = e_source_registry_new_sync (cancellable, error);
  if (registry == NULL)
    {
      g_prefix_error (error, _("The desktop’s calendars could not be reached (is Evolution Data Server installed?): "));
      return NULL;
    }
  /* With no registry service on the bus, the client above still comes up,
   * empty: that is "not reached", not "no calendars". */
  if (!registry_has_owner (cancellable))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The desktop’s calendars could not be reached (is Evolution Data Server installed?)"));
      g_object_unref (registry);
      return NULL;
    }
  return registry;
}

/**
 * bt_eds_calendars_list_sync:
 *
 * The desktop's enabled calendars of events, by account and name, without
 * the contacts' birthdays.
 *
 * Returns: (transfer full) (element-type BtEdsCalendar): the calendars,
 *   or %NULL with @error when no source registry answers
 */
GPtrArray *
bt_eds_calendars_list_sync (GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(ESourceRegistry) registry = registry_new (cancellable, error);
  g_autoptr(GPtrArray) calendars = NULL;
  GList *sources;

  if (registry == NULL)
    return NULL;

  calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_eds_calendar_free);
  sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_CALENDAR);
  for (GList *l = sources; l != NULL; l = l->next)
    {
      ESource *source = l->data;
      BtEdsCalendar *calendar;
      const char *parent_uid = e_source_get_parent (source);

      if (is_birthdays (source))
        continue;

      calendar = g_new0 (BtEdsCalendar, 1);
      calendar->uid = e_source_dup_uid (source);
      calendar->name = e_source_dup_display_name (source);
      if (parent_uid != NULL)
        {
          g_autoptr(ESource) parent = e_source_registry_ref_source (registry, parent_uid);

          if (parent != NULL)
            calendar->account = e_source_dup_display_name (parent);
        }
      g_ptr_array_add (calendars, calendar);
    }
  g_list_free_full (sources, g_object_unref);

  g_ptr_array_sort (calendars, compare_calendars);
  return g_steal_pointer (&calendars);
}

/* The zones the properties of @comp name by TZID, into @tzids. */
static void
collect_tzids (ICalComponent *comp,
               GHashTable    *tzids)
{
  ICalProperty *p = i_cal_component_get_first_property (comp, I_CAL_ANY_PROPERTY);

  while (p != NULL)
    {
      ICalParameter *param = i_cal_property_get_first_parameter (p, I_CAL_TZID_PARAMETER);
      const char *tzid = param ? i_cal_parameter_get_tzid (param) : NULL;

      if (tzid != NULL && *tzid != '\0')
        g_hash_table_add (tzids, g_strdup (tzid));
      g_clear_object (&param);
      g_object_unref (p);
      p = i_cal_component_get_next_property (comp, I_CAL_ANY_PROPERTY);
    }
}

static char *
utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/* One calendar's events up to @now, as a VCALENDAR text the .ics reader
 * reads, and the address the calendar knows its owner by. */
static char *
calendar_text (ESource       *source,
               GDateTime     *from,
               GDateTime     *now,
               char         **owner,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(EClient) client = NULL;
  ICalComponent *vcalendar = NULL;
  char *text;
  g_autoptr(GHashTable) tzids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sexp = NULL;
  g_autofree char *name = e_source_dup_display_name (source);
  GSList *comps = NULL;
  GHashTableIter iter;
  gpointer tzid;

  client = e_cal_client_connect_sync (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, CONNECT_WAIT, cancellable, error);
  if (client == NULL)
    return NULL;

  if (!e_client_get_backend_property_sync (client, E_CAL_BACKEND_PROPERTY_CAL_EMAIL_ADDRESS, owner,
                                           cancellable, NULL))
    *owner = NULL;

  /* Recurring events come as their master and their overrides, whatever
   * the range: the .ics reader expands them. */
  if (from != NULL)
    {
      g_autofree char *start = utc_text (from);
      g_autofree char *end = utc_text (now);

      sexp = g_strdup_printf ("(occur-in-time-range? (make-time \"%s\") (make-time \"%s\"))", start, end);
    }
  else
    sexp = g_strdup ("#t");

  if (!e_cal_client_get_object_list_sync (E_CAL_CLIENT (client), sexp, &comps, cancellable, error))
    return NULL;

  vcalendar = i_cal_component_new_vcalendar ();
  {
    ICalProperty *version = i_cal_property_new_version ("2.0");
    ICalProperty *calname = i_cal_property_new_x (name ? name : "");

    i_cal_property_set_x_name (calname, "X-WR-CALNAME");
    i_cal_component_take_property (vcalendar, version);
    i_cal_component_take_property (vcalendar, calname);
  }
  for (GSList *l = comps; l != NULL; l = l->next)
    {
      collect_tzids (l->data, tzids);
      i_cal_component_take_component (vcalendar, i_cal_component_clone (l->data));
    }
  e_client_util_free_object_slist (comps);

  /* A zone the calendar does not give is left to the reader, which knows
   * libical's own and says which it does not. */
  g_hash_table_iter_init (&iter, tzids);
  while (g_hash_table_iter_next (&iter, &tzid, NULL))
    {
      ICalTimezone *zone = NULL;

      if (e_cal_client_get_timezone_sync (E_CAL_CLIENT (client), tzid, &zone, cancellable, NULL) && zone != NULL)
        {
          ICalComponent *vtimezone = i_cal_timezone_get_component (zone);

          if (vtimezone != NULL)
            i_cal_component_take_component (vcalendar, i_cal_component_clone (vtimezone));
          g_clear_object (&vtimezone);
        }
    }

  text = i_cal_component_as_ical_string (vcalendar);
  g_object_unref (vcalendar);
  return text;
}

/* Moves the events of @from_source that end after @from into @into. */
static void
merge_source (BtImportSource *into,
              BtImportSource *from_source,
              GDateTime      *from)
{
  gint64 first = from ? g_date_time_to_unix (from) : G_MININT64;

  g_ptr_array_set_free_func (from_source->events, NULL);
  for (guint i = 0; i < from_source->events->len; i++)
    {
      BtImportEvent *event = from_source->events->pdata[i];

      if (event->end > first)
        g_ptr_array_add (into->events, event);
      else
        bt_import_event_free (event);
    }
  g_ptr_array_set_size (from_source->events, 0);

  into->n_all_day += from_source->n_all_day;
  into->n_cancelled += from_source->n_cancelled;
  into->n_declined += from_source->n_declined;
  into->n_no_instance += from_source->n_no_instance;
  into->n_future += from_source->n_future;
  into->n_future_series += from_source->n_future_series;
}

/**
 * bt_eds_calendars_read_sync:
 * @uids: the calendars to read, by uid
 * @user_email: (nullable): the user's address, to leave out the meetings
 *   they declined; %NULL for the one each calendar knows its owner by
 * @from: (nullable): events that end before it are left out; %NULL for all
 * @now: events that start after it are left out, as the .ics import does
 *
 * Reads the events of the desktop's calendars @uids. It touches no plan:
 * bt_import_from_source() then works out what they do to one.
 *
 * Returns: (transfer full): the events of all the calendars as one
 *   source, or %NULL with @error naming the calendar that failed
 */
BtImportSource *
bt_eds_calendars_read_sync (const char * const *uids,
                            const char         *user_email,
                            GDateTime          *from,
                            GDateTime          *now,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_autoptr(ESourceRegistry) registry = NULL;
  g_autoptr(BtImportSource) merged = NULL;

  g_return_val_if_fail (uids != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  registry = registry_new (cancellable, error);
  if (registry == NULL)
    return NULL;

  merged = g_new0 (BtImportSource, 1);
  merged->events = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_import_event_free);

  for (guint i = 0; uids[i] != NULL; i++)
    {
      g_autoptr(ESource) source = e_source_registry_ref_source (registry, uids[i]);
      g_autofree char *name = NULL;
      g_autofree char *text = NULL;
      g_autofree char *owner = NULL;
      g_autoptr(BtImportSource) read = NULL;

      if (source == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("The desktop no longer has the calendar “%s”"), uids[i]);
          return NULL;
        }
      name = e_source_dup_display_name (source);

      text = calendar_text (source, from, now, &owner, cancellable, error);
      if (text != NULL)
        read = bt_import_source_read (BT_IMPORT_CALENDAR, text, strlen (text), name,
                                      user_email != NULL && *user_email != '\0' ? user_email : owner,
                                      now, cancellable, NULL, NULL, error);
      if (read == NULL)
        {
          /* TRANSLATORS: "Calendar “Work”: …", the calendar's name and what went wrong */
          g_prefix_error (error, _("Calendar “%s”: "), name);
          return NULL;
        }

      if (merged->name == NULL)
        merged->name = g_strdup (name);
      else if (i == 1)
        {
          g_free (merged->name);
          merged->name = g_strdup (_("Your calendars"));
        }
      merge_source (merged, read, from);
    }

  if (merged->name == NULL)
    merged->name = g_strdup (_("Your calendars"));
  return g_steal_pointer (&merged);
}
