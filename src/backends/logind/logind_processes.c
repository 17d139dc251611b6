/* Which process is in which session: logind puts each session's processes
 * in a systemd scope, one cgroup (org.freedesktop.login1(5): Scope; the
 * cgroup tree is systemd's user.slice/user-UID.slice/SCOPE). Processes in
 * no session are the machine's services: session 0, as on Windows.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_processes.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "logind_ids.h"
#include "logind_proc.h"
#include "openwts/backend.h"

#define MAX_CGROUP_DEPTH 16

typedef struct owner {
    uint32_t pid, session;
} owner;

typedef struct owners {
    owner *items;
    size_t n, cap;
} owners;

static bool add(owners *o, uint32_t pid, uint32_t session)
{
    if (o->n == o->cap) {
        size_t c = o->cap ? o->cap * 2 : 64;
        owner *grown = realloc(o->items, c * sizeof(*grown));
        if (!grown)
            return false;
        o->items = grown;
        o->cap = c;
    }
    o->items[o->n++] = (owner){ pid, session };
    return true;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The pids in `dir`/cgroup.procs and in those of its sub-groups. */
static bool read_cgroup(const char *dir, int depth, uint32_t session, owners *o)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/cgroup.procs", dir);
    FILE *f = fopen(path, "re");
    if (f) {
        unsigned long pid;
        bool ok = true;
        while (ok && fscanf(f, "%lu", &pid) == 1)
            ok = pid == 0 || pid > UINT32_MAX || add(o, (uint32_t)pid, session);
        fclose(f);
        if (!ok)
            return false;
    }
    if (depth >= MAX_CGROUP_DEPTH)
        return true;
    DIR *d = opendir(dir);
    if (!d)
        return true;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        int n = snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (n > 0 && (size_t)n < sizeof(path) && is_dir(path))
            ok = read_cgroup(path, depth + 1, session, o);
    }
    closedir(d);
    return ok;
}

/* A scope's name is one path component ("session-4.scope"). */
static bool plain_name(const char *s)
{
    return s[0] && !strchr(s, '/') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

static bool session_processes(const char *root, const logind_seen *s, owners *o)
{
    const logind_props *p = &s->props;
    char dir[4096];
    if (plain_name(p->scope)) {
        static const char *const layouts[] = { "%s/user.slice/user-%u.slice/%s",
                                               "%s/systemd/user.slice/user-%u.slice/%s" };
        for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
            int n = snprintf(dir, sizeof(dir), layouts[i], root, p->uid, p->scope);
            if (n > 0 && (size_t)n < sizeof(dir) && is_dir(dir))
                return read_cgroup(dir, 0, s->ref->id, o);
        }
    }
    snprintf(dir, sizeof(dir), "/proc/%u", p->leader);
    if (p->leader == 0 || !is_dir(dir))
        return true;
    return add(o, p->leader, s->ref->id);
}

static int by_pid(const void *a, const void *b)
{
    uint32_t x = ((const owner *)a)->pid, y = ((const owner *)b)->pid;
    return x < y ? -1 : x > y;
}

/* Every process no session has goes to session 0. */
static bool the_rest(owners *o)
{
    size_t claimed = o->n;
    if (claimed)
        qsort(o->items, claimed, sizeof(*o->items), by_pid);
    uint32_t *pids;
    size_t n;
    if (!logind_proc_all(&pids, &n))
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        owner key = { pids[i], 0 };
        if (!claimed || !bsearch(&key, o->items, claimed, sizeof(*o->items), by_pid))
            ok = add(o, pids[i], LOGIND_SERVICES_SESSION);
    }
    free(pids);
    return ok;
}

openwts_status logind_list_processes(const char *cgroup_root, const logind_snapshot *snap,
                                     uint32_t session_id, openwts_EnumerateProcessesReply *out)
{
    bool any = session_id == OPENWTS_ANY_SESSION;
    bool services = any || session_id == LOGIND_SERVICES_SESSION;
    owners o = { 0 };
    bool ok = true;
    /* Session 0 needs to know what every other session holds. */
    for (size_t i = 0; ok && i < snap->n; i++)
        if (services || snap->items[i].ref->id == session_id)
            ok = session_processes(cgroup_root, &snap->items[i], &o);
    if (ok && services)
        ok = the_rest(&o);
    if (ok && o.n)
        qsort(o.items, o.n, sizeof(*o.items), by_pid);
    for (size_t i = 0; ok && i < o.n; i++) {
        const owner *w = &o.items[i];
        if (i > 0 && w->pid == o.items[i - 1].pid)
            continue; /* one process, one session: the first that claimed it */
        if (!any && w->session != session_id)
            continue;
        openwts_Process proc;
        if (!logind_proc_read(w->pid, w->session, &proc))
            continue; /* ended meanwhile, or a kernel thread */
        openwts_Process *slot = openwts_process_list_add(out);
        if (!slot)
            ok = false;
        else
            *slot = proc;
    }
    free(o.items);
    return ok ? OPENWTS_OK : OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
}
