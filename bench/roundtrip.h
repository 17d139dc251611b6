/* The round-trip baselines of the column over wtsd: what a call sends to
 * wtsd and gets back, counted on the wire, and the same byte counts sent
 * to a native echo server (bench/echo_native.c) over raw Winsock, and
 * between two native Linux processes.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSBENCH_ROUNDTRIP_H
#define WTSBENCH_ROUNDTRIP_H

#include "calls.h"

/* Counts what `dll` (our wtsapi32.dll over wtsd) sends and receives: its
 * imports of send and recv are pointed at counting wrappers. FALSE when
 * they are not found. */
BOOL wire_count_install(HMODULE dll);

/* Records one call's round trips into *plan: a send after a receive starts
 * the next trip. */
void wire_record(call_fn call, const wts_api *api, rtt_plan *plan);

/* Connects plan->s to the echo server on 127.0.0.1:port (blocking, no
 * Nagle delay). */
BOOL rtt_connect(rtt_plan *plan, unsigned short port);

/* One iteration: the plan's round trips over raw Winsock (api->rtt). */
void call_winsock_rtt(const wts_api *api);

/* The same round trips between two native Linux processes, timed by the
 * echo server (best of its rounds): ns per iteration, < 0 on failure. */
double rtt_native(const rtt_plan *plan, unsigned short port);

/* "1 x 23 B out, 180 B back" */
void rtt_describe(const rtt_plan *plan, char *text, size_t size);

#endif
