/* bt-test-widgets.h — finding widgets in the ui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
bt_test_find (GtkWidget *widget,
              GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bt_test_find (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}
