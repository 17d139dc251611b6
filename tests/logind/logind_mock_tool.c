/* The logind mock driver (logind_mock.c) as a command, for scripts: the
 * Wine-run test (tests/wine/logind_wine_test.sh) starts python-dbusmock's
 * logind template with it and changes the mock's sessions with it while a
 * Windows program looks, so that the mock and its extensions (the methods
 * the template lacks or does differently from logind) are those of the
 * backend's own test. Run it where tests/logind/mock_bus.sh has made the
 * private bus (DBUS_SYSTEM_BUS_ADDRESS, OPENWTS_TEST_PYTHON,
 * OPENWTS_MOCK_LOG).
 *
 *   logind_mock_tool serve                   starts the template, resets it,
 *                                            prints "ready", and stops it on
 *                                            SIGTERM, SIGINT or SIGHUP
 *   logind_mock_tool reset                   the template's state, extended
 *   logind_mock_tool three-sessions          mock_add_three_sessions()
 *   logind_mock_tool add ID SEAT UID USER true|false
 *   logind_mock_tool remote ID SERVICE REMOTE_HOST
 *   logind_mock_tool set ID PROPERTY s|b|u|t VALUE
 *   logind_mock_tool calls METHOD            prints "COUNT FIRST_ARGUMENT"
 *   logind_mock_tool clear-calls
 *
 * Exit status: 0 done, 1 the mock or the bus failed (the message on
 * stderr), 2 a command it does not know.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "logind_mock.h"

void mock_fail(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    fputs("logind_mock_tool: ", stderr);
    vfprintf(stderr, format, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void usage(void)
{
    fputs("usage: logind_mock_tool serve | reset | three-sessions | clear-calls\n"
          "       logind_mock_tool add ID SEAT UID USER true|false\n"
          "       logind_mock_tool remote ID SERVICE REMOTE_HOST\n"
          "       logind_mock_tool set ID PROPERTY s|b|u|t VALUE\n"
          "       logind_mock_tool calls METHOD\n",
          stderr);
    exit(2);
}

static unsigned long long number(const char *text, unsigned long long max)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (!*text || *text == '-' || *end || errno || v > max) {
        fprintf(stderr, "logind_mock_tool: not a number up to %llu: \"%s\"\n", max, text);
        exit(2);
    }
    return v;
}

static bool boolean(const char *text)
{
    if (strcmp(text, "true") == 0)
        return true;
    if (strcmp(text, "false") == 0)
        return false;
    fprintf(stderr, "logind_mock_tool: not true or false: \"%s\"\n", text);
    exit(2);
}

/* Holds the template until told to stop: it ends with this process (it is
 * started with a parent-death signal), so the script stops this one. */
static int serve(void)
{
    if (mock_start() != 0)
        return 1;
    mock_reset();
    /* Blocked only now: the template inherits the mask it is started with. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_BLOCK, &stop, NULL);
    printf("ready\n");
    fflush(stdout);
    int sig;
    sigwait(&stop, &sig);
    mock_stop();
    return 0;
}

static void set(const char *id, const char *property, const char *type, const char *value)
{
    if (strcmp(type, "s") == 0)
        mock_set_string(id, property, value);
    else if (strcmp(type, "b") == 0)
        mock_set_bool(id, property, boolean(value));
    else if (strcmp(type, "u") == 0)
        mock_set_u32(id, property, (uint32_t)number(value, UINT32_MAX));
    else if (strcmp(type, "t") == 0)
        mock_set_u64(id, property, number(value, UINT64_MAX));
    else
        usage();
}

int main(int argc, char **argv)
{
    if (argc < 2)
        usage();
    const char *cmd = argv[1];
    int n = argc - 2;
    char **a = argv + 2;
    if (strcmp(cmd, "serve") == 0 && n == 0)
        return serve();
    if (strcmp(cmd, "reset") == 0 && n == 0)
        mock_reset();
    else if (strcmp(cmd, "three-sessions") == 0 && n == 0)
        mock_add_three_sessions();
    else if (strcmp(cmd, "add") == 0 && n == 5)
        mock_add_session(a[0], a[1], (uint32_t)number(a[2], UINT32_MAX), a[3], boolean(a[4]));
    else if (strcmp(cmd, "remote") == 0 && n == 3)
        mock_make_remote(a[0], a[1], a[2]);
    else if (strcmp(cmd, "set") == 0 && n == 4)
        set(a[0], a[1], a[2], a[3]);
    else if (strcmp(cmd, "calls") == 0 && n == 1) {
        char first[256] = "";
        size_t count = mock_calls(a[0], first, sizeof(first));
        printf("%zu %s\n", count, first);
    } else if (strcmp(cmd, "clear-calls") == 0 && n == 0)
        mock_clear_calls();
    else
        usage();
    return 0;
}
