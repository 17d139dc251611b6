/* Tells systemd (Type=notify) that wtsd is ready or stopping, through
 * $NOTIFY_SOCKET as sd_notify(3) describes it; nothing without it.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_NOTIFY_H
#define WTSD_NOTIFY_H

/* state: "READY=1", "STOPPING=1". */
void wtsd_notify(const char *state);

#endif
