/* bt-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-preferences-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "bt-preferences-window.h"

struct _BtPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwComboRow          *week_start_row;
  GtkSpinButton        *budget_spin;
  GtkSpinButton        *share_spin;
  AdwComboRow          *reminder_day_row;
  GtkSpinButton        *reminder_hour_spin;
  GtkSwitch            *background_switch;
};

G_DEFINE_FINAL_TYPE (BtPreferencesWindow, bt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows show an enum key's values in the schema's order. */
static gboolean
enum_to_index (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
index_to_enum (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[index]);
}

/* The share is kept as a fraction, and shown as a whole percentage, as
 * the goal dialog and the charts show it. */
static gboolean
fraction_to_percent (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100));

  return TRUE;
}

static GVariant *
percent_to_fraction (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  return g_variant_new_double (CLAMP (round (g_value_get_double (value)), 0, 100) / 100.0);
}

/* The reminder's day is 1 (Monday) to 7, the combo row's 0 to 6. */
static gboolean
weekday_to_index (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, (guint) CLAMP (g_variant_get_int32 (variant), 1, 7) - 1);

  return TRUE;
}

static GVariant *
index_to_weekday (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return index < 7 ? g_variant_new_int32 ((gint32) index + 1) : NULL;
}

static const char * const style_nicks[] = { "follow", "light", "dark", NULL };
static const char * const week_start_nicks[] = { "monday", "sunday", NULL };

static void
bt_preferences_window_class_init (BtPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/breakthrough/Planner/bt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, budget_spin);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, share_spin);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, reminder_day_row);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, reminder_hour_spin);
  gtk_widget_class_bind_template_child (widget_class, BtPreferencesWindow, background_switch);
}

static void
bt_preferences_window_init (BtPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BtPreferencesWindow *
bt_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  BtPreferencesWindow *self = g_object_new (BT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  g_settings_bind_with_mapping (settings, "style", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_to_index, index_to_enum, (gpointer) style_nicks, NULL);
  g_settings_bind_with_mapping (settings, "week-start", self->week_start_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                enum_to_index, index_to_enum, (gpointer) week_start_nicks, NULL);
  g_settings_bind (settings, "weekly-hours-budget", self->budget_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "target-share", self->share_spin, "value", G_SETTINGS_BIND_DEFAULT,
                                fraction_to_percent, percent_to_fraction, NULL, NULL);
  g_settings_bind_with_mapping (settings, "reminder-weekday", self->reminder_day_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, weekday_to_index, index_to_weekday, NULL, NULL);
  g_settings_bind (settings, "reminder-hour", self->reminder_hour_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "remind-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);

  return self;
}
