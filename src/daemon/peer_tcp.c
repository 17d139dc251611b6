/* A TCP peer: its addresses, whether it is on loopback, and for a
 * loopback one the uid that owns its socket, from /proc/net/tcp{,6} of
 * wtsd's own network namespace (a loopback peer's socket is always
 * there). A peer from any other address is remote, even one of this
 * machine's own addresses: only loopback is taken on the kernel's word.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "peer.h"

static const uint8_t v4_mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

/* An endpoint from a socket address; an IPv4-mapped IPv6 address becomes
 * the IPv4 one (the client's socket is then in /proc/net/tcp). */
static bool endpoint_of(const struct sockaddr_storage *ss, wtsd_tcp_endpoint *e)
{
    memset(e, 0, sizeof(*e));
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
        e->family = AF_INET;
        memcpy(e->addr, &in->sin_addr, 4);
        e->port = ntohs(in->sin_port);
        return true;
    }
    if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)ss;
        e->port = ntohs(in6->sin6_port);
        if (memcmp(in6->sin6_addr.s6_addr, v4_mapped_prefix, 12) == 0) {
            e->family = AF_INET;
            memcpy(e->addr, in6->sin6_addr.s6_addr + 12, 4);
        } else {
            e->family = AF_INET6;
            memcpy(e->addr, in6->sin6_addr.s6_addr, 16);
        }
        return true;
    }
    return false;
}

static bool is_loopback(const wtsd_tcp_endpoint *e)
{
    static const uint8_t v6_loopback[16] = { [15] = 1 };
    if (e->family == AF_INET)
        return e->addr[0] == 127;
    return memcmp(e->addr, v6_loopback, 16) == 0;
}

bool wtsd_peer_from_tcp(int fd, wtsd_peer *p)
{
    memset(p, 0, sizeof(*p));
    struct sockaddr_storage peer, local;
    socklen_t plen = sizeof(peer), llen = sizeof(local);
    if (getpeername(fd, (struct sockaddr *)&peer, &plen) != 0
        || getsockname(fd, (struct sockaddr *)&local, &llen) != 0 || !endpoint_of(&peer, &p->addr)
        || !endpoint_of(&local, &p->local) || p->addr.family != p->local.family) {
        p->kind = WTSD_PEER_REMOTE;
        snprintf(p->text, sizeof(p->text), "tcp peer without an address");
        return false;
    }
    p->kind = is_loopback(&p->addr) ? WTSD_PEER_LOOPBACK : WTSD_PEER_REMOTE;
    char host[INET6_ADDRSTRLEN];
    inet_ntop(p->addr.family, p->addr.addr, host, sizeof(host));
    if (p->addr.family == AF_INET6)
        snprintf(p->text, sizeof(p->text), "[%s]:%u", host, p->addr.port);
    else
        snprintf(p->text, sizeof(p->text), "%s:%u", host, p->addr.port);
    return true;
}

/* The whole of a /proc file (its size is not known in advance). */
static char *read_proc_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    size_t cap = 64 * 1024, have = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (have == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t n = read(fd, buf + have, cap - have);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            free(buf);
            buf = NULL;
        }
        if (n <= 0)
            break;
        have += (size_t)n;
    }
    close(fd);
    *len = have;
    return buf;
}

bool wtsd_peer_find_loopback_owner(wtsd_peer *p)
{
    if (p->kind != WTSD_PEER_LOOPBACK)
        return false;
    const char *path = p->addr.family == AF_INET ? "/proc/net/tcp" : "/proc/net/tcp6";
    size_t len = 0;
    char *text = read_proc_file(path, &len);
    if (!text)
        return false;
    /* The client's socket: its local end is the peer address, its remote
     * end is ours. */
    wtsd_proc_tcp_socket s;
    bool found = wtsd_proc_net_tcp_find(text, len, p->addr.family, &p->addr, &p->local, &s);
    free(text);
    if (!found)
        return false;
    p->has_uid = true;
    p->uid = (uid_t)s.uid;
    p->pid = wtsd_peer_pid_of_socket(s.inode, p->uid);
    return true;
}
