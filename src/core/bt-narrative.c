/* bt-narrative.c — The story of the team's value told to an audience.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-narrative"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-narrative.h"
#include "bt-item-define-private.h"

struct _BtNarrative
{
  BtItem parent_instance;

  char *title;
  char *audience;
  char *headline;
  BtNarrativeStatus status;
  GDate target_date;
  BtItemList *impact_statements;
  BtItemList *business_cases;
};

#define BT_ITEM_SELF BtNarrative, bt_narrative
BT_DEFINE_ITEM_WITH_LISTS (BT_NARRATIVE_FIELDS, BT_NARRATIVE_LISTS, N_("Narrative"), TRUE)
