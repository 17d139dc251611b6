/* Messages: WTSSendMessage(A/W). The texts travel as UTF-8; the server
 * shows the box and reports the button, IDTIMEOUT or IDASYNC.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "counted_text.h"
#include "frontend.h"
#include "trace.h"

/* The button sets MessageBox knows: MB_OK (0) to MB_CANCELTRYCONTINUE (6).
 * The other bits of Style are the server's to honour or ignore. */
#define LAST_BUTTON_SET MB_CANCELTRYCONTINUE

static DWORD send_message(HANDLE hServer, DWORD SessionId, char *title, char *message,
                          DWORD Style, DWORD Timeout, DWORD *pResponse, BOOL bWait)
{
    server *srv;
    DWORD st = server_handle_resolve(hServer, &srv);
    if (st)
        return st;
    openwts_Request req = openwts_Request_init_zero;
    req.which_op = openwts_Request_send_message_tag;
    openwts_SendMessageRequest *m = &req.op.send_message;
    m->session_id = SessionId;
    m->title = title; /* pointer fields: the request borrows the caller's texts */
    m->message = message;
    m->style = Style;
    m->timeout_seconds = Timeout;
    m->wait = bWait != FALSE;
    openwts_Reply *rep;
    st = server_call(srv, &req, &rep);
    if (!st) {
        *pResponse = rep->result.send_message.response;
        reply_free(rep);
    }
    server_release(srv);
    return st;
}

/* Checked before anything else: the output and the style's button set. */
static DWORD check_arguments(DWORD Style, const DWORD *pResponse)
{
    if (!pResponse || (Style & MB_TYPEMASK) > LAST_BUTTON_SET)
        return ERROR_INVALID_PARAMETER;
    return ERROR_SUCCESS;
}

/* TitleLength and MessageLength are in bytes (MicrosoftDocs sdk-api,
 * WTSSendMessageW); each text ends there or at a NUL before. */
BOOL WINAPI WTSSendMessageW(HANDLE hServer, DWORD SessionId, LPWSTR pTitle, DWORD TitleLength,
                            LPWSTR pMessage, DWORD MessageLength, DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait)
{
    TRACE("%p, %#lx, %s, %lu, %s, %lu, %#lx, %lu, %p, %d\n", hServer, SessionId, trace_wstr(pTitle), TitleLength, trace_wstr(pMessage), MessageLength, Style, Timeout, pResponse, bWait);
    char *title = NULL, *message = NULL;
    DWORD st = check_arguments(Style, pResponse);
    if (!st)
        st = counted_text_wide_to_utf8(pTitle, TitleLength, &title);
    if (!st)
        st = counted_text_wide_to_utf8(pMessage, MessageLength, &message);
    if (!st)
        st = send_message(hServer, SessionId, title, message, Style, Timeout, pResponse, bWait);
    counted_text_free(title);
    counted_text_free(message);
    return status_to_bool(st);
}

/* The lengths count bytes of the ANSI code page. */
BOOL WINAPI WTSSendMessageA(HANDLE hServer, DWORD SessionId, LPSTR pTitle, DWORD TitleLength,
                            LPSTR pMessage, DWORD MessageLength, DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait)
{
    TRACE("%p, %#lx, %s, %lu, %s, %lu, %#lx, %lu, %p, %d\n", hServer, SessionId, trace_astr(pTitle), TitleLength, trace_astr(pMessage), MessageLength, Style, Timeout, pResponse, bWait);
    char *title = NULL, *message = NULL;
    DWORD st = check_arguments(Style, pResponse);
    if (!st)
        st = counted_text_ansi_to_utf8(pTitle, TitleLength, &title);
    if (!st)
        st = counted_text_ansi_to_utf8(pMessage, MessageLength, &message);
    if (!st)
        st = send_message(hServer, SessionId, title, message, Style, Timeout, pResponse, bWait);
    counted_text_free(title);
    counted_text_free(message);
    return status_to_bool(st);
}
