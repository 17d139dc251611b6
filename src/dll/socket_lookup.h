/* Host names to addresses for the socket transport, within a deadline.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SOCKET_LOOKUP_H
#define OPENWTS_SOCKET_LOOKUP_H

#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>

/* Milliseconds from now until `deadline` (a GetTickCount64 value), 0 once
 * it has passed. */
DWORD remaining_ms(ULONGLONG deadline);

/* The stream addresses of host:port (free with FreeAddrInfoW), or NULL
 * when there are none by the deadline. Winsock must be started. */
ADDRINFOW *socket_lookup(const WCHAR *host, USHORT port, ULONGLONG deadline);

#endif
