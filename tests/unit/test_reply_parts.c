/* Answers in parts (reply_parts.h): a long list cut into ServerMessages
 * that each encode within the frame bound, same id, `more` on all but the
 * last, each as full as the bound allows; the parts, sent through frames
 * and decoded, joined back into the list that was cut. An entry too big
 * for the bound is an error, not a loop; a join takes only parts that
 * match, and leaks nothing when it refuses one (LeakSanitizer).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <pb_encode.h>

#include "openwts/backend.h"
#include "openwts/codec.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"
#include "openwts/utf8.h"

static uint64_t rng_state = 0x13198A2E03707344ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* A string of n bytes (n < cap) that differs with the seed. */
static void fill(char *dst, size_t cap, size_t n, unsigned seed)
{
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        dst[i] = (char)('a' + (seed + i) % 26);
    dst[n] = '\0';
}
#define FILL(field, n, seed) fill((field), sizeof(field), (n), (seed))

/* Sessions of every size, from almost empty to every field at its bound,
 * so that parts end at many different places. */
static void make_session(openwts_Session *s, unsigned i)
{
    memset(s, 0, sizeof(*s));
    bool big = i % 97 == 0;
    s->id = i + 1;
    s->state = i % 10;
    FILL(s->win_station, big ? 99 : i % 20, i);
    FILL(s->user, big ? 256 : i % 40, i + 1);
    FILL(s->domain, big ? 256 : i % 7, i + 2);
    FILL(s->host, big ? 256 : 5, i + 3);
    s->logon_time = big ? INT64_MIN : (int64_t)i * 1000;
    s->lock_state = big ? INT32_MIN : -1;
    FILL(s->client_name, big ? 63 : i % 15, i + 4);
    FILL(s->client_directory, big ? 519 : i % 3 * 50, i + 5);
    s->client_address.size = big ? 20 : i % 5;
    memset(s->client_address.bytes, (int)i, s->client_address.size);
    FILL(s->initial_program, big ? 519 : i % 11, i + 6);
    FILL(s->working_directory, big ? 519 : 0, i + 7);
    FILL(s->application_name, big ? 519 : i % 200, i + 8);
    s->session_address.size = big ? 20 : 0;
}

static void make_process(openwts_Process *p, unsigned i)
{
    memset(p, 0, sizeof(*p));
    p->session_id = i % 9;
    p->process_id = 4 * (i + 1);
    FILL(p->name, i % 50 == 0 ? 780 : i % 30, i);
    p->user_sid.size = (pb_size_t)(i % 69);
    memset(p->user_sid.bytes, (int)i, p->user_sid.size);
    p->thread_count = i;
    p->working_set = 4096ull * i;
    p->kernel_time = -(int64_t)i;
}

static void make_sessions(openwts_Reply *r, size_t n)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_sessions_tag;
    r->result.enumerate_sessions.sessions_count = (pb_size_t)n;
    r->result.enumerate_sessions.sessions = n ? calloc(n, sizeof(openwts_Session)) : NULL;
    if (n)
        assert_non_null(r->result.enumerate_sessions.sessions);
    for (size_t i = 0; i < n; i++)
        make_session(&r->result.enumerate_sessions.sessions[i], (unsigned)i);
}

static void make_processes(openwts_Reply *r, size_t n)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_processes_tag;
    r->result.enumerate_processes.processes_count = (pb_size_t)n;
    r->result.enumerate_processes.processes = n ? calloc(n, sizeof(openwts_Process)) : NULL;
    if (n)
        assert_non_null(r->result.enumerate_processes.processes);
    for (size_t i = 0; i < n; i++)
        make_process(&r->result.enumerate_processes.processes[i], (unsigned)i);
}

static size_t list_count(const openwts_Reply *r)
{
    if (r->which_result == openwts_Reply_enumerate_sessions_tag)
        return r->result.enumerate_sessions.sessions_count;
    if (r->which_result == openwts_Reply_enumerate_processes_tag)
        return r->result.enumerate_processes.processes_count;
    return 0;
}

/* Two replies are equal when they encode to the same bytes (nanopb's
 * encoding is deterministic: same values, same bytes). */
static void assert_replies_equal(const openwts_Reply *a, const openwts_Reply *b)
{
    size_t na = 0, nb = 0;
    assert_true(pb_get_encoded_size(&na, openwts_Reply_fields, a));
    assert_true(pb_get_encoded_size(&nb, openwts_Reply_fields, b));
    assert_int_equal(na, nb);
    uint8_t *ea = malloc(na + 1), *eb = malloc(nb + 1);
    assert_non_null(ea);
    assert_non_null(eb);
    assert_int_equal(openwts_reply_encode(a, ea, na, &na), OPENWTS_OK);
    assert_int_equal(openwts_reply_encode(b, eb, nb, &nb), OPENWTS_OK);
    assert_memory_equal(ea, eb, na);
    free(ea);
    free(eb);
}

static size_t encoded_size(const openwts_ServerMessage *m)
{
    size_t n = 0;
    assert_true(pb_get_encoded_size(&n, openwts_ServerMessage_fields, m));
    return n;
}

/* Cuts `reply` into parts under `bound`, checks each part, sends them as
 * frames into one buffer, reads them back through a frame reader in random
 * pieces, joins them and checks the joined reply equals `reply`. Returns
 * the number of parts. */
static size_t split_send_join(const openwts_Reply *reply, uint64_t id, uint32_t bound)
{
    size_t total = list_count(reply);
    size_t cap = 0, off = 0;
    assert_true(pb_get_encoded_size(&cap, openwts_Reply_fields, reply));
    cap += 4096;
    uint8_t *wire = malloc(cap);
    assert_non_null(wire);
    openwts_ServerMessage *part = malloc(sizeof(*part));
    assert_non_null(part);

    openwts_reply_parts parts;
    openwts_reply_parts_start(&parts, reply, id, bound);
    size_t n_parts = 0, entries = 0;
    while (!openwts_reply_parts_done(&parts)) {
        assert_int_equal(openwts_reply_parts_next(&parts, part), OPENWTS_OK);
        n_parts++;
        size_t count = list_count(&part->body.reply);
        assert_int_equal(part->id, id);
        assert_int_equal(part->which_body, openwts_ServerMessage_reply_tag);
        assert_int_equal(part->body.reply.which_result, reply->which_result);
        assert_int_equal(part->body.reply.status, reply->status);
        assert_true(count > 0 || total == 0); /* at least one entry: never a loop */
        entries += count;
        assert_int_equal(part->more, entries < total);
        size_t size = encoded_size(part);
        assert_true(size <= bound);
        if (part->more) {
            /* as full as the bound allows: one more entry would not fit */
            if (reply->which_result == openwts_Reply_enumerate_sessions_tag)
                part->body.reply.result.enumerate_sessions.sessions_count++;
            else
                part->body.reply.result.enumerate_processes.processes_count++;
            assert_true(encoded_size(part) > bound);
            if (reply->which_result == openwts_Reply_enumerate_sessions_tag)
                part->body.reply.result.enumerate_sessions.sessions_count--;
            else
                part->body.reply.result.enumerate_processes.processes_count--;
        }
        if (cap - off < OPENWTS_FRAME_HEADER + size) {
            cap = 2 * cap + size;
            wire = realloc(wire, cap);
            assert_non_null(wire);
        }
        size_t n = 0;
        assert_int_equal(openwts_frame_write_server_message(part, wire + off, cap - off, bound, &n), OPENWTS_OK);
        off += n;
        /* a part borrows the list: nothing to release */
    }
    assert_int_equal(entries, total);
    assert_int_equal(openwts_reply_parts_next(&parts, part), OPENWTS_ERROR_INVALID_PARAMETER);

    /* the receiving side */
    openwts_frame_reader reader;
    openwts_frame_reader_init(&reader, bound);
    openwts_Reply *joined = malloc(sizeof(*joined));
    assert_non_null(joined);
    memset(joined, 0xA5, sizeof(*joined)); /* join_start does not read it */
    openwts_reply_join join;
    openwts_reply_join_start(&join, joined);
    bool complete = false;
    size_t at = 0, got = 0;
    while (at < off) {
        size_t n = 1 + (size_t)(rng() % 100000), used = 0;
        if (n > off - at)
            n = off - at;
        const uint8_t *payload;
        uint32_t len;
        assert_int_equal(openwts_frame_reader_feed(&reader, wire + at, n, &used, &payload, &len), OPENWTS_OK);
        at += used;
        if (!payload)
            continue;
        assert_false(complete);
        assert_int_equal(openwts_server_message_decode(payload, len, part), OPENWTS_OK);
        assert_int_equal(openwts_reply_join_add(&join, part, &complete), OPENWTS_OK);
        openwts_server_message_release(part); /* frees nothing more */
        got++;
    }
    assert_true(complete);
    assert_int_equal(got, n_parts);
    assert_int_equal(joined->status, reply->status);
    assert_replies_equal(joined, reply);
    openwts_reply_release(joined);
    openwts_frame_reader_free(&reader);
    free(joined);
    free(part);
    free(wire);
    return n_parts;
}

/* ---- cutting and joining --------------------------------------------------------- */

static void ten_thousand_sessions_in_parts_under_256_kib(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    make_sessions(r, 10000);
    size_t whole = 0;
    assert_true(pb_get_encoded_size(&whole, openwts_Reply_fields, r));
    assert_true(whole > 2 * OPENWTS_FRAME_MAX); /* no single frame would do */
    size_t parts = split_send_join(r, 0xFEDCBA9876543210ull, OPENWTS_FRAME_MAX);
    /* each part within the bound, and each but the last short of it by
     * less than an entry (the largest here is under 4000 bytes) */
    assert_true(parts * OPENWTS_FRAME_MAX >= whole);
    assert_true(parts <= whole / (OPENWTS_FRAME_MAX - 4000) + 1);
    openwts_reply_release(r);
    free(r);
}

static void process_lists_in_parts(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    make_processes(r, 2000);
    split_send_join(r, 7, OPENWTS_FRAME_MAX);
    split_send_join(r, 8, 4096);
    split_send_join(r, 9, 1000); /* every entry fits alone (the largest is 800 bytes) */
    openwts_reply_release(r);
    free(r);
}

/* Small bounds put few entries in each part: every bound from one that
 * holds the largest entry alone upwards works. */
static void every_bound_from_the_largest_entry_up(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    make_sessions(r, 200);
    /* the smallest bound: a part holding the largest entry alone */
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    assert_non_null(m);
    m->id = 1;
    m->more = true;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply = *r;
    m->body.reply.result.enumerate_sessions.sessions_count = 1;
    uint32_t least = 0;
    for (size_t i = 0; i < 200; i++) {
        m->body.reply.result.enumerate_sessions.sessions = r->result.enumerate_sessions.sessions + i;
        size_t size = encoded_size(m);
        if (size > least)
            least = (uint32_t)size;
    }
    assert_true(least > 3000); /* make_session's large entries */
    free(m);
    for (uint32_t bound = least; bound < least + 150; bound += 7)
        split_send_join(r, 1, bound);
    for (uint32_t bound = least + 150; bound < 40000; bound = bound * 3 / 2)
        split_send_join(r, 1, bound);
    /* one byte less: the largest entry fits no part */
    openwts_reply_parts parts;
    openwts_ServerMessage *part = malloc(sizeof(*part));
    assert_non_null(part);
    openwts_reply_parts_start(&parts, r, 1, least - 1);
    openwts_status st;
    int calls = 0;
    while ((st = openwts_reply_parts_next(&parts, part)) == OPENWTS_OK)
        assert_true(++calls < 200);
    assert_int_equal(st, OPENWTS_ERROR_INVALID_DATA);
    free(part);
    openwts_reply_release(r);
    free(r);
}

/* Entries of one size and a bound that holds exactly k of them: k per
 * part; a byte less, k - 1. */
static void parts_as_full_as_the_bound_allows(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    make_sessions(r, 12);
    for (size_t i = 0; i < 12; i++) {
        memset(&r->result.enumerate_sessions.sessions[i], 0, sizeof(openwts_Session));
        r->result.enumerate_sessions.sessions[i].id = 100 + (uint32_t)i; /* 2 bytes each */
    }
    openwts_ServerMessage *m = malloc(sizeof(*m));
    assert_non_null(m);
    /* the size of a part holding the first 4, more set */
    memset(m, 0, sizeof(*m));
    m->id = 3;
    m->more = true;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply = *r;
    m->body.reply.result.enumerate_sessions.sessions_count = 4;
    uint32_t bound = (uint32_t)encoded_size(m);
    openwts_reply_parts parts;
    openwts_reply_parts_start(&parts, r, 3, bound);
    for (int k = 0; k < 3; k++) {
        assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_OK);
        assert_int_equal(m->body.reply.result.enumerate_sessions.sessions_count, 4);
        assert_ptr_equal(m->body.reply.result.enumerate_sessions.sessions,
                         r->result.enumerate_sessions.sessions + 4 * k); /* borrowed, not copied */
        assert_int_equal(m->more, k < 2);
    }
    assert_true(openwts_reply_parts_done(&parts));
    openwts_reply_parts_start(&parts, r, 3, bound - 1);
    assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_OK);
    assert_int_equal(m->body.reply.result.enumerate_sessions.sessions_count, 3);
    free(m);
    openwts_reply_release(r);
    free(r);
}

/* ---- the errors of cutting ------------------------------------------------------- */

/* One entry alone over the bound: an error, at once, and no more parts. */
static void an_entry_too_big_is_an_error_not_a_loop(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    openwts_ServerMessage *m = malloc(sizeof(*m));
    assert_non_null(r);
    assert_non_null(m);
    make_sessions(r, 200); /* entry 0 is a big one (make_session: i % 97) */
    openwts_reply_parts parts;
    openwts_reply_parts_start(&parts, r, 1, 1000);
    assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_ERROR_INVALID_DATA);
    assert_true(openwts_reply_parts_done(&parts));
    assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_ERROR_INVALID_PARAMETER);

    /* the big entry in the middle: the parts before it come out, then the
     * error */
    openwts_reply_parts_start(&parts, r, 1, 2000);
    openwts_Session *list = r->result.enumerate_sessions.sessions;
    openwts_Session big = list[0];
    for (unsigned i = 0; i < 200; i += 97)
        make_session(&list[i], 1);
    list[150] = big;
    size_t sent = 0;
    openwts_status st;
    int calls = 0;
    while ((st = openwts_reply_parts_next(&parts, m)) == OPENWTS_OK) {
        sent += m->body.reply.result.enumerate_sessions.sessions_count;
        assert_true(++calls < 200);
    }
    assert_int_equal(st, OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(sent, 150);
    assert_true(openwts_reply_parts_done(&parts));

    /* even an empty list, or a reply without one, must fit */
    openwts_reply_release(r);
    make_sessions(r, 0);
    openwts_reply_parts_start(&parts, r, UINT64_MAX, 5);
    assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_ERROR_INVALID_DATA);
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_query_session_tag;
    r->result.query_session.has_session = true;
    make_session(&r->result.query_session.session, 0);
    openwts_reply_parts_start(&parts, r, 1, 1000);
    assert_int_equal(openwts_reply_parts_next(&parts, m), OPENWTS_ERROR_INVALID_DATA);
    assert_true(openwts_reply_parts_done(&parts));
    free(m);
    free(r);
}

/* A reply without a list (or with an empty one) is one part, and joins
 * back as it was. */
static void a_reply_without_a_list_is_one_part(void **state)
{
    (void)state;
    openwts_Reply *r = malloc(sizeof(*r));
    assert_non_null(r);
    for (int kind = 0; kind < 6; kind++) {
        memset(r, 0, sizeof(*r));
        switch (kind) {
        case 0:
            r->which_result = openwts_Reply_query_session_tag;
            r->result.query_session.has_session = true;
            make_session(&r->result.query_session.session, 97);
            break;
        case 1: r->which_result = openwts_Reply_done_tag; break;
        case 2: r->status = OPENWTS_ERROR_ACCESS_DENIED; break;
        case 3: r->which_result = openwts_Reply_add_session_tag; r->result.add_session.session_id = 9; break;
        case 4: make_sessions(r, 0); break;
        default: make_processes(r, 0); break;
        }
        assert_int_equal(split_send_join(r, (uint64_t)kind, OPENWTS_FRAME_MAX), 1);
    }
    free(r);
}

/* ---- the errors of joining ------------------------------------------------------- */

static openwts_ServerMessage *part_of(uint64_t id, bool more, size_t sessions, unsigned first)
{
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    assert_non_null(m);
    m->id = id;
    m->more = more;
    m->which_body = openwts_ServerMessage_reply_tag;
    make_sessions(&m->body.reply, sessions);
    for (size_t i = 0; i < sessions; i++)
        m->body.reply.result.enumerate_sessions.sessions[i].id = first + (uint32_t)i;
    return m;
}

static void drop(openwts_ServerMessage *m)
{
    openwts_server_message_release(m);
    free(m);
}

static void join_in_order(void **state)
{
    (void)state;
    openwts_Reply *joined = malloc(sizeof(*joined));
    assert_non_null(joined);
    openwts_reply_join join;
    openwts_reply_join_start(&join, joined);
    bool complete = true;
    static const size_t sizes[] = { 3, 0, 1, 500, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
    const size_t n_parts = sizeof(sizes) / sizeof(sizes[0]);
    unsigned next = 0;
    size_t grew = 0;
    for (size_t i = 0; i < n_parts; i++) {
        openwts_ServerMessage *m = part_of(42, i < n_parts - 1, sizes[i], next);
        next += (unsigned)sizes[i];
        size_t room = join.room;
        assert_int_equal(openwts_reply_join_add(&join, m, &complete), OPENWTS_OK);
        assert_int_equal(complete, i == n_parts - 1);
        assert_true(join.room >= next);
        if (i > 0 && join.room != room) {
            /* the list grows at least twofold: few copies of a long list */
            assert_true(join.room >= 2 * room);
            grew++;
        }
        /* the part holds nothing any more: the first was moved whole, the
         * entries of the others appended */
        if (i == 0) {
            assert_int_equal(m->body.reply.which_result, 0);
        } else {
            assert_null(m->body.reply.result.enumerate_sessions.sessions);
            assert_int_equal(m->body.reply.result.enumerate_sessions.sessions_count, 0);
        }
        drop(m);
    }
    assert_true(grew <= 4); /* not once per part */
    assert_int_equal(joined->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(joined->result.enumerate_sessions.sessions_count, next);
    for (unsigned i = 0; i < next; i++)
        assert_int_equal(joined->result.enumerate_sessions.sessions[i].id, i);

    /* a part after the last is refused, and the complete reply kept */
    openwts_ServerMessage *late = part_of(42, false, 2, 0);
    assert_int_equal(openwts_reply_join_add(&join, late, &complete), OPENWTS_ERROR_INVALID_DATA);
    assert_false(complete);
    assert_int_equal(joined->result.enumerate_sessions.sessions_count, next);
    assert_int_equal(late->body.reply.result.enumerate_sessions.sessions_count, 2); /* not taken */
    drop(late);
    openwts_reply_release(joined);
    free(joined);
}

/* Each mismatch: refused, the joined reply released (no result, nothing
 * leaked), and nothing more taken. */
static void join_refuses_parts_that_do_not_match(void **state)
{
    (void)state;
    openwts_Reply *joined = malloc(sizeof(*joined));
    assert_non_null(joined);
    for (int kind = 0; kind < 6; kind++) {
        openwts_reply_join join;
        openwts_reply_join_start(&join, joined);
        bool complete = true;
        openwts_ServerMessage *first = part_of(42, true, 5, 0);
        if (kind == 5) { /* a first part without a list, announcing more */
            openwts_reply_release(&first->body.reply);
            first->body.reply.which_result = openwts_Reply_query_session_tag;
            first->body.reply.result.query_session.has_session = true;
        }
        assert_int_equal(openwts_reply_join_add(&join, first, &complete), OPENWTS_OK);
        assert_false(complete);
        drop(first);

        openwts_ServerMessage *bad = part_of(42, false, 3, 5);
        switch (kind) {
        case 0: bad->id = 43; break;                                 /* another answer */
        case 1: bad->body.reply.status = OPENWTS_ERROR_NOT_SUPPORTED; break;
        case 2:                                                      /* another kind of list */
            openwts_reply_release(&bad->body.reply);
            make_processes(&bad->body.reply, 3);
            break;
        case 3:                                                      /* not a reply */
            openwts_reply_release(&bad->body.reply);
            bad->which_body = openwts_ServerMessage_event_tag;
            break;
        case 4:                                                      /* a reply without a list */
            openwts_reply_release(&bad->body.reply);
            bad->body.reply.which_result = openwts_Reply_done_tag;
            break;
        default:
            break;
        }
        assert_int_equal(openwts_reply_join_add(&join, bad, &complete), OPENWTS_ERROR_INVALID_DATA);
        assert_false(complete);
        assert_int_equal(joined->which_result, 0);
        drop(bad);
        /* nothing more is taken, not even a good part */
        openwts_ServerMessage *good = part_of(42, false, 1, 5);
        assert_int_equal(openwts_reply_join_add(&join, good, &complete), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(good->body.reply.result.enumerate_sessions.sessions_count, 1);
        drop(good);
        openwts_reply_release(joined); /* harmless: already released */
    }
    free(joined);
}

/* A first part that is an error (or any reply without a list) and the last
 * one: the answer is complete. */
static void join_a_single_part(void **state)
{
    (void)state;
    openwts_Reply *joined = malloc(sizeof(*joined));
    assert_non_null(joined);
    openwts_reply_join join;
    openwts_reply_join_start(&join, joined);
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    assert_non_null(m);
    m->id = 5;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply.status = OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    bool complete = false;
    assert_int_equal(openwts_reply_join_add(&join, m, &complete), OPENWTS_OK);
    assert_true(complete);
    assert_int_equal(joined->status, OPENWTS_RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(joined->which_result, 0);
    free(m);
    free(joined);
}

/* A joined list never grows past what a count can say. The list is faked
 * full (no entries behind it) to get there without billions of them. */
static void join_stops_at_the_largest_count(void **state)
{
    (void)state;
    openwts_Reply *joined = malloc(sizeof(*joined));
    assert_non_null(joined);
    openwts_reply_join join;
    openwts_reply_join_start(&join, joined);
    bool complete;
    openwts_ServerMessage *first = part_of(1, true, 1, 0);
    assert_int_equal(openwts_reply_join_add(&join, first, &complete), OPENWTS_OK);
    drop(first);
    openwts_reply_release(joined);
    joined->which_result = openwts_Reply_enumerate_sessions_tag;
    joined->result.enumerate_sessions.sessions = NULL;
    joined->result.enumerate_sessions.sessions_count = (pb_size_t)-1 - 1;
    join.room = (pb_size_t)-1 - 1;
    openwts_ServerMessage *more = part_of(1, false, 2, 0);
    assert_int_equal(openwts_reply_join_add(&join, more, &complete), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(joined->which_result, 0);
    drop(more);
    free(joined);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ten_thousand_sessions_in_parts_under_256_kib),
        cmocka_unit_test(process_lists_in_parts),
        cmocka_unit_test(every_bound_from_the_largest_entry_up),
        cmocka_unit_test(parts_as_full_as_the_bound_allows),
        cmocka_unit_test(an_entry_too_big_is_an_error_not_a_loop),
        cmocka_unit_test(a_reply_without_a_list_is_one_part),
        cmocka_unit_test(join_in_order),
        cmocka_unit_test(join_refuses_parts_that_do_not_match),
        cmocka_unit_test(join_a_single_part),
        cmocka_unit_test(join_stops_at_the_largest_count),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
