/* bt-item-editor-contact.c — a person's new e-mail, from the desktop
 * contact they were picked from
 *
 * A person added from the desktop's contacts keeps the contact's uid.
 * When their editor opens, the contact is looked up (in a worker thread,
 * see bt-eds-contacts.c); if the address book now has another e-mail than
 * the plan, a row under the E-mail row says so, and Use It puts it in the
 * E-mail row. Apply then takes it into the plan with the rest of the edit,
 * one step of the history. Nothing is offered without EDS, for a contact
 * gone, or for an address the E-mail row already shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-item-editor-private.h"
#ifdef HAVE_EDS
#include "bt-eds-contacts.h"
#endif

#ifdef HAVE_EDS
/* The look-up in flight: the offer's row may be gone when it ends. */
typedef struct
{
  GtkWidget      *offer;   /* weak */
  BtRelationship *person;
} Lookup;

static void
lookup_free (Lookup *lookup)
{
  g_clear_weak_pointer (&lookup->offer);
  g_object_unref (lookup->person);
  g_free (lookup);
}

static void
cancel_and_unref (gpointer data)
{
  g_cancellable_cancel (data);
  g_object_unref (data);
}

/* The E-mail row the offer is about. */
static GtkEditable *
email_row (GtkWidget *offer)
{
  return g_object_get_data (G_OBJECT (offer), "bt-email-row");
}

/* Shown while the E-mail row holds another address than the contact's. */
static void
on_email_changed_cb (GtkWidget *offer)
{
  const char *theirs = g_object_get_data (G_OBJECT (offer), "bt-contact-email");
  g_autofree char *typed = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (theirs == NULL)
    return;
  typed = g_strstrip (g_strdup (gtk_editable_get_text (email_row (offer))));
  a = g_utf8_casefold (typed, -1);
  b = g_utf8_casefold (theirs, -1);
  gtk_widget_set_visible (offer, !g_str_equal (a, b));
}

static void
on_use_clicked_cb (GtkWidget *offer)
{
  GtkEditable *row = email_row (offer);

  gtk_editable_set_text (row, g_object_get_data (G_OBJECT (offer), "bt-contact-email"));
  /* The offer hides itself: the focus goes to what it changed. */
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_looked_up_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = bt_eds_contacts_lookup_finish (result, &error);
  g_autofree char *title = NULL;
  const char *email;

  if (lookup->offer == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      lookup_free (lookup);
      return;
    }
  /* The look-up is over: tests wait for this. */
  g_object_set_data (G_OBJECT (lookup->offer), "bt-contact-lookup", NULL);
  if (found == NULL)
    {
      /* No address books on this desktop: nothing to offer, nothing wrong. */
      g_debug ("no contact look-up: %s", error->message);
      lookup_free (lookup);
      return;
    }

  email = bt_eds_contacts_changed_email (found, lookup->person);
  if (email != NULL)
    {
      /* TRANSLATORS: under a person's e-mail: the address GNOME Contacts (the
       * desktop's address book) has for them now, such as "Contacts now has
       * dana@example.com" */
      title = g_strdup_printf (_("Contacts now has %s"), email);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lookup->offer), title);
      g_object_set_data_full (G_OBJECT (lookup->offer), "bt-contact-email", g_strdup (email), g_free);
      on_email_changed_cb (lookup->offer);
    }
  lookup_free (lookup);
}
#endif

/**
 * bt_editor_page_add_contact_offer:
 * @page: a page on a person, with its E-mail row
 *
 * Adds, after the rows there are, a row that offers the e-mail the
 * person's contact has now, shown once the contact is found and only if
 * it is another address. Without EDS, it adds nothing.
 */
void
bt_editor_page_add_contact_offer (Page *page)
{
#ifdef HAVE_EDS
  BtRelationship *person = BT_RELATIONSHIP (page->item);
  Field *email = bt_editor_page_find_field (page, "email");
  const char *uids[] = { bt_relationship_get_contact_uid (person), NULL };
  GCancellable *cancellable;
  GtkWidget *offer, *button, *icon;
  Lookup *lookup;

  /* A new person was just filled in from the contact: nothing changed. */
  if (*uids[0] == '\0' || page->is_new || email == NULL || bt_plan_get_read_only (page->editor->plan))
    return;

  offer = adw_action_row_new ();
  gtk_widget_set_name (offer, "email-in-contacts");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (offer), FALSE);
  icon = gtk_image_new_from_icon_name ("x-office-address-book-symbolic");
  adw_action_row_add_prefix (ADW_ACTION_ROW (offer), icon);
  button = gtk_button_new_with_mnemonic (_("_Use It"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* TRANSLATORS: what a screen reader says for the Use It
                                   * button beside "Contacts now has …" */
                                  _("Use the E-mail from Contacts"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_use_clicked_cb), offer, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (offer), button);
  gtk_widget_set_visible (offer, FALSE);
  g_object_set_data (G_OBJECT (offer), "bt-email-row", email->row);
  g_signal_connect_object (email->row, "changed", G_CALLBACK (on_email_changed_cb), offer, G_CONNECT_SWAPPED);
  adw_preferences_group_add (page->fields_group, offer);

  /* Cancelled when the editor closes first. */
  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (offer), "bt-contact-lookup", g_object_ref (cancellable), cancel_and_unref);
  lookup = g_new0 (Lookup, 1);
  g_set_weak_pointer (&lookup->offer, offer);
  lookup->person = g_object_ref (person);
  bt_eds_contacts_lookup_async (uids, cancellable, on_looked_up_cb, lookup);
  g_object_unref (cancellable);
#endif
}
