/* A logind session as Windows shows a session: the rules of
 * docs/logind-backend.md ("Sessions as Windows shows them") in one place.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_VIEW_H
#define OPENWTS_LOGIND_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "logind_host.h"
#include "logind_ids.h"
#include "logind_props.h"
#include "openwts.pb.h"

/* WTS_PROTOCOL_TYPE: 0 the console, 2 RDP; 1 (kept by Microsoft "for
 * legacy purposes", once Citrix ICA) for every other remote protocol. */
#define LOGIND_PROTOCOL_CONSOLE 0u
#define LOGIND_PROTOCOL_OTHER_REMOTE 1u
#define LOGIND_PROTOCOL_RDP 2u

/* WTSINFOEX SessionFlags (wtsapi32.h). */
#define LOGIND_LOCK_LOCKED 0
#define LOGIND_LOCK_UNLOCKED 1
#define LOGIND_LOCK_UNKNOWN (-1)

/* The session's WTS_CONNECTSTATE_CLASS value. */
uint32_t logind_view_state(const logind_props *p);

/* Whether the session has a user in Windows' sense (a greeter, the login
 * screen, has none). */
bool logind_view_has_user(const logind_props *p);

/* A session in front of a seat of this machine (not remote, not an RDP
 * server's): what a local screen shows. */
bool logind_view_is_local_seat(const logind_props *p);

/* The whole record of session `ref` (its id, and the connect and
 * disconnect times it saw) from its properties. `now` is FILETIME. */
void logind_view_session(const logind_host *host, const logind_ref *ref, const logind_props *p,
                         int64_t now, openwts_Session *out);

/* Session 0, "Services": the machine's services and every process in no
 * logind session, as Windows runs its services in session 0. */
void logind_view_services(const logind_host *host, openwts_Session *out);

/* CLOCK_REALTIME microseconds as FILETIME; 0 stays 0 (unknown). */
int64_t logind_filetime(uint64_t usec);

#endif
