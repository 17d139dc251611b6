/* The parser of /proc/net/tcp{,6} (peer_proc_net_tcp.h). A line, as the
 * kernel writes it (net/ipv4/tcp_ipv4.c get_tcp4_sock, net/ipv6/
 * tcp_ipv6.c get_tcp6_sock), is whitespace-separated fields:
 *
 *   sl local rem st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
 *    0: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000 0 123456 ...
 *
 * An IPv4 address is its 32-bit value as this machine stores it, printed
 * with %08X; an IPv6 one is four such 32-bit words; a port is %04X of its
 * number. Fields after the inode vary between kernels and states and are
 * not read.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "peer_proc_net_tcp.h"

#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#define FIELDS_READ 10 /* sl ... inode */

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* Exactly `digits` hex digits. */
static bool hex_exact(const char *s, size_t len, size_t digits, uint32_t *out)
{
    if (len != digits)
        return false;
    uint32_t v = 0;
    for (size_t i = 0; i < len; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return false;
        v = (v << 4) | (uint32_t)d;
    }
    *out = v;
    return true;
}

static bool decimal(const char *s, size_t len, uint64_t max, uint64_t *out)
{
    if (len == 0 || len > 20)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (max - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* "ADDR:PORT" with ADDR of 8 (IPv4) or 32 (IPv6) hex digits. The kernel
 * printed each 32-bit word as this machine holds it in memory, so the
 * word read back is stored the same way to give the address's bytes. */
static bool endpoint(const char *s, size_t len, int family, wtsd_tcp_endpoint *out)
{
    size_t words = family == AF_INET ? 1 : 4;
    if (len != words * 8 + 1 + 4 || s[words * 8] != ':')
        return false;
    memset(out, 0, sizeof(*out));
    out->family = family;
    for (size_t i = 0; i < words; i++) {
        uint32_t w;
        if (!hex_exact(s + i * 8, 8, 8, &w))
            return false;
        memcpy(out->addr + i * 4, &w, 4);
    }
    uint32_t port;
    if (!hex_exact(s + words * 8 + 1, 4, 4, &port))
        return false;
    out->port = (uint16_t)port;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool wtsd_proc_net_tcp_parse_line(const char *line, size_t len, int family,
                                  wtsd_proc_tcp_socket *out)
{
    if (family != AF_INET && family != AF_INET6)
        return false;
    const char *field[FIELDS_READ];
    size_t flen[FIELDS_READ];
    size_t n = 0, i = 0;
    while (n < FIELDS_READ) {
        while (i < len && is_space(line[i]))
            i++;
        if (i >= len)
            break;
        field[n] = line + i;
        while (i < len && !is_space(line[i]) && line[i] != '\n')
            i++;
        if (i < len && line[i] == '\n')
            return false; /* one line only */
        flen[n] = (size_t)(line + i - field[n]);
        n++;
    }
    if (n < FIELDS_READ)
        return false;

    /* "N:": the slot number, which also tells the header line apart. */
    uint64_t slot, uid, inode;
    if (flen[0] < 2 || field[0][flen[0] - 1] != ':' || !decimal(field[0], flen[0] - 1, UINT32_MAX, &slot))
        return false;
    wtsd_proc_tcp_socket s;
    uint32_t state;
    if (!endpoint(field[1], flen[1], family, &s.local) || !endpoint(field[2], flen[2], family, &s.remote)
        || !hex_exact(field[3], flen[3], 2, &state) || !decimal(field[7], flen[7], UINT32_MAX, &uid)
        || !decimal(field[9], flen[9], UINT64_MAX, &inode))
        return false;
    s.state = state;
    s.uid = (uint32_t)uid;
    s.inode = inode;
    *out = s;
    return true;
}

static bool same_endpoint(const wtsd_tcp_endpoint *a, const wtsd_tcp_endpoint *b)
{
    size_t n = a->family == AF_INET ? 4 : 16;
    return a->family == b->family && a->port == b->port && memcmp(a->addr, b->addr, n) == 0;
}

static bool live(unsigned state)
{
    return state == WTSD_TCP_ESTABLISHED || state == WTSD_TCP_FIN_WAIT1 || state == WTSD_TCP_FIN_WAIT2;
}

bool wtsd_proc_net_tcp_find(const char *text, size_t len, int family, const wtsd_tcp_endpoint *local,
                            const wtsd_tcp_endpoint *remote, wtsd_proc_tcp_socket *out)
{
    if (!text || !local || !remote || local->family != family || remote->family != family)
        return false;
    size_t start = 0;
    while (start < len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        wtsd_proc_tcp_socket s;
        if (wtsd_proc_net_tcp_parse_line(text + start, end - start, family, &s) && s.inode != 0
            && live(s.state) && same_endpoint(&s.local, local) && same_endpoint(&s.remote, remote)) {
            *out = s;
            return true;
        }
        start = end + 1;
    }
    return false;
}
