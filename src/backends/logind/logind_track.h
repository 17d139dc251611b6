/* Turning what the backend sees of a session into WTS events, each change
 * reported once: by the signal that announces it, or by the call that
 * sees it first (docs/logind-backend.md, "Events").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_TRACK_H
#define OPENWTS_LOGIND_TRACK_H

#include <stdbool.h>

#include "logind_backend.h"
#include "logind_props.h"

/* The session as it is now. The first sight of a session only records it,
 * unless it is fresh (born after the backend started): then CREATE,
 * CONNECT when it is shown, LOGON when it has a user. After that: CONNECT
 * or DISCONNECT when it comes to the front or leaves it; LOGOFF when
 * logind starts closing it; LOCK or UNLOCK when LockedHint changes and
 * that is not what was reported last. */
void logind_track_observe(logind *l, logind_ref *ref, const logind_props *p);

/* logind's Lock or Unlock signal for the session: LOCK or UNLOCK unless
 * that is what was reported last. */
void logind_track_lock(logind *l, logind_ref *ref, bool lock);

/* The session is gone: LOGOFF (unless reported already) and DELETE, then
 * its entry and id are dropped. `ref` is invalid afterwards. */
void logind_track_vanished(logind *l, logind_ref *ref);

#endif
