/* wtsd's state while it serves: one epoll loop on one thread, the
 * listening sockets, the signal descriptor and every connection. Nothing
 * in it blocks: each connection reads and writes without waiting, has a
 * deadline for what it is in the middle of, and a bounded output queue.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_SERVER_H
#define WTSD_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "auth.h"
#include "backends.h"
#include "deadlines.h"
#include "openwts/backend.h"
#include "openwts/frame_reader.h"
#include "openwts/reply_parts.h"
#include "options.h"
#include "out_queue.h"
#include "peer.h"

/* What an epoll event's data points at. */
typedef enum wtsd_source_kind {
    WTSD_SOURCE_SIGNALS,
    WTSD_SOURCE_LISTENER,
    WTSD_SOURCE_CONN,
    WTSD_SOURCE_BACKEND,    /* the backend's own input (logind's bus) */
} wtsd_source_kind;

typedef struct wtsd_source {
    wtsd_source_kind kind;
    int fd;
} wtsd_source;

typedef struct wtsd_listener {
    wtsd_source src;
    bool is_unix;
    char text[128];     /* "unix /run/openwts/wtsd.sock", "tcp 127.0.0.1:7389" */
} wtsd_listener;

typedef enum wtsd_conn_state {
    WTSD_CONN_HELLO,    /* waiting for the client's Hello */
    WTSD_CONN_AUTH,     /* challenge sent, waiting for the AuthResponse */
    WTSD_CONN_READY,    /* the caller is known: requests are served */
} wtsd_conn_state;

struct wtsd_server;

typedef struct wtsd_conn {
    wtsd_source src;
    struct wtsd_conn *prev, *next;  /* the server's connections, or its closed ones */
    struct wtsd_server *server;
    uint64_t number;                /* "#N" in the log */
    wtsd_peer peer;
    wtsd_conn_state state;
    openwts_Caller caller;          /* once READY */
    char client[sizeof(((openwts_Hello *)0)->client)]; /* its Hello's words, printable, for the log */
    uint8_t challenge[WTSD_CHALLENGE_BYTES];
    openwts_frame_reader reader;
    wtsd_out_queue out;
    bool subscribed;
    uint64_t events_dropped;        /* since the last event it was sent */
    openwts_Reply *answer;          /* being sent in parts (answer.c); NULL when none */
    openwts_reply_parts parts;
    bool draining;                  /* reads nothing more; closes once its output is sent */
    bool cannot_write;              /* the client stopped reading: answers are dropped,
                                       what it sent is still served until it ends */
    bool closed;
    uint32_t interest;              /* the epoll events registered */
    wtsd_deadline read_deadline, send_deadline;
} wtsd_conn;

typedef struct wtsd_server {
    const wtsd_options *opt;
    const openwts_backend *backend;
    wtsd_source backend_input;      /* fd -1: none, or no longer watched */
    openwts_status (*backend_process)(const openwts_backend *be);
    const wtsd_key *key;            /* NULL: no key, remote clients are refused */
    int epfd;
    wtsd_source signals;
    wtsd_listener **listeners;      /* each on its own: epoll points at it */
    size_t n_listeners;
    char *unix_path;                /* the socket file wtsd made, removed at exit */
    unsigned long long unix_inode;  /* ... if it is still the one wtsd made */
    wtsd_conn *conns;
    size_t n_conns;
    wtsd_conn *closed;              /* freed once the current batch of events is handled */
    uint64_t next_number;
    wtsd_deadline_list read_deadlines, send_deadlines;
    uint64_t event_sequence;        /* the last event's number */
    uint8_t *frame;                 /* room for one encoded frame */
    bool stop;
    int stop_signal;
} wtsd_server;

/* Sets up the loop (epoll, SIGTERM/SIGINT through a signalfd); serves no
 * backend and listens on nothing yet. `key` may be NULL. false with errno
 * when the kernel refuses. */
bool wtsd_server_init(wtsd_server *s, const wtsd_options *o, const wtsd_key *key);
/* The backend to serve (opened with wtsd_events_sink and this server as
 * its event sink), and its input to watch. false with errno. */
bool wtsd_server_host(wtsd_server *s, const wtsd_backend_host *h);
/* Serves until SIGTERM or SIGINT: true, or false after a failure of the
 * loop itself (logged). */
bool wtsd_server_run(wtsd_server *s);
/* One wait for events (at most timeout_ms, -1: until the next deadline or
 * event) and their handling; for tests that drive the loop themselves. */
bool wtsd_server_run_once(wtsd_server *s, int timeout_ms);
/* Closes every connection and the loop's descriptors (not the backend). */
void wtsd_server_free(wtsd_server *s);

/* ---- connections (conn.c) ---- */

/* A new connection on non-blocking socket fd with peer p (taken as is:
 * tests give any). NULL, with fd closed, when memory runs out. */
wtsd_conn *wtsd_conn_add(wtsd_server *s, int fd, const wtsd_peer *p);
/* What epoll reported for it. */
void wtsd_conn_on_events(wtsd_conn *c, uint32_t events);
/* Closes now; `why` (may be NULL) is logged at `level` with the peer. */
void wtsd_conn_close(wtsd_conn *c, wtsd_log_level level, const char *why);
/* Queues one message (ServerMessage encoded into a frame); false when it
 * cannot be encoded or memory runs out (the connection is then closed). */
bool wtsd_conn_queue(wtsd_conn *c, const openwts_ServerMessage *m);
/* Reads nothing more and closes once what is queued has been sent. */
void wtsd_conn_drain(wtsd_conn *c);
/* Sends what it can, makes further parts of an answer as room frees up,
 * and sets what epoll watches and which deadlines run. */
void wtsd_conn_flush(wtsd_conn *c);
/* Sets what epoll watches and which deadlines run, from the connection's
 * state: after something was queued from outside its own events (an
 * event), the loop then writes it when the socket takes it. */
void wtsd_conn_watch(wtsd_conn *c);
/* A deadline fell due. */
void wtsd_conn_timed_out(wtsd_conn *c, bool reading);

/* ---- messages (protocol.c, handshake.c) ---- */

/* One frame's payload from the client. */
void wtsd_protocol_message(wtsd_conn *c, const uint8_t *payload, uint32_t len);
void wtsd_handshake_hello(wtsd_conn *c, uint64_t id, const openwts_Hello *hello);
void wtsd_handshake_auth(wtsd_conn *c, uint64_t id, const openwts_AuthResponse *auth);

/* ---- answers (answer.c) ---- */

/* Sends `reply` (taken: released and freed by the answer) as the answer
 * to request `id`, in parts when its list is long, as room allows. */
void wtsd_answer_start(wtsd_conn *c, uint64_t id, openwts_Reply *reply);
/* An answer with a status and no result. */
void wtsd_answer_status(wtsd_conn *c, uint64_t id, openwts_status status);
/* Queues further parts while the output queue is under its bound. */
void wtsd_answer_pump(wtsd_conn *c);
void wtsd_answer_free(wtsd_conn *c);

/* ---- events (events.c) ---- */

/* The backend's event sink: ctx is the server. */
void wtsd_events_sink(void *ctx, uint32_t session_id, openwts_event_kind kind);
const char *wtsd_event_kind_name(openwts_event_kind kind);

/* ---- accepting (accept.c) and listening (listeners.c) ---- */

void wtsd_accept(wtsd_server *s, wtsd_listener *l);
/* Opens the Unix socket and TCP addresses of the options; false after
 * logging why (an address in use, a directory missing, ...). */
bool wtsd_listeners_open(wtsd_server *s);
/* Closes them and removes the Unix socket's file. */
void wtsd_listeners_close(wtsd_server *s);

#endif
