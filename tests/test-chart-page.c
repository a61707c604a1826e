/* test-chart-page.c — the lists of the chart pages show what the plan holds
 *
 * Every kind of item a page lists is added, edited, deleted, and each
 * change undone and redone through the history, on a plan where its list
 * was empty and on one where it was not; after each step the rows of the
 * list box must be the model's items, in the model's order, with the
 * model's titles, and on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-chart-page.h"
#include "bt-date.h"
#include "bt-history.h"
#include "bt-markdown.h"
#include "bt-narrative-row.h"
#include "bt-plan-file.h"

#define RECENT_WEEKS 26   /* the Time page shows the latest 26 weeks at first */

typedef struct
{
  const char  *name;
  BtChartKind  kind;
  const char  *list_box;                  /* the page's template child */
  GListModel *(*get_list) (BtPlan *plan);
  GType      (*get_type) (void);
  const char  *property;                  /* the field the row's title shows; NULL for weeks */
} Kind;

static const Kind kinds[] = {
  { "milestones", BT_CHART_TIMELINE, "list", bt_plan_get_milestones, bt_milestone_get_type, "title" },
  { "phases", BT_CHART_TIMELINE, "secondary_list", bt_plan_get_phases, bt_phase_get_type, "title" },
  { "weeks", BT_CHART_TIME, "list", bt_plan_get_weeks, bt_week_get_type, NULL },
  { "categories", BT_CHART_TIME, "secondary_list", bt_plan_get_categories, bt_category_get_type, "name" },
  { "import-rules", BT_CHART_TIME, "rules_list", bt_plan_get_import_rules, bt_import_rule_get_type, "pattern" },
  { "people", BT_CHART_RELATIONSHIPS, "list", bt_plan_get_relationships, bt_relationship_get_type, "name" },
  { "narratives", BT_CHART_NARRATIVES, "list", bt_plan_get_narratives, bt_narrative_get_type, "title" },
};

static char *
item_title (const Kind *k,
            BtItem     *item)
{
  char *title = NULL;

  if (k->property == NULL)
    return g_strdup (bt_week_get_week (BT_WEEK (item)));

  g_object_get (item, k->property, &title, NULL);

  return title;
}

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  const GDate *da = bt_milestone_get_date (*(BtMilestone **) a);
  const GDate *db = bt_milestone_get_date (*(BtMilestone **) b);

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);

  return g_date_compare (da, db);
}

/* The items the list box should show, in order. */
static GPtrArray *
expected_items (const Kind *k,
                BtPlan     *plan)
{
  GListModel *list = k->get_list (plan);
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  if (k->property == NULL)
    /* The newest week first, the latest ones only. */
    for (guint i = n; i > 0 && items->len < RECENT_WEEKS; i--)
      g_ptr_array_add (items, g_list_model_get_item (list, i - 1));
  else
    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (list, i));
  /* Milestones by date, as the roadmap draws them; undated last (a stable sort). */
  if (k->get_type == bt_milestone_get_type)
    g_ptr_array_sort (items, by_date);

  return items;
}

static guint
count_rows (GtkWidget *box)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

typedef struct
{
  GtkWidget *box;
  guint      n;
} RowCount;

static gboolean
has_n_rows (gpointer data)
{
  RowCount *count = data;

  return count_rows (count->box) == count->n;
}

static void
assert_rows_equal_model (GtkWidget  *page,
                         const Kind *k,
                         BtPlan     *plan,
                         const char *step)
{
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, k->list_box);
  g_autoptr(GPtrArray) items = expected_items (k, plan);
  guint n_rows = 0;

  g_test_message ("%s: %s, %u items", k->name, step, items->len);

  /* A list longer than a screenful gets its rows a few in each frame. */
  if (!bt_test_wait_until (has_n_rows, &(RowCount) { box, items->len }, 10))
    g_test_message ("%s: %s: %u rows after 10 s", k->name, step, count_rows (box));

  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BtItem *item;
      g_autofree char *title = NULL;

      if (!GTK_IS_LIST_BOX_ROW (child))
        continue;   /* the placeholder */

      g_assert_cmpuint (n_rows, <, items->len);
      item = g_object_get_data (G_OBJECT (child), "bt-item");
      g_assert_true (item == g_ptr_array_index (items, n_rows));
      title = item_title (k, item);
      /* A narrative's row is its words, its title first. */
      if (BT_IS_NARRATIVE_ROW (child))
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bt_test_find (child, GTK_TYPE_LABEL))), ==, title);
      else
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), ==, title);
      if (k->property == NULL)
        {
          g_autofree char *hours = g_strdup_printf ("%g hours", bt_week_get_total_hours (BT_WEEK (item)));

          g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), hours));
        }
      /* Shown, not only there. */
      g_assert_true (gtk_widget_get_mapped (child));
      n_rows++;
    }

  g_assert_cmpuint (n_rows, ==, items->len);

  /* An empty list is there, and says so. */
  g_assert_true (gtk_widget_get_mapped (box));
  if (n_rows == 0)
    {
      GtkWidget *placeholder = bt_test_find (box, GTK_TYPE_LABEL);

      g_assert_nonnull (placeholder);
      g_assert_true (gtk_widget_get_mapped (placeholder));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (placeholder)), !=, "");
    }
}

static GtkWidget *
show_page (BtChartKind kind)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = g_object_new (BT_TYPE_CHART_PAGE, "kind", kind, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);

  return page;
}

static void
set_title (BtHistory  *history,
           const Kind *k,
           BtItem     *item,
           const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  bt_history_set (history, item, k->property, &value);
}

/* Adds, edits, deletes, and undoes and redoes each, checking the rows
 * after every step. */
static void
walk_kind (GtkWidget  *page,
           const Kind *k,
           BtPlan     *plan)
{
  g_autoptr(BtHistory) history = bt_history_new ();
  GListModel *list = k->get_list (plan);
  g_autoptr(BtItem) item = NULL;
  g_autofree char *before = NULL;

  assert_rows_equal_model (page, k, plan, "at first");

  /* Add */
  if (k->property == NULL)
    {
      g_autoptr(GHashTable) hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      double h = 12;

      g_hash_table_insert (hours, g_strdup ("test-category"), g_memdup2 (&h, sizeof h));
      item = g_object_ref (BT_ITEM (bt_history_set_week (history, plan, 2031, 5, hours)));
    }
  else
    {
      item = g_object_new (k->get_type (), k->property, "Added", NULL);
      bt_history_append (history, BT_ITEM (plan), list, item);
    }
  assert_rows_equal_model (page, k, plan, "added");

  /* Edit */
  before = item_title (k, item);
  if (k->property == NULL)
    bt_history_set_hours (history, BT_WEEK (item), "test-category", 30.5);
  else
    set_title (history, k, item, "Edited");
  assert_rows_equal_model (page, k, plan, "edited");

  /* Undo the edit and the addition, then redo both */
  g_assert_true (bt_history_undo (history));
  assert_rows_equal_model (page, k, plan, "edit undone");
  g_assert_true (bt_history_undo (history));
  assert_rows_equal_model (page, k, plan, "addition undone");
  g_assert_true (bt_history_redo (history));
  assert_rows_equal_model (page, k, plan, "addition redone");
  g_assert_true (bt_history_redo (history));
  assert_rows_equal_model (page, k, plan, "edit redone");

  /* Delete, undo, redo */
  g_assert_true (bt_history_remove (history, BT_ITEM (plan), list, item));
  assert_rows_equal_model (page, k, plan, "deleted");
  g_assert_true (bt_history_undo (history));
  assert_rows_equal_model (page, k, plan, "deletion undone");
  g_assert_true (bt_history_redo (history));
  assert_rows_equal_model (page, k, plan, "deletion redone");

  /* A second addition to the list left as it was, then all undone */
  {
    g_autoptr(BtItem) other = k->property ? g_object_new (k->get_type (), k->property, "Second", NULL)
                                          : g_object_ref (BT_ITEM (bt_week_new (2031, 7)));

    if (k->property == NULL)
      bt_history_insert (history, BT_ITEM (plan), list, bt_plan_get_week_position (plan, BT_WEEK (other)), other);
    else
      bt_history_insert (history, BT_ITEM (plan), list, 0, other);
    assert_rows_equal_model (page, k, plan, "second added");
    while (bt_history_undo (history))
      assert_rows_equal_model (page, k, plan, "undone");
    while (bt_history_redo (history))
      assert_rows_equal_model (page, k, plan, "redone");
  }
}

static void
test_lists (gconstpointer data)
{
  const Kind *k = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) empty = bt_plan_new ();
  g_autoptr(BtPlan) sample = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) plain = bt_plan_new ();
  GtkWidget *page = show_page (k->kind);
  GtkWidget *window = gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (k->get_list (empty)), ==, 0);

  /* Its list empty */
  bt_chart_page_set_plan (BT_CHART_PAGE (page), empty);
  walk_kind (page, k, empty);

  /* Then another plan, whose list is not empty, on the same page */
  if (g_list_model_get_n_items (k->get_list (sample)) == 0)
    {
      g_autoptr(BtItem) item = k->property ? g_object_new (k->get_type (), k->property, "Present", NULL)
                                           : g_object_ref (BT_ITEM (bt_week_new (2020, 10)));

      bt_item_list_append (BT_ITEM_LIST (k->get_list (sample)), item);
    }
  bt_chart_page_set_plan (BT_CHART_PAGE (page), sample);
  walk_kind (page, k, sample);

  /* A milestone moved to a later date moves down the list. */
  if (k->get_type == bt_milestone_get_type)
    {
      g_autoptr(BtHistory) history = bt_history_new ();
      g_autoptr(BtItem) first = g_list_model_get_item (k->get_list (sample), 0);
      g_auto(GValue) value = G_VALUE_INIT;
      GDate later;

      g_date_clear (&later, 1);
      g_date_set_dmy (&later, 1, 1, 2040);
      g_value_init (&value, G_TYPE_DATE);
      g_value_set_boxed (&value, &later);
      bt_history_set (history, first, "date", &value);
      bt_test_spin (100);
      assert_rows_equal_model (page, k, sample, "a date moved");
    }

  /* And back to an empty one, with the page hidden while it changes */
  gtk_widget_set_visible (page, FALSE);
  bt_chart_page_set_plan (BT_CHART_PAGE (page), plain);
  gtk_widget_set_visible (page, TRUE);
  walk_kind (page, k, plain);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_shows (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

typedef struct
{
  GtkWidget  *page;
  const char *text;
} Shows;

/* The page shows @text in a mapped label: mapped on the next frame, which
 * a loaded machine may take its time to draw. */
static gboolean
page_shows (gpointer data)
{
  Shows *shows = data;

  return bt_test_find_match (shows->page, label_shows, shows->text) != NULL;
}

static void
on_text_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Issue 21 §6 and §7: the Narratives page shows a narrative's headline and
 * its impact statements' words, and copies a statement and a case as
 * Markdown. */
static void
test_narrative_words (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtNarrative) n = bt_narrative_new ();
  g_autoptr(BtImpactStatement) s = bt_impact_statement_new ();
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autoptr(BtCostRow) row = bt_cost_row_new ();
  GtkWidget *page = show_page (BT_CHART_NARRATIVES);
  GtkWidget *window = gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW);
  const char *shown[] = {
    "Reliability is revenue", "Checkout downtime fell by 70 % this year",
    "Checkout availability from 99.5 % to 99.95 %", "Multi-region failover", "Revenue kept during peak sales",
    "180000 per hour of downtime avoided",
    /* 1000 now, 1500 projected: in the plan's pounds, it costs 500 more. */
    "Costs £500 more a month, £6000 more a year",
  };
  g_autofree char *copied = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *button;

  bt_profile_set_currency (bt_plan_get_profile (plan), "GBP");
  bt_narrative_set_title (n, "Reliability is revenue");
  bt_narrative_set_headline (n, "Checkout downtime fell by 70 % this year");
  bt_impact_statement_set_summary (s, "Checkout availability from 99.5 % to 99.95 %");
  bt_impact_statement_set_technical_detail (s, "Multi-region failover");
  bt_impact_statement_set_business_impact (s, "Revenue kept during peak sales");
  bt_impact_statement_set_impact_value (s, 180000);
  bt_impact_statement_set_impact_unit (s, "per hour of downtime avoided");
  bt_business_case_set_title (bc, "Fund the failover team");
  bt_cost_row_set_metric (row, "Incident cost");
  bt_cost_row_set_current_monthly (row, 1000);
  bt_cost_row_set_projected_monthly (row, 1500);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_impact_statements (n), BT_ITEM (s));
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_business_cases (n), BT_ITEM (bc));
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));

  bt_chart_page_set_plan (BT_CHART_PAGE (page), plan);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    if (!bt_test_wait_until (page_shows, &(Shows) { page, shown[i] }, 10))
      g_error ("the Narratives page does not show \"%s\"", shown[i]);

  /* An edit shows at once. */
  bt_impact_statement_set_business_impact (s, "Revenue kept during the peak");
  g_assert_true (bt_test_wait_until (page_shows, &(Shows) { page, "Revenue kept during the peak" }, 10));
  g_assert_nonnull (bt_test_find_match (page, label_shows, "Revenue kept during the peak"));

  /* Copy the statement as Markdown: the clipboard holds its block. */
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GtkWidget *row_widget = bt_test_find (page, BT_TYPE_NARRATIVE_ROW);

    g_assert_nonnull (row_widget);
    /* The copy buttons in reading order: the narrative's, the statement's, the case's. */
    for (GtkWidget *w = row_widget; w != NULL; )
      {
        if (GTK_IS_BUTTON (w))
          g_ptr_array_add (buttons, w);
        if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != row_widget && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w == row_widget ? NULL : gtk_widget_get_next_sibling (w);
          }
      }
    g_assert_cmpuint (buttons->len, ==, 3);
    button = buttons->pdata[1];
  }
  g_signal_emit_by_name (button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, on_text_read_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  expected = bt_markdown_impact_statement (s);
  g_assert_cmpstr (copied, ==, expected);
  g_assert_true (g_str_has_prefix (copied, "## Summary\n\nCheckout availability"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_milestone (BtPlan            *plan,
               const char        *title,
               BtMilestoneStatus  status,
               const char        *date,
               const char        *original)
{
  g_autoptr(BtMilestone) m = bt_milestone_new ();
  GDate d, o;

  g_assert_true (bt_date_parse (date, &d));
  bt_milestone_set_title (m, title);
  bt_milestone_set_status (m, status);
  bt_milestone_set_date (m, &d);
  if (original != NULL)
    {
      g_assert_true (bt_date_parse (original, &o));
      bt_milestone_set_original_date (m, &o);
    }
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));
}

static const char *
row_subtitle (GtkWidget  *box,
              const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return adw_action_row_get_subtitle (ADW_ACTION_ROW (child));

  g_error ("no row \"%s\"", title);
}

/* A slipped milestone's row says the date it was first planned for, as the
 * roadmap does, its year only when not the year of its date now; not
 * "Slipped" alone. The dates are years ahead: none is overdue. */
static void
test_slipped_row (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  GtkWidget *page = show_page (BT_CHART_TIMELINE);
  GtkWidget *window = gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW);
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "list");

  add_milestone (plan, "Across a year", BT_MILESTONE_SLIPPED, "2041-06-15", "2040-06-30");
  add_milestone (plan, "Same year", BT_MILESTONE_SLIPPED, "2042-05-15", "2042-03-20");
  add_milestone (plan, "Moved and done", BT_MILESTONE_DONE, "2043-09-01", "2043-03-20");
  add_milestone (plan, "Slipped, first date unknown", BT_MILESTONE_SLIPPED, "2044-01-10", NULL);
  add_milestone (plan, "Planned", BT_MILESTONE_PLANNED, "2045-01-10", NULL);
  bt_chart_page_set_plan (BT_CHART_PAGE (page), plan);
  g_assert_true (bt_test_wait_until (has_n_rows, &(RowCount) { box, 5 }, 10));

  g_assert_cmpstr (row_subtitle (box, "Across a year"), ==, "15 Jun 2041 · Slipped from 30 Jun 2040");
  g_assert_cmpstr (row_subtitle (box, "Same year"), ==, "15 May 2042 · Slipped from 20 Mar");
  g_assert_cmpstr (row_subtitle (box, "Moved and done"), ==, "1 Sep 2043 · Done · slipped from 20 Mar");
  g_assert_cmpstr (row_subtitle (box, "Slipped, first date unknown"), ==, "10 Jan 2044 · Slipped");
  g_assert_cmpstr (row_subtitle (box, "Planned"), ==, "10 Jan 2045 · Planned");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* At 360 pixels, light and dark, no title or label of a page is cut. */
static void
test_narrow (void)
{
  const char *styles[] = { "light", "dark" };
  const char *names[] = { "roadmap", "time", "relationships", "narratives" };
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);

  g_assert_no_error (error);
  for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
    for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
      {
        GtkWidget *window = gtk_window_new ();
        GtkWidget *page = g_object_new (BT_TYPE_CHART_PAGE, "kind", kind, NULL);
        g_autoptr(GPtrArray) cut = g_ptr_array_new ();
        g_autofree char *name = g_strdup_printf ("page-%s-narrow-%s", names[kind], styles[s]);

        adw_style_manager_set_color_scheme (manager, s == 1 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                            : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
        gtk_window_set_child (GTK_WINDOW (window), page);
        bt_chart_page_set_plan (BT_CHART_PAGE (page), plan);
        gtk_window_present (GTK_WINDOW (window));
        while (!gtk_widget_get_mapped (page) || gtk_widget_get_width (page) == 0)
          g_main_context_iteration (NULL, TRUE);
        g_assert_cmpint (gtk_widget_get_width (window), <=, 400);

        bt_test_screenshot (window, name);
        bt_test_find_cut_labels (page, cut);
        for (guint i = 0; i < cut->len; i++)
          g_test_message ("%s: cut: %s", name, (const char *) cut->pdata[i]);
        g_assert_cmpuint (cut->len, ==, 0);

        gtk_window_destroy (GTK_WINDOW (window));
      }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
all_rows_shown (gpointer page)
{
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "list");
  BtPlan *plan = g_object_get_data (G_OBJECT (page), "test-plan");

  return count_rows (box) == g_list_model_get_n_items (bt_plan_get_relationships (plan));
}

/* A hundred people: the page shows at once with the first few rows, the
 * rest come a few at a time between frames, and then the list is the
 * plan's, a person added later included. */
static void
test_long_list (void)
{
  const Kind *people = &kinds[5];
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtHistory) history = bt_history_new ();
  g_autoptr(BtItem) added = g_object_new (BT_TYPE_RELATIONSHIP, "name", "Added later", NULL);
  GtkWidget *page = show_page (BT_CHART_RELATIONSHIPS);
  GtkWidget *box = (GtkWidget *) gtk_widget_get_template_child (page, BT_TYPE_CHART_PAGE, "list");
  GtkWidget *window = gtk_widget_get_ancestor (page, GTK_TYPE_WINDOW);

  g_assert_true (people->kind == BT_CHART_RELATIONSHIPS);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      g_autoptr(BtItem) r = g_object_new (BT_TYPE_RELATIONSHIP, "name", name, NULL);

      bt_item_list_append (BT_ITEM_LIST (bt_plan_get_relationships (plan)), r);
    }
  g_object_set_data (G_OBJECT (page), "test-plan", plan);
  bt_chart_page_set_plan (BT_CHART_PAGE (page), plan);

  g_assert_cmpuint (count_rows (box), >, 0);
  g_assert_cmpuint (count_rows (box), <, 100);
  g_assert_true (bt_test_wait_until (all_rows_shown, page, 30));
  assert_rows_equal_model (page, people, plan, "all shown");

  bt_history_append (history, BT_ITEM (plan), bt_plan_get_relationships (plan), added);
  assert_rows_equal_model (page, people, plan, "one added");
  g_assert_cmpuint (count_rows (box), ==, 101);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/chart-page/lists/%s", kinds[i].name);

      g_test_add_data_func (path, &kinds[i], test_lists);
    }

  g_test_add_func ("/chart-page/narrow", test_narrow);
  g_test_add_func ("/chart-page/narrative-words", test_narrative_words);
  g_test_add_func ("/chart-page/long-list", test_long_list);
  g_test_add_func ("/chart-page/slipped-row", test_slipped_row);

  return g_test_run ();
}
