/* Calls a working export once and a stub twice, for trace_test.sh: with
 * WINEDEBUG=+wtsapi each call prints a trace line and the stub's fixme
 * line appears once.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

int main(void)
{
    WTS_SESSION_INFOW *info;
    DWORD count;
    if (!WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count))
        return 1;
    WTSFreeMemory(info);
    WCHAR name[] = L"openwts-trace";
    HANDLE h = WTSOpenServerW(name);
    WTSCloseServer(h);
    CHAR channel[] = "CLIPRDR";
    for (int i = 0; i < 2; i++)
        if (WTSVirtualChannelOpen(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, channel))
            return 1;
    return 0;
}
