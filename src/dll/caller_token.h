/* The caller's access token as WTSQueryUserToken needs it: whether the
 * caller holds the Act as part of the operating system privilege, and a
 * primary token of this process's own account.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_CALLER_TOKEN_H
#define OPENWTS_CALLER_TOKEN_H

#include <windows.h>

/* ERROR_SUCCESS when the token the calling thread runs with (its
 * impersonation token if it has one, else the process's) holds
 * SeTcbPrivilege, enabled or not; ERROR_PRIVILEGE_NOT_HELD when it does not
 * (README "Beyond the docs"). */
DWORD caller_token_check_tcb(void);

/* A new primary token, a copy of this process's own, for the caller to
 * close with CloseHandle. */
DWORD caller_token_primary_copy(HANDLE *out);

#endif
