/* A stand-in for wtsd for the DLL's socket transport tests (Linux): speaks
 * the envelope of openwts.proto ("On a socket") on TCP and answers with the
 * dispatcher over sim backends, and misbehaves on request, so that a test
 * under Wine can see what the DLL does with a server that is down, silent,
 * garbled, closing mid-answer, or asking for a key.
 *
 *   fake_wtsd PORT_FILE
 *
 * It listens for control on 127.0.0.1 at a port of its choosing, written
 * to PORT_FILE once it listens. A control connection carries one line and
 * gets one line back ("ok ..." or "error ..."), then is closed:
 *
 *   serve NAME SCENARIO ADDR PORT  a server NAME: a sim backend on SCENARIO (in
 *                                  memory), listening on ADDR:PORT (0: any);
 *                                  answers "ok PORT"
 *   down NAME / up NAME            stop listening and close every connection
 *                                  of NAME / listen again on the same port
 *   reset NAME                     the scenario again, as it was first read,
 *                                  and the counters of `stats` at 0
 *   key NAME HEX | key NAME -      connections must prove this key / no key
 *   mode NAME MODE [once]          how requests are answered (below); with
 *                                  `once`, for the next request only
 *   stats NAME                     "ok connections=N open=N hellos=N
 *                                  auth_ok=N auth_failed=N requests=N
 *                                  enumerate_sessions=N disconnect_session=N"
 *   blackhole                      a port that takes no connection: its
 *                                  accept queue is full, so new SYNs are
 *                                  dropped and a connect waits; "ok PORT"
 *   quit
 *
 * Modes: normal; silent (never answers); garbage (a frame that does not
 * decode); oversize (a header over the frame bound); close-mid-reply (half
 * of the answer, then the connection closed); wrong-id (the answer of
 * another request); events (an unasked event before every part); drop (the
 * request is carried out, then the connection closed without an answer);
 * hello-refuse (the HelloReply says ERROR_ACCESS_DENIED); hello-mute (the
 * hello is never answered).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "openwts/codec.h"
#include "openwts/dispatch.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"
#include "openwts/sim.h"

#define MAX_SERVERS 8
#define MAX_CLIENTS 64
#define CHALLENGE_BYTES 32
#define KEY_MAX 4096 /* as wtsd */
#define CONTROL_TIMEOUT_MS 5000

typedef enum mode {
    MODE_NORMAL, MODE_SILENT, MODE_GARBAGE, MODE_OVERSIZE, MODE_CLOSE_MID_REPLY, MODE_WRONG_ID,
    MODE_EVENTS, MODE_DROP, MODE_HELLO_REFUSE, MODE_HELLO_MUTE,
} mode;

static const char *const mode_names[] = {
    "normal", "silent", "garbage", "oversize", "close-mid-reply", "wrong-id",
    "events", "drop", "hello-refuse", "hello-mute",
};

typedef struct stats {
    unsigned connections, hellos, auth_ok, auth_failed, requests, enumerate_sessions, disconnect_session;
} stats;

typedef struct server {
    bool used;
    char name[32];
    char scenario[4096];
    const openwts_backend *be;
    struct sockaddr_in addr;
    int listen_fd; /* -1 while down */
    uint8_t key[KEY_MAX];
    size_t key_len;
    mode mode;
    bool mode_once;
    stats stats;
} server;

typedef enum client_state { AWAIT_HELLO, AWAIT_AUTH, READY } client_state;

typedef struct client {
    int fd; /* -1: free */
    server *srv;
    client_state state;
    uint8_t challenge[CHALLENGE_BYTES];
    openwts_frame_reader reader;
} client;

static server servers[MAX_SERVERS];
static client clients[MAX_CLIENTS];
static int control_fd = -1, blackhole_fd = -1, blackhole_filler = -1;
static volatile sig_atomic_t stopping;
static uint8_t out_buf[OPENWTS_FRAME_HEADER + OPENWTS_FRAME_MAX];

static void say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "fake_wtsd: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
}

/* ---- sockets ------------------------------------------------------------ */

static int listen_on(const struct sockaddr_in *addr, int backlog)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int on = 1;
    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    if (bind(fd, (const struct sockaddr *)addr, sizeof(*addr)) < 0 || listen(fd, backlog) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static uint16_t port_of(int fd)
{
    struct sockaddr_in a;
    socklen_t len = sizeof(a);
    getsockname(fd, (struct sockaddr *)&a, &len);
    return ntohs(a.sin_port);
}

/* Blocking write of everything, waiting while the peer reads. */
static bool write_all(int fd, const uint8_t *p, size_t n)
{
    while (n) {
        ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
        if (k > 0) {
            p += k;
            n -= (size_t)k;
        } else if (k < 0 && (errno == EAGAIN || errno == EINTR)) {
            struct pollfd pfd = { fd, POLLOUT, 0 };
            if (poll(&pfd, 1, 30000) <= 0)
                return false;
        } else {
            return false;
        }
    }
    return true;
}

/* ---- clients ------------------------------------------------------------ */

static void client_close(client *c)
{
    if (c->fd < 0)
        return;
    close(c->fd);
    c->fd = -1;
    openwts_frame_reader_free(&c->reader);
}

static bool send_server_message(client *c, const openwts_ServerMessage *m)
{
    size_t len;
    if (openwts_frame_write_server_message(m, out_buf, sizeof(out_buf), OPENWTS_FRAME_MAX, &len) != OPENWTS_OK) {
        say("cannot encode an answer");
        return false;
    }
    return write_all(c->fd, out_buf, len);
}

static bool send_hello_reply(client *c, uint32_t status, const uint8_t *challenge, size_t challenge_len)
{
    openwts_ServerMessage m = openwts_ServerMessage_init_zero;
    m.which_body = openwts_ServerMessage_hello_tag;
    m.body.hello.status = status;
    m.body.hello.version = OPENWTS_PROTOCOL_VERSION;
    if (challenge_len) {
        memcpy(m.body.hello.challenge.bytes, challenge, challenge_len);
        m.body.hello.challenge.size = (pb_size_t)challenge_len;
    }
    return send_server_message(c, &m);
}

static bool send_event(client *c)
{
    openwts_ServerMessage m = openwts_ServerMessage_init_zero;
    m.id = 0;
    m.which_body = openwts_ServerMessage_event_tag;
    m.body.event.session_id = 1;
    m.body.event.kind = OPENWTS_EVENT_STATE;
    m.body.event.sequence = 1;
    return send_server_message(c, &m);
}

static openwts_Caller caller_for(const server *s)
{
    /* An administrator of the simulated server: the tests act on any session. */
    openwts_Caller caller = openwts_Caller_init_zero;
    snprintf(caller.user, sizeof(caller.user), "Administrator");
    caller.privileged = true;
    caller.session_id = OPENWTS_CURRENT_SESSION;
    if (s->be->version >= 4 && s->be->caller_session)
        s->be->caller_session(s->be, &caller, &caller.session_id);
    return caller;
}

/* Answers one request as the server's mode says. False: close the client. */
static bool answer(client *c, uint64_t id, const openwts_Request *req)
{
    server *s = c->srv;
    mode m = s->mode;
    if (s->mode_once) {
        s->mode = MODE_NORMAL;
        s->mode_once = false;
    }
    s->stats.requests++;
    if (req->which_op == openwts_Request_enumerate_sessions_tag)
        s->stats.enumerate_sessions++;
    if (req->which_op == openwts_Request_disconnect_session_tag)
        s->stats.disconnect_session++;

    if (m == MODE_SILENT)
        return true;
    if (m == MODE_GARBAGE) {
        static const uint8_t junk[] = { 12, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff };
        return write_all(c->fd, junk, sizeof(junk));
    }
    if (m == MODE_OVERSIZE) {
        uint8_t header[OPENWTS_FRAME_HEADER];
        openwts_frame_put_length(header, OPENWTS_FRAME_MAX + 1);
        return write_all(c->fd, header, sizeof(header));
    }

    openwts_Caller caller = caller_for(s);
    openwts_Reply rep;
    memset(&rep, 0, sizeof(rep));
    openwts_dispatch(s->be, &caller, req, &rep);
    bool ok = true;
    if (m == MODE_DROP) {
        ok = false;
    } else {
        openwts_reply_parts parts;
        openwts_reply_parts_start(&parts, &rep, m == MODE_WRONG_ID ? id + 1000 : id, OPENWTS_FRAME_MAX);
        while (ok && !openwts_reply_parts_done(&parts)) {
            openwts_ServerMessage part;
            if (openwts_reply_parts_next(&parts, &part) != OPENWTS_OK) {
                say("cannot cut an answer into parts");
                ok = false;
                break;
            }
            if (m == MODE_EVENTS)
                ok = send_event(c);
            if (!ok)
                break;
            if (m == MODE_CLOSE_MID_REPLY) {
                size_t len;
                if (openwts_frame_write_server_message(&part, out_buf, sizeof(out_buf), OPENWTS_FRAME_MAX,
                                                       &len) == OPENWTS_OK)
                    write_all(c->fd, out_buf, len / 2);
                ok = false;
                break;
            }
            ok = send_server_message(c, &part);
        }
    }
    openwts_reply_release(&rep);
    return ok;
}

static bool proof_is_right(const client *c, const openwts_AuthResponse *auth)
{
    const server *s = c->srv;
    uint8_t expected[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    if (!HMAC(EVP_sha256(), s->key, (int)s->key_len, c->challenge, sizeof(c->challenge), expected, &len))
        return false;
    return auth->proof.size == len && CRYPTO_memcmp(auth->proof.bytes, expected, len) == 0;
}

/* One whole message from the client. False: close it. */
static bool client_message(client *c, const uint8_t *payload, uint32_t len)
{
    server *s = c->srv;
    openwts_ClientMessage msg;
    if (openwts_client_message_decode(payload, len, &msg) != OPENWTS_OK) {
        say("%s: a message that does not decode", s->name);
        return false;
    }
    bool ok = false;
    switch (c->state) {
    case AWAIT_HELLO:
        if (msg.which_body != openwts_ClientMessage_hello_tag)
            break;
        s->stats.hellos++;
        if (s->mode == MODE_HELLO_MUTE) {
            ok = true;
        } else if (s->mode == MODE_HELLO_REFUSE) {
            send_hello_reply(c, OPENWTS_ERROR_ACCESS_DENIED, NULL, 0);
        } else if (s->key_len) {
            FILE *f = fopen("/dev/urandom", "rb");
            ok = f && fread(c->challenge, 1, sizeof(c->challenge), f) == sizeof(c->challenge);
            if (f)
                fclose(f);
            ok = ok && send_hello_reply(c, OPENWTS_OK, c->challenge, sizeof(c->challenge));
            c->state = AWAIT_AUTH;
        } else {
            ok = send_hello_reply(c, OPENWTS_OK, NULL, 0);
            c->state = READY;
        }
        break;
    case AWAIT_AUTH:
        if (msg.which_body != openwts_ClientMessage_auth_tag)
            break;
        if (proof_is_right(c, &msg.body.auth)) {
            s->stats.auth_ok++;
            ok = send_hello_reply(c, OPENWTS_OK, NULL, 0);
            c->state = READY;
        } else {
            s->stats.auth_failed++;
            say("%s: a wrong proof of the key", s->name);
            send_hello_reply(c, OPENWTS_ERROR_ACCESS_DENIED, NULL, 0);
        }
        break;
    case READY:
        if (msg.which_body == openwts_ClientMessage_request_tag)
            ok = answer(c, msg.id, &msg.body.request);
        break;
    }
    openwts_client_message_release(&msg);
    return ok;
}

static void client_readable(client *c)
{
    uint8_t *at;
    size_t want;
    if (openwts_frame_reader_space(&c->reader, &at, &want) != OPENWTS_OK) {
        client_close(c);
        return;
    }
    ssize_t k = recv(c->fd, at, want, 0);
    if (k < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    const uint8_t *payload;
    uint32_t len;
    if (k <= 0 || openwts_frame_reader_commit(&c->reader, (size_t)k, &payload, &len) != OPENWTS_OK) {
        client_close(c);
        return;
    }
    if (payload && !client_message(c, payload, len))
        client_close(c);
}

static void accept_client(server *s)
{
    int fd = accept4(s->listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
        return;
    for (int i = 0; i < MAX_CLIENTS; i++) {
        if (clients[i].fd >= 0)
            continue;
        client *c = &clients[i];
        memset(c, 0, sizeof(*c));
        c->fd = fd;
        c->srv = s;
        c->state = AWAIT_HELLO;
        openwts_frame_reader_init(&c->reader, OPENWTS_FRAME_MAX);
        int on = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on));
        s->stats.connections++;
        return;
    }
    say("too many clients");
    close(fd);
}

/* ---- servers ------------------------------------------------------------ */

static server *find_server(const char *name)
{
    for (int i = 0; i < MAX_SERVERS; i++)
        if (servers[i].used && strcmp(servers[i].name, name) == 0)
            return &servers[i];
    return NULL;
}

static void server_down(server *s)
{
    for (int i = 0; i < MAX_CLIENTS; i++)
        if (clients[i].fd >= 0 && clients[i].srv == s)
            client_close(&clients[i]);
    if (s->listen_fd >= 0)
        close(s->listen_fd);
    s->listen_fd = -1;
}

static unsigned open_clients(const server *s)
{
    unsigned n = 0;
    for (int i = 0; i < MAX_CLIENTS; i++)
        n += clients[i].fd >= 0 && clients[i].srv == s;
    return n;
}

static int hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/* ---- control ------------------------------------------------------------ */

static void command(char *line, char *reply, size_t cap)
{
    char *words[6] = { 0 };
    int n = 0;
    for (char *save = NULL, *w = strtok_r(line, " \t\r\n", &save); w && n < 6; w = strtok_r(NULL, " \t\r\n", &save))
        words[n++] = w;
    const char *cmd = n ? words[0] : "";
    server *s = n > 1 ? find_server(words[1]) : NULL;

    if (strcmp(cmd, "serve") == 0 && n == 5) {
        if (s) {
            snprintf(reply, cap, "error %s exists", words[1]);
            return;
        }
        for (int i = 0; i < MAX_SERVERS && !s; i++)
            if (!servers[i].used)
                s = &servers[i];
        if (!s) {
            snprintf(reply, cap, "error too many servers");
            return;
        }
        memset(s, 0, sizeof(*s));
        char error[512];
        if (openwts_sim_open(words[2], NULL, &s->be, error, sizeof(error)) != OPENWTS_OK) {
            snprintf(reply, cap, "error %s", error);
            return;
        }
        s->addr.sin_family = AF_INET;
        s->addr.sin_port = htons((uint16_t)atoi(words[4]));
        if (inet_pton(AF_INET, words[3], &s->addr.sin_addr) != 1 || (s->listen_fd = listen_on(&s->addr, 16)) < 0) {
            snprintf(reply, cap, "error cannot listen on %s:%s: %s", words[3], words[4], strerror(errno));
            openwts_sim_close(s->be);
            return;
        }
        s->addr.sin_port = htons(port_of(s->listen_fd));
        s->used = true;
        snprintf(s->name, sizeof(s->name), "%s", words[1]);
        snprintf(s->scenario, sizeof(s->scenario), "%s", words[2]);
        snprintf(reply, cap, "ok %u", (unsigned)port_of(s->listen_fd));
    } else if (strcmp(cmd, "blackhole") == 0) {
        if (blackhole_fd < 0) {
            /* Backlog 0: one finished connection, never accepted, fills
             * the queue, and Linux then drops every SYN. */
            struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
            blackhole_fd = listen_on(&a, 0);
            a.sin_port = htons(port_of(blackhole_fd));
            blackhole_filler = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            if (blackhole_fd < 0 || connect(blackhole_filler, (struct sockaddr *)&a, sizeof(a)) < 0) {
                snprintf(reply, cap, "error blackhole: %s", strerror(errno));
                return;
            }
        }
        snprintf(reply, cap, "ok %u", (unsigned)port_of(blackhole_fd));
    } else if (strcmp(cmd, "quit") == 0) {
        stopping = 1;
        snprintf(reply, cap, "ok");
    } else if (!s) {
        snprintf(reply, cap, "error no such command or server");
    } else if (strcmp(cmd, "down") == 0 && n == 2) {
        server_down(s);
        snprintf(reply, cap, "ok");
    } else if (strcmp(cmd, "up") == 0 && n == 2) {
        if (s->listen_fd < 0 && (s->listen_fd = listen_on(&s->addr, 16)) < 0)
            snprintf(reply, cap, "error cannot listen again: %s", strerror(errno));
        else
            snprintf(reply, cap, "ok %u", (unsigned)port_of(s->listen_fd));
    } else if (strcmp(cmd, "reset") == 0 && n == 2) {
        const openwts_backend *be;
        char error[512];
        if (openwts_sim_open(s->scenario, NULL, &be, error, sizeof(error)) != OPENWTS_OK) {
            snprintf(reply, cap, "error %s", error);
            return;
        }
        openwts_sim_close(s->be);
        s->be = be;
        memset(&s->stats, 0, sizeof(s->stats));
        snprintf(reply, cap, "ok");
    } else if (strcmp(cmd, "key") == 0 && n == 3) {
        size_t len = strcmp(words[2], "-") == 0 ? 0 : strlen(words[2]);
        if (len % 2 || len / 2 > KEY_MAX) {
            snprintf(reply, cap, "error bad key");
            return;
        }
        for (size_t i = 0; i < len / 2; i++) {
            int hi = hex_digit(words[2][2 * i]), lo = hex_digit(words[2][2 * i + 1]);
            if (hi < 0 || lo < 0) {
                snprintf(reply, cap, "error bad key");
                return;
            }
            s->key[i] = (uint8_t)(hi << 4 | lo);
        }
        s->key_len = len / 2;
        snprintf(reply, cap, "ok");
    } else if (strcmp(cmd, "mode") == 0 && (n == 3 || n == 4)) {
        int m = -1;
        for (size_t i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++)
            if (strcmp(words[2], mode_names[i]) == 0)
                m = (int)i;
        if (m < 0 || (n == 4 && strcmp(words[3], "once") != 0)) {
            snprintf(reply, cap, "error bad mode");
            return;
        }
        s->mode = (mode)m;
        s->mode_once = n == 4;
        snprintf(reply, cap, "ok");
    } else if (strcmp(cmd, "stats") == 0 && n == 2) {
        const stats *st = &s->stats;
        snprintf(reply, cap,
                 "ok connections=%u open=%u hellos=%u auth_ok=%u auth_failed=%u requests=%u "
                 "enumerate_sessions=%u disconnect_session=%u",
                 st->connections, open_clients(s), st->hellos, st->auth_ok, st->auth_failed, st->requests,
                 st->enumerate_sessions, st->disconnect_session);
    } else {
        snprintf(reply, cap, "error bad arguments");
    }
}

static void control_connection(void)
{
    int fd = accept4(control_fd, NULL, NULL, SOCK_CLOEXEC);
    if (fd < 0)
        return;
    char line[2 * KEY_MAX + 256];
    size_t used = 0;
    while (used + 1 < sizeof(line) && !memchr(line, '\n', used)) {
        struct pollfd pfd = { fd, POLLIN, 0 };
        if (poll(&pfd, 1, CONTROL_TIMEOUT_MS) <= 0)
            break;
        ssize_t k = recv(fd, line + used, sizeof(line) - 1 - used, 0);
        if (k <= 0)
            break;
        used += (size_t)k;
    }
    line[used] = '\0';
    char reply[512];
    command(line, reply, sizeof(reply));
    say("control: %s", reply);
    strcat(reply, "\n");
    write_all(fd, (const uint8_t *)reply, strlen(reply));
    close(fd);
}

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: fake_wtsd PORT_FILE\n");
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    for (int i = 0; i < MAX_CLIENTS; i++)
        clients[i].fd = -1;

    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    control_fd = listen_on(&a, 16);
    if (control_fd < 0) {
        say("cannot listen for control: %s", strerror(errno));
        return 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.tmp", argv[1]);
    FILE *f = fopen(tmp, "w");
    if (!f || fprintf(f, "%u\n", (unsigned)port_of(control_fd)) < 0 || fclose(f) != 0 || rename(tmp, argv[1]) != 0) {
        say("cannot write %s", argv[1]);
        return 1;
    }

    while (!stopping) {
        /* What each polled descriptor is: -1 control, 0.. a server's
         * listener (its index), MAX_SERVERS + i client i. */
        struct pollfd pfds[1 + MAX_SERVERS + MAX_CLIENTS];
        int what[1 + MAX_SERVERS + MAX_CLIENTS];
        nfds_t n = 0;
        pfds[n] = (struct pollfd){ control_fd, POLLIN, 0 };
        what[n++] = -1;
        for (int i = 0; i < MAX_SERVERS; i++)
            if (servers[i].used && servers[i].listen_fd >= 0) {
                pfds[n] = (struct pollfd){ servers[i].listen_fd, POLLIN, 0 };
                what[n++] = i;
            }
        for (int i = 0; i < MAX_CLIENTS; i++)
            if (clients[i].fd >= 0) {
                pfds[n] = (struct pollfd){ clients[i].fd, POLLIN, 0 };
                what[n++] = MAX_SERVERS + i;
            }
        if (poll(pfds, n, 1000) < 0 && errno != EINTR)
            break;
        for (nfds_t i = 0; i < n && !stopping; i++) {
            if (!pfds[i].revents)
                continue;
            if (what[i] < 0) {
                control_connection();
            } else if (what[i] < MAX_SERVERS) {
                if (servers[what[i]].listen_fd == pfds[i].fd) /* not taken down meanwhile */
                    accept_client(&servers[what[i]]);
            } else {
                client *c = &clients[what[i] - MAX_SERVERS];
                if (c->fd == pfds[i].fd) /* still the client polled for */
                    client_readable(c);
            }
        }
    }

    for (int i = 0; i < MAX_SERVERS; i++)
        if (servers[i].used) {
            server_down(&servers[i]);
            openwts_sim_close(servers[i].be);
        }
    if (blackhole_filler >= 0)
        close(blackhole_filler);
    if (blackhole_fd >= 0)
        close(blackhole_fd);
    close(control_fd);
    return 0;
}
