/* The dispatcher's version-3 operations: adding and removing sessions
 * (administrators only: openwts.proto, "Administration ... administrators
 * only") and locking (the session's own user or an administrator, as
 * disconnecting: dispatch.c, "Locking is the session user's own right").
 * Who may do what, what reaches the backend, results and errors, and the
 * rule that a backend written for version 2 is never read past its end.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/codec.h"
#include "openwts/dispatch.h"
#include "openwts/utf8.h"

#define CALLER_SESSION 5u
#define NO_SUCH_SESSION 42u
#define CHOSEN_ID 77u

static struct {
    int n_add, n_remove, n_lock, n_query;
    const openwts_Caller *caller;
    char server[64];
    openwts_Session added;      /* what add_session received */
    uint32_t session_id;        /* of the last remove/lock */
    bool lock;
    openwts_status ret;         /* what add/remove/lock answer */
} F;

static const char *owner(uint32_t id)
{
    switch (id) {
    case 1: return "Alice";
    case 2: return "bob";
    case 3: return "";          /* nobody logged on */
    case CALLER_SESSION: return "carol";
    default: return NULL;
    }
}

static openwts_status fake_query(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, uint32_t id, openwts_Session *out)
{
    (void)be; (void)caller; (void)server;
    F.n_query++;
    const char *user = owner(id);
    if (!user)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    memset(out, 0, sizeof(*out));
    out->id = id;
    OPENWTS_SET_STRING(out->user, user);
    return OPENWTS_OK;
}

static openwts_status fake_add(const openwts_backend *be, const openwts_Caller *caller,
                               const char *server, const openwts_Session *session, uint32_t *id)
{
    (void)be;
    F.n_add++;
    F.caller = caller;
    OPENWTS_SET_STRING(F.server, server);
    F.added = *session;
    if (F.ret)
        return F.ret;
    *id = session->id ? session->id : CHOSEN_ID; /* id 0: the backend chooses */
    return OPENWTS_OK;
}

static openwts_status fake_remove(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t session_id)
{
    (void)be;
    F.n_remove++;
    F.caller = caller;
    OPENWTS_SET_STRING(F.server, server);
    F.session_id = session_id;
    if (!F.ret && !owner(session_id))
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    return F.ret;
}

static openwts_status fake_lock(const openwts_backend *be, const openwts_Caller *caller,
                                const char *server, uint32_t session_id, bool lock)
{
    (void)be;
    F.n_lock++;
    F.caller = caller;
    OPENWTS_SET_STRING(F.server, server);
    F.session_id = session_id;
    F.lock = lock;
    return F.ret;
}

static const openwts_backend fake = {
    .version = 3,
    .name = "fake-v3",
    .query_session = fake_query,
    .add_session = fake_add,
    .remove_session = fake_remove,
    .lock_session = fake_lock,
};

static openwts_Caller caller; /* who the host says is calling */
static openwts_Request req;
static openwts_Reply *rep;

static int setup(void **state)
{
    (void)state;
    memset(&F, 0, sizeof(F));
    memset(&req, 0, sizeof(req));
    memset(&caller, 0, sizeof(caller));
    caller.session_id = CALLER_SESSION;
    caller.process_id = 4242;
    OPENWTS_SET_STRING(caller.user, "CaRoL");
    rep = malloc(sizeof(*rep));
    if (!rep)
        return -1;
    memset(rep, 0xA5, sizeof(*rep)); /* the dispatcher must not trust it */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    free(rep);
    return 0;
}

static int backend_calls(void)
{
    return F.n_add + F.n_remove + F.n_lock;
}

static openwts_status dispatch(const openwts_backend *be)
{
    openwts_status st = openwts_dispatch(be, &caller, &req, rep);
    assert_int_equal(rep->status, st);
    return st;
}

/* An error carries no result: on the wire the reply is the status alone. */
static void assert_no_result(void)
{
    assert_int_equal(rep->which_result, 0);
    uint8_t wire[16];
    size_t len = 0;
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    assert_true(len > 0 && len <= 6);
    assert_int_equal(wire[0], 0x08); /* status, and nothing after it */
}

static void op_add(const openwts_Session *s)
{
    req.which_op = openwts_Request_add_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    if (s) {
        req.op.add_session.has_session = true;
        req.op.add_session.session = *s;
    }
}

static void op_remove(uint32_t id)
{
    req.which_op = openwts_Request_remove_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.remove_session.session_id = id;
}

static void op_lock(uint32_t id, bool lock)
{
    req.which_op = openwts_Request_lock_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.lock_session.session_id = id;
    req.op.lock_session.lock = lock;
}

static void new_session(openwts_Session *s, uint32_t id)
{
    memset(s, 0, sizeof(*s));
    s->id = id;
    s->state = 4; /* WTSDisconnected */
    OPENWTS_SET_STRING(s->win_station, "RDP-Tcp#7");
    OPENWTS_SET_STRING(s->user, "dave");
    OPENWTS_SET_STRING(s->domain, "CORP");
    s->logon_time = 133000000000000000;
    s->client_address.size = 4;
    memcpy(s->client_address.bytes, "\xC0\xA8\x01\x02", 4);
}

/* ---- add ----------------------------------------------------------------- */

static void add_session_needs_an_administrator(void **state)
{
    (void)state;
    openwts_Session s;
    /* even a session for the caller's own account, with the caller's id */
    new_session(&s, 0);
    OPENWTS_SET_STRING(s.user, "carol");
    for (int with_id = 0; with_id < 2; with_id++) {
        s.id = with_id ? CALLER_SESSION + 100 : 0;
        op_add(&s);
        assert_int_equal(dispatch(&fake), OPENWTS_ERROR_ACCESS_DENIED);
        assert_int_equal(backend_calls(), 0);
        assert_int_equal(F.n_query, 0);
        assert_no_result();
    }
    op_add(NULL);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(backend_calls(), 0);
}

static void add_session_by_an_administrator(void **state)
{
    (void)state;
    caller.privileged = true;
    openwts_Session s;
    new_session(&s, 0);
    op_add(&s);
    OPENWTS_SET_STRING(req.server, "srv");
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(F.n_add, 1);
    assert_ptr_equal(F.caller, &caller);
    assert_string_equal(F.server, "srv");
    assert_memory_equal(&F.added, &s, sizeof(s)); /* the session as sent */
    assert_int_equal(rep->which_result, openwts_Reply_add_session_tag);
    assert_int_equal(rep->result.add_session.session_id, CHOSEN_ID);

    /* the id the caller names is the backend's to use */
    memset(rep, 0xA5, sizeof(*rep));
    new_session(&s, 9);
    op_add(&s);
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(F.added.id, 9);
    assert_int_equal(rep->result.add_session.session_id, 9);

    /* the answer travels */
    uint8_t wire[32];
    size_t len = 0;
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    assert_true(len <= 6 + 1 + 1 + openwts_AddSessionReply_size);
    openwts_Reply *back = malloc(sizeof(*back));
    assert_non_null(back);
    assert_int_equal(openwts_reply_decode(wire, len, back), OPENWTS_OK);
    assert_int_equal(back->which_result, openwts_Reply_add_session_tag);
    assert_int_equal(back->result.add_session.session_id, 9);
    free(back);
}

/* A request without a session adds a blank one (all defaults, as protobuf
 * reads an absent message), whatever the struct's unused bytes hold. */
static void add_session_without_a_session_is_blank(void **state)
{
    (void)state;
    caller.privileged = true;
    req.which_op = openwts_Request_add_session_tag;
    memset(&req.op, 0xA5, sizeof(req.op));
    req.op.add_session.has_session = false;
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(F.n_add, 1);
    openwts_Session zero;
    memset(&zero, 0, sizeof(zero));
    assert_memory_equal(&F.added, &zero, sizeof(zero));
    assert_int_equal(rep->result.add_session.session_id, CHOSEN_ID);
}

static void add_session_error_passed_through(void **state)
{
    (void)state;
    caller.privileged = true;
    static const openwts_status errors[] = { OPENWTS_ERROR_ALREADY_EXISTS, OPENWTS_ERROR_NOT_SUPPORTED,
                                             OPENWTS_RPC_S_SERVER_UNAVAILABLE };
    openwts_Session s;
    new_session(&s, 1);
    for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
        memset(rep, 0xA5, sizeof(*rep));
        F.ret = errors[i];
        op_add(&s);
        assert_int_equal(dispatch(&fake), errors[i]);
        assert_no_result();
    }
    assert_int_equal(F.n_add, 3);
}

/* ---- remove ----------------------------------------------------------- */

static void remove_session_needs_an_administrator(void **state)
{
    (void)state;
    /* not even the caller's own session, by id or as the current one */
    static const uint32_t ids[] = { CALLER_SESSION, OPENWTS_CURRENT_SESSION, 2, NO_SUCH_SESSION };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        op_remove(ids[i]);
        assert_int_equal(dispatch(&fake), OPENWTS_ERROR_ACCESS_DENIED);
        assert_no_result();
    }
    assert_int_equal(backend_calls(), 0);
}

static void remove_session_by_an_administrator(void **state)
{
    (void)state;
    caller.privileged = true;
    op_remove(2);
    OPENWTS_SET_STRING(req.server, "srv");
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
    assert_int_equal(F.session_id, 2);
    assert_string_equal(F.server, "srv");
    assert_ptr_equal(F.caller, &caller);
    assert_int_equal(F.n_query, 0); /* nobody's ownership is looked up */

    /* WTS_CURRENT_SESSION is the caller's own */
    op_remove(OPENWTS_CURRENT_SESSION);
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(F.session_id, CALLER_SESSION);

    /* the backend's errors are the answer */
    memset(rep, 0xA5, sizeof(*rep));
    op_remove(NO_SUCH_SESSION);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_int_equal(F.session_id, NO_SUCH_SESSION);
    assert_no_result();
    F.ret = OPENWTS_ERROR_NOT_SUPPORTED;
    op_remove(1);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_NOT_SUPPORTED);
    assert_no_result();
    assert_int_equal(F.n_remove, 4);
}

/* ---- lock ------------------------------------------------------------- */

static void lock_own_session(void **state)
{
    (void)state;
    for (int lock = 0; lock < 2; lock++) {
        memset(rep, 0xA5, sizeof(*rep));
        op_lock(CALLER_SESSION, lock);
        OPENWTS_SET_STRING(req.server, "srv");
        assert_int_equal(dispatch(&fake), OPENWTS_OK); /* "carol" is "CaRoL" */
        assert_int_equal(rep->which_result, openwts_Reply_done_tag);
        assert_int_equal(F.session_id, CALLER_SESSION);
        assert_int_equal(F.lock, lock);
        assert_string_equal(F.server, "srv");
    }
    op_lock(OPENWTS_CURRENT_SESSION, true);
    assert_int_equal(dispatch(&fake), OPENWTS_OK);
    assert_int_equal(F.session_id, CALLER_SESSION);
    assert_true(F.lock);
    assert_int_equal(F.n_lock, 3);
    assert_int_equal(F.n_query, 3); /* each checked */
}

static void lock_other_sessions_denied(void **state)
{
    (void)state;
    static const uint32_t others[] = { 1, 2, 3 }; /* Alice's, bob's, nobody's */
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
        for (int lock = 0; lock < 2; lock++) {
            op_lock(others[i], lock);
            assert_int_equal(dispatch(&fake), OPENWTS_ERROR_ACCESS_DENIED);
            assert_no_result();
        }
    }
    /* a session that does not exist: the lookup's own error */
    op_lock(NO_SUCH_SESSION, true);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_no_result();
    /* the current session of a caller in someone else's session */
    caller.session_id = 2;
    op_lock(OPENWTS_CURRENT_SESSION, true);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(F.n_lock, 0);
}

static void lock_by_an_administrator_not_checked(void **state)
{
    (void)state;
    caller.privileged = true;
    static const uint32_t ids[] = { 1, 2, 3, NO_SUCH_SESSION };
    for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
        op_lock(ids[i], i % 2);
        assert_int_equal(dispatch(&fake), OPENWTS_OK);
        assert_int_equal(F.session_id, ids[i]);
        assert_int_equal(F.lock, i % 2);
    }
    assert_int_equal(F.n_query, 0);
}

static void lock_error_passed_through(void **state)
{
    (void)state;
    F.ret = OPENWTS_ERROR_NOT_SUPPORTED;
    op_lock(CALLER_SESSION, true);
    assert_int_equal(dispatch(&fake), OPENWTS_ERROR_NOT_SUPPORTED);
    assert_int_equal(F.n_lock, 1);
    assert_no_result();
}

/* The ownership check needs query_session: without it only an
 * administrator can be served. */
static void lock_without_query_slot(void **state)
{
    (void)state;
    openwts_backend be = fake;
    be.query_session = NULL;
    op_lock(CALLER_SESSION, true);
    assert_int_equal(dispatch(&be), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    assert_int_equal(F.n_lock, 0);
    caller.privileged = true;
    assert_int_equal(dispatch(&be), OPENWTS_OK);
    assert_int_equal(F.n_lock, 1);
}

/* ---- slots, versions, callers --------------------------------------------- */

static void set_op(int op)
{
    openwts_Session s;
    new_session(&s, 0);
    switch (op) {
    case 0: op_add(&s); break;
    case 1: op_remove(1); break;
    default: op_lock(CALLER_SESSION, true); break;
    }
}

static void missing_slot_not_implemented(void **state)
{
    (void)state;
    caller.privileged = true;
    for (int op = 0; op < 3; op++) {
        openwts_backend be = fake;
        switch (op) {
        case 0: be.add_session = NULL; break;
        case 1: be.remove_session = NULL; break;
        default: be.lock_session = NULL; break;
        }
        memset(rep, 0xA5, sizeof(*rep));
        set_op(op);
        assert_int_equal(dispatch(&be), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
        assert_no_result();
    }
    assert_int_equal(backend_calls(), 0);
}

/* A backend written against version 2 ends where the version-3 slots
 * begin: the dispatcher answers 120 without reading past it (AddressSanitizer
 * would report the read). */
static void version_2_backend_not_read_past_its_end(void **state)
{
    (void)state;
    size_t v2_size = offsetof(openwts_backend, set_event_sink);
    openwts_backend *v2 = malloc(v2_size);
    assert_non_null(v2);
    memcpy(v2, &fake, v2_size);
    v2->version = 2;
    for (int privileged = 0; privileged < 2; privileged++) {
        caller.privileged = privileged;
        for (int op = 0; op < 3; op++) {
            set_op(op);
            assert_int_equal(dispatch(v2), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
            assert_no_result();
        }
    }
    assert_int_equal(backend_calls(), 0);
    free(v2);
}

static void without_a_caller_denied(void **state)
{
    (void)state;
    caller.privileged = true;
    for (int op = 0; op < 3; op++) {
        set_op(op);
        assert_int_equal(openwts_dispatch(&fake, NULL, &req, rep), OPENWTS_ERROR_ACCESS_DENIED);
        assert_no_result();
    }
    assert_int_equal(backend_calls(), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(add_session_needs_an_administrator),
        T(add_session_by_an_administrator),
        T(add_session_without_a_session_is_blank),
        T(add_session_error_passed_through),
        T(remove_session_needs_an_administrator),
        T(remove_session_by_an_administrator),
        T(lock_own_session),
        T(lock_other_sessions_denied),
        T(lock_by_an_administrator_not_checked),
        T(lock_error_passed_through),
        T(lock_without_query_slot),
        T(missing_slot_not_implemented),
        T(version_2_backend_not_read_past_its_end),
        T(without_a_caller_denied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
