/* Driving python-dbusmock's `logind` template from a test: starting and
 * stopping it on the private bus the test script made (the script exports
 * its address as DBUS_SYSTEM_BUS_ADDRESS), putting it back to a known
 * state, making sessions and changing them through its
 * org.freedesktop.DBus.Mock interface, and reading which logind methods
 * it was called with. Used by the cmocka test of the backend and by
 * logind_mock_tool, through which scripts (the Wine-run test) drive the
 * mock. Every helper reports an error through mock_fail().
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_TEST_LOGIND_MOCK_H
#define OPENWTS_TEST_LOGIND_MOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MOCK_SESSION_PATH "/org/freedesktop/login1/session/"

/* The three sessions every test starts from (mock_add_three_sessions):
 * a local seat session of alice (logind id "2"), an SSH session of bob
 * ("5", from 192.0.2.10) and an xrdp session of carol ("c1", from
 * 2001:db8::7), logged on at these times (Timestamp, microseconds since
 * 1970). */
#define MOCK_LOCAL_USEC 1700000000000000ull /* 2023-11-14T22:13:20Z */
#define MOCK_SSH_USEC 1700000100000000ull
#define MOCK_XRDP_USEC 1700000200000000ull

/* What a helper does on an error, provided by the program that links the
 * driver: the cmocka test fails the running test, the tool prints the
 * message and exits. It does not return. */
void mock_fail(const char *format, ...) __attribute__((noreturn, format(printf, 1, 2)));

/* Starts the template (python3 from $OPENWTS_TEST_PYTHON, its output to
 * $OPENWTS_MOCK_LOG) and waits until it owns org.freedesktop.login1.
 * 0 on success (for cmocka's group setups). */
int mock_start(void);
/* Stops it (SIGTERM, then waits for it) and waits until the name is gone. */
void mock_stop(void);

/* Reset() to the template's own state, then the methods the template
 * lacks or does differently from logind (docs/logind-backend.md, "The
 * mock"), then ClearCalls(). */
void mock_reset(void);

/* AddSession(id, seat, uid, user, active); the session's object path is
 * MOCK_SESSION_PATH id. */
void mock_add_session(const char *id, const char *seat, uint32_t uid, const char *user, bool active);
/* UpdateProperties of a session (emits PropertiesChanged, as logind does). */
void mock_set_string(const char *id, const char *property, const char *value);
void mock_set_bool(const char *id, const char *property, bool value);
void mock_set_u32(const char *id, const char *property, uint32_t value);
void mock_set_u64(const char *id, const char *property, uint64_t value);
/* Seat: (so); "" for none, as logind gives a seatless session. */
void mock_set_seat(const char *id, const char *seat);
/* AddProperty: a property the template does not make (Scope). */
void mock_add_string(const char *id, const char *property, const char *value);
/* RemoveObject of the session, without any signal. */
void mock_remove_session(const char *id);

/* Makes the session remote: no seat, Remote, RemoteHost, Service, tty. */
void mock_make_remote(const char *id, const char *service, const char *remote_host);

/* The three sessions above, each with Leader 0 (the template's 1 is
 * init: no test's pid). */
void mock_add_three_sessions(void);

/* Signals as logind sends them. */
void mock_emit_session_new(const char *id);
void mock_emit_session_removed(const char *id);
void mock_emit_session_signal(const char *id, const char *member); /* Lock, Unlock */

/* Replaces a Manager method with Python code (dbusmock's AddMethod). */
void mock_add_method(const char *name, const char *in_sig, const char *out_sig, const char *code);

/* How many times the Manager method was called since the last reset or
 * mock_clear_calls; the first string argument of the first call goes to
 * first_arg (when not NULL and there was one). */
size_t mock_calls(const char *method, char *first_arg, size_t cap);
void mock_clear_calls(void);

/* The bus's address (DBUS_SYSTEM_BUS_ADDRESS). */
const char *mock_bus_address(void);

#endif
