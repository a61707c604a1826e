/* bt-import-describe.h — what an import leaves out and what it did, in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-import.h"

G_BEGIN_DECLS

guint  bt_import_count_changed_weeks (const BtImport *import,
                                      guint          *kept,
                                      guint          *replaced,
                                      guint          *added);
char  *bt_import_describe_left_out   (const BtImport *import);
char  *bt_import_describe_done       (const BtImport *import);

G_END_DECLS
