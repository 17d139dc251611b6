/* The one road from an export to the backend: stamp the caller, pick the
 * transport, bring back the status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "caller_identity.h"
#include "transport.h"

openwts_Reply *reply_alloc(void)
{
    return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(openwts_Reply));
}

void reply_free(openwts_Reply *rep)
{
    if (rep)
        HeapFree(GetProcessHeap(), 0, rep);
}

DWORD server_call(const server *srv, openwts_Request *req, openwts_Reply *rep)
{
    (void)srv; /* the server name travels inside the operation's request */
    req->has_caller = true;
    req->caller = *caller_identity();
    return transport_inproc_call(req, rep);
}
