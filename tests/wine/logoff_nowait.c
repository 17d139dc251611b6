/* The caller of the logoff test that does not wait. It logs the console
 * user back on (WTSConnectSessionW: an earlier part of the test logged it
 * off), calls WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, SESSION_ID,
 * FALSE) and records, the moment that returns, what it returned, whether
 * the programs given by process id still run, and the session's state.
 * It is in that session, so the logoff ends it too: it waits for that.
 *   logoff_nowait.exe RESULT_FILE SESSION_ID PID...
 * Lines of RESULT_FILE:
 *   connect ok=B error=E
 *   logoff ok=B error=E            (E: GetLastError, poisoned with 0xdeadbeef)
 *   running PID yes|no|unknown     (unknown: it could not be opened before)
 *   state S                        (WTSConnectState right after the call)
 *   not ended                      (a minute passed after the call)
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <stdlib.h>

#include "logoff_victim_util.h"

#define MAX_PROGRAMS 8
#define LIFETIME_MS 60000

static const char *result_file;

static void record_call(const char *what, BOOL ok, DWORD error)
{
    record_line(result_file, "%s ok=%d error=%lu", what, ok ? 1 : 0, error);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc - 3 > MAX_PROGRAMS)
        return 2;
    result_file = argv[1];
    DWORD id = strtoul(argv[2], NULL, 10);
    HANDLE program[MAX_PROGRAMS];
    int count = argc - 3;
    for (int i = 0; i < count; i++)
        program[i] = OpenProcess(SYNCHRONIZE, FALSE, strtoul(argv[3 + i], NULL, 10));

    SetLastError(0xdeadbeef);
    BOOL ok = WTSConnectSessionW(id, id, (WCHAR *)L"", TRUE);
    record_call("connect", ok, GetLastError());

    SetLastError(0xdeadbeef);
    ok = WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, id, FALSE);
    DWORD error = GetLastError();
    BOOL running[MAX_PROGRAMS];
    for (int i = 0; i < count; i++)
        running[i] = program[i] && WaitForSingleObject(program[i], 0) == WAIT_TIMEOUT;
    WTS_CONNECTSTATE_CLASS *state = NULL;
    DWORD size = 0;
    BOOL queried = WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, id, WTSConnectState,
                                               (WCHAR **)&state, &size);

    record_call("logoff", ok, error);
    for (int i = 0; i < count; i++)
        record_line(result_file, "running %s %s", argv[3 + i],
                    !program[i] ? "unknown" : running[i] ? "yes" : "no");
    if (queried && size == sizeof(*state))
        record_line(result_file, "state %d", (int)*state);
    if (queried)
        WTSFreeMemory(state);
    if (!ok)
        return 1;
    Sleep(LIFETIME_MS);
    record_line(result_file, "not ended");
    return 0;
}
