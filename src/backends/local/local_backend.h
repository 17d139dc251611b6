/* The embedded default backend: this machine's sessions as Win32 sees them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOCAL_BACKEND_H
#define OPENWTS_LOCAL_BACKEND_H

#include "openwts/backend.h"

const openwts_backend *local_backend(void);
void local_backend_close(void);

#endif
