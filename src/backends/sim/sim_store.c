/* Files. Replacing is the classic sequence: a temporary file beside the
 * target (same file system, so rename is atomic), written and fsynced
 * before the rename, and the directory fsynced after it so that the rename
 * itself survives a power cut. The temporary name is fixed: one process
 * writes a state file at a time (sim.h), and a temporary left by a crash is
 * overwritten by the next change.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#define _POSIX_C_SOURCE 200809L
#include "sim_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_SUFFIX ".tmp"

static openwts_status status_of_errno(int e)
{
    switch (e) {
    case ENOENT:
    case ENOTDIR:
        return SIM_ERROR_PATH_NOT_FOUND;
    case EACCES:
    case EPERM:
    case EROFS:
        return OPENWTS_ERROR_ACCESS_DENIED;
    case ENOSPC:
    case EDQUOT:
        return SIM_ERROR_DISK_FULL;
    case ENOMEM:
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    default:
        return SIM_ERROR_WRITE_FAULT;
    }
}

static openwts_status read_failed(const char *path, int e, char *err, size_t errsz)
{
    if (err && errsz)
        snprintf(err, errsz, "%s: %s", path, strerror(e));
    if (e == ENOENT)
        return OPENWTS_ERROR_FILE_NOT_FOUND;
    return e == EISDIR || e == EIO ? SIM_ERROR_READ_FAULT : status_of_errno(e);
}

openwts_status sim_store_read(const char *path, char **text, size_t *len, char *err, size_t errsz)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return read_failed(path, errno, err, errsz);
    struct stat st;
    int e = fstat(fd, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? EISDIR : S_ISREG(st.st_mode) ? 0 : EINVAL;
    if (e) {
        close(fd);
        return read_failed(path, e, err, errsz);
    }
    if ((unsigned long long)st.st_size > SIM_STORE_MAX_BYTES) {
        close(fd);
        if (err && errsz)
            snprintf(err, errsz, "%s: larger than %u MiB", path, SIM_STORE_MAX_BYTES >> 20);
        return OPENWTS_ERROR_INVALID_DATA;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        return read_failed(path, ENOMEM, err, errsz);
    }
    /* Read to the end, even if the file grew since fstat. */
    for (;;) {
        if (n == cap) {
            if (cap > SIM_STORE_MAX_BYTES) {
                free(buf);
                close(fd);
                if (err && errsz)
                    snprintf(err, errsz, "%s: larger than %u MiB", path, SIM_STORE_MAX_BYTES >> 20);
                return OPENWTS_ERROR_INVALID_DATA;
            }
            char *bigger = realloc(buf, cap * 2 + 1);
            if (!bigger) {
                free(buf);
                close(fd);
                return read_failed(path, ENOMEM, err, errsz);
            }
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            int e = errno;
            free(buf);
            close(fd);
            return read_failed(path, e, err, errsz);
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return OPENWTS_OK;
}

bool sim_store_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

/* The directory part of `path` ("." when it has none). */
static char *directory_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

static int sync_directory(const char *path)
{
    char *dir = directory_of(path);
    if (!dir)
        return ENOMEM;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    free(dir);
    if (fd < 0)
        return errno;
    int e = 0;
    /* Some file systems cannot sync a directory; the rename is as durable
     * as they make it. */
    if (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP)
        e = errno;
    close(fd);
    return e;
}

static openwts_status write_failed(const char *what, const char *path, int e, char *err,
                                   size_t errsz)
{
    if (err && errsz)
        snprintf(err, errsz, "%s: %s: %s", path, what, strerror(e));
    return status_of_errno(e);
}

openwts_status sim_store_replace(const char *path, const char *data, size_t len, bool *replaced,
                                 char *err, size_t errsz)
{
    *replaced = false;
    size_t n = strlen(path);
    char *tmp = malloc(n + sizeof(TMP_SUFFIX));
    if (!tmp)
        return write_failed("no memory", path, ENOMEM, err, errsz);
    memcpy(tmp, path, n);
    memcpy(tmp + n, TMP_SUFFIX, sizeof(TMP_SUFFIX));

    /* 0600: a state file holds the scenario's passwords. */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return write_failed("cannot create the temporary file", path, e, err, errsz);
    }
    if (!write_all(fd, data, len) || fsync(fd) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return write_failed("cannot write the temporary file", path, e, err, errsz);
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        free(tmp);
        return write_failed("cannot rename the temporary file over it", path, e, err, errsz);
    }
    free(tmp);
    *replaced = true;
    int e = sync_directory(path);
    return e ? write_failed("cannot sync its directory", path, e, err, errsz) : OPENWTS_OK;
}
