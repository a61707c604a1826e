/* bt-import.c — importing measured time: the events and the import as
 * data, reading a file of either kind, and the weeks as CSV
 *
 * The sources (bt-import-ics.c, bt-import-csv.c) turn a file into events;
 * bt-import-match.c says which category and people each event belongs to,
 * bt-import-weeks.c turns them into weeks and touchpoints, and
 * bt-import-apply.c works out and applies what that does to the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-history.h"
#include "bt-import.h"
#include "bt-import-private.h"
#include "bt-plan-file.h"

G_DEFINE_QUARK (bt-import-error-quark, bt_import_error)

/* A touchpoint's note says which meeting it was: the summary, or its
 * first 200 characters (a summary of 21 KB on each of half a million
 * touchpoints would fill the memory). */
#define MAX_NOTE 200

char *
bt_import_touchpoint_note (const char *summary)
{
  const char *p = summary;

  if (summary == NULL)
    return g_strdup ("");
  for (guint i = 0; i < MAX_NOTE && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return g_strdup (summary);
  return g_strdup_printf ("%.*s…", (int) (p - summary), summary);
}

/**
 * bt_import_shared_new:
 *
 * Returns: (transfer full): the texts of one event, for all its instances
 *   (see bt_import_event_new_shared())
 */
BtImportShared *
bt_import_shared_new (const char         *summary,
                      const char         *description,
                      const char         *calendar,
                      const char * const *attendees,
                      const char * const *attendee_names)
{
  BtImportShared *shared = g_atomic_rc_box_new0 (BtImportShared);

  shared->attendee_names = g_strdupv ((GStrv) attendee_names);
  shared->summary = g_strdup (summary);
  shared->description = g_strdup (description);
  shared->calendar = g_strdup (calendar);
  shared->attendees = g_strdupv ((GStrv) attendees);
  shared->note = bt_import_touchpoint_note (summary);

  return shared;
}

static void
shared_clear (BtImportShared *shared)
{
  g_free (shared->summary);
  g_free (shared->description);
  g_free (shared->calendar);
  g_strfreev (shared->attendees);
  g_strfreev (shared->attendee_names);
  g_free (shared->note);
}

void
bt_import_shared_unref (BtImportShared *shared)
{
  g_atomic_rc_box_release_full (shared, (GDestroyNotify) shared_clear);
}

/**
 * bt_import_event_new_shared:
 * @key: (transfer full): the instance's key
 *
 * Returns: (transfer full): an instance of the event @shared holds the
 *   texts of, which it keeps without copying them
 */
BtImportEvent *
bt_import_event_new_shared (BtImportShared *shared,
                            char           *key,
                            gint64          start,
                            gint64          end)
{
  BtImportEvent *event = g_new0 (BtImportEvent, 1);

  event->start = start;
  event->end = end;
  event->key = key;
  event->shared = g_atomic_rc_box_acquire (shared);
  event->summary = shared->summary;
  event->description = shared->description;
  event->calendar = shared->calendar;
  event->attendees = shared->attendees;
  event->attendee_names = shared->attendee_names;

  return event;
}

void
bt_import_event_free (BtImportEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->key);
  if (event->shared != NULL)
    bt_import_shared_unref (event->shared);
  else
    {
      g_free (event->summary);
      g_free (event->description);
      g_free (event->calendar);
      g_strfreev (event->attendees);
      g_strfreev (event->attendee_names);
    }
  g_free (event);
}

void
bt_import_source_free (BtImportSource *source)
{
  if (source == NULL)
    return;

  g_free (source->name);
  g_clear_pointer (&source->events, g_ptr_array_unref);
  g_free (source);
}

/* Reports @fraction at most a thousand times a reading, never going back
 * (a file of several calendars starts each at the same share), and FALSE
 * with @error once the reading is cancelled. */
gboolean
bt_import_task_step (BtImportTask  *task,
                     double         fraction,
                     GError       **error)
{
  int step = (int) (CLAMP (fraction, 0.0, 1.0) * 1000);

  if (task == NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (task->cancellable, error))
    return FALSE;
  if (task->progress != NULL && step > task->last)
    {
      task->last = step;
      task->progress (step / 1000.0, task->user_data);
      /* Cancelled by the one told, maybe. */
      if (g_cancellable_set_error_if_cancelled (task->cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bt_import_escape:
 * @text: (nullable): a text from a file, any bytes
 *
 * @text made safe to print on a terminal or in a message: control
 * characters (C0, DEL, C1: ESC, BEL, a line break …) become visible
 * escapes such as "\x1B", bidirectional controls (U+202A–202E,
 * U+2066–2069) and U+2028/2029 escapes such as "\u202E", and bytes
 * that are not UTF-8 are replaced, so
 * a calendar's summary cannot clear the screen or set its title.
 *
 * Returns: (transfer full): valid UTF-8 with no control characters
 */
char *
bt_import_escape (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        g_string_append_printf (out, "\\x%02X", c);
      /* Bidirectional overrides and isolates turn the rest of a line
       * around ("gnp.exe" that reads "exe.png"), line and paragraph
       * separators break one where a terminal or a log shows none. */
      else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
               c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* At most 40 characters of @text, cut between characters, to quote it
 * in a message; control characters escaped (bt_import_escape()). */
char *
bt_import_excerpt (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *cut = NULL;
  g_autofree char *escaped = NULL;
  const char *p = text;

  if (text == NULL)
    return g_strdup ("");
  /* libical's own messages may quote a line it cut anywhere. */
  if (!g_utf8_validate (text, -1, NULL))
    text = p = valid = g_utf8_make_valid (text, -1);
  for (guint i = 0; i < 40 && *p != '\0'; i++)
    p = g_utf8_next_char (p);
  if (*p == '\0')
    return bt_import_escape (text);
  cut = g_strndup (text, p - text);
  escaped = bt_import_escape (cut);
  return g_strconcat (escaped, "…", NULL);
}

static void
import_week_free (BtImportWeek *week)
{
  g_hash_table_unref (week->hours);
  g_free (week);
}

static void
unmatched_free (BtImportUnmatched *u)
{
  g_free (u->summary);
  g_free (u);
}

static void
touchpoint_free (BtImportTouchpoint *t)
{
  g_clear_object (&t->relationship);
  if (t->shared != NULL)
    bt_import_shared_unref (t->shared);
  else
    g_free (t->summary);
  g_free (t->source);
  g_free (t);
}

void
bt_import_free (BtImport *import)
{
  if (import == NULL)
    return;

  g_free (import->source_name);
  g_free (import->refused);
  g_ptr_array_unref (import->weeks);
  g_ptr_array_unref (import->unmatched);
  g_ptr_array_unref (import->touchpoints);
  g_ptr_array_unref (import->missing_categories);
  g_free (import);
}

BtImport *
bt_import_new (const char *source_name)
{
  BtImport *import = g_new0 (BtImport, 1);

  import->source_name = g_strdup (source_name);
  import->weeks = g_ptr_array_new_with_free_func ((GDestroyNotify) import_week_free);
  import->unmatched = g_ptr_array_new_with_free_func ((GDestroyNotify) unmatched_free);
  import->touchpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) touchpoint_free);
  import->missing_categories = g_ptr_array_new_with_free_func (g_free);

  return import;
}

/* Far above any real calendar export or tracker report; it keeps a
 * hostile file from being read whole. */
#define MAX_FILE_MIB 64

/**
 * bt_import_kind_for_path:
 *
 * Returns: what @path holds, by its extension: an iCalendar file (.ics,
 *   .ical, .ifb) or, anything else, a time tracker's CSV report
 */
BtImportKind
bt_import_kind_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".ics") || g_str_has_suffix (lower, ".ical") ||
         g_str_has_suffix (lower, ".ifb") ? BT_IMPORT_CALENDAR : BT_IMPORT_TIME_REPORT;
}

/**
 * bt_import_read:
 *
 * Reads a whole import file, refusing one too large to be what it claims
 * before reading it, and one with a NUL byte.
 *
 * Returns: (transfer full): the text, NUL-terminated, @length bytes
 */
char *
bt_import_read (const char    *path,
                BtImportKind   kind,
                gsize         *length,
                GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  char *text = NULL;
  gboolean too_large = FALSE;

  if (info != NULL && g_file_info_get_size (info) > (goffset) MAX_FILE_MIB * 1024 * 1024)
    {
      if (kind == BT_IMPORT_CALENDAR)
        g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                     _("the file is larger than %d MiB, far more than a calendar of meetings"), MAX_FILE_MIB);
      else
        g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                     _("the file is larger than %d MiB, far more than a time tracker’s report"), MAX_FILE_MIB);
      return NULL;
    }

  /* A pipe or a device has no size: never read more than the limit of it. */
  if (!bt_file_read_at_most (path, (gsize) MAX_FILE_MIB * 1024 * 1024, &text, length, &too_large, error))
    {
      if (too_large)
        {
          if (kind == BT_IMPORT_CALENDAR)
            g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                         _("the file is larger than %d MiB, far more than a calendar of meetings"), MAX_FILE_MIB);
          else
            g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_TOO_BIG,
                         _("the file is larger than %d MiB, far more than a time tracker’s report"), MAX_FILE_MIB);
        }
      return NULL;
    }
  if (memchr (text, '\0', *length) != NULL)
    {
      g_set_error (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED,
                   _("the file contains a NUL byte: it is not a text file"));
      g_free (text);
      return NULL;
    }

  return text;
}

/**
 * bt_import_source_read:
 * @text: the file's text, NUL-terminated, @length bytes, no NUL inside
 * @name: what to call the source when the file does not name it
 * @user_email: (nullable): the user's address: events they declined are
 *   left out
 * @cancellable: (nullable): stops the reading, with %G_IO_ERROR_CANCELLED
 * @progress: (nullable) (scope call): told how far the reading is
 *
 * Reads the events of a calendar or time report. It touches no plan and
 * can run in a worker thread; bt_import_from_source() then works out what
 * they do to a plan.
 *
 * Returns: (transfer full): the events, or %NULL with @error naming the
 *   line (and for CSV the column) that is wrong
 */
BtImportSource *
bt_import_source_read (BtImportKind          kind,
                       const char           *text,
                       gsize                 length,
                       const char           *name,
                       const char           *user_email,
                       GDateTime            *now,
                       GCancellable         *cancellable,
                       BtImportProgressFunc  progress,
                       gpointer              user_data,
                       GError              **error)
{
  BtImportTask task = { cancellable, progress, user_data, -1 };
  BtImportSource *source;

  if (kind == BT_IMPORT_CALENDAR)
    source = bt_import_ics_read (text, name, user_email, now, &task, error);
  else
    source = bt_import_csv_read (text, length, name, &task, error);

  if (source != NULL)
    bt_import_task_step (&task, 1.0, NULL);
  return source;
}

/**
 * bt_import_from_source:
 * @now: events that start after it are left out, those under way are cut
 *
 * Works out what importing @source into @plan would do; the plan is not
 * changed (see bt_import_apply()).
 *
 * Returns: (transfer full): the import, or %NULL with @error saying why
 *   the plan cannot hold it
 */
BtImport *
bt_import_from_source (BtPlan          *plan,
                       BtImportSource  *source,
                       GDateTime       *now,
                       GError         **error)
{
  BtImport *import = bt_import_events (plan, source->events, source->name, now);

  if (import->refused != NULL)
    {
      g_set_error_literal (error, BT_IMPORT_ERROR, BT_IMPORT_ERROR_MALFORMED, import->refused);
      g_clear_pointer (&import, bt_import_free);
      return NULL;
    }

  import->n_all_day = source->n_all_day;
  import->n_cancelled = source->n_cancelled;
  import->n_declined = source->n_declined;
  import->n_no_instance = source->n_no_instance;
  import->n_future += source->n_future;
  import->n_future_series = source->n_future_series;

  return import;
}

static BtImport *
import_text (BtPlan        *plan,
             BtImportKind   kind,
             const char    *text,
             gsize          length,
             const char    *name,
             GDateTime     *now,
             GError       **error)
{
  const char *email = bt_profile_get_email (bt_plan_get_profile (plan));
  g_autoptr(BtImportSource) source = bt_import_source_read (kind, text, length, name, email, now,
                                                            NULL, NULL, NULL, error);

  return source != NULL ? bt_import_from_source (plan, source, now, error) : NULL;
}

/**
 * bt_import_text:
 * @text: the file's text, NUL-terminated, @length bytes, no NUL inside
 * @name: what to call the source when the file does not name it
 *
 * Works out what importing @text into @plan would do; the plan is not
 * changed (see bt_import_apply()). bt_import_source_read() and
 * bt_import_from_source() in one, for a reading that need not report
 * progress.
 *
 * Returns: (transfer full): the import, or %NULL with @error naming the
 *   line (and for CSV the column) that is wrong
 */
BtImport *
bt_import_text (BtPlan        *plan,
                BtImportKind   kind,
                const char    *text,
                gsize          length,
                const char    *name,
                GDateTime     *now,
                GError       **error)
{
  return import_text (plan, kind, text, length, name, now, error);
}

/**
 * bt_import_ics_text:
 * @text: the file's text, NUL-terminated, without NUL bytes
 *
 * bt_import_text() for a calendar.
 */
BtImport *
bt_import_ics_text (BtPlan      *plan,
                    const char  *text,
                    const char  *name,
                    GDateTime   *now,
                    GError     **error)
{
  return import_text (plan, BT_IMPORT_CALENDAR, text, strlen (text), name, now, error);
}

/**
 * bt_import_csv_text:
 * @text: the report's text, NUL-terminated, @length bytes before the NUL
 *
 * bt_import_text() for a time tracker's report.
 */
BtImport *
bt_import_csv_text (BtPlan      *plan,
                    const char  *text,
                    gsize        length,
                    const char  *name,
                    GDateTime   *now,
                    GError     **error)
{
  return import_text (plan, BT_IMPORT_TIME_REPORT, text, length, name, now, error);
}

/**
 * bt_import_file:
 *
 * bt_import_read() then bt_import_text(), named after the file.
 */
BtImport *
bt_import_file (BtPlan        *plan,
                BtImportKind   kind,
                const char    *path,
                GDateTime     *now,
                GError       **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = NULL;
  gsize length;

  text = bt_import_read (path, kind, &length, error);
  if (text == NULL)
    return NULL;

  return bt_import_text (plan, kind, text, length, name, now, error);
}

/* ------------------------------------------------------------------ */
/* CSV export of the weeks                                             */

/* A text cell (a name, a note): never a formula. A spreadsheet runs a
 * cell that starts with = + - @ (or a tab or a carriage return before
 * one) as a formula; OWASP's advice is a leading ' which shows the text
 * as it is. Numbers are written by the export itself, never through here. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  gboolean formula = text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;

  if (strpbrk (text, ",\"\n\r") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * bt_import_weeks_to_csv:
 *
 * Returns: (transfer full): the weeks as CSV (RFC 4180): one row per week,
 *   a column per category, then tactical, strategic and the strategic
 *   share; ISO 8601 weeks and dates, numbers with a dot
 */
char *
bt_import_weeks_to_csv (BtPlan *plan)
{
  GListModel *categories = bt_plan_get_categories (plan);
  GListModel *weeks = bt_plan_get_weeks (plan);
  guint n_categories = g_list_model_get_n_items (categories);
  GString *out = g_string_new ("week,monday");

  for (guint c = 0; c < n_categories; c++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);

      g_string_append_c (out, ',');
      append_csv_field (out, bt_category_get_name (category));
    }
  g_string_append (out, ",tactical,strategic,strategic_share,note\r\n");

  for (guint i = 0; i < g_list_model_get_n_items (weeks); i++)
    {
      g_autoptr(BtWeek) week = g_list_model_get_item (weeks, i);
      g_autofree char *monday = bt_date_to_iso (bt_week_get_monday (week));
      double tactical = 0.0, strategic = 0.0;
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%s,%s", bt_week_get_week (week), monday);
      for (guint c = 0; c < n_categories; c++)
        {
          g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
          double h = bt_week_get_hours (week, bt_item_get_id (BT_ITEM (category)));

          if (bt_category_get_kind (category) == BT_CATEGORY_STRATEGIC)
            strategic += h;
          else
            tactical += h;
          g_string_append_c (out, ',');
          g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", h));
        }
      g_string_append_c (out, ',');
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", tactical));
      g_string_append_c (out, ',');
      g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.2f", strategic));
      g_string_append_c (out, ',');
      if (tactical + strategic > 0.0)
        g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.4f", strategic / (tactical + strategic)));
      g_string_append_c (out, ',');
      append_csv_field (out, bt_week_get_note (week));
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}
