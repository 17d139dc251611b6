/* wtsctl session add|remove: a session made or ended by the backend's
 * administration operations (administrators only; the sim keeps the
 * change in its state file). `add` prints the new session's id.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/utf8.h"
#include "sim_address.h"
#include "sim_names.h"
#include "sim_time.h"
#include "wtsctl.h"

/* Whether `value` fits `field` (cap bytes with the NUL): refused rather
 * than cut, as the scenario reader does. */
static bool fits(const char *value, size_t cap)
{
    return strlen(value) < cap;
}

static int add(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    static const struct option options[] = {
        { "user", required_argument, NULL, 'u' },
        { "domain", required_argument, NULL, 'd' },
        { "id", required_argument, NULL, 'i' },
        { "winstation", required_argument, NULL, 'w' },
        { "state", required_argument, NULL, 's' },
        { "client-name", required_argument, NULL, 'n' },
        { "client-address", required_argument, NULL, 'a' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_add_session_tag;
    req.op.add_session.has_session = true;
    openwts_Session *s = &req.op.add_session.session;
    bool has_user = false, has_winstation = false;
    const char *bad = NULL;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        size_t size = 0;
        switch (opt) {
        case 'h':
            wtsctl_command_help(cmd, stdout);
            return WTSCTL_EXIT_OK;
        case 'u':
            has_user = *optarg != '\0';
            if (!fits(optarg, sizeof(s->user)))
                bad = "--user is too long";
            openwts_utf8_copy(s->user, sizeof(s->user), optarg);
            break;
        case 'd':
            if (!fits(optarg, sizeof(s->domain)))
                bad = "--domain is too long";
            openwts_utf8_copy(s->domain, sizeof(s->domain), optarg);
            break;
        case 'i':
            if (!wtsctl_parse_session_id(optarg, &s->id) || s->id == 0)
                bad = "--id wants a session id other than 0";
            break;
        case 'w':
            has_winstation = true;
            if (!fits(optarg, sizeof(s->win_station)))
                bad = "--winstation is too long";
            openwts_utf8_copy(s->win_station, sizeof(s->win_station), optarg);
            break;
        case 's':
            if (!sim_state_from_name(optarg, &s->state))
                bad = "--state wants Active, Connected, ConnectQuery, Shadow, Disconnected, "
                      "Idle, Listen, Reset, Down or Init";
            break;
        case 'n':
            if (!fits(optarg, sizeof(s->client_name)))
                bad = "--client-name is too long";
            openwts_utf8_copy(s->client_name, sizeof(s->client_name), optarg);
            break;
        case 'a':
            if (!sim_address_parse(optarg, &s->client_address_family, s->client_address.bytes, &size))
                bad = "--client-address wants an IPv4 or IPv6 address";
            s->client_address.size = (pb_size_t)size;
            break;
        case ':':
            return wtsctl_usage_error(cmd, "%s needs a value", argv[optind - 1]);
        default:
            return wtsctl_usage_error(cmd, "unknown option %s", argv[optind - 1]);
        }
        if (bad)
            return wtsctl_usage_error(cmd, "%s", bad);
    }
    if (optind < argc)
        return wtsctl_usage_error(cmd, "unexpected argument %s", argv[optind]);
    if (!has_user)
        return wtsctl_usage_error(cmd, "session add needs --user");

    /* A session added by hand is an RDP user's who just logged on. */
    if (!has_winstation)
        openwts_utf8_copy(s->win_station, sizeof(s->win_station), "RDP-Tcp");
    s->protocol_type = 2;
    s->lock_state = SIM_LOCK_UNLOCKED;
    s->logon_time = s->connect_time = sim_time_now();
    if (s->state == OPENWTS_STATE_DISCONNECTED)
        s->disconnect_time = s->logon_time;

    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep)
        return WTSCTL_EXIT_REFUSED;
    int rc = wtsctl_call(t, "session add", &req, rep);
    if (rc == WTSCTL_EXIT_OK) {
        printf("%lu\n", (unsigned long)rep->result.add_session.session_id);
        openwts_reply_release(rep);
    }
    free(rep);
    return rc;
}

static int remove_one(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        wtsctl_command_help(cmd, stdout);
        return WTSCTL_EXIT_OK;
    }
    uint32_t id;
    if (argc != 2 || !wtsctl_parse_session_id(argv[1], &id))
        return wtsctl_usage_error(cmd, "session remove wants one session id");
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_remove_session_tag;
    req.op.remove_session.session_id = id;
    char what[48];
    snprintf(what, sizeof(what), "session remove %lu", (unsigned long)id);
    return wtsctl_simple(t, what, &req);
}

int wtsctl_cmd_session_admin(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
        wtsctl_command_help(cmd, stdout);
        return WTSCTL_EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "add") == 0)
        return add(t, cmd, argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "remove") == 0)
        return remove_one(t, cmd, argc - 1, argv + 1);
    return wtsctl_usage_error(cmd, "add or remove?");
}
