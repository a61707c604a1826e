/* bt-plan-file.h — the plan's JSON file: reading, checking, writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"
#include "bt-safe-file.h"

G_BEGIN_DECLS

#define BT_PLAN_FORMAT     "breakthrough-plan"
#define BT_PLAN_VERSION    1
/* Limits a real plan never reaches (ten years of weekly data is under
 * 1 MiB); they keep hostile files from exhausting memory or the stack. */
#define BT_PLAN_MAX_BYTES  (128 * 1024 * 1024)
#define BT_PLAN_MAX_DEPTH  64
#define BT_PLAN_MAX_ERRORS 20
/* JSON values (objects, lists, strings, numbers, true, false, null) and,
 * the dearest of them, objects and lists: what json-glib holds in memory
 * grows with their count more than with the bytes (some 300 bytes for an
 * empty object). The benchmark's plan of 100 years of weeks, 87 MB, holds
 * 1.9 million values, 0.4 million of them objects and lists. */
#define BT_PLAN_MAX_VALUES  3000000
#define BT_PLAN_MAX_OBJECTS 1000000

#define BT_PLAN_FILE_ERROR (bt_plan_file_error_quark ())

typedef enum
{
  BT_PLAN_FILE_ERROR_TOO_LARGE,
  BT_PLAN_FILE_ERROR_EMPTY,
  BT_PLAN_FILE_ERROR_ENCODING,
  BT_PLAN_FILE_ERROR_TOO_DEEP,
  BT_PLAN_FILE_ERROR_SYNTAX,
  BT_PLAN_FILE_ERROR_NOT_A_PLAN,
  BT_PLAN_FILE_ERROR_INVALID,
  BT_PLAN_FILE_ERROR_READ_ONLY,
  BT_PLAN_FILE_ERROR_UNSAVEABLE,
} BtPlanFileError;

typedef enum
{
  BT_PLAN_SECTION_ALL,
  BT_PLAN_SECTION_PROFILE,
  BT_PLAN_SECTION_ROADMAP,
  BT_PLAN_SECTION_TIME,
  BT_PLAN_SECTION_RELATIONSHIPS,
  BT_PLAN_SECTION_NARRATIVES,
  BT_PLAN_SECTION_CHECK_INS,
} BtPlanSection;

GQuark      bt_plan_file_error_quark      (void);

gboolean    bt_plan_section_from_string   (const char     *text,
                                           BtPlanSection  *section);
const char *bt_plan_section_to_string     (BtPlanSection   section);

BtPlan     *bt_plan_file_load_bytes       (GBytes         *bytes,
                                           GError        **error);
BtPlan     *bt_plan_file_load             (const char     *path,
                                           GError        **error);
GBytes     *bt_plan_file_serialize        (BtPlan         *plan,
                                           BtPlanSection   section,
                                           GError        **error);
gboolean    bt_plan_file_save             (BtPlan         *plan,
                                           const char     *path,
                                           GError        **error);
gboolean    bt_plan_file_export           (BtPlan         *plan,
                                           BtPlanSection   section,
                                           const char     *path,
                                           GError        **error);
GBytes     *bt_plan_file_export_bytes     (BtPlan         *plan,
                                           BtPlanSection   section,
                                           GError        **error);
gboolean    bt_plan_file_write_private    (const char     *path,
                                           const char     *data,
                                           gsize           length,
                                           gboolean        keep_backup,
                                           GError        **error);
char       *bt_plan_file_default_path     (void);
gboolean    bt_plan_file_check_saveable   (BtPlan         *plan,
                                           const char     *path,
                                           GError        **error);
BtPlan     *bt_plan_file_load_sample      (GError        **error);
BtPlan     *bt_plan_file_load_sample_at   (const GDate    *today,
                                           GError        **error);
char       *bt_plan_file_describe         (BtPlan         *plan);
gboolean    bt_plan_file_field_is_required (GType          type,
                                            const char    *property);
gboolean    bt_plan_file_field_check      (GType           type,
                                           const char     *property,
                                           const GValue   *value,
                                           GError        **error);
const char *bt_plan_file_field_member     (GType           type,
                                           const char     *property);

char        *bt_plan_file_quote_text          (const char     *text);

G_END_DECLS
