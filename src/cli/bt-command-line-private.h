/* bt-command-line-private.h — shared by the command line's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  bt_command_line_print_error (const char    *where,
                                   const char    *message);
char *bt_command_line_shown       (const char    *text);
int   bt_command_line_merge       (GVariantDict  *options,
                                   const char    *base_path,
                                   char         **files);

G_END_DECLS
