/* test-item-editor.c — adding, editing and deleting through the editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-item-editor.h"
#include "bt-plan-file.h"

static gboolean
is_button_with_class (GtkWidget     *widget,
                      gconstpointer  css_class)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *css_class)
{
  return bt_test_find_match (widget, is_button_with_class, css_class);
}

static void
remember_committed_cb (BtItemEditor  *editor,
                    const char    *what,
                    char         **out)
{
  g_free (*out);
  *out = g_strdup (what);
}

static GtkWidget *
apply_button (BtItemEditor *editor)
{
  return (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), BT_TYPE_ITEM_EDITOR, "apply_button");
}

static void
test_edit_then_undo (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) priya = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  BtItemEditor *editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan),
                                             bt_plan_get_relationships (plan), BT_ITEM (priya));
  GtkWidget *name = bt_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  GtkWidget *strength = bt_test_find (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON);
  char *what = NULL;

  g_assert_nonnull (name);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Priya Raman");

  /* The first spin button is the strength (1–5): its range is the model's. */
  {
    double min, max;
    gtk_spin_button_get_range (GTK_SPIN_BUTTON (strength), &min, &max);
    g_assert_cmpfloat (min, ==, 1);
    g_assert_cmpfloat (max, ==, 5);
  }

  /* An empty name is refused where it is typed. */
  gtk_editable_set_text (GTK_EDITABLE (name), "   ");
  g_assert_false (gtk_widget_get_sensitive (apply_button (editor)));
  g_assert_true (gtk_widget_has_css_class (name, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name), "Priya R.");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (strength), 5);
  g_assert_true (gtk_widget_get_sensitive (apply_button (editor)));

  g_signal_connect (editor, "committed", G_CALLBACK (remember_committed_cb), &what);
  g_signal_emit_by_name (apply_button (editor), "clicked");

  g_assert_cmpstr (bt_relationship_get_name (priya), ==, "Priya R.");
  g_assert_cmpint (bt_relationship_get_strength (priya), ==, 5);
  g_assert_cmpstr (what, ==, "Edit Person");

  /* One undo takes back the whole edit. */
  g_assert_true (bt_history_undo (history));
  g_assert_cmpstr (bt_relationship_get_name (priya), ==, "Priya Raman");
  g_assert_cmpint (bt_relationship_get_strength (priya), ==, 4);
  g_free (what);
}

static void
test_bad_date_is_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtMilestone) m = g_list_model_get_item (bt_plan_get_milestones (plan), 0);
  BtItemEditor *editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan),
                                             bt_plan_get_milestones (plan), BT_ITEM (m));
  GtkWidget *fields = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (editor), BT_TYPE_ITEM_EDITOR,
                                                                   "fields_group");
  GtkWidget *title = bt_test_find (fields, ADW_TYPE_ENTRY_ROW);
  GtkWidget *date = gtk_widget_get_next_sibling (title);

  g_assert_true (ADW_IS_ENTRY_ROW (date));
  gtk_editable_set_text (GTK_EDITABLE (date), "2026-02-30");
  g_assert_false (gtk_widget_get_sensitive (apply_button (editor)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (date));

  gtk_editable_set_text (GTK_EDITABLE (date), "2026-03-31");
  g_assert_true (gtk_widget_get_sensitive (apply_button (editor)));
  g_signal_emit_by_name (apply_button (editor), "clicked");
  g_assert_cmpint (g_date_get_day (bt_milestone_get_date (m)), ==, 31);
}

static void
test_add_and_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) fresh = bt_relationship_new ();
  GListModel *people = bt_plan_get_relationships (plan);
  guint before = g_list_model_get_n_items (people);
  BtItemEditor *editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan), people, BT_ITEM (fresh));
  GtkWidget *name = bt_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
  GtkWidget *delete_button;

  /* A new person needs a name before it can be added. */
  g_assert_false (gtk_widget_get_sensitive (apply_button (editor)));
  gtk_editable_set_text (GTK_EDITABLE (name), "Grace Mensah Jr.");
  g_signal_emit_by_name (apply_button (editor), "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before + 1);
  g_assert_cmpstr (bt_history_get_undo_label (history), ==, "Add Person");

  /* Deleting is one step too, and undoable. */
  editor = bt_item_editor_new (NULL, plan, history, BT_ITEM (plan), people, BT_ITEM (fresh));
  delete_button = find_button (GTK_WIDGET (editor), "destructive-action");
  g_assert_nonnull (delete_button);
  g_signal_emit_by_name (delete_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before);

  g_assert_true (bt_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, before + 1);
}

/* The sample plan, with its first business case open in an editor. */
typedef struct
{
  BtPlan         *plan;
  BtHistory      *history;
  BtBusinessCase *bc;
  BtItemEditor   *editor;
} CaseFixture;

static void
case_setup (CaseFixture   *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtNarrative) narrative = NULL;
  GListModel *cases;

  f->plan = bt_plan_file_load_sample (&error);
  g_assert_no_error (error);
  f->history = bt_history_new ();
  narrative = g_list_model_get_item (bt_plan_get_narratives (f->plan), 0);
  cases = bt_narrative_get_business_cases (narrative);
  f->bc = g_list_model_get_item (cases, 0);
  f->editor = bt_item_editor_new (NULL, f->plan, f->history, BT_ITEM (narrative), cases, BT_ITEM (f->bc));
  /* Applying closes the editor: then there is nothing to close. */
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
}

static void
case_teardown (CaseFixture   *f,
               gconstpointer  data)
{
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->bc);
  g_clear_object (&f->history);
  g_clear_object (&f->plan);
}

static void
test_business_case_savings (CaseFixture   *f,
                            gconstpointer  data)
{
  GtkWidget *monthly = bt_test_find_row (GTK_WIDGET (f->editor), "Saving per month");
  GtkWidget *payback = bt_test_find_row (GTK_WIDGET (f->editor), "The ask pays back in");
  g_autoptr(BtCostRow) licences = g_list_model_get_item (bt_business_case_get_cost_rows (f->bc), 0);

  g_assert_nonnull (monthly);
  /* 65 000 now against 44 000 projected (C locale: no grouping). */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (monthly)), ==, "21000");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (payback)), ==, "5.7 months");

  /* A cost row changed elsewhere shows at once. */
  bt_cost_row_set_projected_monthly (licences, 14000);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (monthly)), ==, "31000");
}

/* A business case's problem is written in paragraphs: a text view, whose
 * lines reach the model as they were typed. */
static void
test_long_text (CaseFixture   *f,
                gconstpointer  data)
{
  GtkWidget *problem = bt_test_find (bt_test_find_row (GTK_WIDGET (f->editor), "The problem"), GTK_TYPE_TEXT_VIEW);
  const char *text = "Three outages a quarter.\n\nEach costs a day of sales.";
  g_autofree char *value = NULL;

  g_assert_nonnull (problem);
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 560, 1500);
  gtk_window_present (GTK_WINDOW (f->editor));
  bt_test_spin (300);
  g_assert_cmpuint (bt_test_screenshot (GTK_WIDGET (f->editor), "business-case-editor"), >, 20);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (problem)), text, -1);
  g_signal_emit_by_name (apply_button (f->editor), "clicked");
  g_object_get (f->bc, "problem", &value, NULL);
  g_assert_cmpstr (value, ==, text);
  g_assert_true (bt_history_undo (f->history));
  g_clear_pointer (&value, g_free);
  g_object_get (f->bc, "problem", &value, NULL);
  g_assert_cmpstr (value, !=, text);
}

/* One item of every kind: added, edited and deleted through the editor,
 * each an undoable step that leaves the model as it was. */
static void
test_every_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtRelationship) person = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_autoptr(BtNarrative) narrative = g_list_model_get_item (bt_plan_get_narratives (plan), 0);
  g_autoptr(BtBusinessCase) bc = g_list_model_get_item (bt_narrative_get_business_cases (narrative), 0);
  struct {
    GType       type;
    BtItem     *owner;
    GListModel *list;
    const char *first_field;   /* the property the first entry row edits */
  } kinds[] = {
    { BT_TYPE_PHASE, BT_ITEM (plan), bt_plan_get_phases (plan), "title" },
    { BT_TYPE_MILESTONE, BT_ITEM (plan), bt_plan_get_milestones (plan), "title" },
    { BT_TYPE_CATEGORY, BT_ITEM (plan), bt_plan_get_categories (plan), "name" },
    { BT_TYPE_RELATIONSHIP, BT_ITEM (plan), bt_plan_get_relationships (plan), "name" },
    { BT_TYPE_TOUCHPOINT, BT_ITEM (person), bt_relationship_get_touchpoints (person), "date" },
    { BT_TYPE_NARRATIVE, BT_ITEM (plan), bt_plan_get_narratives (plan), "title" },
    { BT_TYPE_IMPACT_STATEMENT, BT_ITEM (narrative), bt_narrative_get_impact_statements (narrative), "summary" },
    { BT_TYPE_BUSINESS_CASE, BT_ITEM (narrative), bt_narrative_get_business_cases (narrative), "title" },
    { BT_TYPE_COST_ROW, BT_ITEM (bc), bt_business_case_get_cost_rows (bc), "metric" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(BtItem) item = g_object_new (kinds[k].type, NULL);
      guint before = g_list_model_get_n_items (kinds[k].list);
      const char *text = g_str_equal (kinds[k].first_field, "date") ? "2026-11-20" : "Added in a test";
      BtItemEditor *editor;
      GtkWidget *entry, *delete_button;
      g_autofree char *value = NULL;

      /* Add */
      editor = bt_item_editor_new (NULL, plan, history, kinds[k].owner, kinds[k].list, item);
      entry = bt_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
      g_assert_nonnull (entry);
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      g_assert_true (gtk_widget_get_sensitive (apply_button (editor)));
      g_signal_emit_by_name (apply_button (editor), "clicked");
      g_assert_cmpuint (g_list_model_get_n_items (kinds[k].list), ==, before + 1);

      /* Edit */
      editor = bt_item_editor_new (NULL, plan, history, kinds[k].owner, kinds[k].list, item);
      entry = bt_test_find (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW);
      gtk_editable_set_text (GTK_EDITABLE (entry), g_str_equal (kinds[k].first_field, "date") ? "2026-11-21"
                                                                                            : "Edited in a test");
      g_signal_emit_by_name (apply_button (editor), "clicked");
      if (g_str_equal (kinds[k].first_field, "date"))
        g_assert_cmpint (g_date_get_day (bt_touchpoint_get_date (BT_TOUCHPOINT (item))), ==, 21);
      else
        {
          g_object_get (item, kinds[k].first_field, &value, NULL);
          g_assert_cmpstr (value, ==, "Edited in a test");
        }

      /* Delete, then undo the deletion */
      editor = bt_item_editor_new (NULL, plan, history, kinds[k].owner, kinds[k].list, item);
      delete_button = find_button (GTK_WIDGET (editor), "destructive-action");
      g_assert_nonnull (delete_button);
      g_signal_emit_by_name (delete_button, "clicked");
      g_assert_cmpuint (g_list_model_get_n_items (kinds[k].list), ==, before);
      g_assert_true (bt_history_undo (history));
      g_assert_cmpuint (g_list_model_get_n_items (kinds[k].list), ==, before + 1);

      /* Undo the edit and the addition: back to where it started. */
      g_assert_true (bt_history_undo (history));
      g_assert_true (bt_history_undo (history));
      g_assert_cmpuint (g_list_model_get_n_items (kinds[k].list), ==, before);
      /* And redo all three. */
      g_assert_true (bt_history_redo (history));
      g_assert_true (bt_history_redo (history));
      g_assert_true (bt_history_redo (history));
      g_assert_cmpuint (g_list_model_get_n_items (kinds[k].list), ==, before);
    }

  /* The plan still reads back from its own file. */
  {
    g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
    g_autoptr(BtPlan) back = bt_plan_file_load_bytes (bytes, &error);

    g_assert_no_error (error);
    g_assert_nonnull (back);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/item-editor/edit-then-undo", test_edit_then_undo);
  g_test_add_func ("/item-editor/bad-date-is-refused", test_bad_date_is_refused);
  g_test_add_func ("/item-editor/add-and-delete", test_add_and_delete);
  g_test_add ("/item-editor/business-case-savings", CaseFixture, NULL, case_setup,
              test_business_case_savings, case_teardown);
  g_test_add_func ("/item-editor/every-kind", test_every_kind);
  g_test_add ("/item-editor/long-text", CaseFixture, NULL, case_setup, test_long_text, case_teardown);

  return g_test_run ();
}
