/* Timing: nanoseconds per call with QueryPerformanceCounter, from one
 * thread, from two threads at once, and from two processes at once.
 *
 * A measurement is a few steps (a row's baseline, then the row's call on
 * each DLL) timed in rounds: each round runs every step once, in turn, a
 * fixed number of calls each, chosen so a step lasts about ROUND_MS on one
 * thread. So a row and its baseline are timed in the same moments, and
 * their ratio holds however the load of a shared machine changes during
 * the run. A step's figure from one thread is its best round, as other
 * work only ever adds time to a round; from two threads or two processes
 * it is the median round, as the best is one where the two callers
 * happened not to meet (one waiting for a core), and their meeting is what
 * those rows measure. ROUNDS x ROUND_MS keeps the whole table well under
 * two minutes on two cores.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSBENCH_MEASURE_H
#define WTSBENCH_MEASURE_H

#include "calls.h"

#define ROUND_MS 4
#define ROUNDS 25
#define MAX_STEPS 8

typedef struct step {
    call_fn call;
    const wts_api *api;  /* NULL for a baseline */
    LONG64 iterations;   /* set by measure_calibrate */
} step;

/* Sets each step's calls per round (after a warm-up). */
void measure_calibrate(step *steps, int count);

/* result[i]: step i's ns per call, with `threads` threads (1 or 2)
 * calling at once; with two, a round's figure is the mean of what each
 * thread took per call. */
void measure_threads(const step *steps, int count, int threads, double *result);

/* The same from two processes at once: this one, and this program started
 * again with `worker_args` followed by the steps' iterations and three
 * event names, which rebuilds the same steps and calls measure_worker. Both
 * start each step of each round together. FALSE when the second process
 * could not be run. */
BOOL measure_processes(const step *steps, int count, const char *worker_args, double *result);

/* The second process's side; `names` are the three event names. Prints
 * one ns-per-call figure per step and round. */
int measure_worker(const step *steps, int count, char **names);

#endif
