/* Process lists grow as a backend finds processes: the reply's list is
 * allocated with the allocator nanopb releases with (pb_release), so a list
 * decoded from a socket and one a backend filled in-process are freed the
 * same way. Only a list that started empty here may be appended to (a
 * decoded one has no room to spare).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <pb_decode.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"

#define FIRST_CAPACITY 64u

/* The capacity is not stored: it is the smallest power of two times
 * FIRST_CAPACITY that holds `count`, so growth happens exactly when count
 * reaches one of those. */
static bool full(size_t count)
{
    if (count == 0)
        return true;
    if (count < FIRST_CAPACITY)
        return false;
    return (count % FIRST_CAPACITY) == 0 && ((count / FIRST_CAPACITY) & (count / FIRST_CAPACITY - 1)) == 0;
}

openwts_Process *openwts_process_list_add(openwts_EnumerateProcessesReply *list)
{
    size_t count = list->processes_count;
    if (count >= (pb_size_t)-1)
        return NULL;
    if (full(count)) {
        size_t cap = count ? count * 2 : FIRST_CAPACITY;
        if (cap > (pb_size_t)-1)
            cap = (pb_size_t)-1;
        openwts_Process *bigger = realloc(list->processes, cap * sizeof(*bigger));
        if (!bigger)
            return NULL;
        list->processes = bigger;
    }
    openwts_Process *p = &list->processes[count];
    memset(p, 0, sizeof(*p));
    list->processes_count = (pb_size_t)(count + 1);
    return p;
}

/* A Session or Process record holds nothing allocated (its strings are
 * arrays: openwts.options), so a list is one block and one free() releases
 * it; pb_release would walk every field of every record to learn that
 * (about 500 ns for a two-session list under Wine). test_codec checks that
 * the records stay free of pointer fields. */
void openwts_reply_release(openwts_Reply *rep)
{
    if (!rep)
        return;
    if (rep->which_result == openwts_Reply_enumerate_processes_tag) {
        free(rep->result.enumerate_processes.processes);
        rep->result.enumerate_processes.processes = NULL;
        rep->result.enumerate_processes.processes_count = 0;
    } else if (rep->which_result == openwts_Reply_enumerate_sessions_tag) {
        free(rep->result.enumerate_sessions.sessions);
        rep->result.enumerate_sessions.sessions = NULL;
        rep->result.enumerate_sessions.sessions_count = 0;
    }
}
