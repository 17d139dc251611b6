/* wtsd: serves the OpenWTS protocol on a Unix socket and TCP addresses
 * from one backend (docs/wtsd.md). Exit status: 0 after SIGTERM/SIGINT,
 * 1 a runtime failure, 2 a usage or configuration error (nothing served).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "auth.h"
#include "backends.h"
#include "log.h"
#include "notify.h"
#include "options.h"
#include "server.h"

#define EXIT_RUNTIME 1
#define EXIT_CONFIG 2

int main(int argc, char **argv)
{
    /* A client that goes away mid-write is an error of that write. */
    signal(SIGPIPE, SIG_IGN);

    wtsd_options o;
    if (!wtsd_options_init(&o)) {
        fprintf(stderr, "wtsd: out of memory\n");
        return EXIT_RUNTIME;
    }
    wtsd_cli_result cli = wtsd_options_from_command_line(&o, argc, argv);
    if (cli != WTSD_CLI_RUN) {
        wtsd_options_free(&o);
        return cli == WTSD_CLI_EXIT ? 0 : EXIT_CONFIG;
    }
    wtsd_log_set_level(o.log_level);
    if (o.check_only) {
        /* Only the settings: opening the backend could write its state file. */
        printf("wtsd: the settings are complete (backend %s)\n", o.backend);
        wtsd_options_free(&o);
        return 0;
    }

    char err[1024];
    wtsd_key key = { NULL, 0 };
    if (o.key_file && !wtsd_key_load(o.key_file, &key, err, sizeof(err))) {
        wtsd_error("%s", err);
        wtsd_options_free(&o);
        return EXIT_CONFIG;
    }
    int rc = EXIT_RUNTIME;
    openwts_status st;
    wtsd_server s;
    wtsd_backend_host host = { NULL, -1, NULL };
    if (!wtsd_server_init(&s, &o, &key)) {
        wtsd_error("cannot set up the event loop: %s", strerror(errno));
    } else if ((st = wtsd_backend_open(&o, wtsd_events_sink, &s, &host, err, sizeof(err)))
               != OPENWTS_OK) {
        wtsd_error("backend %s: %s", o.backend, err);
        /* A bus not there yet may be there on the next start; a bad file
         * will not be better. */
        rc = st == OPENWTS_RPC_S_SERVER_UNAVAILABLE ? EXIT_RUNTIME : EXIT_CONFIG;
    } else if (!wtsd_server_host(&s, &host)) {
        wtsd_error("backend %s: cannot watch its input: %s", o.backend, strerror(errno));
    } else if (wtsd_listeners_open(&s)) {
        wtsd_info("ready: backend %s%s%s%s%s%s%s, %zu listening socket%s", o.backend,
                  o.scenario ? ", scenario " : "", o.scenario ? o.scenario : "",
                  o.state ? ", state " : "", o.state ? o.state : "", o.bus ? ", bus " : "",
                  o.bus ? o.bus : "", s.n_listeners, s.n_listeners == 1 ? "" : "s");
        wtsd_notify("READY=1");
        if (wtsd_server_run(&s))
            rc = 0;
        wtsd_notify("STOPPING=1");
    }
    wtsd_listeners_close(&s);
    wtsd_server_free(&s);
    wtsd_backend_close(&o, &host);
    wtsd_key_free(&key);
    wtsd_options_free(&o);
    if (rc == 0)
        wtsd_info("stopped");
    return rc;
}
