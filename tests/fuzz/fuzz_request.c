/* Fuzz target: openwts_request_decode. Whatever decodes must be well formed,
 * encode again, decode to an equal struct and encode to the same bytes.
 * A decoded request is then served by the dispatcher against a small
 * deterministic backend, with one reply reused across inputs as the DLL
 * does, and the dispatcher's promises are checked: only the caller's own
 * sessions for an unprivileged caller, no result with an error, and a
 * reply that encodes and decodes back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

#include "openwts/dispatch.h"
#include "openwts/utf8.h"

/* ---- a backend whose answers depend only on the ids ---------------------- */

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

static openwts_status be_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, openwts_Session *out, size_t max,
                                   size_t *count)
{
    (void)be;
    FUZZ_CHECK(max == OPENWTS_MAX_SESSIONS);
    if (server[0] == 'x')
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    size_t n = caller->process_id % 70; /* sometimes more than fits: a buggy backend */
    for (size_t i = 0; i < n && i < max; i++)
        describe(&out[i], (uint32_t)i);
    *count = n;
    return OPENWTS_OK;
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

/* The last action the backend was asked to do. */
static struct {
    int called;
    uint32_t id, target;
} last;

static openwts_status be_action(const openwts_Caller *caller, uint32_t id)
{
    (void)caller;
    last.called++;
    last.id = id;
    return id % 11 == 10 ? OPENWTS_ERROR_NOT_SUPPORTED : OPENWTS_OK;
}

static openwts_status be_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, uint32_t id, bool wait)
{
    (void)be;
    (void)server;
    (void)wait;
    return be_action(caller, id);
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
    return be_action(caller, logon_id);
}

static const openwts_backend fuzz_backend = {
    .version = OPENWTS_BACKEND_VERSION,
    .name = "fuzz",
    .enumerate_sessions = be_enumerate,
    .query_session = be_query,
    .disconnect_session = be_disconnect,
    .logoff_session = be_disconnect,
    .connect_session = be_connect,
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

static void check_dispatch(const openwts_Request *req)
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
    openwts_status st = openwts_dispatch(&fuzz_backend, req, rep);
    FUZZ_CHECK(st == rep->status);
    if (st != OPENWTS_OK)
        FUZZ_CHECK(rep->which_result == 0);
    else
        FUZZ_CHECK(rep->which_result != 0);
    if (!req->has_caller) {
        FUZZ_CHECK(st == OPENWTS_ERROR_ACCESS_DENIED && last.called == 0);
        return;
    }
    const openwts_Caller *c = &req->caller;
    uint32_t cur = c->session_id;
    switch (req->which_op) {
    case 0:
        FUZZ_CHECK(st == OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        break;
    case openwts_Request_enumerate_sessions_tag:
        if (c->process_id % 70 > OPENWTS_MAX_SESSIONS && req->op.enumerate_sessions.server[0] != 'x')
            FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_DATA);
        if (st == OPENWTS_OK)
            FUZZ_CHECK(rep->result.enumerate_sessions.sessions_count == c->process_id % 70);
        break;
    case openwts_Request_query_session_tag: {
        uint32_t id = req->op.query_session.session_id;
        if (id == OPENWTS_CURRENT_SESSION)
            id = cur;
        if (st == OPENWTS_OK) {
            FUZZ_CHECK(rep->result.query_session.has_session);
            FUZZ_CHECK(rep->result.query_session.session.id == id);
            FUZZ_CHECK(rep->result.query_session.session.host[0] == '\0'); /* cleared */
        }
        break;
    }
    case openwts_Request_disconnect_session_tag:
    case openwts_Request_logoff_session_tag: {
        uint32_t id = req->which_op == openwts_Request_disconnect_session_tag
                          ? req->op.disconnect_session.session_id
                          : req->op.logoff_session.session_id;
        if (id == OPENWTS_CURRENT_SESSION)
            id = cur;
        if (last.called) {
            FUZZ_CHECK(last.id == id);
            if (!c->privileged) /* only one's own, non-empty, session */
                FUZZ_CHECK(owner_of(id)[0] && same_user(owner_of(id), c->user));
        }
        break;
    }
    case openwts_Request_connect_session_tag: {
        const openwts_ConnectSessionRequest *cs = &req->op.connect_session;
        if (cs->logon_id == OPENWTS_CURRENT_SESSION && cs->target_id == OPENWTS_CURRENT_SESSION) {
            FUZZ_CHECK(st == OPENWTS_ERROR_INVALID_PARAMETER && last.called == 0);
            break;
        }
        uint32_t id = cs->logon_id == OPENWTS_CURRENT_SESSION ? cur : cs->logon_id;
        if (last.called) {
            FUZZ_CHECK(last.id == id);
            FUZZ_CHECK(last.target == (cs->target_id == OPENWTS_CURRENT_SESSION ? cur : cs->target_id));
            if (!c->privileged && !cs->password[0])
                FUZZ_CHECK(owner_of(id)[0] && same_user(owner_of(id), c->user));
        }
        break;
    }
    case openwts_Request_enumerate_processes_tag:
    case openwts_Request_terminate_process_tag:
    case openwts_Request_send_message_tag:
        /* this backend has none of the version-2 slots */
        FUZZ_CHECK(st == OPENWTS_ERROR_CALL_NOT_IMPLEMENTED && last.called == 0);
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
    FUZZ_CHECK(openwts_request_encode(&a, enc1, sizeof(enc1), &n1) == OPENWTS_OK);
    FUZZ_CHECK(n1 <= OPENWTS_FRAME_MAX);
    memset(&b, 0x5A, sizeof(b));
    FUZZ_CHECK(openwts_request_decode(enc1, n1, &b) == OPENWTS_OK);
    FUZZ_CHECK(fuzz_request_eq(&a, &b));
    FUZZ_CHECK(openwts_request_encode(&b, enc2, sizeof(enc2), &n2) == OPENWTS_OK);
    FUZZ_CHECK(n1 == n2 && memcmp(enc1, enc2, n1) == 0);

    check_dispatch(&a);
    openwts_request_release(&a);
    openwts_request_release(&b);
    return 0;
}
