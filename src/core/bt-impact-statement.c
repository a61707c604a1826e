/* bt-impact-statement.c — A piece of work reframed in business terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of an impact statement, in its order. */
#define IMPACT_STATEMENT_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (summary, N_("Summary"), BT_FIELD_REQUIRED) \
  TEXT (technical_detail, N_("Technical details"), BT_FIELD_LONG_TEXT) \
  TEXT (business_impact, N_("Business impact"), BT_FIELD_LONG_TEXT) \
  NUMBER (impact_value, N_("Impact, as a number"), 0, -1e12, 1e12, 0.0) \
  TEXT (impact_unit, N_("Unit of the impact"), 0)

#define G_LOG_DOMAIN "bt-impact-statement"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-impact-statement.h"
#include "bt-item-define-private.h"

struct _BtImpactStatement
{
  BtItem parent_instance;

  char *summary;
  char *technical_detail;
  char *business_impact;
  double impact_value;
  char *impact_unit;
};

#define BT_ITEM_SELF BtImpactStatement, bt_impact_statement
BT_DEFINE_ITEM (IMPACT_STATEMENT_FIELDS, N_("Impact Statement"), TRUE)
