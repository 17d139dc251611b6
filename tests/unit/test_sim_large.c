/* The 10,000-session scenario that examples/scenarios/make-large-scenario.py
 * writes at build time: it loads, enumerates whole (and asks for room when
 * given too little), lists its processes, and a change to it is saved and
 * read back. The expected values follow from the generator: session i is
 * "user%05d" on client "WKS-%05d" at 10.(i>>16).(i>>8&255).(i&255), in
 * state Active, Active, Active, Disconnected, Idle by i % 5; two processes
 * per user session plus System.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "openwts/sim.h"
#include "openwts/utf8.h"
#include "sim_backend.h"

#define N 10000u
#define POISON 0xDEADBEEFu

static const openwts_backend *be;
static openwts_Caller admin;
static char err[512];

static int setup(void **state)
{
    (void)state;
    memset(&admin, 0, sizeof(admin));
    OPENWTS_SET_STRING(admin.user, "Administrator");
    admin.privileged = true;
    if (openwts_sim_open(OPENWTS_LARGE_SCENARIO, NULL, &be, err, sizeof(err)) != OPENWTS_OK) {
        print_error("%s\n", err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    openwts_sim_close(be);
    return 0;
}

static void enumerates_all_ten_thousand(void **state)
{
    (void)state;
    openwts_Session *out = malloc(N * sizeof(*out));
    assert_non_null(out);

    /* Room for the dispatcher's 64: too little, and the number needed. */
    size_t count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &admin, "", out, 64, &count),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(count, N);
    count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &admin, "", out, N - 1, &count),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(count, N);

    /* Room for all: every session, in id order. */
    count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &admin, "TS01", out, N, &count), OPENWTS_OK);
    assert_int_equal(count, N);
    for (uint32_t i = 0; i < N; i++)
        assert_int_equal(out[i].id, i);
    const openwts_Session *s = &out[5001];
    assert_string_equal(s->user, "user05001");
    assert_string_equal(s->win_station, "RDP-Tcp#5101");
    assert_string_equal(s->client_name, "WKS-05001");
    static const uint8_t address[] = { 0, 0, 10, 0, 5001 >> 8, 5001 & 255 };
    assert_int_equal(s->client_address_family, 2);
    assert_memory_equal(s->client_address.bytes, address, sizeof(address));
    assert_int_equal(s->state, OPENWTS_STATE_ACTIVE); /* 5001 % 5 == 1 */
    assert_int_equal(out[5003].state, OPENWTS_STATE_DISCONNECTED);
    assert_int_equal(out[5003].lock_state, 0);
    assert_int_equal(out[5004].state, OPENWTS_STATE_IDLE);
    assert_string_equal(out[0].win_station, "Services");
    assert_string_equal(out[1].win_station, "Console");
    free(out);
}

static void lists_every_process(void **state)
{
    (void)state;
    openwts_EnumerateProcessesReply list;
    memset(&list, 0, sizeof(list));
    assert_int_equal(be->enumerate_processes(be, &admin, "", OPENWTS_ANY_SESSION, &list), OPENWTS_OK);
    assert_int_equal(list.processes_count, 1 + 2 * (N - 1));
    for (size_t i = 1; i < list.processes_count; i++)
        assert_true(list.processes[i - 1].process_id < list.processes[i].process_id);
    free(list.processes);
    memset(&list, 0, sizeof(list));
    assert_int_equal(be->enumerate_processes(be, &admin, "", 7777, &list), OPENWTS_OK);
    assert_int_equal(list.processes_count, 2);
    assert_int_equal(list.processes[0].session_id, 7777);
    assert_string_equal(list.processes[1].name, "rdpclip.exe");
    free(list.processes);
}

/* Changes to a large world are saved whole and read back. */
static void changes_saved_and_read_back(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char dir[128], path[160];
    snprintf(dir, sizeof(dir), "%s/openwts-sim-large-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/state.json", dir);

    const openwts_backend *saved = NULL;
    assert_int_equal(openwts_sim_open(OPENWTS_LARGE_SCENARIO, path, &saved, err, sizeof(err)),
                     OPENWTS_OK);
    assert_int_equal(saved->disconnect_session(saved, &admin, "", 5001, true), OPENWTS_OK);
    assert_int_equal(saved->logoff_session(saved, &admin, "", N - 1, true), OPENWTS_OK);
    /* The lowest free id is the one just freed at the end. */
    openwts_Session s = openwts_Session_init_zero;
    s.lock_state = -1;
    uint32_t id = POISON;
    assert_int_equal(saved->add_session(saved, &admin, "", &s, &id), OPENWTS_OK);
    assert_int_equal(id, N - 1);
    openwts_sim_close(saved);

    assert_int_equal(openwts_sim_open(NULL, path, &saved, err, sizeof(err)), OPENWTS_OK);
    openwts_Session q;
    assert_int_equal(saved->query_session(saved, &admin, "", 5001, &q), OPENWTS_OK);
    assert_int_equal(q.state, OPENWTS_STATE_DISCONNECTED);
    assert_int_equal(saved->query_session(saved, &admin, "", N - 1, &q), OPENWTS_OK);
    assert_string_equal(q.user, "");
    const sim_model *m = &((const sim *)saved->data)->model;
    assert_int_equal(m->n_sessions, N);
    assert_int_equal(m->n_processes, 1 + 2 * (N - 1) - 2);
    openwts_sim_close(saved);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enumerates_all_ten_thousand),
        cmocka_unit_test(lists_every_process),
        cmocka_unit_test(changes_saved_and_read_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
