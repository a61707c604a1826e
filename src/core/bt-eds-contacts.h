/* bt-eds-contacts.h — people from the desktop's address books, through
 * Evolution Data Server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-relationship.h"

G_BEGIN_DECLS

/* One contact, with what a relationship takes from it. */
typedef struct
{
  char *uid;           /* the contact's, stable in its address book */
  char *name;
  char *email;         /* the first address, or NULL */
  char *organisation;  /* or NULL */
  char *title;         /* the job title, or NULL */
  char *book;          /* the address book's display name */
} BtEdsContact;

void       bt_eds_contact_free          (BtEdsContact  *contact);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtEdsContact, bt_eds_contact_free)

GPtrArray *bt_eds_contacts_search_sync  (const char    *text,
                                         GCancellable  *cancellable,
                                         GError       **error);
void       bt_eds_contacts_search_async (const char    *text,
                                         GCancellable  *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer       user_data);
GPtrArray *bt_eds_contacts_search_finish (GAsyncResult *result,
                                          GError      **error);

GHashTable *bt_eds_contacts_lookup_sync   (const char * const  *uids,
                                           GCancellable        *cancellable,
                                           GError             **error);
void        bt_eds_contacts_lookup_async  (const char * const  *uids,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
GHashTable *bt_eds_contacts_lookup_finish (GAsyncResult        *result,
                                           GError             **error);
const char *bt_eds_contacts_changed_email (GHashTable          *found,
                                           BtRelationship      *relationship);

G_END_DECLS
