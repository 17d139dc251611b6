/* The one thread per process that waits for session events and hands them
 * to notification_delivery. It starts when a program first registers a
 * window or waits for an event (never before: a process that does neither
 * has no such thread and opens nothing), and lives as long as the process,
 * holding the DLL loaded.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_EVENT_WATCHER_H
#define OPENWTS_EVENT_WATCHER_H

#include "event_source.h"

/* Makes sure `src` is started and watched. Once this returns
 * ERROR_SUCCESS, every event the source reports from now on is delivered.
 * Returns a Win32 error. */
DWORD event_watcher_watch(event_source *src);

#endif
