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
