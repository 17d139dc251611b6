/* The process that holds a socket, by its inode: /proc/PID/fd/N links read
 * "socket:[INODE]". A look through every process's descriptors, done once
 * per loopback connection; processes of the socket's owner first, since
 * the one that made it is almost always the one that holds it. Without
 * root, other users' descriptors cannot be read and the pid may stay
 * unknown (0): it is for the log and the backend, never for permissions.
 *
 * A Windows program under Wine is not the only holder of its socket: Wine
 * makes every socket of its programs in the wineserver (Wine's
 * server/sock.c calls socket() and connect()) and hands the program a
 * copy of the descriptor, so the prefix's wineserver holds the socket too,
 * and it usually has the lower pid (measured with Wine 8.0: wtsd named
 * the wineserver, and the logind backend asked for the wineserver's
 * session instead of the program's). A wineserver is therefore taken only
 * when no other process holds the socket.
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

/* Whether pid is a Wine server: its command name (the kernel's comm) is
 * that of Wine's "wineserver" executable, or of Debian's wineserver64 and
 * wineserver32. The name only decides which holder of a socket is named,
 * never what the caller may do. */
static bool is_wineserver(pid_t pid)
{
    char path[64], comm[32] = "";
    snprintf(path, sizeof(path), "/proc/%ld/comm", (long)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    bool named = fgets(comm, sizeof(comm), f) != NULL;
    fclose(f);
    if (!named)
        return false;
    comm[strcspn(comm, "\n")] = '\0';
    return strcmp(comm, "wineserver") == 0 || strcmp(comm, "wineserver64") == 0
        || strcmp(comm, "wineserver32") == 0;
}

/* One pass over /proc: the processes whose owner is (or is not) uid. The
 * first holder that is not a wineserver; else the first wineserver that
 * holds it, in *server. */
static pid_t search(const char *want, uid_t uid, bool owner, pid_t *server)
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
        if (!holds(pid, want))
            continue;
        if (!is_wineserver(pid))
            found = pid;
        else if (!*server)
            *server = pid;
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
    pid_t server = 0;
    pid_t pid = search(want, uid, true, &server);
    if (!pid)
        pid = search(want, uid, false, &server);
    return pid ? pid : server;
}
