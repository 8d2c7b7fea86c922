/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-test-objects.h"

/* The test's patience with an object that a worker thread still holds:
 * long, because valgrind slows the threads down many times over. */
#define FINALIZE_TIMEOUT_US (30 * G_USEC_PER_SEC)

/**
 * iwd_test_assert_finalized_soon:
 * @object: (transfer full): the last reference the test holds
 *
 * Drops @object and runs the main loop until it is finalized, failing
 * after 30 seconds. A task's worker thread may drop its own reference
 * just after the task's callback ran, so the object can outlive the
 * test's last call for a moment.
 */
void
iwd_test_assert_finalized_soon (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + FINALIZE_TIMEOUT_US;
  gpointer weak_pointer = object;

  g_object_add_weak_pointer (object, &weak_pointer);
  g_object_unref (object);

  while (weak_pointer != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_null (weak_pointer);
}
