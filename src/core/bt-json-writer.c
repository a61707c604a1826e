/* bt-json-writer.c — streaming, pretty-printed JSON text
 *
 * The plan file is the user's own document, so it should read cleanly:
 * json-glib 1.6's generator prints every double with 17 digits (0.55 becomes
 * 0.55000000000000004) and needs a whole JsonNode tree first. This writer
 * streams straight into one buffer and prints the shortest number that
 * reads back to the same double. Parsing stays with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-json-writer"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bt-json-writer.h"

#define MAX_DEPTH 128

struct _BtJsonWriter
{
  GString  *out;
  guint     depth;
  gboolean  after_member;            /* a value completes "name": */
  gboolean  has_items[MAX_DEPTH];    /* per open container */
};

BtJsonWriter *
bt_json_writer_new (gsize size_hint)
{
  BtJsonWriter *self = g_new0 (BtJsonWriter, 1);

  self->out = g_string_sized_new (size_hint > 0 ? size_hint : 4096);

  return self;
}

void
bt_json_writer_free (BtJsonWriter *self)
{
  if (self == NULL)
    return;

  if (self->out != NULL)
    g_string_free (self->out, TRUE);
  g_free (self);
}

/**
 * bt_json_writer_finish:
 *
 * Returns: (transfer full): the text, ending with a newline
 */
GBytes *
bt_json_writer_finish (BtJsonWriter *self)
{
  GString *out = g_steal_pointer (&self->out);

  g_string_append_c (out, '\n');

  return g_string_free_to_bytes (out);
}

static void
newline (BtJsonWriter *self)
{
  static const char spaces[2 * MAX_DEPTH + 1] = { [0 ... 2 * MAX_DEPTH - 1] = ' ' };

  g_string_append_c (self->out, '\n');
  g_string_append_len (self->out, spaces, 2 * self->depth);
}

/* Everything that starts a value goes through here: the comma and line
 * break of array items, nothing after a member name. */
static void
before_value (BtJsonWriter *self)
{
  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }

  if (self->depth > 0)
    {
      if (self->has_items[self->depth])
        g_string_append_c (self->out, ',');
      self->has_items[self->depth] = TRUE;
      newline (self);
    }
}

static void
begin (BtJsonWriter *self,
       char          c)
{
  before_value (self);
  g_string_append_c (self->out, c);
  g_assert (self->depth + 1 < MAX_DEPTH);
  self->depth++;
  self->has_items[self->depth] = FALSE;
}

static void
end (BtJsonWriter *self,
     char          c)
{
  gboolean had_items = self->has_items[self->depth];

  g_assert (self->depth > 0);
  self->depth--;
  if (had_items)
    newline (self);
  g_string_append_c (self->out, c);
}

void
bt_json_writer_begin_object (BtJsonWriter *self)
{
  begin (self, '{');
}

void
bt_json_writer_end_object (BtJsonWriter *self)
{
  end (self, '}');
}

void
bt_json_writer_begin_array (BtJsonWriter *self)
{
  begin (self, '[');
}

void
bt_json_writer_end_array (BtJsonWriter *self)
{
  end (self, ']');
}

static void
append_escaped (GString    *out,
                const char *s)
{
  static const char hex[] = "0123456789abcdef";
  const char *run = s, *p;

  g_string_append_c (out, '"');

  for (p = s; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;
      const char *escape = NULL;
      char u[7];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          u[0] = '\\'; u[1] = 'u'; u[2] = '0'; u[3] = '0';
          u[4] = hex[c >> 4]; u[5] = hex[c & 0xf]; u[6] = '\0';
          escape = u;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, escape);
      run = p + 1;
    }

  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
bt_json_writer_member (BtJsonWriter *self,
                       const char   *name)
{
  before_value (self);
  append_escaped (self->out, name);
  g_string_append (self->out, ": ");
  self->after_member = TRUE;
}

void
bt_json_writer_string (BtJsonWriter *self,
                       const char   *value)
{
  before_value (self);
  append_escaped (self->out, value);
}

/**
 * bt_json_format_int:
 *
 * Writes the decimal digits of @value at the end of @buf, without printf,
 * which would parse a format for every number written.
 *
 * Returns: where the digits start in @buf
 */
const char *
bt_json_format_int (char   buf[BT_JSON_INT_SIZE],
                    gint64 value)
{
  char *p = buf + BT_JSON_INT_SIZE - 1;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  *p = '\0';
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';

  return p;
}

/**
 * bt_json_append_index:
 * @path: a JSON path such as "relationships"
 *
 * Appends "[@index]": every item read or written has its path, without
 * printf, which cost more than reading most items' fields.
 */
void
bt_json_append_index (GString *path,
                      guint    index)
{
  char digits[BT_JSON_INT_SIZE];

  g_string_append_c (path, '[');
  g_string_append (path, bt_json_format_int (digits, index));
  g_string_append_c (path, ']');
}

void
bt_json_writer_int (BtJsonWriter *self,
                    gint64        value)
{
  char buf[BT_JSON_INT_SIZE];

  before_value (self);
  g_string_append (self->out, bt_json_format_int (buf, value));
}

/**
 * bt_json_format_double:
 *
 * Writes the shortest decimal form that reads back as exactly @value, with
 * a dot whatever the locale. @value must be finite.
 */
void
bt_json_format_double (char   *buf,
                       gsize   size,
                       double  value)
{
  g_return_if_fail (isfinite (value));

  /* Whole numbers in the exact range of a double print as integers. */
  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    {
      char digits[BT_JSON_INT_SIZE];

      g_strlcpy (buf, bt_json_format_int (digits, (gint64) value), size);
      return;
    }

  /* Hours and money mostly have one or two decimals: when hundredths say
   * the number exactly, they are what %.15g would print. (An IEEE division
   * of two exact numbers gives the double nearest to their quotient, as
   * reading the digits back does.) */
  if (fabs (value) < 1e12)
    {
      double hundredths = round (value * 100.0);

      if (hundredths / 100.0 == value)
        {
          gint64 h = (gint64) fabs (hundredths);
          char digits[BT_JSON_INT_SIZE];
          const char *whole = bt_json_format_int (digits, h / 100);
          int cents = (int) (h % 100);
          gsize n = 0;

          g_assert (size >= 24);
          if (value < 0)
            buf[n++] = '-';
          while (*whole != '\0')
            buf[n++] = *whole++;
          buf[n++] = '.';
          buf[n++] = '0' + cents / 10;
          if (cents % 10 != 0)
            buf[n++] = '0' + cents % 10;
          buf[n] = '\0';
          return;
        }
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, size, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}

void
bt_json_writer_double (BtJsonWriter *self,
                       double        value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  before_value (self);
  bt_json_format_double (buf, sizeof buf, value);
  g_string_append (self->out, buf);
}

/**
 * bt_json_writer_node:
 *
 * Writes a json-glib tree, members in their original order.
 */
void
bt_json_writer_node (BtJsonWriter *self,
                     JsonNode     *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        bt_json_writer_begin_object (self);
        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            bt_json_writer_member (self, name);
            bt_json_writer_node (self, member);
          }
        bt_json_writer_end_object (self);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        bt_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          bt_json_writer_node (self, json_array_get_element (array, i));
        bt_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      before_value (self);
      g_string_append (self->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          bt_json_writer_int (self, json_node_get_int (node));
          break;

        case G_TYPE_DOUBLE:
          bt_json_writer_double (self, json_node_get_double (node));
          break;

        case G_TYPE_BOOLEAN:
          before_value (self);
          g_string_append (self->out, json_node_get_boolean (node) ? "true" : "false");
          break;

        case G_TYPE_STRING:
        default:
          bt_json_writer_string (self, json_node_get_string (node));
          break;
        }
      break;
    }
}
