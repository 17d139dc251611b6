/* The server's record of one session: what WTSQuerySessionInformation lays
 * out and what WTSQueryUserToken checks.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

/* Only what this operation reads is written: the operation, its one field
 * (server_call names the server). Clearing the whole request, room for
 * every operation's fields (about 800 bytes), cost a query more than
 * anything else it did but the heap (README, "Speed"); a transport reads
 * the oneof member which_op names and nothing else. */
static void query_request(openwts_Request *req, DWORD session_id)
{
    req->which_op = openwts_Request_query_session_tag;
    req->op.query_session = (openwts_QuerySessionRequest)openwts_QuerySessionRequest_init_zero;
    req->op.query_session.session_id = session_id;
}

DWORD session_record_into(HANDLE hServer, DWORD session_id, openwts_Reply *rep)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req;
    query_request(&req, session_id);
    st = server_call_into(srv, &req, rep);
    server_release(srv);
    return st;
}

DWORD session_record(HANDLE hServer, DWORD session_id, openwts_Reply **rep_out)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req;
    query_request(&req, session_id);
    st = server_call(srv, &req, rep_out);
    server_release(srv);
    return st;
}
