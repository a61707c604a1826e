/* bt-test-widgets.h — starting the ui tests and finding their widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <adwaita.h>

#include "bt-application.h"

/* g_test_init() with isolated folders, then GTK and libadwaita. Returns
 * FALSE, after printing a TAP skip, when there is no display: meson then
 * reports the test as skipped, and dev.sh test, which provides the display,
 * treats a skip as a broken set-up. */
static inline gboolean
bt_test_init_ui (int    *argc,
                 char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Isolated folders for what the tests write, but the system's read-only
   * data (icon themes, the MIME database that tells an SVG icon from other
   * files) as the app sees it. */
  g_setenv ("XDG_DATA_DIRS", data_dirs != NULL && *data_dirs != '\0' ? data_dirs : "/usr/local/share:/usr/share",
            TRUE);

  if (!gtk_init_check ())
    {
      printf ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  /* As the app does at start-up: widgets made without it are named as in
   * the app. */
  bt_application_name_mnemonic_buttons ();

  return TRUE;
}

typedef gboolean (*BtTestMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @widget (itself included), depth first, that
 * @match accepts. */
static inline GtkWidget *
bt_test_find_match (GtkWidget     *widget,
                    BtTestMatch    match,
                    gconstpointer  data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bt_test_find_match (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
bt_test_is_of_type (GtkWidget     *widget,
                    gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @widget, depth first. */
static inline GtkWidget *
bt_test_find (GtkWidget *widget,
              GType      type)
{
  return bt_test_find_match (widget, bt_test_is_of_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
bt_test_is_row_titled (GtkWidget     *widget,
                       gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The first preferences row under @widget titled @title, depth first. */
static inline GtkWidget *
bt_test_find_row (GtkWidget  *widget,
                  const char *title)
{
  return bt_test_find_match (widget, bt_test_is_row_titled, title);
}

/* Runs the main loop until @done says so, for at most @seconds: waiting
 * for what the user would see, not a fixed pause. */
static inline gboolean
bt_test_wait_until (gboolean (*done) (gpointer),
                    gpointer    data,
                    guint       seconds)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (10000), TRUE);

  return done (data);
}

/* Adds to @cut the text of every label shown under @widget that is cut:
 * ellipsized, or wider than its widget though it neither wraps nor
 * ellipsizes. */
static inline void
bt_test_find_cut_labels (GtkWidget *widget,
                         GPtrArray *cut)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    {
      GtkLabel *label = GTK_LABEL (widget);
      PangoLayout *layout = gtk_label_get_layout (label);
      int text_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (pango_layout_is_ellipsized (layout) ||
          (!gtk_label_get_wrap (label) && gtk_label_get_ellipsize (label) == PANGO_ELLIPSIZE_NONE &&
           text_width > gtk_widget_get_width (widget)))
        g_ptr_array_add (cut, (gpointer) gtk_label_get_text (label));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bt_test_find_cut_labels (child, cut);
}

static inline gboolean
bt_test_has_own_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Adds to @problems what a screen reader would read badly under @widget,
 * as shown: a list (GtkListBox) or a control that takes the focus with
 * no accessible name, which GTK 4.8 reads as its class ("GtkToggleButton"),
 * and a widget with both a label and a labelled-by, which GTK 4.8 reads
 * one after the other ("Weekly hours budget Weekly hours budget"). */
static inline void
bt_test_find_unnamed (GtkWidget *widget,
                      GPtrArray *problems)
{
  gboolean has_label, has_by;

  if (!gtk_widget_get_mapped (widget))
    return;

  has_label = gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  has_by = gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  if (has_label && has_by)
    g_ptr_array_add (problems, g_strdup_printf ("a %s with a label and a labelled-by (tooltip: %s)",
                                                G_OBJECT_TYPE_NAME (widget),
                                                gtk_widget_get_tooltip_text (widget)));
  else if (!has_label && !has_by)
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      gboolean is_list = GTK_IS_LIST_BOX (widget);
      gboolean is_control = gtk_widget_get_focusable (widget) &&
                            (GTK_IS_BUTTON (widget) || GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
                             GTK_IS_SCALE (widget));
      gboolean named = (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL) ||
                       (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL) ||
                       /* a menu button's own button: the menu button has the name */
                       (GTK_IS_MENU_BUTTON (parent) && bt_test_has_own_name (parent));

      if (is_list || (is_control && !named))
        g_ptr_array_add (problems, g_strdup_printf ("a %s without a name, in a %s (tooltip: %s)",
                                                    G_OBJECT_TYPE_NAME (widget),
                                                    parent ? G_OBJECT_TYPE_NAME (parent) : "window",
                                                    gtk_widget_get_tooltip_text (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    bt_test_find_unnamed (child, problems);
}

/* Fails, listing them, on what bt_test_find_unnamed() finds. */
static inline void
bt_test_assert_all_named (GtkWidget  *widget,
                          const char *where)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  bt_test_find_unnamed (widget, problems);
  for (guint i = 0; i < problems->len; i++)
    g_printerr ("%s: %s\n", where, (char *) problems->pdata[i]);
  if (problems->len > 0)
    g_error ("%s: %u controls or lists a screen reader reads badly", where, problems->len);
}

/* Runs the main loop for @ms milliseconds: only to give the UI time
 * before a screenshot, or for something that must NOT happen. What must
 * happen is waited for with bt_test_wait_until(). */
static inline void
bt_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
}

/* @native (a window or a popover) as drawn, once it has been drawn: slow
 * builds (the sanitizers) may not have laid it out yet. */
static inline GdkTexture *
bt_test_render (GtkWidget *native)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (native);
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;
  int width = 0, height = 0;

  for (guint attempt = 0; attempt < 50 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) s = gtk_snapshot_new ();

      width = gtk_widget_get_width (native);
      height = gtk_widget_get_height (native);
      if (width > 0 && height > 0)
        {
          gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (s), width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&s));
        }
      if (node == NULL)
        bt_test_spin (100);
    }
  g_assert_nonnull (node);
  bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (native)), node, &bounds);
}

/* Saves @window as _build/tests/screenshots/@name.png; returns how many
 * colours a sample of its pixels has, so a blank page shows as 1 or 2. */
static inline guint
bt_test_screenshot (GtkWidget  *window,
                    const char *name)
{
  g_autoptr(GdkTexture) texture = bt_test_render (window);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree guchar *pixels = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
  g_autofree char *path = NULL;
  gsize stride;

  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * gdk_texture_get_height (texture); i += 4 * 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (*(guint32 *) (pixels + i)));

  return g_hash_table_size (colours);
}

/* The question (an AdwMessageDialog) shown over @parent, if any. */
static inline AdwMessageDialog *
bt_test_question_over (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) == parent &&
          gtk_widget_get_visible (w))
        return ADW_MESSAGE_DIALOG (w);
    }

  return NULL;
}

/* A copy of the sample plan in a new private folder; returns its path. */
static inline char *
bt_test_copy_sample (void)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data", "sample-plan.json", NULL);
  g_autofree char *dir = g_dir_make_tmp ("bt-test-XXXXXX", NULL);
  char *path = g_build_filename (dir, "plan.json", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  return path;
}

/* A dialog's Ctrl+Return, as a key press would find it: whether it was
 * taken. */
static inline gboolean
bt_test_press_control_return (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (trigger, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, "<Control>Return"))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

