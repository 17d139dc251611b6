/* Child sessions: WTSEnableChildSessions, WTSIsChildSessionsEnabled,
 * WTSGetChildSessionId. The setting is the machine's, kept in the
 * registry as Windows keeps its own; no OpenWTS backend creates child
 * sessions, so a session never has one (MicrosoftDocs sdk-api
 * WTSGetChildSessionId: (ULONG)-1 when there is none).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"

#define SETTINGS_KEY L"Software\\OpenWTS"
#define CHILD_SESSIONS_VALUE L"ChildSessionsEnabled"
#define NO_CHILD_SESSION ((ULONG)-1)

BOOL WINAPI WTSEnableChildSessions(BOOL bEnable)
{
    TRACE("%d\n", bEnable);
    DWORD value = bEnable ? 1 : 0;
    HKEY key;
    /* Writing HKLM needs an administrator, as changing the setting does. */
    LONG err = RegCreateKeyExW(HKEY_LOCAL_MACHINE, SETTINGS_KEY, 0, NULL, 0, KEY_SET_VALUE, NULL, &key, NULL);
    if (!err) {
        err = RegSetValueExW(key, CHILD_SESSIONS_VALUE, 0, REG_DWORD, (const BYTE *)&value, sizeof(value));
        RegCloseKey(key);
    }
    return status_to_bool((DWORD)err);
}

BOOL WINAPI WTSIsChildSessionsEnabled(PBOOL pbEnabled)
{
    TRACE("%p\n", pbEnabled);
    if (!pbEnabled)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    DWORD value = 0, size = sizeof(value);
    LONG err = RegGetValueW(HKEY_LOCAL_MACHINE, SETTINGS_KEY, CHILD_SESSIONS_VALUE, RRF_RT_REG_DWORD,
                            NULL, &value, &size);
    if (err == ERROR_FILE_NOT_FOUND) {
        value = 0; /* never set: disabled, as on a new Windows install */
        err = ERROR_SUCCESS;
    }
    if (!err)
        *pbEnabled = value != 0;
    return status_to_bool((DWORD)err);
}

BOOL WINAPI WTSGetChildSessionId(PULONG pSessionId)
{
    TRACE("%p\n", pSessionId);
    if (!pSessionId)
        return status_to_bool(ERROR_INVALID_PARAMETER);
    *pSessionId = NO_CHILD_SESSION;
    return status_to_bool(ERROR_SUCCESS);
}
