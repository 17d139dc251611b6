/* New connections: accepted until the listener has none waiting, each
 * with its peer as the kernel states it (peer.h). Over --max-clients a
 * connection is closed at once, and logged with its peer.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "server.h"

void wtsd_accept(wtsd_server *s, wtsd_listener *l)
{
    for (;;) {
        int fd = accept4(l->src.fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                /* EMFILE and the like: the connection waits in the
                 * backlog; epoll reports it again. */
                wtsd_warn("%s: accept: %s", l->text, strerror(errno));
            return;
        }
        wtsd_peer peer;
        if (l->is_unix)
            wtsd_peer_from_unix(fd, &peer);
        else
            wtsd_peer_from_tcp(fd, &peer);
        if (s->n_conns >= s->opt->max_clients) {
            wtsd_warn("%s: refused: already %zu clients (--max-clients)", peer.text, s->n_conns);
            close(fd);
            continue;
        }
        wtsd_conn_add(s, fd, &peer);
    }
}
