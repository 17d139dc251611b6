/* The sim backend's scenario format: the example file read field by field,
 * defaults, every kind of bad file refused with the right line:column or
 * path, nothing half-loaded, and the writer's output reading back equal.
 * Expected values come from the example file itself
 * (examples/scenarios/terminal-server.json), from the format's
 * documentation (docs/sim-scenarios.md) and, for layouts, from Microsoft's
 * pages cited beside each check.
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
#include "sim_address.h"
#include "sim_names.h"
#include "sim_scenario.h"
#include "sim_sid.h"
#include "sim_store.h"
#include "sim_time.h"

#define EXAMPLE OPENWTS_SCENARIO_DIR "/terminal-server.json"

/* FILETIME of 1970-01-01, and of the example's times (Python's
 * calendar.timegm, times 10^7, plus that). */
#define UNIX_EPOCH_FT 116444736000000000ll
#define FT_2024_05_06_08_02_44 133594561640000000ll
#define FT_2024_05_06_08_02_40 133594561600000000ll
#define FT_2024_05_06_09_40_58 133594620580000000ll
#define FT_2024_05_06_09_41_03 133594620630000000ll
#define FT_2024_05_06_08_15_31 133594569310000000ll

static char err[512];

static openwts_status parse(const char *text, sim_model *m)
{
    memset(err, 0, sizeof(err));
    return sim_scenario_parse(NULL, text, strlen(text), m, err, sizeof(err));
}

static void load_example(sim_model *m)
{
    char *text;
    size_t len;
    assert_int_equal(sim_store_read(EXAMPLE, &text, &len, err, sizeof(err)), OPENWTS_OK);
    assert_int_equal(sim_scenario_parse(EXAMPLE, text, len, m, err, sizeof(err)), OPENWTS_OK);
    free(text);
}

static const openwts_Process *process(const sim_model *m, uint32_t pid)
{
    const openwts_Process *p = sim_model_find_process(m, pid, NULL);
    assert_non_null(p);
    return p;
}

static void example_read_field_by_field(void **state)
{
    (void)state;
    sim_model m;
    load_example(&m);
    assert_string_equal(m.server, "TS01");

    assert_int_equal(m.n_users, 3);
    assert_string_equal(m.users[1].name, "alice");
    assert_string_equal(m.users[1].domain, "CONTOSO");
    assert_string_equal(m.users[1].password, "correct horse");

    /* In id order, each with the server as host. */
    assert_int_equal(m.n_sessions, 4);
    for (uint32_t i = 0; i < 4; i++) {
        assert_int_equal(m.sessions[i]->s.id, i);
        assert_string_equal(m.sessions[i]->s.host, "TS01");
    }

    /* Session 0: only id, name and state given; the rest are defaults. */
    const openwts_Session *s0 = &m.sessions[0]->s;
    assert_string_equal(s0->win_station, "Services");
    assert_int_equal(s0->state, OPENWTS_STATE_DISCONNECTED);
    assert_string_equal(s0->user, "");
    assert_int_equal(s0->lock_state, -1); /* no user: WTS_SESSIONSTATE_UNKNOWN */
    assert_int_equal(s0->protocol_type, 0);
    assert_int_equal(s0->client_address_family, 0);
    assert_int_equal(s0->client_address.size, 0);
    assert_int_equal(s0->logon_time, 0);
    assert_int_equal(m.sessions[0]->message_response, 1); /* IDOK */
    assert_false(m.sessions[0]->has_message);

    /* Session 1: a fraction of a second in FILETIME units (.25 s). */
    assert_int_equal(m.sessions[1]->s.last_input_time, FT_2024_05_06_09_41_03 + 2500000);

    /* Session 2: every client field. */
    const sim_session *alice = m.sessions[2];
    const openwts_Session *s2 = &alice->s;
    assert_string_equal(s2->win_station, "RDP-Tcp#3");
    assert_string_equal(s2->user, "alice");
    assert_string_equal(s2->domain, "CONTOSO");
    assert_int_equal(s2->state, OPENWTS_STATE_ACTIVE);
    assert_int_equal(s2->lock_state, 1);
    assert_int_equal(s2->logon_time, FT_2024_05_06_08_02_44);
    assert_int_equal(s2->connect_time, FT_2024_05_06_08_02_40);
    assert_int_equal(s2->disconnect_time, 0);
    assert_int_equal(s2->last_input_time, FT_2024_05_06_09_40_58);
    assert_string_equal(s2->client_name, "WKS-ALICE");
    assert_string_equal(s2->client_directory, "C:\\Windows\\System32\\mstscax.dll");
    assert_int_equal(s2->client_build, 19045);
    assert_int_equal(s2->client_product_id, 1);
    assert_int_equal(s2->protocol_type, 2);
    assert_int_equal(s2->client_hres, 1920);
    assert_int_equal(s2->client_vres, 1080);
    assert_int_equal(s2->client_color_depth, 24);
    /* WTS_CLIENT_ADDRESS page: AF_INET, the address two bytes in. */
    static const uint8_t v4[] = { 0, 0, 192, 168, 10, 21 };
    assert_int_equal(s2->client_address_family, 2);
    assert_int_equal(s2->client_address.size, sizeof(v4));
    assert_memory_equal(s2->client_address.bytes, v4, sizeof(v4));
    assert_int_equal(alice->message_response, 6); /* IDYES */

    /* Session 3: disconnected, locked, IPv6, a user who never answers. */
    const openwts_Session *s3 = &m.sessions[3]->s;
    assert_int_equal(s3->state, OPENWTS_STATE_DISCONNECTED);
    assert_int_equal(s3->lock_state, 0);
    assert_int_equal(s3->disconnect_time, FT_2024_05_06_08_15_31);
    /* Same page: AF_INET6 (23 in ws2def.h), the 16 raw bytes. */
    static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0x00, 0x10, [15] = 0x42 };
    assert_int_equal(s3->client_address_family, 23);
    assert_int_equal(s3->client_address.size, 16);
    assert_memory_equal(s3->client_address.bytes, v6, 16);
    assert_int_equal(s3->client_color_depth, 32);
    assert_int_equal(m.sessions[3]->message_response, SIM_NO_ANSWER);

    /* Processes, in pid order. */
    assert_int_equal(m.n_processes, 8);
    for (size_t i = 1; i < m.n_processes; i++)
        assert_true(m.processes[i - 1].process_id < m.processes[i].process_id);
    const openwts_Process *svc = process(&m, 684);
    assert_int_equal(svc->session_id, 0);
    assert_string_equal(svc->name, "services.exe");
    /* S-1-5-18 (MS-DTYP 2.4.2.2): revision 1, one sub-authority, NT
     * authority 5 big-endian, 18 little-endian. */
    static const uint8_t system_sid[] = { 1, 1, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0 };
    assert_int_equal(svc->user_sid.size, sizeof(system_sid));
    assert_memory_equal(svc->user_sid.bytes, system_sid, sizeof(system_sid));
    assert_int_equal(svc->thread_count, 9);
    assert_int_equal(svc->handle_count, 712);
    assert_int_equal(svc->pagefile_usage, 5423104);
    assert_int_equal(svc->peak_pagefile_usage, 6574080);
    assert_int_equal(svc->working_set, 10485760);
    assert_int_equal(svc->peak_working_set, 12582912);
    assert_int_equal(svc->user_time, 15625000);
    assert_int_equal(svc->kernel_time, 31250000);
    const openwts_Process *np = process(&m, 2348);
    assert_int_equal(np->session_id, 2);
    assert_int_equal(np->user_sid.size, 8 + 5 * 4);
    assert_int_equal(np->user_sid.bytes[1], 5);
    /* the last sub-authority, 1107 = 0x453, little-endian */
    assert_int_equal(np->user_sid.bytes[24], 0x53);
    assert_int_equal(np->user_sid.bytes[25], 0x04);
    assert_false(m.has_last_ended);
    sim_model_free(&m);
}

/* Every member the format has (docs/sim-scenarios.md), each read as written. */
static void every_member_read_as_written(void **state)
{
    (void)state;
    static const char text[] =
        "{\"version\": 1, \"server\": \"SRV-\u00c9\",\n"
        " \"users\": [{\"name\": \"eve\", \"domain\": \"LAB\", \"password\": \"p w\"}],\n"
        " \"sessions\": [{\"id\": 9, \"win_station\": \"ICA-tcp#1\", \"user\": \"eve\",\n"
        "   \"domain\": \"LAB\", \"state\": \"Shadow\", \"lock_state\": \"locked\",\n"
        "   \"logon_time\": \"1970-01-01T00:00:01Z\", \"connect_time\": 42,\n"
        "   \"disconnect_time\": \"1970-01-01T00:00:00.0000001Z\",\n"
        "   \"last_input_time\": \"1601-01-01T00:00:00.5+00:00\",\n"
        "   \"client\": {\"name\": \"C1\", \"directory\": \"D:\\\\ica\", \"address\": \"::1\",\n"
        "     \"build\": 7, \"product_id\": 65535, \"hardware_id\": 4294967295,\n"
        "     \"protocol\": \"ICA\", \"hres\": 640, \"vres\": 480, \"color_depth\": 8},\n"
        "   \"initial_program\": \"app.exe\", \"working_directory\": \"C:\\\\w\",\n"
        "   \"application_name\": \"App\", \"session_address\": \"10.9.8.7\",\n"
        "   \"message_response\": \"IDCONTINUE\",\n"
        "   \"last_message\": {\"title\": \"T\", \"text\": \"M\", \"style\": 48, \"timeout\": 5,\n"
        "     \"wait\": true, \"response\": 32000}}],\n"
        " \"processes\": [{\"pid\": 77, \"session\": 9, \"name\": \"app.exe\",\n"
        "   \"user_sid\": \"S-1-5-32-544\", \"threads\": 3, \"handles\": 4,\n"
        "   \"pagefile_usage\": 5, \"peak_pagefile_usage\": 6, \"working_set\": 7,\n"
        "   \"peak_working_set\": 18446744073709551615, \"user_time\": 9, \"kernel_time\": 10}],\n"
        " \"last_ended\": {\"pid\": 76, \"exit_code\": 4294967295}}";
    sim_model m;
    assert_int_equal(parse(text, &m), OPENWTS_OK);
    assert_string_equal(m.server, "SRV-\xc3\x89");
    assert_int_equal(m.n_users, 1);
    assert_string_equal(m.users[0].name, "eve");
    assert_string_equal(m.users[0].domain, "LAB");
    assert_string_equal(m.users[0].password, "p w");

    assert_int_equal(m.n_sessions, 1);
    const sim_session *ss = m.sessions[0];
    const openwts_Session *s = &ss->s;
    assert_int_equal(s->id, 9);
    assert_string_equal(s->win_station, "ICA-tcp#1");
    assert_string_equal(s->user, "eve");
    assert_string_equal(s->domain, "LAB");
    assert_string_equal(s->host, "SRV-\xc3\x89");
    assert_int_equal(s->state, OPENWTS_STATE_SHADOW);
    assert_int_equal(s->lock_state, 0);
    assert_int_equal(s->logon_time, UNIX_EPOCH_FT + 10000000);
    assert_int_equal(s->connect_time, 42); /* an integer: FILETIME units */
    assert_int_equal(s->disconnect_time, UNIX_EPOCH_FT + 1);
    assert_int_equal(s->last_input_time, 5000000);
    assert_string_equal(s->client_name, "C1");
    assert_string_equal(s->client_directory, "D:\\ica");
    static const uint8_t loopback6[16] = { [15] = 1 };
    assert_int_equal(s->client_address_family, 23);
    assert_int_equal(s->client_address.size, 16);
    assert_memory_equal(s->client_address.bytes, loopback6, 16);
    assert_int_equal(s->client_build, 7);
    assert_int_equal(s->client_product_id, 65535);
    assert_int_equal(s->client_hardware_id, 4294967295u);
    assert_int_equal(s->protocol_type, 1);
    assert_int_equal(s->client_hres, 640);
    assert_int_equal(s->client_vres, 480);
    assert_int_equal(s->client_color_depth, 8);
    assert_string_equal(s->initial_program, "app.exe");
    assert_string_equal(s->working_directory, "C:\\w");
    assert_string_equal(s->application_name, "App");
    /* WTS_SESSION_ADDRESS: the same layout as WTS_CLIENT_ADDRESS, AF_INET */
    static const uint8_t v4[] = { 0, 0, 10, 9, 8, 7 };
    assert_int_equal(s->session_address_family, 2);
    assert_int_equal(s->session_address.size, sizeof(v4));
    assert_memory_equal(s->session_address.bytes, v4, sizeof(v4));
    assert_int_equal(ss->message_response, 11);
    assert_true(ss->has_message);
    assert_string_equal(ss->last_message.title, "T");
    assert_string_equal(ss->last_message.text, "M");
    assert_int_equal(ss->last_message.style, 48);
    assert_int_equal(ss->last_message.timeout_seconds, 5);
    assert_true(ss->last_message.wait);
    assert_int_equal(ss->last_message.response, OPENWTS_IDTIMEOUT);

    assert_int_equal(m.n_processes, 1);
    const openwts_Process *p = &m.processes[0];
    assert_int_equal(p->process_id, 77);
    assert_int_equal(p->session_id, 9);
    assert_string_equal(p->name, "app.exe");
    /* S-1-5-32-544, BUILTIN\Administrators */
    static const uint8_t admins[] = { 1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 0x20, 0x02, 0, 0 };
    assert_int_equal(p->user_sid.size, sizeof(admins));
    assert_memory_equal(p->user_sid.bytes, admins, sizeof(admins));
    assert_int_equal(p->thread_count, 3);
    assert_int_equal(p->handle_count, 4);
    assert_int_equal(p->pagefile_usage, 5);
    assert_int_equal(p->peak_pagefile_usage, 6);
    assert_int_equal(p->working_set, 7);
    assert_true(p->peak_working_set == UINT64_MAX);
    assert_int_equal(p->user_time, 9);
    assert_int_equal(p->kernel_time, 10);

    assert_true(m.has_last_ended);
    assert_int_equal(m.last_ended_pid, 76);
    assert_int_equal(m.last_ended_exit_code, 4294967295u);
    sim_model_free(&m);
}

/* docs/sim-scenarios.md, the "default" columns of its tables. */
static void omitted_members_take_their_defaults(void **state)
{
    (void)state;
    sim_model m;
    assert_int_equal(parse("{}", &m), OPENWTS_OK);
    assert_string_equal(m.server, "localhost");
    assert_int_equal(m.n_sessions, 0);
    assert_int_equal(m.n_processes, 0);
    sim_model_free(&m);

    assert_int_equal(parse("{\"sessions\": [{\"id\": 7, \"user\": \"u\", \"logon_time\": null},"
                           " {\"id\": 8}]}", &m), OPENWTS_OK);
    const openwts_Session *s = &m.sessions[0]->s;
    assert_int_equal(s->id, 7);
    assert_int_equal(s->state, OPENWTS_STATE_ACTIVE);
    assert_int_equal(s->lock_state, 1); /* a user: unlocked */
    assert_int_equal(s->logon_time, 0);  /* null is left out */
    assert_int_equal(m.sessions[0]->message_response, 1);
    assert_string_equal(s->host, "localhost");
    assert_int_equal(m.sessions[1]->s.lock_state, -1); /* nobody: unknown */
    sim_model_free(&m);

    /* Names by number too, and "WTS" spellings of states. */
    assert_int_equal(parse("{\"sessions\": [{\"id\": 1, \"state\": 4, \"lock_state\": 0,"
                           " \"message_response\": 7, \"client\": {\"protocol\": 2}},"
                           " {\"id\": 2, \"state\": \"wtsListen\"}]}", &m), OPENWTS_OK);
    assert_int_equal(m.sessions[0]->s.state, 4);
    assert_int_equal(m.sessions[0]->s.lock_state, 0);
    assert_int_equal(m.sessions[0]->message_response, 7);
    assert_int_equal(m.sessions[0]->s.protocol_type, 2);
    assert_int_equal(m.sessions[1]->s.state, OPENWTS_STATE_LISTEN);
    sim_model_free(&m);
}

struct bad {
    const char *text;
    const char *message; /* the whole message, or its start when it ends in '*' */
};

static void check_bad(const struct bad *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sim_model m;
        memset(&m, 0x5A, sizeof(m)); /* must come back empty, not as it was */
        openwts_status st = parse(b[i].text, &m);
        if (st != OPENWTS_ERROR_INVALID_DATA)
            fail_msg("accepted: %s", b[i].text);
        size_t k = strlen(b[i].message);
        bool prefix = b[i].message[k - 1] == '*';
        if (prefix ? strncmp(err, b[i].message, k - 1) != 0 : strcmp(err, b[i].message) != 0)
            fail_msg("for %s\n  got:      %s\n  expected: %s", b[i].text, err, b[i].message);
        assert_int_equal(m.n_sessions, 0);
        assert_null(m.sessions);
        assert_null(m.processes);
        assert_null(m.users);
    }
}

/* Line and column count from 1; columns count characters. */
static void syntax_errors_give_line_and_column(void **state)
{
    (void)state;
    static const struct bad bad[] = {
        { "", "1:1: empty input" },
        { "   \n ", "2:2: unexpected end of input" },
        { "{\n  \"server\": \"TS01\",\n}", "3:1: *" },           /* trailing comma */
        { "{\n  \"server\" \"TS01\"\n}", "2:12: *" },            /* no ':' */
        { "{\"server\": \"TS01\"", "1:18: unexpected end of input" },
        { "{\"sessions\": [{\"id\": 1}, ]}", "1:26: *" },
        { "{} x", "1:4: *" },
        { "{\"server\": tru}", "1:15: *" },
        { "{\"server\": \"\xc3\xa9\xc3\xa9\", ]}", "1:18: *" }, /* é counts once */
        { "{\"server\": \"\xff\"}", "1:13: *" },               /* not UTF-8 */
        { "{\"sessions\": [\n\n   {\"id\": 01}]}", "3:13: *" },
    };
    check_bad(bad, sizeof(bad) / sizeof(bad[0]));

    /* A NUL byte is no end of the text. */
    sim_model m;
    static const char nul[] = "{}\0{}";
    assert_int_equal(sim_scenario_parse(NULL, nul, sizeof(nul) - 1, &m, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_memory_equal(err, "1:3: ", 5);

    /* With a file name: NAME:LINE:COLUMN. */
    assert_int_equal(sim_scenario_parse("a.json", "{\n,", 3, &m, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_memory_equal(err, "a.json:2:1: ", 12);
}

static void semantic_errors_give_the_path(void **state)
{
    (void)state;
    static const struct bad bad[] = {
        { "[]", "(top level): expected an object, found an array" },
        { "null", "(top level): expected an object, found null" },
        { "{\"version\": 2}", "version: version 2 is not known here (only 1)" },
        { "{\"server\": \"\"}", "server: empty (the server needs a name)" },
        { "{\"server\": 5}", "server: expected a string, found an integer" },
        { "{\"sever\": \"x\"}", "sever: unknown member" },
        { "{\"sessions\": {}}", "sessions: expected an array, found an object" },
        { "{\"sessions\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3, \"state\": \"Sleeping\"}]}",
          "sessions[2].state: unknown name \"Sleeping\" (one of Active, *" },
        { "{\"sessions\": [{\"id\": \"1\"}]}",
          "sessions[0].id: expected an integer, found a string" },
        { "{\"sessions\": [{\"id\": 1.5}]}",
          "sessions[0].id: expected an integer, found a fractional number" },
        { "{\"sessions\": [{\"id\": -1}]}", "sessions[0].id: negative" },
        { "{\"sessions\": [{\"id\": 4294967296}]}", "sessions[0].id: more than 4294967295" },
        { "{\"sessions\": [{\"id\": 4294967295}]}", "sessions[0].id: 0xFFFFFFFF and *" },
        { "{\"sessions\": [{\"user\": \"x\"}]}", "sessions[0].id: missing (every session needs one)" },
        { "{\"sessions\": [null]}", "sessions[0]: expected an object, found null" },
        { "{\"sessions\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 1}]}",
          "sessions[2].id: duplicate session id 1 (also sessions[0])" },
        { "{\"sessions\": [{\"id\": 1, \"stat\": \"Active\"}]}", "sessions[0].stat: unknown member" },
        { "{\"sessions\": [{\"id\": 1, \"state\": 10}]}",
          "sessions[0].state: not a WTS_CONNECTSTATE_CLASS value (0 to 9)" },
        { "{\"sessions\": [{\"id\": 1, \"state\": true}]}",
          "sessions[0].state: expected a name or a number, found true or false" },
        { "{\"sessions\": [{\"id\": 1, \"lock_state\": \"half\"}]}",
          "sessions[0].lock_state: unknown name \"half\" (one of locked, unlocked, unknown)" },
        { "{\"sessions\": [{\"id\": 1, \"lock_state\": 2}]}",
          "sessions[0].lock_state: not a lock state (locked 0, unlocked 1, unknown -1)" },
        { "{\"sessions\": [{\"id\": 1, \"client\": {\"address\": \"300.1.1.1\"}}]}",
          "sessions[0].client.address: not an IPv4 or IPv6 address" },
        { "{\"sessions\": [{\"id\": 1, \"client\": {\"color_depth\": 3}}]}",
          "sessions[0].client.color_depth: not a WTS_CLIENT_DISPLAY color depth *" },
        { "{\"sessions\": [{\"id\": 1, \"client\": {\"hres\": 70000}}]}",
          "sessions[0].client.hres: more than 65535" },
        { "{\"sessions\": [{\"id\": 1, \"client\": {\"protocol\": \"vnc\"}}]}",
          "sessions[0].client.protocol: unknown name \"vnc\" (one of console, ica, rdp)" },
        { "{\"sessions\": [{\"id\": 1, \"client\": {\"colour\": 3}}]}",
          "sessions[0].client.colour: unknown member" },
        { "{\"sessions\": [{\"id\": 1, \"client\": []}]}",
          "sessions[0].client: expected an object, found an array" },
        { "{\"sessions\": [{\"id\": 1, \"session_address\": \"::1\"}]}",
          "sessions[0].session_address: not an IPv4 address in WTS_SESSION_ADDRESS layout" },
        { "{\"sessions\": [{\"id\": 1, \"logon_time\": \"2024-13-01T00:00:00Z\"}]}",
          "sessions[0].logon_time: not an ISO-8601 UTC time *" },
        { "{\"sessions\": [{\"id\": 1, \"logon_time\": \"2023-02-29T00:00:00Z\"}]}",
          "sessions[0].logon_time: not an ISO-8601 UTC time *" },
        { "{\"sessions\": [{\"id\": 1, \"logon_time\": \"2024-05-06T08:00:00+02:00\"}]}",
          "sessions[0].logon_time: not an ISO-8601 UTC time *" },
        { "{\"sessions\": [{\"id\": 1, \"logon_time\": 18446744073709551615}]}",
          "sessions[0].logon_time: more than 9223372036854775807" },
        { "{\"sessions\": [{\"id\": 1, \"message_response\": \"IDASYNC\"}]}",
          "sessions[0].message_response: IDASYNC is not an answer a user gives" },
        { "{\"sessions\": [{\"id\": 1, \"message_response\": \"maybe\"}]}",
          "sessions[0].message_response: unknown name \"maybe\" (one of none, IDOK, *" },
        { "{\"sessions\": [{\"id\": 1, \"user\": \"a\\u0000b\"}]}",
          "sessions[0].user: contains a NUL character" },
        { "{\"sessions\": [{\"id\": 1, \"user\": \"\xed\xa0\x80\"}]}", /* a surrogate */
          "sessions[0].user: not well-formed UTF-8" },
        { "{\"sessions\": [{\"id\": 1, \"win_station\": "
          "\"0123456789012345678901234567890123456789012345678901234567890123456789"
          "012345678901234567890123456789\"}]}",
          "sessions[0].win_station: longer than 99 bytes of UTF-8" },
        { "{\"sessions\": [{\"id\": 1, \"last_message\": {\"title\": 1}}]}",
          "sessions[0].last_message.title: expected a string, found an integer" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"pid\": 8, \"session\": 9}]}",
          "processes[0].session: no session 9 in \"sessions\"" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"session\": 1}]}",
          "processes[0].pid: missing (every process needs one)" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"pid\": 8}]}",
          "processes[0].session: missing (every process runs in a session)" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"pid\": 8, \"session\": 1},"
          " {\"pid\": 4, \"session\": 1}, {\"pid\": 8, \"session\": 1}]}",
          "processes[2].pid: duplicate process id 8 (also processes[0])" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"pid\": 8, \"session\": 1,"
          " \"user_sid\": \"S-1-5-x\"}]}",
          "processes[0].user_sid: not a SID like *" },
        { "{\"sessions\": [{\"id\": 1}], \"processes\": [{\"pid\": 8, \"session\": 1,"
          " \"working_set\": -4096}]}",
          "processes[0].working_set: negative" },
        { "{\"users\": [{\"name\": \"a\"}, {\"name\": \"A\"}]}",
          "users[1].name: duplicate user (also users[0])" },
        { "{\"users\": [{\"domain\": \"D\"}]}", "users[0].name: missing or empty (a user needs a name)" },
        { "{\"last_ended\": {\"pid\": 1, \"code\": 2}}", "last_ended.code: unknown member" },
    };
    check_bad(bad, sizeof(bad) / sizeof(bad[0]));

    /* With a file name: "NAME: PATH: reason". */
    sim_model m;
    const char *text = "{\"sessions\": [{\"id\": 1, \"state\": \"Sleeping\"}]}";
    assert_int_equal(sim_scenario_parse("x.json", text, strlen(text), &m, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_memory_equal(err, "x.json: sessions[0].state: unknown name", 39);
}

static void assert_models_equal(const sim_model *a, const sim_model *b)
{
    assert_string_equal(a->server, b->server);
    assert_int_equal(a->n_users, b->n_users);
    if (a->n_users)
        assert_memory_equal(a->users, b->users, a->n_users * sizeof(*a->users));
    assert_int_equal(a->n_sessions, b->n_sessions);
    for (size_t i = 0; i < a->n_sessions; i++) {
        const sim_session *x = a->sessions[i], *y = b->sessions[i];
        /* Both were filled from zeroed memory with the same copies, so the
         * bytes past each string's NUL agree too. */
        assert_memory_equal(&x->s, &y->s, sizeof(x->s));
        assert_int_equal(x->message_response, y->message_response);
        assert_int_equal(x->has_message, y->has_message);
        if (x->has_message) {
            assert_string_equal(x->last_message.title, y->last_message.title);
            assert_string_equal(x->last_message.text, y->last_message.text);
            assert_int_equal(x->last_message.style, y->last_message.style);
            assert_int_equal(x->last_message.timeout_seconds, y->last_message.timeout_seconds);
            assert_int_equal(x->last_message.wait, y->last_message.wait);
            assert_int_equal(x->last_message.response, y->last_message.response);
        }
    }
    assert_int_equal(a->n_processes, b->n_processes);
    if (a->n_processes)
        assert_memory_equal(a->processes, b->processes, a->n_processes * sizeof(*a->processes));
    assert_int_equal(a->has_last_ended, b->has_last_ended);
    assert_int_equal(a->last_ended_pid, b->last_ended_pid);
    assert_int_equal(a->last_ended_exit_code, b->last_ended_exit_code);
}

/* What the writer produces reads back equal, and writes the same text. */
static void written_model_reads_back_equal(void **state)
{
    (void)state;
    sim_model a, b;
    load_example(&a);
    /* What a state file holds besides a scenario: a message, a last ended
     * process, times the text form cannot hold. */
    a.sessions[2]->has_message = true;
    a.sessions[2]->last_message.title = strdup("Maintenance \xe2\x80\x94 \"soon\"");
    a.sessions[2]->last_message.text = strdup("line 1\nline 2\t/ \\");
    a.sessions[2]->last_message.style = 0x24;
    a.sessions[2]->last_message.timeout_seconds = 30;
    a.sessions[2]->last_message.wait = true;
    a.sessions[2]->last_message.response = 32000;
    a.sessions[1]->s.logon_time = -5;                  /* before 1601 */
    a.sessions[1]->s.connect_time = INT64_MAX;         /* after 9999 */
    a.sessions[1]->s.disconnect_time = UNIX_EPOCH_FT + 1; /* 100 ns */
    a.sessions[0]->message_response = 40000;           /* no name: a number */
    a.has_last_ended = true;
    a.last_ended_pid = 99;
    a.last_ended_exit_code = 0xC000013A;
    size_t len1, len2;
    char *t1 = sim_scenario_write(&a, &len1);
    assert_non_null(t1);
    assert_int_equal(strlen(t1), len1);
    assert_int_equal(sim_scenario_parse("written", t1, len1, &b, err, sizeof(err)), OPENWTS_OK);
    assert_models_equal(&a, &b);
    char *t2 = sim_scenario_write(&b, &len2);
    assert_non_null(t2);
    assert_int_equal(len1, len2);
    assert_string_equal(t1, t2);
    free(t1);
    free(t2);
    sim_model_free(&a);
    sim_model_free(&b);
}

static void times_convert_both_ways(void **state)
{
    (void)state;
    int64_t ft;
    char text[SIM_TIME_TEXT_MAX];
    /* FILETIME counts from 1601-01-01 (FILETIME page). */
    assert_true(sim_time_parse("1601-01-01T00:00:00Z", &ft));
    assert_int_equal(ft, 0);
    assert_true(sim_time_parse("1970-01-01T00:00:00Z", &ft));
    assert_int_equal(ft, UNIX_EPOCH_FT);
    assert_true(sim_time_parse("2024-05-06T08:02:44+00:00", &ft));
    assert_int_equal(ft, FT_2024_05_06_08_02_44);
    assert_true(sim_time_parse("2024-02-29T12:00:00.1234567Z", &ft)); /* a leap day */
    assert_int_equal(ft, 133536816000000000ll + 1234567);
    assert_true(sim_time_format(ft, text, sizeof(text)));
    assert_string_equal(text, "2024-02-29T12:00:00.1234567Z");
    assert_true(sim_time_parse("9999-12-31T23:59:59.9999999Z", &ft));
    assert_int_equal(ft, 2650467743990000000ll + 9999999);
    assert_true(sim_time_format(ft, text, sizeof(text)));
    assert_string_equal(text, "9999-12-31T23:59:59.9999999Z");
    assert_true(sim_time_format(UNIX_EPOCH_FT + 5000000, text, sizeof(text)));
    assert_string_equal(text, "1970-01-01T00:00:00.5Z"); /* the shortest fraction */
    assert_false(sim_time_format(-1, text, sizeof(text)));
    assert_false(sim_time_format(2650467743990000000ll + 10000000, text, sizeof(text)));

    static const char *const bad[] = {
        "1600-12-31T23:59:59Z", "2024-05-06 08:00:00Z", "2024-05-06T08:00:00",
        "2024-05-06T24:00:00Z", "2024-05-06T08:60:00Z", "2024-05-06T08:00:60Z",
        "2024-04-31T08:00:00Z", "2100-02-29T00:00:00Z", "2024-05-06T08:00:00.Z",
        "2024-05-06T08:00:00.12345678Z", "2024-5-06T08:00:00Z", "2024-05-06T08:00:00Zx", "",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (sim_time_parse(bad[i], &ft))
            fail_msg("accepted %s", bad[i]);
    assert_true(sim_time_parse("2000-02-29T00:00:00Z", &ft)); /* divisible by 400 */
}

static void sids_convert_both_ways(void **state)
{
    (void)state;
    uint8_t sid[SIM_SID_MAX_BYTES];
    size_t len;
    char text[SIM_SID_TEXT_MAX];
    assert_true(sim_sid_parse("S-1-5-21-1004336348-1177238915-682003330-512", sid, &len));
    assert_int_equal(len, 28);
    static const uint8_t head[] = { 1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0 };
    assert_memory_equal(sid, head, sizeof(head));
    assert_true(sim_sid_format(sid, len, text, sizeof(text)));
    assert_string_equal(text, "S-1-5-21-1004336348-1177238915-682003330-512");

    /* An authority of 2^32 or more is written in hexadecimal (MS-DTYP 2.4.2.1). */
    assert_true(sim_sid_parse("s-1-0x123456789abc-4294967295", sid, &len));
    static const uint8_t big[] = { 1, 1, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xff, 0xff, 0xff, 0xff };
    assert_int_equal(len, sizeof(big));
    assert_memory_equal(sid, big, sizeof(big));
    assert_true(sim_sid_format(sid, len, text, sizeof(text)));
    assert_string_equal(text, "S-1-0x123456789ABC-4294967295");
    assert_true(sim_sid_parse("S-1-4294967295-1", sid, &len));
    assert_true(sim_sid_format(sid, len, text, sizeof(text)));
    assert_string_equal(text, "S-1-4294967295-1");

    /* 15 sub-authorities at most (SID_MAX_SUB_AUTHORITIES). */
    assert_true(sim_sid_parse("S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15", sid, &len));
    assert_int_equal(len, SIM_SID_MAX_BYTES);
    static const char *const bad[] = {
        "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-2-5-18", "S-1-5", "S-1-5-",
        "S-1--5-18", "S-1-5-4294967296", "S-1-0x1000000000000-1", "X-1-5-18", "S-1-5-18 ",
        "S-1-5-+18", "", "S-1-0x-1",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (sim_sid_parse(bad[i], sid, &len))
            fail_msg("accepted %s", bad[i]);
    static const uint8_t wrong_count[] = { 1, 2, 0, 0, 0, 0, 0, 5, 18, 0, 0, 0 };
    assert_false(sim_sid_format(wrong_count, sizeof(wrong_count), text, sizeof(text)));
}

static void addresses_convert_both_ways(void **state)
{
    (void)state;
    uint32_t family;
    uint8_t bytes[SIM_ADDRESS_BYTES];
    size_t size;
    char text[SIM_ADDRESS_TEXT_MAX];
    /* The WTS_CLIENT_ADDRESS page's own examples. */
    assert_true(sim_address_parse("192.168.0.1", &family, bytes, &size));
    static const uint8_t v4[] = { 0x00, 0x00, 0xC0, 0xA8, 0x00, 0x01 };
    assert_int_equal(family, 2);
    assert_int_equal(size, 6);
    assert_memory_equal(bytes, v4, 6);
    assert_true(sim_address_parse("FFFF::1", &family, bytes, &size));
    static const uint8_t v6[16] = { 0xFF, 0xFF, [15] = 0x01 };
    assert_int_equal(family, 23);
    assert_int_equal(size, 16);
    assert_memory_equal(bytes, v6, 16);
    assert_true(sim_address_format(family, bytes, size, text, sizeof(text)));
    assert_string_equal(text, "ffff::1");
    assert_true(sim_address_parse("", &family, bytes, &size));
    assert_int_equal(family, 0);
    assert_int_equal(size, 0);
    assert_false(sim_address_parse("10.0.0", &family, bytes, &size));
    assert_false(sim_address_parse("example.com", &family, bytes, &size));

    /* A program's 20-byte layout is brought to the canonical one. */
    uint8_t raw[SIM_ADDRESS_BYTES] = { 7, 7, 10, 1, 2, 3, 9, 9 };
    size = 20;
    assert_true(sim_address_normalize(2, raw, &size));
    assert_int_equal(size, 6);
    static const uint8_t canon[SIM_ADDRESS_BYTES] = { 0, 0, 10, 1, 2, 3 };
    assert_memory_equal(raw, canon, sizeof(canon));
    size = 5;
    assert_false(sim_address_normalize(2, raw, &size));
    size = 20;
    assert_false(sim_address_normalize(6 /* AF_IPX */, raw, &size));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(example_read_field_by_field),
        cmocka_unit_test(every_member_read_as_written),
        cmocka_unit_test(omitted_members_take_their_defaults),
        cmocka_unit_test(syntax_errors_give_line_and_column),
        cmocka_unit_test(semantic_errors_give_the_path),
        cmocka_unit_test(written_model_reads_back_equal),
        cmocka_unit_test(times_convert_both_ways),
        cmocka_unit_test(sids_convert_both_ways),
        cmocka_unit_test(addresses_convert_both_ways),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
