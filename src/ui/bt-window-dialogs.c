/* bt-window-dialogs.c — the dialogs that edit the window's plan
 *
 * The pages ask the window to open an item: its editor, the check-in for a
 * week, or first the desktop's contacts for a new person. A toast says what
 * each edit did, with Undo. When the plan is replaced, the dialogs still
 * open on the one before are found and closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-calendars-dialog.h"
#include "bt-check-in-dialog.h"
#include "bt-contact-picker.h"
#include "bt-goal-dialog.h"
#include "bt-import-dialog.h"
#include "bt-item-editor.h"
#include "bt-item-list.h"
#include "bt-window-private.h"

static void
on_check_in_saved_cb (BtWindow *self)
{
  /* The sample is saved nowhere: "saved" would promise what is not done. */
  bt_window_toast_with_undo (self, self->sample ? _("Check-in added to the sample, which is not saved")
                                                : _("Check-in saved"));
}

void
bt_window_check_in_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  BtCheckInDialog *dialog;

  if (self->plan == NULL || bt_plan_get_read_only (self->plan))
    return;

  dialog = bt_check_in_dialog_new (GTK_WINDOW (self), self->plan, self->history);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_check_in_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
bt_window_on_touchpoint_logged_cb (BtWindow   *self,
                                   const char *message)
{
  bt_window_toast_with_undo (self, message);
}

static gboolean
list_holds (GListModel *list,
            gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) held = g_list_model_get_item (list, i);

      if (held == item)
        return TRUE;
    }

  return FALSE;
}

/**
 * bt_window_edit_message:
 * @kind: what was edited, in the user's words ("Person")
 * @name: (nullable): its name ("Dana Lee"), said when it is deleted
 * @was_there: whether it was in its list before the edit
 * @is_there: whether it is now
 *
 * The one place where a toast says what an edit did: "Person added", not
 * the command "Add Person" that the history keeps for Undo.
 *
 * Returns: (transfer full): the toast's text
 */
char *
bt_window_edit_message (const char *kind,
                        const char *name,
                        gboolean    was_there,
                        gboolean    is_there)
{
  /* Undo is offered for what is gone: the toast says which one it was. */
  if (was_there && !is_there && name != NULL)
    /* TRANSLATORS: a toast after an edit; the kind of item, then its name: Person “Dana Lee” deleted */
    return g_strdup_printf (_("%s “%s” deleted"), kind, name);
  if (!was_there && is_there)
    /* TRANSLATORS: a toast after an edit; %s is the kind of item, e.g. Person */
    return g_strdup_printf (_("%s added"), kind);
  if (was_there && !is_there)
    /* TRANSLATORS: a toast after an edit; %s is the kind of item, e.g. Person */
    return g_strdup_printf (_("%s deleted"), kind);

  /* TRANSLATORS: a toast after an edit; %s is the kind of item, e.g. Person */
  return g_strdup_printf (_("%s changed"), kind);
}

/* The editor says what step it recorded; the toast says what happened to
 * the item, from whether its list holds it before and after. */
static void
on_editor_committed_cb (BtWindow     *self,
                        const char   *what,
                        BtItemEditor *editor)
{
  GListModel *list = g_object_get_data (G_OBJECT (editor), "bt-edit-list");
  BtItem *item = g_object_get_data (G_OBJECT (editor), "bt-edit-item");
  g_autofree char *message = NULL;

  if (list == NULL || item == NULL)
    {
      bt_window_toast_with_undo (self, what);
      return;
    }

  message = bt_window_edit_message (bt_item_kind_label (G_OBJECT_TYPE (item)), bt_item_get_name (item),
                                    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editor), "bt-edit-was-there")),
                                    list_holds (list, item));
  bt_window_toast_with_undo (self, message);
}

/* A list of the plan before (the desktop's contacts were being offered
 * when the plan was replaced): the same list of the plan shown. */
static GListModel *
list_in_plan (BtWindow   *self,
              GListModel *list)
{
  GListModel *(*getters[]) (BtPlan *) = {
    bt_plan_get_phases, bt_plan_get_milestones, bt_plan_get_categories, bt_plan_get_weeks,
    bt_plan_get_relationships, bt_plan_get_narratives, bt_plan_get_check_ins, bt_plan_get_import_rules,
  };
  BtItem *owner;

  if (!BT_IS_ITEM_LIST (list))
    return list;
  owner = bt_item_list_get_owner (BT_ITEM_LIST (list));
  if (owner == BT_ITEM (self->plan) || !BT_IS_PLAN (owner))
    return list;

  for (guint i = 0; i < G_N_ELEMENTS (getters); i++)
    if (getters[i] (BT_PLAN (owner)) == list)
      return getters[i] (self->plan);

  return NULL;
}

/* The desktop's contacts were offered for a new person: now the editor. */
static void
on_contacts_offered_cb (GtkWindow      *window,
                        BtRelationship *relationship)
{
  /* Taken back, or the person and its list would hold each other. A
   * person picked who was in the plan already opens from the plan's list. */
  g_autoptr(GListModel) list = g_object_steal_data (G_OBJECT (relationship), "bt-edit-list");

  if (list == NULL && BT_WINDOW (window)->plan != NULL)
    list = g_object_ref (bt_plan_get_relationships (BT_WINDOW (window)->plan));

  bt_window_on_open_item_cb (BT_WINDOW (window), list, BT_ITEM (relationship));
}

void
bt_window_on_open_item_cb (BtWindow   *self,
                           GListModel *list,
                           BtItem     *item)
{
  BtItemEditor *editor;

  if (self->plan == NULL)
    return;

  list = list_in_plan (self, list);
  if (list == NULL)
    return;

  /* Adding a person starts from the desktop's contacts, where it has some. */
  if (BT_IS_RELATIONSHIP (item) && !list_holds (list, item) &&
      g_object_get_data (G_OBJECT (item), "bt-contacts-offered") == NULL)
    {
      g_object_set_data (G_OBJECT (item), "bt-contacts-offered", GINT_TO_POINTER (TRUE));
      g_object_set_data_full (G_OBJECT (item), "bt-edit-list", g_object_ref (list), g_object_unref);
      bt_contact_picker_offer (GTK_WINDOW (self), list, BT_RELATIONSHIP (item), on_contacts_offered_cb);
      return;
    }

  if (BT_IS_WEEK (item))
    {
      BtCheckInDialog *dialog;

      if (bt_plan_get_read_only (self->plan))
        return;
      dialog = bt_check_in_dialog_new_for_week (GTK_WINDOW (self), self->plan, self->history, BT_WEEK (item));
      g_signal_connect_object (dialog, "saved", G_CALLBACK (on_check_in_saved_cb), self, G_CONNECT_SWAPPED);
      /* What went, in a toast that takes it back. */
      g_signal_connect_object (dialog, "deleted", G_CALLBACK (bt_window_toast_with_undo), self, G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  editor = bt_item_editor_new (GTK_WINDOW (self), self->plan, self->history, BT_ITEM (self->plan), list, item);
  g_object_set_data_full (G_OBJECT (editor), "bt-edit-list", g_object_ref (list), g_object_unref);
  g_object_set_data_full (G_OBJECT (editor), "bt-edit-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (editor), "bt-edit-was-there", GINT_TO_POINTER (list_holds (list, item)));
  g_signal_connect_object (editor, "committed", G_CALLBACK (on_editor_committed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Whether @window is a dialog of @self's that edits its plan. */
static gboolean
edits_the_plan (BtWindow  *self,
                GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  while (parent != NULL && parent != GTK_WINDOW (self))
    parent = gtk_window_get_transient_for (parent);
  if (parent == NULL)
    return FALSE;
  /* A goal for a new plan holds a plan of its own. */
  return BT_IS_ITEM_EDITOR (window) || BT_IS_CHECK_IN_DIALOG (window) || BT_IS_IMPORT_DIALOG (window) ||
         BT_IS_CALENDARS_DIALOG (window) ||
         (BT_IS_GOAL_DIALOG (window) && g_object_get_data (G_OBJECT (window), "bt-new-plan") == NULL);
}

/**
 * bt_window_find_plan_dialog:
 *
 * Returns: (transfer none) (nullable): a dialog open on the window's plan
 *   (an editor, the check-in, an import, the goal), or %NULL
 */
GtkWindow *
bt_window_find_plan_dialog (BtWindow *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (edits_the_plan (self, l->data))
      return l->data;

  return NULL;
}

/* The plan is replaced (a reload): a dialog open on the one before would
 * write into a plan no longer shown nor saved, or into lists it no longer
 * owns. It is closed, and the user told. (A merge waits for it instead:
 * see bt_window_merge_changes().) */
void
bt_window_close_dialogs_on_plan (BtWindow *self)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean closed = FALSE;

  /* Destroying one may destroy others, its own dialogs. */
  g_list_foreach (toplevels, (GFunc) g_object_ref, NULL);

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (!edits_the_plan (self, window))
        continue;
      /* Each is closed without asking: its plan is gone. */
      gtk_window_destroy (window);
      closed = TRUE;
    }
  g_list_free_full (toplevels, g_object_unref);

  if (closed)
    bt_window_toast (self, _("The plan changed while a dialog was open: it was closed, and what it held was not saved"));
}
