/* The dispatcher: one request in, one reply out, the backend in between.
 * Runs inside the DLL (in-process transport) and inside wtsd (behind the
 * decoder) unchanged.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_DISPATCH_H
#define OPENWTS_DISPATCH_H

#include "openwts/backend.h"

/* Serves `req` with `be` and fills `rep` (zeroed first). Always returns
 * rep->status, for convenience. */
openwts_status openwts_dispatch(const openwts_backend *be, const openwts_Request *req,
                                openwts_Reply *rep);

#endif
