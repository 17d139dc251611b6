/* wtsctl watch [--json]: subscribes to wtsd's session events and prints
 * each as it comes, until SIGINT or SIGTERM (exit 0) or until wtsd goes
 * away (exit 3). A text line is "SEQUENCE session ID KIND"; with --json,
 * one object per line ({"sequence":N,"session_id":ID,"kind":"..."}). A
 * gap in the sequence means wtsd dropped events this client was too slow
 * to take (docs/wtsd.md, "Events"); the text form says how many.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <signal.h>
#include <string.h>

#include "openwts/backend.h"
#include "server.h"
#include "wtsctl.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

int wtsctl_cmd_watch(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    static const struct option options[] = {
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool json = false;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        if (opt == 'j')
            json = true;
        else if (opt == 'h') {
            wtsctl_command_help(cmd, stdout);
            return WTSCTL_EXIT_OK;
        } else
            return wtsctl_usage_error(cmd, "unknown option %s", argv[optind - 1]);
    }
    if (optind < argc)
        return wtsctl_usage_error(cmd, "unexpected argument %s", argv[optind]);

    /* No SA_RESTART: the signal interrupts the wait for the next event. */
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    int rc = wtsctl_connect(t);
    if (rc != WTSCTL_EXIT_OK)
        return rc;
    char err[512];
    if (wts_client_subscribe(&t->client, true, err, sizeof(err)) != WTS_CLIENT_OK) {
        fprintf(stderr, "wtsctl: watch: %s\n", err);
        return WTSCTL_EXIT_UNREACHABLE;
    }
    if (!json)
        printf("watching session events of wtsd (%s); interrupt to stop\n", t->client.where);
    fflush(stdout);
    uint64_t last = 0;
    while (!interrupted) {
        openwts_Event ev;
        if (wts_client_next_event(&t->client, &ev, err, sizeof(err)) != WTS_CLIENT_OK) {
            if (interrupted)
                break;
            fprintf(stderr, "wtsctl: watch: %s\n", err);
            return WTSCTL_EXIT_UNREACHABLE;
        }
        const char *kind = wtsd_event_kind_name((openwts_event_kind)ev.kind);
        if (json) {
            printf("{\"sequence\":%llu,\"session_id\":%lu,\"kind\":\"%s\"}\n",
                   (unsigned long long)ev.sequence, (unsigned long)ev.session_id, kind);
        } else {
            if (last && ev.sequence > last + 1)
                printf("(%llu events missed)\n", (unsigned long long)(ev.sequence - last - 1));
            printf("%llu session %lu %s\n", (unsigned long long)ev.sequence,
                   (unsigned long)ev.session_id, kind);
        }
        last = ev.sequence;
        fflush(stdout);
    }
    return WTSCTL_EXIT_OK;
}
