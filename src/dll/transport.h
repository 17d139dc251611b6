/* Transports carry a request to a dispatcher and its reply back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_TRANSPORT_H
#define OPENWTS_TRANSPORT_H

#include "openwts/backend.h"

/* In-process: the dispatcher and the embedded backend run in this DLL and
 * the structs are handed over as they are, without encoding. */
openwts_status transport_inproc_call(const openwts_Caller *caller, const openwts_Request *req,
                                     openwts_Reply *rep);

#endif
