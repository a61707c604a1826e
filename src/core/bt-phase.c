/* bt-phase.c — A stretch of the roadmap, such as “start the shift”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-phase"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-phase.h"
#include "bt-item-define-private.h"

struct _BtPhase
{
  BtItem parent_instance;

  char *title;
  GDate start;
  GDate end;
};

G_DEFINE_FINAL_TYPE (BtPhase, bt_phase, BT_TYPE_ITEM)

BtPhase *
bt_phase_new (void)
{
  return g_object_new (BT_TYPE_PHASE, NULL);
}

/* What the plan file holds of a phase, in its order: one line a field,
 * as bt-item-define-private.h says. */
#define BT_ITEM_SELF BtPhase, bt_phase
#define PHASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  DATE (start, N_("Start"), 0) \
  DATE (end, N_("End"), 0)

BT_DEFINE_ITEM_FIELDS (PHASE_FIELDS)

BT_DEFINE_ITEM_CLASS (BtPhase, bt_phase, N_("Phase"), TRUE)
