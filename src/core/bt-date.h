/* bt-date.h — calendar dates and ISO 8601 weeks as the plan file writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Room for YYYY-MM-DD, and a five-digit year, and the NUL. */
#define BT_DATE_ISO_SIZE 16

gboolean  bt_date_parse           (const char  *text,
                                   GDate       *date);
void      bt_date_format_iso      (const GDate *date,
                                   char         out[BT_DATE_ISO_SIZE]);
char     *bt_date_to_iso          (const GDate *date);
gboolean  bt_date_from_time       (GDateTime   *time,
                                   GDate       *date);
void      bt_date_today           (GDate       *date);

int       bt_iso_week_count   (int          iso_year);
gboolean  bt_iso_week_parse           (const char  *text,
                                   int         *iso_year,
                                   int         *week,
                                   GError     **error);
void      bt_iso_week_monday      (int          iso_year,
                                   int          week,
                                   GDate       *monday);
void      bt_iso_week_of_date         (const GDate *date,
                                   int         *iso_year,
                                   int         *week);
/* Room for YYYY-Www with any int year, and the NUL. */
#define BT_ISO_WEEK_SIZE 16

void      bt_iso_week_format_into     (int          iso_year,
                                   int          week,
                                   char         out[BT_ISO_WEEK_SIZE]);
char     *bt_iso_week_format          (int          iso_year,
                                   int          week);
char     *bt_iso_week_format_date     (const GDate *date);

G_END_DECLS
