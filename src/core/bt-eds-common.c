/* bt-eds-common.c — what the app does with the desktop's calendars and
 * contacts without Evolution Data Server itself
 *
 * Freeing what the EDS module returns, choosing calendars by name,
 * telling whether a contact's e-mail changed, and running the synchronous
 * calls in a worker thread need none of EDS's libraries: they are here, in
 * the app, while the calls into EDS are in the module the app loads when
 * it first needs one (bt-eds-loader.c), in that worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-eds-calendars.h"
#include "bt-eds-contacts.h"

void
bt_eds_calendar_free (BtEdsCalendar *calendar)
{
  if (calendar == NULL)
    return;

  g_free (calendar->uid);
  g_free (calendar->name);
  g_free (calendar->account);
  g_free (calendar);
}

/**
 * bt_eds_calendars_choose:
 * @calendars: (element-type BtEdsCalendar): from bt_eds_calendars_list_sync()
 * @wanted: (nullable): names or uids; %NULL or empty for all of @calendars
 *
 * Returns: (transfer full) (element-type utf8): the uids of the calendars
 *   @wanted names, NULL-terminated, or %NULL with @error naming the first
 *   that is not among @calendars
 */
GPtrArray *
bt_eds_calendars_choose (GPtrArray          *calendars,
                         const char * const *wanted,
                         GError            **error)
{
  g_autoptr(GPtrArray) uids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (calendars != NULL, NULL);

  if (wanted == NULL || wanted[0] == NULL)
    {
      for (guint i = 0; i < calendars->len; i++)
        g_ptr_array_add (uids, g_strdup (((BtEdsCalendar *) calendars->pdata[i])->uid));
    }
  else
    for (guint w = 0; wanted[w] != NULL; w++)
      {
        g_autofree char *folded = g_utf8_casefold (wanted[w], -1);
        const BtEdsCalendar *found = NULL;

        for (guint i = 0; i < calendars->len && found == NULL; i++)
          {
            const BtEdsCalendar *c = calendars->pdata[i];
            g_autofree char *name = g_utf8_casefold (c->name ? c->name : "", -1);

            if (g_strcmp0 (c->uid, wanted[w]) == 0 || g_strcmp0 (name, folded) == 0)
              found = c;
          }
        if (found == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("The desktop has no calendar called “%s”"), wanted[w]);
            return NULL;
          }
        if (!g_ptr_array_find_with_equal_func (uids, found->uid, g_str_equal, NULL))
          g_ptr_array_add (uids, g_strdup (found->uid));
      }

  g_ptr_array_add (uids, NULL);
  return g_steal_pointer (&uids);
}

void
bt_eds_contact_free (BtEdsContact *contact)
{
  if (contact == NULL)
    return;

  g_free (contact->uid);
  g_free (contact->name);
  g_free (contact->email);
  g_free (contact->organisation);
  g_free (contact->title);
  g_free (contact->book);
  g_free (contact);
}

/**
 * bt_eds_contacts_changed_email:
 * @found: (element-type utf8 BtEdsContact): as bt_eds_contacts_lookup_sync()
 *   gave them
 *
 * What to offer a person linked to a contact: the contact's e-mail when it
 * is another than the person's. Case is no change: address books write
 * "Dana@Example.com" as people type it.
 *
 * Returns: (nullable): the contact's e-mail, owned by @found; %NULL when
 *   the person is linked to no contact found, or the contact has no e-mail
 *   or the same
 */
const char *
bt_eds_contacts_changed_email (GHashTable     *found,
                               BtRelationship *relationship)
{
  const BtEdsContact *contact;
  g_autofree char *theirs = NULL;
  g_autofree char *ours = NULL;

  g_return_val_if_fail (found != NULL, NULL);
  g_return_val_if_fail (BT_IS_RELATIONSHIP (relationship), NULL);

  contact = g_hash_table_lookup (found, bt_relationship_get_contact_uid (relationship));
  if (contact == NULL || contact->email == NULL)
    return NULL;
  theirs = g_utf8_casefold (contact->email, -1);
  ours = g_utf8_casefold (bt_relationship_get_email (relationship), -1);

  return g_str_equal (theirs, ours) ? NULL : contact->email;
}

static void
list_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  GPtrArray *calendars;

  /* EDS's objects made here send their signals and idle calls to the
   * thread-default context: this thread's own, not the main loop's, where
   * they would meet the objects this thread frees. */
  g_main_context_push_thread_default (context);
  calendars = bt_eds_calendars_list_sync (cancellable, &error);
  g_main_context_pop_thread_default (context);

  if (calendars == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, calendars, (GDestroyNotify) g_ptr_array_unref);
}

void
bt_eds_calendars_list_async (GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, bt_eds_calendars_list_async);
  g_task_run_in_thread (task, list_in_thread);
}

GPtrArray *
bt_eds_calendars_list_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  GStrv      uids;
  char      *user_email;
  GDateTime *from;
  GDateTime *now;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_strfreev (data->uids);
  g_free (data->user_email);
  g_clear_pointer (&data->from, g_date_time_unref);
  g_clear_pointer (&data->now, g_date_time_unref);
  g_free (data);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  BtImportSource *source;

  /* As in list_in_thread(). */
  g_main_context_push_thread_default (context);
  source = bt_eds_calendars_read_sync ((const char * const *) data->uids, data->user_email,
                                       data->from, data->now, cancellable, &error);
  g_main_context_pop_thread_default (context);

  if (source == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, source, (GDestroyNotify) bt_import_source_free);
}

void
bt_eds_calendars_read_async (const char * const  *uids,
                             const char          *user_email,
                             GDateTime           *from,
                             GDateTime           *now,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadData *data = g_new0 (ReadData, 1);

  g_return_if_fail (uids != NULL);
  g_return_if_fail (now != NULL);

  data->uids = g_strdupv ((char **) uids);
  data->user_email = g_strdup (user_email);
  data->from = from ? g_date_time_ref (from) : NULL;
  data->now = g_date_time_ref (now);

  g_task_set_source_tag (task, bt_eds_calendars_read_async);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

BtImportSource *
bt_eds_calendars_read_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
search_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  GPtrArray *contacts;

  /* EDS's signals and idle calls to this thread, not the main loop. */
  g_main_context_push_thread_default (context);
  contacts = bt_eds_contacts_search_sync (task_data, cancellable, &error);
  g_main_context_pop_thread_default (context);

  if (contacts == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, contacts, (GDestroyNotify) g_ptr_array_unref);
}

void
bt_eds_contacts_search_async (const char          *text,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, bt_eds_contacts_search_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, search_in_thread);
}

GPtrArray *
bt_eds_contacts_search_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
lookup_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  GError *error = NULL;
  GHashTable *found;

  g_main_context_push_thread_default (context);
  found = bt_eds_contacts_lookup_sync (task_data, cancellable, &error);
  g_main_context_pop_thread_default (context);

  if (found == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, found, (GDestroyNotify) g_hash_table_unref);
}

/**
 * bt_eds_contacts_lookup_async:
 * @uids: the uids of contacts
 *
 * bt_eds_contacts_lookup_sync() in a worker thread: the main loop goes on
 * while the address books open.
 */
void
bt_eds_contacts_lookup_async (const char * const  *uids,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_return_if_fail (uids != NULL);

  g_task_set_source_tag (task, bt_eds_contacts_lookup_async);
  g_task_set_task_data (task, g_strdupv ((char **) uids), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, lookup_in_thread);
}

/**
 * bt_eds_contacts_lookup_finish:
 *
 * Returns: (transfer full) (element-type utf8 BtEdsContact): as
 *   bt_eds_contacts_lookup_sync()
 */
GHashTable *
bt_eds_contacts_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
