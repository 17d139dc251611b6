/* Sessions: WTSEnumerateSessions(Ex), WTSDisconnectSession,
 * WTSConnectSession, WTSLogoffSession. Each export: validate, call, map
 * the status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "session_layout.h"
#include "trace.h"

#ifndef LOGONID_CURRENT
#define LOGONID_CURRENT ((ULONG)-1) /* winsta.h */
#endif

/* Asks the server behind hServer for its sessions; *rep_out is the reply
 * (reply_free) when the status is ERROR_SUCCESS. */
static DWORD enumerate(HANDLE hServer, openwts_Reply **rep_out)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    st = server_call(srv, &req, rep_out);
    server_release(srv);
    return st;
}

BOOL WINAPI WTSEnumerateSessionsW(HANDLE hServer, DWORD Reserved, DWORD Version,
                                  PWTS_SESSION_INFOW *ppSessionInfo, DWORD *pCount)
{
    TRACE("%p, %#lx, %#lx, %p, %p\n", hServer, Reserved, Version, ppSessionInfo, pCount);
    if (Reserved != 0 || Version != 1 || !ppSessionInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    openwts_Reply *rep;
    DWORD st = enumerate(hServer, &rep);
    if (st)
        return status_to_bool(st);
    WTS_SESSION_INFOW *info;
    st = session_info_w_build(&rep->result.enumerate_sessions, &info);
    if (!st) {
        *ppSessionInfo = info;
        *pCount = rep->result.enumerate_sessions.sessions_count;
    }
    reply_free(rep);
    return status_to_bool(st);
}

BOOL WINAPI WTSEnumerateSessionsA(HANDLE hServer, DWORD Reserved, DWORD Version,
                                  PWTS_SESSION_INFOA *ppSessionInfo, DWORD *pCount)
{
    TRACE("%p, %#lx, %#lx, %p, %p\n", hServer, Reserved, Version, ppSessionInfo, pCount);
    WTS_SESSION_INFOW *w;
    DWORD count;
    if (!ppSessionInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    if (!WTSEnumerateSessionsW(hServer, Reserved, Version, &w, &count))
        return FALSE;
    WTS_SESSION_INFOA *a;
    DWORD st = session_info_w_to_a(w, count, &a);
    out_free(w);
    if (!st) {
        *ppSessionInfo = a;
        *pCount = count;
    }
    return status_to_bool(st);
}

/* pLevel must point to 1 and Filter be 0 (both reserved); the level is
 * left unchanged on output, as the documentation says. */
BOOL WINAPI WTSEnumerateSessionsExW(HANDLE hServer, DWORD *pLevel, DWORD Filter,
                                    PWTS_SESSION_INFO_1W *ppSessionInfo, DWORD *pCount)
{
    TRACE("%p, %p, %#lx, %p, %p\n", hServer, pLevel, Filter, ppSessionInfo, pCount);
    if (!pLevel || *pLevel != 1 || Filter != 0 || !ppSessionInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    openwts_Reply *rep;
    DWORD st = enumerate(hServer, &rep);
    if (st)
        return status_to_bool(st);
    WTS_SESSION_INFO_1W *info;
    st = session_info_1_w_build(&rep->result.enumerate_sessions, &info);
    if (!st) {
        *ppSessionInfo = info;
        *pCount = rep->result.enumerate_sessions.sessions_count;
    }
    reply_free(rep);
    return status_to_bool(st);
}

BOOL WINAPI WTSEnumerateSessionsExA(HANDLE hServer, DWORD *pLevel, DWORD Filter,
                                    PWTS_SESSION_INFO_1A *ppSessionInfo, DWORD *pCount)
{
    TRACE("%p, %p, %#lx, %p, %p\n", hServer, pLevel, Filter, ppSessionInfo, pCount);
    WTS_SESSION_INFO_1W *w;
    DWORD count;
    if (!ppSessionInfo || !pCount)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    if (!WTSEnumerateSessionsExW(hServer, pLevel, Filter, &w, &count))
        return FALSE;
    WTS_SESSION_INFO_1A *a;
    DWORD st = session_info_1_w_to_a(w, count, &a);
    out_free(w);
    if (!st) {
        *ppSessionInfo = a;
        *pCount = count;
    }
    return status_to_bool(st);
}

/* Windows build 26100 (MicrosoftDocs sdk-api WTSActiveSessionExists): is
 * any session of this server Active? */
BOOL WINAPI WTSActiveSessionExists(PBOOL pbActiveSessionExists)
{
    TRACE("%p\n", pbActiveSessionExists);
    if (!pbActiveSessionExists)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    openwts_Reply *rep;
    DWORD st = enumerate(WTS_CURRENT_SERVER_HANDLE, &rep);
    if (st)
        return status_to_bool(st);
    BOOL active = FALSE;
    const openwts_EnumerateSessionsReply *list = &rep->result.enumerate_sessions;
    for (pb_size_t i = 0; i < list->sessions_count && !active; i++)
        active = list->sessions[i].state == OPENWTS_STATE_ACTIVE;
    reply_free(rep);
    *pbActiveSessionExists = active;
    return status_to_bool(ERROR_SUCCESS);
}

/* Disconnect and log off share their shape: one session of one server. */
static DWORD session_action(HANDLE hServer, pb_size_t op, DWORD session_id, BOOL wait)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = op;
    if (op == openwts_Request_disconnect_session_tag) {
        openwts_DisconnectSessionRequest *d = &req.op.disconnect_session;
        d->session_id = session_id;
        d->wait = wait != FALSE;
    } else {
        openwts_LogoffSessionRequest *l = &req.op.logoff_session;
        l->session_id = session_id;
        l->wait = wait != FALSE;
    }
    st = server_call(srv, &req, NULL);
    server_release(srv);
    return st;
}

BOOL WINAPI WTSDisconnectSession(HANDLE hServer, DWORD SessionId, BOOL bWait)
{
    TRACE("%p, %#lx, %d\n", hServer, SessionId, bWait);
    return status_to_bool(session_action(hServer, openwts_Request_disconnect_session_tag, SessionId, bWait));
}

BOOL WINAPI WTSLogoffSession(HANDLE hServer, DWORD SessionId, BOOL bWait)
{
    TRACE("%p, %#lx, %d\n", hServer, SessionId, bWait);
    return status_to_bool(session_action(hServer, openwts_Request_logoff_session_tag, SessionId, bWait));
}

/* The password may be "" (same user) but not NULL; either id may be
 * LOGONID_CURRENT, not both (MicrosoftDocs sdk-api: WTSConnectSession). */
BOOL WINAPI WTSConnectSessionW(ULONG LogonId, ULONG TargetLogonId, PWSTR pPassword, BOOL bWait)
{
    /* The password is never printed, only whether there is one. */
    TRACE("%#lx, %#lx, %s, %d\n", LogonId, TargetLogonId, pPassword ? "(password)" : "(null)", bWait);
    if (!pPassword || (LogonId == LOGONID_CURRENT && TargetLogonId == LOGONID_CURRENT))
        return status_to_bool(ERROR_INVALID_PARAMETER);
    server *srv;
    DWORD st = server_handle_resolve(WTS_CURRENT_SERVER_HANDLE, &srv);
    if (st)
        return status_to_bool(st);
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_connect_session_tag;
    openwts_ConnectSessionRequest *c = &req.op.connect_session;
    c->logon_id = LogonId;
    c->target_id = TargetLogonId;
    c->wait = bWait != FALSE;
    text_from_wide(pPassword, c->password, sizeof(c->password));
    st = server_call(srv, &req, NULL);
    SecureZeroMemory(c->password, sizeof(c->password));
    server_release(srv);
    return status_to_bool(st);
}

BOOL WINAPI WTSConnectSessionA(ULONG LogonId, ULONG TargetLogonId, PSTR pPassword, BOOL bWait)
{
    TRACE("%#lx, %#lx, %s, %d\n", LogonId, TargetLogonId, pPassword ? "(password)" : "(null)", bWait);
    if (!pPassword)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    WCHAR *w = text_ansi_to_wide_alloc(pPassword);
    if (!w)
        return status_to_bool(ERROR_NOT_ENOUGH_MEMORY);
    BOOL ok = WTSConnectSessionW(LogonId, TargetLogonId, w, bWait);
    DWORD err = GetLastError();
    SecureZeroMemory(w, lstrlenW(w) * sizeof(WCHAR));
    LocalFree(w);
    SetLastError(err);
    return ok;
}
