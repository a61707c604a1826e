/* bt-clock.c — what day it is, and when that changes
 *
 * A window left open overnight must follow the day: overdue states, the
 * today line and the notice of weeks not recorded all depend on it. As
 * GNOME Calendar's clock does, a timeout is set for the next local
 * midnight and set again when it fires. A timeout runs on the monotonic
 * clock, which stands still while the machine is suspended, so it would
 * wake late after a night in suspend: a check once a minute, and one
 * whenever the window is focused (bt_clock_check()), compare the day with
 * the one last seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-clock"

#include "config.h"

#include "bt-clock-private.h"
#include "bt-date.h"

#define CHECK_SECONDS 60

struct _BtClock
{
  GObject  parent_instance;

  GDate    today;          /* the day last seen */
  GDate    fixed;          /* a day set by a test; invalid for the real one */
  guint    midnight_id;
  guint    check_id;
};

G_DEFINE_FINAL_TYPE (BtClock, bt_clock, G_TYPE_OBJECT)

enum {
  DAY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void arm_midnight (BtClock *self);

static void
read_today (BtClock *self,
            GDate   *today)
{
  g_autoptr(GDateTime) now = NULL;

  if (g_date_valid (&self->fixed))
    {
      *today = self->fixed;
      return;
    }

  now = g_date_time_new_now_local ();
  bt_date_from_time (now, today);
}

static gboolean
on_midnight_cb (gpointer data)
{
  BtClock *self = data;

  self->midnight_id = 0;
  bt_clock_check (self);

  return G_SOURCE_REMOVE;
}

static gboolean
on_check_cb (gpointer data)
{
  bt_clock_check (BT_CLOCK (data));

  return G_SOURCE_CONTINUE;
}

/* A timeout for just after the next local midnight, whatever the length
 * of the day (daylight saving time). */
static void
arm_midnight (BtClock *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (midnight, 1);
  GTimeSpan until = g_date_time_difference (next, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  /* a second past midnight, so that the day read then is the new one */
  self->midnight_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT,
                                                  (guint) (MAX (until, 0) / G_USEC_PER_SEC) + 1,
                                                  on_midnight_cb, self, NULL);
}

static void
bt_clock_dispose (GObject *object)
{
  BtClock *self = BT_CLOCK (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_handle_id (&self->check_id, g_source_remove);

  G_OBJECT_CLASS (bt_clock_parent_class)->dispose (object);
}

static void
bt_clock_class_init (BtClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bt_clock_dispose;

  /**
   * BtClock::day-changed:
   *
   * The local day is another than when last seen: at midnight, after a
   * suspend, or when the system's time or time zone changed.
   */
  signals[DAY_CHANGED] = g_signal_new ("day-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bt_clock_init (BtClock *self)
{
  g_date_clear (&self->fixed, 1);
  read_today (self, &self->today);
  arm_midnight (self);
  self->check_id = g_timeout_add_seconds (CHECK_SECONDS, on_check_cb, self);
}

/**
 * bt_clock_get_default:
 *
 * Returns: (transfer none): the application's clock
 */
BtClock *
bt_clock_get_default (void)
{
  static BtClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, g_object_new (BT_TYPE_CLOCK, NULL));

  return clock;
}

/**
 * bt_clock_get_today:
 * @today: (out): the local day, as last seen
 */
void
bt_clock_get_today (BtClock *self,
                    GDate   *today)
{
  g_return_if_fail (BT_IS_CLOCK (self));
  g_return_if_fail (today != NULL);

  *today = self->today;
}

/**
 * bt_clock_check:
 *
 * Reads the day now, and emits #BtClock::day-changed if it is another than
 * the one last seen. Called when a window is focused, which is when a
 * person comes back to it, after a night or a suspend.
 */
void
bt_clock_check (BtClock *self)
{
  GDate now;

  g_return_if_fail (BT_IS_CLOCK (self));

  read_today (self, &now);
  if (self->midnight_id == 0)
    arm_midnight (self);
  if (g_date_compare (&now, &self->today) == 0)
    return;

  g_debug ("the day changed");
  self->today = now;
  /* midnight may have come while suspended: the next one is from now */
  arm_midnight (self);
  g_signal_emit (self, signals[DAY_CHANGED], 0);
}

/**
 * bt_today:
 * @today: (out): the default clock's day
 */
void
bt_today (GDate *today)
{
  bt_clock_get_today (bt_clock_get_default (), today);
}

/**
 * bt_clock_set_today_for_testing:
 * @today: (nullable): the day the clock says from now on; %NULL for the
 *   system's
 *
 * For tests: the clock says @today, and emits #BtClock::day-changed when
 * that is another day than before, as it would at midnight.
 */
void
bt_clock_set_today_for_testing (BtClock     *self,
                                const GDate *today)
{
  g_return_if_fail (BT_IS_CLOCK (self));
  g_return_if_fail (today == NULL || g_date_valid (today));

  if (today != NULL)
    self->fixed = *today;
  else
    g_date_clear (&self->fixed, 1);
  bt_clock_check (self);
}
