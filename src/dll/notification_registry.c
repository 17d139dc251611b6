/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "notification_registry.h"
#include "window_calls.h"

typedef struct registration {
    HWND hwnd;
    const server *srv; /* compared by identity: one handle, one registration */
    DWORD flags;
    DWORD count;
    const event_source *source;
    uint32_t own_session;
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

DWORD notification_register(const server *srv, HWND hwnd, DWORD flags, const event_source *source,
                            uint32_t own_session)
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
            table[used++] = (registration){ hwnd, srv, flags, 1, source, own_session };
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

void notification_registry_forget_server(const server *srv)
{
    AcquireSRWLockExclusive(&lock);
    for (size_t i = 0; i < used;) {
        if (table[i].srv == srv)
            table[i] = table[--used]; /* the entry moved in is looked at next */
        else
            i++;
    }
    ReleaseSRWLockExclusive(&lock);
}

/* NOTIFY_FOR_THIS_SESSION: "only session notifications involving the
 * session attached to by the window" (MicrosoftDocs sdk-api,
 * WTSRegisterSessionNotification), the caller's session on that server. */
static BOOL wants(const registration *r, const event_source *source, uint32_t session_id)
{
    return r->source == source &&
           (r->flags == NOTIFY_FOR_ALL_SESSIONS || r->own_session == session_id);
}

BOOL notification_registry_listens(const event_source *source, uint32_t session_id)
{
    BOOL any = FALSE;
    AcquireSRWLockShared(&lock);
    for (size_t i = 0; i < used && !any; i++)
        any = wants(&table[i], source, session_id);
    ReleaseSRWLockShared(&lock);
    return any;
}

void notification_registry_post(const event_source *source, uint32_t session_id, WPARAM code)
{
    /* Exclusive, and held while posting: an unregistration waits for a
     * round in progress, so nothing is posted for it once it returns. */
    AcquireSRWLockExclusive(&lock);
    size_t i = 0;
    while (i < used) {
        registration *r = &table[i];
        if (wants(r, source, session_id) &&
            !window_post(r->hwnd, WM_WTSSESSION_CHANGE, code, (LPARAM)session_id) &&
            GetLastError() == ERROR_INVALID_WINDOW_HANDLE) {
            *r = table[--used]; /* the window is gone; look at the one moved here */
            continue;
        }
        i++;
    }
    ReleaseSRWLockExclusive(&lock);
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
