/* nanopb's system header (PB_SYSTEM_HEADER): the standard headers nanopb
 * needs, and its list allocator (pb_alloc.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_PB_SYSTEM_H
#define OPENWTS_PB_SYSTEM_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *openwts_pb_realloc(void *ptr, size_t size);
#define pb_realloc(ptr, size) openwts_pb_realloc(ptr, size)

#endif
