/* The dispatcher: validates what every backend would otherwise have to
 * (current-session resolution, who may act on whose session), calls the
 * backend's operation and fills the reply.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdint.h>
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
#define SLOT_VERSION_caller_session 4
#define BACKEND_HAS(be, slot) ((be)->version >= SLOT_VERSION_##slot && (be)->slot != NULL)

/* Room a session list starts with; a backend that needs more says so with
 * ERROR_INSUFFICIENT_BUFFER and the count it needs. A list never grows past
 * what a 32-bit count can say, and a backend that keeps asking for more is
 * a backend bug, answered with ERROR_INVALID_DATA. */
#define FIRST_SESSION_ROOM 16u
#define MAX_ENUMERATE_TRIES 8

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
                                   const char *server, openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, enumerate_sessions))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    openwts_EnumerateSessionsReply *out = &rep->result.enumerate_sessions;
    out->sessions = NULL;
    out->sessions_count = 0;
    size_t room = FIRST_SESSION_ROOM;
    for (int tries = 0; tries < MAX_ENUMERATE_TRIES; tries++) {
        /* Each entry the backend reports is written whole by it, so the
         * array is not cleared. */
        openwts_Session *list = realloc(out->sessions, room * sizeof(*list));
        if (!list) {
            free(out->sessions);
            out->sessions = NULL;
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        }
        out->sessions = list;
        size_t count = 0;
        openwts_status st = be->enumerate_sessions(be, caller, server, list, room, &count);
        if (st == OPENWTS_ERROR_INSUFFICIENT_BUFFER && count > room && count <= (pb_size_t)-1 &&
            count <= SIZE_MAX / sizeof(*list)) {
            room = count;
            continue;
        }
        if (st == OPENWTS_OK && count > room)
            st = OPENWTS_ERROR_INVALID_DATA; /* a backend bug, not a crash */
        if (st != OPENWTS_OK) {
            free(out->sessions);
            out->sessions = NULL;
            return st == OPENWTS_ERROR_INSUFFICIENT_BUFFER ? OPENWTS_ERROR_INVALID_DATA : st;
        }
        out->sessions_count = (pb_size_t)count;
        rep->which_result = openwts_Reply_enumerate_sessions_tag;
        return OPENWTS_OK;
    }
    free(out->sessions);
    out->sessions = NULL;
    return OPENWTS_ERROR_INVALID_DATA;
}

static openwts_status do_query(const openwts_backend *be, const openwts_Caller *caller,
                               const char *server, const openwts_QuerySessionRequest *req,
                               openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, query_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    openwts_QuerySessionReply *out = &rep->result.query_session;
    memset(out, 0, sizeof(*out));
    openwts_status st = be->query_session(be, caller, server,
                                          resolve_session(caller, req->session_id), &out->session);
    if (st != OPENWTS_OK)
        return st;
    out->has_session = true;
    rep->which_result = openwts_Reply_query_session_tag;
    return OPENWTS_OK;
}

/* Disconnect and logoff: one session of one server, own sessions only. */
static openwts_status do_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, const openwts_DisconnectSessionRequest *req)
{
    if (!BACKEND_HAS(be, disconnect_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, server, id);
    return st ? st : be->disconnect_session(be, caller, server, id, req->wait);
}

static openwts_status do_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                const char *server, const openwts_LogoffSessionRequest *req)
{
    if (!BACKEND_HAS(be, logoff_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, server, id);
    return st ? st : be->logoff_session(be, caller, server, id, req->wait);
}

/* Taking over a session is for its own user or an administrator. Anyone
 * else must give the session user's password (MicrosoftDocs sdk-api
 * WTSConnectSession: pPassword is the LogonId user's, "" only for the same
 * user), which the backend verifies: the dispatcher never takes a password
 * as proof of anything. */
static openwts_status do_connect(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, const openwts_ConnectSessionRequest *req)
{
    if (!BACKEND_HAS(be, connect_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    /* Either id may be the current session, not both (WTSConnectSession). */
    if (req->logon_id == OPENWTS_CURRENT_SESSION && req->target_id == OPENWTS_CURRENT_SESSION)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    uint32_t logon_id = resolve_session(caller, req->logon_id);
    uint32_t target_id = resolve_session(caller, req->target_id);
    openwts_status st = check_own_session(be, caller, server, logon_id);
    if (st == OPENWTS_ERROR_ACCESS_DENIED && req->password[0] != '\0')
        st = OPENWTS_OK; /* not the caller's: the backend checks the password */
    if (st)
        return st;
    return be->connect_session(be, caller, logon_id, target_id, req->password, req->wait);
}

static openwts_status do_enumerate_processes(const openwts_backend *be, const openwts_Caller *caller,
                                             const char *server,
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
    openwts_status st = be->enumerate_processes(be, caller, server, id, out);
    if (st != OPENWTS_OK) {
        openwts_reply_release(rep);
        rep->which_result = 0;
    }
    return st;
}

static openwts_status do_terminate_process(const openwts_backend *be, const openwts_Caller *caller,
                                           const char *server,
                                           const openwts_TerminateProcessRequest *req)
{
    if (!BACKEND_HAS(be, terminate_process))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    return be->terminate_process(be, caller, server, req->process_id, req->exit_code);
}

/* A message goes to a session the caller may act on, as disconnect does. */
static openwts_status do_send_message(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, const openwts_SendMessageRequest *req,
                                      openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, send_message))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, server, id);
    if (st)
        return st;
    uint32_t response = 0;
    st = be->send_message(be, caller, server, id, req->title ? req->title : "",
                          req->message ? req->message : "", req->style, req->timeout_seconds,
                          req->wait, &response);
    if (st)
        return st;
    rep->result.send_message.response = response;
    rep->which_result = openwts_Reply_send_message_tag;
    return OPENWTS_OK;
}

/* Adding and removing sessions is an administrator's work. */
static openwts_status do_add_session(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, const openwts_AddSessionRequest *req,
                                     openwts_Reply *rep)
{
    if (!BACKEND_HAS(be, add_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    if (!caller->privileged)
        return OPENWTS_ERROR_ACCESS_DENIED;
    openwts_Session blank;
    const openwts_Session *s = req->has_session ? &req->session : memset(&blank, 0, sizeof(blank));
    uint32_t id = 0;
    openwts_status st = be->add_session(be, caller, server, s, &id);
    if (st)
        return st;
    rep->result.add_session.session_id = id;
    rep->which_result = openwts_Reply_add_session_tag;
    return OPENWTS_OK;
}

static openwts_status do_remove_session(const openwts_backend *be, const openwts_Caller *caller,
                                        const char *server, const openwts_RemoveSessionRequest *req)
{
    if (!BACKEND_HAS(be, remove_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    if (!caller->privileged)
        return OPENWTS_ERROR_ACCESS_DENIED;
    return be->remove_session(be, caller, server, resolve_session(caller, req->session_id));
}

/* Locking is the session user's own right, as disconnecting is. */
static openwts_status do_lock_session(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, const openwts_LockSessionRequest *req)
{
    if (!BACKEND_HAS(be, lock_session))
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED;
    uint32_t id = resolve_session(caller, req->session_id);
    openwts_status st = check_own_session(be, caller, server, id);
    return st ? st : be->lock_session(be, caller, server, id, req->lock);
}

static openwts_status serve(const openwts_backend *be, const openwts_Caller *caller,
                            const openwts_Request *req, openwts_Reply *rep)
{
    const char *server = req->server;
    switch (req->which_op) {
    case openwts_Request_enumerate_sessions_tag:
        return do_enumerate(be, caller, server, rep);
    case openwts_Request_query_session_tag:
        return do_query(be, caller, server, &req->op.query_session, rep);
    case openwts_Request_disconnect_session_tag:
        return do_disconnect(be, caller, server, &req->op.disconnect_session);
    case openwts_Request_logoff_session_tag:
        return do_logoff(be, caller, server, &req->op.logoff_session);
    case openwts_Request_connect_session_tag:
        return do_connect(be, caller, server, &req->op.connect_session);
    case openwts_Request_enumerate_processes_tag:
        return do_enumerate_processes(be, caller, server, &req->op.enumerate_processes, rep);
    case openwts_Request_terminate_process_tag:
        return do_terminate_process(be, caller, server, &req->op.terminate_process);
    case openwts_Request_send_message_tag:
        return do_send_message(be, caller, server, &req->op.send_message, rep);
    case openwts_Request_add_session_tag:
        return do_add_session(be, caller, server, &req->op.add_session, rep);
    case openwts_Request_remove_session_tag:
        return do_remove_session(be, caller, server, &req->op.remove_session);
    case openwts_Request_lock_session_tag:
        return do_lock_session(be, caller, server, &req->op.lock_session);
    default:
        return OPENWTS_ERROR_CALL_NOT_IMPLEMENTED; /* an operation newer than us */
    }
}

openwts_status openwts_dispatch(const openwts_backend *be, const openwts_Caller *caller,
                                const openwts_Request *req, openwts_Reply *rep)
{
    /* Each operation clears the part of the result union it fills. */
    rep->status = OPENWTS_OK;
    rep->which_result = 0;
    openwts_status st;
    if (!be || !req)
        st = OPENWTS_ERROR_INVALID_PARAMETER;
    else if (!caller)
        st = OPENWTS_ERROR_ACCESS_DENIED; /* nobody known is calling */
    else
        st = serve(be, caller, req, rep);
    /* Results are only named on success, so an error carries none. */
    if (st == OPENWTS_OK && rep->which_result == 0)
        rep->which_result = openwts_Reply_done_tag;
    rep->status = st;
    return st;
}
