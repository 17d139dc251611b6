/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "transport.h"

#include "openwts/dispatch.h"

openwts_status transport_inproc_call(const openwts_Caller *caller, const openwts_Request *req,
                                     openwts_Reply *rep)
{
    /* The default backend: the first one DllMain registered ("local"). */
    return openwts_dispatch(openwts_backend_find(NULL), caller, req, rep);
}
