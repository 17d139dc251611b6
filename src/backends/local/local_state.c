/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>

#include "local_state.h"

#define STATE_MAGIC   0x5354574Fu /* "OWTS" */
#define STATE_VERSION 1u
#define STATE_SLOTS   16
#define BOOT_SLACK    (10 * 10000000LL) /* boot times within 10 s are the same boot */
#define SPINS_BEFORE_STEAL 20000000     /* a holder that died must not block us forever */

typedef struct shared_state {
    uint32_t magic;
    uint32_t version;
    volatile LONG lock;
    uint32_t reserved;
    int64_t boot_time;
    local_session_state slots[STATE_SLOTS];
} shared_state;

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static shared_state *state;       /* the mapping, or `fallback` */
static shared_state fallback;     /* per process when no file can be had */
static HANDLE file, mapping;

int64_t local_state_now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (int64_t)(((uint64_t)ft.dwHighDateTime << 32) | ft.dwLowDateTime);
}

static int64_t boot_time(void)
{
    return local_state_now() - (int64_t)GetTickCount64() * 10000;
}

static HANDLE open_state_file(void)
{
    WCHAR path[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(L"ProgramData", path, MAX_PATH);
    if (n == 0 || n >= MAX_PATH - 40) {
        n = GetWindowsDirectoryW(path, MAX_PATH);
        if (n == 0 || n >= MAX_PATH - 40)
            return INVALID_HANDLE_VALUE;
    }
    lstrcatW(path, L"\\OpenWTS");
    CreateDirectoryW(path, NULL); /* fails harmlessly when it exists */
    lstrcatW(path, L"\\local-sessions.state");
    return CreateFileW(path, GENERIC_READ | GENERIC_WRITE,
                       FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL, OPEN_ALWAYS,
                       FILE_ATTRIBUTE_NORMAL, NULL);
}

static BOOL CALLBACK state_open(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    state = &fallback;
    file = open_state_file();
    if (file == INVALID_HANDLE_VALUE)
        return TRUE;
    mapping = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, sizeof(shared_state), NULL);
    if (mapping) {
        void *view = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, sizeof(shared_state));
        if (view)
            state = view;
    }
    return TRUE;
}

static void lock(void)
{
    long spins = 0;
    while (InterlockedCompareExchange(&state->lock, 1, 0) != 0) {
        if (++spins == SPINS_BEFORE_STEAL) {
            InterlockedExchange(&state->lock, 1); /* its holder is gone */
            break;
        }
        YieldProcessor();
        if ((spins & 1023) == 0)
            SwitchToThread();
    }
}

static void unlock(void)
{
    InterlockedExchange(&state->lock, 0);
}

/* Under the lock: a new file, another layout, or an earlier boot means the
 * sessions start over. */
static void reset_if_stale(void)
{
    int64_t boot = boot_time();
    int64_t diff = boot - state->boot_time;
    if (state->magic == STATE_MAGIC && state->version == STATE_VERSION && diff < BOOT_SLACK &&
        diff > -BOOT_SLACK)
        return;
    ZeroMemory(state->slots, sizeof(state->slots));
    state->boot_time = boot;
    state->version = STATE_VERSION;
    state->magic = STATE_MAGIC;
}

static local_session_state *slot_find(uint32_t id, BOOL create)
{
    local_session_state *oldest = NULL;
    for (int i = 0; i < STATE_SLOTS; i++) {
        local_session_state *s = &state->slots[i];
        if (s->logon_time && s->id == id)
            return s;
        if (!oldest || s->logon_time < oldest->logon_time)
            oldest = s; /* a free slot (logon_time 0) is the oldest of all */
    }
    if (!create)
        return NULL;
    /* No slot of its own: take a free one or, when all are taken (sessions
     * of earlier console ids), the one logged on longest ago, so a change
     * never fails for want of room. */
    ZeroMemory(oldest, sizeof(*oldest));
    oldest->id = id;
    oldest->state = 0; /* WTSActive */
    oldest->logon_time = oldest->connect_time = local_state_now();
    return oldest;
}

/* Takes the lock and finds (or makes) the slot of session `id`; the caller
 * unlocks. */
static local_session_state *slot_lock(uint32_t id)
{
    InitOnceExecuteOnce(&once, state_open, NULL, NULL);
    lock();
    reset_if_stale();
    return slot_find(id, TRUE);
}

void local_state_get(uint32_t id, local_session_state *out)
{
    *out = *slot_lock(id);
    unlock();
}

void local_state_update(uint32_t id, local_state_change change, const void *ctx)
{
    local_session_state *s = slot_lock(id);
    int64_t now = local_state_now();
    change(s, now, ctx);
    s->id = id;
    if (!s->logon_time)
        s->logon_time = now; /* 0 would mark the slot free */
    unlock();
}

void local_state_close(void)
{
    if (state && state != &fallback)
        UnmapViewOfFile(state);
    if (mapping)
        CloseHandle(mapping);
    if (file && file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    state = &fallback; /* a late call still finds memory, not a dangling view */
    mapping = file = NULL;
}
