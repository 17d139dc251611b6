/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "notify_test_util.h"

HWND notify_window(void)
{
    HWND hwnd = CreateWindowExA(0, "STATIC", "openwts-notify", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL,
                                GetModuleHandleA(NULL), NULL);
    assert_non_null(hwnd);
    return hwnd;
}

static size_t take_changes(HWND hwnd, change *out, size_t cap, size_t n)
{
    MSG msg;
    while (PeekMessageW(&msg, hwnd, WM_WTSSESSION_CHANGE, WM_WTSSESSION_CHANGE, PM_REMOVE)) {
        if (n < cap)
            out[n] = (change){ msg.wParam, msg.lParam, GetTickCount64() };
        n++;
    }
    return n;
}

size_t collect_changes_around(HWND hwnd, HANDLE process, change *out, size_t cap, DWORD after_ms,
                              DWORD max_ms)
{
    size_t n = 0;
    ULONGLONG now = GetTickCount64(), end = now + max_ms;
    BOOL ended = process == NULL;
    if (ended)
        end = now + after_ms;
    for (;;) {
        n = take_changes(hwnd, out, cap, n);
        now = GetTickCount64();
        if (now >= end)
            break;
        DWORD r = MsgWaitForMultipleObjects(ended ? 0 : 1, &process, FALSE, (DWORD)(end - now),
                                            QS_ALLPOSTMESSAGE);
        if (!ended && r == WAIT_OBJECT_0) {
            ended = TRUE;
            end = GetTickCount64() + after_ms;
        }
    }
    if (!ended)
        fail_msg("the other program did not end within %lu ms", (unsigned long)max_ms);
    return n;
}

size_t collect_changes(HWND hwnd, change *out, size_t cap, DWORD ms)
{
    return collect_changes_around(hwnd, NULL, out, cap, ms, ms);
}

void assert_changes(const change *got, size_t got_count, const WPARAM *codes, const DWORD *sessions,
                    size_t count)
{
    for (size_t i = 0; i < got_count && i < count; i++) {
        if (got[i].code != codes[i] || (DWORD)got[i].session != sessions[i])
            fail_msg("message %u: code %#lx session %lu, expected code %#lx session %lu", (unsigned)i,
                     (unsigned long)got[i].code, (unsigned long)got[i].session,
                     (unsigned long)codes[i], (unsigned long)sessions[i]);
    }
    if (got_count != count)
        fail_msg("%u messages, expected %u", (unsigned)got_count, (unsigned)count);
}

void post_event(DWORD session, openwts_event_kind kind)
{
    local_event ev = { session, (uint32_t)kind };
    local_events_post(&ev, 1);
}

void child_start(child *c, const char *program, const char *args)
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
    CloseHandle(pi.hThread);
    c->process = pi.hProcess;
    c->out = rd;
}

void child_read_line(child *c, char *line, size_t cap)
{
    size_t n = 0;
    char ch;
    DWORD got;
    while (ReadFile(c->out, &ch, 1, &got, NULL) && got == 1 && ch != '\n')
        if (ch != '\r' && n + 1 < cap)
            line[n++] = ch;
    line[n] = '\0';
}

DWORD child_finish(child *c, char *out, size_t cap, DWORD timeout_ms)
{
    DWORD wait = WaitForSingleObject(c->process, timeout_ms);
    if (wait != WAIT_OBJECT_0) {
        TerminateProcess(c->process, 1);
        fail_msg("the other program did not end within %lu ms", (unsigned long)timeout_ms);
    }
    size_t used = 0;
    char chunk[256];
    DWORD got;
    while (ReadFile(c->out, chunk, sizeof(chunk), &got, NULL) && got)
        for (DWORD i = 0; i < got; i++)
            if (chunk[i] != '\r' && out && used + 1 < cap)
                out[used++] = chunk[i];
    if (out && cap)
        out[used] = '\0';
    DWORD code = 0;
    GetExitCodeProcess(c->process, &code);
    CloseHandle(c->process);
    CloseHandle(c->out);
    c->process = c->out = NULL;
    return code;
}
