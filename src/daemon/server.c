/* wtsd's loop (server.h): epoll over the listeners, the connections and a
 * signalfd; deadlines decide how long it may sleep.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "server.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "log.h"

#define EVENTS_AT_ONCE 64

bool wtsd_server_init(wtsd_server *s, const wtsd_options *o, const wtsd_key *key)
{
    memset(s, 0, sizeof(*s));
    s->opt = o;
    s->key = key && key->len ? key : NULL;
    s->epfd = s->signals.fd = s->backend_input.fd = -1;
    s->read_deadlines.span_ms = (uint64_t)o->read_timeout * 1000u;
    s->send_deadlines.span_ms = (uint64_t)o->send_timeout * 1000u;
    s->frame = malloc(OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX);
    if (!s->frame) {
        errno = ENOMEM;
        return false;
    }
    s->epfd = epoll_create1(EPOLL_CLOEXEC);
    if (s->epfd < 0)
        return false;

    /* SIGTERM and SIGINT arrive as readable data, handled between events
     * like anything else: no handler runs in the middle of a change. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
        return false;
    s->signals.kind = WTSD_SOURCE_SIGNALS;
    s->signals.fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (s->signals.fd < 0)
        return false;
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &s->signals };
    return epoll_ctl(s->epfd, EPOLL_CTL_ADD, s->signals.fd, &ev) == 0;
}

bool wtsd_server_host(wtsd_server *s, const wtsd_backend_host *h)
{
    s->backend = h->be;
    s->backend_process = h->process;
    if (h->fd < 0)
        return true;
    s->backend_input.kind = WTSD_SOURCE_BACKEND;
    s->backend_input.fd = h->fd;
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = &s->backend_input };
    if (epoll_ctl(s->epfd, EPOLL_CTL_ADD, h->fd, &ev) != 0) {
        s->backend_input.fd = -1;
        return false;
    }
    return true;
}

/* What the backend received on its own (logind's signals), reported to
 * the event sink; also what an operation read off its input meanwhile. */
static void process_backend(wtsd_server *s)
{
    if (!s->backend_process || s->backend_input.fd < 0)
        return;
    if (s->backend_process(s->backend) == OPENWTS_RPC_S_SERVER_UNAVAILABLE) {
        wtsd_error("backend %s: lost its connection; its calls fail from now on", s->backend->name);
        epoll_ctl(s->epfd, EPOLL_CTL_DEL, s->backend_input.fd, NULL);
        s->backend_input.fd = -1; /* the backend's to close, not ours */
    }
}

static void on_signal(wtsd_server *s)
{
    struct signalfd_siginfo si;
    while (read(s->signals.fd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
        if (!s->stop)
            wtsd_info("stopping on %s", si.ssi_signo == SIGINT ? "SIGINT" : "SIGTERM");
        s->stop = true;
        s->stop_signal = (int)si.ssi_signo;
    }
}

static wtsd_conn *conn_of_deadline(wtsd_deadline *d, bool reading)
{
    size_t off = reading ? offsetof(wtsd_conn, read_deadline) : offsetof(wtsd_conn, send_deadline);
    return (wtsd_conn *)(void *)((char *)d - off);
}

static void expire_deadlines(wtsd_server *s)
{
    uint64_t now = wtsd_now_ms();
    wtsd_deadline *d;
    while ((d = wtsd_deadline_due(&s->read_deadlines, now)))
        wtsd_conn_timed_out(conn_of_deadline(d, true), true);
    while ((d = wtsd_deadline_due(&s->send_deadlines, now)))
        wtsd_conn_timed_out(conn_of_deadline(d, false), false);
}

static int wait_for(const wtsd_server *s, int timeout_ms)
{
    uint64_t now = wtsd_now_ms();
    int waits[3] = { timeout_ms, wtsd_deadline_wait(&s->read_deadlines, now),
                     wtsd_deadline_wait(&s->send_deadlines, now) };
    int wait = -1;
    for (int i = 0; i < 3; i++)
        if (waits[i] >= 0 && (wait < 0 || waits[i] < wait))
            wait = waits[i];
    return wait;
}

/* Connections closed during the batch are freed only after it: an event
 * later in the same batch may still point at one. */
static void free_closed(wtsd_server *s)
{
    while (s->closed) {
        wtsd_conn *c = s->closed;
        s->closed = c->next;
        free(c);
    }
}

bool wtsd_server_run_once(wtsd_server *s, int timeout_ms)
{
    struct epoll_event events[EVENTS_AT_ONCE];
    process_backend(s);
    int n = epoll_wait(s->epfd, events, EVENTS_AT_ONCE, wait_for(s, timeout_ms));
    if (n < 0) {
        if (errno == EINTR)
            return true;
        wtsd_error("epoll_wait: %s", strerror(errno));
        return false;
    }
    for (int i = 0; i < n; i++) {
        wtsd_source *src = events[i].data.ptr;
        switch (src->kind) {
        case WTSD_SOURCE_SIGNALS:
            on_signal(s);
            break;
        case WTSD_SOURCE_LISTENER:
            wtsd_accept(s, (wtsd_listener *)(void *)src);
            break;
        case WTSD_SOURCE_BACKEND:
            process_backend(s);
            break;
        case WTSD_SOURCE_CONN: {
            wtsd_conn *c = (wtsd_conn *)(void *)src;
            if (!c->closed)
                wtsd_conn_on_events(c, events[i].events);
            break;
        }
        }
    }
    expire_deadlines(s);
    free_closed(s);
    return true;
}

bool wtsd_server_run(wtsd_server *s)
{
    while (!s->stop) {
        if (!wtsd_server_run_once(s, -1))
            return false;
    }
    return true;
}

void wtsd_server_free(wtsd_server *s)
{
    while (s->conns)
        wtsd_conn_close(s->conns, WTSD_LOG_DEBUG, "wtsd is stopping");
    free_closed(s);
    if (s->backend && s->backend->version >= 3 && s->backend->set_event_sink)
        s->backend->set_event_sink(s->backend, NULL, NULL);
    if (s->backend_input.fd >= 0)
        epoll_ctl(s->epfd, EPOLL_CTL_DEL, s->backend_input.fd, NULL);
    if (s->signals.fd >= 0)
        close(s->signals.fd);
    if (s->epfd >= 0)
        close(s->epfd);
    free(s->frame);
    s->frame = NULL;
    s->signals.fd = s->epfd = -1;
}
