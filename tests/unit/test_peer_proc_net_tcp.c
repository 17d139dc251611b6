/* wtsd's parser of /proc/net/tcp and /proc/net/tcp6
 * (src/daemon/peer_proc_net_tcp.c): the lines as Linux writes them
 * (net/ipv4/tcp_ipv4.c get_tcp4_sock, net/ipv6/tcp_ipv6.c get_tcp6_sock;
 * the samples below are copied from a Debian 12 machine's files, the
 * addresses as a little-endian machine prints them), and the search for
 * the client end of a loopback connection.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#include "peer_proc_net_tcp.h"

#define HEADER4 "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
#define HEADER6 "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"

/* 127.0.0.1:41599 listening (uid 0); a connection 127.0.0.1:43104 ->
 * 127.0.0.1:41599 owned by uid 1000 (inode 81234), and wtsd's end of it;
 * a TIME_WAIT leftover of an older connection with the same ports as
 * another pair (uid 0, inode 0). */
static const char tcp4[] =
    HEADER4
    "   0: 0100007F:A27F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 81200 1 0000000000000000 100 0 0 10 0\n"
    "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000        0 81234 1 0000000000000000 20 4 30 10 -1\n"
    "   2: 0100007F:A27F 0100007F:A860 01 00000000:00000000 00:00000000 00000000     0        0 81235 1 0000000000000000 20 4 29 10 -1\n"
    "   3: 0100007F:A862 0100007F:A27F 06 00000000:00000000 03:00000DA5 00000000     0        0 0 3 0000000000000000\n";

static wtsd_tcp_endpoint v4(const char *text, uint16_t port)
{
    wtsd_tcp_endpoint e;
    memset(&e, 0, sizeof(e));
    e.family = AF_INET;
    assert_int_equal(inet_pton(AF_INET, text, e.addr), 1);
    e.port = port;
    return e;
}

static wtsd_tcp_endpoint v6(const char *text, uint16_t port)
{
    wtsd_tcp_endpoint e;
    memset(&e, 0, sizeof(e));
    e.family = AF_INET6;
    assert_int_equal(inet_pton(AF_INET6, text, e.addr), 1);
    e.port = port;
    return e;
}

static void parses_an_ipv4_line(void **state)
{
    (void)state;
    const char *line = "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000        0 81234 1 0000000000000000 20 4 30 10 -1";
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_parse_line(line, strlen(line), AF_INET, &s));
    wtsd_tcp_endpoint local = v4("127.0.0.1", 0xA860), remote = v4("127.0.0.1", 41599);
    assert_memory_equal(s.local.addr, local.addr, 4);
    assert_int_equal(s.local.port, 43104);
    assert_memory_equal(s.remote.addr, remote.addr, 4);
    assert_int_equal(s.remote.port, 41599);
    assert_int_equal(s.state, WTSD_TCP_ESTABLISHED);
    assert_int_equal(s.uid, 1000);
    assert_int_equal(s.inode, 81234);
}

static void parses_an_ipv6_line(void **state)
{
    (void)state;
    /* ::1 is printed as four 32-bit words, the last one 0x01000000. */
    const char *line = "   4: 00000000000000000000000001000000:D3AC 00000000000000000000000001000000:A20F 01 00000000:00000000 00:00000000 00000000  1001        0 99999 1 0000000000000000 20 4 0 10 -1";
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_parse_line(line, strlen(line), AF_INET6, &s));
    wtsd_tcp_endpoint lo = v6("::1", 0);
    assert_memory_equal(s.local.addr, lo.addr, 16);
    assert_int_equal(s.local.port, 0xD3AC);
    assert_int_equal(s.remote.port, 0xA20F);
    assert_int_equal(s.uid, 1001);
    assert_int_equal(s.inode, 99999);
    /* The same line is not an IPv4 one. */
    assert_false(wtsd_proc_net_tcp_parse_line(line, strlen(line), AF_INET, &s));
}

static void refuses_what_is_not_a_socket_line(void **state)
{
    (void)state;
    static const char *const bad[] = {
        HEADER4,
        "",
        "   0:",
        /* address of 7 hex digits */
        "   1: 100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 81234",
        /* not hex */
        "   1: 0100007G:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 81234",
        /* port of 5 digits */
        "   1: 0100007F:A8600 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 81234",
        /* uid not decimal, and past 32 bits */
        "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  10x0 0 81234",
        "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  4294967296 0 81234",
        /* inode past 64 bits */
        "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 18446744073709551616",
        /* no inode */
        "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0",
        /* no slot colon */
        "   1 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 81234",
        /* two lines in one */
        "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000\n 00000000  1000 0 81234",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        wtsd_proc_tcp_socket s;
        memset(&s, 0x5a, sizeof(s));
        wtsd_proc_tcp_socket before = s;
        assert_false(wtsd_proc_net_tcp_parse_line(bad[i], strlen(bad[i]), AF_INET, &s));
        assert_memory_equal(&s, &before, sizeof(s)); /* untouched */
    }
    const char *ok = "   1: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 81234";
    wtsd_proc_tcp_socket s;
    assert_false(wtsd_proc_net_tcp_parse_line(ok, strlen(ok), AF_UNIX, &s));
}

static void finds_the_client_end_of_a_connection(void **state)
{
    (void)state;
    wtsd_tcp_endpoint client = v4("127.0.0.1", 43104), server = v4("127.0.0.1", 41599);
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &client, &server, &s));
    assert_int_equal(s.uid, 1000);
    assert_int_equal(s.inode, 81234);
    /* The other way round is wtsd's own end (uid 0). */
    assert_true(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &server, &client, &s));
    assert_int_equal(s.uid, 0);
    assert_int_equal(s.inode, 81235);
}

static void skips_closed_and_unrelated_sockets(void **state)
{
    (void)state;
    wtsd_proc_tcp_socket s;
    /* TIME_WAIT: no process holds it; its uid 0 is nobody's. */
    wtsd_tcp_endpoint old = v4("127.0.0.1", 0xA862), server = v4("127.0.0.1", 41599);
    assert_false(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &old, &server, &s));
    /* The listening socket's remote end is 0.0.0.0:0. */
    wtsd_tcp_endpoint any = v4("0.0.0.0", 0);
    assert_false(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &server, &any, &s));
    /* Another port, another address, another family. */
    wtsd_tcp_endpoint other_port = v4("127.0.0.1", 43105), other_addr = v4("127.0.0.2", 43104);
    assert_false(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &other_port, &server, &s));
    assert_false(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &other_addr, &server, &s));
    wtsd_tcp_endpoint six = v6("::1", 43104);
    assert_false(wtsd_proc_net_tcp_find(tcp4, strlen(tcp4), AF_INET, &six, &server, &s));
}

static void a_socket_on_its_way_out_still_counts(void **state)
{
    (void)state;
    /* FIN_WAIT2 (05): the client shut down its side and still holds it. */
    static const char text[] =
        HEADER4
        "   0: 0100007F:A860 0100007F:A27F 05 00000000:00000000 00:00000000 00000000  1000 0 777 1\n";
    wtsd_tcp_endpoint client = v4("127.0.0.1", 43104), server = v4("127.0.0.1", 41599);
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_find(text, strlen(text), AF_INET, &client, &server, &s));
    assert_int_equal(s.state, WTSD_TCP_FIN_WAIT2);
    /* LISTEN (0A) with the same ends is not a connection. */
    static const char listen_line[] =
        "   0: 0100007F:A860 0100007F:A27F 0A 00000000:00000000 00:00000000 00000000  1000 0 777 1\n";
    assert_false(wtsd_proc_net_tcp_find(listen_line, strlen(listen_line), AF_INET, &client, &server, &s));
}

static void reads_a_file_without_a_final_newline_and_skips_garbage(void **state)
{
    (void)state;
    static const char text[] =
        "garbage line\n\n\r\n"
        "   0: 0100007F:A860 0100007F:A27F 01 00000000:00000000 00:00000000 00000000  1000 0 4242";
    wtsd_tcp_endpoint client = v4("127.0.0.1", 43104), server = v4("127.0.0.1", 41599);
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_find(text, strlen(text), AF_INET, &client, &server, &s));
    assert_int_equal(s.inode, 4242);
    /* Cut one byte short, the inode reads 424: still a line, another inode. */
    assert_true(wtsd_proc_net_tcp_find(text, strlen(text) - 1, AF_INET, &client, &server, &s));
    assert_int_equal(s.inode, 424);
    assert_false(wtsd_proc_net_tcp_find(text, 0, AF_INET, &client, &server, &s));
}

static void finds_an_ipv6_connection(void **state)
{
    (void)state;
    static const char text[] =
        HEADER6
        "   0: 00000000000000000000000001000000:D3AC 00000000000000000000000001000000:A20F 01 00000000:00000000 00:00000000 00000000  1001        0 99999 1 0000000000000000 20 4 0 10 -1\n";
    wtsd_tcp_endpoint client = v6("::1", 0xD3AC), server = v6("::1", 0xA20F);
    wtsd_proc_tcp_socket s;
    assert_true(wtsd_proc_net_tcp_find(text, strlen(text), AF_INET6, &client, &server, &s));
    assert_int_equal(s.uid, 1001);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_an_ipv4_line),
        cmocka_unit_test(parses_an_ipv6_line),
        cmocka_unit_test(refuses_what_is_not_a_socket_line),
        cmocka_unit_test(finds_the_client_end_of_a_connection),
        cmocka_unit_test(skips_closed_and_unrelated_sockets),
        cmocka_unit_test(a_socket_on_its_way_out_still_counts),
        cmocka_unit_test(reads_a_file_without_a_final_newline_and_skips_garbage),
        cmocka_unit_test(finds_an_ipv6_connection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
