/* One client connection (server.h): frames in with the protocol's bound,
 * frames out through a bounded queue, and the deadlines that keep a slow
 * or silent client from holding anything for long.
 *
 * Reading: frame by frame, never more than the frame in progress lacks,
 * so a connection that must wait (an answer still being sent) leaves the
 * rest of its bytes in the kernel, and epoll stops watching it for input.
 * Deadlines: the read deadline runs from accept() until the handshake is
 * done, and from a frame's first byte to its last; the send deadline
 * runs while an answer waits for the client to read, restarting whenever
 * a byte goes out. A connection idle between frames has no deadline.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "log.h"
#include "server.h"

/* Frames handled per wake-up before others get their turn (epoll is
 * level-triggered: the rest is read on the next round). */
#define FRAMES_PER_TURN 32

wtsd_conn *wtsd_conn_add(wtsd_server *s, int fd, const wtsd_peer *p)
{
    wtsd_conn *c = calloc(1, sizeof(*c));
    if (!c) {
        wtsd_warn("%s: refused: out of memory", p->text);
        close(fd);
        return NULL;
    }
    c->src.kind = WTSD_SOURCE_CONN;
    c->src.fd = fd;
    c->server = s;
    c->number = ++s->next_number;
    c->peer = *p;
    c->state = WTSD_CONN_HELLO;
    openwts_frame_reader_init(&c->reader, OPENWTS_FRAME_MAX);
    c->interest = EPOLLIN;
    struct epoll_event ev = { .events = c->interest, .data.ptr = &c->src };
    if (epoll_ctl(s->epfd, EPOLL_CTL_ADD, fd, &ev) != 0) {
        wtsd_warn("%s: refused: epoll: %s", p->text, strerror(errno));
        close(fd);
        free(c);
        return NULL;
    }
    c->next = s->conns;
    if (s->conns)
        s->conns->prev = c;
    s->conns = c;
    s->n_conns++;
    wtsd_deadline_arm(&s->read_deadlines, &c->read_deadline, wtsd_now_ms());
    wtsd_debug("#%llu %s: connected", (unsigned long long)c->number, c->peer.text);
    return c;
}

void wtsd_conn_close(wtsd_conn *c, wtsd_log_level level, const char *why)
{
    if (c->closed)
        return;
    wtsd_server *s = c->server;
    if (why)
        wtsd_log(level, "#%llu %s: closed: %s", (unsigned long long)c->number, c->peer.text, why);
    c->closed = true;
    epoll_ctl(s->epfd, EPOLL_CTL_DEL, c->src.fd, NULL);
    close(c->src.fd);
    c->src.fd = -1;
    wtsd_deadline_disarm(&s->read_deadlines, &c->read_deadline);
    wtsd_deadline_disarm(&s->send_deadlines, &c->send_deadline);
    wtsd_answer_free(c);
    wtsd_out_queue_free(&c->out);
    openwts_frame_reader_free(&c->reader);
    if (c->prev)
        c->prev->next = c->next;
    else
        s->conns = c->next;
    if (c->next)
        c->next->prev = c->prev;
    s->n_conns--;
    c->prev = NULL;
    c->next = s->closed;
    s->closed = c;
}

bool wtsd_conn_queue(wtsd_conn *c, const openwts_ServerMessage *m)
{
    if (c->closed)
        return false;
    if (c->cannot_write)
        return true; /* nobody reads it */
    size_t len = 0;
    openwts_status st = openwts_frame_write_server_message(m, c->server->frame,
                                                           OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX,
                                                           OPENWTS_FRAME_MAX, &len);
    if (st != OPENWTS_OK) {
        wtsd_conn_close(c, WTSD_LOG_ERROR, "an answer could not be encoded");
        return false;
    }
    if (!wtsd_out_queue_push(&c->out, c->server->frame, len)) {
        wtsd_conn_close(c, WTSD_LOG_ERROR, "out of memory");
        return false;
    }
    return true;
}

void wtsd_conn_drain(wtsd_conn *c)
{
    c->draining = true;
}

/* Whether new input is taken: not while an answer is being sent (which
 * bounds what one client can make wtsd hold) or once draining. */
static bool reading(const wtsd_conn *c)
{
    return !c->closed && !c->draining && !c->answer;
}

void wtsd_conn_watch(wtsd_conn *c)
{
    if (c->closed)
        return;
    wtsd_server *s = c->server;
    uint64_t now = wtsd_now_ms();
    bool mid_read = c->state != WTSD_CONN_READY || !openwts_frame_reader_between_frames(&c->reader);
    if (reading(c) && mid_read)
        wtsd_deadline_keep_or_arm(&s->read_deadlines, &c->read_deadline, now);
    else
        wtsd_deadline_disarm(&s->read_deadlines, &c->read_deadline);

    /* Events alone never keep a client under a deadline: a subscriber
     * that does not read loses events instead. */
    bool waiting = !wtsd_out_queue_empty(&c->out) && (c->answer || c->draining);
    if (waiting)
        wtsd_deadline_keep_or_arm(&s->send_deadlines, &c->send_deadline, now);
    else
        wtsd_deadline_disarm(&s->send_deadlines, &c->send_deadline);

    uint32_t want = (reading(c) ? EPOLLIN : 0) | (wtsd_out_queue_empty(&c->out) ? 0 : EPOLLOUT);
    if (want != c->interest) {
        struct epoll_event ev = { .events = want, .data.ptr = &c->src };
        if (epoll_ctl(s->epfd, EPOLL_CTL_MOD, c->src.fd, &ev) != 0) {
            wtsd_conn_close(c, WTSD_LOG_ERROR, strerror(errno));
            return;
        }
        c->interest = want;
    }
}

void wtsd_conn_flush(wtsd_conn *c)
{
    while (!c->closed) {
        wtsd_answer_pump(c);
        if (c->closed || wtsd_out_queue_empty(&c->out))
            break;
        ssize_t n = wtsd_out_queue_send(&c->out, c->src.fd);
        if (n < 0 && (errno == EPIPE || errno == ECONNRESET) && !c->draining) {
            /* The client closed its end without reading (a request sent
             * and forgotten): what it sent before is served all the same,
             * to the end of its stream, its answers dropped. */
            wtsd_debug("#%llu %s: no longer reads its answers", (unsigned long long)c->number,
                       c->peer.text);
            c->cannot_write = true;
            wtsd_out_queue_free(&c->out);
            wtsd_answer_free(c);
            break;
        }
        if (n < 0) {
            char why[96];
            snprintf(why, sizeof(why), "write: %s", strerror(errno));
            wtsd_conn_close(c, WTSD_LOG_INFO, why);
            return;
        }
        if (n == 0)
            break; /* the socket is full: EPOLLOUT says when to go on */
        /* Progress: the client is reading, its wait starts afresh. */
        if (c->send_deadline.armed)
            wtsd_deadline_arm(&c->server->send_deadlines, &c->send_deadline, wtsd_now_ms());
    }
    if (c->closed)
        return;
    if (c->draining && !c->answer && wtsd_out_queue_empty(&c->out)) {
        wtsd_conn_close(c, WTSD_LOG_DEBUG, "done");
        return;
    }
    wtsd_conn_watch(c);
}

/* The client ended its side of the stream. */
static void on_end_of_stream(wtsd_conn *c)
{
    if (!openwts_frame_reader_between_frames(&c->reader))
        wtsd_warn("#%llu %s: the stream ended in the middle of a frame",
                  (unsigned long long)c->number, c->peer.text);
    else if (c->state != WTSD_CONN_READY)
        wtsd_warn("#%llu %s: left before the handshake was done%s", (unsigned long long)c->number,
                  c->peer.text, c->state == WTSD_CONN_AUTH ? " (the key was not proved)" : "");
    else
        wtsd_debug("#%llu %s: disconnected", (unsigned long long)c->number, c->peer.text);
    /* What is queued may still be read by a client that only shut down
     * its sending side. */
    c->draining = true;
}

static void read_frames(wtsd_conn *c)
{
    for (int frames = 0; frames < FRAMES_PER_TURN && reading(c);) {
        uint8_t *at;
        size_t want;
        if (openwts_frame_reader_space(&c->reader, &at, &want) != OPENWTS_OK) {
            wtsd_conn_close(c, WTSD_LOG_WARN, "its framing was lost");
            return;
        }
        ssize_t n = recv(c->src.fd, at, want, MSG_DONTWAIT);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            char why[96];
            snprintf(why, sizeof(why), "read: %s", strerror(errno));
            wtsd_conn_close(c, WTSD_LOG_INFO, why);
            return;
        }
        if (n == 0) {
            on_end_of_stream(c);
            return;
        }
        const uint8_t *payload;
        uint32_t len;
        openwts_status st = openwts_frame_reader_commit(&c->reader, (size_t)n, &payload, &len);
        if (st != OPENWTS_OK) {
            /* The stream cannot be followed past a refused length. */
            char why[128];
            uint32_t announced = 0; /* the header as it came, little-endian */
            for (int i = 0; i < OPENWTS_FRAME_HEADER; i++)
                announced |= (uint32_t)c->reader.header[i] << (8 * i);
            if (st == OPENWTS_ERROR_NOT_ENOUGH_MEMORY)
                snprintf(why, sizeof(why), "no memory for a frame of %lu bytes",
                         (unsigned long)announced);
            else
                snprintf(why, sizeof(why), "malformed frame: length %lu over the bound of %u bytes",
                         (unsigned long)announced, OPENWTS_FRAME_MAX);
            wtsd_warn("#%llu %s: %s", (unsigned long long)c->number, c->peer.text, why);
            if (c->state == WTSD_CONN_READY)
                wtsd_answer_status(c, 0, OPENWTS_ERROR_INVALID_DATA);
            else {
                openwts_ServerMessage m = openwts_ServerMessage_init_zero;
                m.which_body = openwts_ServerMessage_hello_tag;
                m.body.hello.status = OPENWTS_ERROR_INVALID_DATA;
                m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
                wtsd_conn_queue(c, &m);
            }
            wtsd_conn_drain(c);
            return;
        }
        if (payload) {
            frames++;
            wtsd_protocol_message(c, payload, len);
        }
    }
}

void wtsd_conn_on_events(wtsd_conn *c, uint32_t events)
{
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        read_frames(c);
    if (c->closed)
        return;
    if ((events & EPOLLERR) && !(events & EPOLLIN)) {
        wtsd_conn_close(c, WTSD_LOG_INFO, "socket error");
        return;
    }
    wtsd_conn_flush(c);
}

void wtsd_conn_timed_out(wtsd_conn *c, bool reading_side)
{
    char why[160];
    unsigned secs = reading_side ? c->server->opt->read_timeout : c->server->opt->send_timeout;
    if (!reading_side)
        snprintf(why, sizeof(why), "did not read its answer for %u s", secs);
    else if (c->state != WTSD_CONN_READY)
        snprintf(why, sizeof(why), "no handshake within %u s", secs);
    else
        snprintf(why, sizeof(why), "a frame begun was not completed within %u s", secs);
    wtsd_conn_close(c, WTSD_LOG_WARN, why);
}
