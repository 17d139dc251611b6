/* wtsctl disconnect|connect|logoff|lock|unlock ID: one operation on one
 * session, as WTSDisconnectSession, WTSConnectSession, WTSLogoffSession
 * and the lock operation of the backend table do it (waiting for it to be
 * done). Whether the caller may is wtsd's decision: its own sessions, or
 * any when it is an administrator.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <string.h>

#include "wtsctl.h"

int wtsctl_cmd_session_action(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    static const struct option options[] = {
        { "to", required_argument, NULL, 't' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool is_connect = strcmp(cmd->name, "connect") == 0;
    const char *to = NULL;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        if (opt == 'h') {
            wtsctl_command_help(cmd, stdout);
            return WTSCTL_EXIT_OK;
        }
        if (opt == 't' && is_connect)
            to = optarg;
        else if (opt == ':')
            return wtsctl_usage_error(cmd, "%s needs a value", argv[optind - 1]);
        else
            return wtsctl_usage_error(cmd, "unknown option %s", argv[optind - 1]);
    }
    uint32_t id, target;
    if (optind >= argc)
        return wtsctl_usage_error(cmd, "no session id");
    if (!wtsctl_parse_session_id(argv[optind], &id))
        return wtsctl_usage_error(cmd, "not a session id: %s", argv[optind]);
    if (optind + 1 < argc)
        return wtsctl_usage_error(cmd, "unexpected argument %s", argv[optind + 1]);
    target = id;
    if (to && !wtsctl_parse_session_id(to, &target))
        return wtsctl_usage_error(cmd, "not a session id: %s", to);

    openwts_Request req = openwts_Request_init_zero;
    if (strcmp(cmd->name, "disconnect") == 0) {
        req.which_op = openwts_Request_disconnect_session_tag;
        req.op.disconnect_session.session_id = id;
        req.op.disconnect_session.wait = true;
    } else if (strcmp(cmd->name, "logoff") == 0) {
        req.which_op = openwts_Request_logoff_session_tag;
        req.op.logoff_session.session_id = id;
        req.op.logoff_session.wait = true;
    } else if (is_connect) {
        req.which_op = openwts_Request_connect_session_tag;
        req.op.connect_session.logon_id = id;
        req.op.connect_session.target_id = target;
        req.op.connect_session.wait = true;
    } else {
        req.which_op = openwts_Request_lock_session_tag;
        req.op.lock_session.session_id = id;
        req.op.lock_session.lock = strcmp(cmd->name, "lock") == 0;
    }
    char what[64];
    snprintf(what, sizeof(what), "%s %lu", cmd->name, (unsigned long)id);
    return wtsctl_simple(t, what, &req);
}
