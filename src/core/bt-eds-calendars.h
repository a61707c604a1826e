/* bt-eds-calendars.h — the desktop's calendars, through Evolution Data
 * Server, read as the .ics import reads a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "bt-import.h"

G_BEGIN_DECLS

/* One of the desktop's calendars. */
typedef struct
{
  char *uid;       /* the ESource's, stable */
  char *name;      /* its display name */
  char *account;   /* the display name of the account it belongs to, or NULL */
} BtEdsCalendar;

void            bt_eds_calendar_free          (BtEdsCalendar  *calendar);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtEdsCalendar, bt_eds_calendar_free)

GPtrArray      *bt_eds_calendars_list_sync    (GCancellable   *cancellable,
                                               GError        **error);
void            bt_eds_calendars_list_async   (GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
GPtrArray      *bt_eds_calendars_list_finish  (GAsyncResult   *result,
                                               GError        **error);

GPtrArray      *bt_eds_calendars_choose       (GPtrArray      *calendars,
                                               const char * const *wanted,
                                               GError        **error);

BtImportSource *bt_eds_calendars_read_sync    (const char * const *uids,
                                               const char     *user_email,
                                               GDateTime      *from,
                                               GDateTime      *now,
                                               GCancellable   *cancellable,
                                               GError        **error);
void            bt_eds_calendars_read_async   (const char * const *uids,
                                               const char     *user_email,
                                               GDateTime      *from,
                                               GDateTime      *now,
                                               GCancellable   *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer        user_data);
BtImportSource *bt_eds_calendars_read_finish  (GAsyncResult   *result,
                                               GError        **error);

G_END_DECLS
