/* bt-category.c — A kind of work that hours are recorded against.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-category"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "bt-category.h"

struct _BtCategory
{
  BtItem parent_instance;

  char *name;
  BtCategoryKind kind;
  char *color;
};

G_DEFINE_FINAL_TYPE (BtCategory, bt_category, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtCategory *
bt_category_new (void)
{
  return g_object_new (BT_TYPE_CATEGORY, NULL);
}

static void
bt_category_finalize (GObject *object)
{
  BtCategory *self = BT_CATEGORY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (bt_category_parent_class)->finalize (object);
}

static void
bt_category_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BtCategory *self = BT_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_category_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BtCategory *self = BT_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bt_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      bt_category_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_COLOR:
      bt_category_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a category, in its order. */
static const BtField fields[] = {
  { "name", .label = N_("Name"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_category_set_name) },
  { "kind", .label = N_("Kind"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_category_set_kind) },
  { "color", .label = N_("Colour"), .flags = BT_FIELD_COLOR,
    .set = G_CALLBACK (bt_category_set_color) },
};

static const BtItemDescription description = {
  .kind_label = N_("Category"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_category_class_init (BtCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_category_finalize;
  object_class->get_property = bt_category_get_property;
  object_class->set_property = bt_category_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                        BT_TYPE_CATEGORY_KIND, BT_CATEGORY_TACTICAL,
                        (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_category_init (BtCategory *self)
{
  self->kind = BT_CATEGORY_TACTICAL;
}

const char *
bt_category_get_name (BtCategory *self)
{
  g_return_val_if_fail (BT_IS_CATEGORY (self), NULL);

  return self->name ? self->name : "";
}

void
bt_category_set_name (BtCategory *self,
                      const char *name)
{
  g_return_if_fail (BT_IS_CATEGORY (self));

  if (bt_item_set_string (&self->name, name))
    bt_item_notify (BT_ITEM (self), properties[PROP_NAME]);
}

BtCategoryKind
bt_category_get_kind (BtCategory *self)
{
  g_return_val_if_fail (BT_IS_CATEGORY (self), BT_CATEGORY_TACTICAL);

  return self->kind;
}

void
bt_category_set_kind (BtCategory *self,
                      BtCategoryKind kind)
{
  g_return_if_fail (BT_IS_CATEGORY (self));

  if (self->kind == kind)
    return;

  self->kind = kind;
  bt_item_notify (BT_ITEM (self), properties[PROP_KIND]);
}

const char *
bt_category_get_color (BtCategory *self)
{
  g_return_val_if_fail (BT_IS_CATEGORY (self), NULL);

  return self->color ? self->color : "";
}

/**
 * bt_category_color_is_valid:
 *
 * Returns: whether @color is a colour as the file holds it, "#rrggbb"
 */
gboolean
bt_category_color_is_valid (const char *color)
{
  return color != NULL && strlen (color) == 7 && color[0] == '#' &&
         strspn (color + 1, "0123456789abcdefABCDEF") == 6;
}

/**
 * bt_category_set_color:
 * @color: (nullable): "#rrggbb", or %NULL or "" for none
 */
void
bt_category_set_color (BtCategory *self,
                       const char *color)
{
  g_return_if_fail (BT_IS_CATEGORY (self));
  g_return_if_fail (color == NULL || *color == '\0' || bt_category_color_is_valid (color));

  if (bt_item_set_string (&self->color, color))
    bt_item_notify (BT_ITEM (self), properties[PROP_COLOR]);
}
