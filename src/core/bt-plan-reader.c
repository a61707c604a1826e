/* bt-plan-reader.c — reading the items of a plan file by their descriptions
 *
 * Every field is read by its class's description (BtField), checked the same
 * way, and every problem names its JSON path:
 *
 *   relationships[3].strength: expected a whole number from 1 to 5, got "high"
 *
 * Members that this version does not know are kept on the item and written
 * back unchanged. The plan as a whole, its weeks and reading while parsing
 * are in bt-plan-load.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-plan-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-item-private.h"
#include "bt-json-writer.h"
#include "bt-plan-reader-private.h"

/* A loader hashes each id twice, thousands of them, and most are UUIDs:
 * this takes eight bytes a step where g_str_hash() takes one. Equal
 * strings hash alike; that is all a GHashTable needs to be right. */
static guint
id_hash (gconstpointer key)
{
  const guint64 k = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  const char *s = key;
  gsize n = strlen (s);
  guint64 h = n * k;

  for (; n >= 8; s += 8, n -= 8)
    {
      guint64 w;

      memcpy (&w, s, sizeof w);
      h = (h ^ w) * k;
      h ^= h >> 29;
    }

  if (n > 0)
    {
      guint64 w = 0;

      memcpy (&w, s, n);
      h = (h ^ w) * k;
    }

  /* the high bits into the low ones, which pick the bucket */
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;

  return (guint) h;
}

void
bt_loader_init (Loader *ld)
{
  *ld = (Loader) {
    .path = g_string_new (NULL),
    .ids = g_hash_table_new (id_hash, g_str_equal),
    .weeks = g_hash_table_new (NULL, NULL),
    .places = g_string_new (NULL),
    .check_in_weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .phase_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .streaming = -1,
  };

  bt_plan_scan_init (&ld->scan);
  for (guint i = 0; i < N_BUCKETS; i++)
    ld->errors[i] = g_ptr_array_new_with_free_func (g_free);
}

void
bt_loader_clear (Loader *ld)
{
  /* before the items, whose ids are the keys of ids */
  g_hash_table_unref (ld->ids);
  g_hash_table_unref (ld->weeks);
  g_string_free (ld->places, TRUE);
  g_string_free (ld->path, TRUE);
  for (guint i = 0; i < N_BUCKETS; i++)
    g_ptr_array_unref (ld->errors[i]);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&ld->items[i], g_ptr_array_unref);
  g_hash_table_unref (ld->check_in_weeks);
  g_hash_table_unref (ld->phase_ids);
  g_hash_table_unref (ld->category_ids);
  bt_plan_scan_clear (&ld->scan);
}

/* All problems, in the order of the buckets, at most BT_PLAN_MAX_ERRORS:
 * the same whatever order the file's lists came in. NULL when none. */
char *
bt_loader_join_errors (Loader *ld)
{
  g_autoptr(GString) out = NULL;
  guint n = 0;

  for (guint b = 0; b < N_BUCKETS; b++)
    for (guint i = 0; i < ld->errors[b]->len && n < BT_PLAN_MAX_ERRORS; i++, n++)
      {
        if (out == NULL)
          out = g_string_new (NULL);
        else
          g_string_append_c (out, '\n');
        g_string_append (out, g_ptr_array_index (ld->errors[b], i));
      }

  return out ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static gboolean member_is_plain (const char *member);

gsize
bt_loader_push_member (Loader     *ld,
                       const char *member)
{
  gsize mark = ld->path->len;

  if (ld->path->len > 0)
    g_string_append_c (ld->path, '.');
  if (G_LIKELY (member_is_plain (member)))
    g_string_append (ld->path, member);
  else
    {
      g_autofree char *quoted = bt_plan_file_quote_text (member);
      g_string_append (ld->path, quoted);
    }

  return mark;
}

gsize
bt_loader_push_index (Loader *ld,
                      guint   index)
{
  gsize mark = ld->path->len;

  bt_json_append_index (ld->path, index);

  return mark;
}

void
bt_loader_pop (Loader *ld,
               gsize   mark)
{
  g_string_truncate (ld->path, mark);
}

/* Keeps the first @length bytes of the current path, for a message about
 * something found there later; see bt_loader_place(). */
gpointer
bt_loader_keep_place (Loader *ld,
                      gsize   length)
{
  gsize offset = ld->places->len;

  g_string_append_len (ld->places, ld->path->str, length);
  g_string_append_c (ld->places, '\0');

  return GSIZE_TO_POINTER (offset + 1);
}

const char *
bt_loader_place (Loader   *ld,
                 gpointer  kept)
{
  return ld->places->str + GPOINTER_TO_SIZE (kept) - 1;
}

G_GNUC_PRINTF (2, 3)
void
bt_loader_fail (Loader     *ld,
                const char *format,
                ...)
{
  GPtrArray *errors = ld->errors[ld->bucket];
  g_autofree char *message = NULL;
  va_list args;
  gsize mark;

  /* Each bucket keeps as many as could be shown: bt_loader_join_errors()
   * shows the first of them all. */
  if (errors->len >= BT_PLAN_MAX_ERRORS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  mark = ld->member != NULL ? bt_loader_push_member (ld, ld->member) : ld->path->len;
  if (ld->path->len > 0)
    g_ptr_array_add (errors, g_strdup_printf ("%s: %s", ld->path->str, message));
  else
    g_ptr_array_add (errors, g_steal_pointer (&message));
  bt_loader_pop (ld, mark);
}

/**
 * bt_plan_file_quote_text:
 * @text: UTF-8 text from a file
 *
 * How text from a file reads in a message: quoted, its control characters
 * escaped (an escape sequence or a line break in a name cannot forge a line
 * or colour a terminal) and shortened to 40 characters.
 *
 * Returns: (transfer full): the quoted text
 */
char *
bt_plan_file_quote_text (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");
  const char *end = text;
  guint n = 0;

  while (*end != '\0' && n < 40)
    {
      end = g_utf8_next_char (end);
      n++;
    }

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", (char) c);
      else if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  if (*end != '\0')
    g_string_append (out, "…");
  g_string_append_c (out, '"');

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A member name as it is in a path: itself when it is short and plain
 * (every name the format knows), else quoted as text is. */
static gboolean
member_is_plain (const char *member)
{
  for (guint i = 0; member[i] != '\0'; i++)
    {
      guchar c = member[i];

      if (i >= 40 || c < 0x20 || c == 0x7f || c == '"' || c == '\\' ||
          (c == 0xc2 && (guchar) member[i + 1] >= 0x80 && (guchar) member[i + 1] <= 0x9f))
        return FALSE;
    }

  return TRUE;
}

/* How a value reads in an error message: quoted and shortened text, the
 * number itself, or what kind of thing it is. */
char *
bt_loader_describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));

    case JSON_NODE_ARRAY:
      return g_strdup (_("a list"));

    case JSON_NODE_NULL:
      return g_strdup ("null");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return bt_plan_file_quote_text (json_node_get_string (node));

    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }

    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");

    default:
      return g_strdup (_("an unknown value"));
    }
}

static void
format_number (char   *buf,
               gsize   size,
               double  value)
{
  g_ascii_formatd (buf, size, "%.15g", value);
}

/* @expected is untranslated (N_()): it is translated only for a message,
 * not for every string read. */
gboolean
bt_loader_read_string (Loader     *ld,
                       JsonNode   *node,
                       const char *expected,
                       const char **out)
{
  if (!bt_loader_node_is_string (node))
    {
      g_autofree char *got = bt_loader_describe_node (node);
      bt_loader_fail (ld, _("expected %s, got %s"), _(expected), got);
      return FALSE;
    }

  *out = json_node_get_string (node);

  return TRUE;
}

static char *
enum_choices (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == klass->n_values ? _(" or ") : ", ");
      g_string_append_printf (out, "\"%s\"", klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The setters of Field.set, by the type of their property. */
typedef void (*SetText) (gpointer self, const char *value);
typedef void (*SetDate) (gpointer self, const GDate *value);
typedef void (*SetWhole) (gpointer self, int value);       /* ints and enums */
typedef void (*SetNumber) (gpointer self, double value);

/* Reads one field and gives it to @item's setter for it, as setting its
 * property would but without a GValue on the way (its init, set, get and
 * unset, each with a type check, for each of thousands of fields); an
 * error recorded, and @item untouched, when the JSON value does not fit.
 * The property still tells the type, the range and the enum's values. */
static void
read_field (Loader      *ld,
            const BtField *field,
            GParamSpec  *pspec,
            JsonNode    *node,
            BtItem      *item)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s;

      if (field->flags & BT_FIELD_WEEK)
        {
          g_autoptr(GError) error = NULL;

          if (!bt_loader_read_string (ld, node, N_("an ISO 8601 week such as 2026-W47"), &s))
            return;
          if (!bt_iso_week_parse (s, NULL, NULL, &error))
            {
              g_autofree char *got = bt_loader_describe_node (node);
              bt_loader_fail (ld, _("%s, got %s"), error->message, got);
              return;
            }
        }
      else if (field->flags & BT_FIELD_COLOR)
        {
          if (!bt_loader_read_string (ld, node, N_("a colour such as \"#3584e4\""), &s))
            return;
          if (!bt_category_color_is_valid (s))
            {
              g_autofree char *got = bt_loader_describe_node (node);
              bt_loader_fail (ld, _("expected a colour such as \"#3584e4\", got %s"), got);
              return;
            }
        }
      else if (field->flags & BT_FIELD_CURRENCY)
        {
          if (!bt_loader_read_string (ld, node, N_("an ISO 4217 currency code such as \"EUR\""), &s))
            return;
          if (!bt_currency_is_valid (s))
            {
              g_autofree char *got = bt_loader_describe_node (node);
              bt_loader_fail (ld, _("expected an ISO 4217 currency code such as \"EUR\", got %s"), got);
              return;
            }
        }
      else if (field->flags & BT_FIELD_PHASE_REF)
        {
          if (!bt_loader_read_string (ld, node, N_("the id of a phase"), &s))
            return;
          if (!g_hash_table_contains (ld->phase_ids, s))
            {
              g_autofree char *got = bt_loader_describe_node (node);
              bt_loader_fail (ld, _("no phase has the id %s"), got);
              return;
            }
        }
      else if (!bt_loader_read_string (ld, node, N_("text"), &s))
        return;

      ((SetText) field->set) (item, s);
    }
  else if (type == G_TYPE_DATE)
    {
      const char *s;
      GDate date;

      if (!bt_loader_read_string (ld, node, N_("a date as YYYY-MM-DD"), &s))
        return;
      if (!bt_date_parse (s, &date))
        {
          g_autofree char *got = bt_loader_describe_node (node);
          bt_loader_fail (ld, _("expected a real date as YYYY-MM-DD, got %s"), got);
          return;
        }
      ((SetDate) field->set) (item, &date);
    }
  else if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int min = ispec->minimum, max = ispec->maximum;
      double d;

      if (field->flags & BT_FIELD_ZERO_UNSET)
        min = field->min, max = field->max;

      if (!bt_loader_node_get_number (node, &d) || !isfinite (d) || d != floor (d) || d < min || d > max)
        {
          g_autofree char *got = bt_loader_describe_node (node);
          bt_loader_fail (ld, _("expected a whole number from %d to %d, got %s"), min, max, got);
          return;
        }
      ((SetWhole) field->set) (item, (int) d);
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *dspec = G_PARAM_SPEC_DOUBLE (pspec);
      double d;

      if (!bt_loader_node_get_number (node, &d) || !isfinite (d) ||
          d < dspec->minimum || d > dspec->maximum || fabs (d) > BT_MAX_SAFE_INTEGER)
        {
          g_autofree char *got = bt_loader_describe_node (node);
          char lo[32], hi[32];

          format_number (lo, sizeof lo, dspec->minimum);
          format_number (hi, sizeof hi, dspec->maximum);
          bt_loader_fail (ld, _("expected a number from %s to %s, got %s"), lo, hi, got);
          return;
        }
      ((SetNumber) field->set) (item, d);
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      int v;

      if (!bt_loader_node_is_string (node) ||
          !bt_enum_from_nick (type, json_node_get_string (node), &v))
        {
          g_autofree char *got = bt_loader_describe_node (node);
          g_autofree char *choices = enum_choices (type);
          bt_loader_fail (ld, _("expected one of %s, got %s"), choices, got);
          return;
        }
      ((SetWhole) field->set) (item, v);
    }
  else
    g_assert_not_reached ();
}

gboolean
bt_loader_expect_object (Loader   *ld,
                         JsonNode *node)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *got = bt_loader_describe_node (node);
      bt_loader_fail (ld, _("expected an object, got %s"), got);
      return FALSE;
    }

  return TRUE;
}

gboolean
bt_loader_expect_array (Loader   *ld,
                        JsonNode *node)
{
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *got = bt_loader_describe_node (node);
      bt_loader_fail (ld, _("expected a list, got %s"), got);
      return FALSE;
    }

  return TRUE;
}

/* The set maps each id to its interned copy: the weeks keep category ids
 * interned. */
static void
add_to_id_set (GHashTable *set,
               const char *id)
{
  if (set != NULL)
    g_hash_table_insert (set, g_strdup (id), (gpointer) g_intern_string (id));
}

static void
read_id (Loader     *ld,
         JsonObject *object,
         BtItem     *item,
         GHashTable *set)
{
  JsonNode *node = json_object_get_member (object, "id");
  const char *id;

  if (node == NULL)
    {
      /* A hand-written file may leave ids out: give the item one now. */
      add_to_id_set (set, bt_item_get_id (item));
      return;
    }

  ld->member = "id";

  if (bt_loader_read_string (ld, node, N_("an id (text)"), &id))
    {
      gpointer first = g_hash_table_lookup (ld->ids, id);

      if (*id == '\0')
        bt_loader_fail (ld, _("an id cannot be empty"));
      else if (first != NULL)
        {
          g_autofree char *quoted = bt_plan_file_quote_text (id);
          bt_loader_fail (ld, _("the id %s is already used by %s"), quoted, bt_loader_place (ld, first));
        }
      else
        {
          bt_item_set_id (item, id);
          /* the item outlives the loader: its id can be the key */
          g_hash_table_insert (ld->ids, (gpointer) bt_item_get_id (item), bt_loader_keep_place (ld, ld->path->len));
          add_to_id_set (set, id);
        }
    }

  ld->member = NULL;
}

/* Members the description does not name are kept for writing back. */
void
bt_loader_keep_unknown_members (BtItem     *item,
                                JsonObject *object,
                                const char * const *known,
                                guint       n_known)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;

  /* Names only: the value is looked up for the rare unknown member. */
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, NULL))
    {
      gboolean is_known = FALSE;

      for (guint i = 0; i < n_known && !is_known; i++)
        is_known = bt_same_name (known[i], name);

      if (is_known)
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (json_object_get_member (object, name)));
    }

  if (extra != NULL)
    bt_item_set_extra (item, extra);
}

static gboolean
is_field_member (BtItemClass *klass,
                 const char  *name)
{
  const BtItemDescription *d = klass->description;

  if (d->has_id && bt_same_name (name, "id"))
    return TRUE;

  for (guint i = 0; i < d->n_fields; i++)
    if (bt_same_name (d->fields[i].member, name))
      return TRUE;

  for (guint i = 0; i < d->n_children; i++)
    if (bt_same_name (d->children[i].member, name))
      return TRUE;

  return FALSE;
}

static void read_list (Loader            *ld,
                       BtItem            *owner,
                       GListModel        *list,
                       JsonObject        *object,
                       const BtChildList *child);

void
bt_loader_read_fields (Loader      *ld,
                       BtItemClass *klass,
                       JsonObject  *object,
                       BtItem      *item)
{
  const BtItemDescription *d = klass->description;
  g_autoptr(JsonObject) extra = NULL;
  guint32 seen = 0;
  BtMemberIter iter;
  const char *name;
  JsonNode *node;

  g_assert (d->n_fields <= 32);

  /* One pass over the members, in the file's order: each is a field, a
   * child list, the id (read already) or something to keep as it is. */
  bt_member_iter_init (&iter, object);
  while (bt_member_iter_next (&iter, &name, &node))
    {
      guint i;

      for (i = 0; i < d->n_fields; i++)
        if (bt_same_name (d->fields[i].member, name))
          break;

      if (i < d->n_fields)
        {
          const BtField *field = &d->fields[i];

          seen |= 1u << i;

          /* null stands for "not given" in optional fields */
          if (JSON_NODE_HOLDS_NULL (node) && !(field->flags & BT_FIELD_REQUIRED))
            continue;

          ld->member = field->member;
          read_field (ld, field, klass->field_pspecs[i], node, item);
          ld->member = NULL;
          continue;
        }

      if (is_field_member (klass, name))
        continue;   /* the id or a child list */

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (node));
    }

  for (guint i = 0; i < d->n_fields; i++)
    if ((d->fields[i].flags & BT_FIELD_REQUIRED) && !(seen & (1u << i)))
      bt_loader_fail (ld, _("the field \"%s\" is missing"), d->fields[i].member);

  for (guint i = 0; i < d->n_children; i++)
    read_list (ld, item, d->children[i].get (item), object, &d->children[i]);

  if (extra != NULL)
    bt_item_set_extra (item, extra);
}

BtItem *
bt_loader_read_item (Loader      *ld,
                     BtItemClass *klass,
                     JsonNode    *node,
                     GHashTable  *id_set)
{
  g_autoptr(BtItem) item = NULL;
  JsonObject *object;

  if (!bt_loader_expect_object (ld, node))
    return NULL;

  object = json_node_get_object (node);
  item = g_object_new (G_TYPE_FROM_CLASS (klass), NULL);
  bt_item_set_quiet (item, TRUE);

  if (klass->description->has_id)
    read_id (ld, object, item, id_set);

  bt_loader_read_fields (ld, klass, object, item);
  bt_item_set_quiet (item, FALSE);

  return g_steal_pointer (&item);
}

/* Calls @func on each element of the list in @object's @member, with the
 * element's path; TRUE when there was a list. A missing or null member
 * stands for none, anything else is a problem. */
gboolean
bt_loader_read_elements (Loader      *ld,
                         JsonObject  *object,
                         const char  *member,
                         BtLoaderElementFunc  func,
                         gpointer     data)
{
  JsonNode *node = json_object_get_member (object, member);
  gboolean is_list;
  gsize mark;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;

  mark = bt_loader_push_member (ld, member);
  is_list = bt_loader_expect_array (ld, node);
  if (is_list)
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          gsize item_mark = bt_loader_push_index (ld, i);

          func (ld, json_array_get_element (array, i), data);
          bt_loader_pop (ld, item_mark);
        }
    }
  bt_loader_pop (ld, mark);

  return is_list;
}

typedef struct
{
  BtItemClass *klass;
  GPtrArray *items;
} ChildItems;

static void
read_child_cb (Loader   *ld,
               JsonNode *element,
               gpointer  data)
{
  ChildItems *children = data;
  BtItem *item = bt_loader_read_item (ld, children->klass, element, NULL);

  if (item != NULL)
    g_ptr_array_add (children->items, item);
}

/* A list inside an item: touchpoints, impact statements and the like. */
static void
read_list (Loader          *ld,
           BtItem          *owner,
           GListModel      *list,
           JsonObject      *object,
           const BtChildList *child)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ChildItems children = { bt_item_class_lookup (child->get_type ()), items };

  /* One splice instead of n inserts: one change notification. */
  if (bt_loader_read_elements (ld, object, child->member, read_child_cb, &children))
    bt_item_splice_children (owner, list, 0, items->pdata, items->len);
}
