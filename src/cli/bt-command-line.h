/* bt-command-line.h — what `breakthrough` does without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

const GOptionEntry *bt_command_line_get_entries (void);
int                 bt_command_line_run         (GVariantDict  *options,
                                                 char         **files);

G_END_DECLS
