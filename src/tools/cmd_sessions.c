/* wtsctl sessions [--json]: the sessions of wtsd's backend, as a table in
 * the layout of Windows' qwinsta (examples/qwinsta.c describes it: '>'
 * for the caller's own session, the WinStation name lower-cased, the
 * state's short word), or as a JSON array (session_json.h).
 * TYPE is "rdpwd" for an RDP session and "ica" for an ICA one, as
 * qwinsta names their protocol drivers; DEVICE stays empty.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "session_json.h"
#include "wtsctl.h"

static const char *state_word(uint32_t state)
{
    static const char *const words[] = { "Active", "Conn", "ConnQ", "Shadow", "Disc",
                                         "Idle", "Listen", "Reset", "Down", "Init" };
    return state < sizeof(words) / sizeof(words[0]) ? words[state] : NULL;
}

static const char *type_word(uint32_t protocol)
{
    return protocol == 2 ? "rdpwd" : protocol == 1 ? "ica" : "";
}

/* One line; trailing spaces are not printed. */
static void print_row(const openwts_Session *s, bool mine)
{
    char name[sizeof(s->win_station)], line[1024], state[16];
    size_t i = 0;
    for (; s->win_station[i]; i++)
        name[i] = (char)tolower((unsigned char)s->win_station[i]);
    name[i] = '\0';
    const char *word = state_word(s->state);
    if (word)
        snprintf(state, sizeof(state), "%s", word);
    else
        snprintf(state, sizeof(state), "%lu", (unsigned long)s->state);
    snprintf(line, sizeof(line), "%c%-18s%s%-20s %6lu  %-8s%-12s", mine ? '>' : ' ', name,
             strlen(name) >= 18 ? " " : "", s->user, (unsigned long)s->id, state,
             type_word(s->protocol_type));
    size_t len = strlen(line);
    while (len && line[len - 1] == ' ')
        line[--len] = '\0';
    puts(line);
}

/* The caller's own session, which the table marks: WTS_CURRENT_SESSION
 * as wtsd resolves it for this connection. */
static bool own_session(wtsctl *t, uint32_t *id)
{
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = OPENWTS_CURRENT_SESSION;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep)
        return false;
    char err[256];
    bool ok = wts_client_call(&t->client, &req, rep, err, sizeof(err)) == WTS_CLIENT_OK
           && rep->status == OPENWTS_OK && rep->which_result == openwts_Reply_query_session_tag;
    if (ok)
        *id = rep->result.query_session.session.id;
    openwts_reply_release(rep);
    free(rep);
    return ok;
}

int wtsctl_cmd_sessions(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv)
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

    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    openwts_Reply *rep = calloc(1, sizeof(*rep));
    if (!rep)
        return WTSCTL_EXIT_REFUSED;
    int rc = wtsctl_call(t, "sessions", &req, rep);
    if (rc != WTSCTL_EXIT_OK) {
        free(rep);
        return rc;
    }
    const openwts_EnumerateSessionsReply *list = &rep->result.enumerate_sessions;
    if (json) {
        json_object *array = json_object_new_array_ext((int)list->sessions_count);
        for (pb_size_t i = 0; i < list->sessions_count; i++)
            json_object_array_add(array, wtsctl_session_json(&list->sessions[i]));
        puts(json_object_to_json_string_ext(array, JSON_C_TO_STRING_PRETTY
                                                       | JSON_C_TO_STRING_NOSLASHESCAPE));
        json_object_put(array);
    } else {
        uint32_t own = OPENWTS_CURRENT_SESSION;
        bool know_own = own_session(t, &own);
        puts(" SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE");
        for (pb_size_t i = 0; i < list->sessions_count; i++)
            print_row(&list->sessions[i], know_own && list->sessions[i].id == own);
    }
    openwts_reply_release(rep);
    free(rep);
    return fflush(stdout) == 0 ? WTSCTL_EXIT_OK : WTSCTL_EXIT_REFUSED;
}
