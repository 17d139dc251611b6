/* Changes: apply at once, keep or put back. Steps are undone in reverse,
 * so each step's saved index still means what it meant when it was taken.
 * A state file that already holds a change whose undoing was asked for
 * (only the directory sync failed) is written again from the restored
 * model, so memory and disk agree.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_change.h"

#include <stdlib.h>
#include <string.h>

void change_begin(change *ch, sim *s)
{
    memset(ch, 0, sizeof(*ch));
    ch->sim = s;
}

static change_step *next_step(change *ch, change_step_kind kind)
{
    if (ch->n_steps == CHANGE_MAX_STEPS)
        abort(); /* an operation that needs more: a bug, not a state to save */
    change_step *st = &ch->steps[ch->n_steps++];
    memset(st, 0, sizeof(*st));
    st->kind = kind;
    return st;
}

void change_replace(change *ch, size_t index, sim_session *replacement)
{
    change_step *st = next_step(ch, STEP_REPLACE);
    st->index = index;
    st->session = ch->sim->model.sessions[index];
    ch->sim->model.sessions[index] = replacement;
}

bool change_insert(change *ch, size_t index, sim_session *added)
{
    if (!sim_model_reserve_session(&ch->sim->model))
        return false;
    change_step *st = next_step(ch, STEP_INSERT);
    st->index = index;
    sim_model_insert_at(&ch->sim->model, index, added);
    return true;
}

bool change_remove(change *ch, size_t index)
{
    sim_model *m = &ch->sim->model;
    uint32_t id = m->sessions[index]->s.id;
    /* The session's processes end with it: a new list without them. */
    size_t keep = 0;
    for (size_t i = 0; i < m->n_processes; i++)
        keep += m->processes[i].session_id != id;
    openwts_Process *kept = NULL;
    if (keep != m->n_processes) {
        if (keep && !(kept = malloc(keep * sizeof(*kept))))
            return false;
        size_t k = 0;
        for (size_t i = 0; i < m->n_processes; i++)
            if (m->processes[i].session_id != id)
                kept[k++] = m->processes[i];
        change_step *st = next_step(ch, STEP_PROCESSES);
        st->processes = m->processes;
        st->n = m->n_processes;
        st->cap = m->cap_processes;
        m->processes = kept;
        m->n_processes = m->cap_processes = keep;
    }
    change_step *st = next_step(ch, STEP_REMOVE);
    st->index = index;
    st->session = sim_model_remove_at(m, index);
    return true;
}

void change_end_process(change *ch, size_t index, uint32_t exit_code)
{
    sim_model *m = &ch->sim->model;
    change_step *st = next_step(ch, STEP_END_PROCESS);
    st->index = index;
    st->process = m->processes[index];
    st->had_last = m->has_last_ended;
    st->last_pid = m->last_ended_pid;
    st->last_code = m->last_ended_exit_code;
    memmove(&m->processes[index], &m->processes[index + 1],
            (m->n_processes - index - 1) * sizeof(*m->processes));
    m->n_processes--;
    m->has_last_ended = true;
    m->last_ended_pid = st->process.process_id;
    m->last_ended_exit_code = exit_code;
}

void change_event(change *ch, uint32_t id, openwts_event_kind kind)
{
    if (ch->n_events == CHANGE_MAX_EVENTS)
        abort(); /* as next_step */
    ch->events[ch->n_events].id = id;
    ch->events[ch->n_events].kind = kind;
    ch->n_events++;
}

static void undo(change *ch)
{
    sim_model *m = &ch->sim->model;
    while (ch->n_steps) {
        change_step *st = &ch->steps[--ch->n_steps];
        switch (st->kind) {
        case STEP_REPLACE:
            sim_session_free(m->sessions[st->index]);
            m->sessions[st->index] = st->session;
            break;
        case STEP_INSERT:
            sim_session_free(sim_model_remove_at(m, st->index));
            break;
        case STEP_REMOVE: /* the array still has the room the session had */
            sim_model_insert_at(m, st->index, st->session);
            break;
        case STEP_PROCESSES:
            free(m->processes);
            m->processes = st->processes;
            m->n_processes = st->n;
            m->cap_processes = st->cap;
            break;
        case STEP_END_PROCESS:
            memmove(&m->processes[st->index + 1], &m->processes[st->index],
                    (m->n_processes - st->index) * sizeof(*m->processes));
            m->processes[st->index] = st->process;
            m->n_processes++;
            m->has_last_ended = st->had_last;
            m->last_ended_pid = st->last_pid;
            m->last_ended_exit_code = st->last_code;
            break;
        }
    }
    ch->n_events = 0;
}

openwts_status change_commit(change *ch)
{
    bool replaced = false;
    openwts_status st = sim_save(ch->sim, &replaced, NULL, 0);
    if (st != OPENWTS_OK) {
        undo(ch);
        if (replaced) {
            /* Best effort: if this fails too, the file holds the change
             * that the caller is told did not happen, and nothing better
             * can be done from here. */
            bool again;
            sim_save(ch->sim, &again, NULL, 0);
        }
        return st;
    }
    for (size_t i = 0; i < ch->n_steps; i++) {
        change_step *s = &ch->steps[i];
        if (s->kind == STEP_REPLACE || s->kind == STEP_REMOVE)
            sim_session_free(s->session);
        else if (s->kind == STEP_PROCESSES)
            free(s->processes);
    }
    ch->n_steps = 0;
    sim *s = ch->sim;
    for (size_t i = 0; i < ch->n_events; i++)
        if (s->sink)
            s->sink(s->sink_ctx, ch->events[i].id, ch->events[i].kind);
    ch->n_events = 0;
    return OPENWTS_OK;
}
