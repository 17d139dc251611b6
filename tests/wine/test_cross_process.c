/* Session state is the machine's, not a process's: what one process does
 * to a session, another one started later in the same Wine prefix sees.
 * Done-when line of the issue: "Process A disconnects the console session;
 * process B, started afterwards in the same prefix, sees WTSDisconnected
 * for it". Process A is examples/tsdiscon.exe, process B examples/qwinsta.exe;
 * their output and exit codes are documented at the top of examples/tsdiscon.c, qwinsta.c and logoff.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lmcons.h>

#include "wine_test_util.h"

#define CHILD_TIMEOUT_MS 30000
#define OUT_SIZE 8192

/* qwinsta's header (examples/qwinsta.c). */
static const char header[] =
    " SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE";

/* One session row of qwinsta's output. */
typedef struct row {
    char marker;       /* '>' for the caller's own session, else ' ' */
    char name[64];     /* WinStationName, lower-cased */
    char user[64];     /* "" when the session has no user */
    unsigned long id;
    char state[16];
} row;

/* Splits a row: column 1 the marker, columns 2-19 the name, 20-39 the user,
 * then the id and the state (examples/qwinsta.c). Names are shorter than
 * 18 characters here, so the columns are where the layout puts them. */
static BOOL parse_row(const char *line, row *r)
{
    memset(r, 0, sizeof(*r));
    size_t len = strlen(line);
    if (len < 40 || (line[0] != '>' && line[0] != ' '))
        return FALSE;
    r->marker = line[0];
    if (sscanf(line + 1, "%63s", r->name) != 1)
        return FALSE;
    if (strlen(r->name) >= 18)
        return FALSE;
    /* The user field: columns 20-39, blank when there is no user. */
    char field[21];
    memcpy(field, line + 19, 20);
    field[20] = '\0';
    if (sscanf(field, "%63s", r->user) != 1)
        r->user[0] = '\0';
    char *end = NULL;
    r->id = strtoul(line + 39, &end, 10);
    if (end == line + 39)
        return FALSE;
    return sscanf(end, "%15s", r->state) == 1;
}

/* Runs qwinsta, checks it succeeded and its header, and returns the row of
 * session `id` in *out; FALSE when there is none. */
static BOOL qwinsta_row(DWORD id, row *out)
{
    char *text = malloc(OUT_SIZE);
    assert_non_null(text);
    DWORD code = run_program("qwinsta.exe", "", text, OUT_SIZE, CHILD_TIMEOUT_MS);
    assert_int_equal(code, 0);
    char *save = NULL;
    char *line = strtok_r(text, "\n", &save);
    assert_non_null(line);
    assert_string_equal(line, header);
    BOOL found = FALSE;
    while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
        row r;
        if (!parse_row(line, &r))
            fail_msg("qwinsta printed a row that does not parse: \"%s\"", line);
        if (r.id == id) {
            *out = r;
            found = TRUE;
        }
    }
    free(text);
    return found;
}

static void user_name(char *name, size_t size)
{
    DWORD len = (DWORD)size;
    assert_true(GetUserNameA(name, &len));
}

/* The done-when line. Under Wine the console is our own session (README
 * "Beyond the docs"). */
static void disconnect_seen_by_later_process(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    assert_int_equal(WTSGetActiveConsoleSessionId(), console);
    char user[UNLEN + 1], args[16], out[512];
    user_name(user, sizeof(user));
    snprintf(args, sizeof(args), "%lu", (unsigned long)console);

    /* Process A: tsdiscon prints nothing and exits 0 on success. */
    DWORD code = run_program("tsdiscon.exe", args, out, sizeof(out), CHILD_TIMEOUT_MS);
    assert_int_equal(code, 0);
    assert_string_equal(out, "");
    /* A has exited (run_program waited for it). Process B, started now. */
    row r;
    assert_true(qwinsta_row(console, &r));
    assert_int_equal(r.marker, '>');
    assert_string_equal(r.name, "console");
    assert_string_equal(r.state, "Disc");
    /* A disconnected session keeps its user (only logoff removes it). */
    if (lstrcmpiA(r.user, user) != 0)
        fail_msg("qwinsta shows user \"%s\" for the console, expected \"%s\"", r.user, user);
    /* And this process, which was running all along, sees it too. */
    assert_int_equal(session_state(console), WTSDisconnected);

    /* Reconnected here, seen by yet another process. */
    reconnect_session(console);
    assert_true(qwinsta_row(console, &r));
    assert_string_equal(r.state, "Active");
    if (lstrcmpiA(r.user, user) != 0)
        fail_msg("qwinsta shows user \"%s\" for the console, expected \"%s\"", r.user, user);
}

/* An example tool that must fail: exit code 1, nothing on stdout (the
 * message goes to stderr), and our session still Active. */
static void assert_tool_fails(const char *exe, const char *args)
{
    char out[512];
    DWORD code = run_program(exe, args, out, sizeof(out), CHILD_TIMEOUT_MS);
    assert_int_equal(code, 1);
    assert_string_equal(out, "");
    assert_int_equal(session_state(own_session_id()), WTSActive);
}

/* logoff of a session that does not exist fails, and nobody is logged off. */
static void logoff_unknown_session_fails(void **state)
{
    (void)state;
    assert_tool_fails("logoff.exe", "12345");
    row r;
    assert_true(qwinsta_row(own_session_id(), &r));
    assert_string_equal(r.state, "Active");
    assert_true(r.user[0] != '\0');
}

/* Session 0 cannot be disconnected (ERROR_ACCESS_DENIED): tsdiscon fails. */
static void tsdiscon_services_session_fails(void **state)
{
    (void)state;
    assert_tool_fails("tsdiscon.exe", "0");
}

/* qwinsta's layout: the exact header, then services (session 0, no user,
 * Disc) and the console, marked '>' as ours (examples/qwinsta.c;
 * docs/windows-behaviour.md, "Sessions"). */
static void qwinsta_lists_both_sessions(void **state)
{
    (void)state;
    char *text = malloc(OUT_SIZE);
    assert_non_null(text);
    assert_int_equal(run_program("qwinsta.exe", "", text, OUT_SIZE, CHILD_TIMEOUT_MS), 0);

    size_t header_len = strlen(header);
    assert_true(strncmp(text, header, header_len) == 0);
    assert_int_equal(text[header_len], '\n');

    char user[UNLEN + 1];
    user_name(user, sizeof(user));
    int consoles = 0, services = 0;
    char *save = NULL;
    strtok_r(text, "\n", &save);
    for (char *line; (line = strtok_r(NULL, "\n", &save)) != NULL;) {
        /* Trailing spaces are never printed. */
        assert_true(line[strlen(line) - 1] != ' ');
        row r;
        if (!parse_row(line, &r))
            fail_msg("qwinsta printed a row that does not parse: \"%s\"", line);
        if (line[0] == '>') {
            consoles++;
            assert_non_null(strstr(line, "console"));
            assert_string_equal(r.name, "console");
            assert_int_equal(r.id, own_session_id());
            assert_string_equal(r.state, "Active");
            assert_int_equal(lstrcmpiA(r.user, user), 0);
        } else {
            services++;
            assert_string_equal(r.name, "services");
            assert_int_equal(r.id, 0);
            assert_string_equal(r.user, "");
            assert_string_equal(r.state, "Disc");
        }
    }
    assert_int_equal(consoles, 1);
    assert_int_equal(services, 1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(qwinsta_lists_both_sessions, console_active, console_active),
        cmocka_unit_test_setup_teardown(disconnect_seen_by_later_process, console_active, console_active),
        cmocka_unit_test_setup_teardown(logoff_unknown_session_fails, console_active, console_active),
        cmocka_unit_test_setup_teardown(tsdiscon_services_session_fails, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
