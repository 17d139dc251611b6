/* /proc/net/tcp and /proc/net/tcp6 read as data: which uid and socket
 * inode hold a given TCP connection on this machine. wtsd asks it about
 * the client end of a loopback connection, whose socket lives in the same
 * network namespace: its line is the one whose local address:port is the
 * client's and whose remote address:port is wtsd's.
 *
 * A pure function of the file's text (tests/unit/test_peer_proc_net_tcp.c,
 * tests/fuzz/fuzz_proc_net_tcp.c): the reading of the files is in
 * peer_tcp.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_PEER_PROC_NET_TCP_H
#define WTSD_PEER_PROC_NET_TCP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wtsd_tcp_endpoint {
    int family;         /* AF_INET or AF_INET6 */
    uint8_t addr[16];   /* network byte order; the first 4 for AF_INET */
    uint16_t port;      /* host byte order */
} wtsd_tcp_endpoint;

/* The kernel's TCP states that this code names (include/net/tcp_states.h). */
#define WTSD_TCP_ESTABLISHED 0x01u
#define WTSD_TCP_FIN_WAIT1 0x04u
#define WTSD_TCP_FIN_WAIT2 0x05u

typedef struct wtsd_proc_tcp_socket {
    wtsd_tcp_endpoint local, remote;
    unsigned state;
    uint32_t uid;       /* who created the socket */
    uint64_t inode;     /* 0: no process holds it any more */
} wtsd_proc_tcp_socket;

/* One line (len bytes, no newline needed) of /proc/net/tcp (family
 * AF_INET) or /proc/net/tcp6 (AF_INET6). false for the header line and
 * for anything that is not a well-formed socket line. */
bool wtsd_proc_net_tcp_parse_line(const char *line, size_t len, int family,
                                  wtsd_proc_tcp_socket *out);

/* The socket in a whole file's text whose local end is `local` and remote
 * end `remote`, held by a process (inode non-zero: a closed socket still
 * listed, such as one in TIME_WAIT, shows uid 0 and would pass for root)
 * and in a state of a connection still open on its side (ESTABLISHED,
 * FIN_WAIT1, FIN_WAIT2). Malformed lines are skipped. */
bool wtsd_proc_net_tcp_find(const char *text, size_t len, int family, const wtsd_tcp_endpoint *local,
                            const wtsd_tcp_endpoint *remote, wtsd_proc_tcp_socket *out);

#endif
