/* A main() for the fuzz targets where libFuzzer is not used (gcc, or
 * OPENWTS_FUZZ off): runs LLVMFuzzerTestOneInput over every file named on
 * the command line or found in a named directory, then over a built-in
 * deterministic set: the empty input, bytes from a fixed-seed PRNG, and
 * mutations (truncations, bit flips, byte overwrites, insertions,
 * deletions, splices) of the valid encodings of fuzz_seeds.c and of the
 * files read. Seeds of the other targets are run once, not mutated
 * (OPENWTS_FUZZ_TARGET names this one), and an input already mutated is
 * not mutated again. Each input is an exact-size heap copy, so
 * AddressSanitizer sees any over-read. A failed check aborts, which fails
 * the ctest.
 * Arguments starting with '-' (libFuzzer options) are ignored.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_seeds.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long runs;

static void run(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size ? size : 1);
    if (!copy)
        abort();
    if (size)
        memcpy(copy, data, size);
    LLVMFuzzerTestOneInput(copy, size);
    free(copy);
    runs++;
}

/* splitmix64: deterministic across runs and machines */
static uint64_t rng_state = 0x0DDB1A5E5BAD5EEDull;
static uint64_t rng(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* The inputs to mutate: built-in seeds and files read. */
struct pool {
    uint8_t **data;
    size_t *size;
    size_t n, cap;
};
static struct pool pool;

static void pool_add(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i < pool.n; i++)
        if (pool.size[i] == size && (size == 0 || memcmp(pool.data[i], data, size) == 0))
            return; /* the same seed from the build's corpus and the committed one */
    if (pool.n == pool.cap) {
        pool.cap = pool.cap ? pool.cap * 2 : 64;
        pool.data = realloc(pool.data, pool.cap * sizeof(*pool.data));
        pool.size = realloc(pool.size, pool.cap * sizeof(*pool.size));
        if (!pool.data || !pool.size)
            abort();
    }
    pool.data[pool.n] = malloc(size ? size : 1);
    if (!pool.data[pool.n])
        abort();
    if (size)
        memcpy(pool.data[pool.n], data, size);
    pool.size[pool.n++] = size;
}

#ifndef OPENWTS_FUZZ_TARGET
#define OPENWTS_FUZZ_TARGET NULL /* every seed is this target's */
#endif

static void seed_cb(const char *target, const char *name, const uint8_t *data, size_t len, void *ctx)
{
    (void)name;
    (void)ctx;
    const char *mine = OPENWTS_FUZZ_TARGET;
    run(data, len);
    if (!mine || strcmp(target, mine) == 0)
        pool_add(data, len);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    uint8_t *buf = NULL;
    size_t size = 0, cap = 0;
    for (;;) {
        if (size == cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            if (!buf)
                abort();
        }
        size_t got = fread(buf + size, 1, cap - size, f);
        size += got;
        if (got == 0)
            break;
    }
    int err = ferror(f);
    fclose(f);
    if (err) {
        perror(path);
        free(buf);
        return -1;
    }
    run(buf, size);
    pool_add(buf, size);
    free(buf);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int run_path(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        perror(path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return run_file(path);
    struct dirent **list;
    int n = scandir(path, &list, NULL, by_name);
    if (n < 0) {
        perror(path);
        return -1;
    }
    int rc = 0, files = 0;
    for (int i = 0; i < n; i++) {
        char child[4096];
        snprintf(child, sizeof(child), "%s/%s", path, list[i]->d_name);
        struct stat cs;
        if (list[i]->d_name[0] != '.' && stat(child, &cs) == 0 && S_ISREG(cs.st_mode)) {
            if (run_file(child) != 0)
                rc = -1;
            files++;
        }
        free(list[i]);
    }
    free(list);
    printf("standalone: %d files from %s\n", files, path);
    return rc;
}

static void mutate(const uint8_t *src, size_t size, const uint8_t *other, size_t osize)
{
    size_t cap = size + 64 + osize;
    uint8_t *m = malloc(cap);
    if (!m)
        abort();
    size_t n = size;
    memcpy(m, src, size);
    switch (rng() % 8) {
    case 0: /* truncate */
        n = size ? (size_t)(rng() % size) : 0;
        break;
    case 1: /* flip bits */
        for (int k = 1 + (int)(rng() % 4); k > 0 && n; k--)
            m[rng() % n] ^= (uint8_t)(1u << (rng() % 8));
        break;
    case 2: { /* overwrite with an interesting byte */
        static const uint8_t vals[] = { 0x00, 0x01, 0x7F, 0x80, 0xFF, 0x0A, 0x08, 0x62 };
        if (n)
            m[rng() % n] = vals[rng() % sizeof(vals)];
        break;
    }
    case 3: { /* insert random bytes */
        size_t at = n ? (size_t)(rng() % (n + 1)) : 0, k = 1 + (size_t)(rng() % 8);
        memmove(m + at + k, m + at, n - at);
        for (size_t i = 0; i < k; i++)
            m[at + i] = (uint8_t)rng();
        n += k;
        break;
    }
    case 4: { /* delete a range */
        if (!n)
            break;
        size_t at = (size_t)(rng() % n), k = 1 + (size_t)(rng() % 16);
        if (k > n - at)
            k = n - at;
        memmove(m + at, m + at + k, n - at - k);
        n -= k;
        break;
    }
    case 5: { /* splice: our head, the other's tail */
        size_t at = n ? (size_t)(rng() % (n + 1)) : 0;
        size_t from = osize ? (size_t)(rng() % (osize + 1)) : 0;
        memcpy(m + at, other + from, osize - from);
        n = at + osize - from;
        break;
    }
    case 6: /* a length or varint byte set to its maximum */
        if (n)
            m[rng() % n] |= 0x80;
        break;
    default: /* append random bytes */
        for (size_t k = 1 + (size_t)(rng() % 32); k > 0; k--)
            m[n++] = (uint8_t)rng();
        break;
    }
    run(m, n);
    free(m);
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (argv[i][0] != '-' && run_path(argv[i]) != 0)
            rc = 1;
    unsigned long from_files = runs;

    run(NULL, 0);
    fuzz_seeds_each(seed_cb, NULL);

    uint8_t rnd[2048];
    for (int i = 0; i < 3000; i++) {
        size_t n = (size_t)(rng() % sizeof(rnd));
        if (i < 256)
            n = (size_t)i; /* every short length */
        for (size_t k = 0; k < n; k++)
            rnd[k] = (uint8_t)rng();
        run(rnd, n);
    }

    /* Mutations: more of each small input than of each large one, so the
     * 200 kB replies do not dominate the time. */
    for (size_t p = 0; p < pool.n; p++) {
        int rounds = pool.size[p] > 65536 ? 40 : pool.size[p] > 4096 ? 200 : 1500;
        for (int r = 0; r < rounds; r++) {
            size_t o = (size_t)(rng() % pool.n);
            mutate(pool.data[p], pool.size[p], pool.data[o], pool.size[o] > 4096 ? 4096 : pool.size[o]);
        }
    }
    for (size_t p = 0; p < pool.n; p++)
        free(pool.data[p]);
    free(pool.data);
    free(pool.size);
    printf("standalone: %lu inputs (%lu from files), no failure\n", runs, from_files);
    return rc;
}
