/* WTSSendMessage on this machine: a message box on the caller's desktop.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_MESSAGE_H
#define OPENWTS_LOCAL_MESSAGE_H

#include "openwts/backend.h"

/* The backend table's send_message (include/openwts/backend.h). */
openwts_status local_send_message(const openwts_backend *be, const openwts_Caller *caller,
                                  const char *server, uint32_t session_id, const char *title,
                                  const char *message, uint32_t style, uint32_t timeout_seconds,
                                  bool wait, uint32_t *response);

#endif
