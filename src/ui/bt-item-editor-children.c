/* bt-item-editor-children.c — an item's lists of children in the editor
 *
 * A person's touchpoints, a narrative's statements and cases, a case's
 * cost rows: what each list will hold once applied, its rows, the page a
 * child opens on, and what a business case saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-item-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bt-analytics.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-money.h"
#include "bt-number.h"
#include "bt-item-editor-private.h"
#include "bt-narratives-chart.h"
#include "bt-report.h"

static void
value_free (gpointer data)
{
  g_value_unset (data);
  g_free (data);
}

/* ---- values, as they will be once applied ---- */

void
bt_item_editor_item_value (BtItemEditor *self,
                           BtItem       *item,
                           GParamSpec   *pspec,
                           GValue       *value)
{
  GHashTable *edits = g_hash_table_lookup (self->pending, item);
  const GValue *edited = edits ? g_hash_table_lookup (edits, pspec->name) : NULL;

  g_value_init (value, G_PARAM_SPEC_VALUE_TYPE (pspec));
  if (edited != NULL)
    g_value_copy (edited, value);
  else
    g_object_get_property (G_OBJECT (item), pspec->name, value);
}

static void
item_property (BtItemEditor *self,
               BtItem       *item,
               const char   *property,
               GValue       *value)
{
  bt_item_editor_item_value (self, item, g_object_class_find_property (G_OBJECT_GET_CLASS (item), property), value);
}

static char *
item_string (BtItemEditor *self,
             BtItem       *item,
             const char   *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  item_property (self, item, property, &value);
  if (G_VALUE_HOLDS (&value, G_TYPE_DATE))
    {
      const GDate *date = g_value_get_boxed (&value);
      return date && g_date_valid (date) ? bt_format_date (date) : g_strdup (_("No date"));
    }

  return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
}

static double
item_number (BtItemEditor *self,
             BtItem       *item,
             const char   *property)
{
  g_auto(GValue) value = G_VALUE_INIT;

  item_property (self, item, property, &value);

  return g_value_get_double (&value);
}

/* What @list will hold once applied. */
GListStore *
bt_item_editor_staged_list (BtItemEditor *self,
                            GListModel   *list)
{
  GListStore *store = g_hash_table_lookup (self->staged, list);

  if (store == NULL)
    {
      store = g_list_store_new (BT_TYPE_ITEM);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          g_list_store_append (store, item);
        }
      g_hash_table_insert (self->staged, g_object_ref (list), store);
    }

  return store;
}

GHashTable *
bt_editor_pending_new (void)
{
  return g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_hash_table_unref);
}

static GHashTable *
edits_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, value_free);
}

static void
save_state (Page *page)
{
  BtItemEditor *self = page->editor;
  GHashTableIter iter;
  gpointer key, data;

  page->saved_staged = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) g_ptr_array_unref);
  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (data); i++)
        g_ptr_array_add (items, g_list_model_get_item (data, i));
      g_hash_table_insert (page->saved_staged, g_object_ref (key), items);
    }

  page->saved_pending = bt_editor_pending_new ();
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GHashTable *edits = edits_new ();
      GHashTableIter e;
      gpointer property, value;

      g_hash_table_iter_init (&e, data);
      while (g_hash_table_iter_next (&e, &property, &value))
        {
          GValue *copy = g_new0 (GValue, 1);

          g_value_init (copy, G_VALUE_TYPE (value));
          g_value_copy (value, copy);
          g_hash_table_insert (edits, property, copy);
        }
      g_hash_table_insert (page->saved_pending, g_object_ref (key), edits);
    }
}

static void
restore_state (Page *page)
{
  BtItemEditor *self = page->editor;
  GHashTableIter iter;
  gpointer key, data;

  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *items = g_hash_table_lookup (page->saved_staged, key);

      if (items == NULL)
        g_hash_table_iter_remove (&iter);   /* shown only on pages that are gone */
      else
        g_list_store_splice (data, 0, g_list_model_get_n_items (data), items->pdata, items->len);
    }

  g_hash_table_unref (self->pending);
  self->pending = g_steal_pointer (&page->saved_pending);
}

/* ---- child lists (touchpoints, impact statements, business cases, cost rows) ---- */

static GListModel *get_touchpoints (gpointer item) { return bt_relationship_get_touchpoints (item); }
static GListModel *get_impacts (gpointer item) { return bt_narrative_get_impact_statements (item); }
static GListModel *get_cases (gpointer item) { return bt_narrative_get_business_cases (item); }
static GListModel *get_cost_rows (gpointer item) { return bt_business_case_get_cost_rows (item); }

/* The lists of children @item has, at most two. */
guint
bt_editor_child_kinds (BtItem           *item,
                       const ChildKind **kinds)
{
  static const ChildKind person[] = {
    { N_("Touchpoints"), get_touchpoints, bt_touchpoint_get_type },
  };
  static const ChildKind narrative[] = {
    { N_("Impact Statements"), get_impacts, bt_impact_statement_get_type },
    { N_("Business Cases"), get_cases, bt_business_case_get_type },
  };
  static const ChildKind business_case[] = {
    { N_("Monthly Cost, Now and Projected"), get_cost_rows, bt_cost_row_get_type },
  };

  if (BT_IS_RELATIONSHIP (item))
    return *kinds = person, G_N_ELEMENTS (person);
  if (BT_IS_NARRATIVE (item))
    return *kinds = narrative, G_N_ELEMENTS (narrative);
  if (BT_IS_BUSINESS_CASE (item))
    return *kinds = business_case, G_N_ELEMENTS (business_case);

  return *kinds = NULL, 0;
}

static char *
child_title (BtItemEditor *self,
             BtItem       *child)
{
  if (BT_IS_TOUCHPOINT (child))
    {
      g_autofree char *when = item_string (self, child, "date");
      g_autofree char *note = item_string (self, child, "note");

      return *note ? g_strdup_printf ("%s · %s", when, note) : g_steal_pointer (&when);
    }
  if (BT_IS_IMPACT_STATEMENT (child))
    return item_string (self, child, "summary");
  if (BT_IS_BUSINESS_CASE (child))
    return item_string (self, child, "title");
  if (BT_IS_COST_ROW (child))
    return item_string (self, child, "metric");

  return g_strdup ("");
}

static void open_page (BtItemEditor *self, BtItem *owner, GListModel *list, BtItem *child);

static void
on_child_activated_cb (AdwActionRow *row,
                       BtItemEditor *self)
{
  Page *page = g_object_get_data (G_OBJECT (row), "bt-page");

  open_page (self, page->item, g_object_get_data (G_OBJECT (row), "bt-list"),
             g_object_get_data (G_OBJECT (row), "bt-item"));
}

typedef struct
{
  Page       *page;   /* not owned: the list box dies with it */
  GListModel *list;
} ChildBinding;

/* The row's title, and a cost row's amounts: again when the item changes
 * while the editor is open (an undo, another window's change). */
static void
update_child_row (GtkWidget *row)
{
  BtItemEditor *self = g_object_get_data (G_OBJECT (row), "bt-editor");
  BtItem *item = g_object_get_data (G_OBJECT (row), "bt-item");
  g_autofree char *title = child_title (self, item);
  g_autofree char *escaped = g_markup_escape_text (*title ? title : _("Untitled"), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  /* A cost row shows its two amounts: the case's savings are made of them. */
  if (BT_IS_COST_ROW (item))
    {
      g_autofree char *now = bt_money_format_plan (item_number (self, item, "current-monthly"), self->plan);
      g_autofree char *then = bt_money_format_plan (item_number (self, item, "projected-monthly"), self->plan);
      /* TRANSLATORS: under a cost row of a business case: what it costs a month now, and projected */
      g_autofree char *subtitle = g_strdup_printf (_("%s a month now, %s projected"), now, then);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  /* An impact statement shows its number, which is what it is quoted for. */
  else if (BT_IS_IMPACT_STATEMENT (item))
    {
      g_auto(GValue) unit = G_VALUE_INIT;
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;

      item_property (self, item, "impact-unit", &unit);
      value = bt_impact_value_text (item_number (self, item, "impact-value"), g_value_get_string (&unit));
      shown = value != NULL ? g_markup_escape_text (value, -1) : NULL;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown != NULL ? shown : "");
    }
}

static GtkWidget *
create_child_row (gpointer item,
                  gpointer user_data)
{
  ChildBinding *binding = user_data;
  BtItemEditor *self = binding->page->editor;
  GtkWidget *row = adw_action_row_new ();

  g_object_set_data_full (G_OBJECT (row), "bt-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (row), "bt-editor", self);
  update_child_row (row);
  g_signal_connect_object (item, "changed", G_CALLBACK (update_child_row), row, G_CONNECT_SWAPPED);
  /* A touchpoint dated after today is one planned, not one made: it says
   * so, and does not look like contact already had. */
  if (BT_IS_TOUCHPOINT (item))
    {
      g_auto(GValue) value = G_VALUE_INIT;
      const GDate *date;
      GDate today;

      item_property (self, item, "date", &value);
      date = g_value_get_boxed (&value);
      bt_today (&today);
      if (date != NULL && g_date_valid (date) && g_date_compare (date, &today) > 0)
        {
          /* TRANSLATORS: under a touchpoint dated after today, in a person's list of touchpoints */
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Planned"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("alarm-symbolic"));
          gtk_widget_add_css_class (row, "bt-planned-touchpoint");
        }
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "bt-list", binding->list);
  g_object_set_data (G_OBJECT (row), "bt-page", binding->page);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_child_activated_cb), self, 0);

  return row;
}

static void
on_add_child_clicked_cb (GtkButton    *button,
                         BtItemEditor *self)
{
  Page *page = g_object_get_data (G_OBJECT (button), "bt-page");
  GListModel *list = g_object_get_data (G_OBJECT (button), "bt-list");
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "bt-type"));
  g_autoptr(BtItem) child = g_object_new (type, NULL);

  if (BT_IS_TOUCHPOINT (child))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GDate today;

      bt_date_from_time (now, &today);
      bt_touchpoint_set_date (BT_TOUCHPOINT (child), &today);
    }

  open_page (self, page->item, list, child);
}

void
bt_editor_page_add_child_list (Page       *page,
                               const char *title,
                               GListModel *list,
                               GType       child_type)
{
  BtItemEditor *self = page->editor;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  g_autofree char *add_label = g_strdup_printf (_("Add %s"), bt_item_kind_label (child_type));
  ChildBinding *binding = g_new0 (ChildBinding, 1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  g_object_set_data (G_OBJECT (add), "bt-page", page);
  g_object_set_data (G_OBJECT (add), "bt-list", list);
  g_object_set_data (G_OBJECT (add), "bt-type", GSIZE_TO_POINTER (child_type));
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_child_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  {
    GtkWidget *none = gtk_label_new (_("None yet"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (box), none);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Each list's rows must know which list they belong to. */
  binding->page = page;
  binding->list = list;
  gtk_list_box_bind_model (GTK_LIST_BOX (box), G_LIST_MODEL (bt_item_editor_staged_list (self, list)),
                           create_child_row, binding, g_free);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
}

/* ---- what a business case computes ---- */

/* Worked out from the cost rows as they will be once applied, and the ask
 * as typed: a copy of the case holds them for the plan's own arithmetic. */
static void
update_savings (GtkWidget *group)
{
  Page *page = g_object_get_data (G_OBJECT (group), "bt-page");
  BtItemEditor *self = page->editor;
  GListModel *rows = G_LIST_MODEL (bt_item_editor_staged_list (self, bt_business_case_get_cost_rows (BT_BUSINESS_CASE (page->item))));
  Field *ask_cost = bt_editor_page_find_field (page, "ask-cost");
  g_autoptr(BtBusinessCase) preview = bt_business_case_new ();
  AdwActionRow *monthly = g_object_get_data (G_OBJECT (group), "bt-monthly");
  AdwActionRow *yearly = g_object_get_data (G_OBJECT (group), "bt-yearly");
  AdwActionRow *payback = g_object_get_data (G_OBJECT (group), "bt-payback");
  BtCaseTotals totals;
  g_autofree char *m = NULL;
  g_autofree char *y = NULL;
  g_autofree char *p = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BtItem) row = g_list_model_get_item (rows, i);
      g_autoptr(BtCostRow) copy = bt_cost_row_new ();

      bt_cost_row_set_current_monthly (copy, item_number (self, row, "current-monthly"));
      bt_cost_row_set_projected_monthly (copy, item_number (self, row, "projected-monthly"));
      bt_item_list_append (BT_ITEM_LIST (bt_business_case_get_cost_rows (preview)), copy);
    }
  bt_business_case_set_ask_cost (preview, ask_cost ? MAX (bt_editor_field_number (ask_cost), 0)
                                                   : bt_business_case_get_ask_cost (BT_BUSINESS_CASE (page->item)));

  totals = bt_analytics_case_totals (preview);
  if (round (totals.monthly_savings) < 0)
    {
      g_autofree char *more_m = bt_money_format_plan (-totals.monthly_savings, self->plan);
      g_autofree char *more_y = bt_money_format_plan (-totals.yearly_savings, self->plan);

      /* TRANSLATORS: what a business case saves, when it costs more than now; %s is an amount */
      m = g_strdup_printf (_("None: it costs %s more a month"), more_m);
      y = g_strdup_printf (_("None: it costs %s more a year"), more_y);
    }
  else
    {
      m = bt_money_format_plan (totals.monthly_savings, self->plan);
      y = bt_money_format_plan (totals.yearly_savings, self->plan);
    }
  if (isnan (totals.payback_months) && g_list_model_get_n_items (rows) == 0 && bt_business_case_get_ask_cost (preview) > 0)
    /* Nothing to save from yet: not "never", which would be a verdict. */
    p = g_strdup (_("Known once a cost row says what it saves"));
  else if (isnan (totals.payback_months))
    p = g_strdup (bt_business_case_get_ask_cost (preview) > 0 ? _("Never, at these costs") : _("The ask has no one-off cost"));
  else
    p = g_strdup_printf (_("%.1f months"), bt_number_round (totals.payback_months, 1));

  adw_action_row_set_subtitle (monthly, m);
  adw_action_row_set_subtitle (yearly, y);
  adw_action_row_set_subtitle (payback, p);
}

void
bt_editor_page_add_savings (Page *page)
{
  BtItemEditor *self = page->editor;
  GtkWidget *group = adw_preferences_group_new ();
  Field *ask_cost = bt_editor_page_find_field (page, "ask-cost");
  struct { const char *key; const char *title; } rows[] = {
    { "bt-monthly", _("Saving per month") },
    { "bt-yearly", _("Saving per year") },
    { "bt-payback", _("The ask pays back in") },
  };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What It Saves"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Worked out from the cost rows and the one-off cost of the ask."));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rows[i].title);
      gtk_widget_add_css_class (row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_object_set_data (G_OBJECT (group), rows[i].key, row);
    }
  g_object_set_data (G_OBJECT (group), "bt-page", page);
  update_savings (group);
  g_signal_connect_object (page->item, "changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
  g_signal_connect_object (bt_item_editor_staged_list (self, bt_business_case_get_cost_rows (BT_BUSINESS_CASE (page->item))),
                           "items-changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
  if (ask_cost != NULL)
    {
      g_signal_connect_object (ask_cost->widget, "changed", G_CALLBACK (update_savings), group, G_CONNECT_SWAPPED);
      g_signal_connect_object (ask_cost->widget, "value-changed", G_CALLBACK (update_savings), group,
                               G_CONNECT_SWAPPED);
    }
  adw_preferences_page_add (page->prefs, ADW_PREFERENCES_GROUP (group));
}

/* ---- what the lists will hold, as against the plan ---- */

/* What the pages opened inside @item changed in its lists reaches them:
 * through the history when @item is in the plan, straight when it is new
 * and goes in with them. */
void
bt_item_editor_apply_children (BtItemEditor *self,
                               BtItem       *item,
                               gboolean      in_plan)
{
  const ChildKind *kinds;
  guint n_kinds = bt_editor_child_kinds (item, &kinds);

  for (guint k = 0; k < n_kinds; k++)
    {
      GListModel *list = kinds[k].get (item);
      GListStore *store = g_hash_table_lookup (self->staged, list);
      guint n;

      if (store == NULL)
        continue;   /* never shown, so never changed */

      /* Removed */
      for (guint i = g_list_model_get_n_items (list); i > 0; i--)
        {
          g_autoptr(BtItem) child = g_list_model_get_item (list, i - 1);
          guint position;

          if (g_list_store_find (store, child, &position))
            continue;
          if (in_plan)
            bt_history_remove (self->history, item, list, child);
          else
            bt_item_list_remove (BT_ITEM_LIST (list), i - 1);
        }

      /* Edited, and added */
      n = g_list_model_get_n_items (G_LIST_MODEL (store));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BtItem) child = g_list_model_get_item (G_LIST_MODEL (store), i);
          GHashTable *edits = g_hash_table_lookup (self->pending, child);
          gboolean added = !bt_item_list_find (BT_ITEM_LIST (list), child, NULL);

          /* A child added goes in with its values and its own children. */
          if (edits != NULL)
            {
              GHashTableIter iter;
              gpointer property, value;

              g_hash_table_iter_init (&iter, edits);
              while (g_hash_table_iter_next (&iter, &property, &value))
                bt_item_editor_set_value (self, in_plan && !added, child, property, value);
            }
          bt_item_editor_apply_children (self, child, in_plan && !added);

          if (added)
            {
              if (in_plan)
                bt_history_append (self->history, item, list, child);
              else
                bt_item_list_append (BT_ITEM_LIST (list), child);
            }
        }
    }
}

/* Whether the child lists and the children's waiting edits differ from
 * @saved_staged and @saved_pending (as save_state() keeps them), or, where
 * those have nothing or are %NULL, from the plan. */
gboolean
bt_item_editor_children_changed (BtItemEditor *self,
                                 GHashTable   *saved_staged,
                                 GHashTable   *saved_pending)
{
  GHashTableIter iter;
  gpointer key, data;

  g_hash_table_iter_init (&iter, self->staged);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GPtrArray *before = saved_staged ? g_hash_table_lookup (saved_staged, key) : NULL;
      guint n = g_list_model_get_n_items (data);

      if (n != (before ? before->len : g_list_model_get_n_items (key)))
        return TRUE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (data, i);
          g_autoptr(GObject) other = before ? g_object_ref (g_ptr_array_index (before, i))
                                            : g_list_model_get_item (key, i);

          if (item != other)
            return TRUE;
        }
    }

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &data))
    {
      GHashTable *before = saved_pending ? g_hash_table_lookup (saved_pending, key) : NULL;
      GHashTableIter e;
      gpointer property, value;

      g_hash_table_iter_init (&e, data);
      while (g_hash_table_iter_next (&e, &property, &value))
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (key), property);
          const GValue *was = before ? g_hash_table_lookup (before, property) : NULL;

          if (was != NULL ? !bt_editor_same_value (pspec, was, value) : !bt_editor_holds_value (key, pspec, value))
            return TRUE;
        }
    }

  return FALSE;
}

/* ---- a child's page ---- */

/* The row of a child list under @widget that shows @item. */
static GtkWidget *
find_child_row (GtkWidget *widget,
                   BtItem    *item)
{
  if (ADW_IS_ACTION_ROW (widget) && g_object_get_data (G_OBJECT (widget), "bt-item") == item)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child_row (child, item);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Back to the page before; without @keep, what was done on this page and
 * the pages it opened is left behind. */
void
bt_item_editor_close_page (BtItemEditor *self,
                           gboolean      keep)
{
  Page *page;
  Page *previous;
  GtkWidget *focus;

  if (self->pages->len < 2)
    return;

  page = g_ptr_array_steal_index (self->pages, self->pages->len - 1);
  previous = g_ptr_array_index (self->pages, self->pages->len - 1);
  if (!keep)
    restore_state (page);
  adw_leaflet_set_visible_child (self->leaflet, previous->root);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (previous->root), GTK_ACCESSIBLE_STATE_HIDDEN);

  /* The keyboard goes back to where it was: the child's row (made anew
   * when the child changed), or what opened the page. */
  focus = find_child_row (previous->root, page->item);
  if (focus == NULL && page->opener != NULL && gtk_widget_get_root (page->opener) != NULL)
    focus = page->opener;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  else
    gtk_widget_child_focus (previous->root, GTK_DIR_TAB_FORWARD);

  /* The page goes with its widgets. */
  adw_leaflet_remove (self->leaflet, page->root);
}

/* A child's page keeps its edits for the first page's Apply. */
static void
on_page_done_clicked_cb (GtkButton *button,
                         Page      *page)
{
  BtItemEditor *self = page->editor;
  GListStore *store = bt_item_editor_staged_list (self, page->list);
  GHashTable *edits;
  guint position;

  if (!bt_editor_page_validate_for_apply (page))
    return;

  edits = g_hash_table_lookup (self->pending, page->item);
  if (edits == NULL)
    {
      edits = edits_new ();
      g_hash_table_insert (self->pending, g_object_ref (page->item), edits);
    }

  for (guint i = 0; i < page->fields->len; i++)
    {
      Field *field = g_ptr_array_index (page->fields, i);
      GValue *value = g_new0 (GValue, 1);

      if (bt_editor_field_value (field, value))
        g_hash_table_insert (edits, (gpointer) field->pspec->name, value);
      else
        value_free (value);
    }

  if (g_list_store_find (store, page->item, &position))
    g_list_store_splice (store, position, 1, (gpointer *) &page->item, 1);   /* its row says what changed */
  else
    g_list_store_append (store, page->item);

  bt_item_editor_close_page (self, TRUE);
}

static void
on_page_back_clicked_cb (GtkButton    *button,
                         BtItemEditor *self)
{
  bt_item_editor_go_back (self);
}

/* A child opens on a page of its own, in the same window. */
static void
open_page (BtItemEditor *self,
           BtItem       *owner,
           GListModel   *list,
           BtItem       *child)
{
  GtkWidget *root = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (bt_item_kind_label (G_OBJECT_TYPE (child)), NULL);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  Page *parent = g_ptr_array_index (self->pages, self->pages->len - 1);
  /* TRANSLATORS: the back button of a child's page; %s is the kind of item
   * the page came from, such as "Person" or "Business Case" */
  g_autofree char *parent_kind = g_strdup_printf (_("Back to the %s"),
                                                  bt_item_kind_label (G_OBJECT_TYPE (parent->item)));
  Page *page = bt_editor_page_new (self, owner, list, child, root);

  bt_item_editor_staged_list (self, list);
  save_state (page);
  g_set_weak_pointer (&page->opener, gtk_root_get_focus (GTK_ROOT (self)));
  page->is_new = !g_list_store_find (bt_item_editor_staged_list (self, list), child, NULL);
  if (page->is_new)
    {
      g_autofree char *new_title = bt_item_editor_new_title (G_OBJECT_TYPE (child));

      adw_window_title_set_title (ADW_WINDOW_TITLE (title), new_title);
    }
  page->prefs = ADW_PREFERENCES_PAGE (prefs);
  page->fields_group = ADW_PREFERENCES_GROUP (group);
  page->apply_button = gtk_button_new_with_mnemonic (page->is_new ? _("_Add") : _("_Done"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_name (back, "back");
  gtk_widget_set_tooltip_text (back, parent_kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, parent_kind, -1);
  g_signal_connect_object (back, "clicked", G_CALLBACK (on_page_back_clicked_cb), self, 0);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  gtk_widget_add_css_class (page->apply_button, "suggested-action");
  g_signal_connect (page->apply_button, "clicked", G_CALLBACK (on_page_done_clicked_cb), page);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), page->apply_button);

  gtk_widget_set_vexpand (prefs, TRUE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (root), header);
  gtk_box_append (GTK_BOX (root), prefs);

  bt_editor_page_fill (page);
  adw_leaflet_append (self->leaflet, root);
  adw_leaflet_set_visible_child (self->leaflet, root);
  /* A screen reader sees the page in view alone, not two Add buttons. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (parent->root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  /* In its first field, as the editor opens: typing goes there at once. */
  if (!gtk_widget_child_focus (prefs, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (back);
}
