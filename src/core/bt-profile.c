/* bt-profile.c — The person whose shift the plan follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-profile"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-profile.h"

struct _BtProfile
{
  BtItem parent_instance;

  char *name;
  char *current_role;
  char *email;
  char *target_role;
  GDate target_date;
  int birth_year;
  double target_share;
};

G_DEFINE_FINAL_TYPE (BtProfile, bt_profile, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_CURRENT_ROLE,
  PROP_EMAIL,
  PROP_TARGET_ROLE,
  PROP_TARGET_DATE,
  PROP_BIRTH_YEAR,
  PROP_TARGET_SHARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtProfile *
bt_profile_new (void)
{
  return g_object_new (BT_TYPE_PROFILE, NULL);
}

static void
bt_profile_finalize (GObject *object)
{
  BtProfile *self = BT_PROFILE (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->current_role, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->target_role, g_free);

  G_OBJECT_CLASS (bt_profile_parent_class)->finalize (object);
}

static void
bt_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BtProfile *self = BT_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CURRENT_ROLE:
      g_value_set_string (value, self->current_role);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_TARGET_ROLE:
      g_value_set_string (value, self->target_role);
      break;

    case PROP_TARGET_DATE:
      g_value_set_boxed (value, bt_profile_get_target_date (self));
      break;

    case PROP_BIRTH_YEAR:
      g_value_set_int (value, self->birth_year);
      break;

    case PROP_TARGET_SHARE:
      g_value_set_double (value, self->target_share);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BtProfile *self = BT_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bt_profile_set_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENT_ROLE:
      bt_profile_set_current_role (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      bt_profile_set_email (self, g_value_get_string (value));
      break;

    case PROP_TARGET_ROLE:
      bt_profile_set_target_role (self, g_value_get_string (value));
      break;

    case PROP_TARGET_DATE:
      bt_profile_set_target_date (self, g_value_get_boxed (value));
      break;

    case PROP_BIRTH_YEAR:
      bt_profile_set_birth_year (self, g_value_get_int (value));
      break;

    case PROP_TARGET_SHARE:
      bt_profile_set_target_share (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* What the plan file holds of a profile, in its order. */
static const BtField fields[] = {
  { "name", .label = N_("Name"), .set = G_CALLBACK (bt_profile_set_name) },
  { "current_role", .label = N_("Current role"), .set = G_CALLBACK (bt_profile_set_current_role) },
  { "target_role", .label = N_("Target role"), .set = G_CALLBACK (bt_profile_set_target_role) },
  { "target_date", .label = N_("Target date"), .set = G_CALLBACK (bt_profile_set_target_date) },
  { "birth_year", .label = N_("Birth year, to show ages (0 for none)"),
    .flags = BT_FIELD_ZERO_UNSET, .min = BT_BIRTH_YEAR_MIN, .max = BT_BIRTH_YEAR_MAX,
    .set = G_CALLBACK (bt_profile_set_birth_year) },
  { "target_share", .label = N_("Target strategic share, in percent"),
    .set = G_CALLBACK (bt_profile_set_target_share) },
  { "email", .label = N_("E-mail"), .set = G_CALLBACK (bt_profile_set_email) },
};

static const BtItemDescription description = {
  .kind_label = N_("Profile"),
  .has_id = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
bt_profile_class_init (BtProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_profile_finalize;
  object_class->get_property = bt_profile_get_property;
  object_class->set_property = bt_profile_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENT_ROLE] =
    g_param_spec_string ("current-role", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_ROLE] =
    g_param_spec_string ("target-role", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_DATE] =
    g_param_spec_boxed ("target-date", NULL, NULL,
                         G_TYPE_DATE,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* 0 for none, or from BT_BIRTH_YEAR_MIN: a range cannot say that, the
   * setter does (and bt_plan_file_field_check() says why). */
  properties[PROP_BIRTH_YEAR] =
    g_param_spec_int ("birth-year", NULL, NULL,
                       0, BT_BIRTH_YEAR_MAX, 0,
                       (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET_SHARE] =
    g_param_spec_double ("target-share", NULL, NULL,
                          0.0, 1.0, 0.5,
                          (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  bt_item_class_describe (BT_ITEM_CLASS (klass), &description);
}

static void
bt_profile_init (BtProfile *self)
{
  g_date_clear (&self->target_date, 1);
  self->birth_year = 0;
  self->target_share = 0.5;
}

const char *
bt_profile_get_name (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return self->name ? self->name : "";
}

void
bt_profile_set_name (BtProfile *self,
                     const char *name)
{
  g_return_if_fail (BT_IS_PROFILE (self));

  if (bt_item_set_string (&self->name, name))
    bt_item_notify (BT_ITEM (self), properties[PROP_NAME]);
}

const char *
bt_profile_get_current_role (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return self->current_role ? self->current_role : "";
}

void
bt_profile_set_current_role (BtProfile *self,
                             const char *current_role)
{
  g_return_if_fail (BT_IS_PROFILE (self));

  if (bt_item_set_string (&self->current_role, current_role))
    bt_item_notify (BT_ITEM (self), properties[PROP_CURRENT_ROLE]);
}

const char *
bt_profile_get_target_role (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return self->target_role ? self->target_role : "";
}

void
bt_profile_set_target_role (BtProfile *self,
                            const char *target_role)
{
  g_return_if_fail (BT_IS_PROFILE (self));

  if (bt_item_set_string (&self->target_role, target_role))
    bt_item_notify (BT_ITEM (self), properties[PROP_TARGET_ROLE]);
}

const GDate *
bt_profile_get_target_date (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return g_date_valid (&self->target_date) ? &self->target_date : NULL;
}

void
bt_profile_set_target_date (BtProfile *self,
                            const GDate *target_date)
{
  g_return_if_fail (BT_IS_PROFILE (self));

  if (bt_item_set_date (&self->target_date, target_date))
    bt_item_notify (BT_ITEM (self), properties[PROP_TARGET_DATE]);
}

int
bt_profile_get_birth_year (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), 0);

  return self->birth_year;
}

void
bt_profile_set_birth_year (BtProfile *self,
                           int birth_year)
{
  g_return_if_fail (BT_IS_PROFILE (self));
  g_return_if_fail (birth_year == 0 || (birth_year >= BT_BIRTH_YEAR_MIN && birth_year <= BT_BIRTH_YEAR_MAX));

  if (self->birth_year == birth_year)
    return;

  self->birth_year = birth_year;
  bt_item_notify (BT_ITEM (self), properties[PROP_BIRTH_YEAR]);
}

double
bt_profile_get_target_share (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), 0.0);

  return self->target_share;
}

void
bt_profile_set_target_share (BtProfile *self,
                             double target_share)
{
  g_return_if_fail (BT_IS_PROFILE (self));
  g_return_if_fail (isfinite (target_share) && target_share >= 0.0 && target_share <= 1.0);

  if (self->target_share == target_share)
    return;

  self->target_share = target_share;
  bt_item_notify (BT_ITEM (self), properties[PROP_TARGET_SHARE]);
}

const char *
bt_profile_get_email (BtProfile *self)
{
  g_return_val_if_fail (BT_IS_PROFILE (self), NULL);

  return self->email ? self->email : "";
}

void
bt_profile_set_email (BtProfile *self,
                      const char *email)
{
  g_return_if_fail (BT_IS_PROFILE (self));

  if (bt_item_set_string (&self->email, email))
    bt_item_notify (BT_ITEM (self), properties[PROP_EMAIL]);
}
