/* The events of a wtsd (docs/wtsd.md, "Events"): one source per server this
 * process watches, made at its first registration or wait and kept until
 * the process ends (the watcher never lets a source go).
 *
 * A source has two connections of its own, besides those of the program's
 * handles: `events`, subscribed and read by the source's reader thread,
 * which carries no request, so an event is never taken for a reply; and
 * the one of `base.srv`, on which the watcher asks about a session. The
 * reader queues each Event (in the order wtsd numbered them) and sets
 * `wake`; the watcher's drain hands them to the sink.
 *
 * Losses, each the server's or the network's to cause, none silent under
 * WINEDEBUG=warn+wtsapi:
 * - wtsd drops events for a subscriber whose queue is full (docs/wtsd.md,
 *   "Limits"); the next event shows the gap in its sequence. Our own queue
 *   is bounded too: while it is full the reader stops reading, and wtsd
 *   then drops what follows, so a watcher held up (a session query waiting
 *   on a slow server) costs events, never memory.
 * - A connection that breaks (wtsd restarted or stopped, the network) is
 *   made again, first after RECONNECT_FIRST_MS, then after a pause that
 *   doubles up to RECONNECT_MAX_MS while it keeps failing. Events of the
 *   time in between are lost: wtsd keeps nothing for a subscriber that is
 *   gone, and its sequence starts again at 1 when it restarts.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_source.h"
#include "trace.h"
#include "transport.h"

#define MAX_SOCKET_SOURCES 15   /* the watcher watches 16 sources, `local` among them */
#define EVENT_QUEUE_MAX    1024 /* events read but not yet drained */
#define RECONNECT_FIRST_MS 250
#define RECONNECT_MAX_MS   5000

#define WARN(...)                                                      \
    do {                                                               \
        if (trace_enabled(TRACE_CLASS_WARN))                           \
            trace_print(TRACE_CLASS_WARN, __func__, __VA_ARGS__);      \
    } while (0)

typedef struct queued_event {
    uint32_t session_id;
    uint32_t kind;
} queued_event;

typedef struct socket_source {
    event_source base;      /* what the watcher and the registry see */
    server_binding binding; /* which wtsd */
    socket_link *events;    /* subscribed; read by the reader alone once it runs */
    openwts_event_fn sink;
    HANDLE wake;            /* auto-reset: events were queued */
    HANDLE reader;
    uint64_t last_sequence; /* of the last event read; 0 after a (re)subscription */
    SRWLOCK lock;           /* the queue */
    CONDITION_VARIABLE room;
    size_t head, count;
    queued_event queue[EVENT_QUEUE_MAX];
} socket_source;

static SRWLOCK table_lock = SRWLOCK_INIT;
static socket_source *sources[MAX_SOCKET_SOURCES];
static size_t source_count;

/* ---- the reader thread ------------------------------------------------- */

static void queue_push(socket_source *s, const openwts_Event *ev)
{
    AcquireSRWLockExclusive(&s->lock);
    while (s->count == EVENT_QUEUE_MAX)
        SleepConditionVariableSRW(&s->room, &s->lock, INFINITE, 0);
    s->queue[(s->head + s->count) % EVENT_QUEUE_MAX] = (queued_event){ ev->session_id, ev->kind };
    s->count++;
    ReleaseSRWLockExclusive(&s->lock);
    SetEvent(s->wake);
}

static void note_sequence(socket_source *s, uint64_t sequence)
{
    if (s->last_sequence && sequence > s->last_sequence + 1)
        WARN("%s:%u: the server dropped %llu events\n", trace_wstr(s->binding.host), s->binding.port,
             (unsigned long long)(sequence - s->last_sequence - 1));
    s->last_sequence = sequence;
}

/* Subscribes again until it works, pausing longer after each failure. */
static void resubscribe(socket_source *s, DWORD *pause)
{
    for (;;) {
        Sleep(*pause);
        if (*pause < RECONNECT_MAX_MS)
            *pause = *pause * 2 < RECONNECT_MAX_MS ? *pause * 2 : RECONNECT_MAX_MS;
        DWORD st = transport_socket_subscribe(s->events);
        if (st == OPENWTS_OK)
            break;
        WARN("%s:%u: no subscription (error %lu); trying again in %lu ms\n", trace_wstr(s->binding.host),
             s->binding.port, (unsigned long)st, (unsigned long)*pause);
    }
    s->last_sequence = 0; /* a restarted wtsd counts from 1 again */
}

static DWORD WINAPI read_events(void *param)
{
    socket_source *s = param;
    DWORD pause = RECONNECT_FIRST_MS;
    ULONGLONG subscribed_at = GetTickCount64();
    for (;;) {
        openwts_Event ev;
        DWORD st = transport_socket_next_event(s->events, &ev);
        if (st == OPENWTS_OK) {
            note_sequence(s, ev.sequence);
            queue_push(s, &ev);
            continue;
        }
        /* A subscription that lived a while broke by chance (a restart):
         * the first pause again. One that keeps breaking at once (a server
         * that takes the subscription and then drops us) backs off. */
        if (GetTickCount64() - subscribed_at >= RECONNECT_MAX_MS)
            pause = RECONNECT_FIRST_MS;
        WARN("%s:%u: the event connection broke (error %lu); events are lost until it is back\n",
             trace_wstr(s->binding.host), s->binding.port, (unsigned long)st);
        resubscribe(s, &pause);
        subscribed_at = GetTickCount64();
    }
    return 0;
}

/* ---- the source -------------------------------------------------------- */

/* The reader runs our code until the process ends: FreeLibrary by the
 * program must leave the DLL loaded (the watcher does the same). */
static BOOL pin_this_dll(void)
{
    HMODULE self;
    return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                              (LPCWSTR)(void *)event_source_socket, &self);
}

/* Called by the watcher with its lock held, so one start at a time; after
 * a failure the next registration or wait calls it again. */
static DWORD socket_start(event_source *self, openwts_event_fn sink, HANDLE *wake, DWORD *poll_ms)
{
    socket_source *s = CONTAINING_RECORD(self, socket_source, base);
    if (s->reader)
        return ERROR_SUCCESS; /* never the case: the watcher starts a source once */
    if (!s->wake && !(s->wake = CreateEventW(NULL, FALSE, FALSE, NULL)))
        return GetLastError();
    if (!pin_this_dll())
        return GetLastError();
    s->sink = sink;
    /* Subscribed before this returns: a change made after the program's
     * registration returned is never missed. */
    DWORD st = transport_socket_subscribe(s->events);
    if (st)
        return st;
    s->last_sequence = 0;
    s->reader = CreateThread(NULL, 0, read_events, s, 0, NULL);
    if (!s->reader)
        return GetLastError(); /* the next start subscribes afresh, closing this connection */
    *wake = s->wake;
    *poll_ms = INFINITE;
    return ERROR_SUCCESS;
}

static void socket_drain(event_source *self)
{
    socket_source *s = CONTAINING_RECORD(self, socket_source, base);
    /* What is queued now; later events set `wake` again and wait for the
     * next round, so one busy server does not hold up the others. */
    AcquireSRWLockShared(&s->lock);
    size_t n = s->count;
    ReleaseSRWLockShared(&s->lock);
    for (size_t i = 0; i < n; i++) {
        AcquireSRWLockExclusive(&s->lock);
        queued_event ev = s->queue[s->head];
        s->head = (s->head + 1) % EVENT_QUEUE_MAX;
        s->count--;
        ReleaseSRWLockExclusive(&s->lock);
        WakeConditionVariable(&s->room);
        s->sink(&s->base, ev.session_id, (openwts_event_kind)ev.kind);
    }
}

static BOOL same_server(const server_binding *a, const server_binding *b)
{
    return a->port == b->port && CompareStringOrdinal(a->host, -1, b->host, -1, TRUE) == CSTR_EQUAL &&
           a->key_len == b->key_len && (a->key_len == 0 || memcmp(a->key, b->key, a->key_len) == 0);
}

static socket_source *source_new(const server_binding *b)
{
    socket_source *s = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*s));
    server *srv = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*srv));
    socket_link *events = transport_socket_open(b), *requests = transport_socket_open(b);
    if (!s || !srv || !events || !requests) {
        transport_socket_close(events);
        transport_socket_close(requests);
        if (srv)
            HeapFree(GetProcessHeap(), 0, srv);
        if (s)
            HeapFree(GetProcessHeap(), 0, s);
        return NULL;
    }
    /* A server of the source's own, in no handle table: the key of a
     * binding lives until the DLL unloads, which a started source
     * prevents. */
    srv->refs = 1;
    srv->binding = *b;
    srv->link = requests;
    s->base = (event_source){ "wtsd", socket_start, socket_drain, srv };
    s->binding = *b;
    s->events = events;
    InitializeSRWLock(&s->lock);
    InitializeConditionVariable(&s->room);
    return s;
}

DWORD event_source_socket(const server_binding *b, event_source **out)
{
    DWORD st = ERROR_SUCCESS;
    AcquireSRWLockExclusive(&table_lock);
    size_t i = 0;
    while (i < source_count && !same_server(&sources[i]->binding, b))
        i++;
    if (i == source_count) {
        socket_source *s = source_count < MAX_SOCKET_SOURCES ? source_new(b) : NULL;
        if (s)
            sources[source_count++] = s;
        else
            st = ERROR_NOT_ENOUGH_MEMORY;
    }
    if (st == ERROR_SUCCESS)
        *out = &sources[i]->base;
    ReleaseSRWLockExclusive(&table_lock);
    return st;
}
