/* wtsctl's commands and what they share: the connection to wtsd, the
 * exit codes, the messages for a refusal and for a wtsd out of reach.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSCTL_H
#define WTSCTL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "wts_client.h"

/* Exit codes (docs/wtsd.md, "wtsctl"). */
#define WTSCTL_EXIT_OK 0
#define WTSCTL_EXIT_REFUSED 1      /* wtsd answered with a Win32 error */
#define WTSCTL_EXIT_USAGE 2
#define WTSCTL_EXIT_UNREACHABLE 3  /* no wtsd on the socket, or it went away */

#define WTSCTL_DEFAULT_SOCKET "/run/openwts/wtsd.sock"
#define WTSCTL_SOCKET_ENV "OPENWTS_SOCKET"

typedef struct wtsctl {
    const char *socket_path;   /* --socket, $OPENWTS_SOCKET, or the default */
    const char *tcp;           /* --tcp HOST:PORT instead of the socket */
    const char *key_file;      /* --key-file, for a wtsd that asks (TCP) */
    wts_client client;
    bool connected;
} wtsctl;

typedef struct wtsctl_command {
    const char *name;
    const char *usage;         /* "sessions [--json]" */
    const char *summary;
    int (*run)(wtsctl *t, const struct wtsctl_command *cmd, int argc, char **argv);
} wtsctl_command;

/* Connects (once) and does the handshake; an exit code (0 when connected)
 * with the message printed. */
int wtsctl_connect(wtsctl *t);
/* One request; `what` names it in messages ("disconnect 3"). 0 with *rep
 * holding a successful answer (release it), or the exit code after
 * printing why: 1 for the server's refusal ("error 5 ERROR_ACCESS_DENIED"),
 * 3 for a wtsd out of reach. */
int wtsctl_call(wtsctl *t, const char *what, const openwts_Request *req, openwts_Reply *rep);
/* A request whose answer is only its status. */
int wtsctl_simple(wtsctl *t, const char *what, const openwts_Request *req);

/* The common shape of a command's arguments: its own --help, --json. */
int wtsctl_usage_error(const wtsctl_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void wtsctl_command_help(const wtsctl_command *cmd, FILE *to);
/* A session id: decimal, 0 to 4294967293 (not WTS_CURRENT_SESSION or
 * WTS_ANY_SESSION). */
bool wtsctl_parse_session_id(const char *text, uint32_t *id);
bool wtsctl_parse_u32(const char *text, uint32_t *out);

/* The commands (cmd_*.c). */
int wtsctl_cmd_sessions(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);
int wtsctl_cmd_session_action(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);
int wtsctl_cmd_session_admin(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);
int wtsctl_cmd_processes(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);
int wtsctl_cmd_msg(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);
int wtsctl_cmd_watch(wtsctl *t, const wtsctl_command *cmd, int argc, char **argv);

#endif
