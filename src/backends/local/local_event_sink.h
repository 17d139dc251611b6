/* The `local` backend's set_event_sink, and how its host listens: every
 * change any process of the prefix makes reaches the sink of each process
 * that listens, from that process's own thread, in the order the changes
 * took effect (local_events.h). Setting the sink costs nothing; listening
 * opens the shared events and is done only by a process that wants them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_EVENT_SINK_H
#define OPENWTS_LOCAL_EVENT_SINK_H

#include <windows.h>

#include "openwts/backend.h"

/* The table's slot. The sink may be set at any time, also after calls were
 * served (the DLL sets it when a program first asks for events); events are
 * reported only by local_event_sink_drain, never from inside a call. */
void local_set_event_sink(const openwts_backend *be, openwts_event_fn fn, void *ctx);

/* Starts listening (local_events_subscribe): *wake is signalled when
 * events may be waiting, NULL when the caller must poll. */
DWORD local_event_sink_listen(HANDLE *wake);

/* Reports to the sink, in order, every event posted since the last drain.
 * One thread drains. */
void local_event_sink_drain(void);

#endif
