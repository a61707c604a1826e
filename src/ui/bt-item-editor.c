/* bt-item-editor.c — add, edit or delete one item of the plan
 *
 * The rows follow the item's properties, so every kind of item (phase,
 * milestone, category, person, touchpoint, narrative, impact statement,
 * business case, cost row, the profile) is edited the same way. A value
 * that is not acceptable keeps Apply insensitive, marks its row and says
 * why in text beside it (a required field left empty, only once the user
 * left it or pressed Apply); nothing reaches the plan until Apply, and
 * then as one step of the history, so one Undo takes the whole edit back.
 * Children (a person's touchpoints, a narrative's statements and cases, a
 * case's cost rows) open on pages of the same window, even for an item not
 * applied yet; Cancel leaves everything opened inside behind, after asking
 * when something was typed or added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-dialog.h"
#include "bt-item-editor-private.h"
#include "bt-money.h"

G_DEFINE_FINAL_TYPE (BtItemEditor, bt_item_editor, ADW_TYPE_WINDOW)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_weak_pointer (&page->opener);
  g_clear_pointer (&page->fields, g_ptr_array_unref);
  g_clear_pointer (&page->saved_staged, g_hash_table_unref);
  g_clear_pointer (&page->saved_pending, g_hash_table_unref);
  g_clear_object (&page->item);
  g_clear_object (&page->owner);
  g_clear_object (&page->list);
  g_free (page);
}

/* ---- applying ---- */

/* The same to the user: no text is empty text, dates by their day (a
 * GParamSpec compares boxed values by their address). */
gboolean
bt_editor_same_value (GParamSpec   *pspec,
                      const GValue *a,
                      const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;

  if (G_VALUE_HOLDS (a, G_TYPE_DATE))
    {
      const GDate *x = g_value_get_boxed (a);
      const GDate *y = g_value_get_boxed (b);
      gboolean x_valid = x != NULL && g_date_valid (x);
      gboolean y_valid = y != NULL && g_date_valid (y);

      return x_valid == y_valid && (!x_valid || g_date_compare (x, y) == 0);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Whether @property of @object holds @value already. */
gboolean
bt_editor_holds_value (gpointer      object,
                       GParamSpec   *pspec,
                       const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, G_PARAM_SPEC_VALUE_TYPE (pspec));
  g_object_get_property (object, pspec->name, &current);

  return bt_editor_same_value (pspec, &current, value);
}

/* Only what changed becomes part of the step. */
void
bt_item_editor_set_value (BtItemEditor *self,
                          gboolean      in_plan,
                          BtItem       *item,
                          const char   *property,
                          const GValue *value)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (item), property);

  if (bt_editor_holds_value (item, pspec, value))
    return;

  if (in_plan)
    bt_history_set (self->history, item, property, value);
  else
    g_object_set_property (G_OBJECT (item), property, value);
}

/* The editor goes without asking; @committed, when not %NULL, is the step
 * it left in the history. */
static void
close_after (BtItemEditor *self,
             const char   *committed)
{
  if (committed != NULL)
    g_signal_emit (self, signals[COMMITTED], 0, committed);
  self->discard = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* A milestone that moves later slips: when it has no "First planned for"
 * yet, and none was typed, the date it had becomes that, in the same step,
 * so that the roadmap still shows where it was first planned. */
static void
keep_original_date (BtItemEditor *self,
                    Page         *top,
                    const GDate  *was)
{
  BtMilestone *milestone = BT_MILESTONE (top->item);
  const GDate *now = bt_milestone_get_date (milestone);
  const GDate *original = bt_milestone_get_original_date (milestone);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!g_date_valid (was) || now == NULL || !g_date_valid (now) || g_date_compare (now, was) <= 0)
    return;
  if (original != NULL && g_date_valid (original))
    return;

  g_value_init (&value, G_TYPE_DATE);
  g_value_set_boxed (&value, was);
  bt_item_editor_set_value (self, TRUE, top->item, "original-date", &value);

  g_debug ("A milestone slipped: its first date is kept");
}

static void
on_apply_clicked_cb (BtItemEditor *self)
{
  Page *top = g_ptr_array_index (self->pages, 0);
  g_autofree char *label = NULL;
  gboolean in_plan = !top->is_new;
  /* The step on top of the history now: a new one is another. */
  const char *last_step = bt_history_get_undo_label (self->history);
  GDate was;

  if (!bt_editor_page_validate_for_apply (top))
    return;

  label = g_strdup_printf (top->is_new ? _("Add %s") : _("Edit %s"),
                           bt_item_kind_label (G_OBJECT_TYPE (top->item)));
  g_date_clear (&was, 1);
  /* A milestone with no first date yet keeps the one it has if it slips. */
  if (BT_IS_MILESTONE (top->item) && bt_milestone_get_date (BT_MILESTONE (top->item)) != NULL &&
      (bt_milestone_get_original_date (BT_MILESTONE (top->item)) == NULL ||
       !g_date_valid (bt_milestone_get_original_date (BT_MILESTONE (top->item)))))
    was = *bt_milestone_get_date (BT_MILESTONE (top->item));

  /* One step: one Undo takes back the item and all that came with it. */
  bt_history_begin (self->history, label);

  for (guint i = 0; i < top->fields->len; i++)
    {
      Field *field = g_ptr_array_index (top->fields, i);
      g_auto(GValue) value = G_VALUE_INIT;

      /* A new item is not in the plan yet: its values go with its insertion. */
      if (bt_editor_field_value (field, &value))
        bt_item_editor_set_value (self, in_plan, top->item, field->pspec->name, &value);
    }
  if (BT_IS_MILESTONE (top->item) && in_plan)
    keep_original_date (self, top, &was);

  bt_item_editor_apply_children (self, top->item, in_plan);

  if (top->is_new)
    bt_history_append (self->history, top->owner, top->list, top->item);

  bt_history_end (self->history);
  /* Apply that changed nothing is no step: there is nothing to offer to
   * undo, and an Undo offered would take back the step before. */
  close_after (self, bt_history_get_undo_label (self->history) != last_step ? label : NULL);
}

/* ---- leaving with changes ---- */

/* Whether a field on @page shows something else than it first did. */
static gboolean
fields_changed (Page *page)
{
  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);
      g_auto(GValue) now = G_VALUE_INIT;
      gboolean readable = bt_editor_field_value (field, &now);

      if (!readable || !G_IS_VALUE (&field->initial))
        {
          if (readable != G_IS_VALUE (&field->initial))
            return TRUE;
          continue;
        }
      if (!bt_editor_same_value (field->pspec, &field->initial, &now))
        return TRUE;
    }

  return FALSE;
}

/* Whether leaving the page in view (or, with @whole, the editor) would
 * throw away something the user did. */
static gboolean
has_changes (BtItemEditor *self,
             gboolean      whole)
{
  Page *last = g_ptr_array_index (self->pages, self->pages->len - 1);

  if (bt_plan_get_read_only (self->plan))
    return FALSE;
  if (!whole)
    return fields_changed (last) || bt_item_editor_children_changed (self, last->saved_staged, last->saved_pending);

  for (guint i = 0; i < self->pages->len; i++)
    if (fields_changed (g_ptr_array_index (self->pages, i)))
      return TRUE;

  return bt_item_editor_children_changed (self, NULL, NULL);
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BtItemEditor     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  if (g_object_get_data (G_OBJECT (dialog), "bt-whole") != NULL)
    close_after (self, NULL);
  else
    bt_item_editor_close_page (self, FALSE);
}

/* Asks before what was typed is thrown away: on this page, or, with
 * @whole, in the whole editor. */
static void
ask_discard (BtItemEditor *self,
             gboolean      whole)
{
  GtkWidget *dialog = bt_dialog_discard_new (GTK_WINDOW (self),
                                             whole ? _("What you typed or added here is not applied.")
                                                   : _("What you typed or added on this page is not kept."));

  if (whole)
    g_object_set_data (G_OBJECT (dialog), "bt-whole", GINT_TO_POINTER (TRUE));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
bt_item_editor_close_request (GtkWindow *window)
{
  BtItemEditor *self = BT_ITEM_EDITOR (window);

  if (!self->discard && has_changes (self, TRUE))
    {
      ask_discard (self, TRUE);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bt_item_editor_parent_class)->close_request (window);
}

/* Back to the page before, asking first when that leaves something behind. */
void
bt_item_editor_go_back (BtItemEditor *self)
{
  if (has_changes (self, FALSE))
    ask_discard (self, FALSE);
  else
    bt_item_editor_close_page (self, FALSE);
}

static void
delete_item (BtItemEditor *self)
{
  Page *top = g_ptr_array_index (self->pages, 0);
  g_autofree char *label = g_strdup_printf (_("Delete %s"), bt_item_kind_label (G_OBJECT_TYPE (top->item)));

  bt_history_begin (self->history, label);
  bt_history_remove (self->history, top->owner, top->list, top->item);
  bt_history_end (self->history);
  close_after (self, label);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BtItemEditor     *self)
{
  if (g_strcmp0 (response, "delete") == 0)
    delete_item (self);
}

/* A category with hours recorded takes them out of every week it has
 * them in, and the shares of those weeks change: asked first, saying how
 * much. */
static void
on_delete_clicked_cb (BtItemEditor *self)
{
  Page *top = g_ptr_array_index (self->pages, 0);
  double hours = 0;
  guint weeks = 0, n;
  BtWeek *const *all;

  if (!BT_IS_CATEGORY (top->item) || top->is_new)
    {
      delete_item (self);
      return;
    }

  all = bt_plan_peek_weeks (self->plan, &n);
  for (guint i = 0; i < n; i++)
    {
      double h = bt_week_get_hours (all[i], bt_item_get_id (top->item));

      if (h > 0)
        {
          hours += h;
          weeks++;
        }
    }

  if (weeks == 0)
    delete_item (self);
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), bt_category_get_name (BT_CATEGORY (top->item)));
      g_autofree char *amount = bt_number_format (hours);
      g_autofree char *body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* TRANSLATORS: %s is a number of hours, %u of weeks */
                                                            "Its %s hours, recorded in %u week, are taken out of "
                                                            "it, and that week’s strategic share changes. Undo "
                                                            "puts them back.",
                                                            "Its %s hours, recorded in %u weeks, are taken out of "
                                                            "them, and those weeks’ strategic shares change. Undo "
                                                            "puts them back.",
                                                            weeks), amount, weeks);
      GtkWidget *dialog = bt_dialog_question_new (GTK_WINDOW (self), heading, body, _("_Cancel"), "delete",
                                                  _("_Delete"));

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_page_delete_clicked_cb (GtkButton *button,
                           Page      *page)
{
  GListStore *store = bt_item_editor_staged_list (page->editor, page->list);
  guint position;

  if (g_list_store_find (store, page->item, &position))
    g_list_store_remove (store, position);
  bt_item_editor_close_page (page->editor, TRUE);
}

/* ---- pages ---- */

static void
back_or_close (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BtItemEditor *self = BT_ITEM_EDITOR (widget);

  if (self->pages->len > 1)
    bt_item_editor_go_back (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* A new person's function follows their role as it is typed ("CFO" is in
 * Finance), as when a person is picked from the contacts, until a function
 * is chosen: no one lands in Product because it comes first in the list.
 * With no role yet, the function is Other. */
static void
on_function_chosen_cb (GObject    *combo,
                       GParamSpec *pspec,
                       gpointer    unused)
{
  g_object_set_data (combo, "bt-function-chosen", GINT_TO_POINTER (TRUE));
}

static void
on_role_changed_cb (GtkEditable *role,
                    AdwComboRow *function)
{
  if (g_object_get_data (G_OBJECT (function), "bt-function-chosen") != NULL)
    return;

  g_signal_handlers_block_by_func (function, on_function_chosen_cb, NULL);
  adw_combo_row_set_selected (function, bt_relationship_guess_function (gtk_editable_get_text (role)));
  g_signal_handlers_unblock_by_func (function, on_function_chosen_cb, NULL);
}

static void
function_follows_role (Page *page)
{
  Field *role = bt_editor_page_find_field (page, "role");
  Field *function = bt_editor_page_find_field (page, "function");

  if (role == NULL || function == NULL || !ADW_IS_COMBO_ROW (function->row))
    return;

  /* One given by whoever opened the editor (a contact's, say) stays. */
  if (bt_relationship_get_function (BT_RELATIONSHIP (page->item)) != BT_FUNCTION_PRODUCT)
    on_function_chosen_cb (G_OBJECT (function->row), NULL, NULL);
  else
    {
      on_role_changed_cb (GTK_EDITABLE (role->row), ADW_COMBO_ROW (function->row));
      /* Where the editor starts: closed untouched, nothing was changed. */
      bt_editor_field_keep_initial (function);
    }
  g_signal_connect (function->row, "notify::selected", G_CALLBACK (on_function_chosen_cb), NULL);
  g_signal_connect_object (role->row, "changed", G_CALLBACK (on_role_changed_cb), function->row, 0);
}

/* Ctrl+Return applies, as in the check-in: the page on show, its Done or
 * the editor's Apply, when that button may be clicked. The text field
 * with the focus gives its text up first (a focus-out would come late). */
static void
apply_from_keyboard (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BtItemEditor *self = BT_ITEM_EDITOR (widget);
  Page *shown = g_ptr_array_index (self->pages, self->pages->len - 1);

  if (shown->apply_button == NULL || !gtk_widget_is_sensitive (shown->apply_button))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_grab_focus (shown->apply_button);
  g_signal_emit_by_name (shown->apply_button, "clicked");
}

void
bt_editor_page_fill (Page *page)
{
  BtItemEditor *self = page->editor;
  g_autofree GParamSpec **pspecs = NULL;
  const ChildKind *kinds;
  guint n_pspecs, n_kinds;
  const char *kind = bt_item_kind_label (G_OBJECT_TYPE (page->item));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (page->item), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == G_OBJECT_TYPE (page->item) && (pspecs[i]->flags & G_PARAM_WRITABLE) &&
        /* Where an imported touchpoint came from is the import's to keep,
         * the contact a person was picked from the app's. */
        !bt_editor_field_hidden (pspecs[i]) &&
        /* A new milestone was first planned for the date it is given:
         * the field says something once the date moves (see
         * keep_original_date()). */
        !(page->is_new && BT_IS_MILESTONE (page->item) && g_str_equal (pspecs[i]->name, "original-date")))
      {
        bt_editor_page_add_field (page, pspecs[i]);
        /* Right under a person's e-mail: the one their contact has now. */
        if (BT_IS_RELATIONSHIP (page->item) && g_str_equal (pspecs[i]->name, "email"))
          bt_editor_page_add_contact_offer (page);
      }

  if (page->is_new && BT_IS_RELATIONSHIP (page->item))
    function_follows_role (page);

  /* Children, a new item's too: they come with it on Apply. */
  n_kinds = bt_editor_child_kinds (page->item, &kinds);
  for (guint k = 0; k < n_kinds; k++)
    bt_editor_page_add_child_list (page, _(kinds[k].title), kinds[k].get (page->item), kinds[k].child_type ());
  if (BT_IS_BUSINESS_CASE (page->item))
    bt_editor_page_add_savings (page);

  if (!page->is_new && page->list != NULL)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete"));
      g_autofree char *label = g_strdup_printf (_("Delete this %s"), kind);


      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      if (g_ptr_array_index (self->pages, 0) == page)
        g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
      else
        g_signal_connect (button, "clicked", G_CALLBACK (on_page_delete_clicked_cb), page);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
    }

  if (bt_plan_get_read_only (self->plan))
    gtk_widget_set_sensitive (GTK_WIDGET (page->prefs), FALSE);
  bt_application_bound_row_labels (GTK_WIDGET (page->prefs));

  bt_editor_page_validate (page);
}

Page *
bt_editor_page_new (BtItemEditor *self,
                    BtItem       *owner,
                    GListModel   *list,
                    BtItem       *item,
                    GtkWidget    *root)
{
  Page *page = g_new0 (Page, 1);

  page->editor = self;
  page->item = g_object_ref (item);
  page->owner = owner ? g_object_ref (owner) : NULL;
  page->list = list ? g_object_ref (list) : NULL;
  page->fields = g_ptr_array_new_with_free_func (bt_editor_field_free);
  page->root = root;
  g_object_set_data_full (G_OBJECT (root), "bt-page", page, page_free);
  g_ptr_array_add (self->pages, page);

  return page;
}

/* ---- the class ---- */

static void
bt_item_editor_dispose (GObject *object)
{
  BtItemEditor *self = BT_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_ITEM_EDITOR);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->staged, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (bt_item_editor_parent_class)->dispose (object);
}

static void
bt_item_editor_class_init (BtItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_item_editor_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bt_item_editor_close_request;

  /**
   * BtItemEditor::committed:
   * @what: the step recorded in the history, such as "Delete Person"
   */
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, top_box);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, page);
  gtk_widget_class_bind_template_child (widget_class, BtItemEditor, fields_group);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_install_action (widget_class, "editor.back-or-close", NULL, back_or_close);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.back-or-close", NULL);
  gtk_widget_class_install_action (widget_class, "editor.apply-from-keyboard", NULL, apply_from_keyboard);
}

static void
bt_item_editor_init (BtItemEditor *self)
{
  bt_application_add_icons ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();

  /* Ctrl+Return in the capture phase: a multi-line field would take it
   * for a line break otherwise. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    GtkShortcutTrigger *trigger =
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK));

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (trigger,
                                                            gtk_named_action_new ("editor.apply-from-keyboard")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }
  self->staged = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->pending = bt_editor_pending_new ();
}

/**
 * bt_item_editor_new:
 * @owner: the item whose @list holds @item (the plan for top-level items)
 * @list: (nullable): where @item is, or goes when new; %NULL for the profile
 * @item: the item; one not in @list yet is added on Apply
 */
BtItemEditor *
bt_item_editor_new (GtkWindow  *parent,
                    BtPlan     *plan,
                    BtHistory  *history,
                    BtItem     *owner,
                    GListModel *list,
                    BtItem     *item)
{
  BtItemEditor *self;
  const char *kind;
  g_autofree char *title = NULL;
  Page *top;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BT_IS_ITEM (item), NULL);

  self = g_object_new (BT_TYPE_ITEM_EDITOR, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);

  top = bt_editor_page_new (self, owner, list, item, self->top_box);
  top->is_new = list != NULL && !bt_item_list_find (BT_ITEM_LIST (list), item, NULL);
  top->prefs = self->page;
  top->fields_group = self->fields_group;
  top->apply_button = self->apply_button;

  kind = bt_item_kind_label (G_OBJECT_TYPE (item));
  /* Adding says so: "New Person"; editing keeps the kind: "Person". */
  title = top->is_new ? bt_item_editor_new_title (G_OBJECT_TYPE (item)) : g_strdup (kind);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (GTK_BUTTON (self->apply_button), top->is_new ? _("_Add") : _("_Apply"));

  bt_editor_page_fill (top);
  bt_dialog_focus_content (GTK_WINDOW (self), GTK_WIDGET (self->page));

  return self;
}
