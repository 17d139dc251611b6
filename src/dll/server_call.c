/* The one road from an export to the backend: pick the transport the
 * server's binding names (stamping the caller in-process), bring back the
 * status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "caller_identity.h"
#include "transport.h"

/* A reply holds one session record inline (about 3 kB) and lists by
 * pointer. A query (server_call_into) and an operation whose reply only
 * says whether it worked use a reply on the caller's stack; the ones that
 * hand their reply back (lists) take the spare kept here, and a second
 * concurrent caller gets its own from the heap. The dispatcher clears what
 * it fills, so a reused reply needs no zeroing. */
static openwts_Reply *volatile spare_reply;

static openwts_Reply *reply_alloc(void)
{
    openwts_Reply *rep = InterlockedExchangePointer((void *volatile *)&spare_reply, NULL);
    return rep ? rep : HeapAlloc(GetProcessHeap(), 0, sizeof(openwts_Reply));
}

void reply_free(openwts_Reply *rep)
{
    openwts_reply_release(rep);
    if (rep && InterlockedCompareExchangePointer((void *volatile *)&spare_reply, rep, NULL) != NULL)
        HeapFree(GetProcessHeap(), 0, rep);
}

void reply_cache_free(void)
{
    openwts_Reply *rep = InterlockedExchangePointer((void *volatile *)&spare_reply, NULL);
    if (rep)
        HeapFree(GetProcessHeap(), 0, rep);
}

/* The result an operation's success must carry. A reply that says
 * otherwise (a faulty or hostile server) is refused before any export
 * reads a list pointer out of the wrong member of the union. */
static pb_size_t expected_result(pb_size_t op)
{
    switch (op) {
    case openwts_Request_enumerate_sessions_tag: return openwts_Reply_enumerate_sessions_tag;
    case openwts_Request_query_session_tag: return openwts_Reply_query_session_tag;
    case openwts_Request_enumerate_processes_tag: return openwts_Reply_enumerate_processes_tag;
    case openwts_Request_send_message_tag: return openwts_Reply_send_message_tag;
    case openwts_Request_add_session_tag: return openwts_Reply_add_session_tag;
    default: return openwts_Reply_done_tag;
    }
}

DWORD server_call_into(const server *srv, openwts_Request *req, openwts_Reply *rep)
{
    /* The server is named once, here, for every operation: "", the server
     * itself, since the binding has already chosen it (an alias or a
     * host:port means nothing to the server, and in-process only this
     * machine's names come here). */
    req->server[0] = '\0';
    DWORD st;
    switch (srv->binding.route) {
    case ROUTE_INPROC:
        st = transport_inproc_call(caller_identity(), req, rep);
        break;
    case ROUTE_SOCKET:
        /* Who is calling is the server's to find out from the connection. */
        st = transport_socket_call(srv->link, req, rep);
        break;
    default:
        rep->which_result = 0;
        st = RPC_S_SERVER_UNAVAILABLE;
        break;
    }
    if (st == ERROR_SUCCESS && rep->which_result != expected_result(req->which_op))
        st = ERROR_INVALID_DATA;
    if (st)
        openwts_reply_release(rep);
    return st;
}

DWORD server_call(const server *srv, openwts_Request *req, openwts_Reply **rep_out)
{
    if (!rep_out) {
        openwts_Reply rep;
        DWORD st = server_call_into(srv, req, &rep);
        if (!st)
            openwts_reply_release(&rep);
        return st;
    }
    openwts_Reply *rep = reply_alloc();
    if (!rep)
        return ERROR_NOT_ENOUGH_MEMORY;
    DWORD st = server_call_into(srv, req, rep);
    if (st)
        reply_free(rep);
    else
        *rep_out = rep;
    return st;
}
