/* The dispatcher: validates what every backend would otherwise have to
 * (current-session resolution, who may act on whose session), calls the
 * backend's operation and fills the reply.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "openwts/dispatch.h"

/* The version that brought each slot: a backend written for an older
 * version has a shorter struct, so its version is checked before the slot
 * is read at all. */
#define SLOT_VERSION_enumerate_sessions 1
#define SLOT_VERSION_query_session 1
#define SLOT_VERSION_disconnect_session 1
#define SLOT_VERSION_logoff_session 1
#define SLOT_VERSION_connect_session 1
#define SLOT_VERSION_enumerate_processes 2
#define SLOT_VERSION_terminate_process 2
#define SLOT_VERSION_send_message 2
#define SLOT_VERSION_set_event_sink 3
#define SLOT_VERSION_add_session 3
#define SLOT_VERSION_remove_session 3
#define SLOT_VERSION_lock_session 3
#define BACKEND_HAS(be, slot) ((be)->version >= SLOT_VERSION_##slot && (be)->slot != NULL)

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
static openwts_status do_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                    const openwts_DisconnectSessionRequest *req)
{
    if (!BACKEND_HAS(be, disconnect_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, req->server, id);
    return st ? st : be->disconnect_session(be, caller, req->server, id, req->wait);
}

static openwts_status do_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                const openwts_LogoffSessionRequest *req)
{
    if (!BACKEND_HAS(be, logoff_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, req->server, id);
    return st ? st : be->logoff_session(be, caller, req->server, id, req->wait);
}

static openwts_status do_enumerate_processes(const openwts_backend *be, const openwts_Caller *caller,
                                             const openwts_EnumerateProcessesRequest *req,
                                             openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, enumerate_processes))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    openwts_EnumerateProcessesReply *out = &rep->result.enumerate_processes;
    out->processes = NULL;
    out->processes_count = 0;
    rep->which_result = openwts_Reply_enumerate_processes_tag;
    uint32_t id = req->session_id == OPENWTS_ANY_SESSION ? OPENWTS_ANY_SESSION
                                                         : resolve_session(caller, req->session_id);
    openwts_status st = be->enumerate_processes(be, caller, req->server, id, out);
    if (st != OPENWTS_OK) {
        openwts_reply_release(rep);
        rep->which_result = 0;
    }
    return st;
}

static openwts_status do_terminate_process(const openwts_backend *be, const openwts_Caller *caller,
                                           const openwts_TerminateProcessRequest *req)
{
    if (!BACKEND_HAS(be, terminate_process))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    return be->terminate_process(be, caller, req->server, req->process_id, req->exit_code);
}

/* A message goes to a session the caller may act on, as disconnect does. */
static openwts_status do_send_message(const openwts_backend *be, const openwts_Caller *caller,
                                      const openwts_SendMessageRequest *req, openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, send_message))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, req->server, id);
    if (st)
        return st;
    uint32_t response = 0;
    st = be->send_message(be, caller, req->server, id, req->title ? req->title : "",
                          req->message ? req->message : "", req->style, req->timeout_seconds,
                          req->wait, &response);
    if (st)
        return st;
    rep->result.send_message.response = response;
    rep->which_result = openwts_Reply_send_message_tag;
    return OPENWTS_OK;
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
        case openwts_Request_disconnect_session_tag:
            st = do_disconnect(be, caller, &req->op.disconnect_session);
            break;
        case openwts_Request_logoff_session_tag:
            st = do_logoff(be, caller, &req->op.logoff_session);
            break;
        case openwts_Request_connect_session_tag:
            st = do_connect(be, caller, &req->op.connect_session);
            break;
        case openwts_Request_enumerate_processes_tag:
            st = do_enumerate_processes(be, caller, &req->op.enumerate_processes, rep);
            break;
        case openwts_Request_terminate_process_tag:
            st = do_terminate_process(be, caller, &req->op.terminate_process);
            break;
        case openwts_Request_send_message_tag:
            st = do_send_message(be, caller, &req->op.send_message, rep);
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
