/* Session enumeration: WTSEnumerateSessions(W/A/ExW/ExA) contents and bad
 * input, and WTSFreeMemory / WTSFreeMemoryEx(W/A).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <lmcons.h>
#include <string.h>

#include "wine_test_util.h"

#define SENTINEL ((void *)(ULONG_PTR)0x1234)
#define SENTINEL_COUNT 77u

static void user_name(WCHAR *name, DWORD size)
{
    assert_true(GetUserNameW(name, &size));
}

static void computer_name(WCHAR *name, DWORD size)
{
    assert_true(GetComputerNameW(name, &size));
}

/* The A form of a W string, CP_ACP (README "Beyond the docs"). */
static void to_ansi(const WCHAR *w, char *a, int size)
{
    assert_true(WideCharToMultiByte(CP_ACP, 0, w, -1, a, size, NULL, NULL) > 0);
}

/* Each result is one block: records, then the strings they point to
 * (MicrosoftDocs sdk-api WTSEnumerateSessions: the result is freed with
 * WTSFreeMemory, so one call frees the strings too). A
 * string must lie past the records and end within `bound` bytes of the
 * block start. */
static void assert_in_block(const void *base, size_t records, size_t bound, const void *str,
                            size_t str_bytes)
{
    const BYTE *b = base, *s = str;
    assert_non_null(s);
    assert_true(s >= b + records);
    assert_true(s + str_bytes <= b + bound);
}

static size_t wbytes(const WCHAR *s)
{
    return s ? ((size_t)lstrlenW(s) + 1) * sizeof(WCHAR) : 0;
}

static size_t abytes(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

/* Pointer alignment between records and strings, and between strings. */
#define SLACK(count) (64 + 16 * (size_t)(count))

/* ---- WTSEnumerateSessionsW / A ---- */

/* At least two sessions: "Services" (session 0, WTSDisconnected) and the
 * caller's "Console", WTSActive (windows-behaviour.md "Sessions"; the
 * console's id is ProcessIdToSessionId, OpenWTS local backend). */
static void test_enumerate_w(void **state)
{
    (void)state;
    WTS_SESSION_INFOW *info = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_non_null(info);
    assert_true(count >= 2);

    size_t records = count * sizeof(*info), bound = records + SLACK(count);
    for (DWORD i = 0; i < count; i++)
        bound += wbytes(info[i].pWinStationName);

    DWORD own = own_session_id();
    int services = 0, console = 0;
    for (DWORD i = 0; i < count; i++) {
        assert_in_block(info, records, bound, info[i].pWinStationName, wbytes(info[i].pWinStationName));
        for (DWORD j = 0; j < i; j++)
            assert_int_not_equal(info[i].SessionId, info[j].SessionId);
        if (info[i].SessionId == 0) {
            services++;
            assert_int_equal(lstrcmpW(info[i].pWinStationName, L"Services"), 0);
            assert_int_equal(info[i].State, WTSDisconnected);
        } else if (info[i].SessionId == own) {
            console++;
            assert_int_equal(lstrcmpW(info[i].pWinStationName, L"Console"), 0);
            assert_int_equal(info[i].State, WTSActive);
        }
    }
    assert_int_equal(services, 1);
    assert_int_equal(console, 1);
    WTSFreeMemory(info);
}

/* The A form gives the same count, ids, states and names (in CP_ACP)
 * (windows-behaviour.md "Sessions"). */
static void test_enumerate_a_matches_w(void **state)
{
    (void)state;
    WTS_SESSION_INFOW *w = NULL;
    WTS_SESSION_INFOA *a = NULL;
    DWORD wcount = 0, acount = 0;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &w, &wcount));
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsA(WTS_CURRENT_SERVER_HANDLE, 0, 1, &a, &acount));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_non_null(a);
    assert_int_equal(acount, wcount);

    size_t records = acount * sizeof(*a), bound = records + SLACK(acount);
    for (DWORD i = 0; i < acount; i++)
        bound += abytes(a[i].pWinStationName);
    for (DWORD i = 0; i < acount; i++) {
        char expect[256];
        assert_int_equal(a[i].SessionId, w[i].SessionId);
        assert_int_equal(a[i].State, w[i].State);
        assert_in_block(a, records, bound, a[i].pWinStationName, abytes(a[i].pWinStationName));
        to_ansi(w[i].pWinStationName, expect, sizeof(expect));
        assert_string_equal(a[i].pWinStationName, expect);
    }
    WTSFreeMemory(a);
    WTSFreeMemory(w);
}

/* Reserved must be 0, Version 1, and both output pointers given:
 * otherwise ERROR_INVALID_PARAMETER (MicrosoftDocs sdk-api
 * WTSEnumerateSessions: Reserved is 0, Version is 1), and nothing is
 * written. */
static void test_enumerate_bad_input(void **state)
{
    (void)state;
    struct { DWORD reserved, version; BOOL null_info, null_count; } cases[] = {
        { 1, 1, FALSE, FALSE }, { 0, 0, FALSE, FALSE }, { 0, 2, FALSE, FALSE },
        { 0, 1, TRUE, FALSE },  { 0, 1, FALSE, TRUE },  { 0, 1, TRUE, TRUE },
    };
    for (size_t i = 0; i < ARRAYSIZE(cases); i++) {
        WTS_SESSION_INFOW *w = SENTINEL;
        WTS_SESSION_INFOA *a = SENTINEL;
        DWORD count = SENTINEL_COUNT;
        assert_fails_with(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, cases[i].reserved,
                                                cases[i].version, cases[i].null_info ? NULL : &w,
                                                cases[i].null_count ? NULL : &count),
                          ERROR_INVALID_PARAMETER);
        assert_ptr_equal(w, SENTINEL);
        assert_int_equal(count, SENTINEL_COUNT);
        assert_fails_with(WTSEnumerateSessionsA(WTS_CURRENT_SERVER_HANDLE, cases[i].reserved,
                                                cases[i].version, cases[i].null_info ? NULL : &a,
                                                cases[i].null_count ? NULL : &count),
                          ERROR_INVALID_PARAMETER);
        assert_ptr_equal(a, SENTINEL);
        assert_int_equal(count, SENTINEL_COUNT);
    }
}

/* ---- WTSEnumerateSessionsExW / ExA ---- */

/* Level 1 contents (MicrosoftDocs sdk-api WTS_SESSION_INFO_1: pUserName,
 * pDomainName and pFarmName may be NULL; OpenWTS local backend: session 0
 * has no user or domain, pHostName is the computer name, the console's user
 * is GetUserName and its domain the computer name, ExecEnvId == SessionId,
 * no farm). The level is left at 1 (docs: *pLevel is 1 on input). */
static void test_enumerate_ex_w(void **state)
{
    (void)state;
    WCHAR user[UNLEN + 1], computer[MAX_COMPUTERNAME_LENGTH + 1];
    user_name(user, ARRAYSIZE(user));
    computer_name(computer, ARRAYSIZE(computer));

    WTS_SESSION_INFO_1W *info = NULL;
    DWORD count = 0, level = 1;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, &level, 0, &info, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(level, 1);
    assert_non_null(info);
    assert_true(count >= 2);

    size_t records = count * sizeof(*info), bound = records + SLACK(count) * 5;
    for (DWORD i = 0; i < count; i++)
        bound += wbytes(info[i].pSessionName) + wbytes(info[i].pHostName) + wbytes(info[i].pUserName) +
                 wbytes(info[i].pDomainName) + wbytes(info[i].pFarmName);

    DWORD own = own_session_id();
    int services = 0, console = 0;
    for (DWORD i = 0; i < count; i++) {
        WTS_SESSION_INFO_1W *s = &info[i];
        LPWSTR strings[] = { s->pSessionName, s->pHostName, s->pUserName, s->pDomainName, s->pFarmName };
        for (size_t k = 0; k < ARRAYSIZE(strings); k++)
            if (strings[k])
                assert_in_block(info, records, bound, strings[k], wbytes(strings[k]));
        assert_non_null(s->pSessionName);
        assert_int_equal(s->ExecEnvId, s->SessionId);
        assert_null(s->pFarmName);
        assert_non_null(s->pHostName);
        assert_int_equal(lstrcmpiW(s->pHostName, computer), 0);
        if (s->SessionId == 0) {
            services++;
            assert_int_equal(lstrcmpW(s->pSessionName, L"Services"), 0);
            assert_int_equal(s->State, WTSDisconnected);
            assert_null(s->pUserName);
            assert_null(s->pDomainName);
        } else if (s->SessionId == own) {
            console++;
            assert_int_equal(lstrcmpW(s->pSessionName, L"Console"), 0);
            assert_int_equal(s->State, WTSActive);
            assert_non_null(s->pUserName);
            assert_int_equal(lstrcmpiW(s->pUserName, user), 0);
            assert_non_null(s->pDomainName);
            assert_int_equal(lstrcmpiW(s->pDomainName, computer), 0);
        }
    }
    assert_int_equal(services, 1);
    assert_int_equal(console, 1);

    SetLastError(0xdeadbeef);
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, info, count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
}

/* A NULL W string stays NULL in the A form, any other is converted. */
static void assert_ansi_of(const char *a, const WCHAR *w)
{
    if (!w) {
        assert_null(a);
        return;
    }
    char expect[512];
    assert_non_null(a);
    to_ansi(w, expect, sizeof(expect));
    assert_string_equal(a, expect);
}

static void test_enumerate_ex_a_matches_w(void **state)
{
    (void)state;
    WTS_SESSION_INFO_1W *w = NULL;
    WTS_SESSION_INFO_1A *a = NULL;
    DWORD wcount = 0, acount = 0, level = 1;
    assert_true(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, &level, 0, &w, &wcount));
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsExA(WTS_CURRENT_SERVER_HANDLE, &level, 0, &a, &acount));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(level, 1);
    assert_non_null(a);
    assert_int_equal(acount, wcount);

    size_t records = acount * sizeof(*a), bound = records + SLACK(acount) * 5;
    for (DWORD i = 0; i < acount; i++)
        bound += abytes(a[i].pSessionName) + abytes(a[i].pHostName) + abytes(a[i].pUserName) +
                 abytes(a[i].pDomainName) + abytes(a[i].pFarmName);
    for (DWORD i = 0; i < acount; i++) {
        assert_int_equal(a[i].ExecEnvId, w[i].ExecEnvId);
        assert_int_equal(a[i].State, w[i].State);
        assert_int_equal(a[i].SessionId, w[i].SessionId);
        assert_ansi_of(a[i].pSessionName, w[i].pSessionName);
        assert_ansi_of(a[i].pHostName, w[i].pHostName);
        assert_ansi_of(a[i].pUserName, w[i].pUserName);
        assert_ansi_of(a[i].pDomainName, w[i].pDomainName);
        assert_ansi_of(a[i].pFarmName, w[i].pFarmName);
        LPSTR strings[] = { a[i].pSessionName, a[i].pHostName, a[i].pUserName, a[i].pDomainName,
                            a[i].pFarmName };
        for (size_t k = 0; k < ARRAYSIZE(strings); k++)
            if (strings[k])
                assert_in_block(a, records, bound, strings[k], abytes(strings[k]));
    }
    SetLastError(0xdeadbeef);
    assert_true(WTSFreeMemoryExA(WTSTypeSessionInfoLevel1, a, acount));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, w, wcount));
}

/* pLevel must point to 1 and Filter be 0 (MicrosoftDocs sdk-api
 * WTSEnumerateSessionsEx: level 1 only, Filter reserved and 0); both outputs
 * must be given. All fail
 * with ERROR_INVALID_PARAMETER, nothing is written, *pLevel is unchanged. */
static void test_enumerate_ex_bad_input(void **state)
{
    (void)state;
    struct { BOOL null_level; DWORD level, filter; BOOL null_info, null_count; } cases[] = {
        { TRUE, 1, 0, FALSE, FALSE }, { FALSE, 0, 0, FALSE, FALSE }, { FALSE, 2, 0, FALSE, FALSE },
        { FALSE, 1, 1, FALSE, FALSE }, { FALSE, 1, 0, TRUE, FALSE }, { FALSE, 1, 0, FALSE, TRUE },
    };
    for (size_t i = 0; i < ARRAYSIZE(cases); i++) {
        WTS_SESSION_INFO_1W *w = SENTINEL;
        WTS_SESSION_INFO_1A *a = SENTINEL;
        DWORD count = SENTINEL_COUNT, level = cases[i].level;
        assert_fails_with(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, cases[i].null_level ? NULL : &level,
                                                  cases[i].filter, cases[i].null_info ? NULL : &w,
                                                  cases[i].null_count ? NULL : &count),
                          ERROR_INVALID_PARAMETER);
        assert_ptr_equal(w, SENTINEL);
        assert_int_equal(count, SENTINEL_COUNT);
        assert_int_equal(level, cases[i].level);
        assert_fails_with(WTSEnumerateSessionsExA(WTS_CURRENT_SERVER_HANDLE, cases[i].null_level ? NULL : &level,
                                                  cases[i].filter, cases[i].null_info ? NULL : &a,
                                                  cases[i].null_count ? NULL : &count),
                          ERROR_INVALID_PARAMETER);
        assert_ptr_equal(a, SENTINEL);
        assert_int_equal(count, SENTINEL_COUNT);
        assert_int_equal(level, cases[i].level);
    }
}

/* ---- WTSFreeMemory / WTSFreeMemoryEx ---- */

/* A type class that is not one WTSEnumerateSessionsEx / ProcessesEx
 * returns, or no memory: FALSE, ERROR_INVALID_PARAMETER (README "Beyond the
 * docs"; MicrosoftDocs sdk-api WTSFreeMemoryEx: WTSTypeClass is one of
 * WTS_TYPE_CLASS). The block is then still ours. */
static void test_free_memory_ex_bad_input(void **state)
{
    (void)state;
    WTS_TYPE_CLASS bad[] = { WTSTypeCloudAuthServerNonce, (WTS_TYPE_CLASS)-1 };
    for (size_t i = 0; i < ARRAYSIZE(bad); i++) {
        WTS_SESSION_INFO_1W *w = NULL;
        DWORD count = 0, level = 1;
        assert_true(WTSEnumerateSessionsExW(WTS_CURRENT_SERVER_HANDLE, &level, 0, &w, &count));
        assert_fails_with(WTSFreeMemoryExW(bad[i], w, count), ERROR_INVALID_PARAMETER);
        assert_fails_with(WTSFreeMemoryExA(bad[i], w, count), ERROR_INVALID_PARAMETER);
        /* Still valid memory: read it, then free it properly. */
        assert_int_equal(lstrlenW(w[0].pSessionName) > 0, 1);
        assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, w, count));
    }
    /* NULL memory of a known class is nothing to free: TRUE, as Wine's
     * builtin answers (README "Beyond the docs"); of an unknown class, 87. */
    SetLastError(0xdeadbeef);
    assert_true(WTSFreeMemoryExW(WTSTypeSessionInfoLevel1, NULL, 0));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(WTSFreeMemoryExA(WTSTypeProcessInfoLevel1, NULL, 0));
    assert_true(WTSFreeMemoryExW(WTSTypeProcessInfoLevel0, NULL, 2));
    assert_fails_with(WTSFreeMemoryExW((WTS_TYPE_CLASS)7, NULL, 0), ERROR_INVALID_PARAMETER);
}

/* WTSFreeMemory(NULL) returns (void function; OpenWTS: no crash). */
static void test_free_memory_null(void **state)
{
    (void)state;
    WTSFreeMemory(NULL);
    WTSFreeMemory(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_enumerate_w, console_active),
        cmocka_unit_test_setup(test_enumerate_a_matches_w, console_active),
        cmocka_unit_test_setup(test_enumerate_bad_input, console_active),
        cmocka_unit_test_setup(test_enumerate_ex_w, console_active),
        cmocka_unit_test_setup(test_enumerate_ex_a_matches_w, console_active),
        cmocka_unit_test_setup(test_enumerate_ex_bad_input, console_active),
        cmocka_unit_test_setup(test_free_memory_ex_bad_input, console_active),
        cmocka_unit_test_setup(test_free_memory_null, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
