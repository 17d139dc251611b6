/* wtsbench: what the calls programs make in loops cost, ours against Wine's
 * builtin wtsapi32 and against baselines measured in the same run, printed
 * as one Markdown table (README, "Speed"). Run by bench/run.sh.
 *
 * Both DLLs are loaded into this one process, each by its full path:
 * Wine's builtin from the system directory (Wine loads its builtin for the
 * placeholder file there) and ours from beside this program. They are
 * different files, so the loader keeps them apart. So a row's figures, the
 * builtin's, ours and its baseline's, are taken in one process, in the same
 * rounds (measure.h), on the same heap and wineserver: a difference between
 * the columns is the DLLs', not two runs'. (Two processes, one per DLL,
 * would each time their own moments of a shared machine.) Which image is
 * which is checked (calls.c). A row over `wtsd` and the round-trip
 * baselines come with the daemon: a target and two rows here.
 *
 *   wtsbench.exe                 the table
 *   wtsbench.exe --worker ...    the second process of a two-process row
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "measure.h"

/* What a figure is divided by. */
enum base {
    BASE_NONE,      /* a baseline itself */
    BASE_FLOOR,     /* LocalAlloc+LocalFree: the block a query hands back */
    BASE_USER_NAME, /* GetUserNameW: what the builtin's WTSUserName calls */
    BASE_QUERY_ID,  /* the same DLL's WTSSessionId query */
    BASE_MUTEX,     /* a wait and a release of a mutex: two wineserver round trips */
};

typedef struct row {
    const char *name;
    call_fn call;     /* NULL: a figure still to come (the daemon's rows) */
    answer_fn answer; /* NULL for baselines */
    enum base base;
    BOOL processes;   /* also from two processes at once */
} row;

/* Indexes into `baselines`, for the ratios. */
enum { B_EMPTY, B_PID_SESSION, B_USER_NAME, B_FLOOR, B_MUTEX, B_WINSOCK, B_NATIVE, B_COUNT };

static const row baselines[B_COUNT] = {
    [B_EMPTY] = { "empty call into a DLL export (bench_empty.dll)", call_empty, NULL, BASE_NONE, FALSE },
    [B_PID_SESSION] = { "ProcessIdToSessionId", call_process_id_to_session_id, NULL, BASE_NONE, FALSE },
    [B_USER_NAME] = { "GetUserNameW", call_get_user_name, NULL, BASE_NONE, TRUE },
    [B_FLOOR] = { "LocalAlloc+LocalFree, 64 bytes (the floor)", call_local_alloc_free, NULL, BASE_NONE, TRUE },
    [B_MUTEX] = { "WaitForSingleObject+ReleaseMutex (wineserver round trips)", call_mutex_wait_release,
                  NULL, BASE_NONE, FALSE },
    /* They come with the daemon (wtsd): a row here, a figure there. */
    [B_WINSOCK] = { "Winsock TCP round trip to a native echo server, loopback", NULL, NULL, BASE_NONE, FALSE },
    [B_NATIVE] = { "the same round trip between two native Linux processes", NULL, NULL, BASE_NONE, FALSE },
};

enum { C_USER_NAME, C_SESSION_ID, C_CONNECT_STATE, C_SESSION_INFO, C_ENUMERATE, C_ENUMERATE_EX,
       C_OPEN_CLOSE, C_DISCONNECT_CONNECT, C_COUNT };

static const row calls[C_COUNT] = {
    [C_USER_NAME] = { "WTSQuerySessionInformationW(WTSUserName) + WTSFreeMemory", call_query_user_name,
                      answer_query_user_name, BASE_USER_NAME, TRUE },
    [C_SESSION_ID] = { "WTSQuerySessionInformationW(WTSSessionId) + WTSFreeMemory",
                       call_query_session_id, answer_query_session_id, BASE_FLOOR, TRUE },
    [C_CONNECT_STATE] = { "WTSQuerySessionInformationW(WTSConnectState) + WTSFreeMemory",
                          call_query_connect_state, answer_query_connect_state, BASE_FLOOR, TRUE },
    [C_SESSION_INFO] = { "WTSQuerySessionInformationW(WTSSessionInfo) + WTSFreeMemory",
                         call_query_session_info, answer_query_session_info, BASE_FLOOR, TRUE },
    [C_ENUMERATE] = { "WTSEnumerateSessionsW + WTSFreeMemory", call_enumerate, answer_enumerate,
                      BASE_FLOOR, FALSE },
    [C_ENUMERATE_EX] = { "WTSEnumerateSessionsExW + WTSFreeMemoryExW", call_enumerate_ex,
                         answer_enumerate_ex, BASE_FLOOR, FALSE },
    [C_OPEN_CLOSE] = { "WTSOpenServerW + WTSCloseServer", call_open_close, answer_open_close,
                       BASE_QUERY_ID, FALSE },
    [C_DISCONNECT_CONNECT] = { "WTSDisconnectSession + WTSConnectSessionW", call_disconnect_connect,
                               answer_disconnect_connect, BASE_MUTEX, FALSE },
};

/* The columns: the implementations a call row is measured on. */
enum { T_BUILTIN, T_LOCAL, T_WTSD, T_COUNT };
static const char *const target_names[T_COUNT] = { "Wine builtin", "ours on `local`", "ours over `wtsd`" };
static wts_api apis[T_COUNT];
static BOOL target_loaded[T_COUNT]; /* T_WTSD: not yet (the daemon's issue) */

/* How many call at once. */
enum { RUN_1T, RUN_2T, RUN_2P, RUN_COUNT };
static const char *const run_names[RUN_COUNT] = { "1 thread", "2 threads", "2 processes" };

#define NOT_MEASURED (-1.0)
static double base_ns[B_COUNT][RUN_COUNT];
/* A call row's figures, and its baseline's taken in the same rounds. */
static double call_ns[C_COUNT][T_COUNT][RUN_COUNT];
static double call_base_ns[C_COUNT][T_COUNT][RUN_COUNT];
static char answers[C_COUNT][T_COUNT][96];

static BOOL measured_on(int c, int t)
{
    return target_loaded[t] && call_available(calls[c].call, &apis[t]);
}

static int base_row(enum base base)
{
    switch (base) {
    case BASE_USER_NAME: return B_USER_NAME;
    case BASE_MUTEX: return B_MUTEX;
    default: return B_FLOOR;
    }
}

/* The steps of one measurement, the same in both processes of a two-process
 * run: a baseline row alone; a call row's baseline (one step, or its own
 * WTSSessionId query per DLL), then the call on each DLL that has it.
 * base_of[t] and call_of[t] name the steps of target t (-1: none). */
static int steps_of(char kind, int index, step *steps, int *base_of, int *call_of)
{
    int n = 0;
    if (kind == 'B') {
        steps[n++] = (step){ baselines[index].call, NULL, 0 };
        return n;
    }
    const row *r = &calls[index];
    int shared_base = -1;
    for (int t = 0; t < T_COUNT; t++) {
        base_of[t] = call_of[t] = -1;
        if (!measured_on(index, t))
            continue;
        if (r->base == BASE_QUERY_ID) {
            base_of[t] = n;
            steps[n++] = (step){ call_query_session_id, &apis[t], 0 };
        } else {
            if (shared_base < 0) {
                shared_base = n;
                steps[n++] = (step){ baselines[base_row(r->base)].call, NULL, 0 };
            }
            base_of[t] = shared_base;
        }
        call_of[t] = n;
        steps[n++] = (step){ r->call, &apis[t], 0 };
    }
    return n;
}

/* Fills best[] for the steps of (kind, index) in `run`; FALSE when the run
 * does not apply. */
static BOOL measure(char kind, int index, int run, step *steps, int count, double *best)
{
    const row *r = kind == 'B' ? &baselines[index] : &calls[index];
    if (!r->call || count == 0 || (run == RUN_2P && !r->processes))
        return FALSE;
    measure_calibrate(steps, count);
    if (run != RUN_2P) {
        measure_threads(steps, count, run == RUN_1T ? 1 : 2, best);
        return TRUE;
    }
    char args[64];
    snprintf(args, sizeof(args), "--worker %c %d", kind, index);
    return measure_processes(steps, count, args, best);
}

static void measure_baseline(int b, int run)
{
    step steps[MAX_STEPS];
    double best[MAX_STEPS];
    int n = steps_of('B', b, steps, NULL, NULL);
    base_ns[b][run] = measure('B', b, run, steps, n, best) ? best[0] : NOT_MEASURED;
}

static void measure_call(int c, int run)
{
    step steps[MAX_STEPS];
    double best[MAX_STEPS];
    int base_of[T_COUNT], call_of[T_COUNT];
    int n = steps_of('C', c, steps, base_of, call_of);
    BOOL ok = measure('C', c, run, steps, n, best);
    for (int t = 0; t < T_COUNT; t++) {
        call_ns[c][t][run] = ok && call_of[t] >= 0 ? best[call_of[t]] : NOT_MEASURED;
        call_base_ns[c][t][run] = ok && base_of[t] >= 0 ? best[base_of[t]] : NOT_MEASURED;
    }
}

static BOOL load_all(void)
{
    WCHAR dir[MAX_PATH], path[MAX_PATH + 32];
    DWORD n = GetModuleFileNameW(NULL, dir, MAX_PATH);
    WCHAR *slash = wcsrchr(dir, L'\\');
    if (!n || n >= MAX_PATH || !slash)
        return FALSE;
    slash[1] = 0;
    swprintf(path, ARRAYSIZE(path), L"%lsbench_empty.dll", dir);
    if (!empty_call_load(path))
        return FALSE;
    WCHAR system[MAX_PATH];
    n = GetSystemDirectoryW(system, MAX_PATH);
    if (!n || n >= MAX_PATH)
        return FALSE;
    swprintf(path, ARRAYSIZE(path), L"%ls\\wtsapi32.dll", system);
    target_loaded[T_BUILTIN] = wts_api_load(&apis[T_BUILTIN], target_names[T_BUILTIN], path, TRUE);
    swprintf(path, ARRAYSIZE(path), L"%lswtsapi32.dll", dir);
    target_loaded[T_LOCAL] = wts_api_load(&apis[T_LOCAL], target_names[T_LOCAL], path, FALSE);
    return target_loaded[T_BUILTIN] && target_loaded[T_LOCAL];
}

/* ---- the table ---- */

static void print_ns(char *cell, size_t size, double ns)
{
    if (ns == NOT_MEASURED)
        snprintf(cell, size, "n/a");
    else if (ns < 10)
        snprintf(cell, size, "%.1f ns", ns);
    else
        snprintf(cell, size, "%.0f ns", ns);
}

static const char *base_label(int c)
{
    switch (calls[c].base) {
    case BASE_FLOOR: return "LocalAlloc+LocalFree";
    case BASE_USER_NAME: return "GetUserNameW";
    case BASE_MUTEX: return "WaitForSingleObject+ReleaseMutex";
    case BASE_QUERY_ID: return "the same DLL's WTSSessionId query";
    default: return "";
    }
}

static void print_cell(int c, int target, int run)
{
    char ns[32];
    if (target == T_WTSD && !target_loaded[T_WTSD]) {
        printf(" pending (wtsd) |");
        return;
    }
    double v = call_ns[c][target][run], b = call_base_ns[c][target][run];
    print_ns(ns, sizeof(ns), v);
    if (v == NOT_MEASURED || b == NOT_MEASURED || b <= 0) {
        printf(" %s |", ns);
        return;
    }
    printf(" %s (%.2fx", ns, v / b);
    /* The target of the WTSUserName row is against the builtin itself. */
    double builtin = call_ns[c][T_BUILTIN][run];
    if (c == C_USER_NAME && target != T_BUILTIN && builtin > 0)
        printf("; %.2fx builtin", v / builtin);
    printf(") |");
}

/* The baseline column: the baseline as timed with the row. */
static void print_base(int c, int run)
{
    char ns[32];
    if (calls[c].base == BASE_QUERY_ID) {
        printf(" %s |", base_label(c));
        return;
    }
    print_ns(ns, sizeof(ns), call_base_ns[c][T_LOCAL][run]);
    printf(" %s %s |", base_label(c), ns);
}

static void print_table(void)
{
    printf("| call | run | baseline (timed with the row) | %s | %s | %s | the builtin answers |\n",
           target_names[T_BUILTIN], target_names[T_LOCAL], target_names[T_WTSD]);
    printf("|---|---|---|---|---|---|---|\n");
    char ns[32];
    for (int b = 0; b < B_COUNT; b++) {
        for (int run = 0; run < RUN_COUNT; run++) {
            if (!baselines[b].call) {
                if (run == RUN_1T)
                    printf("| *baseline:* %s | 1 thread | pending (wtsd) | | | | |\n", baselines[b].name);
                continue;
            }
            if (base_ns[b][run] == NOT_MEASURED)
                continue;
            print_ns(ns, sizeof(ns), base_ns[b][run]);
            printf("| *baseline:* %s | %s | **%s** | | | | |\n", baselines[b].name, run_names[run], ns);
        }
    }
    for (int c = 0; c < C_COUNT; c++) {
        for (int run = 0; run < RUN_COUNT; run++) {
            if (run == RUN_2P && !calls[c].processes)
                continue;
            printf("| %s | %s |", calls[c].name, run_names[run]);
            print_base(c, run);
            for (int t = 0; t < T_COUNT; t++)
                print_cell(c, t, run);
            printf(" %s |\n", run == RUN_1T ? answers[c][T_BUILTIN] : "");
        }
    }
}

static int worker(int argc, char **argv)
{
    /* --worker KIND INDEX ITERATIONS... READY GO DONE */
    if (argc < 7 || !load_all())
        return 2;
    char kind = argv[2][0];
    int index = atoi(argv[3]);
    if (!((kind == 'B' && index >= 0 && index < B_COUNT) || (kind == 'C' && index >= 0 && index < C_COUNT)))
        return 2;
    step steps[MAX_STEPS];
    int base_of[T_COUNT], call_of[T_COUNT];
    int n = steps_of(kind, index, steps, base_of, call_of);
    if (argc != 4 + n + 3)
        return 2;
    for (int i = 0; i < n; i++)
        steps[i].iterations = _atoi64(argv[4 + i]);
    return measure_worker(steps, n, argv + 4 + n);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--worker") == 0)
        return worker(argc, argv);
    if (!load_all())
        return 1;
    LONG64 start = GetTickCount64();

    /* The console Active, whatever an earlier run left. */
    call_disconnect_connect(&apis[T_LOCAL]);
    for (int c = 0; c < C_COUNT; c++)
        for (int t = 0; t < T_COUNT; t++)
            if (measured_on(c, t))
                calls[c].answer(&apis[t], answers[c][t], sizeof(answers[c][t]));
    /* A call of ours that fails would be timed failing, cheaply: no table. */
    for (int c = 0; c < C_COUNT; c++) {
        const char *a = answers[c][T_LOCAL];
        if (!measured_on(c, T_LOCAL) || strncmp(a, "FALSE", 5) == 0 || strncmp(a, "NULL", 4) == 0 ||
            strstr(a, "FALSE")) {
            fprintf(stderr, "wtsbench: ours fails %s: %s\n", calls[c].name, a[0] ? a : "not exported");
            return 1;
        }
    }

    for (int b = 0; b < B_COUNT; b++)
        for (int run = 0; run < RUN_COUNT; run++)
            measure_baseline(b, run);
    for (int c = 0; c < C_COUNT; c++)
        for (int run = 0; run < RUN_COUNT; run++)
            measure_call(c, run);

    SYSTEM_INFO si;
    GetSystemInfo(&si);
    const char *(CDECL *wine_version)(void) =
        (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version");
    printf("wtsbench: %s, %lu processors; ns per call, %d rounds of ~%d ms: 1 thread the best round, "
           "2 threads and 2 processes the median round of per call as each caller sees it; "
           "ratio to the baseline timed in the same rounds\n\n",
           wine_version ? wine_version() : "Windows", si.dwNumberOfProcessors, ROUNDS, ROUND_MS);
    print_table();
    printf("\nwtsbench: %.1f s\n", (double)(GetTickCount64() - start) / 1000.0);
    return 0;
}
