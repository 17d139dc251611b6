/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "notification_registry.h"

typedef struct registration {
    HWND hwnd;
    const server *srv; /* compared by identity: one handle, one registration */
    DWORD flags;
    DWORD count;
} registration;

static SRWLOCK lock = SRWLOCK_INIT;
static registration *table;
static size_t used, capacity;

static registration *find(const server *srv, HWND hwnd)
{
    for (size_t i = 0; i < used; i++)
        if (table[i].hwnd == hwnd && table[i].srv == srv)
            return &table[i];
    return NULL;
}

DWORD notification_register(const server *srv, HWND hwnd, DWORD flags)
{
    DWORD st = ERROR_SUCCESS;
    AcquireSRWLockExclusive(&lock);
    registration *r = find(srv, hwnd);
    if (r) {
        r->count++; /* the flags of the first registration stay (docs) */
    } else {
        if (used == capacity) {
            size_t grown = capacity ? capacity * 2 : 8;
            registration *bigger = table ? HeapReAlloc(GetProcessHeap(), 0, table, grown * sizeof(*table))
                                         : HeapAlloc(GetProcessHeap(), 0, grown * sizeof(*table));
            if (bigger) {
                table = bigger;
                capacity = grown;
            }
        }
        if (used < capacity)
            table[used++] = (registration){ hwnd, srv, flags, 1 };
        else
            st = ERROR_NOT_ENOUGH_MEMORY;
    }
    ReleaseSRWLockExclusive(&lock);
    return st;
}

DWORD notification_unregister(const server *srv, HWND hwnd)
{
    DWORD st = ERROR_INVALID_PARAMETER;
    AcquireSRWLockExclusive(&lock);
    registration *r = find(srv, hwnd);
    if (r) {
        if (--r->count == 0)
            *r = table[--used];
        st = ERROR_SUCCESS;
    }
    ReleaseSRWLockExclusive(&lock);
    return st;
}

void notification_registry_free(void)
{
    AcquireSRWLockExclusive(&lock);
    if (table)
        HeapFree(GetProcessHeap(), 0, table);
    table = NULL;
    used = capacity = 0;
    ReleaseSRWLockExclusive(&lock);
}
