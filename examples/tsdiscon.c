/*
 * tsdiscon: disconnects a session, like Windows' "tsdiscon".
 * Example program for OpenWTS.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: tsdiscon [SESSIONID] [/server:NAME] [/v] [/?]
 *   Options are case-insensitive and may start with '/' or '-'.
 *   SESSIONID is a decimal number from 0 to 4294967295 (digits only).
 *   Without SESSIONID, WTS_CURRENT_SESSION is disconnected.
 *   Calls WTSDisconnectSession(server, SESSIONID, TRUE).
 *
 * Output:
 *   Nothing on success, unless /v was given; /v first prints to stdout
 *     Disconnecting session ID N from SERVER
 *   where SERVER is the /server: name or "the local server", and N is
 *   SESSIONID or, without it, the caller's own session ID.
 *
 *   Lines end in CR LF (stdout and stderr are in text mode), as on Windows.
 *
 * Exit codes:
 *   0  success (also for /?, which prints the usage to stdout)
 *   1  a call failed; stderr gets one line, one of
 *        tsdiscon: could not open server NAME: error E <system message>
 *        tsdiscon: could not disconnect session N: error E <system message>
 *      where E is GetLastError()
 *   2  usage error (unknown option, SESSIONID not a decimal number or above
 *      4294967295, a second SESSIONID, empty /server:); stderr gets
 *      "tsdiscon: <problem>: <argument>" and the usage
 */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>

#include "common.h"

static const struct ow_tool tool = {
    L"tsdiscon",
    L"Usage: tsdiscon [SESSIONID] [/server:NAME] [/v]\n"
    L"Disconnects session SESSIONID (default: the current session) on the\n"
    L"local server, or on server NAME. /v prints what is being done.\n",
    OW_ACCEPT_SESSION | OW_ACCEPT_VERBOSE
};

static void announce(const struct ow_args *args, DWORD shown)
{
    wprintf(L"Disconnecting session ID %lu from %ls\n", shown, ow_display_server(args));
}

int wmain(int argc, wchar_t **argv)
{
    return ow_session_action_main(&tool, argc, argv, WTSDisconnectSession, announce, L"disconnect");
}
