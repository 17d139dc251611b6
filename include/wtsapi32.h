/*
 * OpenWTS - public interface of the Remote Desktop Services API (wtsapi32).
 *
 * Written from Microsoft's public API documentation (the "wtsapi32.h" pages
 * of learn.microsoft.com / MicrosoftDocs/sdk-api).  Names, numeric values
 * and structure layouts follow the Windows ABI so that binaries built
 * against the Windows SDK and against this header are interchangeable.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#ifndef _INC_WTSAPI
#define _INC_WTSAPI
#ifndef OPENWTS_WTSAPI32_H
#define OPENWTS_WTSAPI32_H

#include <windows.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Special server handles / names and session identifiers              */
/* ------------------------------------------------------------------ */

#define WTS_CURRENT_SERVER          ((HANDLE)NULL)
#define WTS_CURRENT_SERVER_HANDLE   ((HANDLE)NULL)
#define WTS_CURRENT_SERVER_NAME     (NULL)

#define WTS_CURRENT_SESSION         ((DWORD)-1)
#define WTS_ANY_SESSION             ((DWORD)-2)

/* Logon id meaning "the calling session" (WTSConnectSession). */
#ifndef LOGONID_CURRENT
#define LOGONID_CURRENT ((ULONG)-1)
#endif

/* ------------------------------------------------------------------ */
/* Fixed string / array lengths used inside the structures below       */
/* (counts of characters, without the terminating NUL unless noted)   */
/* ------------------------------------------------------------------ */

#ifndef USERNAME_LENGTH
#define USERNAME_LENGTH             20
#endif
#ifndef CLIENTNAME_LENGTH
#define CLIENTNAME_LENGTH           20
#endif
#ifndef CLIENTADDRESS_LENGTH
#define CLIENTADDRESS_LENGTH        30
#endif
#ifndef WINSTATIONNAME_LENGTH
#define WINSTATIONNAME_LENGTH       32
#endif
#ifndef DOMAIN_LENGTH
#define DOMAIN_LENGTH               17
#endif

#define WTS_DRIVE_LENGTH            3
#define WTS_LISTENER_NAME_LENGTH    32
#define WTS_COMMENT_LENGTH          60

#define PRODUCTINFO_COMPANYNAME_LENGTH          256
#define PRODUCTINFO_PRODUCTID_LENGTH            4
#define VALIDATIONINFORMATION_LICENSE_LENGTH    16384
#define VALIDATIONINFORMATION_HARDWAREID_LENGTH 20

/* ------------------------------------------------------------------ */
/* Flag and value sets                                                  */
/* ------------------------------------------------------------------ */

/* WTSShutdownSystem: ShutdownFlag */
#define WTS_WSD_LOGOFF              0x00000001
#define WTS_WSD_SHUTDOWN            0x00000002
#define WTS_WSD_REBOOT              0x00000004
#define WTS_WSD_POWEROFF            0x00000008
#define WTS_WSD_FASTREBOOT          0x00000010

/* WTSWaitSystemEvent: EventMask / *pEventFlags */
#define WTS_EVENT_NONE              0x00000000
#define WTS_EVENT_CREATE            0x00000001
#define WTS_EVENT_DELETE            0x00000002
#define WTS_EVENT_RENAME            0x00000004
#define WTS_EVENT_CONNECT           0x00000008
#define WTS_EVENT_DISCONNECT        0x00000010
#define WTS_EVENT_LOGON             0x00000020
#define WTS_EVENT_LOGOFF            0x00000040
#define WTS_EVENT_STATECHANGE       0x00000080
#define WTS_EVENT_LICENSE           0x00000100
#define WTS_EVENT_ALL               0x7FFFFFFF
#define WTS_EVENT_FLUSH             0x80000000

/* WTSSendMessage: extra *pResponse codes (the IDxxx button codes come
   from winuser.h) */
#ifndef IDTIMEOUT
#define IDTIMEOUT                   32000
#endif
#ifndef IDASYNC
#define IDASYNC                     32001
#endif

/* WTSRegisterSessionNotification[Ex]: dwFlags */
#define NOTIFY_FOR_THIS_SESSION     0
#define NOTIFY_FOR_ALL_SESSIONS     1

/* WTSQuerySessionInformation(WTSClientProtocolType) results */
#define WTS_PROTOCOL_TYPE_CONSOLE   0
#define WTS_PROTOCOL_TYPE_ICA       1
#define WTS_PROTOCOL_TYPE_RDP       2

/* WTSINFOEX_LEVEL1.SessionFlags */
#define WTS_SESSIONSTATE_UNKNOWN    0xFFFFFFFF
#define WTS_SESSIONSTATE_LOCK       0x00000000
#define WTS_SESSIONSTATE_UNLOCK     0x00000001

/* WTSEnumerateProcessesEx: *pLevel */
#define WTS_PROCESS_INFO_LEVEL_0    0
#define WTS_PROCESS_INFO_LEVEL_1    1

/* WTSCreateListener: flag */
#define WTS_LISTENER_CREATE         0x00000001
#define WTS_LISTENER_UPDATE         0x00000010

/* WTSStartRemoteControlSession: HotkeyModifiers */
#define REMOTECONTROL_KBDSHIFT_HOTKEY   0x1
#define REMOTECONTROL_KBDCTRL_HOTKEY    0x2
#define REMOTECONTROL_KBDALT_HOTKEY     0x4

/* WTSVirtualChannelOpenEx: flags (static channel when 0) */
#define WTS_CHANNEL_OPTION_DYNAMIC              0x00000001
#define WTS_CHANNEL_OPTION_DYNAMIC_PRI_LOW      0x00000000
#define WTS_CHANNEL_OPTION_DYNAMIC_PRI_MED      0x00000002
#define WTS_CHANNEL_OPTION_DYNAMIC_PRI_HIGH     0x00000004
#define WTS_CHANNEL_OPTION_DYNAMIC_PRI_REAL     0x00000006
#define WTS_CHANNEL_OPTION_DYNAMIC_NO_COMPRESS  0x00000008

/* Access rights in a listener's security descriptor */
#define WTS_SECURITY_QUERY_INFORMATION  0x00000001
#define WTS_SECURITY_SET_INFORMATION    0x00000002
#define WTS_SECURITY_RESET              0x00000004
#define WTS_SECURITY_VIRTUAL_CHANNELS   0x00000008
#define WTS_SECURITY_REMOTE_CONTROL     0x00000010
#define WTS_SECURITY_LOGON              0x00000020
#define WTS_SECURITY_LOGOFF             0x00000040
#define WTS_SECURITY_MESSAGE            0x00000080
#define WTS_SECURITY_CONNECT            0x00000100
#define WTS_SECURITY_DISCONNECT         0x00000200

#define WTS_SECURITY_GUEST_ACCESS       WTS_SECURITY_LOGON
#define WTS_SECURITY_CURRENT_GUEST_ACCESS \
    (WTS_SECURITY_LOGOFF | WTS_SECURITY_VIRTUAL_CHANNELS)
#define WTS_SECURITY_USER_ACCESS \
    (WTS_SECURITY_CONNECT | WTS_SECURITY_CURRENT_GUEST_ACCESS | \
     WTS_SECURITY_QUERY_INFORMATION)
#define WTS_SECURITY_CURRENT_USER_ACCESS \
    (WTS_SECURITY_DISCONNECT | WTS_SECURITY_LOGOFF | WTS_SECURITY_RESET | \
     WTS_SECURITY_SET_INFORMATION | WTS_SECURITY_VIRTUAL_CHANNELS)
#define WTS_SECURITY_ALL_ACCESS \
    (STANDARD_RIGHTS_REQUIRED | WTS_SECURITY_CONNECT | \
     WTS_SECURITY_DISCONNECT | WTS_SECURITY_LOGON | WTS_SECURITY_MESSAGE | \
     WTS_SECURITY_QUERY_INFORMATION | WTS_SECURITY_REMOTE_CONTROL | \
     WTS_SECURITY_RESET | WTS_SECURITY_SET_INFORMATION | \
     WTS_SECURITY_VIRTUAL_CHANNELS)

/* WTSSetRenderHint: renderHintType (Windows declares this function in
   wtshintapi.h; it is exported by wtsapi32.dll) */
#ifndef RENDER_HINT_CLEAR
#define RENDER_HINT_CLEAR           0
#define RENDER_HINT_VIDEO           1
#define RENDER_HINT_MAPPEDWINDOW    2
#endif

/* WM_WTSSESSION_CHANGE and its wParam codes normally come from
   winuser.h; provide them only if that header did not. */
#ifndef WM_WTSSESSION_CHANGE
#define WM_WTSSESSION_CHANGE        0x02B1
#endif
#ifndef WTS_CONSOLE_CONNECT
#define WTS_CONSOLE_CONNECT         0x1
#endif
#ifndef WTS_CONSOLE_DISCONNECT
#define WTS_CONSOLE_DISCONNECT      0x2
#endif
#ifndef WTS_REMOTE_CONNECT
#define WTS_REMOTE_CONNECT          0x3
#endif
#ifndef WTS_REMOTE_DISCONNECT
#define WTS_REMOTE_DISCONNECT       0x4
#endif
#ifndef WTS_SESSION_LOGON
#define WTS_SESSION_LOGON           0x5
#endif
#ifndef WTS_SESSION_LOGOFF
#define WTS_SESSION_LOGOFF          0x6
#endif
#ifndef WTS_SESSION_LOCK
#define WTS_SESSION_LOCK            0x7
#endif
#ifndef WTS_SESSION_UNLOCK
#define WTS_SESSION_UNLOCK          0x8
#endif
#ifndef WTS_SESSION_REMOTE_CONTROL
#define WTS_SESSION_REMOTE_CONTROL  0x9
#endif
#ifndef WTS_SESSION_CREATE
#define WTS_SESSION_CREATE          0xA
#endif
#ifndef WTS_SESSION_TERMINATE
#define WTS_SESSION_TERMINATE       0xB
#endif

/* ------------------------------------------------------------------ */
/* Enumerations                                                         */
/* ------------------------------------------------------------------ */

/* Connection state of a session (WinStation). */
typedef enum _WTS_CONNECTSTATE_CLASS {
    WTSActive       = 0,
    WTSConnected    = 1,
    WTSConnectQuery = 2,
    WTSShadow       = 3,
    WTSDisconnected = 4,
    WTSIdle         = 5,
    WTSListen       = 6,
    WTSReset        = 7,
    WTSDown         = 8,
    WTSInit         = 9
} WTS_CONNECTSTATE_CLASS;

/* What WTSQuerySessionInformation returns. */
typedef enum _WTS_INFO_CLASS {
    WTSInitialProgram       = 0,
    WTSApplicationName      = 1,
    WTSWorkingDirectory     = 2,
    WTSOEMId                = 3,
    WTSSessionId            = 4,
    WTSUserName             = 5,
    WTSWinStationName       = 6,
    WTSDomainName           = 7,
    WTSConnectState         = 8,
    WTSClientBuildNumber    = 9,
    WTSClientName           = 10,
    WTSClientDirectory      = 11,
    WTSClientProductId      = 12,
    WTSClientHardwareId     = 13,
    WTSClientAddress        = 14,
    WTSClientDisplay        = 15,
    WTSClientProtocolType   = 16,
    WTSIdleTime             = 17,
    WTSLogonTime            = 18,
    WTSIncomingBytes        = 19,
    WTSOutgoingBytes        = 20,
    WTSIncomingFrames       = 21,
    WTSOutgoingFrames       = 22,
    WTSClientInfo           = 23,
    WTSSessionInfo          = 24,
    WTSSessionInfoEx        = 25,
    WTSConfigInfo           = 26,
    WTSValidationInfo       = 27,
    WTSSessionAddressV4     = 28,
    WTSIsRemoteSession      = 29
} WTS_INFO_CLASS;

/* What WTSQueryUserConfig / WTSSetUserConfig read or write. */
typedef enum _WTS_CONFIG_CLASS {
    WTSUserConfigInitialProgram                 = 0,
    WTSUserConfigWorkingDirectory               = 1,
    WTSUserConfigfInheritInitialProgram         = 2,
    WTSUserConfigfAllowLogonTerminalServer      = 3,
    WTSUserConfigTimeoutSettingsConnections     = 4,
    WTSUserConfigTimeoutSettingsDisconnections  = 5,
    WTSUserConfigTimeoutSettingsIdle            = 6,
    WTSUserConfigfDeviceClientDrives            = 7,
    WTSUserConfigfDeviceClientPrinters          = 8,
    WTSUserConfigfDeviceClientDefaultPrinter    = 9,
    WTSUserConfigBrokenTimeoutSettings          = 10,
    WTSUserConfigReconnectSettings              = 11,
    WTSUserConfigModemCallbackSettings          = 12,
    WTSUserConfigModemCallbackPhoneNumber       = 13,
    WTSUserConfigShadowingSettings              = 14,
    WTSUserConfigTerminalServerProfilePath      = 15,
    WTSUserConfigTerminalServerHomeDir          = 16,
    WTSUserConfigTerminalServerHomeDirDrive     = 17,
    WTSUserConfigfTerminalServerRemoteHomeDir   = 18,
    WTSUserConfigUser                           = 19
} WTS_CONFIG_CLASS;

/* Where the data in a WTSUSERCONFIG came from. */
typedef enum _WTS_CONFIG_SOURCE {
    WTSUserConfigSourceSAM = 0
} WTS_CONFIG_SOURCE;

/* What WTSVirtualChannelQuery returns. */
typedef enum _WTS_VIRTUAL_CLASS {
    WTSVirtualClientData = 0,
    WTSVirtualFileHandle = 1
} WTS_VIRTUAL_CLASS;

/* Kind of buffer handed to WTSFreeMemoryEx. */
typedef enum _WTS_TYPE_CLASS {
    WTSTypeProcessInfoLevel0        = 0,
    WTSTypeProcessInfoLevel1        = 1,
    WTSTypeSessionInfoLevel1        = 2,
    WTSTypeCloudAuthServerNonce     = 3,
    WTSTypeSerializedUserCredential = 4
} WTS_TYPE_CLASS;

/* ------------------------------------------------------------------ */
/* Structures (default packing, as in the Windows SDK)                 */
/* ------------------------------------------------------------------ */

/* One entry of WTSEnumerateServers. */
typedef struct _WTS_SERVER_INFOA {
    LPSTR  pServerName;
} WTS_SERVER_INFOA, *PWTS_SERVER_INFOA;

typedef struct _WTS_SERVER_INFOW {
    LPWSTR pServerName;
} WTS_SERVER_INFOW, *PWTS_SERVER_INFOW;

/* One entry of WTSEnumerateSessions. */
typedef struct _WTS_SESSION_INFOA {
    DWORD                  SessionId;
    LPSTR                  pWinStationName;
    WTS_CONNECTSTATE_CLASS State;
} WTS_SESSION_INFOA, *PWTS_SESSION_INFOA;

typedef struct _WTS_SESSION_INFOW {
    DWORD                  SessionId;
    LPWSTR                 pWinStationName;
    WTS_CONNECTSTATE_CLASS State;
} WTS_SESSION_INFOW, *PWTS_SESSION_INFOW;

/* One entry of WTSEnumerateSessionsEx (level 1). */
typedef struct _WTS_SESSION_INFO_1A {
    DWORD                  ExecEnvId;
    WTS_CONNECTSTATE_CLASS State;
    DWORD                  SessionId;
    LPSTR                  pSessionName;
    LPSTR                  pHostName;
    LPSTR                  pUserName;
    LPSTR                  pDomainName;
    LPSTR                  pFarmName;
} WTS_SESSION_INFO_1A, *PWTS_SESSION_INFO_1A;

typedef struct _WTS_SESSION_INFO_1W {
    DWORD                  ExecEnvId;
    WTS_CONNECTSTATE_CLASS State;
    DWORD                  SessionId;
    LPWSTR                 pSessionName;
    LPWSTR                 pHostName;
    LPWSTR                 pUserName;
    LPWSTR                 pDomainName;
    LPWSTR                 pFarmName;
} WTS_SESSION_INFO_1W, *PWTS_SESSION_INFO_1W;

/* One entry of WTSEnumerateProcesses (and WTSEnumerateProcessesEx level 0). */
typedef struct _WTS_PROCESS_INFOA {
    DWORD  SessionId;
    DWORD  ProcessId;
    LPSTR  pProcessName;
    PSID   pUserSid;
} WTS_PROCESS_INFOA, *PWTS_PROCESS_INFOA;

typedef struct _WTS_PROCESS_INFOW {
    DWORD  SessionId;
    DWORD  ProcessId;
    LPWSTR pProcessName;
    PSID   pUserSid;
} WTS_PROCESS_INFOW, *PWTS_PROCESS_INFOW;

/* One entry of WTSEnumerateProcessesEx level 1. */
typedef struct _WTS_PROCESS_INFO_EXA {
    DWORD         SessionId;
    DWORD         ProcessId;
    LPSTR         pProcessName;
    PSID          pUserSid;
    DWORD         NumberOfThreads;
    DWORD         HandleCount;
    DWORD         PagefileUsage;
    DWORD         PeakPagefileUsage;
    DWORD         WorkingSetSize;
    DWORD         PeakWorkingSetSize;
    LARGE_INTEGER UserTime;
    LARGE_INTEGER KernelTime;
} WTS_PROCESS_INFO_EXA, *PWTS_PROCESS_INFO_EXA;

typedef struct _WTS_PROCESS_INFO_EXW {
    DWORD         SessionId;
    DWORD         ProcessId;
    LPWSTR        pProcessName;
    PSID          pUserSid;
    DWORD         NumberOfThreads;
    DWORD         HandleCount;
    DWORD         PagefileUsage;
    DWORD         PeakPagefileUsage;
    DWORD         WorkingSetSize;
    DWORD         PeakWorkingSetSize;
    LARGE_INTEGER UserTime;
    LARGE_INTEGER KernelTime;
} WTS_PROCESS_INFO_EXW, *PWTS_PROCESS_INFO_EXW;

/* WTSClientAddress result (also the address format of WTS_SESSION_ADDRESS). */
typedef struct _WTS_CLIENT_ADDRESS {
    DWORD AddressFamily;
    BYTE  Address[20];
} WTS_CLIENT_ADDRESS, *PWTS_CLIENT_ADDRESS;

/* WTSSessionAddressV4 result. */
typedef struct _WTS_SESSION_ADDRESS {
    DWORD AddressFamily;
    BYTE  Address[20];
} WTS_SESSION_ADDRESS, *PWTS_SESSION_ADDRESS;

/* WTSClientDisplay result. */
typedef struct _WTS_CLIENT_DISPLAY {
    DWORD HorizontalResolution;
    DWORD VerticalResolution;
    DWORD ColorDepth;
} WTS_CLIENT_DISPLAY, *PWTS_CLIENT_DISPLAY;

/* WTSClientInfo result: details reported by the connected client. */
typedef struct _WTSCLIENTA {
    CHAR   ClientName[CLIENTNAME_LENGTH + 1];
    CHAR   Domain[DOMAIN_LENGTH + 1];
    CHAR   UserName[USERNAME_LENGTH + 1];
    CHAR   WorkDirectory[MAX_PATH + 1];
    CHAR   InitialProgram[MAX_PATH + 1];
    BYTE   EncryptionLevel;
    ULONG  ClientAddressFamily;
    USHORT ClientAddress[CLIENTADDRESS_LENGTH + 1];
    USHORT HRes;
    USHORT VRes;
    USHORT ColorDepth;
    CHAR   ClientDirectory[MAX_PATH + 1];
    ULONG  ClientBuildNumber;
    ULONG  ClientHardwareId;
    USHORT ClientProductId;
    USHORT OutBufCountHost;
    USHORT OutBufCountClient;
    USHORT OutBufLength;
    CHAR   DeviceId[MAX_PATH + 1];
} WTSCLIENTA, *PWTSCLIENTA;

typedef struct _WTSCLIENTW {
    WCHAR  ClientName[CLIENTNAME_LENGTH + 1];
    WCHAR  Domain[DOMAIN_LENGTH + 1];
    WCHAR  UserName[USERNAME_LENGTH + 1];
    WCHAR  WorkDirectory[MAX_PATH + 1];
    WCHAR  InitialProgram[MAX_PATH + 1];
    BYTE   EncryptionLevel;
    ULONG  ClientAddressFamily;
    USHORT ClientAddress[CLIENTADDRESS_LENGTH + 1];
    USHORT HRes;
    USHORT VRes;
    USHORT ColorDepth;
    WCHAR  ClientDirectory[MAX_PATH + 1];
    ULONG  ClientBuildNumber;
    ULONG  ClientHardwareId;
    USHORT ClientProductId;
    USHORT OutBufCountHost;
    USHORT OutBufCountClient;
    USHORT OutBufLength;
    WCHAR  DeviceId[MAX_PATH + 1];
} WTSCLIENTW, *PWTSCLIENTW;

/* Lets a nameless union compile quietly under strict C/C++ modes. */
#if defined(__GNUC__)
#define OPENWTS_NAMELESS __extension__
#else
#define OPENWTS_NAMELESS
#endif

/* WTSSessionInfo result.  The ANSI member that Microsoft documents as
   "OutgoingCompressedBy" is also reachable as OutgoingCompressedBytes. */
typedef struct _WTSINFOA {
    WTS_CONNECTSTATE_CLASS State;
    DWORD                  SessionId;
    DWORD                  IncomingBytes;
    DWORD                  OutgoingBytes;
    DWORD                  IncomingFrames;
    DWORD                  OutgoingFrames;
    DWORD                  IncomingCompressedBytes;
    OPENWTS_NAMELESS union {
        DWORD              OutgoingCompressedBy;
        DWORD              OutgoingCompressedBytes;
    };
    CHAR                   WinStationName[WINSTATIONNAME_LENGTH];
    CHAR                   Domain[DOMAIN_LENGTH];
    CHAR                   UserName[USERNAME_LENGTH + 1];
    LARGE_INTEGER          ConnectTime;
    LARGE_INTEGER          DisconnectTime;
    LARGE_INTEGER          LastInputTime;
    LARGE_INTEGER          LogonTime;
    LARGE_INTEGER          CurrentTime;
} WTSINFOA, *PWTSINFOA;

#undef OPENWTS_NAMELESS

typedef struct _WTSINFOW {
    WTS_CONNECTSTATE_CLASS State;
    DWORD                  SessionId;
    DWORD                  IncomingBytes;
    DWORD                  OutgoingBytes;
    DWORD                  IncomingFrames;
    DWORD                  OutgoingFrames;
    DWORD                  IncomingCompressedBytes;
    DWORD                  OutgoingCompressedBytes;
    WCHAR                  WinStationName[WINSTATIONNAME_LENGTH];
    WCHAR                  Domain[DOMAIN_LENGTH];
    WCHAR                  UserName[USERNAME_LENGTH + 1];
    LARGE_INTEGER          ConnectTime;
    LARGE_INTEGER          DisconnectTime;
    LARGE_INTEGER          LastInputTime;
    LARGE_INTEGER          LogonTime;
    LARGE_INTEGER          CurrentTime;
} WTSINFOW, *PWTSINFOW;

/* WTSSessionInfoEx result: level 1 data, wrapped in a union and a
   level-tagged container. */
typedef struct _WTSINFOEX_LEVEL1_A {
    ULONG                  SessionId;
    WTS_CONNECTSTATE_CLASS SessionState;
    LONG                   SessionFlags;
    CHAR                   WinStationName[WINSTATIONNAME_LENGTH + 1];
    CHAR                   UserName[USERNAME_LENGTH + 1];
    CHAR                   DomainName[DOMAIN_LENGTH + 1];
    LARGE_INTEGER          LogonTime;
    LARGE_INTEGER          ConnectTime;
    LARGE_INTEGER          DisconnectTime;
    LARGE_INTEGER          LastInputTime;
    LARGE_INTEGER          CurrentTime;
    DWORD                  IncomingBytes;
    DWORD                  OutgoingBytes;
    DWORD                  IncomingFrames;
    DWORD                  OutgoingFrames;
    DWORD                  IncomingCompressedBytes;
    DWORD                  OutgoingCompressedBytes;
} WTSINFOEX_LEVEL1_A, *PWTSINFOEX_LEVEL1_A;

typedef struct _WTSINFOEX_LEVEL1_W {
    ULONG                  SessionId;
    WTS_CONNECTSTATE_CLASS SessionState;
    LONG                   SessionFlags;
    WCHAR                  WinStationName[WINSTATIONNAME_LENGTH + 1];
    WCHAR                  UserName[USERNAME_LENGTH + 1];
    WCHAR                  DomainName[DOMAIN_LENGTH + 1];
    LARGE_INTEGER          LogonTime;
    LARGE_INTEGER          ConnectTime;
    LARGE_INTEGER          DisconnectTime;
    LARGE_INTEGER          LastInputTime;
    LARGE_INTEGER          CurrentTime;
    DWORD                  IncomingBytes;
    DWORD                  OutgoingBytes;
    DWORD                  IncomingFrames;
    DWORD                  OutgoingFrames;
    DWORD                  IncomingCompressedBytes;
    DWORD                  OutgoingCompressedBytes;
} WTSINFOEX_LEVEL1_W, *PWTSINFOEX_LEVEL1_W;

typedef union _WTSINFOEX_LEVEL_A {
    WTSINFOEX_LEVEL1_A WTSInfoExLevel1;
} WTSINFOEX_LEVEL_A, *PWTSINFOEX_LEVEL_A;

typedef union _WTSINFOEX_LEVEL_W {
    WTSINFOEX_LEVEL1_W WTSInfoExLevel1;
} WTSINFOEX_LEVEL_W, *PWTSINFOEX_LEVEL_W;

typedef struct _WTSINFOEXA {
    DWORD             Level;
    WTSINFOEX_LEVEL_A Data;
} WTSINFOEXA, *PWTSINFOEXA;

typedef struct _WTSINFOEXW {
    DWORD             Level;
    WTSINFOEX_LEVEL_W Data;
} WTSINFOEXW, *PWTSINFOEXW;

/* WTSConfigInfo result: per-session configuration. */
typedef struct _WTSCONFIGINFOA {
    ULONG version;
    ULONG fConnectClientDrivesAtLogon;
    ULONG fConnectPrinterAtLogon;
    ULONG fDisablePrinterRedirection;
    ULONG fDisableDefaultMainClientPrinter;
    ULONG ShadowSettings;
    CHAR  LogonUserName[USERNAME_LENGTH + 1];
    CHAR  LogonDomain[DOMAIN_LENGTH + 1];
    CHAR  WorkDirectory[MAX_PATH + 1];
    CHAR  InitialProgram[MAX_PATH + 1];
    CHAR  ApplicationName[MAX_PATH + 1];
} WTSCONFIGINFOA, *PWTSCONFIGINFOA;

typedef struct _WTSCONFIGINFOW {
    ULONG version;
    ULONG fConnectClientDrivesAtLogon;
    ULONG fConnectPrinterAtLogon;
    ULONG fDisablePrinterRedirection;
    ULONG fDisableDefaultMainClientPrinter;
    ULONG ShadowSettings;
    WCHAR LogonUserName[USERNAME_LENGTH + 1];
    WCHAR LogonDomain[DOMAIN_LENGTH + 1];
    WCHAR WorkDirectory[MAX_PATH + 1];
    WCHAR InitialProgram[MAX_PATH + 1];
    WCHAR ApplicationName[MAX_PATH + 1];
} WTSCONFIGINFOW, *PWTSCONFIGINFOW;

/* Product licence details, part of the (unsupported) WTSValidationInfo
   result.  Windows names the typedef PRODUCT_INFOx; WTS_PRODUCT_INFOx is
   provided as well. */
typedef struct _WTS_PRODUCT_INFOA {
    CHAR  CompanyName[PRODUCTINFO_COMPANYNAME_LENGTH];
    CHAR  ProductID[PRODUCTINFO_PRODUCTID_LENGTH];
} PRODUCT_INFOA, WTS_PRODUCT_INFOA, *PWTS_PRODUCT_INFOA;

typedef struct _WTS_PRODUCT_INFOW {
    WCHAR CompanyName[PRODUCTINFO_COMPANYNAME_LENGTH];
    WCHAR ProductID[PRODUCTINFO_PRODUCTID_LENGTH];
} PRODUCT_INFOW, WTS_PRODUCT_INFOW, *PWTS_PRODUCT_INFOW;

typedef struct _WTS_VALIDATION_INFORMATIONA {
    PRODUCT_INFOA ProductInfo;
    BYTE          License[VALIDATIONINFORMATION_LICENSE_LENGTH];
    DWORD         LicenseLength;
    BYTE          HardwareID[VALIDATIONINFORMATION_HARDWAREID_LENGTH];
    DWORD         HardwareIDLength;
} WTS_VALIDATION_INFORMATIONA, *PWTS_VALIDATION_INFORMATIONA;

typedef struct _WTS_VALIDATION_INFORMATIONW {
    PRODUCT_INFOW ProductInfo;
    BYTE          License[VALIDATIONINFORMATION_LICENSE_LENGTH];
    DWORD         LicenseLength;
    BYTE          HardwareID[VALIDATIONINFORMATION_HARDWAREID_LENGTH];
    DWORD         HardwareIDLength;
} WTS_VALIDATION_INFORMATIONW, *PWTS_VALIDATION_INFORMATIONW;

/* WTSUserConfigUser data for WTSQueryUserConfig / WTSSetUserConfig. */
typedef struct _WTSUSERCONFIGA {
    DWORD Source;
    DWORD InheritInitialProgram;
    DWORD AllowLogonTerminalServer;
    DWORD TimeoutSettingsConnections;
    DWORD TimeoutSettingsDisconnections;
    DWORD TimeoutSettingsIdle;
    DWORD DeviceClientDrives;
    DWORD DeviceClientPrinters;
    DWORD ClientDefaultPrinter;
    DWORD BrokenTimeoutSettings;
    DWORD ReconnectSettings;
    DWORD ShadowingSettings;
    DWORD TerminalServerRemoteHomeDir;
    CHAR  InitialProgram[MAX_PATH + 1];
    CHAR  WorkDirectory[MAX_PATH + 1];
    CHAR  TerminalServerProfilePath[MAX_PATH + 1];
    CHAR  TerminalServerHomeDir[MAX_PATH + 1];
    CHAR  TerminalServerHomeDirDrive[WTS_DRIVE_LENGTH + 1];
} WTSUSERCONFIGA, *PWTSUSERCONFIGA;

typedef struct _WTSUSERCONFIGW {
    DWORD Source;
    DWORD InheritInitialProgram;
    DWORD AllowLogonTerminalServer;
    DWORD TimeoutSettingsConnections;
    DWORD TimeoutSettingsDisconnections;
    DWORD TimeoutSettingsIdle;
    DWORD DeviceClientDrives;
    DWORD DeviceClientPrinters;
    DWORD ClientDefaultPrinter;
    DWORD BrokenTimeoutSettings;
    DWORD ReconnectSettings;
    DWORD ShadowingSettings;
    DWORD TerminalServerRemoteHomeDir;
    WCHAR InitialProgram[MAX_PATH + 1];
    WCHAR WorkDirectory[MAX_PATH + 1];
    WCHAR TerminalServerProfilePath[MAX_PATH + 1];
    WCHAR TerminalServerHomeDir[MAX_PATH + 1];
    WCHAR TerminalServerHomeDirDrive[WTS_DRIVE_LENGTH + 1];
} WTSUSERCONFIGW, *PWTSUSERCONFIGW;

/* Listener names, as filled in by WTSEnumerateListeners. */
typedef CHAR  WTSLISTENERNAMEA[WTS_LISTENER_NAME_LENGTH + 1];
typedef WTSLISTENERNAMEA *PWTSLISTENERNAMEA;
typedef WCHAR WTSLISTENERNAMEW[WTS_LISTENER_NAME_LENGTH + 1];
typedef WTSLISTENERNAMEW *PWTSLISTENERNAMEW;

/* Listener settings for WTSQueryListenerConfig / WTSCreateListener. */
typedef struct _WTSLISTENERCONFIGA {
    ULONG version;
    ULONG fEnableListener;
    ULONG MaxConnectionCount;
    ULONG fPromptForPassword;
    ULONG fInheritColorDepth;
    ULONG ColorDepth;
    ULONG fInheritBrokenTimeoutSettings;
    ULONG BrokenTimeoutSettings;
    ULONG fDisablePrinterRedirection;
    ULONG fDisableDriveRedirection;
    ULONG fDisableComPortRedirection;
    ULONG fDisableLPTPortRedirection;
    ULONG fDisableClipboardRedirection;
    ULONG fDisableAudioRedirection;
    ULONG fDisablePNPRedirection;
    ULONG fDisableDefaultMainClientPrinter;
    ULONG LanAdapter;
    ULONG PortNumber;
    ULONG fInheritShadowSettings;
    ULONG ShadowSettings;
    ULONG TimeoutSettingsConnection;
    ULONG TimeoutSettingsDisconnection;
    ULONG TimeoutSettingsIdle;
    ULONG SecurityLayer;
    ULONG MinEncryptionLevel;
    ULONG UserAuthentication;
    CHAR  Comment[WTS_COMMENT_LENGTH + 1];
    CHAR  LogonUserName[USERNAME_LENGTH + 1];
    CHAR  LogonDomain[DOMAIN_LENGTH + 1];
    CHAR  WorkDirectory[MAX_PATH + 1];
    CHAR  InitialProgram[MAX_PATH + 1];
} WTSLISTENERCONFIGA, *PWTSLISTENERCONFIGA;

typedef struct _WTSLISTENERCONFIGW {
    ULONG version;
    ULONG fEnableListener;
    ULONG MaxConnectionCount;
    ULONG fPromptForPassword;
    ULONG fInheritColorDepth;
    ULONG ColorDepth;
    ULONG fInheritBrokenTimeoutSettings;
    ULONG BrokenTimeoutSettings;
    ULONG fDisablePrinterRedirection;
    ULONG fDisableDriveRedirection;
    ULONG fDisableComPortRedirection;
    ULONG fDisableLPTPortRedirection;
    ULONG fDisableClipboardRedirection;
    ULONG fDisableAudioRedirection;
    ULONG fDisablePNPRedirection;
    ULONG fDisableDefaultMainClientPrinter;
    ULONG LanAdapter;
    ULONG PortNumber;
    ULONG fInheritShadowSettings;
    ULONG ShadowSettings;
    ULONG TimeoutSettingsConnection;
    ULONG TimeoutSettingsDisconnection;
    ULONG TimeoutSettingsIdle;
    ULONG SecurityLayer;
    ULONG MinEncryptionLevel;
    ULONG UserAuthentication;
    WCHAR Comment[WTS_COMMENT_LENGTH + 1];
    WCHAR LogonUserName[USERNAME_LENGTH + 1];
    WCHAR LogonDomain[DOMAIN_LENGTH + 1];
    WCHAR WorkDirectory[MAX_PATH + 1];
    WCHAR InitialProgram[MAX_PATH + 1];
} WTSLISTENERCONFIGW, *PWTSLISTENERCONFIGW;

/* Serialized user credential produced by the WTSCloudAuth* functions. */
typedef struct _WTS_SERIALIZED_USER_CREDENTIAL {
    ULONG SerializationLength;
    BYTE *Serialization;
} WTS_SERIALIZED_USER_CREDENTIAL, *PWTS_SERIALIZED_USER_CREDENTIAL,
  WRDS_SERIALIZED_USER_CREDENTIAL, *PWRDS_SERIALIZED_USER_CREDENTIAL;

/* Handle returned by WTSCloudAuthOpen. */
typedef HANDLE WTS_CLOUD_AUTH_HANDLE;

/* ------------------------------------------------------------------ */
/* Functions                                                            */
/* ------------------------------------------------------------------ */

/* Server handles and server discovery */
HANDLE WINAPI WTSOpenServerA(LPSTR pServerName);
HANDLE WINAPI WTSOpenServerW(LPWSTR pServerName);
HANDLE WINAPI WTSOpenServerExA(LPSTR pServerName);
HANDLE WINAPI WTSOpenServerExW(LPWSTR pServerName);
VOID   WINAPI WTSCloseServer(HANDLE hServer);
BOOL   WINAPI WTSEnumerateServersA(LPSTR pDomainName, DWORD Reserved,
                                   DWORD Version,
                                   PWTS_SERVER_INFOA *ppServerInfo,
                                   DWORD *pCount);
BOOL   WINAPI WTSEnumerateServersW(LPWSTR pDomainName, DWORD Reserved,
                                   DWORD Version,
                                   PWTS_SERVER_INFOW *ppServerInfo,
                                   DWORD *pCount);

/* Session enumeration and information */
BOOL WINAPI WTSEnumerateSessionsA(HANDLE hServer, DWORD Reserved,
                                  DWORD Version,
                                  PWTS_SESSION_INFOA *ppSessionInfo,
                                  DWORD *pCount);
BOOL WINAPI WTSEnumerateSessionsW(HANDLE hServer, DWORD Reserved,
                                  DWORD Version,
                                  PWTS_SESSION_INFOW *ppSessionInfo,
                                  DWORD *pCount);
BOOL WINAPI WTSEnumerateSessionsExA(HANDLE hServer, DWORD *pLevel,
                                    DWORD Filter,
                                    PWTS_SESSION_INFO_1A *ppSessionInfo,
                                    DWORD *pCount);
BOOL WINAPI WTSEnumerateSessionsExW(HANDLE hServer, DWORD *pLevel,
                                    DWORD Filter,
                                    PWTS_SESSION_INFO_1W *ppSessionInfo,
                                    DWORD *pCount);
BOOL WINAPI WTSQuerySessionInformationA(HANDLE hServer, DWORD SessionId,
                                        WTS_INFO_CLASS WTSInfoClass,
                                        LPSTR *ppBuffer,
                                        DWORD *pBytesReturned);
BOOL WINAPI WTSQuerySessionInformationW(HANDLE hServer, DWORD SessionId,
                                        WTS_INFO_CLASS WTSInfoClass,
                                        LPWSTR *ppBuffer,
                                        DWORD *pBytesReturned);
/* Not documented by Microsoft; exported by wtsapi32.dll. */
BOOL WINAPI WTSSetSessionInformationA(HANDLE hServer, DWORD SessionId,
                                      WTS_INFO_CLASS WTSInfoClass,
                                      LPSTR pBuffer, DWORD DataLength);
BOOL WINAPI WTSSetSessionInformationW(HANDLE hServer, DWORD SessionId,
                                      WTS_INFO_CLASS WTSInfoClass,
                                      LPWSTR pBuffer, DWORD DataLength);
BOOL WINAPI WTSQueryUserToken(ULONG SessionId, PHANDLE phToken);
BOOL WINAPI WTSActiveSessionExists(PBOOL pbActiveSessionExists);

/* Session control: connect, disconnect, log off, remote control,
   messages, shutdown, events */
BOOL WINAPI WTSConnectSessionA(ULONG LogonId, ULONG TargetLogonId,
                               PSTR pPassword, BOOL bWait);
BOOL WINAPI WTSConnectSessionW(ULONG LogonId, ULONG TargetLogonId,
                               PWSTR pPassword, BOOL bWait);
BOOL WINAPI WTSDisconnectSession(HANDLE hServer, DWORD SessionId,
                                 BOOL bWait);
BOOL WINAPI WTSLogoffSession(HANDLE hServer, DWORD SessionId, BOOL bWait);
BOOL WINAPI WTSStartRemoteControlSessionA(LPSTR pTargetServerName,
                                          ULONG TargetLogonId,
                                          BYTE HotkeyVk,
                                          USHORT HotkeyModifiers);
BOOL WINAPI WTSStartRemoteControlSessionW(LPWSTR pTargetServerName,
                                          ULONG TargetLogonId,
                                          BYTE HotkeyVk,
                                          USHORT HotkeyModifiers);
BOOL WINAPI WTSStopRemoteControlSession(ULONG LogonId);
BOOL WINAPI WTSSendMessageA(HANDLE hServer, DWORD SessionId,
                            LPSTR pTitle, DWORD TitleLength,
                            LPSTR pMessage, DWORD MessageLength,
                            DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait);
BOOL WINAPI WTSSendMessageW(HANDLE hServer, DWORD SessionId,
                            LPWSTR pTitle, DWORD TitleLength,
                            LPWSTR pMessage, DWORD MessageLength,
                            DWORD Style, DWORD Timeout,
                            DWORD *pResponse, BOOL bWait);
BOOL WINAPI WTSShutdownSystem(HANDLE hServer, DWORD ShutdownFlag);
BOOL WINAPI WTSWaitSystemEvent(HANDLE hServer, DWORD EventMask,
                               DWORD *pEventFlags);

/* Processes */
BOOL WINAPI WTSEnumerateProcessesA(HANDLE hServer, DWORD Reserved,
                                   DWORD Version,
                                   PWTS_PROCESS_INFOA *ppProcessInfo,
                                   DWORD *pCount);
BOOL WINAPI WTSEnumerateProcessesW(HANDLE hServer, DWORD Reserved,
                                   DWORD Version,
                                   PWTS_PROCESS_INFOW *ppProcessInfo,
                                   DWORD *pCount);
/* *ppProcessInfo receives an array of WTS_PROCESS_INFO(_EX) depending on
   *pLevel; the pointer type is the one the Windows ABI uses. */
BOOL WINAPI WTSEnumerateProcessesExA(HANDLE hServer, DWORD *pLevel,
                                     DWORD SessionId, LPSTR *ppProcessInfo,
                                     DWORD *pCount);
BOOL WINAPI WTSEnumerateProcessesExW(HANDLE hServer, DWORD *pLevel,
                                     DWORD SessionId, LPWSTR *ppProcessInfo,
                                     DWORD *pCount);
BOOL WINAPI WTSTerminateProcess(HANDLE hServer, DWORD ProcessId,
                                DWORD ExitCode);

/* Per-user configuration */
BOOL WINAPI WTSQueryUserConfigA(LPSTR pServerName, LPSTR pUserName,
                                WTS_CONFIG_CLASS WTSConfigClass,
                                LPSTR *ppBuffer, DWORD *pBytesReturned);
BOOL WINAPI WTSQueryUserConfigW(LPWSTR pServerName, LPWSTR pUserName,
                                WTS_CONFIG_CLASS WTSConfigClass,
                                LPWSTR *ppBuffer, DWORD *pBytesReturned);
BOOL WINAPI WTSSetUserConfigA(LPSTR pServerName, LPSTR pUserName,
                              WTS_CONFIG_CLASS WTSConfigClass,
                              LPSTR pBuffer, DWORD DataLength);
BOOL WINAPI WTSSetUserConfigW(LPWSTR pServerName, LPWSTR pUserName,
                              WTS_CONFIG_CLASS WTSConfigClass,
                              LPWSTR pBuffer, DWORD DataLength);

/* Session change notifications (WM_WTSSESSION_CHANGE) */
BOOL WINAPI WTSRegisterSessionNotification(HWND hWnd, DWORD dwFlags);
BOOL WINAPI WTSUnRegisterSessionNotification(HWND hWnd);
BOOL WINAPI WTSRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd,
                                             DWORD dwFlags);
BOOL WINAPI WTSUnRegisterSessionNotificationEx(HANDLE hServer, HWND hWnd);

/* Virtual channels (server end) */
HANDLE WINAPI WTSVirtualChannelOpen(HANDLE hServer, DWORD SessionId,
                                    LPSTR pVirtualName);
HANDLE WINAPI WTSVirtualChannelOpenEx(DWORD SessionId, LPSTR pVirtualName,
                                      DWORD flags);
BOOL   WINAPI WTSVirtualChannelClose(HANDLE hChannelHandle);
BOOL   WINAPI WTSVirtualChannelRead(HANDLE hChannelHandle, ULONG TimeOut,
                                    PCHAR Buffer, ULONG BufferSize,
                                    PULONG pBytesRead);
BOOL   WINAPI WTSVirtualChannelWrite(HANDLE hChannelHandle, PCHAR Buffer,
                                     ULONG Length, PULONG pBytesWritten);
BOOL   WINAPI WTSVirtualChannelPurgeInput(HANDLE hChannelHandle);
BOOL   WINAPI WTSVirtualChannelPurgeOutput(HANDLE hChannelHandle);
BOOL   WINAPI WTSVirtualChannelQuery(HANDLE hChannelHandle,
                                     WTS_VIRTUAL_CLASS WtsVirtualClass,
                                     PVOID *ppBuffer,
                                     DWORD *pBytesReturned);

/* Listeners */
BOOL WINAPI WTSEnumerateListenersA(HANDLE hServer, PVOID pReserved,
                                   DWORD Reserved,
                                   PWTSLISTENERNAMEA pListeners,
                                   DWORD *pCount);
BOOL WINAPI WTSEnumerateListenersW(HANDLE hServer, PVOID pReserved,
                                   DWORD Reserved,
                                   PWTSLISTENERNAMEW pListeners,
                                   DWORD *pCount);
BOOL WINAPI WTSQueryListenerConfigA(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPSTR pListenerName,
                                    PWTSLISTENERCONFIGA pBuffer);
BOOL WINAPI WTSQueryListenerConfigW(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPWSTR pListenerName,
                                    PWTSLISTENERCONFIGW pBuffer);
BOOL WINAPI WTSCreateListenerA(HANDLE hServer, PVOID pReserved,
                               DWORD Reserved, LPSTR pListenerName,
                               PWTSLISTENERCONFIGA pBuffer, DWORD flag);
BOOL WINAPI WTSCreateListenerW(HANDLE hServer, PVOID pReserved,
                               DWORD Reserved, LPWSTR pListenerName,
                               PWTSLISTENERCONFIGW pBuffer, DWORD flag);
BOOL WINAPI WTSSetListenerSecurityA(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPSTR pListenerName,
                                    SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor);
BOOL WINAPI WTSSetListenerSecurityW(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPWSTR pListenerName,
                                    SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor);
BOOL WINAPI WTSGetListenerSecurityA(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPSTR pListenerName,
                                    SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor,
                                    DWORD nLength, LPDWORD lpnLengthNeeded);
BOOL WINAPI WTSGetListenerSecurityW(HANDLE hServer, PVOID pReserved,
                                    DWORD Reserved, LPWSTR pListenerName,
                                    SECURITY_INFORMATION SecurityInformation,
                                    PSECURITY_DESCRIPTOR pSecurityDescriptor,
                                    DWORD nLength, LPDWORD lpnLengthNeeded);

/* Child sessions */
BOOL WINAPI WTSEnableChildSessions(BOOL bEnable);
BOOL WINAPI WTSIsChildSessionsEnabled(PBOOL pbEnabled);
BOOL WINAPI WTSGetChildSessionId(PULONG pSessionId);

/* Releasing buffers returned by the functions above */
VOID WINAPI WTSFreeMemory(PVOID pMemory);
BOOL WINAPI WTSFreeMemoryExA(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory,
                             ULONG NumberOfEntries);
BOOL WINAPI WTSFreeMemoryExW(WTS_TYPE_CLASS WTSTypeClass, PVOID pMemory,
                             ULONG NumberOfEntries);

/* Remote rendering hints (declared by wtshintapi.h on Windows) */
HRESULT WINAPI WTSSetRenderHint(UINT64 *pRenderHintID, HWND hwndOwner,
                                DWORD renderHintType,
                                DWORD cbHintDataLength, BYTE *pHintData);

/* Entra ID (cloud) authentication helpers, Windows 11 24H2 and later */
WTS_CLOUD_AUTH_HANDLE WINAPI WTSCloudAuthOpen(const GUID *activityId);
VOID WINAPI WTSCloudAuthClose(WTS_CLOUD_AUTH_HANDLE cloudAuthHandle);
BOOL WINAPI WTSCloudAuthGetServerNonce(WTS_CLOUD_AUTH_HANDLE cloudAuthHandle,
                                       PWSTR *serverNonce);
BOOL WINAPI WTSCloudAuthConvertAssertionToSerializedUserCredential(
    WTS_CLOUD_AUTH_HANDLE cloudAuthHandle, PCSTR assertion,
    ULONG assertionLength, PCWSTR resourceId,
    WTS_SERIALIZED_USER_CREDENTIAL **userCredential);
BOOL WINAPI WTSCloudAuthDuplicateSerializedUserCredential(
    const WTS_SERIALIZED_USER_CREDENTIAL *userCredential,
    WTS_SERIALIZED_USER_CREDENTIAL **duplicatedUserCredential);
BOOL WINAPI WTSCloudAuthNetworkLogonWithSerializedCredential(
    WTS_CLOUD_AUTH_HANDLE cloudAuthHandle,
    const WTS_SERIALIZED_USER_CREDENTIAL *userCredential,
    HANDLE *tokenHandle);

/* ------------------------------------------------------------------ */
/* Generic-text names: ANSI or Unicode variant depending on UNICODE     */
/* ------------------------------------------------------------------ */

#ifdef UNICODE
/* types */
#define WTS_SERVER_INFO                 WTS_SERVER_INFOW
#define PWTS_SERVER_INFO                PWTS_SERVER_INFOW
#define WTS_SESSION_INFO                WTS_SESSION_INFOW
#define PWTS_SESSION_INFO               PWTS_SESSION_INFOW
#define WTS_SESSION_INFO_1              WTS_SESSION_INFO_1W
#define PWTS_SESSION_INFO_1             PWTS_SESSION_INFO_1W
#define WTS_PROCESS_INFO                WTS_PROCESS_INFOW
#define PWTS_PROCESS_INFO               PWTS_PROCESS_INFOW
#define WTS_PROCESS_INFO_EX             WTS_PROCESS_INFO_EXW
#define PWTS_PROCESS_INFO_EX            PWTS_PROCESS_INFO_EXW
#define WTSCLIENT                       WTSCLIENTW
#define PWTSCLIENT                      PWTSCLIENTW
#define WTSINFO                         WTSINFOW
#define PWTSINFO                        PWTSINFOW
#define WTSINFOEX                       WTSINFOEXW
#define PWTSINFOEX                      PWTSINFOEXW
#define WTSINFOEX_LEVEL                 WTSINFOEX_LEVEL_W
#define PWTSINFOEX_LEVEL                PWTSINFOEX_LEVEL_W
#define WTSINFOEX_LEVEL1                WTSINFOEX_LEVEL1_W
#define PWTSINFOEX_LEVEL1               PWTSINFOEX_LEVEL1_W
#define WTSCONFIGINFO                   WTSCONFIGINFOW
#define PWTSCONFIGINFO                  PWTSCONFIGINFOW
#define PRODUCT_INFO                    PRODUCT_INFOW
#define WTS_PRODUCT_INFO                WTS_PRODUCT_INFOW
#define PWTS_PRODUCT_INFO               PWTS_PRODUCT_INFOW
#define WTS_VALIDATION_INFORMATION      WTS_VALIDATION_INFORMATIONW
#define PWTS_VALIDATION_INFORMATION     PWTS_VALIDATION_INFORMATIONW
#define WTSUSERCONFIG                   WTSUSERCONFIGW
#define PWTSUSERCONFIG                  PWTSUSERCONFIGW
#define WTSLISTENERNAME                 WTSLISTENERNAMEW
#define PWTSLISTENERNAME                PWTSLISTENERNAMEW
#define WTSLISTENERCONFIG               WTSLISTENERCONFIGW
#define PWTSLISTENERCONFIG              PWTSLISTENERCONFIGW
/* functions */
#define WTSOpenServer                   WTSOpenServerW
#define WTSOpenServerEx                 WTSOpenServerExW
#define WTSEnumerateServers             WTSEnumerateServersW
#define WTSEnumerateSessions            WTSEnumerateSessionsW
#define WTSEnumerateSessionsEx          WTSEnumerateSessionsExW
#define WTSQuerySessionInformation      WTSQuerySessionInformationW
#define WTSSetSessionInformation        WTSSetSessionInformationW
#define WTSConnectSession               WTSConnectSessionW
#define WTSStartRemoteControlSession    WTSStartRemoteControlSessionW
#define WTSSendMessage                  WTSSendMessageW
#define WTSEnumerateProcesses           WTSEnumerateProcessesW
#define WTSEnumerateProcessesEx         WTSEnumerateProcessesExW
#define WTSQueryUserConfig              WTSQueryUserConfigW
#define WTSSetUserConfig                WTSSetUserConfigW
#define WTSEnumerateListeners           WTSEnumerateListenersW
#define WTSQueryListenerConfig          WTSQueryListenerConfigW
#define WTSCreateListener               WTSCreateListenerW
#define WTSSetListenerSecurity          WTSSetListenerSecurityW
#define WTSGetListenerSecurity          WTSGetListenerSecurityW
#define WTSFreeMemoryEx                 WTSFreeMemoryExW
#else
/* types */
#define WTS_SERVER_INFO                 WTS_SERVER_INFOA
#define PWTS_SERVER_INFO                PWTS_SERVER_INFOA
#define WTS_SESSION_INFO                WTS_SESSION_INFOA
#define PWTS_SESSION_INFO               PWTS_SESSION_INFOA
#define WTS_SESSION_INFO_1              WTS_SESSION_INFO_1A
#define PWTS_SESSION_INFO_1             PWTS_SESSION_INFO_1A
#define WTS_PROCESS_INFO                WTS_PROCESS_INFOA
#define PWTS_PROCESS_INFO               PWTS_PROCESS_INFOA
#define WTS_PROCESS_INFO_EX             WTS_PROCESS_INFO_EXA
#define PWTS_PROCESS_INFO_EX            PWTS_PROCESS_INFO_EXA
#define WTSCLIENT                       WTSCLIENTA
#define PWTSCLIENT                      PWTSCLIENTA
#define WTSINFO                         WTSINFOA
#define PWTSINFO                        PWTSINFOA
#define WTSINFOEX                       WTSINFOEXA
#define PWTSINFOEX                      PWTSINFOEXA
#define WTSINFOEX_LEVEL                 WTSINFOEX_LEVEL_A
#define PWTSINFOEX_LEVEL                PWTSINFOEX_LEVEL_A
#define WTSINFOEX_LEVEL1                WTSINFOEX_LEVEL1_A
#define PWTSINFOEX_LEVEL1               PWTSINFOEX_LEVEL1_A
#define WTSCONFIGINFO                   WTSCONFIGINFOA
#define PWTSCONFIGINFO                  PWTSCONFIGINFOA
#define PRODUCT_INFO                    PRODUCT_INFOA
#define WTS_PRODUCT_INFO                WTS_PRODUCT_INFOA
#define PWTS_PRODUCT_INFO               PWTS_PRODUCT_INFOA
#define WTS_VALIDATION_INFORMATION      WTS_VALIDATION_INFORMATIONA
#define PWTS_VALIDATION_INFORMATION     PWTS_VALIDATION_INFORMATIONA
#define WTSUSERCONFIG                   WTSUSERCONFIGA
#define PWTSUSERCONFIG                  PWTSUSERCONFIGA
#define WTSLISTENERNAME                 WTSLISTENERNAMEA
#define PWTSLISTENERNAME                PWTSLISTENERNAMEA
#define WTSLISTENERCONFIG               WTSLISTENERCONFIGA
#define PWTSLISTENERCONFIG              PWTSLISTENERCONFIGA
/* functions */
#define WTSOpenServer                   WTSOpenServerA
#define WTSOpenServerEx                 WTSOpenServerExA
#define WTSEnumerateServers             WTSEnumerateServersA
#define WTSEnumerateSessions            WTSEnumerateSessionsA
#define WTSEnumerateSessionsEx          WTSEnumerateSessionsExA
#define WTSQuerySessionInformation      WTSQuerySessionInformationA
#define WTSSetSessionInformation        WTSSetSessionInformationA
#define WTSConnectSession               WTSConnectSessionA
#define WTSStartRemoteControlSession    WTSStartRemoteControlSessionA
#define WTSSendMessage                  WTSSendMessageA
#define WTSEnumerateProcesses           WTSEnumerateProcessesA
#define WTSEnumerateProcessesEx         WTSEnumerateProcessesExA
#define WTSQueryUserConfig              WTSQueryUserConfigA
#define WTSSetUserConfig                WTSSetUserConfigA
#define WTSEnumerateListeners           WTSEnumerateListenersA
#define WTSQueryListenerConfig          WTSQueryListenerConfigA
#define WTSCreateListener               WTSCreateListenerA
#define WTSSetListenerSecurity          WTSSetListenerSecurityA
#define WTSGetListenerSecurity          WTSGetListenerSecurityA
#define WTSFreeMemoryEx                 WTSFreeMemoryExA
#endif /* UNICODE */

#ifdef __cplusplus
}
#endif

#endif /* OPENWTS_WTSAPI32_H */
#endif /* _INC_WTSAPI */
