/* logind's refusals and the bus's failures as Win32 error codes. Names
 * first (they say the most), then the errno sd-bus derived; the table is
 * in docs/logind-backend.md, "Errors".
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_status.h"

#include <errno.h>
#include <string.h>

/* polkit's and the bus's ways of saying no. logind answers
 * InteractiveAuthorizationRequired when polkit would have asked a
 * password. */
static const char *const denied[] = {
    "org.freedesktop.DBus.Error.AccessDenied",
    "org.freedesktop.DBus.Error.InteractiveAuthorizationRequired",
    "org.freedesktop.PolicyKit1.Error.NotAuthorized",
    "org.freedesktop.PolicyKit1.Error.Failed",
    NULL,
};

/* Nobody answers: logind not running, the bus gone, no reply in time. */
static const char *const unavailable[] = {
    "org.freedesktop.DBus.Error.ServiceUnknown",
    "org.freedesktop.DBus.Error.NameHasNoOwner",
    "org.freedesktop.DBus.Error.NoReply",
    "org.freedesktop.DBus.Error.NoServer",
    "org.freedesktop.DBus.Error.Disconnected",
    "org.freedesktop.DBus.Error.Timeout",
    "org.freedesktop.DBus.Error.TimedOut",
    "org.freedesktop.DBus.Error.Spawn.ServiceNotFound",
    NULL,
};

/* The session named is not there (any more). The bus says UnknownObject
 * for a path nobody serves (sd-bus, so logind) or UnknownMethod (libdbus,
 * so the test's mock: docs/logind-backend.md, "The mock"). */
static const char *const gone[] = {
    "org.freedesktop.login1.NoSuchSession",
    "org.freedesktop.DBus.Error.UnknownObject",
    "org.freedesktop.DBus.Error.UnknownMethod",
    "org.freedesktop.DBus.Error.UnknownInterface",
    NULL,
};

static const char *const unsupported[] = {
    "org.freedesktop.DBus.Error.NotSupported",
    "org.freedesktop.DBus.Error.UnknownMethod", /* an older logind on the Manager */
    NULL,
};

static bool named(const sd_bus_error *error, const char *const *names)
{
    if (!error || !sd_bus_error_is_set(error))
        return false;
    for (; *names; names++)
        if (strcmp(error->name, *names) == 0)
            return true;
    return false;
}

openwts_status logind_status(const sd_bus_error *error, int r, enum logind_about about)
{
    if (named(error, denied))
        return OPENWTS_ERROR_ACCESS_DENIED;
    if (named(error, unavailable))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    if (about == LOGIND_ABOUT_SESSION && named(error, gone))
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    if (named(error, unsupported))
        return OPENWTS_ERROR_NOT_SUPPORTED;
    if (error && sd_bus_error_is_set(error)) {
        /* Another name: only sd-bus's own reading of it as "permission"
         * says something Windows has a code for. */
        int e = sd_bus_error_get_errno(error);
        return e == EACCES || e == EPERM ? OPENWTS_ERROR_ACCESS_DENIED : LOGIND_STATUS_BAD_REPLY;
    }
    /* No answer at all: what went wrong on our side of the socket. */
    switch (-r) {
    case ENOMEM:
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    case ECONNREFUSED:
    case ECONNRESET:
    case ENOTCONN:
    case ENOENT: /* no socket at the bus's address */
    case ENXIO:
    case EPIPE:
    case ESHUTDOWN:
    case ETIMEDOUT:
    case EHOSTUNREACH:
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    default:
        return LOGIND_STATUS_BAD_REPLY;
    }
}
