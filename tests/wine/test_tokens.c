/* WTSQueryUserToken: the primary token of the session's user, one that
 * CreateProcessAsUserW accepts, and the documented errors.
 * Where the expected values come from: Microsoft's WTSQueryUserToken page
 * (MSDN, its table of return codes: ERROR_INVALID_PARAMETER for a NULL
 * phToken, ERROR_PRIVILEGE_NOT_HELD without SE_TCB_NAME, ERROR_FILE_NOT_FOUND
 * for a session that does not exist, ERROR_NO_TOKEN for one nobody is logged
 * on to, session 0 being the example; with the argument "after-logoff", run
 * by token_after_logoff.sh, the console after a logoff); Wine's conformance test
 * (docs/windows-behaviour.md "Tokens": WTS_CURRENT_SESSION and
 * a NULL phToken give ERROR_INVALID_PARAMETER); README "Beyond the docs" for
 * the rest (success sets the last error to 0; SeTcbPrivilege counts when
 * held, enabled or not; WTS_CURRENT_SESSION names the caller's session).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "wine_test_util.h"

#define SENTINEL ((HANDLE)(ULONG_PTR)0x5a5a5a5au)
#define NO_SUCH_SESSION 12345u
#define CHILD_EXIT_CODE 42u
#define CHILD_TIMEOUT_MS 30000

/* ---- helpers ---- */

static HANDLE process_token(void)
{
    HANDLE t = NULL;
    assert_true(OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &t));
    return t;
}

/* The token's user SID, copied into sid (SECURITY_MAX_SID_SIZE bytes). */
static void token_user(HANDLE token, BYTE *sid)
{
    BYTE buf[sizeof(TOKEN_USER) + SECURITY_MAX_SID_SIZE];
    DWORD len = 0;
    assert_true(GetTokenInformation(token, TokenUser, buf, sizeof(buf), &len));
    PSID s = ((TOKEN_USER *)buf)->User.Sid;
    assert_true(CopySid(SECURITY_MAX_SID_SIZE, sid, s));
}

static LUID privilege(const WCHAR *name)
{
    LUID l;
    assert_true(LookupPrivilegeValueW(NULL, name, &l));
    return l;
}

/* The token's attributes for privilege `name`; -1 when it does not hold it. */
static LONG privilege_attributes(HANDLE token, const WCHAR *name)
{
    LUID want = privilege(name);
    BYTE buf[4096];
    DWORD len = 0;
    assert_true(GetTokenInformation(token, TokenPrivileges, buf, sizeof(buf), &len));
    TOKEN_PRIVILEGES *p = (TOKEN_PRIVILEGES *)buf;
    for (DWORD i = 0; i < p->PrivilegeCount; i++)
        if (p->Privileges[i].Luid.LowPart == want.LowPart && p->Privileges[i].Luid.HighPart == want.HighPart)
            return (LONG)p->Privileges[i].Attributes;
    return -1;
}

static void set_privilege(HANDLE token, const WCHAR *name, DWORD attributes)
{
    TOKEN_PRIVILEGES tp = { 1, { { privilege(name), attributes } } };
    assert_true(AdjustTokenPrivileges(token, FALSE, &tp, 0, NULL, NULL));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
}

/* A successful query: TRUE, last error 0, a handle. */
static HANDLE query_token(ULONG session)
{
    HANDLE token = SENTINEL;
    SetLastError(0xdeadbeef);
    BOOL ok = WTSQueryUserToken(session, &token);
    DWORD err = GetLastError();
    if (!ok)
        fail_msg("WTSQueryUserToken(%lu) failed with %lu", session, err);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_true(token != SENTINEL && token != NULL && token != INVALID_HANDLE_VALUE);
    return token;
}

/* A failed query: FALSE, `expected` as the last error, *phToken untouched. */
static void query_fails(ULONG session, DWORD expected)
{
    HANDLE token = SENTINEL;
    assert_fails_with(WTSQueryUserToken(session, &token), expected);
    assert_ptr_equal(token, SENTINEL);
}

/* Impersonates `primary` on this thread for one query; the thread is reverted to itself before returning. */
static BOOL query_impersonating(HANDLE primary, ULONG session, HANDLE *out, DWORD *err)
{
    HANDLE imp = NULL;
    assert_true(DuplicateToken(primary, SecurityImpersonation, &imp));
    assert_true(SetThreadToken(NULL, imp));
    SetLastError(0xdeadbeef);
    BOOL ok = WTSQueryUserToken(session, out);
    *err = GetLastError();
    assert_true(RevertToSelf());
    CloseHandle(imp);
    return ok;
}

/* ---- the token ---- */

/* The session's user is the caller's (the console's user is the caller's
 * account, README "The sessions of local"); the token is primary. */
static void own_session_gives_user_primary_token(void **state)
{
    (void)state;
    HANDLE token = query_token(own_session_id());
    BYTE got[SECURITY_MAX_SID_SIZE], mine[SECURITY_MAX_SID_SIZE];
    token_user(token, got);
    HANDLE own = process_token();
    token_user(own, mine);
    assert_true(EqualSid(got, mine));

    TOKEN_TYPE type = 0;
    DWORD len = 0;
    assert_true(GetTokenInformation(token, TokenType, &type, sizeof(type), &len));
    assert_int_equal(type, TokenPrimary);
    CloseHandle(own);
    CloseHandle(token);
}

/* Wine's builtin answers WTS_CURRENT_SESSION too (it answers any id): the
 * caller's session (README "Beyond the docs"), same user. */
static void current_session_names_own_session(void **state)
{
    (void)state;
    HANDLE token = query_token(WTS_CURRENT_SESSION);
    BYTE got[SECURITY_MAX_SID_SIZE], mine[SECURITY_MAX_SID_SIZE];
    token_user(token, got);
    HANDLE own = process_token();
    token_user(own, mine);
    assert_true(EqualSid(got, mine));
    CloseHandle(own);
    CloseHandle(token);
}

/* What the token is for: starting a program as the session's user. The
 * child is exit_with.exe, which exits with its argument. */
static void token_starts_a_program(void **state)
{
    (void)state;
    HANDLE token = query_token(own_session_id());
    char dir[MAX_PATH];
    program_dir(dir, sizeof(dir));
    WCHAR app[MAX_PATH + 32], cmd[MAX_PATH + 64];
    swprintf(app, ARRAYSIZE(app), L"%hsexit_with.exe", dir);
    swprintf(cmd, ARRAYSIZE(cmd), L"\"%ls\" %u", app, CHILD_EXIT_CODE);

    STARTUPINFOW si = { .cb = sizeof(si) };
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessAsUserW(token, app, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    if (!started)
        fail_msg("CreateProcessAsUserW failed with %lu", GetLastError());
    assert_int_equal(WaitForSingleObject(pi.hProcess, CHILD_TIMEOUT_MS), WAIT_OBJECT_0);
    DWORD code = 0;
    assert_true(GetExitCodeProcess(pi.hProcess, &code));
    assert_int_equal(code, CHILD_EXIT_CODE);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(token);
}

/* The token is the caller's to change: changing it leaves this process's own
 * token as it was (a copy; README "Beyond the docs"). */
static void token_is_a_copy(void **state)
{
    (void)state;
    HANDLE own = process_token();
    LONG before = privilege_attributes(own, L"SeShutdownPrivilege");
    assert_true(before >= 0); /* Wine gives it to every process, disabled */

    HANDLE token = query_token(own_session_id());
    DWORD flip = (before & SE_PRIVILEGE_ENABLED) ? 0 : SE_PRIVILEGE_ENABLED;
    set_privilege(token, L"SeShutdownPrivilege", flip);
    assert_int_equal(privilege_attributes(token, L"SeShutdownPrivilege") & SE_PRIVILEGE_ENABLED, flip);
    assert_int_equal(privilege_attributes(own, L"SeShutdownPrivilege"), before);
    CloseHandle(token);
    CloseHandle(own);
}

/* ---- the privilege ---- */

/* SeTcbPrivilege held but disabled is enough: Wine's default token holds it
 * disabled, and Wine's builtin succeeds (README "Beyond the docs"). */
static void tcb_held_disabled_is_enough(void **state)
{
    (void)state;
    HANDLE own = process_token(), copy = NULL;
    assert_true(DuplicateTokenEx(own, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary, &copy));
    set_privilege(copy, L"SeTcbPrivilege", 0);
    assert_int_equal(privilege_attributes(copy, L"SeTcbPrivilege"), 0);

    HANDLE token = SENTINEL;
    DWORD err;
    assert_true(query_impersonating(copy, own_session_id(), &token, &err));
    assert_int_equal(err, ERROR_SUCCESS);
    assert_true(token != SENTINEL && token != NULL);
    CloseHandle(token);
    CloseHandle(copy);
    CloseHandle(own);
}

/* A caller whose token lacks SeTcbPrivilege: a restricted token with it
 * deleted, impersonated by this thread. The same token with nothing deleted
 * succeeds, so the failure is the privilege's, not the impersonation's. */
static void tcb_missing_fails(void **state)
{
    (void)state;
    HANDLE own = process_token(), without = NULL, with = NULL;
    LUID_AND_ATTRIBUTES del = { privilege(L"SeTcbPrivilege"), 0 };
    assert_true(CreateRestrictedToken(own, 0, 0, NULL, 1, &del, 0, NULL, &without));
    assert_int_equal(privilege_attributes(without, L"SeTcbPrivilege"), -1);
    assert_true(CreateRestrictedToken(own, 0, 0, NULL, 0, NULL, 0, NULL, &with));

    HANDLE token = SENTINEL;
    DWORD err;
    assert_false(query_impersonating(without, own_session_id(), &token, &err));
    assert_int_equal(err, ERROR_PRIVILEGE_NOT_HELD);
    assert_ptr_equal(token, SENTINEL);

    assert_true(query_impersonating(with, own_session_id(), &token, &err));
    assert_int_equal(err, ERROR_SUCCESS);
    CloseHandle(token);
    CloseHandle(with);
    CloseHandle(without);
    CloseHandle(own);
}

/* ---- bad input ---- */

static void null_token_pointer(void **state)
{
    (void)state;
    assert_fails_with(WTSQueryUserToken(WTS_CURRENT_SESSION, NULL), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSQueryUserToken(own_session_id(), NULL), ERROR_INVALID_PARAMETER);
}

/* Session 0 exists (the services) but nobody is logged on to it. */
static void session_zero_has_no_token(void **state)
{
    (void)state;
    query_fails(0, ERROR_NO_TOKEN);
}

static void unknown_session(void **state)
{
    (void)state;
    query_fails(NO_SUCH_SESSION, ERROR_FILE_NOT_FOUND);
    query_fails(WTS_ANY_SESSION, ERROR_FILE_NOT_FOUND);
}

/* ---- nothing left behind ---- */

#define ROUNDS 300
#define SLACK_BYTES (16 * 1024) /* allocator bookkeeping, not per-round growth */

/* Every path, successful or not, closes what it opens and frees what it
 * allocates: after many rounds the heap has not grown and the next handle
 * is the one it was before. */
static void no_leaks(void **state)
{
    (void)state;
    HANDLE own = process_token(), without = NULL;
    LUID_AND_ATTRIBUTES del = { privilege(L"SeTcbPrivilege"), 0 };
    assert_true(CreateRestrictedToken(own, 0, 0, NULL, 1, &del, 0, NULL, &without));
    DWORD console = own_session_id();
    for (int pass = 0; pass < 2; pass++) {
        /* Pass 0 warms up (one-time lookups, the shared state's mapping). */
        size_t heap_before = process_heap_busy_bytes();
        HANDLE next_before = next_handle_value();
        for (int i = 0; i < (pass ? ROUNDS : 1); i++) {
            CloseHandle(query_token(console));
            query_fails(0, ERROR_NO_TOKEN);
            query_fails(NO_SUCH_SESSION, ERROR_FILE_NOT_FOUND);
            HANDLE token = SENTINEL;
            DWORD err;
            assert_false(query_impersonating(without, console, &token, &err));
        }
        if (pass) {
            assert_true(process_heap_busy_bytes() <= heap_before + SLACK_BYTES);
            assert_ptr_equal(next_handle_value(), next_before);
        }
    }
    CloseHandle(without);
    CloseHandle(own);
}

/* ---- after a logoff (token_after_logoff.sh) ---- */

/* The console after a logoff shows the logon screen: Connected, nobody
 * logged on (README "The sessions of local"), so there is no token. */
static void logged_off_console_has_no_token(void **state)
{
    (void)state;
    DWORD console = own_session_id();
    if (session_state(console) != WTSConnected)
        fail_msg("the console is not logged off (run by token_after_logoff.sh after logoff.exe)");
    query_fails(console, ERROR_NO_TOKEN);
    query_fails(WTS_CURRENT_SESSION, ERROR_NO_TOKEN);
}

/* Logged on again (WTSConnectSession), the console's user has a token. */
static void logged_on_again_has_token(void **state)
{
    (void)state;
    reconnect_session(own_session_id());
    CloseHandle(query_token(own_session_id()));
}

/* Leaves the console as every other test expects it: Active, logged on. */
static int log_on_again(void **state)
{
    (void)state;
    reconnect_session(own_session_id());
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "after-logoff") == 0) {
        const struct CMUnitTest after_logoff[] = {
            cmocka_unit_test(logged_off_console_has_no_token),
            cmocka_unit_test(logged_on_again_has_token),
        };
        return cmocka_run_group_tests(after_logoff, NULL, log_on_again);
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(own_session_gives_user_primary_token, console_active),
        cmocka_unit_test_setup(current_session_names_own_session, console_active),
        cmocka_unit_test_setup(token_starts_a_program, console_active),
        cmocka_unit_test_setup(token_is_a_copy, console_active),
        cmocka_unit_test_setup(tcb_held_disabled_is_enough, console_active),
        cmocka_unit_test_setup(tcb_missing_fails, console_active),
        cmocka_unit_test(null_token_pointer),
        cmocka_unit_test(session_zero_has_no_token),
        cmocka_unit_test(unknown_session),
        cmocka_unit_test_setup(no_leaks, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
