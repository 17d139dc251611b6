/* The sim backend's operations on examples/scenarios/terminal-server.json
 * (in memory: no state file): what each does to the sessions and
 * processes, each one's errors, and the events reported, in order.
 * Expected codes: the README's "Beyond the docs" (unknown session 7022,
 * unknown server 1722, session 0 actions 5), backend.h (no such process
 * 87, ERROR_ALREADY_EXISTS for a used id, IDASYNC/IDTIMEOUT), and
 * docs/sim-scenarios.md for what the sim decides where Windows' docs
 * leave it open.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/dispatch.h"
#include "openwts/sim.h"
#include "openwts/utf8.h"
#include "sim_backend.h"
#include "sim_time.h"

#define EXAMPLE OPENWTS_SCENARIO_DIR "/terminal-server.json"
#define POISON 0xDEADBEEFu
#define NOT_FOUND OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND
#define UNAVAILABLE OPENWTS_RPC_S_SERVER_UNAVAILABLE
#define DENIED OPENWTS_ERROR_ACCESS_DENIED

/* The example: 0 Services, 1 console (Administrator), 2 alice (active,
 * answers IDYES), 3 bob (disconnected, never answers). */
#define ALICE 2u
#define BOB 3u

static const openwts_backend *be;
static openwts_Caller admin, alice, bob;

static struct {
    uint32_t id;
    openwts_event_kind kind;
} events[32];
static size_t n_events;

static void sink(void *ctx, uint32_t id, openwts_event_kind kind)
{
    assert_ptr_equal(ctx, &n_events);
    assert_true(n_events < 32);
    events[n_events].id = id;
    events[n_events].kind = kind;
    n_events++;
}

/* The events since the last call are exactly these (id, kind) pairs. */
static void expect_events(size_t n, ...)
{
    va_list ap;
    va_start(ap, n);
    if (n_events != n)
        fail_msg("%zu events, expected %zu", n_events, n);
    for (size_t i = 0; i < n; i++) {
        uint32_t id = va_arg(ap, uint32_t);
        int kind = va_arg(ap, int); /* an enum argument arrives as int */
        if (events[i].id != id || (int)events[i].kind != kind)
            fail_msg("event %zu: (%u, %d), expected (%u, %d)", i, events[i].id, events[i].kind,
                     id, kind);
    }
    va_end(ap);
    n_events = 0;
}

static void set_caller(openwts_Caller *c, uint32_t session, const char *user, bool privileged)
{
    memset(c, 0, sizeof(*c));
    c->session_id = session;
    OPENWTS_SET_STRING(c->user, user);
    c->privileged = privileged;
}

static int setup(void **state)
{
    (void)state;
    char err[256];
    if (openwts_sim_open(EXAMPLE, NULL, &be, err, sizeof(err)) != OPENWTS_OK) {
        print_error("%s\n", err);
        return -1;
    }
    be->set_event_sink(be, sink, &n_events);
    n_events = 0;
    set_caller(&admin, 1, "Administrator", true);
    set_caller(&alice, ALICE, "ALICE", false); /* names compare in any case */
    set_caller(&bob, BOB, "bob", false);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    openwts_sim_close(be);
    return 0;
}

static const sim_model *model(void)
{
    return &((const sim *)be->data)->model;
}

static openwts_Session query(uint32_t id)
{
    openwts_Session s;
    assert_int_equal(be->query_session(be, &admin, "", id, &s), OPENWTS_OK);
    return s;
}

static void table_is_version_4_with_every_slot(void **state)
{
    (void)state;
    assert_int_equal(be->version, 4);
    assert_string_equal(be->name, "sim");
    assert_non_null(be->enumerate_sessions);
    assert_non_null(be->query_session);
    assert_non_null(be->disconnect_session);
    assert_non_null(be->logoff_session);
    assert_non_null(be->connect_session);
    assert_non_null(be->enumerate_processes);
    assert_non_null(be->terminate_process);
    assert_non_null(be->send_message);
    assert_non_null(be->set_event_sink);
    assert_non_null(be->add_session);
    assert_non_null(be->remove_session);
    assert_non_null(be->lock_session);
    assert_non_null(be->caller_session);
}

/* WTS_CURRENT_SESSION through wtsd: the sim gives a caller its user's
 * session, the Active one first; a user with none gets none. */
static void caller_session_is_the_users(void **state)
{
    (void)state;
    uint32_t id = POISON;
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK);
    assert_int_equal(id, ALICE);
    assert_int_equal(be->caller_session(be, &bob, &id), OPENWTS_OK);
    assert_int_equal(id, BOB); /* disconnected, but his only one */
    openwts_Caller nobody;
    set_caller(&nobody, 0, "nobody", false);
    assert_int_equal(be->caller_session(be, &nobody, &id), OPENWTS_OK);
    assert_int_equal(id, OPENWTS_CURRENT_SESSION);
    /* a second session of alice's, disconnected: the Active one stays hers */
    openwts_Session extra;
    memset(&extra, 0, sizeof(extra));
    OPENWTS_SET_STRING(extra.user, "alice");
    extra.state = OPENWTS_STATE_DISCONNECTED;
    uint32_t added = 0;
    assert_int_equal(be->add_session(be, &admin, "", &extra, &added), OPENWTS_OK);
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK);
    assert_int_equal(id, ALICE);
    /* once it is the only Active one, it is hers */
    assert_int_equal(be->disconnect_session(be, &admin, "", ALICE, true), OPENWTS_OK);
    assert_int_equal(be->connect_session(be, &admin, added, added, "", true), OPENWTS_OK);
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK);
    assert_int_equal(id, added);
}

static void enumerate_in_id_order_and_server_names(void **state)
{
    (void)state;
    openwts_Session out[8];
    size_t count = POISON;
    static const char *const ours[] = { "", ".", "localhost", "LOCALHOST", "TS01", "ts01",
                                        "\\\\TS01", NULL };
    for (size_t k = 0; k < 8; k++) {
        const char *server = k < 7 ? ours[k] : NULL;
        count = POISON;
        assert_int_equal(be->enumerate_sessions(be, &alice, server, out, 8, &count), OPENWTS_OK);
        assert_int_equal(count, 4);
        for (uint32_t i = 0; i < 4; i++)
            assert_int_equal(out[i].id, i);
    }
    assert_string_equal(out[2].user, "alice");
    assert_string_equal(out[3].client_name, "LAPTOP-BOB");

    /* Too little room: ERROR_INSUFFICIENT_BUFFER, *count the number
     * needed, nothing written. */
    memset(out, 0xA5, sizeof(out));
    count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &alice, "", out, 3, &count),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(count, 4);
    assert_int_equal(out[0].id, 0xA5A5A5A5u);
    count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &alice, "", NULL, 0, &count),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(count, 4);

    /* Any other server: 1722, outputs untouched. */
    count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &alice, "TS02", out, 8, &count), UNAVAILABLE);
    assert_int_equal(be->enumerate_sessions(be, &alice, "TS01.example", out, 8, &count),
                     UNAVAILABLE);
    assert_int_equal(count, POISON);
    assert_int_equal(be->enumerate_sessions(be, NULL, "", out, 8, &count),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(be->enumerate_sessions(be, &alice, "", out, 8, NULL),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    expect_events(0);
}

static void query_and_its_errors(void **state)
{
    (void)state;
    openwts_Session s;
    memset(&s, 0xA5, sizeof(s));
    assert_int_equal(be->query_session(be, &bob, "TS01", ALICE, &s), OPENWTS_OK);
    assert_string_equal(s.win_station, "RDP-Tcp#3");
    assert_string_equal(s.host, "TS01");
    memset(&s, 0xA5, sizeof(s));
    assert_int_equal(be->query_session(be, &bob, "", 4, &s), NOT_FOUND);
    assert_int_equal(be->query_session(be, &bob, "other", ALICE, &s), UNAVAILABLE);
    assert_int_equal(s.id, 0xA5A5A5A5u);
    assert_int_equal(be->query_session(be, &bob, "", ALICE, NULL), OPENWTS_ERROR_INVALID_PARAMETER);
}

static void disconnect_changes_state_and_time(void **state)
{
    (void)state;
    int64_t before = sim_time_now();
    assert_int_equal(be->disconnect_session(be, &alice, "", ALICE, true), OPENWTS_OK);
    int64_t after = sim_time_now();
    openwts_Session s = query(ALICE);
    assert_int_equal(s.state, OPENWTS_STATE_DISCONNECTED);
    assert_in_range(s.disconnect_time, before, after);
    assert_string_equal(s.user, "alice"); /* still logged on */
    expect_events(1, ALICE, OPENWTS_EVENT_DISCONNECT);

    /* Already disconnected: nothing changes, nothing is reported. */
    assert_int_equal(be->disconnect_session(be, &alice, "", ALICE, false), OPENWTS_OK);
    assert_int_equal(query(ALICE).disconnect_time, s.disconnect_time);
    expect_events(0);

    assert_int_equal(be->disconnect_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->disconnect_session(be, &admin, "", 9, true), NOT_FOUND);
    assert_int_equal(be->disconnect_session(be, &admin, "TS02", 1, true), UNAVAILABLE);
    assert_int_equal(query(1).state, OPENWTS_STATE_ACTIVE);
    expect_events(0);
}

static void connect_in_place_and_its_errors(void **state)
{
    (void)state;
    /* Bob's disconnected session comes back on his own client. */
    int64_t before = sim_time_now();
    assert_int_equal(be->connect_session(be, &bob, BOB, BOB, "", true), OPENWTS_OK);
    openwts_Session s = query(BOB);
    assert_int_equal(s.state, OPENWTS_STATE_ACTIVE);
    assert_true(s.connect_time >= before);
    assert_string_equal(s.client_name, "LAPTOP-BOB");
    expect_events(1, BOB, OPENWTS_EVENT_CONNECT);
    /* Already active: nothing to do. */
    assert_int_equal(be->connect_session(be, &bob, BOB, BOB, "", true), OPENWTS_OK);
    expect_events(0);

    assert_int_equal(be->connect_session(be, &admin, 0, 1, "", true), DENIED);
    assert_int_equal(be->connect_session(be, &admin, 1, 0, "", true), DENIED);
    assert_int_equal(be->connect_session(be, &admin, 9, 1, "", true), NOT_FOUND);
    assert_int_equal(be->connect_session(be, &admin, 1, 9, "", true), NOT_FOUND);
    /* A password must be the user's, from the scenario's "users";
     * ERROR_LOGON_FAILURE as LogonUser reports a wrong one. */
    assert_int_equal(be->connect_session(be, &bob, ALICE, ALICE, "battery staple", true),
                     OPENWTS_ERROR_LOGON_FAILURE);
    assert_int_equal(be->connect_session(be, &bob, ALICE, ALICE, "Correct Horse", true),
                     OPENWTS_ERROR_LOGON_FAILURE);
    assert_int_equal(be->connect_session(be, &bob, ALICE, ALICE, "correct horse", true),
                     OPENWTS_OK);
    expect_events(0); /* alice was active already */
}

/* Connecting bob's session to alice's display: bob takes alice's client
 * and is active; alice, without a client, is disconnected. */
static void connect_moves_the_client(void **state)
{
    (void)state;
    openwts_Session a0 = query(ALICE);
    assert_int_equal(be->connect_session(be, &admin, BOB, ALICE, "", true), OPENWTS_OK);
    openwts_Session a = query(ALICE), b = query(BOB);
    assert_int_equal(b.state, OPENWTS_STATE_ACTIVE);
    assert_string_equal(b.client_name, "WKS-ALICE");
    assert_int_equal(b.client_address_family, 2);
    assert_memory_equal(b.client_address.bytes, a0.client_address.bytes, 6);
    assert_int_equal(b.client_hres, 1920);
    assert_int_equal(b.client_build, 19045);
    assert_string_equal(b.user, "bob");
    assert_int_equal(a.state, OPENWTS_STATE_DISCONNECTED);
    assert_string_equal(a.client_name, "");
    assert_int_equal(a.client_address_family, 0);
    assert_int_equal(a.client_hres, 0);
    assert_true(a.disconnect_time != 0);
    expect_events(2, ALICE, OPENWTS_EVENT_DISCONNECT, BOB, OPENWTS_EVENT_CONNECT);

    /* An active session moved to the console's display drops its client
     * first: console disconnected, bob disconnected from WKS-ALICE, bob
     * connected. */
    assert_int_equal(be->connect_session(be, &admin, BOB, 1, "", true), OPENWTS_OK);
    expect_events(3, 1u, OPENWTS_EVENT_DISCONNECT, BOB, OPENWTS_EVENT_DISCONNECT, BOB,
                  OPENWTS_EVENT_CONNECT);
    assert_int_equal(query(BOB).protocol_type, 0); /* the console's */
}

static void logoff_ends_the_session_and_its_processes(void **state)
{
    (void)state;
    assert_non_null(sim_model_find_process(model(), 2348, NULL));
    assert_int_equal(be->logoff_session(be, &alice, "", ALICE, true), OPENWTS_OK);
    openwts_Session s;
    assert_int_equal(be->query_session(be, &admin, "", ALICE, &s), NOT_FOUND);
    assert_null(sim_model_find_process(model(), 2216, NULL));
    assert_null(sim_model_find_process(model(), 2348, NULL));
    assert_non_null(sim_model_find_process(model(), 3104, NULL)); /* bob's stay */
    assert_int_equal(model()->n_sessions, 3);
    expect_events(2, ALICE, OPENWTS_EVENT_LOGOFF, ALICE, OPENWTS_EVENT_DELETE);

    /* A logoff is reported as one even with nobody logged on (the logon
     * screen's session ends all the same). */
    openwts_Session empty = openwts_Session_init_zero;
    empty.lock_state = -1;
    uint32_t id;
    assert_int_equal(be->add_session(be, &admin, "", &empty, &id), OPENWTS_OK);
    n_events = 0;
    assert_int_equal(be->logoff_session(be, &admin, "", id, true), OPENWTS_OK);
    expect_events(2, id, OPENWTS_EVENT_LOGOFF, id, OPENWTS_EVENT_DELETE);

    assert_int_equal(be->logoff_session(be, &alice, "", ALICE, true), NOT_FOUND);
    assert_int_equal(be->logoff_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->logoff_session(be, &admin, "x", BOB, true), UNAVAILABLE);
    expect_events(0);
}

static void processes_listed_by_session(void **state)
{
    (void)state;
    openwts_EnumerateProcessesReply list;
    memset(&list, 0, sizeof(list));
    assert_int_equal(be->enumerate_processes(be, &bob, "", OPENWTS_ANY_SESSION, &list), OPENWTS_OK);
    assert_int_equal(list.processes_count, 8);
    static const uint32_t pids[] = { 4, 684, 1012, 1720, 2216, 2348, 3104, 3320 };
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(list.processes[i].process_id, pids[i]);
    assert_string_equal(list.processes[7].name, "excel.exe");
    assert_int_equal(list.processes[7].session_id, BOB);
    assert_int_equal(list.processes[7].working_set, 209715200);
    assert_int_equal(list.processes[7].user_sid.size, 28);
    free(list.processes);

    memset(&list, 0, sizeof(list));
    assert_int_equal(be->enumerate_processes(be, &bob, "TS01", ALICE, &list), OPENWTS_OK);
    assert_int_equal(list.processes_count, 2);
    assert_int_equal(list.processes[0].process_id, 2216);
    assert_int_equal(list.processes[1].process_id, 2348);
    free(list.processes);

    /* No such session: an empty list. */
    memset(&list, 0, sizeof(list));
    assert_int_equal(be->enumerate_processes(be, &bob, "", 77, &list), OPENWTS_OK);
    assert_int_equal(list.processes_count, 0);
    assert_int_equal(be->enumerate_processes(be, &bob, "TS02", ALICE, &list), UNAVAILABLE);
    assert_int_equal(list.processes_count, 0);
    assert_int_equal(be->enumerate_processes(be, &bob, "", ALICE, NULL),
                     OPENWTS_ERROR_INVALID_PARAMETER);
}

static void terminate_removes_and_records(void **state)
{
    (void)state;
    /* backend.h: no such process is ERROR_INVALID_PARAMETER. */
    assert_int_equal(be->terminate_process(be, &admin, "", 5, 1), OPENWTS_ERROR_INVALID_PARAMETER);
    /* A user may end his own processes only. */
    assert_int_equal(be->terminate_process(be, &alice, "", 3320, 1), DENIED);
    assert_int_equal(be->terminate_process(be, &alice, "", 4, 1), DENIED);
    assert_non_null(sim_model_find_process(model(), 3320, NULL));
    assert_int_equal(be->terminate_process(be, &alice, "", 2348, 42), OPENWTS_OK);
    assert_null(sim_model_find_process(model(), 2348, NULL));
    assert_true(model()->has_last_ended);
    assert_int_equal(model()->last_ended_pid, 2348);
    assert_int_equal(model()->last_ended_exit_code, 42);
    assert_int_equal(model()->n_processes, 7);
    /* Administrators may end any. */
    assert_int_equal(be->terminate_process(be, &admin, "", 3320, 0xC000013Au), OPENWTS_OK);
    assert_int_equal(model()->last_ended_exit_code, 0xC000013Au);
    assert_int_equal(be->terminate_process(be, &admin, "", 3320, 0), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(be->terminate_process(be, &admin, "far", 4, 0), UNAVAILABLE);
    expect_events(0); /* processes have no session events */
}

static void messages_recorded_with_scripted_answers(void **state)
{
    (void)state;
    uint32_t response = POISON;
    /* Without waiting: IDASYNC (WTSSendMessage page). */
    assert_int_equal(be->send_message(be, &admin, "", ALICE, "Title", "Text", 0x4, 0, false,
                                      &response), OPENWTS_OK);
    assert_int_equal(response, OPENWTS_IDASYNC);
    const sim_session *a = sim_model_find(model(), ALICE, NULL);
    assert_true(a->has_message);
    assert_string_equal(a->last_message.title, "Title");
    assert_string_equal(a->last_message.text, "Text");
    assert_int_equal(a->last_message.style, 0x4);
    assert_false(a->last_message.wait);
    assert_int_equal(a->last_message.response, OPENWTS_IDASYNC);

    /* Waiting: the scenario's answer for alice, IDYES (6). */
    response = POISON;
    assert_int_equal(be->send_message(be, &admin, "", ALICE, "Again", "Yes?", 0x24, 30, true,
                                      &response), OPENWTS_OK);
    assert_int_equal(response, 6);
    a = sim_model_find(model(), ALICE, NULL);
    assert_string_equal(a->last_message.title, "Again");
    assert_int_equal(a->last_message.timeout_seconds, 30);
    assert_true(a->last_message.wait);
    assert_int_equal(a->last_message.response, 6);

    /* Bob never answers: IDTIMEOUT, with a timeout or without one. */
    response = POISON;
    assert_int_equal(be->send_message(be, &admin, "", BOB, "", "", 0, 10, true, &response),
                     OPENWTS_OK);
    assert_int_equal(response, OPENWTS_IDTIMEOUT);
    response = POISON;
    assert_int_equal(be->send_message(be, &admin, "", BOB, "", "", 0, 0, true, &response),
                     OPENWTS_OK);
    assert_int_equal(response, OPENWTS_IDTIMEOUT);
    /* The console's user answers the default, IDOK (1). */
    assert_int_equal(be->send_message(be, &admin, "", 1, NULL, NULL, 0, 0, true, &response),
                     OPENWTS_OK);
    assert_int_equal(response, 1);
    assert_string_equal(sim_model_find(model(), 1, NULL)->last_message.title, "");

    /* Text that is not UTF-8 is recorded with U+FFFD in its place. */
    assert_int_equal(be->send_message(be, &admin, "", 1, "a\xff" "b", "\xc3", 0, 0, true,
                                      &response), OPENWTS_OK);
    assert_string_equal(sim_model_find(model(), 1, NULL)->last_message.title, "a\xef\xbf\xbd" "b");
    assert_string_equal(sim_model_find(model(), 1, NULL)->last_message.text, "\xef\xbf\xbd");

    response = POISON;
    assert_int_equal(be->send_message(be, &admin, "", 9, "", "", 0, 0, true, &response), NOT_FOUND);
    assert_int_equal(be->send_message(be, &admin, "TS9", 1, "", "", 0, 0, true, &response),
                     UNAVAILABLE);
    assert_int_equal(response, POISON);
    assert_int_equal(be->send_message(be, &admin, "", 1, "", "", 0, 0, true, NULL),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    expect_events(0);
}

static void add_session_chooses_or_checks_ids(void **state)
{
    (void)state;
    openwts_Session s = openwts_Session_init_zero;
    OPENWTS_SET_STRING(s.win_station, "RDP-Tcp#9");
    OPENWTS_SET_STRING(s.user, "carol");
    OPENWTS_SET_STRING(s.host, "ignored");
    s.state = OPENWTS_STATE_ACTIVE;
    s.lock_state = 1;
    s.protocol_type = 2;
    /* A program's WTS_CLIENT_ADDRESS, 20 bytes, IPv4 two bytes in. */
    s.client_address_family = 2;
    s.client_address.size = 20;
    s.client_address.bytes[2] = 172;
    s.client_address.bytes[3] = 16;
    s.client_address.bytes[5] = 9;
    uint32_t id = POISON;
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    assert_int_equal(id, 4); /* the lowest free id from 1 */
    openwts_Session got = query(4);
    assert_string_equal(got.user, "carol");
    assert_string_equal(got.host, "TS01");
    assert_int_equal(got.client_address.size, 6);
    assert_int_equal(got.client_address.bytes[2], 172);
    assert_int_equal(model()->n_sessions, 5);
    expect_events(3, 4u, OPENWTS_EVENT_CREATE, 4u, OPENWTS_EVENT_CONNECT, 4u, OPENWTS_EVENT_LOGON);

    /* A chosen id; nobody logged on, not connected: only CREATE. */
    openwts_Session idle = openwts_Session_init_zero;
    idle.id = 100;
    idle.state = OPENWTS_STATE_LISTEN;
    idle.lock_state = -1;
    id = POISON;
    assert_int_equal(be->add_session(be, &admin, "TS01", &idle, &id), OPENWTS_OK);
    assert_int_equal(id, 100);
    expect_events(1, 100u, OPENWTS_EVENT_CREATE);
    assert_int_equal(model()->sessions[model()->n_sessions - 1]->s.id, 100); /* id order */

    id = POISON;
    assert_int_equal(be->add_session(be, &admin, "", &idle, &id), OPENWTS_ERROR_ALREADY_EXISTS);
    assert_int_equal(id, POISON);
    assert_int_equal(be->add_session(be, &alice, "", &s, &id), DENIED);
    assert_int_equal(be->add_session(be, &admin, "TS02", &s, &id), UNAVAILABLE);
    assert_int_equal(be->add_session(be, &admin, "", NULL, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(be->add_session(be, &admin, "", &s, NULL), OPENWTS_ERROR_INVALID_PARAMETER);

    /* What a scenario could not hold is refused, not stored. */
    openwts_Session bad = s;
    bad.id = 50;
    bad.state = 12;
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = OPENWTS_CURRENT_SESSION;
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = 50;
    bad.client_address_family = 6; /* AF_IPX */
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = 50;
    bad.client_address.size = 3;
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = 50;
    memcpy(bad.user, "\xc0\x80", 3); /* an overlong NUL: not UTF-8 */
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = 50;
    memset(bad.win_station, 'x', sizeof(bad.win_station)); /* no NUL */
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    bad = s;
    bad.id = 50;
    bad.lock_state = 3;
    assert_int_equal(be->add_session(be, &admin, "", &bad, &id), OPENWTS_ERROR_INVALID_PARAMETER);
    assert_null(sim_model_find(model(), 50, NULL));
    assert_int_equal(id, POISON);
    expect_events(0);
}

static void remove_session_for_administrators(void **state)
{
    (void)state;
    assert_int_equal(be->remove_session(be, &bob, "", BOB), DENIED);
    assert_int_equal(be->remove_session(be, &admin, "", 0), DENIED);
    assert_int_equal(be->remove_session(be, &admin, "", 9), NOT_FOUND);
    assert_int_equal(be->remove_session(be, &admin, "TS02", BOB), UNAVAILABLE);
    expect_events(0);
    assert_int_equal(be->remove_session(be, &admin, "", BOB), OPENWTS_OK);
    assert_null(sim_model_find(model(), BOB, NULL));
    assert_null(sim_model_find_process(model(), 3320, NULL));
    expect_events(2, BOB, OPENWTS_EVENT_LOGOFF, BOB, OPENWTS_EVENT_DELETE);

    /* Nobody logged on: no logoff to report. */
    openwts_Session s = openwts_Session_init_zero;
    s.lock_state = -1;
    uint32_t id;
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    assert_int_equal(id, BOB); /* the freed id is reused */
    n_events = 0;
    assert_int_equal(be->remove_session(be, &admin, "", id), OPENWTS_OK);
    expect_events(1, BOB, OPENWTS_EVENT_DELETE);
}

static void lock_and_unlock(void **state)
{
    (void)state;
    assert_int_equal(be->lock_session(be, &alice, "", ALICE, true), OPENWTS_OK);
    assert_int_equal(query(ALICE).lock_state, 0); /* WTS_SESSIONSTATE_LOCK */
    expect_events(1, ALICE, OPENWTS_EVENT_LOCK);
    assert_int_equal(be->lock_session(be, &alice, "", ALICE, true), OPENWTS_OK);
    expect_events(0); /* already locked */
    assert_int_equal(be->lock_session(be, &admin, "", ALICE, false), OPENWTS_OK);
    assert_int_equal(query(ALICE).lock_state, 1);
    expect_events(1, ALICE, OPENWTS_EVENT_UNLOCK);

    assert_int_equal(be->lock_session(be, &alice, "", BOB, false), DENIED); /* not hers */
    assert_int_equal(query(BOB).lock_state, 0);
    assert_int_equal(be->lock_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->lock_session(be, &admin, "", 9, true), NOT_FOUND);
    assert_int_equal(be->lock_session(be, &admin, "nowhere", 1, true), UNAVAILABLE);
    /* A session nobody is logged on to has no desktop to lock. */
    openwts_Session s = openwts_Session_init_zero;
    s.lock_state = -1;
    uint32_t id;
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    n_events = 0;
    assert_int_equal(be->lock_session(be, &admin, "", id, true), DENIED);
    expect_events(0);
}

/* Events go in the order changes happen, one change after another. */
static void events_in_order_across_operations(void **state)
{
    (void)state;
    uint32_t response, id;
    openwts_Session s = openwts_Session_init_zero;
    OPENWTS_SET_STRING(s.user, "dave");
    s.state = OPENWTS_STATE_ACTIVE;
    s.lock_state = 1;
    assert_int_equal(be->disconnect_session(be, &admin, "", 1, true), OPENWTS_OK);
    assert_int_equal(be->lock_session(be, &admin, "", ALICE, true), OPENWTS_OK);
    assert_int_equal(be->send_message(be, &admin, "", ALICE, "t", "m", 0, 0, true, &response),
                     OPENWTS_OK);
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    assert_int_equal(be->connect_session(be, &admin, 1, 1, "", true), OPENWTS_OK);
    assert_int_equal(be->logoff_session(be, &admin, "", id, true), OPENWTS_OK);
    assert_int_equal(be->lock_session(be, &admin, "", ALICE, false), OPENWTS_OK);
    expect_events(9, 1u, OPENWTS_EVENT_DISCONNECT, ALICE, OPENWTS_EVENT_LOCK, id,
                  OPENWTS_EVENT_CREATE, id, OPENWTS_EVENT_CONNECT, id, OPENWTS_EVENT_LOGON, 1u,
                  OPENWTS_EVENT_CONNECT, id, OPENWTS_EVENT_LOGOFF, id, OPENWTS_EVENT_DELETE, ALICE,
                  OPENWTS_EVENT_UNLOCK);

    /* No sink: changes happen all the same. */
    be->set_event_sink(be, NULL, NULL);
    assert_int_equal(be->disconnect_session(be, &admin, "", ALICE, true), OPENWTS_OK);
    assert_int_equal(query(ALICE).state, OPENWTS_STATE_DISCONNECTED);
    assert_int_equal(n_events, 0);
}

/* Through the dispatcher, as wtsd will call: its own-session rule and
 * WTS_CURRENT_SESSION resolution in front of the sim. */
static void served_through_the_dispatcher(void **state)
{
    (void)state;
    openwts_Request req;
    openwts_Reply *rep = malloc(sizeof(*rep));
    assert_non_null(rep);
    memset(&req, 0, sizeof(req));

    req.which_op = openwts_Request_disconnect_session_tag;
    req.op.disconnect_session.session_id = BOB;
    assert_int_equal(openwts_dispatch(be, &alice, &req, rep), DENIED); /* not hers */
    assert_int_equal(query(BOB).state, OPENWTS_STATE_DISCONNECTED);
    req.op.disconnect_session.session_id = OPENWTS_CURRENT_SESSION;
    assert_int_equal(openwts_dispatch(be, &alice, &req, rep), OPENWTS_OK);
    assert_int_equal(query(ALICE).state, OPENWTS_STATE_DISCONNECTED);
    expect_events(1, ALICE, OPENWTS_EVENT_DISCONNECT);

    req.which_op = openwts_Request_query_session_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.query_session.session_id = OPENWTS_CURRENT_SESSION;
    OPENWTS_SET_STRING(req.server, "ts01");
    assert_int_equal(openwts_dispatch(be, &alice, &req, rep), OPENWTS_OK);
    assert_int_equal(rep->result.query_session.session.id, ALICE);
    OPENWTS_SET_STRING(req.server, "elsewhere");
    assert_int_equal(openwts_dispatch(be, &alice, &req, rep), UNAVAILABLE);

    req.which_op = openwts_Request_enumerate_sessions_tag;
    memset(&req.op, 0, sizeof(req.op));
    OPENWTS_SET_STRING(req.server, "");
    assert_int_equal(openwts_dispatch(be, &alice, &req, rep), OPENWTS_OK);
    assert_int_equal(rep->result.enumerate_sessions.sessions_count, 4);
    openwts_reply_release(rep);
    free(rep);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(table_is_version_4_with_every_slot),
        T(caller_session_is_the_users),
        T(enumerate_in_id_order_and_server_names),
        T(query_and_its_errors),
        T(disconnect_changes_state_and_time),
        T(connect_in_place_and_its_errors),
        T(connect_moves_the_client),
        T(logoff_ends_the_session_and_its_processes),
        T(processes_listed_by_session),
        T(terminate_removes_and_records),
        T(messages_recorded_with_scripted_answers),
        T(add_session_chooses_or_checks_ids),
        T(remove_session_for_administrators),
        T(lock_and_unlock),
        T(events_in_order_across_operations),
        T(served_through_the_dispatcher),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
