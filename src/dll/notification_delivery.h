/* What the watcher does with one session event: WM_WTSSESSION_CHANGE to
 * the windows registered for it (notification_registry.c) and release of
 * the WTSWaitSystemEvent calls waiting for it (system_events.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_NOTIFICATION_DELIVERY_H
#define OPENWTS_NOTIFICATION_DELIVERY_H

#include "openwts/backend.h"

/* The sink every event source reports to (openwts_event_fn); ctx is the
 * event_source. Called from the watcher thread, one event at a time, in
 * the order they happened. */
void notification_delivery_event(void *ctx, uint32_t session_id, openwts_event_kind kind);

#endif
