/* What logging off a session does to its programs: they are ended, as
 * Windows ends a user's processes at logoff. Under Wine every process of a
 * prefix is in session 1, Wine's own service processes included; those are
 * the machine's, not the user's, and are left alone (a Windows logoff does
 * not end session 0's services either).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_logoff.h"

#include <tlhelp32.h>

/* What a console program's default handler exits with on CTRL_LOGOFF_EVENT. */
#define LOGOFF_EXIT_CODE 0xC000013Au /* STATUS_CONTROL_C_EXIT */
#define WAIT_PER_PROCESS_MS 5000

static BOOL is_system_process(const WCHAR *exe)
{
    static const WCHAR *const system[] = {
        L"services.exe", L"winedevice.exe", L"svchost.exe", L"plugplay.exe", L"rpcss.exe",
        L"explorer.exe", L"wineboot.exe", L"winemenubuilder.exe", L"winlogon.exe", L"csrss.exe",
        L"lsass.exe",
    };
    for (size_t i = 0; i < ARRAYSIZE(system); i++)
        if (lstrcmpiW(exe, system[i]) == 0)
            return TRUE;
    return FALSE;
}

/* Every process of the session but ours and the machine's. */
static void end_other_programs(uint32_t id, BOOL wait)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE)
        return;
    DWORD self = GetCurrentProcessId();
    PROCESSENTRY32W pe = { .dwSize = sizeof(pe) };
    for (BOOL ok = Process32FirstW(snap, &pe); ok; ok = Process32NextW(snap, &pe)) {
        DWORD session;
        if (pe.th32ProcessID == self || pe.th32ProcessID == 0 || is_system_process(pe.szExeFile))
            continue;
        if (!ProcessIdToSessionId(pe.th32ProcessID, &session) || session != id)
            continue;
        HANDLE p = OpenProcess(PROCESS_TERMINATE | SYNCHRONIZE, FALSE, pe.th32ProcessID);
        if (!p)
            continue;
        if (TerminateProcess(p, LOGOFF_EXIT_CODE) && wait)
            WaitForSingleObject(p, WAIT_PER_PROCESS_MS);
        CloseHandle(p);
    }
    CloseHandle(snap);
}

void local_end_session_programs(uint32_t id, BOOL wait)
{
    end_other_programs(id, wait);
    DWORD own;
    if (ProcessIdToSessionId(GetCurrentProcessId(), &own) && own == id)
        TerminateProcess(GetCurrentProcess(), LOGOFF_EXIT_CODE); /* ours too, last */
}
