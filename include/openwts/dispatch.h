/* The dispatcher: one request in, one reply out, the backend in between.
 * Runs inside the DLL (in-process transport) and inside wtsd (behind the
 * decoder) unchanged.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_DISPATCH_H
#define OPENWTS_DISPATCH_H

#include "openwts/backend.h"

/* Serves `req` for `caller` with `be` and fills rep->status,
 * rep->which_result and the result that which_result names (which_result is
 * 0 on error); the rest of the result union is not touched. The caller is
 * who the host knows is calling (in-process: this process; in wtsd: the
 * connection's peer), never anything the request says. A reply that holds a
 * list is released with openwts_reply_release. Returns rep->status. */
openwts_status openwts_dispatch(const openwts_backend *be, const openwts_Caller *caller,
                                const openwts_Request *req, openwts_Reply *rep);

#endif
