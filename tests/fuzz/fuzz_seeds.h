/* Valid encodings of every message, for the seed corpora (make_seeds) and
 * for the standalone driver's built-in inputs.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_FUZZ_SEEDS_H
#define OPENWTS_FUZZ_SEEDS_H

#include <stddef.h>
#include <stdint.h>

/* target: "request", "reply", "hello", "frame", "client_message",
 * "server_message" or "frame_reader"; name: a file name. */
typedef void (*fuzz_seed_fn)(const char *target, const char *name, const uint8_t *data,
                             size_t len, void *ctx);

/* Calls fn once per seed, always in the same order with the same bytes. */
void fuzz_seeds_each(fuzz_seed_fn fn, void *ctx);

#endif
