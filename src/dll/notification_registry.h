/* The windows registered for session change notifications in this
 * process: which server's sessions each one wants, and whether all of them
 * or only its own. Registering is counted, as Windows counts it (every
 * WTSRegisterSessionNotification wants its WTSUnRegisterSessionNotification);
 * registering again leaves the first flags in force.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_NOTIFICATION_REGISTRY_H
#define OPENWTS_NOTIFICATION_REGISTRY_H

#include "frontend.h"

/* ERROR_SUCCESS, or ERROR_NOT_ENOUGH_MEMORY. */
DWORD notification_register(const server *srv, HWND hwnd, DWORD flags);
/* ERROR_SUCCESS when (hwnd, srv) was registered; ERROR_INVALID_PARAMETER
 * when it was not (MicrosoftDocs leaves that case open; README). */
DWORD notification_unregister(const server *srv, HWND hwnd);
void notification_registry_free(void);

#endif
