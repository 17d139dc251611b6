/* wtsctl msg ID TEXT [--title T] [--wait [--timeout SEC]]: a message box
 * in session ID, as WTSSendMessage shows it (MB_OK). Without --wait the
 * call returns at once; with it, the user's answer is printed (IDOK, ...,
 * IDTIMEOUT when --timeout passes first).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdlib.h>

#include "openwts/backend.h"
#include "sim_names.h"
#include "wtsctl.h"

int wtsctl_cmd_msg(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    static const struct option options[] = {
        { "title", required_argument, NULL, 't' },
        { "wait", no_argument, NULL, 'w' },
        { "timeout", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *title = "Message";
    bool wait = false;
    uint32_t timeout = 0;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        if (opt == 'h') {
            wtsctl_command_help(cmd, stdout);
            return WTSCTL_EXIT_OK;
        }
        if (opt == 't')
            title = optarg;
        else if (opt == 'w')
            wait = true;
        else if (opt == 'o') {
            if (!wtsctl_parse_u32(optarg, &timeout))
                return wtsctl_usage_error(cmd, "--timeout wants seconds: %s", optarg);
        } else if (opt == ':')
            return wtsctl_usage_error(cmd, "%s needs a value", argv[optind - 1]);
        else
            return wtsctl_usage_error(cmd, "unknown option %s", argv[optind - 1]);
    }
    uint32_t id;
    if (argc - optind != 2)
        return wtsctl_usage_error(cmd, "wants a session id and a text");
    if (!wtsctl_parse_session_id(argv[optind], &id))
        return wtsctl_usage_error(cmd, "not a session id: %s", argv[optind]);

    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_send_message_tag;
    openwts_SendMessageRequest *m = &req.op.send_message;
    m->session_id = id;
    m->title = (char *)title;
    m->message = argv[optind + 1];
    m->style = 0; /* MB_OK */
    m->timeout_seconds = timeout;
    m->wait = wait;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep)
        return WTSCTL_EXIT_REFUSED;
    char what[48];
    snprintf(what, sizeof(what), "msg %lu", (unsigned long)id);
    int rc = wtsctl_call(t, what, &req, rep);
    if (rc == WTSCTL_EXIT_OK) {
        if (wait) {
            uint32_t r = rep->result.send_message.response;
            const char *name = sim_response_name(r);
            if (name)
                puts(name);
            else
                printf("%lu\n", (unsigned long)r);
        }
        openwts_reply_release(rep);
    }
    free(rep);
    return rc;
}
