/* The server as a whole: WTSShutdownSystem (WTSWaitSystemEvent is in
 * stubs.c until session events are delivered).
 *
 * WTSShutdownSystem acts on this machine only: the backend table has no
 * shutdown operation, so a handle to any other server fails with
 * RPC_S_SERVER_UNAVAILABLE, as calls do on a server we cannot reach. Under
 * Wine the machine is the prefix; what each flag does there is in the
 * README ("Beyond the docs", "Shutting down").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <reason.h>
#include <string.h>

#include "caller_identity.h"
#include "trace.h"

#define EXIT_REASON (SHTDN_REASON_MAJOR_OTHER | SHTDN_REASON_MINOR_OTHER | SHTDN_REASON_FLAG_PLANNED)

/* The sessions of the server behind hServer, which must be this machine:
 * its sessions run on our computer (WTSSessionInfo's host). *rep_out is
 * the reply (reply_free) when the status is ERROR_SUCCESS. */
static DWORD this_machine_sessions(HANDLE hServer, server **srv_out, openwts_Reply **rep_out)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    openwts_Reply *rep;
    st = server_call(srv, &req, &rep);
    if (st) {
        server_release(srv);
        return st;
    }
    const openwts_EnumerateSessionsReply *list = &rep->result.enumerate_sessions;
    const char *computer = caller_identity()->domain; /* our computer name */
    for (pb_size_t i = 0; i < list->sessions_count; i++) {
        if (!text_same_name(list->sessions[i].host, computer)) {
            reply_free(rep);
            server_release(srv);
            return RPC_S_SERVER_UNAVAILABLE; /* a server of another machine */
        }
    }
    *srv_out = srv;
    *rep_out = rep;
    return ERROR_SUCCESS;
}

/* WTS_WSD_LOGOFF: every session but the caller's that has someone logged
 * on is logged off (MicrosoftDocs sdk-api, WTSShutdownSystem). Each logoff
 * is a WTSLogoffSession, with its own permission check. */
static DWORD log_off_other_sessions(const server *srv, const openwts_EnumerateSessionsReply *list)
{
    DWORD own = caller_identity()->session_id, first_error = ERROR_SUCCESS;
    for (pb_size_t i = 0; i < list->sessions_count; i++) {
        const openwts_Session *s = &list->sessions[i];
        if (s->id == own || s->user[0] == '\0')
            continue;
        openwts_Request req = openwts_Request_init_zero;
        req.which_op = openwts_Request_logoff_session_tag;
        req.op.logoff_session.session_id = s->id;
        req.op.logoff_session.wait = true;
        DWORD st = server_call(srv, &req, NULL);
        if (st && !first_error)
            first_error = st;
    }
    return first_error;
}

/* SE_SHUTDOWN_NAME enabled in the token the caller acts with (the
 * thread's when it impersonates), as the docs require. */
static BOOL shutdown_privilege_enabled(void)
{
    HANDLE token;
    if (!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &token) &&
        !OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return FALSE;
    PRIVILEGE_SET set = { .PrivilegeCount = 1, .Control = PRIVILEGE_SET_ALL_NECESSARY };
    BOOL held = FALSE;
    if (!LookupPrivilegeValueW(NULL, L"SeShutdownPrivilege", &set.Privilege[0].Luid) ||
        !PrivilegeCheck(token, &set, &held))
        held = FALSE;
    CloseHandle(token);
    return held;
}

/* ExitWindowsEx, from user32 loaded now: only a shutdown needs it. Under
 * Wine it starts wineboot (--kill with EWX_FORCE, --shutdown unless
 * EWX_REBOOT) and returns; user32 stays loaded, the process is ending. */
static DWORD exit_windows(UINT flags)
{
    HMODULE user32 = LoadLibraryW(L"user32.dll");
    FARPROC proc = user32 ? GetProcAddress(user32, "ExitWindowsEx") : NULL;
    if (!proc)
        return GetLastError() ? GetLastError() : ERROR_PROC_NOT_FOUND;
    BOOL (WINAPI *exit_windows_ex)(UINT, DWORD);
    memcpy(&exit_windows_ex, &proc, sizeof(proc));
    if (!exit_windows_ex(flags, EXIT_REASON))
        return GetLastError() ? GetLastError() : ERROR_NOT_SUPPORTED;
    return ERROR_SUCCESS;
}

/* What ExitWindowsEx is asked for each flag. The docs give the equivalent
 * call; EWX_FORCE is ours, for the docs' "the application is terminated":
 * without it Wine ends only programs that have windows, and none at all
 * once one of them refuses, so the prefix would stay up. */
static BOOL exit_flags(DWORD shutdown_flag, UINT *flags)
{
    switch (shutdown_flag) {
    case WTS_WSD_SHUTDOWN:
        *flags = EWX_SHUTDOWN | EWX_FORCE;
        return TRUE;
    case WTS_WSD_POWEROFF:
        *flags = EWX_SHUTDOWN | EWX_POWEROFF | EWX_FORCE;
        return TRUE;
    case WTS_WSD_REBOOT:
        *flags = EWX_REBOOT | EWX_FORCE;
        return TRUE;
    default:
        return FALSE;
    }
}

BOOL WINAPI WTSShutdownSystem(HANDLE hServer, DWORD ShutdownFlag)
{
    TRACE("%p, %#lx\n", hServer, ShutdownFlag);
    UINT flags = 0;
    /* One flag. WTS_WSD_FASTREBOOT "is not supported currently" (docs). */
    if (ShutdownFlag == WTS_WSD_FASTREBOOT)
        return status_to_bool(ERROR_NOT_SUPPORTED);
    if (ShutdownFlag != WTS_WSD_LOGOFF && !exit_flags(ShutdownFlag, &flags))
        return status_to_bool(ERROR_INVALID_PARAMETER);

    server *srv;
    openwts_Reply *rep;
    DWORD st = this_machine_sessions(hServer, &srv, &rep);
    if (st)
        return status_to_bool(st);
    if (ShutdownFlag == WTS_WSD_LOGOFF)
        st = log_off_other_sessions(srv, &rep->result.enumerate_sessions);
    else if (!shutdown_privilege_enabled())
        st = ERROR_PRIVILEGE_NOT_HELD;
    else
        st = exit_windows(flags);
    reply_free(rep);
    server_release(srv);
    return status_to_bool(st);
}
