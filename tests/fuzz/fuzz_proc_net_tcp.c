/* Fuzz target: wtsd's parser of /proc/net/tcp and /proc/net/tcp6
 * (src/daemon/peer_proc_net_tcp.c), whose input the kernel writes but
 * whose reader must hold whatever it gets. Checks: a line accepted is of
 * the family asked for; a line of a held, open socket is found again by
 * its own two ends (that line or an earlier one with the same ends); a
 * search for any two ends (from the input's first bytes) finds only a
 * socket with exactly those ends, held by a process.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "peer_proc_net_tcp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

static bool same(const wtsd_tcp_endpoint *a, const wtsd_tcp_endpoint *b)
{
    size_t n = a->family == AF_INET ? 4 : 16;
    return a->family == b->family && a->port == b->port && memcmp(a->addr, b->addr, n) == 0;
}

static bool live(unsigned state)
{
    return state == WTSD_TCP_ESTABLISHED || state == WTSD_TCP_FIN_WAIT1 || state == WTSD_TCP_FIN_WAIT2;
}

static wtsd_tcp_endpoint endpoint_from(const uint8_t *b, int family)
{
    wtsd_tcp_endpoint e;
    memset(&e, 0, sizeof(e));
    e.family = family;
    memcpy(e.addr, b, family == AF_INET ? 4 : 16);
    e.port = (uint16_t)(b[16] | b[17] << 8);
    return e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    static const int families[] = { AF_INET, AF_INET6 };
    for (int f = 0; f < 2; f++) {
        int family = families[f];
        size_t start = 0;
        while (start < size) {
            const char *nl = memchr(text + start, '\n', size - start);
            size_t end = nl ? (size_t)(nl - text) : size;
            wtsd_proc_tcp_socket s, found;
            if (wtsd_proc_net_tcp_parse_line(text + start, end - start, family, &s)) {
                CHECK(s.local.family == family && s.remote.family == family);
                if (s.inode && live(s.state)) {
                    CHECK(wtsd_proc_net_tcp_find(text, size, family, &s.local, &s.remote, &found));
                    CHECK(same(&found.local, &s.local) && same(&found.remote, &s.remote));
                }
            }
            start = end + 1;
        }
        if (size >= 36) {
            wtsd_tcp_endpoint a = endpoint_from(data, family), b = endpoint_from(data + 18, family);
            wtsd_proc_tcp_socket found;
            if (wtsd_proc_net_tcp_find(text, size, family, &a, &b, &found))
                CHECK(same(&found.local, &a) && same(&found.remote, &b) && found.inode != 0
                      && live(found.state));
        }
    }
    return 0;
}
