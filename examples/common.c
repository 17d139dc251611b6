/*
 * OpenWTS example tools: shared argument parsing, server handle helpers
 * and error printing. See common.h.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "common.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

BOOL ow_parse_session_id(const wchar_t *text, DWORD *id)
{
    unsigned long long value = 0;

    if (!*text)
        return FALSE;
    for (; *text; text++) {
        if (*text < L'0' || *text > L'9')
            return FALSE;
        value = value * 10 + (unsigned long long)(*text - L'0');
        if (value > 0xFFFFFFFFull)
            return FALSE;
    }
    *id = (DWORD)value;
    return TRUE;
}

static int usage_error(const struct ow_tool *tool, const wchar_t *problem,
                       const wchar_t *arg)
{
    fwprintf(stderr, L"%ls: %ls: %ls\n", tool->name, problem, arg);
    fwprintf(stderr, L"%ls", tool->usage);
    return OW_EXIT_USAGE;
}

int ow_parse_args(const struct ow_tool *tool, int argc, wchar_t **argv,
                  struct ow_args *args)
{
    int i;

    /* Let the C runtime convert non-ASCII names for output. */
    setlocale(LC_CTYPE, "");

    args->server = NULL;
    args->has_session = FALSE;
    args->session_id = WTS_CURRENT_SESSION;
    args->verbose = FALSE;

    for (i = 1; i < argc; i++) {
        wchar_t *arg = argv[i];

        if (arg[0] == L'/' || arg[0] == L'-') {
            wchar_t *opt = arg + 1;

            if (_wcsicmp(opt, L"?") == 0) {
                wprintf(L"%ls", tool->usage);
                return OW_EXIT_OK;
            }
            if ((tool->accepts & OW_ACCEPT_VERBOSE)
                && _wcsicmp(opt, L"v") == 0) {
                args->verbose = TRUE;
                continue;
            }
            static const wchar_t server_opt[] = L"server:";
            if (_wcsnicmp(opt, server_opt, ARRAYSIZE(server_opt) - 1) == 0) {
                args->server = opt + ARRAYSIZE(server_opt) - 1;
                if (!*args->server)
                    return usage_error(tool, L"missing server name", arg);
                continue;
            }
            return usage_error(tool, L"unknown option", arg);
        }

        if (!(tool->accepts & OW_ACCEPT_SESSION) || args->has_session)
            return usage_error(tool, L"unexpected argument", arg);
        if (!ow_parse_session_id(arg, &args->session_id))
            return usage_error(tool, L"invalid session ID", arg);
        args->has_session = TRUE;
    }
    return -1;
}

DWORD ow_display_session(const struct ow_args *args)
{
    DWORD own;

    if (args->has_session)
        return args->session_id;
    if (ProcessIdToSessionId(GetCurrentProcessId(), &own))
        return own;
    return WTS_CURRENT_SESSION;
}

const wchar_t *ow_display_server(const struct ow_args *args)
{
    return args->server ? args->server : L"the local server";
}

BOOL ow_open_server(const struct ow_tool *tool, const struct ow_args *args,
                    HANDLE *server)
{
    if (!args->server) {
        *server = WTS_CURRENT_SERVER_HANDLE;
        return TRUE;
    }
    *server = WTSOpenServerW(args->server);
    if (!*server) {
        ow_print_error(tool, GetLastError(), L"could not open server %ls",
                       args->server);
        return FALSE;
    }
    return TRUE;
}

void ow_close_server(HANDLE server)
{
    if (server != WTS_CURRENT_SERVER_HANDLE)
        WTSCloseServer(server);
}

static BOOL is_space(wchar_t c)
{
    return c == L' ' || c == L'\t' || c == L'\r' || c == L'\n';
}

void ow_print_error(const struct ow_tool *tool, DWORD err,
                    const wchar_t *what_format, ...)
{
    va_list ap;
    wchar_t *text = NULL;
    wchar_t *start = NULL;
    DWORD len, i;

    len = FormatMessageW(FORMAT_MESSAGE_ALLOCATE_BUFFER
                         | FORMAT_MESSAGE_FROM_SYSTEM
                         | FORMAT_MESSAGE_IGNORE_INSERTS,
                         NULL, err, 0, (LPWSTR)&text, 0, NULL);
    if (len && text) {
        /* One line: inner line breaks become spaces, ends are trimmed. */
        for (i = 0; i < len; i++) {
            if (text[i] == L'\r' || text[i] == L'\n' || text[i] == L'\t')
                text[i] = L' ';
        }
        while (len && is_space(text[len - 1]))
            text[--len] = L'\0';
        start = text;
        while (is_space(*start))
            start++;
    }

    fwprintf(stderr, L"%ls: ", tool->name);
    va_start(ap, what_format);
    vfwprintf(stderr, what_format, ap);
    va_end(ap);
    if (start && *start)
        fwprintf(stderr, L": error %lu %ls\n", err, start);
    else
        fwprintf(stderr, L": error %lu\n", err);

    if (text)
        LocalFree(text);
}

int ow_session_action_main(const struct ow_tool *tool, int argc, wchar_t **argv,
                           BOOL (WINAPI *action)(HANDLE, DWORD, BOOL),
                           void (*announce)(const struct ow_args *args, DWORD shown),
                           const wchar_t *failure_verb)
{
    struct ow_args args;
    HANDLE server;
    int rc = ow_parse_args(tool, argc, argv, &args);
    if (rc >= 0)
        return rc;
    if (!ow_open_server(tool, &args, &server))
        return OW_EXIT_FAILURE;

    DWORD shown = ow_display_session(&args);
    if (args.verbose) {
        announce(&args, shown);
        fflush(stdout);
    }
    rc = OW_EXIT_OK;
    if (!action(server, args.session_id, TRUE)) {
        DWORD err = GetLastError();
        ow_print_error(tool, err, L"could not %ls session %lu", failure_verb, shown);
        rc = OW_EXIT_FAILURE;
    }
    ow_close_server(server);
    return rc;
}
