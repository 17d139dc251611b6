/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "measure.h"

#define WORKER_START_MS 60000 /* a Wine process starts in well under this */
#define WORKER_STEP_MS 60000

static double ticks_per_ns(void)
{
    static double per_ns;
    if (!per_ns) {
        LARGE_INTEGER f;
        QueryPerformanceFrequency(&f);
        per_ns = (double)f.QuadPart / 1e9;
    }
    return per_ns;
}

static LONG64 now(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    return t.QuadPart;
}

static double timed_run(call_fn call, const wts_api *api, LONG64 iterations)
{
    LONG64 start = now();
    for (LONG64 i = 0; i < iterations; i++)
        call(api);
    return (double)(now() - start) / ticks_per_ns() / (double)iterations;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* rounds[r][i]: step i's figure in round r. One caller: the best round
 * (other work only ever adds time). Two callers: the median round, since
 * the best is one where they happened not to meet, and meeting is what
 * is measured. */
static void summarize(double rounds[ROUNDS][MAX_STEPS], int count, BOOL one_caller, double *out)
{
    for (int i = 0; i < count; i++) {
        double v[ROUNDS];
        for (int r = 0; r < ROUNDS; r++)
            v[r] = rounds[r][i];
        qsort(v, ROUNDS, sizeof(v[0]), compare_double);
        out[i] = one_caller ? v[0] : v[ROUNDS / 2];
    }
}

static LONG64 calibrate(call_fn call, const wts_api *api)
{
    timed_run(call, api, 64); /* first calls: look-ups, first touches */
    for (LONG64 n = 16;; n *= 2) {
        double ns = timed_run(call, api, n);
        double ms = ns * (double)n / 1e6;
        if (ms >= ROUND_MS / 2.0 || n >= (1LL << 30)) {
            LONG64 want = (LONG64)((double)n * ROUND_MS / (ms > 0 ? ms : 1e-3));
            return want < 16 ? 16 : want;
        }
    }
}

void measure_calibrate(step *steps, int count)
{
    for (int i = 0; i < count; i++)
        steps[i].iterations = calibrate(steps[i].call, steps[i].api);
}

/* ---- two threads ---- */

typedef struct thread_job {
    const step *step;
    volatile LONG *ready;
    double ns;
} thread_job;

static DWORD WINAPI thread_main(void *param)
{
    thread_job *job = param;
    /* Both threads spin until both are here, so they call at once. */
    InterlockedIncrement(job->ready);
    while (*job->ready < 2)
        YieldProcessor();
    job->ns = timed_run(job->step->call, job->step->api, job->step->iterations);
    return 0;
}

static double two_threads(const step *s)
{
    volatile LONG ready = 0;
    thread_job jobs[2];
    HANDLE threads[2];
    for (int i = 0; i < 2; i++) {
        jobs[i] = (thread_job){ s, &ready, 0 };
        threads[i] = CreateThread(NULL, 0, thread_main, &jobs[i], 0, NULL);
        if (!threads[i]) {
            fprintf(stderr, "wtsbench: CreateThread: error %lu\n", GetLastError());
            exit(1);
        }
    }
    WaitForMultipleObjects(2, threads, TRUE, INFINITE);
    CloseHandle(threads[0]);
    CloseHandle(threads[1]);
    return (jobs[0].ns + jobs[1].ns) / 2;
}

void measure_threads(const step *steps, int count, int threads, double *result)
{
    static double rounds[ROUNDS][MAX_STEPS];
    for (int r = 0; r < ROUNDS; r++)
        for (int i = 0; i < count; i++)
            rounds[r][i] = threads == 1 ? timed_run(steps[i].call, steps[i].api, steps[i].iterations)
                                        : two_threads(&steps[i]);
    summarize(rounds, count, threads == 1, result);
}

/* ---- two processes ---- */

enum { EV_READY, EV_GO, EV_DONE, EV_COUNT };

BOOL measure_processes(const step *steps, int count, const char *worker_args, double *result)
{
    static LONG serial;
    static const char *const kinds[EV_COUNT] = { "ready", "go", "done" };
    char names[EV_COUNT][64], exe[MAX_PATH], cmd[4 * MAX_PATH];
    HANDLE ev[EV_COUNT];
    LONG n = InterlockedIncrement(&serial);
    for (int i = 0; i < EV_COUNT; i++) {
        snprintf(names[i], sizeof(names[i]), "wtsbench-%lu-%ld-%s", GetCurrentProcessId(), n, kinds[i]);
        ev[i] = CreateEventA(NULL, FALSE, FALSE, names[i]);
    }
    GetModuleFileNameA(NULL, exe, sizeof(exe));
    int used = snprintf(cmd, sizeof(cmd), "\"%s\" %s", exe, worker_args);
    for (int i = 0; i < count; i++)
        used += snprintf(cmd + used, sizeof(cmd) - (size_t)used, " %lld", steps[i].iterations);
    snprintf(cmd + used, sizeof(cmd) - (size_t)used, " %s %s %s", names[0], names[1], names[2]);

    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE rd, wr;
    BOOL ok = FALSE;
    if (!CreatePipe(&rd, &wr, &sa, 0))
        return FALSE;
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { .cb = sizeof(si), .dwFlags = STARTF_USESTDHANDLES };
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    CloseHandle(wr);
    if (!started)
        goto out;

    static double mine[ROUNDS][MAX_STEPS];
    HANDLE wait_ready[2] = { ev[EV_READY], pi.hProcess };
    if (WaitForMultipleObjects(2, wait_ready, FALSE, WORKER_START_MS) != WAIT_OBJECT_0)
        goto out_child;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < count; i++) {
            SetEvent(ev[EV_GO]);
            mine[r][i] = timed_run(steps[i].call, steps[i].api, steps[i].iterations);
            HANDLE wait_done[2] = { ev[EV_DONE], pi.hProcess };
            if (WaitForMultipleObjects(2, wait_done, FALSE, WORKER_STEP_MS) != WAIT_OBJECT_0)
                goto out_child;
        }
    }
    WaitForSingleObject(pi.hProcess, WORKER_STEP_MS);

    /* The worker's figures, in the same order; a round's figure is the mean
     * of the two processes'. */
    static char text[ROUNDS * MAX_STEPS * 24 + 1];
    DWORD len = 0, got;
    while (len + 1 < sizeof(text) && ReadFile(rd, text + len, (DWORD)(sizeof(text) - 1 - len), &got, NULL) && got)
        len += got;
    text[len] = 0;
    char *p = text;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < count; i++) {
            char *end;
            double theirs = strtod(p, &end);
            if (end == p)
                goto out_child;
            mine[r][i] = (mine[r][i] + theirs) / 2;
            p = end;
        }
    }
    summarize(mine, count, FALSE, result);
    ok = TRUE;
out_child:
    TerminateProcess(pi.hProcess, 1); /* a no-op when it has exited */
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
out:
    CloseHandle(rd);
    for (int i = 0; i < EV_COUNT; i++)
        CloseHandle(ev[i]);
    return ok;
}

int measure_worker(const step *steps, int count, char **names)
{
    HANDLE ready = OpenEventA(EVENT_MODIFY_STATE, FALSE, names[EV_READY]);
    HANDLE go = OpenEventA(SYNCHRONIZE, FALSE, names[EV_GO]);
    HANDLE done = OpenEventA(EVENT_MODIFY_STATE, FALSE, names[EV_DONE]);
    if (!ready || !go || !done)
        return 1;
    for (int i = 0; i < count; i++) /* warm, as the parent is from calibrating */
        timed_run(steps[i].call, steps[i].api, steps[i].iterations / 8 + 1);
    SetEvent(ready);
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < count; i++) {
            if (WaitForSingleObject(go, WORKER_STEP_MS) != WAIT_OBJECT_0)
                return 1;
            printf("%.3f\n", timed_run(steps[i].call, steps[i].api, steps[i].iterations));
            fflush(stdout);
            SetEvent(done);
        }
    }
    return 0;
}
