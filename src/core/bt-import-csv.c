/* bt-import-csv.c — time entries from a Toggl Track or Clockify detailed
 * report (CSV)
 *
 * Both trackers document their detailed report's columns; the ones read
 * here are named alike in both (Toggl: "Start date", Clockify: "Start
 * Date"), so one reader takes either. The project stands where a calendar's
 * name does, so a "calendar" rule maps a project; tags, task and client go
 * with the description, so a "words" rule maps a tag.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-import-private.h"

/* A detailed report has some twenty columns; a row with many more is not
 * one, and would only fill the memory. */
#define MAX_COLUMNS 1000

/* Far more entries than anyone tracks in a working life. */
#define MAX_ENTRIES 500000

/* An entry lasts less than a year. */
#define MAX_HOURS (366 * 24)
#define MAX_ENTRY_SECONDS (24 * 3600)

typedef struct
{
  const char *text;
  const char *p;
  guint       line;
} CsvReader;

/* The next row of a report (RFC 4180: fields separated by commas, quoted
 * with double quotes, which double inside; a quoted field may hold line
 * breaks), read as the file goes so that only one row is in memory. Rows
 * end with CRLF, LF or a lone CR (the old Mac line end some spreadsheets
 * still write); blank rows are skipped. Returns FALSE at the end, or with
 * @error. @row is a NULL-terminated array of the fields. */
static gboolean
csv_next_row (CsvReader  *r,
              GPtrArray  *row,
              guint      *row_line,
              GError    **error)
{
  g_ptr_array_set_size (row, 0);

  while (*r->p != '\0')
    {
      *row_line = r->line;

      while (TRUE)
        {
          char *value;

          if (*r->p == '"')
            {
              guint quote_line = r->line;
              GString *field = g_string_new (NULL);

              r->p++;
              while (TRUE)
                {
                  gsize n = strcspn (r->p, "\"\r\n");

                  g_string_append_len (field, r->p, n);
                  r->p += n;
                  if (*r->p == '\0')
                    {
                      g_string_free (field, TRUE);
                      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                                   _("line %u: a quoted field is never closed"), quote_line);
                      return FALSE;
                    }
                  if (r->p[0] == '"' && r->p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      r->p += 2;
                    }
                  else if (*r->p == '"')
                    {
                      r->p++;
                      break;
                    }
                  else
                    {
                      gsize eol = r->p[0] == '\r' && r->p[1] == '\n' ? 2 : 1;

                      g_string_append_len (field, r->p, eol);
                      r->p += eol;
                      r->line++;
                    }
                }
              value = g_string_free (field, FALSE);
              if (*r->p != ',' && *r->p != '\n' && *r->p != '\r' && *r->p != '\0')
                {
                  g_free (value);
                  g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                               _("line %u: expected a comma or the end of the line after a quoted field"),
                               r->line);
                  return FALSE;
                }
            }
          else
            {
              gsize n = strcspn (r->p, ",\r\n");

              value = g_strndup (r->p, n);
              r->p += n;
            }

          if (row->len >= MAX_COLUMNS)
            {
              g_free (value);
              g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                           _("line %u: more than %d columns: expected the some twenty columns of a "
                             "Toggl Track or Clockify detailed report"), *row_line, MAX_COLUMNS);
              return FALSE;
            }
          g_ptr_array_add (row, value);
          if (*r->p != ',')
            break;
          r->p++;
        }

      /* The end of the row. */
      if (*r->p == '\r')
        r->p += r->p[1] == '\n' ? 2 : 1;
      else if (*r->p == '\n')
        r->p++;
      r->line++;

      if (row->len > 1 || ((char *) row->pdata[0])[0] != '\0')
        {
          g_ptr_array_add (row, NULL);
          return TRUE;
        }
      g_ptr_array_set_size (row, 0);
    }

  return FALSE;
}

static int
find_column (GStrv       header,
             const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (header[i]));

      if (g_ascii_strcasecmp (h, name) == 0)
        return i;
    }

  return -1;
}

static const char *
cell (GStrv row,
      int   column)
{
  if (column < 0)
    return "";
  for (int i = 0; i <= column; i++)
    if (row[i] == NULL)
      return "";
  return row[column];
}

/* Up to @max_digits decimal digits at *@p, and past them: no sign, no
 * number that would wrap (4294967301 is not 5). */
static gboolean
read_number (const char **p,
             guint        max_digits,
             int         *out)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit ((*p)[n]))
    {
      if (++n > max_digits)
        return FALSE;
      v = v * 10 + ((*p)[n - 1] - '0');
    }
  if (n == 0)
    return FALSE;
  *p += n;
  *out = v;
  return TRUE;
}

static gboolean
at_end (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '\0';
}

/* 2026-11-02, 11/02/2026 (Clockify's default) or 02.11.2026. */
static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  const char *p = text;
  const char *first, *last;
  gboolean year_first;
  int a, b, c;
  char s1, s2;

  while (*p == ' ' || *p == '\t')
    p++;
  first = p;
  if (!read_number (&p, 4, &a) || (s1 = *p) == '\0')
    return FALSE;
  /* 0002-01-05 is a year first, as 2026-01-05 is. */
  year_first = s1 == '-' && (p - first == 4 || a > 31);
  if (!(p++, read_number (&p, 2, &b)) ||
      (s2 = *p) == '\0' || !(p++, last = p, read_number (&p, 4, &c)) || s1 != s2 || !at_end (p))
    return FALSE;
  /* 11/03/25 is not the year 25: a year at the end has its four digits. */
  if (!year_first && p - last != 4)
    return FALSE;
  if (year_first)
    *year = a, *month = b, *day = c;
  else if (s1 == '/')
    *year = c, *month = a, *day = b;
  else if (s1 == '.')
    *year = c, *month = b, *day = a;
  else
    return FALSE;

  /* From the year 1, as a calendar's dates: the import says what the
   * plan cannot hold. */
  return *year >= 1 && *year <= 9999 && g_date_valid_dmy (*day, *month, *year);
}

/* 09:30, 09:30:00 or 09:30:00 AM. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute,
            int        *second)
{
  const char *p = text;
  gboolean pm = FALSE, am = FALSE;

  *second = 0;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!read_number (&p, 2, hour) || *p != ':')
    return FALSE;
  p++;
  if (!read_number (&p, 2, minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, second))
        return FALSE;
    }
  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "PM", 2) == 0 && at_end (p + 2))
    pm = TRUE;
  else if (g_ascii_strncasecmp (p, "AM", 2) == 0 && at_end (p + 2))
    am = TRUE;
  else if (!at_end (p))
    return FALSE;

  if (am || pm)
    {
      if (*hour < 1 || *hour > 12)
        return FALSE;
      *hour = (*hour % 12) + (pm ? 12 : 0);
    }

  return *hour >= 0 && *hour <= 23 && *minute >= 0 && *minute <= 59 && *second >= 0 && *second <= 59;
}

/* 01:30:00 → 5400 seconds; less than a year. */
static gboolean
parse_duration (const char *text,
                gint64     *seconds)
{
  const char *p = text;
  int h, m, s;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!read_number (&p, 4, &h) || *p++ != ':' || !read_number (&p, 2, &m) || *p++ != ':' ||
      !read_number (&p, 2, &s) || !at_end (p) || h >= MAX_HOURS || m > 59 || s > 59)
    return FALSE;
  *seconds = (gint64) h * 3600 + m * 60 + s;
  return TRUE;
}

/* A column's name and a cell's text, as a message quotes them. */
static void
set_cell_error (GError    **error,
                const char *format,
                guint       line,
                GStrv       header,
                int         column,
                const char *value)
{
  g_autofree char *name = bt_import_excerpt (header[column]);
  g_autofree char *got = bt_import_excerpt (value);

  /* The formats are the literals of read_moment() and its caller. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED, format, line, name, got);
#pragma GCC diagnostic pop
}

/* The moment in the date and time columns of a row, in the user's zone. */
static GDateTime *
read_moment (GStrv        header,
             GStrv        row,
             int          date_column,
             int          time_column,
             guint        line,
             GTimeZone   *tz,
             GError     **error)
{
  int y, mo, d, h, mi, s;

  if (!parse_date (cell (row, date_column), &y, &mo, &d))
    {
      set_cell_error (error, _("line %u, “%s”: expected a date such as 2026-11-02 or 11/02/2026, got “%s”"),
                      line, header, date_column, cell (row, date_column));
      return NULL;
    }
  if (!parse_time (cell (row, time_column), &h, &mi, &s))
    {
      set_cell_error (error, _("line %u, “%s”: expected a time such as 09:30:00 or 9:30:00 AM, got “%s”"),
                      line, header, time_column, cell (row, time_column));
      return NULL;
    }

  {
    GDateTime *moment = g_date_time_new (tz, y, mo, d, h, mi, s);

    /* A valid date and time GLib still refuses (found by fuzz-csv). */
    if (moment == NULL)
      set_cell_error (error, _("line %u, “%s”: expected a date and time that exist, got “%s”"),
                      line, header, date_column, cell (row, date_column));
    return moment;
  }
}

/**
 * bt_import_csv_read: (skip)
 * @text: the report's text, NUL-terminated, @length bytes before the NUL
 *
 * The report's entries, from its text, read row by row after the header
 * is checked; touches no plan, so it can run in a worker thread.
 */
BtImportSource *
bt_import_csv_read (const char    *text,
                    gsize          length,
                    const char    *name,
                    BtImportTask  *task,
                    GError       **error)
{
  g_autoptr(BtImportSource) source = g_new0 (BtImportSource, 1);
  g_autoptr(GPtrArray) header_row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) row_fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr(GError) local_error = NULL;
  CsvReader reader = { text, text, 1 };
  GStrv header;
  guint line;
  int c_start_date, c_start_time, c_end_date, c_end_time, c_duration;
  int c_description, c_project, c_tags, c_task, c_client;

  source->name = g_strdup (name);
  source->events = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_import_event_free);

  if (!bt_import_task_step (task, 0.0, error))
    return NULL;
  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("the file is not UTF-8 text: export the report as CSV"));
      return NULL;
    }

  if (g_str_has_prefix (reader.p, "\xEF\xBB\xBF"))
    reader.p += 3;

  /* The header first: a file that is no report is refused before its
   * rows are read. */
  if (!csv_next_row (&reader, header_row, &line, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED, _("the file is empty"));
      return NULL;
    }

  header = (GStrv) header_row->pdata;
  c_start_date = find_column (header, "Start date");
  c_start_time = find_column (header, "Start time");
  c_end_date = find_column (header, "End date");
  c_end_time = find_column (header, "End time");
  c_duration = find_column (header, "Duration");
  c_description = find_column (header, "Description");
  c_project = find_column (header, "Project");
  c_tags = find_column (header, "Tags");
  c_task = find_column (header, "Task");
  c_client = find_column (header, "Client");

  if (c_start_date < 0 || c_start_time < 0 || ((c_end_date < 0 || c_end_time < 0) && c_duration < 0))
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("line %u: expected the columns of a Toggl Track or Clockify detailed report: "
                     "“Start date”, “Start time”, and “End date” and “End time” or “Duration”"), line);
      return NULL;
    }

  while (csv_next_row (&reader, row_fields, &line, &local_error))
    {
      GStrv row = (GStrv) row_fields->pdata;
      g_autoptr(GDateTime) start = NULL;
      gint64 end_t;
      BtImportEvent *event;
      g_autoptr(GString) words = g_string_new (NULL);

      if (source->events->len % 1024 == 0 &&
          !bt_import_task_step (task, (double) (reader.p - text) / MAX (length, 1), error))
        return NULL;
      if (source->events->len >= MAX_ENTRIES)
        {
          g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                       _("line %u: the report holds more than %d entries, far more than anyone tracks"),
                       line, MAX_ENTRIES);
          return NULL;
        }

      start = read_moment (header, row, c_start_date, c_start_time, line, tz, error);
      if (start == NULL)
        return NULL;

      if (c_end_date >= 0 && c_end_time >= 0)
        {
          g_autoptr(GDateTime) end = read_moment (header, row, c_end_date, c_end_time, line, tz, error);

          if (end == NULL)
            return NULL;
          end_t = g_date_time_to_unix (end);
        }
      else
        {
          gint64 seconds;

          if (!parse_duration (cell (row, c_duration), &seconds))
            {
              set_cell_error (error, _("line %u, “%s”: expected a duration of less than a year, "
                                       "such as 01:30:00, got “%s”"),
                              line, header, c_duration, cell (row, c_duration));
              return NULL;
            }
          end_t = g_date_time_to_unix (start) + seconds;
        }

      if (end_t < g_date_time_to_unix (start))
        {
          g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                       _("line %u: the entry ends before it starts"), line);
          return NULL;
        }
      /* A tracker's entry over a day is a timer left running: it would
       * fill weeks with 168 hours. A calendar's events may last up to a
       * year (all-day ones are left out), a tracked entry not. */
      if (end_t - g_date_time_to_unix (start) > MAX_ENTRY_SECONDS)
        {
          g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                       _("line %u: the entry lasts %.1f hours: expected at most 24 hours, "
                         "as a timer records; correct or delete the entry in the tracker"),
                       line, (end_t - g_date_time_to_unix (start)) / 3600.0);
          return NULL;
        }

      g_string_append (words, cell (row, c_tags));
      g_string_append_c (words, '\n');
      g_string_append (words, cell (row, c_task));
      g_string_append_c (words, '\n');
      g_string_append (words, cell (row, c_client));

      event = g_new0 (BtImportEvent, 1);
      event->start = g_date_time_to_unix (start);
      event->end = end_t;
      /* Trackers export no id: the start, project and description stand
       * for one, the same in the next export. */
      event->key = g_strdup_printf ("csv:%" G_GINT64_FORMAT ":%s:%s", event->start,
                                    cell (row, c_project), cell (row, c_description));
      event->summary = g_strdup (cell (row, c_description));
      event->description = g_string_free (g_steal_pointer (&words), FALSE);
      event->calendar = g_strdup (cell (row, c_project));
      g_ptr_array_add (source->events, event);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&source);
}
