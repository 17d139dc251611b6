/* Inside the sim backend: the instance behind openwts_backend.data.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_BACKEND_H
#define OPENWTS_SIM_BACKEND_H

#include "openwts/sim.h"
#include "sim_model.h"

typedef struct sim {
    openwts_backend table; /* what openwts_sim_open hands out; data points here */
    sim_model model;
    char *state_path;      /* NULL: changes stay in memory */
    openwts_event_fn sink;
    void *sink_ctx;
} sim;

/* Writes the whole model to the state file (nothing without one).
 * *replaced: as sim_store_replace says. */
openwts_status sim_save(sim *s, bool *replaced, char *err, size_t errsz);

/* The backend's operations, filled into the table (sim_backend.c). */
void sim_fill_table(openwts_backend *table);

#endif
