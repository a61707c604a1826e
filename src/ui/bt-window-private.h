/* bt-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-chart-page.h"
#include "bt-document.h"
#include "bt-history.h"
#include "bt-overview-page.h"
#include "bt-window.h"

G_BEGIN_DECLS

#define AUTOSAVE_SECONDS BT_DOCUMENT_AUTOSAVE_SECONDS

struct _BtWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwToast             *history_toast;   /* weak: the last one with or about Undo */
  guint                 toast_sliding_id;  /* while it slides in: no Undo from it, nor dismissing it */
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *main_stack;
  GtkRevealer          *read_only_banner;
  GtkRevealer          *sample_banner;
  AdwStatusPage        *welcome_page;
  GtkWidget            *start_own_button;
  AdwStatusPage        *status_page;
  GtkWidget            *restore_button;
  GtkSpinner           *opening_spinner;
  AdwBin               *plan_bin;
  /* The pages: built from bt-window-pages.ui when the first plan is
   * shown, but a chart page only in its bin when it is first shown (see
   * bt_window_get_chart_page()) */
  AdwViewStack         *stack;
  BtOverviewPage       *overview_page;
  AdwBin               *chart_bins[BT_N_CHARTS];
  BtChartPage          *chart_pages[BT_N_CHARTS];

  BtPlan               *plan;
  BtPlan               *loaded;      /* read, waiting for the first frame */
  gboolean              painted;     /* the window's first frame is on screen */
  gboolean              finished;    /* its shortcuts window action and icon added */
  guint                 opening_id;  /* says "Opening the plan…" if it takes long */
  guint                 finish_id;   /* finish_window() once the frame is painted */
  BtHistory            *history;
  BtDocument           *document;    /* the plan's file, its saving and its other writers */
  char                 *unreadable;  /* a plan that did not load, when it has a backup */
  GApplication         *holding;     /* held while closing waits for the last save */
  gboolean              closing;     /* waiting for that save */
  gboolean              sample;      /* the sample: saved nowhere */
};


void     bt_window_toast            (BtWindow   *self,
                                     const char *message);
void     bt_window_toast_with_undo  (BtWindow   *self,
                                     const char *message);
BtChartPage *bt_window_get_chart_page (BtWindow   *self,
                                       BtChartKind kind);
void     bt_window_files_class_init (GtkWidgetClass *widget_class);
void     bt_window_files_init       (BtWindow   *self);
void     bt_window_set_document     (BtWindow   *self,
                                     BtDocument *document);
const char *bt_window_get_path      (BtWindow   *self);
void     bt_window_show_save_error  (BtWindow     *self,
                                     const GError *error);
void     bt_window_show_conflict    (BtWindow   *self);
void     bt_window_replace_plan     (BtWindow   *self,
                                     BtPlan     *plan);
void     bt_window_update_title     (BtWindow   *self);
void     bt_window_show_document    (BtWindow   *self,
                                     BtDocument *document);
gboolean bt_window_is_replaceable   (BtWindow   *self);
void     bt_window_open_file        (BtWindow   *self,
                                     GFile      *file);
GFile   *bt_window_get_folder       (BtWindow   *self);
void     bt_window_set_folder       (BtWindow   *self,
                                     GtkFileChooser *chooser);
GFile   *bt_window_get_outside_folder      (BtWindow       *self);
void     bt_window_set_outside_folder      (BtWindow       *self,
                                            GtkFileChooser *chooser);
void     bt_window_remember_outside_folder (GFile          *file);
char    *bt_window_readable_error   (const char *message);
GtkFileChooserNative *bt_window_report_chooser_new (BtWindow *self);
char    *bt_window_edit_message     (const char *kind,
                                     const char *name,
                                     gboolean    was_there,
                                     gboolean    is_there);

GtkWindow *bt_window_find_plan_dialog (BtWindow *self);
void     bt_window_check_in_action         (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter);
void     bt_window_on_touchpoint_logged_cb (BtWindow   *self,
                                            const char *message);
void     bt_window_on_open_item_cb         (BtWindow   *self,
                                            GListModel *list,
                                            BtItem     *item);
void     bt_window_close_dialogs_on_plan   (BtWindow   *self);

G_END_DECLS
