/* Virtual channels: WTSVirtualChannel*. Not implemented: no backend has
 * channels yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

HANDLE WINAPI WTSVirtualChannelOpen(HANDLE hServer, DWORD SessionId, LPSTR pVirtualName)
{
    (void)hServer; (void)SessionId; (void)pVirtualName;
    return not_implemented_handle();
}

HANDLE WINAPI WTSVirtualChannelOpenEx(DWORD SessionId, LPSTR pVirtualName, DWORD flags)
{
    (void)SessionId; (void)pVirtualName; (void)flags;
    return not_implemented_handle();
}

BOOL WINAPI WTSVirtualChannelClose(HANDLE hChannelHandle)
{
    (void)hChannelHandle;
    return not_implemented();
}

BOOL WINAPI WTSVirtualChannelRead(HANDLE hChannelHandle, ULONG TimeOut, PCHAR Buffer,
                                  ULONG BufferSize, PULONG pBytesRead)
{
    (void)hChannelHandle; (void)TimeOut; (void)Buffer; (void)BufferSize; (void)pBytesRead;
    return not_implemented();
}

BOOL WINAPI WTSVirtualChannelWrite(HANDLE hChannelHandle, PCHAR Buffer, ULONG Length,
                                   PULONG pBytesWritten)
{
    (void)hChannelHandle; (void)Buffer; (void)Length; (void)pBytesWritten;
    return not_implemented();
}

BOOL WINAPI WTSVirtualChannelPurgeInput(HANDLE hChannelHandle)
{
    (void)hChannelHandle;
    return not_implemented();
}

BOOL WINAPI WTSVirtualChannelPurgeOutput(HANDLE hChannelHandle)
{
    (void)hChannelHandle;
    return not_implemented();
}

BOOL WINAPI WTSVirtualChannelQuery(HANDLE hChannelHandle, WTS_VIRTUAL_CLASS WtsVirtualClass,
                                   PVOID *ppBuffer, DWORD *pBytesReturned)
{
    (void)hChannelHandle; (void)WtsVirtualClass; (void)ppBuffer; (void)pBytesReturned;
    return not_implemented();
}
