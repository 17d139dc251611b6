/* Tokens: WTSQueryUserToken. Whether the session exists and who is logged
 * on comes from the server, as for WTSQuerySessionInformation; the token is
 * made here, because a token is a handle of this process. Every program of
 * a Wine prefix runs as the one account that is logged on, so the user's
 * primary token is a copy of this process's own.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "caller_identity.h"
#include "caller_token.h"
#include "trace.h"

/* The session's user is this process's account when the names match (the
 * domain only where the backend names one). */
static BOOL is_our_account(const openwts_Session *s)
{
    const openwts_Caller *me = caller_identity();
    return text_same_name(s->user, me->user) && (!s->domain[0] || text_same_name(s->domain, me->domain));
}

/* Nobody logged on (session 0, the console after a logoff): ERROR_NO_TOKEN,
 * as documented. A user other than our account has no token in this
 * prefix to give, so that is ERROR_NO_TOKEN too (README "Beyond the docs"). */
static DWORD user_token(const openwts_Session *s, HANDLE *out)
{
    if (!s->user[0] || !is_our_account(s))
        return ERROR_NO_TOKEN;
    return caller_token_primary_copy(out);
}

/* Errors as Microsoft documents them for this function (MSDN
 * "WTSQueryUserToken function", return value table): a NULL phToken is
 * ERROR_INVALID_PARAMETER (also Wine's conformance test), a caller without
 * SE_TCB_NAME ERROR_PRIVILEGE_NOT_HELD, a session that does not exist
 * ERROR_FILE_NOT_FOUND, one where nobody is logged on ERROR_NO_TOKEN. */
BOOL WINAPI WTSQueryUserToken(ULONG SessionId, PHANDLE phToken)
{
    TRACE("%#lx, %p\n", SessionId, phToken);
    if (!phToken)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    DWORD st = caller_token_check_tcb();
    if (st)
        return status_to_bool(st);
    openwts_Reply *rep;
    st = session_record(WTS_CURRENT_SERVER_HANDLE, SessionId, &rep);
    if (st)
        return status_to_bool(st == ERROR_CTX_WINSTATION_NOT_FOUND ? ERROR_FILE_NOT_FOUND : st);
    HANDLE token;
    st = user_token(&rep->result.query_session.session, &token);
    reply_free(rep);
    if (!st)
        *phToken = token;
    return status_to_bool(st);
}
