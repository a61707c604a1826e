/* bt-eds-contacts.c — people from the desktop's address books, through
 * Evolution Data Server
 *
 * GNOME Contacts and GNOME Online Accounts keep the user's address books
 * in Evolution Data Server. A search of all the enabled ones gives, per
 * contact, what a relationship takes: name, e-mail, organisation and title,
 * and the contact's uid; a look-up by uid gives what a linked contact says
 * now, so that a later change of its e-mail can be offered. The async
 * entry points run the synchronous calls in a worker thread with a main
 * context of its own (see bt-eds-calendars.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-eds"

#include "config.h"

#include <glib.h>
#include <glib/gi18n-lib.h>

/* EDS's headers still name GTimeVal, which GLib 2.62 deprecated. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libebook/libebook.h>
G_GNUC_END_IGNORE_DEPRECATIONS

#include "bt-eds-contacts.h"

/* A search shows a list to pick from, not the whole address book. */
#define MAX_CONTACTS 200

static char *
field (EContact      *contact,
       EContactField  id)
{
  const char *value = e_contact_get_const (contact, id);

  return value != NULL && *value != '\0' ? g_strdup (value) : NULL;
}

static int
compare_contacts (gconstpointer a,
                  gconstpointer b)
{
  const BtEdsContact *x = *(BtEdsContact **) a;
  const BtEdsContact *y = *(BtEdsContact **) b;

  return g_utf8_collate (x->name, y->name);
}

/* The contacts @sexp matches in every enabled address book, at most @limit
 * of them, those with a name only when @named; NULL with @error when no
 * source registry answers. */
static GPtrArray *
read_address_books (const char    *sexp,
                    guint          limit,
                    gboolean       named,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(ESourceRegistry) registry = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  GList *sources;

  if (g_getenv ("BREAKTHROUGH_NO_EDS") != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "BREAKTHROUGH_NO_EDS is set");
      return NULL;
    }
  registry = e_source_registry_new_sync (cancellable, error);
  if (registry == NULL)
    {
      g_prefix_error (error, _("The desktop’s address books could not be reached: "));
      return NULL;
    }

  contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_eds_contact_free);

  sources = e_source_registry_list_enabled (registry, E_SOURCE_EXTENSION_ADDRESS_BOOK);
  for (GList *l = sources; l != NULL && contacts->len < limit; l = l->next)
    {
      g_autoptr(EClient) client = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *book = e_source_dup_display_name (l->data);
      GSList *found = NULL;

      /* Local address books never report connected either. */
      client = e_book_client_connect_sync (l->data, (guint32) -1, cancellable, &local_error);
      if (client == NULL ||
          !e_book_client_get_contacts_sync (E_BOOK_CLIENT (client), sexp, &found, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              g_list_free_full (sources, g_object_unref);
              return NULL;
            }
          /* One address book offline is no reason to show none. */
          g_debug ("an address book could not be read: %s", local_error ? local_error->message : "");
          continue;
        }
      for (GSList *c = found; c != NULL && contacts->len < limit; c = c->next)
        {
          BtEdsContact *contact;
          char *name = field (c->data, E_CONTACT_FULL_NAME);

          if (name == NULL && named)
            continue;
          contact = g_new0 (BtEdsContact, 1);
          contact->name = name;
          contact->uid = field (c->data, E_CONTACT_UID);
          contact->email = field (c->data, E_CONTACT_EMAIL_1);
          contact->organisation = field (c->data, E_CONTACT_ORG);
          contact->title = field (c->data, E_CONTACT_TITLE);
          contact->book = g_strdup (book);
          g_ptr_array_add (contacts, contact);
        }
      g_slist_free_full (found, g_object_unref);
    }
  g_list_free_full (sources, g_object_unref);

  return g_steal_pointer (&contacts);
}

/**
 * bt_eds_contacts_search_sync:
 * @text: (nullable): words any field holds; %NULL or empty for everyone
 *
 * Returns: (transfer full) (element-type BtEdsContact): the contacts with
 *   a name, by name, at most 200; or %NULL with @error when no source
 *   registry answers
 */
GPtrArray *
bt_eds_contacts_search_sync (const char    *text,
                             GCancellable  *cancellable,
                             GError       **error)
{
  EBookQuery *query = e_book_query_any_field_contains (text != NULL ? text : "");
  g_autofree char *sexp = e_book_query_to_string (query);
  GPtrArray *contacts;

  e_book_query_unref (query);
  contacts = read_address_books (sexp, MAX_CONTACTS, TRUE, cancellable, error);
  if (contacts != NULL)
    g_ptr_array_sort (contacts, compare_contacts);

  return contacts;
}

/**
 * bt_eds_contacts_lookup_sync:
 * @uids: the uids of contacts, as bt_eds_contacts_search_sync() gave them
 *
 * Finds the contacts the plan's people were picked from, in whichever
 * address book holds them now, for what they say today (their e-mail).
 *
 * Returns: (transfer full) (element-type utf8 BtEdsContact): the contacts
 *   found, by uid (one gone from every address book is not there); or
 *   %NULL with @error when no source registry answers
 */
GHashTable *
bt_eds_contacts_lookup_sync (const char * const  *uids,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GPtrArray) queries = g_ptr_array_new ();
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GHashTable) found = NULL;
  g_autofree char *sexp = NULL;
  EBookQuery *query;

  g_return_val_if_fail (uids != NULL, NULL);

  for (guint i = 0; uids[i] != NULL; i++)
    if (*uids[i] != '\0')
      g_ptr_array_add (queries, e_book_query_field_test (E_CONTACT_UID, E_BOOK_QUERY_IS, uids[i]));
  found = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) bt_eds_contact_free);
  if (queries->len == 0)
    return g_steal_pointer (&found);

  query = e_book_query_or (queries->len, (EBookQuery **) queries->pdata, TRUE);
  sexp = e_book_query_to_string (query);
  e_book_query_unref (query);
  contacts = read_address_books (sexp, G_MAXUINT, FALSE, cancellable, error);
  if (contacts == NULL)
    return NULL;

  /* The first address book that holds a contact wins, as in a search. */
  for (guint i = 0; i < contacts->len; i++)
    {
      BtEdsContact *contact = contacts->pdata[i];

      if (contact->uid != NULL && !g_hash_table_contains (found, contact->uid))
        g_hash_table_insert (found, contact->uid, g_steal_pointer (&contacts->pdata[i]));
    }

  return g_steal_pointer (&found);
}
