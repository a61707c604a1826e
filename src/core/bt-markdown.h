/* bt-markdown.h — impact statements, business cases and narratives as Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"
#include "bt-plan-file.h"

G_BEGIN_DECLS

char *bt_markdown_impact_statement (BtImpactStatement *statement);
char *bt_markdown_case_summary     (BtBusinessCase    *bc,
                                    const char        *currency);
char *bt_markdown_business_case    (BtBusinessCase    *bc,
                                    const char        *currency);
char *bt_markdown_narrative        (BtNarrative       *narrative,
                                    const char        *currency);
char *bt_markdown_plan             (BtPlan            *plan,
                                    BtPlanSection      section);

G_END_DECLS
