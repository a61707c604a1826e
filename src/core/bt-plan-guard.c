/* bt-plan-guard.c — the bytes of a plan file, checked before json-glib
 * parses them
 *
 * One pass refuses what would hurt json-glib 1.6 or what it would report
 * badly: oversized input, nesting deep enough to overflow its recursive
 * parser, numbers it would wrap, escapes it would turn into bytes that are
 * not UTF-8, a second document. Every refusal says its line and column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-guard"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-plan-guard-private.h"

void
bt_plan_scan_init (BtPlanScan *scan)
{
  *scan = (BtPlanScan) {
    .outer_arrays = g_array_new (FALSE, FALSE, sizeof (int)),
  };

  for (guint i = 0; i < N_LISTS; i++)
    scan->list_position[i] = -1;
}

void
bt_plan_scan_clear (BtPlanScan *scan)
{
  g_clear_pointer (&scan->outer_arrays, g_array_unref);
}

/* Where @at is in @data, for a message: its line and its column in
 * characters, both from 1. The text before @at must be UTF-8. */
static void
locate (const char *data,
        const char *at,
        guint      *line,
        guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < at; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, at - line_start) + 1;
}

static void
encoding_error (const char  *data,
                const char  *at,
                GError     **error)
{
  guint line, column;

  locate (data, at, &line, &column);
  if (*at == '\0')
    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                 _("line %u, column %u: the file contains a NUL byte; a plan is UTF-8 text"),
                 line, column);
  else
    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                 _("line %u, column %u: the text is not valid UTF-8"),
                 line, column);
}

/* The first byte of @data that is not UTF-8 text (a NUL included), if
 * there is one before @end: then that is the problem to report. */
gboolean
bt_plan_guard_refuse_encoding (const char  *data,
                               const char  *end,
                               GError     **error)
{
  const char *invalid;

  if (g_utf8_validate_len (data, end - data, &invalid))
    return FALSE;

  encoding_error (data, invalid, error);
  return TRUE;
}

/* For a problem the scan found at @at: TRUE, with its line and column, when
 * it is the first in the file; FALSE, with @error set, when text before it
 * is not UTF-8, which is then the problem to report. */
static gboolean
locate_problem (const char  *data,
                const char  *at,
                guint       *line,
                guint       *column,
                GError     **error)
{
  if (bt_plan_guard_refuse_encoding (data, at, error))
    return FALSE;

  locate (data, at, line, column);
  return TRUE;
}

static gboolean check_number_slow (const char  *data,
                                   const char  *token,
                                   gsize        length,
                                   GError     **error);

/* Whether @token is a number as JSON writes it: -?(0|[1-9][0-9]*)
 * (.[0-9]+)?([eE][+-]?[0-9]+)?. json-glib 1.6 also reads "01", ".5",
 * "1." and, as hexadecimal, "0x1f"; saved again they would be other
 * numbers, or none. */
static gboolean
is_json_number (const char *p,
                gsize       length)
{
  const char *end = p + length;

  if (p < end && *p == '-')
    p++;
  if (p == end || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      if (++p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  return p == end;
}

static gboolean
refuse_number (const char  *data,
               const char  *token,
               gsize        length,
               GError     **error)
{
  g_autofree char *text = g_strndup (token, MIN (length, 40));
  guint line, column;

  if (locate_problem (data, token, &line, &column, error))
    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                 /* TRANSLATORS: %s is what the file has, such as 01 or .5 */
                 _("line %u, column %u: not valid JSON: %s is not a number as JSON writes one "
                   "(such as 12, 0.5 or -3)"),
                 line, column, text);
  return FALSE;
}

/* json-glib 1.6 wraps integers beyond 64 bits around (99999999999999999999
 * reads as -1) and turns 1e400 into infinity. Both are refused here, before
 * a wrapped value could pass as a plausible one. */
static gboolean
check_number (const char  *data,
              const char  *token,
              gsize        length,
              GError     **error)
{
  /* Integers of up to 15 digits are always exact: the common case. */
  gsize digits_only = 0;

  while (digits_only < length && g_ascii_isdigit (token[digits_only]))
    digits_only++;
  if (digits_only == length && length <= 15)
    return length == 1 || token[0] != '0' ? TRUE : refuse_number (data, token, length, error);
  if (!is_json_number (token, length))
    return refuse_number (data, token, length, error);

  /* A fraction without an exponent is finite, and json-glib reads it as a
   * double: nothing to check either. */
  if (memchr (token, 'e', length) == NULL && memchr (token, 'E', length) == NULL &&
      memchr (token, '.', length) != NULL && length < 64)
    return TRUE;

  return check_number_slow (data, token, length, error);
}

static gboolean
check_number_slow (const char  *data,
                   const char  *token,
                   gsize        length,
                   GError     **error)
{
  char buf[64];
  gboolean integer = TRUE;
  const char *digits = buf;
  gsize n_digits;
  guint line, column;

  if (length >= sizeof buf)
    {
      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number is too long to be read exactly"),
                     line, column);
      return FALSE;
    }

  memcpy (buf, token, length);
  buf[length] = '\0';

  for (gsize i = 0; i < length; i++)
    if (buf[i] == '.' || buf[i] == 'e' || buf[i] == 'E')
      integer = FALSE;

  if (!integer)
    {
      if (isfinite (g_ascii_strtod (buf, NULL)))
        return TRUE;

      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number %s is too large to be a number at all"),
                     line, column, buf);
      return FALSE;
    }

  if (*digits == '-')
    digits++;
  n_digits = strlen (digits);

  if (n_digits > 16 || (n_digits == 16 && g_ascii_strtoull (digits, NULL, 10) > (guint64) BT_MAX_SAFE_INTEGER))
    {
      if (locate_problem (data, token, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: the number %s is beyond ±2^53 and cannot be read exactly"),
                     line, column, buf);
      return FALSE;
    }

  return TRUE;
}

/* Bytes that end a run of plain text inside a string: its end and an
 * escape. A line break, a NUL or a byte that is not UTF-8 is plain here:
 * json-glib checks the whole text is UTF-8 before it parses any of it, and
 * where it refuses, the loader says where (bt_plan_guard_refuse_encoding()). */
static const gboolean string_special[256] = {
  ['"'] = TRUE, ['\\'] = TRUE,
};

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)
/* Non-zero when one of the eight bytes of x is zero. */
#define HAS_ZERO_BYTE(x) (((x) - ONES) & ~(x) & HIGHS)

/* Where the text of a string stops being plain: the first byte that
 * string_special names, or @end. Most of a plan is text, so eight bytes at
 * a time while none of them matters. */
static inline const char *
skip_plain_text (const char *p,
                 const char *end)
{
  while (end - p >= 8)
    {
      guint64 x, found;

      memcpy (&x, p, sizeof x);
      found = HAS_ZERO_BYTE (x ^ (ONES * '"')) | HAS_ZERO_BYTE (x ^ (ONES * '\\'));
      if (found != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
          /* The lowest flag is exact (only flags above a zero byte can be
           * false), and the lowest byte comes first. */
          return p + (__builtin_ctzll (found) >> 3);
#else
          break;
#endif
        }
      p += 8;
    }

  while (p < end && !string_special[(unsigned char) *p])
    p++;

  return p;
}

/* What a byte outside strings means to bt_plan_guard_scan(). */
enum
{
  OUT_OTHER = 0,   /* letters, ':' and anything else json-glib judges */
  OUT_SPACE,       /* nothing: skipped */
  OUT_QUOTE,
  OUT_NUMBER,
  OUT_OPEN,
  OUT_CLOSE,
  OUT_COMMA,
  OUT_UNSURE,      /* json-glib 1.6 also takes comments and 'strings' */
};

static const guint8 outside_class[256] = {
  [' '] = OUT_SPACE, ['\t'] = OUT_SPACE, ['\r'] = OUT_SPACE, ['\f'] = OUT_SPACE, ['\v'] = OUT_SPACE,
  ['\n'] = OUT_SPACE,
  ['"'] = OUT_QUOTE,
  ['-'] = OUT_NUMBER, ['0' ... '9'] = OUT_NUMBER,
  ['.'] = OUT_NUMBER, ['+'] = OUT_NUMBER,   /* no JSON number starts so: refused by its grammar */
  ['{'] = OUT_OPEN, ['['] = OUT_OPEN,
  ['}'] = OUT_CLOSE, [']'] = OUT_CLOSE,
  [','] = OUT_COMMA,
  ['#'] = OUT_UNSURE, ['/'] = OUT_UNSURE, ['\''] = OUT_UNSURE,
};

static inline gboolean
is_number_char (char c)
{
  return g_ascii_isdigit (c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

static inline gboolean
is_json_word (const char *word,
              gsize       length)
{
  return (length == 4 && (memcmp (word, "true", 4) == 0 || memcmp (word, "null", 4) == 0)) ||
         (length == 5 && memcmp (word, "false", 5) == 0);
}

static int
list_from_member (const char *name,
                  gsize       length)
{
  /* by length first: the name's bytes may hold a NUL, which json-glib
   * refuses later */
  for (guint i = 0; i < N_LISTS; i++)
    if (strlen (bt_plan_lists[i].member) == length && memcmp (bt_plan_lists[i].member, name, length) == 0)
      return i;

  return -1;
}

/* The value of the four hex digits after "\\u" at @p, or -1. */
static int
unicode_escape_value (const char *p,
                      const char *end)
{
  int value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;
  for (int i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* json-glib 1.6 takes "\u0000" and then cuts the string at it: a value
 * loses its end and a member name can become another member's (data loss
 * on the next save). A surrogate that is not one half of a pair it reports
 * as an "unterminated string constant" or an "unexpected character". Both
 * refused here, with their place. Bad hex digits are json-glib's to report. */
static gboolean
check_unicode_escape (const char  *data,
                      const char **at,
                      const char  *end,
                      GError     **error)
{
  const char *p = *at;
  int value = unicode_escape_value (p, end);
  guint line, column;

  if (value == 0)
    {
      if (locate_problem (data, p, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                     _("line %u, column %u: the text contains \\u0000, a NUL character; a plan holds none"),
                     line, column);
      return FALSE;
    }

  if (value >= 0xdc00 && value <= 0xdfff)
    {
      if (locate_problem (data, p, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                     _("line %u, column %u: the text contains \\u%.4s, a lone UTF-16 surrogate "
                       "(the second half of a pair without the first)"),
                     line, column, p + 2);
      return FALSE;
    }

  if (value >= 0xd800 && value <= 0xdbff)
    {
      int low = unicode_escape_value (p + 6, end);

      if (low < 0xdc00 || low > 0xdfff)
        {
          if (locate_problem (data, p, &line, &column, error))
            g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_ENCODING,
                         _("line %u, column %u: the text contains \\u%.4s, a lone UTF-16 surrogate "
                           "(the first half of a pair without the second)"),
                         line, column, p + 2);
          return FALSE;
        }
      *at = p + 6;
    }

  return TRUE;
}

/* A member's name as the file writes it, for finding one given twice. */
typedef struct
{
  const char *start;
  gsize       length;
} NameSpan;

/* A name's bytes up to its closing quote: the scan looks for duplicates
 * only among names without an escape, which end at their first '"'. */
static guint
name_hash (gconstpointer key)
{
  guint h = 5381;

  for (const char *p = key; *p != '"'; p++)
    h = h * 33 + (guchar) *p;

  return h;
}

static gboolean
name_equal (gconstpointer a,
            gconstpointer b)
{
  const char *p = a, *q = b;

  while (*p == *q && *p != '"')
    p++, q++;

  return *p == '"' && *q == '"';
}

/* Past this many members, an object's names go into a hash table: one
 * object of a million names (13 MB, within every limit) took minutes
 * compared one by one. */
#define NAMES_LISTED 16

/* TRUE when the name from @start to @p is already among the names of the
 * object being read: @names from @from on, or @set once it has one. Adds
 * it otherwise. */
static gboolean
name_taken (GArray      *names,
            guint        from,
            GHashTable **set,
            const char  *start,
            const char  *p)
{
  gsize length = p - start;
  NameSpan span = { start, length };

  if (*set != NULL)
    {
      if (!g_hash_table_add (*set, (gpointer) start))
        return TRUE;
      return FALSE;
    }

  for (guint i = from; i < names->len; i++)
    {
      NameSpan *other = &g_array_index (names, NameSpan, i);

      if (other->length == length && memcmp (other->start, start, length) == 0)
        return TRUE;
    }

  g_array_append_val (names, span);
  if (names->len - from > NAMES_LISTED)
    {
      *set = g_hash_table_new (name_hash, name_equal);
      for (guint i = from; i < names->len; i++)
        g_hash_table_add (*set, (gpointer) g_array_index (names, NameSpan, i).start);
      g_array_set_size (names, from);
    }

  return FALSE;
}

/* Refuses, before json-glib parses anything, input that could hurt it or
 * that it would report badly: numbers it would wrap, escapes it would turn
 * into bytes that are not UTF-8, a second document after the first, and
 * nesting deeper than any plan needs (json-glib 1.6 recurses once per
 * level). One pass, which looks inside a string only for its end and its
 * escapes; lines and columns are counted only for a message. Text that is
 * not UTF-8 json-glib refuses before it parses anything; a problem found
 * here after such text is reported as that text instead, so that either
 * way the first problem in the file is the one reported.
 *
 * On the way it notes, for reading while parsing, the root's members and
 * the arrays that are not inside another array (see bt-plan-load.c).
 * In valid JSON the string before a '[' met in the root object is that
 * member's name; in anything else the parse fails and what was noted is
 * never used. */
static gboolean
guard_scan (BtPlanScan  *scan,
            const char  *data,
            gsize        length,
            GHashTable **name_sets,
            GError     **error)
{
  guint depth = 0, arrays_open = 0, n_members = 0, line, column;
  guint64 n_values = 0;   /* objects, lists, strings, numbers, true, false, null */
  guint64 n_containers = 0;   /* objects and lists: the dearest */
  gboolean in_string = FALSE, any = FALSE;
  gboolean root_is_object = FALSE, expect_name = FALSE, in_name = FALSE, root_done = FALSE;
  const char *name_start = NULL;
  int member_list = -1;   /* the list named by the root member being read */
  const char *end = data + length;
  /* json-glib keeps the last of two members of one name in an object and
   * says nothing: a file edited by hand could lose a whole list that way
   * at its next save. The names of each open object are kept, as written;
   * one written with an escape may equal another written without, and
   * then bt_plan_duplicates_watch() checks the parse instead. */
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (NameSpan));
  guint names_from[BT_PLAN_MAX_DEPTH + 2] = { 0 };
  gboolean is_object[BT_PLAN_MAX_DEPTH + 2] = { FALSE };
  gboolean want_name = FALSE, in_any_name = FALSE;
  char prev_sig = '\0', last;   /* the byte before this one, outside strings and spaces */
  const char *prev_sig_at = data, *last_at;
  const char *string_start = data;
  const char *any_name_start = NULL;

  const char *p = data;

  while (p < end)
    {
      char c;

      if (in_string)
        {
          p = skip_plain_text (p, end);
          if (p == end)
            break;
          c = *p;

          if (c == '\\')
            {
              /* JSON knows eight escapes and \u. json-glib 1.6 also takes C's
               * octal ones, which can make bytes that are not UTF-8 (found by
               * fuzz-plan): refused here, where the place can be told. */
              if (p + 1 >= end || p[1] == '\0' || strchr ("\"\\/bfnrtu", p[1]) == NULL)
                {
                  if (locate_problem (data, p, &line, &column, error))
                    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                                 _("line %u, column %u: not valid JSON: a backslash in a string must start one of "
                                   "\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u"),
                                 line, column);
                  return FALSE;
                }
              if (in_name)
                scan->unsure = TRUE;   /* the name is not the bytes */
              if (in_any_name)
                scan->escaped_names = TRUE;
              if (p[1] == 'u' && !check_unicode_escape (data, &p, end, error))
                return FALSE;
              p++;   /* the escaped character */
            }
          else /* the closing '"' */
            {
              in_string = FALSE;
              if (in_any_name)
                {
                  if (!scan->escaped_names &&
                      name_taken (names, names_from[depth], &name_sets[depth], any_name_start, p))
                    {
                      g_autofree char *name = g_strndup (any_name_start, p - any_name_start);
                      g_autofree char *quoted = NULL;

                      if (locate_problem (data, any_name_start - 1, &line, &column, error))
                        {
                          quoted = bt_plan_file_quote_text (name);
                          g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
                                       /* TRANSLATORS: %s is a member's name in quotes, such as
                                        * "relationships" */
                                       _("line %u, column %u: %s is given a second time in the same "
                                         "object; JSON keeps only one, so the file is not read, to lose "
                                         "nothing: keep one of the two"),
                                       line, column, quoted);
                        }
                      return FALSE;
                    }
                  in_any_name = FALSE;
                }
              if (in_name)
                {
                  member_list = list_from_member (name_start, p - name_start);
                  if (member_list >= 0 && scan->list_count[member_list]++ == 0)
                    scan->list_position[member_list] = n_members;
                  n_members++;
                  in_name = expect_name = FALSE;
                }
            }
          p++;
          continue;
        }

      while (p < end && outside_class[(unsigned char) *p] == OUT_SPACE)
        p++;
      if (p == end)
        break;
      c = *p;
      any = TRUE;

      /* json-glib 1.6 reads a second document after the first, keeps the
       * first and loses (and leaks) the rest: saving would then write less
       * than the file held. */
      if (root_done)
        {
          if (locate_problem (data, p, &line, &column, error))
            g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                         _("line %u, column %u: not valid JSON: there is more after the end of the plan"),
                         line, column);
          return FALSE;
        }

      last = prev_sig;
      last_at = prev_sig_at;
      prev_sig = c;
      prev_sig_at = p;
      switch (outside_class[(unsigned char) c])
        {
        case OUT_QUOTE:
          in_string = TRUE;
          string_start = p;
          n_values++;   /* a member's name is taken back at its ':' */
          if (want_name && is_object[depth])
            {
              in_any_name = TRUE;
              want_name = FALSE;
              any_name_start = p + 1;
            }
          if (expect_name && depth == 1)
            {
              in_name = TRUE;
              name_start = p + 1;
            }
          break;

        case OUT_NUMBER:
          {
            const char *token = p;

            n_values++;
            while (p + 1 < end && is_number_char (p[1]))
              p++;
            /* "0x1f": hexadecimal to json-glib 1.6, no number to JSON */
            if (p + 1 < end && (g_ascii_isalnum (p[1]) || p[1] == '_'))
              {
                while (p + 1 < end && (g_ascii_isalnum (p[1]) || p[1] == '_'))
                  p++;
                return refuse_number (data, token, p + 1 - token, error);
              }
            if (!check_number (data, token, p + 1 - token, error))
              return FALSE;
          }
          break;

        case OUT_OPEN:
          n_values++;
          n_containers++;
          if (depth == 0 && c == '{' && scan->outer_arrays->len == 0)
            {
              root_is_object = TRUE;
              expect_name = TRUE;
            }
          if (c == '[' && arrays_open++ == 0)
            {
              int list = root_is_object && depth == 1 ? member_list : -1;
              g_array_append_val (scan->outer_arrays, list);
            }
          if (++depth <= BT_PLAN_MAX_DEPTH)
            {
              is_object[depth] = c == '{';
              names_from[depth] = names->len;
              want_name = c == '{';
            }
          else
            {
              if (locate_problem (data, p, &line, &column, error))
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_DEEP,
                             _("line %u: the data is nested more than %d levels deep; a plan needs far fewer"),
                             line, BT_PLAN_MAX_DEPTH);
              return FALSE;
            }
          break;

        case OUT_CLOSE:
          /* json-glib 1.6 names the wrong bracket here */
          if (last == ',')
            {
              if (locate_problem (data, last_at, &line, &column, error))
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                             /* TRANSLATORS: %c is } or ] */
                             _("line %u, column %u: not valid JSON: a comma before “%c”; JSON has none after "
                               "the last member or element"),
                             line, column, c);
              return FALSE;
            }
          if (depth > 0)
            {
              g_array_set_size (names, names_from[depth]);
              g_clear_pointer (&name_sets[depth], g_hash_table_unref);
            }
          want_name = FALSE;
          if (depth > 0 && --depth == 0)
            root_done = TRUE;
          if (c == ']' && arrays_open > 0)
            arrays_open--;
          break;

        case OUT_COMMA:
          want_name = is_object[depth];
          if (depth == 1)
            {
              expect_name = root_is_object;
              member_list = -1;
            }
          break;

        case OUT_UNSURE:
          /* json-glib 1.6 also reads comments and 'strings': a comment
           * would be gone at the next save, and a quote inside either
           * would put this scan out of step with the parser, past every
           * check that follows. Refused, as JSON has neither. */
          if (locate_problem (data, p, &line, &column, error))
            {
              if (c == '\'')
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                             _("line %u, column %u: not valid JSON: a text must be in double quotes (\"), "
                               "not single ones (')"),
                             line, column);
              else
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                             /* TRANSLATORS: %c is the character, / or # */
                             _("line %u, column %u: not valid JSON: JSON has no comments, and “%c” has no place "
                               "outside a text in double quotes"),
                             line, column, c);
            }
          return FALSE;

        case OUT_OTHER:
        default:
          if (c == ':' && n_values > 0)
            n_values--;
          else if (g_ascii_isalpha (c) || c == '_' || c == '$')
            {
              const char *word = p;

              n_values++;   /* true, false, null: one word */
              while (p + 1 < end && (g_ascii_isalnum (p[1]) || p[1] == '_' || p[1] == '$'))
                p++;
              /* json-glib 1.6 also reads "var plan = {…};", and takes a
               * word after a number as part of it (0x1f) */
              if (!is_json_word (word, p + 1 - word))
                {
                  g_autofree char *text = g_strndup (word, MIN (p + 1 - word, 40));

                  if (locate_problem (data, word, &line, &column, error))
                    g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                                 /* TRANSLATORS: %s is a word the file has where a value should be */
                                 _("line %u, column %u: not valid JSON: “%s” is not a value; a text must be "
                                   "in double quotes, and JSON's only words are true, false and null"),
                                 line, column, text);
                  return FALSE;
                }
            }
          break;
        }

      /* json-glib 1.6 needs about 300 bytes for each empty object (found
       * by a tester: 5 million "{}" in 15 MB took 1.5 GB): the count of
       * values, not only the size of the file, bounds the memory. */
      if (G_UNLIKELY (n_values > BT_PLAN_MAX_VALUES || n_containers > BT_PLAN_MAX_OBJECTS))
        {
          if (locate_problem (data, p, &line, &column, error))
            {
              if (n_containers > BT_PLAN_MAX_OBJECTS)
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                             _("line %u, column %u: the file holds more than %d objects and lists, "
                               "far more than any plan"),
                             line, column, BT_PLAN_MAX_OBJECTS);
              else
                g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_TOO_LARGE,
                             _("line %u, column %u: the file holds more than %d values (texts, numbers, "
                               "objects, lists), far more than any plan"),
                             line, column, BT_PLAN_MAX_VALUES);
            }
          return FALSE;
        }
      p++;
    }

  if (!any)
    {
      g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_EMPTY,
                   _("the file is empty"));
      return FALSE;
    }

  /* json-glib 1.6 reports the last value it read as unexpected; the
   * usual cause is a file cut short, by a full disk or a copy stopped
   * half-way. */
  if (in_string)
    {
      if (locate_problem (data, string_start, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     _("line %u, column %u: not valid JSON: a text in double quotes is not closed before the "
                       "file ends: it may have been cut short"),
                     line, column);
      return FALSE;
    }
  if (depth > 0)
    {
      if (locate_problem (data, end, &line, &column, error))
        g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_SYNTAX,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "line %u, column %u: the file ends with %u object or list still open: "
                                  "it may have been cut short",
                                  "line %u, column %u: the file ends with %u objects or lists still open: "
                                  "it may have been cut short", depth),
                     line, column, depth);
      return FALSE;
    }

  return TRUE;
}

gboolean
bt_plan_guard_scan (BtPlanScan  *scan,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  /* for each open object, its names once they are many (name_taken()) */
  GHashTable *name_sets[BT_PLAN_MAX_DEPTH + 2] = { NULL };
  gboolean ok = guard_scan (scan, data, length, name_sets, error);

  for (guint i = 0; i < G_N_ELEMENTS (name_sets); i++)
    g_clear_pointer (&name_sets[i], g_hash_table_unref);

  return ok;
}

/* Members of one name in one object: a file edited by hand or merged as
 * text can have a list twice, and json-glib keeps the last one only, so
 * the next save would write less than the file held. Each object's
 * members are counted as the parser adds them; an object that holds fewer
 * than were added has had one replaced. The parser's signals have no
 * marshaller of their own (see bt-plan-load.c): these know their types. */
static void
on_object_start (GClosure     *closure,
                 GValue       *return_value,
                 guint         n_values,
                 const GValue *values,
                 gpointer      hint,
                 gpointer      data)
{
  BtPlanDuplicates *duplicates = closure->data;
  BtPlanObjectCount open = { 0, json_parser_get_current_line (g_value_get_object (&values[0])) };

  g_array_append_val (duplicates->counts, open);
}

static void
on_object_member (GClosure     *closure,
                  GValue       *return_value,
                  guint         n_values,
                  const GValue *values,
                  gpointer      hint,
                  gpointer      data)
{
  BtPlanDuplicates *duplicates = closure->data;
  JsonObject *object = g_value_get_boxed (&values[1]);
  BtPlanObjectCount *open;

  if (duplicates->counts->len == 0)
    return;
  open = &g_array_index (duplicates->counts, BtPlanObjectCount, duplicates->counts->len - 1);
  if (++open->members > json_object_get_size (object) && duplicates->name == NULL)
    {
      duplicates->name = g_value_dup_string (&values[2]);
      duplicates->line = open->line;
    }
  /* The parser has taken the comma after this member: its line, at or
   * just before the next member's name. */
  open->line = json_parser_get_current_line (g_value_get_object (&values[0]));
}

static void
on_object_end (GClosure     *closure,
               GValue       *return_value,
               guint         n_values,
               const GValue *values,
               gpointer      hint,
               gpointer      data)
{
  BtPlanDuplicates *duplicates = closure->data;

  if (duplicates->counts->len > 0)
    g_array_set_size (duplicates->counts, duplicates->counts->len - 1);
}

static void
connect_with (JsonParser       *parser,
              const char       *signal,
              GClosureMarshal   marshal,
              BtPlanDuplicates *duplicates)
{
  GClosure *closure = g_closure_new_simple (sizeof (GClosure), duplicates);

  g_closure_set_marshal (closure, marshal);
  g_signal_connect_closure (parser, signal, closure, FALSE);
}

/**
 * bt_plan_duplicates_watch:
 *
 * Watches @parser, before it parses, for a member name given twice in one
 * object; bt_plan_duplicates_check() says whether it met one.
 */
void
bt_plan_duplicates_watch (BtPlanDuplicates *duplicates,
                          JsonParser       *parser)
{
  *duplicates = (BtPlanDuplicates) { .counts = g_array_sized_new (FALSE, FALSE, sizeof (BtPlanObjectCount), 8) };

  connect_with (parser, "object-start", on_object_start, duplicates);
  connect_with (parser, "object-member", on_object_member, duplicates);
  connect_with (parser, "object-end", on_object_end, duplicates);
}

/**
 * bt_plan_duplicates_check:
 *
 * Returns: %FALSE, with @error set to a message that names the member and
 *   the line, when the parse met a member name twice in one object
 */
gboolean
bt_plan_duplicates_check (BtPlanDuplicates  *duplicates,
                          GError           **error)
{
  g_autofree char *quoted = NULL;

  if (duplicates->name == NULL)
    return TRUE;

  quoted = bt_plan_file_quote_text (duplicates->name);
  g_set_error (error, BT_PLAN_FILE_ERROR, BT_PLAN_FILE_ERROR_INVALID,
               /* TRANSLATORS: %u is a line of the file, %s a member's name in
                * quotes, such as "relationships" */
               _("from line %u on: %s is given a second time in the same object; JSON keeps only one, so "
                 "the file is not read, to lose nothing: keep one of the two"),
               duplicates->line, quoted);

  return FALSE;
}

void
bt_plan_duplicates_clear (BtPlanDuplicates *duplicates)
{
  g_clear_pointer (&duplicates->counts, g_array_unref);
  g_clear_pointer (&duplicates->name, g_free);
}
