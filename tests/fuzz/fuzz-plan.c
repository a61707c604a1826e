/* fuzz-plan.c — the plan loader on any bytes: it refuses with a message or
 * gives a plan that saves, and the saved text loads back to the same text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bt-plan-file.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_bytes (bytes, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(BtPlan) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  /* A plan from a newer version is never written; any other saves. */
  saved = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  if (saved == NULL)
    return 0;

  again = bt_plan_file_load_bytes (saved, &error);
  if (again == NULL)
    g_error ("a saved plan does not load: %s", error->message);
  saved_again = bt_plan_file_serialize (again, BT_PLAN_SECTION_ALL, &error);
  g_assert_nonnull (saved_again);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("a saved plan does not read back the same");

  return 0;
}
