/* Name tables. The values are Windows': WTS_CONNECTSTATE_CLASS and
 * WTS_SESSIONSTATE_* (wtsapi32.h), the protocol types of
 * WTSClientProtocolType (WTS_INFO_CLASS page: 0 console, 1 ICA, 2 RDP),
 * and MessageBox's IDOK... (winuser.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_names.h"

#include <stddef.h>

struct name {
    const char *name;
    int32_t value;
};

static const struct name states[] = {
    { "Active", 0 }, { "Connected", 1 }, { "ConnectQuery", 2 }, { "Shadow", 3 },
    { "Disconnected", 4 }, { "Idle", 5 }, { "Listen", 6 }, { "Reset", 7 },
    { "Down", 8 }, { "Init", 9 },
};

static const struct name locks[] = {
    { "locked", SIM_LOCK_LOCKED }, { "unlocked", SIM_LOCK_UNLOCKED }, { "unknown", SIM_LOCK_UNKNOWN },
};

static const struct name protocols[] = { { "console", 0 }, { "ica", 1 }, { "rdp", 2 } };

static const struct name responses[] = {
    { "none", SIM_NO_ANSWER }, { "IDOK", 1 },     { "IDCANCEL", 2 }, { "IDABORT", 3 },
    { "IDRETRY", 4 },          { "IDIGNORE", 5 }, { "IDYES", 6 },    { "IDNO", 7 },
    { "IDTRYAGAIN", 10 },      { "IDCONTINUE", 11 }, { "IDTIMEOUT", 32000 },
    { "IDASYNC", 32001 },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int sim_ascii_casecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || !ca)
            return ca - cb;
    }
}

static bool lookup(const struct name *table, size_t n, const char *name, int32_t *value)
{
    for (size_t i = 0; i < n; i++) {
        if (sim_ascii_casecmp(table[i].name, name) == 0) {
            *value = table[i].value;
            return true;
        }
    }
    return false;
}

static const char *name_of(const struct name *table, size_t n, int32_t value)
{
    for (size_t i = 0; i < n; i++)
        if (table[i].value == value)
            return table[i].name;
    return NULL;
}

bool sim_state_from_name(const char *name, uint32_t *state)
{
    int32_t v;
    /* "WTSActive" as the enum spells it, or "Active" */
    if ((name[0] == 'W' || name[0] == 'w') && (name[1] == 'T' || name[1] == 't')
        && (name[2] == 'S' || name[2] == 's') && lookup(states, COUNT(states), name + 3, &v)) {
        *state = (uint32_t)v;
        return true;
    }
    if (!lookup(states, COUNT(states), name, &v))
        return false;
    *state = (uint32_t)v;
    return true;
}

const char *sim_state_name(uint32_t state)
{
    return state <= SIM_STATE_MAX ? states[state].name : NULL;
}

bool sim_lock_from_name(const char *name, int32_t *lock)
{
    return lookup(locks, COUNT(locks), name, lock);
}

const char *sim_lock_name(int32_t lock)
{
    return name_of(locks, COUNT(locks), lock);
}

bool sim_protocol_from_name(const char *name, uint32_t *protocol)
{
    int32_t v;
    if (!lookup(protocols, COUNT(protocols), name, &v))
        return false;
    *protocol = (uint32_t)v;
    return true;
}

const char *sim_protocol_name(uint32_t protocol)
{
    return protocol < COUNT(protocols) ? protocols[protocol].name : NULL;
}

bool sim_response_from_name(const char *name, uint32_t *response)
{
    int32_t v;
    if (!lookup(responses, COUNT(responses), name, &v))
        return false;
    *response = (uint32_t)v;
    return true;
}

const char *sim_response_name(uint32_t response)
{
    return response <= 0x7FFFFFFFu ? name_of(responses, COUNT(responses), (int32_t)response) : NULL;
}
