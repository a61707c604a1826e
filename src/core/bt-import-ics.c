/* bt-import-ics.c — events from an iCalendar file (.ics), through libical
 *
 * libical parses, resolves time zones (VTIMEZONE or its built-in ones) and
 * expands recurrences (RRULE, RDATE, EXDATE). Around it: a first pass
 * (bt-import-ics-lines.c) that checks the file's lines, so an error can
 * name the line libical does not tell, and refuses what would make libical
 * crash, hang or cut a list short; overridden instances (RECURRENCE-ID)
 * in place of the ones they replace; and all-day, cancelled and declined events left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "bt-date.h"
#include "bt-import-private.h"

#define MAX_OCCURRENCES 500000

/* A meeting lasts less than a year; more is a mistake in the file. */
#define MAX_LENGTH (G_GINT64_CONSTANT (366) * 24 * 3600)

/* A time libical or GLib cannot place. */
#define NO_TIME G_MININT64

/* ------------------------------------------------------------------ */
/* libical                                                             */

/* Past this length a UID stands for itself by its checksum, so that a
 * huge one is not copied into the key of every instance. */
#define MAX_UID_IN_KEY 200

static char *
uid_in_key (const char *uid)
{
  if (strlen (uid) > MAX_UID_IN_KEY)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uid, -1);

      return g_strconcat ("sha256:", sum, NULL);
    }
  return g_strdup (uid);
}

/* @uid as uid_in_key() gives it. */
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
 * TZID names, or floating (the user's own time zone). NO_TIME for one no
 * calendar of meetings holds, as in the year 0. */
static gint64
to_unix (icalcomponent       *calendar,
         icalproperty        *prop,
         struct icaltimetype  t)
{
  icalparameter *param = prop ? icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER) : NULL;
  icaltimezone *zone = NULL;

  if (t.year < 1 || t.year > 9999)
    return NO_TIME;

  /* libical expands a zone's rules from their first year up to the year
   * asked, which for the year 9999 takes a quarter of a second a zone; a
   * meeting past 2200 is in the future whatever its zone, and UTC places
   * it near enough. */
  if (icaltime_is_utc (t) || (param != NULL && t.year > 2200))
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
    return local != NULL ? g_date_time_to_unix (local) : NO_TIME;
  }
}

typedef struct
{
  icalcomponent *comp;
  guint          line;
} Vevent;

typedef struct
{
  GPtrArray      *events;
  const char     *uid;
  const char     *key_uid;  /* uid_in_key() */
  BtImportShared *shared;   /* summary, description, calendar, attendees */
  BtImportTask   *task;
  double          progress_from;  /* the share of the reading this event is */
  double          progress_to;
} Common;

static void
add_event (Common     *c,
           char       *key,
           gint64      start,
           gint64      end)
{
  g_ptr_array_add (c->events, bt_import_event_new_shared (c->shared, key, start, end));
}

/* The length of an event: DTEND − DTSTART, or its DURATION, counted in
 * 64 bits (libical's own sum wraps past 68 years). */
static gint64
event_length (icalcomponent *calendar,
              icalcomponent *c,
              gint64         start)
{
  icalproperty *dtend = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (c, ICAL_DURATION_PROPERTY);

  if (dtend != NULL)
    {
      gint64 end = to_unix (calendar, dtend, icalproperty_get_dtend (dtend));

      return end == NO_TIME ? NO_TIME : end - start;
    }
  if (duration != NULL)
    {
      struct icaldurationtype d = icalproperty_get_duration (duration);
      gint64 s = ((gint64) d.weeks * 7 + d.days) * 86400 + (gint64) d.hours * 3600 +
                 (gint64) d.minutes * 60 + d.seconds;

      return d.is_neg ? -s : s;
    }
  return 0;
}

/* How long an RDATE given as a period (VALUE=PERIOD: a start and an end,
 * or a start and a duration) lasts, in seconds; FALSE for an RDATE that
 * is a time alone. */
static gboolean
rdate_period_length (icalcomponent                       *calendar,
                     icalproperty                        *p,
                     const struct icaldatetimeperiodtype *rdate,
                     gint64                              *length)
{
  const struct icalperiodtype *period = &rdate->period;
  gint64 start, end;

  if (!icaltime_is_null_time (rdate->time) || icaltime_is_null_time (period->start) || period->start.is_date)
    return FALSE;
  if (!icaltime_is_null_time (period->end))
    {
      start = to_unix (calendar, p, period->start);
      end = to_unix (calendar, p, period->end);
      *length = start == NO_TIME || end == NO_TIME ? NO_TIME : end - start;
    }
  else
    *length = icaldurationtype_as_int (period->duration);

  return TRUE;
}

/* Refuses an event whose times no calendar of meetings holds: outside
 * the years 1 to 9999, or lasting more than a year. */
/* Whether @t names a day of the calendar (and, with a time, a time of the
 * day): libical reads "20250230" as it is and would later count it as
 * 2 March, an event moved without a word. */
static gboolean
is_real_time (struct icaltimetype t)
{
  /* A year out of range is said as such elsewhere (check_times()). */
  if (icaltime_is_null_time (t) || t.year < 1 || t.year > 9999)
    return TRUE;
  if (t.month < 1 || t.month > 12 || !g_date_valid_dmy (t.day, t.month, t.year))
    return FALSE;

  /* RFC 5545 allows a 60th second, for a leap second. */
  return t.is_date || (t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 &&
                       t.second >= 0 && t.second <= 60);
}

/* The first of the event's times (DTSTART, DTEND, RECURRENCE-ID, RDATE,
 * EXDATE) that is no real date and time, NULL if none is. */
static icalproperty *
unreal_time (icalcomponent *c)
{
  static const icalproperty_kind kinds[] = {
    ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_RECURRENCEID_PROPERTY,
    ICAL_RDATE_PROPERTY, ICAL_EXDATE_PROPERTY,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (icalproperty *p = icalcomponent_get_first_property (c, kinds[k]); p != NULL;
         p = icalcomponent_get_next_property (c, kinds[k]))
      {
        struct icaltimetype t;

        switch (kinds[k])
          {
          case ICAL_DTSTART_PROPERTY: t = icalproperty_get_dtstart (p); break;
          case ICAL_DTEND_PROPERTY: t = icalproperty_get_dtend (p); break;
          case ICAL_RECURRENCEID_PROPERTY: t = icalproperty_get_recurrenceid (p); break;
          case ICAL_EXDATE_PROPERTY: t = icalproperty_get_exdate (p); break;
          case ICAL_RDATE_PROPERTY:
          default:
            {
              struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (p);

              if (!is_real_time (rdate.period.start) || !is_real_time (rdate.period.end))
                return p;
              t = rdate.time;
            }
            break;
          }
        if (!is_real_time (t))
          return p;
      }

  return NULL;
}

static gboolean
check_times (icalcomponent  *calendar,
             icalcomponent  *c,
             guint           line,
             GError        **error)
{
  icalproperty *dtstart = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
  icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
  struct icaltimetype start = icalproperty_get_dtstart (dtstart);
  gint64 s = to_unix (calendar, dtstart, start);
  gint64 length;
  icalproperty *unreal = unreal_time (c);

  /* "20250230" is no day: said, not read as 2 March. */
  if (unreal != NULL)
    {
      g_autofree char *text = icalproperty_as_ical_string_r (unreal);

      return bt_import_ics_fail_line (error, line, _("the event that begins here has “%s”, which is no real date "
                                       "and time: expected a day of its month, hours 0 to 23 and minutes 0 to 59"),
                                      g_strstrip (text));
    }

  /* All-day events are left out, whatever their dates. */
  if (start.is_date)
    return TRUE;

  if (s == NO_TIME)
    return bt_import_ics_fail_line (error, line, _("the event that begins here starts at “%s”: expected a DTSTART "
                                     "between the years 1 and 9999"), icaltime_as_ical_string (start));
  if (rid != NULL && to_unix (calendar, rid, icalproperty_get_recurrenceid (rid)) == NO_TIME)
    return bt_import_ics_fail_line (error, line, _("the event that begins here replaces one at “%s”: expected a "
                                     "RECURRENCE-ID between the years 1 and 9999"),
                      icaltime_as_ical_string (icalproperty_get_recurrenceid (rid)));

  /* A meeting at 10:00 that ends on a day (DTEND;VALUE=DATE): RFC 5545
   * wants both of one kind, and the length would run to that day's
   * midnight, days of hours no one spent. */
  {
    icalproperty *dtend = icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY);

    if (dtend != NULL && icalproperty_get_dtend (dtend).is_date)
      return bt_import_ics_fail_line (error, line, _("the event that begins here starts at a time but ends on a "
                                       "day (DTEND;VALUE=DATE): expected a DTEND with a time, as its DTSTART has"));
  }

  length = event_length (calendar, c, s);
  if (length == NO_TIME || length > MAX_LENGTH || length < -MAX_LENGTH)
    return bt_import_ics_fail_line (error, line, _("the event that begins here lasts longer than a year: expected "
                                     "a DTEND or DURATION within a year of its DTSTART"));
  if (length < 0)
    return bt_import_ics_fail_line (error, line, _("the event that begins here ends before it starts: expected "
                                     "a DTEND after its DTSTART"));

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RDATE_PROPERTY))
    {
      struct icaldatetimeperiodtype rdate = icalproperty_get_rdate (p);
      struct icaltimetype t = icaltime_is_null_time (rdate.time) ? rdate.period.start : rdate.time;

      gint64 period;

      if (!icaltime_is_null_time (t) && !t.is_date && to_unix (calendar, p, t) == NO_TIME)
        return bt_import_ics_fail_line (error, line, _("the event that begins here repeats at “%s”: expected an "
                                         "RDATE between the years 1 and 9999"), icaltime_as_ical_string (t));
      /* A repetition given as a period lasts as long as the period says. */
      if (rdate_period_length (calendar, p, &rdate, &period))
        {
          if (period == NO_TIME || period > MAX_LENGTH)
            return bt_import_ics_fail_line (error, line, _("the event that begins here repeats at “%s” for longer "
                                             "than a year: expected an RDATE period within a year"),
                                            icaltime_as_ical_string (t));
          if (period < 0)
            return bt_import_ics_fail_line (error, line, _("the event that begins here repeats at “%s” over a "
                                             "period that ends before it starts: expected its end after its start"),
                                            icaltime_as_ical_string (t));
        }
    }

  return TRUE;
}

/* A day given alone (VALUE=DATE) in an EXDATE, an RDATE or an UNTIL of a
 * meeting with a time: RFC 5545 wants the same kind as DTSTART, but
 * calendars write the day, meaning that day's meeting, as Google Calendar
 * and Outlook read it. It becomes that day at DTSTART's time (or, for
 * @day_end, at the day's end), in DTSTART's zone. */
static struct icaltimetype
on_dtstart_time (struct icaltimetype day,
                 struct icaltimetype dtstart,
                 gboolean            day_end)
{
  if (!day.is_date || dtstart.is_date || icaltime_is_null_time (day))
    return day;

  day.is_date = 0;
  day.hour = day_end ? 23 : dtstart.hour;
  day.minute = day_end ? 59 : dtstart.minute;
  day.second = day_end ? 59 : dtstart.second;
  day.zone = dtstart.zone;

  return day;
}

/* Whether an instance libical gives is one of its rule's: libical 3.0
 * gets BYWEEKNO wrong around the new year (FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO
 * gave Tuesday 30 December too, and BYWEEKNO=53 a Monday in week 1 of a
 * year without a week 53). The instance's weekday must be one of BYDAY's
 * and its ISO week one of BYWEEKNO's (negative ones counted from the
 * year's last week). */
static gboolean
fits_rule (const struct icalrecurrencetype *rule,
           struct icaltimetype              t)
{
  GDate day;

  if (!g_date_valid_dmy (t.day, t.month, t.year))
    return TRUE;   /* to_unix() says what is wrong */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, t.day, t.month, t.year);

  if (rule->by_day[0] != ICAL_RECURRENCE_ARRAY_MAX)
    {
      gboolean found = FALSE;
      /* libical's weekdays run from Sunday, 1, to Saturday, 7. */
      int weekday = g_date_get_weekday (&day) % 7 + 1;

      for (guint i = 0; i < ICAL_BY_DAY_SIZE && rule->by_day[i] != ICAL_RECURRENCE_ARRAY_MAX && !found; i++)
        found = (int) icalrecurrencetype_day_day_of_week (rule->by_day[i]) == weekday;
      if (!found)
        return FALSE;
    }

  if (rule->by_week_no[0] != ICAL_RECURRENCE_ARRAY_MAX)
    {
      gboolean found = FALSE;
      int iso_year, week, n_weeks;

      bt_iso_week_of_date (&day, &iso_year, &week);
      n_weeks = bt_iso_week_count (iso_year);
      for (guint i = 0; i < ICAL_BY_WEEKNO_SIZE && rule->by_week_no[i] != ICAL_RECURRENCE_ARRAY_MAX && !found; i++)
        {
          int wanted = rule->by_week_no[i];

          found = wanted == week || (wanted < 0 && n_weeks + wanted + 1 == week);
        }
      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Every start of a recurring event up to @until: DTSTART, the RRULE's
 * instances and the RDATEs, less the EXDATEs and the instances an override
 * replaces. @goes_on tells whether the RRULE repeats after @until. Returns FALSE with @error when there are too many, or when
 * the reading is cancelled. */
static gboolean
expand (icalcomponent  *calendar,
        icalcomponent  *c,
        gint64          until,
        GHashTable     *overridden,
        GHashTable     *replaced,
        Common         *common,
        guint          *count,
        gboolean       *goes_on,
        GError        **error)
{
  icalproperty *dtstart_prop = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
  struct icaltimetype dtstart = icalproperty_get_dtstart (dtstart_prop);
  gint64 first = to_unix (calendar, dtstart_prop, dtstart);
  gint64 length = MAX (0, event_length (calendar, c, first));
  g_autoptr(GHashTable) excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) lengths = NULL;   /* the RDATE periods' own lengths, by start */

  gboolean recurring = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL ||
                       icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY) != NULL;

  g_array_append_val (starts, first);

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_EXDATE_PROPERTY))
    {
      gint64 *t = g_new (gint64, 1);

      struct icaltimetype exdate = icalproperty_get_exdate (p);

      /* A day alone leaves out that day's meeting; its time is DTSTART's,
       * in DTSTART's zone. */
      *t = exdate.is_date && !dtstart.is_date ? to_unix (calendar, dtstart_prop, on_dtstart_time (exdate, dtstart, FALSE))
                                              : to_unix (calendar, p, exdate);
      g_hash_table_add (excluded, t);
    }

  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_RRULE_PROPERTY))
    {
      struct icalrecurrencetype rule = icalproperty_get_rrule (p);
      gint64 rule_until = G_MAXINT64;
      icalrecur_iterator *it;

      /* An UNTIL in UTC (as Thunderbird and Outlook write it: the start of
       * the last instance) against a DTSTART in a zone: libical 3.0
       * compares its digits with the instances' wall-clock times, and
       * drops the last one east of UTC, or adds one west of it. The
       * series ends here instead, at that instant. */
      if (!icaltime_is_null_time (rule.until) && !rule.until.is_date && icaltime_is_utc (rule.until) &&
          !icaltime_is_utc (dtstart))
        {
          rule_until = icaltime_as_timet_with_zone (rule.until, icaltimezone_get_utc_timezone ());
          rule.until = icaltime_null_time ();
        }
      /* UNTIL=20251117 for a meeting at 10:00: the meeting of the 17th is
       * the last, not left out (libical would read the day's midnight). */
      rule.until = on_dtstart_time (rule.until, dtstart, TRUE);
      it = icalrecur_iterator_new (rule, dtstart);
      if (it == NULL)
        continue;
      for (struct icaltimetype t = icalrecur_iterator_next (it); !icaltime_is_null_time (t);
           t = icalrecur_iterator_next (it))
        {
          /* The instances are wall-clock times in DTSTART's zone. */
          gint64 s = to_unix (calendar, dtstart_prop, t);

          if (!fits_rule (&rule, t))
            continue;

          if (s != NO_TIME && s > rule_until)
            break;

          /* A series that has not begun counts as its first event, after
           * today, not as a series going on. */
          if (s != NO_TIME && s >= until && first < until)
            *goes_on = TRUE;
          if (s == NO_TIME || s >= until)
            break;
          if (starts->len > MAX_OCCURRENCES)
            {
              icalrecur_iterator_free (it);
              return FALSE;
            }
          /* An hourly meeting since 1970 is many steps on its own. */
          if (starts->len % 4096 == 0 &&
              !bt_import_task_step (common->task,
                                    common->progress_from + (common->progress_to - common->progress_from) *
                                    (double) (s - first) / MAX (until - first, 1), error))
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
      gint64 s, period;

      if (icaltime_is_null_time (t) || (t.is_date && dtstart.is_date))
        continue;
      /* A day alone adds a meeting that day, at DTSTART's time. */
      s = t.is_date ? to_unix (calendar, dtstart_prop, on_dtstart_time (t, dtstart, FALSE)) : to_unix (calendar, p, t);
      g_array_append_val (starts, s);
      /* Checked in check_times(): a period of its own, within a year. */
      if (rdate_period_length (calendar, p, &rdate, &period) && period != NO_TIME && period >= 0)
        {
          if (lengths == NULL)
            lengths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
          g_hash_table_insert (lengths, g_memdup2 (&s, sizeof s), g_memdup2 (&period, sizeof period));
        }
    }

  for (guint i = 0; i < starts->len; i++)
    {
      gint64 *s = &g_array_index (starts, gint64, i);
      g_autofree char *key = NULL;

      if (g_hash_table_contains (excluded, s) || g_hash_table_contains (seen, s))
        continue;
      g_hash_table_add (seen, s);
      key = occurrence_key (common->key_uid, *s);
      if (g_hash_table_contains (overridden, key))
        {
          g_hash_table_add (replaced, g_steal_pointer (&key));
          continue;
        }
      /* A single event is its UID alone, so moving it in the calendar
       * moves it in the plan instead of adding it twice. */
      if (!recurring)
        {
          g_free (key);
          key = g_strdup (common->uid);
        }
      if (++*count > MAX_OCCURRENCES)
        return FALSE;
      {
        const gint64 *own = lengths != NULL ? g_hash_table_lookup (lengths, s) : NULL;

        add_event (common, g_steal_pointer (&key), *s, *s + (own != NULL ? *own : length));
      }
    }

  return TRUE;
}

static gboolean
read_events (icalcomponent  *calendar,
             GArray         *event_lines,
             guint          *next_event,
             const char     *user_email,
             GDateTime      *now,
             BtImportSource *source,
             BtImportTask   *task,
             GError        **error)
{
  g_autoptr(GArray) vevents = g_array_new (FALSE, FALSE, sizeof (Vevent));
  g_autoptr(GHashTable) overridden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The instances an override replaces that the recurring events have,
   * and the UIDs of those events. */
  g_autoptr(GHashTable) replaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) recurring = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *cal_name = calendar_name (calendar);
  gint64 until = g_date_time_to_unix (now);
  guint count = source->events->len;

  if (source->name == NULL && cal_name != NULL)
    source->name = g_strdup (cal_name);

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
        {
          g_autofree char *what = bt_import_excerpt (icalproperty_get_xlicerror (error_prop));

          return bt_import_ics_fail_line (error, v.line, _("the event that begins here could not be read: %s"), what);
        }
      if (icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY) == NULL)
        return bt_import_ics_fail_line (error, v.line, _("the event that begins here has no DTSTART"));
      if (!check_tzid (calendar, icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY), &unknown) ||
          !check_tzid (calendar, icalcomponent_get_first_property (c, ICAL_DTEND_PROPERTY), &unknown) ||
          !check_tzid (calendar, rid, &unknown))
        {
          g_autofree char *what = bt_import_excerpt (unknown);

          return bt_import_ics_fail_line (error, v.line, _("the time zone “%s” is neither defined in the file nor known"), what);
        }
      if (!check_times (calendar, c, v.line, error))
        return FALSE;

      if (rid != NULL && icalcomponent_get_uid (c) != NULL)
        {
          g_autofree char *key_uid = uid_in_key (icalcomponent_get_uid (c));

          g_hash_table_add (overridden,
                            occurrence_key (key_uid, to_unix (calendar, rid, icalproperty_get_recurrenceid (rid))));
        }
      else if (icalcomponent_get_uid (c) != NULL &&
               (icalcomponent_get_first_property (c, ICAL_RRULE_PROPERTY) != NULL ||
                icalcomponent_get_first_property (c, ICAL_RDATE_PROPERTY) != NULL))
        g_hash_table_add (recurring, uid_in_key (icalcomponent_get_uid (c)));
      g_array_append_val (vevents, v);
    }

  /* The overrides after all the recurring events, which tell whether the
   * instance each replaces exists. */
  for (guint i = 0; i < vevents->len; i++)
    if (icalcomponent_get_first_property (g_array_index (vevents, Vevent, i).comp, ICAL_RECURRENCEID_PROPERTY) == NULL)
      g_array_append_val (order, i);
  for (guint i = 0; i < vevents->len; i++)
    if (icalcomponent_get_first_property (g_array_index (vevents, Vevent, i).comp, ICAL_RECURRENCEID_PROPERTY) != NULL)
      g_array_append_val (order, i);

  for (guint n = 0; n < order->len; n++)
    {
      guint i = g_array_index (order, guint, n);
      Vevent *v = &g_array_index (vevents, Vevent, i);
      icalcomponent *c = v->comp;
      icalproperty *dtstart_prop = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);
      icalproperty *rid = icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY);
      struct icaltimetype start = icalproperty_get_dtstart (dtstart_prop);
      g_autoptr(GPtrArray) attendees = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *fallback_uid = NULL;
      g_autofree char *key_uid = NULL;
      gboolean declined = FALSE;
      Common common = { source->events, NULL, NULL, NULL, task,
                        0.5 + 0.5 * n / vevents->len, 0.5 + 0.5 * (n + 1) / vevents->len };
      gboolean ok;

      if (!bt_import_task_step (task, common.progress_from, error))
        return FALSE;

      if (start.is_date)
        {
          source->n_all_day++;
          continue;
        }
      if (icalcomponent_get_status (c) == ICAL_STATUS_CANCELLED)
        {
          source->n_cancelled++;
          continue;
        }

      for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_ATTENDEE_PROPERTY); p != NULL;
           p = icalcomponent_get_next_property (c, ICAL_ATTENDEE_PROPERTY))
        {
          const char *address = strip_mailto (icalproperty_get_attendee (p));
          icalparameter *partstat = icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER);
          icalparameter *cn = icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER);

          if (address == NULL || *address == '\0')
            continue;
          if (user_email != NULL && g_ascii_strcasecmp (address, user_email) == 0)
            {
              if (partstat != NULL && icalparameter_get_partstat (partstat) == ICAL_PARTSTAT_DECLINED)
                declined = TRUE;
              continue;
            }
          g_ptr_array_add (attendees, g_ascii_strdown (address, -1));
          /* Their name, for a relationship the plan has no address of. */
          if (cn != NULL && icalparameter_get_cn (cn) != NULL && *icalparameter_get_cn (cn) != '\0')
            g_ptr_array_add (names, g_strdup (icalparameter_get_cn (cn)));
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
          source->n_declined++;
          continue;
        }
      g_ptr_array_add (attendees, NULL);
      g_ptr_array_add (names, NULL);

      common.uid = icalcomponent_get_uid (c);
      /* Without a UID, the event is known by its start and title, which
       * the next export of the calendar keeps: not by its line, which an
       * event added above it moves (its touchpoints then came twice). */
      if (common.uid == NULL)
        {
          g_autofree char *begins = icalproperty_as_ical_string_r (dtstart_prop);
          g_autofree char *what = g_strconcat (begins, "\n", icalcomponent_get_summary (c), NULL);
          g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, what, -1);

          common.uid = fallback_uid = g_strdup_printf ("no-uid-%.16s", sum);
        }
      common.key_uid = key_uid = uid_in_key (common.uid);
      /* The texts once for all the instances (a long description on an
       * hourly event would otherwise fill the memory). */
      common.shared = bt_import_shared_new (icalcomponent_get_summary (c), icalcomponent_get_description (c),
                                            cal_name, (const char * const *) attendees->pdata,
                                            (const char * const *) names->pdata);

      if (rid != NULL)
        {
          /* An override is its own event, keyed as the instance it
           * replaces, so the key stays the same between exports. */
          gint64 s = to_unix (calendar, dtstart_prop, start);
          gint64 replaces = to_unix (calendar, rid, icalproperty_get_recurrenceid (rid));
          char *key = occurrence_key (common.key_uid, replaces);

          /* An instance its recurring event does not have (up to today)
           * is no meeting: it is not added as one. An override with no
           * recurring event in the file (an invitation to one instance)
           * is the meeting. */
          if (replaces < until && g_hash_table_contains (recurring, common.key_uid) &&
              !g_hash_table_contains (replaced, key))
            {
              source->n_no_instance++;
              g_free (key);
              bt_import_shared_unref (common.shared);
              continue;
            }
          ok = ++count <= MAX_OCCURRENCES;
          if (ok)
            add_event (&common, key, s, s + MAX (0, event_length (calendar, c, s)));
          else
            g_free (key);
        }
      else
        {
          gboolean goes_on = FALSE;

          ok = expand (calendar, c, until, overridden, replaced, &common, &count, &goes_on, error);
          /* Its repetitions after today are not read (an RRULE may never
           * end): the event counts once, as a series that goes on. */
          source->n_future_series += goes_on;
        }
      bt_import_shared_unref (common.shared);

      if (!ok && error != NULL && *error != NULL)
        return FALSE;
      if (!ok)
        {
          /* TRANSLATORS: "line 12: with the event that begins here, the file holds more than 500000 events…" */
          g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                       _("line %u: with the event that begins here, the file holds more than %d events up to "
                         "today, far more than a calendar of meetings: expected fewer, or an RRULE that ends"),
                       v->line, MAX_OCCURRENCES);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * bt_import_ics_read: (skip)
 * @text: the file's text, NUL-terminated, without NUL bytes
 * @name: what to call the source when the calendar has no name
 * @user_email: (nullable): the user's address, to leave out the events
 *   they declined
 *
 * The calendar's events, from its text; touches no plan, so it can run
 * in a worker thread.
 */
BtImportSource *
bt_import_ics_read (const char    *text,
                    const char    *name,
                    const char    *user_email,
                    GDateTime     *now,
                    BtImportTask  *task,
                    GError       **error)
{
  g_autoptr(GArray) event_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(BtImportSource) source = g_new0 (BtImportSource, 1);
  gsize length = strlen (text);
  g_autoptr(GString) lines = g_string_sized_new (length + 64);
  icalcomponent *root;
  guint next_event = 0;
  gboolean ok = TRUE;

  source->events = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_import_event_free);

  if (!bt_import_task_step (task, 0.0, error) ||
      !bt_import_ics_check_lines (text, length, event_lines, lines, task, error) ||
      !bt_import_task_step (task, 0.25, error))
    return NULL;

  if (user_email != NULL && *user_email == '\0')
    user_email = NULL;

  root = icalparser_parse_string (lines->str);
  g_string_free (g_steal_pointer (&lines), TRUE);
  if (root == NULL)
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("libical could not read the file as iCalendar"));
      return NULL;
    }

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    ok = read_events (root, event_lines, &next_event, user_email, now, source, task, error);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
         c != NULL && ok; c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      ok = read_events (c, event_lines, &next_event, user_email, now, source, task, error);
  icalcomponent_free (root);

  if (!ok)
    return NULL;

  if (source->name == NULL)
    source->name = g_strdup (name);
  return g_steal_pointer (&source);
}
