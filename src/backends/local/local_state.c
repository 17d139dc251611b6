/* The shared session table (local_state.h).
 *
 * Readers take no lock and write nothing. A sequence number guards the
 * table: a writer makes it odd, changes one record, makes it even. A reader
 * notes the number, copies the record, and keeps the copy only if the
 * number was even and has not moved; else it reads again. Before it makes
 * the number odd, the writer keeps a copy of the record it will change (the
 * undo record), so while the number is odd a reader takes that copy for
 * that one record and never waits for a writer, not even for one that died
 * in the middle of its change.
 *
 * Writers take a named mutex, which the system hands on when its owner
 * dies (WAIT_ABANDONED), unlike a spinlock. The holder of the mutex is the
 * only writer, so if it finds the number odd, the writer before it died
 * mid-change: it puts the undo record back and makes the number even. The
 * change of a dead writer is lost, as its caller never got an answer.
 *
 * Memory order: x86 and i686 keep loads in order with loads and stores in
 * order with stores, so the reader's acquire load and fence compile to no
 * instruction and only stop the compiler from moving the copy outside the
 * two reads of the number. The writer's InterlockedIncrement is a full
 * barrier: the undo record is in memory before the number turns odd, and
 * the change before it turns even. Every field a reader compares is read
 * within the guarded window, and none is used as an index, so a torn value
 * is only ever thrown away.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>

#include "local_state.h"

#define STATE_MAGIC   0x5354574Fu /* "OWTS" */
/* 2: sequence number and undo record, writers' mutex. 1 had a spinlock in
 * the header; its files are started afresh. */
#define STATE_VERSION 2u
#define STATE_SLOTS   16
#define BOOT_SLACK    (10 * 10000000LL) /* boot times within 10 s are the same boot */
#define UNDO_RESET    0xFFFFFFFFu       /* the change in progress starts the table afresh */
#define FOREIGN_TRIES 2                 /* start a foreign file, read it again, once */

/* One name for the machine (Global\: every session of Windows; under Wine
 * the prefix's wineserver). */
#define WRITER_MUTEX L"Global\\OpenWTS.local-sessions.writer"

/* Test-only (tests/wine/test_state_writer_death.c): the name of an event.
 * A writer of a process started with it set poisons the record it is
 * changing, signals the event and sleeps for ever, holding the mutex with
 * the number odd, until the test ends it with TerminateProcess. */
#define TEST_PAUSE_VARIABLE L"OPENWTS_TEST_STATE_WRITER_PAUSE"

typedef struct shared_state {
    uint32_t magic;
    uint32_t version;
    int64_t boot_time;
    int64_t started;            /* when this table began: a session no one changed is on since */
    volatile LONG seq;          /* odd while a writer changes the table */
    uint32_t undo_slot;         /* the slot being changed, or UNDO_RESET */
    local_session_state undo;   /* its contents before the change; for UNDO_RESET, the new `started` in logon_time */
    local_session_state slots[STATE_SLOTS];
} shared_state;

/* 32- and 64-bit processes of one prefix map the same file. */
_Static_assert(sizeof(local_session_state) == 40, "record layout");
_Static_assert(sizeof(shared_state) == 32 + 40 + STATE_SLOTS * 40, "table layout");

static INIT_ONCE open_once = INIT_ONCE_STATIC_INIT;
static shared_state *volatile view; /* the mapping, or `fallback`; NULL until opened */
static shared_state fallback;       /* per process when no file can be had */
static HANDLE file, mapping;

static INIT_ONCE writer_once = INIT_ONCE_STATIC_INIT;
static HANDLE writer_mutex;
static DWORD writer_error; /* why there is no mutex */
static WCHAR test_pause_event[64];

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

static BOOL same_boot(int64_t a, int64_t b)
{
    return a - b < BOOT_SLACK && b - a < BOOT_SLACK;
}

/* A session no one has changed: Active, logged on and connected since the
 * table began. */
static void record_default(uint32_t id, int64_t started, local_session_state *out)
{
    ZeroMemory(out, sizeof(*out));
    out->id = id;
    out->state = 0; /* WTSActive */
    out->logon_time = out->connect_time = started;
}

/* ---- writers ---- */

static BOOL CALLBACK writer_open(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    writer_mutex = CreateMutexW(NULL, FALSE, WRITER_MUTEX);
    if (!writer_mutex)
        writer_error = GetLastError();
    DWORD n = GetEnvironmentVariableW(TEST_PAUSE_VARIABLE, test_pause_event, ARRAYSIZE(test_pause_event));
    if (n == 0 || n >= ARRAYSIZE(test_pause_event))
        test_pause_event[0] = 0;
    return TRUE;
}

/* A file that is new or in another layout. Readers read nothing of a table
 * whose header is not ours, so the header is written last. */
static void table_init(shared_state *st)
{
    __atomic_store_n(&st->version, 0, __ATOMIC_RELEASE);
    st->seq = 0;
    st->boot_time = boot_time();
    st->started = local_state_now();
    st->undo_slot = UNDO_RESET;
    ZeroMemory(&st->undo, sizeof(st->undo));
    ZeroMemory(st->slots, sizeof(st->slots));
    st->magic = STATE_MAGIC;
    __atomic_store_n(&st->version, STATE_VERSION, __ATOMIC_RELEASE);
}

/* With the number odd: the table as it starts afresh at `started`. */
static void table_clear(shared_state *st, int64_t started)
{
    ZeroMemory(st->slots, sizeof(st->slots));
    st->boot_time = boot_time();
    st->started = started;
}

/* A table of an earlier boot starts afresh, readers meanwhile seeing it
 * empty (UNDO_RESET). */
static void table_reset(shared_state *st)
{
    int64_t now = local_state_now();
    st->undo_slot = UNDO_RESET;
    record_default(0, now, &st->undo);
    InterlockedIncrement(&st->seq);
    table_clear(st, now);
    InterlockedIncrement(&st->seq);
}

/* The number is odd and we hold the mutex: the writer before us died in
 * the middle of its change. Its record goes back to what it was. */
static void table_undo(shared_state *st)
{
    uint32_t slot = st->undo_slot;
    if (slot < STATE_SLOTS)
        st->slots[slot] = st->undo;
    else /* a reset, which is done again; or nothing we wrote, which starts afresh */
        table_clear(st, slot == UNDO_RESET && st->undo.logon_time ? st->undo.logon_time
                                                                   : local_state_now());
    InterlockedIncrement(&st->seq);
}

/* Takes the writers' mutex and leaves the table whole: started when new or
 * foreign, a dead writer's change undone, an earlier boot's table cleared.
 * 0, or the Win32 error that kept us from the mutex. */
static DWORD write_begin(shared_state *st)
{
    InitOnceExecuteOnce(&writer_once, writer_open, NULL, NULL);
    if (!writer_mutex)
        return writer_error ? writer_error : ERROR_INVALID_HANDLE;
    DWORD wait = WaitForSingleObject(writer_mutex, INFINITE);
    if (wait == WAIT_FAILED)
        return GetLastError();
    /* WAIT_ABANDONED: the last owner died holding the mutex. Whether it died
     * inside a change shows in the number, which also tells a change lost
     * with its wineserver (wineserver -k), when the mutex went with it. */
    if (wait != WAIT_OBJECT_0 && wait != WAIT_ABANDONED)
        return ERROR_INVALID_HANDLE;
    if (st->magic != STATE_MAGIC || st->version != STATE_VERSION) {
        table_init(st);
        return 0;
    }
    if (st->seq & 1)
        table_undo(st);
    if (!same_boot(st->boot_time, boot_time()))
        table_reset(st);
    return 0;
}

static void write_end(void)
{
    ReleaseMutex(writer_mutex);
}

/* Test-only: see TEST_PAUSE_VARIABLE. */
static void test_pause_mid_change(local_session_state *s)
{
    if (!test_pause_event[0])
        return;
    FillMemory(s, sizeof(*s), 0xCD); /* what a writer cut short might leave */
    HANDLE ev = OpenEventW(EVENT_MODIFY_STATE, FALSE, test_pause_event);
    if (ev)
        SetEvent(ev);
    for (;;)
        Sleep(INFINITE);
}

/* ---- the mapping ---- */

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

/* Once per process: maps the file. A table that is new, foreign or of an
 * earlier boot is set right here, under the writers' mutex (the one time a
 * process that only reads takes it); after that a process reads without
 * asking anyone, as a boot cannot end under a running process. */
static BOOL CALLBACK state_open(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    shared_state *st = &fallback;
    file = open_state_file();
    if (file != INVALID_HANDLE_VALUE) {
        mapping = CreateFileMappingW(file, NULL, PAGE_READWRITE, 0, sizeof(shared_state), NULL);
        if (mapping) {
            void *v = MapViewOfFile(mapping, FILE_MAP_ALL_ACCESS, 0, 0, sizeof(shared_state));
            if (v)
                st = v;
        }
    }
    if (st == &fallback)
        table_init(st);
    else if (st->magic != STATE_MAGIC || st->version != STATE_VERSION ||
             !same_boot(st->boot_time, boot_time())) {
        if (write_begin(st) == 0)
            write_end();
    }
    __atomic_store_n(&view, st, __ATOMIC_RELEASE);
    return TRUE;
}

static shared_state *state_view(void)
{
    shared_state *st = __atomic_load_n(&view, __ATOMIC_ACQUIRE);
    if (st)
        return st;
    InitOnceExecuteOnce(&open_once, state_open, NULL, NULL);
    return __atomic_load_n(&view, __ATOMIC_ACQUIRE);
}

/* ---- writers, then readers ---- */

/* The slot of session `id`; else a free one or, when all are taken
 * (sessions of earlier console ids), the one logged on longest ago, so a
 * change never fails for want of room. */
static uint32_t slot_for(const shared_state *st, uint32_t id)
{
    uint32_t oldest = 0;
    for (uint32_t i = 0; i < STATE_SLOTS; i++) {
        const local_session_state *s = &st->slots[i];
        if (s->logon_time && s->id == id)
            return i;
        if (s->logon_time < st->slots[oldest].logon_time)
            oldest = i; /* a free slot (logon_time 0) is the oldest of all */
    }
    return oldest;
}

uint32_t local_state_update(uint32_t id, local_state_change change, local_state_committed committed,
                            const void *ctx)
{
    shared_state *st = state_view();
    DWORD err = write_begin(st);
    if (err)
        return err;
    uint32_t i = slot_for(st, id);
    local_session_state *s = &st->slots[i];
    st->undo_slot = i;
    st->undo = *s;
    InterlockedIncrement(&st->seq); /* odd: readers take `undo` for slot i */
    test_pause_mid_change(s);
    if (!s->logon_time || s->id != id)
        record_default(id, st->started, s); /* what readers saw for it */
    local_session_state before = *s;
    int64_t now = local_state_now();
    change(s, now, ctx);
    s->id = id;
    if (!s->logon_time)
        s->logon_time = now; /* 0 would mark the slot free */
    InterlockedIncrement(&st->seq); /* even: the change is made */
    if (committed) {
        local_session_state after = *s;
        committed(&before, &after, ctx);
    }
    write_end();
    return 0;
}

enum read_result { READ_DONE, READ_AGAIN, READ_FOREIGN };

/* One guarded copy of session `id`'s record (see the top of the file). */
static enum read_result read_once(const shared_state *st, uint32_t id, local_session_state *out)
{
    LONG before = __atomic_load_n(&st->seq, __ATOMIC_ACQUIRE);
    if (st->magic != STATE_MAGIC || st->version != STATE_VERSION)
        return READ_FOREIGN;
    /* While a change is under way, its record is read from `undo`. */
    uint32_t changing = (before & 1) ? st->undo_slot : STATE_SLOTS;
    if (changing == UNDO_RESET) {
        record_default(id, st->undo.logon_time, out);
    } else {
        const local_session_state *found = NULL;
        for (uint32_t i = 0; i < STATE_SLOTS && !found; i++) {
            const local_session_state *s = i == changing ? &st->undo : &st->slots[i];
            if (s->logon_time && s->id == id)
                found = s;
        }
        if (found)
            *out = *found;
        else
            record_default(id, st->started, out);
    }
    __atomic_thread_fence(__ATOMIC_ACQUIRE);
    return __atomic_load_n(&st->seq, __ATOMIC_RELAXED) == before ? READ_DONE : READ_AGAIN;
}

void local_state_get(uint32_t id, local_session_state *out)
{
    shared_state *st = state_view();
    int foreign = 0;
    for (;;) {
        switch (read_once(st, id, out)) {
        case READ_DONE:
            return;
        case READ_AGAIN:
            YieldProcessor(); /* a writer is between its two increments */
            break;
        case READ_FOREIGN:
            /* Another layout took the file over since we opened it (a DLL
             * of another version in the prefix): start it again, once. */
            if (++foreign == FOREIGN_TRIES || write_begin(st) != 0) {
                record_default(id, local_state_now(), out);
                return;
            }
            write_end();
            break;
        }
    }
}

void local_state_close(void)
{
    table_init(&fallback); /* a late call still finds a table, not a dangling view */
    shared_state *st = __atomic_exchange_n(&view, &fallback, __ATOMIC_ACQ_REL);
    if (st && st != &fallback)
        UnmapViewOfFile(st);
    if (mapping)
        CloseHandle(mapping);
    if (file && file != INVALID_HANDLE_VALUE)
        CloseHandle(file);
    if (writer_mutex)
        CloseHandle(writer_mutex);
    mapping = file = writer_mutex = NULL;
}
