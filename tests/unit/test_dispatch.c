/* The dispatcher and the backend registry, against a fake backend that
 * records every argument it receives: current-session resolution, who may
 * act on whose session, missing slots and versions, how results and errors
 * reach the reply, session lists of any length. The caller is the host's
 * word (a test-global here), passed beside the request, never inside it.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/codec.h"
#include "openwts/dispatch.h"
#include "openwts/utf8.h"

/* ---- the fake backend ------------------------------------------------- */

struct fake_session {
    uint32_t id;
    const char *user;
};

struct fake {
    /* what to answer */
    openwts_status ret_enum, ret_query, ret_disconnect, ret_logoff, ret_connect;
    size_t enum_count;           /* the sessions enumerate has */
    enum {
        ENUM_ASKS,               /* too little room: INSUFFICIENT_BUFFER, the count it needs */
        ENUM_OVERCLAIMS,         /* a bug: OK with a count past the room (max + enum_over) */
        ENUM_ALWAYS_MORE,        /* a bug: INSUFFICIENT_BUFFER with max + 1, every time */
        ENUM_ASKS_FOR,           /* a bug: INSUFFICIENT_BUFFER with enum_asked_for */
    } enum_mode;
    size_t enum_over, enum_asked_for;
    openwts_status ret_enum_grown; /* ENUM_ASKS: the answer once given more room */
    bool query_fill_on_error;    /* write into *out before failing */
    struct fake_session sessions[8];
    size_t nsessions;
    /* what it received */
    int n_enum, n_query, n_disconnect, n_logoff, n_connect;
    const openwts_Caller *caller;
    char server[300];            /* of the last enumerate/disconnect/logoff */
    char query_server[300];
    uint32_t query_id;
    size_t max;                  /* of the last enumerate */
    size_t maxes[16];            /* of each enumerate (the first 16) */
    uint32_t session_id;         /* of the last disconnect/logoff */
    bool wait;
    uint32_t logon_id, target_id;
    char password[300];
    const openwts_backend *be;   /* the table it was called through */
};

static struct fake F;

static void fake_record(const openwts_backend *be, const openwts_Caller *caller)
{
    F.be = be;
    F.caller = caller;
}

static const struct fake_session *fake_lookup(uint32_t id)
{
    for (size_t i = 0; i < F.nsessions; i++)
        if (F.sessions[i].id == id)
            return &F.sessions[i];
    return NULL;
}

/* Sets a few fields only: the dispatcher clears a query's session. */
static void fake_fill(openwts_Session *s, uint32_t id, const char *user)
{
    s->id = id;
    s->state = OPENWTS_STATE_ACTIVE;
    OPENWTS_SET_STRING(s->user, user);
    OPENWTS_SET_STRING(s->win_station, "Console");
    s->logon_time = 133000000000000000;
}

static openwts_status fake_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, openwts_Session *out, size_t max,
                                     size_t *count)
{
    fake_record(be, caller);
    if (F.n_enum < 16)
        F.maxes[F.n_enum] = max;
    F.n_enum++;
    F.max = max;
    OPENWTS_SET_STRING(F.server, server);
    assert_non_null(out);
    for (size_t i = 0; i < F.enum_count && i < max; i++) {
        /* an entry a backend lists is whole (dispatch.c does not clear them);
         * writing all `max` of them makes AddressSanitizer check the room */
        memset(&out[i], 0, sizeof(out[i]));
        fake_fill(&out[i], (uint32_t)(100 + i), "someone");
    }
    switch (F.enum_mode) {
    case ENUM_ASKS:
        *count = F.enum_count;
        if (F.ret_enum == OPENWTS_OK && F.enum_count > max)
            return OPENWTS_ERROR_INSUFFICIENT_BUFFER; /* backend.h: the count it needs */
        if (F.n_enum > 1 && F.ret_enum_grown)
            return F.ret_enum_grown;
        return F.ret_enum;
    case ENUM_OVERCLAIMS:
        *count = F.enum_over == (size_t)-1 ? (size_t)-1 : max + F.enum_over;
        return OPENWTS_OK;
    case ENUM_ALWAYS_MORE:
        *count = max + 1;
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    default:
        *count = F.enum_asked_for;
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    }
}

static openwts_status fake_query(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, uint32_t session_id, openwts_Session *out)
{
    fake_record(be, caller);
    F.n_query++;
    F.query_id = session_id;
    OPENWTS_SET_STRING(F.query_server, server);
    if (F.ret_query != OPENWTS_OK) {
        if (F.query_fill_on_error)
            fake_fill(out, session_id, "half-written");
        return F.ret_query;
    }
    const struct fake_session *s = fake_lookup(session_id);
    if (!s)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    fake_fill(out, s->id, s->user);
    return OPENWTS_OK;
}

/* Disconnect and logoff take the same arguments; each counts its own calls. */
static openwts_status fake_session_op(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, uint32_t session_id, bool wait,
                                      int *calls, openwts_status ret)
{
    fake_record(be, caller);
    (*calls)++;
    OPENWTS_SET_STRING(F.server, server);
    F.session_id = session_id;
    F.wait = wait;
    return ret;
}

static openwts_status fake_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, uint32_t session_id, bool wait)
{
    return fake_session_op(be, caller, server, session_id, wait, &F.n_disconnect, F.ret_disconnect);
}

static openwts_status fake_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t session_id, bool wait)
{
    return fake_session_op(be, caller, server, session_id, wait, &F.n_logoff, F.ret_logoff);
}

static openwts_status fake_connect(const openwts_backend *be, const openwts_Caller *caller,
                                   uint32_t logon_id, uint32_t target_id, const char *password,
                                   bool wait)
{
    fake_record(be, caller);
    F.n_connect++;
    F.logon_id = logon_id;
    F.target_id = target_id;
    OPENWTS_SET_STRING(F.password, password);
    F.wait = wait;
    return F.ret_connect;
}

static const openwts_backend fake_backend = {
    .version = OPENWTS_BACKEND_VERSION,
    .name = "fake",
    .data = &F,
    .enumerate_sessions = fake_enumerate,
    .query_session = fake_query,
    .disconnect_session = fake_disconnect,
    .logoff_session = fake_logoff,
    .connect_session = fake_connect,
};

static int total_calls(void)
{
    return F.n_enum + F.n_query + F.n_disconnect + F.n_logoff + F.n_connect;
}

/* ---- requests and replies --------------------------------------------- */

#define CALLER_SESSION 5u
#define NO_SUCH_SESSION 42u

static openwts_Caller caller; /* who the host says is calling */
static openwts_Request req;
static openwts_Reply *rep; /* several kB: on the heap, as the DLL's */

static int setup(void **state)
{
    (void)state;
    memset(&F, 0, sizeof(F));
    F.sessions[0] = (struct fake_session){ 1, "Alice" };
    F.sessions[1] = (struct fake_session){ 2, "bob" };
    F.sessions[2] = (struct fake_session){ 3, "" };              /* nobody logged on */
    F.sessions[3] = (struct fake_session){ CALLER_SESSION, "carol" };
    F.sessions[4] = (struct fake_session){ 6, "\xC3\x89ve" };    /* Éve */
    F.sessions[5] = (struct fake_session){ 7, "carolx" };
    F.nsessions = 6;

    memset(&req, 0, sizeof(req));
    memset(&caller, 0, sizeof(caller));
    caller.session_id = CALLER_SESSION;
    caller.process_id = 4242;
    OPENWTS_SET_STRING(caller.user, "CaRoL");
    OPENWTS_SET_STRING(caller.domain, "WORKGROUP");
    caller.privileged = false;

    rep = malloc(sizeof(*rep));
    if (!rep)
        return -1;
    memset(rep, 0xA5, sizeof(*rep)); /* the dispatcher must clear it */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(rep);
    rep = NULL;
    return 0;
}

static void set_user(const char *user, bool privileged)
{
    OPENWTS_SET_STRING(caller.user, user);
    caller.privileged = privileged;
}

static void op_enumerate(const char *server)
{
    req.which_op = openwts_Request_enumerate_sessions_tag;
    memset(&req.op, 0, sizeof(req.op));
    OPENWTS_SET_STRING(req.server, server);
}

static void op_query(const char *server, uint32_t id)
{
    req.which_op = openwts_Request_query_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    OPENWTS_SET_STRING(req.server, server);
    req.op.query_session.session_id = id;
}

static void op_disconnect(const char *server, uint32_t id, bool wait)
{
    req.which_op = openwts_Request_disconnect_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    OPENWTS_SET_STRING(req.server, server);
    req.op.disconnect_session.session_id = id;
    req.op.disconnect_session.wait = wait;
}

static void op_logoff(const char *server, uint32_t id, bool wait)
{
    req.which_op = openwts_Request_logoff_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    OPENWTS_SET_STRING(req.server, server);
    req.op.logoff_session.session_id = id;
    req.op.logoff_session.wait = wait;
}

static void op_connect(uint32_t logon, uint32_t target, const char *password, bool wait)
{
    req.which_op = openwts_Request_connect_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.connect_session.logon_id = logon;
    req.op.connect_session.target_id = target;
    OPENWTS_SET_STRING(req.op.connect_session.password, password);
    req.op.connect_session.wait = wait;
}

/* The three actions on one session, by index, for loops over all of them. */
enum action { DISCONNECT, LOGOFF, CONNECT, N_ACTIONS };

static void op_action(enum action a, uint32_t id)
{
    switch (a) {
    case DISCONNECT: op_disconnect("", id, false); break;
    case LOGOFF: op_logoff("", id, false); break;
    case CONNECT: op_connect(id, 1, "", false); break;
    default: fail();
    }
}

static int action_calls(enum action a)
{
    return a == DISCONNECT ? F.n_disconnect : a == LOGOFF ? F.n_logoff : F.n_connect;
}

static void reset_counts(void)
{
    F.n_enum = F.n_query = F.n_disconnect = F.n_logoff = F.n_connect = 0;
    F.caller = NULL;
    F.be = NULL;
}

static openwts_status dispatch(const openwts_backend *be)
{
    openwts_status st = openwts_dispatch(be, &caller, &req, rep);
    assert_int_equal(rep->status, st);
    return st;
}

/* No result with an error: which_result is 0 (dispatch.h: the rest of the
 * union is not touched, so it is not compared), and on the wire the reply
 * is the status alone. */
static void assert_result_zeroed(void)
{
    assert_int_equal(rep->which_result, 0);
    uint8_t wire[64], want[16];
    size_t len = 0, n = 0;
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    if (rep->status) { /* field 1, varint */
        want[n++] = 0x08;
        for (uint32_t v = rep->status; ; v >>= 7) {
            want[n++] = (uint8_t)((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
            if (v <= 0x7F)
                break;
        }
    }
    assert_int_equal(len, n);
    assert_memory_equal(wire, want, n);
}

/* ---- WTS_CURRENT_SESSION ----------------------------------------------- */

static void query_current_session_resolves_to_caller(void **state)
{
    (void)state;
    op_query("srv", OPENWTS_CURRENT_SESSION);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_query, 1);
    assert_int_equal(F.query_id, CALLER_SESSION);
    assert_string_equal(F.query_server, "srv");
    assert_int_equal(rep->which_result, openwts_Reply_query_session_tag);
    assert_true(rep->result.query_session.has_session);
    assert_int_equal(rep->result.query_session.session.id, CALLER_SESSION);
    assert_string_equal(rep->result.query_session.session.user, "carol");
}

static void query_explicit_session_passes_through(void **state)
{
    (void)state;
    op_query("", 2);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.query_id, 2);
    assert_string_equal(F.query_server, "");
    assert_string_equal(rep->result.query_session.session.user, "bob");
    /* WTS_ANY_SESSION is not WTS_CURRENT_SESSION: not resolved. */
    op_query("", OPENWTS_ANY_SESSION);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_int_equal(F.query_id, OPENWTS_ANY_SESSION);
}

static void disconnect_current_session_resolves_to_caller(void **state)
{
    (void)state;
    op_disconnect("srv", OPENWTS_CURRENT_SESSION, true);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_disconnect, 1);
    assert_int_equal(F.session_id, CALLER_SESSION);
    assert_string_equal(F.server, "srv");
    assert_true(F.wait);
    /* the ownership check looked at the resolved session on the same server */
    assert_int_equal(F.query_id, CALLER_SESSION);
    assert_string_equal(F.query_server, "srv");
}

static void logoff_current_session_resolves_to_caller(void **state)
{
    (void)state;
    op_logoff("srv2", OPENWTS_CURRENT_SESSION, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_logoff, 1);
    assert_int_equal(F.session_id, CALLER_SESSION);
    assert_string_equal(F.server, "srv2");
    assert_false(F.wait);
    assert_int_equal(F.query_id, CALLER_SESSION);
}

static void connect_current_logon_resolves_to_caller(void **state)
{
    (void)state;
    op_connect(OPENWTS_CURRENT_SESSION, 1, "", true);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_connect, 1);
    assert_int_equal(F.logon_id, CALLER_SESSION);
    assert_int_equal(F.target_id, 1);
    assert_string_equal(F.password, "");
    assert_true(F.wait);
}

static void connect_current_target_resolves_to_caller(void **state)
{
    (void)state;
    set_user("root", true);
    op_connect(2, OPENWTS_CURRENT_SESSION, "", false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_connect, 1);
    assert_int_equal(F.logon_id, 2);
    assert_int_equal(F.target_id, CALLER_SESSION);
}

static void connect_both_current_is_invalid(void **state)
{
    (void)state;
    for (int privileged = 0; privileged < 2; privileged++) {
        for (int with_password = 0; with_password < 2; with_password++) {
            reset_counts();
            set_user("carol", privileged);
            op_connect(OPENWTS_CURRENT_SESSION, OPENWTS_CURRENT_SESSION,
                       with_password ? "secret" : "", false);
            assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_INVALID_PARAMETER);
            assert_int_equal(total_calls(), 0);
            assert_result_zeroed();
        }
    }
}

/* ---- permissions ------------------------------------------------------- */

static void unprivileged_may_act_on_own_sessions(void **state)
{
    (void)state;
    static const struct { const char *caller; uint32_t id; } own[] = {
        { "CaRoL", CALLER_SESSION }, { "carol", CALLER_SESSION }, { "CAROL", CALLER_SESSION },
        { "alice", 1 }, { "ALICE", 1 }, { "Alice", 1 },
        { "\xC3\x89VE", 6 },  /* only the ASCII letters fold: É == É */
    };
    for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++) {
        for (enum action a = 0; a < N_ACTIONS; a++) {
            reset_counts();
            set_user(own[i].caller, false);
            op_action(a, own[i].id);
            assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
            assert_int_equal(action_calls(a), 1);
            assert_int_equal(rep->which_result, openwts_Reply_done_tag);
            if (a == CONNECT)
                assert_int_equal(F.logon_id, own[i].id);
            else
                assert_int_equal(F.session_id, own[i].id);
        }
    }
}

static void unprivileged_denied_on_other_sessions(void **state)
{
    (void)state;
    static const struct { const char *caller; uint32_t id; } other[] = {
        { "carol", 2 },             /* bob's */
        { "carol", 1 },             /* Alice's */
        { "carol", 3 },             /* nobody's: empty user */
        { "", 3 },                  /* an empty caller does not own an empty session */
        { "carol", 7 },             /* carolx: a prefix is not equal */
        { "carolx", CALLER_SESSION },
        { "caro", CALLER_SESSION },
        { "\xC3\xA9ve", 6 },        /* éve vs Éve: not ASCII, no folding */
        { "carol ", CALLER_SESSION },
    };
    for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
        for (enum action a = 0; a < N_ACTIONS; a++) {
            reset_counts();
            set_user(other[i].caller, false);
            op_action(a, other[i].id);
            if (dispatch(&fake_backend) != OPENWTS_ERROR_ACCESS_DENIED)
                fail_msg("caller \"%s\" acted on session %u (action %d)", other[i].caller,
                         other[i].id, (int)a);
            assert_int_equal(action_calls(a), 0);
            assert_result_zeroed();
        }
    }
}

static void unprivileged_current_session_of_other_user_denied(void **state)
{
    (void)state;
    /* The caller claims session 2, which is bob's. */
    caller.session_id = 2;
    for (enum action a = 0; a < N_ACTIONS; a++) {
        reset_counts();
        op_action(a, OPENWTS_CURRENT_SESSION);
        assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_ACCESS_DENIED);
        assert_int_equal(action_calls(a), 0);
    }
}

static void unprivileged_missing_session_error_passed(void **state)
{
    (void)state;
    for (enum action a = 0; a < N_ACTIONS; a++) {
        reset_counts();
        op_action(a, NO_SUCH_SESSION);
        assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
        assert_int_equal(action_calls(a), 0);
        assert_result_zeroed();
    }
}

static void privileged_caller_not_checked(void **state)
{
    (void)state;
    set_user("root", true);
    static const uint32_t ids[] = { 1, 2, 3, 6, NO_SUCH_SESSION };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        for (enum action a = 0; a < N_ACTIONS; a++) {
            reset_counts();
            op_action(a, ids[i]);
            assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
            assert_int_equal(action_calls(a), 1);
            assert_int_equal(F.n_query, 0); /* no ownership lookup at all */
        }
    }
}

/* Microsoft's docs (WTSConnectSession, pPassword): "the password for the
 * user account that is specified in the LogonId parameter ... can be an
 * empty string if the caller is logged on using the same domain name and
 * user name as the logon ID": another user may connect with that password,
 * and the backend, which can check it, decides. */
static void connect_with_password_reaches_backend(void **state)
{
    (void)state;
    set_user("carol", false);
    op_connect(2, CALLER_SESSION, "s3cret", true); /* bob's session, with his password */
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(F.n_connect, 1);
    assert_int_equal(F.n_query, 1); /* whose session it is was checked first */
    assert_int_equal(F.logon_id, 2);
    assert_int_equal(F.target_id, CALLER_SESSION);
    assert_string_equal(F.password, "s3cret");
    assert_true(F.wait);

    /* The backend's verdict on the password is the answer. */
    reset_counts();
    F.ret_connect = OPENWTS_ERROR_LOGON_FAILURE;
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_LOGON_FAILURE);
    assert_int_equal(F.n_connect, 1);
    assert_result_zeroed();
}

static void caller_reaches_backend(void **state)
{
    (void)state;
    op_query("", 1);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_ptr_equal(F.be, &fake_backend);
    assert_ptr_equal(F.caller, &caller); /* the host's own word, not a copy */
    assert_int_equal(F.caller->session_id, CALLER_SESSION);
    assert_int_equal(F.caller->process_id, 4242);
    assert_string_equal(F.caller->user, "CaRoL");
    assert_string_equal(F.caller->domain, "WORKGROUP");
}

/* A host that cannot say who is calling is not served (dispatch.c: "nobody
 * known is calling"), whatever the operation. */
static void request_without_caller_denied(void **state)
{
    (void)state;
    set_user("root", true); /* the global caller exists, but is not passed */
    for (int op = 0; op < 5; op++) {
        reset_counts();
        switch (op) {
        case 0: op_enumerate(""); break;
        case 1: op_query("", 1); break;
        case 2: op_disconnect("", 1, false); break;
        case 3: op_logoff("", 1, false); break;
        default: op_connect(1, 2, "pw", false); break;
        }
        memset(rep, 0xA5, sizeof(*rep));
        assert_int_equal(openwts_dispatch(&fake_backend, NULL, &req, rep), OPENWTS_ERROR_ACCESS_DENIED);
        assert_int_equal(rep->status, OPENWTS_ERROR_ACCESS_DENIED);
        assert_int_equal(total_calls(), 0);
        assert_result_zeroed();
    }
}

/* ---- unknown operations, missing slots, versions ------------------------ */

static void unknown_operation_not_implemented(void **state)
{
    (void)state;
    /* 22: one past the newest operation (lock_session, 21) */
    static const pb_size_t ops[] = { 0, 1, 10, 22, 40, 99, (pb_size_t)-1 };
    set_user("root", true);
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        reset_counts();
        memset(&req.op, 0, sizeof(req.op));
        req.which_op = ops[i];
        assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        assert_int_equal(total_calls(), 0);
        assert_result_zeroed();
    }
}

/* A newer peer sends operation 40: decoded as no operation, answered 120.
 * The bytes also carry the reserved field 1 as an old peer sent it (its
 * word about the caller), which is skipped. */
static void newer_operation_on_the_wire_not_implemented(void **state)
{
    (void)state;
    static const uint8_t wire[] = {
        0x0A, 0x07, 0x08, 0x05, 0x1A, 0x03, 'b', 'o', 'b', /* 1 (reserved): { session_id 5, user "bob" } */
        0xC2, 0x02, 0x02, 0x08, 0x01,                    /* 40: { 1: 1 } */
    };
    openwts_Request r;
    assert_int_equal(openwts_request_decode(wire, sizeof(wire), &r), OPENWTS_OK);
    assert_int_equal(r.which_op, 0);
    assert_string_equal(r.server, "");
    assert_int_equal(openwts_dispatch(&fake_backend, &caller, &r, rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    assert_int_equal(total_calls(), 0);
}

/* An old peer's request: the caller it states about itself (field 1, now
 * reserved) never reaches the backend; the host's caller does. */
static void old_peers_caller_field_never_used(void **state)
{
    (void)state;
    static const uint8_t wire[] = {
        /* 1 (reserved): { session_id 2, user "bob", privileged true } */
        0x0A, 0x09, 0x08, 0x02, 0x1A, 0x03, 'b', 'o', 'b', 0x28, 0x01,
        0x6A, 0x02, 0x10, 0x02,                          /* 13 disconnect: { session_id 2 } */
    };
    openwts_Request r;
    assert_int_equal(openwts_request_decode(wire, sizeof(wire), &r), OPENWTS_OK);
    assert_int_equal(r.which_op, openwts_Request_disconnect_session_tag);
    assert_int_equal(r.op.disconnect_session.session_id, 2);
    /* carol (unprivileged) may not disconnect bob's session 2 */
    assert_int_equal(openwts_dispatch(&fake_backend, &caller, &r, rep), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(F.n_disconnect, 0);
    assert_ptr_equal(F.caller, &caller);
    assert_result_zeroed();
}

static void null_slot_not_implemented(void **state)
{
    (void)state;
    set_user("root", true);
    for (int slot = 0; slot < 5; slot++) {
        openwts_backend be = fake_backend;
        reset_counts();
        switch (slot) {
        case 0: be.enumerate_sessions = NULL; op_enumerate(""); break;
        case 1: be.query_session = NULL; op_query("", 1); break;
        case 2: be.disconnect_session = NULL; op_disconnect("", 1, false); break;
        case 3: be.logoff_session = NULL; op_logoff("", 1, false); break;
        default: be.connect_session = NULL; op_connect(1, 2, "", false); break;
        }
        assert_int_equal(dispatch(&be), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        assert_int_equal(total_calls(), 0);
        assert_result_zeroed();
    }
}

/* The ownership check needs query_session; without it an unprivileged
 * caller cannot be checked and so is not served. */
static void unprivileged_action_without_query_slot(void **state)
{
    (void)state;
    openwts_backend be = fake_backend;
    be.query_session = NULL;
    for (enum action a = 0; a < N_ACTIONS; a++) {
        reset_counts();
        op_action(a, CALLER_SESSION);
        assert_int_equal(dispatch(&be), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        assert_int_equal(total_calls(), 0);
    }
}

static void version_zero_backend_never_called(void **state)
{
    (void)state;
    openwts_backend be = fake_backend;
    be.version = 0;
    set_user("root", true);
    for (int op = 0; op < 5; op++) {
        reset_counts();
        switch (op) {
        case 0: op_enumerate(""); break;
        case 1: op_query("", 1); break;
        case 2: op_disconnect("", 1, false); break;
        case 3: op_logoff("", 1, false); break;
        default: op_connect(1, 2, "", false); break;
        }
        assert_int_equal(dispatch(&be), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        assert_int_equal(total_calls(), 0);
    }
}

static void newer_backend_version_served(void **state)
{
    (void)state;
    openwts_backend be = fake_backend;
    be.version = OPENWTS_BACKEND_VERSION + 1;
    op_query("", CALLER_SESSION);
    assert_int_equal(dispatch(&be), OPENWTS_OK);
    assert_int_equal(F.n_query, 1);
}

static void null_arguments(void **state)
{
    (void)state;
    op_query("", 1);
    assert_int_equal(openwts_dispatch(NULL, &caller, &req, rep), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(rep->status, OPENWTS_ERROR_INVALID_PARAMETER);
    assert_result_zeroed();
    memset(rep, 0xA5, sizeof(*rep));
    assert_int_equal(openwts_dispatch(&fake_backend, &caller, NULL, rep), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(rep->status, OPENWTS_ERROR_INVALID_PARAMETER);
    assert_result_zeroed();
    /* a missing backend or request is the host's bug, before who is calling */
    assert_int_equal(openwts_dispatch(NULL, NULL, &req, rep), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(openwts_dispatch(&fake_backend, NULL, NULL, rep), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(total_calls(), 0);
}

/* ---- results and errors ------------------------------------------------ */

static void backend_error_passed_through_result_zeroed(void **state)
{
    (void)state;
    /* query: the backend wrote half a session, then failed */
    F.ret_query = OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    F.query_fill_on_error = true;
    op_query("elsewhere", 1);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(F.n_query, 1);
    assert_result_zeroed();

    /* enumerate: three sessions written, then an error */
    memset(rep, 0xA5, sizeof(*rep));
    F.enum_count = 3;
    F.ret_enum = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
    assert_result_zeroed();

    /* the actions: an error is not "done" */
    set_user("root", true);
    F.ret_disconnect = OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    op_disconnect("", 1, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_result_zeroed();
    F.ret_logoff = OPENWTS_ERROR_NOT_SUPPORTED;
    op_logoff("", 1, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_NOT_SUPPORTED);
    assert_result_zeroed();
    F.ret_connect = 0xC0000022u; /* any value, unchanged */
    op_connect(1, 2, "", false);
    assert_int_equal(dispatch(&fake_backend), 0xC0000022u);
    assert_result_zeroed();
}

static void success_without_result_is_done(void **state)
{
    (void)state;
    set_user("root", true);
    op_disconnect("", 1, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
    memset(rep, 0xA5, sizeof(*rep));
    op_logoff("", 1, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
    memset(rep, 0xA5, sizeof(*rep));
    op_connect(1, 2, "", false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
}

/* The list the dispatcher got, entry by entry, then released. */
static void assert_listed(size_t count)
{
    assert_int_equal(rep->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, count);
    if (count)
        assert_non_null(rep->result.enumerate_sessions.sessions);
    for (size_t i = 0; i < count; i++) {
        assert_int_equal(rep->result.enumerate_sessions.sessions[i].id, 100 + i);
        assert_string_equal(rep->result.enumerate_sessions.sessions[i].user, "someone");
    }
    openwts_reply_release(rep);
}

/* Lists of any length (openwts.proto: allocated to their length). A backend
 * with more sessions than the room it was given answers
 * ERROR_INSUFFICIENT_BUFFER with the count it needs (backend.h), and the
 * dispatcher asks again with that much room: one call when the first room
 * was enough, two otherwise. Counts past the old 64 work. */
static void enumerate_fills_reply(void **state)
{
    (void)state;
    static const size_t counts[] = { 0, 1, 3, 15, 16, 17, 63, 64, 65, 200, 1000, 10000 };
    for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
        memset(rep, 0xA5, sizeof(*rep));
        reset_counts();
        F.enum_count = counts[c];
        op_enumerate("srv");
        assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
        assert_true(F.maxes[0] > 0);
        assert_int_equal(F.n_enum, counts[c] <= F.maxes[0] ? 1 : 2);
        if (F.n_enum == 2)
            assert_int_equal(F.maxes[1], counts[c]); /* exactly the room asked for */
        assert_string_equal(F.server, "srv");
        /* an empty list is still a list, not "done" */
        assert_listed(counts[c]);
    }
}

/* A backend that claims to have filled more than the room it was given is
 * a bug; the answer is ERROR_INVALID_DATA, not a read past the list. */
static void enumerate_count_over_room_is_invalid_data(void **state)
{
    (void)state;
    static const size_t over[] = { 1, 2, 1000, (size_t)-1 };
    for (size_t c = 0; c < sizeof(over) / sizeof(over[0]); c++) {
        memset(rep, 0xA5, sizeof(*rep));
        reset_counts();
        F.enum_count = 3;
        F.enum_mode = ENUM_OVERCLAIMS;
        F.enum_over = over[c];
        op_enumerate("");
        assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(F.n_enum, 1);
        assert_result_zeroed();
    }
}

/* A backend that asks for more room every time it gets it is stopped after
 * a few rounds (dispatch.c: a backend bug), with nothing leaked. */
static void enumerate_backend_always_asking_for_more(void **state)
{
    (void)state;
    F.enum_count = 5;
    F.enum_mode = ENUM_ALWAYS_MORE;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_INVALID_DATA);
    assert_true(F.n_enum >= 2);
    assert_true(F.n_enum <= 16);
    for (int i = 1; i < F.n_enum; i++)
        assert_int_equal(F.maxes[i], F.maxes[i - 1] + 1); /* it did get what it asked */
    assert_result_zeroed();
}

/* ERROR_INSUFFICIENT_BUFFER must name a count larger than the room given,
 * and one a list can hold; otherwise it is ERROR_INVALID_DATA at once,
 * without a huge allocation. */
static void enumerate_insufficient_buffer_without_a_usable_count(void **state)
{
    (void)state;
    size_t asks[] = { 0, 1, 0 /* the room itself, set below */, (size_t)-1 };
    op_enumerate("");
    F.enum_count = 1;
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    asks[2] = F.maxes[0];
    openwts_reply_release(rep);
    for (size_t i = 0; i < sizeof(asks) / sizeof(asks[0]); i++) {
        memset(rep, 0xA5, sizeof(*rep));
        reset_counts();
        F.enum_mode = ENUM_ASKS_FOR;
        F.enum_asked_for = asks[i];
        assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_INVALID_DATA);
        assert_int_equal(F.n_enum, 1);
        assert_result_zeroed();
    }
#if SIZE_MAX > UINT32_MAX
    /* more than a 32-bit count can say */
    reset_counts();
    F.enum_asked_for = (size_t)UINT32_MAX + 1;
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_INVALID_DATA);
    assert_int_equal(F.n_enum, 1);
    assert_result_zeroed();
#endif
}

/* The second call, with the room asked for, fails: its error is the
 * answer and the grown list is freed. */
static void enumerate_error_after_growth(void **state)
{
    (void)state;
    F.enum_count = 100;
    F.ret_enum_grown = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
    assert_int_equal(F.n_enum, 2);
    assert_int_equal(F.maxes[1], 100);
    assert_result_zeroed();
}

/* openwts_reply_release frees a session list and leaves the reply holding
 * none (LeakSanitizer checks at exit that nothing is left); it is harmless
 * twice, on replies without a list (whatever the union holds), and on NULL. */
static void reply_release_frees_session_lists(void **state)
{
    (void)state;
    F.enum_count = 300;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 300);
    openwts_reply_release(rep);
    assert_null(rep->result.enumerate_sessions.sessions);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 0);
    openwts_reply_release(rep); /* again: nothing to free */

    /* other results: the union holds garbage that is not a list */
    static const pb_size_t others[] = { 0, openwts_Reply_done_tag, openwts_Reply_query_session_tag,
                                        openwts_Reply_send_message_tag, openwts_Reply_add_session_tag };
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        memset(rep, 0xA5, sizeof(*rep));
        rep->which_result = others[i];
        openwts_reply_release(rep);
        assert_int_equal(rep->which_result, others[i]);
    }
    openwts_reply_release(NULL);

    /* a list decoded from the wire is released the same way */
    F.enum_count = 70;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    static uint8_t wire[OPENWTS_FRAME_MAX];
    size_t len = 0;
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    openwts_reply_release(rep);
    openwts_Reply *back = malloc(sizeof(*back));
    assert_non_null(back);
    assert_int_equal(openwts_reply_decode(wire, len, back), OPENWTS_OK);
    assert_int_equal(back->result.enumerate_sessions.sessions_count, 70);
    assert_int_equal(back->result.enumerate_sessions.sessions[69].id, 169);
    openwts_reply_release(back);
    assert_null(back->result.enumerate_sessions.sessions);
    free(back);
}

/* The front end reuses one reply for many calls (dispatch.h: only the
 * result which_result names is filled). Starting from garbage, each call
 * leaves exactly its own result, and that result encodes. */
static void reused_reply_holds_only_the_new_result(void **state)
{
    (void)state;
    static uint8_t wire[OPENWTS_FRAME_MAX];
    size_t len;
    openwts_Reply *back = malloc(sizeof(*back));
    assert_non_null(back);

    /* rep is 0xA5 throughout (setup) */
    op_query("", 1);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_query_session_tag);
    const openwts_Session *s = &rep->result.query_session.session;
    assert_true(rep->result.query_session.has_session);
    assert_int_equal(s->id, 1);
    assert_string_equal(s->user, "Alice");
    /* what the backend did not set is cleared, not left over */
    assert_string_equal(s->host, "");
    assert_string_equal(s->client_name, "");
    assert_int_equal(s->client_address.size, 0);
    assert_int_equal(s->lock_state, 0);
    assert_int_equal(s->disconnect_time, 0);
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    assert_int_equal(openwts_reply_decode(wire, len, back), OPENWTS_OK);
    assert_int_equal(back->result.query_session.session.id, 1);
    assert_string_equal(back->result.query_session.session.client_name, "");

    /* Between uses the front end releases what a reply holds (the DLL's
     * reply_free), not more: the struct keeps its old bytes. */
    F.enum_count = 5;
    op_enumerate("");
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 5);
    openwts_reply_release(rep);
    F.enum_count = 2;
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_enumerate_sessions_tag);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 2);
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    assert_int_equal(openwts_reply_decode(wire, len, back), OPENWTS_OK);
    assert_int_equal(back->result.enumerate_sessions.sessions_count, 2);
    assert_int_equal(back->result.enumerate_sessions.sessions[1].id, 101);
    openwts_reply_release(back);
    openwts_reply_release(rep);

    /* an error after a success leaves no result */
    F.ret_enum = OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    assert_int_equal(dispatch(&fake_backend), OPENWTS_RPC_S_SERVER_UNAVAILABLE);
    assert_result_zeroed();

    /* and a success without a result after a list is "done" */
    op_disconnect("", CALLER_SESSION, false);
    assert_int_equal(dispatch(&fake_backend), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
    free(back);
}

/* ---- the registry ------------------------------------------------------ */

static int registry_teardown(void **state)
{
    (void)state;
    openwts_backend_unregister_all();
    return 0;
}

static openwts_backend named(const char *name)
{
    openwts_backend be = fake_backend;
    be.name = name;
    return be;
}

static void registry_empty(void **state)
{
    (void)state;
    openwts_backend_unregister_all();
    assert_null(openwts_backend_find(NULL));
    assert_null(openwts_backend_find(""));
    assert_null(openwts_backend_find("fake"));
}

static void registry_rejects_bad_backends(void **state)
{
    (void)state;
    openwts_backend be = named("v0");
    be.version = 0;
    assert_int_equal(openwts_backend_register(&be), OPENWTS_ERROR_INVALID_PARAMETER);
    be.version = -1;
    assert_int_equal(openwts_backend_register(&be), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_null(openwts_backend_find("v0"));
    assert_null(openwts_backend_find(NULL));
    openwts_backend noname = named(NULL);
    assert_int_equal(openwts_backend_register(&noname), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(openwts_backend_register(NULL), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_null(openwts_backend_find(NULL));
}

static void registry_find(void **state)
{
    (void)state;
    static openwts_backend a, b, c;
    a = named("local");
    b = named("sim");
    c = named("logind");
    assert_int_equal(openwts_backend_register(&a), OPENWTS_OK);
    assert_int_equal(openwts_backend_register(&b), OPENWTS_OK);
    assert_int_equal(openwts_backend_register(&c), OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find(NULL), &a);
    assert_ptr_equal(openwts_backend_find(""), &a);
    assert_ptr_equal(openwts_backend_find("local"), &a);
    assert_ptr_equal(openwts_backend_find("sim"), &b);
    assert_ptr_equal(openwts_backend_find("logind"), &c);
    assert_null(openwts_backend_find("nope"));
    assert_null(openwts_backend_find("si"));
    assert_null(openwts_backend_find("simx"));
}

static void registry_reregister_replaces(void **state)
{
    (void)state;
    static openwts_backend a, b, a2, b2;
    a = named("local");
    b = named("sim");
    a2 = named("local");
    b2 = named("sim");
    assert_int_equal(openwts_backend_register(&a), OPENWTS_OK);
    assert_int_equal(openwts_backend_register(&b), OPENWTS_OK);
    assert_int_equal(openwts_backend_register(&b2), OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find("sim"), &b2);
    assert_ptr_equal(openwts_backend_find(NULL), &a);
    assert_int_equal(openwts_backend_register(&a2), OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find("local"), &a2);
    assert_ptr_equal(openwts_backend_find(NULL), &a2); /* keeps its place as the default */
    /* replacing took no slot: six more fit, the ninth name does not */
    static openwts_backend more[7];
    static const char *names[7] = { "n3", "n4", "n5", "n6", "n7", "n8", "n9" };
    for (int i = 0; i < 6; i++) {
        more[i] = named(names[i]);
        assert_int_equal(openwts_backend_register(&more[i]), OPENWTS_OK);
    }
    more[6] = named(names[6]);
    assert_int_equal(openwts_backend_register(&more[6]), OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
}

static void registry_full(void **state)
{
    (void)state;
    static openwts_backend bes[10], again;
    static char names[10][8];
    for (int i = 0; i < 8; i++) {
        snprintf(names[i], sizeof(names[i]), "be%d", i);
        bes[i] = named(names[i]);
        assert_int_equal(openwts_backend_register(&bes[i]), OPENWTS_OK);
    }
    for (int i = 8; i < 10; i++) {
        snprintf(names[i], sizeof(names[i]), "be%d", i);
        bes[i] = named(names[i]);
        assert_int_equal(openwts_backend_register(&bes[i]), OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
        assert_null(openwts_backend_find(names[i]));
    }
    for (int i = 0; i < 8; i++)
        assert_ptr_equal(openwts_backend_find(names[i]), &bes[i]);
    /* a full table still takes a replacement */
    again = named("be7");
    assert_int_equal(openwts_backend_register(&again), OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find("be7"), &again);
    assert_ptr_equal(openwts_backend_find(NULL), &bes[0]);
}

static void registry_unregister_all(void **state)
{
    (void)state;
    static openwts_backend a, b;
    a = named("local");
    b = named("sim");
    assert_int_equal(openwts_backend_register(&a), OPENWTS_OK);
    openwts_backend_unregister_all();
    assert_null(openwts_backend_find(NULL));
    assert_null(openwts_backend_find(""));
    assert_null(openwts_backend_find("local"));
    /* usable again, with a new default, and all eight slots free */
    assert_int_equal(openwts_backend_register(&b), OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find(NULL), &b);
    assert_null(openwts_backend_find("local"));
    static openwts_backend more[7];
    static char names[7][8];
    for (int i = 0; i < 7; i++) {
        snprintf(names[i], sizeof(names[i]), "m%d", i);
        more[i] = named(names[i]);
        assert_int_equal(openwts_backend_register(&more[i]), OPENWTS_OK);
    }
}

/* A process filter that names a session (the caller's or not, existing or
 * not) reaches the backend as it is: the dispatcher neither resolves nor
 * rejects it, so a session without processes gives an empty list, not an
 * error (README, "Beyond the docs", Processes). */
static uint32_t filter_seen;

static openwts_status record_filter(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, uint32_t session_id,
                                    openwts_EnumerateProcessesReply *out)
{
    (void)be; (void)caller; (void)server; (void)out;
    filter_seen = session_id;
    return OPENWTS_OK;
}

static void process_filter_passed_as_is(void **state)
{
    (void)state;
    static const openwts_backend lister = {
        .version = 2,
        .name = "lister",
        .query_session = fake_query,
        .enumerate_processes = record_filter,
    };
    static const uint32_t ids[] = { 0, CALLER_SESSION, NO_SUCH_SESSION, 0x7FFFFFFFu };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        memset(rep, 0xA5, sizeof(*rep));
        filter_seen = 0xFFFFFFFFu;
        req.which_op = openwts_Request_enumerate_processes_tag;
        memset(&req.op, 0, sizeof(req.op));
        req.op.enumerate_processes.session_id = ids[i];
        assert_int_equal(dispatch(&lister), OPENWTS_OK);
        assert_int_equal(filter_seen, ids[i]);
        assert_int_equal(rep->which_result, openwts_Reply_enumerate_processes_tag);
        assert_int_equal(rep->result.enumerate_processes.processes_count, 0);
        assert_null(rep->result.enumerate_processes.processes);
        assert_int_equal(total_calls(), 0); /* no session check on the way */
        openwts_reply_release(rep);
    }
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define R(f) cmocka_unit_test_teardown(f, registry_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(query_current_session_resolves_to_caller),
        T(query_explicit_session_passes_through),
        T(disconnect_current_session_resolves_to_caller),
        T(logoff_current_session_resolves_to_caller),
        T(connect_current_logon_resolves_to_caller),
        T(connect_current_target_resolves_to_caller),
        T(connect_both_current_is_invalid),
        T(unprivileged_may_act_on_own_sessions),
        T(unprivileged_denied_on_other_sessions),
        T(unprivileged_current_session_of_other_user_denied),
        T(unprivileged_missing_session_error_passed),
        T(privileged_caller_not_checked),
        T(connect_with_password_reaches_backend),
        T(caller_reaches_backend),
        T(request_without_caller_denied),
        T(unknown_operation_not_implemented),
        T(newer_operation_on_the_wire_not_implemented),
        T(old_peers_caller_field_never_used),
        T(null_slot_not_implemented),
        T(unprivileged_action_without_query_slot),
        T(version_zero_backend_never_called),
        T(newer_backend_version_served),
        T(null_arguments),
        T(backend_error_passed_through_result_zeroed),
        T(success_without_result_is_done),
        T(enumerate_fills_reply),
        T(enumerate_count_over_room_is_invalid_data),
        T(enumerate_backend_always_asking_for_more),
        T(enumerate_insufficient_buffer_without_a_usable_count),
        T(enumerate_error_after_growth),
        T(reply_release_frees_session_lists),
        T(reused_reply_holds_only_the_new_result),
        T(process_filter_passed_as_is),
        R(registry_empty),
        R(registry_rejects_bad_backends),
        R(registry_find),
        R(registry_reregister_replaces),
        R(registry_full),
        R(registry_unregister_all),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
