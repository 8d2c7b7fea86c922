/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-memory.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

/* Blocks from this size get a mapping of their own. */
#define MMAP_THRESHOLD (1024 * 1024)

/**
 * iwd_memory_init:
 *
 * Tunes the allocator for tables of a million rows. Call it first thing
 * in main().
 *
 * glibc raises its mmap threshold each time a mapped block is freed, up
 * to 32 MiB. After a large download or file has been freed, the column
 * arrays of the next table (1 to 8 MiB each) then come from the heap,
 * which rarely gives freed blocks back to the system. A fixed threshold
 * keeps such arrays in mappings of their own, which free() unmaps at
 * once. Elsewhere than glibc this does nothing.
 */
void
iwd_memory_init (void)
{
#ifdef __GLIBC__
  mallopt (M_MMAP_THRESHOLD, MMAP_THRESHOLD);
#endif
}
