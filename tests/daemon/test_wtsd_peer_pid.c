/* Which process wtsd names as a socket's holder (src/daemon/peer_pid.c):
 * when a Wine server holds the socket beside a program (Wine makes every
 * socket of its programs in the wineserver and hands the program a copy),
 * the program; the wineserver only when nothing else holds it. This test
 * process plays the wineserver (its kernel name set to "wineserver64", as
 * Debian's is called) and makes the socket; a child it starts plays the
 * program. The child has the higher pid, so the wineserver is the first
 * holder in /proc, as in a prefix whose wineserver was there before the
 * program.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "peer.h"

static uint64_t inode_of(int fd)
{
    struct stat st;
    assert_int_equal(fstat(fd, &st), 0);
    return (uint64_t)st.st_ino;
}

/* The children started and not yet stopped, and this process's own name:
 * the teardown ends the ones a failed assertion left and puts the name
 * back. */
static pid_t holders[2];
static char own_name[32];

/* A child that holds what this process holds, under another name, until
 * it is killed (or this process ends). */
static pid_t start_holder(const char *name)
{
    int ready[2];
    assert_int_equal(pipe(ready), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* ends with the test, however it ends */
        prctl(PR_SET_NAME, name);
        close(ready[0]);
        if (write(ready[1], "x", 1) != 1)
            _exit(1);
        for (;;)
            pause();
    }
    for (size_t i = 0; i < 2; i++) {
        if (!holders[i]) {
            holders[i] = pid;
            break;
        }
    }
    close(ready[1]);
    char c;
    assert_int_equal(read(ready[0], &c, 1), 1);
    close(ready[0]);
    return pid;
}

static void stop_holder(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    for (size_t i = 0; i < 2; i++) {
        if (holders[i] == pid)
            holders[i] = 0;
    }
}

static int keep_name(void **state)
{
    (void)state;
    return prctl(PR_GET_NAME, own_name);
}

static int stop_holders(void **state)
{
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        if (holders[i])
            stop_holder(holders[i]);
    }
    return prctl(PR_SET_NAME, own_name);
}

static void the_program_not_the_wineserver(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    uint64_t inode = inode_of(sv[0]);

    /* Alone, a process that is not a wineserver is named. */
    assert_int_equal(wtsd_peer_pid_of_socket(inode, getuid()), getpid());

    assert_int_equal(prctl(PR_SET_NAME, "wineserver64"), 0);
    pid_t program = start_holder("test.exe");
    assert_true(program > getpid());
    assert_int_equal(wtsd_peer_pid_of_socket(inode, getuid()), program);
    /* The program gone: the wineserver is all there is. */
    stop_holder(program);
    assert_int_equal(wtsd_peer_pid_of_socket(inode, getuid()), getpid());
    /* Two wineservers: the first of them. */
    pid_t other_server = start_holder("wineserver");
    assert_int_equal(wtsd_peer_pid_of_socket(inode, getuid()), getpid());
    stop_holder(other_server);

    assert_int_equal(prctl(PR_SET_NAME, own_name), 0);
    close(sv[0]);
    close(sv[1]);
    /* Nobody holds it any more. */
    assert_int_equal(wtsd_peer_pid_of_socket(inode, getuid()), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(the_program_not_the_wineserver, keep_name, stop_holders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
