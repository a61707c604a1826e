/* bt-number.h — figures as a person reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double  bt_number_round          (double value,
                                  guint  decimals);
int     bt_number_percent        (double share);
char   *bt_number_format_signed  (double value,
                                  guint  decimals);
gboolean bt_number_parse         (const char *text,
                                  double     *value);

G_END_DECLS
