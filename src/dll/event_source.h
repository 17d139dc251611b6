/* Where this process learns what happened to a server's sessions. The
 * watcher thread (event_watcher.c) starts a source the first time a
 * program wants its events, waits on the handle the source gives it, and
 * drains the source when woken; the source reports each event through the
 * backend table's event function (openwts_event_fn) with the source as its
 * context, from the watcher's thread, oldest first.
 *
 * Two kinds of source:
 * - `local` (event_source_local.c): the embedded backend, whose changes
 *   every process of the prefix shares (local_events.h); one per process.
 * - a wtsd (event_source_socket.c): one per server a process watches
 *   (servers named alike share it, whatever handles name them). Its start
 *   subscribes on a connection of its own, separate from the requests'
 *   (so an event can never be taken for a reply); a thread of the source
 *   reads that connection and queues each Event, setting the source's wake
 *   handle; its drain reports them in order. A gap in Event.sequence means
 *   the daemon dropped some for us: there is nothing to redeliver, the
 *   later events go on. A connection that breaks is made again, the
 *   subscription with it, after a pause that grows while it keeps failing;
 *   what happened meanwhile is lost.
 * The watcher asks the server about a session (its protocol, for the
 * console or remote code) through the source's `srv`, on the watcher's
 * thread, between events: for a wtsd that is a request connection of the
 * source's own, never the subscribed one.
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

/* The embedded backend's source (event_source_local.c). */
event_source *event_source_local(void);
/* The source of the wtsd `b` names (a ROUTE_SOCKET binding), made at its
 * first use and kept for the life of the process, as the watcher keeps
 * it (event_source_socket.c). ERROR_SUCCESS, or ERROR_NOT_ENOUGH_MEMORY
 * (also past the number of servers one process can watch). */
DWORD event_source_socket(const server_binding *b, event_source **out);

/* The source that reports the events of `srv`'s sessions, and the caller's
 * own session on that server (what NOTIFY_FOR_THIS_SESSION means there;
 * OPENWTS_CURRENT_SESSION when the caller is in none). Asks the server, so
 * a server that cannot be reached fails here with the error its calls get
 * (RPC_S_SERVER_UNAVAILABLE). */
DWORD event_source_for(server *srv, event_source **out, uint32_t *own_session);

#endif
