/* A Unix socket's peer: the kernel's SO_PEERCRED, which holds the uid and
 * pid of the process that connected, as they were at connect().
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "peer.h"

bool wtsd_peer_from_unix(int fd, wtsd_peer *p)
{
    memset(p, 0, sizeof(*p));
    p->kind = WTSD_PEER_UNIX;
    struct ucred cred;
    socklen_t len = sizeof(cred);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 || len != sizeof(cred)) {
        snprintf(p->text, sizeof(p->text), "unix peer without credentials");
        return false;
    }
    p->has_uid = true;
    p->uid = cred.uid;
    p->pid = cred.pid;
    snprintf(p->text, sizeof(p->text), "unix pid %ld uid %lu", (long)cred.pid,
             (unsigned long)cred.uid);
    return true;
}
