/* The dispatcher's version-2 operations (processes, process termination,
 * messages) and the rule that a slot is read only when the backend's
 * version has it: a backend written for version 1 has a struct that ends
 * before the version-2 slots, and AddressSanitizer reports any read past it.
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
#define OTHER_SESSION 6u /* bob's */

static struct {
    int calls;
    uint32_t session_id;
    uint32_t process_id, exit_code;
    char title[64], message[64];
    char server[64];          /* Request.server, as the operation got it */
    uint32_t style, timeout;
    bool wait;
    size_t n_processes;       /* how many enumerate_processes appends */
    openwts_status ret;       /* what the operation returns after that */
} F;

static openwts_status fake_query(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, uint32_t id, openwts_Session *out)
{
    (void)be; (void)caller; (void)server;
    memset(out, 0, sizeof(*out));
    out->id = id;
    if (id == CALLER_SESSION)
        OPENWTS_SET_STRING(out->user, "carol");
    else if (id == OTHER_SESSION)
        OPENWTS_SET_STRING(out->user, "bob");
    else
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    return OPENWTS_OK;
}

static openwts_status fake_processes(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t session_id,
                                     openwts_EnumerateProcessesReply *out)
{
    (void)be; (void)caller;
    F.calls++;
    F.session_id = session_id;
    OPENWTS_SET_STRING(F.server, server);
    for (size_t i = 0; i < F.n_processes; i++) {
        openwts_Process *p = openwts_process_list_add(out);
        if (!p)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        p->process_id = (uint32_t)(4 * (i + 1));
        p->session_id = session_id == OPENWTS_ANY_SESSION ? (uint32_t)(i % 3) : session_id;
        OPENWTS_SET_STRING(p->name, "prog.exe");
        p->user_sid.size = 12;
        memset(p->user_sid.bytes, (int)i, 12);
        p->thread_count = (uint32_t)i + 1;
        p->working_set = 4096ull * i;
    }
    return F.ret;
}

static openwts_status fake_terminate(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t process_id, uint32_t exit_code)
{
    (void)be; (void)caller;
    F.calls++;
    OPENWTS_SET_STRING(F.server, server);
    F.process_id = process_id;
    F.exit_code = exit_code;
    return F.ret;
}

static openwts_status fake_message(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t session_id, const char *title,
                                   const char *message, uint32_t style, uint32_t timeout_seconds,
                                   bool wait, uint32_t *response)
{
    (void)be; (void)caller;
    F.calls++;
    F.session_id = session_id;
    OPENWTS_SET_STRING(F.server, server);
    OPENWTS_SET_STRING(F.title, title);
    OPENWTS_SET_STRING(F.message, message);
    F.style = style;
    F.timeout = timeout_seconds;
    F.wait = wait;
    *response = wait ? 6u /* IDYES */ : OPENWTS_IDASYNC;
    return F.ret;
}

static const openwts_backend fake = {
    .version = 2,
    .name = "fake-v2",
    .query_session = fake_query,
    .enumerate_processes = fake_processes,
    .terminate_process = fake_terminate,
    .send_message = fake_message,
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
    OPENWTS_SET_STRING(caller.user, "Carol");
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

static void op_processes(uint32_t session_id)
{
    req.which_op = openwts_Request_enumerate_processes_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.enumerate_processes.session_id = session_id;
}

/* A backend written against version 1 ends where the version-2 slots
 * begin: the dispatcher must answer 120 without reading past it. */
static void version_1_backend_not_read_past_its_end(void **state)
{
    (void)state;
    size_t v1_size = offsetof(openwts_backend, enumerate_processes);
    openwts_backend *v1 = malloc(v1_size);
    assert_non_null(v1);
    memcpy(v1, &fake, v1_size);
    v1->version = 1;
    caller.privileged = true;

    op_processes(OPENWTS_ANY_SESSION);
    assert_int_equal(openwts_dispatch(v1, &caller, &req, rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    assert_int_equal(rep->which_result, 0);
    req.which_op = openwts_Request_terminate_process_tag;
    memset(&req.op, 0, sizeof(req.op));
    assert_int_equal(openwts_dispatch(v1, &caller, &req, rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    req.which_op = openwts_Request_send_message_tag;
    memset(&req.op, 0, sizeof(req.op));
    assert_int_equal(openwts_dispatch(v1, &caller, &req, rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    assert_int_equal(F.calls, 0);
    free(v1);
}

/* 200 entries cross the list's growth points (64, 128); every entry
 * arrives as written and the session filter is resolved. */
static void processes_listed_and_filter_resolved(void **state)
{
    (void)state;
    F.n_processes = 200;
    op_processes(OPENWTS_CURRENT_SESSION);
    OPENWTS_SET_STRING(req.server, "far-away");
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_int_equal(F.session_id, CALLER_SESSION);
    assert_string_equal(F.server, "far-away"); /* Request.server, stated once */
    assert_int_equal(rep->which_result, openwts_Reply_enumerate_processes_tag);
    const openwts_EnumerateProcessesReply *list = &rep->result.enumerate_processes;
    assert_int_equal(list->processes_count, 200);
    for (size_t i = 0; i < 200; i++) {
        assert_int_equal(list->processes[i].process_id, 4 * (i + 1));
        assert_int_equal(list->processes[i].session_id, CALLER_SESSION);
        assert_int_equal(list->processes[i].thread_count, i + 1);
        assert_string_equal(list->processes[i].name, "prog.exe");
        assert_int_equal(list->processes[i].user_sid.bytes[11], (uint8_t)i);
    }
    openwts_reply_release(rep);
    assert_null(rep->result.enumerate_processes.processes);

    /* WTS_ANY_SESSION is not a session to resolve */
    F.n_processes = 3;
    op_processes(OPENWTS_ANY_SESSION);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_int_equal(F.session_id, OPENWTS_ANY_SESSION);
    openwts_reply_release(rep);
}

/* A backend that fails half-way: the error comes back with no result and
 * nothing it appended is leaked (LeakSanitizer checks at exit). */
static void processes_error_releases_partial_list(void **state)
{
    (void)state;
    F.n_processes = 70;
    F.ret = OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    op_processes(OPENWTS_ANY_SESSION);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(rep->which_result, 0);
    openwts_reply_release(rep); /* a no-op on an error reply */
}

/* The list travels on the wire and comes back equal; the decoded copy is
 * released the same way. */
static void processes_reply_round_trips(void **state)
{
    (void)state;
    F.n_processes = 130;
    op_processes(OPENWTS_ANY_SESSION);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    static uint8_t wire[OPENWTS_FRAME_MAX];
    size_t len = 0;
    assert_int_equal(openwts_reply_encode(rep, wire, sizeof(wire), &len), OPENWTS_OK);
    openwts_Reply *back = malloc(sizeof(*back));
    assert_non_null(back);
    assert_int_equal(openwts_reply_decode(wire, len, back), OPENWTS_OK);
    assert_int_equal(back->which_result, openwts_Reply_enumerate_processes_tag);
    assert_int_equal(back->result.enumerate_processes.processes_count, 130);
    assert_int_equal(back->result.enumerate_processes.processes[129].process_id, 4 * 130);
    assert_int_equal(back->result.enumerate_processes.processes[129].session_id, 129 % 3);
    assert_int_equal(back->result.enumerate_processes.processes[129].working_set, 4096ull * 129);
    openwts_reply_release(back);
    openwts_reply_release(rep);
    free(back);
}

static void terminate_passes_process_and_exit_code(void **state)
{
    (void)state;
    req.which_op = openwts_Request_terminate_process_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.terminate_process.process_id = 0x1234;
    req.op.terminate_process.exit_code = 42;
    OPENWTS_SET_STRING(req.server, "srv");
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_string_equal(F.server, "srv");
    assert_int_equal(rep->which_result, openwts_Reply_done_tag);
    assert_int_equal(F.process_id, 0x1234);
    assert_int_equal(F.exit_code, 42);
    F.ret = OPENWTS_ERROR_ACCESS_DENIED;
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(rep->which_result, 0);
}

static void op_message(uint32_t session_id, char *title, char *message, bool wait)
{
    req.which_op = openwts_Request_send_message_tag;
    memset(&req.op, 0, sizeof(req.op));
    openwts_SendMessageRequest *m = &req.op.send_message;
    m->session_id = session_id;
    m->title = title;
    m->message = message;
    m->style = 0x24; /* MB_YESNO | MB_ICONQUESTION */
    m->timeout_seconds = 7;
    m->wait = wait;
}

static void message_to_own_session(void **state)
{
    (void)state;
    char title[] = "Title", message[] = "Hello";
    op_message(OPENWTS_CURRENT_SESSION, title, message, true);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_int_equal(F.session_id, CALLER_SESSION);
    assert_string_equal(F.server, "");
    assert_string_equal(F.title, "Title");
    assert_string_equal(F.message, "Hello");
    assert_int_equal(F.style, 0x24);
    assert_int_equal(F.timeout, 7);
    assert_true(F.wait);
    assert_int_equal(rep->which_result, openwts_Reply_send_message_tag);
    assert_int_equal(rep->result.send_message.response, 6);

    /* absent texts reach the backend as "" */
    op_message(CALLER_SESSION, NULL, NULL, false);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_string_equal(F.title, "");
    assert_string_equal(F.message, "");
    assert_int_equal(rep->result.send_message.response, OPENWTS_IDASYNC);
}

/* Another user's session needs an administrator, as disconnect does. */
static void message_to_other_users_session_denied(void **state)
{
    (void)state;
    char t[] = "t", m[] = "m";
    op_message(OTHER_SESSION, t, m, true);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_ERROR_ACCESS_DENIED);
    assert_int_equal(F.calls, 0);
    assert_int_equal(rep->which_result, 0);
    op_message(12345, t, m, true);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_int_equal(F.calls, 0);
    caller.privileged = true;
    op_message(OTHER_SESSION, t, m, true);
    assert_int_equal(openwts_dispatch(&fake, &caller, &req, rep), OPENWTS_OK);
    assert_int_equal(F.calls, 1);
    assert_int_equal(F.session_id, OTHER_SESSION);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(version_1_backend_not_read_past_its_end),
        T(processes_listed_and_filter_resolved),
        T(processes_error_releases_partial_list),
        T(processes_reply_round_trips),
        T(terminate_passes_process_and_exit_code),
        T(message_to_own_session),
        T(message_to_other_users_session_denied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
