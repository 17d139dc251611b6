/* Who this process is, as every request states it. None of it can change
 * during the life of a process, so it is looked up once: under Wine each
 * of these lookups is a wineserver round trip or close to it (see
 * docs/windows-behaviour.md, "What a call costs").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "caller_identity.h"

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static openwts_Caller identity;

static BOOL is_administrator(void)
{
    SID_IDENTIFIER_AUTHORITY nt = { SECURITY_NT_AUTHORITY };
    PSID admins = NULL;
    BOOL member = FALSE;
    if (AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS,
                                 0, 0, 0, 0, 0, 0, &admins)) {
        if (!CheckTokenMembership(NULL, admins, &member))
            member = FALSE;
        FreeSid(admins);
    }
    return member;
}

static BOOL CALLBACK identity_init(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    DWORD session = 0;
    identity.process_id = GetCurrentProcessId();
    if (ProcessIdToSessionId(identity.process_id, &session))
        identity.session_id = session;

    WCHAR name[UNLEN + 1];
    DWORD len = ARRAYSIZE(name);
    if (GetUserNameW(name, &len))
        text_from_wide(name, identity.user, sizeof(identity.user));
    len = ARRAYSIZE(name);
    if (GetComputerNameW(name, &len))
        text_from_wide(name, identity.domain, sizeof(identity.domain));
    identity.privileged = is_administrator();
    return TRUE;
}

const openwts_Caller *caller_identity(void)
{
    /* Every call asks: once known, a load, not a call into ntdll. */
    static LONG known;
    if (!__atomic_load_n(&known, __ATOMIC_ACQUIRE)) {
        InitOnceExecuteOnce(&once, identity_init, NULL, NULL);
        __atomic_store_n(&known, 1, __ATOMIC_RELEASE);
    }
    return &identity;
}
