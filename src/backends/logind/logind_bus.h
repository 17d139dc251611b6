/* The calls the backend makes to logind's Manager object, with the
 * signatures of org.freedesktop.login1(5) ("The Manager Object").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_BUS_H
#define OPENWTS_LOGIND_BUS_H

#include <stddef.h>
#include <stdint.h>
#include <systemd/sd-bus.h>

#include "openwts/status.h"

#define LOGIND_BUS_NAME "org.freedesktop.login1"
#define LOGIND_MANAGER_PATH "/org/freedesktop/login1"
#define LOGIND_MANAGER_INTERFACE "org.freedesktop.login1.Manager"
#define LOGIND_SESSION_INTERFACE "org.freedesktop.login1.Session"
#define LOGIND_SESSION_PATHS "/org/freedesktop/login1/session"

/* One entry of ListSessions: a(susso) session id, uid, user, seat, path. */
typedef struct logind_listed {
    char *name;
    char *path;
} logind_listed;

/* ListSessions(out a(susso)). Free the list with logind_listed_free. */
openwts_status logind_list_sessions(sd_bus *bus, logind_listed **out, size_t *n);
void logind_listed_free(logind_listed *list, size_t n);

/* A Manager method that takes one session id and returns nothing:
 * TerminateSession, LockSession, UnlockSession, ActivateSession (in s). */
openwts_status logind_session_call(sd_bus *bus, const char *method, const char *name);

/* GetSessionByPID(in u pid, out o): the object path of the session of
 * process `pid` (free it), or NULL when it is in none (logind's
 * NoSessionForPID). */
openwts_status logind_session_by_pid(sd_bus *bus, uint32_t pid, char **path);

/* The Id property of the session at `path` (free it). */
openwts_status logind_session_name(sd_bus *bus, const char *path, char **name);

#endif
