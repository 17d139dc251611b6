/* The dispatcher: validates what every backend would otherwise have to
 * (current-session resolution, who may act on whose session), calls the
 * backend's operation and fills the reply.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "openwts/dispatch.h"

/* A slot exists when the backend was written for a version that has it and
 * filled it in; all of today's slots are version 1. */
static bool slot_usable(const openwts_backend *be, bool filled)
{
    return be->version >= 1 && filled;
}
#define BACKEND_HAS(be, slot) slot_usable((be), (be)->slot != NULL)

static uint32_t resolve_session(const openwts_Caller *caller, uint32_t id)
{
    return id == OPENWTS_CURRENT_SESSION ? caller->session_id : id;
}

static int ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z') ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z') cb += 'a' - 'A';
        if (ca != cb || !ca)
            return ca - cb;
    }
}

/* Windows' default session permissions: Administrators have full control of
 * every session; a user may disconnect, connect or log off only sessions of
 * his own account (MicrosoftDocs sdk-api WTSDisconnectSession: the caller
 * needs the Disconnect permission; Remote Desktop Services Permissions). */
static openwts_status check_own_session(const openwts_backend *be, const openwts_Caller *caller,
                                        const char *server, uint32_t session_id)
{
    if (caller->privileged)
        return OPENWTS_OK;
    if (!BACKEND_HAS(be, query_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    openwts_Session *s = calloc(1, sizeof(*s));
    if (!s)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    openwts_status st = be->query_session(be, caller, server, session_id, s);
    if (st == OPENWTS_OK && (s->user[0] == '\0' || ascii_casecmp(s->user, caller->user) != 0))
        st = OPENWTS_ERROR_ACCESS_DENIED;
    free(s);
    return st;
}

static openwts_status do_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                   const openwts_EnumerateSessionsRequest *req,
                                   openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, enumerate_sessions))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    /* Only the sessions the backend reports are ever read or encoded, so
     * the 64-entry array is not cleared: each filled entry is whole. */
    openwts_EnumerateSessionsReply *out = &rep->result.enumerate_sessions;
    out->sessions_count = 0;
    size_t count = 0;
    openwts_status st = be->enumerate_sessions(be, caller, req->server, out->sessions,
                                               OPENWTS_MAX_SESSIONS, &count);
    if (st != OPENWTS_OK)
        return st;
    if (count > OPENWTS_MAX_SESSIONS)
        return OPENWTS_ERROR_INVALID_DATA; /* a backend bug, not a crash */
    out->sessions_count = (pb_size_t)count;
    rep->which_result = openwts_Reply_enumerate_sessions_tag;
    return OPENWTS_OK;
}

static openwts_status do_query(const openwts_backend *be, const openwts_Caller *caller,
                               const openwts_QuerySessionRequest *req, openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, query_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    openwts_QuerySessionReply *out = &rep->result.query_session;
    memset(out, 0, sizeof(*out));
    openwts_status st = be->query_session(be, caller, req->server,
                                          resolve_session(caller, req->session_id), &out->session);
    if (st != OPENWTS_OK)
        return st;
    out->has_session = true;
    rep->which_result = openwts_Reply_query_session_tag;
    return OPENWTS_OK;
}

/* Disconnect and logoff: one session of one server, own sessions only. */
typedef openwts_status (*session_op)(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t session_id, bool wait);

static openwts_status do_session_op(const openwts_backend *be, session_op op,
                                    const openwts_Caller *caller, const char *server,
                                    uint32_t session_id, bool wait)
{
    if (!slot_usable(be, op != NULL))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, session_id);
    openwts_status st = check_own_session(be, caller, server, id);
    return st ? st : op(be, caller, server, id, wait);
}

static openwts_status do_connect(const openwts_backend *be, const openwts_Caller *caller,
                                 const openwts_ConnectSessionRequest *req)
{
    if (!BACKEND_HAS(be, connect_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    /* Either id may be the current session, not both (WTSConnectSession). */
    if (req->logon_id == OPENWTS_CURRENT_SESSION && req->target_id == OPENWTS_CURRENT_SESSION)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    uint32_t logon_id = resolve_session(caller, req->logon_id);
    uint32_t target_id = resolve_session(caller, req->target_id);
    /* Without a password only the session's own user may take it over; with
     * one, the backend checks it. */
    if (req->password[0] == '\0') {
        openwts_status st = check_own_session(be, caller, "", logon_id);
        if (st)
            return st;
    }
    return be->connect_session(be, caller, logon_id, target_id, req->password, req->wait);
}

openwts_status openwts_dispatch(const openwts_backend *be, const openwts_Request *req,
                                openwts_Reply *rep)
{
    /* The result union is as big as 64 sessions; each operation clears the
     * part it fills, instead of 200 kB of memset per call. */
    rep->status = OPENWTS_OK;
    rep->which_result = 0;
    openwts_status st;
    if (!be || !req)
        st = OPENWTS_ERROR_INVALID_PARAMETER;
    else if (!req->has_caller)
        st = OPENWTS_ERROR_ACCESS_DENIED;
    else {
        const openwts_Caller *caller = &req->caller;
        switch (req->which_op) {
        case openwts_Request_enumerate_sessions_tag:
            st = do_enumerate(be, caller, &req->op.enumerate_sessions, rep);
            break;
        case openwts_Request_query_session_tag:
            st = do_query(be, caller, &req->op.query_session, rep);
            break;
        case openwts_Request_disconnect_session_tag: {
            const openwts_DisconnectSessionRequest *d = &req->op.disconnect_session;
            st = do_session_op(be, be->disconnect_session, caller, d->server, d->session_id, d->wait);
            break;
        }
        case openwts_Request_logoff_session_tag: {
            const openwts_LogoffSessionRequest *l = &req->op.logoff_session;
            st = do_session_op(be, be->logoff_session, caller, l->server, l->session_id, l->wait);
            break;
        }
        case openwts_Request_connect_session_tag:
            st = do_connect(be, caller, &req->op.connect_session);
            break;
        default:
            st = OPENWTS_ERROR_CALL_NOT_IMPLEMENTED; /* an operation newer than us */
            break;
        }
    }
    /* Results are only named on success, so an error carries none. */
    if (st == OPENWTS_OK && rep->which_result == 0)
        rep->which_result = openwts_Reply_done_tag;
    rep->status = st;
    return st;
}
