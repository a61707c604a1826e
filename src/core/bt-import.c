/* bt-import.c — from events to weeks: rules, minutes counted once, ISO
 * weeks, touchpoints, and applying the result to a plan
 *
 * The sources (bt-import-ics.c, bt-import-csv.c) turn a file into events;
 * everything after that is here and shared.
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

struct _BtImportShared
{
  char  *summary;
  char  *description;
  char  *calendar;
  GStrv  attendees;
  GStrv  attendee_names;
  char  *note;          /* the summary as a touchpoint's note */
};

/* A touchpoint's note says which meeting it was: the summary, or its
 * first 200 characters (a summary of 21 KB on each of half a million
 * touchpoints would fill the memory). */
#define MAX_NOTE 200

static char *
touchpoint_note (const char *summary)
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
  shared->note = touchpoint_note (summary);

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
 * escapes such as "\x1B", and bytes that are not UTF-8 are replaced, so
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

static BtImport *
import_new (const char *source_name)
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
                     _("the file is larger than %d MiB, far more than a time tracker's report"), MAX_FILE_MIB);
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
                         _("the file is larger than %d MiB, far more than a time tracker's report"), MAX_FILE_MIB);
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
/* Rules                                                               */

/* Whether @needle (case-folded) is in @haystack (case-folded) as whole
 * words: "review" in "design review" but not in "reviewer". */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  if (n == 0)
    return FALSE;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      gboolean start_ok = TRUE;
      gboolean end_ok = TRUE;

      if (p > haystack)
        {
          const char *prev = g_utf8_find_prev_char (haystack, p);
          start_ok = prev == NULL || !g_unichar_isalnum (g_utf8_get_char (prev));
        }
      if (p[n] != '\0')
        end_ok = !g_unichar_isalnum (g_utf8_get_char (p + n));

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  BtPlan     *plan;
  GHashTable *relationships;  /* case-folded e-mail → BtRelationship */
  GHashTable *names;          /* case-folded name → BtRelationship, of those with no e-mail */
  GPtrArray  *rules;          /* BtImportRule, with their patterns folded below */
  GPtrArray  *folded;         /* char *, per rule */
  GPtrArray  *categories;     /* BtCategory or NULL, per rule */
} Matcher;

static void
unref_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
matcher_init (Matcher    *m,
              BtPlan     *plan,
              GListModel *rules)
{
  GListModel *people = bt_plan_get_relationships (plan);
  GListModel *categories = bt_plan_get_categories (plan);

  m->plan = plan;
  m->relationships = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  m->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  m->rules = g_ptr_array_new_with_free_func (g_object_unref);
  m->folded = g_ptr_array_new_with_free_func (g_free);
  m->categories = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (people, i);
      const char *email = bt_relationship_get_email (r);

      if (email != NULL && *email != '\0')
        g_hash_table_replace (m->relationships, g_utf8_casefold (email, -1), g_object_ref (r));
      else
        {
          /* No address to know them by: their whole name, as a calendar
           * shows an attendee's. Two people of one name are neither. */
          g_autofree char *name = g_strstrip (g_strdup (bt_relationship_get_name (r)));
          char *folded = g_utf8_casefold (name, -1);

          if (*folded == '\0')
            g_free (folded);
          else if (g_hash_table_contains (m->names, folded))
            g_hash_table_replace (m->names, folded, NULL);
          else
            g_hash_table_replace (m->names, folded, g_object_ref (r));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      BtImportRule *rule = g_list_model_get_item (rules, i);
      BtCategory *category = bt_plan_find_by_id (categories, bt_import_rule_get_category (rule));

      g_ptr_array_add (m->rules, rule);
      g_autofree char *pattern = g_strstrip (g_strdup (bt_import_rule_get_pattern (rule)));

      g_ptr_array_add (m->folded, g_utf8_casefold (pattern, -1));
      g_ptr_array_add (m->categories, category != NULL ? g_object_ref (category) : NULL);
    }
}

static void
matcher_clear (Matcher *m)
{
  g_hash_table_unref (m->relationships);
  g_hash_table_unref (m->names);
  g_ptr_array_unref (m->rules);
  g_ptr_array_unref (m->folded);
  g_ptr_array_unref (m->categories);
}

static BtRelationship *
matcher_person (Matcher    *m,
                const char *address)
{
  g_autofree char *folded = g_utf8_casefold (address, -1);

  return g_hash_table_lookup (m->relationships, folded);
}

/* The relationships among @event's attendees, each once: by address, or
 * for one with no address in the plan, by the attendee's whole name. */
static void
matcher_people (Matcher             *m,
                const BtImportEvent *event,
                GPtrArray           *people)
{
  g_ptr_array_set_size (people, 0);
  for (guint a = 0; event->attendees != NULL && event->attendees[a] != NULL; a++)
    {
      BtRelationship *r = matcher_person (m, event->attendees[a]);

      if (r != NULL && !g_ptr_array_find (people, r, NULL))
        g_ptr_array_add (people, r);
    }
  for (guint a = 0; g_hash_table_size (m->names) > 0 &&
       event->attendee_names != NULL && event->attendee_names[a] != NULL; a++)
    {
      g_autofree char *name = g_strstrip (g_strdup (event->attendee_names[a]));
      g_autofree char *folded = g_utf8_casefold (name, -1);
      BtRelationship *r = g_hash_table_lookup (m->names, folded);

      if (r != NULL && !g_ptr_array_find (people, r, NULL))
        g_ptr_array_add (people, r);
    }
}

static gboolean
rule_matches (Matcher             *m,
              guint                i,
              const BtImportEvent *event,
              const char          *folded_text)
{
  BtImportRule *rule = m->rules->pdata[i];
  const char *pattern = m->folded->pdata[i];

  switch (bt_import_rule_get_match (rule))
    {
    case BT_RULE_WORDS:
      return contains_words (folded_text, pattern);

    case BT_RULE_CALENDAR:
      if (event->calendar != NULL && *pattern != '\0')
        {
          g_autofree char *calendar = g_utf8_casefold (event->calendar, -1);
          return g_str_equal (g_strstrip (calendar), pattern);
        }
      return FALSE;

    case BT_RULE_ATTENDEE:
      for (guint a = 0; event->attendees != NULL && event->attendees[a] != NULL; a++)
        {
          g_autofree char *address = g_utf8_casefold (event->attendees[a], -1);

          if (*pattern == '@' ? g_str_has_suffix (address, pattern) : g_str_equal (address, pattern))
            return TRUE;
        }
      return FALSE;

    case BT_RULE_RELATIONSHIP:
      {
        g_autoptr(GPtrArray) people = g_ptr_array_new ();

        matcher_people (m, event, people);
        for (guint a = 0; a < people->len; a++)
          {
            BtRelationship *r = people->pdata[a];
            int function;

            /* An optional function narrows it: "finance". */
            if (*pattern == '\0' ||
                (bt_enum_from_nick (BT_TYPE_FUNCTION, pattern, &function) &&
                 bt_relationship_get_function (r) == (BtFunction) function))
              return TRUE;
          }
        return FALSE;
      }

    default:
      return FALSE;
    }
}

static BtCategory *
matcher_match (Matcher             *m,
               const BtImportEvent *event)
{
  g_autofree char *text = g_strconcat (event->summary ? event->summary : "", "\n",
                                       event->description ? event->description : "", NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < m->rules->len; i++)
    if (m->categories->pdata[i] != NULL && rule_matches (m, i, event, folded))
      return m->categories->pdata[i];

  return NULL;
}

/**
 * bt_import_match:
 *
 * Returns: (transfer none) (nullable): the category the first matching
 *   rule gives @event
 */
BtCategory *
bt_import_match (BtPlan              *plan,
                 const BtImportEvent *event)
{
  Matcher m;
  BtCategory *category;

  matcher_init (&m, plan, bt_plan_get_import_rules (plan));
  category = matcher_match (&m, event);
  matcher_clear (&m);

  return category;
}

/* The default rules follow the product's words: firefighting first, then
 * the strategic words, then the other tactical ones, then anyone from the
 * user's relationships. Each names a default category by its English name
 * (or its translation); a plan without it gets the first category of the
 * same kind. */
static const struct {
  BtRuleMatch     match;
  const char     *pattern;
  const char     *category;
  BtCategoryKind  kind;
} default_rules[] = {
  { BT_RULE_WORDS, "incident", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "outage", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "on-call", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "postmortem", N_("Firefighting and incidents"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "business case", N_("Business cases and proposals"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "strategy", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "roadmap", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "QBR", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "planning", N_("Roadmap and product strategy"), BT_CATEGORY_STRATEGIC },
  { BT_RULE_WORDS, "stand-up", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "standup", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "sprint", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "deploy", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "release", N_("Operations and delivery"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "review", N_("Hands-on technical work and reviews"), BT_CATEGORY_TACTICAL },
  { BT_RULE_WORDS, "status", N_("Status meetings"), BT_CATEGORY_TACTICAL },
  { BT_RULE_RELATIONSHIP, "", N_("Cross-functional partnership"), BT_CATEGORY_STRATEGIC },
};

static BtCategory *
find_default_category (GListModel     *categories,
                       const char     *english,
                       BtCategoryKind  kind)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, english);
  BtCategory *same_kind = NULL;
  guint n = g_list_model_get_n_items (categories);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCategory) c = g_list_model_get_item (categories, i);
      const char *name = bt_category_get_name (c);

      if (g_str_equal (name, english) || g_str_equal (name, translated))
        return c;
      if (same_kind == NULL && bt_category_get_kind (c) == kind)
        same_kind = c;
    }

  return same_kind;
}

static void
fill_default_rules (GListStore *rules,
                    GListModel *categories)
{
  for (guint i = 0; i < G_N_ELEMENTS (default_rules); i++)
    {
      BtCategory *c = find_default_category (categories, default_rules[i].category, default_rules[i].kind);
      g_autoptr(BtImportRule) rule = NULL;

      if (c == NULL)
        continue;
      rule = bt_import_rule_new (default_rules[i].match, default_rules[i].pattern,
                                 bt_item_get_id (BT_ITEM (c)));
      g_list_store_append (rules, rule);
    }
}

/**
 * bt_import_add_default_rules:
 *
 * Adds the default rules to a plan that has none, as a step of @history.
 */
void
bt_import_add_default_rules (BtPlan    *plan,
                             BtHistory *history)
{
  GListModel *rules = bt_plan_get_import_rules (plan);
  g_autoptr(GListStore) defaults = g_list_store_new (BT_TYPE_IMPORT_RULE);

  g_return_if_fail (g_list_model_get_n_items (rules) == 0);

  fill_default_rules (defaults, bt_plan_get_categories (plan));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (defaults)); i++)
    {
      g_autoptr(BtItem) rule = g_list_model_get_item (G_LIST_MODEL (defaults), i);
      bt_history_append (history, BT_ITEM (plan), rules, rule);
    }
}

/* ------------------------------------------------------------------ */
/* Weeks                                                               */

typedef struct
{
  gint64               start;
  gint64               end;
  const BtImportEvent *event;
  BtCategory          *category;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;   /* the longer first */
  return g_strcmp0 (x->event->key, y->event->key);
}

typedef struct
{
  int     iso_year;
  int     week;
  gint64  next_monday;   /* where the week ends */
} WeekOf;

/* The first moment of ISO week 0002-W01 in @tz: the plan file holds no
 * earlier week. */
static gint64
first_week_start (GTimeZone *tz)
{
  g_autoptr(GDateTime) jan4 = g_date_time_new (tz, 2, 1, 4, 0, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_add_days (jan4, 1 - g_date_time_get_day_of_week (jan4));

  return g_date_time_to_unix (monday);
}

static WeekOf
week_of (GTimeZone *tz,
         gint64     t)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autoptr(GDateTime) midnight = g_date_time_new (tz, g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 8 - g_date_time_get_day_of_week (local));
  WeekOf w = {
    g_date_time_get_week_numbering_year (local),
    g_date_time_get_week_of_year (local),
    g_date_time_to_unix (next),
  };

  return w;
}

static BtImportWeek *
get_week (GHashTable *weeks,
          int         iso_year,
          int         week)
{
  int key = iso_year * 100 + week;
  BtImportWeek *w = g_hash_table_lookup (weeks, GINT_TO_POINTER (key));

  if (w == NULL)
    {
      w = g_new0 (BtImportWeek, 1);
      w->iso_year = iso_year;
      w->week = week;
      w->hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (weeks, GINT_TO_POINTER (key), w);
    }

  return w;
}

static void
add_seconds (BtImportWeek *w,
             BtCategory   *category,
             gint64        seconds)
{
  /* Seconds until the end, as hours then. */
  if (category == NULL)
    {
      w->unmatched += seconds;
      return;
    }

  {
    const char *id = bt_item_get_id (BT_ITEM (category));
    double *s = g_hash_table_lookup (w->hours, id);

    if (s == NULL)
      {
        s = g_new0 (double, 1);
        g_hash_table_insert (w->hours, g_strdup (id), s);
      }
    *s += seconds;
  }
}

/* Hours to the minute, two decimals in the file: 20 minutes are 0.33 h. */
static double
seconds_to_hours (double seconds)
{
  double minutes = round (seconds / 60.0);

  return round (minutes / 60.0 * 100.0) / 100.0;
}

static int
compare_import_weeks (gconstpointer a,
                      gconstpointer b)
{
  const BtImportWeek *x = *(BtImportWeek **) a, *y = *(BtImportWeek **) b;

  return (x->iso_year * 100 + x->week) - (y->iso_year * 100 + y->week);
}

static int
compare_unmatched (gconstpointer a,
                   gconstpointer b)
{
  const BtImportUnmatched *x = *(BtImportUnmatched **) a, *y = *(BtImportUnmatched **) b;

  if (x->hours != y->hours)
    return x->hours > y->hours ? -1 : 1;
  return g_utf8_collate (x->summary, y->summary);
}

static int
compare_touchpoints (gconstpointer a,
                     gconstpointer b)
{
  const BtImportTouchpoint *x = *(BtImportTouchpoint **) a, *y = *(BtImportTouchpoint **) b;
  int c = g_date_compare (&x->date, &y->date);

  return c != 0 ? c : g_strcmp0 (x->source, y->source);
}

/* The touchpoints of the relationships, by their source: looking each
 * one up in a list would take hours for an hourly meeting since 1970. */
static GHashTable *   /* BtRelationship → (source → BtTouchpoint) */
touchpoint_index_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_hash_table_unref);
}

static GHashTable *
touchpoints_of (GHashTable     *index,
                BtRelationship *r)
{
  GHashTable *sources = g_hash_table_lookup (index, r);

  if (sources == NULL)
    {
      GListModel *list = bt_relationship_get_touchpoints (r);

      sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BtTouchpoint) t = g_list_model_get_item (list, i);
          const char *source = bt_touchpoint_get_source (t);

          /* The first with a source is the one it stands for. */
          if (source != NULL && !g_hash_table_contains (sources, source))
            g_hash_table_insert (sources, g_strdup (source), g_object_ref (t));
        }
      g_hash_table_insert (index, r, sources);
    }

  return sources;
}

static BtTouchpoint *
find_touchpoint (GHashTable     *index,
                 BtRelationship *r,
                 const char     *source)
{
  return g_hash_table_lookup (touchpoints_of (index, r), source);
}

/* Hours to the hundredth, as the file keeps them: subtracting what an
 * import put in a week from its hours leaves no 1e-15 behind. */
static double
round_hours (double hours)
{
  return round (hours * 100.0) / 100.0;
}

/* Whether the part of @week an earlier import put there is @source's own,
 * so that importing @source again replaces it. Another source's part is
 * the week's own hours for this import, like typed ones: one import never
 * takes away another source's hours. A part from before sources were
 * remembered counts as @source's. */
static gboolean
imported_by (BtWeek     *week,
             const char *source)
{
  const char *from = bt_week_get_imported_from (week);

  return from == NULL || g_strcmp0 (from, source) == 0;
}

/* The hours of @category_id the user typed in @week: its hours less what
 * the last import of @source put there. */
static double
typed_hours (BtWeek     *week,
             const char *category_id,
             const char *source)
{
  double h = bt_week_get_hours (week, category_id);

  if (imported_by (week, source))
    h -= bt_week_get_imported_hours (week, category_id);

  return MAX (round_hours (h), 0.0);
}

static double
week_typed_total (BtWeek     *week,
                  const char *source)
{
  double total = 0.0;

  if (week == NULL)
    return 0.0;
  for (guint i = 0; i < bt_week_get_n_categories (week); i++)
    total += typed_hours (week, bt_week_get_category (week, i, NULL), source);

  return round_hours (total);
}

/**
 * bt_import_events:
 * @events: (element-type BtImportEvent): the events, in any order
 * @now: events that start after it are left out, those under way are cut
 *
 * Works out what importing @events into @plan would do, without changing
 * it. A plan with no rules is matched with the default rules (and
 * bt_import_apply() adds them).
 */
BtImport *
bt_import_events (BtPlan     *plan,
                  GPtrArray  *events,
                  const char *source_name,
                  GDateTime  *now)
{
  BtImport *import = import_new (source_name);
  g_autoptr(GListStore) defaults = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GHashTable) weeks = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) unmatched = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  gint64 now_t = g_date_time_to_unix (now);
  gint64 first_t = first_week_start (tz);
  gint64 covered = G_MININT64;
  GListModel *rules = bt_plan_get_import_rules (plan);
  g_autoptr(GHashTable) index = touchpoint_index_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  const BtImportShared *matched = NULL;   /* the texts category and people are for */
  BtCategory *category = NULL;
  Matcher m;

  /* No rules yet: the defaults, in a list of their own so the plan is
   * untouched until the import is applied. */
  if (g_list_model_get_n_items (rules) == 0)
    {
      import->default_rules = TRUE;
      defaults = g_list_store_new (BT_TYPE_IMPORT_RULE);
      fill_default_rules (defaults, bt_plan_get_categories (plan));
      rules = G_LIST_MODEL (defaults);
    }
  matcher_init (&m, plan, rules);

  for (guint i = 0; i < m.rules->len; i++)
    if (m.categories->pdata[i] == NULL)
      g_ptr_array_add (import->missing_categories,
                       g_strdup (bt_import_rule_get_pattern (m.rules->pdata[i])));

  for (guint i = 0; i < events->len; i++)
    {
      const BtImportEvent *event = events->pdata[i];
      Span span = { event->start, MIN (event->end, now_t), event, NULL };

      if (event->start >= now_t)
        {
          import->n_future++;
          continue;
        }
      if (span.end <= span.start)
        continue;
      if (event->start < first_t)
        {
          /* The file format has no week before 0002-W01: such an event
           * would make a plan that no longer opens. */
          if (import->refused == NULL)
            {
              const char *summary = event->summary != NULL ? event->summary : "";
              g_autofree char *shown = NULL;

              /* A name, not a whole description: at most 80 characters. */
              if (g_utf8_strlen (summary, 81 * 4) > 80)
                {
                  g_autofree char *cut = g_utf8_substring (summary, 0, 79);
                  g_autofree char *escaped = bt_import_escape (cut);
                  shown = g_strconcat (escaped, "…", NULL);
                }
              else
                shown = bt_import_escape (summary);

              import->refused = g_strdup_printf (_("the event “%s” is before the year 2, and a plan "
                                                   "holds weeks from 0002-W01 on: nothing was imported"),
                                                 shown);
            }
          continue;
        }

      /* The instances of one event match alike: once for them all. */
      if (event->shared == NULL || event->shared != matched)
        {
          category = matcher_match (&m, event);
          matcher_people (&m, event, people);
          matched = event->shared;
        }
      span.category = category;
      g_array_append_val (spans, span);
      import->n_events++;

      /* Touchpoints: each attendee who is one of the relationships. */
      for (guint a = 0; a < people->len; a++)
        {
          BtRelationship *r = people->pdata[a];
          BtImportTouchpoint *t;
          g_autoptr(GDateTime) utc = NULL;
          g_autoptr(GDateTime) local = NULL;

          utc = g_date_time_new_from_unix_utc (event->start);
          local = g_date_time_to_timezone (utc, tz);
          t = g_new0 (BtImportTouchpoint, 1);
          t->relationship = g_object_ref (r);
          g_date_clear (&t->date, 1);
          g_date_set_dmy (&t->date, g_date_time_get_day_of_month (local),
                          g_date_time_get_month (local), g_date_time_get_year (local));
          if (event->shared != NULL)
            {
              t->shared = g_atomic_rc_box_acquire (event->shared);
              t->summary = event->shared->note;
            }
          else
            t->summary = touchpoint_note (event->summary);
          t->source = g_strdup (event->key);
          t->is_new = find_touchpoint (index, r, t->source) == NULL;
          g_ptr_array_add (import->touchpoints, t);
        }
    }

  /* Every minute once: where events overlap, the one that began first
   * has it. */
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);
      gint64 from = MAX (span->start, covered);
      gint64 counted = 0;

      while (from < span->end)
        {
          WeekOf w = week_of (tz, from);
          gint64 to = MIN (span->end, w.next_monday);

          add_seconds (get_week (weeks, w.iso_year, w.week), span->category, to - from);
          counted += to - from;
          from = to;
        }
      covered = MAX (covered, span->end);

      if (span->category == NULL)
        {
          const char *summary = span->event->summary ? span->event->summary : "";
          BtImportUnmatched *u = g_hash_table_lookup (unmatched, summary);

          if (u == NULL)
            {
              u = g_new0 (BtImportUnmatched, 1);
              u->summary = g_strdup (summary);
              g_hash_table_insert (unmatched, u->summary, u);
              g_ptr_array_add (import->unmatched, u);
            }
          u->count++;
          u->hours += counted;
        }
    }
  matcher_clear (&m);

  /* Seconds become hours. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, weeks);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        BtImportWeek *w = value;
        GHashTableIter h;
        gpointer hv;

        g_hash_table_iter_init (&h, w->hours);
        while (g_hash_table_iter_next (&h, NULL, &hv))
          *(double *) hv = MIN (seconds_to_hours (*(double *) hv), BT_WEEK_MAX_HOURS);
        w->unmatched = seconds_to_hours (w->unmatched);
        w->source = import->source_name;
        w->typed = week_typed_total (bt_plan_find_week (plan, w->iso_year, w->week), w->source);
        w->choice = BT_IMPORT_KEEP;
        g_ptr_array_add (import->weeks, w);
      }
  }
  for (guint i = 0; i < import->unmatched->len; i++)
    {
      BtImportUnmatched *u = import->unmatched->pdata[i];
      u->hours = seconds_to_hours (u->hours);
    }

  g_ptr_array_sort (import->weeks, compare_import_weeks);
  g_ptr_array_sort (import->unmatched, compare_unmatched);
  g_ptr_array_sort (import->touchpoints, compare_touchpoints);

  return import;
}

/**
 * bt_import_week_kinds:
 * @categories: the plan's categories
 *
 * Sums an imported week's hours by kind: tactical and strategic.
 */
void
bt_import_week_kinds (const BtImportWeek *week,
                      GListModel         *categories,
                      double             *tactical,
                      double             *strategic)
{
  *tactical = 0.0;
  *strategic = 0.0;

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
      double *h = g_hash_table_lookup (week->hours, bt_item_get_id (BT_ITEM (category)));

      if (h == NULL)
        continue;
      if (bt_category_get_kind (category) == BT_CATEGORY_STRATEGIC)
        *strategic += *h;
      else
        *tactical += *h;
    }
}

/**
 * bt_import_category_hours:
 *
 * Returns: the hours the import gives @category_id over all its weeks
 */
double
bt_import_category_hours (BtImport   *import,
                          const char *category_id)
{
  double total = 0.0;

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      double *h = g_hash_table_lookup (w->hours, category_id);

      if (h != NULL)
        total += *h;
    }

  return total;
}

static void
history_set (BtHistory  *history,
             gpointer    object,
             const char *property,
             GType       type,
             gconstpointer v)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (&value, v);
  else
    g_value_set_boxed (&value, v);
  bt_history_set (history, object, property, &value);
}

/**
 * bt_import_set_choice:
 *
 * Makes @choice what applying does to every week that has hours the user
 * typed: the preview's "for all weeks".
 */
void
bt_import_set_choice (BtImport       *import,
                      BtImportChoice  choice)
{
  for (guint i = 0; i < import->weeks->len; i++)
    ((BtImportWeek *) import->weeks->pdata[i])->choice = choice;
}

/**
 * bt_import_count_typed_weeks:
 *
 * Returns: how many of the import's weeks have hours the user typed, for
 *   which keep, replace or add is to be chosen
 */
guint
bt_import_count_typed_weeks (BtImport *import)
{
  guint n = 0;

  for (guint i = 0; i < import->weeks->len; i++)
    n += ((BtImportWeek *) import->weeks->pdata[i])->typed > 0.0;

  return n;
}

static GHashTable *
new_hours_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
put_hours (GHashTable *table,
           const char *category_id,
           double      hours)
{
  g_hash_table_replace (table, g_strdup (category_id), g_memdup2 (&hours, sizeof hours));
}

/* The whole week as @choice leaves it (category id → hours), and in
 * @imported what of it comes from the calendar; %NULL for a week left as
 * it is. The week never gets more than 168 hours: what would go over is
 * not added. */
static GHashTable *
week_outcome (const BtImportWeek  *w,
              BtPlan              *plan,
              BtImportChoice       choice,
              GHashTable         **imported)
{
  BtWeek *existing = bt_plan_find_week (plan, w->iso_year, w->week);
  g_autoptr(GHashTable) hours = new_hours_table ();
  g_autoptr(GHashTable) from_calendar = new_hours_table ();
  double total = 0.0;
  GHashTableIter iter;
  gpointer key, value;

  /* Only hours no rule took: nothing goes in the plan, and no empty week
   * is made, unless the week holds this source's part from an earlier
   * import, which a newer export takes away. */
  if (g_hash_table_size (w->hours) == 0 &&
      (existing == NULL || bt_week_get_imported (existing) == NULL || !imported_by (existing, w->source)))
    return NULL;

  /* A week with no hours of the user's simply follows the calendar. */
  if (week_typed_total (existing, w->source) <= 0.0)
    choice = BT_IMPORT_REPLACE;
  if (choice == BT_IMPORT_KEEP)
    return NULL;

  if (choice == BT_IMPORT_ADD)
    for (guint i = 0; i < bt_week_get_n_categories (existing); i++)
      {
        const char *id = bt_week_get_category (existing, i, NULL);
        double typed = typed_hours (existing, id, w->source);

        if (typed > 0.0)
          {
            put_hours (hours, id, typed);
            total += typed;
          }
      }

  g_hash_table_iter_init (&iter, w->hours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *before = g_hash_table_lookup (hours, key);
      double add = round_hours (MIN (*(double *) value, BT_WEEK_MAX_HOURS - total));

      if (add <= 0.0)
        continue;
      put_hours (hours, key, round_hours ((before ? *before : 0.0) + add));
      put_hours (from_calendar, key, add);
      total += add;
    }

  *imported = g_steal_pointer (&from_calendar);
  return g_steal_pointer (&hours);
}

/**
 * bt_import_added_hours:
 *
 * What applying @import to @plan, with each week's choice, really adds
 * per category over all its weeks: nothing for a week whose typed hours
 * are kept, and never past a week's 168 hours, unlike
 * bt_import_category_hours(), which is the calendar's.
 *
 * Returns: (transfer full) (element-type utf8 double): category id →
 *   hours (double *)
 */
GHashTable *
bt_import_added_hours (BtImport *import,
                       BtPlan   *plan)
{
  GHashTable *added = new_hours_table ();

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      g_autoptr(GHashTable) imported = NULL;
      g_autoptr(GHashTable) hours = week_outcome (w, plan, w->choice, &imported);
      GHashTableIter iter;
      gpointer key, value;

      if (hours == NULL)
        continue;
      g_hash_table_iter_init (&iter, imported);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          double *before = g_hash_table_lookup (added, key);

          put_hours (added, key, round_hours ((before ? *before : 0.0) + *(double *) value));
        }
    }

  return added;
}

/**
 * bt_import_week_result:
 *
 * Returns: the hours @week would have in all after applying @choice
 */
double
bt_import_week_result (const BtImportWeek *week,
                       BtPlan             *plan,
                       BtImportChoice      choice)
{
  g_autoptr(GHashTable) imported = NULL;
  g_autoptr(GHashTable) hours = week_outcome (week, plan, choice, &imported);
  BtWeek *existing;
  GHashTableIter iter;
  gpointer value;
  double total = 0.0;

  if (hours == NULL)
    {
      existing = bt_plan_find_week (plan, week->iso_year, week->week);
      return existing != NULL ? bt_week_get_total_hours (existing) : 0.0;
    }

  g_hash_table_iter_init (&iter, hours);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += *(double *) value;

  return round_hours (total);
}

static const char * const choice_names[] = { "keep", "replace", "add" };

/**
 * bt_import_choice_to_string:
 *
 * Returns: "keep", "replace" or "add", as the command line takes them
 */
const char *
bt_import_choice_to_string (BtImportChoice choice)
{
  g_return_val_if_fail (choice < G_N_ELEMENTS (choice_names), NULL);

  return choice_names[choice];
}

gboolean
bt_import_choice_from_string (const char     *text,
                              BtImportChoice *choice)
{
  for (guint i = 0; i < G_N_ELEMENTS (choice_names); i++)
    if (g_strcmp0 (text, choice_names[i]) == 0)
      {
        *choice = (BtImportChoice) i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
same_hours (GHashTable *a,
            GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a ? g_hash_table_size (a) : 0) != (b ? g_hash_table_size (b) : 0))
    return FALSE;
  if (a == NULL)
    return TRUE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double *other = g_hash_table_lookup (b, key);

      if (other == NULL || *other != *(double *) value)
        return FALSE;
    }

  return TRUE;
}

/**
 * bt_import_apply:
 * @history: where the edits go, as one step Undo takes back
 *
 * Does what @import says to @plan. A week the plan has no hours of the
 * user's for gets the calendar's (other categories 0). A week with typed
 * hours gets what its choice says: kept as it is, replaced by the
 * calendar's, or the calendar's added to the typed hours per category.
 * The week remembers what the calendar put there (bt_week_set_imported()),
 * so that importing the same file twice, with any choice, changes nothing,
 * and a newer export replaces the calendar's part, never the typed one.
 * Touchpoints are added, or updated when an earlier import of the same
 * event made them.
 */
void
bt_import_apply (BtImport  *import,
                 BtPlan    *plan,
                 BtHistory *history)
{
  g_autofree char *label = g_strdup_printf (_("Import from “%s”"), import->source_name);
  g_autoptr(GHashTable) index = touchpoint_index_new ();

  bt_history_begin (history, label);

  if (import->default_rules && g_list_model_get_n_items (bt_plan_get_import_rules (plan)) == 0)
    bt_import_add_default_rules (plan, history);

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];
      g_autoptr(GHashTable) imported = NULL;
      g_autoptr(GHashTable) hours = week_outcome (w, plan, w->choice, &imported);
      BtWeek *week;

      if (hours == NULL)
        continue;
      week = bt_history_set_week (history, plan, w->iso_year, w->week, hours);
      if (!same_hours (bt_week_get_imported (week), imported))
        history_set (history, week, "imported", G_TYPE_HASH_TABLE,
                     g_hash_table_size (imported) > 0 ? imported : NULL);
      if (g_strcmp0 (bt_week_get_imported_from (week), import->source_name) != 0)
        history_set (history, week, "imported-from", G_TYPE_STRING,
                     g_hash_table_size (imported) > 0 ? import->source_name : NULL);
    }

  for (guint i = 0; i < import->touchpoints->len; i++)
    {
      BtImportTouchpoint *t = import->touchpoints->pdata[i];
      BtTouchpoint *existing = find_touchpoint (index, t->relationship, t->source);

      if (existing != NULL)
        {
          history_set (history, existing, "date", G_TYPE_DATE, &t->date);
          history_set (history, existing, "note", G_TYPE_STRING, t->summary);
        }
      else
        {
          g_autoptr(BtTouchpoint) tp = bt_touchpoint_new ();

          bt_touchpoint_set_date (tp, &t->date);
          bt_touchpoint_set_note (tp, t->summary);
          bt_touchpoint_set_source (tp, t->source);
          bt_history_append (history, BT_ITEM (t->relationship),
                             bt_relationship_get_touchpoints (t->relationship), BT_ITEM (tp));
          g_hash_table_insert (touchpoints_of (index, t->relationship), g_strdup (t->source),
                               g_object_ref (tp));
        }
    }

  bt_history_end (history);
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
