/* Logging off a session as Windows does it ("Logging Off", Microsoft's
 * shutdown documentation): each program's top-level windows get
 * WM_QUERYENDSESSION and WM_ENDSESSION (local_session_windows.c), each
 * console program gets CTRL_LOGOFF_EVENT (local_console_ctrl.c), then every
 * program of the session is ended, the caller last.
 *
 * Under Wine no other process would do it (there is no winlogon), and
 * Wine's own sweep does less: wineboot --end-session sends both messages
 * with lParam 0, gives console programs nothing and stops at the first
 * program that refuses; wineboot --kill ends the services as well. So the
 * calling process does it. Without bWait a thread of the caller does it,
 * and a caller that exits by itself first cuts the logoff short: the
 * programs not yet ended keep running and the session keeps its user.
 *
 * Left running: the machine's processes (local_machine_processes.c) and
 * the owner of the desktop window, under Wine its explorer.exe /desktop,
 * which wineboot's sweep spares as well and which ends by itself once no
 * program uses the desktop.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_logoff.h"

#include <stdlib.h>
#include <tlhelp32.h>

#include "local_console_ctrl.h"
#include "local_machine_processes.h"
#include "local_session_windows.h"

/* A console program's handlers get as long as a window gets to answer. */
#define HANDLER_TIMEOUT_MS 5000
/* Ending a process is asynchronous: how long until it is gone. */
#define END_TIMEOUT_MS 5000
/* Programs still running are ended with the code that Windows' default
 * console handler exits with on CTRL_LOGOFF_EVENT. */
#define LOGOFF_EXIT_CODE 0xC000013Au /* STATUS_CONTROL_C_EXIT */
#define PROGRAM_ACCESS (SYNCHRONIZE | PROCESS_TERMINATE | LOCAL_CONSOLE_CTRL_ACCESS)

typedef struct program {
    DWORD pid;
    HANDLE process;
    HANDLE handlers; /* the thread running its console handlers, or NULL */
} program;

typedef struct logoff {
    uint32_t id;
    local_logged_off_fn logged_off;
    BOOL caller_in_session;
    local_windows *windows;
    program *programs;
    size_t count, capacity;
    HMODULE pin; /* keeps this DLL loaded while a thread of its own runs the logoff */
} logoff;

/* Any address inside this DLL, to pin it by. */
static const char this_module = 0;

static void free_logoff(logoff *lo)
{
    for (size_t i = 0; i < lo->count; i++) {
        CloseHandle(lo->programs[i].process);
        if (lo->programs[i].handlers)
            CloseHandle(lo->programs[i].handlers);
    }
    free(lo->programs);
    local_windows_free(lo->windows);
    free(lo);
}

static BOOL add_program(logoff *lo, DWORD pid, HANDLE process)
{
    if (lo->count == lo->capacity) {
        size_t capacity = lo->capacity ? lo->capacity * 2 : 16;
        program *grown = realloc(lo->programs, capacity * sizeof(*grown));
        if (!grown)
            return FALSE;
        lo->programs = grown;
        lo->capacity = capacity;
    }
    lo->programs[lo->count++] = (program){ pid, process, NULL };
    return TRUE;
}

/* Every process of the session but the caller and those left running. */
static DWORD list_programs(logoff *lo, const local_pid_set *machine)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE)
        return GetLastError();
    DWORD self = GetCurrentProcessId(), desktop = local_windows_desktop_owner(lo->windows);
    DWORD err = ERROR_SUCCESS;
    PROCESSENTRY32W pe = { .dwSize = sizeof(pe) };
    for (BOOL ok = Process32FirstW(snap, &pe); ok && !err; ok = Process32NextW(snap, &pe)) {
        DWORD pid = pe.th32ProcessID, session;
        if (pid == 0 || pid == self || pid == desktop || local_pid_set_has(machine, pid))
            continue;
        if (!ProcessIdToSessionId(pid, &session) || session != lo->id)
            continue;
        HANDLE process = OpenProcess(PROGRAM_ACCESS, FALSE, pid);
        if (!process) /* it can still be ended, without being told */
            process = OpenProcess(SYNCHRONIZE | PROCESS_TERMINATE, FALSE, pid);
        if (!process)
            continue; /* gone already, or not ours to end */
        if (!add_program(lo, pid, process)) {
            CloseHandle(process);
            err = ERROR_NOT_ENOUGH_MEMORY;
        }
    }
    CloseHandle(snap);
    return err;
}

/* Who is to be told and ended, as things are when the logoff starts. */
static DWORD prepare(logoff *lo)
{
    local_pid_set machine;
    DWORD err = local_machine_processes(&machine);
    if (err)
        return err;
    err = local_windows_list(&lo->windows);
    if (!err)
        err = list_programs(lo, &machine);
    local_pid_set_free(&machine);
    return err;
}

static DWORD time_left(ULONGLONG deadline)
{
    ULONGLONG now = GetTickCount64();
    return now < deadline ? (DWORD)(deadline - now) : 0;
}

/* The windows first, program by program; then the console handlers of all
 * at once. Whatever still runs after that is ended: a program that has
 * answered WM_ENDSESSION "is terminated" (Logging Off), and so is one whose
 * handler returned TRUE (HandlerRoutine's page). */
static void end_programs(logoff *lo)
{
    for (size_t i = 0; i < lo->count; i++)
        local_windows_log_off(lo->windows, lo->programs[i].pid);
    for (size_t i = 0; i < lo->count; i++)
        lo->programs[i].handlers =
            local_console_ctrl_start(lo->programs[i].process, CTRL_LOGOFF_EVENT);

    ULONGLONG deadline = GetTickCount64() + HANDLER_TIMEOUT_MS;
    for (size_t i = 0; i < lo->count; i++) {
        program *p = &lo->programs[i];
        HANDLE either[2] = { p->handlers, p->process };
        if (p->handlers)
            WaitForMultipleObjects(2, either, FALSE, time_left(deadline));
    }
    for (size_t i = 0; i < lo->count; i++)
        TerminateProcess(lo->programs[i].process, LOGOFF_EXIT_CODE); /* fails if it has ended */
    deadline = GetTickCount64() + END_TIMEOUT_MS;
    for (size_t i = 0; i < lo->count; i++)
        WaitForSingleObject(lo->programs[i].process, time_left(deadline));
}

/* The caller is told like the others, and ended. */
static void end_caller(const logoff *lo)
{
    local_windows_log_off(lo->windows, GetCurrentProcessId());
    HANDLE handlers = local_console_ctrl_start(GetCurrentProcess(), CTRL_LOGOFF_EVENT);
    if (handlers) {
        WaitForSingleObject(handlers, HANDLER_TIMEOUT_MS); /* its default handler ends us */
        CloseHandle(handlers);
    }
    TerminateProcess(GetCurrentProcess(), LOGOFF_EXIT_CODE);
}

/* Returns only when the caller is outside the session. */
static uint32_t run(logoff *lo)
{
    end_programs(lo);
    uint32_t status = lo->logged_off(lo->id);
    if (lo->caller_in_session)
        end_caller(lo);
    free_logoff(lo);
    return status;
}

static DWORD WINAPI logoff_thread(void *param)
{
    logoff *lo = param;
    HMODULE pin = lo->pin;
    run(lo);
    FreeLibraryAndExitThread(pin, 0);
}

static DWORD start_thread(logoff *lo)
{
    LPCWSTR inside = (LPCWSTR)(const void *)&this_module;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, inside, &lo->pin))
        return GetLastError();
    HANDLE thread = CreateThread(NULL, 0, logoff_thread, lo, 0, NULL);
    if (!thread) {
        DWORD err = GetLastError();
        FreeLibrary(lo->pin);
        return err;
    }
    CloseHandle(thread);
    return ERROR_SUCCESS;
}

uint32_t local_end_session_programs(uint32_t id, BOOL wait, local_logged_off_fn logged_off)
{
    logoff *lo = calloc(1, sizeof(*lo));
    if (!lo)
        return ERROR_NOT_ENOUGH_MEMORY;
    lo->id = id;
    lo->logged_off = logged_off;
    DWORD own;
    lo->caller_in_session = ProcessIdToSessionId(GetCurrentProcessId(), &own) && own == id;
    DWORD err = prepare(lo);
    if (!err && wait)
        return run(lo);
    if (!err)
        err = start_thread(lo); /* the thread owns `lo` from now on */
    if (err)
        free_logoff(lo);
    return err;
}
