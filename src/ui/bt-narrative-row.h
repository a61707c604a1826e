/* bt-narrative-row.h — a narrative on the Narratives page, with its words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_NARRATIVE_ROW (bt_narrative_row_get_type ())

G_DECLARE_FINAL_TYPE (BtNarrativeRow, bt_narrative_row, BT, NARRATIVE_ROW, GtkListBoxRow)

GtkWidget *bt_narrative_row_new (BtNarrative *narrative,
                                 BtPlan      *plan);

G_END_DECLS
