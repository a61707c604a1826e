/* bt-window-merge-private.h — shared by bt-window-merge.c and its conflict dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-merge.h"
#include "bt-window.h"

G_BEGIN_DECLS

#define DIALOG_KEY  "bt-merge-dialog"

typedef struct
{
  BtMergeResult *result;
  GBytes        *mine;      /* the window's plan the conflicts were found in */
  GBytes        *theirs;
  char          *etag;
  int           *choices;   /* -1 undecided, or a BtMergeSide */
  char          *message;   /* the toast once applied */
  char          *copy_path; /* a conflict copy to set aside once applied */
} Pending;

char     *bt_window_merge_file_etag      (const char *path);
gboolean  bt_window_merge_apply_merged   (BtWindow   *self,
                                          GBytes     *merged,
                                          GBytes     *mine,
                                          GBytes     *theirs,
                                          const char *etag,
                                          gboolean    from_copy,
                                          const char *message);
void      bt_window_merge_show_conflicts (BtWindow   *self,
                                          Pending    *p);

G_END_DECLS
