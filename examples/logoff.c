/*
 * logoff: logs off a session, like Windows' "logoff".
 * Example program for OpenWTS.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: logoff [SESSIONID] [/server:NAME] [/v] [/?]
 *   Options are case-insensitive and may start with '/' or '-'.
 *   SESSIONID is a decimal number from 0 to 4294967295 (digits only).
 *   Without SESSIONID, WTS_CURRENT_SESSION is logged off.
 *   Calls WTSLogoffSession(server, SESSIONID, TRUE). Logging off the
 *   caller's own session may end this process before it returns, as on
 *   Windows; the exit code is then whatever the session teardown gives.
 *
 * Output:
 *   Nothing on success, unless /v was given; /v first prints to stdout
 *     Logging off session ID N
 *   where N is SESSIONID or, without it, the caller's own session ID.
 *
 *   Lines end in CR LF (stdout and stderr are in text mode), as on Windows.
 *
 * Exit codes:
 *   0  success (also for /?, which prints the usage to stdout)
 *   1  a call failed; stderr gets one line, one of
 *        logoff: could not open server NAME: error E <system message>
 *        logoff: could not log off session N: error E <system message>
 *      where E is GetLastError()
 *   2  usage error (unknown option, SESSIONID not a decimal number or above
 *      4294967295, a second SESSIONID, empty /server:); stderr gets
 *      "logoff: <problem>: <argument>" and the usage
 */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>

#include "common.h"

static const struct ow_tool tool = {
    L"logoff",
    L"Usage: logoff [SESSIONID] [/server:NAME] [/v]\n"
    L"Logs off session SESSIONID (default: the current session) on the\n"
    L"local server, or on server NAME. /v prints what is being done.\n",
    OW_ACCEPT_SESSION | OW_ACCEPT_VERBOSE
};

static void announce(const struct ow_args *args, DWORD shown)
{
    (void)args;
    wprintf(L"Logging off session ID %lu\n", shown);
}

int wmain(int argc, wchar_t **argv)
{
    return ow_session_action_main(&tool, argc, argv, WTSLogoffSession, announce, L"log off");
}
