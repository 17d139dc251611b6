/* What waits to be sent to one client: whole frames in order, written as
 * far as the socket takes them. The queue itself does not refuse bytes;
 * its owner decides what may join it (conn.c: answers wait while it is
 * over the bound, events are dropped).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_OUT_QUEUE_H
#define WTSD_OUT_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct wtsd_chunk {
    struct wtsd_chunk *next;
    size_t len, sent;
    uint8_t data[];
} wtsd_chunk;

typedef struct wtsd_out_queue {
    wtsd_chunk *head, *tail;
    size_t bytes; /* not yet sent */
} wtsd_out_queue;

/* Appends a copy of data; false when memory runs out. */
bool wtsd_out_queue_push(wtsd_out_queue *q, const uint8_t *data, size_t len);
/* Sends what the non-blocking socket takes. Returns the bytes sent (0:
 * none, the socket is full), or -1 with errno for an error of the
 * connection (EAGAIN is never one). Never raises SIGPIPE. */
ssize_t wtsd_out_queue_send(wtsd_out_queue *q, int fd);
bool wtsd_out_queue_empty(const wtsd_out_queue *q);
void wtsd_out_queue_free(wtsd_out_queue *q);

#endif
