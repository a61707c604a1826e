/* bt-markdown.c — impact statements, business cases and narratives as Markdown
 *
 * For a pull request, a ticket or a memo: an impact statement is the
 * "Summary / Technical details / Business impact" block such descriptions
 * want; a business case is its one page, with its cost table in the plan's
 * currency; a narrative is its story with both. The same text goes to the
 * clipboard from the window and to a file with --export-markdown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-markdown"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-date.h"
#include "bt-markdown.h"
#include "bt-money.h"
#include "bt-number.h"

/* Where a user's text goes in the Markdown written: a line of its own
 * (a heading, emphasis, a quote), a paragraph, or a table's cell. */
typedef enum
{
  MD_INLINE,
  MD_PARAGRAPH,
  MD_CELL,
} MdContext;

static gboolean
is_newline (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

/* Characters that change what the reader sees without being seen: C0 and
 * C1 controls (an ESC starts a terminal's colours) and the bidirectional
 * overrides and isolates. */
static gboolean
is_hidden (gunichar c)
{
  return (g_unichar_type (c) == G_UNICODE_CONTROL && !is_newline (c) && c != '\t') ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Appends @text so that Markdown shows it as written and reads nothing in
 * it: what would be markup is backslash-escaped, hidden characters are
 * dropped, and a line break flattens to a space where the context is one
 * line (@context MD_INLINE or MD_CELL). A paragraph keeps its lines, each
 * with its leading blanks trimmed, so that none starts a heading, a fence,
 * a quote, a list or a code block. */
static void
append_escaped (GString    *out,
                const char *text,
                MdContext   context)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *trimmed = g_strstrip (g_steal_pointer (&valid));
  gboolean line_start = TRUE, pending_space = FALSE;
  guint pending_lines = 0;

  for (const char *p = trimmed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hidden (c))
        continue;
      if (is_newline (c) || (c == '\t' && context != MD_PARAGRAPH))
        {
          if (c == '\r' && p[1] == '\n')
            continue;
          if (is_newline (c) && context == MD_PARAGRAPH)
            {
              pending_lines = MIN (pending_lines + 1, 2);
              pending_space = FALSE;
              line_start = TRUE;
            }
          else if (!line_start || context != MD_PARAGRAPH)
            pending_space = TRUE;
          continue;
        }
      if (c == ' ' || c == '\t')
        {
          /* blanks at a line's start would make it code */
          if (!line_start)
            pending_space = TRUE;
          continue;
        }

      for (; pending_lines > 0; pending_lines--)
        g_string_append_c (out, '\n');
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;

      switch (c)
        {
        case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
        case '<': case '>': case '#': case '|': case '~':
          g_string_append_c (out, '\\');
          break;
        case '!':
          if (p[1] == '[')
            g_string_append_c (out, '\\');
          break;
        case '&':
          /* what would read as an entity */
          if (g_ascii_isalnum (p[1]) || p[1] == '#')
            g_string_append_c (out, '\\');
          break;
        case '-': case '+': case '=':
          /* a list, a rule or the underline of a heading */
          if (line_start)
            g_string_append_c (out, '\\');
          break;
        default:
          break;
        }

      if (line_start && g_ascii_isdigit (c))
        {
          /* "1." or "1)" starts a numbered list */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          g_string_append_len (out, p, q - p);
          if (*q == '.' || *q == ')')
            {
              g_string_append_c (out, '\\');
              g_string_append_c (out, *q);
              q++;
            }
          line_start = FALSE;
          p = q;
          if (*p == '\0')
            break;
          /* the loop steps over one character: go back before it */
          p = g_utf8_prev_char (p);
          continue;
        }

      g_string_append_unichar (out, c);
      line_start = FALSE;
    }
}

static void
heading (GString    *out,
         guint       level,
         const char *text)
{
  /* One blank line before it, whatever came before. */
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  if (out->len > 1 && out->str[out->len - 2] != '\n')
    g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  /* A heading is one line. */
  append_escaped (out, text, MD_INLINE);
  g_string_append (out, "\n\n");
}

static void
paragraph (GString    *out,
           const char *text)
{
  gsize len = out->len;

  append_escaped (out, text, MD_PARAGRAPH);
  if (out->len > len)
    g_string_append (out, "\n\n");
}

/* @text escaped for a line of its own. */
static char *
escaped (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text, MD_INLINE);

  return g_string_free (out, FALSE);
}

/* A table cell: one line, escaped; @markup is written as it is. */
static void
cell_markup (GString    *out,
             const char *markup)
{
  g_string_append_c (out, ' ');
  g_string_append (out, markup);
  g_string_append (out, " |");
}

static void
cell (GString    *out,
      const char *text)
{
  g_string_append_c (out, ' ');
  append_escaped (out, text, MD_CELL);
  g_string_append (out, " |");
}

static void
append_impact_statement (GString           *out,
                         BtImpactStatement *s,
                         guint              level)
{
  g_autofree char *value = bt_impact_value_text (bt_impact_statement_get_impact_value (s),
                                                 bt_impact_statement_get_impact_unit (s));
  const char *detail = bt_impact_statement_get_technical_detail (s);
  const char *impact = bt_impact_statement_get_business_impact (s);

  heading (out, level, _("Summary"));
  paragraph (out, bt_impact_statement_get_summary (s));
  if (*detail)
    {
      heading (out, level, _("Technical details"));
      paragraph (out, detail);
    }
  if (*impact || value != NULL)
    {
      heading (out, level, _("Business impact"));
      paragraph (out, impact);
      if (value != NULL)
        {
          g_autofree char *shown = escaped (value);

          g_string_append_printf (out, "**%s**", shown);
          g_string_append (out, "\n\n");
        }
    }
}

/**
 * bt_markdown_impact_statement:
 *
 * Returns: (transfer full): @statement as the "Summary / Technical details
 *   / Business impact" block of a pull request or a ticket
 */
char *
bt_markdown_impact_statement (BtImpactStatement *statement)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BT_IS_IMPACT_STATEMENT (statement), NULL);

  append_impact_statement (out, statement, 2);
  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/**
 * bt_markdown_case_summary:
 *
 * Returns: (transfer full): what @bc comes to a month and a year in
 *   @currency; one that costs more than it saves says so
 */
char *
bt_markdown_case_summary (BtBusinessCase *bc,
                          const char     *currency)
{
  BtCaseTotals totals = bt_analytics_case_totals (bc);
  g_autofree char *monthly = bt_money_format (fabs (totals.monthly_savings), currency);
  g_autofree char *yearly = bt_money_format (fabs (totals.yearly_savings), currency);

  if (round (totals.monthly_savings) < 0)
    /* TRANSLATORS: a business case that costs more than it saves; amounts are formatted */
    return g_strdup_printf (_("It costs %s more a month, %s more a year, than now."), monthly, yearly);
  if (round (totals.monthly_savings) == 0)
    return g_strdup (_("It saves nothing: it costs as much as now."));
  if (!isnan (totals.payback_months))
    return g_strdup_printf (_("It saves %s a month, %s a year; the ask pays back in %.1f months."),
                            monthly, yearly, bt_number_round (totals.payback_months, 1));

  return g_strdup_printf (_("It saves %s a month, %s a year."), monthly, yearly);
}

static void
append_business_case (GString        *out,
                      BtBusinessCase *bc,
                      const char     *currency,
                      guint           level)
{
  const struct { const char *heading; const char *text; } sections[] = {
    { _("The problem"), bt_business_case_get_problem (bc) },
    { _("What it costs now"), bt_business_case_get_cost (bc) },
    { _("Proposed solution"), bt_business_case_get_solution (bc) },
    { _("The ask"), bt_business_case_get_ask (bc) },
    { _("The return"), bt_business_case_get_expected_return (bc) },
  };
  GListModel *rows = bt_business_case_get_cost_rows (bc);
  guint n_rows = g_list_model_get_n_items (rows);
  const GDate *proposed = bt_business_case_get_proposed_on (bc);
  const GDate *decided = bt_business_case_get_decided_on (bc);
  double ask_cost = bt_business_case_get_ask_cost (bc);
  g_autofree char *summary = bt_markdown_case_summary (bc, currency);
  double now_total = 0, projected_total = 0;

  heading (out, level, bt_business_case_get_title (bc));
  {
    g_autofree char *status = g_strdup_printf (_("Business case · %s"),
                                               bt_enum_to_label (BT_TYPE_CASE_STATUS,
                                                                 bt_business_case_get_status (bc)));

    g_string_append_printf (out, "*%s", status);
    /* Dates as ISO 8601: a memo may travel between languages. */
    if (proposed != NULL)
      {
        g_autofree char *iso = bt_date_to_iso (proposed);
        g_string_append_printf (out, _(" · proposed %s"), iso);
      }
    if (decided != NULL)
      {
        g_autofree char *iso = bt_date_to_iso (decided);
        g_string_append_printf (out, _(" · decided %s"), iso);
      }
    g_string_append (out, "*\n\n");
  }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      if (*sections[i].text == '\0' && !(i == 3 && ask_cost > 0))
        continue;
      heading (out, level + 1, sections[i].heading);
      paragraph (out, sections[i].text);
      if (i == 3 && ask_cost > 0)
        {
          g_autofree char *cost = bt_money_format (ask_cost, currency);
          g_string_append_printf (out, _("One-off cost: %s"), cost);
          g_string_append (out, "\n\n");
        }
    }

  heading (out, level + 1, _("Cost per month, now and projected"));
  g_string_append_c (out, '|');
  cell (out, _("Monthly cost"));
  cell (out, _("Now"));
  cell (out, _("Projected"));
  cell (out, _("Saving"));
  g_string_append (out, "\n| --- | ---: | ---: | ---: |\n");
  for (guint i = 0; i <= n_rows; i++)
    {
      g_autoptr(BtCostRow) row = i < n_rows ? g_list_model_get_item (rows, i) : NULL;
      double now = row ? bt_cost_row_get_current_monthly (row) : now_total;
      double projected = row ? bt_cost_row_get_projected_monthly (row) : projected_total;
      g_autofree char *now_text = bt_money_format (now, currency);
      g_autofree char *projected_text = bt_money_format (projected, currency);
      g_autofree char *saving_text = NULL;
      g_autofree char *total = NULL;

      if (round (now - projected) < 0)
        {
          g_autofree char *more = bt_money_format (projected - now, currency);
          /* TRANSLATORS: the saving of a cost row that costs more than now: "€500 more" */
          saving_text = g_strdup_printf (_("%s more"), more);
        }
      else
        saving_text = bt_money_format (now - projected, currency);

      if (row == NULL)
        {
          g_autofree char *label = escaped (_("Total"));

          total = g_strdup_printf ("**%s**", label);
        }
      g_string_append_c (out, '|');
      if (row != NULL)
        cell (out, bt_cost_row_get_metric (row));
      else
        cell_markup (out, total);
      /* amounts as the plan's currency writes them: no markup in them */
      cell_markup (out, now_text);
      cell_markup (out, projected_text);
      cell_markup (out, saving_text);
      g_string_append_c (out, '\n');
      now_total += row ? now : 0;
      projected_total += row ? projected : 0;
    }
  g_string_append_c (out, '\n');
  paragraph (out, summary);
}

/**
 * bt_markdown_business_case:
 * @currency: the plan's currency, an ISO 4217 code
 *
 * Returns: (transfer full): @bc as its one page: the problem, what it costs,
 *   the solution, the ask and the return, and its table of monthly costs
 */
char *
bt_markdown_business_case (BtBusinessCase *bc,
                           const char     *currency)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BT_IS_BUSINESS_CASE (bc), NULL);

  append_business_case (out, bc, currency, 1);
  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

static void
append_narrative (GString     *out,
                  BtNarrative *n,
                  const char  *currency,
                  guint        level)
{
  GListModel *statements = bt_narrative_get_impact_statements (n);
  GListModel *cases = bt_narrative_get_business_cases (n);
  g_autofree char *audience = escaped (bt_narrative_get_audience (n));
  const char *status = bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, bt_narrative_get_status (n));
  g_autofree char *headline = escaped (bt_narrative_get_headline (n));

  heading (out, level, bt_narrative_get_title (n));
  {
    g_autofree char *meta = *audience ? g_strdup_printf (_("Narrative · %s · for %s"), status, audience)
                                      : g_strdup_printf (_("Narrative · %s"), status);

    g_string_append_printf (out, "*%s*\n\n", meta);
  }
  if (*headline)
    g_string_append_printf (out, "> **%s**\n\n", headline);

  if (g_list_model_get_n_items (statements) > 0)
    heading (out, level + 1, _("Impact statements"));
  for (guint i = 0; i < g_list_model_get_n_items (statements); i++)
    {
      g_autoptr(BtImpactStatement) s = g_list_model_get_item (statements, i);

      /* A rule between statements: their headings repeat. */
      if (i > 0)
        g_string_append (out, "---\n\n");
      append_impact_statement (out, s, level + 2);
    }

  /* Under a heading of their own, as the statements are: a case's title
   * beside "Impact statements" read as a third kind of thing. */
  if (g_list_model_get_n_items (cases) > 0)
    heading (out, level + 1, _("Business cases"));
  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(BtBusinessCase) bc = g_list_model_get_item (cases, i);

      append_business_case (out, bc, currency, level + 2);
    }
}

/**
 * bt_markdown_narrative:
 *
 * Returns: (transfer full): @narrative's story: its headline, each impact
 *   statement's block and each business case's page
 */
char *
bt_markdown_narrative (BtNarrative *narrative,
                       const char  *currency)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BT_IS_NARRATIVE (narrative), NULL);

  append_narrative (out, narrative, currency, 1);
  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

/**
 * bt_markdown_plan:
 * @section: %BT_PLAN_SECTION_ALL or %BT_PLAN_SECTION_NARRATIVES
 *
 * Returns: (transfer full): the plan's narratives as Markdown, under the
 *   person and their goal when @section is all of it
 */
char *
bt_markdown_plan (BtPlan        *plan,
                  BtPlanSection  section)
{
  BtProfile *profile = bt_plan_get_profile (plan);
  GListModel *narratives = bt_plan_get_narratives (plan);
  const char *currency = bt_profile_get_currency (profile);
  GString *out = g_string_new (NULL);
  guint level = 1;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  if (section == BT_PLAN_SECTION_ALL)
    {
      const char *name = bt_profile_get_name (profile);
      g_autofree char *current = escaped (bt_profile_get_current_role (profile));
      g_autofree char *target = escaped (bt_profile_get_target_role (profile));
      const GDate *date = bt_profile_get_target_date (profile);

      heading (out, 1, *name ? name : _("Narratives"));
      if (*current && *target && date != NULL)
        {
          g_autofree char *iso = bt_date_to_iso (date);
          /* TRANSLATORS: "Director of Engineering → VP Engineering by 2028-06-30" */
          g_string_append_printf (out, _("%s → %s by %s"), current, target, iso);
          g_string_append (out, "\n\n");
        }
      else if (*current || *target)
        paragraph (out, *target ? target : current);
      level = 2;
    }

  if (g_list_model_get_n_items (narratives) == 0)
    paragraph (out, _("No narratives yet."));

  for (guint i = 0; i < g_list_model_get_n_items (narratives); i++)
    {
      g_autoptr(BtNarrative) n = g_list_model_get_item (narratives, i);

      append_narrative (out, n, currency, level);
    }

  g_strchomp (out->str);
  g_string_set_size (out, strlen (out->str));
  g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}
