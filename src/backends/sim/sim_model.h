/* The sim backend's world in memory: one server, its sessions (in id
 * order), its processes (in process-id order), the users whose passwords
 * WTSConnectSession checks, and what the backend recorded (the last
 * message of each session, the last process ended).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_MODEL_H
#define OPENWTS_SIM_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "openwts.pb.h"

#define SIM_NAME_MAX 257 /* as the schema's user, domain and server fields */

/* A message WTSSendMessage showed, as the caller gave it. */
typedef struct sim_message {
    char *title;      /* UTF-8, allocated */
    char *text;
    uint32_t style;   /* MB_* */
    uint32_t timeout_seconds;
    bool wait;
    uint32_t response; /* what the caller got back */
} sim_message;

typedef struct sim_session {
    openwts_Session s;         /* s.host is the model's server */
    uint32_t message_response; /* IDOK..., or SIM_NO_ANSWER */
    bool has_message;
    sim_message last_message;
} sim_session;

typedef struct sim_user {
    char name[SIM_NAME_MAX];
    char domain[SIM_NAME_MAX]; /* "" matches any domain */
    char password[SIM_NAME_MAX];
} sim_user;

typedef struct sim_model {
    char server[SIM_NAME_MAX];
    sim_session **sessions;     /* by ascending id; each allocated */
    size_t n_sessions, cap_sessions;
    openwts_Process *processes; /* by ascending process_id */
    size_t n_processes, cap_processes;
    sim_user *users;
    size_t n_users;
    bool has_last_ended;        /* WTSTerminateProcess's last victim */
    uint32_t last_ended_pid, last_ended_exit_code;
} sim_model;

void sim_model_free(sim_model *m);

/* Sessions. find gives NULL, and *index where the id would go. */
sim_session *sim_model_find(const sim_model *m, uint32_t id, size_t *index);
bool sim_model_reserve_session(sim_model *m);            /* room for one more */
void sim_model_insert_at(sim_model *m, size_t index, sim_session *s); /* after reserve */
sim_session *sim_model_remove_at(sim_model *m, size_t index);
sim_session *sim_session_dup(const sim_session *s);    /* deep copy; NULL: no memory */
void sim_session_free(sim_session *s);
void sim_message_clear(sim_message *msg);

/* Processes. */
openwts_Process *sim_model_find_process(const sim_model *m, uint32_t pid, size_t *index);

/* Lowest id from 1 up that no session has (0 when all are taken). */
uint32_t sim_model_free_id(const sim_model *m);

#endif
