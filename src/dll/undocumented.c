/* Three exports of Windows' wtsapi32 with no published signature. They
 * exist so that the export table matches; they fail with
 * ERROR_CALL_NOT_IMPLEMENTED. Being cdecl, they return cleanly whatever
 * the caller pushed, where a guessed stdcall size could unbalance the
 * caller's stack on i686.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL QueryActiveSession(void);
BOOL QueryUserToken(void);
BOOL RegisterUsertokenForNoWinlogon(void);

BOOL QueryActiveSession(void)
{
    return not_implemented();
}

BOOL QueryUserToken(void)
{
    return not_implemented();
}

BOOL RegisterUsertokenForNoWinlogon(void)
{
    return not_implemented();
}
