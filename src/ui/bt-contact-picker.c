/* bt-contact-picker.c — a person from the desktop's address books, for a
 * new relationship
 *
 * Adding a person first offers the desktop's contacts (Evolution Data
 * Server), searched without blocking as the user types. Picking one fills
 * the new relationship's name, e-mail and role (title and organisation),
 * links it to the contact by its uid, and emits "done"; Type It In emits
 * "done" with the relationship as it was. The item editor opens after
 * either, so nothing is added unseen. Where no address book answers, the
 * picker says so and typing stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-contact-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-contact-picker.h"
#ifdef HAVE_EDS
#include "bt-eds-contacts.h"
#endif

struct _BtContactPicker
{
  AdwWindow            parent_instance;

  GtkSearchEntry      *search_entry;
  AdwPreferencesGroup *contacts_group;
  AdwActionRow        *status_row;
  GtkWidget           *type_button;

  BtRelationship      *relationship;
  GListModel          *people;        /* the plan's, to find who is in it already */
  GPtrArray           *rows;          /* AdwActionRow, a BtEdsContact in "bt-contact" */
  GCancellable        *cancellable;   /* the search under way */
};

G_DEFINE_FINAL_TYPE (BtContactPicker, bt_contact_picker, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
finish (BtContactPicker *self,
        BtRelationship  *relationship)
{
  g_signal_emit (self, signals[DONE], 0, relationship);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_type_clicked_cb (BtContactPicker *self)
{
  finish (self, self->relationship);
}

#ifdef HAVE_EDS
static void
on_contact_activated_cb (BtContactPicker *self,
                         AdwActionRow    *row)
{
  BtEdsContact *contact = g_object_get_data (G_OBJECT (row), "bt-contact");
  BtRelationship *known = g_object_get_data (G_OBJECT (row), "bt-person");
  g_autofree char *role = NULL;

  /* Someone already in the plan opens as they are, not a second time. */
  if (known != NULL)
    {
      finish (self, known);
      return;
    }

  if (contact->title != NULL && contact->organisation != NULL)
    /* TRANSLATORS: a person's role from their contact card: "CFO, Initech" */
    role = g_strdup_printf (_("%s, %s"), contact->title, contact->organisation);
  else
    role = g_strdup (contact->title != NULL ? contact->title : contact->organisation);

  bt_relationship_set_name (self->relationship, contact->name);
  if (contact->email != NULL)
    bt_relationship_set_email (self->relationship, contact->email);
  if (role != NULL)
    bt_relationship_set_role (self->relationship, role);
  /* "Product" for everyone was easy to save unseen: a guess from the
   * title, or Other, which the editor shows to be checked */
  bt_relationship_set_function (self->relationship, bt_relationship_guess_function (contact->title));
  /* So that a later change of the contact's e-mail can be offered. */
  if (contact->uid != NULL)
    bt_relationship_set_contact_uid (self->relationship, contact->uid);
  finish (self, self->relationship);
}

/* The person of the plan this contact is already, by the contact's uid
 * or, for one added by hand, by e-mail; NULL for none. */
static BtRelationship *
find_person (BtContactPicker    *self,
             const BtEdsContact *contact)
{
  if (self->people == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->people); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (self->people, i);
      const char *uid = bt_relationship_get_contact_uid (r);
      const char *email = bt_relationship_get_email (r);

      if ((contact->uid != NULL && g_strcmp0 (uid, contact->uid) == 0) ||
          (contact->email != NULL && *contact->email != '\0' && email != NULL &&
           g_ascii_strcasecmp (email, contact->email) == 0))
        return r;
    }

  return NULL;
}

static void
clear_rows (BtContactPicker *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->contacts_group, self->rows->pdata[i]);
  g_ptr_array_set_size (self->rows, 0);
}

static void
show_status (BtContactPicker *self,
             const char      *title,
             const char      *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), title);
  adw_action_row_set_subtitle (self->status_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), TRUE);
}

static void
on_found_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BtContactPicker) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = bt_eds_contacts_search_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_rows (self);
  if (contacts == NULL)
    {
      g_debug ("no address books: %s", error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      show_status (self, _("Your address books cannot be read here"),
                   _("No contacts service answers on this desktop: type the person in."));
      return;
    }
  if (contacts->len == 0)
    {
      show_status (self, _("No contact found"), _("Search for another name, or type the person in."));
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  for (guint i = 0; i < contacts->len; i++)
    {
      BtEdsContact *contact = g_steal_pointer (&contacts->pdata[i]);
      GtkWidget *row = adw_action_row_new ();
      BtRelationship *known = find_person (self, contact);
      g_autoptr(GString) subtitle = g_string_new (contact->email);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact->name);
      if (contact->organisation != NULL)
        g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", contact->organisation);
      if (known != NULL)
        {
          /* TRANSLATORS: before a contact's e-mail in the contact picker, for someone
           * the plan has already; picking them opens them */
          g_string_prepend (subtitle, subtitle->len > 0 ? " · " : "");
          g_string_prepend (subtitle, _("Already in your plan"));
          g_object_set_data_full (G_OBJECT (row), "bt-person", g_object_ref (known), g_object_unref);
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "bt-contact", contact, (GDestroyNotify) bt_eds_contact_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_contact_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->contacts_group, row);
      g_ptr_array_add (self->rows, row);
    }
}
#endif

static void
on_search_changed_cb (BtContactPicker *self)
{
#ifdef HAVE_EDS
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  bt_eds_contacts_search_async (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), self->cancellable,
                                on_found_cb, g_object_ref (self));
#endif
}

static void
bt_contact_picker_dispose (GObject *object)
{
  BtContactPicker *self = BT_CONTACT_PICKER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_CONTACT_PICKER);
  g_clear_object (&self->relationship);
  g_clear_object (&self->people);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bt_contact_picker_parent_class)->dispose (object);
}

static void
bt_contact_picker_class_init (BtContactPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_contact_picker_dispose;

  /**
   * BtContactPicker::done:
   * @relationship: the new relationship, filled in from a contact or not
   *
   * A contact was picked, or the user chose to type the person in.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 1, BT_TYPE_RELATIONSHIP);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-contact-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BtContactPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BtContactPicker, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, BtContactPicker, status_row);
  gtk_widget_class_bind_template_child (widget_class, BtContactPicker, type_button);
  gtk_widget_class_bind_template_callback (widget_class, on_type_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bt_contact_picker_init (BtContactPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

#ifdef HAVE_EDS
typedef struct
{
  GtkWindow           *parent;
  GListModel          *people;
  BtRelationship      *relationship;
  BtContactPickerDone  done;
} Offer;

static void
offer_free (Offer *offer)
{
  g_object_unref (offer->parent);
  g_clear_object (&offer->people);
  g_object_unref (offer->relationship);
  g_free (offer);
}

static void
on_picker_done_cb (BtContactPicker *picker,
                   BtRelationship  *relationship,
                   Offer           *offer)
{
  offer->done (offer->parent, relationship);
}

static void
on_any_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Offer *offer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = bt_eds_contacts_search_finish (result, &error);
  BtContactPicker *picker;

  /* No address book, or an empty one: straight to typing. */
  if (contacts == NULL || contacts->len == 0 || !gtk_widget_get_visible (GTK_WIDGET (offer->parent)))
    {
      if (gtk_widget_get_visible (GTK_WIDGET (offer->parent)))
        offer->done (offer->parent, offer->relationship);
      offer_free (offer);
      return;
    }
  picker = bt_contact_picker_new (offer->parent, offer->people, offer->relationship);
  g_signal_connect_data (picker, "done", G_CALLBACK (on_picker_done_cb), offer, (GClosureNotify) offer_free, 0);
  gtk_window_present (GTK_WINDOW (picker));
}
#endif

/**
 * bt_contact_picker_offer:
 * @people: (nullable): the plan's relationships: a contact already among
 *   them is marked, and picking it gives that relationship to @done
 * @relationship: a new relationship, not in the plan yet
 * @done: called with @relationship, filled in or not, once the user chose
 *
 * Offers the desktop's contacts for a new person where there are any;
 * calls @done at once (after the main loop turns) where there are none.
 */
void
bt_contact_picker_offer (GtkWindow           *parent,
                         GListModel          *people,
                         BtRelationship      *relationship,
                         BtContactPickerDone  done)
{
#ifdef HAVE_EDS
  Offer *offer = g_new0 (Offer, 1);

  offer->parent = g_object_ref (parent);
  offer->people = people != NULL ? g_object_ref (people) : NULL;
  offer->relationship = g_object_ref (relationship);
  offer->done = done;
  bt_eds_contacts_search_async (NULL, NULL, on_any_found_cb, offer);
#else
  done (parent, relationship);
#endif
}

/**
 * bt_contact_picker_new:
 * @people: (nullable): the plan's relationships (see bt_contact_picker_offer())
 * @relationship: a new relationship, not in the plan yet: a pick fills it
 *
 * Returns: (transfer floating): the picker, already listing the contacts
 */
BtContactPicker *
bt_contact_picker_new (GtkWindow      *parent,
                       GListModel     *people,
                       BtRelationship *relationship)
{
  BtContactPicker *self = g_object_new (BT_TYPE_CONTACT_PICKER, "transient-for", parent, NULL);

  self->relationship = g_object_ref (relationship);
  self->people = people != NULL ? g_object_ref (people) : NULL;
  /* Typing a name searches: the search has the focus, not Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  on_search_changed_cb (self);

  return self;
}
