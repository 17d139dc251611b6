/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_event_sink.h"

#include "local_events.h"

typedef struct sink {
    openwts_event_fn fn;
    void *ctx;
} sink;

static SRWLOCK lock = SRWLOCK_INIT;
static sink current;

void local_set_event_sink(const openwts_backend *be, openwts_event_fn fn, void *ctx)
{
    (void)be;
    AcquireSRWLockExclusive(&lock);
    current.fn = fn;
    current.ctx = ctx;
    ReleaseSRWLockExclusive(&lock);
}

DWORD local_event_sink_listen(HANDLE *wake)
{
    return local_events_subscribe(wake);
}

static void forward(void *ctx, const local_event *event)
{
    const sink *s = ctx;
    if (s->fn)
        s->fn(s->ctx, event->session_id, (openwts_event_kind)event->kind);
}

void local_event_sink_drain(void)
{
    /* A copy, so the sink runs with no lock of ours held. */
    AcquireSRWLockShared(&lock);
    sink s = current;
    ReleaseSRWLockShared(&lock);
    local_events_read(forward, &s);
}
