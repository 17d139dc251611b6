/* Changes: the unit in which the sim's model is edited, saved and
 * reported.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_CHANGE_H
#define OPENWTS_SIM_CHANGE_H

#include "sim_backend.h"

/* A change: edits are applied to the model at once and remembered, so
 * that change_commit can either keep them (the state file was written;
 * the events go out in the order they were added) or put everything back
 * (the write failed). Edits that need memory report false when none is
 * left, having changed nothing themselves. */
#define CHANGE_MAX_STEPS 4
#define CHANGE_MAX_EVENTS 4

typedef enum change_step_kind {
    STEP_REPLACE,     /* a session swapped for its edited copy */
    STEP_INSERT,      /* a session added */
    STEP_REMOVE,      /* a session taken out */
    STEP_PROCESSES,   /* the process list swapped for a shorter one */
    STEP_END_PROCESS, /* one process taken out */
} change_step_kind;

typedef struct change_step {
    change_step_kind kind;
    size_t index;
    sim_session *session;       /* the one taken out, or put in */
    openwts_Process process;    /* the one taken out */
    openwts_Process *processes; /* the list before */
    size_t n, cap;
    bool had_last;              /* last_ended before */
    uint32_t last_pid, last_code;
} change_step;

typedef struct change {
    sim *sim;
    change_step steps[CHANGE_MAX_STEPS];
    size_t n_steps;
    struct {
        uint32_t id;
        openwts_event_kind kind;
    } events[CHANGE_MAX_EVENTS];
    size_t n_events;
} change;

void change_begin(change *ch, sim *s);
/* The session at `index` becomes `replacement` (the change owns it). */
void change_replace(change *ch, size_t index, sim_session *replacement);
/* A new session goes in at `index` (as sim_model_find gave it). */
bool change_insert(change *ch, size_t index, sim_session *added);
/* The session at `index` and every process in it go. */
bool change_remove(change *ch, size_t index);
/* The process at `index` goes; it is remembered as the last one ended. */
void change_end_process(change *ch, size_t index, uint32_t exit_code);
void change_event(change *ch, uint32_t id, openwts_event_kind kind);
openwts_status change_commit(change *ch);

#endif
