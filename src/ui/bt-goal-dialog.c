/* bt-goal-dialog.c — the user's goal: who they are, where they are going
 *
 * The profile of the plan: name, current and target role, target date,
 * target share (typed as a percentage, as shown everywhere), birth year and
 * e-mail. Opened from the overview's "Your goal" and the main menu, the
 * changes go through the history as one undo step; opened for a new plan
 * (the first start), it fills the new plan's profile and asks whether to
 * start with the usual categories.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-goal-dialog"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-apply-shortcut.h"
#include "bt-category.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include "bt-dialog.h"
#include "bt-goal-dialog.h"
#include "bt-profile.h"
#include "bt-report.h"

struct _BtGoalDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *page;
  AdwEntryRow         *target_role_row;
  AdwEntryRow         *target_date_row;
  GtkMenuButton       *date_button;
  BtDatePicker        *picker;
  GtkSpinButton       *share_spin;
  AdwEntryRow         *name_row;
  AdwEntryRow         *current_role_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *currency_row;
  GtkSpinButton       *birth_year_spin;
  int                  birth_year_shown;  /* 0: the field is empty */
  AdwPreferencesGroup *categories_group;
  AdwActionRow        *categories_row;
  GtkSwitch           *categories_switch;

  BtPlan              *plan;
  BtHistory           *history;      /* NULL for a new plan: no undo yet */
  gboolean             changed;      /* by the last Save */
  GtkEventController  *date_focus;   /* owned by the date's text */
  gboolean             done;         /* saved, or the user chose to lose what they typed */
};

G_DEFINE_FINAL_TYPE (BtGoalDialog, bt_goal_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The target date as typed: %TRUE with @date set, or cleared for an empty
 * field (no date yet); %FALSE when the text is no date. */
static gboolean
typed_target_date (BtGoalDialog *self,
                   GDate        *date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_date_row))));

  g_date_clear (date, 1);
  if (*text == '\0')
    return TRUE;

  return bt_date_picker_parse (text, date);
}

/* The target date's row as it is, or in error: its title says what a
 * date looks like, with one in the form this locale shows. */
static void
show_date_error (BtGoalDialog *self,
                 gboolean      error)
{
  g_autofree char *title = NULL;

  if (error)
    {
      GDate example;
      g_autofree char *shown = NULL;

      bt_today (&example);
      g_date_add_years (&example, 2);
      shown = bt_date_picker_format (&example);
      /* TRANSLATORS: the title of the goal's date field when what is typed is no date; it is also the
       * field's name for a screen reader, so it starts with it. %s is a date as the app shows it, "30 Jun 2028" */
      title = g_strdup_printf (_("Target date: not a date; type one such as %s, or pick it"), shown);
      gtk_widget_add_css_class (GTK_WIDGET (self->target_date_row), "error");
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_date_row), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->target_date_row), error ? title : _("Target date"));
}

static void
on_target_date_changed_cb (BtGoalDialog *self)
{
  GDate date;

  if (gtk_widget_has_css_class (GTK_WIDGET (self->target_date_row), "error") && typed_target_date (self, &date))
    show_date_error (self, FALSE);
}

/* Left, a date typed in any form the app reads is shown as it shows
 * dates, or the row says it is none. */
static void
on_target_date_leave_cb (BtGoalDialog *self)
{
  GDate date;

  /* Not once saved or given up (nor as the dialog goes away: dispose
   * disconnects this first). */
  if (self->done)
    return;
  /* Nor when the dialog merely goes to the back with the focus still in
   * the field: it was not left. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
    GtkWidget *text = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->target_date_row)));

    if (focus != NULL && (focus == text || gtk_widget_is_ancestor (focus, text)))
      return;
  }
  if (typed_target_date (self, &date))
    bt_date_picker_reformat (GTK_EDITABLE (self->target_date_row));
  else
    show_date_error (self, TRUE);
}

/* The birth year is optional: 0, shown as an empty field, is "not given". */
static int
on_birth_year_input_cb (GtkSpinButton *spin,
                        double        *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  long year;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }

  year = strtol (text, &end, 10);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *value = year;

  return TRUE;
}

/* From the empty field, + or Page Up goes to a year a director may have
 * been born in, not to year 1 or 10. */
static void
on_birth_year_changed_cb (BtGoalDialog *self)
{
  int year = gtk_spin_button_get_value_as_int (self->birth_year_spin);

  if (self->birth_year_shown == 0 && year > 0 && year < BT_BIRTH_YEAR_MIN)
    {
      GDate today;

      bt_today (&today);
      self->birth_year_shown = g_date_get_year (&today) - 45;
      gtk_spin_button_set_value (self->birth_year_spin, self->birth_year_shown);
      return;
    }
  self->birth_year_shown = year;
}

static gboolean
on_birth_year_output_cb (GtkSpinButton *spin)
{
  int year = (int) gtk_adjustment_get_value (gtk_spin_button_get_adjustment (spin));
  g_autofree char *text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

/* Sets @property of the profile to @value: through the history when there
 * is one, so that the whole dialog is one step to undo. */
static void
set_if_changed (BtGoalDialog *self,
                const char   *property,
                const GValue *value)
{
  BtProfile *profile = bt_plan_get_profile (self->plan);
  g_auto(GValue) now = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (profile), property);

  g_value_init (&now, G_VALUE_TYPE (value));
  g_object_get_property (G_OBJECT (profile), property, &now);
  if (G_VALUE_HOLDS_STRING (value))
    {
      /* A field never filled is NULL; an empty entry says the same. */
      const char *was = g_value_get_string (&now);
      const char *is = g_value_get_string (value);

      if (g_strcmp0 (was ? was : "", is ? is : "") == 0)
        return;
    }
  else if (g_param_values_cmp (pspec, &now, value) == 0)
    return;

  if (self->history != NULL)
    bt_history_set (self->history, profile, property, value);
  else
    g_object_set_property (G_OBJECT (profile), property, value);
  self->changed = TRUE;
}

static void
set_string (BtGoalDialog *self,
            const char   *property,
            AdwEntryRow  *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  set_if_changed (self, property, &value);
}

static gboolean
dates_equal (const GDate *a,
             const GDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_date_compare (a, b) == 0;
}

/* The currency as typed, in capitals; NULL when it is no ISO 4217 code. */
static char *
typed_currency (BtGoalDialog *self)
{
  g_autofree char *text = g_strstrip (g_ascii_strup (gtk_editable_get_text (GTK_EDITABLE (self->currency_row)), -1));

  return bt_currency_is_valid (text) ? g_steal_pointer (&text) : NULL;
}

/* The currency row as it is, or in error: red alone does not say what is
 * wrong, so its title does. */
static void
show_currency_error (BtGoalDialog *self,
                     gboolean      error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->currency_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->currency_row), "error");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->currency_row),
                                 error ? _("Not a currency code: type its three letters, such as EUR or USD")
                                       : _("Currency of your business cases, such as EUR or USD"));
}

static void
on_currency_changed_cb (BtGoalDialog *self)
{
  g_autofree char *code = typed_currency (self);

  if (code != NULL && gtk_widget_has_css_class (GTK_WIDGET (self->currency_row), "error"))
    show_currency_error (self, FALSE);
}

static void
on_save_clicked_cb (BtGoalDialog *self)
{
  BtProfile *profile = bt_plan_get_profile (self->plan);
  GDate typed;
  const GDate *date;
  g_auto(GValue) share = G_VALUE_INIT;
  g_auto(GValue) year = G_VALUE_INIT;

  g_autofree char *currency = typed_currency (self);

  /* A text that is no date is not saved: the row says so. */
  if (!typed_target_date (self, &typed))
    {
      show_date_error (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->target_date_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  date = g_date_valid (&typed) ? &typed : NULL;

  /* Nor a code that is no currency. */
  if (currency == NULL)
    {
      show_currency_error (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->currency_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->changed = FALSE;
  gtk_spin_button_update (self->share_spin);
  gtk_spin_button_update (self->birth_year_spin);

  if (self->history != NULL)
    bt_history_begin (self->history, _("Change Your Goal"));

  set_string (self, "name", self->name_row);
  set_string (self, "current-role", self->current_role_row);
  set_string (self, "target-role", self->target_role_row);
  set_string (self, "email", self->email_row);
  /* A new plan keeps the currency shown, the locale's if left as it was:
   * its amounts mean that currency, on a laptop set up for another
   * country too. A plan that had none, the locale's, keeps none unless
   * another is typed: an unchanged goal is no step to undo. */
  if (self->history == NULL)
    bt_profile_set_currency (profile, currency);
  else if (g_strcmp0 (currency, bt_profile_get_currency (profile)) != 0)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, currency);
      set_if_changed (self, "currency", &value);
    }

  /* GDates are boxed: compared here, not by the param spec. */
  if (!dates_equal (date, bt_profile_get_target_date (profile)))
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_DATE);
      g_value_set_boxed (&value, date);
      if (self->history != NULL)
        bt_history_set (self->history, profile, "target-date", &value);
      else
        bt_profile_set_target_date (profile, date);
      self->changed = TRUE;
    }

  g_value_init (&share, G_TYPE_DOUBLE);
  g_value_set_double (&share, round (gtk_spin_button_get_value (self->share_spin)) / 100.0);
  /* Shown as a whole percentage: 0.333 typed as 33 % is not a change. */
  if (round (bt_profile_get_target_share (profile) * 100) != round (g_value_get_double (&share) * 100))
    set_if_changed (self, "target-share", &share);

  g_value_init (&year, G_TYPE_INT);
  g_value_set_int (&year, gtk_spin_button_get_value_as_int (self->birth_year_spin));
  set_if_changed (self, "birth-year", &year);

  if (self->history != NULL)
    bt_history_end (self->history);

  /* A new plan is started even with nothing typed; an unchanged goal is
   * no step to undo. */
  if (self->changed || self->history == NULL)
    g_signal_emit (self, signals[SAVED], 0);
  self->done = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Whether the fields say other than the goal they were filled from. */
static gboolean
edited (BtGoalDialog *self)
{
  BtProfile *profile = bt_plan_get_profile (self->plan);
  GDate typed;
  struct { AdwEntryRow *row; const char *value; } texts[] = {
    { self->name_row, bt_profile_get_name (profile) },
    { self->current_role_row, bt_profile_get_current_role (profile) },
    { self->target_role_row, bt_profile_get_target_role (profile) },
    { self->email_row, bt_profile_get_email (profile) },
    { self->currency_row, bt_profile_get_currency (profile) },
  };

  /* What is typed in a number's field counts, as Save would take it. */
  gtk_spin_button_update (self->share_spin);
  gtk_spin_button_update (self->birth_year_spin);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (texts[i].row)), texts[i].value) != 0)
      return TRUE;
  /* Text that is no date is something typed, not saved. */
  if (!typed_target_date (self, &typed))
    return TRUE;

  return gtk_spin_button_get_value (self->share_spin) != round (bt_profile_get_target_share (profile) * 100) ||
         gtk_spin_button_get_value_as_int (self->birth_year_spin) != bt_profile_get_birth_year (profile) ||
         !dates_equal (g_date_valid (&typed) ? &typed : NULL, bt_profile_get_target_date (profile));
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BtGoalDialog     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->done = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* Escape or Cancel after the goal was changed asks first, as an item's
 * editor does: a target typed and lost unseen is a goal not set. */
static gboolean
bt_goal_dialog_close_request (GtkWindow *window)
{
  BtGoalDialog *self = BT_GOAL_DIALOG (window);

  if (!self->done && self->plan != NULL && edited (self))
    {
      GtkWidget *dialog = bt_dialog_discard_new (window, _("The changes to your goal are not saved."));

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bt_goal_dialog_parent_class)->close_request (window);
}

static void
bt_goal_dialog_dispose (GObject *object)
{
  BtGoalDialog *self = BT_GOAL_DIALOG (object);

  /* Closing moves the focus out of the date's field: no leave to handle
   * in a dialog taken apart. */
  if (self->date_focus != NULL)
    g_signal_handlers_disconnect_by_data (self->date_focus, self);
  self->date_focus = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_GOAL_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (bt_goal_dialog_parent_class)->dispose (object);
}

static void
bt_goal_dialog_class_init (BtGoalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_goal_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bt_goal_dialog_close_request;

  /**
   * BtGoalDialog::saved:
   *
   * Emitted when the profile was changed (or, for a new plan, filled in,
   * even left as it was) and the dialog is about to close.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BT_TYPE_DATE_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-goal-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, target_role_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, share_spin);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, current_role_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, currency_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, birth_year_spin);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, categories_row);
  gtk_widget_class_bind_template_child (widget_class, BtGoalDialog, categories_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_year_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_birth_year_output_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Enter in a one-line field saves, as Ctrl+Return does: the default
 * action of a GNOME dialog. */
static void
on_entry_activated_cb (BtGoalDialog *self)
{
  if (!bt_apply_shortcut_click (self->save_button))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
bt_goal_dialog_init (BtGoalDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_currency_error (self, FALSE);
  bt_apply_shortcut_add (GTK_WIDGET (self), self->save_button);
  bt_dialog_focus_content (GTK_WINDOW (self), self->page);
  {
    AdwEntryRow *rows[] = { self->target_role_row, self->target_date_row, self->name_row, self->current_role_row,
                            self->email_row, self->currency_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect_object (rows[i], "entry-activated", G_CALLBACK (on_entry_activated_cb), self,
                               G_CONNECT_SWAPPED);
  }
  bt_date_picker_attach (self->date_button, GTK_EDITABLE (self->target_date_row));
  {
    /* The text typed into, not the row: going to the calendar button
     * beside it leaves the text too. */
    self->date_focus = gtk_event_controller_focus_new ();
    g_signal_connect_swapped (self->date_focus, "leave", G_CALLBACK (on_target_date_leave_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->target_date_row))),
                               self->date_focus);
  }
  g_signal_connect_object (self->birth_year_spin, "value-changed", G_CALLBACK (on_birth_year_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
fill (BtGoalDialog *self)
{
  BtProfile *profile = bt_plan_get_profile (self->plan);
  const GDate *date = bt_profile_get_target_date (profile);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), bt_profile_get_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->current_role_row), bt_profile_get_current_role (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->target_role_row), bt_profile_get_target_role (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), bt_profile_get_email (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row), bt_profile_get_currency (profile));
  gtk_spin_button_set_value (self->share_spin, round (bt_profile_get_target_share (profile) * 100));
  gtk_spin_button_set_value (self->birth_year_spin, bt_profile_get_birth_year (profile));

  {
    g_autofree char *shown = bt_date_picker_format (date);

    gtk_editable_set_text (GTK_EDITABLE (self->target_date_row), shown);
  }
}

static BtGoalDialog *
goal_dialog_new (GtkWindow *parent,
                 BtPlan    *plan,
                 BtHistory *history)
{
  BtGoalDialog *self = g_object_new (BT_TYPE_GOAL_DIALOG, "transient-for", parent, NULL);

  self->plan = g_object_ref (plan);
  self->history = history ? g_object_ref (history) : NULL;
  fill (self);

  return self;
}

/**
 * bt_goal_dialog_new:
 * @history: where the change is recorded, as one step
 *
 * Returns: (transfer floating): a dialog that edits @plan's profile
 */
BtGoalDialog *
bt_goal_dialog_new (GtkWindow *parent,
                    BtPlan    *plan,
                    BtHistory *history)
{
  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);
  g_return_val_if_fail (BT_IS_HISTORY (history), NULL);

  return goal_dialog_new (parent, plan, history);
}

/**
 * bt_goal_dialog_new_for_new_plan:
 * @plan: a plan not shown anywhere yet, without categories
 *
 * Asks for the goal of a plan being started, and whether it starts with
 * the usual categories (see bt_goal_dialog_get_keep_categories(); adding
 * them is the caller's, once the dialog is saved).
 *
 * Returns: (transfer floating): the dialog
 */
BtGoalDialog *
bt_goal_dialog_new_for_new_plan (GtkWindow *parent,
                                 BtPlan    *plan)
{
  BtGoalDialog *self;
  g_autoptr(BtPlan) usual = bt_plan_new_default ();
  GListModel *categories = bt_plan_get_categories (usual);
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  self = goal_dialog_new (parent, plan, NULL);
  /* The header keeps "Your Goal", short enough for a phone's width; the
   * window's title says what the dialog is for. */
  gtk_window_set_title (GTK_WINDOW (self), _("Start My Own Plan"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Start Plan"));

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, i);

      if (i > 0)
        /* TRANSLATORS: between the names of categories in a list */
        g_string_append (names, _(", "));
      g_string_append (names, bt_category_get_name (category));
    }
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s. You can rename, add and remove them later."), names->str);
    g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

    adw_action_row_set_subtitle (self->categories_row, escaped);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->categories_group), TRUE);

  return self;
}

/**
 * bt_goal_dialog_get_keep_categories:
 *
 * Returns: whether the user wants the new plan to start with the usual
 *   categories
 */
gboolean
bt_goal_dialog_get_keep_categories (BtGoalDialog *self)
{
  g_return_val_if_fail (BT_IS_GOAL_DIALOG (self), FALSE);

  return gtk_switch_get_active (self->categories_switch);
}
