/* bt-impact-statement.c — A piece of work reframed in business terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

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
BT_DEFINE_ITEM (BT_IMPACT_STATEMENT_FIELDS, N_("Impact Statement"), TRUE)
