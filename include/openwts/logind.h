/* The `logind` backend: this Linux machine's real sessions, as
 * systemd-logind (org.freedesktop.login1 on the system bus) knows them,
 * shown and acted on as Windows' Remote Desktop Services would
 * (docs/logind-backend.md has every rule: ids, states, WinStation names,
 * errors, events). Built for wtsd and for tests; Linux only (sd-bus).
 *
 * Not thread-safe, by design, as the sim backend: wtsd serves every call
 * from one thread. A host calling from several threads must hold one lock
 * around every call, openwts_logind_process included.
 *
 * Events (set_event_sink): logind tells the backend about changes with
 * D-Bus signals, which arrive on the bus connection's file descriptor. The
 * host watches that descriptor in its own poll/epoll loop:
 *
 *     int fd = openwts_logind_fd(be);          // once; it never changes
 *     loop:
 *         openwts_logind_process(be);          // before every wait
 *         poll({ fd, openwts_logind_events(be) }, ...);
 *
 * openwts_logind_process must also run after any call into the backend
 * before the host waits again: a call may have read signals off the socket
 * while waiting for its answer, and those are then queued in memory, not
 * signalled by the descriptor. The sink is called from inside
 * openwts_logind_process, and also from inside an operation that is the
 * first to see a change (an enumeration finding a session gone reports its
 * LOGOFF and DELETE at once; the signal that follows reports nothing twice).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGIND_H
#define OPENWTS_LOGIND_H

#include <stddef.h>

#include "openwts/backend.h"

#define OPENWTS_LOGIND_BACKEND_NAME "logind"

typedef struct openwts_logind_options {
    /* A D-Bus address ("unix:path=/run/dbus/system_bus_socket"); NULL: the
     * system bus, or the one DBUS_SYSTEM_BUS_ADDRESS names (as every
     * D-Bus client reads it). Tests point it at a private bus. */
    const char *bus_address;
    /* Where the cgroup file system is mounted; NULL: /sys/fs/cgroup. A
     * session's processes are those of its scope's cgroup there. */
    const char *cgroup_root;
} openwts_logind_options;

/* Opens a logind backend (version 4) into *out: connects to the bus,
 * subscribes to logind's signals and learns the sessions that exist now
 * (without reporting them as new). options may be NULL (every default).
 * logind itself need not be running: calls then fail with
 * RPC_S_SERVER_UNAVAILABLE until it is. On failure *out is untouched and,
 * when error_size > 0, `error` says why. Returns OPENWTS_OK,
 * OPENWTS_RPC_S_SERVER_UNAVAILABLE (no bus to connect to),
 * OPENWTS_ERROR_INVALID_PARAMETER (out NULL) or
 * OPENWTS_ERROR_NOT_ENOUGH_MEMORY. */
openwts_status openwts_logind_open(const openwts_logind_options *options,
                                   const openwts_backend **out, char *error, size_t error_size);

/* Closes the bus connection and frees a backend openwts_logind_open
 * returned (NULL: nothing). Unregister it first if it was registered. */
void openwts_logind_close(const openwts_backend *be);

/* The bus connection's descriptor, for the host's poll loop; -1 for NULL. */
int openwts_logind_fd(const openwts_backend *be);

/* The poll(2) events (POLLIN, POLLOUT) to wait for on that descriptor. */
int openwts_logind_events(const openwts_backend *be);

/* Handles every signal that has arrived, reporting changes to the event
 * sink, and returns when nothing is pending. OPENWTS_OK, or
 * OPENWTS_RPC_S_SERVER_UNAVAILABLE once the bus connection is lost: every
 * call then fails the same way until the host opens the backend again, and
 * the host should stop watching the descriptor (it stays readable). */
openwts_status openwts_logind_process(const openwts_backend *be);

/* The one call wtsd makes for `--backend logind` (and an optional bus
 * address from its configuration): opens the backend (bus_address NULL:
 * the system bus), sets its event sink (sink NULL: none), registers it
 * under its name with openwts_backend_register and gives in *fd the
 * descriptor to add to the daemon's epoll set (EPOLLIN). On failure
 * nothing is left open or registered, and `error` says why.
 *
 * The daemon then runs openwts_logind_process(*out) whenever *fd is
 * readable and after every request it serves (see above), and at exit
 * openwts_backend_unregister_all() before openwts_logind_close(*out).
 * sd-bus connections do not survive fork(): a daemon that detaches
 * itself must do so before this call. */
openwts_status openwts_logind_host(const char *bus_address, openwts_event_fn sink, void *sink_ctx,
                                   const openwts_backend **out, int *fd, char *error,
                                   size_t error_size);

#endif
