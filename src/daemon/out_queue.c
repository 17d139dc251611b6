/* A client's output queue (out_queue.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "out_queue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#define IOV_AT_ONCE 64

bool wtsd_out_queue_push(wtsd_out_queue *q, const uint8_t *data, size_t len)
{
    wtsd_chunk *c = malloc(sizeof(*c) + len);
    if (!c)
        return false;
    c->next = NULL;
    c->len = len;
    c->sent = 0;
    memcpy(c->data, data, len);
    if (q->tail)
        q->tail->next = c;
    else
        q->head = c;
    q->tail = c;
    q->bytes += len;
    return true;
}

bool wtsd_out_queue_empty(const wtsd_out_queue *q)
{
    return q->head == NULL;
}

static void drop_sent(wtsd_out_queue *q, size_t n)
{
    q->bytes -= n;
    while (n && q->head) {
        wtsd_chunk *c = q->head;
        size_t left = c->len - c->sent;
        if (n < left) {
            c->sent += n;
            return;
        }
        n -= left;
        q->head = c->next;
        if (!q->head)
            q->tail = NULL;
        free(c);
    }
}

ssize_t wtsd_out_queue_send(wtsd_out_queue *q, int fd)
{
    size_t total = 0;
    while (q->head) {
        struct iovec iov[IOV_AT_ONCE];
        int n = 0;
        for (wtsd_chunk *c = q->head; c && n < IOV_AT_ONCE; c = c->next, n++) {
            iov[n].iov_base = c->data + c->sent;
            iov[n].iov_len = c->len - c->sent;
        }
        struct msghdr msg = { .msg_iov = iov, .msg_iovlen = (size_t)n };
        ssize_t w = sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
            return -1;
        }
        if (w == 0)
            break;
        drop_sent(q, (size_t)w);
        total += (size_t)w;
    }
    return (ssize_t)total;
}

void wtsd_out_queue_free(wtsd_out_queue *q)
{
    while (q->head) {
        wtsd_chunk *c = q->head;
        q->head = c->next;
        free(c);
    }
    q->tail = NULL;
    q->bytes = 0;
}
