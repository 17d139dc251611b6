/* The key a remote client proves it holds (docs/wtsd.md, "Handshake"):
 * wtsd sends a random challenge in its HelloReply; the client answers
 * HMAC-SHA256(key, challenge) in an AuthResponse. The key never travels
 * and is never logged.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_AUTH_H
#define WTSD_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WTSD_CHALLENGE_BYTES 32
#define WTSD_PROOF_BYTES 32       /* SHA-256 */
#define WTSD_KEY_MIN_BYTES 16
#define WTSD_KEY_MAX_BYTES 4096

typedef struct wtsd_key {
    uint8_t *bytes;
    size_t len;
} wtsd_key;

/* Reads the key file: its bytes without the line ends at its end. Refused
 * (false, `err` saying why, never the key): a file others may read
 * (mode o+r), not a regular file, shorter than WTSD_KEY_MIN_BYTES or
 * longer than WTSD_KEY_MAX_BYTES. */
bool wtsd_key_load(const char *path, wtsd_key *key, char *err, size_t err_size);
/* Wipes and frees the key. */
void wtsd_key_free(wtsd_key *key);

/* WTSD_CHALLENGE_BYTES from the kernel's random source (getrandom). */
bool wtsd_auth_challenge(uint8_t challenge[WTSD_CHALLENGE_BYTES]);

/* Whether proof is HMAC-SHA256(key, challenge); compared in constant time. */
bool wtsd_auth_verify(const wtsd_key *key, const uint8_t challenge[WTSD_CHALLENGE_BYTES],
                      const uint8_t *proof, size_t proof_len);

#endif
