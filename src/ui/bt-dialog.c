/* bt-dialog.c — what every dialog of the app does alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bt-dialog.h"

static void
on_dialog_map_cb (GtkWidget *dialog,
                  GtkWidget *content)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, content))
    gtk_widget_child_focus (content, GTK_DIR_TAB_FORWARD);
}

/**
 * bt_dialog_focus_content:
 * @content: where the dialog's fields are
 *
 * Shows @dialog with the keyboard focus in its first field, not on the
 * header bar's Cancel, where GTK puts it as the first thing that takes
 * the focus: there, typing a space or Enter would cancel the dialog.
 */
void
bt_dialog_focus_content (GtkWindow *dialog,
                         GtkWidget *content)
{
  g_signal_connect_object (dialog, "map", G_CALLBACK (on_dialog_map_cb), content, G_CONNECT_AFTER);
}

/* The answer may close the window it was asked over: the question lets
 * go of it first, so as not to outlive it on top of it. */
static void
on_question_response_cb (GtkWindow *dialog)
{
  gtk_window_set_transient_for (dialog, NULL);
}

/**
 * bt_dialog_question_new:
 * @heading: the question
 * @body: what the answer does
 * @keep_label: the answer that changes nothing (its id is "keep"): the
 *   default, and Escape's
 * @act_label: the answer that destroys something (its id is @act)
 *
 * A question asked before something is lost. The question lets go of
 * @parent once answered, since the answer may close it.
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
bt_dialog_question_new (GtkWindow  *parent,
                        const char *heading,
                        const char *body,
                        const char *keep_label,
                        const char *act,
                        const char *act_label)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", keep_label,
                                    act, act_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), act, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (on_question_response_cb), NULL);

  return dialog;
}

/**
 * bt_dialog_discard_new:
 * @body: what would be lost
 *
 * The question asked before what the user typed is thrown away: its
 * "response" is "discard", or "keep".
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
bt_dialog_discard_new (GtkWindow  *parent,
                       const char *body)
{
  return bt_dialog_question_new (parent, _("Discard Changes?"), body, _("_Keep Editing"), "discard", _("_Discard"));
}
