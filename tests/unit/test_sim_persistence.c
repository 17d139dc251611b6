/* The sim backend's state file: created at open, every change in it
 * before the call returns, a reopen giving back the same world, a change
 * that cannot be written undone, and a process killed (SIGKILL) at any
 * moment never leaving a torn file. Scenario files are only read: the
 * examples directory is checked to be as it was. What the sim promises
 * here is include/openwts/sim.h's and docs/sim-scenarios.md's.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "openwts/sim.h"
#include "openwts/utf8.h"
#include "sim_backend.h"
#include "sim_scenario.h"
#include "sim_store.h"

#define EXAMPLE OPENWTS_SCENARIO_DIR "/terminal-server.json"
#define POISON 0xDEADBEEFu

static char dir[64], state_path[128], err[512];
static openwts_Caller admin;
static size_t n_events;

static void count_events(void *ctx, uint32_t id, openwts_event_kind kind)
{
    (void)ctx; (void)id; (void)kind;
    n_events++;
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char child[512];
        snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
        struct stat st;
        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(child);
        else
            unlink(child);
    }
    closedir(d);
    rmdir(path);
}

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof(dir), "%s/openwts-sim-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    snprintf(state_path, sizeof(state_path), "%s/state.json", dir);
    memset(&admin, 0, sizeof(admin));
    OPENWTS_SET_STRING(admin.user, "Administrator");
    admin.privileged = true;
    n_events = 0;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(dir);
    return 0;
}

static const openwts_backend *open_ok(const char *scenario, const char *state)
{
    const openwts_backend *be = NULL;
    openwts_status st = openwts_sim_open(scenario, state, &be, err, sizeof(err));
    if (st != OPENWTS_OK)
        fail_msg("open: %u %s", st, err);
    return be;
}

static const sim_model *model(const openwts_backend *be)
{
    return &((const sim *)be->data)->model;
}

/* The model as the writer spells it: equal texts, equal models. */
static char *snapshot(const openwts_backend *be)
{
    size_t len;
    char *text = sim_scenario_write(model(be), &len);
    assert_non_null(text);
    return text;
}

static char *read_text(const char *path)
{
    char *text;
    size_t len;
    assert_int_equal(sim_store_read(path, &text, &len, err, sizeof(err)), OPENWTS_OK);
    return text;
}

/* The examples directory: names, sizes, modification times. */
static char *examples_listing(void)
{
    DIR *d = opendir(OPENWTS_SCENARIO_DIR);
    assert_non_null(d);
    size_t cap = 4096, n = 0;
    char *out = calloc(1, cap);
    assert_non_null(out);
    struct dirent *e;
    char *names[64];
    size_t count = 0;
    while ((e = readdir(d)) && count < 64)
        names[count++] = strdup(e->d_name);
    closedir(d);
    /* readdir's order is the file system's: sort for a stable listing. */
    for (size_t i = 1; i < count; i++)
        for (size_t k = i; k > 0 && strcmp(names[k - 1], names[k]) > 0; k--) {
            char *t = names[k];
            names[k] = names[k - 1];
            names[k - 1] = t;
        }
    for (size_t i = 0; i < count; i++) {
        char path[512];
        struct stat st;
        snprintf(path, sizeof(path), "%s/%s", OPENWTS_SCENARIO_DIR, names[i]);
        assert_int_equal(stat(path, &st), 0);
        n += (size_t)snprintf(out + n, cap - n, "%s %lld %lld.%09ld\n", names[i],
                              (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                              st.st_mtim.tv_nsec);
        free(names[i]);
        assert_true(n < cap);
    }
    return out;
}

static void state_written_at_open_scenario_never(void **state)
{
    (void)state;
    char *before = examples_listing();
    char *example_text = read_text(EXAMPLE);

    /* No state file: changes stay in memory. */
    const openwts_backend *be = open_ok(EXAMPLE, NULL);
    assert_int_equal(be->disconnect_session(be, &admin, "", 2, true), OPENWTS_OK);
    openwts_sim_close(be);

    /* A state file: written at once, readable by its owner only. */
    assert_false(sim_store_exists(state_path));
    be = open_ok(EXAMPLE, state_path);
    struct stat st;
    assert_int_equal(stat(state_path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    char *expected = snapshot(be);
    char *written = read_text(state_path);
    assert_string_equal(written, expected);
    assert_int_equal(be->disconnect_session(be, &admin, "", 2, true), OPENWTS_OK);
    openwts_sim_close(be);

    char *after = examples_listing();
    assert_string_equal(before, after);
    char *example_after = read_text(EXAMPLE);
    assert_string_equal(example_text, example_after);
    free(before);
    free(after);
    free(example_text);
    free(example_after);
    free(expected);
    free(written);
}

/* Every kind of change, then a reopen from the state file alone. */
static void changes_survive_a_reopen(void **state)
{
    (void)state;
    const openwts_backend *be = open_ok(EXAMPLE, state_path);
    uint32_t response, id;
    openwts_Session s = openwts_Session_init_zero;
    OPENWTS_SET_STRING(s.user, "carol");
    OPENWTS_SET_STRING(s.client_name, "PAD-CAROL");
    s.client_address_family = 23;
    s.client_address.size = 16;
    s.client_address.bytes[0] = 0xfe;
    s.client_address.bytes[1] = 0x80;
    s.client_address.bytes[15] = 7;
    s.logon_time = 133594561640000123ll;
    s.lock_state = 1;
    assert_int_equal(be->disconnect_session(be, &admin, "", 1, true), OPENWTS_OK);
    assert_int_equal(be->connect_session(be, &admin, 3, 3, "battery staple", true), OPENWTS_OK);
    assert_int_equal(be->lock_session(be, &admin, "", 2, true), OPENWTS_OK);
    assert_int_equal(be->send_message(be, &admin, "", 2, "Title \xe2\x82\xac", "Body\n\"x\"", 0x24,
                                      15, true, &response), OPENWTS_OK);
    assert_int_equal(be->terminate_process(be, &admin, "", 684, 7), OPENWTS_OK);
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    assert_int_equal(be->logoff_session(be, &admin, "", 2, true), OPENWTS_OK);
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), OPENWTS_OK);
    char *before = snapshot(be);
    openwts_sim_close(be);

    /* The state file wins over the scenario: this one does not exist. */
    be = open_ok(OPENWTS_SCENARIO_DIR "/no-such-scenario.json", state_path);
    char *after = snapshot(be);
    assert_string_equal(before, after);
    openwts_Session q;
    assert_int_equal(be->query_session(be, &admin, "", 1, &q), OPENWTS_OK);
    assert_int_equal(q.state, OPENWTS_STATE_DISCONNECTED);
    assert_int_equal(be->query_session(be, &admin, "", 2, &q), OPENWTS_OK);
    assert_string_equal(q.user, "carol"); /* the second add took the freed id */
    assert_int_equal(q.logon_time, 133594561640000123ll);
    assert_int_equal(q.client_address.bytes[15], 7);
    assert_null(sim_model_find_process(model(be), 684, NULL));
    assert_int_equal(model(be)->last_ended_pid, 684);
    assert_int_equal(model(be)->last_ended_exit_code, 7);
    openwts_sim_close(be);
    free(before);
    free(after);
}

static void open_errors_name_the_file(void **state)
{
    (void)state;
    static const openwts_backend untouched;
    const openwts_backend *be = &untouched; /* must stay as it is */
    assert_int_equal(openwts_sim_open(NULL, NULL, &be, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(openwts_sim_open(EXAMPLE, NULL, NULL, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_PARAMETER);
    assert_int_equal(openwts_sim_open(NULL, state_path, &be, err, sizeof(err)),
                     OPENWTS_ERROR_FILE_NOT_FOUND);
    assert_non_null(strstr(err, state_path));
    char missing[160];
    snprintf(missing, sizeof(missing), "%s/missing.json", dir);
    assert_int_equal(openwts_sim_open(missing, NULL, &be, err, sizeof(err)),
                     OPENWTS_ERROR_FILE_NOT_FOUND);
    char expected[512];
    snprintf(expected, sizeof(expected), "%s: No such file or directory", missing);
    assert_string_equal(err, expected);

    /* Syntax: FILE:LINE:COLUMN; meaning: FILE: PATH. */
    char bad[160];
    snprintf(bad, sizeof(bad), "%s/bad.json", dir);
    FILE *f = fopen(bad, "w");
    assert_non_null(f);
    fputs("{\n  \"sessions\": [\n    {\"id\": 1,}\n  ]\n}\n", f);
    fclose(f);
    assert_int_equal(openwts_sim_open(bad, NULL, &be, err, sizeof(err)), OPENWTS_ERROR_INVALID_DATA);
    snprintf(expected, sizeof(expected), "%s:3:14: ", bad); /* the '}' after "1," */
    assert_memory_equal(err, expected, strlen(expected));
    f = fopen(bad, "w");
    assert_non_null(f);
    fputs("{\"sessions\": [{\"id\": 1}, {\"id\": 2, \"state\": \"Asleep\"}]}", f);
    fclose(f);
    assert_int_equal(openwts_sim_open(bad, NULL, &be, err, sizeof(err)), OPENWTS_ERROR_INVALID_DATA);
    snprintf(expected, sizeof(expected), "%s: sessions[1].state: unknown name \"Asleep\"", bad);
    assert_memory_equal(err, expected, strlen(expected));

    /* A bad state file is refused too, and not rewritten from the scenario. */
    assert_int_equal(openwts_sim_open(EXAMPLE, bad, &be, err, sizeof(err)),
                     OPENWTS_ERROR_INVALID_DATA);
    assert_memory_equal(err, expected, strlen(expected));
    char *still = read_text(bad);
    assert_non_null(strstr(still, "Asleep"));
    free(still);

    /* A state file that cannot be created: said at open. */
    char nowhere[160];
    snprintf(nowhere, sizeof(nowhere), "%s/no-dir/state.json", dir);
    assert_int_equal(openwts_sim_open(EXAMPLE, nowhere, &be, err, sizeof(err)),
                     SIM_ERROR_PATH_NOT_FOUND);
    assert_non_null(strstr(err, "no-dir/state.json: cannot create the temporary file"));
    assert_ptr_equal(be, &untouched);
    /* No room for a message: none written, still refused. */
    assert_int_equal(openwts_sim_open(bad, NULL, &be, NULL, 0), OPENWTS_ERROR_INVALID_DATA);
}

/* With the state file's directory gone, no change can be written: each
 * is undone, reported as the write's error, and announces nothing. */
static void a_change_that_cannot_be_written_is_undone(void **state)
{
    (void)state;
    char sub[128], path[160];
    snprintf(sub, sizeof(sub), "%s/d", dir);
    snprintf(path, sizeof(path), "%s/state.json", sub);
    assert_int_equal(mkdir(sub, 0700), 0);
    const openwts_backend *be = open_ok(EXAMPLE, path);
    be->set_event_sink(be, count_events, NULL);
    char *before = snapshot(be);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(rmdir(sub), 0);

    uint32_t response = POISON, id = POISON;
    openwts_Session s = openwts_Session_init_zero;
    s.lock_state = -1;
    assert_int_equal(be->disconnect_session(be, &admin, "", 2, true), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->connect_session(be, &admin, 3, 2, "", true), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->logoff_session(be, &admin, "", 2, true), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->remove_session(be, &admin, "", 3), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->lock_session(be, &admin, "", 2, true), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->terminate_process(be, &admin, "", 2216, 1), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->terminate_process(be, &admin, "", 4, 1), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->send_message(be, &admin, "", 2, "t", "m", 0, 0, true, &response),
                     SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(be->add_session(be, &admin, "", &s, &id), SIM_ERROR_PATH_NOT_FOUND);
    assert_int_equal(response, POISON);
    assert_int_equal(id, POISON);
    assert_int_equal(n_events, 0);
    char *after = snapshot(be);
    assert_string_equal(before, after); /* processes back in their places too */
    free(after);

    /* Once the directory is back, changes are written again. */
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(be->disconnect_session(be, &admin, "", 2, true), OPENWTS_OK);
    assert_int_equal(n_events, 1);
    after = snapshot(be);
    char *written = read_text(path);
    assert_string_equal(written, after);
    openwts_sim_close(be);
    free(before);
    free(after);
    free(written);
}

/* The child's work: one change after another, each acknowledged on `fd`
 * once its call returned. Change m adds session 100 + m for user "u<m>". */
static void add_session_m(const openwts_backend *be, uint32_t m, openwts_status *st)
{
    openwts_Session s = openwts_Session_init_zero;
    s.id = 100 + m;
    snprintf(s.user, sizeof(s.user), "u%u", (unsigned)m);
    s.lock_state = 1;
    s.state = m % 2 ? OPENWTS_STATE_ACTIVE : OPENWTS_STATE_DISCONNECTED;
    uint32_t id;
    *st = be->add_session(be, &admin, "", &s, &id);
}

static uint32_t added_count(const openwts_backend *be)
{
    uint32_t k = 0;
    while (sim_model_find(model(be), 100 + k + 1, NULL))
        k++;
    return k;
}

static void child(int fd)
{
    const openwts_backend *be = NULL;
    if (openwts_sim_open(NULL, state_path, &be, NULL, 0) != OPENWTS_OK)
        _exit(2);
    for (uint32_t m = added_count(be) + 1;; m++) {
        openwts_status st;
        add_session_m(be, m, &st);
        if (st != OPENWTS_OK || write(fd, &m, sizeof(m)) != (ssize_t)sizeof(m))
            _exit(3);
    }
}

/* splitmix64, fixed seed: the same "random" moments on every run. */
static uint64_t rng(void)
{
    static uint64_t s = 0x5EED5EED5EED5EEDull;
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

#define ROUNDS 30

/* A child changes the state in a loop and is killed with SIGKILL at a
 * random moment, over and over. Each time, the state file must open, and
 * hold exactly the world after some k changes, where k is at least the
 * number the child saw acknowledged and at most one more (the change in
 * flight). The expected world for k is rebuilt in memory by the same
 * changes, and compared as text. */
static void sigkill_never_tears_the_state(void **state)
{
    (void)state;
    openwts_sim_close(open_ok(EXAMPLE, state_path));
    const openwts_backend *expected = open_ok(EXAMPLE, NULL);
    uint32_t expected_k = 0, kills_mid_run = 0;
    for (int round = 0; round < ROUNDS; round++) {
        int fds[2];
        assert_int_equal(pipe(fds), 0);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(fds[0]);
            child(fds[1]);
        }
        close(fds[1]);
        struct timespec delay = { 0, (long)(rng() % 25000000) }; /* up to 25 ms */
        nanosleep(&delay, NULL);
        assert_int_equal(kill(pid, SIGKILL), 0);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (!WIFSIGNALED(status))
            fail_msg("the child ended by itself: status %d", status);
        uint32_t acked = expected_k, m;
        while (read(fds[0], &m, sizeof(m)) == (ssize_t)sizeof(m))
            acked = m;
        close(fds[0]);

        const openwts_backend *be = open_ok(NULL, state_path);
        uint32_t k = added_count(be);
        if (k < acked || k > acked + 1)
            fail_msg("round %d: %u changes in the file, %u acknowledged", round, k, acked);
        kills_mid_run += k > expected_k;
        while (expected_k < k) {
            openwts_status st;
            add_session_m(expected, ++expected_k, &st);
            assert_int_equal(st, OPENWTS_OK);
        }
        char *got = snapshot(be), *want = snapshot(expected);
        if (strcmp(got, want) != 0)
            fail_msg("round %d: the state after %u changes differs from the one written", round, k);
        free(got);
        free(want);
        openwts_sim_close(be);
    }
    openwts_sim_close(expected);
    /* The test means something only if children got changes through. */
    assert_true(kills_mid_run >= ROUNDS / 3);
    print_message("%u changes over %d kills\n", expected_k, ROUNDS);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(state_written_at_open_scenario_never),
        T(changes_survive_a_reopen),
        T(open_errors_name_the_file),
        T(a_change_that_cannot_be_written_is_undone),
        T(sigkill_never_tears_the_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
