/* Processes: WTSEnumerateProcesses(Ex), WTSTerminateProcess.
 * Not implemented yet (their own issue): they fail honestly.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSEnumerateProcessesW(HANDLE hServer, DWORD Reserved, DWORD Version,
                                   PWTS_PROCESS_INFOW *ppProcessInfo, DWORD *pCount)
{
    (void)hServer; (void)Reserved; (void)Version; (void)ppProcessInfo; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSEnumerateProcessesA(HANDLE hServer, DWORD Reserved, DWORD Version,
                                   PWTS_PROCESS_INFOA *ppProcessInfo, DWORD *pCount)
{
    (void)hServer; (void)Reserved; (void)Version; (void)ppProcessInfo; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSEnumerateProcessesExW(HANDLE hServer, DWORD *pLevel, DWORD SessionId,
                                     LPWSTR *ppProcessInfo, DWORD *pCount)
{
    (void)hServer; (void)pLevel; (void)SessionId; (void)ppProcessInfo; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSEnumerateProcessesExA(HANDLE hServer, DWORD *pLevel, DWORD SessionId,
                                     LPSTR *ppProcessInfo, DWORD *pCount)
{
    (void)hServer; (void)pLevel; (void)SessionId; (void)ppProcessInfo; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSTerminateProcess(HANDLE hServer, DWORD ProcessId, DWORD ExitCode)
{
    (void)hServer; (void)ProcessId; (void)ExitCode;
    return not_implemented();
}
