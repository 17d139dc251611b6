/* The sockets wtsd listens on (server.h): one Unix socket (wtsctl, local
 * programs) and any TCP addresses (the DLL under Wine, whose Winsock has
 * no AF_UNIX; remote clients). All non-blocking, watched by the loop.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "listen_address.h"
#include "log.h"
#include "server.h"

static bool add_listener(wtsd_server *s, int fd, bool is_unix, const char *text)
{
    wtsd_listener *l = calloc(1, sizeof(*l));
    wtsd_listener **bigger = realloc(s->listeners, (s->n_listeners + 1) * sizeof(*bigger));
    if (!l || !bigger) {
        free(l);
        if (bigger)
            s->listeners = bigger;
        close(fd);
        wtsd_error("out of memory");
        return false;
    }
    s->listeners = bigger;
    l->src.kind = WTSD_SOURCE_LISTENER;
    l->src.fd = fd;
    l->is_unix = is_unix;
    snprintf(l->text, sizeof(l->text), "%s", text);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &l->src };
    if (epoll_ctl(s->epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        wtsd_error("%s: epoll: %s", text, strerror(errno));
        close(fd);
        free(l);
        return false;
    }
    s->listeners[s->n_listeners++] = l;
    wtsd_info("listening on %s", text);
    return true;
}

/* A socket file left by a wtsd that did not stop cleanly (kill -9) is
 * taken over; one another process still listens on is not. */
static bool clear_stale_socket(const char *path, const struct sockaddr_un *sun)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return true;
        wtsd_error("unix socket %s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISSOCK(st.st_mode)) {
        wtsd_error("unix socket %s: the path exists and is not a socket", path);
        return false;
    }
    int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (probe < 0) {
        wtsd_error("unix socket %s: %s", path, strerror(errno));
        return false;
    }
    int r = connect(probe, (const struct sockaddr *)sun, sizeof(*sun));
    int err = errno;
    close(probe);
    if (r == 0) {
        wtsd_error("unix socket %s: another server is listening on it", path);
        return false;
    }
    if (err != ECONNREFUSED) {
        wtsd_error("unix socket %s: %s", path, strerror(err));
        return false;
    }
    if (unlink(path) != 0 && errno != ENOENT) {
        wtsd_error("unix socket %s: cannot remove the stale socket: %s", path, strerror(errno));
        return false;
    }
    return true;
}

static bool open_unix(wtsd_server *s, const char *path, unsigned mode)
{
    struct sockaddr_un sun;
    memset(&sun, 0, sizeof(sun));
    sun.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof(sun.sun_path)) {
        wtsd_error("unix socket %s: the path is longer than %zu bytes", path, sizeof(sun.sun_path) - 1);
        return false;
    }
    memcpy(sun.sun_path, path, strlen(path));
    if (!clear_stale_socket(path, &sun))
        return false;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        wtsd_error("unix socket %s: %s", path, strerror(errno));
        return false;
    }
    struct stat st;
    if (bind(fd, (const struct sockaddr *)&sun, sizeof(sun)) != 0 || chmod(path, mode) != 0
        || lstat(path, &st) != 0 || listen(fd, SOMAXCONN) != 0) {
        wtsd_error("unix socket %s: %s", path, strerror(errno));
        close(fd);
        return false;
    }
    if (!(s->unix_path = strdup(path))) {
        wtsd_error("out of memory");
        close(fd);
        return false;
    }
    s->unix_inode = (unsigned long long)st.st_ino;
    char text[sizeof(((wtsd_listener *)0)->text)];
    snprintf(text, sizeof(text), "unix %s", path);
    return add_listener(s, fd, true, text);
}

static void address_text(const struct sockaddr *sa, char *buf, size_t cap)
{
    char host[INET6_ADDRSTRLEN] = "?";
    unsigned port = 0;
    if (sa->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)sa;
        inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
        port = ntohs(in->sin_port);
        snprintf(buf, cap, "tcp %s:%u", host, port);
    } else {
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)(const void *)sa;
        inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
        port = ntohs(in6->sin6_port);
        snprintf(buf, cap, "tcp [%s]:%u", host, port);
    }
}

static bool open_tcp(wtsd_server *s, const char *address)
{
    char host[256], service[8];
    uint16_t port;
    if (!wtsd_listen_address_split(address, host, sizeof(host), &port)) {
        wtsd_error("listen address %s: not HOST[:PORT] or [IPV6][:PORT]", address);
        return false;
    }
    snprintf(service, sizeof(service), "%u", port);
    struct addrinfo hints = { .ai_flags = AI_PASSIVE | AI_NUMERICSERV, .ai_family = AF_UNSPEC,
                              .ai_socktype = SOCK_STREAM };
    struct addrinfo *list = NULL;
    int gai = getaddrinfo(host, service, &hints, &list);
    if (gai != 0) {
        wtsd_error("listen address %s: %s", address, gai_strerror(gai));
        return false;
    }
    bool ok = true;
    for (struct addrinfo *ai = list; ai && ok; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6)
            continue;
        int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        int one = 1;
        struct sockaddr_storage bound;
        socklen_t blen = sizeof(bound);
        /* IPv6 sockets take IPv6 only: "0.0.0.0:P" and "[::]:P" are two
         * addresses, each said on its own. */
        if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0
            || (ai->ai_family == AF_INET6
                && setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) != 0)
            || bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, SOMAXCONN) != 0
            || getsockname(fd, (struct sockaddr *)&bound, &blen) != 0) {
            wtsd_error("listen address %s: %s", address, strerror(errno));
            if (fd >= 0)
                close(fd);
            ok = false;
            break;
        }
        char text[128];
        address_text((const struct sockaddr *)&bound, text, sizeof(text));
        ok = add_listener(s, fd, false, text);
    }
    freeaddrinfo(list);
    return ok;
}

bool wtsd_listeners_open(wtsd_server *s)
{
    const wtsd_options *o = s->opt;
    if (o->socket_path[0] && !open_unix(s, o->socket_path, o->socket_mode))
        return false;
    for (size_t i = 0; i < o->n_listen; i++)
        if (!open_tcp(s, o->listen[i]))
            return false;
    return true;
}

void wtsd_listeners_close(wtsd_server *s)
{
    for (size_t i = 0; i < s->n_listeners; i++) {
        epoll_ctl(s->epfd, EPOLL_CTL_DEL, s->listeners[i]->src.fd, NULL);
        close(s->listeners[i]->src.fd);
        free(s->listeners[i]);
    }
    free(s->listeners);
    s->listeners = NULL;
    s->n_listeners = 0;
    if (s->unix_path) {
        /* Only the socket this wtsd made: a newer wtsd may own the path. */
        struct stat st;
        if (lstat(s->unix_path, &st) == 0 && (unsigned long long)st.st_ino == s->unix_inode)
            unlink(s->unix_path);
        free(s->unix_path);
        s->unix_path = NULL;
    }
}
