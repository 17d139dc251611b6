/* python-dbusmock's logind template, driven over its Mock interface with
 * sd-bus (logind_mock.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_mock.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <systemd/sd-bus.h>
#include <time.h>
#include <unistd.h>

#define LOGIND "org.freedesktop.login1"
#define MANAGER_PATH "/org/freedesktop/login1"
#define MANAGER "org.freedesktop.login1.Manager"
#define SESSION "org.freedesktop.login1.Session"
#define MOCK "org.freedesktop.DBus.Mock"
#define START_TIMEOUT_MS 20000

static pid_t mock_pid;
static sd_bus *control; /* the test's own connection, apart from the backend's */

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

const char *mock_bus_address(void)
{
    return getenv("DBUS_SYSTEM_BUS_ADDRESS");
}

static sd_bus *bus(void)
{
    if (!control) {
        int r = sd_bus_open_system(&control);
        if (r < 0)
            mock_fail("cannot connect to the test's bus %s: %s", mock_bus_address(), strerror(-r));
    }
    return control;
}

static bool name_has_owner(void)
{
    sd_bus_message *reply = NULL;
    int has = 0;
    if (sd_bus_call_method(bus(), "org.freedesktop.DBus", "/org/freedesktop/DBus",
                           "org.freedesktop.DBus", "NameHasOwner", NULL, &reply, "s", LOGIND) >= 0)
        sd_bus_message_read(reply, "b", &has);
    sd_bus_message_unref(reply);
    return has;
}

int mock_start(void)
{
    const char *python = getenv("OPENWTS_TEST_PYTHON");
    const char *log = getenv("OPENWTS_MOCK_LOG");
    if (!python || !mock_bus_address()) {
        fprintf(stderr, "run me with tests/logind/run_logind_tests.sh (no OPENWTS_TEST_PYTHON or "
                        "DBUS_SYSTEM_BUS_ADDRESS)\n");
        return -1;
    }
    mock_pid = fork();
    if (mock_pid < 0)
        return -1;
    if (mock_pid == 0) {
        /* Ends with the test, however the test ends. */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        int out = open(log ? log : "/dev/null", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (out >= 0) {
            dup2(out, STDOUT_FILENO);
            dup2(out, STDERR_FILENO);
        }
        execl(python, python, "-m", "dbusmock", "--template", "logind", (char *)NULL);
        _exit(127);
    }
    for (int waited = 0; waited < START_TIMEOUT_MS; waited += 50) {
        if (name_has_owner())
            return 0;
        int status;
        if (waitpid(mock_pid, &status, WNOHANG) == mock_pid) {
            fprintf(stderr, "python-dbusmock exited before taking %s (see %s)\n", LOGIND,
                    log ? log : "its output");
            mock_pid = 0;
            return -1;
        }
        sleep_ms(50);
    }
    fprintf(stderr, "python-dbusmock did not take %s within %d ms\n", LOGIND, START_TIMEOUT_MS);
    mock_stop();
    return -1;
}

void mock_stop(void)
{
    if (mock_pid > 0) {
        kill(mock_pid, SIGTERM);
        waitpid(mock_pid, NULL, 0);
        mock_pid = 0;
    }
    for (int waited = 0; waited < START_TIMEOUT_MS && name_has_owner(); waited += 20)
        sleep_ms(20);
    control = sd_bus_flush_close_unref(control);
}

static void check(int r, sd_bus_error *error, const char *what)
{
    if (r < 0) {
        char msg[512];
        snprintf(msg, sizeof(msg), "%s: %s", what,
                 sd_bus_error_is_set(error) ? error->message : strerror(-r));
        sd_bus_error_free(error);
        mock_fail("%s", msg);
    }
    sd_bus_error_free(error);
}

static char *session_path(const char *id, char *buf, size_t cap)
{
    snprintf(buf, cap, MOCK_SESSION_PATH "%s", id);
    return buf;
}

void mock_add_method(const char *name, const char *in_sig, const char *out_sig, const char *code)
{
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "AddMethod", &e, NULL, "sssss",
                             MANAGER, name, in_sig, out_sig, code),
          &e, name);
}

/* Where the template differs from logind (docs/logind-backend.md, "The
 * mock"): it has no GetSessionByPID (here: the session whose Leader is
 * the pid, else logind's NoSessionForPID); its TerminateSession ends
 * nothing (here: the session goes, with SessionRemoved); its LockSession
 * and UnlockSession send no Lock/Unlock from the session (here: they do);
 * none of them knows NoSuchSession. */
static const char no_such_session[] =
    "path = '" MOCK_SESSION_PATH "' + args[0]\n"
    "if path not in objects:\n"
    "    raise dbus.exceptions.DBusException('No session ' + args[0],"
    " name='org.freedesktop.login1.NoSuchSession')\n";

static void extend(void)
{
    mock_add_method("GetSessionByPID", "u", "o",
                    "found = None\n"
                    "for k, o in objects.items():\n"
                    "    if '/session/' in k and o.Get('" SESSION "', 'Leader') == args[0]:\n"
                    "        found = k\n"
                    "if found is None:\n"
                    "    raise dbus.exceptions.DBusException('PID %d does not belong to any known"
                    " session' % args[0], name='org.freedesktop.login1.NoSessionForPID')\n"
                    "ret = dbus.ObjectPath(found)\n");
    char code[1024];
    snprintf(code, sizeof(code),
             "%sself.RemoveObject(path)\n"
             "self.EmitSignal('" MANAGER "', 'SessionRemoved', 'so', [args[0], dbus.ObjectPath(path)])\n",
             no_such_session);
    mock_add_method("TerminateSession", "s", "", code);
    snprintf(code, sizeof(code), "%sobjects[path].EmitSignal('" SESSION "', 'Lock', '', [])\n",
             no_such_session);
    mock_add_method("LockSession", "s", "", code);
    snprintf(code, sizeof(code), "%sobjects[path].EmitSignal('" SESSION "', 'Unlock', '', [])\n",
             no_such_session);
    mock_add_method("UnlockSession", "s", "", code);
    mock_add_method("ActivateSession", "s", "", no_such_session);
}

void mock_reset(void)
{
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "Reset", &e, NULL, ""), &e, "Reset");
    extend();
    mock_clear_calls();
}

void mock_clear_calls(void)
{
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "ClearCalls", &e, NULL, ""), &e,
          "ClearCalls");
}

void mock_add_session(const char *id, const char *seat, uint32_t uid, const char *user, bool active)
{
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "AddSession", &e, NULL, "ssusb",
                             id, seat, uid, user, (int)active),
          &e, "AddSession");
}

/* UpdateProperties(SESSION, {property: value}) with the value appended by
 * the caller's format. */
#define UPDATE(id, property, sig, ...)                                                           \
    do {                                                                                         \
        char path_[256];                                                                         \
        sd_bus_error e_ = SD_BUS_ERROR_NULL;                                                     \
        check(sd_bus_call_method(bus(), LOGIND, session_path(id, path_, sizeof(path_)), MOCK,   \
                                 "UpdateProperties", &e_, NULL, "sa{sv}", SESSION, 1, property, \
                                 sig, __VA_ARGS__),                                              \
              &e_, property);                                                                    \
    } while (0)

void mock_set_string(const char *id, const char *property, const char *value)
{
    UPDATE(id, property, "s", value);
}

void mock_set_bool(const char *id, const char *property, bool value)
{
    UPDATE(id, property, "b", (int)value);
}

void mock_set_u32(const char *id, const char *property, uint32_t value)
{
    UPDATE(id, property, "u", value);
}

void mock_set_u64(const char *id, const char *property, uint64_t value)
{
    UPDATE(id, property, "t", value);
}

/* UpdateProperties cannot wrap a structure in dbusmock 0.28 ("could not
 * wrap type Struct"); the mock's Properties.Set can, and it sends
 * PropertiesChanged as well. */
void mock_set_seat(const char *id, const char *seat)
{
    char path[256], seat_path[256];
    snprintf(seat_path, sizeof(seat_path), "/org/freedesktop/login1/seat/%s", seat);
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, session_path(id, path, sizeof(path)),
                             "org.freedesktop.DBus.Properties", "Set", &e, NULL, "ssv", SESSION,
                             "Seat", "(so)", seat, seat[0] ? seat_path : "/"),
          &e, "Seat");
}

void mock_add_string(const char *id, const char *property, const char *value)
{
    char path[256];
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, session_path(id, path, sizeof(path)), MOCK,
                             "AddProperty", &e, NULL, "ssv", SESSION, property, "s", value),
          &e, property);
}

void mock_remove_session(const char *id)
{
    char path[256];
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "RemoveObject", &e, NULL, "s",
                             session_path(id, path, sizeof(path))),
          &e, "RemoveObject");
}

void mock_make_remote(const char *id, const char *service, const char *remote_host)
{
    mock_set_seat(id, "");
    mock_set_bool(id, "Remote", true);
    mock_set_string(id, "RemoteHost", remote_host);
    mock_set_string(id, "Service", service);
    mock_set_string(id, "Type", "tty");
    mock_set_bool(id, "Active", true);   /* a seatless session is always active in logind */
    mock_set_string(id, "State", "active");
}

void mock_add_three_sessions(void)
{
    mock_add_session("2", "seat0", 1000, "alice", true);
    mock_set_string("2", "Service", "gdm-password");
    mock_set_string("2", "Type", "x11");
    mock_set_u64("2", "Timestamp", MOCK_LOCAL_USEC);

    mock_add_session("5", "seat0", 1001, "bob", true);
    mock_make_remote("5", "sshd", "192.0.2.10");
    mock_set_u64("5", "Timestamp", MOCK_SSH_USEC);

    mock_add_session("c1", "seat0", 1002, "carol", true);
    mock_make_remote("c1", "xrdp-sesman", "2001:db8::7");
    mock_set_string("c1", "Type", "x11");
    mock_set_u64("c1", "Timestamp", MOCK_XRDP_USEC);

    /* The template gives every session Leader 1 (init): no pid of a test. */
    mock_set_u32("2", "Leader", 0);
    mock_set_u32("5", "Leader", 0);
    mock_set_u32("c1", "Leader", 0);
}

static void emit_manager(const char *member, const char *id)
{
    char path[256];
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "EmitSignal", &e, NULL, "sssav",
                             MANAGER, member, "so", 2, "s", id, "o",
                             session_path(id, path, sizeof(path))),
          &e, member);
}

void mock_emit_session_new(const char *id)
{
    emit_manager("SessionNew", id);
}

void mock_emit_session_removed(const char *id)
{
    emit_manager("SessionRemoved", id);
}

void mock_emit_session_signal(const char *id, const char *member)
{
    char path[256];
    sd_bus_error e = SD_BUS_ERROR_NULL;
    check(sd_bus_call_method(bus(), LOGIND, session_path(id, path, sizeof(path)), MOCK,
                             "EmitSignal", &e, NULL, "sssav", SESSION, member, "", 0),
          &e, member);
}

/* A step of reading the GetMethodCalls reply that must work. */
static void read_ok(int r, const char *what)
{
    if (r < 0)
        mock_fail("GetMethodCalls: cannot read %s: %s", what, strerror(-r));
}

size_t mock_calls(const char *method, char *first_arg, size_t cap)
{
    sd_bus_error e = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    check(sd_bus_call_method(bus(), LOGIND, MANAGER_PATH, MOCK, "GetMethodCalls", &e, &reply, "s",
                             method),
          &e, "GetMethodCalls");
    size_t n = 0;
    read_ok(sd_bus_message_enter_container(reply, 'a', "(tav)"), "the list");
    int r;
    while ((r = sd_bus_message_enter_container(reply, 'r', "tav")) > 0) {
        uint64_t when;
        read_ok(sd_bus_message_read(reply, "t", &when), "a call's time");
        read_ok(sd_bus_message_enter_container(reply, 'a', "v"), "a call's arguments");
        const char *contents = NULL;
        char type;
        if (n == 0 && first_arg && cap
            && sd_bus_message_peek_type(reply, &type, &contents) > 0 && contents
            && strcmp(contents, "s") == 0) {
            const char *s;
            read_ok(sd_bus_message_read(reply, "v", "s", &s), "the first argument");
            snprintf(first_arg, cap, "%s", s);
        }
        while ((r = sd_bus_message_at_end(reply, false)) == 0)
            read_ok(sd_bus_message_skip(reply, "v"), "an argument");
        read_ok(r, "the end of the arguments");
        read_ok(sd_bus_message_exit_container(reply), "the arguments");
        read_ok(sd_bus_message_exit_container(reply), "a call");
        n++;
    }
    read_ok(r, "a call");
    sd_bus_message_unref(reply);
    return n;
}
