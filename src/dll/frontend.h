/* What the exported functions share: server handles, the call to the
 * server, output blocks and text conversion. Each export file shows only
 * validate, call, map status.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_FRONTEND_H
#define OPENWTS_FRONTEND_H

#include <windows.h>
#include <wtsapi32.h>

#include "openwts/backend.h"
#include "openwts/utf8.h"
#include "server_binding.h"

/* ---- server handles (server_handle.c) ---- */

/* A server as a handle names it, and where its calls go. */
typedef struct server {
    LONG refs;
    char name[257];         /* UTF-8, as the program gave it ("" for the default server) */
    server_binding binding; /* in-process, a socket, or nothing reachable */
    struct socket_link *link; /* the connection of a socket binding (transport.h) */
} server;

/* A new handle for `name` as WTSOpenServer takes it (never fails for an
 * unknown name: calls on it do, as on Windows); opening connects nothing.
 * NULL with the last error set on failure. */
HANDLE server_handle_open(const WCHAR *name);
/* The server behind a handle, referenced; WTS_CURRENT_SERVER_HANDLE gives
 * the default server. ERROR_INVALID_HANDLE for anything not open. */
DWORD server_handle_resolve(HANDLE h, server **out);
void server_release(server *srv);
/* Invalidates the handle; the server lives on until its last user lets go. */
void server_handle_close(HANDLE h);
/* At DLL unload: closes every handle, the default server's connection, and
 * frees the configuration. */
void server_handle_table_free(void);

/* ---- the call (server_call.c) ---- */

/* Fills in who is calling, sends the request on the configured transport
 * and returns the reply's status (a Win32 error code). With rep_out and
 * ERROR_SUCCESS, *rep_out is the reply, released with reply_free; in every
 * other case the reply is already released. */
DWORD server_call(const server *srv, openwts_Request *req, openwts_Reply **rep_out);
/* The same into the caller's reply (a query's, on its stack: nothing to
 * allocate). On ERROR_SUCCESS the caller releases what it holds with
 * openwts_reply_release; in every other case it holds nothing. */
DWORD server_call_into(const server *srv, openwts_Request *req, openwts_Reply *rep);
void reply_free(openwts_Reply *rep);
void reply_cache_free(void); /* at DLL unload */

/* The server's record of session `session_id` of the server behind
 * hServer (WTS_CURRENT_SESSION is resolved by the dispatcher); *rep_out
 * holds it in result.query_session and is released with reply_free
 * (session_record.c). */
DWORD session_record(HANDLE hServer, DWORD session_id, openwts_Reply **rep_out);
/* The same into the caller's reply (server_call_into). */
DWORD session_record_into(HANDLE hServer, DWORD session_id, openwts_Reply *rep);

/* ---- status to the caller (status.c) ---- */

/* SetLastError(status) and the BOOL a WTS function returns for it. */
BOOL status_to_bool(DWORD status);

/* ---- text (text.c) ---- */

/* UTF-8 to UTF-16 into dst of dst_chars characters, cut to fit, always
 * terminated; returns the characters written including the NUL. With
 * dst NULL returns the characters needed. */
size_t text_to_wide(const char *utf8, WCHAR *dst, size_t dst_chars);
/* UTF-16 to UTF-8 into a fixed field of cap bytes (cut at a character). */
void text_from_wide(const WCHAR *src, char *dst, size_t cap);
/* UTF-16 to the ANSI code page, as text_to_wide; returns bytes incl NUL. */
size_t text_wide_to_ansi(const WCHAR *src, char *dst, size_t dst_bytes);
/* Names (accounts, computers) compare as Windows compares them: ignoring
 * case, in any script. Both UTF-8; names past 256 characters never match. */
BOOL text_same_name(const char *a_utf8, const char *b_utf8);
/* ANSI to a newly allocated UTF-16 string (LocalFree); NULL in gives NULL. */
WCHAR *text_ansi_to_wide_alloc(const char *ansi);

/* ---- output blocks (out_block.c) ---- */

/* One allocation holding fixed-size records followed by their strings, as
 * Windows returns them: the caller frees it with one WTSFreeMemory. */
typedef struct out_block {
    BYTE *base;
    size_t size;
    size_t next; /* where the next string goes */
} out_block;

BOOL out_block_alloc(out_block *b, size_t fixed_bytes, size_t string_bytes);
/* Copies a UTF-8 string into the block as UTF-16 and returns it; NULL for
 * NULL (or, with null_if_empty, for ""). */
WCHAR *out_block_put_wide(out_block *b, const char *utf8, BOOL null_if_empty);
char *out_block_put_ansi(out_block *b, const WCHAR *wide);
void *out_alloc(size_t bytes);  /* what WTSFreeMemory frees */
void out_free(void *p);

#endif
