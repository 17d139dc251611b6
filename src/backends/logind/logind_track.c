/* WTS events from what the backend sees, in the order Windows reports
 * them for a new session (create, connect, logon), as the sim does.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_track.h"

#include <string.h>

#include "logind_view.h"
#include "sim_time.h"

void logind_emit(const logind *l, uint32_t id, openwts_event_kind kind)
{
    if (l->sink)
        l->sink(l->sink_ctx, id, kind);
}

static bool is_closing(const logind_props *p)
{
    return strcmp(p->state, "closing") == 0;
}

static void first_sight(logind *l, logind_ref *ref, const logind_props *p)
{
    ref->known = true;
    ref->shown = logind_view_state(p) != OPENWTS_STATE_DISCONNECTED;
    ref->closing = is_closing(p);
    ref->has_user = logind_view_has_user(p);
    ref->hint_locked = ref->locked = p->locked_hint;
    if (!ref->fresh)
        return;
    logind_emit(l, ref->id, OPENWTS_EVENT_CREATE);
    if (ref->shown)
        logind_emit(l, ref->id, OPENWTS_EVENT_CONNECT);
    if (ref->has_user && !ref->closing)
        logind_emit(l, ref->id, OPENWTS_EVENT_LOGON);
}

void logind_track_observe(logind *l, logind_ref *ref, const logind_props *p)
{
    if (!ref->known) {
        first_sight(l, ref, p);
        return;
    }
    bool closing = is_closing(p);
    if (closing && !ref->closing) {
        ref->closing = true;
        if (ref->has_user)
            logind_emit(l, ref->id, OPENWTS_EVENT_LOGOFF);
    }
    bool shown = logind_view_state(p) != OPENWTS_STATE_DISCONNECTED;
    if (shown != ref->shown) {
        ref->shown = shown;
        if (shown)
            ref->connect_time = sim_time_now();
        else
            ref->disconnect_time = sim_time_now();
        logind_emit(l, ref->id, shown ? OPENWTS_EVENT_CONNECT : OPENWTS_EVENT_DISCONNECT);
    }
    if (p->locked_hint != ref->hint_locked) {
        ref->hint_locked = p->locked_hint;
        logind_track_lock(l, ref, p->locked_hint);
    }
}

void logind_track_lock(logind *l, logind_ref *ref, bool lock)
{
    if (ref->known && ref->locked == lock)
        return;
    ref->locked = lock;
    logind_emit(l, ref->id, lock ? OPENWTS_EVENT_LOCK : OPENWTS_EVENT_UNLOCK);
}

void logind_track_vanished(logind *l, logind_ref *ref)
{
    uint32_t id = ref->id;
    /* A fresh session never observed was never reported: nothing to take
     * back. One that was there when the backend started was. */
    bool report = ref->known || !ref->fresh;
    bool logoff = report && !ref->closing && (ref->has_user || !ref->known);
    logind_ids_forget(&l->ids, ref);
    if (logoff)
        logind_emit(l, id, OPENWTS_EVENT_LOGOFF);
    if (report)
        logind_emit(l, id, OPENWTS_EVENT_DELETE);
}
