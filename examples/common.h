/*
 * OpenWTS example tools: shared argument parsing, server handle helpers
 * and error printing for qwinsta, tsdiscon and logoff.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#ifndef OPENWTS_EXAMPLES_COMMON_H
#define OPENWTS_EXAMPLES_COMMON_H

#include <windows.h>
#include <wtsapi32.h>

/* Exit codes shared by all the example tools. */
#define OW_EXIT_OK      0 /* success, or "/?" */
#define OW_EXIT_FAILURE 1 /* a wtsapi32 call failed */
#define OW_EXIT_USAGE   2 /* bad command line */

/* Which optional arguments a tool accepts (besides /server: and /?). */
#define OW_ACCEPT_SESSION 0x1u /* one positional decimal SESSIONID */
#define OW_ACCEPT_VERBOSE 0x2u /* /v */

struct ow_tool {
    const wchar_t *name;  /* program name used as message prefix */
    const wchar_t *usage; /* full usage text, ends with a newline */
    unsigned accepts;     /* OW_ACCEPT_* flags */
};

struct ow_args {
    wchar_t *server;   /* NULL for the local server */
    BOOL has_session;  /* a SESSIONID was given */
    DWORD session_id;  /* the SESSIONID, or WTS_CURRENT_SESSION */
    BOOL verbose;      /* /v was given */
};

/*
 * Parses argv. Returns -1 when the tool should go on; otherwise the exit
 * code to return at once (after "/?" has printed the usage to stdout, or a
 * usage error has been reported on stderr).
 */
int ow_parse_args(const struct ow_tool *tool, int argc, wchar_t **argv,
                  struct ow_args *args);

/* Strict decimal parse: digits only, value <= 0xFFFFFFFF. */
BOOL ow_parse_session_id(const wchar_t *text, DWORD *id);

/* Session number to show in messages: the given SESSIONID, or else the
 * caller's own session (WTS_CURRENT_SESSION if that cannot be found). */
DWORD ow_display_session(const struct ow_args *args);

/* Server name to show in messages: the /server: name or "the local server". */
const wchar_t *ow_display_server(const struct ow_args *args);

/* Opens args->server (or uses WTS_CURRENT_SERVER_HANDLE). On failure prints
 * the error and returns FALSE. */
BOOL ow_open_server(const struct ow_tool *tool, const struct ow_args *args,
                    HANDLE *server);
void ow_close_server(HANDLE server);

/*
 * Prints "<tool>: <what>: error <err> <system message>\n" to stderr, where
 * <what> is built from the wprintf-style format (use %ls for strings and
 * %lu for DWORDs). The system message comes from FormatMessageW with
 * surrounding white space removed; it is left out if there is none.
 */
void ow_print_error(const struct ow_tool *tool, DWORD err,
                    const wchar_t *what_format, ...);

/*
 * The whole of tsdiscon and logoff: parse, open the server, announce with
 * /v (announce gets the session number to show), call action(server,
 * SESSIONID, TRUE), report a failure as "<tool>: could not <failure_verb>
 * session N: error ...". Returns the exit code.
 */
int ow_session_action_main(const struct ow_tool *tool, int argc, wchar_t **argv,
                           BOOL (WINAPI *action)(HANDLE, DWORD, BOOL),
                           void (*announce)(const struct ow_args *args, DWORD shown),
                           const wchar_t *failure_verb);

#endif /* OPENWTS_EXAMPLES_COMMON_H */
