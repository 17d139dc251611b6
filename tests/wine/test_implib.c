/* A program linked the ordinary way, against one of our import libraries
 * (CMake builds this file twice: test_implib_gnu with libwtsapi32.dll.a,
 * test_implib_msvc with the MSVC short-import wtsapi32.lib), calls
 * wtsapi32 directly and gets our DLL. The results asserted are ones only
 * our DLL gives: Wine's builtin returns zero sessions and fails the
 * WTSUserName query (docs/windows-behaviour.md, "Under Wine
 * 8.0"), while Windows and OpenWTS list a "Console" session of the user
 * (windows-behaviour.md, "Sessions").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <string.h>
#include <wchar.h>

#include <lmcons.h>

#include "wine_test_util.h"

/* What the loader put in this program's import address table for
 * `dll`!`name`: the address the program really calls through. Taking
 * &WTSEnumerateSessionsW in C could give the import library's jump stub,
 * which lives in this program. */
static void *imported_address(const char *dll, const char *name)
{
    BYTE *base = (BYTE *)GetModuleHandleW(NULL);
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;
    assert_int_equal(dos->e_magic, IMAGE_DOS_SIGNATURE);
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + dos->e_lfanew);
    assert_int_equal(nt->Signature, IMAGE_NT_SIGNATURE);
    IMAGE_DATA_DIRECTORY *dir = &nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    assert_true(dir->VirtualAddress != 0);

    for (IMAGE_IMPORT_DESCRIPTOR *d = (IMAGE_IMPORT_DESCRIPTOR *)(base + dir->VirtualAddress);
         d->Name; d++) {
        if (lstrcmpiA((const char *)(base + d->Name), dll) != 0)
            continue;
        IMAGE_THUNK_DATA *names =
            (IMAGE_THUNK_DATA *)(base + (d->OriginalFirstThunk ? d->OriginalFirstThunk : d->FirstThunk));
        IMAGE_THUNK_DATA *iat = (IMAGE_THUNK_DATA *)(base + d->FirstThunk);
        for (; names->u1.AddressOfData; names++, iat++) {
            if (IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal))
                continue;
            IMAGE_IMPORT_BY_NAME *by = (IMAGE_IMPORT_BY_NAME *)(base + names->u1.AddressOfData);
            if (strcmp((const char *)by->Name, name) == 0)
                return (void *)(ULONG_PTR)iat->u1.Function;
        }
    }
    fail_msg("this program does not import %s from %s", name, dll);
    return NULL;
}

static void expected_dll_path(WCHAR *path, size_t size)
{
    DWORD n = GetModuleFileNameW(NULL, path, (DWORD)size);
    assert_true(n > 0 && n < size);
    WCHAR *slash = wcsrchr(path, L'\\');
    assert_non_null(slash);
    assert_true((size_t)(slash + 1 - path) + ARRAYSIZE(L"wtsapi32.dll") <= size);
    wcscpy(slash + 1, L"wtsapi32.dll");
}

/* The calls go, by name, to the wtsapi32.dll beside this program. */
static void import_resolves_to_our_dll(void **state)
{
    (void)state;
    void *fn = imported_address("wtsapi32.dll", "WTSEnumerateSessionsW");
    assert_non_null(fn);

    HMODULE holder = NULL;
    assert_true(GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                       GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                                   (LPCWSTR)fn, &holder));
    assert_non_null(holder);
    assert_ptr_equal(holder, GetModuleHandleW(L"wtsapi32.dll"));

    WCHAR loaded[MAX_PATH], expected[MAX_PATH];
    DWORD n = GetModuleFileNameW(holder, loaded, ARRAYSIZE(loaded));
    assert_true(n > 0 && n < ARRAYSIZE(loaded));
    expected_dll_path(expected, ARRAYSIZE(expected));
    if (lstrcmpiW(loaded, expected) != 0)
        fail_msg("WTSEnumerateSessionsW is in %ls, expected %ls", loaded, expected);
    assert_module_is_file(holder, expected);
}

/* Plain calls through the import library. */
static void calls_reach_our_dll(void **state)
{
    (void)state;
    WCHAR user[UNLEN + 1];
    DWORD len = ARRAYSIZE(user);
    assert_true(GetUserNameW(user, &len));

    WTS_SESSION_INFOW *sessions = NULL;
    DWORD count = 0;
    SetLastError(0xdeadbeef);
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &sessions, &count));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_non_null(sessions);
    assert_true(count >= 2);

    BOOL found = FALSE;
    for (DWORD i = 0; i < count; i++) {
        if (!sessions[i].pWinStationName || lstrcmpW(sessions[i].pWinStationName, L"Console") != 0)
            continue;
        found = TRUE;
        LPWSTR name = NULL;
        DWORD bytes = 0;
        SetLastError(0xdeadbeef);
        assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, sessions[i].SessionId,
                                                WTSUserName, &name, &bytes));
        assert_int_equal(GetLastError(), ERROR_SUCCESS);
        assert_non_null(name);
        assert_int_equal(bytes, (lstrlenW(name) + 1) * sizeof(WCHAR));
        if (lstrcmpiW(name, user) != 0)
            fail_msg("the Console session's user is \"%ls\", expected \"%ls\"", name, user);
        WTSFreeMemory(name);
    }
    WTSFreeMemory(sessions);
    assert_true(found);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(import_resolves_to_our_dll),
        cmocka_unit_test(calls_reach_our_dll),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
