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
 * which is checked (calls.c).
 *
 * Over wtsd (when bench/run.sh gives one): a third copy of our DLL, from
 * the folder over-wtsd beside this program, loaded with OPENWTS_SERVER set
 * to the wtsd, so that its default server, WTS_CURRENT_SERVER_HANDLE and
 * WTSConnectSessionW included, is that wtsd, while the copy beside this
 * program stays on `local` (each copy reads the setting once, at its first
 * call). Its calls name session 1 (the console of the generated scenarios).
 * What each call sends and receives is counted on the wire (roundtrip.h),
 * and each figure is divided by a raw Winsock round trip of the same byte
 * counts to a native echo server, timed in the same rounds. Then the scale
 * rows: enumerations from wtsd's holding 10, 1,000 and 10,000 sessions.
 *
 *   wtsbench.exe                 the table
 *   wtsbench.exe --worker ...    the second process of a two-process row
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calls.h"
#include "measure.h"
#include "roundtrip.h"

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
    /* One per call over wtsd, with its byte counts: measured with its row. */
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
static BOOL target_loaded[T_COUNT]; /* T_WTSD: when bench/run.sh gives a wtsd */

/* Over wtsd: each call's round trips, the api that replays them on the
 * echo server, and the native figure for the same bytes. */
#define WTSD_SESSION 1
static rtt_plan plans[C_COUNT];
static wts_api rtt_apis[C_COUNT];
static double native_ns[C_COUNT];
static unsigned short echo_port;

/* How many call at once. */
enum { RUN_1T, RUN_2T, RUN_2P, RUN_COUNT };
static const char *const run_names[RUN_COUNT] = { "1 thread", "2 threads", "2 processes" };

#define NOT_MEASURED (-1.0)
static double base_ns[B_COUNT][RUN_COUNT];
/* A call row's figures, and its baseline's taken in the same rounds. */
static double call_ns[C_COUNT][T_COUNT][RUN_COUNT];
static double call_base_ns[C_COUNT][T_COUNT][RUN_COUNT];
static char answers[C_COUNT][T_COUNT][96];

/* Over wtsd, from one thread only: the threads of a process share one
 * connection per server handle, one request at a time. */
static BOOL measured_on(int c, int t, int run)
{
    return target_loaded[t] && call_available(calls[c].call, &apis[t]) && (t != T_WTSD || run == RUN_1T);
}

static BOOL has_trips(int c)
{
    return plans[c].count > 0;
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
static int steps_of(char kind, int index, int run, step *steps, int *base_of, int *call_of)
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
        if (!measured_on(index, t, run))
            continue;
        if (t == T_WTSD && has_trips(index)) {
            base_of[t] = n;
            steps[n++] = (step){ call_winsock_rtt, &rtt_apis[index], 0 };
        } else if (r->base == BASE_QUERY_ID) {
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
    int n = steps_of('B', b, run, steps, NULL, NULL);
    base_ns[b][run] = measure('B', b, run, steps, n, best) ? best[0] : NOT_MEASURED;
}

static void measure_call(int c, int run)
{
    step steps[MAX_STEPS];
    double best[MAX_STEPS];
    int base_of[T_COUNT], call_of[T_COUNT];
    int n = steps_of('C', c, run, steps, base_of, call_of);
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
    /* On `local` whatever the environment says: the copy binds its default
     * server at this first call. */
    SetEnvironmentVariableW(L"OPENWTS_SERVER", NULL);
    target_loaded[T_LOCAL] = wts_api_load(&apis[T_LOCAL], target_names[T_LOCAL], path, FALSE);
    if (target_loaded[T_LOCAL])
        apis[T_LOCAL].close(apis[T_LOCAL].open(NULL));

    WCHAR wtsd[64];
    n = GetEnvironmentVariableW(L"OPENWTS_BENCH_WTSD", wtsd, ARRAYSIZE(wtsd));
    if (n && n < ARRAYSIZE(wtsd)) {
        swprintf(path, ARRAYSIZE(path), L"%lsover-wtsd\\wtsapi32.dll", dir);
        SetEnvironmentVariableW(L"OPENWTS_SERVER", wtsd);
        target_loaded[T_WTSD] = wts_api_load(&apis[T_WTSD], target_names[T_WTSD], path, FALSE);
        if (target_loaded[T_WTSD]) {
            apis[T_WTSD].close(apis[T_WTSD].open(NULL));
            apis[T_WTSD].session = WTSD_SESSION;
        }
        SetEnvironmentVariableW(L"OPENWTS_SERVER", NULL);
        if (!target_loaded[T_WTSD])
            return FALSE;
    }
    return target_loaded[T_BUILTIN] && target_loaded[T_LOCAL];
}

/* Over wtsd: counts each call's bytes (after a first call has connected)
 * and connects its replay to the echo server. */
static BOOL plan_wtsd(void)
{
    char port[16];
    DWORD n = GetEnvironmentVariableA("OPENWTS_BENCH_ECHO", port, sizeof(port));
    echo_port = (unsigned short)(n && n < sizeof(port) ? atoi(port) : 0);
    if (!echo_port || !wire_count_install(apis[T_WTSD].dll)) {
        fprintf(stderr, "wtsbench: over wtsd without an echo server or a count of its bytes\n");
        return FALSE;
    }
    for (int c = 0; c < C_COUNT; c++) {
        if (!measured_on(c, T_WTSD, RUN_1T))
            continue;
        calls[c].call(&apis[T_WTSD]);
        wire_record(calls[c].call, &apis[T_WTSD], &plans[c]);
        if (!has_trips(c))
            continue;
        rtt_apis[c] = apis[T_WTSD];
        rtt_apis[c].rtt = &plans[c];
        if (!rtt_connect(&plans[c], echo_port)) {
            fprintf(stderr, "wtsbench: cannot reach the echo server on port %u\n", echo_port);
            return FALSE;
        }
    }
    return TRUE;
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
        printf(" not run (no wtsd) |");
        return;
    }
    if (!measured_on(c, target, run)) {
        printf(" |");
        return;
    }
    double v = call_ns[c][target][run], b = call_base_ns[c][target][run];
    print_ns(ns, sizeof(ns), v);
    if (v == NOT_MEASURED || b == NOT_MEASURED || b <= 0) {
        printf(" %s |", ns);
        return;
    }
    printf(" %s (%.2fx%s", ns, v / b, target == T_WTSD && has_trips(c) ? " its round trip" : "");
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

/* The round-trip baselines: one per call over wtsd, with its bytes. */
static void print_round_trips(int b)
{
    char ns[32], trips[160];
    for (int c = 0; c < C_COUNT; c++) {
        if (!has_trips(c))
            continue;
        rtt_describe(&plans[c], trips, sizeof(trips));
        print_ns(ns, sizeof(ns), b == B_WINSOCK ? call_base_ns[c][T_WTSD][RUN_1T] : native_ns[c]);
        printf("| *baseline:* %s: the bytes of %s (%s) | 1 thread | **%s**%s | | | | |\n", baselines[b].name,
               calls[c].name, trips, ns, b == B_WINSOCK ? " (timed with that row)" : "");
    }
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
                    print_round_trips(b);
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

/* ---- scale: enumerations from wtsd's of several sizes ---- */

#define MAX_SIZES 6

static void print_ms(char *cell, size_t size, double ns)
{
    if (ns >= 1e6)
        snprintf(cell, size, "%.2f ms", ns / 1e6);
    else
        snprintf(cell, size, "%.1f us", ns / 1e3);
}

/* OPENWTS_BENCH_SCALE (bench/run.sh): "SESSIONS:PORT:VMRSS_KB ...", the
 * smallest first (its VmRSS is what the others' per-session memory is
 * counted from). Each wtsd is named by a handle of the copy over wtsd. */
static void scale(void)
{
    char spec[512];
    DWORD n = GetEnvironmentVariableA("OPENWTS_BENCH_SCALE", spec, sizeof(spec));
    if (!n || n >= sizeof(spec))
        return;
    struct { unsigned sessions, port; double rss_kb; } size[MAX_SIZES];
    int count = 0;
    for (char *tok = strtok(spec, " "); tok && count < MAX_SIZES; tok = strtok(NULL, " "))
        if (sscanf(tok, "%u:%u:%lf", &size[count].sessions, &size[count].port, &size[count].rss_kb) == 3)
            count++;
    printf("\nScale through `wtsd` (`sim`, generated scenarios; one thread, best round; ratio to the raw "
           "Winsock round trip of the same bytes, timed in the same rounds):\n\n");
    printf("| sessions | WTSEnumerateSessionsW + free | per session | bytes out / back | raw Winsock round trip "
           "| ratio | WTSEnumerateSessionsExW + free | per session | bytes out / back | raw Winsock round trip "
           "| ratio | wtsd VmRSS after loading | per session (over the %u-session one) |\n",
           count ? size[0].sessions : 0);
    printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < count; i++) {
        WCHAR name[32];
        swprintf(name, ARRAYSIZE(name), L"127.0.0.1:%u", size[i].port);
        wts_api api = apis[T_WTSD];
        api.server = api.open(name);
        rtt_plan plan[2];
        wts_api replay[2] = { api, api };
        call_fn calls_of[2] = { call_enumerate, call_enumerate_ex };
        char answer[2][96];
        step steps[4];
        for (int k = 0; k < 2; k++) {
            calls_of[k](&api); /* connects */
            wire_record(calls_of[k], &api, &plan[k]);
            (k ? answer_enumerate_ex : answer_enumerate)(&api, answer[k], sizeof(answer[k]));
            if (plan[k].count != 1 || !rtt_connect(&plan[k], echo_port)) {
                fprintf(stderr, "wtsbench: %u sessions: %s\n", size[i].sessions, answer[k]);
                return;
            }
            replay[k].rtt = &plan[k];
            steps[2 * k] = (step){ call_winsock_rtt, &replay[k], 0 };
            steps[2 * k + 1] = (step){ calls_of[k], &api, 0 };
        }
        double best[4];
        measure_calibrate(steps, 4);
        measure_threads(steps, 4, 1, best);
        printf("| %u |", size[i].sessions);
        for (int k = 0; k < 2; k++) {
            char t[32], per[32], rtt[32];
            print_ms(t, sizeof(t), best[2 * k + 1]);
            print_ns(per, sizeof(per), best[2 * k + 1] / size[i].sessions);
            print_ms(rtt, sizeof(rtt), best[2 * k]);
            printf(" %s (%s) | %s | %lu / %lu | %s | %.2fx |", t, answer[k], per, plan[k].out[0],
                   plan[k].back[0], rtt, best[2 * k + 1] / best[2 * k]);
        }
        printf(" %.1f MB |", size[i].rss_kb / 1024);
        if (i == 0)
            printf(" |\n");
        else
            printf(" %.2f kB |\n", (size[i].rss_kb - size[0].rss_kb) / (size[i].sessions - size[0].sessions));
        closesocket(plan[0].s);
        closesocket(plan[1].s);
        api.close(api.server);
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
    int n = steps_of(kind, index, RUN_2P, steps, base_of, call_of);
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
    if (!load_all() || (target_loaded[T_WTSD] && !plan_wtsd()))
        return 1;
    LONG64 start = GetTickCount64();

    /* The console Active, whatever an earlier run left. */
    call_disconnect_connect(&apis[T_LOCAL]);
    for (int c = 0; c < C_COUNT; c++)
        for (int t = 0; t < T_COUNT; t++)
            if (measured_on(c, t, RUN_1T))
                calls[c].answer(&apis[t], answers[c][t], sizeof(answers[c][t]));
    /* A call of ours that fails would be timed failing, cheaply: no table. */
    for (int c = 0; c < C_COUNT; c++) {
        for (int t = T_LOCAL; t < T_COUNT; t++) {
            const char *a = answers[c][t];
            if (!target_loaded[t])
                continue;
            if (!measured_on(c, t, RUN_1T) || strncmp(a, "FALSE", 5) == 0 || strncmp(a, "NULL", 4) == 0 ||
                strstr(a, "FALSE")) {
                fprintf(stderr, "wtsbench: %s fails %s: %s\n", target_names[t], calls[c].name,
                        a[0] ? a : "not exported");
                return 1;
            }
        }
    }

    for (int b = 0; b < B_COUNT; b++)
        for (int run = 0; run < RUN_COUNT; run++)
            measure_baseline(b, run);
    for (int c = 0; c < C_COUNT; c++)
        for (int run = 0; run < RUN_COUNT; run++)
            measure_call(c, run);
    for (int c = 0; c < C_COUNT; c++)
        if (has_trips(c))
            native_ns[c] = rtt_native(&plans[c], echo_port);

    SYSTEM_INFO si;
    GetSystemInfo(&si);
    const char *(CDECL *wine_version)(void) =
        (void *)GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version");
    printf("wtsbench: %s, %lu processors; ns per call, %d rounds of ~%d ms: 1 thread the best round, "
           "2 threads and 2 processes the median round of per call as each caller sees it; "
           "ratio to the baseline timed in the same rounds\n\n",
           wine_version ? wine_version() : "Windows", si.dwNumberOfProcessors, ROUNDS, ROUND_MS);
    print_table();
    if (target_loaded[T_WTSD])
        scale();
    printf("\nwtsbench: %.1f s\n", (double)(GetTickCount64() - start) / 1000.0);
    return 0;
}
