/* Fuzz target: the sim backend's scenario reader, which reads files an
 * operator wrote (and its own state files). Whatever it refuses comes
 * back as a message and an empty model; whatever it accepts holds only
 * sessions the sim can keep (sorted, unique, valid), and writes out as
 * text that reads back to a model that writes the very same text.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "fuzz_common.h"

#include "sim_check.h"
#include "sim_scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sim_model a, b;
    char err[512];
    openwts_status st = sim_scenario_parse("fuzz", (const char *)data, size, &a, err, sizeof(err));
    FUZZ_CHECK(st == OPENWTS_OK || st == OPENWTS_ERROR_INVALID_DATA
               || st == OPENWTS_ERROR_NOT_ENOUGH_MEMORY);
    if (st != OPENWTS_OK) {
        FUZZ_CHECK(strncmp(err, "fuzz:", 5) == 0);
        FUZZ_CHECK(a.n_sessions == 0 && !a.sessions && !a.processes && !a.users);
        return 0;
    }
    for (size_t i = 0; i < a.n_sessions; i++) {
        const char *field;
        FUZZ_CHECK(sim_check_session(&a.sessions[i]->s, &field) == NULL);
        FUZZ_CHECK(i == 0 || a.sessions[i - 1]->s.id < a.sessions[i]->s.id);
    }
    for (size_t i = 0; i < a.n_processes; i++) {
        FUZZ_CHECK(i == 0 || a.processes[i - 1].process_id < a.processes[i].process_id);
        FUZZ_CHECK(sim_model_find(&a, a.processes[i].session_id, NULL) != NULL);
        FUZZ_CHECK(STR_OK(a.processes[i].name));
    }

    size_t n1 = 0, n2 = 0;
    char *t1 = sim_scenario_write(&a, &n1);
    FUZZ_CHECK(t1 != NULL && strlen(t1) == n1);
    st = sim_scenario_parse("written", t1, n1, &b, err, sizeof(err));
    if (st != OPENWTS_OK)
        fprintf(stderr, "written text refused: %s\n", err);
    FUZZ_CHECK(st == OPENWTS_OK);
    FUZZ_CHECK(a.n_sessions == b.n_sessions && a.n_processes == b.n_processes
               && a.n_users == b.n_users);
    char *t2 = sim_scenario_write(&b, &n2);
    FUZZ_CHECK(t2 != NULL && n1 == n2 && memcmp(t1, t2, n1) == 0);
    free(t1);
    free(t2);
    sim_model_free(&a);
    sim_model_free(&b);
    return 0;
}
