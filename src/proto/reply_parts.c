/* Answers in parts: cutting a reply's list into runs that each encode
 * within a frame, and joining the runs back (reply_parts.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <pb_encode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/reply_parts.h"

/* ---- the replies that hold a list -------------------------------------- */

struct list_kind {
    pb_size_t which;                   /* Reply.which_result */
    const pb_msgdesc_t *entry_fields;
    size_t entry_size;
    uint32_t entries_tag;              /* the repeated field in the result */
};

static const struct list_kind kinds[] = {
    { openwts_Reply_enumerate_sessions_tag, openwts_Session_fields, sizeof(openwts_Session),
      openwts_EnumerateSessionsReply_sessions_tag },
    { openwts_Reply_enumerate_processes_tag, openwts_Process_fields, sizeof(openwts_Process),
      openwts_EnumerateProcessesReply_processes_tag },
};

static const struct list_kind *kind_of(pb_size_t which)
{
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (kinds[i].which == which)
            return &kinds[i];
    return NULL;
}

/* Only for a reply whose which_result is a list kind. */
static pb_size_t count_of(const openwts_Reply *r)
{
    return r->which_result == openwts_Reply_enumerate_sessions_tag
               ? r->result.enumerate_sessions.sessions_count
               : r->result.enumerate_processes.processes_count;
}

static void *entries_of(const openwts_Reply *r)
{
    return r->which_result == openwts_Reply_enumerate_sessions_tag
               ? (void *)r->result.enumerate_sessions.sessions
               : (void *)r->result.enumerate_processes.processes;
}

static void set_list(openwts_Reply *r, void *entries, pb_size_t count)
{
    if (r->which_result == openwts_Reply_enumerate_sessions_tag) {
        r->result.enumerate_sessions.sessions = entries;
        r->result.enumerate_sessions.sessions_count = count;
    } else {
        r->result.enumerate_processes.processes = entries;
        r->result.enumerate_processes.processes_count = count;
    }
}

/* ---- sizes on the wire -------------------------------------------------- */

static size_t varint_size(uint64_t v)
{
    size_t n = 1;
    for (; v >= 0x80; v >>= 7)
        n++;
    return n;
}

/* A length-delimited field: its tag, its length, its bytes. */
static size_t delimited_size(uint32_t tag, size_t len)
{
    return varint_size(((uint64_t)tag << 3) | PB_WT_STRING) + varint_size(len) + len;
}

/* A ServerMessage whose reply's list encodes to `list` bytes: `head` is the
 * message without its body, `reply_head` the reply without its result. */
static size_t part_size(size_t head, size_t reply_head, uint32_t result_tag, size_t list)
{
    return head + delimited_size(openwts_ServerMessage_reply_tag,
                                 reply_head + delimited_size(result_tag, list));
}

/* ---- sending ----------------------------------------------------------- */

void openwts_reply_parts_start(openwts_reply_parts *p, const openwts_Reply *reply, uint64_t id,
                               uint32_t bound)
{
    memset(p, 0, sizeof(*p));
    p->reply = reply;
    p->id = id;
    p->bound = bound;
}

bool openwts_reply_parts_done(const openwts_reply_parts *p)
{
    return p->done;
}

openwts_status openwts_reply_parts_next(openwts_reply_parts *p, openwts_ServerMessage *part)
{
    if (p->done)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    p->done = true; /* until a part has been made: an error ends the parts */
    const openwts_Reply *r = p->reply;
    memset(part, 0, sizeof(*part));
    part->id = p->id;
    part->which_body = openwts_ServerMessage_reply_tag;
    size_t len = 0;

    const struct list_kind *k = kind_of(r->which_result);
    if (!k) {
        part->body.reply = *r;
        if (!pb_get_encoded_size(&len, openwts_ServerMessage_fields, part) || len > p->bound)
            return OPENWTS_ERROR_INVALID_DATA;
        return OPENWTS_OK;
    }

    /* What every part holds besides the entries; `more` is counted as set,
     * so the last part comes out two bytes under the estimate. */
    size_t head = 0, reply_head = 0;
    part->more = true;
    part->which_body = 0;
    if (!pb_get_encoded_size(&head, openwts_ServerMessage_fields, part))
        return OPENWTS_ERROR_INVALID_DATA;
    part->which_body = openwts_ServerMessage_reply_tag;
    part->body.reply.status = r->status;
    if (!pb_get_encoded_size(&reply_head, openwts_Reply_fields, &part->body.reply))
        return OPENWTS_ERROR_INVALID_DATA;

    size_t total = count_of(r), list = 0, n = 0;
    const uint8_t *entries = entries_of(r);
    if (part_size(head, reply_head, r->which_result, 0) > p->bound)
        return OPENWTS_ERROR_INVALID_DATA;
    while (p->next + n < total) {
        size_t entry = 0;
        if (!pb_get_encoded_size(&entry, k->entry_fields, entries + (p->next + n) * k->entry_size))
            return OPENWTS_ERROR_INVALID_DATA;
        size_t cost = delimited_size(k->entries_tag, entry);
        if (part_size(head, reply_head, r->which_result, list + cost) > p->bound)
            break;
        list += cost;
        n++;
    }
    if (n == 0 && p->next < total)
        return OPENWTS_ERROR_INVALID_DATA; /* one entry alone is over the bound */

    part->body.reply.which_result = r->which_result;
    /* The part borrows the run of entries; it is encoded, never released,
     * so dropping const here writes nothing through it. */
    set_list(&part->body.reply, total ? (void *)(entries + p->next * k->entry_size) : NULL, (pb_size_t)n);
    p->next += n;
    part->more = p->next < total;
    p->done = !part->more;
    return OPENWTS_OK;
}

/* ---- receiving ---------------------------------------------------------- */

void openwts_reply_join_start(openwts_reply_join *j, openwts_Reply *into)
{
    memset(j, 0, sizeof(*j));
    j->reply = into;
    into->status = OPENWTS_OK;
    into->which_result = 0;
}

static openwts_status join_fail(openwts_reply_join *j, openwts_status st)
{
    openwts_reply_release(j->reply);
    j->reply->status = OPENWTS_OK;
    j->reply->which_result = 0;
    j->failed = true;
    return st;
}

/* Appends the entries of `in` (a list of kind k) to the joined list and
 * leaves `in` without them. Entries are moved bitwise: only the array that
 * held them is freed. */
static openwts_status append(openwts_reply_join *j, const struct list_kind *k, openwts_Reply *in)
{
    size_t have = count_of(j->reply), add = count_of(in);
    const size_t most = (pb_size_t)-1;
    if (add > most - have)
        return OPENWTS_ERROR_INVALID_DATA;
    uint8_t *list = entries_of(j->reply);
    if (have + add > j->room) {
        size_t room = j->room > most / 2 ? most : j->room * 2;
        if (room < have + add)
            room = have + add;
        if (room > SIZE_MAX / k->entry_size)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        /* The allocator nanopb releases with, as the dispatcher's lists. */
        uint8_t *bigger = realloc(list, room * k->entry_size);
        if (!bigger)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        list = bigger;
        j->room = room;
        set_list(j->reply, list, (pb_size_t)have);
    }
    if (add)
        memcpy(list + have * k->entry_size, entries_of(in), add * k->entry_size);
    set_list(j->reply, list, (pb_size_t)(have + add));
    free(entries_of(in));
    set_list(in, NULL, 0);
    return OPENWTS_OK;
}

openwts_status openwts_reply_join_add(openwts_reply_join *j, openwts_ServerMessage *part, bool *complete)
{
    *complete = false;
    if (j->complete || j->failed)
        return OPENWTS_ERROR_INVALID_DATA;
    if (part->which_body != openwts_ServerMessage_reply_tag)
        return join_fail(j, OPENWTS_ERROR_INVALID_DATA);
    openwts_Reply *in = &part->body.reply;
    if (j->parts == 0) {
        j->id = part->id;
        *j->reply = *in;
        j->room = kind_of(in->which_result) ? count_of(in) : 0;
        in->which_result = 0; /* moved: releasing the part frees nothing */
    } else {
        const struct list_kind *k = kind_of(in->which_result);
        if (part->id != j->id || !k || in->which_result != j->reply->which_result
            || in->status != j->reply->status)
            return join_fail(j, OPENWTS_ERROR_INVALID_DATA);
        openwts_status st = append(j, k, in);
        if (st != OPENWTS_OK)
            return join_fail(j, st);
    }
    j->parts++;
    if (!part->more) {
        j->complete = true;
        *complete = true;
    }
    return OPENWTS_OK;
}
