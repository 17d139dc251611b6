/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_events.h"

#define SPINS_BEFORE_STEAL (1L << 24) /* a writer that died must not block us forever */

/* One event in the ring. `sequence` is its number, or 0 while a writer is
 * filling it: a reader that finds the number it expects before and after
 * copying the rest has a whole event. */
typedef struct ring_entry {
    volatile LONG sequence;
    uint32_t session_id;
    uint32_t kind;
    uint32_t reserved;
} ring_entry;

/* The section. Only 32-bit fields, so 32- and 64-bit processes of one
 * prefix see the same layout; all zero is the empty state, so whoever
 * creates the section has nothing to initialise and nobody can see it half
 * made. Sequence numbers count from 1 and skip 0 when they wrap. */
typedef struct events_shared {
    volatile LONG lock;       /* writers only; readers take no lock */
    volatile LONG sequence;   /* the number of the last event written */
    volatile LONG next_token; /* names subscribers' events, never reused */
    uint32_t reserved;
    volatile LONG subscribers[LOCAL_EVENTS_SUBSCRIBERS]; /* tokens; 0 = free */
    ring_entry ring[LOCAL_EVENTS_RING];
} events_shared;

_Static_assert(sizeof(ring_entry) == 16, "one layout for 32- and 64-bit processes");
_Static_assert(sizeof(events_shared) == 16 + 4 * LOCAL_EVENTS_SUBSCRIBERS + 16 * LOCAL_EVENTS_RING,
               "one layout for 32- and 64-bit processes");
_Static_assert((LOCAL_EVENTS_RING & (LOCAL_EVENTS_RING - 1)) == 0, "the ring wraps with the counter");

/* This process as a subscriber: set once, kept for the life of the process
 * (the DLL stays loaded once it listens). */
static INIT_ONCE subscribe_once = INIT_ONCE_STATIC_INIT;
static DWORD subscribe_status;
static events_shared *volatile listening; /* our view, once subscribed */
static HANDLE own_wake;
static LONG own_token;
static LONG last_read; /* the reader thread's alone */

static LONG after(LONG n)
{
    return n + 1 ? n + 1 : 1;
}

static LONG read_long(volatile LONG *p)
{
    return InterlockedCompareExchange(p, 0, 0);
}

/* "Local\OpenWTS-session-events-1-wake-XXXXXXXX", the token in hex,
 * written by hand: wsprintf would make kernel32's users load user32. */
static void wake_name(LONG token, WCHAR *name, size_t cap)
{
    static const WCHAR prefix[] = LOCAL_EVENTS_SECTION L"-wake-";
    static const WCHAR hex[] = L"0123456789abcdef";
    size_t n = 0;
    for (; prefix[n] && n + 9 < cap; n++)
        name[n] = prefix[n];
    for (int shift = 28; shift >= 0; shift -= 4)
        name[n++] = hex[((ULONG)token >> shift) & 0xF];
    name[n] = 0;
}

static void ring_lock(events_shared *sh)
{
    long spins = 0;
    while (InterlockedCompareExchange(&sh->lock, 1, 0) != 0) {
        if (++spins == SPINS_BEFORE_STEAL) {
            InterlockedExchange(&sh->lock, 1); /* its holder is gone */
            break;
        }
        YieldProcessor();
        if ((spins & 1023) == 0)
            SwitchToThread();
    }
}

static void ring_unlock(events_shared *sh)
{
    InterlockedExchange(&sh->lock, 0);
}

static void append(events_shared *sh, const local_event *events, size_t count)
{
    ring_lock(sh);
    LONG n = sh->sequence;
    for (size_t i = 0; i < count; i++) {
        n = after(n);
        ring_entry *e = &sh->ring[(ULONG)n % LOCAL_EVENTS_RING];
        InterlockedExchange(&e->sequence, 0);
        e->session_id = events[i].session_id;
        e->kind = events[i].kind;
        InterlockedExchange(&e->sequence, n);
    }
    InterlockedExchange(&sh->sequence, n); /* the whole batch at once */
    ring_unlock(sh);
}

/* Sets every subscriber's event. A token whose event is gone belongs to a
 * process that has ended: its slot is freed (only if it still holds that
 * token, so a newer subscriber in the slot is left alone). */
static void wake_subscribers(events_shared *sh)
{
    for (size_t i = 0; i < LOCAL_EVENTS_SUBSCRIBERS; i++) {
        LONG token = read_long(&sh->subscribers[i]);
        if (!token)
            continue;
        if (token == own_token && listening == sh) {
            SetEvent(own_wake);
            continue;
        }
        WCHAR name[64];
        wake_name(token, name, ARRAYSIZE(name));
        HANDLE ev = OpenEventW(EVENT_MODIFY_STATE, FALSE, name);
        if (ev) {
            SetEvent(ev);
            CloseHandle(ev);
        } else if (GetLastError() == ERROR_FILE_NOT_FOUND) {
            InterlockedCompareExchange(&sh->subscribers[i], 0, token);
        }
    }
}

void local_events_post(const local_event *events, size_t count)
{
    if (!count)
        return;
    events_shared *sh = listening;
    if (sh) { /* we listen: our own view will do */
        append(sh, events, count);
        wake_subscribers(sh);
        return;
    }
    HANDLE section = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, LOCAL_EVENTS_SECTION);
    if (!section)
        return; /* nobody listens: nothing to tell */
    sh = MapViewOfFile(section, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, sizeof(*sh));
    if (sh) {
        append(sh, events, count);
        wake_subscribers(sh);
        UnmapViewOfFile(sh);
    }
    CloseHandle(section);
}

static BOOL claim_slot(events_shared *sh, LONG token)
{
    for (size_t i = 0; i < LOCAL_EVENTS_SUBSCRIBERS; i++)
        if (InterlockedCompareExchange(&sh->subscribers[i], token, 0) == 0)
            return TRUE;
    return FALSE;
}

/* Frees the slots of subscribers whose process has ended. */
static void sweep_slots(events_shared *sh)
{
    for (size_t i = 0; i < LOCAL_EVENTS_SUBSCRIBERS; i++) {
        LONG token = read_long(&sh->subscribers[i]);
        if (!token)
            continue;
        WCHAR name[64];
        wake_name(token, name, ARRAYSIZE(name));
        HANDLE ev = OpenEventW(SYNCHRONIZE, FALSE, name);
        if (ev)
            CloseHandle(ev);
        else if (GetLastError() == ERROR_FILE_NOT_FOUND)
            InterlockedCompareExchange(&sh->subscribers[i], 0, token);
    }
}

static BOOL CALLBACK subscribe(INIT_ONCE *once, void *param, void **ctx)
{
    (void)once; (void)param; (void)ctx;
    /* Created by the first listener, zero-filled; kept while anyone listens. */
    HANDLE section = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0,
                                        sizeof(events_shared), LOCAL_EVENTS_SECTION);
    if (!section) {
        subscribe_status = GetLastError();
        return TRUE;
    }
    events_shared *sh = MapViewOfFile(section, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, sizeof(*sh));
    if (!sh) {
        subscribe_status = GetLastError();
        CloseHandle(section);
        return TRUE;
    }
    /* The handle stays open: under Wine 8 a view alone does not keep the
     * name (measured), and writers find the section by its name. */

    LONG token;
    do
        token = InterlockedIncrement(&sh->next_token);
    while (!token);
    WCHAR name[64];
    wake_name(token, name, ARRAYSIZE(name));
    HANDLE wake = CreateEventW(NULL, FALSE, FALSE, name);
    if (!wake) {
        subscribe_status = GetLastError();
        UnmapViewOfFile(sh);
        CloseHandle(section);
        return TRUE;
    }
    own_token = token;
    own_wake = wake;
    if (!claim_slot(sh, token)) {
        sweep_slots(sh);
        if (!claim_slot(sh, token))
            own_wake = NULL; /* no room to be woken: the reader polls */
    }
    if (!own_wake)
        CloseHandle(wake);
    /* Read after the slot is ours: an event numbered past this one is
     * appended after we were in the table, so its writer wakes us. */
    last_read = read_long(&sh->sequence);
    listening = sh;
    subscribe_status = ERROR_SUCCESS;
    return TRUE;
}

DWORD local_events_subscribe(HANDLE *wake)
{
    InitOnceExecuteOnce(&subscribe_once, subscribe, NULL, NULL);
    *wake = own_wake;
    return subscribe_status;
}

uint32_t local_events_read(local_event_fn fn, void *ctx)
{
    events_shared *sh = listening;
    if (!sh)
        return 0;
    uint32_t lost = 0;
    LONG current = read_long(&sh->sequence);
    while (last_read != current) {
        /* Further behind than the ring holds: what was overwritten is lost. */
        if ((ULONG)(current - last_read) > LOCAL_EVENTS_RING) {
            lost += (ULONG)(current - last_read) - LOCAL_EVENTS_RING;
            last_read = current - LOCAL_EVENTS_RING;
        }
        LONG n = after(last_read);
        ring_entry *e = &sh->ring[(ULONG)n % LOCAL_EVENTS_RING];
        local_event ev = { 0, 0 };
        BOOL whole = FALSE;
        if (read_long(&e->sequence) == n) {
            ev.session_id = e->session_id;
            ev.kind = e->kind;
            MemoryBarrier();
            whole = read_long(&e->sequence) == n;
        }
        last_read = n;
        if (whole)
            fn(ctx, &ev);
        else
            lost++; /* overwritten while we were reading it */
    }
    return lost;
}
