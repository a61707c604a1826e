/* bt-import-dialog.c — what an import would do, before it does it
 *
 * The preview of a calendar or time-tracker import: the weeks with their
 * tactical, strategic and unmatched hours (and, for a week with hours the
 * user typed, whether to keep them, use the calendar's or add them up),
 * the hours per category, the events no rule matched — each with a
 * way to add a rule for it, after which the preview is worked out again —
 * the touchpoints found and what was left out. Import applies it as one
 * step of the history. bt_import_dialog_open() reads the file in a worker
 * thread, with a progress bar, and Cancel stops it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-application.h"
#include "bt-date.h"
#include "bt-number.h"
#include "bt-import.h"
#include "bt-import-describe.h"
#include "bt-import-dialog.h"
#include "bt-item-editor.h"
#include "bt-report.h"
#include "bt-window-private.h"

typedef struct _Load Load;
static void load_unref (Load *load);

struct _BtImportDialog
{
  AdwWindow           parent_instance;

  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  AdwPreferencesPage *page;

  BtPlan             *plan;
  BtHistory          *history;
  BtImportKind        kind;
  BtImportSource     *source;   /* the file, read once: adding a rule works it out again */
  char               *name;
  GDateTime          *now;      /* events after it are not time spent yet */
  BtImport           *import;
  GPtrArray          *groups;   /* the groups shown, to remove them when working it out again */
  GPtrArray          *choice_rows; /* AdwComboRow per week with typed hours, its week in "bt-week" */
  GPtrArray          *category_labels; /* GtkLabel per category, its id in "bt-category" */
  double              budget;   /* the weekly hours budget, for partial weeks; 0 for none */

  /* While bt_import_dialog_open() reads the file */
  Load               *load;
  GCancellable       *cancellable;
  GtkProgressBar     *progress;
  guint               tick_id;
};

G_DEFINE_FINAL_TYPE (BtImportDialog, bt_import_dialog, ADW_TYPE_WINDOW)

static BtImport *
work_out (BtImportDialog  *self,
          GError         **error)
{
  return bt_import_from_source (self->plan, self->source, self->now, error);
}

static AdwPreferencesGroup *
add_group (BtImportDialog *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
  g_ptr_array_add (self->groups, group);

  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles come from calendars: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);

  return row;
}

static void populate (BtImportDialog *self);

static void
on_rule_committed_cb (BtImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  BtImport *again = work_out (self, &error);

  /* The same text read well before; only the rules changed. */
  g_return_if_fail (again != NULL);

  /* The choices made so far stay with their weeks. */
  for (guint i = 0; i < again->weeks->len; i++)
    {
      BtImportWeek *w = again->weeks->pdata[i];

      for (guint j = 0; j < self->import->weeks->len; j++)
        {
          BtImportWeek *before = self->import->weeks->pdata[j];

          if (before->iso_year == w->iso_year && before->week == w->week)
            w->choice = before->choice;
        }
    }
  g_clear_pointer (&self->import, bt_import_free);
  self->import = again;
  populate (self);
}

static void
on_add_rule_clicked_cb (GtkButton      *button,
                        BtImportDialog *self)
{
  const char *summary = g_object_get_data (G_OBJECT (button), "bt-summary");
  GListModel *rules = bt_plan_get_import_rules (self->plan);
  GListModel *categories = bt_plan_get_categories (self->plan);
  g_autoptr(BtCategory) first = NULL;
  g_autoptr(BtImportRule) rule = NULL;
  BtItemEditor *editor;

  /* A plan without rules was previewed with the defaults: make them the
   * plan's first, or the new rule would be the only one. */
  if (g_list_model_get_n_items (rules) == 0)
    {
      bt_history_begin (self->history, _("Add the Usual Import Rules"));
      bt_import_add_default_rules (self->plan, self->history);
      bt_history_end (self->history);
    }

  if (g_list_model_get_n_items (categories) > 0)
    first = g_list_model_get_item (categories, 0);
  rule = bt_import_rule_new (BT_RULE_WORDS, summary, first ? bt_item_get_id (BT_ITEM (first)) : NULL);
  editor = bt_item_editor_new (GTK_WINDOW (self), self->plan, self->history, BT_ITEM (self->plan), rules,
                               BT_ITEM (rule));
  g_signal_connect_object (editor, "committed", G_CALLBACK (on_rule_committed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static char *
format_hours (double hours)
{
  /* TRANSLATORS: hours in the import preview, e.g. "12.5 h" */
  return g_strdup_printf (_("%.1f h"), bt_number_round (hours, 1));
}

/* A week as the rest of the app names it (the check-in, the time chart),
 * with its days: "2026-W48 · 23 Nov 2026 – 29 Nov 2026". */
static char *
week_title (const BtImportWeek *w)
{
  g_autofree char *week = bt_iso_week_format (w->iso_year, w->week);
  g_autofree char *days = bt_format_week_days (w->iso_year, w->week);

  /* TRANSLATORS: a week in the import preview: its ISO week, then its days: "2026-W48 · 23 Nov 2026 – 29 Nov 2026" */
  return g_strdup_printf (_("%s · %s"), week, days);
}

/* A row with a drop-down of the choices, in BtImportChoice's order, named
 * @name for assistive technologies. The row's data "bt-choice" is the
 * drop-down. */
static GtkWidget *
choice_row_new (const char *title,
                const char *subtitle,
                const char *name)
{
  const char * const choices[] = {
    /* TRANSLATORS: import preview: what to do with a week that has hours the user typed */
    N_("Keep Mine"), N_("Use the Calendar’s"), N_("Add the Calendar’s"),
  };
  const char *labels[G_N_ELEMENTS (choices) + 1] = { NULL, };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choice;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    labels[i] = _(choices[i]);
  choice = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choice);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), choice);
  g_object_set_data (G_OBJECT (row), "bt-choice", choice);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* The week's calendar hours, and for a week with typed hours what it will
 * have after the import; a partial week says so. */
static void
update_week_row (BtImportDialog     *self,
                 GtkWidget          *row,
                 const BtImportWeek *w)
{
  GListModel *categories = bt_plan_get_categories (self->plan);
  double tactical, strategic, result;
  g_autofree char *t = NULL, *s = NULL, *u = NULL, *r = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(GString) subtitle = NULL;

  bt_import_week_kinds (w, categories, &tactical, &strategic);
  t = format_hours (tactical);
  s = format_hours (strategic);
  /* TRANSLATORS: a week in the import preview: the calendar's tactical and strategic hours */
  calendar = g_strdup_printf (_("Tactical %s · strategic %s"), t, s);
  subtitle = g_string_new (calendar);
  if (bt_number_round (w->unmatched, 1) > 0.0)
    {
      u = format_hours (w->unmatched);
      /* TRANSLATORS: appended to a week's hours in the import preview: "Tactical 3.0 h · strategic 2.0 h · 1.0 h not counted: no rule matches" */
      g_string_append_printf (subtitle, _(" · %s not counted: no rule matches"), u);
    }

  result = bt_import_week_result (w, self->plan, w->choice);
  r = format_hours (result);
  if (w->typed > 0.0)
    {
      g_autofree char *typed = format_hours (w->typed);

      g_string_append_c (subtitle, '\n');
      /* TRANSLATORS: import preview: "Yours 52.0 h · after the import 57.0 h" */
      g_string_append_printf (subtitle, _("Yours %s · after the import %s"), typed, r);
    }
  if (bt_analytics_is_partial_week (result, self->budget))
    {
      g_autofree char *budget = format_hours (self->budget);

      g_string_append_c (subtitle, '\n');
      /* TRANSLATORS: import preview, %s is the weekly hours budget set in Preferences: "A partial week, under half your weekly budget of 50.0 h: it counts less in the trend" */
      g_string_append_printf (subtitle, _("A partial week, under half your weekly budget of %s: it counts less in the trend"),
                              budget);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
}

/* The hours each category gets, as the weeks' choices are now: nothing
 * in a week whose hours are kept, nothing past a week's 168 hours. */
static void
update_category_hours (BtImportDialog *self)
{
  g_autoptr(GHashTable) added = bt_import_added_hours (self->import, self->plan);

  for (guint i = 0; i < self->category_labels->len; i++)
    {
      GtkLabel *label = self->category_labels->pdata[i];
      const char *id = g_object_get_data (G_OBJECT (label), "bt-category");
      double *adds_p = g_hash_table_lookup (added, id);
      double hours = bt_import_category_hours (self->import, id);
      double adds = adds_p != NULL ? *adds_p : 0.0;
      g_autofree char *text = format_hours (adds);
      g_autofree char *all = format_hours (hours);
      g_autofree char *shown = NULL;

      if (bt_number_round (adds, 1) < 0.0)
        {
          g_autofree char *fewer = format_hours (-adds);

          /* TRANSLATORS: import preview, a category's hours an earlier import of the same calendar put in the plan, which are no longer in it: "Takes away 1.5 h" */
          shown = g_strdup_printf (_("Takes away %s"), fewer);
        }
      else if (bt_number_round (adds, 1) <= 0.0)
        /* TRANSLATORS: import preview, a category's hours of which the plan gets none (kept or full weeks, or already imported): "Adds none of 3.0 h" */
        shown = g_strdup_printf (_("Adds none of %s"), all);
      else if (adds < hours - 0.05)
        /* TRANSLATORS: import preview, a category's hours of which the plan gets only some: "Adds 2.0 h of 3.0 h" */
        shown = g_strdup_printf (_("Adds %s of %s"), text, all);
      else
        /* TRANSLATORS: import preview, the hours the plan gets for a category: "Adds 3.0 h" */
        shown = g_strdup_printf (_("Adds %s"), text);
      gtk_label_set_text (label, shown);
    }
}

static void
on_week_choice_selected_cb (GtkDropDown    *choice,
                            GParamSpec     *pspec,
                            BtImportDialog *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (choice), "bt-row");
  BtImportWeek *w = g_object_get_data (G_OBJECT (row), "bt-week");
  guint selected = gtk_drop_down_get_selected (choice);

  if (selected > BT_IMPORT_ADD)
    return;
  w->choice = (BtImportChoice) selected;
  update_week_row (self, row, w);
  update_category_hours (self);
}

static void
on_all_choice_selected_cb (GtkDropDown    *all,
                           GParamSpec     *pspec,
                           BtImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (all);

  if (selected > BT_IMPORT_ADD)
    return;
  /* The weeks of a year not opened yet have no row to choose in. */
  for (guint i = 0; i < self->import->weeks->len; i++)
    {
      BtImportWeek *w = self->import->weeks->pdata[i];

      if (w->typed > 0.0)
        w->choice = (BtImportChoice) selected;
    }
  for (guint i = 0; i < self->choice_rows->len; i++)
    gtk_drop_down_set_selected (g_object_get_data (self->choice_rows->pdata[i], "bt-choice"), selected);
  update_category_hours (self);
}

/* A week of only hours no rule took, and none typed, gets nothing from
 * the import: no row, its events are listed among those no rule matched. */
static gboolean
week_has_row (const BtImportWeek *w)
{
  return g_hash_table_size (w->hours) > 0 || w->typed > 0.0;
}

/* A week's row, in the group of weeks or in its year's row. */
static void
add_week_row (BtImportDialog *self,
              GtkWidget      *parent,
              BtImportWeek   *w)
{
  g_autofree char *title = NULL;
  GtkWidget *row;

  if (!week_has_row (w))
    return;
  title = week_title (w);

  if (w->typed > 0.0)
    {
      /* TRANSLATORS: accessible name of a week's choice in the import preview: "What to do with the week 2026-W48 · 23 Nov 2026 – 29 Nov 2026" */
      g_autofree char *name = g_strdup_printf (_("What to do with the week %s"), title);
      GtkDropDown *choice;

      row = choice_row_new (title, NULL, name);
      choice = g_object_get_data (G_OBJECT (row), "bt-choice");
      gtk_drop_down_set_selected (choice, w->choice);
      g_object_set_data (G_OBJECT (row), "bt-week", w);
      g_object_set_data (G_OBJECT (choice), "bt-row", row);
      g_signal_connect (choice, "notify::selected", G_CALLBACK (on_week_choice_selected_cb), self);
      g_ptr_array_add (self->choice_rows, row);
    }
  else
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
    }

  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  update_week_row (self, row, w);
}

/* A year's weeks get their rows when the year is first opened. */
static void
on_year_expanded_cb (AdwExpanderRow *year,
                     GParamSpec     *pspec,
                     BtImportDialog *self)
{
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (year), "bt-first-week"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (year), "bt-n-weeks"));

  if (!adw_expander_row_get_expanded (year) || g_object_get_data (G_OBJECT (year), "bt-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (year), "bt-filled", GINT_TO_POINTER (TRUE));
  for (guint i = first; i < first + n; i++)
    add_week_row (self, GTK_WIDGET (year), self->import->weeks->pdata[i]);
}

/* Past this many weeks, each year is one row that opens on its weeks:
 * ten years of week rows, made and laid out at once, would hold the
 * window up for seconds. */
#define WEEKS_BY_YEAR 60

static void
add_year_rows (BtImportDialog      *self,
               AdwPreferencesGroup *group)
{
  GPtrArray *weeks = self->import->weeks;

  for (guint first = 0, end; first < weeks->len; first = end)
    {
      int iso_year = ((BtImportWeek *) weeks->pdata[first])->iso_year;
      GtkWidget *year;
      g_autofree char *title = g_strdup_printf ("%d", iso_year);
      g_autofree char *subtitle = NULL;
      guint n_typed = 0, n_shown = 0;

      for (end = first; end < weeks->len && ((BtImportWeek *) weeks->pdata[end])->iso_year == iso_year; end++)
        {
          n_typed += ((BtImportWeek *) weeks->pdata[end])->typed > 0.0;
          n_shown += week_has_row (weeks->pdata[end]);
        }
      if (n_shown == 0)
        continue;
      year = adw_expander_row_new ();
      if (n_typed > 0)
        /* TRANSLATORS: a year in the import preview: "52 weeks, 40 with your hours" */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week, %u with your hours",
                                                 "%u weeks, %u with your hours", n_shown),
                                    n_shown, n_typed);
      else
        /* TRANSLATORS: a year in the import preview */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week", "%u weeks", n_shown), n_shown);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (year), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (year), subtitle);
      g_object_set_data (G_OBJECT (year), "bt-first-week", GUINT_TO_POINTER (first));
      g_object_set_data (G_OBJECT (year), "bt-n-weeks", GUINT_TO_POINTER (end - first));
      g_signal_connect (year, "notify::expanded", G_CALLBACK (on_year_expanded_cb), self);
      adw_preferences_group_add (group, year);
    }
}

static void
add_touchpoint_row (GtkWidget          *parent,
                    BtImportTouchpoint *t)
{
  g_autofree char *date = bt_format_date (&t->date);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", date, t->summary,
                                               t->is_new ? _("new") : _("already logged"));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bt_relationship_get_name (t->relationship));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
}

static void
on_touchpoint_year_expanded_cb (AdwExpanderRow *year,
                                GParamSpec     *pspec,
                                BtImportDialog *self)
{
  guint first = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (year), "bt-first"));
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (year), "bt-n"));

  if (!adw_expander_row_get_expanded (year) || g_object_get_data (G_OBJECT (year), "bt-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (year), "bt-filled", GINT_TO_POINTER (TRUE));
  for (guint i = first; i < first + n; i++)
    add_touchpoint_row (GTK_WIDGET (year), self->import->touchpoints->pdata[i]);
}

/* Touchpoints by year, as the weeks: each year's rows when it is opened. */
static void
add_touchpoint_years (BtImportDialog      *self,
                      AdwPreferencesGroup *group)
{
  GPtrArray *touchpoints = self->import->touchpoints;

  for (guint first = 0, end; first < touchpoints->len; first = end)
    {
      GDateYear y = g_date_get_year (&((BtImportTouchpoint *) touchpoints->pdata[first])->date);
      GtkWidget *year = adw_expander_row_new ();
      g_autofree char *title = g_strdup_printf ("%d", (int) y);
      g_autofree char *subtitle = NULL;
      guint n_new = 0;

      for (end = first; end < touchpoints->len &&
                        g_date_get_year (&((BtImportTouchpoint *) touchpoints->pdata[end])->date) == y; end++)
        n_new += ((BtImportTouchpoint *) touchpoints->pdata[end])->is_new;
      /* TRANSLATORS: a year of touchpoints in the import preview: "120 touchpoints, 30 new" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint, %u new", "%u touchpoints, %u new",
                                               end - first), end - first, n_new);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (year), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (year), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (year), subtitle);
      g_object_set_data (G_OBJECT (year), "bt-first", GUINT_TO_POINTER (first));
      g_object_set_data (G_OBJECT (year), "bt-n", GUINT_TO_POINTER (end - first));
      g_signal_connect (year, "notify::expanded", G_CALLBACK (on_touchpoint_year_expanded_cb), self);
      adw_preferences_group_add (group, year);
    }
}

/* The events no rule matched, by their hours: the first this many get a
 * row and a button each, the rest one row. */
#define MAX_UNMATCHED_ROWS 50

static void
populate (BtImportDialog *self)
{
  BtImport *import = self->import;
  GListModel *categories = bt_plan_get_categories (self->plan);
  AdwPreferencesGroup *group;
  guint n_typed;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);

  adw_window_title_set_subtitle (self->window_title, import->source_name);
  gtk_widget_set_sensitive (self->import_button, import->weeks->len > 0 || import->touchpoints->len > 0);

  n_typed = bt_import_count_typed_weeks (import);

  /* The weeks. */
  {
    g_autofree char *description = NULL;

    guint n_shown = 0;

    for (guint i = 0; i < import->weeks->len; i++)
      n_shown += week_has_row (import->weeks->pdata[i]);
    if (n_shown == 0)
      description = g_strdup (_("No hours to import up to today."));
    else if (n_typed > 0)
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u week already has hours you typed. Calendar hours are meetings, not the whole week: choose what the import does with it.",
                                                  "%u weeks already have hours you typed. Calendar hours are meetings, not the whole week: choose what the import does with each.",
                                                  n_typed), n_typed);
    group = add_group (self, _("Weeks"), description);
  }
  g_ptr_array_set_size (self->choice_rows, 0);
  if (n_typed > 1)
    {
      /* TRANSLATORS: accessible name of the choice for all weeks in the import preview */
      GtkWidget *all = choice_row_new (_("All Weeks With Your Hours"),
                                       _("What the import does with each of them"),
                                       _("What to do with all weeks that have your hours"));

      g_signal_connect (g_object_get_data (G_OBJECT (all), "bt-choice"), "notify::selected",
                        G_CALLBACK (on_all_choice_selected_cb), self);
      adw_preferences_group_add (group, all);
    }
  if (import->weeks->len > WEEKS_BY_YEAR)
    add_year_rows (self, group);
  else
    for (guint i = 0; i < import->weeks->len; i++)
      add_week_row (self, GTK_WIDGET (group), import->weeks->pdata[i]);

  /* The hours per category, as the plan gets them. */
  g_ptr_array_set_size (self->category_labels, 0);
  if (import->weeks->len > 0)
    {
      group = add_group (self, _("Hours per Category"), _("What the plan gets: nothing in weeks where your hours are kept, and no week gets more than 168 hours."));
      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(BtCategory) category = g_list_model_get_item (categories, c);
          double hours = bt_import_category_hours (import, bt_item_get_id (BT_ITEM (category)));
          GtkWidget *label;

          if (hours <= 0.0)
            continue;
          label = gtk_label_new (NULL);
          g_object_set_data_full (G_OBJECT (label), "bt-category",
                                  g_strdup (bt_item_get_id (BT_ITEM (category))), g_free);
          g_ptr_array_add (self->category_labels, label);
          adw_action_row_add_suffix (ADW_ACTION_ROW (add_row (group, bt_category_get_name (category),
                                                              bt_enum_to_label (BT_TYPE_CATEGORY_KIND,
                                                                                bt_category_get_kind (category)))),
                                     label);
        }
      update_category_hours (self);
    }

  /* Events no rule matched. */
  if (import->unmatched->len > 0)
    {
      group = add_group (self, _("Events No Rule Matched"),
                         _("Their time is not counted. Add a rule to give it a category."));
      for (guint i = 0; i < MIN (import->unmatched->len, MAX_UNMATCHED_ROWS); i++)
        {
          BtImportUnmatched *u = import->unmatched->pdata[i];
          g_autofree char *hours = format_hours (u->hours);
          g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u time, %s", "%u times, %s",
                                                                    u->count), u->count, hours);
          g_autofree char *name = g_strdup_printf (_("Add a rule for “%s”"), u->summary);
          GtkWidget *row = add_row (group, *u->summary ? u->summary : _("Untitled"), subtitle);
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Rule"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "bt-summary", g_strdup (u->summary), g_free);
          g_signal_connect (button, "clicked", G_CALLBACK (on_add_rule_clicked_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      if (import->unmatched->len > MAX_UNMATCHED_ROWS)
        {
          guint n_more = import->unmatched->len - MAX_UNMATCHED_ROWS;
          double more_hours = 0.0;
          g_autofree char *hours = NULL, *title = NULL;

          for (guint i = MAX_UNMATCHED_ROWS; i < import->unmatched->len; i++)
            more_hours += ((BtImportUnmatched *) import->unmatched->pdata[i])->hours;
          hours = format_hours (more_hours);
          /* TRANSLATORS: the last row of the events no rule matched, past the fifty with most hours */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more event", "%u more events", n_more), n_more);
          add_row (group, title, hours);
        }
    }

  /* Touchpoints. */
  if (import->touchpoints->len > 0)
    {
      group = add_group (self, _("Touchpoints"),
                         _("Events with someone from your relationships are logged as touchpoints with them."));
      if (import->touchpoints->len > WEEKS_BY_YEAR)
        add_touchpoint_years (self, group);
      else
        for (guint i = 0; i < import->touchpoints->len; i++)
          add_touchpoint_row (GTK_WIDGET (group), import->touchpoints->pdata[i]);
    }

  /* What was left out, and rules that could not be used. */
  {
    g_autofree char *left_out = bt_import_describe_left_out (import);

    if (import->n_no_instance > 0)
      {
        /* TRANSLATORS: what the import left out: overrides of a repetition a recurring event does not have */
        g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u change to a repetition the event does not have",
                                                              "%u changes to repetitions the event does not have",
                                                              import->n_no_instance),
                                                 import->n_no_instance);
        /* TRANSLATORS: what the import left out, then one more kind: "2 cancelled, 1 change to a repetition…" */
        g_autofree char *more = left_out != NULL ? g_strdup_printf (_("%s, %s"), left_out, part) : NULL;

        g_free (left_out);
        left_out = more != NULL ? g_steal_pointer (&more) : g_steal_pointer (&part);
      }

    /* No group for nothing to say. */
    if (left_out == NULL && !import->default_rules && import->missing_categories->len == 0)
      return;
    group = add_group (self, _("Not Counted"), NULL);
    if (left_out != NULL)
      add_row (group, _("Left out"), left_out);
    if (import->default_rules)
      add_row (group, _("The usual rules"),
               _("The plan has no import rules yet: importing adds the usual ones, which you can change on the Time page."));
    for (guint i = 0; i < import->missing_categories->len; i++)
      {
        g_autofree char *title = g_strdup_printf (_("A rule for “%s”"), (const char *) import->missing_categories->pdata[i]);
        add_row (group, title, _("Its category no longer exists: the rule was skipped."));
      }
  }
}

static void
on_import_clicked_cb (BtImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;

  bt_import_apply (self->import, self->plan, self->history);

  message = bt_import_describe_done (self->import);
  if (BT_IS_WINDOW (parent))
    bt_window_toast_with_undo (BT_WINDOW (parent), message);

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
bt_import_dialog_dispose (GObject *object)
{
  BtImportDialog *self = BT_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_pointer (&self->load, load_unref);
  g_clear_pointer (&self->source, bt_import_source_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->import, bt_import_free);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->choice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->category_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (bt_import_dialog_parent_class)->dispose (object);
}

static void
bt_import_dialog_class_init (BtImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_import_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BtImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BtImportDialog, page);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bt_import_dialog_init (BtImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->choice_rows = g_ptr_array_new ();
  self->category_labels = g_ptr_array_new ();
}

/**
 * bt_import_dialog_new:
 * @path: an iCalendar file (.ics) or a time tracker's CSV report
 * @now: (nullable): where time spent ends; %NULL for now
 *
 * Returns: (transfer floating) (nullable): the preview, or %NULL with
 *   @error naming the line of the file that is wrong
 */
BtImportDialog *
bt_import_dialog_new (GtkWindow  *parent,
                      BtPlan     *plan,
                      BtHistory  *history,
                      const char *path,
                      GDateTime  *now,
                      GError    **error)
{
  BtImportKind kind = bt_import_kind_for_path (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GDateTime) when = now ? g_date_time_ref (now) : g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  BtImportSource *source;
  BtImportDialog *self;
  gsize length;

  text = bt_import_read (path, kind, &length, error);
  if (text == NULL)
    return NULL;
  source = bt_import_source_read (kind, text, length, name, bt_profile_get_email (bt_plan_get_profile (plan)),
                                  when, NULL, NULL, NULL, error);
  if (source == NULL)
    return NULL;

  self = g_object_new (BT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  self->kind = kind;
  self->source = source;
  self->name = g_steal_pointer (&name);
  self->now = g_steal_pointer (&when);
  self->budget = bt_application_get_weekly_budget ();
  self->import = work_out (self, error);
  if (self->import == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  populate (self);

  return self;
}

/* ------------------------------------------------------------------ */
/* Reading in a worker thread                                          */

/* What the worker needs, held by it and by the dialog: either may go
 * first. */
struct _Load
{
  GWeakRef      dialog;
  char         *path;
  BtImportKind  kind;
  char         *name;
  char         *email;
  GDateTime    *now;
  int           permille;   /* atomic: how far the reading is */
};

static void
load_clear (Load *load)
{
  g_weak_ref_clear (&load->dialog);
  g_free (load->path);
  g_free (load->name);
  g_free (load->email);
  g_date_time_unref (load->now);
}

static void
load_unref (Load *load)
{
  g_atomic_rc_box_release_full (load, (GDestroyNotify) load_clear);
}

static void
on_load_progress_cb (double   fraction,
                     gpointer user_data)
{
  Load *load = user_data;

  g_atomic_int_set (&load->permille, (int) (fraction * 1000));
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BtImportSource *source = NULL;
  gsize length;

  text = bt_import_read (load->path, load->kind, &length, &error);
  if (text != NULL)
    source = bt_import_source_read (load->kind, text, length, load->name, load->email, load->now,
                                    cancellable, on_load_progress_cb, load, &error);
  if (source != NULL)
    g_task_return_pointer (task, source, (GDestroyNotify) bt_import_source_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
on_load_tick_cb (gpointer user_data)
{
  BtImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress, g_atomic_int_get (&self->load->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(BtImportDialog) self = g_weak_ref_get (&load->dialog);
  g_autoptr(GError) error = NULL;
  BtImportSource *source = g_task_propagate_pointer (G_TASK (result), &error);

  load_unref (load);
  if (self == NULL)
    {
      /* Closed while it read. */
      g_clear_pointer (&source, bt_import_source_free);
      return;
    }

  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->progress = NULL;
  if (source != NULL)
    {
      self->source = source;
      self->import = work_out (self, &error);
    }
  if (self->import == NULL)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be imported"), self->name);
      GtkWidget *message;

      gtk_window_destroy (GTK_WINDOW (self));
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = adw_message_dialog_new (parent, heading, error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  populate (self);
}

/**
 * bt_import_dialog_open:
 * @path: an iCalendar file (.ics) or a time tracker's CSV report
 *
 * Shows the preview of importing @path at once, with a progress bar while
 * a worker thread reads the file; Cancel stops the reading. A file that
 * cannot be imported closes it and says why.
 */
void
bt_import_dialog_open (GtkWindow  *parent,
                       BtPlan     *plan,
                       BtHistory  *history,
                       const char *path)
{
  BtImportDialog *self = g_object_new (BT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  Load *load = g_atomic_rc_box_new0 (Load);
  g_autoptr(GTask) task = NULL;
  AdwPreferencesGroup *group;

  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  self->kind = bt_import_kind_for_path (path);
  self->name = g_path_get_basename (path);
  self->now = g_date_time_new_now_local ();
  self->budget = bt_application_get_weekly_budget ();
  self->cancellable = g_cancellable_new ();

  g_weak_ref_init (&load->dialog, self);
  load->path = g_strdup (path);
  load->kind = self->kind;
  load->name = g_strdup (self->name);
  load->email = g_strdup (bt_profile_get_email (bt_plan_get_profile (plan)));
  load->now = g_date_time_ref (self->now);
  self->load = g_atomic_rc_box_acquire (load);

  adw_window_title_set_subtitle (self->window_title, self->name);
  gtk_widget_set_sensitive (self->import_button, FALSE);
  group = add_group (self, _("Reading the File"), _("A calendar of many years takes a few seconds."));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How much of the file is read"), -1);
  adw_preferences_group_add (group, GTK_WIDGET (self->progress));
  self->tick_id = g_timeout_add (100, on_load_tick_cb, self);

  task = g_task_new (NULL, self->cancellable, on_loaded_cb, load);
  g_task_set_task_data (task, g_atomic_rc_box_acquire (load), (GDestroyNotify) load_unref);
  g_task_run_in_thread (task, load_thread);

  gtk_window_present (GTK_WINDOW (self));
}

/**
 * bt_import_dialog_new_for_source:
 * @source: (transfer full): events already read, the desktop's calendars'
 * @now: where time spent ends
 *
 * The preview of importing events read elsewhere (bt-eds-calendars), with
 * the same rules, weeks and choices as a file's.
 *
 * Returns: (transfer floating) (nullable): the preview, or %NULL with
 *   @error saying why the plan cannot hold them
 */
BtImportDialog *
bt_import_dialog_new_for_source (GtkWindow      *parent,
                                 BtPlan         *plan,
                                 BtHistory      *history,
                                 BtImportSource *source,
                                 GDateTime      *now,
                                 GError        **error)
{
  BtImportDialog *self = g_object_new (BT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  self->kind = BT_IMPORT_CALENDAR;
  self->source = source;
  self->name = g_strdup (source->name);
  self->now = g_date_time_ref (now);
  self->budget = bt_application_get_weekly_budget ();
  adw_window_title_set_subtitle (self->window_title, self->name);
  self->import = work_out (self, error);
  if (self->import == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  populate (self);

  return self;
}
