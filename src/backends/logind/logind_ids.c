/* Windows session ids for logind's sessions (the rule is in logind_ids.h).
 * A plain array: a machine has tens of sessions, not millions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_ids.h"

#include <stdlib.h>
#include <string.h>

#define FIRST_FREE_ID 1u
#define LAST_ID 0xFFFFFFFDu /* below WTS_ANY_SESSION and WTS_CURRENT_SESSION */

logind_ref *logind_ids_by_id(const logind_ids *ids, uint32_t id)
{
    for (size_t i = 0; i < ids->n; i++)
        if (ids->refs[i]->id == id)
            return ids->refs[i];
    return NULL;
}

logind_ref *logind_ids_by_name(const logind_ids *ids, const char *name)
{
    for (size_t i = 0; i < ids->n; i++)
        if (strcmp(ids->refs[i]->name, name) == 0)
            return ids->refs[i];
    return NULL;
}

logind_ref *logind_ids_by_path(const logind_ids *ids, const char *path)
{
    for (size_t i = 0; i < ids->n; i++)
        if (strcmp(ids->refs[i]->path, path) == 0)
            return ids->refs[i];
    return NULL;
}

bool logind_ids_numeric(const char *name, uint32_t *value)
{
    if (name[0] < '1' || name[0] > '9')
        return false;
    uint64_t v = 0;
    for (const char *p = name; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (uint64_t)(*p - '0');
        if (v > LAST_ID)
            return false;
    }
    *value = (uint32_t)v;
    return true;
}

/* The lowest id no entry holds. With fewer entries than ids there is one. */
static uint32_t lowest_free(const logind_ids *ids)
{
    uint32_t id = FIRST_FREE_ID;
    while (logind_ids_by_id(ids, id))
        id++;
    return id;
}

logind_ref *logind_ids_learn(logind_ids *ids, const char *name, const char *path, bool *created)
{
    *created = false;
    logind_ref *ref = logind_ids_by_name(ids, name);
    if (ref)
        return ref;
    if (ids->n == ids->cap) {
        size_t cap = ids->cap ? ids->cap * 2 : 8;
        logind_ref **grown = realloc(ids->refs, cap * sizeof(*grown));
        if (!grown)
            return NULL;
        ids->refs = grown;
        ids->cap = cap;
    }
    ref = calloc(1, sizeof(*ref));
    if (!ref || !(ref->name = strdup(name)) || !(ref->path = strdup(path))) {
        if (ref)
            free(ref->name);
        free(ref);
        return NULL;
    }
    uint32_t n;
    ref->id = logind_ids_numeric(name, &n) && !logind_ids_by_id(ids, n) ? n : lowest_free(ids);
    ids->refs[ids->n++] = ref;
    *created = true;
    return ref;
}

void logind_ids_forget(logind_ids *ids, logind_ref *ref)
{
    for (size_t i = 0; i < ids->n; i++) {
        if (ids->refs[i] != ref)
            continue;
        memmove(&ids->refs[i], &ids->refs[i + 1], (ids->n - i - 1) * sizeof(*ids->refs));
        ids->n--;
        free(ref->name);
        free(ref->path);
        free(ref);
        return;
    }
}

void logind_ids_free(logind_ids *ids)
{
    for (size_t i = 0; i < ids->n; i++) {
        free(ids->refs[i]->name);
        free(ids->refs[i]->path);
        free(ids->refs[i]);
    }
    free(ids->refs);
    memset(ids, 0, sizeof(*ids));
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int logind_ids_natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (is_digit(*a) && is_digit(*b)) {
            /* Compare the runs of digits as numbers: the longer (without
             * leading zeros) is larger, else the first differing digit. */
            while (*a == '0')
                a++;
            while (*b == '0')
                b++;
            size_t la = 0, lb = 0;
            while (is_digit(a[la]))
                la++;
            while (is_digit(b[lb]))
                lb++;
            if (la != lb)
                return la < lb ? -1 : 1;
            int c = strncmp(a, b, la);
            if (c)
                return c;
            a += la;
            b += lb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}
