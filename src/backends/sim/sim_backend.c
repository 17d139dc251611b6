/* The sim backend's operations: what each WTS call does to the model.
 * Where the docs leave a choice, docs/sim-scenarios.md ("What the
 * operations do") says what the sim does; the rules shared with the local
 * backend are the README's "Beyond the docs": an unknown session is
 * ERROR_CTX_WINSTATION_NOT_FOUND, a server the backend does not serve is
 * RPC_S_SERVER_UNAVAILABLE, and session 0 cannot be disconnected,
 * connected, logged off (nor, here, locked or removed): ERROR_ACCESS_DENIED.
 * Every change is saved before the call returns OPENWTS_OK (sim_change.c).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_backend.h"

#include <stdlib.h>
#include <string.h>

#include "openwts/utf8.h"
#include "sim_address.h"
#include "sim_change.h"
#include "sim_check.h"
#include "sim_names.h"
#include "sim_time.h"

#define SERVICES_SESSION 0u

static sim *of(const openwts_backend *be)
{
    return be ? be->data : NULL;
}

/* "", ".", "localhost" and the scenario's server name (any case, with or
 * without leading backslashes) are this server. */
static bool serves(const sim *s, const char *server)
{
    if (!server)
        return true;
    while (*server == '\\')
        server++;
    return !*server || strcmp(server, ".") == 0 || sim_ascii_casecmp(server, "localhost") == 0
        || sim_ascii_casecmp(server, s->model.server) == 0;
}

/* What every operation checks first. */
static openwts_status begin_call(const sim *s, const openwts_Caller *caller, const char *server)
{
    if (!s || !caller)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    if (!serves(s, server))
        return OPENWTS_RPC_S_SERVER_UNAVAILABLE;
    return OPENWTS_OK;
}

/* The caller is the session's user, as the dispatcher's own-session rule
 * compares them (user name, any case). */
static bool owns(const sim_session *ss, const openwts_Caller *caller)
{
    return ss->s.user[0] != '\0' && sim_ascii_casecmp(ss->s.user, caller->user) == 0;
}

static bool has_display(uint32_t state)
{
    return state == OPENWTS_STATE_ACTIVE || state == OPENWTS_STATE_CONNECTED;
}

static openwts_status sim_enumerate(const openwts_backend *be, const openwts_Caller *caller,
                                    const char *server, openwts_Session *out, size_t max,
                                    size_t *count)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!count || (!out && max))
        return OPENWTS_ERROR_INVALID_PARAMETER;
    const sim_model *m = &s->model;
    if (m->n_sessions > max) {
        /* Nothing is written: the dispatcher asks again with room for all. */
        *count = m->n_sessions;
        return OPENWTS_ERROR_INSUFFICIENT_BUFFER;
    }
    for (size_t i = 0; i < m->n_sessions; i++)
        out[i] = m->sessions[i]->s;
    *count = m->n_sessions;
    return OPENWTS_OK;
}

static openwts_status sim_query(const openwts_backend *be, const openwts_Caller *caller,
                                const char *server, uint32_t id, openwts_Session *out)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!out)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    const sim_session *ss = sim_model_find(&s->model, id, NULL);
    if (!ss)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    *out = ss->s;
    return OPENWTS_OK;
}

/* The session to act on: it exists and is not session 0. */
static openwts_status user_session(sim *s, uint32_t id, sim_session **ss, size_t *index)
{
    *ss = sim_model_find(&s->model, id, index);
    if (!*ss)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    if (id == SERVICES_SESSION)
        return OPENWTS_ERROR_ACCESS_DENIED;
    return OPENWTS_OK;
}

/* Edits a copy of the session at `index` with `edit`, then commits it
 * with the events that `edit` added. */
typedef void (*edit_fn)(sim_session *copy, change *ch, void *arg);

static openwts_status edit_session(sim *s, size_t index, edit_fn edit, void *arg)
{
    sim_session *copy = sim_session_dup(s->model.sessions[index]);
    if (!copy)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    change ch;
    change_begin(&ch, s);
    edit(copy, &ch, arg);
    change_replace(&ch, index, copy);
    return change_commit(&ch);
}

static void disconnect_edit(sim_session *c, change *ch, void *arg)
{
    (void)arg;
    c->s.state = OPENWTS_STATE_DISCONNECTED;
    c->s.disconnect_time = sim_time_now();
    change_event(ch, c->s.id, OPENWTS_EVENT_DISCONNECT);
}

static openwts_status sim_disconnect(const openwts_backend *be, const openwts_Caller *caller,
                                     const char *server, uint32_t id, bool wait)
{
    (void)wait; /* the change is complete when the call returns */
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    sim_session *ss;
    size_t index;
    if (st || (st = user_session(s, id, &ss, &index)))
        return st;
    if (ss->s.state == OPENWTS_STATE_DISCONNECTED)
        return OPENWTS_OK; /* nothing changes, nothing to report */
    return edit_session(s, index, disconnect_edit, NULL);
}

/* Logoff and removal: the session and its processes go. */
static openwts_status end_session(sim *s, size_t index, bool always_logoff)
{
    const sim_session *ss = s->model.sessions[index];
    uint32_t id = ss->s.id;
    bool logged_on = ss->s.user[0] != '\0';
    change ch;
    change_begin(&ch, s);
    if (!change_remove(&ch, index))
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    if (always_logoff || logged_on)
        change_event(&ch, id, OPENWTS_EVENT_LOGOFF);
    change_event(&ch, id, OPENWTS_EVENT_DELETE);
    return change_commit(&ch);
}

/* As a terminal server does after a logoff, the session ends: it leaves
 * the list, with its processes. */
static openwts_status sim_logoff(const openwts_backend *be, const openwts_Caller *caller,
                                 const char *server, uint32_t id, bool wait)
{
    (void)wait;
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    sim_session *ss;
    size_t index;
    if (st || (st = user_session(s, id, &ss, &index)))
        return st;
    return end_session(s, index, true);
}

/* The password of the session's user, from the scenario's "users"; a
 * user listed without a domain matches any domain. */
static bool password_ok(const sim_model *m, const openwts_Session *s, const char *password)
{
    if (!s->user[0])
        return false;
    for (size_t i = 0; i < m->n_users; i++) {
        const sim_user *u = &m->users[i];
        if (sim_ascii_casecmp(u->name, s->user) == 0
            && (!u->domain[0] || sim_ascii_casecmp(u->domain, s->domain) == 0))
            return strcmp(u->password, password) == 0;
    }
    return false;
}

/* The client (protocol, name, address, display, build...) moves from one
 * session to another; `from` is left with none. */
static void move_client(openwts_Session *to, openwts_Session *from)
{
    to->protocol_type = from->protocol_type;
    memcpy(to->client_name, from->client_name, sizeof(to->client_name));
    memcpy(to->client_directory, from->client_directory, sizeof(to->client_directory));
    to->client_build = from->client_build;
    to->client_product_id = from->client_product_id;
    to->client_hardware_id = from->client_hardware_id;
    to->client_address_family = from->client_address_family;
    to->client_address = from->client_address;
    to->client_hres = from->client_hres;
    to->client_vres = from->client_vres;
    to->client_color_depth = from->client_color_depth;

    from->protocol_type = 0;
    from->client_name[0] = '\0';
    from->client_directory[0] = '\0';
    from->client_build = from->client_product_id = from->client_hardware_id = 0;
    from->client_address_family = SIM_AF_UNSPEC;
    memset(&from->client_address, 0, sizeof(from->client_address));
    from->client_hres = from->client_vres = from->client_color_depth = 0;
}

static void reconnect_edit(sim_session *c, change *ch, void *arg)
{
    (void)arg;
    c->s.state = OPENWTS_STATE_ACTIVE;
    c->s.connect_time = sim_time_now();
    change_event(ch, c->s.id, OPENWTS_EVENT_CONNECT);
}

/* WTSConnectSession(logon, target): session `logon` is shown on the
 * display of session `target`. The same session: it becomes Active with
 * its own client. Another: logon takes target's client and becomes
 * Active; target, left without a client, is Disconnected (tscon's
 * behaviour: the target session is disconnected). */
static openwts_status sim_connect(const openwts_backend *be, const openwts_Caller *caller,
                                  uint32_t logon_id, uint32_t target_id, const char *password,
                                  bool wait)
{
    (void)wait;
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, "");
    sim_session *logon, *target;
    size_t li, ti;
    if (st || (st = user_session(s, logon_id, &logon, &li))
        || (st = user_session(s, target_id, &target, &ti)))
        return st;
    if (password && *password && !password_ok(&s->model, &logon->s, password))
        return OPENWTS_ERROR_LOGON_FAILURE;
    if (logon_id == target_id) {
        if (logon->s.state == OPENWTS_STATE_ACTIVE)
            return OPENWTS_OK;
        return edit_session(s, li, reconnect_edit, NULL);
    }
    sim_session *l = sim_session_dup(logon), *t = sim_session_dup(target);
    if (!l || !t) {
        sim_session_free(l);
        sim_session_free(t);
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    int64_t now = sim_time_now();
    change ch;
    change_begin(&ch, s);
    move_client(&l->s, &t->s);
    if (t->s.state != OPENWTS_STATE_DISCONNECTED) {
        t->s.state = OPENWTS_STATE_DISCONNECTED;
        t->s.disconnect_time = now;
        change_event(&ch, target_id, OPENWTS_EVENT_DISCONNECT);
    }
    if (has_display(l->s.state)) /* its own client is dropped */
        change_event(&ch, logon_id, OPENWTS_EVENT_DISCONNECT);
    l->s.state = OPENWTS_STATE_ACTIVE;
    l->s.connect_time = now;
    change_event(&ch, logon_id, OPENWTS_EVENT_CONNECT);
    change_replace(&ch, ti, t);
    change_replace(&ch, li, l);
    return change_commit(&ch);
}

static openwts_status sim_enumerate_processes(const openwts_backend *be,
                                              const openwts_Caller *caller, const char *server,
                                              uint32_t session_id,
                                              openwts_EnumerateProcessesReply *out)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!out)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    /* A session with no processes, or none at all, gives an empty list. */
    const sim_model *m = &s->model;
    for (size_t i = 0; i < m->n_processes; i++) {
        if (session_id != OPENWTS_ANY_SESSION && m->processes[i].session_id != session_id)
            continue;
        openwts_Process *p = openwts_process_list_add(out);
        if (!p)
            return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
        *p = m->processes[i];
    }
    return OPENWTS_OK;
}

/* Administrators may end any process; a user, those of his sessions. */
static openwts_status sim_terminate_process(const openwts_backend *be,
                                            const openwts_Caller *caller, const char *server,
                                            uint32_t pid, uint32_t exit_code)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    size_t index;
    const openwts_Process *p = sim_model_find_process(&s->model, pid, &index);
    if (!p)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    const sim_session *owner = sim_model_find(&s->model, p->session_id, NULL);
    if (!caller->privileged && !(owner && owns(owner, caller)))
        return OPENWTS_ERROR_ACCESS_DENIED;
    change ch;
    change_begin(&ch, s);
    change_end_process(&ch, index, exit_code);
    return change_commit(&ch);
}

struct message_arg {
    char *title, *text; /* taken by the edit */
    uint32_t style, timeout, response;
    bool wait;
};

static void message_edit(sim_session *c, change *ch, void *arg)
{
    (void)ch;
    struct message_arg *a = arg;
    sim_message_clear(&c->last_message);
    c->has_message = true;
    c->last_message.title = a->title;
    c->last_message.text = a->text;
    c->last_message.style = a->style;
    c->last_message.timeout_seconds = a->timeout;
    c->last_message.wait = a->wait;
    c->last_message.response = a->response;
    a->title = a->text = NULL;
}

/* The message is recorded as the session's last one. The answer: IDASYNC
 * without waiting; else the session's scripted answer; a user who never
 * answers gives IDTIMEOUT, at once (with no timeout Windows would wait
 * forever, and wtsd's one thread cannot). */
static openwts_status sim_send_message(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, uint32_t id, const char *title,
                                       const char *message, uint32_t style,
                                       uint32_t timeout_seconds, bool wait, uint32_t *response)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!response)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    size_t index;
    const sim_session *ss = sim_model_find(&s->model, id, &index);
    if (!ss)
        return OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND;
    uint32_t answer = !wait ? OPENWTS_IDASYNC
                    : ss->message_response != SIM_NO_ANSWER ? ss->message_response
                                                            : OPENWTS_IDTIMEOUT;
    /* Texts come from the wire: kept as UTF-8 whatever was sent, so that
     * the state file always reads back. */
    struct message_arg a = { sim_utf8_sanitize(title ? title : ""),
                             sim_utf8_sanitize(message ? message : ""),
                             style, timeout_seconds, answer, wait };
    if (a.title && a.text)
        st = edit_session(s, index, message_edit, &a);
    else
        st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    free(a.title); /* NULL when the edit took them */
    free(a.text);
    if (st == OPENWTS_OK)
        *response = answer;
    return st;
}

static void sim_set_event_sink(const openwts_backend *be, openwts_event_fn fn, void *ctx)
{
    sim *s = of(be);
    if (!s)
        return;
    s->sink = fn;
    s->sink_ctx = ctx;
}

/* Administration: adding and removing sessions is for administrators
 * (wtsctl runs as one); the dispatcher has no own-session rule for it. */
static openwts_status sim_add_session(const openwts_backend *be, const openwts_Caller *caller,
                                      const char *server, const openwts_Session *session,
                                      uint32_t *id)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!caller->privileged)
        return OPENWTS_ERROR_ACCESS_DENIED;
    if (!session || !id)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    sim_session *added = calloc(1, sizeof(*added));
    if (!added)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    added->s = *session;
    added->message_response = 1; /* IDOK, as a scenario's default */
    openwts_Session *n = &added->s;
    OPENWTS_SET_STRING(n->host, s->model.server);
    size_t size = n->client_address.size, vsize = n->session_address.size;
    const char *field;
    if (size > sizeof(n->client_address.bytes) || vsize > sizeof(n->session_address.bytes)
        || !sim_address_normalize(n->client_address_family, n->client_address.bytes, &size)
        || !sim_address_normalize(n->session_address_family, n->session_address.bytes, &vsize)
        || (n->id == 0 && !(n->id = sim_model_free_id(&s->model)))) {
        sim_session_free(added);
        return OPENWTS_ERROR_INVALID_PARAMETER;
    }
    n->client_address.size = (pb_size_t)size;
    n->session_address.size = (pb_size_t)vsize;
    if (sim_check_session(n, &field)) {
        sim_session_free(added);
        return OPENWTS_ERROR_INVALID_PARAMETER;
    }
    size_t index;
    if (sim_model_find(&s->model, n->id, &index)) {
        sim_session_free(added);
        return OPENWTS_ERROR_ALREADY_EXISTS;
    }
    uint32_t new_id = n->id;
    change ch;
    change_begin(&ch, s);
    if (!change_insert(&ch, index, added)) {
        sim_session_free(added);
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    }
    /* As Windows reports a new session: created, connected, logged on. */
    change_event(&ch, new_id, OPENWTS_EVENT_CREATE);
    if (has_display(n->state))
        change_event(&ch, new_id, OPENWTS_EVENT_CONNECT);
    if (n->user[0])
        change_event(&ch, new_id, OPENWTS_EVENT_LOGON);
    st = change_commit(&ch);
    if (st == OPENWTS_OK)
        *id = new_id;
    return st;
}

static openwts_status sim_remove_session(const openwts_backend *be, const openwts_Caller *caller,
                                         const char *server, uint32_t id)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    if (st)
        return st;
    if (!caller->privileged)
        return OPENWTS_ERROR_ACCESS_DENIED;
    sim_session *ss;
    size_t index;
    if ((st = user_session(s, id, &ss, &index)))
        return st;
    return end_session(s, index, false);
}

static void lock_edit(sim_session *c, change *ch, void *arg)
{
    bool lock = *(bool *)arg;
    c->s.lock_state = lock ? SIM_LOCK_LOCKED : SIM_LOCK_UNLOCKED;
    change_event(ch, c->s.id, lock ? OPENWTS_EVENT_LOCK : OPENWTS_EVENT_UNLOCK);
}

/* A user may lock his own session (as LockWorkStation); administrators any.
 * A session nobody is logged on to has no desktop to lock. */
static openwts_status sim_lock_session(const openwts_backend *be, const openwts_Caller *caller,
                                       const char *server, uint32_t id, bool lock)
{
    sim *s = of(be);
    openwts_status st = begin_call(s, caller, server);
    sim_session *ss;
    size_t index;
    if (st || (st = user_session(s, id, &ss, &index)))
        return st;
    if (!ss->s.user[0] || (!caller->privileged && !owns(ss, caller)))
        return OPENWTS_ERROR_ACCESS_DENIED;
    if (ss->s.lock_state == (lock ? SIM_LOCK_LOCKED : SIM_LOCK_UNLOCKED))
        return OPENWTS_OK;
    return edit_session(s, index, lock_edit, &lock);
}

/* A sim session has no processes of the caller's to go by: the caller's
 * session is its user's, the Active one when the user has several, else
 * the first by id. */
static openwts_status sim_caller_session(const openwts_backend *be, const openwts_Caller *caller,
                                         uint32_t *session_id)
{
    sim *s = of(be);
    if (!s || !caller || !session_id)
        return OPENWTS_ERROR_INVALID_PARAMETER;
    *session_id = OPENWTS_CURRENT_SESSION;
    for (size_t i = 0; i < s->model.n_sessions; i++) {
        const sim_session *ss = s->model.sessions[i];
        if (!owns(ss, caller))
            continue;
        if (*session_id == OPENWTS_CURRENT_SESSION || ss->s.state == OPENWTS_STATE_ACTIVE)
            *session_id = ss->s.id;
        if (ss->s.state == OPENWTS_STATE_ACTIVE)
            break;
    }
    return OPENWTS_OK;
}

void sim_fill_table(openwts_backend *t)
{
    t->version = 4; /* written against version 4: every slot up to caller_session */
    t->name = OPENWTS_SIM_BACKEND_NAME;
    t->enumerate_sessions = sim_enumerate;
    t->query_session = sim_query;
    t->disconnect_session = sim_disconnect;
    t->logoff_session = sim_logoff;
    t->connect_session = sim_connect;
    t->enumerate_processes = sim_enumerate_processes;
    t->terminate_process = sim_terminate_process;
    t->send_message = sim_send_message;
    t->set_event_sink = sim_set_event_sink;
    t->add_session = sim_add_session;
    t->remove_session = sim_remove_session;
    t->lock_session = sim_lock_session;
    t->caller_session = sim_caller_session;
}
