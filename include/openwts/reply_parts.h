/* Answers in parts (openwts.proto, ServerMessage.more): a reply holding a
 * list longer than one frame takes is sent as several ServerMessages with
 * the same id, `more` set on all but the last, each holding a run of the
 * list; the receiver joins their lists back into one Reply.
 *
 * Sending:
 *     openwts_reply_parts parts;
 *     openwts_reply_parts_start(&parts, &reply, id, OPENWTS_FRAME_MAX);
 *     while (!openwts_reply_parts_done(&parts)) {
 *         if (openwts_reply_parts_next(&parts, msg) != OPENWTS_OK) ...;
 *         openwts_frame_write_server_message(msg, ...);
 *     }
 * A part borrows the reply's list: encode it while the reply lives, never
 * release it. A reply without a list is one part.
 *
 * Receiving: openwts_reply_join_start once, then openwts_reply_join_add for
 * each decoded ServerMessage of that id until *complete.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_REPLY_PARTS_H
#define OPENWTS_REPLY_PARTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openwts/status.h"
#include "openwts.pb.h"

typedef struct openwts_reply_parts {
    const openwts_Reply *reply;
    uint64_t id;
    uint32_t bound;        /* the largest encoded ServerMessage */
    size_t next;           /* the first list entry not yet in a part */
    bool done;
} openwts_reply_parts;

/* Parts of `reply` answering request `id`, each encoding to at most
 * `bound` bytes (a frame's payload: OPENWTS_FRAME_MAX). */
void openwts_reply_parts_start(openwts_reply_parts *p, const openwts_Reply *reply, uint64_t id,
                               uint32_t bound);
/* Fills *part with the next part: as many list entries as fit, at least
 * one. ERROR_INVALID_DATA when even one entry (or a reply without a list)
 * does not fit the bound, or does not encode; ERROR_INVALID_PARAMETER past
 * the last part. After an error, done is true: nothing is retried. */
openwts_status openwts_reply_parts_next(openwts_reply_parts *p, openwts_ServerMessage *part);
bool openwts_reply_parts_done(const openwts_reply_parts *p);

typedef struct openwts_reply_join {
    openwts_Reply *reply;  /* where the parts are joined */
    uint64_t id;
    size_t parts;          /* joined so far */
    size_t room;           /* entries allocated for the joined list */
    bool complete, failed;
} openwts_reply_join;

/* Joins parts into *into, which is made empty (not read: release what it
 * held before). It is released with openwts_reply_release like any reply. */
void openwts_reply_join_start(openwts_reply_join *j, openwts_Reply *into);
/* Takes one decoded part: the first whole, then the list entries of each
 * further one (same id, same status, same kind of list). What the part
 * held is moved into the joined reply; the caller releases the part as
 * always, which frees nothing more. *complete is set by the last part
 * (`more` false). ERROR_INVALID_DATA for a part that is not a reply or does
 * not match, or for a list longer than a count can say;
 * ERROR_NOT_ENOUGH_MEMORY. After such an error the joined reply has been
 * released and holds no result, and the join takes nothing more. A part
 * after the last is ERROR_INVALID_DATA too, but leaves the complete reply
 * as it is (it may be in use already). */
openwts_status openwts_reply_join_add(openwts_reply_join *j, openwts_ServerMessage *part, bool *complete);

#endif
