/* test-row-title.c — a row's text, moved into a BtRowTitle, reads and
 * looks as before, and is not laid out again and again for each size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>

#include <adwaita.h>

#include "bt-test-widgets.h"

#include "bt-row-title.h"

#define SUBTITLE "39% in weeks 43 to 46 — the trajectory is at 39% today, heading for 55%. " \
                 "No hours recorded since week 46, the week of 9 Nov 2026"

/* Every layout GTK asks the size of, counted: this program's definition
 * comes before Pango's for the calls GTK makes. */
static guint layouts_measured;

void
pango_layout_get_size (PangoLayout *layout,
                       int         *width,
                       int         *height)
{
  static void (*pango_own) (PangoLayout *, int *, int *);

  if (pango_own == NULL)
    pango_own = (void (*) (PangoLayout *, int *, int *)) dlsym (RTLD_NEXT, "pango_layout_get_size");
  g_assert_nonnull (pango_own);
  layouts_measured++;
  pango_own (layout, width, height);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *row;
  GtkWidget *suffix;
  guint      layouts;   /* measured until it was on screen */
} Shown;

/* Given its place: mapped, with a width. */
static gboolean
is_laid_out (gpointer row)
{
  return gtk_widget_get_mapped (row) && gtk_widget_get_width (row) > 0;
}

/* A boxed list with one row, titled, with a long subtitle and an arrow, in
 * a window of its own, drawn once. */
static Shown
show_row (gboolean adopted)
{
  guint before = layouts_measured;
  Shown shown = { gtk_window_new (), NULL, NULL, 0 };
  GtkWidget *list = gtk_list_box_new ();

  shown.row = adopted ? bt_row_title_new_row () : adw_action_row_new ();
  shown.suffix = gtk_image_new_from_icon_name ("go-next-symbolic");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (shown.row), "Strategic share, last four weeks");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (shown.row), SUBTITLE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (shown.row), shown.suffix);
  gtk_list_box_append (GTK_LIST_BOX (list), shown.row);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_window_set_child (GTK_WINDOW (shown.window), list);
  gtk_window_set_default_size (GTK_WINDOW (shown.window), 500, 300);
  gtk_window_present (GTK_WINDOW (shown.window));
  g_assert_true (bt_test_wait_until (is_laid_out, shown.row, 10));
  bt_test_spin (200);
  shown.layouts = layouts_measured - before;

  return shown;
}

static gboolean
is_label_of_class (GtkWidget     *widget,
                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static GtkWidget *
label_with_class (GtkWidget  *row,
                  const char *css_class)
{
  GtkWidget *found = bt_test_find_match (row, is_label_of_class, css_class);

  g_assert_true (GTK_IS_LABEL (found));

  return found;
}

static graphene_rect_t
bounds_in_row (GtkWidget *widget,
               GtkWidget *row)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, row, &bounds));

  return bounds;
}

/* The row's title and subtitle are where they were, in the same font, and
 * its arrow still at the far end. */
static void
test_looks_the_same (void)
{
  Shown plain = show_row (FALSE);
  Shown adopted = show_row (TRUE);
  const char *classes[] = { "title", "subtitle" };

  g_assert_cmpint (gtk_widget_get_height (plain.row), ==, gtk_widget_get_height (adopted.row));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    {
      GtkWidget *a = label_with_class (plain.row, classes[i]);
      GtkWidget *b = label_with_class (adopted.row, classes[i]);
      graphene_rect_t ra = bounds_in_row (a, plain.row), rb = bounds_in_row (b, adopted.row);
      int ha, hb;

      g_assert_true (graphene_rect_equal (&ra, &rb));
      pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (a)), NULL, &ha);
      pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (b)), NULL, &hb);
      g_assert_cmpint (ha, ==, hb);
    }
  {
    graphene_rect_t ra = bounds_in_row (plain.suffix, plain.row), rb = bounds_in_row (adopted.suffix, adopted.row);

    g_assert_true (graphene_rect_equal (&ra, &rb));
  }

  gtk_window_destroy (GTK_WINDOW (plain.window));
  gtk_window_destroy (GTK_WINDOW (adopted.window));
}

/* The row still says what it holds: its title and subtitle, in the new
 * box, change as the row is told. */
static void
test_still_the_rows_text (void)
{
  Shown shown = show_row (TRUE);
  GtkWidget *title = label_with_class (shown.row, "title");
  GtkWidget *holder = gtk_widget_get_ancestor (title, BT_TYPE_ROW_TITLE);

  g_assert_nonnull (holder);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (shown.row), "Trend");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (shown.row), "−1.2 points a month");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, "Trend");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label_with_class (shown.row, "subtitle"))), ==,
                   "−1.2 points a month");

  gtk_window_destroy (GTK_WINDOW (shown.window));
}

/* GTK 4.8 searches a wrapping label's width for a height, ten layouts and
 * more, each time an AdwActionRow is given its size; in a BtRowTitle the
 * text is laid out for its width only. */
static void
test_laid_out_once (void)
{
  /* One window at a time: the count is of the whole program's layouts. */
  Shown plain = show_row (FALSE);
  Shown adopted;

  gtk_window_destroy (GTK_WINDOW (plain.window));
  bt_test_spin (100);
  adopted = show_row (TRUE);
  gtk_window_destroy (GTK_WINDOW (adopted.window));

  g_test_message ("layouts measured until the row was on screen: %u as libadwaita has it, %u adopted",
                  plain.layouts, adopted.layouts);
  /* What the adoption is for: without it, several times as many. */
  g_assert_cmpuint (adopted.layouts, >, 0);
  g_assert_cmpuint (plain.layouts, >=, 3 * adopted.layouts);
}

int
main (int   argc,
      char *argv[])
{
  if (!bt_test_init_ui (&argc, &argv))
    return 0;

  /* The app's style sheet, as AdwApplication loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/breakthrough/Planner/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/row-title/looks-the-same", test_looks_the_same);
  g_test_add_func ("/row-title/still-the-rows-text", test_still_the_rows_text);
  g_test_add_func ("/row-title/laid-out-once", test_laid_out_once);

  return g_test_run ();
}
