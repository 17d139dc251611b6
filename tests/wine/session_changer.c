/* Another program of the prefix that changes a session, for the tests of
 * session change notifications: the window that is told lives in the test
 * program, the change is made here.
 *   session_changer.exe ID ACTION...
 * ACTION is `disconnect` (WTSDisconnectSession), `connect`
 * (WTSConnectSessionW of ID into itself) or `pause` (200 ms). After each
 * change it prints "ACTION TICK" with GetTickCount64 just after the call
 * returned (the tick count is the machine's, the same in every process), so
 * the test can tell how long a message took. Exit code 0, or 1 at the
 * first call that fails (its error on stderr).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    DWORD id = strtoul(argv[1], NULL, 10);
    for (int i = 2; i < argc; i++) {
        BOOL ok;
        if (strcmp(argv[i], "disconnect") == 0) {
            ok = WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, id, TRUE);
        } else if (strcmp(argv[i], "connect") == 0) {
            WCHAR password[] = L"";
            ok = WTSConnectSessionW(id, id, password, TRUE);
        } else if (strcmp(argv[i], "pause") == 0) {
            Sleep(200);
            continue;
        } else {
            return 2;
        }
        ULONGLONG tick = GetTickCount64();
        if (!ok) {
            fprintf(stderr, "session_changer: %s %lu failed: %lu\n", argv[i], id, GetLastError());
            return 1;
        }
        printf("%s %llu\n", argv[i], tick);
        fflush(stdout);
    }
    return 0;
}
