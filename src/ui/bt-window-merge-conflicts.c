/* bt-window-merge-conflicts.c — the user picks between two devices' values
 *
 * A merge with conflicts (bt-window-merge.c) shows a dialog that lists
 * each value changed differently on the two devices; the user picks one
 * for each, or decides later, and the window applies the merge with the
 * choices.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window-merge"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-import.h"
#include "bt-merge.h"
#include "bt-plan-file.h"
#include "bt-window-merge.h"
#include "bt-window-merge-private.h"
#include "bt-window-private.h"

static void
pending_free (gpointer data)
{
  Pending *p = data;

  bt_merge_result_free (p->result);
  g_bytes_unref (p->mine);
  g_bytes_unref (p->theirs);
  g_free (p->etag);
  g_free (p->choices);
  g_free (p->message);
  g_free (p->copy_path);
  g_free (p);
}

/* A value as the dialog shows it: text in quotes, numbers in the locale. */
static char *
value_text (JsonNode *node)
{
  if (node == NULL)
    /* TRANSLATORS: what one device did to an item or a value */
    return g_strdup (_("deleted"));

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_STRING)
        {
          g_autofree char *escaped = bt_import_escape (json_node_get_string (node));

          if (g_utf8_strlen (escaped, -1) > 120)
            {
              g_autofree char *cut = g_utf8_substring (escaped, 0, 119);
              return g_strdup_printf ("“%s…”", cut);
            }
          return g_strdup_printf ("“%s”", escaped);
        }
      if (type == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (type == G_TYPE_DOUBLE)
        return g_strdup_printf ("%g", json_node_get_double (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
    }

  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("empty"));

  /* TRANSLATORS: an item, or a list, that one device changed */
  return g_strdup (_("changed"));
}

static char *
field_text (BtMergeConflict *c)
{
  g_autofree char *field = NULL;
  g_autofree char *item = NULL;

  if (c->item != NULL)
    {
      g_autofree char *escaped = bt_import_escape (c->item);
      item = g_strdup_printf ("“%s”", escaped);
    }

  if (c->field == NULL)
    return item != NULL ? g_steal_pointer (&item) : bt_import_escape (c->path);

  field = g_strdelimit (bt_import_escape (c->field), "_", ' ');
  if (item == NULL)
    return bt_import_escape (c->path);

  /* TRANSLATORS: an item and one of its fields, e.g. “Hand over incidents”: title */
  return g_strdup_printf (_("%s: %s"), item, field);
}

static void update_apply (AdwMessageDialog *dialog);

static void
on_choice_toggled_cb (GtkCheckButton *button,
                      gpointer        data)
{
  AdwMessageDialog *dialog = data;
  Pending *p = g_object_get_data (G_OBJECT (dialog), "bt-pending");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bt-index"));

  if (!gtk_check_button_get_active (button))
    return;
  p->choices[index] = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bt-side"));
  update_apply (dialog);
}

static void
update_apply (AdwMessageDialog *dialog)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "bt-pending");
  gboolean all = TRUE;

  for (guint i = 0; i < p->result->conflicts->len; i++)
    all = all && p->choices[i] >= 0;
  adw_message_dialog_set_response_enabled (dialog, "apply", all);
}

static void
on_merge_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BtWindow         *self)
{
  Pending *p = g_object_get_data (G_OBJECT (dialog), "bt-pending");
  g_autofree char *now = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set_data (G_OBJECT (self), DIALOG_KEY, NULL);

  /* Later: the window keeps its version, the file theirs; nothing is
   * saved over it until the user chooses. */
  if (g_strcmp0 (response, "apply") != 0)
    return;

  /* The file changed again while the user chose: merge that instead. */
  if (p->copy_path == NULL)
    {
      now = bt_window_merge_file_etag (bt_window_get_path (self));
      if (g_strcmp0 (now, p->etag) != 0)
        {
          bt_window_merge_changes (self);
          return;
        }
    }

  /* Edited since (the dialog was put off): merge again, ask again. */
  {
    g_autoptr(GBytes) mine_now = bt_plan_file_serialize (self->plan, BT_PLAN_SECTION_ALL, NULL);

    if (mine_now == NULL || !g_bytes_equal (mine_now, p->mine))
      {
        if (p->copy_path != NULL)
          bt_window_merge_copies (self);
        else
          bt_window_merge_changes (self);
        return;
      }
  }

  for (guint i = 0; i < p->result->conflicts->len; i++)
    if (p->choices[i] == BT_MERGE_THEIRS)
      bt_merge_result_choose (p->result, i, BT_MERGE_THEIRS);

  merged = bt_merge_result_to_bytes (p->result, &error);
  if (merged == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("These choices do not make a plan: %s"), error->message);

      bt_window_toast (self, message);
      if (p->copy_path == NULL)
        bt_window_merge_changes (self);
      return;
    }

  if (p->copy_path != NULL)
    {
      if (bt_window_merge_apply_merged (self, merged, p->mine, p->theirs, NULL, TRUE, p->message))
        bt_merge_set_aside (p->copy_path, NULL);
      return;
    }

  bt_window_merge_apply_merged (self, merged, p->mine, p->theirs, p->etag, FALSE, p->message);
}

void
bt_window_merge_show_conflicts (BtWindow  *self,
                                Pending   *p)
{
  AdwMessageDialog *dialog;
  GtkWidget *scrolled, *list;
  guint n = p->result->conflicts->len;
  g_autofree char *body = NULL;

  p->choices = g_new (int, n);
  for (guint i = 0; i < n; i++)
    p->choices[i] = -1;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This device and another changed the same value differently. Choose "
                                       "which to keep. Until you do, both are kept: this device’s in the "
                                       "window, the other’s in the file.",
                                       "This device and another changed %u values differently. Choose which "
                                       "to keep for each. Until you do, both are kept: this device’s in the "
                                       "window, the other’s in the file.", n), n);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Changed on Two Devices"), body));
  g_object_set_data_full (G_OBJECT (dialog), "bt-pending", p, pending_free);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Values changed on both devices"), -1);

  for (guint i = 0; i < n; i++)
    {
      BtMergeConflict *c = p->result->conflicts->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading, *mine, *theirs;
      g_autofree char *what = field_text (c);
      g_autofree char *mine_value = value_text (c->mine);
      g_autofree char *theirs_value = value_text (c->theirs);
      /* TRANSLATORS: a choice: the value this device has */
      g_autofree char *mine_label = g_strdup_printf (_("This device: %s"), mine_value);
      /* TRANSLATORS: a choice: the value the other device has */
      g_autofree char *theirs_label = g_strdup_printf (_("Other device: %s"), theirs_value);

      gtk_widget_set_margin_top (box, 9);
      gtk_widget_set_margin_bottom (box, 9);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);

      heading = gtk_label_new (what);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (heading), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (heading, "heading");
      gtk_box_append (GTK_BOX (box), heading);

      mine = gtk_check_button_new_with_label (mine_label);
      theirs = gtk_check_button_new_with_label (theirs_label);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (theirs), GTK_CHECK_BUTTON (mine));
      for (GtkWidget *b = mine; b != NULL; b = b == mine ? theirs : NULL)
        {
          GtkWidget *label = gtk_check_button_get_child (GTK_CHECK_BUTTON (b));

          if (GTK_IS_LABEL (label))
            {
              gtk_label_set_wrap (GTK_LABEL (label), TRUE);
              gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
            }
          g_object_set_data (G_OBJECT (b), "bt-index", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (b), "bt-side",
                             GINT_TO_POINTER (b == mine ? BT_MERGE_MINE : BT_MERGE_THEIRS));
          g_signal_connect (b, "toggled", G_CALLBACK (on_choice_toggled_cb), dialog);
          gtk_box_append (GTK_BOX (box), b);
        }

      gtk_list_box_append (GTK_LIST_BOX (list), box);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), MIN (n, 3) * 100);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (dialog, scrolled);

  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Decide Later"),
                                    "apply", _("_Keep the Chosen Values"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "apply", FALSE);
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);
  g_object_set_data (G_OBJECT (self), DIALOG_KEY, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

