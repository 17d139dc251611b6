/* The table behind server handles. A handle value encodes a slot index and
 * the slot's generation, so a closed, stale, forged or foreign handle is
 * recognised (ERROR_INVALID_HANDLE) and never dereferenced. Servers are
 * reference counted: WTSCloseServer while another thread is inside a call
 * on the same handle is safe, the call finishes on its own reference.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdint.h>

#include "frontend.h"
#include "notification_registry.h"
#include "system_events.h"
#include "transport.h"

#define HANDLE_TAG       0x50000000u /* marks our handle values */
#define HANDLE_TAG_MASK  0xF0000000u
#define MAX_SLOTS        0x3FFFu     /* 14 bits of index */
#define GEN_MASK         0x3FFFu     /* 14 bits of generation */

typedef struct slot {
    server *srv;  /* NULL when free */
    WORD gen;
} slot;

static SRWLOCK table_lock = SRWLOCK_INIT;
static slot *slots;
static size_t slot_count;

/* WTS_CURRENT_SERVER_HANDLE: the default server, bound at its first use;
 * never freed before unload, never in the table. */
static server default_server = { 1, "", { ROUTE_INPROC, {0}, 0, NULL, 0 }, NULL };
static INIT_ONCE default_once = INIT_ONCE_STATIC_INIT;
static LONG default_bound; /* once bound, every query checks a load, not ntdll */

static BOOL CALLBACK default_server_init(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    default_server.binding = *server_binding_default();
    if (default_server.binding.route == ROUTE_SOCKET) {
        default_server.link = transport_socket_open(&default_server.binding);
        if (!default_server.link)
            return FALSE; /* no memory: tried again by the next call */
    }
    return TRUE;
}

/* Value layout (32 bits, zero-extended on Win64): tag(4) | gen(14) |
 * index+1(14), so no handle is NULL and a slot's value only comes back
 * after 16384 reuses. */
static HANDLE handle_encode(size_t index, WORD gen)
{
    return (HANDLE)(uintptr_t)(HANDLE_TAG | ((uint32_t)(gen & GEN_MASK) << 14) | (uint32_t)(index + 1));
}

static BOOL handle_decode(HANDLE h, size_t *index, WORD *gen)
{
    uintptr_t v = (uintptr_t)h;
    if (v > 0xFFFFFFFFu || (v & HANDLE_TAG_MASK) != HANDLE_TAG || (v & MAX_SLOTS) == 0)
        return FALSE;
    *index = (v & MAX_SLOTS) - 1;
    *gen = (WORD)((v >> 14) & GEN_MASK);
    return TRUE;
}

/* The open slot a handle names, or NULL; the caller holds the lock. */
static slot *slot_of_handle(HANDLE h)
{
    size_t index;
    WORD gen;
    if (!handle_decode(h, &index, &gen) || index >= slot_count || !slots[index].srv ||
        (slots[index].gen & GEN_MASK) != gen)
        return NULL;
    return &slots[index];
}

/* Servers whose last reference went, kept for the next open: opening and
 * closing a handle in a loop (a monitor polling a server) then costs no
 * heap block, which cost more than the rest of the pair (README, "Speed").
 * Each handle still has a server of its own (registrations are kept per
 * server: notification_registry.c). */
#define SPARE_SERVERS 4
static server *volatile spare_servers[SPARE_SERVERS];

static server *server_alloc(void)
{
    for (int i = 0; i < SPARE_SERVERS; i++) {
        server *srv = spare_servers[i];
        if (srv && (srv = InterlockedExchangePointer((void *volatile *)&spare_servers[i], NULL)))
            return srv;
    }
    return HeapAlloc(GetProcessHeap(), 0, sizeof(server));
}

/* Its connection closed, the object kept for the next open or freed. */
static void server_free(server *srv)
{
    transport_socket_close(srv->link);
    srv->link = NULL;
    for (int i = 0; i < SPARE_SERVERS; i++)
        if (!spare_servers[i] &&
            !InterlockedCompareExchangePointer((void *volatile *)&spare_servers[i], srv, NULL))
            return;
    HeapFree(GetProcessHeap(), 0, srv);
}

HANDLE server_handle_open(const WCHAR *name)
{
    server *srv = server_alloc();
    if (!srv) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    srv->refs = 1; /* the table's reference */
    srv->link = NULL;
    if (name && *name)
        text_from_wide(name, srv->name, sizeof(srv->name));
    else
        srv->name[0] = '\0'; /* this machine: nothing to convert (a LocalAlloc) */
    server_binding_for_name(name, &srv->binding); /* writes all of it */
    if (srv->binding.route == ROUTE_SOCKET && !(srv->link = transport_socket_open(&srv->binding))) {
        server_free(srv);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }

    HANDLE h = NULL;
    AcquireSRWLockExclusive(&table_lock);
    size_t i = 0;
    while (i < slot_count && slots[i].srv)
        i++;
    if (i == slot_count && slot_count < MAX_SLOTS) {
        size_t grown = slot_count ? slot_count * 2 : 16;
        if (grown > MAX_SLOTS)
            grown = MAX_SLOTS;
        slot *bigger = slots ? HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, slots, grown * sizeof(slot))
                             : HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, grown * sizeof(slot));
        if (bigger) {
            slots = bigger;
            slot_count = grown;
        }
    }
    if (i < slot_count) {
        slots[i].srv = srv;
        h = handle_encode(i, slots[i].gen);
    }
    ReleaseSRWLockExclusive(&table_lock);

    if (!h) {
        server_free(srv);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    }
    return h;
}

DWORD server_handle_resolve(HANDLE h, server **out)
{
    *out = NULL;
    if (h == WTS_CURRENT_SERVER_HANDLE) {
        if (!__atomic_load_n(&default_bound, __ATOMIC_ACQUIRE)) {
            if (!InitOnceExecuteOnce(&default_once, default_server_init, NULL, NULL))
                return ERROR_NOT_ENOUGH_MEMORY;
            __atomic_store_n(&default_bound, 1, __ATOMIC_RELEASE);
        }
        *out = &default_server;
        return ERROR_SUCCESS;
    }
    AcquireSRWLockShared(&table_lock);
    slot *sl = slot_of_handle(h);
    if (sl) {
        *out = sl->srv;
        InterlockedIncrement(&sl->srv->refs);
    }
    ReleaseSRWLockShared(&table_lock);
    return *out ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

void server_release(server *srv)
{
    if (srv && srv != &default_server && InterlockedDecrement(&srv->refs) == 0)
        server_free(srv);
}

void server_handle_close(HANDLE h)
{
    server *srv = NULL;
    AcquireSRWLockExclusive(&table_lock);
    slot *sl = slot_of_handle(h);
    if (sl) {
        srv = sl->srv;
        sl->srv = NULL;
        sl->gen++; /* the old value now names nothing */
    }
    ReleaseSRWLockExclusive(&table_lock);
    if (srv) {
        system_events_server_closed(srv); /* its WTSWaitSystemEvent calls return */
        notification_registry_forget_server(srv);
    }
    server_release(srv);
}

void server_handle_table_free(void)
{
    AcquireSRWLockExclusive(&table_lock);
    for (size_t i = 0; i < slot_count; i++)
        server_release(slots[i].srv);
    if (slots)
        HeapFree(GetProcessHeap(), 0, slots);
    slots = NULL;
    slot_count = 0;
    ReleaseSRWLockExclusive(&table_lock);
    transport_socket_close(default_server.link);
    default_server.link = NULL;
    __atomic_store_n(&default_bound, 0, __ATOMIC_RELEASE);
    InitOnceInitialize(&default_once);
    server_config_free();
    for (int i = 0; i < SPARE_SERVERS; i++) {
        server *srv = InterlockedExchangePointer((void *volatile *)&spare_servers[i], NULL);
        if (srv)
            HeapFree(GetProcessHeap(), 0, srv);
    }
}
