/* wtsd's settings (options.h): defaults, the command line, and the checks
 * that make a set of settings usable before anything is opened.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "backends.h"
#include "config_file.h"

bool wtsd_options_set_string(char **field, const char *value)
{
    char *copy = NULL;
    if (value && !(copy = strdup(value)))
        return false;
    free(*field);
    *field = copy;
    return true;
}

bool wtsd_options_init(wtsd_options *o)
{
    memset(o, 0, sizeof(*o));
    o->socket_mode = WTSD_DEFAULT_SOCKET_MODE;
    o->log_level = WTSD_LOG_INFO;
    o->read_timeout = WTSD_DEFAULT_READ_TIMEOUT;
    o->send_timeout = WTSD_DEFAULT_SEND_TIMEOUT;
    o->max_clients = WTSD_DEFAULT_MAX_CLIENTS;
    o->max_output = WTSD_DEFAULT_MAX_OUTPUT;
    return wtsd_options_set_string(&o->backend, WTSD_DEFAULT_BACKEND)
        && wtsd_options_set_string(&o->socket_path, WTSD_DEFAULT_SOCKET);
}

void wtsd_options_clear_listen(wtsd_options *o)
{
    for (size_t i = 0; i < o->n_listen; i++)
        free(o->listen[i]);
    free(o->listen);
    o->listen = NULL;
    o->n_listen = 0;
}

void wtsd_options_free(wtsd_options *o)
{
    free(o->backend);
    free(o->scenario);
    free(o->state);
    free(o->bus);
    free(o->socket_path);
    wtsd_options_clear_listen(o);
    free(o->key_file);
    free(o->remote_user);
    free(o->admin_group);
    memset(o, 0, sizeof(*o));
}

bool wtsd_options_add_listen(wtsd_options *o, const char *address)
{
    char **bigger = realloc(o->listen, (o->n_listen + 1) * sizeof(*bigger));
    if (!bigger)
        return false;
    o->listen = bigger;
    if (!(o->listen[o->n_listen] = strdup(address)))
        return false;
    o->n_listen++;
    return true;
}

static bool parse_number(const char *text, int base, unsigned long *out)
{
    if (!text || !*text || *text == '-' || *text == '+' || *text == ' ')
        return false;
    char *end;
    errno = 0;
    unsigned long v = strtoul(text, &end, base);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}

bool wtsd_parse_unsigned(const char *text, unsigned min, unsigned max, unsigned *out)
{
    unsigned long v;
    if (!parse_number(text, 10, &v) || v < min || v > max)
        return false;
    *out = (unsigned)v;
    return true;
}

bool wtsd_parse_mode(const char *text, unsigned *out)
{
    unsigned long v;
    if (!parse_number(text, 8, &v) || v > 0777)
        return false;
    *out = (unsigned)v;
    return true;
}

void wtsd_options_usage(FILE *to)
{
    fprintf(to,
        "Usage: wtsd [OPTION]...\n"
        "Serves the OpenWTS protocol (wtsapi32.dll, wtsctl) from a session backend.\n"
        "Settings come from the config file first, then from the command line.\n"
        "\n"
        "  --config FILE          read settings from FILE (JSON; docs/wtsd.md)\n"
        "  --backend NAME         the session backend (built in: %s; default %s)\n"
        "  --scenario FILE        sim: the scenario to start from\n"
        "  --state FILE           sim: where changes are kept (and read from on restart)\n"
        "  --bus ADDRESS          logind: a D-Bus address instead of the system bus\n"
        "  --socket PATH          the Unix socket (default %s; \"\" for none)\n"
        "  --socket-mode MODE     its permission bits, octal (default %04o)\n"
        "  --listen HOST[:PORT]   also listen on TCP (repeatable; \"[::1]:PORT\" for IPv6;\n"
        "                         no port: 7389, where the DLL looks for a wtsd by host\n"
        "                         name; port 0 picks a free port, logged at startup)\n"
        "  --key-file FILE        the key remote (non-loopback) TCP clients must prove;\n"
        "                         FILE must not be readable by others\n"
        "  --remote-user NAME     the user a remote client that proved the key acts as\n"
        "                         (needed with --key-file)\n"
        "  --admin-group GROUP    members of this Unix group are administrators, as root is\n"
        "  --key-on-loopback      loopback TCP clients must prove the key too (for tests)\n"
        "  --log-level LEVEL      error, warn, info or debug (default info)\n"
        "  --read-timeout SEC     a client has SEC seconds for its handshake and for each\n"
        "                         message once begun (default %u)\n"
        "  --send-timeout SEC     an answer may wait SEC seconds for the client to read\n"
        "                         (default %u)\n"
        "  --max-clients N        connections served at once (default %u)\n"
        "  --max-output BYTES     bytes queued for one client (default %u)\n"
        "  --check-config         check the settings (config file and command line) and\n"
        "                         exit: 0 when wtsd would start with them\n"
        "  --help                 print this and exit\n"
        "  --version              print the version and exit\n"
        "\n"
        "Exit status: 0 stopped by SIGTERM or SIGINT; 1 a runtime failure (an address\n"
        "in use, ...); 2 a usage or configuration error (bad option, config file,\n"
        "scenario, key file), reported before anything is served.\n",
        WTSD_BACKEND_NAMES, WTSD_DEFAULT_BACKEND, WTSD_DEFAULT_SOCKET, WTSD_DEFAULT_SOCKET_MODE,
        WTSD_DEFAULT_READ_TIMEOUT, WTSD_DEFAULT_SEND_TIMEOUT, WTSD_DEFAULT_MAX_CLIENTS,
        WTSD_DEFAULT_MAX_OUTPUT);
}

enum {
    OPT_CONFIG = 256, OPT_BACKEND, OPT_SCENARIO, OPT_STATE, OPT_BUS, OPT_SOCKET, OPT_SOCKET_MODE,
    OPT_LISTEN, OPT_KEY_FILE, OPT_REMOTE_USER, OPT_ADMIN_GROUP, OPT_KEY_ON_LOOPBACK,
    OPT_LOG_LEVEL, OPT_READ_TIMEOUT, OPT_SEND_TIMEOUT, OPT_MAX_CLIENTS, OPT_MAX_OUTPUT,
    OPT_CHECK_CONFIG, OPT_HELP, OPT_VERSION,
};

static const struct option long_options[] = {
    { "config", required_argument, NULL, OPT_CONFIG },
    { "backend", required_argument, NULL, OPT_BACKEND },
    { "scenario", required_argument, NULL, OPT_SCENARIO },
    { "state", required_argument, NULL, OPT_STATE },
    { "bus", required_argument, NULL, OPT_BUS },
    { "socket", required_argument, NULL, OPT_SOCKET },
    { "socket-mode", required_argument, NULL, OPT_SOCKET_MODE },
    { "listen", required_argument, NULL, OPT_LISTEN },
    { "key-file", required_argument, NULL, OPT_KEY_FILE },
    { "remote-user", required_argument, NULL, OPT_REMOTE_USER },
    { "admin-group", required_argument, NULL, OPT_ADMIN_GROUP },
    { "key-on-loopback", no_argument, NULL, OPT_KEY_ON_LOOPBACK },
    { "log-level", required_argument, NULL, OPT_LOG_LEVEL },
    { "read-timeout", required_argument, NULL, OPT_READ_TIMEOUT },
    { "send-timeout", required_argument, NULL, OPT_SEND_TIMEOUT },
    { "max-clients", required_argument, NULL, OPT_MAX_CLIENTS },
    { "max-output", required_argument, NULL, OPT_MAX_OUTPUT },
    { "check-config", no_argument, NULL, OPT_CHECK_CONFIG },
    { "help", no_argument, NULL, OPT_HELP },
    { "version", no_argument, NULL, OPT_VERSION },
    { NULL, 0, NULL, 0 },
};

static wtsd_cli_result usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "wtsd: %s%s%s\nTry 'wtsd --help'.\n", what, arg ? ": " : "", arg ? arg : "");
    return WTSD_CLI_USAGE;
}

static wtsd_cli_result out_of_memory(void)
{
    fprintf(stderr, "wtsd: out of memory\n");
    return WTSD_CLI_USAGE;
}

/* One option of the second pass; --config was read in the first. */
static wtsd_cli_result apply(wtsd_options *o, int opt, const char *arg, bool *listen_replaced)
{
    unsigned v;
    switch (opt) {
    case OPT_CONFIG:
        return WTSD_CLI_RUN;
    case OPT_BACKEND:
        if (!wtsd_backend_known(arg)) {
            fprintf(stderr, "wtsd: --backend: \"%s\" is not built into this wtsd (built in: %s)\n",
                    arg, WTSD_BACKEND_NAMES);
            return WTSD_CLI_USAGE;
        }
        return wtsd_options_set_string(&o->backend, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_SCENARIO:
        return wtsd_options_set_string(&o->scenario, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_STATE:
        return wtsd_options_set_string(&o->state, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_BUS:
        return wtsd_options_set_string(&o->bus, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_SOCKET:
        return wtsd_options_set_string(&o->socket_path, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_SOCKET_MODE:
        if (!wtsd_parse_mode(arg, &o->socket_mode))
            return usage_error("--socket-mode wants octal permission bits (0600, 0666)", arg);
        return WTSD_CLI_RUN;
    case OPT_LISTEN:
        /* The command line's addresses replace the config file's. */
        if (!*listen_replaced) {
            wtsd_options_clear_listen(o);
            *listen_replaced = true;
        }
        return wtsd_options_add_listen(o, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_KEY_FILE:
        return wtsd_options_set_string(&o->key_file, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_REMOTE_USER:
        return wtsd_options_set_string(&o->remote_user, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_ADMIN_GROUP:
        return wtsd_options_set_string(&o->admin_group, arg) ? WTSD_CLI_RUN : out_of_memory();
    case OPT_KEY_ON_LOOPBACK:
        o->key_on_loopback = true;
        return WTSD_CLI_RUN;
    case OPT_CHECK_CONFIG:
        o->check_only = true;
        return WTSD_CLI_RUN;
    case OPT_LOG_LEVEL:
        if (!wtsd_log_level_parse(arg, &o->log_level))
            return usage_error("--log-level wants error, warn, info or debug", arg);
        return WTSD_CLI_RUN;
    case OPT_READ_TIMEOUT:
    case OPT_SEND_TIMEOUT:
        if (!wtsd_parse_unsigned(arg, 1, WTSD_TIMEOUT_MAX, &v))
            return usage_error(opt == OPT_READ_TIMEOUT ? "--read-timeout wants seconds, 1 to 3600"
                                                       : "--send-timeout wants seconds, 1 to 3600",
                               arg);
        *(opt == OPT_READ_TIMEOUT ? &o->read_timeout : &o->send_timeout) = v;
        return WTSD_CLI_RUN;
    case OPT_MAX_CLIENTS:
        if (!wtsd_parse_unsigned(arg, 1, WTSD_MAX_CLIENTS_MAX, &o->max_clients))
            return usage_error("--max-clients wants a number, 1 to 65536", arg);
        return WTSD_CLI_RUN;
    case OPT_MAX_OUTPUT:
        if (!wtsd_parse_unsigned(arg, WTSD_MAX_OUTPUT_MIN, WTSD_MAX_OUTPUT_MAX, &o->max_output))
            return usage_error("--max-output wants bytes, 4096 to 1073741824", arg);
        return WTSD_CLI_RUN;
    default:
        return WTSD_CLI_USAGE;
    }
}

/* Settings that are each valid but do not go together (whether they came
 * from the config file or the command line). */
static wtsd_cli_result check(const wtsd_options *o)
{
    const char *problem = wtsd_backend_settings_problem(o);
    if (!problem && !o->socket_path[0] && o->n_listen == 0)
        problem = "nothing to listen on: no Unix socket (--socket) and no TCP address (--listen)";
    if (!problem && o->key_file && !o->remote_user)
        problem = "a key file needs a remote user (--remote-user): who remote clients act as";
    if (!problem && o->key_on_loopback && !o->key_file)
        problem = "--key-on-loopback needs a key file (--key-file)";
    if (!problem)
        return WTSD_CLI_RUN;
    fprintf(stderr, "wtsd: %s\n", problem);
    return WTSD_CLI_USAGE;
}

wtsd_cli_result wtsd_options_from_command_line(wtsd_options *o, int argc, char **argv)
{
    /* Pass 1: --help, --version, --config and the options' syntax. */
    const char *config = NULL;
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        if (opt == OPT_HELP) {
            wtsd_options_usage(stdout);
            return WTSD_CLI_EXIT;
        }
        if (opt == OPT_VERSION) {
            printf("wtsd (OpenWTS) %s\n", WTSD_VERSION);
            return WTSD_CLI_EXIT;
        }
        if (opt == ':')
            return usage_error("this option needs a value", argv[optind - 1]);
        if (opt == '?')
            return usage_error("unknown option", argv[optind - 1]);
        if (opt == OPT_CONFIG)
            config = optarg;
    }
    if (optind < argc)
        return usage_error("unexpected argument", argv[optind]);

    if (config) {
        char err[1024];
        if (!wtsd_config_load(config, o, err, sizeof(err))) {
            fprintf(stderr, "wtsd: %s\n", err);
            return WTSD_CLI_USAGE;
        }
    }

    /* Pass 2: the command line over the config file. */
    bool listen_replaced = false;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        wtsd_cli_result r = apply(o, opt, optarg, &listen_replaced);
        if (r != WTSD_CLI_RUN)
            return r;
    }
    return check(o);
}
