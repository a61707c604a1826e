/* make-plan.c — writes a synthetic plan of a given scale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bt-plan-file.h"
#include "bt-synthetic.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BtPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 3)
    {
      fprintf (stderr, "usage: %s SCALE OUT.json\n", argv[0]);
      return 2;
    }

  plan = bt_synthetic_plan (g_ascii_strtod (argv[1], NULL), 47);
  if (!bt_plan_file_export (plan, BT_PLAN_SECTION_ALL, argv[2], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  return 0;
}
