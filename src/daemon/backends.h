/* The backends this wtsd hosts, by the name a config file or --backend
 * gives, and how each is opened from the settings.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_BACKENDS_H
#define WTSD_BACKENDS_H

#include <stdbool.h>
#include <stddef.h>

#include "openwts/backend.h"
#include "options.h"

#define WTSD_BACKEND_NAMES "sim"   /* for messages: every name known */
#define WTSD_DEFAULT_BACKEND "sim"

bool wtsd_backend_known(const char *name);
/* NULL, or why the settings cannot open their backend (a missing file
 * setting), before anything is opened. */
const char *wtsd_backend_settings_problem(const wtsd_options *o);

/* Opens the configured backend; on failure `err` says why, naming the
 * file and, for a syntax error, its line and column. */
openwts_status wtsd_backend_open(const wtsd_options *o, const openwts_backend **be, char *err,
                                 size_t err_size);
void wtsd_backend_close(const wtsd_options *o, const openwts_backend *be);

#endif
