/* Freeing what the API returned: WTSFreeMemory, WTSFreeMemoryEx.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"

void WINAPI WTSFreeMemory(PVOID pMemory)
{
    TRACE("%p\n", pMemory);
    out_free(pMemory);
}

/* Every result is one block, so the count only has to be plausible; the
 * class must be one of WTS_TYPE_CLASS. */
static BOOL free_memory_ex(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory)
{
    switch (WTSTypeClass) {
    case WTSTypeProcessInfoLevel0:
    case WTSTypeProcessInfoLevel1:
    case WTSTypeSessionInfoLevel1:
        break;
    default:
        return status_to_bool(ERROR_INVALID_PARAMETER);
    }
    /* NULL is nothing to free, as for WTSFreeMemory; Wine's builtin also
     * succeeds, and a program may free what a failed call left NULL. */
    out_free(pMemory);
    return status_to_bool(ERROR_SUCCESS);
}

BOOL WINAPI WTSFreeMemoryExW(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory, ULONG NumberOfEntries)
{
    TRACE("%d, %p, %lu\n", WTSTypeClass, pMemory, NumberOfEntries);
    (void)NumberOfEntries;
    return free_memory_ex(WTSTypeClass, pMemory);
}

BOOL WINAPI WTSFreeMemoryExA(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory, ULONG NumberOfEntries)
{
    TRACE("%d, %p, %lu\n", WTSTypeClass, pMemory, NumberOfEntries);
    (void)NumberOfEntries;
    return free_memory_ex(WTSTypeClass, pMemory);
}
