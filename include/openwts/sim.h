/* The `sim` backend: a simulated terminal server whose sessions, users and
 * processes come from a scenario file (JSON, docs/sim-scenarios.md) and
 * change through the backend table: by WTS calls served by wtsd, by the
 * admin tool, or by tests. With a state file, every change is on disk
 * before the call that made it returns, so a restart (even after kill -9)
 * continues where the last change left off.
 *
 * Not thread-safe, by design: wtsd serves every call from one thread. A
 * host calling from several threads must hold one lock around every call,
 * and the event sink is called from inside those calls. One process at a
 * time may use a given state file.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_H
#define OPENWTS_SIM_H

#include <stddef.h>

#include "openwts/backend.h"

#define OPENWTS_SIM_BACKEND_NAME "sim"

/* Opens a sim backend (version 3, every slot) into *out.
 *
 * state_path NULL: the scenario is loaded and changes live in memory
 *   only, until openwts_sim_close; nothing is ever written (the scenario
 *   file is an input and is never modified).
 * state_path given and the file exists: it is loaded and the scenario is
 *   not read at all (scenario_path may then be NULL).
 * state_path given and absent: the scenario is loaded and the state file
 *   is written at once, so that a bad state path is reported here rather
 *   than at the first change.
 * Then every change rewrites the state file atomically (sim_store.h); a
 * change that cannot be written is undone and its call fails with the
 * write's error.
 *
 * On failure *out is untouched and, when error_size > 0, `error` gets a
 * message: "FILE:LINE:COLUMN: reason" for JSON syntax,
 * "FILE: sessions[2].state: reason" for a file that is not a valid
 * scenario, "FILE: reason" when it cannot be read. Returns OPENWTS_OK,
 * OPENWTS_ERROR_INVALID_DATA (a bad file), OPENWTS_ERROR_INVALID_PARAMETER
 * (no file named, out NULL), OPENWTS_ERROR_NOT_ENOUGH_MEMORY, or the
 * Win32 code of a file error. */
openwts_status openwts_sim_open(const char *scenario_path, const char *state_path,
                                const openwts_backend **out, char *error, size_t error_size);

/* Frees a backend openwts_sim_open returned (NULL: nothing). Unregister it
 * first if it was registered. Changes were saved as they happened. */
void openwts_sim_close(const openwts_backend *be);

#endif
