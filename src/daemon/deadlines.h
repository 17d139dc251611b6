/* Timeouts of many connections at the cost of one list each: every
 * deadline in a list has the same span (--read-timeout, --send-timeout),
 * so the order in which they were armed is the order in which they fall
 * due, and arming is an append. The loop sleeps until the earliest.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_DEADLINES_H
#define WTSD_DEADLINES_H

#include <stdbool.h>
#include <stdint.h>

typedef struct wtsd_deadline {
    struct wtsd_deadline *prev, *next;
    uint64_t due_ms;
    bool armed;
} wtsd_deadline;

typedef struct wtsd_deadline_list {
    wtsd_deadline *head, *tail;
    uint64_t span_ms;
} wtsd_deadline_list;

/* CLOCK_MONOTONIC in milliseconds. */
uint64_t wtsd_now_ms(void);

/* Due span_ms from now, whether it was armed or not. */
void wtsd_deadline_arm(wtsd_deadline_list *l, wtsd_deadline *d, uint64_t now);
/* Armed only if it was not: an earlier start is kept. */
void wtsd_deadline_keep_or_arm(wtsd_deadline_list *l, wtsd_deadline *d, uint64_t now);
void wtsd_deadline_disarm(wtsd_deadline_list *l, wtsd_deadline *d);
/* The earliest deadline that is due at `now`, or NULL. */
wtsd_deadline *wtsd_deadline_due(const wtsd_deadline_list *l, uint64_t now);
/* Milliseconds until the earliest deadline of the list (0 when one is
 * due), or -1 when none is armed. */
int wtsd_deadline_wait(const wtsd_deadline_list *l, uint64_t now);

#endif
