/* Shadowing: WTSStartRemoteControlSession, WTSStopRemoteControlSession.
 * Not implemented yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSStartRemoteControlSessionW(LPWSTR pTargetServerName, ULONG TargetLogonId,
                                          BYTE HotkeyVk, USHORT HotkeyModifiers)
{
    (void)pTargetServerName; (void)TargetLogonId; (void)HotkeyVk; (void)HotkeyModifiers;
    return not_implemented();
}

BOOL WINAPI WTSStartRemoteControlSessionA(LPSTR pTargetServerName, ULONG TargetLogonId,
                                          BYTE HotkeyVk, USHORT HotkeyModifiers)
{
    (void)pTargetServerName; (void)TargetLogonId; (void)HotkeyVk; (void)HotkeyModifiers;
    return not_implemented();
}

BOOL WINAPI WTSStopRemoteControlSession(ULONG LogonId)
{
    (void)LogonId;
    return not_implemented();
}
