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

enum {
  PROP_0,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtPhase *
bt_phase_new (void)
{
  return g_object_new (BT_TYPE_PHASE, NULL);
}

/* What the plan file holds of a phase, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_phase_set_title),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtPhase, title) },
  { "start", .label = N_("Start"), .set = G_CALLBACK (bt_phase_set_start),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtPhase, start) },
  { "end", .label = N_("End"), .set = G_CALLBACK (bt_phase_set_end),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtPhase, end) },
};

BT_DEFINE_ITEM_CLASS (BtPhase, bt_phase, N_("Phase"), TRUE)

BT_DEFINE_TEXT_ACCESSORS (BtPhase, bt_phase, title, PROP_TITLE)
BT_DEFINE_DATE_ACCESSORS (BtPhase, bt_phase, start, PROP_START)
BT_DEFINE_DATE_ACCESSORS (BtPhase, bt_phase, end, PROP_END)
