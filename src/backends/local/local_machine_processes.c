/* The machine's processes, those a logoff leaves running. Wine 8.0 marks
 * as system processes the service control manager (services.exe, once it
 * serves requests) and every process that runs a service (sechost's
 * StartServiceCtrlDispatcher does it); the wineserver does not count them
 * among the user's programs and they outlive any of them. The mark cannot
 * be read from another process, but the service control manager reports
 * the same set: the process of each running service, each started by the
 * manager itself. On Windows they all live in session 0, out of reach of a
 * logoff. No executable names: a service the user installed counts as well.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_machine_processes.h"

#include <stdlib.h>
#include <tlhelp32.h>

/* Services that start while we ask make the answer longer than the buffer
 * sized for it; a few more tries are enough. */
#define ENUM_ATTEMPTS 4

BOOL local_pid_set_has(const local_pid_set *set, DWORD pid)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->pids[i] == pid)
            return TRUE;
    return FALSE;
}

void local_pid_set_free(local_pid_set *set)
{
    free(set->pids);
    set->pids = NULL;
    set->count = 0;
}

static BOOL add_pid(local_pid_set *set, DWORD pid)
{
    if (pid == 0 || local_pid_set_has(set, pid)) /* 0: a service not running in a process */
        return TRUE;
    DWORD *grown = realloc(set->pids, (set->count + 1) * sizeof(*grown));
    if (!grown)
        return FALSE;
    set->pids = grown;
    set->pids[set->count++] = pid;
    return TRUE;
}

/* The processes of the running services, as the manager reports them. */
static DWORD add_service_processes(local_pid_set *set)
{
    SC_HANDLE scm = OpenSCManagerW(NULL, NULL, SC_MANAGER_ENUMERATE_SERVICE);
    if (!scm)
        return GetLastError();
    BYTE *buf = NULL;
    DWORD size = 0, err = ERROR_MORE_DATA;
    for (int attempt = 0; attempt < ENUM_ATTEMPTS && err == ERROR_MORE_DATA; attempt++) {
        DWORD needed = 0, count = 0, resume = 0;
        if (EnumServicesStatusExW(scm, SC_ENUM_PROCESS_INFO, SERVICE_TYPE_ALL, SERVICE_ACTIVE, buf,
                                  size, &needed, &count, &resume, NULL)) {
            const ENUM_SERVICE_STATUS_PROCESSW *service = (const void *)buf;
            err = ERROR_SUCCESS;
            for (DWORD i = 0; i < count && !err; i++)
                if (!add_pid(set, service[i].ServiceStatusProcess.dwProcessId))
                    err = ERROR_NOT_ENOUGH_MEMORY;
        } else if ((err = GetLastError()) == ERROR_MORE_DATA) {
            BYTE *grown = realloc(buf, size + needed);
            if (grown) {
                buf = grown;
                size += needed;
            } else {
                err = ERROR_NOT_ENOUGH_MEMORY;
            }
        }
    }
    free(buf);
    CloseServiceHandle(scm);
    return err;
}

/* The manager itself: the parent of the service processes. */
static DWORD add_their_parent(local_pid_set *set)
{
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE)
        return GetLastError();
    size_t services = set->count;
    DWORD err = ERROR_SUCCESS;
    PROCESSENTRY32W pe = { .dwSize = sizeof(pe) };
    for (BOOL ok = Process32FirstW(snap, &pe); ok && !err; ok = Process32NextW(snap, &pe)) {
        for (size_t i = 0; i < services; i++) {
            if (set->pids[i] != pe.th32ProcessID)
                continue;
            if (!add_pid(set, pe.th32ParentProcessID))
                err = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
    }
    CloseHandle(snap);
    return err;
}

DWORD local_machine_processes(local_pid_set *out)
{
    local_pid_set set = { NULL, 0 };
    DWORD err = add_service_processes(&set);
    /* Without a service process the manager cannot be found either. */
    if (!err && set.count == 0)
        err = ERROR_SERVICE_NOT_ACTIVE;
    if (!err)
        err = add_their_parent(&set);
    if (err) {
        local_pid_set_free(&set);
        return err;
    }
    *out = set;
    return ERROR_SUCCESS;
}
