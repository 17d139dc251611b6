/* The processes of this machine, as WTSEnumerateProcesses(Ex) and
 * WTSTerminateProcess see them. The list is NtQuerySystemInformation
 * (SystemProcessInformation): the session id and image name Windows' own
 * wtsapi32 reports are that call's (Wine's conformance test,
 * dlls/wtsapi32/tests/wtsapi.c, compares them entry by entry), and so are
 * the counters of WTS_PROCESS_INFO_EX. The user is the TokenUser of the
 * process's primary token, for the processes the caller may open.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <winternl.h>
#include <stddef.h>

#include "local_processes.h"

#ifndef STATUS_INFO_LENGTH_MISMATCH
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004L)
#endif

/* mingw-w64's SYSTEM_PROCESS_INFORMATION is Microsoft's documented layout
 * (NtQuerySystemInformation, "SYSTEM_PROCESS_INFORMATION") with names for
 * members the documentation calls reserved: its Reserved1[48] holds three
 * reserved times, then CreateTime, UserTime and KernelTime (100 ns units),
 * and Reserved3 is PageDirectoryBase. These check that the documented
 * members sit where Microsoft says. */
_Static_assert(offsetof(SYSTEM_PROCESS_INFORMATION, ImageName) == 8 + 48, "ImageName after Reserved1[48]");
_Static_assert(offsetof(SYSTEM_PROCESS_INFORMATION, KernelTime) + sizeof(LARGE_INTEGER) == 8 + 48,
               "the times end Reserved1");
_Static_assert(offsetof(SYSTEM_PROCESS_INFORMATION, VirtualMemoryCounters) ==
                   offsetof(SYSTEM_PROCESS_INFORMATION, SessionId) + sizeof(ULONG) + sizeof(PVOID),
               "PeakVirtualSize after SessionId and Reserved3");

#define FIRST_BUFFER_BYTES (64u * 1024u)
#define GROWTH_SLACK_BYTES (16u * 1024u) /* processes started between two tries */
#define MAX_TRIES 8

/* Whether `server` names this machine is local_backend.c's rule. Asking it
 * about the services session, which `local` always has, applies that rule
 * without a second copy of it. */
static openwts_status check_server(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server)
{
    openwts_Session services;
    return be->query_session(be, caller, server, 0, &services);
}

static openwts_status last_error_or(openwts_status fallback)
{
    DWORD err = GetLastError();
    return err ? err : fallback;
}

/* The whole list in one buffer (HeapFree it), or NULL with *status set. */
static SYSTEM_PROCESS_INFORMATION *query_process_list(openwts_status *status)
{
    ULONG size = FIRST_BUFFER_BYTES;
    for (int tries = 0; tries < MAX_TRIES; tries++) {
        void *buf = HeapAlloc(GetProcessHeap(), 0, size);
        if (!buf) {
            *status = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
            return NULL;
        }
        ULONG needed = 0;
        NTSTATUS nt = NtQuerySystemInformation(SystemProcessInformation, buf, size, &needed);
        if (nt >= 0)
            return buf;
        HeapFree(GetProcessHeap(), 0, buf);
        if (nt != STATUS_INFO_LENGTH_MISMATCH) {
            *status = RtlNtStatusToDosError(nt);
            return NULL;
        }
        ULONG doubled = size * 2;
        size = (needed > doubled ? needed : doubled) + GROWTH_SLACK_BYTES;
    }
    *status = OPENWTS_ERROR_NOT_ENOUGH_MEMORY; /* the list kept outgrowing every buffer */
    return NULL;
}

/* The image name as UTF-8, cut to the field before converting: a UTF-16
 * unit takes at most 3 bytes, so the cut string always fits. */
static void put_name(const UNICODE_STRING *image, char *dst, size_t cap)
{
    int chars = image->Buffer ? image->Length / (int)sizeof(WCHAR) : 0;
    int max_chars = (int)((cap - 1) / 3);
    if (chars > max_chars) {
        chars = max_chars;
        if (IS_HIGH_SURROGATE(image->Buffer[chars - 1]))
            chars--; /* never half a surrogate pair */
    }
    int n = chars ? WideCharToMultiByte(CP_UTF8, 0, image->Buffer, chars, dst, (int)cap - 1, NULL, NULL)
                  : 0;
    dst[n > 0 ? n : 0] = '\0';
}

/* The user of the process's primary token; left empty for a process the
 * caller may not open (Windows then gives no SID either). */
static void put_user_sid(DWORD pid, openwts_Process_user_sid_t *out)
{
    out->size = 0;
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pid);
    if (!process)
        return;
    HANDLE token;
    if (OpenProcessToken(process, TOKEN_QUERY, &token)) {
        union {
            TOKEN_USER user;
            BYTE bytes[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
        } buf;
        DWORD len;
        if (GetTokenInformation(token, TokenUser, &buf, sizeof(buf), &len) &&
            IsValidSid(buf.user.User.Sid)) {
            DWORD n = GetLengthSid(buf.user.User.Sid);
            if (n <= sizeof(out->bytes)) {
                memcpy(out->bytes, buf.user.User.Sid, n);
                out->size = (pb_size_t)n;
            }
        }
        CloseHandle(token);
    }
    CloseHandle(process);
}

static void describe(const SYSTEM_PROCESS_INFORMATION *p, openwts_Process *out)
{
    out->session_id = p->SessionId;
    out->process_id = (uint32_t)(ULONG_PTR)p->UniqueProcessId;
    put_name(&p->ImageName, out->name, sizeof(out->name));
    put_user_sid(out->process_id, &out->user_sid);
    out->thread_count = p->NumberOfThreads;
    out->handle_count = p->HandleCount;
    out->pagefile_usage = p->VirtualMemoryCounters.PagefileUsage;
    out->peak_pagefile_usage = p->VirtualMemoryCounters.PeakPagefileUsage;
    out->working_set = p->VirtualMemoryCounters.WorkingSetSize;
    out->peak_working_set = p->VirtualMemoryCounters.PeakWorkingSetSize;
    out->user_time = p->UserTime.QuadPart;
    out->kernel_time = p->KernelTime.QuadPart;
}

/* A session with no processes, or none at all, gives an empty list: the
 * id only filters (README, "Beyond the docs"). */
openwts_status local_enumerate_processes(const openwts_backend *be, const openwts_Caller *caller,
                                         const char *server, uint32_t session_id,
                                         openwts_EnumerateProcessesReply *out)
{
    openwts_status st = check_server(be, caller, server);
    if (st)
        return st;
    SYSTEM_PROCESS_INFORMATION *list = query_process_list(&st);
    if (!list)
        return st;
    const BYTE *entry = (const BYTE *)list;
    for (;;) {
        const SYSTEM_PROCESS_INFORMATION *p = (const SYSTEM_PROCESS_INFORMATION *)entry;
        if (session_id == OPENWTS_ANY_SESSION || p->SessionId == session_id) {
            openwts_Process *proc = openwts_process_list_add(out);
            if (!proc) {
                st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
                break;
            }
            describe(p, proc);
        }
        if (!p->NextEntryOffset)
            break;
        entry += p->NextEntryOffset;
    }
    HeapFree(GetProcessHeap(), 0, list);
    return st;
}

/* Whether the caller may end the process is the system's to say, and its
 * errors are the answer: OpenProcess gives ERROR_INVALID_PARAMETER for a
 * process id no process has and ERROR_ACCESS_DENIED for one the caller
 * may not end (backend.h, terminate_process). */
openwts_status local_terminate_process(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, uint32_t process_id, uint32_t exit_code)
{
    openwts_status st = check_server(be, caller, server);
    if (st)
        return st;
    HANDLE process = OpenProcess(PROCESS_TERMINATE, FALSE, process_id);
    if (!process)
        return last_error_or(OPENWTS_ERROR_INVALID_PARAMETER);
    if (!TerminateProcess(process, exit_code))
        st = last_error_or(OPENWTS_ERROR_ACCESS_DENIED);
    CloseHandle(process);
    return st;
}
