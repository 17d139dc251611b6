/* Win32 error codes that travel in every reply's `status`, spelled without
 * <windows.h> so that the portable core, wtsd and the Linux tests share them.
 * The values are Windows' (winerror.h); tests/unit/test_status.c checks them
 * against Wine's headers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_STATUS_H
#define OPENWTS_STATUS_H

#include <stdint.h>

typedef uint32_t openwts_status;

#define OPENWTS_OK                              0u
#define OPENWTS_ERROR_FILE_NOT_FOUND            2u
#define OPENWTS_ERROR_ACCESS_DENIED             5u
#define OPENWTS_ERROR_INVALID_HANDLE            6u
#define OPENWTS_ERROR_NOT_ENOUGH_MEMORY         8u
#define OPENWTS_ERROR_INVALID_DATA              13u
#define OPENWTS_ERROR_NOT_SUPPORTED             50u
#define OPENWTS_ERROR_ALREADY_EXISTS            183u
#define OPENWTS_ERROR_INVALID_PARAMETER         87u
#define OPENWTS_ERROR_CALL_NOT_IMPLEMENTED      120u
#define OPENWTS_ERROR_INSUFFICIENT_BUFFER       122u
#define OPENWTS_ERROR_NO_TOKEN                  1008u
#define OPENWTS_ERROR_PRIVILEGE_NOT_HELD        1314u
#define OPENWTS_ERROR_NO_SUCH_USER              1317u
#define OPENWTS_ERROR_LOGON_FAILURE             1326u
#define OPENWTS_RPC_S_SERVER_UNAVAILABLE        1722u
#define OPENWTS_ERROR_INVALID_USER_BUFFER       1784u
#define OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND  7022u

#endif
