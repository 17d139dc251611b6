/* Scenario text (JSON, docs/sim-scenarios.md) to the model and back. The
 * state file is a scenario too: what sim_scenario_write produces reads
 * back to an equal model.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_SCENARIO_H
#define OPENWTS_SIM_SCENARIO_H

#include <stddef.h>

#include "openwts/status.h"
#include "sim_model.h"

/* Reads a scenario from text[0..len) (need not end in a NUL) into *out,
 * all or nothing: on error *out is empty (zeroed) and `err` gets
 * "NAME:LINE:COLUMN: reason" for a syntax error (both counted from 1,
 * columns in characters) or "NAME: PATH: reason" for a file that is JSON
 * but not a scenario (PATH like sessions[2].client.address); NAME is the
 * file's name, and is left out with its separator when NULL. Returns
 * OPENWTS_OK, OPENWTS_ERROR_INVALID_DATA for a bad file, or
 * OPENWTS_ERROR_NOT_ENOUGH_MEMORY. */
openwts_status sim_scenario_parse(const char *name, const char *text, size_t len, sim_model *out,
                                  char *err, size_t errsz);

/* The model as scenario text, NUL-terminated, allocated (free()); *len
 * gets its length. NULL when memory runs out. */
char *sim_scenario_write(const sim_model *m, size_t *len);

#endif
