/* Listeners: WTSEnumerateListeners, WTSQueryListenerConfig,
 * WTSCreateListener, WTS(Get|Set)ListenerSecurity. Not implemented yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSEnumerateListenersW(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                   PWTSLISTENERNAMEW pListeners, DWORD *pCount)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListeners; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSEnumerateListenersA(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                   PWTSLISTENERNAMEA pListeners, DWORD *pCount)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListeners; (void)pCount;
    return not_implemented();
}

BOOL WINAPI WTSQueryListenerConfigW(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPWSTR pListenerName, PWTSLISTENERCONFIGW pBuffer)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)pBuffer;
    return not_implemented();
}

BOOL WINAPI WTSQueryListenerConfigA(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPSTR pListenerName, PWTSLISTENERCONFIGA pBuffer)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)pBuffer;
    return not_implemented();
}

BOOL WINAPI WTSCreateListenerW(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                               LPWSTR pListenerName, PWTSLISTENERCONFIGW pBuffer, DWORD flag)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)pBuffer; (void)flag;
    return not_implemented();
}

BOOL WINAPI WTSCreateListenerA(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                               LPSTR pListenerName, PWTSLISTENERCONFIGA pBuffer, DWORD flag)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)pBuffer; (void)flag;
    return not_implemented();
}

BOOL WINAPI WTSSetListenerSecurityW(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPWSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)SecurityInformation;
    (void)pSecurityDescriptor;
    return not_implemented();
}

BOOL WINAPI WTSSetListenerSecurityA(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)SecurityInformation;
    (void)pSecurityDescriptor;
    return not_implemented();
}

BOOL WINAPI WTSGetListenerSecurityW(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPWSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor, DWORD nLength,
                                    LPDWORD lpnLengthNeeded)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)SecurityInformation;
    (void)pSecurityDescriptor; (void)nLength; (void)lpnLengthNeeded;
    return not_implemented();
}

BOOL WINAPI WTSGetListenerSecurityA(HANDLE hServer, PVOID pReserved, DWORD Reserved,
                                    LPSTR pListenerName, SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor, DWORD nLength,
                                    LPDWORD lpnLengthNeeded)
{
    (void)hServer; (void)pReserved; (void)Reserved; (void)pListenerName; (void)SecurityInformation;
    (void)pSecurityDescriptor; (void)nLength; (void)lpnLengthNeeded;
    return not_implemented();
}
