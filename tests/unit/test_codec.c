/* The wire codec: round trips of every message and operation at their
 * largest, malformed input of every kind (truncated, garbage, oversized
 * strings and lists, wrong wire types), small output buffers, unknown
 * fields from a newer peer, and the 4-byte little-endian frame header.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <pb_decode.h>

#include "openwts/backend.h"
#include "openwts/codec.h"

/* ---- helpers ----------------------------------------------------------- */


/* The largest encodings of the messages whose fields all have a bound:
 * the process list and message texts have none (the receiver's frame bound
 * is theirs). A submessage costs its tag (1 byte) and its length (2 bytes
 * below 16 kB, 3 above) besides its own size; status is 6 bytes at most. */
#define BOUNDED_MAX_Request (1 + 2 + openwts_Caller_size + 1 + 2 + openwts_ConnectSessionRequest_size)
#define BOUNDED_MAX_Reply (6 + 1 + 3 + openwts_EnumerateSessionsReply_size)
#define BOUNDED_MAX_Hello openwts_Hello_size

static uint8_t wirebuf[OPENWTS_FRAME_MAX + 64];

/* xorshift64*: a fixed-seed generator, so failures reproduce. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* A string of exactly cap - 1 bytes (the field's maximum), UTF-8 with a
 * two-byte character at the front, different for every seed. With
 * maximal false, a short one. */
static void fill_str(char *dst, size_t cap, unsigned seed, bool maximal)
{
    size_t n = maximal ? cap - 1 : (cap - 1 < 5 ? cap - 1 : 5);
    size_t i = 0;
    if (n >= 2) {
        dst[i++] = (char)0xC3;
        dst[i++] = (char)(0xA0 + seed % 16); /* à..ï */
    }
    for (; i < n; i++)
        dst[i] = (char)('!' + (seed * 7 + i) % 94);
    dst[n] = '\0';
}
#define FILL_STR(field, seed, maximal) fill_str((field), sizeof(field), (seed), (maximal))

/* Varints at their longest (uint32 >= 2^28 is 5 bytes, negative int32 and
 * int64 are 10) unless maximal is false. */
static uint32_t u32(unsigned seed, unsigned k, bool maximal)
{
    return maximal ? 0xF0000000u + seed * 64u + k : seed * 3u + k + 1u;
}

static void fill_caller(openwts_Caller *c, unsigned seed, bool maximal)
{
    c->session_id = u32(seed, 1, maximal);
    c->process_id = u32(seed, 2, maximal);
    FILL_STR(c->user, seed + 1, maximal);
    FILL_STR(c->domain, seed + 2, maximal);
    c->privileged = true;
}

static void fill_bytes(pb_byte_t *dst, pb_size_t *size, size_t cap, unsigned seed, bool maximal)
{
    *size = (pb_size_t)(maximal ? cap : 4);
    for (size_t i = 0; i < *size; i++)
        dst[i] = (pb_byte_t)(seed * 31 + i * 17);
}

static void fill_session(openwts_Session *s, unsigned seed, bool maximal)
{
    s->id = u32(seed, 3, maximal);
    s->state = maximal ? u32(seed, 4, true) : OPENWTS_STATE_DISCONNECTED;
    FILL_STR(s->win_station, seed + 3, maximal);
    FILL_STR(s->user, seed + 4, maximal);
    FILL_STR(s->domain, seed + 5, maximal);
    FILL_STR(s->host, seed + 6, maximal);
    s->logon_time = maximal ? INT64_MIN + seed : 133000000000000000ll + seed;
    s->connect_time = maximal ? -1 - (int64_t)seed : 133000000000000001ll + seed;
    s->disconnect_time = maximal ? -1000000007ll * (seed + 1) : 133000000000000002ll + seed;
    s->last_input_time = maximal ? -2 - (int64_t)seed : INT64_MAX - seed;
    s->protocol_type = u32(seed, 5, maximal);
    s->lock_state = maximal ? INT32_MIN + (int32_t)seed : -1;
    FILL_STR(s->client_name, seed + 7, maximal);
    FILL_STR(s->client_directory, seed + 8, maximal);
    s->client_build = u32(seed, 6, maximal);
    s->client_product_id = u32(seed, 7, maximal);
    s->client_hardware_id = u32(seed, 8, maximal);
    s->client_address_family = u32(seed, 9, maximal);
    fill_bytes(s->client_address.bytes, &s->client_address.size, sizeof(s->client_address.bytes),
               seed + 9, maximal);
    s->client_hres = u32(seed, 10, maximal);
    s->client_vres = u32(seed, 11, maximal);
    s->client_color_depth = u32(seed, 12, maximal);
    FILL_STR(s->initial_program, seed + 10, maximal);
    FILL_STR(s->working_directory, seed + 11, maximal);
    FILL_STR(s->application_name, seed + 12, maximal);
    s->session_address_family = u32(seed, 13, maximal);
    fill_bytes(s->session_address.bytes, &s->session_address.size,
               sizeof(s->session_address.bytes), seed + 13, maximal);
}

#define EQ_INT(f) assert_int_equal(a->f, b->f)
#define EQ_STR(f) assert_string_equal(a->f, b->f)
#define EQ_BYTES(f) do { \
        assert_int_equal(a->f.size, b->f.size); \
        assert_memory_equal(a->f.bytes, b->f.bytes, a->f.size); \
    } while (0)

static void assert_caller_equal(const openwts_Caller *a, const openwts_Caller *b)
{
    EQ_INT(session_id);
    EQ_INT(process_id);
    EQ_STR(user);
    EQ_STR(domain);
    EQ_INT(privileged);
}

static void assert_session_equal(const openwts_Session *a, const openwts_Session *b)
{
    EQ_INT(id);
    EQ_INT(state);
    EQ_STR(win_station);
    EQ_STR(user);
    EQ_STR(domain);
    EQ_STR(host);
    EQ_INT(logon_time);
    EQ_INT(connect_time);
    EQ_INT(disconnect_time);
    EQ_INT(last_input_time);
    EQ_INT(protocol_type);
    EQ_INT(lock_state);
    EQ_STR(client_name);
    EQ_STR(client_directory);
    EQ_INT(client_build);
    EQ_INT(client_product_id);
    EQ_INT(client_hardware_id);
    EQ_INT(client_address_family);
    EQ_BYTES(client_address);
    EQ_INT(client_hres);
    EQ_INT(client_vres);
    EQ_INT(client_color_depth);
    EQ_STR(initial_program);
    EQ_STR(working_directory);
    EQ_STR(application_name);
    EQ_INT(session_address_family);
    EQ_BYTES(session_address);
}

static void assert_request_equal(const openwts_Request *a, const openwts_Request *b)
{
    EQ_INT(has_caller);
    assert_caller_equal(&a->caller, &b->caller);
    EQ_INT(which_op);
    switch (a->which_op) {
    case openwts_Request_enumerate_sessions_tag:
        EQ_STR(op.enumerate_sessions.server);
        break;
    case openwts_Request_query_session_tag:
        EQ_STR(op.query_session.server);
        EQ_INT(op.query_session.session_id);
        break;
    case openwts_Request_disconnect_session_tag:
        EQ_STR(op.disconnect_session.server);
        EQ_INT(op.disconnect_session.session_id);
        EQ_INT(op.disconnect_session.wait);
        break;
    case openwts_Request_logoff_session_tag:
        EQ_STR(op.logoff_session.server);
        EQ_INT(op.logoff_session.session_id);
        EQ_INT(op.logoff_session.wait);
        break;
    case openwts_Request_connect_session_tag:
        EQ_INT(op.connect_session.logon_id);
        EQ_INT(op.connect_session.target_id);
        EQ_STR(op.connect_session.password);
        EQ_INT(op.connect_session.wait);
        break;
    default:
        break;
    }
}

static void assert_reply_equal(const openwts_Reply *a, const openwts_Reply *b)
{
    EQ_INT(status);
    EQ_INT(which_result);
    if (a->which_result == openwts_Reply_enumerate_sessions_tag) {
        EQ_INT(result.enumerate_sessions.sessions_count);
        for (pb_size_t i = 0; i < a->result.enumerate_sessions.sessions_count; i++)
            assert_session_equal(&a->result.enumerate_sessions.sessions[i],
                                 &b->result.enumerate_sessions.sessions[i]);
    } else if (a->which_result == openwts_Reply_query_session_tag) {
        EQ_INT(result.query_session.has_session);
        assert_session_equal(&a->result.query_session.session, &b->result.query_session.session);
    }
}

static void assert_hello_equal(const openwts_Hello *a, const openwts_Hello *b)
{
    EQ_INT(version);
    EQ_INT(has_caller);
    assert_caller_equal(&a->caller, &b->caller);
}

/* Encode, decode into a zeroed struct, compare field by field and byte by
 * byte, re-encode and compare the bytes. Returns the encoded length. */
#define DEFINE_ROUND_TRIP(kind, T)                                                          \
    static size_t round_trip_##kind(const openwts_##T *in)                                  \
    {                                                                                       \
        size_t len = 0, len2 = 0;                                                           \
        assert_int_equal(openwts_##kind##_encode(in, wirebuf, OPENWTS_FRAME_MAX, &len),     \
                         OPENWTS_OK);                                                       \
        assert_true(len <= BOUNDED_MAX_##T);                                             \
        openwts_##T *out = calloc(1, sizeof(*out));                                         \
        assert_non_null(out);                                                               \
        assert_int_equal(openwts_##kind##_decode(wirebuf, len, out), OPENWTS_OK);           \
        assert_##kind##_equal(in, out);                                                     \
        assert_memory_equal(in, out, sizeof(*out));                                         \
        uint8_t *again = malloc(len + 1);                                                   \
        assert_non_null(again);                                                             \
        assert_int_equal(openwts_##kind##_encode(out, again, len, &len2), OPENWTS_OK);      \
        assert_int_equal(len2, len);                                                        \
        assert_memory_equal(again, wirebuf, len);                                           \
        free(again);                                                                        \
        free(out);                                                                          \
        return len;                                                                         \
    }

DEFINE_ROUND_TRIP(request, Request)
DEFINE_ROUND_TRIP(reply, Reply)
DEFINE_ROUND_TRIP(hello, Hello)

static void make_request(openwts_Request *r, pb_size_t op, unsigned seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->has_caller = true;
    fill_caller(&r->caller, seed, maximal);
    r->which_op = op;
    switch (op) {
    case openwts_Request_enumerate_sessions_tag:
        FILL_STR(r->op.enumerate_sessions.server, seed + 20, maximal);
        break;
    case openwts_Request_query_session_tag:
        FILL_STR(r->op.query_session.server, seed + 21, maximal);
        r->op.query_session.session_id = maximal ? OPENWTS_CURRENT_SESSION : 3;
        break;
    case openwts_Request_disconnect_session_tag:
        FILL_STR(r->op.disconnect_session.server, seed + 22, maximal);
        r->op.disconnect_session.session_id = u32(seed, 30, maximal);
        r->op.disconnect_session.wait = true;
        break;
    case openwts_Request_logoff_session_tag:
        FILL_STR(r->op.logoff_session.server, seed + 23, maximal);
        r->op.logoff_session.session_id = u32(seed, 31, maximal);
        r->op.logoff_session.wait = true;
        break;
    case openwts_Request_connect_session_tag:
        r->op.connect_session.logon_id = u32(seed, 32, maximal);
        r->op.connect_session.target_id = maximal ? OPENWTS_CURRENT_SESSION : 1;
        FILL_STR(r->op.connect_session.password, seed + 24, maximal);
        r->op.connect_session.wait = true;
        break;
    default:
        break;
    }
}

/* A reply listing `count` sessions, filled from seeds first_seed onwards. */
static void make_enumerate_reply(openwts_Reply *r, unsigned count, unsigned first_seed, bool maximal)
{
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_enumerate_sessions_tag;
    r->result.enumerate_sessions.sessions_count = (pb_size_t)count;
    for (unsigned i = 0; i < count; i++)
        fill_session(&r->result.enumerate_sessions.sessions[i], first_seed + i, maximal);
}

static const pb_size_t all_ops[] = {
    openwts_Request_enumerate_sessions_tag, openwts_Request_query_session_tag,
    openwts_Request_disconnect_session_tag, openwts_Request_logoff_session_tag,
    openwts_Request_connect_session_tag,
};
#define N_OPS (sizeof(all_ops) / sizeof(all_ops[0]))

/* ---- round trips --------------------------------------------------------- */

static void request_round_trip_every_operation(void **state)
{
    (void)state;
    openwts_Request *r = malloc(sizeof(*r));
    assert_non_null(r);
    for (int maximal = 0; maximal < 2; maximal++) {
        for (size_t i = 0; i < N_OPS; i++) {
            make_request(r, all_ops[i], (unsigned)i, maximal);
            size_t len = round_trip_request(r);
            /* The largest operation at its largest reaches nanopb's bound. */
            if (maximal && all_ops[i] == openwts_Request_connect_session_tag)
                assert_int_equal(len, BOUNDED_MAX_Request);
        }
    }
    /* without a caller, without an operation, and wholly empty */
    make_request(r, openwts_Request_query_session_tag, 9, true);
    r->has_caller = false;
    memset(&r->caller, 0, sizeof(r->caller));
    round_trip_request(r);
    make_request(r, 0, 9, true);
    round_trip_request(r);
    memset(r, 0, sizeof(*r));
    assert_int_equal(round_trip_request(r), 0);
    free(r);
}

static void reply_round_trip_64_maximal_sessions(void **state)
{
    (void)state;
    openwts_Reply *r = calloc(1, sizeof(*r));
    assert_non_null(r);
    make_enumerate_reply(r, OPENWTS_MAX_SESSIONS, 0, true);
    assert_int_equal(round_trip_reply(r), BOUNDED_MAX_Reply - 6); /* status 0 is not sent */
    /* With every field at its longest the bound is reached and fits a frame. */
    r->status = 0xFFFFFFFFu;
    assert_int_equal(round_trip_reply(r), BOUNDED_MAX_Reply);
    assert_true(BOUNDED_MAX_Reply <= OPENWTS_FRAME_MAX);
    free(r);
}

static void reply_round_trip_every_result(void **state)
{
    (void)state;
    openwts_Reply *r = calloc(1, sizeof(*r));
    assert_non_null(r);
    for (int maximal = 0; maximal < 2; maximal++) {
        /* query */
        memset(r, 0, sizeof(*r));
        r->which_result = openwts_Reply_query_session_tag;
        r->result.query_session.has_session = true;
        fill_session(&r->result.query_session.session, 77, maximal);
        round_trip_reply(r);
        /* enumerate with a few sessions */
        make_enumerate_reply(r, 3, 40, maximal);
        round_trip_reply(r);
    }
    /* an empty list is still a list */
    make_enumerate_reply(r, 0, 0, false);
    round_trip_reply(r);
    /* query without a session */
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_query_session_tag;
    round_trip_reply(r);
    /* done */
    memset(r, 0, sizeof(*r));
    r->which_result = openwts_Reply_done_tag;
    assert_int_equal(round_trip_reply(r), 2);
    /* an error alone */
    memset(r, 0, sizeof(*r));
    r->status = OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    round_trip_reply(r);
    /* nothing at all: zero bytes */
    memset(r, 0, sizeof(*r));
    assert_int_equal(round_trip_reply(r), 0);
    free(r);
}

static void hello_round_trip(void **state)
{
    (void)state;
    openwts_Hello h;
    for (int maximal = 0; maximal < 2; maximal++) {
        memset(&h, 0, sizeof(h));
        h.version = maximal ? 0xFFFFFFFFu : OPENWTS_PROTOCOL_VERSION;
        h.has_caller = true;
        fill_caller(&h.caller, 5, maximal);
        size_t len = round_trip_hello(&h);
        if (maximal)
            assert_int_equal(len, openwts_Hello_size);
    }
    memset(&h, 0, sizeof(h));
    h.version = OPENWTS_PROTOCOL_VERSION;
    round_trip_hello(&h);
    h.has_caller = true; /* present but empty */
    round_trip_hello(&h);
}

static void frame_max_holds_every_message(void **state)
{
    (void)state;
    assert_int_equal(OPENWTS_FRAME_HEADER, 4);
    assert_true(BOUNDED_MAX_Request <= OPENWTS_FRAME_MAX);
    assert_true(BOUNDED_MAX_Reply <= OPENWTS_FRAME_MAX);
    assert_true(openwts_Hello_size <= OPENWTS_FRAME_MAX);
    assert_true(openwts_HelloReply_size <= OPENWTS_FRAME_MAX);
}

/* ---- decoding empty input ------------------------------------------------ */

static void empty_input_decodes_to_defaults(void **state)
{
    (void)state;
    static const uint8_t nothing[1];
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    assert_non_null(q);
    assert_non_null(p);
    memset(q, 0xAA, sizeof(*q));
    memset(p, 0xAA, sizeof(*p));
    memset(&h, 0xAA, sizeof(h));
    assert_int_equal(openwts_request_decode(nothing, 0, q), OPENWTS_OK);
    assert_false(q->has_caller);
    assert_int_equal(q->which_op, 0);
    assert_int_equal(q->caller.session_id, 0);
    assert_string_equal(q->caller.user, "");
    assert_int_equal(openwts_reply_decode(nothing, 0, p), OPENWTS_OK);
    assert_int_equal(p->status, 0);
    assert_int_equal(p->which_result, 0);
    assert_int_equal(openwts_hello_decode(nothing, 0, &h), OPENWTS_OK);
    assert_int_equal(h.version, 0);
    assert_false(h.has_caller);
    assert_string_equal(h.caller.domain, "");
    free(q);
    free(p);
}

/* ---- truncated input -------------------------------------------------- */

/* Marks the offsets where a top-level field ends (0 included): exactly the
 * prefixes that are themselves complete messages. */
static void top_level_boundaries(const uint8_t *buf, size_t len, bool *boundary)
{
    memset(boundary, 0, len + 1);
    boundary[0] = true;
    pb_istream_t s = pb_istream_from_buffer(buf, len);
    for (;;) {
        pb_wire_type_t wt;
        uint32_t tag;
        bool eof = false;
        if (!pb_decode_tag(&s, &wt, &tag, &eof)) {
            assert_true(eof);
            break;
        }
        assert_true(pb_skip_field(&s, wt));
        boundary[len - s.bytes_left] = true;
    }
}

typedef openwts_status (*decode_fn)(const uint8_t *, size_t, void *);

static void check_truncations(const uint8_t *full, size_t len, decode_fn decode, void *msg)
{
    bool *boundary = malloc(len + 1);
    assert_non_null(boundary);
    top_level_boundaries(full, len, boundary);
    /* Copy each prefix to its own allocation so ASan sees any over-read. */
    size_t bad = 0;
    for (size_t n = 0; n <= len; n++) {
        uint8_t *prefix = malloc(n ? n : 1);
        assert_non_null(prefix);
        memcpy(prefix, full, n);
        openwts_status st = decode(prefix, n, msg);
        free(prefix);
        openwts_status want = boundary[n] ? OPENWTS_OK : OPENWTS_ERROR_INVALID_DATA;
        if (st != want)
            print_error("prefix of %zu/%zu bytes: status %u, want %u\n", n, len, st, want);
        assert_int_equal(st, want);
        bad += !boundary[n];
    }
    assert_true(bad > len / 2); /* most cuts fall inside a field */
    free(boundary);
}

static openwts_status dec_request(const uint8_t *b, size_t n, void *m) { return openwts_request_decode(b, n, m); }
static openwts_status dec_reply(const uint8_t *b, size_t n, void *m) { return openwts_reply_decode(b, n, m); }
static openwts_status dec_hello(const uint8_t *b, size_t n, void *m) { return openwts_hello_decode(b, n, m); }

static void truncated_input_is_invalid_data(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = calloc(1, sizeof(*p));
    openwts_Hello *h = calloc(1, sizeof(*h));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(h);
    size_t len;
    uint8_t *copy = malloc(OPENWTS_FRAME_MAX);
    assert_non_null(copy);

    for (size_t i = 0; i < N_OPS; i++) {
        make_request(q, all_ops[i], 3, true);
        assert_int_equal(openwts_request_encode(q, copy, OPENWTS_FRAME_MAX, &len), OPENWTS_OK);
        check_truncations(copy, len, dec_request, q);
    }

    make_enumerate_reply(p, 3, 0, true);
    p->status = 1722;
    assert_int_equal(openwts_reply_encode(p, copy, OPENWTS_FRAME_MAX, &len), OPENWTS_OK);
    check_truncations(copy, len, dec_reply, p);

    h->version = 1;
    h->has_caller = true;
    fill_caller(&h->caller, 1, true);
    assert_int_equal(openwts_hello_encode(h, copy, OPENWTS_FRAME_MAX, &len), OPENWTS_OK);
    check_truncations(copy, len, dec_hello, h);

    free(copy);
    free(q);
    free(p);
    free(h);
}

/* After a failed decode the struct is still usable: no stale flags, every
 * string terminated within its field. */
static void failed_decode_leaves_struct_initialised(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    assert_non_null(q);
    size_t len;
    make_request(q, openwts_Request_connect_session_tag, 1, true);
    assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &len), OPENWTS_OK);
    for (size_t cut = 1; cut < len; cut += 7) {
        memset(q, 0xAA, sizeof(*q));
        (void)openwts_request_decode(wirebuf, len - cut, q);
        unsigned char has;
        memcpy(&has, &q->has_caller, 1);
        assert_true(has == 0 || has == 1);
        assert_true(strnlen(q->caller.user, sizeof(q->caller.user)) < sizeof(q->caller.user));
        assert_true(strnlen(q->caller.domain, sizeof(q->caller.domain)) < sizeof(q->caller.domain));
        assert_true(q->which_op == 0 || q->which_op == openwts_Request_connect_session_tag);
        if (q->which_op)
            assert_true(strnlen(q->op.connect_session.password, 257) < 257);
    }
    free(q);
}

/* ---- garbage ------------------------------------------------------------ */

static void expect_invalid(const uint8_t *bytes, size_t len)
{
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello *h = malloc(sizeof(*h));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(h);
    uint8_t *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, bytes, len);
    assert_int_equal(openwts_request_decode(copy, len, q), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(openwts_reply_decode(copy, len, p), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(openwts_hello_decode(copy, len, h), OPENWTS_ERROR_INVALID_DATA);
    free(copy);
    free(q);
    free(p);
    free(h);
}
#define EXPECT_INVALID(...) do { \
        static const uint8_t v_[] = { __VA_ARGS__ }; \
        expect_invalid(v_, sizeof(v_)); \
    } while (0)

static void malformed_encodings_are_invalid_data(void **state)
{
    (void)state;
    EXPECT_INVALID(0xFF);                                   /* tag varint never ends */
    EXPECT_INVALID(0x80, 0x80, 0x80);
    EXPECT_INVALID(0x08);                                   /* field 1 varint, no value */
    EXPECT_INVALID(0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                   0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);     /* 11-byte varint */
    EXPECT_INVALID(0x00);                                   /* field number 0 */
    EXPECT_INVALID(0x00, 0x00, 0x00, 0x00);
    EXPECT_INVALID(0x0E, 0x00);                             /* wire type 6 */
    EXPECT_INVALID(0x0F, 0x00);                             /* wire type 7 */
    EXPECT_INVALID(0x0B, 0x0C);                             /* group (wire type 3) */
    EXPECT_INVALID(0x0C);                                   /* end group (4) */
    EXPECT_INVALID(0xF8, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00); /* tag beyond 32 bits */
    EXPECT_INVALID(0x9A, 0x06, 0x05, 'a');                  /* field 99 bytes, length past end */
    EXPECT_INVALID(0x9A, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F); /* length 2^32 - 1 */
    EXPECT_INVALID(0x9D, 0x06, 0x01, 0x02);                 /* field 99 fixed32, 2 of 4 bytes */
    EXPECT_INVALID(0x99, 0x06, 0x01, 0x02, 0x03, 0x04);     /* field 99 fixed64, 4 of 8 bytes */
    /* a valid prefix then a field number 0 */
    EXPECT_INVALID(0x98, 0x06, 0x01, 0x00, 0x13, 0x37);
}

static void random_garbage_never_crashes(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello *h = malloc(sizeof(*h));
    assert_non_null(q);
    assert_non_null(p);
    assert_non_null(h);
    size_t ok = 0, total = 0;
    for (int round = 0; round < 3000; round++) {
        size_t len = (size_t)(rng() % 400);
        uint8_t *g = malloc(len ? len : 1);
        assert_non_null(g);
        for (size_t i = 0; i < len; i++)
            g[i] = (uint8_t)rng();
        openwts_status s1 = openwts_request_decode(g, len, q);
        openwts_status s2 = openwts_reply_decode(g, len, p);
        openwts_status s3 = openwts_hello_decode(g, len, h);
        assert_true(s1 == OPENWTS_OK || s1 == OPENWTS_ERROR_INVALID_DATA);
        assert_true(s2 == OPENWTS_OK || s2 == OPENWTS_ERROR_INVALID_DATA);
        assert_true(s3 == OPENWTS_OK || s3 == OPENWTS_ERROR_INVALID_DATA);
        /* whatever decoded must encode again */
        size_t n;
        if (s1 == OPENWTS_OK)
            assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &n), OPENWTS_OK);
        if (s2 == OPENWTS_OK)
            assert_int_equal(openwts_reply_encode(p, wirebuf, sizeof(wirebuf), &n), OPENWTS_OK);
        if (s3 == OPENWTS_OK)
            assert_int_equal(openwts_hello_encode(h, wirebuf, sizeof(wirebuf), &n), OPENWTS_OK);
        ok += (s1 == OPENWTS_OK) + (s2 == OPENWTS_OK) + (s3 == OPENWTS_OK);
        total += 3;
        free(g);
    }
    assert_true(ok < total / 2); /* random bytes are mostly rejected */
    free(q);
    free(p);
    free(h);
}

/* ---- oversized strings and lists ------------------------------------------ */

/* A tiny protobuf writer for hand-built messages. */
struct pbw {
    uint8_t b[8192];
    size_t n;
};

static void w_varint(struct pbw *w, uint64_t v)
{
    do {
        assert_true(w->n < sizeof(w->b));
        uint8_t byte = v & 0x7F;
        v >>= 7;
        w->b[w->n++] = (uint8_t)(byte | (v ? 0x80 : 0));
    } while (v);
}
static void w_tag(struct pbw *w, uint32_t field, unsigned wt) { w_varint(w, ((uint64_t)field << 3) | wt); }
static void w_raw(struct pbw *w, const void *p, size_t n)
{
    assert_true(w->n + n <= sizeof(w->b));
    memcpy(w->b + w->n, p, n);
    w->n += n;
}
static void w_ld(struct pbw *w, uint32_t field, const void *p, size_t n)
{
    w_tag(w, field, 2);
    w_varint(w, n);
    w_raw(w, p, n);
}
static void w_uint(struct pbw *w, uint32_t field, uint64_t v)
{
    w_tag(w, field, 0);
    w_varint(w, v);
}
static void w_msg(struct pbw *w, uint32_t field, const struct pbw *m) { w_ld(w, field, m->b, m->n); }
static void w_fixed32(struct pbw *w, uint32_t field, uint32_t v)
{
    w_tag(w, field, 5);
    for (int i = 0; i < 4; i++) {
        uint8_t c = (uint8_t)(v >> (8 * i));
        w_raw(w, &c, 1);
    }
}
static void w_fixed64(struct pbw *w, uint32_t field, uint64_t v)
{
    w_tag(w, field, 1);
    for (int i = 0; i < 8; i++) {
        uint8_t c = (uint8_t)(v >> (8 * i));
        w_raw(w, &c, 1);
    }
}

static char filler[2048];

/* A Request whose caller has a string of n bytes in field `field`. */
static openwts_status request_with_caller_string(uint32_t field, size_t n, openwts_Request *q)
{
    struct pbw *c = calloc(1, sizeof(*c)), *r = calloc(1, sizeof(*r));
    assert_non_null(c);
    assert_non_null(r);
    w_uint(c, 1, 7);
    w_ld(c, field, filler, n);
    w_msg(r, 1, c);
    openwts_status st = openwts_request_decode(r->b, r->n, q);
    free(c);
    free(r);
    return st;
}

/* A Request with operation `op` holding a string of n bytes in `field`. */
static openwts_status request_with_op_string(uint32_t op, uint32_t field, size_t n, openwts_Request *q)
{
    struct pbw *o = calloc(1, sizeof(*o)), *r = calloc(1, sizeof(*r));
    assert_non_null(o);
    assert_non_null(r);
    w_ld(o, field, filler, n);
    w_msg(r, op, o);
    openwts_status st = openwts_request_decode(r->b, r->n, q);
    free(o);
    free(r);
    return st;
}

/* A query Reply whose session has n bytes in field `field`. */
static openwts_status reply_with_session_bytes(uint32_t field, size_t n, openwts_Reply *p)
{
    struct pbw *s = calloc(1, sizeof(*s)), *qr = calloc(1, sizeof(*qr)), *r = calloc(1, sizeof(*r));
    assert_non_null(s);
    assert_non_null(qr);
    assert_non_null(r);
    w_uint(s, 1, 9);
    w_ld(s, field, filler, n);
    w_msg(qr, 1, s);
    w_msg(r, openwts_Reply_query_session_tag, qr);
    openwts_status st = openwts_reply_decode(r->b, r->n, p);
    free(s);
    free(qr);
    free(r);
    return st;
}

static void oversized_strings_are_invalid_data(void **state)
{
    (void)state;
    memset(filler, 'x', sizeof(filler));
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = malloc(sizeof(*p));
    assert_non_null(q);
    assert_non_null(p);

    /* Caller.user and .domain: 256 bytes fit (with the NUL), 257 do not. */
    for (uint32_t field = 3; field <= 4; field++) {
        assert_int_equal(request_with_caller_string(field, 256, q), OPENWTS_OK);
        assert_int_equal(strlen(field == 3 ? q->caller.user : q->caller.domain), 256);
        assert_int_equal(q->caller.session_id, 7);
        assert_int_equal(request_with_caller_string(field, 257, q), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(request_with_caller_string(field, 1000, q), OPENWTS_ERROR_INVALID_DATA);
    }
    /* server of every operation that has one, and connect's password */
    static const struct { uint32_t op, field; } strs[] = {
        { openwts_Request_enumerate_sessions_tag, 1 }, { openwts_Request_query_session_tag, 1 },
        { openwts_Request_disconnect_session_tag, 1 }, { openwts_Request_logoff_session_tag, 1 },
        { openwts_Request_connect_session_tag, 3 },
    };
    for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
        assert_int_equal(request_with_op_string(strs[i].op, strs[i].field, 256, q), OPENWTS_OK);
        assert_int_equal(q->which_op, strs[i].op);
        assert_int_equal(request_with_op_string(strs[i].op, strs[i].field, 257, q),
                         OPENWTS_ERROR_INVALID_DATA);
    }
    /* every string and bytes field of Session, at its bound and one past */
    static const struct { uint32_t field; size_t max; } sess[] = {
        { 3, 99 }, { 4, 256 }, { 5, 256 }, { 6, 256 }, { 13, 63 }, { 14, 519 },
        { 19, 20 }, { 23, 519 }, { 24, 519 }, { 25, 519 }, { 27, 20 },
    };
    for (size_t i = 0; i < sizeof(sess) / sizeof(sess[0]); i++) {
        assert_int_equal(reply_with_session_bytes(sess[i].field, sess[i].max, p), OPENWTS_OK);
        assert_int_equal(p->result.query_session.session.id, 9);
        if (reply_with_session_bytes(sess[i].field, sess[i].max + 1, p) != OPENWTS_ERROR_INVALID_DATA)
            fail_msg("Session field %u took %zu bytes", sess[i].field, sess[i].max + 1);
    }
    free(q);
    free(p);
}

/* A Reply listing n empty sessions, split in two occurrences of the field
 * after `split` of them (protobuf merges repeated fields). */
static openwts_status reply_with_sessions(size_t n, size_t split, openwts_Reply *p)
{
    struct pbw *e1 = calloc(1, sizeof(*e1)), *e2 = calloc(1, sizeof(*e2)), *r = calloc(1, sizeof(*r));
    assert_non_null(e1);
    assert_non_null(e2);
    assert_non_null(r);
    struct pbw *one = calloc(1, sizeof(*one));
    assert_non_null(one);
    for (size_t i = 0; i < n; i++) {
        one->n = 0;
        w_uint(one, 1, i + 1); /* id */
        w_msg(i < split ? e1 : e2, 1, one);
    }
    w_msg(r, openwts_Reply_enumerate_sessions_tag, e1);
    if (n > split)
        w_msg(r, openwts_Reply_enumerate_sessions_tag, e2);
    openwts_status st = openwts_reply_decode(r->b, r->n, p);
    free(one);
    free(e1);
    free(e2);
    free(r);
    return st;
}

static void more_than_64_sessions_is_invalid_data(void **state)
{
    (void)state;
    openwts_Reply *p = malloc(sizeof(*p));
    assert_non_null(p);
    assert_int_equal(reply_with_sessions(64, 64, p), OPENWTS_OK);
    assert_int_equal(p->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(p->result.enumerate_sessions.sessions_count, 64);
    assert_int_equal(p->result.enumerate_sessions.sessions[63].id, 64);
    assert_int_equal(reply_with_sessions(65, 65, p), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(reply_with_sessions(200, 200, p), OPENWTS_ERROR_INVALID_DATA);
    /* merged across two occurrences */
    assert_int_equal(reply_with_sessions(64, 40, p), OPENWTS_OK);
    assert_int_equal(p->result.enumerate_sessions.sessions_count, 64);
    assert_int_equal(p->result.enumerate_sessions.sessions[40].id, 41);
    assert_int_equal(reply_with_sessions(65, 40, p), OPENWTS_ERROR_INVALID_DATA);

    /* and the encoder refuses a count past the array */
    memset(p, 0, sizeof(*p));
    p->which_result = openwts_Reply_enumerate_sessions_tag;
    p->result.enumerate_sessions.sessions_count = 65;
    size_t len;
    assert_int_equal(openwts_reply_encode(p, wirebuf, sizeof(wirebuf), &len), OPENWTS_ERROR_INVALID_DATA);
    free(p);
}

/* ---- wrong wire types ---------------------------------------------------- */

static void wrong_wire_type_is_invalid_data(void **state)
{
    (void)state;
    openwts_Request q;
    openwts_Reply *p = malloc(sizeof(*p));
    openwts_Hello h;
    assert_non_null(p);
#define REQ_INVALID(...) do { static const uint8_t v_[] = { __VA_ARGS__ }; \
        assert_int_equal(openwts_request_decode(v_, sizeof(v_), &q), OPENWTS_ERROR_INVALID_DATA); } while (0)
#define REP_INVALID(...) do { static const uint8_t v_[] = { __VA_ARGS__ }; \
        assert_int_equal(openwts_reply_decode(v_, sizeof(v_), p), OPENWTS_ERROR_INVALID_DATA); } while (0)
#define HEL_INVALID(...) do { static const uint8_t v_[] = { __VA_ARGS__ }; \
        assert_int_equal(openwts_hello_decode(v_, sizeof(v_), &h), OPENWTS_ERROR_INVALID_DATA); } while (0)
    REQ_INVALID(0x08, 0x01);                          /* caller (message) as varint */
    REQ_INVALID(0x0D, 0x00, 0x00, 0x00, 0x00);        /* caller as fixed32 */
    REQ_INVALID(0x58, 0x01);                          /* enumerate_sessions as varint */
    REQ_INVALID(0x79, 1, 2, 3, 4, 5, 6, 7, 8);        /* connect_session as fixed64 */
    REQ_INVALID(0x0A, 0x03, 0x0A, 0x01, 0x00);        /* caller.session_id as bytes */
    REQ_INVALID(0x0A, 0x02, 0x18, 0x01);              /* caller.user as varint */
    REQ_INVALID(0x0A, 0x05, 0x2D, 0x01, 0, 0, 0);     /* caller.privileged as fixed32 */
    REQ_INVALID(0x62, 0x05, 0x15, 0x01, 0, 0, 0);     /* query.session_id as fixed32 */
    REQ_INVALID(0x7A, 0x02, 0x18, 0x01);              /* connect.password as varint */
    REP_INVALID(0x0A, 0x01, 0x00);                    /* status as bytes */
    REP_INVALID(0x0D, 0x00, 0x00, 0x00, 0x00);        /* status as fixed32 */
    REP_INVALID(0x50, 0x01);                          /* done (message) as varint */
    REP_INVALID(0x5A, 0x02, 0x08, 0x01);              /* sessions (message) as varint */
    REP_INVALID(0x62, 0x05, 0x0A, 0x03, 0x98, 0x01, 0x05); /* session.client_address as varint */
    REP_INVALID(0x62, 0x0B, 0x0A, 0x09, 0x21, 1, 2, 3, 4, 5, 6, 7, 8); /* session.user as fixed64 */
    REP_INVALID(0x62, 0x07, 0x0A, 0x05, 0x3D, 0, 0, 0, 0); /* session.logon_time as fixed32 */
    HEL_INVALID(0x09, 1, 2, 3, 4, 5, 6, 7, 8);        /* version as fixed64 */
    HEL_INVALID(0x10, 0x01);                          /* caller as varint */
    free(p);
}

/* ---- encoding into small buffers ---------------------------------------- */

typedef openwts_status (*encode_fn)(const void *, uint8_t *, size_t, size_t *);
static openwts_status enc_request(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_request_encode(m, b, c, l); }
static openwts_status enc_reply(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_reply_encode(m, b, c, l); }
static openwts_status enc_hello(const void *m, uint8_t *b, size_t c, size_t *l) { return openwts_hello_encode(m, b, c, l); }

static void check_small_buffers(encode_fn encode, const void *msg)
{
    size_t len = 0;
    assert_int_equal(encode(msg, wirebuf, sizeof(wirebuf), &len), OPENWTS_OK);
    assert_true(len > 0);
    static const size_t GUARD = 32;
    uint8_t *buf = malloc(len + GUARD);
    assert_non_null(buf);
    size_t caps[] = { 0, 1, len / 2, len - 1 };
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        if (caps[i] >= len)
            continue;
        memset(buf, 0xEE, len + GUARD);
        size_t got = 12345;
        assert_int_equal(encode(msg, buf, caps[i], &got), OPENWTS_ERROR_INSUFFICIENT_BUFFER);
        for (size_t k = caps[i]; k < len + GUARD; k++)
            assert_int_equal(buf[k], 0xEE); /* nothing past the capacity */
    }
    size_t got = 0;
    memset(buf, 0xEE, len + GUARD);
    assert_int_equal(encode(msg, buf, len, &got), OPENWTS_OK); /* exactly enough */
    assert_int_equal(got, len);
    assert_memory_equal(buf, wirebuf, len);
    for (size_t k = len; k < len + GUARD; k++)
        assert_int_equal(buf[k], 0xEE);
    free(buf);
}

static void encode_into_small_buffer(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    openwts_Reply *p = calloc(1, sizeof(*p));
    openwts_Hello h;
    assert_non_null(q);
    assert_non_null(p);
    for (size_t i = 0; i < N_OPS; i++) {
        make_request(q, all_ops[i], 2, true);
        check_small_buffers(enc_request, q);
    }
    make_enumerate_reply(p, OPENWTS_MAX_SESSIONS, 0, true);
    check_small_buffers(enc_reply, p);
    memset(p, 0, sizeof(*p));
    p->which_result = openwts_Reply_done_tag;
    check_small_buffers(enc_reply, p);
    memset(&h, 0, sizeof(h));
    h.version = 1;
    h.has_caller = true;
    fill_caller(&h.caller, 3, true);
    check_small_buffers(enc_hello, &h);
    free(q);
    free(p);
}

/* A string without its NUL cannot be encoded; it is refused, not read past. */
static void encode_unterminated_string_refused(void **state)
{
    (void)state;
    openwts_Request *q = malloc(sizeof(*q));
    assert_non_null(q);
    make_request(q, openwts_Request_query_session_tag, 1, false);
    memset(q->caller.user, 'u', sizeof(q->caller.user));
    size_t len;
    assert_int_equal(openwts_request_encode(q, wirebuf, sizeof(wirebuf), &len), OPENWTS_ERROR_INVALID_DATA);
    free(q);
}

/* ---- a newer peer's fields ----------------------------------------------- */

static void unknown_fields_are_skipped(void **state)
{
    (void)state;
    struct pbw *caller = calloc(1, sizeof(*caller)), *op = calloc(1, sizeof(*op)),
               *r = calloc(1, sizeof(*r)), *nested = calloc(1, sizeof(*nested));
    assert_non_null(caller);
    assert_non_null(op);
    assert_non_null(r);
    assert_non_null(nested);

    /* The simplest case the brief names: a known Request plus field 99. */
    w_uint(caller, 1, 7);
    w_ld(caller, 3, "alice", 5);
    w_msg(r, 1, caller);
    w_uint(op, 2, 3);
    w_msg(r, openwts_Request_query_session_tag, op);
    w_uint(r, 99, 12345);
    openwts_Request q;
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_true(q.has_caller);
    assert_int_equal(q.caller.session_id, 7);
    assert_string_equal(q.caller.user, "alice");
    assert_int_equal(q.which_op, openwts_Request_query_session_tag);
    assert_int_equal(q.op.query_session.session_id, 3);
    assert_string_equal(q.op.query_session.server, "");

    /* Every wire type, at every level, before, between and after known fields. */
    caller->n = op->n = r->n = nested->n = 0;
    w_uint(nested, 1, 1);
    w_uint(r, 99, UINT64_MAX);                 /* 10-byte varint */
    w_uint(caller, 99, 1);
    w_uint(caller, 1, 7);
    w_fixed32(caller, 50, 0xDEADBEEF);
    w_ld(caller, 3, "alice", 5);
    w_fixed64(caller, 51, 0x0123456789ABCDEFull);
    w_msg(caller, 52, nested);
    w_ld(caller, 4, "CORP", 4);
    w_uint(caller, 5, 1);
    w_ld(caller, 536870911, "max field number", 16);
    w_msg(r, 1, caller);
    w_ld(r, 98, "future", 6);
    w_uint(op, 99, 5);
    w_ld(op, 1, "srv", 3);
    w_uint(op, 2, 3);
    w_fixed64(op, 4, 1);                       /* a field a newer logoff may add */
    w_msg(r, openwts_Request_logoff_session_tag, op);
    w_uint(r, 10, 1);                          /* the reserved number */
    w_fixed32(r, 97, 1);
    w_msg(r, 40, nested);                      /* a newer operation, after ours */
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_true(q.has_caller);
    assert_int_equal(q.caller.session_id, 7);
    assert_string_equal(q.caller.user, "alice");
    assert_string_equal(q.caller.domain, "CORP");
    assert_true(q.caller.privileged);
    assert_int_equal(q.which_op, openwts_Request_logoff_session_tag);
    assert_string_equal(q.op.logoff_session.server, "srv");
    assert_int_equal(q.op.logoff_session.session_id, 3);
    assert_false(q.op.logoff_session.wait);

    /* Reply: a session with a field 99, and a status after an unknown field */
    struct pbw *s = calloc(1, sizeof(*s)), *qr = calloc(1, sizeof(*qr));
    assert_non_null(s);
    assert_non_null(qr);
    r->n = 0;
    w_uint(s, 1, 4);
    w_uint(s, 99, 1);
    w_ld(s, 4, "bob", 3);
    w_ld(s, 28, "a newer session field", 21);
    w_msg(qr, 1, s);
    w_uint(qr, 2, 1);
    w_uint(r, 99, 1);
    w_uint(r, 1, 1722);
    w_msg(r, openwts_Reply_query_session_tag, qr);
    openwts_Reply *p = malloc(sizeof(*p));
    assert_non_null(p);
    assert_int_equal(openwts_reply_decode(r->b, r->n, p), OPENWTS_OK);
    assert_int_equal(p->status, 1722);
    assert_int_equal(p->which_result, openwts_Reply_query_session_tag);
    assert_true(p->result.query_session.has_session);
    assert_int_equal(p->result.query_session.session.id, 4);
    assert_string_equal(p->result.query_session.session.user, "bob");

    /* Hello */
    r->n = 0;
    w_uint(r, 1, 2);
    w_ld(r, 3, "a newer hello field", 19);
    w_msg(r, 2, caller);
    openwts_Hello h;
    assert_int_equal(openwts_hello_decode(r->b, r->n, &h), OPENWTS_OK);
    assert_int_equal(h.version, 2);
    assert_true(h.has_caller);
    assert_string_equal(h.caller.user, "alice");

    free(s);
    free(qr);
    free(p);
    free(caller);
    free(op);
    free(r);
    free(nested);
}

/* The last member of a oneof wins, with nothing left of the one before. */
static void later_oneof_member_replaces_earlier(void **state)
{
    (void)state;
    struct pbw *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b)), *r = calloc(1, sizeof(*r));
    assert_non_null(a);
    assert_non_null(b);
    assert_non_null(r);
    w_ld(a, 1, "first-server", 12);
    w_msg(r, openwts_Request_enumerate_sessions_tag, a);
    w_uint(b, 2, 3);
    w_msg(r, openwts_Request_query_session_tag, b);
    openwts_Request q;
    assert_int_equal(openwts_request_decode(r->b, r->n, &q), OPENWTS_OK);
    assert_int_equal(q.which_op, openwts_Request_query_session_tag);
    assert_int_equal(q.op.query_session.session_id, 3);
    assert_string_equal(q.op.query_session.server, "");
    free(a);
    free(b);
    free(r);
}

/* ---- framing --------------------------------------------------------------- */

static void frame_length_round_trip(void **state)
{
    (void)state;
    static const uint32_t lens[] = {
        0, 1, 0x7F, 0x80, 0xFF, 0x100, 0x1234, 0xFFFF, 0x10000, 0x30201,
        BOUNDED_MAX_Reply, OPENWTS_FRAME_MAX - 1, OPENWTS_FRAME_MAX,
    };
    for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
        uint8_t hdr[OPENWTS_FRAME_HEADER + 4];
        memset(hdr, 0xCC, sizeof(hdr));
        openwts_frame_put_length(hdr, lens[i]);
        for (int k = OPENWTS_FRAME_HEADER; k < (int)sizeof(hdr); k++)
            assert_int_equal(hdr[k], 0xCC); /* writes exactly 4 bytes */
        uint32_t got = 0xDEADBEEF;
        assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_OK);
        assert_int_equal(got, lens[i]);
    }
}

static void frame_length_is_little_endian(void **state)
{
    (void)state;
    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, 0x00030201);
    assert_int_equal(hdr[0], 0x01);
    assert_int_equal(hdr[1], 0x02);
    assert_int_equal(hdr[2], 0x03);
    assert_int_equal(hdr[3], 0x00);
    openwts_frame_put_length(hdr, 0x12345678);
    static const uint8_t le[] = { 0x78, 0x56, 0x34, 0x12 };
    assert_memory_equal(hdr, le, 4);
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX); /* 0x00040000 */
    static const uint8_t max[] = { 0x00, 0x00, 0x04, 0x00 };
    assert_memory_equal(hdr, max, 4);

    static const uint8_t in[] = { 0x10, 0x20, 0x01, 0x00 };
    uint32_t got = 0;
    assert_int_equal(openwts_frame_get_length(in, &got), OPENWTS_OK);
    assert_int_equal(got, 0x00012010);
}

static void frame_length_bound(void **state)
{
    (void)state;
    uint32_t got = 0;
    static const uint8_t exactly_max[] = { 0x00, 0x00, 0x04, 0x00 };
    assert_int_equal(openwts_frame_get_length(exactly_max, &got), OPENWTS_OK);
    assert_int_equal(got, OPENWTS_FRAME_MAX);

    static const uint8_t over[][4] = {
        { 0x01, 0x00, 0x04, 0x00 },    /* max + 1 */
        { 0x00, 0x00, 0x05, 0x00 },
        { 0x00, 0x00, 0x00, 0x01 },    /* 16 MiB */
        { 0x00, 0x00, 0x00, 0x80 },    /* sign bit */
        { 0xFF, 0xFF, 0xFF, 0xFF },
        { 0x00, 0x00, 0x04, 0x01 },
    };
    for (size_t i = 0; i < sizeof(over) / sizeof(over[0]); i++)
        assert_int_equal(openwts_frame_get_length(over[i], &got), OPENWTS_ERROR_INVALID_DATA);

    uint8_t hdr[OPENWTS_FRAME_HEADER];
    openwts_frame_put_length(hdr, OPENWTS_FRAME_MAX + 1);
    assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_ERROR_INVALID_DATA);
    openwts_frame_put_length(hdr, UINT32_MAX);
    assert_int_equal(openwts_frame_get_length(hdr, &got), OPENWTS_ERROR_INVALID_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(request_round_trip_every_operation),
        cmocka_unit_test(reply_round_trip_64_maximal_sessions),
        cmocka_unit_test(reply_round_trip_every_result),
        cmocka_unit_test(hello_round_trip),
        cmocka_unit_test(frame_max_holds_every_message),
        cmocka_unit_test(empty_input_decodes_to_defaults),
        cmocka_unit_test(truncated_input_is_invalid_data),
        cmocka_unit_test(failed_decode_leaves_struct_initialised),
        cmocka_unit_test(malformed_encodings_are_invalid_data),
        cmocka_unit_test(random_garbage_never_crashes),
        cmocka_unit_test(oversized_strings_are_invalid_data),
        cmocka_unit_test(more_than_64_sessions_is_invalid_data),
        cmocka_unit_test(wrong_wire_type_is_invalid_data),
        cmocka_unit_test(encode_into_small_buffer),
        cmocka_unit_test(encode_unterminated_string_refused),
        cmocka_unit_test(unknown_fields_are_skipped),
        cmocka_unit_test(later_oneof_member_replaces_earlier),
        cmocka_unit_test(frame_length_round_trip),
        cmocka_unit_test(frame_length_is_little_endian),
        cmocka_unit_test(frame_length_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
