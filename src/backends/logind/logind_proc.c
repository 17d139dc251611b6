/* One process from /proc (proc(5)): its name (the kernel's comm, which is
 * what Wine sets to the Windows program's name), owner, threads, open
 * descriptors as handles, memory and times.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_proc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "logind_sid.h"
#include "openwts/utf8.h"

#define PF_KTHREAD 0x00200000u /* linux/sched.h: a kernel thread */
#define TICKS_TO_FILETIME 10000000ll /* 100 ns units per second */

static size_t read_file(const char *path, char *buf, size_t cap)
{
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, cap - 1, f);
    fclose(f);
    buf[n] = '\0';
    return n;
}

/* A "Key:\t123 kB" line of /proc/<pid>/status, in bytes (0 when absent). */
static uint64_t status_kb(const char *status, const char *key)
{
    const char *line = strstr(status, key);
    if (!line)
        return 0;
    unsigned long long kb = 0;
    if (sscanf(line + strlen(key), " %llu", &kb) != 1)
        return 0;
    return (uint64_t)kb * 1024;
}

static uint32_t count_descriptors(uint32_t pid)
{
    char path[64];
    snprintf(path, sizeof(path), "/proc/%u/fd", pid);
    DIR *d = opendir(path);
    if (!d)
        return 0; /* another user's, to a caller that is not root */
    uint32_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static int64_t ticks_to_filetime(unsigned long ticks)
{
    long hz = sysconf(_SC_CLK_TCK);
    if (hz <= 0)
        return 0;
    return (int64_t)(ticks / (unsigned long)hz) * TICKS_TO_FILETIME
         + (int64_t)(ticks % (unsigned long)hz) * TICKS_TO_FILETIME / hz;
}

bool logind_proc_read(uint32_t pid, uint32_t session_id, openwts_Process *out)
{
    char path[64], stat[1024], status[4096];
    snprintf(path, sizeof(path), "/proc/%u/stat", pid);
    if (!read_file(path, stat, sizeof(stat)))
        return false;
    /* "pid (comm) state ...": comm may hold spaces and parentheses; it
     * ends at the last ')'. */
    char *open = strchr(stat, '('), *close = strrchr(stat, ')');
    if (!open || !close || close < open)
        return false;
    char state;
    unsigned flags;
    unsigned long utime, stime;
    long threads;
    if (sscanf(close + 1, " %c %*d %*d %*d %*d %*d %u %*u %*u %*u %*u %lu %lu %*d %*d %*d %*d %ld",
               &state, &flags, &utime, &stime, &threads) != 5)
        return false;
    if (flags & PF_KTHREAD)
        return false;
    snprintf(path, sizeof(path), "/proc/%u/status", pid);
    if (!read_file(path, status, sizeof(status)))
        return false;

    memset(out, 0, sizeof(*out));
    out->session_id = session_id;
    out->process_id = pid;
    *close = '\0';
    OPENWTS_SET_STRING(out->name, open + 1);
    /* The effective uid: whose rights the process has, as a token's user. */
    const char *uid_line = strstr(status, "\nUid:");
    unsigned real_uid, effective_uid;
    if (uid_line && sscanf(uid_line + 5, " %u %u", &real_uid, &effective_uid) == 2)
        out->user_sid.size = (pb_size_t)logind_sid_of_uid(effective_uid, out->user_sid.bytes);
    out->thread_count = threads > 0 ? (uint32_t)threads : 0;
    out->handle_count = count_descriptors(pid);
    /* Private memory (data and stack) stands for the commit charge; Linux
     * keeps no peak of it, so the peak is the current value. */
    out->pagefile_usage = status_kb(status, "\nVmData:") + status_kb(status, "\nVmStk:");
    out->peak_pagefile_usage = out->pagefile_usage;
    out->working_set = status_kb(status, "\nVmRSS:");
    out->peak_working_set = status_kb(status, "\nVmHWM:");
    out->user_time = ticks_to_filetime(utime);
    out->kernel_time = ticks_to_filetime(stime);
    return true;
}

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

bool logind_proc_all(uint32_t **pids, size_t *count)
{
    *pids = NULL;
    *count = 0;
    DIR *d = opendir("/proc");
    if (!d)
        return true; /* no /proc: no processes to show */
    uint32_t *list = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d))) {
        char *end;
        unsigned long v = strtoul(e->d_name, &end, 10);
        if (e->d_name[0] < '1' || e->d_name[0] > '9' || *end || v > UINT32_MAX)
            continue;
        if (n == cap) {
            size_t c = cap ? cap * 2 : 256;
            uint32_t *grown = realloc(list, c * sizeof(*grown));
            if (!grown) {
                ok = false;
                break;
            }
            list = grown;
            cap = c;
        }
        list[n++] = (uint32_t)v;
    }
    closedir(d);
    if (!ok) {
        free(list);
        return false;
    }
    if (n)
        qsort(list, n, sizeof(*list), by_value);
    *pids = list;
    *count = n;
    return true;
}
