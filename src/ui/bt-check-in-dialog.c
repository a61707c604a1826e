/* bt-check-in-dialog.c — the weekly check-in
 *
 * Shows a BtWeeklyDraft and collects it: the hours of each category
 * (prefilled), the people met, the reflection and the warning signs.
 * Saving applies the draft as one step of the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-check-in-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-apply-shortcut.h"
#include "bt-calendar-offer.h"
#include "bt-check-in-dialog.h"
#include "bt-report.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-dialog.h"
#include "bt-item-list.h"
#include "bt-weekly.h"

struct _BtCheckInDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  AdwPreferencesGroup *hours_group;
  AdwPreferencesGroup *people_group;
  AdwPreferencesGroup *reflection_group;
  GtkTextView         *answer_view;
  AdwPreferencesGroup *signs_group;

  BtPlan              *plan;
  BtHistory           *history;
  BtWeeklyDraft       *draft;
  GDate                today;
  GPtrArray           *hour_spins;    /* GtkSpinButton, with "bt-category" data */
  GPtrArray           *people_checks; /* GtkCheckButton, with "bt-relationship" data */
  GtkSpinButton       *sign_spins[4];
  double               budget;        /* the weekly hours budget, 0 for none */
  AdwPreferencesPage  *page;
  gboolean             edited;        /* the user changed something since it opened */
  BtWeek              *week;          /* the recorded week shown, or NULL */
};

G_DEFINE_FINAL_TYPE (BtCheckInDialog, bt_check_in_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static double
total_hours (BtCheckInDialog *self)
{
  double total = 0;

  for (guint i = 0; i < self->hour_spins->len; i++)
    total += gtk_spin_button_get_value (g_ptr_array_index (self->hour_spins, i));

  return total;
}

/* Whether an hour differs from what the dialog opened with. */
static gboolean
hours_changed (BtCheckInDialog *self)
{
  for (guint i = 0; i < self->hour_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->hour_spins, i);
      double *initial = g_object_get_data (G_OBJECT (spin), "bt-initial");

      if (initial != NULL && gtk_spin_button_get_value (spin) != *initial)
        return TRUE;
    }

  return FALSE;
}

/* Where the hours shown come from, said truly: once one is changed, the
 * sum that follows is of the hours as typed, not as recorded. */
static char *
describe_prefill (BtCheckInDialog *self)
{
  if (self->draft->prefill != BT_WEEKLY_PREFILL_NONE && hours_changed (self))
    /* TRANSLATORS: under "Hours This Week" once the hours shown were changed; %s is the week they came from, "2026-W48" */
    return g_strdup_printf (_("Changed from the hours of %s, not saved yet."), self->draft->prefill_week);

  switch (self->draft->prefill)
    {
    case BT_WEEKLY_PREFILL_THIS_WEEK:
      /* TRANSLATORS: under "Hours This Week" when the week was recorded before; %s is the week, "2026-W48" */
      return g_strdup_printf (_("The hours recorded for %s."), self->draft->prefill_week);
    case BT_WEEKLY_PREFILL_EARLIER_WEEK:
      /* TRANSLATORS: under "Hours This Week"; %s is a week, "2026-W48" */
      return g_strdup_printf (_("Prefilled from %s, your last recorded week."), self->draft->prefill_week);
    case BT_WEEKLY_PREFILL_NONE:
    default:
      return g_strdup (_("No week recorded yet: type the hours of each category."));
    }
}

/* A week has 168 hours: more cannot be saved. The field typed in says
 * why, and the group sums up. The fields take more than 168, so that
 * what was typed stays as typed instead of becoming 168 unseen. */
static void
update_total (BtCheckInDialog *self)
{
  double total = total_hours (self);
  g_autofree char *text = NULL;
  gboolean valid = total <= BT_WEEK_MAX_HOURS;
  /* "No week recorded yet: type…" is for the empty fields only. */
  g_autofree char *prefill = self->draft->prefill == BT_WEEKLY_PREFILL_NONE && total > 0
                             ? NULL : describe_prefill (self);

  for (guint i = 0; i < self->hour_spins->len; i++)
    {
      GtkWidget *spin = g_ptr_array_index (self->hour_spins, i);
      AdwActionRow *row = ADW_ACTION_ROW (gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW));
      const char *kind = g_object_get_data (G_OBJECT (spin), "bt-kind");
      gboolean too_many = gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)) > BT_WEEK_MAX_HOURS;

      if (too_many)
        gtk_widget_add_css_class (spin, "error");
      else
        gtk_widget_remove_css_class (spin, "error");
      adw_action_row_set_subtitle (row, too_many ? _("More than the 168 hours of a week: not saved") : kind);
      gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                                   too_many ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }

  if (self->hour_spins->len == 0)
    /* TRANSLATORS: under "Hours This Week" in a plan without categories */
    text = g_strdup (_("No categories yet: add them on the Time page, then record their hours here."));
  else if (valid && self->budget > 0 && total > self->budget && prefill != NULL)
    /* TRANSLATORS: under "Hours This Week" when the week is over the user's budget: where the hours
     * come from ("Prefilled from 2026-W46, your last recorded week."), then their sum and the budget */
    text = g_strdup_printf (_("%s %g hours in all: over your budget of %g hours a week."), prefill, total,
                            self->budget);
  else if (valid && self->budget > 0 && total > self->budget)
    /* TRANSLATORS: under "Hours This Week" once hours are typed in a new week and they are over the
     * user's budget: their sum and the budget */
    text = g_strdup_printf (_("%g hours in all: over your budget of %g hours a week."), total, self->budget);
  else if (valid && prefill != NULL)
    /* TRANSLATORS: under "Hours This Week" in the check-in: where the hours come from, then their sum */
    text = g_strdup_printf (_("%s %g hours in all."), prefill, total);
  else if (valid)
    /* TRANSLATORS: under "Hours This Week" in the check-in, once hours are typed in a new week: their sum */
    text = g_strdup_printf (_("%g hours in all."), total);
  else
    text = g_strdup_printf (_("%g hours in all: more than the 168 hours of a week. Lower them to save."), total);

  adw_preferences_group_set_description (self->hours_group, text);
  gtk_widget_set_sensitive (self->save_button, valid);
}

/* Save from the keyboard, as a GNOME dialog does: Enter in an hours field,
 * Ctrl+Return anywhere. Only what the Save button allows. */
static gboolean
save_from_keyboard (BtCheckInDialog *self)
{
  return bt_apply_shortcut_click (self->save_button);
}

static GtkWidget *
spin_row (const char *title,
          const char *subtitle,
          double      max,
          double      step,
          double      value,
          GtkWidget **spin_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), step < 1 ? 1 : 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  /* This also names the field by the row's title: a label of its own
   * would be read after it, the name twice. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  /* One Tab stop per row, in the field: a focused row would take a Tab of
   * its own, and what is typed on it would go nowhere. */
  gtk_widget_set_focusable (row, FALSE);
  *spin_out = spin;

  return row;
}

#define HOURS_TYPED_MAX 9999.0

static gboolean
draft_met (BtCheckInDialog *self,
           BtRelationship  *r)
{
  return g_ptr_array_find (self->draft->met, r, NULL);
}

static void
mark_edited (BtCheckInDialog *self)
{
  self->edited = TRUE;
}

static void
fill (BtCheckInDialog *self)
{
  GListModel *categories = bt_plan_get_categories (self->plan);
  GListModel *relationships = bt_plan_get_relationships (self->plan);
  g_autofree char *week = bt_iso_week_format (self->draft->iso_year, self->draft->week);
  GDate now;
  int now_year, now_week;

  adw_window_title_set_subtitle (self->window_title, week);
  /* A past week's hours are not "this week's": its days say which. */
  bt_today (&now);
  bt_iso_week_of_date (&now, &now_year, &now_week);
  if (now_year != self->draft->iso_year || now_week != self->draft->week)
    {
      g_autofree char *days = bt_format_week_days (self->draft->iso_year, self->draft->week);
      g_autofree char *title = NULL;

      /* TRANSLATORS: the check-in's hours for a past week, then its days: "Hours of 9 Mar 2024 – 15 Mar 2024" */
      title = g_strdup_printf (_("Hours of %s"), days);
      adw_preferences_group_set_title (self->hours_group, title);
    }

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, i);
      double *hours = g_hash_table_lookup (self->draft->hours, bt_item_get_id (BT_ITEM (category)));
      GtkWidget *spin;
      const char *kind = bt_enum_to_label (BT_TYPE_CATEGORY_KIND, bt_category_get_kind (category));
      /* Room above 168, so that more is refused, not cut to 168 (see update_total()). */
      GtkWidget *row = spin_row (bt_category_get_name (category), kind,
                                 HOURS_TYPED_MAX, 0.5, hours ? *hours : 0, &spin);

      g_object_set_data_full (G_OBJECT (spin), "bt-category", g_object_ref (category), g_object_unref);
      g_object_set_data (G_OBJECT (spin), "bt-kind", (gpointer) kind);
      g_object_set_data_full (G_OBJECT (spin), "bt-initial",
                              g_memdup2 (&(double) { gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)) }, sizeof (double)),
                              g_free);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (update_total), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (mark_edited), self, G_CONNECT_SWAPPED);
      /* After the spin button's own handler, which takes in what was typed. */
      g_signal_connect_object (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                               G_CALLBACK (save_from_keyboard), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->hour_spins, spin);
      adw_preferences_group_add (self->hours_group, row);
    }
  /* What the desktop's calendars say about the week, after the hours. */
  adw_preferences_group_add (self->hours_group,
                             bt_calendar_offer_new (self->plan, self->history, self->draft->iso_year,
                                                    self->draft->week));

  /* Overdue people first: they are the ones to think of. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
      {
        g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
        gboolean overdue = bt_analytics_relationship_state (r, &self->today, NULL) == BT_RELATIONSHIP_OVERDUE;
        gboolean met = draft_met (self, r);
        GtkWidget *row, *check;
        g_autofree char *name = NULL;
        g_autofree char *role = NULL;

        if (overdue != (pass == 0))
          continue;

        row = adw_action_row_new ();
        check = gtk_check_button_new ();
        name = g_markup_escape_text (bt_relationship_get_name (r), -1);
        role = g_markup_escape_text (bt_relationship_get_role (r), -1);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), met ? _("Already logged this week")
                                                           : overdue ? _("Overdue") : role);
        gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
        gtk_widget_set_focusable (row, FALSE);
        /* Met already: shown ticked, and not to be logged again. */
        if (met)
          {
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
            gtk_widget_set_sensitive (row, FALSE);
            gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                            _("Already logged this week"), -1);
          }
        g_object_set_data_full (G_OBJECT (check), "bt-relationship", g_object_ref (r), g_object_unref);
        g_signal_connect_object (check, "toggled", G_CALLBACK (mark_edited), self, G_CONNECT_SWAPPED);
        g_ptr_array_add (self->people_checks, check);
        adw_preferences_group_add (self->people_group, row);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->people_group), self->people_checks->len > 0);

  adw_preferences_group_set_description (self->reflection_group, self->draft->question);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->answer_view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->draft->question, -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->answer_view),
                            self->draft->answer ? self->draft->answer : "", -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->answer_view), "changed", G_CALLBACK (mark_edited),
                           self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < BT_N_WARNING_SIGNS; i++)
    {
      GtkWidget *spin;
      GtkWidget *row = spin_row (bt_warning_sign_name (i), NULL, 5, 1, self->draft->ratings[i], &spin);

      self->sign_spins[i] = GTK_SPIN_BUTTON (spin);
      g_signal_connect_object (spin, "value-changed", G_CALLBACK (mark_edited), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->signs_group, row);
    }

  update_total (self);
  bt_application_bound_row_labels (GTK_WIDGET (self));
}

/* What is typed in a number's field counts once the field is left or
 * Enter pressed: saving with Ctrl+Return, or closing, while the cursor is
 * still in one takes it in first, as leaving it would. */
static void
take_in_typed (BtCheckInDialog *self)
{
  for (guint i = 0; i < self->hour_spins->len; i++)
    gtk_spin_button_update (g_ptr_array_index (self->hour_spins, i));
  for (guint i = 0; i < BT_N_WARNING_SIGNS; i++)
    if (self->sign_spins[i] != NULL)
      gtk_spin_button_update (self->sign_spins[i]);
}

static void
on_save_clicked_cb (BtCheckInDialog *self)
{
  g_autoptr(GError) error = NULL;

  take_in_typed (self);
  g_hash_table_remove_all (self->draft->hours);
  for (guint i = 0; i < self->hour_spins->len; i++)
    {
      GtkSpinButton *spin = g_ptr_array_index (self->hour_spins, i);
      BtItem *category = g_object_get_data (G_OBJECT (spin), "bt-category");
      double hours = gtk_spin_button_get_value (spin);

      if (hours > 0)
        g_hash_table_insert (self->draft->hours, g_strdup (bt_item_get_id (category)),
                             g_memdup2 (&hours, sizeof hours));
    }

  g_ptr_array_set_size (self->draft->touched, 0);
  for (guint i = 0; i < self->people_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->people_checks, i);

      if (gtk_check_button_get_active (check) &&
          !draft_met (self, g_object_get_data (G_OBJECT (check), "bt-relationship")))
        g_ptr_array_add (self->draft->touched,
                         g_object_ref (g_object_get_data (G_OBJECT (check), "bt-relationship")));
    }

  g_free (self->draft->answer);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->answer_view);
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    self->draft->answer = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  }
  for (guint i = 0; i < 4; i++)
    self->draft->ratings[i] = gtk_spin_button_get_value_as_int (self->sign_spins[i]);

  if (!bt_weekly_apply (self->plan, self->history, self->draft, &self->today, &error))
    {
      adw_preferences_group_set_description (self->hours_group, error->message);
      return;
    }

  self->edited = FALSE;
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

/* A week recorded by mistake, or brought by an import and not wanted:
 * its hours and its check-in (reflection, ratings) go in one step, which
 * Undo brings back. The touchpoints logged that week stay with their
 * people. */
static void
on_delete_clicked_cb (BtCheckInDialog *self)
{
  GListModel *check_ins = bt_plan_get_check_ins (self->plan);
  const char *name = bt_week_get_week (self->week);
  g_autofree char *message = NULL;
  g_autoptr(BtWeek) week = g_object_ref (self->week);

  bt_history_begin (self->history, _("Delete Week"));
  for (guint i = g_list_model_get_n_items (check_ins); i > 0; i--)
    {
      g_autoptr(BtCheckIn) check_in = g_list_model_get_item (check_ins, i - 1);

      if (g_strcmp0 (bt_check_in_get_week (check_in), name) == 0)
        bt_history_remove (self->history, BT_ITEM (self->plan), check_ins, BT_ITEM (check_in));
    }
  bt_history_remove (self->history, BT_ITEM (self->plan), bt_plan_get_weeks (self->plan), BT_ITEM (week));
  bt_history_end (self->history);

  /* TRANSLATORS: a toast; %s is an ISO week, such as "2026-W49" */
  message = g_strdup_printf (_("Week %s deleted"), bt_week_get_week (week));
  self->edited = FALSE;
  g_signal_emit (self, signals[DELETED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BtCheckInDialog  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->edited = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Cancel or Escape after something was typed, ticked or rated: the
 * reflection is often the most personal text of the week, and is not
 * thrown away without asking. */
static gboolean
bt_check_in_dialog_close_request (GtkWindow *window)
{
  BtCheckInDialog *self = BT_CHECK_IN_DIALOG (window);

  /* Hours typed and not yet taken in are an edit too. */
  if (self->hour_spins != NULL)
    take_in_typed (self);
  if (self->edited)
    {
      /* A week recorded before keeps what it holds: say so, not that all is lost. */
      const char *body = self->week != NULL || self->draft->prefill == BT_WEEKLY_PREFILL_THIS_WEEK
                         ? _("Your changes are not recorded. The check-in recorded before stays as it was.")
                         : _("The hours, the people, the reflection and the ratings you entered are not recorded.");
      GtkWidget *dialog = bt_dialog_discard_new (window, body);

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bt_check_in_dialog_parent_class)->close_request (window);
}

static void
bt_check_in_dialog_dispose (GObject *object)
{
  BtCheckInDialog *self = BT_CHECK_IN_DIALOG (object);

  /* A field destroyed with text still typed in it takes the text in, and
   * says its value changed: nothing here may hear it any more. */
  for (guint i = 0; self->hour_spins != NULL && i < self->hour_spins->len; i++)
    {
      GtkEditable *spin = g_ptr_array_index (self->hour_spins, i);

      g_signal_handlers_disconnect_by_data (spin, self);
      g_signal_handlers_disconnect_by_data (gtk_editable_get_delegate (spin), self);
    }
  for (guint i = 0; i < BT_N_WARNING_SIGNS; i++)
    if (self->sign_spins[i] != NULL)
      g_signal_handlers_disconnect_by_data (self->sign_spins[i], self);
  for (guint i = 0; self->people_checks != NULL && i < self->people_checks->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->people_checks, i), self);
  if (self->answer_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->answer_view), self);
  memset (self->sign_spins, 0, sizeof self->sign_spins);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_CHECK_IN_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_object (&self->week);
  g_clear_pointer (&self->draft, bt_weekly_draft_free);
  g_clear_pointer (&self->hour_spins, g_ptr_array_unref);
  g_clear_pointer (&self->people_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (bt_check_in_dialog_parent_class)->dispose (object);
}

static void
bt_check_in_dialog_class_init (BtCheckInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_check_in_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bt_check_in_dialog_close_request;

  /**
   * BtCheckInDialog::saved:
   *
   * Emitted after the check-in was recorded in the plan.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * BtCheckInDialog::deleted:
   * @message: what to say of it, such as "Week 2026-W49 deleted"
   *
   * Emitted after the recorded week shown was taken out of the plan.
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-check-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, hours_group);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, reflection_group);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, answer_view);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, signs_group);
  gtk_widget_class_bind_template_child (widget_class, BtCheckInDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bt_check_in_dialog_init (BtCheckInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bt_apply_shortcut_add (GTK_WIDGET (self), self->save_button);
  bt_dialog_focus_content (GTK_WINDOW (self), GTK_WIDGET (self->page));
  self->hour_spins = g_ptr_array_new ();
  self->people_checks = g_ptr_array_new ();
}

BtCheckInDialog *
bt_check_in_dialog_new (GtkWindow *parent,
                        BtPlan    *plan,
                        BtHistory *history)
{
  BtCheckInDialog *self;
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;
  gboolean sunday_starts = FALSE;
  GDate week_date;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BT_IS_HISTORY (history), NULL);

  self = g_object_new (BT_TYPE_CHECK_IN_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  bt_today (&self->today);

  if (settings != NULL)
    {
      self->budget = g_settings_get_double (settings, "weekly-hours-budget");
      sunday_starts = g_settings_get_enum (settings, "week-start") == 1;
    }
  bt_weekly_week_date (&self->today, sunday_starts, &week_date);
  self->draft = bt_weekly_draft_new (plan, &week_date);
  fill (self);

  return self;
}

/**
 * bt_check_in_dialog_new_for_week:
 *
 * The check-in of a past week, to enter or correct its hours. People met
 * are logged on that week's Friday, or today if that is earlier.
 */
BtCheckInDialog *
bt_check_in_dialog_new_for_week (GtkWindow *parent,
                                 BtPlan    *plan,
                                 BtHistory *history,
                                 BtWeek    *week)
{
  BtCheckInDialog *self;
  GDate friday = *bt_week_get_monday (week);

  g_return_val_if_fail (BT_IS_WEEK (week), NULL);

  self = g_object_new (BT_TYPE_CHECK_IN_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  bt_today (&self->today);
  g_date_add_days (&friday, 4);
  if (g_date_compare (&friday, &self->today) < 0)
    self->today = friday;
  self->draft = bt_weekly_draft_new (plan, bt_week_get_monday (week));
  fill (self);
  {
    g_autofree char *day = bt_format_date (&self->today);
    /* TRANSLATORS: in a past week's check-in; %s is the day, such as "13 Mar 2026" */
    g_autofree char *logged = g_strdup_printf (_("A touchpoint dated %s is logged for each person you tick."), day);

    adw_preferences_group_set_description (self->people_group, logged);
  }

  /* A week in the plan can be taken out of it, as any item can; a week
   * picked to be recorded is not in it yet. */
  if (bt_item_list_find (BT_ITEM_LIST (bt_plan_get_weeks (plan)), week, NULL)
      && !bt_plan_get_read_only (plan))
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Delete Week"));

      self->week = g_object_ref (week);
      gtk_widget_set_tooltip_text (button, _("Take this week’s hours and check-in out of the plan"));
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "pill");
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_clicked_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }

  return self;
}
