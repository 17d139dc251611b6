/* nanopb's allocator for lists it decodes. nanopb grows a list by one
 * entry per entry read, so with plain realloc a list of n entries costs n
 * reallocations and, where realloc moves the block, O(n^2) copying. Blocks
 * are sized in powers of two and a request that still fits the block it
 * has returns it as it is, so a list of n entries moves about log2(n)
 * times. Blocks stay plain malloc blocks, freed with free() and grown with
 * realloc() by our own code (process_list.c, dispatch.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pb_system.h"

#ifdef _WIN32
#include <malloc.h>
#define usable_size(p) _msize(p)
#else
#include <malloc.h>
#define usable_size(p) malloc_usable_size(p)
#endif

void *openwts_pb_realloc(void *ptr, size_t size)
{
    if (ptr && size && usable_size(ptr) >= size)
        return ptr;
    size_t rounded = 64;
    while (rounded < size) {
        if (rounded > SIZE_MAX / 2)
            return realloc(ptr, size); /* no power of two left: as asked */
        rounded *= 2;
    }
    return realloc(ptr, rounded);
}
