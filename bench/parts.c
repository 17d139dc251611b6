/* wtsbench_parts: where the time of a query goes. The DLL's own objects
 * are linked into this program, so each layer of the road a call travels
 * (README, "How a call travels") can be timed alone, inner to outer, from
 * one thread, in the same run: the difference between two lines is what
 * the outer layer adds. Run by `bench/run.sh --parts`; the README's
 * "Speed" section explains the lines.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"
#include "local_backend.h"
#include "local_state.h"
#include "measure.h"
#include "openwts/dispatch.h"
#include "query_layout.h"
#include "caller_identity.h"

#define PASSES 3

static const openwts_backend *backend;
static const openwts_Caller *caller;
static DWORD console;
static openwts_Reply reply;
static openwts_Request request;
static HANDLE writers_mutex;

static void part_floor(const wts_api *a)
{
    (void)a;
    LocalFree(LocalAlloc(LPTR, 4));
}

static void part_state_read(const wts_api *a)
{
    (void)a;
    local_session_state st;
    local_state_get(console, &st);
    __asm__ volatile("" : : "r"(&st) : "memory");
}

static void part_record_clear(const wts_api *a)
{
    (void)a;
    memset(&reply.result.query_session, 0, sizeof(reply.result.query_session));
    __asm__ volatile("" : : "r"(&reply) : "memory");
}

static void part_request_clear(const wts_api *a)
{
    (void)a;
    memset(&request, 0, sizeof(request));
    __asm__ volatile("" : : "r"(&request) : "memory");
}

static void part_backend_query(const wts_api *a)
{
    (void)a;
    backend->query_session(backend, caller, "", console, &reply.result.query_session.session);
}

static void part_dispatch(const wts_api *a)
{
    (void)a;
    request.which_op = openwts_Request_query_session_tag;
    request.op.query_session.session_id = WTS_CURRENT_SESSION;
    openwts_dispatch(backend, caller, &request, &reply);
}

static void part_session_record(const wts_api *a)
{
    (void)a;
    session_record_into(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, &reply);
}

static void layout(WTS_INFO_CLASS cls)
{
    void *out;
    DWORD bytes;
    if (!query_layout_w(&reply.result.query_session.session, cls, &out, &bytes))
        out_free(out);
}

static void part_layout_id(const wts_api *a) { (void)a; layout(WTSSessionId); }
static void part_layout_user(const wts_api *a) { (void)a; layout(WTSUserName); }
static void part_layout_info(const wts_api *a) { (void)a; layout(WTSSessionInfo); }

static void query(WTS_INFO_CLASS cls)
{
    LPWSTR buf;
    DWORD bytes;
    if (WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, cls, &buf, &bytes))
        WTSFreeMemory(buf);
}

static void part_query_id(const wts_api *a) { (void)a; query(WTSSessionId); }
static void part_query_user(const wts_api *a) { (void)a; query(WTSUserName); }
static void part_query_info(const wts_api *a) { (void)a; query(WTSSessionInfo); }

static void part_list_room(const wts_api *a)
{
    (void)a;
    void *p = malloc(16 * sizeof(openwts_Session));
    __asm__ volatile("" : : "r"(p) : "memory");
    free(p);
}

static void part_two_records(const wts_api *a)
{
    (void)a;
    void *p = malloc(2 * sizeof(openwts_Session));
    __asm__ volatile("" : : "r"(p) : "memory");
    free(p);
}

static void part_list_release(const wts_api *a)
{
    (void)a;
    openwts_Reply rep;
    rep.which_result = openwts_Reply_enumerate_sessions_tag;
    rep.result.enumerate_sessions.sessions = malloc(2 * sizeof(openwts_Session));
    rep.result.enumerate_sessions.sessions_count = 2;
    openwts_reply_release(&rep);
}

static void part_dispatch_enumerate(const wts_api *a)
{
    (void)a;
    openwts_Request req = { .which_op = openwts_Request_enumerate_sessions_tag };
    openwts_Reply rep;
    if (openwts_dispatch(backend, caller, &req, &rep) == OPENWTS_OK)
        openwts_reply_release(&rep);
}

static void part_enumerate(const wts_api *a)
{
    (void)a;
    WTS_SESSION_INFOW *info;
    DWORD count;
    if (WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count))
        WTSFreeMemory(info);
}

static void part_clock(const wts_api *a)
{
    (void)a;
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
}

static void part_open_close(const wts_api *a)
{
    (void)a;
    WTSCloseServer(WTSOpenServerW(NULL));
}

static void part_mutex(const wts_api *a)
{
    (void)a;
    WaitForSingleObject(writers_mutex, INFINITE);
    ReleaseMutex(writers_mutex);
}

static void no_change(local_session_state *s, int64_t now, const void *ctx)
{
    (void)s; (void)now; (void)ctx;
}

static void part_state_write(const wts_api *a)
{
    (void)a;
    local_state_update(console, no_change, NULL, NULL);
}

typedef struct part {
    const char *name;
    call_fn call;
    const char *what;
} part;

static const part parts[] = {
    { "LocalAlloc(LPTR, 4) + LocalFree", part_floor, "the block a query hands back: the floor" },
    { "local_state_get", part_state_read, "the shared table, read without a lock (console session)" },
    { "clearing one session record", part_record_clear,
      "what the dispatcher's do_query does before calling the backend" },
    { "local backend query_session", part_backend_query,
      "describing the console: fields, names, local_state_get" },
    { "openwts_dispatch(query_session)", part_dispatch, "the dispatcher: the clear above + the backend" },
    { "session_record_into", part_session_record,
      "the front end's call: handle, request, caller, in-process transport, dispatcher" },
    { "query_layout_w(WTSSessionId) + out_free", part_layout_id, "the answer: a 4-byte LocalAlloc block" },
    { "WTSQuerySessionInformationW(WTSSessionId) + WTSFreeMemory", part_query_id, "the whole export" },
    { "query_layout_w(WTSUserName) + out_free", part_layout_user, "UTF-8 to UTF-16 and the block" },
    { "WTSQuerySessionInformationW(WTSUserName) + WTSFreeMemory", part_query_user, "the whole export" },
    { "GetSystemTimeAsFileTime", part_clock, "one clock read (WTSSessionInfo's CurrentTime)" },
    { "query_layout_w(WTSSessionInfo) + out_free", part_layout_info,
      "three texts, a clock read and the block" },
    { "WTSQuerySessionInformationW(WTSSessionInfo) + WTSFreeMemory", part_query_info, "the whole export" },
    { "malloc + free of 16 session records", part_list_room,
      "the room the dispatcher's do_enumerate starts a list with" },
    { "malloc + free of 2 session records", part_two_records, "a list of two, freed with free()" },
    { "malloc of 2 session records + openwts_reply_release", part_list_release,
      "the same list freed as a reply's (nanopb's pb_release walks every field of each record)" },
    { "openwts_dispatch(enumerate_sessions)", part_dispatch_enumerate,
      "that room, two records described, the list released" },
    { "WTSEnumerateSessionsW + WTSFreeMemory", part_enumerate, "the whole export" },
    { "WTSOpenServerW(NULL) + WTSCloseServer", part_open_close, "a handle: its server object from the spares, no heap block" },
    { "clearing a whole Request", part_request_clear,
      "what a query no longer does (session_record.c)" },
    { "WaitForSingleObject + ReleaseMutex", part_mutex, "the writers' mutex: two wineserver round trips" },
    { "local_state_update (no change)", part_state_write, "a write: the mutex, the undo record, two increments" },
};

int main(void)
{
    if (openwts_backend_register(local_backend()) != OPENWTS_OK)
        return 1;
    backend = openwts_backend_find(NULL);
    caller = caller_identity();
    console = caller->session_id;
    writers_mutex = CreateMutexW(NULL, FALSE, L"Global\\OpenWTS.local-sessions.writer");
    /* As in a prefix where the console was ever changed: its record has a
     * slot (a session never changed reads as a default, scanning every slot). */
    part_state_write(NULL);
    part_dispatch(NULL); /* the reply holds a record for the layouts */

    printf("wtsbench --parts: ns per call from one thread (best of %d passes of %d rounds of ~%d ms); "
           "the DLL's objects linked into the program\n\n", PASSES, ROUNDS, ROUND_MS);
    /* Several passes, the best of each part kept: a part is not the one
     * that happened to meet a busy moment of the machine, or the first
     * minutes of a process's heap. */
    double best[ARRAYSIZE(parts)];
    for (int pass = 0; pass < PASSES; pass++) {
        for (size_t i = 0; i < ARRAYSIZE(parts); i++) {
            step one = { parts[i].call, NULL, 0 };
            double ns;
            measure_calibrate(&one, 1);
            measure_threads(&one, 1, 1, &ns);
            if (pass == 0 || ns < best[i])
                best[i] = ns;
        }
    }
    printf("| part | ns per call | what it is |\n|---|---|---|\n");
    for (size_t i = 0; i < ARRAYSIZE(parts); i++) {
        printf("| %s | %.1f | %s", parts[i].name, best[i], parts[i].what);
        if (parts[i].call == part_record_clear)
            printf(" (%u bytes)", (unsigned)sizeof(reply.result.query_session));
        if (parts[i].call == part_request_clear)
            printf(" (%u bytes)", (unsigned)sizeof(request));
        printf(" |\n");
    }
    return 0;
}
