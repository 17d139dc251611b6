/* The sim backend's files: reading a scenario or state file whole, and
 * replacing the state file atomically, so that a crash at any moment
 * leaves either the old state or the new one, never a mixture.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_STORE_H
#define OPENWTS_SIM_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "openwts/status.h"

/* Win32 codes for file failures that status.h does not spell (winerror.h). */
#define SIM_ERROR_PATH_NOT_FOUND 3u
#define SIM_ERROR_WRITE_FAULT 29u
#define SIM_ERROR_READ_FAULT 30u
#define SIM_ERROR_DISK_FULL 112u

#define SIM_STORE_MAX_BYTES (256u << 20) /* larger files are refused */

/* The whole file, with a NUL after its last byte (not counted in *len);
 * free() it. On error `err` says why, after the path. */
openwts_status sim_store_read(const char *path, char **text, size_t *len, char *err, size_t errsz);

/* Whether `path` names something that exists (a state file to load). */
bool sim_store_exists(const char *path);

/* Replaces `path` with data[0..len): writes "<path>.tmp" in the same
 * directory, fsyncs it, renames it over `path`, fsyncs the directory.
 * *replaced tells whether `path` already holds the new data when an error
 * comes back (only the directory sync failed): the caller must then write
 * the old data back if it undoes the change. On error `err` (if any) says
 * what failed, after the path. */
openwts_status sim_store_replace(const char *path, const char *data, size_t len, bool *replaced,
                                 char *err, size_t errsz);

#endif
