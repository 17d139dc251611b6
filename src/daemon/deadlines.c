/* Deadline lists (deadlines.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "deadlines.h"

#include <limits.h>
#include <stddef.h>
#include <time.h>

uint64_t wtsd_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void wtsd_deadline_disarm(wtsd_deadline_list *l, wtsd_deadline *d)
{
    if (!d->armed)
        return;
    if (d->prev)
        d->prev->next = d->next;
    else
        l->head = d->next;
    if (d->next)
        d->next->prev = d->prev;
    else
        l->tail = d->prev;
    d->prev = d->next = NULL;
    d->armed = false;
}

void wtsd_deadline_arm(wtsd_deadline_list *l, wtsd_deadline *d, uint64_t now)
{
    wtsd_deadline_disarm(l, d);
    d->due_ms = now + l->span_ms;
    d->prev = l->tail;
    d->next = NULL;
    if (l->tail)
        l->tail->next = d;
    else
        l->head = d;
    l->tail = d;
    d->armed = true;
}

void wtsd_deadline_keep_or_arm(wtsd_deadline_list *l, wtsd_deadline *d, uint64_t now)
{
    if (!d->armed)
        wtsd_deadline_arm(l, d, now);
}

wtsd_deadline *wtsd_deadline_due(const wtsd_deadline_list *l, uint64_t now)
{
    return l->head && l->head->due_ms <= now ? l->head : NULL;
}

int wtsd_deadline_wait(const wtsd_deadline_list *l, uint64_t now)
{
    if (!l->head)
        return -1;
    if (l->head->due_ms <= now)
        return 0;
    uint64_t left = l->head->due_ms - now;
    return left > INT_MAX ? INT_MAX : (int)left;
}
