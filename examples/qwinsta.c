/*
 * qwinsta: lists the sessions of a server, like Windows' "qwinsta" /
 * "query session". Example program for OpenWTS.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Usage: qwinsta [/server:NAME] [/?]
 *   Options are case-insensitive and may start with '/' or '-'.
 *
 * Output (stdout), the header line first, then one line per session in the
 * order WTSEnumerateSessionsW returns them; trailing spaces are never
 * printed (the TYPE and DEVICE columns stay empty):
 *
 *    SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
 *    services                                    0  Disc
 *   >console           bob                       1  Active
 *
 *   column 1      '>' for the caller's own session (ProcessIdToSessionId),
 *                 only when listing the local server; otherwise ' '
 *   columns 2-19  WinStationName, lower-cased, left-aligned in 18 columns
 *   columns 20-39 WTSUserName, left-aligned in 20 columns (empty when the
 *                 query fails or returns "")
 *   columns 40-46 session ID, right-aligned in 7 columns (so that it ends
 *                 under "ID" in the header); at least 1 space before it
 *   then 2 spaces and the state: Active, Conn, ConnQ, Shadow, Disc, Idle,
 *   Listen, Reset, Down, Init (an unknown state value prints as a number).
 *   Longer names or IDs are not cut; they push the following columns right,
 *   but fields stay separated: a name of 18+ characters gets one space
 *   after it, and the ID always has at least one space before it.
 *   Lines end in CR LF (stdout and stderr are in text mode), as on Windows.
 *
 * Exit codes:
 *   0  success (also for /?, which prints the usage to stdout)
 *   1  a call failed; stderr gets one line
 *        qwinsta: <what failed>: error <GetLastError()> <system message>
 *      where <what failed> is "could not open server NAME" or
 *      "could not enumerate sessions"
 *   2  usage error; stderr gets "qwinsta: <problem>: <argument>" and the usage
 */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "common.h"

static const struct ow_tool tool = {
    L"qwinsta",
    L"Usage: qwinsta [/server:NAME]\n"
    L"Lists the sessions on the local server, or on server NAME.\n",
    0
};

static const wchar_t *state_word(WTS_CONNECTSTATE_CLASS state)
{
    switch (state) {
    case WTSActive:       return L"Active";
    case WTSConnected:    return L"Conn";
    case WTSConnectQuery: return L"ConnQ";
    case WTSShadow:       return L"Shadow";
    case WTSDisconnected: return L"Disc";
    case WTSIdle:         return L"Idle";
    case WTSListen:       return L"Listen";
    case WTSReset:        return L"Reset";
    case WTSDown:         return L"Down";
    case WTSInit:         return L"Init";
    }
    return NULL;
}

/* Lower-cased copy of name (free with free()), or NULL if out of memory. */
static wchar_t *lower_copy(const wchar_t *name)
{
    size_t len = wcslen(name);
    wchar_t *copy = malloc((len + 1) * sizeof(*copy));

    if (!copy)
        return NULL;
    memcpy(copy, name, (len + 1) * sizeof(*copy));
    if (len)
        CharLowerBuffW(copy, (DWORD)len);
    return copy;
}

static void print_session(HANDLE server, const WTS_SESSION_INFOW *session,
                          BOOL mine)
{
    const wchar_t *name = session->pWinStationName ? session->pWinStationName
                                                   : L"";
    wchar_t *lower = lower_copy(name);
    LPWSTR queried = NULL;
    const wchar_t *user;
    DWORD bytes = 0;
    const wchar_t *state = state_word(session->State);

    if (!WTSQuerySessionInformationW(server, session->SessionId, WTSUserName,
                                     &queried, &bytes))
        queried = NULL;
    user = queried;

    if (lower)
        name = lower;
    if (!user)
        user = L"";
    /* An overflowing name still gets one space after it, and the ID
     * always has at least one space before it. */
    wprintf(L"%ls%-18ls%ls%-20ls %6lu  ", mine ? L">" : L" ",
            name, wcslen(name) >= 18 ? L" " : L"", user,
            (unsigned long)session->SessionId);
    if (state)
        wprintf(L"%ls\n", state);
    else
        wprintf(L"%d\n", (int)session->State);

    if (queried)
        WTSFreeMemory(queried);
    free(lower);
}

int wmain(int argc, wchar_t **argv)
{
    struct ow_args args;
    HANDLE server;
    WTS_SESSION_INFOW *sessions = NULL;
    DWORD count = 0, own = 0, i;
    BOOL know_own;
    int rc;

    rc = ow_parse_args(&tool, argc, argv, &args);
    if (rc >= 0)
        return rc;
    if (!ow_open_server(&tool, &args, &server))
        return OW_EXIT_FAILURE;

    if (!WTSEnumerateSessionsW(server, 0, 1, &sessions, &count)) {
        ow_print_error(&tool, GetLastError(), L"could not enumerate sessions");
        ow_close_server(server);
        return OW_EXIT_FAILURE;
    }

    know_own = !args.server
               && ProcessIdToSessionId(GetCurrentProcessId(), &own);

    wprintf(L" SESSIONNAME       USERNAME                 ID  STATE   TYPE"
            L"        DEVICE\n");
    for (i = 0; i < count; i++)
        print_session(server, &sessions[i],
                      know_own && sessions[i].SessionId == own);

    WTSFreeMemory(sessions);
    ow_close_server(server);
    fflush(stdout);
    return OW_EXIT_OK;
}
