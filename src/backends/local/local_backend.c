/* The `local` backend: this machine as Win32 reports it. Session 0 holds
 * the services (Disconnected, "Services"); the console session
 * (WTSGetActiveConsoleSessionId, 1 under Wine) is "Console", with the user
 * from GetUserNameW and the computer name as domain, as Windows shows a
 * local account (docs/windows-behaviour.md). Connect,
 * disconnect and logoff change state that every process of the prefix
 * shares (local_state.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <lmcons.h>
#include <string.h>

#include "local_backend.h"
#include "local_event_sink.h"
#include "local_logoff.h"
#include "local_processes.h"
#include "local_message.h"
#include "local_session_events.h"
#include "local_state.h"
#include "openwts/utf8.h"

#define SERVICES_SESSION 0u
#define SESSIONSTATE_UNLOCK 1   /* WTS_SESSIONSTATE_UNLOCK */
#define SESSIONSTATE_UNKNOWN -1 /* WTS_SESSIONSTATE_UNKNOWN */

/* A text of a session record, cut to the record's field once (at a
 * character boundary) and kept with its length, so describing a session
 * copies bytes and measures nothing. */
typedef struct record_text {
    char text[sizeof(((openwts_Session *)0)->user)];
    size_t len;
} record_text;

/* Names that cannot change while the process lives, looked up once. */
typedef struct machine {
    record_text computer;
    record_text user;
    uint32_t console;
    /* The names this machine answers to besides "." and loopback: NetBIOS
     * (15 characters at most), DNS host name, fully qualified name. */
    WCHAR names[3][256];
} machine;

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static LONG machine_known;
static machine self;

static void wide_to_record_text(const WCHAR *w, record_text *dst)
{
    char utf8[UNLEN * 3 + 1];
    if (!WideCharToMultiByte(CP_UTF8, 0, w, -1, utf8, (int)sizeof(utf8), NULL, NULL))
        utf8[0] = '\0';
    OPENWTS_SET_STRING(dst->text, utf8);
    dst->len = strlen(dst->text);
}

static BOOL CALLBACK machine_init(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    WCHAR name[UNLEN + 1];
    DWORD len = ARRAYSIZE(name);
    if (GetComputerNameW(name, &len))
        wide_to_record_text(name, &self.computer);
    len = ARRAYSIZE(name);
    if (GetUserNameW(name, &len))
        wide_to_record_text(name, &self.user);
    static const COMPUTER_NAME_FORMAT formats[] = {
        ComputerNameNetBIOS, ComputerNameDnsHostname, ComputerNameDnsFullyQualified,
    };
    for (size_t i = 0; i < ARRAYSIZE(formats); i++) {
        len = ARRAYSIZE(self.names[i]);
        if (!GetComputerNameExW(formats[i], self.names[i], &len))
            self.names[i][0] = 0;
    }
    self.console = WTSGetActiveConsoleSessionId();
    if (self.console == 0xFFFFFFFFu || self.console == SERVICES_SESSION) {
        DWORD session = 1;
        ProcessIdToSessionId(GetCurrentProcessId(), &session);
        self.console = session ? session : 1;
    }
    return TRUE;
}

static const machine *this_machine(void)
{
    /* Asked several times a query: once known, a load, not a call into ntdll. */
    if (!__atomic_load_n(&machine_known, __ATOMIC_ACQUIRE)) {
        InitOnceExecuteOnce(&once, machine_init, NULL, NULL);
        __atomic_store_n(&machine_known, 1, __ATOMIC_RELEASE);
    }
    return &self;
}

static BOOL same_name(const WCHAR *a, const WCHAR *b)
{
    /* Host names compare without regard to case, in any script. */
    return *b && CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

/* "", ".", "localhost", loopback addresses and any of our computer's
 * names (NetBIOS, DNS, fully qualified; any case, any script), with or
 * without leading backslashes, name this machine. */
static BOOL is_this_server(const char *server)
{
    while (*server == '\\')
        server++;
    if (!*server)
        return TRUE;
    WCHAR name[512];
    if (!MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, server, -1, name, ARRAYSIZE(name)))
        return FALSE; /* longer than any host name, or not text */
    static const WCHAR *const aliases[] = { L".", L"localhost", L"127.0.0.1", L"::1" };
    for (size_t i = 0; i < ARRAYSIZE(aliases); i++)
        if (same_name(name, aliases[i]))
            return TRUE;
    const machine *m = this_machine();
    for (size_t i = 0; i < ARRAYSIZE(m->names); i++)
        if (same_name(name, m->names[i]))
            return TRUE;
    return FALSE;
}

static BOOL session_exists(uint32_t id)
{
    return id == SERVICES_SESSION || id == this_machine()->console;
}

/* Every field of a record set to its empty value, one store each, from the
 * schema's own field list: the enumeration's array is not cleared for us
 * (backend.h), and clearing the whole 3.2 kB record instead cost a query
 * more than the rest of describing it (README, "Speed"). A field of a type
 * not named here stops the build, so a field added to Session is never
 * left unset. */
#define EMPTY_UINT32(f) (f) = 0
#define EMPTY_INT32(f) (f) = 0
#define EMPTY_INT64(f) (f) = 0
#define EMPTY_STRING(f) (f)[0] = '\0'
#define EMPTY_BYTES(f) (f).size = 0
#define EMPTY_FIELD(s, allocation, label, type, name, tag) EMPTY_##type((s)->name);

static void record_clear(openwts_Session *s)
{
    openwts_Session_FIELDLIST(EMPTY_FIELD, s)
}

/* Names are short: one that fits in SHORT_TEXT bytes is copied as a fixed
 * block, a few register moves, where a call to msvcrt's memcpy costs about
 * 16 ns under Wine 8 (README, "Speed"). Both sides have room for the block
 * and the source is zero past its NUL, so the bytes after the name are
 * zeros. */
#define SHORT_TEXT 32
_Static_assert(sizeof(((openwts_Session *)0)->host) == sizeof(((record_text *)0)->text) &&
                   sizeof(((openwts_Session *)0)->domain) == sizeof(((record_text *)0)->text) &&
                   sizeof(((openwts_Session *)0)->win_station) >= SHORT_TEXT,
               "a record_text fits the fields it is copied to");

static void put_text(char *field, const record_text *t)
{
    if (t->len < SHORT_TEXT)
        __builtin_memcpy(field, t->text, SHORT_TEXT);
    else
        memcpy(field, t->text, t->len + 1);
}

static const record_text console_station = { "Console", 7 };
static const record_text services_station = { "Services", 8 };

static void describe(uint32_t id, openwts_Session *out)
{
    const machine *m = this_machine();
    record_clear(out);
    out->id = id;
    put_text(out->host, &m->computer);
    out->protocol_type = 0; /* both are on the physical console */
    if (id == SERVICES_SESSION) {
        out->state = OPENWTS_STATE_DISCONNECTED;
        put_text(out->win_station, &services_station);
        out->lock_state = SESSIONSTATE_UNKNOWN;
        return;
    }
    local_session_state st;
    local_state_get(id, &st);
    out->state = st.state;
    put_text(out->win_station, &console_station);
    if (!st.logged_off) {
        put_text(out->user, &m->user);
        put_text(out->domain, &m->computer);
        out->logon_time = st.logon_time;
    }
    out->connect_time = st.connect_time;
    out->disconnect_time = st.disconnect_time;
    out->lock_state = st.state == OPENWTS_STATE_ACTIVE ? SESSIONSTATE_UNLOCK : SESSIONSTATE_UNKNOWN;
}

static openwts_status local_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, openwts_Session *out, size_t max,
                                      size_t *count)
{
    (void)be; (void)caller;
    if (!is_this_server(server))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    *count = 2; /* with too little room, the room it needs */
    if (max < 2)
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    describe(SERVICES_SESSION, &out[0]);
    describe(this_machine()->console, &out[1]);
    *count = 2;
    return OPENWTS_OK;
}

static openwts_status local_query(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t id, openwts_Session *out)
{
    (void)be; (void)caller;
    if (!is_this_server(server))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    if (!session_exists(id))
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    describe(id, out);
    return OPENWTS_OK;
}

/* Session 0 has no display to disconnect, connect or log off. */
static openwts_status check_user_session(const char *server, uint32_t id)
{
    if (!is_this_server(server))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    if (!session_exists(id))
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    if (id == SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    return OPENWTS_OK;
}

/* What a state change does to the logon: disconnect leaves it as it is. */
enum logon_change { LOGON_KEEP, LOGON_OFF, LOGON_ON };

struct transition {
    uint32_t state;
    enum logon_change logon;
};

static void apply_transition(local_session_state *st, int64_t now, const void *ctx)
{
    const struct transition *t = ctx;
    if (t->state == OPENWTS_STATE_DISCONNECTED && st->state != OPENWTS_STATE_DISCONNECTED)
        st->disconnect_time = now;
    if (t->state == OPENWTS_STATE_ACTIVE && st->state != OPENWTS_STATE_ACTIVE)
        st->connect_time = now;
    if (t->logon == LOGON_ON && st->logged_off)
        st->logon_time = now; /* connecting after a logoff logs the user on again */
    st->state = t->state;
    if (t->logon != LOGON_KEEP)
        st->logged_off = t->logon == LOGON_OFF;
}

/* Posted once readers see the change, still under the writers' mutex: in
 * the order of the changes, and a listener that queries on an event finds
 * what the event says. */
static void post_transition_events(const local_session_state *before, const local_session_state *after,
                                   const void *ctx)
{
    (void)ctx;
    local_session_events_post(before, after);
}

static openwts_status set_state(uint32_t id, uint32_t state, enum logon_change logon)
{
    struct transition t = { state, logon };
    return local_state_update(id, apply_transition, post_transition_events, &t);
}

static openwts_status local_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, uint32_t id, bool wait)
{
    (void)be; (void)caller; (void)wait; /* the change is complete on return */
    openwts_status st = check_user_session(server, id);
    if (st)
        return st;
    return set_state(id, OPENWTS_STATE_DISCONNECTED, LOGON_KEEP);
}

/* The console after a logoff shows the logon screen: connected, nobody on. */
static uint32_t logged_off(uint32_t id)
{
    return set_state(id, OPENWTS_STATE_CONNECTED, LOGON_OFF);
}

static openwts_status local_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t id, bool wait)
{
    (void)be; (void)caller;
    openwts_status st = check_user_session(server, id);
    if (st)
        return st;
    /* Calls logged_off once the programs have ended; returns only when we are not in it. */
    return local_end_session_programs(id, wait, logged_off);
}

static openwts_status local_connect(const openwts_backend *be, const openwts_Caller *caller,
                                    uint32_t logon_id, uint32_t target_id, const char *password,
                                    bool wait)
{
    (void)be; (void)password; (void)wait;
    openwts_status st = check_user_session("", logon_id);
    if (st)
        return st;
    /* Windows' account passwords are not ours to verify: a caller who is
     * neither the session's user nor an administrator, who could only
     * prove the right with a password, is refused as a wrong one is. */
    if (!caller->privileged) {
        openwts_Session *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
        if (!s)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        describe(logon_id, s);
        WCHAR mine[UNLEN + 1], theirs[UNLEN + 1];
        BOOL own = s->user[0] && MultiByteToWideChar(CP_UTF8, 0, s->user, -1, theirs, ARRAYSIZE(theirs)) &&
                   MultiByteToWideChar(CP_UTF8, 0, caller->user, -1, mine, ARRAYSIZE(mine)) &&
                   same_name(mine, theirs);
        HeapFree(GetProcessHeap(), 0, s);
        if (!own)
            return OPENWTS_ERROR_LOGON_FAILURE;
    }
    /* One console, one display: the target must be that same session. */
    if (target_id != logon_id)
        return session_exists(target_id) ? OPENWTS_ERROR_ACCESS_DENIED
                                         : OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    return set_state(logon_id, OPENWTS_STATE_ACTIVE, LOGON_ON);
}

static const openwts_backend local = {
    .version = OPENWTS_BACKEND_VERSION,
    .name = "local",
    .enumerate_sessions = local_enumerate,
    .query_session = local_query,
    .disconnect_session = local_disconnect,
    .logoff_session = local_logoff,
    .connect_session = local_connect,
    .enumerate_processes = local_enumerate_processes,
    .terminate_process = local_terminate_process,
    .send_message = local_send_message,
    .set_event_sink = local_set_event_sink,
};

const openwts_backend *local_backend(void)
{
    return &local;
}

void local_backend_close(void)
{
    local_state_close();
}
