/* Opening the backend the settings name (backends.h). Today the sim
 * alone; backend_names.c lists the names.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "backends.h"

#include "openwts/sim.h"

openwts_status wtsd_backend_open(const wtsd_options *o, const openwts_backend **be, char *err,
                                 size_t err_size)
{
    return openwts_sim_open(o->scenario, o->state, be, err, err_size);
}

void wtsd_backend_close(const wtsd_options *o, const openwts_backend *be)
{
    (void)o;
    openwts_sim_close(be);
}
