/* bench_echo: the native end of the benchmark's round-trip baselines
 * (README, "Speed"). A Linux program, built by bench/run.sh with the host's
 * compiler; it listens on 127.0.0.1 only.
 *
 *   bench_echo PORT_FILE     serve on a free loopback port, written to PORT_FILE
 *
 * Each connection is served by a process of its own. A message is a request
 * of N bytes whose first 8 are N and M (two little-endian 32-bit numbers,
 * N >= 8); the answer is M bytes. So wtsbench.exe, under Wine, times a raw
 * Winsock round trip with the byte counts of a call to wtsd, against the
 * same kernel and loopback wtsd is reached through.
 *
 * A message with N = 0 asks for the native figure instead: M pairs (N, M)
 * follow; the process serving it connects to this server (another process
 * answers) and times that sequence of round trips, blocking send and recv
 * as the Winsock side does, best of ROUNDS rounds of about ROUND_MS, and
 * answers the ns per sequence as 8 bytes (a double).
 *
 * Bounded: the server exits on SIGTERM or after LIFETIME_S; a connection's
 * process ends with its connection, when its parent dies, or after
 * LIFETIME_S.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LIFETIME_S 900
#define MAX_MESSAGE (16u << 20)
#define MAX_PAIRS 8
#define ROUNDS 25
#define ROUND_MS 4

static uint16_t port;
static uint8_t *buffer;

static int read_all(int fd, void *p, size_t n)
{
    for (size_t got = 0; got < n;) {
        ssize_t k = read(fd, (char *)p + got, n - got);
        if (k <= 0) {
            if (k < 0 && errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)k;
    }
    return 0;
}

static int write_all(int fd, const void *p, size_t n)
{
    for (size_t put = 0; put < n;) {
        ssize_t k = write(fd, (const char *)p + put, n - put);
        if (k <= 0) {
            if (k < 0 && errno == EINTR)
                continue;
            return -1;
        }
        put += (size_t)k;
    }
    return 0;
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void no_delay(int fd)
{
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

/* One sequence of round trips on fd: -1 when the connection failed. */
static int round_trips(int fd, const uint32_t (*pairs)[2], uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) {
        put32(buffer, pairs[i][0]);
        put32(buffer + 4, pairs[i][1]);
        if (write_all(fd, buffer, pairs[i][0]) || read_all(fd, buffer, pairs[i][1]))
            return -1;
    }
    return 0;
}

/* The native figure: ns per sequence, best round. */
static double native_figure(const uint32_t (*pairs)[2], uint32_t count)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof(a)))
        return -1;
    no_delay(fd);
    long n = 16;
    for (;; n *= 2) { /* calls per round: about ROUND_MS */
        double t = now_ns();
        for (long i = 0; i < n; i++)
            if (round_trips(fd, pairs, count))
                return -1;
        double ms = (now_ns() - t) / 1e6;
        if (ms >= ROUND_MS / 2.0) {
            n = (long)((double)n * ROUND_MS / ms) + 1;
            break;
        }
    }
    double best = -1;
    for (int r = 0; r < ROUNDS; r++) {
        double t = now_ns();
        for (long i = 0; i < n; i++)
            if (round_trips(fd, pairs, count))
                return -1;
        double ns = (now_ns() - t) / (double)n;
        if (best < 0 || ns < best)
            best = ns;
    }
    close(fd);
    return best;
}

static void serve(int fd)
{
    no_delay(fd);
    uint8_t head[8];
    while (read_all(fd, head, 8) == 0) {
        uint32_t n = get32(head), m = get32(head + 4);
        if (n == 0) {
            uint32_t pairs[MAX_PAIRS][2];
            uint8_t raw[MAX_PAIRS * 8];
            if (m == 0 || m > MAX_PAIRS || read_all(fd, raw, m * 8))
                return;
            for (uint32_t i = 0; i < m; i++) {
                pairs[i][0] = get32(raw + 8 * i);
                pairs[i][1] = get32(raw + 8 * i + 4);
                if (pairs[i][0] < 8 || pairs[i][0] > MAX_MESSAGE || pairs[i][1] > MAX_MESSAGE)
                    return;
            }
            double ns = native_figure((const uint32_t(*)[2])pairs, m);
            if (write_all(fd, &ns, sizeof(ns)))
                return;
            continue;
        }
        if (n < 8 || n > MAX_MESSAGE || m > MAX_MESSAGE)
            return;
        if (read_all(fd, buffer, n - 8) || write_all(fd, buffer, m))
            return;
    }
}

static void stop(int sig)
{
    (void)sig;
    _exit(0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: bench_echo PORT_FILE\n");
        return 2;
    }
    buffer = calloc(1, MAX_MESSAGE);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = 0 };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof(a);
    if (!buffer || l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) || listen(l, 16) ||
        getsockname(l, (struct sockaddr *)&a, &len)) {
        perror("bench_echo");
        return 1;
    }
    port = ntohs(a.sin_port);
    signal(SIGTERM, stop);
    signal(SIGALRM, stop);
    signal(SIGCHLD, SIG_IGN); /* children are reaped by the system */
    alarm(LIFETIME_S);
    FILE *f = fopen(argv[1], "w");
    if (!f || fprintf(f, "%u\n", port) < 0 || fclose(f)) {
        perror(argv[1]);
        return 1;
    }
    pid_t server = getpid();
    for (;;) {
        int c = accept(l, NULL, NULL);
        if (c < 0) {
            if (errno == EINTR)
                continue;
            perror("bench_echo: accept");
            return 1;
        }
        pid_t child = fork();
        if (child == 0) {
            close(l);
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            alarm(LIFETIME_S); /* a child has no alarm of its parent's */
            if (getppid() != server)
                _exit(0);
            serve(c);
            _exit(0);
        }
        close(c);
    }
}
