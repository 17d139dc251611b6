/* Session events (docs/wtsd.md, "Events"): each change the backend
 * reports gets the next number of this server's sequence and goes, as an
 * Event message with id 0, to every connection that subscribed. A
 * subscriber whose output queue has no room for it (or that is in the
 * middle of receiving an answer) does not get it: it sees the gap in the
 * sequence of the next event it gets. Nothing here waits for a client.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "log.h"
#include "server.h"

/* Called from inside a backend operation: it only queues, and leaves the
 * writing to the loop (EPOLLOUT), so no connection is closed under the
 * feet of the one whose request is being served. */
void wtsd_events_sink(void *ctx, uint32_t session_id, openwts_event_kind kind)
{
    wtsd_server *s = ctx;
    uint64_t seq = ++s->event_sequence;
    wtsd_info("event %llu: session %lu %s", (unsigned long long)seq, (unsigned long)session_id,
              wtsd_event_kind_name(kind));

    openwts_ServerMessage m = openwts_ServerMessage_init_zero;
    m.id = 0;
    m.which_body = openwts_ServerMessage_event_tag;
    m.body.event.session_id = session_id;
    m.body.event.kind = (uint32_t)kind;
    m.body.event.sequence = seq;
    size_t len = 0;
    if (openwts_frame_write_server_message(&m, s->frame, OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX,
                                           OPENWTS_FRAME_MAX, &len) != OPENWTS_OK)
        return;

    wtsd_conn *next;
    for (wtsd_conn *c = s->conns; c; c = next) {
        next = c->next;
        if (!c->subscribed || c->state != WTSD_CONN_READY || c->draining || c->cannot_write)
            continue;
        if (c->answer || c->out.bytes + len > s->opt->max_output
            || !wtsd_out_queue_push(&c->out, s->frame, len)) {
            if (c->events_dropped++ == 0)
                wtsd_info("#%llu %s: events dropped from %llu on: its queue is full",
                          (unsigned long long)c->number, c->peer.text, (unsigned long long)seq);
            continue;
        }
        c->events_dropped = 0;
        wtsd_conn_watch(c);
    }
}
