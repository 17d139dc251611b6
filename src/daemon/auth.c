/* Challenge and proof (auth.h), with OpenSSL's HMAC and its
 * constant-time comparison.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "auth.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

bool wtsd_key_load(const char *path, wtsd_key *key, char *err, size_t err_size)
{
    memset(key, 0, sizeof(*key));
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        snprintf(err, err_size, "key file %s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(err, err_size, "key file %s: not a regular file", path);
        close(fd);
        return false;
    }
    if (st.st_mode & S_IROTH) {
        snprintf(err, err_size, "key file %s: readable by every user (mode %04o); "
                 "chmod o-r it", path, (unsigned)(st.st_mode & 07777));
        close(fd);
        return false;
    }
    uint8_t *buf = malloc(WTSD_KEY_MAX_BYTES + 2);
    size_t have = 0;
    while (buf && have < WTSD_KEY_MAX_BYTES + 2) {
        ssize_t n = read(fd, buf + have, WTSD_KEY_MAX_BYTES + 2 - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        have += (size_t)n;
    }
    close(fd);
    if (!buf) {
        snprintf(err, err_size, "key file %s: out of memory", path);
        return false;
    }
    /* An editor's or echo's line end is not part of the key. */
    while (have && (buf[have - 1] == '\n' || buf[have - 1] == '\r'))
        have--;
    if (have < WTSD_KEY_MIN_BYTES || have > WTSD_KEY_MAX_BYTES) {
        OPENSSL_cleanse(buf, WTSD_KEY_MAX_BYTES + 2);
        free(buf);
        snprintf(err, err_size, "key file %s: a key is %d to %d bytes long", path,
                 WTSD_KEY_MIN_BYTES, WTSD_KEY_MAX_BYTES);
        return false;
    }
    key->bytes = buf;
    key->len = have;
    return true;
}

void wtsd_key_free(wtsd_key *key)
{
    if (key->bytes) {
        OPENSSL_cleanse(key->bytes, key->len);
        free(key->bytes);
    }
    memset(key, 0, sizeof(*key));
}

bool wtsd_auth_challenge(uint8_t challenge[WTSD_CHALLENGE_BYTES])
{
    size_t have = 0;
    while (have < WTSD_CHALLENGE_BYTES) {
        ssize_t n = getrandom(challenge + have, WTSD_CHALLENGE_BYTES - have, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        have += (size_t)n;
    }
    return true;
}

bool wtsd_auth_verify(const wtsd_key *key, const uint8_t challenge[WTSD_CHALLENGE_BYTES],
                      const uint8_t *proof, size_t proof_len)
{
    if (!key->bytes || !proof || proof_len != WTSD_PROOF_BYTES || key->len > INT32_MAX)
        return false;
    uint8_t want[EVP_MAX_MD_SIZE];
    unsigned int want_len = 0;
    if (!HMAC(EVP_sha256(), key->bytes, (int)key->len, challenge, WTSD_CHALLENGE_BYTES, want,
              &want_len) || want_len != WTSD_PROOF_BYTES)
        return false;
    bool ok = CRYPTO_memcmp(want, proof, WTSD_PROOF_BYTES) == 0;
    OPENSSL_cleanse(want, sizeof(want));
    return ok;
}
