/* The names of the backends built into wtsd and what each needs from the
 * settings (backends.h): apart from their opening, so that the config
 * file's reader (and its fuzz target) needs no backend.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "backends.h"

bool wtsd_backend_known(const char *name)
{
    return name && (strcmp(name, "sim") == 0 || strcmp(name, "logind") == 0);
}

const char *wtsd_backend_settings_problem(const wtsd_options *o)
{
    if (!wtsd_backend_known(o->backend))
        return "the backend is not built into this wtsd (built in: " WTSD_BACKEND_NAMES ")";
    if (strcmp(o->backend, "logind") == 0) {
        if (o->scenario || o->state)
            return "a scenario or state file (--scenario, --state) is for the sim backend, "
                   "not logind";
        return NULL;
    }
    if (o->bus)
        return "a bus address (--bus) is for the logind backend, not sim";
    if (!o->scenario && !o->state)
        return "the sim backend needs a scenario (--scenario FILE) or the state file of an "
               "earlier run (--state FILE)";
    return NULL;
}
