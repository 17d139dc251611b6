/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "event_watcher.h"
#include "notification_delivery.h"

#define MAX_SOURCES 16 /* well under MAXIMUM_WAIT_OBJECTS */

static SRWLOCK lock = SRWLOCK_INIT;
static event_source *sources[MAX_SOURCES];
static HANDLE wakes[MAX_SOURCES];
static DWORD polls[MAX_SOURCES];
static size_t source_count;
static HANDLE thread;
static HANDLE sources_changed; /* a new source to wait on */

static DWORD WINAPI watch(void *param)
{
    (void)param;
    for (;;) {
        HANDLE handles[MAX_SOURCES + 1];
        event_source *drain[MAX_SOURCES];
        DWORD n = 0, timeout = INFINITE;
        handles[n++] = sources_changed;
        AcquireSRWLockShared(&lock);
        size_t count = source_count;
        for (size_t i = 0; i < count; i++) {
            drain[i] = sources[i];
            if (wakes[i])
                handles[n++] = wakes[i];
            if (polls[i] < timeout)
                timeout = polls[i];
        }
        ReleaseSRWLockShared(&lock);
        if (WaitForMultipleObjects(n, handles, FALSE, timeout) == WAIT_FAILED)
            Sleep(100); /* never spin; no handle here is ever closed */
        /* Draining finds nothing to do where nothing came: cheaper than
         * telling the sources apart. */
        for (size_t i = 0; i < count; i++)
            drain[i]->drain(drain[i]);
    }
    return 0;
}

/* The thread runs our code until the process ends, so the DLL must stay:
 * FreeLibrary by the program then leaves it loaded. */
static BOOL pin_this_dll(void)
{
    HMODULE self;
    return GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                              (LPCWSTR)(void *)event_watcher_watch, &self);
}

static DWORD start_thread(void)
{
    if (thread)
        return ERROR_SUCCESS;
    if (!sources_changed) {
        sources_changed = CreateEventW(NULL, FALSE, FALSE, NULL);
        if (!sources_changed)
            return GetLastError();
    }
    if (!pin_this_dll())
        return GetLastError();
    thread = CreateThread(NULL, 0, watch, NULL, 0, NULL);
    return thread ? ERROR_SUCCESS : GetLastError();
}

DWORD event_watcher_watch(event_source *src)
{
    DWORD st = ERROR_SUCCESS;
    BOOL added = FALSE;
    AcquireSRWLockExclusive(&lock);
    size_t i = 0;
    while (i < source_count && sources[i] != src)
        i++;
    if (i == source_count) {
        HANDLE wake = NULL;
        DWORD poll = INFINITE;
        if (source_count == MAX_SOURCES)
            st = ERROR_NOT_ENOUGH_MEMORY;
        else
            st = src->start(src, notification_delivery_event, &wake, &poll);
        if (st == ERROR_SUCCESS) {
            sources[source_count] = src;
            wakes[source_count] = wake;
            polls[source_count] = poll;
            source_count++;
            added = TRUE;
        }
    }
    /* Started but not yet watched (a thread that could not be made) is
     * retried by the next caller. */
    if (st == ERROR_SUCCESS)
        st = start_thread();
    if (st == ERROR_SUCCESS && added)
        SetEvent(sources_changed); /* the watcher waits on its handle too */
    ReleaseSRWLockExclusive(&lock);
    return st;
}
