/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "wine_test_util.h"

void program_dir(char *dir, size_t size)
{
    DWORD n = GetModuleFileNameA(NULL, dir, (DWORD)size);
    assert_true(n > 0 && n < size);
    char *slash = strrchr(dir, '\\');
    assert_non_null(slash);
    slash[1] = '\0';
}

DWORD run_program(const char *program, const char *args, char *out, size_t out_size,
                  DWORD timeout_ms)
{
    char dir[MAX_PATH], cmd[2 * MAX_PATH];
    program_dir(dir, sizeof(dir));
    snprintf(cmd, sizeof(cmd), "\"%s%s\" %s", dir, program, args ? args : "");

    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    HANDLE rd = NULL, wr = NULL;
    assert_true(CreatePipe(&rd, &wr, &sa, 0));
    SetHandleInformation(rd, HANDLE_FLAG_INHERIT, 0);

    STARTUPINFOA si = { .cb = sizeof(si) };
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = wr;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    PROCESS_INFORMATION pi;
    BOOL started = CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi);
    CloseHandle(wr);
    if (!started) {
        CloseHandle(rd);
        fail_msg("cannot start %s: error %lu", cmd, GetLastError());
    }

    size_t used = 0;
    char chunk[512];
    DWORD got;
    while (ReadFile(rd, chunk, sizeof(chunk), &got, NULL) && got) {
        for (DWORD i = 0; i < got; i++)
            if (chunk[i] != '\r' && out && used + 1 < out_size)
                out[used++] = chunk[i];
    }
    if (out && out_size)
        out[used] = '\0';
    CloseHandle(rd);

    DWORD wait = WaitForSingleObject(pi.hProcess, timeout_ms);
    if (wait != WAIT_OBJECT_0) {
        TerminateProcess(pi.hProcess, 1);
        fail_msg("%s did not finish within %lu ms", cmd, timeout_ms);
    }
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return code;
}

DWORD own_session_id(void)
{
    DWORD id = 0xffffffff;
    assert_true(ProcessIdToSessionId(GetCurrentProcessId(), &id));
    return id;
}

WTS_CONNECTSTATE_CLASS session_state(DWORD session_id)
{
    LPWSTR buf = NULL;
    DWORD bytes = 0;
    assert_true(WTSQuerySessionInformationW(WTS_CURRENT_SERVER_HANDLE, session_id, WTSConnectState,
                                            &buf, &bytes));
    assert_int_equal(bytes, sizeof(WTS_CONNECTSTATE_CLASS));
    WTS_CONNECTSTATE_CLASS st = *(WTS_CONNECTSTATE_CLASS *)buf;
    WTSFreeMemory(buf);
    return st;
}

void reconnect_session(DWORD id)
{
    if (session_state(id) != WTSActive)
        assert_true(WTSConnectSessionW(id, id, L"", TRUE));
    assert_int_equal(session_state(id), WTSActive);
}

int console_active(void **state)
{
    (void)state;
    reconnect_session(own_session_id());
    return 0;
}

/* Is `mod` the image of the file `path`? Under Wine, GetModuleFileName is
 * not enough: with wtsapi32=b, Wine loads its builtin in place of a
 * wtsapi32.dll it finds beside the program and reports that file's path
 * (measured here, Wine 8.0). So the loaded headers are compared with the
 * file's, and Wine's builtin marker ("Wine builtin DLL" at offset 0x40, in
 * place of the DOS stub) must be absent. */
void assert_module_is_file(HMODULE mod, const WCHAR *path)
{
    const BYTE *image = (const BYTE *)mod;
    if (memcmp(image + 0x40, "Wine builtin DLL", 16) == 0)
        fail_msg("the loaded wtsapi32.dll is Wine's builtin");

    BYTE file[4096];
    DWORD got = 0;
    HANDLE h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_DELETE, NULL,
                           OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE)
        fail_msg("cannot open %ls: error %lu", path, GetLastError());
    BOOL read_ok = ReadFile(h, file, sizeof(file), &got, NULL);
    CloseHandle(h);
    assert_true(read_ok);
    assert_true(got >= sizeof(IMAGE_DOS_HEADER));

    const IMAGE_DOS_HEADER *fdos = (const IMAGE_DOS_HEADER *)file;
    const IMAGE_DOS_HEADER *mdos = (const IMAGE_DOS_HEADER *)image;
    assert_int_equal(fdos->e_magic, IMAGE_DOS_SIGNATURE);
    assert_int_equal(mdos->e_magic, IMAGE_DOS_SIGNATURE);
    assert_true((DWORD)fdos->e_lfanew + sizeof(IMAGE_NT_HEADERS) <= got);
    const IMAGE_NT_HEADERS *fnt = (const IMAGE_NT_HEADERS *)(file + fdos->e_lfanew);
    const IMAGE_NT_HEADERS *mnt = (const IMAGE_NT_HEADERS *)(image + mdos->e_lfanew);
    assert_int_equal(fnt->Signature, IMAGE_NT_SIGNATURE);
    assert_int_equal(mnt->Signature, IMAGE_NT_SIGNATURE);
    assert_int_equal(mnt->FileHeader.TimeDateStamp, fnt->FileHeader.TimeDateStamp);
    assert_int_equal(mnt->FileHeader.NumberOfSections, fnt->FileHeader.NumberOfSections);
    assert_int_equal(mnt->OptionalHeader.SizeOfImage, fnt->OptionalHeader.SizeOfImage);
    assert_int_equal(mnt->OptionalHeader.AddressOfEntryPoint, fnt->OptionalHeader.AddressOfEntryPoint);
    assert_int_equal(mnt->OptionalHeader.SizeOfCode, fnt->OptionalHeader.SizeOfCode);
    assert_int_equal(mnt->OptionalHeader.CheckSum, fnt->OptionalHeader.CheckSum);
}

size_t process_heap_busy_bytes(void)
{
    HANDLE heap = GetProcessHeap();
    PROCESS_HEAP_ENTRY e = { 0 };
    size_t busy = 0;
    assert_true(HeapLock(heap));
    while (HeapWalk(heap, &e))
        if (e.wFlags & PROCESS_HEAP_ENTRY_BUSY)
            busy += e.cbData;
    HeapUnlock(heap);
    return busy;
}

HANDLE next_handle_value(void)
{
    HANDLE h = CreateEventW(NULL, FALSE, FALSE, NULL);
    assert_non_null(h);
    CloseHandle(h);
    return h;
}
