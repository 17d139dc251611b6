/* Fuzz target: wtsd's config file reader (src/daemon/config_file.c), over
 * the settings' defaults. Checks: a refusal names the file first; an
 * accepted file leaves every setting within what the command line would
 * accept (timeouts, counts and sizes in range, a known backend and log
 * level, a mode of permission bits, relative paths joined to the file's
 * directory, no empty listen address).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "config_file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                        \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

static bool path_ok(const char *p)
{
    return !p || !*p || strncmp(p, "/etc/openwts/", 13) == 0 || p[0] == '/';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wtsd_options o;
    CHECK(wtsd_options_init(&o));
    char err[512];
    if (!wtsd_config_parse("fuzz.json", (const char *)data, size, "/etc/openwts", &o, err, sizeof(err))) {
        CHECK(strncmp(err, "fuzz.json:", 10) == 0 || strncmp(err, "fuzz.json: ", 11) == 0);
        CHECK(memchr(err, '\0', sizeof(err)) != NULL);
    } else {
        CHECK(wtsd_backend_known(o.backend));
        CHECK(o.read_timeout >= 1 && o.read_timeout <= WTSD_TIMEOUT_MAX);
        CHECK(o.send_timeout >= 1 && o.send_timeout <= WTSD_TIMEOUT_MAX);
        CHECK(o.max_clients >= 1 && o.max_clients <= WTSD_MAX_CLIENTS_MAX);
        CHECK(o.max_output >= WTSD_MAX_OUTPUT_MIN && o.max_output <= WTSD_MAX_OUTPUT_MAX);
        CHECK(o.socket_mode <= 0777);
        CHECK(o.log_level >= WTSD_LOG_ERROR && o.log_level <= WTSD_LOG_DEBUG);
        CHECK(o.socket_path && path_ok(o.socket_path));
        CHECK(path_ok(o.scenario) && path_ok(o.state) && path_ok(o.key_file));
        CHECK(!o.scenario || *o.scenario);
        CHECK(!o.remote_user || *o.remote_user);
        CHECK(!o.admin_group || *o.admin_group);
        CHECK(!o.bus || *o.bus);
        for (size_t i = 0; i < o.n_listen; i++)
            CHECK(o.listen[i] && *o.listen[i]);
    }
    wtsd_options_free(&o);
    return 0;
}
