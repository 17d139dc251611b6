/* The logind backend against python-dbusmock's logind template on a
 * private bus (tests/logind/run_logind_tests.sh starts the bus; each group
 * here starts the mock or, to test logind's absence, does not). Every test
 * starts from three sessions: a local seat session, an SSH session and an
 * xrdp session with a remote host, as the issue asks.
 *
 * Expected values come from: the README's "Beyond the docs" (unknown
 * session 7022, unknown server 1722, session 0 actions 5, the administrator
 * rule of the dispatcher), docs/logind-backend.md (what the backend makes
 * of logind's properties, which logind call each operation makes, the
 * events), Microsoft's WTS_CLIENT_ADDRESS page (IPv4 two bytes into
 * Address, IPv6 from the start; AF_INET 2, AF_INET6 23) and WTSINFOEX's
 * SessionFlags (WTS_SESSIONSTATE_LOCK 0, UNLOCK 1), and
 * org.freedesktop.login1(5) (Timestamp and IdleSinceHint are microseconds
 * since the epoch).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "logind_mock.h"
#include "openwts/dispatch.h"
#include "openwts/logind.h"
#include "openwts/utf8.h"

#define POISON 0xDEADBEEFu
#define NOT_FOUND OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND
#define UNAVAILABLE OPENWTS_RPC_S_SERVER_UNAVAILABLE
#define DENIED OPENWTS_ERROR_ACCESS_DENIED
#define WTS_SESSIONSTATE_LOCK 0
#define WTS_SESSIONSTATE_UNLOCK 1
#define WTS_SESSIONSTATE_UNKNOWN (-1)
#define AF_INET_WINDOWS 2u
#define AF_INET6_WINDOWS 23u
#define UNIX_EPOCH_FILETIME 116444736000000000ll

/* The three sessions. logind ids "2" and "5" are numbers and keep them;
 * "c1" takes the lowest id no session holds, 1 (docs/logind-backend.md,
 * "Session ids"). */
#define LOCAL 2u
#define SSH 5u
#define XRDP 1u
#define LOCAL_USEC MOCK_LOCAL_USEC
#define SSH_USEC MOCK_SSH_USEC
#define XRDP_USEC MOCK_XRDP_USEC

static const openwts_backend *be;
static openwts_Caller admin, alice, bob;
static char domain[300];
static char host[300];

static struct {
    uint32_t id;
    openwts_event_kind kind;
} events[64];
static size_t n_events;

static void sink(void *ctx, uint32_t id, openwts_event_kind kind)
{
    assert_ptr_equal(ctx, &n_events);
    assert_true(n_events < 64);
    events[n_events].id = id;
    events[n_events].kind = kind;
    n_events++;
}

static int64_t filetime(uint64_t usec)
{
    return (int64_t)usec * 10 + UNIX_EPOCH_FILETIME;
}

static int64_t now_filetime(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (int64_t)ts.tv_sec * 10000000 + ts.tv_nsec / 100 + UNIX_EPOCH_FILETIME;
}

/* Handles signals until `want` events have arrived or `ms` have passed;
 * then a little more, so that an event too many would be seen too. */
static void pump(size_t want, int ms)
{
    int fd = openwts_logind_fd(be);
    assert_true(fd >= 0);
    int quiet = 0;
    for (int waited = 0; waited < ms && quiet < 300; waited += 20) {
        assert_int_equal(openwts_logind_process(be), OPENWTS_OK);
        if (n_events >= want)
            quiet += 20;
        struct pollfd p = { fd, (short)openwts_logind_events(be), 0 };
        poll(&p, 1, 20);
    }
    assert_int_equal(openwts_logind_process(be), OPENWTS_OK);
}

/* After pumping: the events since the last check are exactly these. */
static void expect_events(size_t n, ...)
{
    pump(n, 5000);
    va_list ap;
    va_start(ap, n);
    if (n_events != n) {
        for (size_t i = 0; i < n_events; i++)
            print_error("event %zu: (%u, %d)\n", i, events[i].id, events[i].kind);
        fail_msg("%zu events, expected %zu", n_events, n);
    }
    for (size_t i = 0; i < n; i++) {
        uint32_t id = va_arg(ap, uint32_t);
        int kind = va_arg(ap, int); /* an enum argument arrives as int */
        if (events[i].id != id || (int)events[i].kind != kind)
            fail_msg("event %zu: (%u, %d), expected (%u, %d)", i, events[i].id, events[i].kind,
                     id, kind);
    }
    va_end(ap);
    n_events = 0;
}

static void set_caller(openwts_Caller *c, uint32_t session, const char *user, bool privileged)
{
    memset(c, 0, sizeof(*c));
    c->session_id = session;
    c->process_id = (uint32_t)getpid();
    OPENWTS_SET_STRING(c->user, user);
    c->privileged = privileged;
}

/* The mock driver's errors fail the running test (logind_mock.h). */
void mock_fail(const char *format, ...)
{
    char message[1024];
    va_list ap;
    va_start(ap, format);
    vsnprintf(message, sizeof(message), format, ap);
    va_end(ap);
    fail_msg("%s", message);
    abort(); /* not reached: cmocka leaves the test, or the program outside one */
}

static const openwts_backend *open_backend(const char *cgroup_root)
{
    openwts_logind_options o = { NULL, cgroup_root };
    const openwts_backend *b = NULL;
    char err[256];
    openwts_status st = openwts_logind_open(&o, &b, err, sizeof(err));
    if (st != OPENWTS_OK)
        fail_msg("openwts_logind_open: %u %s", st, err);
    return b;
}

static int setup(void **state)
{
    (void)state;
    mock_reset();
    mock_add_three_sessions();
    be = open_backend(NULL);
    be->set_event_sink(be, sink, &n_events);
    n_events = 0;
    set_caller(&admin, 0, "root", true);
    set_caller(&alice, LOCAL, "alice", false);
    set_caller(&bob, SSH, "bob", false);
    char name[256] = "";
    gethostname(name, sizeof(name) - 1);
    snprintf(host, sizeof(host), "%s", name);
    size_t i = 0;
    for (; name[i] && name[i] != '.'; i++)
        domain[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
    domain[i] = '\0';
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    openwts_logind_close(be);
    be = NULL;
    return 0;
}

static int group_setup(void **state)
{
    (void)state;
    return mock_start();
}

static int group_teardown(void **state)
{
    (void)state;
    mock_stop();
    return 0;
}

static openwts_Session query(uint32_t id)
{
    openwts_Session s;
    assert_int_equal(be->query_session(be, &admin, "", id, &s), OPENWTS_OK);
    return s;
}

/* The list as the dispatcher gets it (it gives room for 16 first). */
static size_t enumerate(openwts_Session *out, size_t max)
{
    size_t count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &admin, "", out, max, &count), OPENWTS_OK);
    return count;
}

/* ---- the table ---------------------------------------------------------- */

static void table_is_version_4(void **state)
{
    (void)state;
    assert_int_equal(be->version, 4);
    assert_string_equal(be->name, "logind");
    assert_non_null(be->enumerate_sessions);
    assert_non_null(be->caller_session);
    assert_non_null(be->lock_session);
    /* Not done by logind: through the dispatcher, ERROR_CALL_NOT_IMPLEMENTED. */
    openwts_Request req = openwts_Request_init_zero;
    openwts_Reply rep;
    req.which_op = openwts_Request_terminate_process_tag;
    req.op.terminate_process.process_id = 1;
    assert_int_equal(openwts_dispatch(be, &admin, &req, &rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
    req.which_op = openwts_Request_send_message_tag;
    memset(&req.op, 0, sizeof(req.op));
    req.op.send_message.session_id = LOCAL;
    assert_int_equal(openwts_dispatch(be, &admin, &req, &rep), OPENWTS_ERROR_CALL_NOT_IMPLEMENTED);
}

/* ---- sessions as Windows shows them ----------------------------------- */

static void enumerates_services_and_three_sessions(void **state)
{
    (void)state;
    openwts_Session list[8];
    assert_int_equal(enumerate(list, 8), 4);

    /* Session 0: the machine's services, as on Windows. */
    assert_int_equal(list[0].id, 0);
    assert_string_equal(list[0].win_station, "Services");
    assert_int_equal(list[0].state, OPENWTS_STATE_DISCONNECTED);
    assert_string_equal(list[0].user, "");
    assert_int_equal(list[0].lock_state, WTS_SESSIONSTATE_UNKNOWN);

    const openwts_Session *x = &list[1], *l = &list[2], *s = &list[3];
    /* xrdp: an RDP server's session, named as Windows names RDP ones. */
    assert_int_equal(x->id, XRDP);
    assert_int_equal(x->state, OPENWTS_STATE_ACTIVE);
    assert_string_equal(x->win_station, "RDP-Tcp#1");
    assert_string_equal(x->user, "carol");
    assert_string_equal(x->domain, domain);
    assert_string_equal(x->host, host);
    assert_int_equal(x->protocol_type, 2);
    assert_string_equal(x->client_name, "2001:db8::7");
    assert_int_equal(x->client_address_family, AF_INET6_WINDOWS);
    static const uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7 };
    assert_int_equal(x->client_address.size, 16);
    assert_memory_equal(x->client_address.bytes, v6, 16);
    assert_int_equal(x->logon_time, filetime(XRDP_USEC));
    assert_int_equal(x->lock_state, WTS_SESSIONSTATE_UNLOCK);

    /* The seat's active session is the console. */
    assert_int_equal(l->id, LOCAL);
    assert_int_equal(l->state, OPENWTS_STATE_ACTIVE);
    assert_string_equal(l->win_station, "Console");
    assert_string_equal(l->user, "alice");
    assert_string_equal(l->domain, domain);
    assert_int_equal(l->protocol_type, 0);
    assert_string_equal(l->client_name, "");
    assert_int_equal(l->client_address_family, 0);
    assert_int_equal(l->client_address.size, 0);
    assert_int_equal(l->logon_time, filetime(LOCAL_USEC));
    assert_int_equal(l->lock_state, WTS_SESSIONSTATE_UNLOCK);

    /* SSH: remote, not RDP (protocol 1), "<service>#<id>". */
    assert_int_equal(s->id, SSH);
    assert_int_equal(s->state, OPENWTS_STATE_ACTIVE);
    assert_string_equal(s->win_station, "sshd#5");
    assert_string_equal(s->user, "bob");
    assert_int_equal(s->protocol_type, 1);
    assert_string_equal(s->client_name, "192.0.2.10");
    assert_int_equal(s->client_address_family, AF_INET_WINDOWS);
    static const uint8_t v4[6] = { 0, 0, 192, 0, 2, 10 };
    assert_int_equal(s->client_address.size, 6);
    assert_memory_equal(s->client_address.bytes, v4, 6);
    assert_int_equal(s->logon_time, filetime(SSH_USEC));
    /* The baseline reports nothing. */
    expect_events(0);
}

static void too_small_a_list_says_how_many(void **state)
{
    (void)state;
    openwts_Session list[2];
    memset(list, 0x5a, sizeof(list));
    size_t count = POISON;
    assert_int_equal(be->enumerate_sessions(be, &admin, "", list, 2, &count),
                     OPENWTS_ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(count, 4);
    /* Through the dispatcher, which grows the list as told. */
    openwts_Request req = openwts_Request_init_zero;
    openwts_Reply rep;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    assert_int_equal(openwts_dispatch(be, &admin, &req, &rep), OPENWTS_OK);
    assert_int_equal(rep.result.enumerate_sessions.sessions_count, 4);
    openwts_reply_release(&rep);
}

static void query_gives_what_the_list_gives(void **state)
{
    (void)state;
    openwts_Session list[8];
    size_t n = enumerate(list, 8);
    for (size_t i = 0; i < n; i++) {
        openwts_Session s = query(list[i].id);
        /* last_input_time is "now" for a session that is not idle. */
        s.last_input_time = list[i].last_input_time;
        assert_memory_equal(&s, &list[i], sizeof(s));
    }
    openwts_Session s;
    memset(&s, 0x5a, sizeof(s));
    assert_int_equal(be->query_session(be, &admin, "", 77, &s), NOT_FOUND);
    assert_int_equal(be->query_session(be, &admin, "no-such-server", LOCAL, &s), UNAVAILABLE);
    assert_int_equal(be->enumerate_sessions(be, &admin, "no-such-server", list, 8, &n), UNAVAILABLE);
    /* The names of this machine are served. */
    assert_int_equal(be->query_session(be, &admin, "localhost", LOCAL, &s), OPENWTS_OK);
    assert_int_equal(be->query_session(be, &admin, ".", LOCAL, &s), OPENWTS_OK);
    if (host[0]) {
        char name[sizeof(domain) + 2];
        snprintf(name, sizeof(name), "\\\\%s", domain);
        assert_int_equal(be->query_session(be, &admin, name, LOCAL, &s), OPENWTS_OK);
    }
    assert_int_equal(be->query_session(be, NULL, "", LOCAL, &s), OPENWTS_ERROR_INVALID_PARAMETER);
}

/* A seat session behind the active one is alive and shown nowhere:
 * disconnected, with no WinStation, as Windows shows a switched-away user. */
static void session_behind_the_console_is_disconnected(void **state)
{
    (void)state;
    mock_add_session("3", "seat0", 1003, "dave", false);
    openwts_Session s = query(3);
    assert_int_equal(s.state, OPENWTS_STATE_DISCONNECTED);
    assert_string_equal(s.win_station, "");
    assert_string_equal(s.user, "dave");
    /* "closing": logged out, programs left running: disconnected too. */
    mock_set_string("5", "State", "closing");
    s = query(SSH);
    assert_int_equal(s.state, OPENWTS_STATE_DISCONNECTED);
    assert_string_equal(s.win_station, "");
    /* A greeter (the login screen) in front: a display, nobody logged on. */
    mock_set_string("2", "Class", "greeter");
    s = query(LOCAL);
    assert_int_equal(s.state, OPENWTS_STATE_CONNECTED);
    assert_string_equal(s.win_station, "Console");
    assert_string_equal(s.user, "");
    assert_string_equal(s.domain, "");
    assert_int_equal(s.lock_state, WTS_SESSIONSTATE_UNKNOWN);
}

static void remote_host_name_stays_a_name(void **state)
{
    (void)state;
    mock_set_string("5", "RemoteHost", "wks-bob.example.org");
    openwts_Session s = query(SSH);
    assert_string_equal(s.client_name, "wks-bob.example.org");
    assert_int_equal(s.client_address_family, 0);
    assert_int_equal(s.client_address.size, 0);
    /* An IPv4 address a dual-stack server reports mapped into IPv6. */
    mock_set_string("5", "RemoteHost", "::ffff:198.51.100.4");
    s = query(SSH);
    assert_int_equal(s.client_address_family, AF_INET_WINDOWS);
    static const uint8_t v4[6] = { 0, 0, 198, 51, 100, 4 };
    assert_memory_equal(s.client_address.bytes, v4, 6);
    /* A scoped link-local address: the scope is not part of the address. */
    mock_set_string("5", "RemoteHost", "fe80::1%eth0");
    s = query(SSH);
    assert_int_equal(s.client_address_family, AF_INET6_WINDOWS);
    assert_int_equal(s.client_address.bytes[0], 0xfe);
    assert_int_equal(s.client_address.bytes[15], 1);
    /* A name too long for the field is cut, not overrun. */
    char longname[200];
    memset(longname, 'h', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = '\0';
    mock_set_string("5", "RemoteHost", longname);
    s = query(SSH);
    assert_int_equal(strlen(s.client_name), sizeof(s.client_name) - 1);
    assert_int_equal(s.client_address_family, 0);
}

static bool valid_utf8(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2
              : (*p & 0xF8) == 0xF0 ? 3 : -1;
        if (n < 0)
            return false;
        p++;
        for (int i = 0; i < n; i++, p++)
            if ((*p & 0xC0) != 0x80)
                return false;
    }
    return true;
}

static void long_and_non_ascii_user_names(void **state)
{
    (void)state;
    char ascii[201];
    memset(ascii, 'u', 200);
    ascii[200] = '\0';
    mock_add_session("40", "seat1", 2000, ascii, false);
    openwts_Session s = query(40);
    assert_string_equal(s.user, ascii); /* 200 bytes fit the 256 of the field */

    /* 200 x U+00E9: 400 bytes, cut at a character boundary to 128 of them. */
    char accented[401];
    for (int i = 0; i < 200; i++)
        memcpy(accented + 2 * i, "\xc3\xa9", 2);
    accented[400] = '\0';
    mock_add_session("41", "seat1", 2001, accented, false);
    s = query(41);
    assert_int_equal(strlen(s.user), 256);
    assert_true(valid_utf8(s.user));
    assert_memory_equal(s.user, accented, 256);

    /* Non-ASCII, short: as it is. */
    mock_add_session("42", "seat1", 2002, "j\xc3\xb6rg", false);
    assert_string_equal(query(42).user, "j\xc3\xb6rg");
    /* A long service name cuts the WinStation name, at a boundary too. */
    char service[300];
    for (int i = 0; i < 149; i++)
        memcpy(service + 2 * i, "\xc3\xa9", 2);
    service[298] = '\0';
    mock_add_session("43", "seat1", 2003, "erin", true);
    mock_make_remote("43", service, "");
    s = query(43);
    assert_true(strlen(s.win_station) < sizeof(s.win_station));
    assert_true(valid_utf8(s.win_station));
}

/* ---- ids ------------------------------------------------------------- */

static void ids_are_stable_and_never_shared(void **state)
{
    (void)state;
    /* "c7" may not take 2, 5 or 1: it gets 3, the lowest free. */
    mock_add_session("c7", "seat1", 1010, "frank", true);
    assert_string_equal(query(3).user, "frank");
    /* "1" cannot be 1 ("c1" holds it): the lowest free, 4. */
    mock_add_session("1", "seat1", 1011, "grace", true);
    openwts_Session list[8];
    assert_int_equal(enumerate(list, 8), 6);
    assert_int_equal(list[1].id, 1);
    assert_string_equal(list[1].user, "carol");
    assert_int_equal(list[4].id, 4);
    assert_string_equal(list[4].user, "grace");
    /* Asked again: the same ids. */
    for (int round = 0; round < 2; round++) {
        assert_string_equal(query(XRDP).user, "carol");
        assert_string_equal(query(LOCAL).user, "alice");
        assert_string_equal(query(SSH).user, "bob");
        assert_string_equal(query(3).user, "frank");
        assert_string_equal(query(4).user, "grace");
    }
}

/* logind lists a session whose object is gone when it is read (it ended
 * in between): left out of the list, 7022 to a query, no crash. */
static void session_vanishing_between_list_and_query(void **state)
{
    (void)state;
    mock_add_method("ListSessions", "", "a(susso)",
                    "ret = []\n"
                    "for k, o in objects.items():\n"
                    "    if '/session/' in k:\n"
                    "        ret.append((k.split('/')[-1], o.Get('org.freedesktop.login1.Session',"
                    " 'User')[0], o.Get('org.freedesktop.login1.Session', 'Name'), '',"
                    " dbus.ObjectPath(k)))\n"
                    "ret.append(('9', dbus.UInt32(1009), 'ghost', '',"
                    " dbus.ObjectPath('" MOCK_SESSION_PATH "9')))\n");
    openwts_Session list[8];
    assert_int_equal(enumerate(list, 8), 4);
    for (int i = 0; i < 4; i++)
        assert_int_not_equal(list[i].id, 9);
    openwts_Session s;
    assert_int_equal(be->query_session(be, &admin, "", 9, &s), NOT_FOUND);
    /* Known when listed, gone when queried. */
    mock_remove_session("5");
    assert_int_equal(be->query_session(be, &admin, "", SSH, &s), NOT_FOUND);
    expect_events(2, SSH, OPENWTS_EVENT_LOGOFF, SSH, OPENWTS_EVENT_DELETE);
    assert_int_equal(be->logoff_session(be, &admin, "", SSH, true), NOT_FOUND);
    assert_int_equal(mock_calls("TerminateSession", NULL, 0), 0);
}

/* ---- operations -------------------------------------------------------- */

static void logoff_terminates_the_session(void **state)
{
    (void)state;
    char arg[64] = "";
    assert_int_equal(be->logoff_session(be, &admin, "", SSH, true), OPENWTS_OK);
    assert_int_equal(mock_calls("TerminateSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "5");
    openwts_Session list[8];
    size_t n = enumerate(list, 8);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(list[i].id, SSH);
    /* Seen gone by the list first; the signal after it adds nothing. */
    expect_events(2, SSH, OPENWTS_EVENT_LOGOFF, SSH, OPENWTS_EVENT_DELETE);
    /* Session 0 and unknown sessions. */
    assert_int_equal(be->logoff_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->logoff_session(be, &admin, "", 77, true), NOT_FOUND);
    assert_int_equal(mock_calls("TerminateSession", NULL, 0), 1);
}

static openwts_status dispatch_logoff(const openwts_Caller *caller, uint32_t id)
{
    openwts_Request req = openwts_Request_init_zero;
    openwts_Reply rep;
    req.which_op = openwts_Request_logoff_session_tag;
    req.op.logoff_session.session_id = id;
    req.op.logoff_session.wait = true;
    return openwts_dispatch(be, caller, &req, &rep);
}

/* The dispatcher's administrator rule comes before logind is asked. */
static void non_administrator_cannot_log_off_another_user(void **state)
{
    (void)state;
    assert_int_equal(dispatch_logoff(&bob, LOCAL), DENIED);
    assert_int_equal(mock_calls("TerminateSession", NULL, 0), 0);
    assert_string_equal(query(LOCAL).user, "alice");
    /* His own session: asked of logind. */
    char arg[64] = "";
    assert_int_equal(dispatch_logoff(&bob, OPENWTS_CURRENT_SESSION), OPENWTS_OK);
    assert_int_equal(mock_calls("TerminateSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "5");
}

/* polkit saying no through logind is ERROR_ACCESS_DENIED. */
static void logind_refusal_is_access_denied(void **state)
{
    (void)state;
    mock_add_method("TerminateSession", "s", "",
                    "raise dbus.exceptions.DBusException('Access denied',"
                    " name='org.freedesktop.DBus.Error.AccessDenied')\n");
    mock_add_method("LockSession", "s", "",
                    "raise dbus.exceptions.DBusException('Interactive authentication required.',"
                    " name='org.freedesktop.DBus.Error.InteractiveAuthorizationRequired')\n");
    mock_add_method("ActivateSession", "s", "",
                    "raise dbus.exceptions.DBusException('Not authorized',"
                    " name='org.freedesktop.PolicyKit1.Error.NotAuthorized')\n");
    assert_int_equal(be->logoff_session(be, &admin, "", SSH, true), DENIED);
    assert_int_equal(be->lock_session(be, &admin, "", LOCAL, true), DENIED);
    assert_int_equal(be->disconnect_session(be, &admin, "", LOCAL, true), DENIED);
    mock_add_session("3", "seat0", 1003, "dave", false);
    assert_int_equal(be->connect_session(be, &admin, 3, LOCAL, "", true), DENIED);
    /* Any other error logind gives: RPC_S_CALL_FAILED. */
    mock_add_method("UnlockSession", "s", "",
                    "raise dbus.exceptions.DBusException('odd', name='org.example.Odd')\n");
    assert_int_equal(be->lock_session(be, &admin, "", LOCAL, false), 1726);
}

static void disconnecting_the_seat_session_locks_it(void **state)
{
    (void)state;
    char arg[64] = "";
    assert_int_equal(be->disconnect_session(be, &admin, "", LOCAL, true), OPENWTS_OK);
    assert_int_equal(mock_calls("LockSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "2");
    /* logind sends Lock to the session's locker: reported as LOCK. */
    expect_events(1, LOCAL, OPENWTS_EVENT_LOCK);
    /* A remote session cannot be detached through logind. */
    assert_int_equal(be->disconnect_session(be, &admin, "", SSH, true), OPENWTS_ERROR_NOT_SUPPORTED);
    assert_int_equal(be->disconnect_session(be, &admin, "", XRDP, true), OPENWTS_ERROR_NOT_SUPPORTED);
    /* One already disconnected stays so, nothing asked. */
    mock_add_session("3", "seat0", 1003, "dave", false);
    assert_int_equal(be->disconnect_session(be, &admin, "", 3, true), OPENWTS_OK);
    assert_int_equal(be->disconnect_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->disconnect_session(be, &admin, "", 77, true), NOT_FOUND);
    assert_int_equal(mock_calls("LockSession", NULL, 0), 1);
}

static void connect_activates_a_seat_session(void **state)
{
    (void)state;
    char arg[64] = "";
    mock_add_session("3", "seat0", 1003, "dave", false);
    /* dave's session takes the console's display: ActivateSession. */
    assert_int_equal(be->connect_session(be, &admin, 3, LOCAL, "", true), OPENWTS_OK);
    assert_int_equal(mock_calls("ActivateSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "3");
    /* Onto itself: brought to the front. */
    mock_clear_calls();
    assert_int_equal(be->connect_session(be, &admin, 3, 3, NULL, true), OPENWTS_OK);
    assert_int_equal(mock_calls("ActivateSession", arg, sizeof(arg)), 1);
    /* Already in front: nothing to do. */
    mock_clear_calls();
    assert_int_equal(be->connect_session(be, &admin, SSH, SSH, NULL, true), OPENWTS_OK);
    assert_int_equal(be->connect_session(be, &admin, LOCAL, LOCAL, NULL, true), OPENWTS_OK);
    /* Onto a remote client's display, or a remote one onto the console:
     * logind cannot. */
    assert_int_equal(be->connect_session(be, &admin, 3, SSH, NULL, true), OPENWTS_ERROR_NOT_SUPPORTED);
    assert_int_equal(be->connect_session(be, &admin, SSH, LOCAL, NULL, true),
                     OPENWTS_ERROR_NOT_SUPPORTED);
    assert_int_equal(be->connect_session(be, &admin, 0, LOCAL, NULL, true), DENIED);
    assert_int_equal(be->connect_session(be, &admin, 77, LOCAL, NULL, true), NOT_FOUND);
    assert_int_equal(mock_calls("ActivateSession", NULL, 0), 0);
}

static void lock_and_unlock(void **state)
{
    (void)state;
    char arg[64] = "";
    assert_int_equal(be->lock_session(be, &admin, "", LOCAL, true), OPENWTS_OK);
    assert_int_equal(mock_calls("LockSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "2");
    assert_int_equal(be->lock_session(be, &admin, "", LOCAL, false), OPENWTS_OK);
    assert_int_equal(mock_calls("UnlockSession", arg, sizeof(arg)), 1);
    assert_string_equal(arg, "2");
    expect_events(2, LOCAL, OPENWTS_EVENT_LOCK, LOCAL, OPENWTS_EVENT_UNLOCK);
    assert_int_equal(be->lock_session(be, &admin, "", 0, true), DENIED);
    assert_int_equal(be->lock_session(be, &admin, "", 77, true), NOT_FOUND);
}

/* ---- state from properties ------------------------------------------- */

static void locked_hint_is_the_lock_state(void **state)
{
    (void)state;
    assert_int_equal(query(LOCAL).lock_state, WTS_SESSIONSTATE_UNLOCK);
    mock_set_bool("2", "LockedHint", true);
    assert_int_equal(query(LOCAL).lock_state, WTS_SESSIONSTATE_LOCK);
    expect_events(1, LOCAL, OPENWTS_EVENT_LOCK);
    mock_set_bool("2", "LockedHint", false);
    expect_events(1, LOCAL, OPENWTS_EVENT_UNLOCK);
    assert_int_equal(query(LOCAL).lock_state, WTS_SESSIONSTATE_UNLOCK);
}

static void idle_since_is_the_last_input(void **state)
{
    (void)state;
    /* Not idle: in use now. */
    int64_t before = now_filetime();
    int64_t t = query(LOCAL).last_input_time;
    assert_true(t >= before - 10000000 && t <= now_filetime() + 10000000);
    mock_set_bool("2", "IdleHint", true);
    mock_set_u64("2", "IdleSinceHint", 1700000500000000ull);
    assert_int_equal(query(LOCAL).last_input_time, filetime(1700000500000000ull));
    mock_set_u64("2", "IdleSinceHint", 1700000600000000ull);
    assert_int_equal(query(LOCAL).last_input_time, filetime(1700000600000000ull));
    openwts_Session list[8];
    assert_int_equal(enumerate(list, 8), 4);
    assert_int_equal(list[2].last_input_time, filetime(1700000600000000ull));
    /* Idle, and nothing says since when: unknown. */
    mock_set_u64("2", "IdleSinceHint", 0);
    assert_int_equal(query(LOCAL).last_input_time, 0);
    /* IdleHint changes are no event. */
    expect_events(0);
}

/* ---- the caller's session ----------------------------------------------- */

static void caller_session_is_the_session_of_its_pid(void **state)
{
    (void)state;
    uint32_t id = POISON;
    /* The mock maps a pid to the session whose Leader it is. */
    mock_set_u32("5", "Leader", (uint32_t)getpid());
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK); /* alice's pid is ours */
    assert_int_equal(id, SSH);
    /* Through the dispatcher: WTS_CURRENT_SESSION is that session. */
    openwts_Caller c = alice;
    c.session_id = id;
    openwts_Request req = openwts_Request_init_zero;
    openwts_Reply rep;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = OPENWTS_CURRENT_SESSION;
    assert_int_equal(openwts_dispatch(be, &c, &req, &rep), OPENWTS_OK);
    assert_int_equal(rep.result.query_session.session.id, SSH);
    assert_string_equal(rep.result.query_session.session.user, "bob");
    /* A session the backend has not listed yet. */
    mock_add_session("c9", "seat1", 1020, "heidi", true);
    mock_set_u32("5", "Leader", 0);
    mock_set_u32("c9", "Leader", (uint32_t)getpid());
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK);
    assert_int_equal(id, 3);
    assert_string_equal(query(3).user, "heidi");
    /* A process in no session: session 0, where Windows runs services. */
    mock_set_u32("c9", "Leader", 0);
    id = POISON;
    assert_int_equal(be->caller_session(be, &alice, &id), OPENWTS_OK);
    assert_int_equal(id, 0);
    /* A caller whose process nobody knows: in no session. */
    c.process_id = 0;
    id = POISON;
    assert_int_equal(be->caller_session(be, &c, &id), OPENWTS_OK);
    assert_int_equal(id, OPENWTS_CURRENT_SESSION);
    assert_int_equal(be->caller_session(be, NULL, &id), OPENWTS_ERROR_INVALID_PARAMETER);
}

/* ---- events ---------------------------------------------------------- */

static void session_new_and_removed(void **state)
{
    (void)state;
    mock_add_session("7", "seat1", 1030, "ivan", true);
    mock_emit_session_new("7");
    expect_events(3, 7u, OPENWTS_EVENT_CREATE, 7u, OPENWTS_EVENT_CONNECT, 7u, OPENWTS_EVENT_LOGON);
    assert_string_equal(query(7).user, "ivan");
    assert_int_equal(be->logoff_session(be, &admin, "", 7, true), OPENWTS_OK);
    expect_events(2, 7u, OPENWTS_EVENT_LOGOFF, 7u, OPENWTS_EVENT_DELETE);
    /* Seen by a list before its signal is handled: reported once. */
    mock_add_session("8", "seat1", 1031, "judy", false);
    mock_emit_session_new("8");
    openwts_Session list[8];
    assert_int_equal(enumerate(list, 8), 5);
    expect_events(2, 8u, OPENWTS_EVENT_CREATE, 8u, OPENWTS_EVENT_LOGON);
    mock_remove_session("8");
    mock_emit_session_removed("8");
    expect_events(2, 8u, OPENWTS_EVENT_LOGOFF, 8u, OPENWTS_EVENT_DELETE);
    assert_int_equal(enumerate(list, 8), 4);
    expect_events(0);
}

static void active_changes_connect_and_disconnect(void **state)
{
    (void)state;
    mock_set_bool("2", "Active", false);
    mock_set_string("2", "State", "online");
    expect_events(1, LOCAL, OPENWTS_EVENT_DISCONNECT);
    openwts_Session s = query(LOCAL);
    assert_int_equal(s.state, OPENWTS_STATE_DISCONNECTED);
    assert_true(s.disconnect_time > 0);
    mock_set_string("2", "State", "active");
    mock_set_bool("2", "Active", true);
    expect_events(1, LOCAL, OPENWTS_EVENT_CONNECT);
    s = query(LOCAL);
    assert_true(s.connect_time >= s.disconnect_time);
    /* Logged out with programs left: LOGOFF, and it is no longer shown. */
    mock_set_string("5", "State", "closing");
    expect_events(2, SSH, OPENWTS_EVENT_LOGOFF, SSH, OPENWTS_EVENT_DISCONNECT);
    mock_remove_session("5");
    mock_emit_session_removed("5");
    expect_events(1, SSH, OPENWTS_EVENT_DELETE);
}

static void lock_and_unlock_signals(void **state)
{
    (void)state;
    mock_emit_session_signal("2", "Lock");
    expect_events(1, LOCAL, OPENWTS_EVENT_LOCK);
    /* The locker then sets LockedHint: the same lock, not reported again. */
    mock_set_bool("2", "LockedHint", true);
    mock_emit_session_signal("2", "Lock");
    expect_events(0);
    mock_emit_session_signal("2", "Unlock");
    expect_events(1, LOCAL, OPENWTS_EVENT_UNLOCK);
    mock_set_bool("2", "LockedHint", false);
    expect_events(0);
    /* A session's other changes are no event. */
    mock_set_bool("c1", "IdleHint", true);
    expect_events(0);
}

/* ---- processes --------------------------------------------------------- */

static pid_t start_sleeper(void)
{
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        execl("/bin/sleep", "sleep", "60", (char *)NULL);
        _exit(127);
    }
    return pid;
}

static void stop_sleeper(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

static const openwts_Process *find_process(const openwts_EnumerateProcessesReply *r, uint32_t pid)
{
    for (pb_size_t i = 0; i < r->processes_count; i++)
        if (r->processes[i].process_id == pid)
            return &r->processes[i];
    return NULL;
}

static void list_processes(uint32_t session, openwts_Reply *rep)
{
    memset(rep, 0, sizeof(*rep));
    rep->which_result = openwts_Reply_enumerate_processes_tag;
    assert_int_equal(be->enumerate_processes(be, &admin, "", session,
                                             &rep->result.enumerate_processes),
                     OPENWTS_OK);
}

static void mkdirs(const char *path)
{
    char buf[512];
    snprintf(buf, sizeof(buf), "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(buf, 0755);
            *p = '/';
        }
    mkdir(buf, 0755);
}

/* Under the mock there are no cgroups: the test makes a cgroup tree of its
 * own for the local session's scope, and gives the SSH session a leader
 * and no scope. */
static void processes_come_from_the_scope_or_the_leader(void **state)
{
    (void)state;
    char root[] = "/tmp/openwts-logind-cgroup-XXXXXX";
    assert_non_null(mkdtemp(root));
    char scope[256], procs[400], sub[300];
    snprintf(scope, sizeof(scope), "%s/user.slice/user-1000.slice/session-2.scope", root);
    mkdirs(scope);
    pid_t in_scope = start_sleeper(), in_sub = start_sleeper(), leader = start_sleeper();
    snprintf(procs, sizeof(procs), "%s/cgroup.procs", scope);
    FILE *f = fopen(procs, "w");
    assert_non_null(f);
    fprintf(f, "%d\n", (int)in_scope);
    fclose(f);
    snprintf(sub, sizeof(sub), "%s/app.slice", scope); /* a delegated sub-group */
    mkdirs(sub);
    snprintf(procs, sizeof(procs), "%s/cgroup.procs", sub);
    f = fopen(procs, "w");
    assert_non_null(f);
    fprintf(f, "%d\n", (int)in_sub);
    fclose(f);
    mock_add_string("2", "Scope", "session-2.scope");
    mock_set_u32("5", "Leader", (uint32_t)leader);
    openwts_logind_close(be);
    be = open_backend(root);

    openwts_Reply rep;
    list_processes(LOCAL, &rep);
    assert_int_equal(rep.result.enumerate_processes.processes_count, 2);
    const openwts_Process *p = find_process(&rep.result.enumerate_processes, (uint32_t)in_scope);
    assert_non_null(p);
    assert_int_equal(p->session_id, LOCAL);
    assert_string_equal(p->name, "sleep");
    /* The owner as the Unix-user SID S-1-22-1-<uid>. */
    uint8_t sid[16] = { 1, 2, 0, 0, 0, 0, 0, 22, 1, 0, 0, 0 };
    uint32_t uid = (uint32_t)geteuid();
    memcpy(sid + 12, &uid, 4); /* little-endian, as this machine */
    assert_int_equal(p->user_sid.size, 16);
    assert_memory_equal(p->user_sid.bytes, sid, 16);
    assert_true(p->thread_count >= 1);
    assert_non_null(find_process(&rep.result.enumerate_processes, (uint32_t)in_sub));
    openwts_reply_release(&rep);

    list_processes(SSH, &rep);
    assert_int_equal(rep.result.enumerate_processes.processes_count, 1);
    assert_int_equal(rep.result.enumerate_processes.processes[0].process_id, (uint32_t)leader);
    assert_int_equal(rep.result.enumerate_processes.processes[0].session_id, SSH);
    openwts_reply_release(&rep);

    /* Every session: ours is in none, so in session 0. */
    list_processes(OPENWTS_ANY_SESSION, &rep);
    const openwts_EnumerateProcessesReply *all = &rep.result.enumerate_processes;
    assert_int_equal(find_process(all, (uint32_t)in_scope)->session_id, LOCAL);
    assert_int_equal(find_process(all, (uint32_t)leader)->session_id, SSH);
    assert_non_null(find_process(all, (uint32_t)getpid()));
    assert_int_equal(find_process(all, (uint32_t)getpid())->session_id, 0);
    for (pb_size_t i = 1; i < all->processes_count; i++)
        assert_true(all->processes[i - 1].process_id < all->processes[i].process_id);
    openwts_reply_release(&rep);

    list_processes(0, &rep);
    assert_non_null(find_process(&rep.result.enumerate_processes, (uint32_t)getpid()));
    assert_null(find_process(&rep.result.enumerate_processes, (uint32_t)in_scope));
    assert_null(find_process(&rep.result.enumerate_processes, (uint32_t)leader));
    openwts_reply_release(&rep);

    /* An id no session has: nothing (the id only filters). */
    list_processes(77, &rep);
    assert_int_equal(rep.result.enumerate_processes.processes_count, 0);
    openwts_reply_release(&rep);

    stop_sleeper(in_scope);
    stop_sleeper(in_sub);
    stop_sleeper(leader);
    remove(procs);
    rmdir(sub);
    snprintf(procs, sizeof(procs), "%s/cgroup.procs", scope);
    remove(procs);
    rmdir(scope);
    char dir[300];
    snprintf(dir, sizeof(dir), "%s/user.slice/user-1000.slice", root);
    rmdir(dir);
    snprintf(dir, sizeof(dir), "%s/user.slice", root);
    rmdir(dir);
    rmdir(root);
}

/* ---- hosting by a daemon ------------------------------------------------ */

static size_t hosted_events;
static openwts_event_kind hosted_last;

static void hosted_sink(void *ctx, uint32_t id, openwts_event_kind kind)
{
    assert_ptr_equal(ctx, &hosted_events);
    assert_int_equal(id, LOCAL);
    hosted_events++;
    hosted_last = kind;
}

/* openwts_logind_host: what wtsd's `--backend logind` calls. */
static void daemon_hook_hosts_the_backend(void **state)
{
    (void)state;
    const openwts_backend *hosted = NULL;
    int fd = -1;
    char err[256];
    openwts_backend_unregister_all();
    assert_int_equal(openwts_logind_host(mock_bus_address(), hosted_sink, &hosted_events, &hosted,
                                         &fd, err, sizeof(err)),
                     OPENWTS_OK);
    assert_ptr_equal(openwts_backend_find("logind"), hosted);
    assert_int_equal(fd, openwts_logind_fd(hosted));
    /* The descriptor tells of logind's signals; processing reports them. */
    hosted_events = 0;
    mock_emit_session_signal("2", "Lock");
    for (int waited = 0; waited < 5000 && hosted_events == 0; waited += 20) {
        struct pollfd p = { fd, (short)openwts_logind_events(hosted), 0 };
        poll(&p, 1, 20);
        assert_int_equal(openwts_logind_process(hosted), OPENWTS_OK);
    }
    assert_int_equal(hosted_events, 1);
    assert_int_equal(hosted_last, OPENWTS_EVENT_LOCK);
    openwts_backend_unregister_all();
    openwts_logind_close(hosted);
    /* Nothing to put the backend in; no bus: nothing left registered. */
    assert_int_equal(openwts_logind_host(NULL, NULL, NULL, NULL, &fd, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(openwts_logind_host("unix:path=/nonexistent/openwts-test-bus", NULL, NULL,
                                         &hosted, &fd, err, sizeof(err)),
                     UNAVAILABLE);
    assert_null(openwts_backend_find("logind"));
}

/* ---- without logind ------------------------------------------------------ */

static void no_bus_to_connect_to(void **state)
{
    (void)state;
    openwts_logind_options o = { "unix:path=/nonexistent/openwts-test-bus", NULL };
    const openwts_backend *b = (const openwts_backend *)&o; /* poison: must stay */
    char err[256] = "";
    assert_int_equal(openwts_logind_open(&o, &b, err, sizeof(err)), UNAVAILABLE);
    assert_ptr_equal(b, (const openwts_backend *)&o);
    assert_true(strlen(err) > 0);
    assert_int_equal(openwts_logind_open(&o, NULL, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_PARAMETER);
}

/* The bus is there, logind is not (the mock is not started in this group):
 * every call is RPC_S_SERVER_UNAVAILABLE, through the dispatcher too. */
static void logind_not_running(void **state)
{
    (void)state;
    openwts_logind_options o = { mock_bus_address(), NULL };
    const openwts_backend *b = NULL;
    char err[256];
    assert_int_equal(openwts_logind_open(&o, &b, err, sizeof(err)), OPENWTS_OK);
    openwts_Caller root;
    set_caller(&root, 0, "root", true);
    openwts_Session list[4], s;
    size_t count = POISON;
    assert_int_equal(b->enumerate_sessions(b, &root, "", list, 4, &count), UNAVAILABLE);
    assert_int_equal(b->query_session(b, &root, "", 2, &s), UNAVAILABLE);
    assert_int_equal(b->logoff_session(b, &root, "", 2, true), UNAVAILABLE);
    uint32_t id = POISON;
    assert_int_equal(b->caller_session(b, &root, &id), UNAVAILABLE);
    openwts_Request req = openwts_Request_init_zero;
    openwts_Reply rep;
    req.which_op = openwts_Request_enumerate_sessions_tag;
    assert_int_equal(openwts_dispatch(b, &root, &req, &rep), UNAVAILABLE);
    assert_int_equal(rep.status, 1722);
    /* Session 0 is the backend's own: still there. */
    assert_int_equal(b->query_session(b, &root, "", 0, &s), OPENWTS_OK);
    assert_int_equal(openwts_logind_process(b), OPENWTS_OK);
    openwts_logind_close(b);
    openwts_logind_close(NULL);
    assert_int_equal(openwts_logind_fd(NULL), -1);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest without_logind[] = {
        cmocka_unit_test(no_bus_to_connect_to),
        cmocka_unit_test(logind_not_running),
    };
    const struct CMUnitTest with_mock[] = {
        T(table_is_version_4),
        T(enumerates_services_and_three_sessions),
        T(too_small_a_list_says_how_many),
        T(query_gives_what_the_list_gives),
        T(session_behind_the_console_is_disconnected),
        T(remote_host_name_stays_a_name),
        T(long_and_non_ascii_user_names),
        T(ids_are_stable_and_never_shared),
        T(session_vanishing_between_list_and_query),
        T(logoff_terminates_the_session),
        T(non_administrator_cannot_log_off_another_user),
        T(logind_refusal_is_access_denied),
        T(disconnecting_the_seat_session_locks_it),
        T(connect_activates_a_seat_session),
        T(lock_and_unlock),
        T(locked_hint_is_the_lock_state),
        T(idle_since_is_the_last_input),
        T(caller_session_is_the_session_of_its_pid),
        T(session_new_and_removed),
        T(active_changes_connect_and_disconnect),
        T(lock_and_unlock_signals),
        T(processes_come_from_the_scope_or_the_leader),
        T(daemon_hook_hosts_the_backend),
    };
    int failed = cmocka_run_group_tests_name("logind without logind", without_logind, NULL, NULL);
    failed += cmocka_run_group_tests_name("logind on python-dbusmock", with_mock, group_setup,
                                          group_teardown);
    return failed;
}
