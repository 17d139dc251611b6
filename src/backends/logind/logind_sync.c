/* Synchronising the id map with ListSessions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_sync.h"

#include <stdlib.h>
#include <string.h>

#include "logind_bus.h"
#include "logind_track.h"

void logind_snapshot_free(logind_snapshot *snap)
{
    if (!snap)
        return;
    for (size_t i = 0; i < snap->n; i++)
        logind_props_clear(&snap->items[i].props);
    free(snap->items);
    snap->items = NULL;
    snap->n = 0;
}

/* Numbers first (by value), then the other ids in natural order. */
static int learning_order(const void *pa, const void *pb)
{
    const logind_listed *a = *(const logind_listed *const *)pa;
    const logind_listed *b = *(const logind_listed *const *)pb;
    uint32_t na, nb;
    bool numeric_a = logind_ids_numeric(a->name, &na), numeric_b = logind_ids_numeric(b->name, &nb);
    if (numeric_a != numeric_b)
        return numeric_a ? -1 : 1;
    if (numeric_a)
        return na < nb ? -1 : na > nb;
    return logind_ids_natural_cmp(a->name, b->name);
}

static logind_ref *learn(logind *l, const char *name, const char *path)
{
    bool created;
    logind_ref *ref = logind_ids_learn(&l->ids, name, path, &created);
    if (ref && created)
        ref->fresh = l->baseline;
    return ref;
}

/* Forgets (reporting them gone) the entries the list no longer has, then
 * learns the new ones. */
static openwts_status update_map(logind *l, const logind_listed *list, size_t n)
{
    for (size_t i = 0; i < l->ids.n; i++)
        l->ids.refs[i]->seen = false;
    const logind_listed **fresh = calloc(n ? n : 1, sizeof(*fresh));
    if (!fresh)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    size_t n_fresh = 0;
    for (size_t i = 0; i < n; i++) {
        logind_ref *ref = logind_ids_by_name(&l->ids, list[i].name);
        if (ref)
            ref->seen = true;
        else
            fresh[n_fresh++] = &list[i];
    }
    /* From the end: forgetting an entry moves only those after it. */
    for (size_t i = l->ids.n; i-- > 0;)
        if (!l->ids.refs[i]->seen)
            logind_track_vanished(l, l->ids.refs[i]);
    qsort(fresh, n_fresh, sizeof(*fresh), learning_order);
    openwts_status st = OPENWTS_OK;
    for (size_t i = 0; i < n_fresh && st == OPENWTS_OK; i++)
        if (!learn(l, fresh[i]->name, fresh[i]->path))
            st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    free(fresh);
    return st;
}

static openwts_status read_all(logind *l, const logind_listed *list, size_t n,
                               logind_snapshot *snap)
{
    snap->items = calloc(n ? n : 1, sizeof(*snap->items));
    if (!snap->items)
        return OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    for (size_t i = 0; i < n; i++) {
        logind_ref *ref = logind_ids_by_name(&l->ids, list[i].name);
        if (!ref)
            continue; /* update_map learned every name; nothing in between forgets one */
        logind_seen *item = &snap->items[snap->n];
        openwts_status st = logind_props_get(l->bus, ref->path, &item->props);
        if (st == OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND) {
            logind_track_vanished(l, ref); /* ended between the list and now */
            continue;
        }
        if (st != OPENWTS_OK) {
            logind_snapshot_free(snap);
            return st;
        }
        item->ref = ref;
        snap->n++;
        logind_track_observe(l, ref, &item->props);
    }
    return OPENWTS_OK;
}

openwts_status logind_sync(logind *l, logind_snapshot *snap)
{
    if (snap)
        memset(snap, 0, sizeof(*snap));
    logind_listed *list = NULL;
    size_t n = 0;
    openwts_status st = logind_list_sessions(l->bus, &list, &n);
    if (st == OPENWTS_OK)
        st = update_map(l, list, n);
    if (st == OPENWTS_OK && snap)
        st = read_all(l, list, n, snap);
    logind_listed_free(list, n);
    if (st == OPENWTS_OK)
        l->baseline = true;
    return st;
}

logind_ref *logind_ref_for_path(logind *l, const char *path, openwts_status *st)
{
    *st = OPENWTS_OK;
    logind_ref *ref = logind_ids_by_path(&l->ids, path);
    if (ref)
        return ref;
    char *name = NULL;
    if ((*st = logind_session_name(l->bus, path, &name)) != OPENWTS_OK)
        return NULL;
    ref = learn(l, name, path);
    free(name);
    if (!ref)
        *st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    return ref;
}
