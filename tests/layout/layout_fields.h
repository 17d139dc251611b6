/* The structure layouts and values that our include/wtsapi32.h must share
 * with an independent reference header: Wine's (native build) or
 * mingw-w64's (Windows builds). layout_ours.c and layout_ref.c expand the
 * same list, each against one header, and test_layout.c compares them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LAYOUT_FIELDS_H
#define OPENWTS_LAYOUT_FIELDS_H

#include <stddef.h>

typedef struct layout_entry {
    const char *what;
    size_t value;
} layout_entry;

#define LAYOUT_ENTRY(expr) { #expr, (size_t)(expr) },
#define LAYOUT_END { NULL, 0 }

/* In both Wine 8's and mingw-w64 10's headers: the enumeration outputs. */
#define LAYOUT_COMMON(X)                                                       \
    X(sizeof(WTS_SESSION_INFOW)) X(offsetof(WTS_SESSION_INFOW, SessionId))     \
    X(offsetof(WTS_SESSION_INFOW, pWinStationName))                            \
    X(offsetof(WTS_SESSION_INFOW, State))                                      \
    X(sizeof(WTS_SESSION_INFOA)) X(offsetof(WTS_SESSION_INFOA, pWinStationName)) \
    X(offsetof(WTS_SESSION_INFOA, State))                                      \
    X(sizeof(WTS_PROCESS_INFOW)) X(offsetof(WTS_PROCESS_INFOW, ProcessId))     \
    X(offsetof(WTS_PROCESS_INFOW, pProcessName))                               \
    X(offsetof(WTS_PROCESS_INFOW, pUserSid))                                   \
    X(sizeof(WTS_PROCESS_INFOA)) X(offsetof(WTS_PROCESS_INFOA, pUserSid))      \
    X(sizeof(WTS_SERVER_INFOW)) X(sizeof(WTS_SERVER_INFOA))                    \
    X(sizeof(WTS_CONNECTSTATE_CLASS)) X(WTSActive) X(WTSConnected)             \
    X(WTSConnectQuery) X(WTSShadow) X(WTSDisconnected) X(WTSIdle) X(WTSListen) \
    X(WTSReset) X(WTSDown) X(WTSInit)                                          \
    X(WTSInitialProgram) X(WTSSessionId) X(WTSUserName) X(WTSWinStationName)   \
    X(WTSDomainName) X(WTSConnectState) X(WTSClientAddress)                    \
    X(WTSClientDisplay) X(WTSClientProtocolType)                               \
    X(WTS_CURRENT_SESSION)

/* Only in Wine's: the level-1 session list and the type classes. */
#define LAYOUT_WINE(X)                                                         \
    X(sizeof(WTS_SESSION_INFO_1W)) X(offsetof(WTS_SESSION_INFO_1W, State))     \
    X(offsetof(WTS_SESSION_INFO_1W, SessionId))                                \
    X(offsetof(WTS_SESSION_INFO_1W, pSessionName))                             \
    X(offsetof(WTS_SESSION_INFO_1W, pHostName))                                \
    X(offsetof(WTS_SESSION_INFO_1W, pUserName))                                \
    X(offsetof(WTS_SESSION_INFO_1W, pDomainName))                              \
    X(offsetof(WTS_SESSION_INFO_1W, pFarmName))                                \
    X(sizeof(WTS_SESSION_INFO_1A)) X(offsetof(WTS_SESSION_INFO_1A, pFarmName)) \
    X(WTSTypeProcessInfoLevel0) X(WTSTypeProcessInfoLevel1)                    \
    X(WTSTypeSessionInfoLevel1) X(WTS_ANY_SESSION)

/* Only in mingw-w64's: the structures WTSQuerySessionInformation fills. */
#define LAYOUT_MINGW(X)                                                        \
    X(sizeof(WTS_CLIENT_ADDRESS)) X(offsetof(WTS_CLIENT_ADDRESS, Address))     \
    X(sizeof(WTS_CLIENT_DISPLAY)) X(offsetof(WTS_CLIENT_DISPLAY, ColorDepth))  \
    X(sizeof(WTSCLIENTW)) X(offsetof(WTSCLIENTW, Domain))                      \
    X(offsetof(WTSCLIENTW, UserName)) X(offsetof(WTSCLIENTW, WorkDirectory))   \
    X(offsetof(WTSCLIENTW, InitialProgram))                                    \
    X(offsetof(WTSCLIENTW, EncryptionLevel))                                   \
    X(offsetof(WTSCLIENTW, ClientAddressFamily))                               \
    X(offsetof(WTSCLIENTW, ClientAddress)) X(offsetof(WTSCLIENTW, HRes))       \
    X(offsetof(WTSCLIENTW, ClientDirectory))                                   \
    X(offsetof(WTSCLIENTW, ClientBuildNumber))                                 \
    X(offsetof(WTSCLIENTW, ClientProductId))                                   \
    X(offsetof(WTSCLIENTW, OutBufLength)) X(offsetof(WTSCLIENTW, DeviceId))    \
    X(sizeof(WTSCLIENTA)) X(offsetof(WTSCLIENTA, ClientAddressFamily))         \
    X(offsetof(WTSCLIENTA, DeviceId))                                          \
    X(sizeof(WTSINFOW)) X(offsetof(WTSINFOW, WinStationName))                  \
    X(offsetof(WTSINFOW, Domain)) X(offsetof(WTSINFOW, UserName))              \
    X(offsetof(WTSINFOW, ConnectTime)) X(offsetof(WTSINFOW, LogonTime))        \
    X(offsetof(WTSINFOW, CurrentTime))                                         \
    X(sizeof(WTSINFOA)) X(offsetof(WTSINFOA, UserName))                        \
    X(offsetof(WTSINFOA, CurrentTime))                                         \
    X(WTSClientInfo) X(WTSSessionInfo)

#ifdef OPENWTS_LAYOUT_REF_MINGW
#define LAYOUT_ALL(X) LAYOUT_COMMON(X) LAYOUT_MINGW(X)
#else
#define LAYOUT_ALL(X) LAYOUT_COMMON(X) LAYOUT_WINE(X)
#endif

extern const layout_entry layout_ours[];
extern const layout_entry layout_ref[];

#endif
