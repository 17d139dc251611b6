/* Sessions are kept as an array of pointers in id order, so that a change
 * can swap one record for its edited copy and swap back if the change
 * cannot be saved, without copying 3 kB records around.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_model.h"

#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"

void sim_message_clear(sim_message *msg)
{
    free(msg->title);
    free(msg->text);
    memset(msg, 0, sizeof(*msg));
}

void sim_session_free(sim_session *s)
{
    if (!s)
        return;
    sim_message_clear(&s->last_message);
    free(s);
}

static char *dup_or_null(const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *ok = false;
    return d;
}

sim_session *sim_session_dup(const sim_session *s)
{
    sim_session *d = malloc(sizeof(*d));
    if (!d)
        return NULL;
    memcpy(d, s, sizeof(*d));
    bool ok = true;
    d->last_message.title = dup_or_null(s->last_message.title, &ok);
    d->last_message.text = dup_or_null(s->last_message.text, &ok);
    if (!ok) {
        sim_session_free(d);
        return NULL;
    }
    return d;
}

void sim_model_free(sim_model *m)
{
    for (size_t i = 0; i < m->n_sessions; i++)
        sim_session_free(m->sessions[i]);
    free(m->sessions);
    free(m->processes);
    free(m->users);
    memset(m, 0, sizeof(*m));
}

sim_session *sim_model_find(const sim_model *m, uint32_t id, size_t *index)
{
    size_t lo = 0, hi = m->n_sessions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t mid_id = m->sessions[mid]->s.id;
        if (mid_id == id) {
            if (index)
                *index = mid;
            return m->sessions[mid];
        }
        if (mid_id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (index)
        *index = lo;
    return NULL;
}

bool sim_model_reserve_session(sim_model *m)
{
    if (m->n_sessions < m->cap_sessions)
        return true;
    size_t cap = m->cap_sessions ? m->cap_sessions * 2 : 16;
    sim_session **bigger = realloc(m->sessions, cap * sizeof(*bigger));
    if (!bigger)
        return false;
    m->sessions = bigger;
    m->cap_sessions = cap;
    return true;
}

void sim_model_insert_at(sim_model *m, size_t index, sim_session *s)
{
    memmove(&m->sessions[index + 1], &m->sessions[index],
            (m->n_sessions - index) * sizeof(*m->sessions));
    m->sessions[index] = s;
    m->n_sessions++;
}

sim_session *sim_model_remove_at(sim_model *m, size_t index)
{
    sim_session *s = m->sessions[index];
    memmove(&m->sessions[index], &m->sessions[index + 1],
            (m->n_sessions - index - 1) * sizeof(*m->sessions));
    m->n_sessions--;
    return s;
}

openwts_Process *sim_model_find_process(const sim_model *m, uint32_t pid, size_t *index)
{
    size_t lo = 0, hi = m->n_processes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint32_t mid_pid = m->processes[mid].process_id;
        if (mid_pid == pid) {
            if (index)
                *index = mid;
            return &m->processes[mid];
        }
        if (mid_pid < pid)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (index)
        *index = lo;
    return NULL;
}

uint32_t sim_model_free_id(const sim_model *m)
{
    /* Ids in order: the first gap after 0 is the answer. */
    uint32_t want = 1;
    for (size_t i = 0; i < m->n_sessions; i++) {
        uint32_t id = m->sessions[i]->s.id;
        if (id < want)
            continue;
        if (id > want)
            break;
        want++;
        if (want >= OPENWTS_ANY_SESSION)
            return 0;
    }
    return want;
}
