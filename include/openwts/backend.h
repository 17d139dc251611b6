/* The backend table: what a session manager must provide so that the
 * wtsapi32 front end (in-process) or wtsd (over a socket) can serve calls.
 *
 * Shaped like SQLite's sqlite3_vfs: a versioned struct of function pointers,
 * registered by name. Operations are only ever appended; a backend states the
 * version it was written against in `version`, and the dispatcher never calls
 * a slot beyond it (the caller gets ERROR_CALL_NOT_IMPLEMENTED instead). A
 * NULL slot means the same.
 *
 * Every operation returns a Win32 error code (OPENWTS_OK on success) and
 * takes plain C arguments: no Win32 types here, so one backend builds into
 * the DLL, into wtsd and into the Linux tests. Session records are the
 * schema's own struct (openwts_Session), so a session is declared once.
 * WTS_CURRENT_SESSION has been resolved to the caller's session before a
 * backend sees an id, and permissions have been checked by the dispatcher.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_BACKEND_H
#define OPENWTS_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openwts/status.h"
#include "openwts.pb.h"

#define OPENWTS_BACKEND_VERSION 4

/* Windows' WTS_CONNECTSTATE_CLASS values, for backends without its header. */
enum openwts_connect_state {
    OPENWTS_STATE_ACTIVE = 0,
    OPENWTS_STATE_CONNECTED = 1,
    OPENWTS_STATE_CONNECT_QUERY = 2,
    OPENWTS_STATE_SHADOW = 3,
    OPENWTS_STATE_DISCONNECTED = 4,
    OPENWTS_STATE_IDLE = 5,
    OPENWTS_STATE_LISTEN = 6,
    OPENWTS_STATE_RESET = 7,
    OPENWTS_STATE_DOWN = 8,
    OPENWTS_STATE_INIT = 9,
};

#define OPENWTS_CURRENT_SESSION 0xFFFFFFFFu /* WTS_CURRENT_SESSION */
#define OPENWTS_ANY_SESSION     0xFFFFFFFEu /* WTS_ANY_SESSION */

/* WTSSendMessage's own responses (wtsapi32.h), beside the IDOK... of MessageBox. */
#define OPENWTS_IDTIMEOUT 32000u
#define OPENWTS_IDASYNC   32001u

typedef struct openwts_backend openwts_backend;

/* What happened to a session, as a backend reports it to its host (the DLL
 * or wtsd), which turns it into WM_WTSSESSION_CHANGE / WTS_EVENT_* for the
 * programs that asked. */
typedef enum openwts_event_kind {
    OPENWTS_EVENT_CREATE = 1,     /* a session came into being */
    OPENWTS_EVENT_DELETE = 2,     /* ... and went away */
    OPENWTS_EVENT_LOGON = 3,
    OPENWTS_EVENT_LOGOFF = 4,
    OPENWTS_EVENT_CONNECT = 5,    /* a client (or the console) attached */
    OPENWTS_EVENT_DISCONNECT = 6,
    OPENWTS_EVENT_LOCK = 7,
    OPENWTS_EVENT_UNLOCK = 8,
    OPENWTS_EVENT_STATE = 9,      /* any other change of WTS_CONNECTSTATE_CLASS */
} openwts_event_kind;

/* Called by a backend after a change took effect, in the order changes
 * happened, from whatever thread made the change. */
typedef void (*openwts_event_fn)(void *ctx, uint32_t session_id, openwts_event_kind kind);

struct openwts_backend {
    int version;        /* OPENWTS_BACKEND_VERSION the backend was written for */
    const char *name;   /* "local", "sim", "logind" */
    void *data;         /* the backend's own state */

    /* --- version 1 --- */

    /* Every operation takes the server name the handle was opened with (""
     * for WTS_CURRENT_SERVER_HANDLE); a name the backend does not serve gives
     * RPC_S_SERVER_UNAVAILABLE, as Windows does for an unreachable server.
     * Fills at most `max` sessions, in the order Windows would list them;
     * with more sessions than that, it returns ERROR_INSUFFICIENT_BUFFER
     * with *count = the number it has, and is called again with that much
     * room. Each of the first *count entries must be written whole (start
     * from memset or openwts_Session_init_zero): the array is not cleared
     * for you. */
    openwts_status (*enumerate_sessions)(const openwts_backend *be, const openwts_Caller *caller,
                                         const char *server, openwts_Session *out, size_t max,
                                         size_t *count);
    openwts_status (*query_session)(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, uint32_t session_id, openwts_Session *out);
    openwts_status (*disconnect_session)(const openwts_backend *be, const openwts_Caller *caller,
                                         const char *server, uint32_t session_id, bool wait);
    openwts_status (*logoff_session)(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t session_id, bool wait);
    /* Attach session `logon_id` to the display of session `target_id`.
     * When the caller is neither that session's user nor an administrator
     * the dispatcher lets the call through only with a password, which is
     * then all that allows it: the backend verifies it against the
     * session's user and answers ERROR_LOGON_FAILURE when it is wrong or
     * when the backend cannot check passwords. */
    openwts_status (*connect_session)(const openwts_backend *be, const openwts_Caller *caller,
                                      uint32_t logon_id, uint32_t target_id, const char *password,
                                      bool wait);

    /* --- version 2 --- */

    /* Appends the processes of session `session_id` (OPENWTS_ANY_SESSION:
     * of every session) to `out` with openwts_process_list_add. On an error
     * the dispatcher releases whatever was appended. */
    openwts_status (*enumerate_processes)(const openwts_backend *be, const openwts_Caller *caller,
                                          const char *server, uint32_t session_id,
                                          openwts_EnumerateProcessesReply *out);
    /* Ends process `process_id` with `exit_code`. Whether the caller may end
     * it is the backend's to decide (it knows whose process it is):
     * ERROR_ACCESS_DENIED when not; ERROR_INVALID_PARAMETER for no such
     * process, as Windows' TerminateProcess path reports it. */
    openwts_status (*terminate_process)(const openwts_backend *be, const openwts_Caller *caller,
                                        const char *server, uint32_t process_id, uint32_t exit_code);
    /* Shows `message` with `title` (UTF-8) in session `session_id` with the
     * MB_* `style`; timeout_seconds 0 waits for the user. *response gets the
     * button (IDOK...), OPENWTS_IDTIMEOUT, or OPENWTS_IDASYNC when !wait. */
    openwts_status (*send_message)(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t session_id, const char *title,
                                   const char *message, uint32_t style, uint32_t timeout_seconds,
                                   bool wait, uint32_t *response);

    /* --- version 3 --- */

    /* Where the backend reports changes (NULL: nowhere). Set by the host
     * once, before any call is served. */
    void (*set_event_sink)(const openwts_backend *be, openwts_event_fn fn, void *ctx);
    /* Administration (wtsctl, tests): a new session described by *session;
     * session->id 0 lets the backend choose. *id receives the id used.
     * ERROR_ALREADY_EXISTS for an id in use. */
    openwts_status (*add_session)(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, const openwts_Session *session, uint32_t *id);
    openwts_status (*remove_session)(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t session_id);
    /* Locks (lock true) or unlocks a session's desktop. */
    openwts_status (*lock_session)(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t session_id, bool lock);

    /* --- version 4 --- */

    /* The session `caller` belongs to, as the backend knows it (logind: the
     * session of its process; sim: the session of its user), which is what
     * WTS_CURRENT_SESSION means for it. The host asks once per caller it
     * identified (a daemon: per connection) and puts the answer in
     * caller->session_id; OPENWTS_CURRENT_SESSION when it is in none, so
     * that WTS_CURRENT_SESSION then names no session. */
    openwts_status (*caller_session)(const openwts_backend *be, const openwts_Caller *caller,
                                     uint32_t *session_id);
};

/* Process lists (process_list.c): one more zeroed entry at the end of
 * `list`, or NULL when memory runs out. The list is released with the
 * reply that holds it (openwts_reply_release). */
openwts_Process *openwts_process_list_add(openwts_EnumerateProcessesReply *list);
/* Frees what a reply holds outside itself (today: a process list) and
 * leaves it holding nothing; the reply struct itself is the caller's. */
void openwts_reply_release(openwts_Reply *rep);

/* Registry of backends by name; the first registered is the default. */
openwts_status openwts_backend_register(const openwts_backend *be);
const openwts_backend *openwts_backend_find(const char *name);
void openwts_backend_unregister_all(void);

#endif
