/* Windows session ids for logind's sessions. logind names a session with
 * a string ("42" from the kernel's audit session id, "c1" when there is
 * none); Windows programs need a DWORD that stays the same while the
 * session lives and names no other session meanwhile. The rule
 * (docs/logind-backend.md, "Session ids"): a logind id that is a decimal
 * number N is N when no other live session holds N; any other id, or a
 * number that is taken, gets the lowest id from 1 up that no live session
 * holds. 0 is the Services session, never a logind one.
 *
 * Each entry also keeps what the backend last reported about its session,
 * so that a change is reported once, by whichever of a signal or a call
 * sees it first (logind_track.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_IDS_H
#define OPENWTS_LOGIND_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOGIND_SERVICES_SESSION 0u

typedef struct logind_ref {
    char *name;           /* logind's session id */
    char *path;           /* its object path, as logind gives it (never built from the id) */
    uint32_t id;          /* the Windows session id */
    /* What has been reported (logind_track.c). */
    bool known;           /* observed once: the fields below hold */
    bool fresh;           /* learned after the backend started: its creation is news */
    bool shown;           /* WTSActive (connected) rather than disconnected */
    bool closing;         /* LOGOFF reported */
    bool has_user;        /* LOGON reported, or there from the start */
    bool hint_locked;     /* logind's LockedHint as last seen */
    bool locked;          /* LOCK reported last (rather than UNLOCK) */
    int64_t connect_time, disconnect_time; /* FILETIME of changes seen; 0 unknown */
    bool seen;            /* scratch: in the list being synchronised */
} logind_ref;

typedef struct logind_ids {
    logind_ref **refs;    /* owned; pointers stay valid until the entry is forgotten */
    size_t n, cap;
} logind_ids;

logind_ref *logind_ids_by_id(const logind_ids *ids, uint32_t id);
logind_ref *logind_ids_by_name(const logind_ids *ids, const char *name);
logind_ref *logind_ids_by_path(const logind_ids *ids, const char *path);

/* The entry of session `name`, made with its id by the rule above if it is
 * new (*created true). NULL when memory runs out. */
logind_ref *logind_ids_learn(logind_ids *ids, const char *name, const char *path, bool *created);

/* Drops an entry: its id is free again. */
void logind_ids_forget(logind_ids *ids, logind_ref *ref);

void logind_ids_free(logind_ids *ids);

/* Whether `name` is a decimal number (no sign, no leading zero) that can be
 * a session id (1 to 0xFFFFFFFD: the top two are WTS_CURRENT_SESSION and
 * WTS_ANY_SESSION); *value gets it. */
bool logind_ids_numeric(const char *name, uint32_t *value);

/* Orders logind ids as people read them: "c2" before "c10". */
int logind_ids_natural_cmp(const char *a, const char *b);

#endif
