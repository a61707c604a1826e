/* bt-row-title.c — a row's title and subtitle, measured for a width alone
 *
 * GTK 4.8 asks a wrapping label how narrow it could be at a given height
 * by laying its text out again and again, a binary search over widths of
 * ten layouts or more. An AdwActionRow has its title and subtitle asked
 * that each time it is given a size: its header, a horizontal box, asks
 * its children's widths for the row's height, and gtk_widget_allocate()
 * asks the centred title box the same again. A page of such rows spent
 * most of the frame that first shows a plan, and of every resize, laying
 * out the same sentences (1,126 layouts for the sample's overview, 358
 * with this).
 *
 * A row's text never needs that question: its height follows from its
 * width, not the other way round. bt_row_title_adopt() moves the row's
 * title box into a BtRowTitle, which answers a width for any height with
 * the width for no height in particular (one layout, and then the cache),
 * and centres the box itself. It is styled as the title box was
 * (style.css), so the row looks the same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-row-title"

#include "config.h"

#include "bt-row-title.h"

struct _BtRowTitle
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BtRowTitle, bt_row_title, GTK_TYPE_WIDGET)

static void
bt_row_title_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  gtk_widget_measure (child, orientation, orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
bt_row_title_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static GtkSizeRequestMode
bt_row_title_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bt_row_title_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bt_row_title_parent_class)->dispose (object);
}

static void
bt_row_title_class_init (BtRowTitleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_row_title_dispose;
  widget_class->measure = bt_row_title_measure;
  widget_class->size_allocate = bt_row_title_size_allocate;
  widget_class->get_request_mode = bt_row_title_get_request_mode;
  /* Where the row's title box stood, and styled as it was: libadwaita's
   * "row > box.header > box.title" gives it its margins. */
  gtk_widget_class_set_css_name (widget_class, "box");
}

static void
bt_row_title_init (BtRowTitle *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "title");
}

/**
 * bt_row_title_adopt:
 *
 * Moves @row's title and subtitle into a #BtRowTitle, in their place in
 * the row's header. The row keeps them: its title and subtitle calls and
 * what it tells a screen reader are unchanged. A row whose header is not
 * libadwaita 1.2's is left as it is.
 */
void
bt_row_title_adopt (AdwActionRow *row)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  GtkWidget *box = NULL;
  GtkWidget *title;

  g_return_if_fail (ADW_IS_ACTION_ROW (row));

  if (!GTK_IS_BOX (header))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title"))
      box = child;
  if (box == NULL)
    return;

  title = g_object_new (BT_TYPE_ROW_TITLE,
                        "hexpand", gtk_widget_get_hexpand (box),
                        "valign", gtk_widget_get_valign (box),
                        NULL);
  g_object_ref (box);
  gtk_box_insert_child_after (GTK_BOX (header), title, box);
  gtk_box_remove (GTK_BOX (header), box);
  gtk_widget_set_parent (box, title);
  g_object_unref (box);

  /* The row centres its text: the new box does, around the old, which
   * fills it and so is never asked its width for a height again. */
  gtk_widget_set_valign (box, GTK_ALIGN_FILL);
}

/**
 * bt_row_title_new_row:
 *
 * Returns: (transfer floating): a new #AdwActionRow whose title and
 *   subtitle are in a #BtRowTitle
 */
GtkWidget *
bt_row_title_new_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  bt_row_title_adopt (ADW_ACTION_ROW (row));

  return row;
}
