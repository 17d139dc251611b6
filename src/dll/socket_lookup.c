/* Name lookup for the socket transport (socket_lookup.h).
 *
 * GetAddrInfoW has no time limit of its own: a resolver that does not
 * answer takes seconds (measured under Wine 8 here: about one lookup of an
 * unknown name in thirty took over 2 s). So a name is looked up on a thread
 * of its own and waited for until the deadline; a lookup that completes
 * later is dropped by its thread. The thread holds a reference on this DLL,
 * which stays loaded until the thread ends.
 *
 * A name the resolver says does not exist is remembered for
 * NEGATIVE_TTL_MS, as resolvers keep negative answers, so that a program
 * calling on such a server again fails at once rather than waiting on the
 * resolver each time; the thread records it even after its caller gave
 * up. Addresses are not remembered: a call always reaches where the name
 * points now. Connections that fail are never remembered, so a wtsd that
 * comes back is reached by the next call.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <wchar.h>

#include "server_binding.h"
#include "socket_lookup.h"

#define NEGATIVE_TTL_MS 30000u
#define NEGATIVE_SLOTS  16u

typedef struct negative_entry {
    WCHAR host[SERVER_HOST_MAX];
    ULONGLONG until;
} negative_entry;

static SRWLOCK negative_lock = SRWLOCK_INIT;
static negative_entry negative[NEGATIVE_SLOTS];
static unsigned negative_next;

DWORD remaining_ms(ULONGLONG deadline)
{
    ULONGLONG now = GetTickCount64();
    return now >= deadline ? 0 : (DWORD)(deadline - now);
}

static BOOL known_missing(const WCHAR *host)
{
    BOOL found = FALSE;
    ULONGLONG now = GetTickCount64();
    AcquireSRWLockShared(&negative_lock);
    for (unsigned i = 0; i < NEGATIVE_SLOTS && !found; i++)
        found = negative[i].until > now &&
                CompareStringOrdinal(negative[i].host, -1, host, -1, TRUE) == CSTR_EQUAL;
    ReleaseSRWLockShared(&negative_lock);
    return found;
}

static void remember_missing(const WCHAR *host)
{
    AcquireSRWLockExclusive(&negative_lock);
    negative_entry *e = &negative[negative_next++ % NEGATIVE_SLOTS];
    lstrcpynW(e->host, host, SERVER_HOST_MAX);
    e->until = GetTickCount64() + NEGATIVE_TTL_MS;
    ReleaseSRWLockExclusive(&negative_lock);
}

typedef struct lookup {
    LONG refs; /* the caller's and the thread's */
    HANDLE done;
    HMODULE module;
    WCHAR host[SERVER_HOST_MAX];
    WCHAR port[8];
    ADDRINFOW *result;
    int error;
} lookup;

static void lookup_release(lookup *l)
{
    if (InterlockedDecrement(&l->refs))
        return;
    if (l->result)
        FreeAddrInfoW(l->result);
    CloseHandle(l->done);
    HeapFree(GetProcessHeap(), 0, l);
}

static const ADDRINFOW stream_hints = {
    .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_protocol = IPPROTO_TCP,
};

static DWORD WINAPI lookup_thread(void *param)
{
    lookup *l = param;
    HMODULE module = l->module;
    l->error = GetAddrInfoW(l->host, l->port, &stream_hints, &l->result);
    /* "No such host" and "no address for it": the name does not exist. A
     * temporary failure (WSATRY_AGAIN) is not remembered. */
    if (l->error == WSAHOST_NOT_FOUND || l->error == WSANO_DATA)
        remember_missing(l->host);
    SetEvent(l->done);
    lookup_release(l);
    FreeLibraryAndExitThread(module, 0);
}

ADDRINFOW *socket_lookup(const WCHAR *host, USHORT port_number, ULONGLONG deadline)
{
    WCHAR port[8];
    swprintf(port, ARRAYSIZE(port), L"%u", (unsigned)port_number);
    /* An address needs no lookup: no thread for it. */
    ADDRINFOW numeric = stream_hints, *result = NULL;
    numeric.ai_flags = AI_NUMERICHOST;
    if (GetAddrInfoW(host, port, &numeric, &result) == 0)
        return result;
    if (known_missing(host))
        return NULL;

    lookup *l = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*l));
    if (!l)
        return NULL;
    l->refs = 2;
    lstrcpynW(l->host, host, SERVER_HOST_MAX);
    lstrcpyW(l->port, port);
    l->done = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE thread = NULL;
    if (l->done && GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS,
                                      (LPCWSTR)(void *)lookup_thread, &l->module)) {
        thread = CreateThread(NULL, 0, lookup_thread, l, 0, NULL);
        if (!thread)
            FreeLibrary(l->module);
    }
    if (!thread) {
        if (l->done)
            CloseHandle(l->done);
        HeapFree(GetProcessHeap(), 0, l);
        return NULL;
    }
    CloseHandle(thread);
    if (WaitForSingleObject(l->done, remaining_ms(deadline)) == WAIT_OBJECT_0 && l->error == 0) {
        result = l->result;
        l->result = NULL;
    }
    lookup_release(l);
    return result;
}
