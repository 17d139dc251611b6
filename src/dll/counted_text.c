/* Counted texts to UTF-8, for requests whose text fields are pointers.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "counted_text.h"

/* MultiByteToWideChar and WideCharToMultiByte count in int. */
#define MAX_CONVERTED 0x7FFFFFFF

static size_t wide_length(const WCHAR *text, size_t max_chars)
{
    size_t n = 0;
    while (n < max_chars && text[n])
        n++;
    return n;
}

static size_t ansi_length(const char *text, size_t max_bytes)
{
    size_t n = 0;
    while (n < max_bytes && text[n])
        n++;
    return n;
}

/* `chars` UTF-16 units (no NUL among them) to a new UTF-8 string. */
static DWORD wide_to_utf8(const WCHAR *text, size_t chars, char **utf8)
{
    int need = chars ? WideCharToMultiByte(CP_UTF8, 0, text, (int)chars, NULL, 0, NULL, NULL) : 0;
    if (chars && need <= 0)
        return ERROR_NOT_ENOUGH_MEMORY; /* only a length past int could fail here */
    char *out = HeapAlloc(GetProcessHeap(), 0, (size_t)need + 1);
    if (!out)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (chars)
        WideCharToMultiByte(CP_UTF8, 0, text, (int)chars, out, need, NULL, NULL);
    out[need] = '\0';
    *utf8 = out;
    return ERROR_SUCCESS;
}

DWORD counted_text_wide_to_utf8(const WCHAR *text, DWORD bytes, char **utf8)
{
    size_t max_chars = bytes / sizeof(WCHAR);
    if (!text && bytes)
        return ERROR_INVALID_PARAMETER;
    size_t chars = text ? wide_length(text, max_chars) : 0;
    return wide_to_utf8(text, chars, utf8);
}

DWORD counted_text_ansi_to_utf8(const char *text, DWORD bytes, char **utf8)
{
    if (!text && bytes)
        return ERROR_INVALID_PARAMETER;
    size_t len = text ? ansi_length(text, bytes) : 0;
    if (len > MAX_CONVERTED)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (!len)
        return wide_to_utf8(NULL, 0, utf8);
    int chars = MultiByteToWideChar(CP_ACP, 0, text, (int)len, NULL, 0);
    if (chars <= 0)
        return ERROR_NOT_ENOUGH_MEMORY;
    WCHAR *wide = HeapAlloc(GetProcessHeap(), 0, (size_t)chars * sizeof(WCHAR));
    if (!wide)
        return ERROR_NOT_ENOUGH_MEMORY;
    MultiByteToWideChar(CP_ACP, 0, text, (int)len, wide, chars);
    DWORD st = wide_to_utf8(wide, (size_t)chars, utf8);
    HeapFree(GetProcessHeap(), 0, wide);
    return st;
}

void counted_text_free(char *utf8)
{
    if (utf8)
        HeapFree(GetProcessHeap(), 0, utf8);
}
