/* bt-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-preferences-window"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <stdlib.h>

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

/* The desktop's clock format when GNOME's settings are there, else the
 * locale's: a 12-hour clock where its time format has an AM/PM hour. */
static gboolean
uses_12_hour_clock (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *format;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
    {
      g_autoptr(GSettings) desktop = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *clock = g_settings_get_string (desktop, "clock-format");

      return g_strcmp0 (clock, "12h") == 0;
    }

  format = nl_langinfo (T_FMT);

  return format != NULL && (strstr (format, "%r") != NULL || strstr (format, "%I") != NULL ||
                            strstr (format, "%l") != NULL);
}

/* The reminder's hour shows as a time of day, "16:00" or "4:00 PM". */
static gboolean
on_hour_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  int hour = (int) gtk_spin_button_get_value (spin);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now), CLAMP (hour, 0, 23), 0, 0);
  g_autofree char *text = NULL;

  if (time == NULL)
    return FALSE;
  text = g_date_time_format (time, uses_12_hour_clock () ? "%-l:%M %p" : "%H:%M");
  if (text == NULL)
    return FALSE;
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *folded_text = g_utf8_casefold (text, -1);
  g_autofree char *folded_word = NULL;

  if (word == NULL || *word == '\0')
    return FALSE;
  folded_word = g_utf8_casefold (word, -1);

  return strstr (folded_text, folded_word) != NULL;
}

/* The hour of "17", "17:00" or "5 pm" (in the locale's words); -1 for
 * anything else. Reminders come on the hour: "17:30" is no hour, rather
 * than 17:00. */
static long
parse_hour (const char *text)
{
  char *end = NULL;
  long hour;

  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return -1;
  hour = strtol (text, &end, 10);
  if (*end == ':' || *end == '.')
    {
      char *minutes_end = NULL;
      long minutes = strtol (end + 1, &minutes_end, 10);

      if (minutes_end == end + 1 || minutes != 0)
        return -1;
      end = minutes_end;
    }
  if (has_word (end, nl_langinfo (PM_STR)) && hour >= 1 && hour < 12)
    hour += 12;
  else if (has_word (end, nl_langinfo (AM_STR)) && hour == 12)
    hour = 0;

  return hour <= 23 ? hour : -1;
}

static int
on_hour_input_cb (GtkSpinButton *spin,
                  double        *new_value,
                  gpointer       user_data)
{
  long hour = parse_hour (gtk_editable_get_text (GTK_EDITABLE (spin)));

  /* Refused with the bell, and the hour set stays: GTK_INPUT_ERROR would
   * make the value 0. */
  if (hour < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (spin));
      *new_value = gtk_spin_button_get_value (spin);
    }
  else
    *new_value = hour;

  return TRUE;
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
  gtk_widget_class_bind_template_callback (widget_class, on_hour_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hour_input_cb);
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
