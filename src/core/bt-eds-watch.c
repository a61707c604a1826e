/* bt-eds-watch.c — told when the events of some of the desktop's
 * calendars change
 *
 * One ECalClientView per calendar over a range of time; any event added,
 * changed or removed there emits "changed" once, a moment later, so that
 * a burst of changes (EDS batches its view signals for about two seconds)
 * makes one new reading. Every call is asynchronous: the main loop never
 * waits for a calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <glib.h>

/* EDS's headers still name GTimeVal, which GLib 2.62 deprecated. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libecal/libecal.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "bt-eds-watch-private.h"

/* Changes closer together than this make one "changed". */
#define SETTLE_MS 300

struct _BtEdsWatch
{
  GObject       parent_instance;

  GStrv         uids;
  char         *sexp;
  GCancellable *cancellable;
  GPtrArray    *clients;    /* ECalClient, kept while their views run */
  GPtrArray    *views;      /* ECalClientView */
  guint         settle_id;
};

G_DEFINE_FINAL_TYPE (BtEdsWatch, bt_eds_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
on_settled_cb (gpointer user_data)
{
  BtEdsWatch *self = user_data;

  self->settle_id = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_objects_cb (BtEdsWatch *self)
{
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, on_settled_cb, self);
}

static void
on_view_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BtEdsWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  ECalClientView *view = NULL;

  if (!e_cal_client_get_view_finish (E_CAL_CLIENT (object), result, &view, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("no view of a calendar: %s", error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_object_unref (view);
      return;
    }

  /* Not the events already there: the reading the watcher's owner made
   * at the start has them. */
  e_cal_client_view_set_flags (view, E_CAL_CLIENT_VIEW_FLAGS_NONE, NULL);
  g_signal_connect_object (view, "objects-added", G_CALLBACK (on_objects_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "objects-modified", G_CALLBACK (on_objects_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "objects-removed", G_CALLBACK (on_objects_cb), self, G_CONNECT_SWAPPED);
  /* Once the view is up, "changed" too: what changed between the owner's
   * first reading and now would otherwise be missed. */
  g_signal_connect_object (view, "complete", G_CALLBACK (on_objects_cb), self, G_CONNECT_SWAPPED);
  e_cal_client_view_start (view, &error);
  if (error != NULL)
    g_debug ("a calendar view did not start: %s", error->message);
  g_ptr_array_add (self->views, view);
}

static void
on_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BtEdsWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(EClient) client = e_cal_client_connect_finish (result, &error);

  if (client == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("a calendar did not connect: %s", error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_ptr_array_add (self->clients, g_object_ref (client));
  e_cal_client_get_view (E_CAL_CLIENT (client), self->sexp, self->cancellable, on_view_cb, g_object_ref (self));
}

static void
on_registry_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BtEdsWatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ESourceRegistry) registry = e_source_registry_new_finish (result, &error);

  if (registry == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("no calendar registry: %s", error->message);
      return;
    }
  for (guint i = 0; self->uids[i] != NULL; i++)
    {
      g_autoptr(ESource) source = e_source_registry_ref_source (registry, self->uids[i]);

      /* Local calendars never report connected: wait for them to open. */
      if (source != NULL)
        e_cal_client_connect (source, E_CAL_CLIENT_SOURCE_TYPE_EVENTS, (guint32) -1, self->cancellable,
                              on_connected_cb, g_object_ref (self));
    }
}

static void
bt_eds_watch_dispose (GObject *object)
{
  BtEdsWatch *self = BT_EDS_WATCH (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (self->views != NULL)
    for (guint i = 0; i < self->views->len; i++)
      e_cal_client_view_stop (self->views->pdata[i], NULL);
  g_clear_pointer (&self->views, g_ptr_array_unref);
  g_clear_pointer (&self->clients, g_ptr_array_unref);

  G_OBJECT_CLASS (bt_eds_watch_parent_class)->dispose (object);
}

static void
bt_eds_watch_finalize (GObject *object)
{
  BtEdsWatch *self = BT_EDS_WATCH (object);

  g_clear_object (&self->cancellable);
  g_strfreev (self->uids);
  g_free (self->sexp);

  G_OBJECT_CLASS (bt_eds_watch_parent_class)->finalize (object);
}

static void
bt_eds_watch_class_init (BtEdsWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bt_eds_watch_dispose;
  object_class->finalize = bt_eds_watch_finalize;

  /**
   * BtEdsWatch::changed:
   *
   * Events of the calendars in the range were added, changed or removed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bt_eds_watch_init (BtEdsWatch *self)
{
  self->cancellable = g_cancellable_new ();
  self->views = g_ptr_array_new_with_free_func (g_object_unref);
  self->clients = g_ptr_array_new_with_free_func (g_object_unref);
}

/* How many calendar views are started, so that a test changes a
 * calendar only once its view will tell. */
guint
bt_eds_watch_get_n_started (BtEdsWatch *self)
{
  g_return_val_if_fail (BT_IS_EDS_WATCH (self), 0);

  return self->views->len;
}

static char *
utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

/**
 * bt_eds_watch_new:
 * @uids: the calendars to watch
 * @from: where the range begins
 * @until: where it ends
 *
 * Returns: (transfer full): a watcher, already connecting (through
 *   bt-eds-loader.c, %NULL when the module cannot be loaded)
 */
BtEdsWatch *
bt_eds_watch_new (const char * const *uids,
                  GDateTime          *from,
                  GDateTime          *until)
{
  BtEdsWatch *self = g_object_new (BT_TYPE_EDS_WATCH, NULL);
  g_autofree char *start = utc_text (from);
  g_autofree char *end = utc_text (until);

  g_return_val_if_fail (uids != NULL, self);

  self->uids = g_strdupv ((char **) uids);
  self->sexp = g_strdup_printf ("(occur-in-time-range? (make-time \"%s\") (make-time \"%s\"))", start, end);
  if (g_getenv ("BREAKTHROUGH_NO_EDS") == NULL)
    e_source_registry_new (self->cancellable, on_registry_cb, g_object_ref (self));

  return self;
}
