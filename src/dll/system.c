/* The server as a whole: WTSShutdownSystem, WTSWaitSystemEvent. Not
 * implemented yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSShutdownSystem(HANDLE hServer, DWORD ShutdownFlag)
{
    (void)hServer; (void)ShutdownFlag;
    return not_implemented();
}

BOOL WINAPI WTSWaitSystemEvent(HANDLE hServer, DWORD EventMask, DWORD *pEventFlags)
{
    (void)hServer; (void)EventMask; (void)pEventFlags;
    return not_implemented();
}
