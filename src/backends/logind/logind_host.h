/* This machine's names, as a Windows program sees a server and the domain
 * of its local accounts.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_HOST_H
#define OPENWTS_LOGIND_HOST_H

#include <stdbool.h>

#define LOGIND_HOST_MAX 256

typedef struct logind_host {
    char name[LOGIND_HOST_MAX + 1];   /* gethostname(), as the kernel has it */
    char domain[LOGIND_HOST_MAX + 1]; /* its first label in capitals: the computer name */
} logind_host;

/* Reads the host's name (an empty name when it has none). */
void logind_host_init(logind_host *h);

/* Whether a server name a handle was opened with is this machine: NULL,
 * "", ".", "localhost", the host name or its first label, in any case,
 * with or without leading backslashes. */
bool logind_host_serves(const logind_host *h, const char *server);

#endif
