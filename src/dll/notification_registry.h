/* The windows registered for session change notifications in this
 * process: which server's sessions each one wants, and whether all of them
 * or only its own. Registering is counted, as Windows counts it (every
 * WTSRegisterSessionNotification wants its WTSUnRegisterSessionNotification);
 * registering again leaves the first flags in force.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_NOTIFICATION_REGISTRY_H
#define OPENWTS_NOTIFICATION_REGISTRY_H

#include "event_source.h"

/* `source` reports the server's events; `own_session` is the caller's
 * session on that server (NOTIFY_FOR_THIS_SESSION's). ERROR_SUCCESS, or
 * ERROR_NOT_ENOUGH_MEMORY. */
DWORD notification_register(const server *srv, HWND hwnd, DWORD flags, const event_source *source,
                            uint32_t own_session);
/* ERROR_SUCCESS when (hwnd, srv) was registered; ERROR_INVALID_PARAMETER
 * when it was not (MicrosoftDocs leaves that case open; README). Once it
 * returns, no message for that registration is posted any more: posting
 * holds the same lock. */
DWORD notification_unregister(const server *srv, HWND hwnd);
/* Does any window want this event of `source` (a cheap look, so that the
 * server is asked about the session only for someone)? */
BOOL notification_registry_listens(const event_source *source, uint32_t session_id);
/* Posts WM_WTSSESSION_CHANGE (code, session_id) to every window that wants
 * this event of `source`. A window that is gone is dropped (destroyed
 * without unregistering: it costs nothing more). */
void notification_registry_post(const event_source *source, uint32_t session_id, WPARAM code);
/* A server handle was closed: its registrations go with it, so that a
 * later handle (which may reuse the same server object) starts with none
 * and nothing more is posted for it. */
void notification_registry_forget_server(const server *srv);
void notification_registry_free(void);

#endif
