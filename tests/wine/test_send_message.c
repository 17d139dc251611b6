/* WTSSendMessage(A/W) as a program under Wine sees it: a real message box
 * on the display, found by its title (unique to each test), answered by a
 * thread of this test that clicks one of its buttons, or left to time out.
 * Needs a display: tests/wine/send_message_test.sh runs it under Xvfb.
 *
 * Expected values come from MicrosoftDocs sdk-api (wtsapi32:
 * WTSSendMessageW: lengths in bytes, IDTIMEOUT 32000 when the timeout
 * elapses, IDASYNC 32001 at once when bWait is FALSE, the button the user
 * chose otherwise) and, where the docs are silent, from the README's
 * "Beyond the docs" section (errors, session 0, NULL texts, the style's
 * button set, a box that only returns once it is up).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "wine_test_util.h"

#define POISON 0xdeadbeefu
#define DW_SENTINEL 0xa5a5a5a5u
#define UNKNOWN_SESSION 12345u
#define SERVICES_SESSION 0u
#define UNKNOWN_SERVER L"openwts-no-such-server.invalid"
#define DIALOG_CLASS L"#32770"
#define FIND_TIMEOUT_MS 15000  /* how long a box may take to appear */
#define GONE_TIMEOUT_MS 15000  /* and to go once answered or timed out */
#define ANSWER_TIMEOUT_S 30    /* a box the clicker misses ends with IDTIMEOUT, not a hang */

static ULONGLONG now_ms(void)
{
    return GetTickCount64();
}

/* A title no other box of this run has. */
static void unique_title(WCHAR *title, size_t chars, const WCHAR *what)
{
    static LONG counter;
    _snwprintf(title, chars, L"openwts-%ls-%lu-%ld", what, GetCurrentProcessId(),
               InterlockedIncrement(&counter));
    title[chars - 1] = 0;
}

static HWND find_box(const WCHAR *title, DWORD timeout_ms)
{
    ULONGLONG end = now_ms() + timeout_ms;
    for (;;) {
        HWND box = FindWindowW(DIALOG_CLASS, title);
        if (box || now_ms() >= end)
            return box;
        Sleep(20);
    }
}

static BOOL box_gone(const WCHAR *title, DWORD timeout_ms)
{
    ULONGLONG end = now_ms() + timeout_ms;
    while (FindWindowW(DIALOG_CLASS, title)) {
        if (now_ms() >= end)
            return FALSE;
        Sleep(20);
    }
    return TRUE;
}

/* The message a box shows: the text of its one non-empty static control
 * (its icon is a static control too, without text). */
struct box_text {
    WCHAR text[256];
};

static BOOL CALLBACK read_static(HWND child, LPARAM param)
{
    struct box_text *t = (struct box_text *)param;
    WCHAR cls[16], text[256];
    if (GetClassNameW(child, cls, ARRAYSIZE(cls)) && lstrcmpiW(cls, L"Static") == 0 &&
        GetWindowTextW(child, text, ARRAYSIZE(text)) > 0) {
        lstrcpynW(t->text, text, ARRAYSIZE(t->text));
        return FALSE;
    }
    return TRUE;
}

/* A user in a thread of this test: waits for the box titled `title`,
 * reads it, and clicks button `button`. */
typedef struct clicker {
    const WCHAR *title;
    int button;
    HANDLE thread;
    BOOL found;
    BOOL clicked;
    WCHAR window_text[256];
    WCHAR message[256];
} clicker;

static DWORD WINAPI click_thread(void *param)
{
    clicker *c = param;
    HWND box = find_box(c->title, FIND_TIMEOUT_MS);
    if (!box)
        return 0;
    c->found = TRUE;
    GetWindowTextW(box, c->window_text, ARRAYSIZE(c->window_text));
    struct box_text t = { { 0 } };
    EnumChildWindows(box, read_static, (LPARAM)&t);
    lstrcpyW(c->message, t.text);
    /* What a click does: the button tells the dialog with WM_COMMAND. */
    HWND button = GetDlgItem(box, c->button);
    if (button && IsWindowVisible(button))
        c->clicked = PostMessageW(box, WM_COMMAND, MAKEWPARAM(c->button, BN_CLICKED), (LPARAM)button);
    return 0;
}

static void clicker_start(clicker *c, const WCHAR *title, int button)
{
    memset(c, 0, sizeof(*c));
    c->title = title;
    c->button = button;
    c->thread = CreateThread(NULL, 0, click_thread, c, 0, NULL);
    assert_non_null(c->thread);
}

static void clicker_join(clicker *c)
{
    assert_int_equal(WaitForSingleObject(c->thread, FIND_TIMEOUT_MS + 5000), WAIT_OBJECT_0);
    CloseHandle(c->thread);
}

/* ---- the timeout ------------------------------------------------------- */

/* Nobody answers within Timeout seconds: TRUE with IDTIMEOUT (docs), not
 * before the timeout, and the box is gone. */
static void timeout_gives_idtimeout(void **state)
{
    (void)state;
    WCHAR title[64], text[] = L"This box closes itself after one second.";
    unique_title(title, ARRAYSIZE(title), L"timeout");
    DWORD response = DW_SENTINEL;
    ULONGLONG start = now_ms();
    SetLastError(POISON);
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                              (DWORD)(wcslen(title) * sizeof(WCHAR)), text,
                              (DWORD)(wcslen(text) * sizeof(WCHAR)), MB_OK, 1, &response, TRUE);
    DWORD err = GetLastError();
    ULONGLONG took = now_ms() - start;
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS); /* README: success sets 0 */
    assert_int_equal(response, IDTIMEOUT);
    assert_int_equal(IDTIMEOUT, 32000);
    assert_true(took >= 950);   /* one second, give or take a timer tick */
    assert_true(took < 15000);
    assert_null(FindWindowW(DIALOG_CLASS, title));
}

/* ---- bWait FALSE ------------------------------------------------------- */

/* IDASYNC at once (docs), long before the timeout; the box is up when the
 * call returns (README) and stays until answered. */
static void no_wait_gives_idasync_at_once(void **state)
{
    (void)state;
    WCHAR title[64], text[] = L"Nobody waits for this box.";
    unique_title(title, ARRAYSIZE(title), L"async");
    DWORD response = DW_SENTINEL;
    ULONGLONG start = now_ms();
    SetLastError(POISON);
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                              (DWORD)(wcslen(title) * sizeof(WCHAR)), text,
                              (DWORD)(wcslen(text) * sizeof(WCHAR)), MB_OKCANCEL, 60, &response,
                              FALSE);
    DWORD err = GetLastError();
    ULONGLONG took = now_ms() - start;
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_int_equal(response, IDASYNC);
    assert_int_equal(IDASYNC, 32001);
    assert_true(took < 5000); /* the timeout is 60 s */

    HWND box = FindWindowW(DIALOG_CLASS, title);
    assert_non_null(box);
    assert_true(IsWindowVisible(box));
    Sleep(500);
    assert_non_null(FindWindowW(DIALOG_CLASS, title)); /* still up, nobody answered */
    /* Answer it, as the user would. */
    assert_true(PostMessageW(box, WM_COMMAND, MAKEWPARAM(IDOK, BN_CLICKED),
                             (LPARAM)GetDlgItem(box, IDOK)));
    assert_true(box_gone(title, GONE_TIMEOUT_MS));
}

/* A box nobody waits for still closes itself when its timeout elapses. */
static void no_wait_box_times_out_by_itself(void **state)
{
    (void)state;
    WCHAR title[64], text[] = L"Nobody waits for this box, and it goes after a second.";
    unique_title(title, ARRAYSIZE(title), L"async-timeout");
    DWORD response = DW_SENTINEL;
    assert_true(WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                                (DWORD)(wcslen(title) * sizeof(WCHAR)), text,
                                (DWORD)(wcslen(text) * sizeof(WCHAR)), MB_OK, 1, &response, FALSE));
    assert_int_equal(response, IDASYNC);
    ULONGLONG start = now_ms();
    assert_non_null(FindWindowW(DIALOG_CLASS, title));
    assert_true(box_gone(title, GONE_TIMEOUT_MS));
    assert_true(now_ms() - start < GONE_TIMEOUT_MS);
}

/* ---- the user's answer ------------------------------------------------- */

/* The box shows the title and message given, with the style's buttons;
 * the button clicked is the response (docs). */
static void answer_is_response_w(DWORD style, int button, const WCHAR *what)
{
    WCHAR title[64], text[96];
    unique_title(title, ARRAYSIZE(title), what);
    _snwprintf(text, ARRAYSIZE(text), L"Click %d, please (style %lu).", button, style);
    text[ARRAYSIZE(text) - 1] = 0;
    clicker c;
    clicker_start(&c, title, button);
    DWORD response = DW_SENTINEL;
    SetLastError(POISON);
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                              (DWORD)(wcslen(title) * sizeof(WCHAR)), text,
                              (DWORD)(wcslen(text) * sizeof(WCHAR)), style, ANSWER_TIMEOUT_S,
                              &response, TRUE);
    DWORD err = GetLastError();
    clicker_join(&c);
    assert_true(c.found);
    assert_true(c.clicked);
    assert_true(wcscmp(c.window_text, title) == 0);
    assert_true(wcscmp(c.message, text) == 0);
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_int_equal(response, (DWORD)button);
    assert_true(box_gone(title, GONE_TIMEOUT_MS));
}

static void yes_is_idyes(void **state)
{
    (void)state;
    answer_is_response_w(MB_YESNO | MB_ICONQUESTION, IDYES, L"yes");
}

static void no_is_idno(void **state)
{
    (void)state;
    answer_is_response_w(MB_YESNO, IDNO, L"no");
}

static void cancel_is_idcancel(void **state)
{
    (void)state;
    answer_is_response_w(MB_OKCANCEL | MB_DEFBUTTON2, IDCANCEL, L"cancel");
}

static void retry_is_idretry(void **state)
{
    (void)state;
    answer_is_response_w(MB_ABORTRETRYIGNORE | MB_ICONWARNING, IDRETRY, L"retry");
}

static void continue_is_idcontinue(void **state)
{
    (void)state;
    answer_is_response_w(MB_CANCELTRYCONTINUE, IDCONTINUE, L"continue");
}

/* The ANSI form: lengths in bytes of the ANSI code page; the same box. */
static void ansi_form(void **state)
{
    (void)state;
    WCHAR wtitle[64];
    char title[64];
    char text[] = "The ANSI form, please click No.";
    unique_title(wtitle, ARRAYSIZE(wtitle), L"ansi");
    WideCharToMultiByte(CP_ACP, 0, wtitle, -1, title, sizeof(title), NULL, NULL);
    clicker c;
    clicker_start(&c, wtitle, IDNO);
    DWORD response = DW_SENTINEL;
    SetLastError(POISON);
    BOOL ok = WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                              (DWORD)strlen(title), text, (DWORD)strlen(text), MB_YESNO,
                              ANSWER_TIMEOUT_S, &response, TRUE);
    DWORD err = GetLastError();
    clicker_join(&c);
    assert_true(c.found);
    assert_true(c.clicked);
    assert_true(wcscmp(c.window_text, wtitle) == 0);
    assert_true(wcscmp(c.message, L"The ANSI form, please click No.") == 0);
    assert_true(ok);
    assert_int_equal(err, ERROR_SUCCESS);
    assert_int_equal(response, IDNO);
}

/* ---- lengths in bytes -------------------------------------------------- */

/* The texts end at their length in bytes, without a NUL there (docs:
 * "The length, in bytes"); a NUL within the length ends them earlier. */
static void lengths_count_bytes_w(void **state)
{
    (void)state;
    WCHAR title[64], buffer[96], text[64];
    unique_title(title, ARRAYSIZE(title), L"length-w");
    size_t title_chars = wcslen(title);
    /* The title followed by more text that the length leaves out. */
    _snwprintf(buffer, ARRAYSIZE(buffer), L"%lsNOT-IN-THE-TITLE", title);
    buffer[ARRAYSIZE(buffer) - 1] = 0;
    /* The message with its NUL counted in the length (sizeof-style). */
    wcscpy(text, L"Shown up to its NUL.");
    clicker c;
    clicker_start(&c, title, IDOK);
    DWORD response = DW_SENTINEL;
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, buffer,
                              (DWORD)(title_chars * sizeof(WCHAR)), text, sizeof(text), MB_OK,
                              ANSWER_TIMEOUT_S, &response, TRUE);
    clicker_join(&c);
    assert_true(c.found);
    assert_true(wcscmp(c.window_text, title) == 0);
    assert_true(wcscmp(c.message, L"Shown up to its NUL.") == 0);
    assert_true(ok);
    assert_int_equal(response, IDOK);
}

static void lengths_count_bytes_a(void **state)
{
    (void)state;
    WCHAR wtitle[64];
    char title[64], buffer[96];
    unique_title(wtitle, ARRAYSIZE(wtitle), L"length-a");
    WideCharToMultiByte(CP_ACP, 0, wtitle, -1, title, sizeof(title), NULL, NULL);
    snprintf(buffer, sizeof(buffer), "%sNOT-IN-THE-TITLE", title);
    char text[] = "Half of this message is shown";
    clicker c;
    clicker_start(&c, wtitle, IDOK);
    DWORD response = DW_SENTINEL;
    /* "Half of this" is 12 bytes. */
    BOOL ok = WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, buffer,
                              (DWORD)strlen(title), text, 12, MB_OK, ANSWER_TIMEOUT_S, &response,
                              TRUE);
    clicker_join(&c);
    assert_true(c.found);
    assert_true(wcscmp(c.window_text, wtitle) == 0);
    assert_true(wcscmp(c.message, L"Half of this") == 0);
    assert_true(ok);
    assert_int_equal(response, IDOK);
}

/* An odd length in the W form: the last, half character is not shown. */
static void odd_length_drops_half_character(void **state)
{
    (void)state;
    WCHAR title[64], text[] = L"ABCDEF";
    unique_title(title, ARRAYSIZE(title), L"odd");
    clicker c;
    clicker_start(&c, title, IDOK);
    DWORD response = DW_SENTINEL;
    BOOL ok = WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                              (DWORD)(wcslen(title) * sizeof(WCHAR)), text, 7, MB_OK,
                              ANSWER_TIMEOUT_S, &response, TRUE);
    clicker_join(&c);
    assert_true(c.found);
    assert_true(wcscmp(c.message, L"ABC") == 0);
    assert_true(ok);
    assert_int_equal(response, IDOK);
}

/* ---- bad input: FALSE, the documented or README error, no box, the
 * response untouched ------------------------------------------------------ */

#define assert_send_fails(server, session, title_ptr, title_len, style, response_ptr, err)   \
    do {                                                                              \
        WCHAR text_[] = L"This box must not appear.";                                  \
        SetLastError(POISON);                                                          \
        BOOL ok_ = WTSSendMessageW((server), (session), (title_ptr), (title_len), text_,  \
                                   sizeof(text_), (style), 1, (response_ptr), TRUE);      \
        DWORD le_ = GetLastError();                                                    \
        assert_false(ok_);                                                             \
        assert_int_equal(le_, (err));                                                  \
    } while (0)

static void bad_input(void **state)
{
    (void)state;
    WCHAR title[64];
    unique_title(title, ARRAYSIZE(title), L"bad");
    DWORD len = (DWORD)(wcslen(title) * sizeof(WCHAR));
    DWORD response = DW_SENTINEL;

    /* No place for the response. */
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title, len, MB_OK, NULL,
                      ERROR_INVALID_PARAMETER);
    /* A button set MessageBox does not have (past MB_CANCELTRYCONTINUE). */
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title, len, 7, &response,
                      ERROR_INVALID_PARAMETER);
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title, len,
                      MB_ICONERROR | 0xF, &response, ERROR_INVALID_PARAMETER);
    /* No title, but a length for it. */
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, NULL, len, MB_OK, &response,
                      ERROR_INVALID_PARAMETER);
    /* Handles: made up, closed, and a server that is not this machine. */
    assert_send_fails((HANDLE)(ULONG_PTR)0x12345678, WTS_CURRENT_SESSION, title, len, MB_OK,
                      &response, ERROR_INVALID_HANDLE);
    HANDLE h = WTSOpenServerW(NULL);
    assert_non_null(h);
    WTSCloseServer(h);
    assert_send_fails(h, WTS_CURRENT_SESSION, title, len, MB_OK, &response, ERROR_INVALID_HANDLE);
    HANDLE remote = WTSOpenServerW(UNKNOWN_SERVER);
    assert_non_null(remote);
    assert_send_fails(remote, WTS_CURRENT_SESSION, title, len, MB_OK, &response,
                      RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(remote);
    /* Sessions: one that does not exist, and session 0 (README). */
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, title, len, MB_OK, &response,
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_send_fails(WTS_CURRENT_SERVER_HANDLE, SERVICES_SESSION, title, len, MB_OK, &response,
                      ERROR_ACCESS_DENIED);

    /* The A form checks the same. */
    char atitle[] = "openwts-bad-ansi";
    char atext[] = "This box must not appear.";
    SetLastError(POISON);
    assert_false(WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, atitle,
                                 sizeof(atitle), atext, sizeof(atext), MB_OK, 1, NULL, TRUE));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    SetLastError(POISON);
    assert_false(WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, atitle,
                                 sizeof(atitle), NULL, 5, MB_OK, 1, &response, TRUE));
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    SetLastError(POISON);
    assert_false(WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, atitle,
                                 sizeof(atitle), atext, sizeof(atext), MB_OK, 1, &response, FALSE));
    assert_int_equal(GetLastError(), ERROR_CTX_WINSTATION_NOT_FOUND);

    assert_int_equal(response, DW_SENTINEL);
    /* None of them showed a box. */
    Sleep(200);
    assert_null(FindWindowW(DIALOG_CLASS, title));
    assert_null(FindWindowA("#32770", atitle));
}

/* NULL texts with length 0 are empty texts (README): the box shows. */
static void null_texts_with_zero_length_are_empty(void **state)
{
    (void)state;
    DWORD response = DW_SENTINEL;
    SetLastError(POISON);
    assert_true(WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, NULL, 0, NULL, 0,
                                MB_OK, 1, &response, TRUE));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(response, IDTIMEOUT);
}

/* The session by its number and through a handle opened to this machine. */
static void explicit_session_and_opened_handle(void **state)
{
    (void)state;
    WCHAR title[64], text[] = L"Through an opened handle.";
    unique_title(title, ARRAYSIZE(title), L"handle");
    HANDLE h = WTSOpenServerW(L"localhost");
    assert_non_null(h);
    clicker c;
    clicker_start(&c, title, IDOK);
    DWORD response = DW_SENTINEL;
    BOOL ok = WTSSendMessageW(h, own_session_id(), title, (DWORD)(wcslen(title) * sizeof(WCHAR)),
                              text, (DWORD)(wcslen(text) * sizeof(WCHAR)), MB_OK, ANSWER_TIMEOUT_S,
                              &response, TRUE);
    clicker_join(&c);
    WTSCloseServer(h);
    assert_true(c.found);
    assert_true(ok);
    assert_int_equal(response, IDOK);
}

/* ---- nothing left behind ---------------------------------------------- */

#define LEAK_ROUNDS_FAILING 2000
#define LEAK_ROUNDS_SHOWN 40
#define SLACK_BYTES (16 * 1024) /* allocator bookkeeping, not per-round growth */

/* Bytes in busy blocks of the process heap, where the DLL allocates. */
static size_t heap_busy_bytes(void)
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

/* Handles this process holds. GetProcessHandleCount says 0 under Wine 8.0
 * whatever is open; the system's handle list (NtQuerySystemInformation,
 * SystemHandleInformation, laid out as in Wine's winternl.h) counts them. */
#define SYSTEM_HANDLE_INFORMATION_CLASS 16
#define STATUS_INFO_LENGTH_MISMATCH_ ((LONG)0xC0000004)
typedef struct handle_entry {
    ULONG owner_pid;
    BYTE object_type;
    BYTE flags;
    USHORT value;
    PVOID object;
    ACCESS_MASK access;
} handle_entry;
typedef struct handle_list {
    ULONG count;
    handle_entry entries[1];
} handle_list;

static DWORD handle_count(void)
{
    typedef LONG(NTAPI * query_fn)(ULONG, PVOID, ULONG, PULONG);
    FARPROC proc = GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "NtQuerySystemInformation");
    assert_non_null(proc);
    query_fn query;
    memcpy(&query, &proc, sizeof(proc));
    ULONG size = 256 * 1024, needed = 0;
    for (;;) {
        handle_list *list = HeapAlloc(GetProcessHeap(), 0, size);
        assert_non_null(list);
        LONG st = query(SYSTEM_HANDLE_INFORMATION_CLASS, list, size, &needed);
        if (st == STATUS_INFO_LENGTH_MISMATCH_) {
            HeapFree(GetProcessHeap(), 0, list);
            size *= 2;
            continue;
        }
        assert_int_equal(st, 0);
        DWORD n = 0;
        for (ULONG i = 0; i < list->count; i++)
            if (list->entries[i].owner_pid == GetCurrentProcessId())
                n++;
        HeapFree(GetProcessHeap(), 0, list);
        assert_true(n > 0); /* this list does count them */
        return n;
    }
}

/* Every failure after the texts were converted, and before. */
static void failing_round(void)
{
    WCHAR title[] = L"openwts-leak", text[] = L"never shown";
    DWORD response;
    HANDLE remote = WTSOpenServerW(UNKNOWN_SERVER);
    assert_non_null(remote);
    assert_fails_with(WTSSendMessageW(remote, WTS_CURRENT_SESSION, title, sizeof(title), text,
                                      sizeof(text), MB_OK, 1, &response, TRUE),
                      RPC_S_SERVER_UNAVAILABLE);
    WTSCloseServer(remote);
    assert_fails_with(WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, UNKNOWN_SESSION, title,
                                      sizeof(title), text, sizeof(text), MB_OK, 1, &response, TRUE),
                      ERROR_CTX_WINSTATION_NOT_FOUND);
    assert_fails_with(WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, SERVICES_SESSION, "t", 1, "m", 1,
                                      MB_OK, 1, &response, FALSE),
                      ERROR_ACCESS_DENIED);
    assert_fails_with(WTSSendMessageW((HANDLE)(ULONG_PTR)0x12345678, WTS_CURRENT_SESSION, title,
                                      sizeof(title), text, sizeof(text), MB_OK, 1, &response, TRUE),
                      ERROR_INVALID_HANDLE);
    assert_fails_with(WTSSendMessageA(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, "t", 1, NULL,
                                      1, MB_OK, 1, &response, TRUE),
                      ERROR_INVALID_PARAMETER);
}

/* A box shown without waiting and answered at once: the box's thread, its
 * handle and its texts are all gone afterwards. */
static void shown_round(void)
{
    WCHAR title[64], text[] = L"Shown and answered at once.";
    unique_title(title, ARRAYSIZE(title), L"leak");
    DWORD response = DW_SENTINEL;
    assert_true(WTSSendMessageW(WTS_CURRENT_SERVER_HANDLE, WTS_CURRENT_SESSION, title,
                                (DWORD)(wcslen(title) * sizeof(WCHAR)), text, sizeof(text), MB_OK,
                                ANSWER_TIMEOUT_S, &response, FALSE));
    assert_int_equal(response, IDASYNC);
    HWND box = FindWindowW(DIALOG_CLASS, title);
    assert_non_null(box);
    assert_true(PostMessageW(box, WM_COMMAND, MAKEWPARAM(IDOK, BN_CLICKED),
                             (LPARAM)GetDlgItem(box, IDOK)));
    assert_true(box_gone(title, GONE_TIMEOUT_MS));
}

static void nothing_left_behind(void **state)
{
    (void)state;
    failing_round(); /* warm-up: first-use allocations are not leaks */
    shown_round();
    Sleep(200);      /* the box's thread ends just after its box */
    size_t heap_before = heap_busy_bytes();
    DWORD handles_before = handle_count();
    for (int i = 0; i < LEAK_ROUNDS_FAILING; i++)
        failing_round();
    for (int i = 0; i < LEAK_ROUNDS_SHOWN; i++)
        shown_round();
    Sleep(200);
    size_t heap_after = heap_busy_bytes();
    DWORD handles_after = handle_count();
    if (heap_after > heap_before + SLACK_BYTES)
        fail_msg("the heap grew by %lu bytes", (unsigned long)(heap_after - heap_before));
    if (handles_after > handles_before + 2)
        fail_msg("%lu handles more than before", handles_after - handles_before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_input),
        cmocka_unit_test(timeout_gives_idtimeout),
        cmocka_unit_test(no_wait_gives_idasync_at_once),
        cmocka_unit_test(no_wait_box_times_out_by_itself),
        cmocka_unit_test(yes_is_idyes),
        cmocka_unit_test(no_is_idno),
        cmocka_unit_test(cancel_is_idcancel),
        cmocka_unit_test(retry_is_idretry),
        cmocka_unit_test(continue_is_idcontinue),
        cmocka_unit_test(ansi_form),
        cmocka_unit_test(lengths_count_bytes_w),
        cmocka_unit_test(lengths_count_bytes_a),
        cmocka_unit_test(odd_length_drops_half_character),
        cmocka_unit_test(null_texts_with_zero_length_are_empty),
        cmocka_unit_test(explicit_session_and_opened_handle),
        cmocka_unit_test(nothing_left_behind),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
