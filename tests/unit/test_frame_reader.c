/* The frame reader and writer (frame_reader.h): a stream cut into pieces of
 * every size gives back the same payloads in order; a blocking reader is
 * never asked for a byte past the current frame; a header over the bound is
 * refused before any payload is buffered, and the reader stays failed; the
 * writer lays out header and payload, refuses what the receiver would
 * refuse, and writes nothing then.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/frame_reader.h"

/* xorshift64*: a fixed-seed generator, so failures reproduce. */
static uint64_t rng_state = 0x243F6A8885A308D3ull;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Dull;
}

/* ---- a stream of known frames ----------------------------------------------- */

/* Lengths around the header's size, a varint boundary, the reader's kept
 * room (OPENWTS_FRAME_READER_KEEP) and the protocol's bound. */
static const uint32_t lengths[] = {
    0, 1, 3, 4, 5, 127, 128, 1000, 0, 70000, 10, OPENWTS_FRAME_READER_KEEP,
    OPENWTS_FRAME_READER_KEEP + 1, 2, OPENWTS_FRAME_MAX, 0, 7,
};
#define N_FRAMES (sizeof(lengths) / sizeof(lengths[0]))

static uint8_t *stream;
static size_t stream_len;
static size_t offsets[N_FRAMES]; /* where each payload starts */

static uint8_t payload_byte(size_t frame, size_t i)
{
    return (uint8_t)(frame * 37 + i * 11 + (i >> 8));
}

static int group_setup(void **state)
{
    (void)state;
    size_t total = 0;
    for (size_t f = 0; f < N_FRAMES; f++)
        total += OPENWTS_FRAME_HEADER + lengths[f];
    stream = malloc(total);
    if (!stream)
        return -1;
    size_t off = 0;
    for (size_t f = 0; f < N_FRAMES; f++) {
        openwts_frame_put_length(stream + off, lengths[f]);
        off += OPENWTS_FRAME_HEADER;
        offsets[f] = off;
        for (size_t i = 0; i < lengths[f]; i++)
            stream[off + i] = payload_byte(f, i);
        off += lengths[f];
    }
    stream_len = off;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    free(stream);
    return 0;
}

static void assert_frame(size_t f, const uint8_t *payload, uint32_t len)
{
    assert_non_null(payload);
    assert_int_equal(len, lengths[f]);
    assert_memory_equal(payload, stream + offsets[f], len);
}

/* Feeds the whole stream in pieces whose sizes `piece` chooses; checks the
 * frames come out in order, each as soon as its last byte is fed. */
static void feed_in_pieces(size_t (*piece)(size_t at))
{
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    size_t at = 0, next = 0;
    while (at < stream_len) {
        size_t n = piece(at);
        if (n > stream_len - at)
            n = stream_len - at;
        /* an exact-size copy, so that ASan sees a read past the piece */
        uint8_t *chunk = malloc(n ? n : 1);
        assert_non_null(chunk);
        memcpy(chunk, stream + at, n);
        size_t off = 0;
        do {
            size_t used = 12345;
            const uint8_t *payload = (const uint8_t *)1;
            uint32_t len = 777;
            assert_int_equal(openwts_frame_reader_feed(&r, chunk + off, n - off, &used, &payload, &len),
                             OPENWTS_OK);
            assert_true(used <= n - off);
            off += used;
            if (payload) {
                assert_true(next < N_FRAMES);
                assert_frame(next, payload, len);
                /* handed out exactly when its last byte arrived */
                assert_int_equal(at + off, offsets[next] + lengths[next]);
                assert_true(openwts_frame_reader_between_frames(&r));
                next++;
            } else {
                assert_int_equal(off, n); /* everything was taken */
                assert_int_equal(len, 0);
            }
        } while (off < n);
        free(chunk);
        at += n;
    }
    assert_int_equal(next, N_FRAMES);
    assert_true(openwts_frame_reader_between_frames(&r));
    openwts_frame_reader_free(&r);
}

static size_t piece_1(size_t at) { (void)at; return 1; }
static size_t piece_2(size_t at) { (void)at; return 2; }
static size_t piece_3(size_t at) { (void)at; return 3; }
static size_t piece_5(size_t at) { (void)at; return 5; }
static size_t piece_4096(size_t at) { (void)at; return 4096; }
static size_t piece_all(size_t at) { return stream_len - at; }
static size_t piece_random(size_t at)
{
    (void)at;
    switch (rng() % 4) {
    case 0: return (size_t)(rng() % 8);          /* tiny, sometimes empty */
    case 1: return (size_t)(rng() % 300);
    case 2: return (size_t)(rng() % 70000);
    default: return (size_t)(rng() % (3 * OPENWTS_FRAME_MAX));
    }
}

static void frames_in_pieces_of_every_size(void **state)
{
    (void)state;
    feed_in_pieces(piece_1);
    feed_in_pieces(piece_2);
    feed_in_pieces(piece_3);
    feed_in_pieces(piece_5);
    feed_in_pieces(piece_4096);
    feed_in_pieces(piece_all);
    for (int i = 0; i < 20; i++)
        feed_in_pieces(piece_random);
}

/* As a blocking socket read would: read at most what space asks for. The
 * reader asks for exactly what the current frame lacks, so the "socket"
 * is never read past the frame being handed out. */
static void space_asks_for_no_byte_past_the_frame(void **state)
{
    (void)state;
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    size_t at = 0, next = 0;
    while (at < stream_len) {
        uint8_t *dst = NULL;
        size_t want = 0;
        assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_OK);
        assert_non_null(dst);
        assert_true(want > 0);
        /* the frame in progress ends at offsets[next] + lengths[next] */
        assert_true(next < N_FRAMES);
        size_t frame_end = offsets[next] + lengths[next];
        if (at < offsets[next])
            assert_int_equal(want, offsets[next] - at); /* the rest of the header */
        else
            assert_int_equal(want, frame_end - at);
        /* the read returns fewer bytes than asked, sometimes */
        size_t got = rng() % 3 == 0 ? 1 + (size_t)(rng() % want) : want;
        memcpy(dst, stream + at, got);
        at += got;
        const uint8_t *payload = (const uint8_t *)1;
        uint32_t len = 777;
        assert_int_equal(openwts_frame_reader_commit(&r, got, &payload, &len), OPENWTS_OK);
        if (payload) {
            assert_int_equal(at, frame_end);
            assert_frame(next, payload, len);
            next++;
        } else {
            assert_true(at < frame_end);
            assert_false(openwts_frame_reader_between_frames(&r));
        }
    }
    assert_int_equal(next, N_FRAMES);
    /* a read of nothing (a non-blocking read with no data) changes nothing */
    uint8_t *dst;
    size_t want;
    assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_OK);
    assert_int_equal(want, OPENWTS_FRAME_HEADER);
    const uint8_t *payload;
    uint32_t len;
    assert_int_equal(openwts_frame_reader_commit(&r, 0, &payload, &len), OPENWTS_OK);
    assert_null(payload);
    assert_true(openwts_frame_reader_between_frames(&r));
    openwts_frame_reader_free(&r);
}

/* The two ways of giving bytes mix freely. */
static void feed_and_space_mixed(void **state)
{
    (void)state;
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    size_t at = 0, next = 0;
    while (at < stream_len) {
        const uint8_t *payload = NULL;
        uint32_t len = 0;
        if (rng() % 2) {
            size_t n = 1 + (size_t)(rng() % 5000), used = 0;
            if (n > stream_len - at)
                n = stream_len - at;
            assert_int_equal(openwts_frame_reader_feed(&r, stream + at, n, &used, &payload, &len), OPENWTS_OK);
            at += used;
        } else {
            uint8_t *dst;
            size_t want;
            assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_OK);
            size_t got = 1 + (size_t)(rng() % want);
            memcpy(dst, stream + at, got);
            at += got;
            assert_int_equal(openwts_frame_reader_commit(&r, got, &payload, &len), OPENWTS_OK);
        }
        if (payload)
            assert_frame(next++, payload, len);
    }
    assert_int_equal(next, N_FRAMES);
    openwts_frame_reader_free(&r);
}

/* ---- the bound -------------------------------------------------------------- */

static void header_over_the_bound_refused_before_its_payload(void **state)
{
    (void)state;
    static const uint32_t bounds[] = { 0, 1, 100, OPENWTS_FRAME_MAX };
    for (size_t b = 0; b < sizeof(bounds) / sizeof(bounds[0]); b++) {
        uint32_t bound = bounds[b];
        /* exactly the bound is taken */
        openwts_frame_reader r;
        openwts_frame_reader_init(&r, bound);
        uint8_t *frame = calloc(1, OPENWTS_FRAME_HEADER + (size_t)bound + 1);
        assert_non_null(frame);
        openwts_frame_put_length(frame, bound);
        size_t used = 0;
        const uint8_t *payload = NULL;
        uint32_t len = 0;
        assert_int_equal(openwts_frame_reader_feed(&r, frame, OPENWTS_FRAME_HEADER + bound, &used, &payload, &len),
                         OPENWTS_OK);
        assert_non_null(payload);
        assert_int_equal(len, bound);

        /* one more is refused when its header is complete: the header's
         * bytes are taken, not one of the payload's */
        openwts_frame_put_length(frame, bound + 1);
        assert_int_equal(openwts_frame_reader_feed(&r, frame, 3, &used, &payload, &len), OPENWTS_OK);
        assert_int_equal(used, 3);
        assert_null(payload);
        assert_int_equal(openwts_frame_reader_feed(&r, frame + 3, OPENWTS_FRAME_HEADER + bound - 2, &used,
                                                   &payload, &len),
                         OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(used, 1);
        assert_null(payload);
        assert_true(r.room <= bound); /* no room was made for it */
        assert_false(openwts_frame_reader_between_frames(&r));

        /* and the reader stays failed, whichever way it is given bytes */
        openwts_frame_put_length(frame, 0);
        assert_int_equal(openwts_frame_reader_feed(&r, frame, OPENWTS_FRAME_HEADER, &used, &payload, &len),
                         OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(used, 0);
        uint8_t *dst;
        size_t want;
        assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(openwts_frame_reader_commit(&r, 0, &payload, &len), OPENWTS_ERROR_INVALID_DATA);
        assert_null(payload);
        openwts_frame_reader_free(&r);
        free(frame);
    }
}

/* Headers far past the bound, as garbage or an attacker sends them: refused
 * from a fresh reader, nothing allocated. */
static void huge_headers_allocate_nothing(void **state)
{
    (void)state;
    static const uint8_t headers[][4] = {
        { 0x01, 0x00, 0x04, 0x00 }, /* OPENWTS_FRAME_MAX + 1 */
        { 0x00, 0x00, 0x00, 0x01 },
        { 0xFF, 0xFF, 0xFF, 0x7F },
        { 0xFF, 0xFF, 0xFF, 0xFF },
    };
    for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
        openwts_frame_reader r;
        openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
        size_t used;
        const uint8_t *payload;
        uint32_t len;
        assert_int_equal(openwts_frame_reader_feed(&r, headers[i], 4, &used, &payload, &len),
                         OPENWTS_ERROR_INVALID_DATA);
        assert_null(r.payload);
        assert_int_equal(r.room, 0);
        openwts_frame_reader_free(&r);
    }
}

/* Giving more bytes than space asked for is a caller's bug: refused, and
 * the stream is lost. */
static void commit_past_the_space_refused(void **state)
{
    (void)state;
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    uint8_t *dst;
    size_t want;
    const uint8_t *payload;
    uint32_t len;
    assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_OK);
    assert_int_equal(want, OPENWTS_FRAME_HEADER);
    openwts_frame_put_length(dst, 2);
    assert_int_equal(openwts_frame_reader_commit(&r, want, &payload, &len), OPENWTS_OK);
    assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_OK);
    assert_int_equal(want, 2);
    assert_int_equal(openwts_frame_reader_commit(&r, 3, &payload, &len), OPENWTS_ERROR_INVALID_DATA);
    assert_null(payload);
    assert_int_equal(openwts_frame_reader_space(&r, &dst, &want), OPENWTS_ERROR_INVALID_DATA);
    openwts_frame_reader_free(&r);
}

/* ---- memory ------------------------------------------------------------------ */

static void payload_room_kept_or_given_back(void **state)
{
    (void)state;
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    assert_null(r.payload); /* nothing allocated before a payload comes */
    static uint8_t frame[OPENWTS_FRAME_HEADER + OPENWTS_FRAME_READER_KEEP + 10];
    size_t used;
    const uint8_t *payload;
    uint32_t len;

    /* an empty payload needs no room, and still has an address */
    openwts_frame_put_length(frame, 0);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 4, &used, &payload, &len), OPENWTS_OK);
    assert_non_null(payload);
    assert_int_equal(len, 0);
    assert_null(r.payload);

    /* room is reused for a smaller payload */
    openwts_frame_put_length(frame, 100);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 104, &used, &payload, &len), OPENWTS_OK);
    const uint8_t *first = payload;
    openwts_frame_put_length(frame, 50);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 54, &used, &payload, &len), OPENWTS_OK);
    assert_ptr_equal(payload, first);
    assert_int_equal(r.room, 100);

    /* a large payload's room is given back once the next frame starts */
    openwts_frame_put_length(frame, OPENWTS_FRAME_READER_KEEP + 10);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, sizeof(frame), &used, &payload, &len), OPENWTS_OK);
    assert_int_equal(len, OPENWTS_FRAME_READER_KEEP + 10);
    assert_true(r.room >= len);
    openwts_frame_put_length(frame, 1);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 2, &used, &payload, &len), OPENWTS_OK);
    assert_null(payload);
    assert_true(r.room <= OPENWTS_FRAME_READER_KEEP);

    /* free, free again, and use again after init */
    openwts_frame_reader_free(&r);
    openwts_frame_reader_free(&r);
    openwts_frame_reader_init(&r, 10);
    openwts_frame_put_length(frame, 3);
    memcpy(frame + 4, "abc", 3);
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 7, &used, &payload, &len), OPENWTS_OK);
    assert_int_equal(len, 3);
    assert_memory_equal(payload, "abc", 3);
    openwts_frame_reader_free(&r);
}

static void between_frames(void **state)
{
    (void)state;
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    assert_true(openwts_frame_reader_between_frames(&r));
    uint8_t frame[] = { 2, 0, 0, 0, 'h', 'i' };
    size_t used;
    const uint8_t *payload;
    uint32_t len;
    for (size_t cut = 1; cut < sizeof(frame); cut++) {
        assert_int_equal(openwts_frame_reader_feed(&r, frame + cut - 1, 1, &used, &payload, &len), OPENWTS_OK);
        assert_null(payload);
        assert_false(openwts_frame_reader_between_frames(&r)); /* an end of stream here is a cut */
    }
    assert_int_equal(openwts_frame_reader_feed(&r, frame + 5, 1, &used, &payload, &len), OPENWTS_OK);
    assert_non_null(payload);
    assert_true(openwts_frame_reader_between_frames(&r));
    /* feeding nothing hands out nothing and keeps the state */
    assert_int_equal(openwts_frame_reader_feed(&r, frame, 0, &used, &payload, &len), OPENWTS_OK);
    assert_int_equal(used, 0);
    assert_null(payload);
    assert_true(openwts_frame_reader_between_frames(&r));
    openwts_frame_reader_free(&r);
}

/* ---- the writer ----------------------------------------------------------------- */

static void frame_write_lays_out_header_and_payload(void **state)
{
    (void)state;
    static const uint8_t payload[] = "a payload";
    uint8_t buf[64];
    size_t n = 0;
    memset(buf, 0xEE, sizeof(buf));
    assert_int_equal(openwts_frame_write(buf, sizeof(buf), payload, 9, OPENWTS_FRAME_MAX, &n), OPENWTS_OK);
    assert_int_equal(n, 13);
    static const uint8_t want[] = { 9, 0, 0, 0, 'a', ' ', 'p', 'a', 'y', 'l', 'o', 'a', 'd' };
    assert_memory_equal(buf, want, 13);
    assert_int_equal(buf[13], 0xEE);

    /* a payload already in place is left there */
    memset(buf, 0xEE, sizeof(buf));
    memcpy(buf + OPENWTS_FRAME_HEADER, payload, 9);
    assert_int_equal(openwts_frame_write(buf, 13, buf + OPENWTS_FRAME_HEADER, 9, 9, &n), OPENWTS_OK);
    assert_memory_equal(buf, want, 13);

    /* an empty payload: the header alone, payload pointer unused */
    assert_int_equal(openwts_frame_write(buf, 4, NULL, 0, 0, &n), OPENWTS_OK);
    assert_int_equal(n, 4);
    static const uint8_t zero[4];
    assert_memory_equal(buf, zero, 4);
}

static void frame_write_refuses_and_writes_nothing(void **state)
{
    (void)state;
    static const uint8_t payload[20] = { 1, 2, 3 };
    uint8_t buf[64];
    size_t n = 4242;
    /* too small a buffer: one byte short, the header alone, less */
    static const size_t caps[] = { 23, 4, 3, 0 };
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        memset(buf, 0xEE, sizeof(buf));
        assert_int_equal(openwts_frame_write(buf, caps[i], payload, 20, 100, &n), OPENWTS_ERROR_INSUFFICIENT_BUFFER);
        for (size_t k = 0; k < sizeof(buf); k++)
            assert_int_equal(buf[k], 0xEE);
    }
    /* over the receiver's bound, however large the buffer */
    memset(buf, 0xEE, sizeof(buf));
    assert_int_equal(openwts_frame_write(buf, sizeof(buf), payload, 20, 19, &n), OPENWTS_ERROR_INVALID_DATA);
    for (size_t k = 0; k < sizeof(buf); k++)
        assert_int_equal(buf[k], 0xEE);
    assert_int_equal(n, 4242);
    assert_int_equal(openwts_frame_write(buf, sizeof(buf), payload, 20, 20, &n), OPENWTS_OK);
}

/* Envelope messages written as frames, read back through a reader in
 * random pieces, decode to what was written. */
static void envelope_frames_read_back(void **state)
{
    (void)state;
    enum { N = 40 };
    static uint8_t wire[N * 4096];
    size_t off = 0;
    openwts_ClientMessage *m = calloc(1, sizeof(*m)), *back = calloc(1, sizeof(*back));
    assert_non_null(m);
    assert_non_null(back);
    for (int i = 0; i < N; i++) {
        memset(m, 0, sizeof(*m));
        m->id = (uint64_t)i * 0x0102030405ull;
        m->which_body = openwts_ClientMessage_request_tag;
        m->body.request.which_op = openwts_Request_query_session_tag;
        m->body.request.op.query_session.session_id = (uint32_t)i;
        memset(m->body.request.server, 'a' + i % 26, (size_t)(i * 6));
        size_t n = 0;
        assert_int_equal(openwts_frame_write_client_message(m, wire + off, sizeof(wire) - off,
                                                            OPENWTS_FRAME_MAX, &n),
                         OPENWTS_OK);
        uint32_t len = 0;
        assert_int_equal(openwts_frame_get_length(wire + off, &len), OPENWTS_OK);
        assert_int_equal(n, OPENWTS_FRAME_HEADER + len);
        off += n;
    }
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, OPENWTS_FRAME_MAX);
    size_t at = 0;
    int next = 0;
    while (at < off) {
        size_t n = 1 + (size_t)(rng() % 200), used = 0;
        if (n > off - at)
            n = off - at;
        const uint8_t *payload;
        uint32_t len;
        assert_int_equal(openwts_frame_reader_feed(&r, wire + at, n, &used, &payload, &len), OPENWTS_OK);
        at += used;
        if (!payload)
            continue;
        assert_int_equal(openwts_client_message_decode(payload, len, back), OPENWTS_OK);
        assert_int_equal(back->id, (uint64_t)next * 0x0102030405ull);
        assert_int_equal(back->which_body, openwts_ClientMessage_request_tag);
        assert_int_equal(back->body.request.op.query_session.session_id, next);
        assert_int_equal(strlen(back->body.request.server), (size_t)(next * 6));
        openwts_client_message_release(back);
        next++;
    }
    assert_int_equal(next, N);
    openwts_frame_reader_free(&r);
    free(m);
    free(back);
}

static void envelope_frame_over_the_bound_writes_nothing(void **state)
{
    (void)state;
    openwts_ServerMessage *m = calloc(1, sizeof(*m));
    assert_non_null(m);
    m->id = 1;
    m->which_body = openwts_ServerMessage_reply_tag;
    m->body.reply.which_result = openwts_Reply_query_session_tag;
    m->body.reply.result.query_session.has_session = true;
    memset(m->body.reply.result.query_session.session.application_name, 'x', 500);
    size_t len = 0;
    assert_int_equal(openwts_server_message_encode(m, NULL, 0, &len), OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    static uint8_t wire[4096], exact[4096];
    assert_int_equal(openwts_server_message_encode(m, exact, sizeof(exact), &len), OPENWTS_OK);
    size_t n = 4242;
    /* over the bound by one byte */
    memset(wire, 0xEE, sizeof(wire));
    assert_int_equal(openwts_frame_write_server_message(m, wire, sizeof(wire), (uint32_t)len - 1, &n),
                     OPENWTS_ERROR_INVALID_DATA);
    for (size_t k = 0; k < sizeof(wire); k++)
        assert_int_equal(wire[k], 0xEE);
    /* a buffer one byte short */
    assert_int_equal(openwts_frame_write_server_message(m, wire, OPENWTS_FRAME_HEADER + len - 1,
                                                        OPENWTS_FRAME_MAX, &n),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    for (size_t k = 0; k < sizeof(wire); k++)
        assert_int_equal(wire[k], 0xEE);
    assert_int_equal(n, 4242);
    /* exactly the bound and exactly the room */
    assert_int_equal(openwts_frame_write_server_message(m, wire, OPENWTS_FRAME_HEADER + len, (uint32_t)len, &n),
                     OPENWTS_OK);
    assert_int_equal(n, OPENWTS_FRAME_HEADER + len);
    assert_memory_equal(wire + OPENWTS_FRAME_HEADER, exact, len);
    assert_int_equal(wire[OPENWTS_FRAME_HEADER + len], 0xEE);
    free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(frames_in_pieces_of_every_size),
        cmocka_unit_test(space_asks_for_no_byte_past_the_frame),
        cmocka_unit_test(feed_and_space_mixed),
        cmocka_unit_test(header_over_the_bound_refused_before_its_payload),
        cmocka_unit_test(huge_headers_allocate_nothing),
        cmocka_unit_test(commit_past_the_space_refused),
        cmocka_unit_test(payload_room_kept_or_given_back),
        cmocka_unit_test(between_frames),
        cmocka_unit_test(frame_write_lays_out_header_and_payload),
        cmocka_unit_test(frame_write_refuses_and_writes_nothing),
        cmocka_unit_test(envelope_frames_read_back),
        cmocka_unit_test(envelope_frame_over_the_bound_writes_nothing),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
