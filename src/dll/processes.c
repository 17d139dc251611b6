/* Processes: WTSEnumerateProcesses(Ex), WTSTerminateProcess. Each export:
 * validate, call, map the status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "process_layout.h"
#include "trace.h"

/* Asks the server behind hServer for the processes of session `session_id`
 * (WTS_ANY_SESSION: of all); *rep_out is the reply (reply_free) when the
 * status is ERROR_SUCCESS. */
static DWORD enumerate(HANDLE hServer, DWORD session_id, openwts_Reply **rep_out)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_processes_tag;
    openwts_EnumerateProcessesRequest *e = &req.op.enumerate_processes;
    e->session_id = session_id;
    st = server_call(srv, &req, rep_out);
    server_release(srv);
    return st;
}

BOOL WINAPI WTSEnumerateProcessesW(HANDLE hServer, DWORD Reserved, DWORD Version,
                                   PWTS_PROCESS_INFOW *ppProcessInfo, DWORD *pCount)
{
    TRACE("%p, %#lx, %#lx, %p, %p\n", hServer, Reserved, Version, ppProcessInfo, pCount);
    if (Reserved != 0 || Version != 1 || !ppProcessInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    openwts_Reply *rep;
    DWORD st = enumerate(hServer, WTS_ANY_SESSION, &rep);
    if (st)
        return status_to_bool(st);
    WTS_PROCESS_INFOW *info;
    st = process_info_w_build(&rep->result.enumerate_processes, &info);
    if (!st) {
        *ppProcessInfo = info;
        *pCount = rep->result.enumerate_processes.processes_count;
    }
    reply_free(rep);
    return status_to_bool(st);
}

BOOL WINAPI WTSEnumerateProcessesA(HANDLE hServer, DWORD Reserved, DWORD Version,
                                   PWTS_PROCESS_INFOA *ppProcessInfo, DWORD *pCount)
{
    TRACE("%p, %#lx, %#lx, %p, %p\n", hServer, Reserved, Version, ppProcessInfo, pCount);
    WTS_PROCESS_INFOW *w;
    DWORD count;
    if (!ppProcessInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    if (!WTSEnumerateProcessesW(hServer, Reserved, Version, &w, &count))
        return FALSE;
    WTS_PROCESS_INFOA *a;
    DWORD st = process_info_w_to_a(w, count, &a);
    out_free(w);
    if (!st) {
        *ppProcessInfo = a;
        *pCount = count;
    }
    return status_to_bool(st);
}

/* *pLevel 0 gives WTS_PROCESS_INFO, 1 WTS_PROCESS_INFO_EX; any other level
 * is set to 1 and fails, as the documentation says. SessionId filters:
 * WTS_ANY_SESSION for all, WTS_CURRENT_SESSION for the caller's. */
BOOL WINAPI WTSEnumerateProcessesExW(HANDLE hServer, DWORD *pLevel, DWORD SessionId,
                                     LPWSTR *ppProcessInfo, DWORD *pCount)
{
    TRACE("%p, %p, %#lx, %p, %p\n", hServer, pLevel, SessionId, ppProcessInfo, pCount);
    if (!pLevel || !ppProcessInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    if (*pLevel > WTS_PROCESS_INFO_LEVEL_1) {
        *pLevel = WTS_PROCESS_INFO_LEVEL_1;
        return status_to_bool(ERROR_INVALID_PARAMETER);
    }
    openwts_Reply *rep;
    DWORD st = enumerate(hServer, SessionId, &rep);
    if (st)
        return status_to_bool(st);
    const openwts_EnumerateProcessesReply *list = &rep->result.enumerate_processes;
    void *block;
    if (*pLevel == WTS_PROCESS_INFO_LEVEL_0) {
        WTS_PROCESS_INFOW *info;
        st = process_info_w_build(list, &info);
        block = info;
    } else {
        WTS_PROCESS_INFO_EXW *info;
        st = process_info_ex_w_build(list, &info);
        block = info;
    }
    if (!st) {
        *ppProcessInfo = block;
        *pCount = list->processes_count;
    }
    reply_free(rep);
    return status_to_bool(st);
}

BOOL WINAPI WTSEnumerateProcessesExA(HANDLE hServer, DWORD *pLevel, DWORD SessionId,
                                     LPSTR *ppProcessInfo, DWORD *pCount)
{
    TRACE("%p, %p, %#lx, %p, %p\n", hServer, pLevel, SessionId, ppProcessInfo, pCount);
    LPWSTR w;
    DWORD count;
    if (!pLevel || !ppProcessInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    if (!WTSEnumerateProcessesExW(hServer, pLevel, SessionId, &w, &count))
        return FALSE;
    DWORD st;
    void *block;
    if (*pLevel == WTS_PROCESS_INFO_LEVEL_0) {
        WTS_PROCESS_INFOA *a;
        st = process_info_w_to_a((const WTS_PROCESS_INFOW *)w, count, &a);
        block = a;
    } else {
        WTS_PROCESS_INFO_EXA *a;
        st = process_info_ex_w_to_a((const WTS_PROCESS_INFO_EXW *)w, count, &a);
        block = a;
    }
    out_free(w);
    if (!st) {
        *ppProcessInfo = block;
        *pCount = count;
    }
    return status_to_bool(st);
}

/* Ends the process with ExitCode. The backend decides whether the caller
 * may: ERROR_ACCESS_DENIED when not, ERROR_INVALID_PARAMETER for a process
 * id no process has. */
BOOL WINAPI WTSTerminateProcess(HANDLE hServer, DWORD ProcessId, DWORD ExitCode)
{
    TRACE("%p, %#lx, %lu\n", hServer, ProcessId, ExitCode);
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return status_to_bool(st);
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_terminate_process_tag;
    openwts_TerminateProcessRequest *t = &req.op.terminate_process;
    t->process_id = ProcessId;
    t->exit_code = ExitCode;
    st = server_call(srv, &req, NULL);
    server_release(srv);
    return status_to_bool(st);
}
