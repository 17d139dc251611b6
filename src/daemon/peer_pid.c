/* The process that holds a socket, by its inode: /proc/PID/fd/N links read
 * "socket:[INODE]". A look through every process's descriptors, done once
 * per loopback connection; processes of the socket's owner first, since
 * the one that made it is almost always the one that holds it. Without
 * root, other users' descriptors cannot be read and the pid may stay
 * unknown (0): it is for the log and the backend, never for permissions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "peer.h"

static pid_t pid_of_name(const char *name)
{
    char *end;
    long v = strtol(name, &end, 10);
    return (*name >= '1' && *name <= '9' && !*end && v > 0 && v <= 0x7fffffff) ? (pid_t)v : 0;
}

static bool holds(pid_t pid, const char *want)
{
    char dir[64];
    snprintf(dir, sizeof(dir), "/proc/%ld/fd", (long)pid);
    DIR *d = opendir(dir);
    if (!d)
        return false;
    bool found = false;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char target[64];
        ssize_t n = readlinkat(dirfd(d), e->d_name, target, sizeof(target) - 1);
        if (n > 0) {
            target[n] = '\0';
            found = strcmp(target, want) == 0;
        }
    }
    closedir(d);
    return found;
}

/* One pass over /proc: the processes whose owner is (or is not) uid. */
static pid_t search(const char *want, uid_t uid, bool owner)
{
    DIR *proc = opendir("/proc");
    if (!proc)
        return 0;
    pid_t found = 0;
    struct dirent *e;
    while (!found && (e = readdir(proc))) {
        pid_t pid = pid_of_name(e->d_name);
        if (!pid)
            continue;
        char path[64];
        struct stat st;
        snprintf(path, sizeof(path), "/proc/%ld", (long)pid);
        if (stat(path, &st) != 0 || (st.st_uid == uid) != owner)
            continue;
        if (holds(pid, want))
            found = pid;
    }
    closedir(proc);
    return found;
}

pid_t wtsd_peer_pid_of_socket(uint64_t inode, uid_t uid)
{
    if (!inode)
        return 0;
    char want[48];
    snprintf(want, sizeof(want), "socket:[%llu]", (unsigned long long)inode);
    pid_t pid = search(want, uid, true);
    return pid ? pid : search(want, uid, false);
}
