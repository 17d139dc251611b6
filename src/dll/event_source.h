/* Where this process learns what happened to a server's sessions. The
 * watcher thread (event_watcher.c) starts a source the first time a
 * program wants its events, waits on the handle the source gives it, and
 * drains the source when woken; the source reports each event through the
 * backend table's event function (openwts_event_fn) with the source as its
 * context, from the watcher's thread, oldest first.
 *
 * One source today, `local` (event_source_local.c): the embedded backend,
 * whose changes every process of the prefix shares (local_events.h).
 *
 * The hook for a daemon (wtsd): a socket source per connection. Its start
 * sends Subscribe{on: true} and gives the watcher an event that the
 * connection's reader sets whenever it has queued an Event message (a
 * ServerMessage with id 0); its drain pops the queued events in order and
 * calls the sink with (session_id, kind) for each (a gap in
 * Event.sequence means the daemon dropped some: there is nothing to
 * redeliver, the later events go on). event_source_for then returns that
 * connection's source for the servers the socket transport serves. The
 * watcher calls the server back (server_call on `srv`, from its own thread,
 * between drains) to learn a session's protocol: an Event that arrives
 * while that call waits for its reply is queued for the next drain, never
 * dropped or taken for the reply.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_EVENT_SOURCE_H
#define OPENWTS_EVENT_SOURCE_H

#include "frontend.h"

typedef struct event_source event_source;
struct event_source {
    const char *name;
    /* Begins listening, once per process, before any drain: from now on
     * every event of the source's sessions reaches `sink` (ctx: the
     * source) when the watcher drains. *wake: signalled when events may be
     * waiting (NULL: none); *poll_ms: how often to drain anyway (INFINITE
     * when *wake is enough). Returns a Win32 error. */
    DWORD (*start)(event_source *self, openwts_event_fn sink, HANDLE *wake, DWORD *poll_ms);
    /* Reports every event that arrived since the last drain, in order.
     * Called by the watcher thread only. */
    void (*drain)(event_source *self);
    /* The server asked about the source's sessions, set by start. */
    server *srv;
};

/* The source that reports the events of `srv`'s sessions, and the caller's
 * own session on that server (what NOTIFY_FOR_THIS_SESSION means there;
 * OPENWTS_CURRENT_SESSION when the caller is in none). Asks the server, so
 * a server that cannot be reached fails here with the error its calls get
 * (RPC_S_SERVER_UNAVAILABLE). */
DWORD event_source_for(server *srv, event_source **out, uint32_t *own_session);

#endif
