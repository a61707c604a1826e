/* bt-document-adopt.c — the document takes a plan made from another
 * writer's version of its file (a merge), and says which version of the
 * file it last read or wrote
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-document"

#include "config.h"

#include "bt-document.h"
#include "bt-document-private.h"

/**
 * bt_document_adopt:
 * @plan: the plan from now on, not saved yet
 * @etag: (nullable): the version of the file @plan was made from (their
 *   version, merged with the document's plan); %NULL keeps the one known
 *
 * Takes @plan as an edit of the file as it is at @etag: another writer's
 * version becomes the one the next save replaces, the conflict with it
 * ends, and the plan counts as changed until saved. Nothing is written:
 * the caller saves with bt_document_save_async(), which still refuses if
 * the file changed again since @etag.
 */
void
bt_document_adopt (BtDocument *self,
                   BtPlan     *plan,
                   const char *etag)
{
  g_return_if_fail (BT_IS_DOCUMENT (self));
  g_return_if_fail (BT_IS_PLAN (plan));

  bt_document_set_plan (self, plan);

  if (etag != NULL)
    {
      g_free (self->etag);
      self->etag = g_strdup (etag);
      g_debug ("Our version of the plan's file, adopted: %s", etag);
      if (self->conflict)
        {
          self->conflict = FALSE;
          g_object_notify (G_OBJECT (self), "conflict");
        }
    }

  if (!self->dirty)
    {
      self->dirty = TRUE;
      g_object_notify (G_OBJECT (self), "dirty");
    }
}

/**
 * bt_document_adopt_file:
 * @plan: (nullable): @bytes as a plan, from now on the document's; %NULL
 *   when the document's plan already is what @bytes hold
 * @bytes: what the file holds at @etag
 * @etag: the file's version that holds @bytes
 *
 * Takes the file as another writer left it, when a merge came out as
 * exactly their version: the plan is saved as it is, so it is not
 * changed, nothing is written (writing the same again would be seen by
 * the other writer as a change, which it would merge and save, and so on
 * without end), and the conflict with the file ends.
 */
void
bt_document_adopt_file (BtDocument *self,
                        BtPlan     *plan,
                        GBytes     *bytes,
                        const char *etag)
{
  g_return_if_fail (BT_IS_DOCUMENT (self));
  g_return_if_fail (plan == NULL || BT_IS_PLAN (plan));
  g_return_if_fail (bytes != NULL);
  g_return_if_fail (etag != NULL);

  if (plan != NULL && plan != self->plan)
    bt_document_set_plan (self, plan);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify (G_OBJECT (self), "dirty");
    }

  g_free (self->etag);
  self->etag = g_strdup (etag);
  g_debug ("Our version of the plan's file, adopted as it is: %s", etag);
  if (self->conflict)
    {
      self->conflict = FALSE;
      g_object_notify (G_OBJECT (self), "conflict");
    }

  g_clear_pointer (&self->synced, g_bytes_unref);
  self->synced = g_bytes_ref (bytes);
  g_signal_emit_by_name (self, "synced", bytes, FALSE);
}

/**
 * bt_document_get_etag:
 *
 * Returns: (nullable): the file's version as last read or written here
 *   (or adopted)
 */
const char *
bt_document_get_etag (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->etag;
}

/**
 * bt_document_get_synced:
 *
 * Returns: (nullable) (transfer none): what the file held when last read
 *   or written here, serialized; %NULL before that, and for a plan from a
 *   newer version
 */
GBytes *
bt_document_get_synced (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->synced;
}
