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

#include "bt-import.h"

/* RFC 4180: fields separated by commas, quoted with double quotes (which
 * double inside), rows ended by CRLF or LF, a quoted field may hold line
 * breaks. Returns rows of fields, and the line each row starts on. */
static GPtrArray *
parse_csv (const char  *text,
           GArray      *row_lines,
           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;
  guint line = 1;
  guint row_line = 1;
  gboolean field_started = FALSE;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;

  while (TRUE)
    {
      if (*p == '"' && field->len == 0 && !field_started)
        {
          guint quote_line = line;

          p++;
          while (TRUE)
            {
              if (*p == '\0')
                {
                  g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                               _("line %u: a quoted field is never closed"), quote_line);
                  return NULL;
                }
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  if (*p == '\n')
                    line++;
                  g_string_append_c (field, *p++);
                }
            }
          field_started = TRUE;
          if (*p != ',' && *p != '\n' && *p != '\r' && *p != '\0')
            {
              g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                           _("line %u: expected a comma or the end of the line after a quoted field"), line);
              return NULL;
            }
          continue;
        }

      if (*p == ',' || *p == '\n' || *p == '\0' || (*p == '\r' && p[1] == '\n'))
        {
          g_ptr_array_add (row, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          field_started = FALSE;

          if (*p == ',')
            {
              p++;
              continue;
            }

          /* The end of a row: blank rows are skipped. */
          if (row->len > 1 || ((char *) row->pdata[0])[0] != '\0')
            {
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
              g_array_append_val (row_lines, row_line);
            }
          else
            g_ptr_array_set_size (row, 0);

          if (*p == '\0')
            break;
          p += *p == '\r' ? 2 : 1;
          line++;
          row_line = line;
          continue;
        }

      g_string_append_c (field, *p++);
    }

  return g_steal_pointer (&rows);
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

/* 2026-11-02, 11/02/2026 (Clockify's default) or 02.11.2026. */
static gboolean
parse_date (const char *text,
            int        *year,
            int        *month,
            int        *day)
{
  int a, b, c;
  char s1, s2;

  if (sscanf (text, "%d%c%d%c%d", &a, &s1, &b, &s2, &c) != 5 || s1 != s2)
    return FALSE;
  if (s1 == '-' && a > 31)
    *year = a, *month = b, *day = c;
  else if (s1 == '/')
    *year = c, *month = a, *day = b;
  else if (s1 == '.')
    *year = c, *month = b, *day = a;
  else
    return FALSE;

  return *year >= 1900 && *year <= 9999 && g_date_valid_dmy (*day, *month, *year);
}

/* 09:30, 09:30:00 or 09:30:00 AM. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute,
            int        *second)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *rest = NULL;
  gboolean pm = FALSE, am = FALSE;

  *second = 0;
  *hour = (int) strtol (t, &rest, 10);
  if (rest == t || *rest != ':')
    return FALSE;
  t[rest - t] = ' ';
  *minute = (int) strtol (rest + 1, &rest, 10);
  if (*rest == ':')
    *second = (int) strtol (rest + 1, &rest, 10);
  while (*rest == ' ')
    rest++;
  if (g_ascii_strcasecmp (rest, "PM") == 0)
    pm = TRUE;
  else if (g_ascii_strcasecmp (rest, "AM") == 0)
    am = TRUE;
  else if (*rest != '\0')
    return FALSE;

  if (am || pm)
    {
      if (*hour < 1 || *hour > 12)
        return FALSE;
      *hour = (*hour % 12) + (pm ? 12 : 0);
    }

  return *hour >= 0 && *hour <= 23 && *minute >= 0 && *minute <= 59 && *second >= 0 && *second <= 59;
}

/* 01:30:00 → 5400 seconds. */
static gboolean
parse_duration (const char *text,
                gint64     *seconds)
{
  int h, m, s;

  if (sscanf (text, "%d:%d:%d", &h, &m, &s) != 3 || h < 0 || m < 0 || m > 59 || s < 0 || s > 59)
    return FALSE;
  *seconds = (gint64) h * 3600 + m * 60 + s;
  return TRUE;
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
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("line %u, “%s”: expected a date such as 2026-11-02 or 11/02/2026, got “%s”"),
                   line, header[date_column], cell (row, date_column));
      return NULL;
    }
  if (!parse_time (cell (row, time_column), &h, &mi, &s))
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("line %u, “%s”: expected a time such as 09:30:00 or 9:30:00 AM, got “%s”"),
                   line, header[time_column], cell (row, time_column));
      return NULL;
    }

  {
    GDateTime *moment = g_date_time_new (tz, y, mo, d, h, mi, s);

    /* A valid date and time GLib still refuses (found by fuzz-csv). */
    if (moment == NULL)
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("line %u, “%s”: expected a date and time that exist, got “%s %s”"),
                   line, header[date_column], cell (row, date_column), cell (row, time_column));
    return moment;
  }
}

/**
 * bt_import_csv_text:
 * @text: the report's text, NUL-terminated, @length bytes before the NUL
 *
 * The report's entries (see bt_import_text()), from its text.
 */
BtImport *
bt_import_csv_text (BtPlan      *plan,
                    const char  *text,
                    gsize        length,
                    const char  *name,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr(GArray) row_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_import_event_free);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GStrv header;
  int c_start_date, c_start_time, c_end_date, c_end_time, c_duration;
  int c_description, c_project, c_tags, c_task, c_client;

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("the file is not UTF-8 text: export the report as CSV"));
      return NULL;
    }

  rows = parse_csv (text, row_lines, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED, _("the file is empty"));
      return NULL;
    }

  header = rows->pdata[0];
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
                   _("line 1: expected the columns of a Toggl Track or Clockify detailed report: "
                     "“Start date”, “Start time”, and “End date” and “End time” or “Duration”"));
      return NULL;
    }

  for (guint r = 1; r < rows->len; r++)
    {
      GStrv row = rows->pdata[r];
      guint line = g_array_index (row_lines, guint, r);
      g_autoptr(GDateTime) start = NULL;
      gint64 end_t;
      BtImportEvent *event;
      g_autoptr(GString) words = g_string_new (NULL);

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
              g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                           _("line %u, “%s”: expected a duration such as 01:30:00, got “%s”"),
                           line, header[c_duration], cell (row, c_duration));
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
      g_ptr_array_add (events, event);
    }

  return bt_import_events (plan, events, name, now);
}
