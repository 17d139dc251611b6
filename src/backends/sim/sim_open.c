/* Opening and closing a sim backend, and saving its model: which file is
 * loaded (the state file when it exists, else the scenario) and where
 * changes go (sim.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_backend.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim_scenario.h"
#include "sim_store.h"

static void say(char *error, size_t error_size, const char *fmt, ...)
{
    if (!error || !error_size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(error, error_size, fmt, ap);
    va_end(ap);
}

openwts_status sim_save(sim *s, bool *replaced, char *err, size_t errsz)
{
    *replaced = false;
    if (!s->state_path)
        return OPENWTS_OK;
    size_t len;
    char *text = sim_scenario_write(&s->model, &len);
    if (!text) {
        say(err, errsz, "%s: out of memory", s->state_path);
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    openwts_status st = sim_store_replace(s->state_path, text, len, replaced, err, errsz);
    free(text);
    return st;
}

openwts_status openwts_sim_open(const char *scenario_path, const char *state_path,
                                const openwts_backend **out, char *error, size_t error_size)
{
    say(error, error_size, "%s", "");
    if (!out || (!scenario_path && !state_path)) {
        say(error, error_size, "no scenario or state file named");
        return OPENWTS_ERROR_INVALID_PARAMETER;
    }
    bool from_state = state_path && sim_store_exists(state_path);
    const char *from = from_state ? state_path : scenario_path;
    if (!from) {
        say(error, error_size, "%s: no such state file, and no scenario to start from", state_path);
        return OPENWTS_ERROR_FILE_NOT_FOUND;
    }
    sim *s = calloc(1, sizeof(*s));
    if (!s) {
        say(error, error_size, "out of memory");
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    char *text = NULL;
    size_t len = 0;
    openwts_status st = sim_store_read(from, &text, &len, error, error_size);
    if (st == OPENWTS_OK) {
        st = sim_scenario_parse(from, text, len, &s->model, error, error_size);
        free(text);
    }
    if (st == OPENWTS_OK && state_path && !(s->state_path = strdup(state_path))) {
        say(error, error_size, "out of memory");
        st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    if (st == OPENWTS_OK && state_path && !from_state) {
        bool replaced;
        st = sim_save(s, &replaced, error, error_size);
    }
    if (st != OPENWTS_OK) {
        sim_model_free(&s->model);
        free(s->state_path);
        free(s);
        return st;
    }
    sim_fill_table(&s->table);
    s->table.data = s;
    *out = &s->table;
    return OPENWTS_OK;
}

void openwts_sim_close(const openwts_backend *be)
{
    if (!be)
        return;
    sim *s = be->data;
    sim_model_free(&s->model);
    free(s->state_path);
    free(s);
}
