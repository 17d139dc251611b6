/* WTSWaitSystemEvent's waiters: released by the events the watcher
 * delivers, by WTS_EVENT_FLUSH on their server handle, and by the handle's
 * closing.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SYSTEM_EVENTS_H
#define OPENWTS_SYSTEM_EVENTS_H

#include "event_source.h"

/* An event of `source`: every waiter on it whose mask holds one of the
 * event's WTS_EVENT_* flags returns with them. */
void system_events_deliver(const event_source *source, openwts_event_kind kind);
/* The handle of `srv` was closed (server_handle.c): its waiters return
 * FALSE with ERROR_INVALID_HANDLE. */
void system_events_server_closed(const server *srv);

#endif
