/* bt-date-picker.c — a month of days to pick one from
 *
 * GtkCalendar in GTK 4.8 takes its first day of the week from the locale
 * alone (gtk_calendar_init() reads nl_langinfo (_NL_TIME_FIRST_WEEKDAY) and
 * keeps it private; gtkcalendar.h has no call to change it), and its days
 * are drawn labels a screen reader cannot press. Here each day is a button
 * named by its date, and the week starts on the day the preferences say.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-date-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "bt-application.h"
#include "bt-date.h"
#include "bt-date-picker.h"
#include "bt-report.h"

#define N_DAYS (6 * 7)

struct _BtDatePicker
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GtkWidget    *title;
  GtkWidget    *weekdays[7];
  GtkWidget    *days[N_DAYS];

  GDateWeekday  week_start;
  GDate         month;      /* the first of the month shown */
  GDate         selected;   /* may be invalid: nothing picked */
  GDate         cursor;     /* the one day Tab stops on; arrows move it */
  GDate         last;       /* may be invalid: no last day */
  GtkWidget    *tooltip_owner;  /* the button whose tooltip is off while the picker shows */
  GtkWidget    *next;           /* the arrows to later months, off past the last day */
  GtkWidget    *next_year;
};

G_DEFINE_FINAL_TYPE (BtDatePicker, bt_date_picker, GTK_TYPE_WIDGET)

enum {
  DAY_PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether some day from @first on can be picked. */
static gboolean
can_pick_from (BtDatePicker *self,
               const GDate  *first)
{
  return !g_date_valid (&self->last) || g_date_compare (first, &self->last) <= 0;
}

static void
update (BtDatePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today, day;
  char text[128];
  guint lead;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  /* TRANSLATORS: the month shown in the date picker (strftime), "March 2027" */
  if (g_date_strftime (text, sizeof text, _("%B %Y"), &self->month) > 0)
    gtk_label_set_label (GTK_LABEL (self->title), text);

  /* Days of the week, from the first: 5 Jan 1970 was a Monday. */
  for (guint i = 0; i < 7; i++)
    {
      GDate weekday;

      g_date_clear (&weekday, 1);
      g_date_set_dmy (&weekday, 5, G_DATE_JANUARY, 1970);
      g_date_add_days (&weekday, (self->week_start - G_DATE_MONDAY + i) % 7);
      if (g_date_strftime (text, sizeof text, "%a", &weekday) > 0)
        gtk_label_set_label (GTK_LABEL (self->weekdays[i]), text);
    }

  lead = (g_date_get_weekday (&self->month) - self->week_start + 7) % 7;
  day = self->month;
  g_date_subtract_days (&day, lead);

  for (guint i = 0; i < N_DAYS; i++, g_date_add_days (&day, 1))
    {
      GtkWidget *button = self->days[i];
      g_autofree char *name = bt_format_date (&day);

      g_snprintf (text, sizeof text, "%u", g_date_get_day (&day));
      gtk_button_set_label (GTK_BUTTON (button), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "bt-julian", GUINT_TO_POINTER (g_date_get_julian (&day)));

      if (g_date_get_month (&day) != g_date_get_month (&self->month))
        gtk_widget_add_css_class (button, "dim-label");
      else
        gtk_widget_remove_css_class (button, "dim-label");
      /* The day picked stands out; a flat button would hide its colour. */
      if (g_date_valid (&self->selected) && g_date_compare (&day, &self->selected) == 0)
        {
          gtk_widget_remove_css_class (button, "flat");
          gtk_widget_add_css_class (button, "suggested-action");
        }
      else
        {
          gtk_widget_remove_css_class (button, "suggested-action");
          gtk_widget_add_css_class (button, "flat");
        }
      if (g_date_compare (&day, &today) == 0)
        gtk_widget_add_css_class (button, "accent");
      else
        gtk_widget_remove_css_class (button, "accent");
      /* Days after the last one cannot be picked. */
      gtk_widget_set_sensitive (button, can_pick_from (self, &day));
      /* One Tab stop for the month, as in GtkCalendar: arrows go on. */
      gtk_widget_set_focusable (button, g_date_compare (&day, &self->cursor) == 0);
    }

  /* No arrow to a month with no day that can be picked. */
  {
    GDate later = self->month;

    g_date_add_months (&later, 1);
    gtk_widget_set_sensitive (self->next, can_pick_from (self, &later));
    g_date_add_months (&later, 11);
    gtk_widget_set_sensitive (self->next_year, can_pick_from (self, &later));
  }
}

static GtkWidget *
cursor_button (BtDatePicker *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->days[i]), "bt-julian")) ==
        g_date_get_julian (&self->cursor))
      return self->days[i];

  return NULL;
}

static void
move_cursor (BtDatePicker *self,
             int           days,
             int           months)
{
  if (days > 0)
    g_date_add_days (&self->cursor, days);
  else if (days < 0)
    g_date_subtract_days (&self->cursor, -days);
  if (months > 0)
    g_date_add_months (&self->cursor, months);
  else if (months < 0)
    g_date_subtract_months (&self->cursor, -months);

  if (g_date_valid (&self->last) && g_date_compare (&self->cursor, &self->last) > 0)
    self->cursor = self->last;

  g_date_set_dmy (&self->month, 1, g_date_get_month (&self->cursor), g_date_get_year (&self->cursor));
  update (self);
  gtk_widget_grab_focus (cursor_button (self));
}

/* Arrows move a day or a week, Page Up and Down a month. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtDatePicker *self = BT_DATE_PICKER (widget);
  int days, months;

  g_variant_get (parameter, "(ii)", &days, &months);
  if (ABS (days) == 1 && gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    days = -days;
  move_cursor (self, days, months);
}

static gboolean
bt_date_picker_grab_focus (GtkWidget *widget)
{
  BtDatePicker *self = BT_DATE_PICKER (widget);
  GtkWidget *button = cursor_button (self);

  return button != NULL && gtk_widget_grab_focus (button);
}

static void
on_day_clicked_cb (GtkButton    *button,
                   BtDatePicker *self)
{
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bt-julian")));
  self->selected = day;
  self->cursor = day;
  update (self);
  g_signal_emit (self, signals[DAY_PICKED], 0, &day);
}

static void
show_months_before (BtDatePicker *self,
                    guint         months)
{
  g_date_subtract_months (&self->month, months);
  g_date_subtract_months (&self->cursor, months);
  update (self);
}

static void
show_months_after (BtDatePicker *self,
                   guint         months)
{
  g_date_add_months (&self->month, months);
  g_date_add_months (&self->cursor, months);
  if (g_date_valid (&self->last) && g_date_compare (&self->cursor, &self->last) > 0)
    self->cursor = self->last;
  update (self);
}

static void
on_previous_clicked_cb (BtDatePicker *self)
{
  show_months_before (self, 1);
}

static void
on_next_clicked_cb (BtDatePicker *self)
{
  show_months_after (self, 1);
}

/* A target two years out is two clicks away, not twenty-four. */
static void
on_previous_year_clicked_cb (BtDatePicker *self)
{
  show_months_before (self, 12);
}

static void
on_next_year_clicked_cb (BtDatePicker *self)
{
  show_months_after (self, 12);
}

static GtkWidget *
arrow_button (const char *icon,
              const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  return button;
}

/* The title as wide as the longest month's, so that the arrows stay
 * where they are while months go by under the pointer. */
static int
widest_month_chars (void)
{
  int widest = 0;

  for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      GDate first;
      char text[128];

      g_date_clear (&first, 1);
      g_date_set_dmy (&first, 1, m, 2000);
      if (g_date_strftime (text, sizeof text, _("%B %Y"), &first) > 0 && g_utf8_validate (text, -1, NULL))
        widest = MAX (widest, (int) g_utf8_strlen (text, -1));
    }

  return widest + 1;
}

/* The button that opened the picker keeps its tooltip to itself while the
 * picker shows: over the popover, it hid the month and its arrows. */
static void
bt_date_picker_map (GtkWidget *widget)
{
  BtDatePicker *self = BT_DATE_PICKER (widget);
  GtkWidget *popover = gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER);
  GtkWidget *owner = popover != NULL ? gtk_widget_get_parent (popover) : NULL;

  GTK_WIDGET_CLASS (bt_date_picker_parent_class)->map (widget);

  if (owner != NULL && gtk_widget_get_has_tooltip (owner))
    {
      gtk_widget_set_has_tooltip (owner, FALSE);
      g_set_weak_pointer (&self->tooltip_owner, owner);
    }
}

static void
bt_date_picker_unmap (GtkWidget *widget)
{
  BtDatePicker *self = BT_DATE_PICKER (widget);

  if (self->tooltip_owner != NULL)
    gtk_widget_set_has_tooltip (self->tooltip_owner, TRUE);
  g_clear_weak_pointer (&self->tooltip_owner);

  GTK_WIDGET_CLASS (bt_date_picker_parent_class)->unmap (widget);
}

static void
bt_date_picker_dispose (GObject *object)
{
  BtDatePicker *self = BT_DATE_PICKER (object);

  g_clear_weak_pointer (&self->tooltip_owner);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (bt_date_picker_parent_class)->dispose (object);
}

static void
bt_date_picker_class_init (BtDatePickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_date_picker_dispose;
  widget_class->map = bt_date_picker_map;
  widget_class->unmap = bt_date_picker_unmap;

  /**
   * BtDatePicker::day-picked:
   * @date: the day
   */
  signals[DAY_PICKED] = g_signal_new ("day-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                      G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);

  widget_class->grab_focus = bt_date_picker_grab_focus;

  gtk_widget_class_install_action (widget_class, "date-picker.move", "(ii)", move_action);
  {
    const struct { guint key; int days; int months; } moves[] = {
      { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
      { GDK_KEY_Up, -7, 0 }, { GDK_KEY_KP_Up, -7, 0 }, { GDK_KEY_Down, 7, 0 }, { GDK_KEY_KP_Down, 7, 0 },
      { GDK_KEY_Page_Up, 0, -1 }, { GDK_KEY_KP_Page_Up, 0, -1 },
      { GDK_KEY_Page_Down, 0, 1 }, { GDK_KEY_KP_Page_Down, 0, 1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "date-picker.move", "(ii)",
                                           moves[i].days, moves[i].months);
    /* Shift with Page Up and Down: a year. */
    for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
      if (moves[i].months != 0)
        gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_SHIFT_MASK, "date-picker.move",
                                             "(ii)", 0, 12 * moves[i].months);
  }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bt_date_picker_init (BtDatePicker *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *header = gtk_center_box_new ();
  GtkWidget *previous = arrow_button ("go-previous-symbolic", _("Previous Month"));
  GtkWidget *next = arrow_button ("go-next-symbolic", _("Next Month"));
  GtkWidget *previous_year = arrow_button ("media-seek-backward-symbolic", _("Previous Year"));
  GtkWidget *next_year = arrow_button ("media-seek-forward-symbolic", _("Next Year"));
  GtkWidget *start = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *end = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *grid = gtk_grid_new ();

  self->week_start = G_DATE_MONDAY;
  g_date_clear (&self->selected, 1);
  g_date_clear (&self->last, 1);
  g_date_clear (&self->cursor, 1);
  g_date_set_dmy (&self->cursor, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  g_date_clear (&self->month, 1);
  g_date_set_dmy (&self->month, 1, g_date_time_get_month (now), g_date_time_get_year (now));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "heading");
  gtk_label_set_width_chars (GTK_LABEL (self->title), widest_month_chars ());
  g_signal_connect_swapped (previous, "clicked", G_CALLBACK (on_previous_clicked_cb), self);
  g_signal_connect_swapped (next, "clicked", G_CALLBACK (on_next_clicked_cb), self);
  g_signal_connect_swapped (previous_year, "clicked", G_CALLBACK (on_previous_year_clicked_cb), self);
  g_signal_connect_swapped (next_year, "clicked", G_CALLBACK (on_next_year_clicked_cb), self);
  self->next = next;
  self->next_year = next_year;
  gtk_box_append (GTK_BOX (start), previous_year);
  gtk_box_append (GTK_BOX (start), previous);
  gtk_box_append (GTK_BOX (end), next);
  gtk_box_append (GTK_BOX (end), next_year);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (header), start);
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (header), self->title);
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (header), end);
  gtk_box_append (GTK_BOX (self->box), header);

  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  for (guint i = 0; i < 7; i++)
    {
      self->weekdays[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekdays[i], "dim-label");
      gtk_widget_add_css_class (self->weekdays[i], "caption");
      gtk_grid_attach (GTK_GRID (grid), self->weekdays[i], i, 0, 1, 1);
    }
  for (guint i = 0; i < N_DAYS; i++)
    {
      self->days[i] = gtk_button_new ();
      gtk_widget_add_css_class (self->days[i], "circular");
      g_signal_connect (self->days[i], "clicked", G_CALLBACK (on_day_clicked_cb), self);
      gtk_grid_attach (GTK_GRID (grid), self->days[i], i % 7, 1 + i / 7, 1, 1);
    }
  gtk_box_append (GTK_BOX (self->box), grid);

  update (self);
}

GtkWidget *
bt_date_picker_new (void)
{
  return g_object_new (BT_TYPE_DATE_PICKER, NULL);
}

/**
 * bt_date_picker_set_date:
 * @date: (nullable): the day to show as picked, and its month; %NULL or an
 *   invalid date for none, and this month
 */
void
bt_date_picker_set_date (BtDatePicker *self,
                         const GDate  *date)
{
  g_return_if_fail (BT_IS_DATE_PICKER (self));

  g_date_clear (&self->selected, 1);
  if (date != NULL && g_date_valid (date))
    {
      self->selected = *date;
      self->cursor = *date;
      g_date_set_dmy (&self->month, 1, g_date_get_month (date), g_date_get_year (date));
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&self->cursor, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      g_date_set_dmy (&self->month, 1, g_date_time_get_month (now), g_date_time_get_year (now));
    }
  /* The keyboard stays on a day that can be picked. */
  if (g_date_valid (&self->last) && g_date_compare (&self->cursor, &self->last) > 0)
    self->cursor = self->last;
  update (self);
}

void
bt_date_picker_set_week_start (BtDatePicker *self,
                               GDateWeekday  first)
{
  g_return_if_fail (BT_IS_DATE_PICKER (self));
  g_return_if_fail (g_date_valid_weekday (first));

  if (self->week_start == first)
    return;
  self->week_start = first;
  update (self);
}

GDateWeekday
bt_date_picker_get_week_start (BtDatePicker *self)
{
  g_return_val_if_fail (BT_IS_DATE_PICKER (self), G_DATE_MONDAY);

  return self->week_start;
}

/**
 * bt_date_picker_name_button:
 * @button: the button that opens a date picker
 * @field: the title of the date field it fills
 *
 * Several date fields in one form each have a button: named by the field,
 * a screen reader can tell them apart ("Pick a Date for Decided on").
 */
void
bt_date_picker_name_button (GtkWidget  *button,
                            const char *field)
{
  g_autofree char *name = NULL;
  g_autofree char *folded = field != NULL ? g_utf8_casefold (field, -1) : NULL;
  g_autofree char *date = g_utf8_casefold (_("Date"), -1);

  /* A field simply called "Date" says no more than the button: "Pick a
   * Date for Date" reads badly. */
  if (folded == NULL || g_str_equal (folded, date))
    name = g_strdup (_("Pick a Date"));
  else
    /* TRANSLATORS: the button next to a date field that opens a calendar; %s is the field's title */
    name = g_strdup_printf (_("Pick a Date for %s"), field);

  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * bt_date_picker_set_last_day:
 * @last: (nullable): the last day that can be picked; %NULL for no limit
 *
 * Days after @last are shown, but cannot be picked.
 */
void
bt_date_picker_set_last_day (BtDatePicker *self,
                             const GDate  *last)
{
  g_return_if_fail (BT_IS_DATE_PICKER (self));

  g_date_clear (&self->last, 1);
  if (last != NULL && g_date_valid (last))
    {
      self->last = *last;
      if (g_date_compare (&self->cursor, &self->last) > 0)
        self->cursor = self->last;
    }
  update (self);
}

/**
 * bt_date_picker_parse:
 * @text: a date as typed: as the app shows dates ("6 Dec 2026", in the
 *   order and words of the locale) or as `YYYY-MM-DD`
 * @date: (out): the date
 *
 * Returns: %TRUE if @text is a real day with its year
 */
gboolean
bt_date_picker_parse (const char *text,
                      GDate      *date)
{
  g_autofree char *stripped = NULL;
  gboolean has_year = FALSE;
  guint digits = 0;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  if (bt_date_parse (stripped, date))
    return TRUE;

  /* GLib reads the locale's month names and order; a day without its
   * year ("6 Dec") would be taken for this year, which is a guess. */
  for (const char *p = stripped; ; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else
        {
          has_year = has_year || digits == 4;
          digits = 0;
        }
      if (*p == '\0')
        break;
    }
  if (!has_year)
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_parse (date, stripped);

  return g_date_valid (date) && g_date_get_year (date) >= 1000 && g_date_get_year (date) <= 9999;
}

/**
 * bt_date_picker_format:
 * @date: (nullable): a date
 *
 * Returns: (transfer full): @date as the app shows it ("6 Dec 2026"), to
 *   be read back by bt_date_picker_parse(); "" for none
 */
char *
bt_date_picker_format (const GDate *date)
{
  g_autofree char *shown = NULL;
  GDate back;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  /* A locale whose format GLib cannot read back gets ISO. */
  shown = bt_format_date (date);
  if (bt_date_picker_parse (shown, &back) && g_date_compare (&back, date) == 0)
    return g_steal_pointer (&shown);

  return bt_date_to_iso (date);
}

/* The first day of the week, as the preferences say. */
static GDateWeekday
week_start (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? gtk_window_get_transient_for (GTK_WINDOW (root)) : NULL;
  GtkApplication *app = parent ? gtk_window_get_application (parent) : NULL;
  GSettings *settings = BT_IS_APPLICATION (app) ? bt_application_get_settings (BT_APPLICATION (app)) : NULL;
  g_autoptr(GSettings) own = NULL;

  /* A dialog with no window of the app behind it (in the tests). */
  if (settings == NULL && g_settings_schema_source_get_default () != NULL)
    {
      g_autoptr(GSettingsSchema) schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                                          APP_ID, TRUE);
      if (schema != NULL)
        settings = own = g_settings_new (APP_ID);
    }

  return settings != NULL && g_settings_get_enum (settings, "week-start") == 1 ? G_DATE_SUNDAY : G_DATE_MONDAY;
}

/* Keyed by the field the picker belongs to, which outlives it. */
static void
on_day_picked_cb (BtDatePicker *picker,
                  const GDate  *day,
                  GtkEditable  *entry)
{
  g_autofree char *text = bt_date_picker_format (day);
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (picker), GTK_TYPE_POPOVER);

  gtk_editable_set_text (entry, text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The picker opens on the date in the field, when there is one, with the
 * keyboard on that day rather than on "Previous Month". */
static void
on_popover_map_cb (GtkPopover  *popover,
                   GtkEditable *entry)
{
  BtDatePicker *picker = BT_DATE_PICKER (gtk_popover_get_child (popover));
  GDate date;

  bt_date_picker_set_week_start (picker, week_start (GTK_WIDGET (entry)));
  bt_date_picker_set_date (picker, bt_date_picker_parse (gtk_editable_get_text (entry), &date) ? &date : NULL);
  gtk_widget_grab_focus (GTK_WIDGET (picker));
}

/**
 * bt_date_picker_attach:
 * @button: a menu button whose popover holds a #BtDatePicker
 * @entry: the field beside it, that the date is typed into
 *
 * Ties a calendar button to its field: the picker opens on the date typed,
 * its weeks starting on the day the preferences say, and a day picked is
 * written into the field as the app shows dates. The button is named after
 * the field's title when @entry is a preferences row.
 */
void
bt_date_picker_attach (GtkMenuButton *button,
                       GtkEditable   *entry)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (GTK_IS_EDITABLE (entry));

  popover = gtk_menu_button_get_popover (button);
  g_return_if_fail (popover != NULL && BT_IS_DATE_PICKER (gtk_popover_get_child (popover)));

  if (ADW_IS_PREFERENCES_ROW (entry))
    bt_date_picker_name_button (GTK_WIDGET (button), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)));
  g_signal_connect_object (gtk_popover_get_child (popover), "day-picked", G_CALLBACK (on_day_picked_cb), entry, 0);
  g_signal_connect_object (popover, "map", G_CALLBACK (on_popover_map_cb), entry, G_CONNECT_AFTER);
}

/**
 * bt_date_picker_new_button:
 * @entry: the field the button goes beside
 *
 * Returns: (transfer floating): a calendar button with its picker, tied to
 *   @entry as bt_date_picker_attach() does
 */
GtkWidget *
bt_date_picker_new_button (GtkEditable *entry)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "bt-date-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* GTK 4.8 names a menu button after its type otherwise; the button
   * inside, which takes the focus, is labelled by this one. */
  bt_date_picker_name_button (button, NULL);
  gtk_popover_set_child (GTK_POPOVER (popover), bt_date_picker_new ());
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  bt_date_picker_attach (GTK_MENU_BUTTON (button), entry);

  return button;
}

/**
 * bt_date_picker_reformat:
 * @entry: a date's field, just left
 *
 * A date typed as the file writes it ("2027-03-01"), or in a form of its
 * own ("7/12/2026"), is written back as the app shows dates: how it was
 * read shows. Text that is no date is left as typed.
 */
void
bt_date_picker_reformat (GtkEditable *entry)
{
  GDate date;

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  if (bt_date_picker_parse (gtk_editable_get_text (entry), &date))
    {
      g_autofree char *shown = bt_date_picker_format (&date);

      if (g_strcmp0 (shown, gtk_editable_get_text (entry)) != 0)
        gtk_editable_set_text (entry, shown);
    }
}
