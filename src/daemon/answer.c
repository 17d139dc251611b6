/* Answers (server.h): every reply goes out through here, one answer at a
 * time per connection, its parts made only while the output queue is
 * under --max-output. A long list is sent as several ServerMessages with
 * `more` on all but the last (reply_parts.h); no event is put between the
 * parts of an answer. While an answer is not all queued, the connection
 * reads no further requests: a client cannot make wtsd hold more than one
 * answer and a bounded queue for it.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>

#include "log.h"
#include "server.h"

void wtsd_answer_free(wtsd_conn *c)
{
    if (!c->answer)
        return;
    openwts_reply_release(c->answer);
    free(c->answer);
    c->answer = NULL;
}

void wtsd_answer_start(wtsd_conn *c, uint64_t id, openwts_Reply *reply)
{
    if (c->closed || c->answer) {
        /* Closed meanwhile (an error while the request was served), or a
         * caller bug: never two answers at once. */
        openwts_reply_release(reply);
        free(reply);
        return;
    }
    c->answer = reply;
    openwts_reply_parts_start(&c->parts, reply, id, OPENWTS_FRAME_MAX);
    wtsd_answer_pump(c);
}

void wtsd_answer_status(wtsd_conn *c, uint64_t id, openwts_status status)
{
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep) {
        wtsd_conn_close(c, WTSD_LOG_ERROR, "out of memory");
        return;
    }
    rep->status = status;
    if (status == OPENWTS_OK)
        rep->which_result = openwts_Reply_done_tag;
    wtsd_answer_start(c, id, rep);
}

void wtsd_answer_pump(wtsd_conn *c)
{
    if (c->cannot_write) {
        wtsd_answer_free(c);
        return;
    }
    size_t bound = c->server->opt->max_output;
    while (c->answer && !c->closed && c->out.bytes < bound) {
        if (openwts_reply_parts_done(&c->parts)) {
            wtsd_answer_free(c);
            break;
        }
        openwts_ServerMessage part;
        openwts_status st = openwts_reply_parts_next(&c->parts, &part);
        if (st != OPENWTS_OK) {
            /* One entry that does not fit a frame: a backend's record the
             * protocol cannot carry. Say so instead of a part. */
            wtsd_error("#%llu %s: an answer could not be cut into frames (error %lu)",
                       (unsigned long long)c->number, c->peer.text, (unsigned long)st);
            uint64_t id = c->parts.id;
            wtsd_answer_free(c);
            openwts_ServerMessage m = openwts_ServerMessage_init_zero;
            m.id = id;
            m.which_body = openwts_ServerMessage_reply_tag;
            m.body.reply.status = OPENWTS_ERROR_INVALID_DATA;
            wtsd_conn_queue(c, &m);
            break;
        }
        if (!wtsd_conn_queue(c, &part))
            break;
    }
    if (c->answer && openwts_reply_parts_done(&c->parts))
        wtsd_answer_free(c);
}
