/* Bringing the id map up to date with logind's list of sessions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_SYNC_H
#define OPENWTS_LOGIND_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "logind_backend.h"
#include "logind_props.h"

/* One listed session and its properties. */
typedef struct logind_seen {
    logind_ref *ref;
    logind_props props;
} logind_seen;

typedef struct logind_snapshot {
    logind_seen *items;
    size_t n;
} logind_snapshot;

/* Lists logind's sessions (ListSessions): sessions no longer listed are
 * reported gone (logind_track_vanished), new ones get their ids (numbers
 * first, so that "7" can keep 7, then the others in natural order). With
 * `snap`, also reads every listed session's properties, observes them
 * (logind_track_observe) and returns them; a session that ends between
 * the list and the read is reported gone and left out. The first sync
 * that succeeds is the baseline: the sessions it finds are not news. */
openwts_status logind_sync(logind *l, logind_snapshot *snap);

void logind_snapshot_free(logind_snapshot *snap);

/* The entry for the session at `path` (a signal's or GetSessionByPID's),
 * learning it from its Id if the map does not know it (reported as fresh
 * once the baseline exists). NULL with *st set when that fails. */
logind_ref *logind_ref_for_path(logind *l, const char *path, openwts_status *st);

#endif
