/* Fuzz target: openwts_request_decode. Whatever decodes must be well formed,
 * encode again, decode to an equal struct and encode to the same bytes.
 * A decoded request is then served by the dispatcher, for each of a few
 * callers (the host's word: never anything in the request), against a
 * small deterministic backend, with one reply reused across inputs as the
 * DLL does, and the dispatcher's promises are checked: unprivileged callers
 * act only on their own sessions and never administer, session lists of any
 * length (a backend asking for more room, or claiming more than it had), no
 * result with an error, and a reply that encodes and decodes back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

#include "openwts/dispatch.h"
#include "openwts/utf8.h"

/* ---- a backend whose answers depend only on the ids and the server -------- */

static const char *owner_of(uint32_t id)
{
    static const char *users[] = { "alice", "Bob", "", "carol", "\xC3\x89ve" };
    return users[id % 5];
}

static void describe(openwts_Session *s, uint32_t id)
{
    memset(s, 0, sizeof(*s));
    s->id = id;
    s->state = id % 10;
    OPENWTS_SET_STRING(s->user, owner_of(id));
    OPENWTS_SET_STRING(s->win_station, id == 0 ? "Services" : "Console");
}

/* The sessions a server has: up to past 64, and past the dispatcher's
 * first room. (Not many more: the reply is decoded again, and nanopb grows
 * a decoded list one entry at a time, which under AddressSanitizer copies
 * the whole list each time.) */
static size_t sessions_of(const char *server)
{
    return (strlen(server) * 37 + (unsigned char)server[0]) % 90;
}

/* The last call the backend got. */
static struct {
    int called;
    uint32_t id, target;
} last;

/* A server name saying how the backend behaves: 'x' unreachable, 'b' a
 * buggy count (more than the room), 'm' asks for more room every time. */
static openwts_status be_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, openwts_Session *out, size_t max,
                                   size_t *count)
{
    (void)be;
    (void)caller;
    FUZZ_CHECK(out != NULL && max > 0);
    if (server[0] == 'x')
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    if (server[0] == 'm') {
        *count = max + 1;
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    }
    size_t n = sessions_of(server);
    for (size_t i = 0; i < n && i < max; i++)
        describe(&out[i], (uint32_t)i); /* writing all `max` checks the room (ASan) */
    if (server[0] == 'b') {
        *count = max + 1;
        return OPENWTS_OK;
    }
    *count = n;
    return n > max ? OPENWTS_ERROR_INSUFFICIENT_BUFFER : OPENWTS_OK;
}

static openwts_status be_query(const openwts_backend *be, const openwts_Caller *caller,
                               const char *server, uint32_t id, openwts_Session *out)
{
    (void)be;
    (void)caller;
    if (server[0] == 'x')
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    if (id % 7 == 6)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    out->id = id; /* a partial fill: the dispatcher clears the rest */
    OPENWTS_SET_STRING(out->user, owner_of(id));
    return OPENWTS_OK;
}

static openwts_status be_action(uint32_t id)
{
    last.called++;
    last.id = id;
    return id % 11 == 10 ? OPENWTS_ERROR_NOT_SUPPORTED : OPENWTS_OK;
}

static openwts_status be_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, uint32_t id, bool wait)
{
    (void)be;
    (void)caller;
    (void)server;
    (void)wait;
    return be_action(id);
}

static openwts_status be_connect(const openwts_backend *be, const openwts_Caller *caller,
                                 uint32_t logon_id, uint32_t target_id, const char *password,
                                 bool wait)
{
    (void)be;
    (void)wait;
    FUZZ_CHECK(logon_id != OPENWTS_CURRENT_SESSION || caller->session_id == OPENWTS_CURRENT_SESSION);
    FUZZ_CHECK(target_id != OPENWTS_CURRENT_SESSION || caller->session_id == OPENWTS_CURRENT_SESSION);
    last.target = target_id;
    if (password[0] && strcmp(password, "right") != 0)
        return OPENWTS_ERROR_LOGON_FAILURE;
    return be_action(logon_id);
}

static openwts_status be_processes(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t session_id,
                                   openwts_EnumerateProcessesReply *out)
{
    (void)be;
    (void)caller;
    (void)server;
    last.called++;
    last.id = session_id;
    size_t n = session_id == OPENWTS_ANY_SESSION ? 70 : session_id % 5 * 20; /* past 64: the list grows */
    for (size_t i = 0; i < n; i++) {
        openwts_Process *p = openwts_process_list_add(out);
        if (!p)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        p->process_id = (uint32_t)(4 * (i + 1));
        p->session_id = session_id;
        OPENWTS_SET_STRING(p->name, "prog.exe");
    }
    return session_id % 13 == 12 ? OPENWTS_ERROR_NOT_SUPPORTED : OPENWTS_OK; /* after appending */
}

static openwts_status be_terminate(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t process_id, uint32_t exit_code)
{
    (void)be;
    (void)caller;
    (void)server;
    (void)exit_code;
    return be_action(process_id);
}

static openwts_status be_message(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, uint32_t session_id, const char *title,
                                 const char *message, uint32_t style, uint32_t timeout_seconds,
                                 bool wait, uint32_t *response)
{
    (void)be;
    (void)caller;
    (void)server;
    (void)style;
    (void)timeout_seconds;
    FUZZ_CHECK(title != NULL && message != NULL);
    (void)strlen(title);
    (void)strlen(message);
    *response = wait ? 1u : OPENWTS_IDASYNC;
    return be_action(session_id);
}

static openwts_status be_add(const openwts_backend *be, const openwts_Caller *caller,
                             const char *server, const openwts_Session *session, uint32_t *id)
{
    (void)be;
    (void)caller;
    (void)server;
    FUZZ_CHECK(fuzz_session_ok(session));
    openwts_status st = be_action(session->id);
    if (st == OPENWTS_OK)
        *id = session->id ? session->id : 1000;
    return st;
}

static openwts_status be_remove(const openwts_backend *be, const openwts_Caller *caller,
                                const char *server, uint32_t session_id)
{
    (void)be;
    (void)caller;
    (void)server;
    return be_action(session_id);
}

static openwts_status be_lock(const openwts_backend *be, const openwts_Caller *caller,
                              const char *server, uint32_t session_id, bool lock)
{
    (void)be;
    (void)caller;
    (void)server;
    (void)lock;
    return be_action(session_id);
}

static const openwts_backend fuzz_backend = {
    .version = OPENWTS_BACKEND_VERSION,
    .name = "fuzz",
    .enumerate_sessions = be_enumerate,
    .query_session = be_query,
    .disconnect_session = be_disconnect,
    .logoff_session = be_disconnect,
    .connect_session = be_connect,
    .enumerate_processes = be_processes,
    .terminate_process = be_terminate,
    .send_message = be_message,
    .add_session = be_add,
    .remove_session = be_remove,
    .lock_session = be_lock,
};

/* Who calls: as the host would say, never the request. */
static const openwts_Caller callers[] = {
    { .session_id = 3, .process_id = 100, .user = "carol", .domain = "WORKGROUP" },
    { .session_id = 1, .process_id = 101, .user = "BOB", .domain = "CORP" },
    { .session_id = 2, .process_id = 102, .user = "", .domain = "" },
    { .session_id = 0, .process_id = 4, .user = "root", .domain = "", .privileged = true },
};

static bool same_user(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z') ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z') cb += 'a' - 'A';
        if (ca != cb)
            return false;
        if (!ca)
            return true;
    }
}

/* The caller may act on session `id`: an administrator, or its own user. */
static bool may_act_on(const openwts_Caller *c, uint32_t id)
{
    return c->privileged || (owner_of(id)[0] && same_user(owner_of(id), c->user));
}

static uint32_t resolved(const openwts_Caller *c, uint32_t id)
{
    return id == OPENWTS_CURRENT_SESSION ? c->session_id : id;
}

static void check_dispatch(const openwts_Request *req, const openwts_Caller *c)
{
    static openwts_Reply *rep; /* reused, never cleared: as the DLL's spare reply */
    static openwts_Reply *back;
    static uint8_t wire[OPENWTS_FRAME_MAX];
    if (!rep) {
        rep = malloc(sizeof(*rep));
        back = malloc(sizeof(*back));
        FUZZ_CHECK(rep && back);
        memset(rep, 0xA5, sizeof(*rep));
    }
    memset(&last, 0, sizeof(last));
    openwts_status st = openwts_dispatch(&fuzz_backend, c, req, rep);
    FUZZ_CHECK(st == rep->status);
    if (st != OPENWTS_OK)
        FUZZ_CHECK(rep->which_result == 0);
    else
        FUZZ_CHECK(rep->which_result != 0);
    const char *server = req->server;
    switch (req->which_op) {
    case 0:
        FUZZ_CHECK(st == OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        break;
    case openwts_Request_enumerate_sessions_tag:
        if (server[0] == 'x')
            FUZZ_CHECK(st == OPENWTS_RPC_S_SERVER_UNAVAILABLE);
        else if (server[0] == 'b' || server[0] == 'm')
            FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_DATA);
        else
            FUZZ_CHECK(st == OPENWTS_OK);
        if (st == OPENWTS_OK) {
            const openwts_EnumerateSessionsReply *l = &rep->result.enumerate_sessions;
            FUZZ_CHECK(rep->which_result == openwts_Reply_enumerate_sessions_tag);
            FUZZ_CHECK(l->sessions_count == sessions_of(server));
            for (pb_size_t i = 0; i < l->sessions_count; i++)
                FUZZ_CHECK(l->sessions[i].id == i && strcmp(l->sessions[i].user, owner_of(i)) == 0);
        }
        break;
    case openwts_Request_query_session_tag:
        if (st == OPENWTS_OK) {
            FUZZ_CHECK(rep->result.query_session.has_session);
            FUZZ_CHECK(rep->result.query_session.session.id == resolved(c, req->op.query_session.session_id));
            FUZZ_CHECK(rep->result.query_session.session.host[0] == '\0'); /* cleared */
        }
        break;
    case openwts_Request_disconnect_session_tag:
    case openwts_Request_logoff_session_tag:
    case openwts_Request_lock_session_tag:
    case openwts_Request_send_message_tag: {
        uint32_t id = req->which_op == openwts_Request_disconnect_session_tag ? req->op.disconnect_session.session_id
                    : req->which_op == openwts_Request_logoff_session_tag ? req->op.logoff_session.session_id
                    : req->which_op == openwts_Request_lock_session_tag ? req->op.lock_session.session_id
                    : req->op.send_message.session_id;
        id = resolved(c, id);
        if (last.called) {
            FUZZ_CHECK(last.id == id);
            FUZZ_CHECK(may_act_on(c, id)); /* only one's own, non-empty, session */
        }
        if (st == OPENWTS_OK && req->which_op == openwts_Request_send_message_tag)
            FUZZ_CHECK(rep->result.send_message.response == (req->op.send_message.wait ? 1u : OPENWTS_IDASYNC));
        break;
    }
    case openwts_Request_connect_session_tag: {
        const openwts_ConnectSessionRequest *cs = &req->op.connect_session;
        if (cs->logon_id == OPENWTS_CURRENT_SESSION && cs->target_id == OPENWTS_CURRENT_SESSION) {
            FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_PARAMETER && last.called == 0);
            break;
        }
        uint32_t id = resolved(c, cs->logon_id);
        if (last.called) {
            FUZZ_CHECK(last.id == id);
            FUZZ_CHECK(last.target == resolved(c, cs->target_id));
            if (!cs->password[0])
                FUZZ_CHECK(may_act_on(c, id));
        }
        break;
    }
    case openwts_Request_enumerate_processes_tag: {
        uint32_t id = req->op.enumerate_processes.session_id;
        id = id == OPENWTS_ANY_SESSION ? id : resolved(c, id);
        FUZZ_CHECK(last.called == 1 && last.id == id);
        if (id != OPENWTS_ANY_SESSION && id % 13 == 12)
            FUZZ_CHECK(st == OPENWTS_ERROR_NOT_SUPPORTED);
        if (st == OPENWTS_OK)
            FUZZ_CHECK(rep->result.enumerate_processes.processes_count
                       == (id == OPENWTS_ANY_SESSION ? 70 : id % 5 * 20));
        break;
    }
    case openwts_Request_terminate_process_tag:
        FUZZ_CHECK(last.called == 1 && last.id == req->op.terminate_process.process_id);
        break;
    case openwts_Request_add_session_tag:
    case openwts_Request_remove_session_tag:
        /* administrators only, whatever the session */
        if (!c->privileged)
            FUZZ_CHECK(st == OPENWTS_ERROR_ACCESS_DENIED && last.called == 0);
        else
            FUZZ_CHECK(last.called == 1);
        if (st == OPENWTS_OK && req->which_op == openwts_Request_add_session_tag) {
            uint32_t want = req->op.add_session.has_session ? req->op.add_session.session.id : 0;
            FUZZ_CHECK(rep->result.add_session.session_id == (want ? want : 1000));
        }
        if (req->which_op == openwts_Request_remove_session_tag && last.called)
            FUZZ_CHECK(last.id == resolved(c, req->op.remove_session.session_id));
        break;
    default:
        FUZZ_CHECK(0);
    }
    /* The reply goes on the wire and comes back the same. */
    size_t n = 0;
    FUZZ_CHECK(openwts_reply_encode(rep, wire, sizeof(wire), &n) == OPENWTS_OK);
    FUZZ_CHECK(openwts_reply_decode(wire, n, back) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_reply_eq(rep, back));
    openwts_reply_release(back);
    openwts_reply_release(rep);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static openwts_Request a, b;
    static uint8_t enc1[OPENWTS_FRAME_MAX], enc2[OPENWTS_FRAME_MAX];

    openwts_status st = openwts_request_decode(data, size, &a);
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA);
    if (st != OPENWTS_OK)
        return 0;
    FUZZ_CHECK(fuzz_request_ok(&a));

    size_t n1 = 0, n2 = 0;
    st = openwts_request_encode(&a, enc1, sizeof(enc1), &n1);
    /* Only an input near a frame's size can encode past one: texts as long
     * as it made them, and 5-byte negative int32 varints written back in
     * their 10-byte form at most double. */
    FUZZ_CHECK(st == OPENWTS_OK || (st == OPENWTS_ERROR_INSUFFICIENT_BUFFER && size > sizeof(enc1) / 2));
    if (st == OPENWTS_OK) {
        memset(&b, 0x5A, sizeof(b));
        FUZZ_CHECK(openwts_request_decode(enc1, n1, &b) == OPENWTS_OK);
        FUZZ_CHECK(fuzz_request_eq(&a, &b));
        FUZZ_CHECK(openwts_request_encode(&b, enc2, sizeof(enc2), &n2) == OPENWTS_OK);
        FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);
        openwts_request_release(&b);
    }

    for (size_t i = 0; i < sizeof(callers) / sizeof(callers[0]); i++)
        check_dispatch(&a, &callers[i]);
    openwts_request_release(&a);
    return 0;
}
