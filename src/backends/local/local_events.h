/* Session events shared by every process of a Wine prefix (or Windows
 * session): what the `local` backend changed, for the processes that want
 * WM_WTSSESSION_CHANGE or WTSWaitSystemEvent.
 *
 * A named section (pagefile-backed, no file) holds a ring of the last
 * LOCAL_EVENTS_RING events, numbered from 1 by a sequence counter, and a
 * table of subscribers. A subscriber is a process that listens: it creates
 * the section (so it exists exactly while someone listens), an auto-reset
 * event of its own, and puts that event's token in the table. A writer (any
 * process that changes a session) appends under a spin lock held for a few
 * stores, then sets the event of every subscriber. A process that neither
 * listens nor changes anything never touches any of it; a writer when
 * nobody listens pays one failed open of the section; a writer keeps no
 * handle once it has posted.
 *
 * Kept free of the backend table's header so that a test program can
 * compile this file and post events as any process of the prefix could.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_EVENTS_H
#define OPENWTS_LOCAL_EVENTS_H

#include <windows.h>
#include <stddef.h>
#include <stdint.h>

/* The section's name carries its layout's version: a DLL with another
 * layout uses another section instead of misreading this one. */
#define LOCAL_EVENTS_SECTION L"Local\\OpenWTS-session-events-1"
#define LOCAL_EVENTS_RING 256        /* events kept for a reader that is behind */
#define LOCAL_EVENTS_SUBSCRIBERS 128 /* processes woken by name; more poll */

typedef struct local_event {
    uint32_t session_id;
    uint32_t kind; /* openwts_event_kind (openwts/backend.h) */
} local_event;

/* Appends `count` events, in order and with no other writer's between
 * them, and wakes every subscriber. Does nothing when nobody listens. */
void local_events_post(const local_event *events, size_t count);

/* Makes this process a subscriber (once; later calls return what the first
 * did). From now on local_events_read reports every event posted after this
 * call. *wake is signalled when events may be waiting; NULL when the
 * subscriber table is full, in which case the reader must poll. Returns a
 * Win32 error. */
DWORD local_events_subscribe(HANDLE *wake);

/* Calls fn for each event posted since the previous call (or since
 * subscribing), oldest first, each once, outside any lock. Events a slow
 * reader let the ring overwrite are skipped; the return value is how many.
 * Only one thread of a process may read. */
typedef void (*local_event_fn)(void *ctx, const local_event *event);
uint32_t local_events_read(local_event_fn fn, void *ctx);

#endif
