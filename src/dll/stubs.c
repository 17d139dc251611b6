/* Every export OpenWTS does not implement yet, in one place, as Wine's
 * spec file marks its stubs: a reader sees at once what is left. Each one
 * returns its failure value (FALSE, NULL, E_NOTIMPL or nothing) with
 * ERROR_CALL_NOT_IMPLEMENTED, writes none of its outputs, and says so once
 * per process on Wine's fixme channel (trace.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "trace.h"

/* A stub reads none of its parameters. */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#define STUB_BODY(failure)                                             \
    {                                                                  \
        FIXME_ONCE("not implemented\n");                               \
        SetLastError(ERROR_CALL_NOT_IMPLEMENTED);                      \
        return failure;                                                \
    }
#define STUB(type, name, params, failure) type WINAPI name params STUB_BODY(failure)

/* ---- Listeners (an RD Session Host's listening WinStations) ---------- */
STUB(BOOL, WTSEnumerateListenersW, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    PWTSLISTENERNAMEW pListeners, DWORD *pCount), FALSE)
STUB(BOOL, WTSEnumerateListenersA, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    PWTSLISTENERNAMEA pListeners, DWORD *pCount), FALSE)
STUB(BOOL, WTSQueryListenerConfigW, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPWSTR pListenerName, PWTSLISTENERCONFIGW pBuffer), FALSE)
STUB(BOOL, WTSQueryListenerConfigA, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPSTR pListenerName, PWTSLISTENERCONFIGA pBuffer), FALSE)
STUB(BOOL, WTSCreateListenerW, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                LPWSTR pListenerName, PWTSLISTENERCONFIGW pBuffer, DWORD flag), FALSE)
STUB(BOOL, WTSCreateListenerA, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                LPSTR pListenerName, PWTSLISTENERCONFIGA pBuffer, DWORD flag), FALSE)
STUB(BOOL, WTSSetListenerSecurityW, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPWSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                     PSECURITY_DESCRIPTOR pSecurityDescriptor), FALSE)
STUB(BOOL, WTSSetListenerSecurityA, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                     PSECURITY_DESCRIPTOR pSecurityDescriptor), FALSE)
STUB(BOOL, WTSGetListenerSecurityW, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPWSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                     PSECURITY_DESCRIPTOR pSecurityDescriptor, DWORD nLength,
                                     LPDWORD lpnLengthNeeded), FALSE)
STUB(BOOL, WTSGetListenerSecurityA, (HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                     LPSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                     PSECURITY_DESCRIPTOR pSecurityDescriptor, DWORD nLength,
                                     LPDWORD lpnLengthNeeded), FALSE)

/* ---- Virtual channels (no backend carries channels yet) --------------- */
STUB(HANDLE, WTSVirtualChannelOpen, (HANDLE hServer, DWORD SessionId, LPSTR pVirtualName), NULL)
STUB(HANDLE, WTSVirtualChannelOpenEx, (DWORD SessionId, LPSTR pVirtualName, DWORD flags), NULL)
STUB(BOOL, WTSVirtualChannelClose, (HANDLE hChannelHandle), FALSE)
STUB(BOOL, WTSVirtualChannelRead, (HANDLE hChannelHandle, ULONG TimeOut, PCHAR Buffer,
                                   ULONG BufferSize, PULONG pBytesRead), FALSE)
STUB(BOOL, WTSVirtualChannelWrite, (HANDLE hChannelHandle, PCHAR Buffer, ULONG Length,
                                    PULONG pBytesWritten), FALSE)
STUB(BOOL, WTSVirtualChannelPurgeInput, (HANDLE hChannelHandle), FALSE)
STUB(BOOL, WTSVirtualChannelPurgeOutput, (HANDLE hChannelHandle), FALSE)
STUB(BOOL, WTSVirtualChannelQuery, (HANDLE hChannelHandle, WTS_VIRTUAL_CLASS WtsVirtualClass,
                                    PVOID *ppBuffer, DWORD *pBytesReturned), FALSE)

/* ---- Shadowing --------------------------------------------------------- */
STUB(BOOL, WTSStartRemoteControlSessionW, (LPWSTR pTargetServerName, ULONG TargetLogonId,
                                           BYTE HotkeyVk, USHORT HotkeyModifiers), FALSE)
STUB(BOOL, WTSStartRemoteControlSessionA, (LPSTR pTargetServerName, ULONG TargetLogonId,
                                           BYTE HotkeyVk, USHORT HotkeyModifiers), FALSE)
STUB(BOOL, WTSStopRemoteControlSession, (ULONG LogonId), FALSE)

/* ---- Graphics remoting hints (an HRESULT, so E_NOTIMPL) --------------- */
STUB(HRESULT, WTSSetRenderHint, (UINT64 *pRenderHintID, HWND hwndOwner, DWORD renderHintType,
                                 DWORD cbHintDataLength, BYTE *pHintData), E_NOTIMPL)

/* ---- Setting session information (exported, undocumented by Microsoft) */
STUB(BOOL, WTSSetSessionInformationW, (HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS WTSInfoClass,
                                       PWSTR pBuffer, DWORD DataLength), FALSE)
STUB(BOOL, WTSSetSessionInformationA, (HANDLE hServer, DWORD SessionId, WTS_INFO_CLASS WTSInfoClass,
                                       PSTR pBuffer, DWORD DataLength), FALSE)


/* ---- Entra ID (cloud) authentication, Windows build 26100 ------------- */
STUB(WTS_CLOUD_AUTH_HANDLE, WTSCloudAuthOpen, (const GUID *activityId), NULL)
VOID WINAPI WTSCloudAuthClose(WTS_CLOUD_AUTH_HANDLE cloudAuthHandle)
{
    FIXME_ONCE("not implemented\n");
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
}
STUB(BOOL, WTSCloudAuthGetServerNonce, (WTS_CLOUD_AUTH_HANDLE cloudAuthHandle, PWSTR *serverNonce), FALSE)
STUB(BOOL, WTSCloudAuthConvertAssertionToSerializedUserCredential,
     (WTS_CLOUD_AUTH_HANDLE cloudAuthHandle, PCSTR assertion, ULONG assertionLength,
      PCWSTR resourceId, WTS_SERIALIZED_USER_CREDENTIAL **userCredential), FALSE)
STUB(BOOL, WTSCloudAuthDuplicateSerializedUserCredential,
     (const WTS_SERIALIZED_USER_CREDENTIAL *userCredential,
      WTS_SERIALIZED_USER_CREDENTIAL **duplicatedUserCredential), FALSE)
STUB(BOOL, WTSCloudAuthNetworkLogonWithSerializedCredential,
     (WTS_CLOUD_AUTH_HANDLE cloudAuthHandle, const WTS_SERIALIZED_USER_CREDENTIAL *userCredential,
      HANDLE *tokenHandle), FALSE)

/* ---- Undocumented: exported so the table matches Windows' -------------
 * No signature is published, so no argument size can be right: declared
 * cdecl, these pop nothing, which suits a caller that passed nothing; a
 * caller that pushed arguments for a stdcall callee would find its i686
 * stack off by their size (x86_64 has one convention, so no such risk).
 * Wine's builtin marks the same names `@ stub`: calling one raises an
 * exception there. */
BOOL QueryActiveSession(void);
BOOL QueryUserToken(void);
BOOL RegisterUsertokenForNoWinlogon(void);
BOOL QueryActiveSession(void) STUB_BODY(FALSE)
BOOL QueryUserToken(void) STUB_BODY(FALSE)
BOOL RegisterUsertokenForNoWinlogon(void) STUB_BODY(FALSE)
