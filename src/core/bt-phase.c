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

#define BT_ITEM_SELF BtPhase, bt_phase
BT_DEFINE_ITEM (BT_PHASE_FIELDS, N_("Phase"), TRUE)
