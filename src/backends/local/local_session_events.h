/* What a change to a session's shared state tells the other processes: the
 * events of one transition of `local`, posted to local_events.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_SESSION_EVENTS_H
#define OPENWTS_LOCAL_SESSION_EVENTS_H

#include "local_state.h"

/* Posts the events that took session `after->id` from `before` to `after`,
 * in the order a user would see them: DISCONNECT, LOGOFF, CONNECT, LOGON
 * (those that apply); STATE for a change of state none of those names;
 * nothing when nothing changed. Called by local_state_update once readers
 * see the change, under the writers' mutex, so that two processes' changes
 * are posted in the order they took effect and a listener that queries on
 * an event finds what the event says. */
void local_session_events_post(const local_session_state *before, const local_session_state *after);

#endif
