/* The shared session table read while it is written: two threads in each
 * of two processes change one record and read it back, for a few seconds;
 * every record read must be one some writer wrote whole. Done-when line of
 * issue 14: "Two threads and two processes querying and changing sessions
 * at once for a few seconds: no torn read (every record read is one that
 * was written)". tests/wine/test_concurrent_sessions.c does the same
 * through the exports.
 *
 * This program links src/backends/local/local_state.c itself, so its
 * writers choose every field: each record written is derived from one
 * number n (record_of), and a reader checks every record against the n in
 * it. Writers write field by field with a pause between, so a reader that
 * did not wait for whole records would see mixed ones at once. The table
 * is a file of its own (ProgramData pointed at a directory of this test),
 * not the prefix's.
 *   test_state_table.exe            the test (starts the second process)
 *   test_state_table.exe --child    the second process
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "local_state.h"
#include "wine_test_util.h"

#define SESSION 77u
#define RUN_MS 3000            /* how long each process reads and writes */
#define WRITE_EVERY 64         /* one change per this many reads */
#define PAUSE_SPINS 2000       /* between two fields of a change */
#define CHILD_TIMEOUT_MS 60000

typedef struct counts {
    LONG64 reads, writes, changes_seen, torn;
} counts;

static counts totals;
static LONG next_writer;
static int process_index; /* 0 the test, 1 the child */
static char first_torn[160];

/* The record a writer with number n writes: every field from n. */
static void record_of(uint64_t n, local_session_state *r)
{
    r->id = SESSION;
    r->state = (uint32_t)(n % 7);
    r->logged_off = (uint32_t)((n >> 3) & 1);
    r->reserved = (uint32_t)(n * 2654435761u);
    r->logon_time = (int64_t)n;
    r->connect_time = (int64_t)~n;
    r->disconnect_time = (int64_t)(n ^ 0x5555555555555555ull);
}

static BOOL whole(const local_session_state *r)
{
    local_session_state expect;
    if (r->logon_time <= 0)
        return FALSE;
    record_of((uint64_t)r->logon_time, &expect);
    return memcmp(r, &expect, sizeof(expect)) == 0;
}

static void pause_between_fields(void)
{
    for (volatile int i = 0; i < PAUSE_SPINS; i++)
        YieldProcessor();
}

/* A change that takes its time, one field after another. */
static void slow_change(local_session_state *s, int64_t now, const void *ctx)
{
    (void)now;
    local_session_state r;
    record_of(*(const uint64_t *)ctx, &r);
    s->state = r.state;
    pause_between_fields();
    s->logged_off = r.logged_off;
    pause_between_fields();
    s->reserved = r.reserved;
    pause_between_fields();
    s->logon_time = r.logon_time;
    pause_between_fields();
    s->connect_time = r.connect_time;
    pause_between_fields();
    s->disconnect_time = r.disconnect_time;
}

static uint64_t writer_number(uint32_t writer, uint32_t serial)
{
    /* Unique per write across both processes, never 0. */
    return ((uint64_t)(process_index + 1) << 48) | ((uint64_t)writer << 32) | serial;
}

static DWORD WINAPI worker(void *param)
{
    ULONGLONG deadline = *(const ULONGLONG *)param;
    uint32_t writer = (uint32_t)InterlockedIncrement(&next_writer);
    uint32_t serial = 0;
    counts mine = { 0 };
    int64_t last = 0;
    for (LONG64 i = 0; GetTickCount64() < deadline; i++) {
        if (i % WRITE_EVERY == 0) {
            uint64_t n = writer_number(writer, ++serial);
            if (local_state_update(SESSION, slow_change, NULL, &n) == 0)
                mine.writes++;
            continue;
        }
        local_session_state r;
        local_state_get(SESSION, &r);
        mine.reads++;
        if (!whole(&r)) {
            if (InterlockedIncrement64(&totals.torn) == 1)
                snprintf(first_torn, sizeof(first_torn), "id %u state %u off %u res %u logon %lld",
                         r.id, r.state, r.logged_off, r.reserved, (long long)r.logon_time);
            continue;
        }
        if (r.logon_time != last)
            mine.changes_seen++;
        last = r.logon_time;
    }
    InterlockedAdd64(&totals.reads, mine.reads);
    InterlockedAdd64(&totals.writes, mine.writes);
    InterlockedAdd64(&totals.changes_seen, mine.changes_seen);
    return 0;
}

/* Two threads reading and writing until RUN_MS from now. */
static void run_workers(void)
{
    ULONGLONG deadline = GetTickCount64() + RUN_MS;
    HANDLE threads[2];
    for (int i = 0; i < 2; i++) {
        threads[i] = CreateThread(NULL, 0, worker, &deadline, 0, NULL);
        assert_non_null(threads[i]);
    }
    WaitForMultipleObjects(2, threads, TRUE, INFINITE);
    CloseHandle(threads[0]);
    CloseHandle(threads[1]);
}

/* ProgramData for this test only, so the prefix's table is not touched. */
static void private_program_data(WCHAR *dir, size_t size)
{
    WCHAR temp[MAX_PATH];
    assert_true(GetTempPathW(MAX_PATH, temp) > 0);
    swprintf(dir, size, L"%lsopenwts-state-table-%lu", temp, GetCurrentProcessId());
    assert_true(CreateDirectoryW(dir, NULL) || GetLastError() == ERROR_ALREADY_EXISTS);
    assert_true(SetEnvironmentVariableW(L"ProgramData", dir));
}

static void remove_program_data(const WCHAR *dir)
{
    WCHAR path[MAX_PATH + 64];
    swprintf(path, ARRAYSIZE(path), L"%ls\\OpenWTS\\local-sessions.state", dir);
    DeleteFileW(path);
    swprintf(path, ARRAYSIZE(path), L"%ls\\OpenWTS", dir);
    RemoveDirectoryW(path);
    RemoveDirectoryW(dir);
}

static void no_torn_read(void **state)
{
    (void)state;
    WCHAR dir[MAX_PATH];
    private_program_data(dir, ARRAYSIZE(dir));
    /* A whole record to start from (a session no one changed reads as
     * Active since the table began, which is not one of ours). */
    uint64_t first = writer_number(0, 1);
    assert_int_equal(local_state_update(SESSION, slow_change, NULL, &first), 0);
    local_session_state r;
    local_state_get(SESSION, &r);
    assert_true(whole(&r));

    /* The second process, on the same table (it inherits ProgramData). */
    char dirA[MAX_PATH], cmd[2 * MAX_PATH];
    program_dir(dirA, sizeof(dirA));
    snprintf(cmd, sizeof(cmd), "\"%stest_state_table.exe\" --child", dirA);
    STARTUPINFOA si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    assert_true(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi));
    run_workers();
    assert_int_equal(WaitForSingleObject(pi.hProcess, CHILD_TIMEOUT_MS), WAIT_OBJECT_0);
    DWORD code = 99;
    assert_true(GetExitCodeProcess(pi.hProcess, &code));
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);

    print_message("this process: %lld reads, %lld writes, %lld changes seen\n", totals.reads,
                  totals.writes, totals.changes_seen);
    if (totals.torn)
        fail_msg("%lld torn reads in this process, the first: %s", totals.torn, first_torn);
    assert_int_equal(code, 0); /* the second process found none either */
    /* The run was one: both wrote, and readers saw other writers' changes. */
    assert_true(totals.writes > 0);
    assert_true(totals.changes_seen > 1);

    local_state_get(SESSION, &r);
    assert_true(whole(&r));
    local_state_close();
    remove_program_data(dir);
}

/* The second process: exit code 0 when every record read was whole, 1
 * when one was not, 2 when it neither read nor wrote. */
static int child(void)
{
    process_index = 1;
    ULONGLONG deadline = GetTickCount64() + RUN_MS;
    HANDLE threads[2];
    for (int i = 0; i < 2; i++)
        threads[i] = CreateThread(NULL, 0, worker, &deadline, 0, NULL);
    WaitForMultipleObjects(2, threads, TRUE, INFINITE);
    CloseHandle(threads[0]);
    CloseHandle(threads[1]);
    if (totals.torn) {
        fprintf(stderr, "second process: %lld torn reads, the first: %s\n", totals.torn, first_torn);
        return 1;
    }
    return totals.reads && totals.writes ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--child") == 0)
        return child();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_torn_read),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
