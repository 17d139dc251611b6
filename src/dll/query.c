/* Session information: WTSQuerySessionInformation (WTSSetSessionInformation
 * is in stubs.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"
#include "query_layout.h"

/* Fetches the session record and lays out one class in the W form. */
static DWORD query_w(HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS cls, void **out, DWORD *bytes)
{
    if ((unsigned)cls > (unsigned)WTSIsRemoteSession)
        return ERROR_INVALID_PARAMETER;
    /* Only meaningful for the machine we run on (WTS_INFO_CLASS docs). */
    if (cls == WTSIsRemoteSession && hServer != WTS_CURRENT_SERVER_HANDLE)
        return ERROR_INVALID_PARAMETER;
    /* On the stack: a query's reply holds no list, so nothing of it is
     * allocated, shared with another thread or freed. */
    openwts_Reply rep;
    DWORD st = session_record_into(hServer, SessionId, &rep);
    if (st)
        return st;
    st = query_layout_w(&rep.result.query_session.session, cls, out, bytes);
    openwts_reply_release(&rep);
    return st;
}

/* NULL output pointers fail with ERROR_INVALID_USER_BUFFER and leave
 * *pBytesReturned alone (docs/windows-behaviour.md). */
BOOL WINAPI WTSQuerySessionInformationW(HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS WTSInfoClass,
                                        LPWSTR *ppBuffer, DWORD *pBytesReturned)
{
    TRACE("%p, %#lx, %d, %p, %p\n", hServer, SessionId, WTSInfoClass, ppBuffer, pBytesReturned);
    if (!ppBuffer || !pBytesReturned)
        return status_to_bool(ERROR_INVALID_USER_BUFFER);
    void *buf;
    DWORD bytes;
    DWORD st = query_w(hServer, SessionId, WTSInfoClass, &buf, &bytes);
    if (!st) {
        *ppBuffer = buf;
        *pBytesReturned = bytes;
    }
    return status_to_bool(st);
}

BOOL WINAPI WTSQuerySessionInformationA(HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS WTSInfoClass,
                                        LPSTR *ppBuffer, DWORD *pBytesReturned)
{
    TRACE("%p, %#lx, %d, %p, %p\n", hServer, SessionId, WTSInfoClass, ppBuffer, pBytesReturned);
    if (!ppBuffer || !pBytesReturned)
        return status_to_bool(ERROR_INVALID_USER_BUFFER);
    void *w, *a;
    DWORD w_bytes, a_bytes;
    DWORD st = query_w(hServer, SessionId, WTSInfoClass, &w, &w_bytes);
    if (st)
        return status_to_bool(st);
    st = query_result_w_to_a(WTSInfoClass, w, w_bytes, &a, &a_bytes);
    out_free(w);
    if (!st) {
        *ppBuffer = a;
        *pBytesReturned = a_bytes;
    }
    return status_to_bool(st);
}
