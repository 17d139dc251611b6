/* WTSWaitSystemEvent (MicrosoftDocs sdk-api, nf-wtsapi32-wtswaitsystemevent.md).
 * What the page leaves open is in the README, "Beyond the docs": which
 * WTS_EVENT_* flags each change raises, a mask of 0, a flush mixed with
 * other flags, and a handle closed under a waiter.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_watcher.h"
#include "frontend.h"
#include "system_events.h"
#include "trace.h"

enum waiter_state { WAITING, EVENTS, FLUSHED, CLOSED };

/* One call blocked in WTSWaitSystemEvent; lives on its stack. */
typedef struct waiter {
    struct waiter *next;
    const server *srv; /* the handle's server, referenced by the call */
    const event_source *source;
    DWORD mask;
    DWORD flags;       /* the WTS_EVENT_* in the mask that happened */
    enum waiter_state state;
} waiter;

static SRWLOCK lock = SRWLOCK_INIT;
static CONDITION_VARIABLE released = CONDITION_VARIABLE_INIT;
static waiter *waiters;

/* The WTS_EVENT_* flags of one change. Every change of a session's
 * connection state (WTS_CONNECTSTATE_CLASS) is also a STATECHANGE; a lock
 * or unlock has no flag of its own and is one too. */
static DWORD event_flags(openwts_event_kind kind)
{
    switch (kind) {
    case OPENWTS_EVENT_CREATE: return WTS_EVENT_CREATE;
    case OPENWTS_EVENT_DELETE: return WTS_EVENT_DELETE;
    case OPENWTS_EVENT_CONNECT: return WTS_EVENT_CONNECT | WTS_EVENT_STATECHANGE;
    case OPENWTS_EVENT_DISCONNECT: return WTS_EVENT_DISCONNECT | WTS_EVENT_STATECHANGE;
    case OPENWTS_EVENT_LOGON: return WTS_EVENT_LOGON | WTS_EVENT_STATECHANGE;
    case OPENWTS_EVENT_LOGOFF: return WTS_EVENT_LOGOFF | WTS_EVENT_STATECHANGE;
    case OPENWTS_EVENT_LOCK:
    case OPENWTS_EVENT_UNLOCK:
    case OPENWTS_EVENT_STATE: return WTS_EVENT_STATECHANGE;
    default: return WTS_EVENT_NONE;
    }
}

void system_events_deliver(const event_source *source, openwts_event_kind kind)
{
    DWORD flags = event_flags(kind);
    BOOL any = FALSE;
    AcquireSRWLockExclusive(&lock);
    for (waiter *w = waiters; w; w = w->next) {
        /* A waiter released but not yet running collects what follows too:
         * "the event or events that occurred". */
        if (w->source == source && (w->state == WAITING || w->state == EVENTS) && (flags & w->mask)) {
            w->flags |= flags & w->mask;
            w->state = EVENTS;
            any = TRUE;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    if (any)
        WakeAllConditionVariable(&released);
}

/* Releases the waiters of `srv` still waiting, as `how`. */
static void release_server(const server *srv, enum waiter_state how)
{
    BOOL any = FALSE;
    AcquireSRWLockExclusive(&lock);
    for (waiter *w = waiters; w; w = w->next) {
        if (w->srv == srv && w->state == WAITING) {
            w->state = how;
            any = TRUE;
        }
    }
    ReleaseSRWLockExclusive(&lock);
    if (any)
        WakeAllConditionVariable(&released);
}

void system_events_server_closed(const server *srv)
{
    /* Nobody waiting, the common case, costs a load, not our lock: closing
     * a handle stays cheaper than a query (README, "Speed"). A waiter that
     * is not seen here is not lost: it adds itself under our lock and then
     * asks whether its handle is still open under the handle table's lock,
     * which server_handle_close released after invalidating the handle and
     * before calling us; if it got that lock first, its add is ordered
     * before our load by the same lock, and we see it. */
    if (!__atomic_load_n(&waiters, __ATOMIC_ACQUIRE))
        return;
    release_server(srv, CLOSED);
}

/* Does hServer still name srv? Asked with our lock held, after the waiter
 * is in the list: a close that comes later finds the waiter, one that came
 * before shows here (server_handle_close invalidates the handle before it
 * calls system_events_server_closed). */
static BOOL still_open(HANDLE hServer, const server *srv)
{
    server *now;
    if (server_handle_resolve(hServer, &now))
        return FALSE;
    BOOL same = now == srv;
    server_release(now);
    return same;
}

static DWORD wait_for(HANDLE hServer, const server *srv, const event_source *source, DWORD mask,
                      DWORD *flags_out)
{
    waiter w = { NULL, srv, source, mask, WTS_EVENT_NONE, WAITING };
    AcquireSRWLockExclusive(&lock);
    w.next = waiters;
    waiters = &w;
    if (!still_open(hServer, srv))
        w.state = CLOSED;
    while (w.state == WAITING)
        SleepConditionVariableSRW(&released, &lock, INFINITE, 0);
    waiter **p = &waiters;
    while (*p != &w)
        p = &(*p)->next;
    *p = w.next;
    ReleaseSRWLockExclusive(&lock);

    switch (w.state) {
    case EVENTS:
        *flags_out = w.flags;
        return ERROR_SUCCESS;
    case FLUSHED:
        /* "WTS_EVENT_NONE if the wait terminated because of a
         * WTSWaitSystemEvent call with WTS_EVENT_FLUSH" (docs). */
        *flags_out = WTS_EVENT_NONE;
        return ERROR_SUCCESS;
    default:
        return ERROR_INVALID_HANDLE; /* closed under us */
    }
}

static DWORD wait_system_event(HANDLE hServer, DWORD mask, DWORD *flags_out)
{
    if (!flags_out)
        return ERROR_INVALID_PARAMETER;
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    if (mask & WTS_EVENT_FLUSH) {
        /* "to cause all pending WTSWaitSystemEvent calls on the specified
         * RD Session Host server handle to return" (docs); this call
         * itself returns at once, having waited for nothing. */
        release_server(srv, FLUSHED);
        *flags_out = WTS_EVENT_NONE;
    } else if (mask == WTS_EVENT_NONE) {
        *flags_out = WTS_EVENT_NONE; /* nothing to wait for */
    } else {
        event_source *source;
        uint32_t own_session;
        st = event_source_for(srv, &source, &own_session);
        if (!st)
            st = event_watcher_watch(source);
        if (!st)
            st = wait_for(hServer, srv, source, mask, flags_out);
    }
    server_release(srv);
    return st;
}

BOOL WINAPI WTSWaitSystemEvent(HANDLE hServer, DWORD EventMask, DWORD *pEventFlags)
{
    TRACE("%p, %#lx, %p\n", hServer, EventMask, pEventFlags);
    return status_to_bool(wait_system_event(hServer, EventMask, pEventFlags));
}
