/* bt-phase.c — A stretch of the roadmap, such as “start the shift”.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a phase, in its order: one line a field,
 * as bt-item-define-private.h says. */
#define PHASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  DATE (start, N_("Start"), 0) \
  DATE (end, N_("End"), 0)

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

#define BT_ITEM_SELF BtPhase, bt_phase
BT_DEFINE_ITEM (PHASE_FIELDS, N_("Phase"), TRUE)
