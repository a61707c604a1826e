/* bt-import-ics.c — events from an iCalendar file (.ics), through libical
 *
 * libical parses, resolves time zones (VTIMEZONE or its built-in ones) and
 * expands recurrences (RRULE, RDATE, EXDATE). Around it: a first pass that
 * checks the file's lines, so an error can name the line libical does not
 * tell; overridden instances (RECURRENCE-ID) in place of the ones they
 * replace; and all-day, cancelled and declined events left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "bt-import.h"

#define MAX_OCCURRENCES 500000

/* ------------------------------------------------------------------ */
/* The first pass: lines                                               */

typedef struct
{
  char  *name;
  guint  line;
  gboolean has_dtstart;
} Open;

static void
open_clear (Open *o)
{
  g_free (o->name);
}

/* The name of a content line ("DTSTART" of "DTSTART;TZID=…:…"), or NULL
 * when the line is not NAME[;PARAMS]:VALUE. */
static char *
line_name (const char  *line,
           const char **value)
{
  const char *p = line;
  gboolean quoted = FALSE;

  while (g_ascii_isalnum (*p) || *p == '-')
    p++;
  if (p == line || (*p != ':' && *p != ';'))
    return NULL;

  {
    const char *end = p;

    for (; *p != '\0'; p++)
      {
        if (*p == '"')
          quoted = !quoted;
        else if (*p == ':' && !quoted)
          {
            *value = p + 1;
            return g_ascii_strup (line, end - line);
          }
      }
  }

  return NULL;
}

static gboolean
fail_line (GError    **error,
           guint       line,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_line (GError    **error,
           guint       line,
           const char *format,
           ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "line 12: the event that begins here has no DTSTART" */
  g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED, _("line %u: %s"), line, message);
  return FALSE;
}

/* Checks the structure of the file and notes where each VEVENT begins. */
static gboolean
check_lines (const char  *text,
             GArray      *event_lines,
             GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Open));
  g_autoptr(GString) logical = g_string_new (NULL);
  guint logical_line = 0;
  gboolean seen_calendar = FALSE;

  g_array_set_clear_func (stack, (GDestroyNotify) open_clear);

  for (guint i = 0; ; i++)
    {
      char *line = lines[i];
      gsize len = 0;

      if (line != NULL)
        {
          len = strlen (line);
          if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
          if (!g_utf8_validate (line, len, NULL))
            return fail_line (error, i + 1, _("the text is not valid UTF-8"));
          /* A folded line goes on the one before. */
          if ((line[0] == ' ' || line[0] == '\t') && logical->len > 0)
            {
              g_string_append (logical, line + 1);
              continue;
            }
        }

      /* The logical line before this one is complete. */
      if (logical->len > 0)
        {
          const char *value = NULL;
          g_autofree char *name = line_name (logical->str, &value);

          if (!seen_calendar && (name == NULL || !g_str_equal (name, "BEGIN") ||
                                 g_ascii_strcasecmp (value, "VCALENDAR") != 0))
            return fail_line (error, logical_line,
                              _("expected BEGIN:VCALENDAR: this is not an iCalendar file"));

          if (name == NULL)
            return fail_line (error, logical_line,
                              _("expected NAME:VALUE, as in “SUMMARY:Roadmap review”, got “%.40s”"),
                              logical->str);

          seen_calendar = TRUE;

          if (g_str_equal (name, "BEGIN"))
            {
              Open o = { g_ascii_strup (value, -1), logical_line, FALSE };

              if (g_str_equal (o.name, "VEVENT"))
                g_array_append_val (event_lines, logical_line);
              g_array_append_val (stack, o);
            }
          else if (g_str_equal (name, "END"))
            {
              Open *top = stack->len > 0 ? &g_array_index (stack, Open, stack->len - 1) : NULL;

              if (top == NULL)
                return fail_line (error, logical_line, _("END:%s closes nothing"), value);
              if (g_ascii_strcasecmp (top->name, value) != 0)
                return fail_line (error, logical_line, _("END:%s, but BEGIN:%s from line %u is still open"),
                                  value, top->name, top->line);
              if (g_str_equal (top->name, "VEVENT") && !top->has_dtstart)
                return fail_line (error, top->line, _("the event that begins here has no DTSTART"));
              g_array_set_size (stack, stack->len - 1);
            }
          else if (g_str_equal (name, "DTSTART") && stack->len > 0)
            g_array_index (stack, Open, stack->len - 1).has_dtstart = TRUE;
          else if (stack->len == 0)
            return fail_line (error, logical_line, _("“%s” is outside BEGIN:VCALENDAR … END:VCALENDAR"), name);

          g_string_truncate (logical, 0);
        }

      if (line == NULL)
        break;
      if (len > 0)
        {
          g_string_assign (logical, line);
          logical_line = i + 1;
        }
    }

  if (!seen_calendar)
    return fail_line (error, 1, _("expected BEGIN:VCALENDAR: this is not an iCalendar file"));
  if (stack->len > 0)
    {
      Open *top = &g_array_index (stack, Open, stack->len - 1);
      return fail_line (error, top->line, _("BEGIN:%s is never closed"), top->name);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* libical                                                             */

static char *
occurrence_key (const char *uid,
                gint64      start)
{
  return g_strdup_printf ("%s@%" G_GINT64_FORMAT, uid, start);
}

static const char *
strip_mailto (const char *address)
{
  if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    return address + 7;
  return address;
}

static char *
calendar_name (icalcomponent *calendar)
{
  for (icalproperty *p = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), "X-WR-CALNAME") == 0)
      return g_strdup (icalproperty_get_x (p));

  return NULL;
}

/* The zone a TZID names: the file's VTIMEZONE, else libical's own. */
static icaltimezone *
find_zone (icalcomponent *calendar,
           const char    *tzid)
{
  icaltimezone *zone = icalcomponent_get_timezone (calendar, tzid);

  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL)
    zone = icaltimezone_get_builtin_timezone_from_tzid (tzid);

  return zone;
}

/* Whether the TZID of @prop, if it has one, names a zone we know. */
static gboolean
check_tzid (icalcomponent  *calendar,
            icalproperty   *prop,
            const char    **unknown)
{
  icalparameter *param = prop ? icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) : NULL;
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;

  if (tzid == NULL || find_zone (calendar, tzid) != NULL)
    return TRUE;

  *unknown = tzid;
  return FALSE;
}

/* A DATE-TIME in seconds since the epoch: UTC, in the zone its property's
 * TZID names, or floating (the user's own time zone). */
static gint64
to_unix (icalcomponent       *calendar,
         icalproperty        *prop,
         struct icaltimetype  t)
{
  icalparameter *param = prop ? icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) : NULL;
  icaltimezone *zone = NULL;

  if (icaltime_is_utc (t))
    zone = icaltimezone_get_utc_timezone ();
  else if (param != NULL)
    zone = find_zone (calendar, icalparameter_get_tzid (param));

  if (zone != NULL)
    {
      t.zone = NULL;
      return (gint64) icaltime_as_timet_with_zone (t, zone);
    }

  {
    g_autoptr(GDateTime) local = g_date_time_new_local (t.year, t.month, t.day, t.hour, t.minute, t.second);
    return local != NULL ? g_date_time_to_unix (local) : 0;
  }
}

typedef struct
{
  icalcomponent *comp;
  guint          line;
} Vevent;

typedef struct
{
  GPtrArray  *events;
  const char *uid;
  const char *summary;
  const char *description;
  const char *calendar;
  GStrv       attendees;
} Common;

static void
add_event (Common     *c,
           const char *key,
           gint64      start,
           gint64      end)
{
  BtImportEvent *event = g_new0 (BtImportEvent, 1);

  event->start = start;
  event->end = end;
  event->key = g_strdup (key);
  event->summary = g_strdup (c->summary);
  event->description = g_strdup (c->description);
  event->calendar = g_strdup (c->calendar);
  event->attendees = g_strdupv (c->attendees);
  g_ptr_array_add (c->events, event);
}

/* The length of an event: DTEND − DTSTART, or its DURATION. */
static gint64
event_length (icalcomponent *calendar,
              icalcomponent *c,
              gint64         start)
{
  icalproperty *dtend = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (c, ICAL_DURATION_PROPERTY);

  if (dtend != NULL)
    return MAX (0, to_unix (calendar, dtend, icalproperty_get_dtend (dtend)) - start);
  if (duration != NULL)
    return MAX (0, icaldurationtype_as_int (icalproperty_get_duration (duration)));
  return 0;
}

/* Every start of a recurring event up to @until: DTSTART, the RRULE's
 * instances and the RDATEs, less the EXDATEs and the instances an override
 * replaces. Returns FALSE when there are too many. */
static gboolean
expand (icalcomponent *calendar,
        icalcomponent *c,
        gint64         until,
        GHashTable    *overridden,
        Common        *common,
        guint         *count)
{
  icalproperty *dtstart_prop = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
  struct icaltimetype dtstart = icalproperty_get_dtstart (dtstart_prop);
  gint64 first = to_unix (calendar, dtstart_prop, dtstart);
  gint64 length = event_length (calendar, c, first);
  g_autoptr(GHashTable) excluded = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  gboolean recurring = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL ||
                       icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY) != NULL;

  g_array_append_val (starts, first);

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_EXDATE_PROPERTY))
    {
      gint64 *t = g_new (gint64, 1);

      *t = to_unix (calendar, p, icalproperty_get_exdate (p));
      g_hash_table_add (excluded, t);   /* freed below */
    }

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RRULE_PROPERTY))
    {
      icalrecur_iterator *it = icalrecur_iterator_new (icalproperty_get_rrule (p), dtstart);

      if (it == NULL)
        continue;
      for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
           t = icalrecur_iterator_next (it))
        {
          /* The instances are wall-clock times in DTSTART's zone. */
          gint64 s = to_unix (calendar, dtstart_prop, t);

          if (s >= until)
            break;
          if (starts->len > MAX_OCCURRENCES)
            {
              icalrecur_iterator_free (it);
              return FALSE;
            }
          g_array_append_val (starts, s);
        }
      icalrecur_iterator_free (it);
    }

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (p);
      struct icaltimetype t = icaltime_is_null_time (rdate.time) ? rdate.period.start : rdate.time;
      gint64 s;

      if (icaltime_is_null_time (t) || t.is_date)
        continue;
      s = to_unix (calendar, p, t);
      g_array_append_val (starts, s);
    }

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 *s = &g_array_index (starts, gint64, i);
      g_autofree char *key = NULL;

      if (g_hash_table_contains (excluded, s) || g_hash_table_contains (seen, s))
        continue;
      g_hash_table_add (seen, s);
      key = occurrence_key (common->uid, *s);
      if (g_hash_table_contains (overridden, key))
        continue;
      /* A single event is its UID alone, so moving it in the calendar
       * moves it in the plan instead of adding it twice. */
      if (!recurring)
        {
          g_free (key);
          key = g_strdup (common->uid);
        }
      if (++*count > MAX_OCCURRENCES)
        return FALSE;
      add_event (common, key, *s, *s + length);
    }

  {
    GHashTableIter iter;
    gpointer t;

    g_hash_table_iter_init (&iter, excluded);
    while (g_hash_table_iter_next (&iter, &t, NULL))
      g_free (t);
  }

  return TRUE;
}

static gboolean
read_events (icalcomponent  *calendar,
             GArray         *event_lines,
             guint          *next_event,
             const char     *user_email,
             GDateTime      *now,
             GPtrArray      *events,
             BtImport       *counts,
             char          **name,
             GError        **error)
{
  g_autoptr(GArray) vevents = g_array_new (FALSE, FALSE, sizeof (Vevent));
  g_autoptr(GHashTable) overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cal_name = calendar_name (calendar);
  gint64 until = g_date_time_to_unix (now);
  guint count = 0;

  if (*name == NULL && cal_name != NULL)
    *name = g_strdup (cal_name);

  /* First the events and where they are, and the instances overrides
   * replace. */
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      Vevent v = { c, *next_event < event_lines->len ? g_array_index (event_lines, guint, *next_event) : 0 };
      icalproperty *error_prop = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY);
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      const char *unknown = NULL;

      (*next_event)++;
      if (error_prop != NULL)
        return fail_line (error, v.line, _("the event that begins here could not be read: %s"),
                          icalproperty_get_xlicerror (error_prop));
      if (icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY) == NULL)
        return fail_line (error, v.line, _("the event that begins here has no DTSTART"));
      if (!check_tzid (calendar, icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY), &unknown) ||
          !check_tzid (calendar, icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY), &unknown) ||
          !check_tzid (calendar, rid, &unknown))
        return fail_line (error, v.line, _("the time zone “%s” is neither defined in the file nor known"), unknown);

      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY); p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_RRULE_PROPERTY))
        {
          struct icalrecurrencetype r = icalproperty_get_rrule (p);

          if (r.freq == ICAL_SECONDLY_RECURRENCE || r.freq == ICAL_MINUTELY_RECURRENCE)
            return fail_line (error, v.line, _("the event repeats every second or minute, which no meeting does"));
        }

      if (rid != NULL && icalcomponent_get_uid (c) != NULL)
        g_hash_table_add (overridden,
                          occurrence_key (icalcomponent_get_uid (c),
                                          to_unix (calendar, rid, icalproperty_get_recurrenceid (rid))));
      g_array_append_val (vevents, v);
    }

  for (guint i = 0; i < vevents->len; i++)
    {
      Vevent *v = &g_array_index (vevents, Vevent, i);
      icalcomponent *c = v->comp;
      icalproperty *dtstart_prop = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      struct icaltimetype start = icalproperty_get_dtstart (dtstart_prop);
      g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *fallback_uid = NULL;
      gboolean declined = FALSE;
      Common common = { events, NULL, NULL, NULL, cal_name, NULL };

      if (start.is_date)
        {
          counts->n_all_day++;
          continue;
        }
      if (icalcomponent_get_status (c) == ICAL_STATUS_CANCELLED)
        {
          counts->n_cancelled++;
          continue;
        }

      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_ATTENDEE_PROPERTY); p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_ATTENDEE_PROPERTY))
        {
          const char *address = strip_mailto (icalproperty_get_attendee (p));
          icalparameter *partstat = icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER);

          if (address == NULL || *address == '\0')
            continue;
          if (user_email != NULL && g_ascii_strcasecmp (address, user_email) == 0)
            {
              if (partstat != NULL && icalparameter_get_partstat (partstat) == ICAL_PARTSTAT_DECLINED)
                declined = TRUE;
              continue;
            }
          g_ptr_array_add (attendees, g_ascii_strdown (address, -1));
        }
      {
        icalproperty *organizer = icalcomponent_get_first_property (c, ICAL_ORGANIZER_PROPERTY);
        const char *address = organizer ? strip_mailto (icalproperty_get_organizer (organizer)) : NULL;

        if (address != NULL && *address != '\0' &&
            (user_email == NULL || g_ascii_strcasecmp (address, user_email) != 0))
          g_ptr_array_add (attendees, g_ascii_strdown (address, -1));
      }
      if (declined)
        {
          counts->n_declined++;
          continue;
        }
      g_ptr_array_add (attendees, NULL);

      common.uid = icalcomponent_get_uid (c);
      if (common.uid == NULL)
        common.uid = fallback_uid = g_strdup_printf ("line-%u", v->line);
      common.summary = icalcomponent_get_summary (c);
      common.description = icalcomponent_get_description (c);
      common.attendees = (GStrv) attendees->pdata;

      if (rid != NULL)
        {
          /* An override is its own event, keyed as the instance it
           * replaces, so the key stays the same between exports. */
          gint64 s = to_unix (calendar, dtstart_prop, start);
          g_autofree char *key = occurrence_key (common.uid,
                                                 to_unix (calendar, rid, icalproperty_get_recurrenceid (rid)));

          if (++count > MAX_OCCURRENCES)
            goto too_many;
          add_event (&common, key, s, s + event_length (calendar, c, s));
        }
      else if (!expand (calendar, c, until, overridden, &common, &count))
        goto too_many;
    }

  return TRUE;

too_many:
  g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
               _("the file holds more than %d events up to today, far more than a calendar of meetings"),
               MAX_OCCURRENCES);
  return FALSE;
}

/**
 * bt_import_ics_text:
 * @text: the file's text, NUL-terminated, without NUL bytes
 * @name: what to call the source when the calendar has no name
 *
 * The calendar's events (see bt_import_text()), from its text.
 */
BtImport *
bt_import_ics_text (BtPlan      *plan,
                    const char  *text,
                    const char  *name,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr(GArray) event_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_import_event_free);
  g_autofree char *cal_name = NULL;
  const char *user_email = bt_profile_get_email (bt_plan_get_profile (plan));
  BtImport counts = { 0 };
  icalcomponent *root;
  guint next_event = 0;
  gboolean ok = TRUE;
  BtImport *import;

  if (!check_lines (text, event_lines, error))
    return NULL;

  if (user_email != NULL && *user_email == '\0')
    user_email = NULL;

  root = icalparser_parse_string (text);
  if (root == NULL)
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("libical could not read the file as iCalendar"));
      return NULL;
    }

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    ok = read_events (root, event_lines, &next_event, user_email, now, events, &counts, &cal_name, error);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL && ok; c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      ok = read_events (c, event_lines, &next_event, user_email, now, events, &counts, &cal_name, error);
  icalcomponent_free (root);

  if (!ok)
    return NULL;

  import = bt_import_events (plan, events, cal_name != NULL ? cal_name : name, now);
  import->n_all_day = counts.n_all_day;
  import->n_cancelled = counts.n_cancelled;
  import->n_declined = counts.n_declined;

  return import;
}
