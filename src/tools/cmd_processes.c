/* wtsctl processes [--session ID] [--json]: the processes of one session
 * or of all, as WTSEnumerateProcessesEx lists them: a table (session,
 * pid, threads, handles, working set in KiB, image name) or a JSON array
 * (session_json.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <getopt.h>
#include <stdlib.h>

#include "openwts/backend.h"
#include "session_json.h"
#include "wtsctl.h"

int wtsctl_cmd_processes(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
{
    static const struct option options[] = {
        { "session", required_argument, NULL, 's' },
        { "json", no_argument, NULL, 'j' },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    bool json = false;
    uint32_t session = OPENWTS_ANY_SESSION;
    int opt;
    optind = 0;
    while ((opt = getopt_long(argc, argv, ":", options, NULL)) != -1) {
        if (opt == 'h') {
            wtsctl_command_help(cmd, stdout);
            return WTSCTL_EXIT_OK;
        }
        if (opt == 'j')
            json = true;
        else if (opt == 's') {
            if (!wtsctl_parse_session_id(optarg, &session))
                return wtsctl_usage_error(cmd, "not a session id: %s", optarg);
        } else if (opt == ':')
            return wtsctl_usage_error(cmd, "%s needs a value", argv[optind - 1]);
        else
            return wtsctl_usage_error(cmd, "unknown option %s", argv[optind - 1]);
    }
    if (optind < argc)
        return wtsctl_usage_error(cmd, "unexpected argument %s", argv[optind]);

    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_processes_tag;
    req.op.enumerate_processes.session_id = session;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep)
        return WTSCTL_EXIT_REFUSED;
    int rc = wtsctl_call(t, "processes", &req, rep);
    if (rc != WTSCTL_EXIT_OK) {
        free(rep);
        return rc;
    }
    const openwts_EnumerateProcessesReply *list = &rep->result.enumerate_processes;
    if (json) {
        json_object *array = json_object_new_array_ext((int)list->processes_count);
        for (pb_size_t i = 0; i < list->processes_count; i++)
            json_object_array_add(array, wtsctl_process_json(&list->processes[i]));
        puts(json_object_to_json_string_ext(array, JSON_C_TO_STRING_PRETTY
                                                       | JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(array);
    } else {
        puts(" SESSION      PID  THREADS  HANDLES  WORKING SET  IMAGE");
        for (pb_size_t i = 0; i < list->processes_count; i++) {
            const openwts_Process *p = &list->processes[i];
            printf(" %7lu %8lu %8lu %8lu %10llu K  %s\n", (unsigned long)p->session_id,
                   (unsigned long)p->process_id, (unsigned long)p->thread_count,
                   (unsigned long)p->handle_count, (unsigned long long)(p->working_set / 1024),
                   p->name);
        }
    }
    openwts_reply_release(rep);
    free(rep);
    return fflush(stdout) == 0 ? WTSCTL_EXIT_OK : WTSCTL_EXIT_REFUSED;
}
