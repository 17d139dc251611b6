/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "notification_delivery.h"

#include "event_source.h"
#include "notification_registry.h"
#include "system_events.h"

/* Console or remote: WM_WTSSESSION_CHANGE names connects and disconnects
 * after where the session's display is (MicrosoftDocs win32,
 * wm-wtssession-change.md: "the console terminal or RemoteFX session" vs
 * "the remote terminal"), which is the session's protocol: 0 the console,
 * anything else a remote client. A session that cannot be asked (gone
 * already) counts as the console's. */
static BOOL is_remote(const event_source *src, uint32_t session_id)
{
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_query_session_tag;
    req.op.query_session.session_id = session_id;
    openwts_Reply *rep;
    if (!src->srv || server_call(src->srv, &req, &rep) != ERROR_SUCCESS)
        return FALSE;
    BOOL remote = rep->result.query_session.session.protocol_type != 0;
    reply_free(rep);
    return remote;
}

/* The wParam of WM_WTSSESSION_CHANGE for an event; 0 for an event that has
 * none (a change of state none of the codes names). */
static WPARAM change_code(const event_source *src, uint32_t session_id, openwts_event_kind kind)
{
    switch (kind) {
    case OPENWTS_EVENT_CONNECT:
        return is_remote(src, session_id) ? WTS_REMOTE_CONNECT : WTS_CONSOLE_CONNECT;
    case OPENWTS_EVENT_DISCONNECT:
        return is_remote(src, session_id) ? WTS_REMOTE_DISCONNECT : WTS_CONSOLE_DISCONNECT;
    case OPENWTS_EVENT_LOGON: return WTS_SESSION_LOGON;
    case OPENWTS_EVENT_LOGOFF: return WTS_SESSION_LOGOFF;
    case OPENWTS_EVENT_LOCK: return WTS_SESSION_LOCK;
    case OPENWTS_EVENT_UNLOCK: return WTS_SESSION_UNLOCK;
    case OPENWTS_EVENT_CREATE: return WTS_SESSION_CREATE;
    case OPENWTS_EVENT_DELETE: return WTS_SESSION_TERMINATE;
    default: return 0;
    }
}

void notification_delivery_event(void *ctx, uint32_t session_id, openwts_event_kind kind)
{
    event_source *src = ctx;
    system_events_deliver(src, kind);
    /* The server is asked about the session only when a window wants it. */
    if (notification_registry_listens(src, session_id)) {
        WPARAM code = change_code(src, session_id, kind);
        if (code)
            notification_registry_post(src, session_id, code);
    }
}
