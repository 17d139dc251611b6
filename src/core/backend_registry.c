/* Backends registered by name, the first one being the default.
 * Registration happens at start-up (DllMain, wtsd's main, a test's setup),
 * before any call is served, so the table needs no lock.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>

#include "openwts/backend.h"

#define REGISTRY_SIZE 8

static const openwts_backend *registry[REGISTRY_SIZE];
static size_t registry_count;

openwts_status openwts_backend_register(const openwts_backend *be)
{
    if (!be || !be->name || be->version < 1)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    for (size_t i = 0; i < registry_count; i++) {
        if (strcmp(registry[i]->name, be->name) == 0) {
            registry[i] = be; /* re-registering a name replaces it */
            return OPENWTS_OK;
        }
    }
    if (registry_count == REGISTRY_SIZE)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    registry[registry_count++] = be;
    return OPENWTS_OK;
}

const openwts_backend *openwts_backend_find(const char *name)
{
    if (!name || !*name)
        return registry_count ? registry[0] : NULL;
    for (size_t i = 0; i < registry_count; i++)
        if (strcmp(registry[i]->name, name) == 0)
            return registry[i];
    return NULL;
}

void openwts_backend_unregister_all(void)
{
    memset(registry, 0, sizeof(registry));
    registry_count = 0;
}
