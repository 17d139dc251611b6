/* Wine 8.0 raises only CTRL_C_EVENT by itself (from SIGINT: its wineserver
 * refuses the other events, and GenerateConsoleCtrlEvent takes only Ctrl-C
 * and Ctrl-Break), so nothing else would reach a console program's handler
 * for, say, CTRL_LOGOFF_EVENT. Its ntdll exports the routine that Ctrl-C
 * delivery starts in a new thread of the process, __wine_ctrl_routine: if
 * the process is attached to a console it runs kernelbase's CtrlRoutine
 * (the handlers, newest first, down to the default one, which ends the
 * process), then it ends the thread. Starting that routine in another
 * process with the event as its argument is what Windows' console
 * subsystem does with kernel32's CtrlRoutine.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_console_ctrl.h"

#include <psapi.h>

static const char CTRL_ROUTINE[] = "__wine_ctrl_routine";

/* Our address of the routine is valid in `process` only where its ntdll is
 * mapped where ours is: same bitness, and (as every process of a Wine
 * prefix, and of a Windows boot, has it) the same base. A wrong start
 * address would crash the process instead of asking it to end. */
static BOOL ntdll_mapped_as_ours(HANDLE process, HMODULE ntdll)
{
    BOOL ours, theirs;
    WCHAR name[16];
    if (!IsWow64Process(GetCurrentProcess(), &ours) || !IsWow64Process(process, &theirs) ||
        ours != theirs)
        return FALSE;
    return GetModuleBaseNameW(process, ntdll, name, ARRAYSIZE(name)) &&
           lstrcmpiW(name, L"ntdll.dll") == 0;
}

HANDLE local_console_ctrl_start(HANDLE process, DWORD event)
{
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    FARPROC routine = ntdll ? GetProcAddress(ntdll, CTRL_ROUTINE) : NULL;
    if (!routine || !ntdll_mapped_as_ours(process, ntdll))
        return NULL; /* not Wine, or another bitness: the process is ended all the same */
    LPTHREAD_START_ROUTINE start = (LPTHREAD_START_ROUTINE)(void (*)(void))routine;
    return CreateRemoteThread(process, NULL, 0, start, (void *)(ULONG_PTR)event, 0, NULL);
}
