/* bt-calendar-offer.c — the check-in's row of what the desktop's
 * calendars say about the week
 *
 * "This week in your calendars: 6.5 h of meetings, 4.5 h strategic", read
 * without blocking from the calendars that count, and read again when a
 * BtEdsWatch says they changed while the check-in is open. Preview… opens
 * the calendars' import, where the choice between the hours typed and the
 * calendar's is made as for a file. Without a calendar service, the row
 * says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-calendar-offer"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-calendar-offer.h"
#include "bt-calendars-dialog.h"
#include "bt-date.h"
#include "bt-import.h"
#ifdef HAVE_EDS
#include "bt-eds-calendars.h"
#include "bt-eds-watch.h"
#endif

struct _BtCalendarOffer
{
  AdwActionRow   parent_instance;

  GtkWidget     *preview_button;
  BtPlan        *plan;
  BtHistory     *history;
  int            iso_year;
  int            week;
  GStrv          uids;          /* the calendars that count */
  GCancellable  *cancellable;
  GObject       *watch;         /* BtEdsWatch */
  gboolean       reading;
  gboolean       read_again;    /* a change came while reading */
};

G_DEFINE_FINAL_TYPE (BtCalendarOffer, bt_calendar_offer, ADW_TYPE_ACTION_ROW)

static void
say (BtCalendarOffer *self,
     const char      *text)
{
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text);
}

#ifdef HAVE_EDS
static void read_week (BtCalendarOffer *self);

static GDateTime *
week_start (BtCalendarOffer *self)
{
  GDate monday;
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  bt_iso_week_monday (self->iso_year, self->week, &monday);
  return g_date_time_new (tz, g_date_get_year (&monday), g_date_get_month (&monday), g_date_get_day (&monday),
                          0, 0, 0);
}

static void
on_read_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BtCalendarOffer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtImportSource) source = bt_eds_calendars_read_finish (result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BtImport) import = NULL;
  BtImportWeek *found = NULL;
  double tactical = 0, strategic = 0;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->reading = FALSE;
  if (source != NULL)
    import = bt_import_from_source (self->plan, source, now, &error);
  if (import == NULL)
    {
      say (self, error->message);
      return;
    }

  for (guint i = 0; i < import->weeks->len; i++)
    {
      BtImportWeek *w = import->weeks->pdata[i];

      if (w->iso_year == self->iso_year && w->week == self->week)
        found = w;
    }
  if (found != NULL)
    bt_import_week_kinds (found, bt_plan_get_categories (self->plan), &tactical, &strategic);

  if (found == NULL)
    text = g_strdup (_("No meetings this week in the calendars that count."));
  else
    /* TRANSLATORS: in the check-in; the hours of meetings in the user's calendars this week, of which strategic */
    text = g_strdup_printf (_("This week in your calendars: %g h of meetings, %g h of them strategic."),
                            tactical + strategic + found->unmatched, strategic);
  say (self, text);
  gtk_widget_set_sensitive (self->preview_button, TRUE);

  if (self->read_again)
    read_week (self);
}

static void
read_week (BtCalendarOffer *self)
{
  g_autoptr(GDateTime) from = week_start (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (self->reading)
    {
      self->read_again = TRUE;
      return;
    }
  self->reading = TRUE;
  self->read_again = FALSE;
  bt_eds_calendars_read_async ((const char * const *) self->uids,
                               bt_profile_get_email (bt_plan_get_profile (self->plan)),
                               from, now, self->cancellable, on_read_cb, g_object_ref (self));
}

static void
on_listed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BtCalendarOffer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) calendars = bt_eds_calendars_list_finish (result, &error);
  GApplication *app = g_application_get_default ();
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;
  g_auto(GStrv) excluded = settings ? g_settings_get_strv (settings, "excluded-calendars") : NULL;
  g_autoptr(GStrvBuilder) uids = g_strv_builder_new ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (calendars == NULL)
    {
      say (self, _("Your calendars cannot be read here: no calendar service answers on this desktop."));
      return;
    }
  for (guint i = 0; i < calendars->len; i++)
    {
      BtEdsCalendar *c = calendars->pdata[i];

      if (excluded == NULL || !g_strv_contains ((const char * const *) excluded, c->uid))
        g_strv_builder_add (uids, c->uid);
    }
  self->uids = g_strv_builder_end (uids);
  if (self->uids[0] == NULL)
    {
      say (self, _("No calendar counts: choose them with Preview."));
      gtk_widget_set_sensitive (self->preview_button, TRUE);
      return;
    }

  read_week (self);
  from = week_start (self);
  until = g_date_time_add_weeks (from, 1);
  self->watch = G_OBJECT (bt_eds_watch_new ((const char * const *) self->uids, from, until));
  if (self->watch != NULL)
    g_signal_connect_object (self->watch, "changed", G_CALLBACK (read_week), self, G_CONNECT_SWAPPED);
}
#endif

static void
on_preview_clicked_cb (BtCalendarOffer *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_present (GTK_WINDOW (bt_calendars_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           self->plan, self->history)));
}

static void
bt_calendar_offer_dispose (GObject *object)
{
  BtCalendarOffer *self = BT_CALENDAR_OFFER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  g_clear_object (&self->plan);
  g_clear_object (&self->history);
  g_clear_pointer (&self->uids, g_strfreev);

  G_OBJECT_CLASS (bt_calendar_offer_parent_class)->dispose (object);
}

static void
bt_calendar_offer_class_init (BtCalendarOfferClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bt_calendar_offer_dispose;
}

static void
bt_calendar_offer_init (BtCalendarOffer *self)
{
  self->cancellable = g_cancellable_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("From Your Calendars"));
  self->preview_button = gtk_button_new_with_mnemonic (_("_Preview…"));
  gtk_widget_set_valign (self->preview_button, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (self->preview_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview the import of your calendars"), -1);
  g_signal_connect_object (self->preview_button, "clicked", G_CALLBACK (on_preview_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->preview_button);
}

/**
 * bt_calendar_offer_new:
 *
 * Returns: (transfer floating): the row, already reading the week
 */
GtkWidget *
bt_calendar_offer_new (BtPlan    *plan,
                       BtHistory *history,
                       int        iso_year,
                       int        week)
{
  BtCalendarOffer *self = g_object_new (BT_TYPE_CALENDAR_OFFER, NULL);

  self->plan = g_object_ref (plan);
  self->history = g_object_ref (history);
  self->iso_year = iso_year;
  self->week = week;

#ifdef HAVE_EDS
  say (self, _("Looking for your calendars…"));
  bt_eds_calendars_list_async (self->cancellable, on_listed_cb, g_object_ref (self));
#else
  say (self, _("This build cannot read the desktop’s calendars: import them as a file (.ics) instead."));
#endif

  return GTK_WIDGET (self);
}
