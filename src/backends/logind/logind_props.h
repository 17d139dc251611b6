/* The properties of one org.freedesktop.login1.Session object that the
 * backend uses (org.freedesktop.login1(5), "Session Objects").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_PROPS_H
#define OPENWTS_LOGIND_PROPS_H

#include <stdbool.h>
#include <stdint.h>
#include <systemd/sd-bus.h>

#include "openwts/status.h"

typedef struct logind_props {
    /* Texts are never NULL once read ("" when logind gave none). */
    char *id, *name, *seat, *session_class, *type, *remote_host, *remote_user, *service,
         *state, *scope;
    uint32_t uid;            /* User: (uo) */
    uint32_t leader;         /* the pid that registered the session */
    bool remote, active, locked_hint, idle_hint;
    uint64_t idle_since_usec; /* CLOCK_REALTIME microseconds, 0 unknown */
    uint64_t timestamp_usec;  /* when the session was made, likewise */
} logind_props;

/* Reads the properties of the session at object path `path` with one
 * Properties.GetAll. A property logind does not have, or has with another
 * type than documented, keeps its empty value. Errors as logind_status
 * gives them for a session (one that is gone: ERROR_CTX_WINSTATION_NOT_FOUND).
 * On success free with logind_props_clear; on failure nothing is held. */
openwts_status logind_props_get(sd_bus *bus, const char *path, logind_props *out);

void logind_props_clear(logind_props *p);

#endif
