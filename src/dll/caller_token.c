/* The caller's access token: the privilege WTSQueryUserToken requires and
 * the primary token it hands out.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "caller_token.h"

/* The token access checks would use now: the thread's impersonation token,
 * else the process's. The thread token is opened as the process, so that
 * an impersonated identity without rights on its own token can still be
 * examined. */
static DWORD effective_token(HANDLE *out)
{
    if (OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, out))
        return ERROR_SUCCESS;
    DWORD err = GetLastError();
    if (err != ERROR_NO_TOKEN)
        return err;
    return OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, out) ? ERROR_SUCCESS : GetLastError();
}

static DWORD token_privileges(HANDLE token, TOKEN_PRIVILEGES **out)
{
    DWORD bytes = 0;
    if (GetTokenInformation(token, TokenPrivileges, NULL, 0, &bytes) ||
        GetLastError() != ERROR_INSUFFICIENT_BUFFER)
        return GetLastError() ? GetLastError() : ERROR_INVALID_DATA;
    TOKEN_PRIVILEGES *p = LocalAlloc(LMEM_FIXED, bytes);
    if (!p)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (!GetTokenInformation(token, TokenPrivileges, p, bytes, &bytes)) {
        DWORD err = GetLastError();
        LocalFree(p);
        return err;
    }
    *out = p;
    return ERROR_SUCCESS;
}

/* Held means listed: a privilege deleted from a token (CreateRestrictedToken)
 * is no longer listed. Whether it is enabled does not matter here, because
 * Wine 8 gives every process SeTcbPrivilege disabled (measured with
 * GetTokenInformation(TokenPrivileges)), where Windows' LocalSystem has it
 * enabled: requiring it enabled would fail every call that Wine's builtin
 * answers (README "Beyond the docs"). */
DWORD caller_token_check_tcb(void)
{
    LUID tcb;
    if (!LookupPrivilegeValueW(NULL, L"SeTcbPrivilege" /* SE_TCB_NAME */, &tcb))
        return GetLastError();
    HANDLE token;
    DWORD st = effective_token(&token);
    if (st)
        return st;
    TOKEN_PRIVILEGES *privs = NULL;
    st = token_privileges(token, &privs);
    CloseHandle(token);
    if (st)
        return st;
    st = ERROR_PRIVILEGE_NOT_HELD;
    for (DWORD i = 0; i < privs->PrivilegeCount; i++) {
        const LUID *l = &privs->Privileges[i].Luid;
        if (l->LowPart == tcb.LowPart && l->HighPart == tcb.HighPart &&
            !(privs->Privileges[i].Attributes & SE_PRIVILEGE_REMOVED)) {
            st = ERROR_SUCCESS;
            break;
        }
    }
    LocalFree(privs);
    return st;
}

/* A copy, not the process's own token: what the caller does to it
 * (AdjustTokenPrivileges, SetTokenInformation) must not change us. */
DWORD caller_token_primary_copy(HANDLE *out)
{
    HANDLE own;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY, &own))
        return GetLastError();
    HANDLE copy;
    BOOL ok = DuplicateTokenEx(own, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary, &copy);
    DWORD err = ok ? ERROR_SUCCESS : GetLastError();
    CloseHandle(own);
    if (ok)
        *out = copy;
    return err;
}
