/* bt-narrative-row.c — a narrative on the Narratives page, with its words
 *
 * The title, status and audience; the headline; each impact statement
 * whole (summary, technical details, business impact, the value with its
 * unit); each business case with what it saves or costs. The narrative,
 * each statement and each case can be copied as Markdown, for a ticket, a
 * pull request or a memo. Activating the row opens the narrative's editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-narrative-row"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "bt-analytics.h"
#include "bt-markdown.h"
#include "bt-money.h"
#include "bt-narrative-row.h"
#include "bt-narratives-chart.h"

struct _BtNarrativeRow
{
  GtkListBoxRow  parent_instance;

  BtNarrative   *narrative;
  BtPlan        *plan;
  GtkWidget     *box;
};

G_DEFINE_FINAL_TYPE (BtNarrativeRow, bt_narrative_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
currency (BtNarrativeRow *self)
{
  return bt_profile_get_currency (bt_plan_get_profile (self->plan));
}

static void
on_copy_clicked_cb (GtkButton *button,
                    gpointer   user_data)
{
  BtNarrativeRow *self = g_object_get_data (G_OBJECT (button), "bt-row");
  GObject *item = user_data;
  g_autofree char *text = NULL;

  if (BT_IS_IMPACT_STATEMENT (item))
    text = bt_markdown_impact_statement (BT_IMPACT_STATEMENT (item));
  else if (BT_IS_BUSINESS_CASE (item))
    text = bt_markdown_business_case (BT_BUSINESS_CASE (item), currency (self));
  else if (BT_IS_NARRATIVE (item))
    text = bt_markdown_narrative (BT_NARRATIVE (item), currency (self));
  else
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), text);

  /* Said where the window says what happened. */
  {
    GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);

    if (overlay != NULL)
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Copied as Markdown")));
  }
}

/* A flat button that copies @item as Markdown; @what names it for a screen
 * reader ("Copy “Reliability is revenue” as Markdown"). */
static GtkWidget *
copy_button (BtNarrativeRow *self,
             gpointer        item,
             const char     *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  /* TRANSLATORS: the name of a button that copies an impact statement, a business case or a narrative */
  g_autofree char *name = g_strdup_printf (_("Copy “%s” as Markdown"), what);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Copy as Markdown"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "bt-row", self);
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_copy_clicked_cb), g_object_ref (item),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return button;
}

static GtkWidget *
label (const char *text,
       const char *css_class)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_set_hexpand (l, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (l, css_class);

  return l;
}

/* "Technical details: Multi-region failover", its heading set apart. */
static GtkWidget *
labelled (const char *heading,
          const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>  %s", heading, text);
  GtkWidget *l = label (NULL, NULL);

  gtk_label_set_markup (GTK_LABEL (l), markup);

  return l;
}

static GtkWidget *
statement_box (BtNarrativeRow    *self,
               BtImpactStatement *s)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *summary = bt_impact_statement_get_summary (s);
  const char *detail = bt_impact_statement_get_technical_detail (s);
  const char *impact = bt_impact_statement_get_business_impact (s);
  g_autofree char *value = bt_impact_value_text (bt_impact_statement_get_impact_value (s),
                                                 bt_impact_statement_get_impact_unit (s));

  gtk_widget_set_margin_start (box, 12);
  gtk_box_append (GTK_BOX (top), label (summary, "heading"));
  gtk_box_append (GTK_BOX (top), copy_button (self, s, summary));
  gtk_box_append (GTK_BOX (box), top);
  if (*detail)
    gtk_box_append (GTK_BOX (box), labelled (_("Technical details"), detail));
  if (*impact)
    gtk_box_append (GTK_BOX (box), labelled (_("Business impact"), impact));
  if (value != NULL)
    gtk_box_append (GTK_BOX (box), label (value, "heading"));

  return box;
}

static GtkWidget *
case_box (BtNarrativeRow *self,
          BtBusinessCase *bc)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  BtCaseTotals totals = bt_analytics_case_totals (bc);
  g_autofree char *savings = bt_case_savings_text (&totals, currency (self));
  const char *title = bt_business_case_get_title (bc);
  /* TRANSLATORS: a business case under its narrative: its title, status and what it saves or costs */
  g_autofree char *text = g_strdup_printf (_("Business case: %s (%s) · %s"), title,
                                           bt_enum_to_label (BT_TYPE_CASE_STATUS, bt_business_case_get_status (bc)),
                                           savings);

  gtk_widget_set_margin_start (box, 12);
  gtk_box_append (GTK_BOX (box), label (text, NULL));
  gtk_box_append (GTK_BOX (box), copy_button (self, bc, title));

  return box;
}

static void
rebuild (BtNarrativeRow *self)
{
  BtNarrative *n = self->narrative;
  GListModel *statements = bt_narrative_get_impact_statements (n);
  GListModel *cases = bt_narrative_get_business_cases (n);
  guint n_statements = g_list_model_get_n_items (statements);
  guint n_cases = g_list_model_get_n_items (cases);
  const char *title = bt_narrative_get_title (n);
  const char *audience = bt_narrative_get_audience (n);
  const char *headline = bt_narrative_get_headline (n);
  const char *status = bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, bt_narrative_get_status (n));
  g_autofree char *meta = *audience ? g_strdup_printf (_("Narrative · %s · for %s"), status, audience)
                                    : g_strdup_printf (_("Narrative · %s"), status);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_box_append (GTK_BOX (titles), label (title, "title-4"));
  gtk_box_append (GTK_BOX (titles), label (meta, "dim-label"));
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), copy_button (self, n, title));
  gtk_box_append (GTK_BOX (header), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_box_append (GTK_BOX (box), header);

  if (*headline)
    gtk_box_append (GTK_BOX (box), label (headline, "heading"));

  if (n_statements == 0)
    gtk_box_append (GTK_BOX (box), label (_("No impact statements yet: open the narrative to add the evidence."),
                                          "dim-label"));
  for (guint i = 0; i < n_statements; i++)
    {
      g_autoptr(BtImpactStatement) s = g_list_model_get_item (statements, i);

      gtk_box_append (GTK_BOX (box), statement_box (self, s));
    }
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(BtBusinessCase) bc = g_list_model_get_item (cases, i);

      gtk_box_append (GTK_BOX (box), case_box (self, bc));
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  self->box = box;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

static void
bt_narrative_row_dispose (GObject *object)
{
  BtNarrativeRow *self = BT_NARRATIVE_ROW (object);

  g_clear_object (&self->narrative);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (bt_narrative_row_parent_class)->dispose (object);
}

static void
bt_narrative_row_class_init (BtNarrativeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bt_narrative_row_dispose;
}

static void
bt_narrative_row_init (BtNarrativeRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

/**
 * bt_narrative_row_new:
 * @plan: the plan, for its currency
 *
 * Returns: (transfer floating): a row that follows @narrative's changes
 */
GtkWidget *
bt_narrative_row_new (BtNarrative *narrative,
                      BtPlan      *plan)
{
  BtNarrativeRow *self = g_object_new (BT_TYPE_NARRATIVE_ROW, NULL);

  self->narrative = g_object_ref (narrative);
  self->plan = g_object_ref (plan);
  rebuild (self);
  /* "changed" comes for its statements and cases too; the profile's for
   * a new currency. */
  g_signal_connect_object (narrative, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bt_plan_get_profile (plan), "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
