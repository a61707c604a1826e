/* bt-window-merge.h — the window merges what another device changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-document.h"
#include "bt-window.h"

G_BEGIN_DECLS

void     bt_window_merge_watch_document (BtWindow   *self,
                                         BtDocument *document);
void     bt_window_merge_keep_base    (BtWindow *self,
                                       GBytes   *bytes);
gboolean bt_window_merge_changes      (BtWindow *self);
void     bt_window_merge_offer_copies (BtWindow *self);

/* For tests */
void     bt_window_merge_forget_bases (BtWindow *self);
gboolean bt_window_merge_undo         (BtWindow *self);
gboolean bt_window_merge_copies       (BtWindow *self);

G_END_DECLS
