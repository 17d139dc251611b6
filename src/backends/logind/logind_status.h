/* What logind's answers mean as Win32 error codes
 * (docs/logind-backend.md, "Errors").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_STATUS_H
#define OPENWTS_LOGIND_STATUS_H

#include <stdbool.h>
#include <systemd/sd-bus.h>

#include "openwts/status.h"

/* RPC_S_CALL_FAILED (winerror.h): logind answered with an error that
 * means nothing more precise, or with a reply we cannot read. */
#define LOGIND_STATUS_BAD_REPLY 1726u

enum logind_about {
    LOGIND_ABOUT_MANAGER, /* a call on the Manager object */
    LOGIND_ABOUT_SESSION, /* a call on, or naming, one session: "no such object" is 7022 */
};

/* The Win32 code for a failed call: `error` as sd-bus filled it, `r` the
 * negative errno sd-bus returned. */
openwts_status logind_status(const sd_bus_error *error, int r, enum logind_about about);

#endif
