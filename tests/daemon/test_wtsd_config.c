/* wtsd's settings: the config file (src/daemon/config_file.c), the
 * command line over it (options.c) and TCP listen addresses
 * (listen_address.c). What each setting means is docs/wtsd.md's.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config_file.h"
#include "listen_address.h"
#include "options.h"

static bool parse(const char *text, wtsd_options *o, char *err, size_t n)
{
    return wtsd_config_parse("wtsd.json", text, strlen(text), "/etc/openwts", o, err, n);
}

static void every_setting_is_read(void **state)
{
    (void)state;
    wtsd_options o;
    assert_true(wtsd_options_init(&o));
    char err[256];
    const char *text =
        "{\n"
        "  \"backend\": \"sim\",\n"
        "  \"scenario\": \"scenarios/ts.json\",\n"
        "  \"state\": \"/var/lib/openwts/state.json\",\n"
        "  \"bus\": \"unix:path=/run/dbus/system_bus_socket\",\n"
        "  \"socket\": \"/run/wtsd.sock\",\n"
        "  \"socket_mode\": \"0660\",\n"
        "  \"listen\": [\"127.0.0.1:3390\", \"[::1]:3390\"],\n"
        "  \"key_file\": \"key\",\n"
        "  \"remote_user\": \"alice\",\n"
        "  \"admin_group\": \"wtsadmin\",\n"
        "  \"key_on_loopback\": true,\n"
        "  \"log_level\": \"debug\",\n"
        "  \"read_timeout\": 5,\n"
        "  \"send_timeout\": 7,\n"
        "  \"max_clients\": 9,\n"
        "  \"max_output\": 65536\n"
        "}\n";
    assert_true(parse(text, &o, err, sizeof(err)));
    assert_string_equal(o.backend, "sim");
    /* Relative paths start from the config file's directory. */
    assert_string_equal(o.scenario, "/etc/openwts/scenarios/ts.json");
    assert_string_equal(o.state, "/var/lib/openwts/state.json");
    assert_string_equal(o.bus, "unix:path=/run/dbus/system_bus_socket");
    assert_string_equal(o.socket_path, "/run/wtsd.sock");
    assert_int_equal(o.socket_mode, 0660);
    assert_int_equal(o.n_listen, 2);
    assert_string_equal(o.listen[0], "127.0.0.1:3390");
    assert_string_equal(o.listen[1], "[::1]:3390");
    assert_string_equal(o.key_file, "/etc/openwts/key");
    assert_string_equal(o.remote_user, "alice");
    assert_string_equal(o.admin_group, "wtsadmin");
    assert_true(o.key_on_loopback);
    assert_int_equal(o.log_level, WTSD_LOG_DEBUG);
    assert_int_equal(o.read_timeout, 5);
    assert_int_equal(o.send_timeout, 7);
    assert_int_equal(o.max_clients, 9);
    assert_int_equal(o.max_output, 65536);
    wtsd_options_free(&o);
}

static void defaults_stay_and_null_changes_nothing(void **state)
{
    (void)state;
    wtsd_options o;
    assert_true(wtsd_options_init(&o));
    char err[256];
    assert_true(parse("{ \"scenario\": null, \"socket\": null }", &o, err, sizeof(err)));
    assert_null(o.scenario);
    assert_string_equal(o.socket_path, WTSD_DEFAULT_SOCKET);
    assert_int_equal(o.socket_mode, WTSD_DEFAULT_SOCKET_MODE);
    assert_int_equal(o.read_timeout, WTSD_DEFAULT_READ_TIMEOUT);
    assert_int_equal(o.max_output, WTSD_DEFAULT_MAX_OUTPUT);
    /* "" for the socket: no Unix socket at all. */
    assert_true(parse("{ \"socket\": \"\" }", &o, err, sizeof(err)));
    assert_string_equal(o.socket_path, "");
    wtsd_options_free(&o);
}

/* Each refused text, and the start of its message. */
static void bad_files_are_refused_with_where(void **state)
{
    (void)state;
    static const struct {
        const char *text, *message;
    } cases[] = {
        { "{\n  \"backend\": \"sim\",\n  \"listen\": [ \"a\" \"b\" ]\n}", "wtsd.json:3:19: " },
        { "", "wtsd.json:1:1: empty input" },
        { "{ \"backend\": ", "wtsd.json:1:14: unexpected end of input" },
        { "{} {}", "wtsd.json:1:4: " },
        { "[]", "wtsd.json: expected an object of settings" },
        { "{ \"backend\": \"vmware\" }", "wtsd.json: backend: \"vmware\" is not built into this wtsd (built in: sim, logind)" },
        { "{ \"bus\": \"\" }", "wtsd.json: bus: empty" },
        { "{ \"backend\": 3 }", "wtsd.json: backend: expected a string" },
        { "{ \"sockt\": \"/x\" }", "wtsd.json: sockt: unknown member" },
        { "{ \"socket_mode\": 438 }", "wtsd.json: socket_mode: expected a string" },
        { "{ \"socket_mode\": \"0999\" }", "wtsd.json: socket_mode: expected octal" },
        { "{ \"listen\": \"127.0.0.1:1\" }", "wtsd.json: listen: expected an array" },
        { "{ \"listen\": [ \"\" ] }", "wtsd.json: listen[0]: empty" },
        { "{ \"listen\": [ \"x:1\", 2 ] }", "wtsd.json: listen[1]: expected a string" },
        { "{ \"read_timeout\": 0 }", "wtsd.json: read_timeout: out of range (1 to 3600)" },
        { "{ \"read_timeout\": 3601 }", "wtsd.json: read_timeout: out of range" },
        { "{ \"read_timeout\": 1.5 }", "wtsd.json: read_timeout: expected a whole number" },
        { "{ \"max_output\": 100 }", "wtsd.json: max_output: out of range" },
        { "{ \"max_clients\": -1 }", "wtsd.json: max_clients: out of range" },
        { "{ \"log_level\": \"loud\" }", "wtsd.json: log_level: expected" },
        { "{ \"key_on_loopback\": 1 }", "wtsd.json: key_on_loopback: expected true or false" },
        { "{ \"remote_user\": \"\" }", "wtsd.json: remote_user: empty" },
        { "{ \"scenario\": \"\" }", "wtsd.json: scenario: empty" },
        { "{ \"scenario\": \"a\\u0000b\" }", "wtsd.json: scenario: contains a NUL character" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        wtsd_options o;
        assert_true(wtsd_options_init(&o));
        char err[256] = "";
        if (parse(cases[i].text, &o, err, sizeof(err)))
            fail_msg("accepted: %s", cases[i].text);
        if (strncmp(err, cases[i].message, strlen(cases[i].message)) != 0)
            fail_msg("for %s: \"%s\", expected it to start with \"%s\"", cases[i].text, err,
                     cases[i].message);
        wtsd_options_free(&o);
    }
}

static void a_nul_byte_ends_nothing(void **state)
{
    (void)state;
    wtsd_options o;
    assert_true(wtsd_options_init(&o));
    char err[256];
    static const char text[] = "{ \"socket\": \"/a\" }\0{ \"socket\": \"/b\" }";
    assert_false(wtsd_config_parse("wtsd.json", text, sizeof(text) - 1, "", &o, err, sizeof(err)));
    assert_string_equal(err, "wtsd.json:1:19: unexpected character");
    wtsd_options_free(&o);
}

static int run_cli(wtsd_options *o, const char *const *args)
{
    char *argv[32];
    int argc = 0;
    argv[argc++] = (char *)"wtsd";
    for (; *args; args++)
        argv[argc++] = (char *)*args;
    argv[argc] = NULL;
    return (int)wtsd_options_from_command_line(o, argc, argv);
}

static void the_command_line_goes_over_the_config_file(void **state)
{
    (void)state;
    char dir[] = "/tmp/wtsd-config-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof(path), "%s/wtsd.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{ \"scenario\": \"ts.json\", \"listen\": [\"127.0.0.1:1\", \"127.0.0.1:2\"],"
          "  \"read_timeout\": 4, \"log_level\": \"warn\" }", f);
    fclose(f);

    wtsd_options o;
    assert_true(wtsd_options_init(&o));
    const char *args[] = { "--config", path, "--read-timeout", "8", "--listen", "[::1]:3", NULL };
    assert_int_equal(run_cli(&o, args), WTSD_CLI_RUN);
    char want[160];
    snprintf(want, sizeof(want), "%s/ts.json", dir);
    assert_string_equal(o.scenario, want);
    assert_int_equal(o.read_timeout, 8);
    assert_int_equal(o.log_level, WTSD_LOG_WARN);
    /* The command line's addresses replace the file's. */
    assert_int_equal(o.n_listen, 1);
    assert_string_equal(o.listen[0], "[::1]:3");
    wtsd_options_free(&o);

    static const char *const bad[][8] = {
        { "--scenario", "x", "--read-timeout", "0", NULL },
        { "--scenario", "x", "--socket-mode", "8", NULL },
        { "--scenario", "x", "--log-level", "noisy", NULL },
        { "--scenario", "x", "--backend", "vmware", NULL },
        { "--scenario", "x", "--backend", "logind", NULL },      /* a scenario for logind */
        { "--scenario", "x", "--bus", "unix:path=/b", NULL },    /* a bus for the sim */
        { "--scenario", "x", "--key-file", "k", NULL },          /* no remote user */
        { "--scenario", "x", "--key-on-loopback", NULL },        /* no key */
        { "--scenario", "x", "--socket", "", NULL },             /* nothing to listen on */
        { "--socket", "/x", NULL },                             /* no scenario */
        { "--scenario", "x", "--max-clients", NULL },           /* no value */
        { "--scenario", "x", "--frobnicate", NULL },
        { "--scenario", "x", "extra", NULL },
        { "--config", "/nonexistent/wtsd.json", NULL },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_true(wtsd_options_init(&o));
        if (run_cli(&o, bad[i]) != WTSD_CLI_USAGE)
            fail_msg("case %zu accepted", i);
        wtsd_options_free(&o);
    }
    assert_true(wtsd_options_init(&o));
    const char *logind[] = { "--backend", "logind", "--bus", "unix:path=/run/b", NULL };
    assert_int_equal(run_cli(&o, logind), WTSD_CLI_RUN);
    assert_string_equal(o.backend, "logind");
    assert_string_equal(o.bus, "unix:path=/run/b");
    wtsd_options_free(&o);
    assert_true(wtsd_options_init(&o));
    const char *help[] = { "--scenario", "x", "--help", NULL };
    assert_int_equal(run_cli(&o, help), WTSD_CLI_EXIT);
    wtsd_options_free(&o);
    unlink(path);
    rmdir(dir);
}

static void listen_addresses(void **state)
{
    (void)state;
    char host[64];
    uint16_t port;
    assert_true(wtsd_listen_address_split("127.0.0.1:3390", host, sizeof(host), &port));
    assert_string_equal(host, "127.0.0.1");
    assert_int_equal(port, 3390);
    assert_true(wtsd_listen_address_split("[::1]:0", host, sizeof(host), &port));
    assert_string_equal(host, "::1");
    assert_int_equal(port, 0);
    assert_true(wtsd_listen_address_split("localhost:65535", host, sizeof(host), &port));
    assert_string_equal(host, "localhost");
    assert_int_equal(port, 65535);
    /* Without a port: OpenWTS's 7389 (src/dll/server_binding.h). */
    assert_true(wtsd_listen_address_split("127.0.0.1", host, sizeof(host), &port));
    assert_string_equal(host, "127.0.0.1");
    assert_int_equal(port, 7389);
    assert_true(wtsd_listen_address_split("[::1]", host, sizeof(host), &port));
    assert_string_equal(host, "::1");
    assert_int_equal(port, 7389);
    static const char *const bad[] = { "", "127.0.0.1:", ":3390", "::1", "::1:3390", "[::1]3390",
                                       "[::1:3390", "[]:1", "[]", "host:65536", "host:-1", "host:1x",
                                       "host:000001" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        if (wtsd_listen_address_split(bad[i], host, sizeof(host), &port))
            fail_msg("accepted %s", bad[i]);
    /* A host longer than the room given. */
    assert_false(wtsd_listen_address_split("abcdefgh:1", host, 8, &port));
    assert_true(wtsd_listen_address_split("abcdefg:1", host, 8, &port));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_setting_is_read),
        cmocka_unit_test(defaults_stay_and_null_changes_nothing),
        cmocka_unit_test(bad_files_are_refused_with_where),
        cmocka_unit_test(a_nul_byte_ends_nothing),
        cmocka_unit_test(the_command_line_goes_over_the_config_file),
        cmocka_unit_test(listen_addresses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
