/* bt-import.h — measured time: calendar and time-tracker exports turned
 * into tactical and strategic weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-history.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_IMPORT_ERROR (bt_import_error_quark ())

typedef enum
{
  BT_IMPORT_ERROR_READ,       /* the file could not be read */
  BT_IMPORT_ERROR_MALFORMED,  /* the file is not what it should be; the message names the line */
  BT_IMPORT_ERROR_TOO_BIG,    /* more events than any real calendar */
} BtImportError;

/* What the instances of one event have in common, held once for all. */
typedef struct _BtImportShared BtImportShared;

GQuark bt_import_error_quark (void);

/* One event, or one occurrence of a recurring one, as a source gives it. */
typedef struct
{
  gint64  start;          /* seconds since the epoch */
  gint64  end;
  char   *key;            /* unique in the source, stable between exports */
  char   *summary;
  char   *description;
  char   *calendar;       /* the calendar's name, or a tracker's project */
  GStrv   attendees;      /* lower-case e-mail addresses */
  BtImportShared *shared; /* when set, it owns summary … attendee_names */
  GStrv   attendee_names; /* the attendees' display names (CN), where given */
} BtImportEvent;

/* What importing does to a week that already has hours the user typed.
 * Calendar hours are meetings, not the whole week: keeping them is the
 * default. */
typedef enum
{
  BT_IMPORT_KEEP,      /* keep the typed hours; the calendar's are not used */
  BT_IMPORT_REPLACE,   /* the calendar's hours become the week's */
  BT_IMPORT_ADD,       /* the calendar's hours are added to the typed ones, per category */
} BtImportChoice;

/* One week of the import. */
typedef struct
{
  int            iso_year;
  int            week;
  GHashTable    *hours;        /* category id → hours, the calendar's */
  double         unmatched;    /* hours no rule took */
  double         typed;        /* the hours the user typed for this week: the plan's less what
                                * an earlier import put there (see bt_week_get_imported()) */
  BtImportChoice choice;       /* what applying does when @typed > 0; BT_IMPORT_KEEP at first */
  const char    *source;       /* the import's source_name, which owns it */
} BtImportWeek;

typedef struct
{
  char   *summary;
  guint   count;
  double  hours;
} BtImportUnmatched;

typedef struct
{
  BtRelationship *relationship;
  GDate           date;
  char           *summary;
  char           *source;     /* the event's key, so importing again finds it */
  gboolean        is_new;     /* not in the plan yet */
  BtImportShared *shared;     /* when set, it owns summary */
} BtImportTouchpoint;

typedef struct _BtImport BtImport;

struct _BtImport
{
  char       *source_name;   /* the calendar's name, or the file's */
  GPtrArray  *weeks;         /* BtImportWeek, in order */
  GPtrArray  *unmatched;     /* BtImportUnmatched, most hours first */
  GPtrArray  *touchpoints;   /* BtImportTouchpoint, by date */
  GPtrArray  *missing_categories; /* rules whose category is gone: their patterns */
  guint       n_events;      /* occurrences counted */
  guint       n_all_day;
  guint       n_cancelled;
  guint       n_declined;
  guint       n_no_instance; /* overrides of an instance the recurring event does not have */
  guint       n_future;      /* single events that start after today */
  guint       n_future_series; /* recurring events that go on after today, once each */
  gboolean    default_rules; /* the plan had no rules: the defaults were used */
  char       *refused;       /* why the plan cannot hold it, or NULL */
};

void        bt_import_free               (BtImport     *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtImport, bt_import_free)

typedef enum
{
  BT_IMPORT_CALENDAR,      /* iCalendar (.ics) */
  BT_IMPORT_TIME_REPORT,   /* a Toggl Track or Clockify detailed report (CSV) */
} BtImportKind;

/* What a file holds, before a plan's rules meet it. */
typedef struct
{
  char       *name;          /* the calendar's name, or the file's */
  GPtrArray  *events;        /* BtImportEvent */
  guint       n_all_day;
  guint       n_cancelled;
  guint       n_declined;
  guint       n_no_instance;
  guint       n_future;      /* events after today the reader counted itself */
  guint       n_future_series; /* recurring events that repeat after today, once each */
} BtImportSource;

void        bt_import_source_free        (BtImportSource *source);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtImportSource, bt_import_source_free)

/* How far a reading is, from 0 to 1; called from the reading's thread. */
typedef void (*BtImportProgressFunc)     (double        fraction,
                                          gpointer      user_data);

BtImportKind bt_import_kind_for_path     (const char   *path);
char       *bt_import_read               (const char   *path,
                                          BtImportKind  kind,
                                          gsize        *length,
                                          GError      **error);
BtImport   *bt_import_text               (BtPlan       *plan,
                                          BtImportKind  kind,
                                          const char   *text,
                                          gsize         length,
                                          const char   *name,
                                          GDateTime    *now,
                                          GError      **error);
BtImportSource *bt_import_source_read    (BtImportKind  kind,
                                          const char   *text,
                                          gsize         length,
                                          const char   *name,
                                          const char   *user_email,
                                          GDateTime    *now,
                                          GCancellable *cancellable,
                                          BtImportProgressFunc progress,
                                          gpointer      user_data,
                                          GError      **error);
BtImport   *bt_import_from_source        (BtPlan       *plan,
                                          BtImportSource *source,
                                          GDateTime    *now,
                                          GError      **error);
BtImport   *bt_import_file               (BtPlan       *plan,
                                          BtImportKind  kind,
                                          const char   *path,
                                          GDateTime    *now,
                                          GError      **error);
BtImport   *bt_import_ics_text           (BtPlan       *plan,
                                          const char   *text,
                                          const char   *name,
                                          GDateTime    *now,
                                          GError      **error);
BtImport   *bt_import_csv_text           (BtPlan       *plan,
                                          const char   *text,
                                          gsize         length,
                                          const char   *name,
                                          GDateTime    *now,
                                          GError      **error);
BtImport   *bt_import_events             (BtPlan       *plan,
                                          GPtrArray    *events,
                                          const char   *source_name,
                                          GDateTime    *now);
void        bt_import_apply              (BtImport     *import,
                                          BtPlan       *plan,
                                          BtHistory    *history);
void        bt_import_set_choice         (BtImport     *import,
                                          BtImportChoice choice);
guint       bt_import_count_typed_weeks  (BtImport     *import);
double      bt_import_week_result        (const BtImportWeek *week,
                                          BtPlan       *plan,
                                          BtImportChoice choice);
const char *bt_import_choice_to_string   (BtImportChoice choice);
gboolean    bt_import_choice_from_string (const char   *text,
                                          BtImportChoice *choice);
void        bt_import_week_kinds         (const BtImportWeek *week,
                                          GListModel   *categories,
                                          double       *tactical,
                                          double       *strategic);
double      bt_import_category_hours     (BtImport     *import,
                                          const char   *category_id);
GHashTable *bt_import_added_hours        (BtImport     *import,
                                          BtPlan       *plan);

char       *bt_import_escape             (const char   *text);

void        bt_import_add_default_rules  (BtPlan       *plan,
                                          BtHistory    *history);
BtCategory *bt_import_match              (BtPlan       *plan,
                                          const BtImportEvent *event);

char       *bt_import_weeks_to_csv       (BtPlan       *plan);

BtImportShared *bt_import_shared_new     (const char   *summary,
                                          const char   *description,
                                          const char   *calendar,
                                          const char * const *attendees,
                                          const char * const *attendee_names);
void        bt_import_shared_unref       (BtImportShared *shared);
BtImportEvent *bt_import_event_new_shared (BtImportShared *shared,
                                          char         *key,
                                          gint64        start,
                                          gint64        end);
void        bt_import_event_free         (BtImportEvent *event);

G_END_DECLS
