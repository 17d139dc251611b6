/* Who is at the other end of a connection, as the kernel tells wtsd and
 * never as the client says: a Unix socket's peer credentials, or a TCP
 * peer's addresses (its uid is then found in /proc/net/tcp for a loopback
 * peer; a remote one proves a key instead, auth.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_PEER_H
#define WTSD_PEER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

#include "openwts.pb.h"
#include "peer_proc_net_tcp.h"

typedef enum wtsd_peer_kind {
    WTSD_PEER_UNIX,     /* uid and pid from SO_PEERCRED */
    WTSD_PEER_LOOPBACK, /* TCP from 127.0.0.0/8 or ::1: uid from /proc/net/tcp */
    WTSD_PEER_REMOTE,   /* TCP from any other address: proves the key */
} wtsd_peer_kind;

#define WTSD_PEER_TEXT_MAX 96

typedef struct wtsd_peer {
    wtsd_peer_kind kind;
    bool has_uid;
    uid_t uid;
    pid_t pid;                    /* 0 when not known */
    wtsd_tcp_endpoint addr;       /* TCP: the client's end */
    wtsd_tcp_endpoint local;      /* TCP: wtsd's end */
    char text[WTSD_PEER_TEXT_MAX]; /* for the log: "unix pid 42 uid 1000", "127.0.0.1:5000" */
} wtsd_peer;

/* A Unix socket's peer (peer_unix.c). false when the kernel says nothing. */
bool wtsd_peer_from_unix(int fd, wtsd_peer *p);

/* A TCP socket's peer: its addresses and whether it is on loopback
 * (peer_tcp.c). An IPv4-mapped IPv6 peer counts as the IPv4 it is. */
bool wtsd_peer_from_tcp(int fd, wtsd_peer *p);
/* Finds the uid and, when this process may see it, the pid of a loopback
 * peer's socket (peer_tcp.c, peer_pid.c); fills p->uid, p->has_uid,
 * p->pid. false when its socket is not found. */
bool wtsd_peer_find_loopback_owner(wtsd_peer *p);

/* The process holding socket `inode`, looking first at the processes of
 * `uid` (peer_pid.c); 0 when none is found or /proc/PID/fd is not
 * readable (wtsd not running as root). */
pid_t wtsd_peer_pid_of_socket(uint64_t inode, uid_t uid);

/* The Caller the dispatcher is given (peer_caller.c): the account of uid
 * (its name from the password database; the number in decimal when it has
 * none), privileged when uid is 0 or a member of `admin_group` (NULL:
 * none). session_id is left for the backend to say. */
bool wtsd_caller_for_uid(uid_t uid, pid_t pid, const char *admin_group, openwts_Caller *c);
/* The same for a user known by name only (a remote client's configured
 * user): an account of that name decides privilege as above; a name
 * without an account is an unprivileged user of that name. */
bool wtsd_caller_for_name(const char *name, const char *admin_group, openwts_Caller *c);

#endif
