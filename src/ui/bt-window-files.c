/* bt-window-files.c — the window's files: the document it presents, open,
 * new, save as, exports, and another program writing the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-window-files"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-chart.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-export-async.h"
#include "bt-plan-file.h"
#include "bt-import.h"
#include "bt-import-dialog.h"
#include "bt-calendars-dialog.h"
#include "bt-report.h"
#include "bt-window-merge.h"
#include "bt-window-private.h"

/* ---- the document the window presents ---- */

/**
 * bt_window_show_save_error:
 *
 * Says why a save failed, in a toast; the file on disk is as it was.
 */
void
bt_window_show_save_error (BtWindow     *self,
                           const GError *error)
{
  g_autofree char *message = g_strdup_printf (_("The plan could not be saved: %s"), error->message);

  bt_window_toast (self, message);
}

static void
on_save_failed_cb (BtWindow     *self,
                   const GError *error)
{
  /* Unless merged meanwhile (the merge's own save is on its way). */
  if (g_error_matches (error, BT_DOCUMENT_ERROR, BT_DOCUMENT_ERROR_CONFLICT))
    {
      if (bt_document_get_conflict (self->document))
        bt_window_show_conflict (self);
    }
  else
    bt_window_show_save_error (self, error);
}

static void
on_conflict_changed_cb (BtWindow *self)
{
  if (self->document != NULL && bt_document_get_conflict (self->document))
    bt_window_show_conflict (self);
}

/**
 * bt_window_set_document:
 * @document: (nullable): what the window presents from now on
 *
 * The document saves and watches the file; the window says what happens
 * to it: a failed save in a toast, another writer in the conflict dialog.
 */
void
bt_window_set_document (BtWindow   *self,
                        BtDocument *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  bt_window_merge_watch_document (self, document);
  if (document == NULL)
    return;

  g_signal_connect_object (document, "save-failed", G_CALLBACK (on_save_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::conflict", G_CALLBACK (on_conflict_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * bt_window_get_path:
 *
 * Returns: (nullable): where the plan shown is saved
 */
const char *
bt_window_get_path (BtWindow *self)
{
  return self->document != NULL ? bt_document_get_path (self->document) : NULL;
}

/* ---- another program writing the plan ---- */

static void save_as (BtWindow *self);

static void
on_reloaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(BtWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (BT_DOCUMENT (source) != self->document)
    return;

  if (!bt_document_load_finish (BT_DOCUMENT (source), result, &error))
    {
      /* Their version does not load: keep ours, saved nowhere yet. */
      g_autofree char *message = g_strdup_printf (_("The changed file could not be read: %s"),
                                                  error->message);
      bt_window_toast (self, message);
      return;
    }

  bt_window_replace_plan (self, bt_document_get_plan (self->document));
  bt_window_toast (self, _("Reloaded the plan from the file"));
}

static void
on_conflict_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         BtWindow         *self)
{
  g_object_set_data (G_OBJECT (self), "bt-conflict-dialog", NULL);

  if (g_strcmp0 (response, "reload") == 0 && self->document != NULL)
    bt_document_load_async (self->document, NULL, on_reloaded_cb, g_object_ref (self));
  else if (g_strcmp0 (response, "save-as") == 0)
    save_as (self);
}

/**
 * bt_window_show_conflict:
 *
 * Another program changed the plan's file: stop saving over it and ask.
 */
void
bt_window_show_conflict (BtWindow *self)
{
  AdwMessageDialog *dialog;

  if (g_object_get_data (G_OBJECT (self), "bt-conflict-dialog") != NULL)
    return;

  /* Merged, or the user is choosing: asked only when it cannot be merged. */
  if (bt_window_merge_changes (self))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("The Plan Was Changed Elsewhere"),
                                                       _("Another program changed the plan’s file while it was "
                                                         "open here. Nothing has been saved over it. Reload it to "
                                                         "see its version, losing the changes made here since the "
                                                         "last save, or keep this version and save it under "
                                                         "another name.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Decide Later"),
                                    "save-as", _("_Keep Mine and Save As…"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  g_object_set_data (G_OBJECT (self), "bt-conflict-dialog", dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- choosing files ---- */

/**
 * bt_window_get_folder:
 *
 * Returns: (transfer full): where file dialogs start: the plan's folder, or
 *   for the sample and the first start, where the user's plan would be kept
 *   if that folder is there, else their documents or home folder
 */
GFile *
bt_window_get_folder (BtWindow *self)
{
  g_autofree char *default_path = bt_plan_file_default_path ();
  const char *path = bt_window_get_path (self);
  g_autofree char *folder = g_path_get_dirname (path != NULL ? path : default_path);
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/* File dialogs start in the plan's folder, not the process's. */
void
bt_window_set_folder (BtWindow       *self,
                      GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = bt_window_get_folder (self);
  g_autoptr(GError) error = NULL;

  if (!gtk_file_chooser_set_current_folder (chooser, folder, &error))
    g_debug ("The file dialog starts elsewhere: %s", error->message);
}

typedef void (*ChosenFunc) (BtWindow *self, GFile *file, gpointer data);

typedef struct
{
  BtWindow   *window;
  ChosenFunc  func;
  char       *data;
} Choice;

static void opened (BtWindow *self, GFile *file, gpointer data);
static void saved_as (BtWindow *self, GFile *file, gpointer data);

/* Exports and imports, as opposed to the plan's own Open and Save As:
 * they start outside the app's data folder (bt-window-folders.c). */
static gboolean
is_outside (ChosenFunc func)
{
  return func != opened && func != saved_as;
}

static void
on_chooser_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (is_outside (choice->func))
        bt_window_remember_outside_folder (file);
      choice->func (choice->window, file, choice->data);
    }

  g_object_unref (choice->window);
  g_free (choice->data);
  g_free (choice);
  g_object_unref (dialog);
}

static void
choose (BtWindow             *self,
        const char           *title,
        GtkFileChooserAction  action,
        const char           *accept,
        const char           *suggested_name,
        const char           *filter_name,
        const char * const   *mime_types,
        ChosenFunc            func,
        const char           *data)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  if (is_outside (func))
    bt_window_set_outside_folder (self, GTK_FILE_CHOOSER (dialog));
  else
    bt_window_set_folder (self, GTK_FILE_CHOOSER (dialog));

  if (filter_name != NULL)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      for (guint i = 0; mime_types[i] != NULL; i++)
        gtk_file_filter_add_mime_type (filter, mime_types[i]);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested_name);

  choice->window = g_object_ref (self);
  choice->func = func;
  choice->data = g_strdup (data);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static const char * const json_types[] = { "application/json", NULL };

/* ---- open and new ---- */

/**
 * bt_window_readable_error:
 * @message: a GError's message, as a file reader words it
 *
 * Returns: (transfer full): @message on one line, ending with a full stop,
 *   for a sentence in a dialog
 */
char *
bt_window_readable_error (const char *message)
{
  g_autofree char *flat = g_strdup (message != NULL ? message : "");
  g_auto(GStrv) words = NULL;
  g_autofree char *joined = NULL;
  gsize length;

  /* Parser messages may hold line breaks and runs of blanks. */
  g_strdelimit (flat, "\n\r\t", ' ');
  words = g_strsplit (g_strstrip (flat), " ", -1);
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; words[i] != NULL; i++)
      if (*words[i] != '\0')
        g_strv_builder_add (builder, words[i]);
    kept = g_strv_builder_end (builder);
    joined = g_strjoinv (" ", kept);
  }

  length = strlen (joined);
  if (length > 0 && !g_str_has_suffix (joined, ".") && !g_str_has_suffix (joined, "…"))
    return g_strconcat (joined, ".", NULL);

  return g_steal_pointer (&joined);
}

/**
 * bt_window_is_replaceable:
 *
 * Returns: whether opening a plan may take this window's place: it shows
 *   the first start, the sample untouched or a plan with nothing in it
 */
gboolean
bt_window_is_replaceable (BtWindow *self)
{
  BtPlan *plan = self->plan;

  if (plan == NULL)
    return TRUE;
  if (self->sample)
    return self->history == NULL || !bt_history_get_can_undo (self->history);

  return g_list_model_get_n_items (bt_plan_get_phases (plan)) == 0 &&
         g_list_model_get_n_items (bt_plan_get_milestones (plan)) == 0 &&
         g_list_model_get_n_items (bt_plan_get_weeks (plan)) == 0 &&
         g_list_model_get_n_items (bt_plan_get_relationships (plan)) == 0 &&
         g_list_model_get_n_items (bt_plan_get_narratives (plan)) == 0 &&
         g_list_model_get_n_items (bt_plan_get_check_ins (plan)) == 0 &&
         (self->document == NULL || !bt_document_get_dirty (self->document));
}

static void
show_unopenable (BtWindow   *self,
                 GFile      *file,
                 const char *message)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("“%s” Could Not Be Opened"), name);
  g_autofree char *readable = bt_window_readable_error (message);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->plan != NULL)
    body = g_strdup_printf (_("%s\n\nThe plan that was open is still open, unchanged."), readable);
  else
    body = g_strdup (readable);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  BtWindow   *window;
  BtDocument *document;
} Opening;

static void
opening_free (Opening *opening)
{
  g_object_unref (opening->window);
  g_object_unref (opening->document);
  g_free (opening);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Opening, opening_free)

static void
on_open_flushed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  g_autoptr(Opening) opening = data;
  BtWindow *self = opening->window;

  /* The plan shown is saved: this window shows the other. Only if it
   * cannot be saved does the other get a window of its own, so that
   * nothing is lost. */
  if (bt_document_flush_finish (BT_DOCUMENT (source), result, NULL))
    {
      bt_window_show_document (self, opening->document);
      return;
    }

  {
    GFile *files[] = { bt_document_get_file (opening->document) };

    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), files, 1, "");
  }
}

static void
on_opened_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(Opening) opening = data;
  BtWindow *self = opening->window;
  g_autoptr(GError) error = NULL;

  /* A file that does not read changes nothing here: the plan that was
   * open stays, and the message says why in words. */
  if (!bt_document_load_finish (opening->document, result, &error))
    {
      show_unopenable (self, bt_document_get_file (opening->document), error->message);
      return;
    }

  if (bt_document_get_read_only (opening->document))
    bt_window_toast (self, _("Opened read-only: written by a newer version"));

  if (bt_window_is_replaceable (self) || self->document == NULL)
    {
      bt_window_show_document (self, opening->document);
      return;
    }

  /* The plan shown now was saved before the other was read; what changed
   * meanwhile is saved too, and then this window shows the other. */
  bt_document_flush_async (self->document, NULL, on_open_flushed_cb, g_steal_pointer (&opening));
}

/**
 * bt_window_open_file:
 *
 * Opens the plan in @file as the window's Open does: in this window, once
 * the plan it shows is saved (in a window of its own only when that plan
 * cannot be saved); a file that does not read leaves the window as it was
 * and says why.
 */
void
bt_window_open_file (BtWindow *self,
                     GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  Opening *opening;

  if (path == NULL)
    {
      bt_window_toast (self, _("A plan can only be kept in a local file"));
      return;
    }

  /* What the window shows is saved before it gives way (once the other
   * plan is read); changes that cannot be, as another program changed the
   * file, stop here, and the window says why. */
  if (self->document != NULL && bt_document_needs_flush (self->document) &&
      bt_document_get_conflict (self->document))
    {
      bt_window_show_conflict (self);
      return;
    }

  opening = g_new0 (Opening, 1);
  opening->window = g_object_ref (self);
  opening->document = bt_document_new (file);
  bt_document_load_async (opening->document, NULL, on_opened_read_cb, opening);
}

static void
opened (BtWindow *self,
        GFile    *file,
        gpointer  data)
{
  bt_window_open_file (self, file);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose (BT_WINDOW (widget), _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
          _("Plans"), json_types, opened, NULL);
}

/* Back to the user's own plan, the one at the default path. */
static void
open_own_plan_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autofree char *path = bt_plan_file_default_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  bt_window_open_file (BT_WINDOW (widget), file);
}

static void
on_created_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(BtWindow) self = data;
  g_autoptr(GError) error = NULL;

  if (!bt_document_save_finish (BT_DOCUMENT (source), result, &error))
    {
      bt_window_toast (self, error->message);
      return;
    }

  opened (self, bt_document_get_file (BT_DOCUMENT (source)), NULL);
}

static void
created (BtWindow *self,
         GFile    *file,
         gpointer  data)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(BtDocument) document = NULL;
  GSettings *settings = bt_application_get_settings (BT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  if (settings != NULL)
    bt_profile_set_target_share (bt_plan_get_profile (plan), g_settings_get_double (settings, "target-share"));

  if (path == NULL)
    {
      bt_window_toast (self, _("A plan can only be kept in a local file"));
      return;
    }

  document = bt_document_new (NULL);
  bt_document_set_plan (document, plan);
  bt_document_save_async (document, file, NULL, on_created_cb, g_object_ref (self));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  choose (BT_WINDOW (widget), _("New Plan"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("plan.json"),
          _("Plans"), json_types, created, NULL);
}

/* ---- save as ---- */

static void
on_saved_as_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(BtWindow) self = data;

  /* A failure: the document's save-failed says why. */
  if (!bt_document_save_finish (BT_DOCUMENT (source), result, NULL) ||
      BT_DOCUMENT (source) != self->document)
    return;

  /* From now on the window's plan lives there, and the document says so. */
  self->sample = FALSE;    /* a copy of the sample saved is the user's */
  bt_plan_set_sample (self->plan, FALSE);
  bt_window_update_title (self);
  bt_window_toast (self, _("Saved"));
}

static void
saved_as (BtWindow *self,
          GFile    *file,
          gpointer  data)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      bt_window_toast (self, _("A plan can only be kept in a local file"));
      return;
    }
  if (self->document == NULL)
    return;

  bt_document_save_async (self->document, file, NULL, on_saved_as_cb, g_object_ref (self));
}

static void
save_as (BtWindow *self)
{
  if (self->plan == NULL)
    return;

  choose (self, _("Save Plan As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("plan.json"),
          _("Plans"), json_types, saved_as, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (BT_WINDOW (widget));
}

/* ---- exports ---- */

/* The local path of @file for an export, or %NULL when it cannot be one:
 * a remote file, or the plan itself, which an export never replaces. The
 * window says why. */
static char *
export_path (BtWindow *self,
             GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      bt_window_toast (self, _("Exports can only be written to a local file"));
      return NULL;
    }
  if (bt_window_get_path (self) != NULL && !bt_plan_file_check_output (path, bt_window_get_path (self), &error))
    {
      bt_window_toast (self, error->message);
      return NULL;
    }

  return g_steal_pointer (&path);
}


/* Exports are written, and charts and the report drawn, in a worker
 * (bt-export-async.c): the toast comes when the file is written, names
 * it, and offers to open it. */
typedef enum
{
  EXPORTED_PLAN,
  EXPORTED_CHART,
  EXPORTED_REPORT,
  EXPORTED_WEEKS,
} Exported;

typedef struct
{
  BtWindow *window;
  Exported  what;
  char     *path;
} ExportDone;

static ExportDone *
export_done_new (BtWindow   *window,
                 Exported    what,
                 const char *path)
{
  ExportDone *export = g_new0 (ExportDone, 1);

  export->window = g_object_ref (window);
  export->what = what;
  export->path = g_strdup (path);

  return export;
}

/* The toast once @what is written: it names the file. */
static char *
exported_message (Exported    what,
                  const char *name)
{
  switch (what)
    {
    /* TRANSLATORS: a toast; %s is the name of the file written */
    case EXPORTED_PLAN: return g_strdup_printf (_("Plan exported to “%s”"), name);
    /* TRANSLATORS: a toast; %s is the name of the file written */
    case EXPORTED_CHART: return g_strdup_printf (_("Chart exported to “%s”"), name);
    /* TRANSLATORS: a toast; %s is the name of the file written */
    case EXPORTED_REPORT: return g_strdup_printf (_("Report exported to “%s”"), name);
    /* TRANSLATORS: a toast; %s is the name of the file written */
    case EXPORTED_WEEKS: return g_strdup_printf (_("Weeks exported to “%s”"), name);
    default: g_return_val_if_reached (NULL);
    }
}

static void
on_exported_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ExportDone *export = user_data;
  g_autoptr(GError) error = NULL;

  if (!bt_export_finish (result, &error))
    bt_window_toast (export->window, error->message);
  else
    {
      g_autofree char *name = g_filename_display_basename (export->path);
      g_autofree char *text = exported_message (export->what, name);
      g_autoptr(GFile) file = g_file_new_for_path (export->path);
      g_autofree char *uri = g_file_get_uri (file);
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "win.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
      adw_toast_overlay_add_toast (export->window->toast_overlay, toast);
    }
  g_object_unref (export->window);
  g_free (export->path);
  g_free (export);
}

static void
on_export_shown_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BtWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    bt_window_toast (self, _("No application here opens that file"));
}

/* The toast's Open: the file in the application the desktop has for it. */
static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_show_uri_full (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME,
                     NULL, on_export_shown_cb, g_object_ref (widget));
}

static void
exported_json (BtWindow *self,
               GFile    *file,
               gpointer  data)
{
  g_autofree char *path = export_path (self, file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  BtPlanSection section = BT_PLAN_SECTION_ALL;

  bt_plan_section_from_string (data, &section);

  if (path == NULL)
    return;
  bytes = bt_plan_file_export_bytes (self->plan, section, &error);
  if (bytes == NULL)
    bt_window_toast (self, error->message);
  else
    bt_export_write_async (bytes, path, NULL, on_exported_cb, export_done_new (self, EXPORTED_PLAN, path));
}

static void
export_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  const char *section = g_variant_get_string (parameter, NULL);
  BtPlanSection parsed;
  g_autofree char *name = NULL;

  if (self->plan == NULL || !bt_plan_section_from_string (section, &parsed))
    return;

  /* Not "plan.json": the plan's own name, which an export never replaces.
   * A copy of the whole plan is dated, as a snapshot is. */
  if (parsed == BT_PLAN_SECTION_ALL)
    {
      GDate day;
      char iso[BT_DATE_ISO_SIZE];

      bt_today (&day);
      bt_date_format_iso (&day, iso);
      name = g_strdup_printf ("plan-%s.json", iso);
    }
  else
    name = g_strdup_printf ("%s.json", section);
  choose (self, _("Export as JSON"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
          _("JSON files"), json_types, exported_json, section);
}

static void
exported_chart (BtWindow *self,
                GFile    *file,
                gpointer  data)
{
  g_autofree char *path = export_path (self, file);
  const char *dot = path ? strrchr (path, '.') : NULL;
  BtExportFormat format = BT_EXPORT_PNG;
  BtChartKind kind = BT_CHART_TIMELINE;
  BtChartStyle style;
  GDate day;

  bt_chart_kind_from_string (data, &kind);
  if (dot != NULL && !bt_export_format_from_string (dot + 1, &format))
    format = BT_EXPORT_PNG;
  bt_chart_style_init (&style, format == BT_EXPORT_PDF ? BT_CHART_THEME_PRINT : BT_CHART_THEME_LIGHT);
  style.weekly_budget = bt_application_get_weekly_budget ();
  bt_today (&day);

  if (path == NULL)
    return;
  bt_chart_export_async (kind, self->plan, &day, &style, format, 1600, 900, format == BT_EXPORT_PNG ? 2 : 1,
                         path, NULL, on_exported_cb, export_done_new (self, EXPORTED_CHART, path));
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  const char *chart = g_variant_get_string (parameter, NULL);
  static const char * const image_types[] = { "image/png", "image/svg+xml", "application/pdf", NULL };
  g_autofree char *name = NULL;
  BtChartKind kind;

  if (self->plan == NULL || !bt_chart_kind_from_string (chart, &kind))
    return;

  /* TRANSLATORS: the suggested file name of an exported chart; PNG, SVG or
   * PDF follows from the extension the user gives */
  name = g_strdup_printf (_("%s.png"), bt_chart_kind_get_title (kind));
  choose (self, _("Export Chart"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), name,
          _("Images and PDF (.png, .svg, .pdf)"), image_types, exported_chart, chart);
}

/* ---- the report as PDF ---- */

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       BtWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->plan != NULL)
    {
      GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *path = export_path (self, file);
      BtPaper paper = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "paper"), "letter") == 0
                      ? BT_PAPER_LETTER : BT_PAPER_A4;
      gboolean landscape = g_strcmp0 (gtk_file_chooser_get_choice (chooser, "orientation"), "landscape") == 0;
      GDate day;

      bt_window_remember_outside_folder (file);
      bt_today (&day);
      if (path != NULL)
        bt_report_export_pdf_async (self->plan, &day, bt_application_get_weekly_budget (), paper, landscape,
                                    path, NULL, on_exported_cb, export_done_new (self, EXPORTED_REPORT, path));
    }

  g_object_unref (dialog);
}

/**
 * bt_window_report_chooser_new:
 *
 * Returns: (transfer full): the dialog that asks where to export the
 *   report as PDF, on which paper and which way round, as the command
 *   line's --paper and --landscape; it starts in the plan's folder
 */
GtkFileChooserNative *
bt_window_report_chooser_new (BtWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkPaperSize) local_paper = gtk_paper_size_new (NULL);
  const char *paper_ids[] = { "a4", "letter", NULL };
  const char *paper_labels[] = { _("A4"), _("Letter"), NULL };
  const char *orientation_ids[] = { "portrait", "landscape", NULL };
  const char *orientation_labels[] = { _("Portrait"), _("Landscape"), NULL };

  dialog = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  bt_window_set_outside_folder (self, GTK_FILE_CHOOSER (dialog));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Roadmap report.pdf"));

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "paper", _("Paper"), paper_ids, paper_labels);
  /* The locale's paper first: Letter in the Americas, A4 elsewhere. */
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "paper",
                               g_str_has_prefix (gtk_paper_size_get_name (local_paper), "na_letter")
                               ? "letter" : "a4");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "orientation", _("Orientation"),
                               orientation_ids, orientation_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "orientation", "portrait");

  return dialog;
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkFileChooserNative *dialog = bt_window_report_chooser_new (self);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- the weeks as CSV ---- */

static void
exported_csv (BtWindow *self,
              GFile    *file,
              gpointer  data)
{
  g_autofree char *path = export_path (self, file);
  g_autoptr(GBytes) csv = NULL;
  char *text;

  if (path == NULL)
    return;

  text = bt_import_weeks_to_csv (self->plan);
  csv = g_bytes_new_take (text, strlen (text));
  bt_export_write_async (csv, path, NULL, on_exported_cb, export_done_new (self, EXPORTED_WEEKS, path));
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  static const char * const csv_types[] = { "text/csv", NULL };

  if (self->plan == NULL)
    return;

  /* TRANSLATORS: the suggested name of the weeks exported as CSV */
  choose (self, _("Export Weeks as CSV"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("weeks.csv"),
          _("CSV files"), csv_types, exported_csv, NULL);
}

/* ---- import ---- */

static void
import_chosen (BtWindow *self,
               GFile    *file,
               gpointer  data)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      bt_window_toast (self, _("Only a local file can be imported"));
      return;
    }

  /* Read in a worker thread: a calendar of many years takes seconds. */
  bt_import_dialog_open (GTK_WINDOW (self), self->plan, self->history, path);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  static const char * const import_types[] = { "text/calendar", "text/csv", NULL };

  if (self->plan == NULL || bt_plan_get_read_only (self->plan))
    return;

  choose (self, _("Import a Calendar or Time Report"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
          _("Calendars and time reports (.ics, .csv)"), import_types, import_chosen, NULL);
}

/* The desktop's calendars: which count, then the same preview as a file's. */
static void
import_calendars_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->plan == NULL || bt_plan_get_read_only (self->plan))
    return;

  gtk_window_present (GTK_WINDOW (bt_calendars_dialog_new (GTK_WINDOW (self), self->plan, self->history)));
}

void
bt_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-calendars", NULL, import_calendars_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-own-plan", NULL, open_own_plan_action);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-json", "s", export_json_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
}
