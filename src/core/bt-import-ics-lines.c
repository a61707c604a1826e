/* bt-import-ics-lines.c — the first pass over an iCalendar file: its lines
 *
 * Before libical sees a calendar (bt-import-ics.c), this pass checks the
 * file's structure line by line, so that an error can name the line
 * libical does not tell, refuses what would make libical crash, hang or
 * cut a list short, notes where each VEVENT begins, and unfolds the lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "bt-import-private.h"

/* No real calendar nests components deeper than a handful of levels
 * (VCALENDAR, VEVENT, VALARM); libical frees them recursively, so a deep
 * enough file would crash it. */
#define MAX_DEPTH 64

/* libical expands each time zone's rules from their first year on: a
 * calendar needs one zone per place its meetings are in. */
#define MAX_TIME_ZONES 100

/* libical keeps at most 500 values of an EXDATE or RDATE list and drops
 * the rest without a word; lists go to it in pieces of this many. */
#define LIST_PIECE 100

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

gboolean
bt_import_ics_fail_line (GError    **error,
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

static guint
n_by_values (const short *values,
             guint        size)
{
  guint n = 0;

  while (n < size && values[n] != ICAL_RECURRENCE_ARRAY_MAX)
    n++;
  return n;
}

/* Whether some day of BYMONTHDAY exists in some month of BYMONTH:
 * BYMONTH=2;BYMONTHDAY=30 never does, and libical would look for it until
 * the year 2582, step by step. */
static gboolean
rule_can_match (const struct icalrecurrencetype *r)
{
  static const int month_days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  guint n_days = n_by_values (r->by_month_day, ICAL_BY_MONTHDAY_SIZE);
  guint n_months = n_by_values (r->by_month, ICAL_BY_MONTH_SIZE);

  if (n_days == 0)
    return TRUE;

  for (guint d = 0; d < n_days; d++)
    {
      int day = abs (r->by_month_day[d]);

      if (n_months == 0 && day >= 1 && day <= 31)
        return TRUE;
      for (guint m = 0; m < n_months; m++)
        {
          int month = icalrecurrencetype_month_month (r->by_month[m]);

          if (month >= 1 && month <= 12 && day >= 1 && day <= month_days[month - 1])
            return TRUE;
        }
    }

  return FALSE;
}

/* How often a yearly time-zone rule changes in one year, counting up to 3:
 * BYYEARDAY, BYMONTHDAY, BYWEEKNO or BYDAY lists can make a "yearly" rule
 * change every day, which libical works out from the zone's DTSTART (often
 * the year 1) for every event. The rule is expanded over one year only,
 * from a fixed day: what it leaves to DTSTART is one value either way. */
static guint
zone_changes_per_year (const struct icalrecurrencetype *rule)
{
  struct icalrecurrencetype r = *rule;
  struct icaltimetype start = icaltime_from_string ("20010101T000000");
  struct icaltimetype end = icaltime_from_string ("20020101T000000");
  icalrecur_iterator *it;
  guint n = 0;

  r.count = 0;
  r.until = icaltime_null_time ();
  it = icalrecur_iterator_new (r, start);
  if (it == NULL)
    return 0;
  while (n <= 2)
    {
      struct icaltimetype t = icalrecur_iterator_next (it);

      if (icaltime_is_null_time (t) || icaltime_compare (t, end) >= 0)
        break;
      n++;
    }
  icalrecur_iterator_free (it);

  return n;
}

/* Refuses the rules libical would spend minutes or forever on: an event
 * repeating within the hour, a time zone changing more often than yearly,
 * a rule no day can match. */
static gboolean
check_rule (const char  *value,
            const char  *component,
            guint        line,
            GError     **error)
{
  struct icalrecurrencetype r = icalrecurrencetype_from_string (value);
  gboolean zone = g_str_equal (component, "STANDARD") || g_str_equal (component, "DAYLIGHT");

  /* A rule libical cannot read: said here, at its line, rather than by
   * libical at the event's. A to-do's or a journal's is not read. */
  if (r.freq == ICAL_NO_RECURRENCE && !zone && !g_str_equal (component, "VEVENT"))
    return TRUE;
  if (r.freq == ICAL_NO_RECURRENCE)
    {
      g_autofree char *got = bt_import_excerpt (value);

      return bt_import_ics_fail_line (error, line, _("expected a rule such as FREQ=WEEKLY;BYDAY=MO,WE, got “%s”"), got);
    }

  if (zone && (r.freq != ICAL_YEARLY_RECURRENCE ||
               n_by_values (r.by_hour, ICAL_BY_HOUR_SIZE) > 1 ||
               n_by_values (r.by_minute, ICAL_BY_MINUTE_SIZE) > 1 ||
               n_by_values (r.by_second, ICAL_BY_SECOND_SIZE) > 1))
    return bt_import_ics_fail_line (error, line, _("the time zone changes more often than once a year: "
                                     "expected a rule such as FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));

  if (!zone && (r.freq == ICAL_SECONDLY_RECURRENCE || r.freq == ICAL_MINUTELY_RECURRENCE ||
                n_by_values (r.by_minute, ICAL_BY_MINUTE_SIZE) > 1 ||
                n_by_values (r.by_second, ICAL_BY_SECOND_SIZE) > 1))
    return bt_import_ics_fail_line (error, line, _("the event repeats every second or minute, which no meeting does: "
                                     "expected at most one BYMINUTE and one BYSECOND"));

  if (!rule_can_match (&r))
    return bt_import_ics_fail_line (error, line, _("no day matches both BYMONTH and BYMONTHDAY, so the rule never "
                                     "repeats: expected days that exist, as in BYMONTH=2;BYMONTHDAY=28"));

  if (zone && zone_changes_per_year (&r) > 2)
    return bt_import_ics_fail_line (error, line, _("the time zone changes more than twice a year: "
                                     "expected a rule such as FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));

  return TRUE;
}

/* A logical line for libical, folded again every thousand bytes (between
 * characters): libical takes time growing with the square of a line's
 * length, but reads folded lines at once. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       len)
{
  while (len > 1000)
    {
      gsize n = 1000;

      while (n > 1 && (line[n] & 0xC0) == 0x80)
        n--;
      g_string_append_len (out, line, n);
      g_string_append (out, "\r\n ");
      line += n;
      len -= n;
    }
  g_string_append_len (out, line, len);
  g_string_append (out, "\r\n");
}

/* An EXDATE or RDATE line, in pieces of LIST_PIECE values. */
static void
append_list (GString    *out,
             const char *line,
             const char *value)
{
  g_autoptr(GString) piece = g_string_new (NULL);
  const char *p = value;

  while (TRUE)
    {
      const char *end = p;

      for (guint n = 0; n < LIST_PIECE && end != NULL; n++)
        end = strchr (end + (n > 0), ',');
      g_string_assign (piece, "");
      g_string_append_len (piece, line, value - line);
      g_string_append_len (piece, p, end != NULL ? (gsize) (end - p) : strlen (p));
      append_folded (out, piece->str, piece->len);
      if (end == NULL)
        return;
      p = end + 1;
    }
}

/* Checks the structure of the file, notes where each of the calendar's
 * VEVENTs begins, and writes the lines unfolded into @out for libical. */
gboolean
bt_import_ics_check_lines (const char    *text,
                           gsize          length,
                           GArray        *event_lines,
                           GString       *out,
                           BtImportTask  *task,
                           GError       **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (Open));
  g_autoptr(GString) logical = g_string_new (NULL);
  /* Where each folded line goes on in @logical, to name the line of a
   * byte that is not UTF-8. */
  g_autoptr(GArray) folds = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *p = text;
  const char *first_end = strpbrk (text, "\r\n");
  char eol_char = '\n';
  guint line_no = 0;
  guint logical_line = 0;
  guint n_zones = 0;
  gboolean seen_calendar = FALSE;

  g_array_set_clear_func (stack, (GDestroyNotify) open_clear);

  /* A byte order mark, as some Windows tools write, says nothing. */
  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  /* Lines that end in CR alone (old Mac tools) are lines all the same. */
  if (first_end != NULL && first_end[0] == '\r' && first_end[1] != '\n')
    eol_char = '\r';

  while (TRUE)
    {
      const char *line = NULL;
      gsize len = 0;

      if (*p != '\0')
        {
          const char *eol = strchr (p, eol_char);

          if (eol == NULL)
            eol = p + strlen (p);
          line = p;
          len = eol - p;
          line_no++;
          p = *eol != '\0' ? eol + 1 : eol;
          if (line_no % 65536 == 0 &&
              !bt_import_task_step (task, 0.25 * (p - text) / MAX (length, 1), error))
            return FALSE;
          if (len > 0 && line[len - 1] == '\r')
            len--;
          /* A folded line goes on the one before, even inside a character
           * (RFC 5545 3.1): UTF-8 is checked once the line is whole. */
          if (len > 0 && (line[0] == ' ' || line[0] == '\t') && logical->len > 0)
            {
              g_array_append_val (folds, logical->len);
              g_string_append_len (logical, line + 1, len - 1);
              continue;
            }
        }

      /* The logical line before this one is complete. */
      if (logical->len > 0)
        {
          const char *value = NULL;
          const char *bad = NULL;

          if (!g_utf8_validate_len (logical->str, logical->len, &bad))
            {
              guint bad_line = logical_line;

              for (guint i = 0; i < folds->len && g_array_index (folds, gsize, i) <= (gsize) (bad - logical->str); i++)
                bad_line++;
              return bt_import_ics_fail_line (error, bad_line, _("the text is not valid UTF-8"));
            }
          g_array_set_size (folds, 0);
          g_autofree char *name = line_name (logical->str, &value);
          Open *top = stack->len > 0 ? &g_array_index (stack, Open, stack->len - 1) : NULL;

          if (!seen_calendar && (name == NULL || !g_str_equal (name, "BEGIN") ||
                                 g_ascii_strcasecmp (value, "VCALENDAR") != 0))
            return bt_import_ics_fail_line (error, logical_line,
                              _("expected BEGIN:VCALENDAR: this is not an iCalendar file"));

          if (name == NULL)
            {
              g_autofree char *got = bt_import_excerpt (logical->str);

              return bt_import_ics_fail_line (error, logical_line,
                                _("expected NAME:VALUE, as in “SUMMARY:Roadmap review”, got “%s”"), got);
            }

          seen_calendar = TRUE;

          if (g_str_equal (name, "BEGIN"))
            {
              Open o = { g_ascii_strup (value, -1), logical_line, FALSE };

              if (stack->len >= MAX_DEPTH)
                {
                  open_clear (&o);
                  return bt_import_ics_fail_line (error, logical_line,
                                    _("the components are nested more than %d levels deep: "
                                      "expected BEGIN … END nested a few levels, as in any calendar"),
                                    MAX_DEPTH);
                }
              if (g_str_equal (o.name, "VTIMEZONE") && ++n_zones > MAX_TIME_ZONES)
                {
                  open_clear (&o);
                  return bt_import_ics_fail_line (error, logical_line,
                                    _("the file defines more than %d time zones: expected one for "
                                      "each place the meetings are in"), MAX_TIME_ZONES);
                }
              /* libical drops a component inside one of its own kind
               * without a word, and the events in it with it. */
              if (g_str_equal (o.name, "VEVENT") || g_str_equal (o.name, "VCALENDAR"))
                for (guint i = stack->len; i > 0; i--)
                  {
                    Open *outer = &g_array_index (stack, Open, i - 1);

                    if (g_str_equal (outer->name, o.name))
                      {
                        guint outer_line = outer->line;
                        g_autofree char *got = bt_import_excerpt (o.name);

                        open_clear (&o);
                        return bt_import_ics_fail_line (error, logical_line,
                                          _("BEGIN:%s inside the one from line %u: expected END:%s "
                                            "before the next one begins"), got, outer_line, got);
                      }
                  }
              /* Only the calendar's own events: one inside an alarm is
               * not libical's, and would shift the lines of the rest. */
              if (g_str_equal (o.name, "VEVENT") && top != NULL && g_str_equal (top->name, "VCALENDAR"))
                g_array_append_val (event_lines, logical_line);
              g_array_append_val (stack, o);
            }
          else if (g_str_equal (name, "END"))
            {
              g_autofree char *got = bt_import_excerpt (value);

              if (top == NULL)
                return bt_import_ics_fail_line (error, logical_line, _("END:%s closes nothing"), got);
              if (g_ascii_strcasecmp (top->name, value) != 0)
                {
                  g_autofree char *open = bt_import_excerpt (top->name);

                  return bt_import_ics_fail_line (error, logical_line, _("END:%s, but BEGIN:%s from line %u is still open"),
                                    got, open, top->line);
                }
              if (g_str_equal (top->name, "VEVENT") && !top->has_dtstart)
                return bt_import_ics_fail_line (error, top->line, _("the event that begins here has no DTSTART"));
              g_array_set_size (stack, stack->len - 1);
            }
          else if (top == NULL)
            {
              g_autofree char *got = bt_import_excerpt (name);

              return bt_import_ics_fail_line (error, logical_line, _("“%s” is outside BEGIN:VCALENDAR … END:VCALENDAR"), got);
            }
          else if (g_str_equal (name, "DTSTART"))
            top->has_dtstart = TRUE;
          else if (g_str_equal (name, "DURATION") && g_str_equal (top->name, "VEVENT") && value[0] == '-')
            {
              g_autofree char *got = bt_import_excerpt (value);

              return bt_import_ics_fail_line (error, logical_line, _("the event lasts “%s”, less than nothing: expected "
                                                       "a DURATION such as PT1H"), got);
            }
          else if (g_str_equal (name, "RRULE") && !check_rule (value, top->name, logical_line, error))
            return FALSE;

          /* An attendee with no address (ATTENDEE;CN=Room 1:) is no one
           * to count; libical would refuse the whole event. */
          if ((g_str_equal (name, "ATTENDEE") || g_str_equal (name, "ORGANIZER")) && *value == '\0')
            ;
          else if (g_str_equal (name, "EXDATE") || g_str_equal (name, "RDATE"))
            append_list (out, logical->str, value);
          else
            append_folded (out, logical->str, logical->len);
          g_string_truncate (logical, 0);
        }

      if (line == NULL)
        break;
      if (len > 0)
        {
          g_string_append_len (logical, line, len);
          logical_line = line_no;
        }
    }

  if (!seen_calendar)
    return bt_import_ics_fail_line (error, 1, _("expected BEGIN:VCALENDAR: this is not an iCalendar file"));
  if (stack->len > 0)
    {
      Open *top = &g_array_index (stack, Open, stack->len - 1);
      g_autofree char *open = bt_import_excerpt (top->name);

      return bt_import_ics_fail_line (error, top->line, _("BEGIN:%s is never closed"), open);
    }

  return TRUE;
}
