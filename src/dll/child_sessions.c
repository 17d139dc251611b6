/* Child sessions: WTSEnableChildSessions, WTSIsChildSessionsEnabled,
 * WTSGetChildSessionId. Not implemented yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSEnableChildSessions(BOOL bEnable)
{
    (void)bEnable;
    return not_implemented();
}

BOOL WINAPI WTSIsChildSessionsEnabled(PBOOL pbEnabled)
{
    (void)pbEnabled;
    return not_implemented();
}

BOOL WINAPI WTSGetChildSessionId(PULONG pSessionId)
{
    (void)pSessionId;
    return not_implemented();
}
