/* SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_CALLER_IDENTITY_H
#define OPENWTS_CALLER_IDENTITY_H

#include <lmcons.h>

#include "frontend.h"

/* This process as a caller: session, process, user, domain, privilege. */
const openwts_Caller *caller_identity(void);

#endif
