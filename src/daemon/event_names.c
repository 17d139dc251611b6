/* The names of session events (server.h), for wtsd's log and wtsctl watch.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "server.h"

const char *wtsd_event_kind_name(openwts_event_kind kind)
{
    switch (kind) {
    case OPENWTS_EVENT_CREATE: return "create";
    case OPENWTS_EVENT_DELETE: return "delete";
    case OPENWTS_EVENT_LOGON: return "logon";
    case OPENWTS_EVENT_LOGOFF: return "logoff";
    case OPENWTS_EVENT_CONNECT: return "connect";
    case OPENWTS_EVENT_DISCONNECT: return "disconnect";
    case OPENWTS_EVENT_LOCK: return "lock";
    case OPENWTS_EVENT_UNLOCK: return "unlock";
    case OPENWTS_EVENT_STATE: return "state";
    }
    return "unknown";
}
