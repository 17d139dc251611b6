/* Fuzz target: the frame reader (frame_reader.h). The first input byte
 * picks the reader's bound, the second seeds how the stream is cut, the
 * rest is the stream. It is fed twice, in pieces of pseudo-random sizes
 * (openwts_frame_reader_feed) and as reads of pseudo-random sizes into the
 * reader's own space (openwts_frame_reader_space/commit), and each time
 * must give exactly what a plain walk of the stream gives: the same
 * payloads in order, each when its last byte arrives; ERROR_INVALID_DATA
 * right after the first header over the bound, taking no payload byte;
 * a clean end only at a frame boundary.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const uint32_t bounds[] = { OPENWTS_FRAME_MAX, 0, 1, 5, 64, 1000, 70000 };

/* What a plain walk of the stream finds. */
struct walk {
    size_t n_frames;
    size_t *start, *len;   /* of each payload */
    bool refused;          /* a header over the bound ... */
    size_t refused_at;     /* ... ending here */
    bool clean;            /* the stream ends at a frame boundary */
};

static void walk_stream(const uint8_t *s, size_t size, uint32_t bound, struct walk *w)
{
    memset(w, 0, sizeof(*w));
    w->start = malloc((size / OPENWTS_FRAME_HEADER + 1) * sizeof(size_t));
    w->len = malloc((size / OPENWTS_FRAME_HEADER + 1) * sizeof(size_t));
    FUZZ_CHECK(w->start && w->len);
    size_t off = 0;
    for (;;) {
        if (size - off < OPENWTS_FRAME_HEADER) {
            w->clean = off == size;
            return;
        }
        uint32_t n = (uint32_t)s[off] | (uint32_t)s[off + 1] << 8 | (uint32_t)s[off + 2] << 16
                   | (uint32_t)s[off + 3] << 24;
        off += OPENWTS_FRAME_HEADER;
        if (n > bound) {
            w->refused = true;
            w->refused_at = off;
            return;
        }
        if (n > size - off)
            return;
        w->start[w->n_frames] = off;
        w->len[w->n_frames++] = n;
        off += n;
    }
}

static uint64_t rng_state;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static size_t piece(size_t left)
{
    size_t n;
    switch (rng() % 4) {
    case 0: n = (size_t)(rng() % 8); break;      /* tiny, sometimes nothing */
    case 1: n = (size_t)(rng() % 300); break;
    case 2: n = (size_t)(rng() % 5000); break;
    default: n = left; break;
    }
    return n < left ? n : left;
}

/* One payload handed out: the next the walk found, ending at `at`. */
static void check_payload(const struct walk *w, const uint8_t *s, size_t *k, size_t at,
                          const uint8_t *payload, uint32_t len)
{
    FUZZ_CHECK(payload != NULL);
    FUZZ_CHECK(*k < w->n_frames);
    FUZZ_CHECK(len == w->len[*k] && at == w->start[*k] + w->len[*k]);
    FUZZ_CHECK(len == 0 || memcmp(payload, s + w->start[*k], len) == 0);
    (*k)++;
}

static void by_feeding(const uint8_t *s, size_t size, uint32_t bound, const struct walk *w)
{
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, bound);
    size_t at = 0, k = 0;
    bool refused = false;
    while (at < size && !refused) {
        size_t n = piece(size - at);
        uint8_t *chunk = fuzz_copy(s + at, n); /* exact size: ASan sees a read past it */
        size_t off = 0;
        do {
            size_t used = 0;
            const uint8_t *payload = NULL;
            uint32_t len = 0;
            openwts_status st = openwts_frame_reader_feed(&r, chunk + off, n - off, &used, &payload, &len);
            FUZZ_CHECK(used <= n - off);
            off += used;
            if (st == OPENWTS_ERROR_INVALID_DATA) {
                FUZZ_CHECK(w->refused && at + off == w->refused_at && k == w->n_frames);
                FUZZ_CHECK(r.room <= bound); /* no room for the refused payload */
                refused = true;
                break;
            }
            FUZZ_CHECK(st == OPENWTS_OK);
            if (payload)
                check_payload(w, s, &k, at + off, payload, len);
            else
                FUZZ_CHECK(off == n);
        } while (off < n);
        free(chunk);
        at += off;
    }
    FUZZ_CHECK(refused == w->refused);
    FUZZ_CHECK(k == w->n_frames);
    if (!refused)
        FUZZ_CHECK(openwts_frame_reader_between_frames(&r) == w->clean);
    openwts_frame_reader_free(&r);
}

static void by_reading(const uint8_t *s, size_t size, uint32_t bound, const struct walk *w)
{
    openwts_frame_reader r;
    openwts_frame_reader_init(&r, bound);
    size_t at = 0, k = 0;
    bool refused = false;
    while (at < size) {
        uint8_t *dst = NULL;
        size_t want = 0;
        FUZZ_CHECK(openwts_frame_reader_space(&r, &dst, &want) == OPENWTS_OK);
        FUZZ_CHECK(dst != NULL && want > 0);
        size_t n = 1 + (size_t)(rng() % want);
        if (n > size - at)
            n = size - at;
        memcpy(dst, s + at, n); /* ASan: the space holds `want` bytes */
        at += n;
        const uint8_t *payload = NULL;
        uint32_t len = 0;
        openwts_status st = openwts_frame_reader_commit(&r, n, &payload, &len);
        if (st == OPENWTS_ERROR_INVALID_DATA) {
            FUZZ_CHECK(w->refused && at == w->refused_at && k == w->n_frames);
            refused = true;
            FUZZ_CHECK(openwts_frame_reader_space(&r, &dst, &want) == OPENWTS_ERROR_INVALID_DATA);
            break;
        }
        FUZZ_CHECK(st == OPENWTS_OK);
        if (payload)
            check_payload(w, s, &k, at, payload, len);
    }
    FUZZ_CHECK(refused == w->refused);
    FUZZ_CHECK(k == w->n_frames);
    if (!refused)
        FUZZ_CHECK(openwts_frame_reader_between_frames(&r) == w->clean);
    openwts_frame_reader_free(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    uint32_t bound = bounds[data[0] % (sizeof(bounds) / sizeof(bounds[0]))];
    const uint8_t *s = data + 2;
    size_t n = size - 2;
    struct walk w;
    walk_stream(s, n, bound, &w);
    rng_state = data[1];
    by_feeding(s, n, bound, &w);
    rng_state = (uint64_t)data[1] << 8;
    by_reading(s, n, bound, &w);
    free(w.start);
    free(w.len);
    return 0;
}
