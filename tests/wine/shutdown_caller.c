/* Calls WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, FLAG) with
 * SE_SHUTDOWN_NAME enabled, for tests/wine/shutdown_test.sh:
 *   shutdown_caller FLAG LINGER_SECONDS
 * prints "WTSShutdownSystem(FLAG) = RESULT, error ERROR", then waits
 * LINGER_SECONDS for the shutdown to end it and, if it is still there,
 * prints "outlived the shutdown" and exits 3. Exits 1 if the call failed,
 * 2 on a usage or privilege error, 0 if it succeeded without lingering.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>
#include <stdlib.h>

static BOOL enable_shutdown_privilege(void)
{
    HANDLE token;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_ADJUST_PRIVILEGES | TOKEN_QUERY, &token))
        return FALSE;
    TOKEN_PRIVILEGES tp = { .PrivilegeCount = 1 };
    tp.Privileges[0].Attributes = SE_PRIVILEGE_ENABLED;
    BOOL ok = LookupPrivilegeValueW(NULL, L"SeShutdownPrivilege", &tp.Privileges[0].Luid) &&
              AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL) &&
              GetLastError() == ERROR_SUCCESS; /* not ERROR_NOT_ALL_ASSIGNED */
    CloseHandle(token);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: shutdown_caller FLAG LINGER_SECONDS\n");
        return 2;
    }
    DWORD flag = strtoul(argv[1], NULL, 0);
    DWORD linger = strtoul(argv[2], NULL, 0);
    if (!enable_shutdown_privilege()) {
        fprintf(stderr, "cannot enable SeShutdownPrivilege: error %lu\n", GetLastError());
        return 2;
    }
    SetLastError(0xdeadbeef);
    BOOL ok = WTSShutdownSystem(WTS_CURRENT_SERVER_HANDLE, flag);
    DWORD err = GetLastError();
    printf("WTSShutdownSystem(0x%lx) = %d, error %lu\n", flag, ok, err);
    fflush(stdout);
    if (!ok)
        return 1;
    if (linger) {
        Sleep(linger * 1000);
        printf("outlived the shutdown\n");
        fflush(stdout);
        return 3;
    }
    return 0;
}
