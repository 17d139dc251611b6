/* The logind backend's operations: each WTS call as logind requests, with
 * the choices docs/logind-backend.md ("Operations") explains. The rules
 * shared with the other backends are the README's "Beyond the docs": an
 * unknown session is ERROR_CTX_WINSTATION_NOT_FOUND, a server the backend
 * does not serve RPC_S_SERVER_UNAVAILABLE, and session 0 (Services) cannot
 * be disconnected, connected, logged off or locked: ERROR_ACCESS_DENIED.
 * logind's own refusals (polkit) come back as ERROR_ACCESS_DENIED too
 * (logind_status.c). The dispatcher has already required the caller to be
 * the session's user or an administrator.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "logind_backend.h"
#include "logind_bus.h"
#include "logind_processes.h"
#include "logind_sync.h"
#include "logind_track.h"
#include "logind_view.h"
#include "sim_time.h"

static logind *of(const openwts_backend *be)
{
    return be ? be->data : NULL;
}

/* What every operation checks first. */
static openwts_status begin_call(const logind *l, const openwts_Caller *caller, const char *server)
{
    if (!l || !caller)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    if (!logind_host_serves(&l->host, server))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    return OPENWTS_OK;
}

/* The entry of Windows session `id`: the map's, else the map's after
 * listing logind's sessions again (a session born since the last list,
 * whose id the caller had from an event). */
static openwts_status find(logind *l, uint32_t id, logind_ref **ref)
{
    *ref = logind_ids_by_id(&l->ids, id);
    if (*ref)
        return OPENWTS_OK;
    openwts_status st = logind_sync(l, NULL);
    if (st)
        return st;
    *ref = logind_ids_by_id(&l->ids, id);
    return *ref ? OPENWTS_OK : OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
}

/* The session's properties now. One that ended since it was listed is
 * reported gone and is ERROR_CTX_WINSTATION_NOT_FOUND. */
static openwts_status read_session(logind *l, uint32_t id, logind_ref **ref, logind_props *p)
{
    openwts_status st = find(l, id, ref);
    if (st)
        return st;
    st = logind_props_get(l->bus, (*ref)->path, p);
    if (st == OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND) {
        logind_track_vanished(l, *ref);
        *ref = NULL;
    }
    if (st)
        return st;
    logind_track_observe(l, *ref, p);
    return OPENWTS_OK;
}

/* A Manager method on the session (TerminateSession...). A session logind
 * no longer has is reported gone. */
static openwts_status act(logind *l, logind_ref *ref, const char *method)
{
    openwts_status st = logind_session_call(l->bus, method, ref->name);
    if (st == OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND)
        logind_track_vanished(l, ref);
    return st;
}

static int by_id(const void *pa, const void *pb)
{
    const logind_seen *a = pa, *b = pb;
    return a->ref->id < b->ref->id ? -1 : a->ref->id > b->ref->id;
}

/* Session 0 first, then logind's sessions by id, as Windows lists them. */
static openwts_status logind_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, openwts_Session *out, size_t max,
                                       size_t *count)
{
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (!count || (!out && max))
        return OPENWTS_ERROR_INVALID_PARAMETER;
    logind_snapshot snap;
    if ((st = logind_sync(l, &snap)))
        return st;
    size_t n = snap.n + 1;
    if (n > max) {
        /* Nothing is written: the dispatcher asks again with room for all. */
        *count = n;
        logind_snapshot_free(&snap);
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    }
    qsort(snap.items, snap.n, sizeof(*snap.items), by_id);
    int64_t now = sim_time_now();
    logind_view_services(&l->host, &out[0]);
    for (size_t i = 0; i < snap.n; i++)
        logind_view_session(&l->host, snap.items[i].ref, &snap.items[i].props, now, &out[i + 1]);
    *count = n;
    logind_snapshot_free(&snap);
    return OPENWTS_OK;
}

static openwts_status logind_query(const openwts_backend *be, const openwts_Caller *caller,
                                   const char *server, uint32_t id, openwts_Session *out)
{
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (!out)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    if (id == LOGIND_SERVICES_SESSION) {
        logind_view_services(&l->host, out);
        return OPENWTS_OK;
    }
    logind_ref *ref;
    logind_props p;
    if ((st = read_session(l, id, &ref, &p)))
        return st;
    logind_view_session(&l->host, ref, &p, sim_time_now(), out);
    logind_props_clear(&p);
    return OPENWTS_OK;
}

/* Disconnecting a session in front of a seat locks it: Windows then shows
 * the logon screen, and logind's LockSession asks the session's screen
 * locker for just that. A remote session cannot be detached from its
 * client through logind, whose only other way out ends it:
 * ERROR_NOT_SUPPORTED. A session already disconnected stays so. */
static openwts_status logind_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                        const char *server, uint32_t id, bool wait)
{
    (void)wait; /* logind has asked the locker when the call returns */
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (id == LOGIND_SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    logind_ref *ref;
    logind_props p;
    if ((st = read_session(l, id, &ref, &p)))
        return st;
    if (logind_view_state(&p) == OPENWTS_STATE_DISCONNECTED)
        st = OPENWTS_OK;
    else if (logind_view_is_local_seat(&p))
        st = act(l, ref, "LockSession");
    else
        st = OPENWTS_ERROR_NOT_SUPPORTED;
    logind_props_clear(&p);
    return st;
}

/* Logging off ends the session: TerminateSession, after which systemd
 * stops the session's scope and its processes with it. */
static openwts_status logind_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, uint32_t id, bool wait)
{
    (void)wait; /* logind has begun ending the session when the call returns */
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (id == LOGIND_SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    logind_ref *ref;
    if ((st = find(l, id, &ref)))
        return st;
    return act(l, ref, "TerminateSession");
}

/* WTSConnectSession(logon, target): `logon` comes in front of the display
 * `target` shows. logind can do that on a seat: ActivateSession of `logon`
 * when `target` is itself, or the session in front of the same seat (the
 * user switch a display manager does). A session already in front has
 * nothing to do. Anything else (a remote client's display) logind cannot
 * move: ERROR_NOT_SUPPORTED. The password is not checked: logind has no
 * way to, and the dispatcher has already required the session's own user
 * or an administrator, who need none on Windows either. */
static openwts_status logind_connect(const openwts_backend *be, const openwts_Caller *caller,
                                     uint32_t logon_id, uint32_t target_id, const char *password,
                                     bool wait)
{
    (void)password;
    (void)wait;
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, "");
    if (st)
        return st;
    if (logon_id == LOGIND_SERVICES_SESSION || target_id == LOGIND_SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    logind_ref *logon, *target;
    logind_props lp, tp;
    if ((st = read_session(l, logon_id, &logon, &lp)))
        return st;
    if ((st = read_session(l, target_id, &target, &tp))) {
        logind_props_clear(&lp);
        return st;
    }
    bool logon_shown = logind_view_state(&lp) != OPENWTS_STATE_DISCONNECTED;
    bool target_shown = logind_view_state(&tp) != OPENWTS_STATE_DISCONNECTED;
    bool same_seat = logind_view_is_local_seat(&lp) && logind_view_is_local_seat(&tp)
                  && strcmp(lp.seat, tp.seat) == 0;
    if (logon_id == target_id && logon_shown)
        st = OPENWTS_OK;
    else if (same_seat && (logon_id == target_id || target_shown))
        st = act(l, logon, "ActivateSession");
    else
        st = OPENWTS_ERROR_NOT_SUPPORTED;
    logind_props_clear(&lp);
    logind_props_clear(&tp);
    return st;
}

static openwts_status logind_enumerate_processes(const openwts_backend *be,
                                                 const openwts_Caller *caller, const char *server,
                                                 uint32_t session_id,
                                                 openwts_EnumerateProcessesReply *out)
{
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (!out)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    logind_snapshot snap;
    if ((st = logind_sync(l, &snap)))
        return st;
    st = logind_list_processes(l->cgroup_root, &snap, session_id, out);
    logind_snapshot_free(&snap);
    return st;
}

static void logind_set_event_sink(const openwts_backend *be, openwts_event_fn fn, void *ctx)
{
    logind *l = of(be);
    if (!l)
        return;
    l->sink = fn;
    l->sink_ctx = ctx;
}

/* LockSession / UnlockSession: logind asks the session's screen locker. */
static openwts_status logind_lock(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t id, bool lock)
{
    logind *l = of(be);
    openwts_status st = begin_call(l, caller, server);
    if (st)
        return st;
    if (id == LOGIND_SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    logind_ref *ref;
    if ((st = find(l, id, &ref)))
        return st;
    return act(l, ref, lock ? "LockSession" : "UnlockSession");
}

/* GetSessionByPID of the caller's process. A process in no logind session
 * (a system service, cron without pam_systemd) is in session 0, as Windows
 * runs services there. A caller whose process the host does not know
 * (pid 0: logind would answer for wtsd itself) is in none. */
static openwts_status logind_caller_session(const openwts_backend *be, const openwts_Caller *caller,
                                            uint32_t *session_id)
{
    logind *l = of(be);
    if (!l || !caller || !session_id)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    *session_id = OPENWTS_CURRENT_SESSION;
    if (caller->process_id == 0)
        return OPENWTS_OK;
    char *path = NULL;
    openwts_status st = logind_session_by_pid(l->bus, caller->process_id, &path);
    if (st)
        return st;
    if (!path) {
        *session_id = LOGIND_SERVICES_SESSION;
        return OPENWTS_OK;
    }
    logind_ref *ref = logind_ref_for_path(l, path, &st);
    free(path);
    if (st == OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND) {
        /* Its session ended in between: the process outlived it. */
        *session_id = LOGIND_SERVICES_SESSION;
        return OPENWTS_OK;
    }
    if (st)
        return st;
    *session_id = ref->id;
    return OPENWTS_OK;
}

void logind_fill_table(openwts_backend *t)
{
    t->version = 4; /* written against version 4 */
    t->name = OPENWTS_LOGIND_BACKEND_NAME;
    t->enumerate_sessions = logind_enumerate;
    t->query_session = logind_query;
    t->disconnect_session = logind_disconnect;
    t->logoff_session = logind_logoff;
    t->connect_session = logind_connect;
    t->enumerate_processes = logind_enumerate_processes;
    /* Not done by this backend (ERROR_CALL_NOT_IMPLEMENTED through the
     * dispatcher): terminate_process, send_message (logind has neither),
     * add_session and remove_session (sessions are PAM's to make). */
    t->set_event_sink = logind_set_event_sink;
    t->lock_session = logind_lock;
    t->caller_session = logind_caller_session;
}
