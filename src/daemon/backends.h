/* The backends this wtsd hosts, by the name a config file or --backend
 * gives, and how each is opened from the settings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_BACKENDS_H
#define WTSD_BACKENDS_H

#include <stdbool.h>
#include <stddef.h>

#include "openwts/backend.h"
#include "options.h"

#define WTSD_BACKEND_NAMES "sim, logind" /* for messages: every name known */
#define WTSD_DEFAULT_BACKEND "sim"

bool wtsd_backend_known(const char *name);
/* NULL, or why the settings cannot open their backend (a missing file
 * setting), before anything is opened. */
const char *wtsd_backend_settings_problem(const wtsd_options *o);

/* A backend as wtsd hosts it: its table, and what a backend with input of
 * its own (logind's bus) needs from the loop. */
typedef struct wtsd_backend_host {
    const openwts_backend *be;
    int fd;     /* watched for input (EPOLLIN); -1: none */
    /* Run before every wait of the loop (so after every request served
     * and whenever fd is readable); NULL: none. RPC_S_SERVER_UNAVAILABLE
     * means the backend lost what fd was: it is no longer watched. */
    openwts_status (*process)(const openwts_backend *be);
} wtsd_backend_host;

/* Opens the configured backend with its event sink set to sink(ctx, ...);
 * on failure `err` says why, naming the file and, for a syntax error,
 * its line and column. */
openwts_status wtsd_backend_open(const wtsd_options *o, openwts_event_fn sink, void *ctx,
                                 wtsd_backend_host *h, char *err, size_t err_size);
void wtsd_backend_close(const wtsd_options *o, wtsd_backend_host *h);

#endif
