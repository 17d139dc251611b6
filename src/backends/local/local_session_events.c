/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "local_session_events.h"

#include "local_events.h"
#include "openwts/backend.h"

void local_session_events_post(const local_session_state *before, const local_session_state *after)
{
    BOOL was_disconnected = before->state == OPENWTS_STATE_DISCONNECTED;
    BOOL is_disconnected = after->state == OPENWTS_STATE_DISCONNECTED;
    local_event events[4];
    size_t n = 0;
    if (!was_disconnected && is_disconnected)
        events[n++] = (local_event){ after->id, OPENWTS_EVENT_DISCONNECT };
    if (!before->logged_off && after->logged_off)
        events[n++] = (local_event){ after->id, OPENWTS_EVENT_LOGOFF };
    /* Back from Disconnected: a display is attached again (the logon
     * screen, after a logoff). Connected to Active is a logon, not a
     * connect: the display was there. */
    if (was_disconnected && !is_disconnected)
        events[n++] = (local_event){ after->id, OPENWTS_EVENT_CONNECT };
    if (before->logged_off && !after->logged_off)
        events[n++] = (local_event){ after->id, OPENWTS_EVENT_LOGON };
    if (!n && before->state != after->state)
        events[n++] = (local_event){ after->id, OPENWTS_EVENT_STATE };
    local_events_post(events, n);
}
