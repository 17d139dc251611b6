/* wtsctl: administers the sessions of a wtsd from a shell (docs/wtsd.md,
 * "wtsctl"). The global options, the command table and what the
 * commands share; each command is in its own cmd_*.c.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wtsctl.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <stdarg.h>

#include "auth.h"
#include "openwts/backend.h"
#include "win32_errors.h"

static const wtsctl_command commands[] = {
    { "sessions", "sessions [--json]", "list the sessions (a table like qwinsta, or JSON)",
      wtsctl_cmd_sessions },
    { "disconnect", "disconnect ID", "disconnect session ID", wtsctl_cmd_session_action },
    { "connect", "connect ID [--to TARGET]",
      "connect session ID (to the display of session TARGET; default: its own)",
      wtsctl_cmd_session_action },
    { "logoff", "logoff ID", "log session ID off", wtsctl_cmd_session_action },
    { "lock", "lock ID", "lock session ID", wtsctl_cmd_session_action },
    { "unlock", "unlock ID", "unlock session ID", wtsctl_cmd_session_action },
    { "session", "session add --user USER [--domain D] [--id N] [--winstation NAME] [--state S]\n"
                 "                        [--client-name NAME] [--client-address ADDR]\n"
                 "       wtsctl [OPTION]... session remove ID",
      "add a session (its id is printed) or remove one (administrators)",
      wtsctl_cmd_session_admin },
    { "processes", "processes [--session ID] [--json]", "list processes, of one session or all",
      wtsctl_cmd_processes },
    { "msg", "msg ID TEXT [--title T] [--wait [--timeout SEC]]",
      "show a message in session ID (with --wait, print the user's answer)", wtsctl_cmd_msg },
    { "watch", "watch [--json]", "print session events as they happen, until interrupted",
      wtsctl_cmd_watch },
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *to)
{
    fprintf(to,
            "Usage: wtsctl [OPTION]... COMMAND [ARG]...\n"
            "Administers the sessions of wtsd.\n"
            "\n"
            "Options:\n"
            "  --socket PATH     wtsd's Unix socket (default $%s, else %s)\n"
            "  --tcp HOST:PORT   talk to wtsd over TCP instead\n"
            "  --key-file FILE   the key to prove when wtsd asks for one (TCP)\n"
            "  --help            print this (COMMAND --help: a command's own)\n"
            "\n"
            "Commands:\n",
            WTSCTL_SOCKET_ENV, WTSCTL_DEFAULT_SOCKET);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(to, "  %-11s %s\n", commands[i].name, commands[i].summary);
    fprintf(to, "\n"
                "Exit status: 0 done; 1 wtsd refused (the Win32 error is printed); 2 usage;\n"
                "3 wtsd not reachable.\n");
}

void wtsctl_command_help(const wtsctl_command *cmd, FILE *to)
{
    fprintf(to, "Usage: wtsctl [OPTION]... %s\n%c%s.\n", cmd->usage,
            cmd->summary[0] >= 'a' && cmd->summary[0] <= 'z' ? cmd->summary[0] - 'a' + 'A'
                                                             : cmd->summary[0],
            cmd->summary + 1);
}

int wtsctl_usage_error(const wtsctl_command *cmd, const char *fmt, ...)
{
    fprintf(stderr, "wtsctl: %s: ", cmd->name);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    wtsctl_command_help(cmd, stderr);
    return WTSCTL_EXIT_USAGE;
}

bool wtsctl_parse_u32(const char *text, uint32_t *out)
{
    if (!text || *text < '0' || *text > '9')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || *end || v > UINT32_MAX)
        return false;
    *out = (uint32_t)v;
    return true;
}

bool wtsctl_parse_session_id(const char *text, uint32_t *id)
{
    return wtsctl_parse_u32(text, id) && *id != OPENWTS_CURRENT_SESSION && *id != OPENWTS_ANY_SESSION;
}

static int unreachable(const wtsctl *t, const char *err)
{
    fprintf(stderr, "wtsctl: wtsd is not reachable: %s%s\n", err,
            t->tcp ? "" : " (is wtsd running? --socket or $" WTSCTL_SOCKET_ENV " names another socket)");
    return WTSCTL_EXIT_UNREACHABLE;
}

static int refused(const char *what, uint32_t status)
{
    const char *name = win32_error_name(status);
    fprintf(stderr, "wtsctl: %s: refused: error %lu %s\n", what, (unsigned long)status,
            name ? name : "(unknown)");
    return WTSCTL_EXIT_REFUSED;
}

int wtsctl_connect(wtsctl *t)
{
    if (t->connected)
        return WTSCTL_EXIT_OK;
    char err[512];
    uint32_t status = 0;
    wts_client_result r;
    if (t->tcp) {
        wtsd_key key = { NULL, 0 };
        if (t->key_file && !wtsd_key_load(t->key_file, &key, err, sizeof(err))) {
            fprintf(stderr, "wtsctl: %s\n", err);
            return WTSCTL_EXIT_USAGE;
        }
        wts_client_key k = { key.bytes, key.len };
        r = wts_client_connect_tcp(&t->client, t->tcp, "wtsctl " WTSCTL_VERSION, &k, &status, err,
                                   sizeof(err));
        wtsd_key_free(&key);
    } else {
        r = wts_client_connect_unix(&t->client, t->socket_path, "wtsctl " WTSCTL_VERSION, &status,
                                    err, sizeof(err));
    }
    switch (r) {
    case WTS_CLIENT_OK:
        t->connected = true;
        return WTSCTL_EXIT_OK;
    case WTS_CLIENT_REFUSED:
        fprintf(stderr, "wtsctl: %s\n", err);
        return refused("connection", status);
    case WTS_CLIENT_UNREACHABLE:
        return unreachable(t, err);
    case WTS_CLIENT_PROTOCOL:
    default:
        fprintf(stderr, "wtsctl: %s\n", err);
        return WTSCTL_EXIT_REFUSED;
    }
}

int wtsctl_call(wtsctl *t, const char *what, const openwts_Request *req, openwts_Reply *rep)
{
    int rc = wtsctl_connect(t);
    if (rc != WTSCTL_EXIT_OK)
        return rc;
    char err[512];
    wts_client_result r = wts_client_call(&t->client, req, rep, err, sizeof(err));
    if (r == WTS_CLIENT_UNREACHABLE)
        return unreachable(t, err);
    if (r != WTS_CLIENT_OK) {
        fprintf(stderr, "wtsctl: %s: %s\n", what, err);
        return WTSCTL_EXIT_REFUSED;
    }
    if (rep->status != OPENWTS_OK) {
        uint32_t status = rep->status;
        openwts_reply_release(rep);
        return refused(what, status);
    }
    return WTSCTL_EXIT_OK;
}

int wtsctl_simple(wtsctl *t, const char *what, const openwts_Request *req)
{
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep) {
        fprintf(stderr, "wtsctl: out of memory\n");
        return WTSCTL_EXIT_REFUSED;
    }
    int rc = wtsctl_call(t, what, req, rep);
    if (rc == WTSCTL_EXIT_OK)
        openwts_reply_release(rep);
    free(rep);
    return rc;
}

enum { OPT_SOCKET = 256, OPT_TCP, OPT_KEY_FILE, OPT_HELP };

int main(int argc, char **argv)
{
    static const struct option options[] = {
        { "socket", required_argument, NULL, OPT_SOCKET },
        { "tcp", required_argument, NULL, OPT_TCP },
        { "key-file", required_argument, NULL, OPT_KEY_FILE },
        { "help", no_argument, NULL, OPT_HELP },
        { NULL, 0, NULL, 0 },
    };
    wtsctl t;
    memset(&t, 0, sizeof(t));
    t.client.fd = -1;
    t.socket_path = getenv(WTSCTL_SOCKET_ENV);
    if (!t.socket_path || !*t.socket_path)
        t.socket_path = WTSCTL_DEFAULT_SOCKET;

    /* "+": the global options end at the command; its own follow it. */
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "+:", options, NULL)) != -1) {
        switch (opt) {
        case OPT_SOCKET:
            t.socket_path = optarg;
            break;
        case OPT_TCP:
            t.tcp = optarg;
            break;
        case OPT_KEY_FILE:
            t.key_file = optarg;
            break;
        case OPT_HELP:
            usage(stdout);
            return WTSCTL_EXIT_OK;
        case ':':
            fprintf(stderr, "wtsctl: this option needs a value: %s\n", argv[optind - 1]);
            usage(stderr);
            return WTSCTL_EXIT_USAGE;
        default:
            fprintf(stderr, "wtsctl: unknown option: %s\n", argv[optind - 1]);
            usage(stderr);
            return WTSCTL_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "wtsctl: no command\n");
        usage(stderr);
        return WTSCTL_EXIT_USAGE;
    }
    const wtsctl_command *cmd = NULL;
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[optind], commands[i].name) == 0)
            cmd = &commands[i];
    if (!cmd) {
        fprintf(stderr, "wtsctl: unknown command: %s\n", argv[optind]);
        usage(stderr);
        return WTSCTL_EXIT_USAGE;
    }
    int rc = cmd->run(&t, cmd, argc - optind, argv + optind);
    wts_client_close(&t.client);
    return rc;
}
