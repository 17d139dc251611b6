/* Text conversions of the front end: the protocol speaks UTF-8, W functions
 * UTF-16, A functions the ANSI code page (CP_ACP).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

size_t text_to_wide(const char *utf8, WCHAR *dst, size_t dst_chars)
{
    if (!utf8)
        utf8 = "";
    int need = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    if (need <= 0)
        need = 1; /* invalid UTF-8 from a backend shows as "" */
    if (!dst)
        return (size_t)need;
    if (!dst_chars)
        return 0;
    if ((size_t)need <= dst_chars) {
        if (MultiByteToWideChar(CP_UTF8, 0, utf8, -1, dst, (int)dst_chars) <= 0)
            dst[0] = 0;
        return (size_t)need;
    }
    /* Too long for a fixed field: convert in full, then cut. */
    WCHAR *tmp = LocalAlloc(LMEM_FIXED, (size_t)need * sizeof(WCHAR));
    if (!tmp) {
        dst[0] = 0;
        return 1;
    }
    MultiByteToWideChar(CP_UTF8, 0, utf8, -1, tmp, need);
    size_t n = dst_chars - 1;
    if (n && IS_HIGH_SURROGATE(tmp[n - 1]))
        n--; /* never keep half a surrogate pair */
    memcpy(dst, tmp, n * sizeof(WCHAR));
    dst[n] = 0;
    LocalFree(tmp);
    return n + 1;
}

void text_from_wide(const WCHAR *src, char *dst, size_t cap)
{
    if (!cap)
        return;
    int need = WideCharToMultiByte(CP_UTF8, 0, src ? src : L"", -1, NULL, 0, NULL, NULL);
    char *tmp = need > 0 ? LocalAlloc(LMEM_FIXED, (size_t)need) : NULL;
    if (!tmp) {
        dst[0] = 0;
        return;
    }
    WideCharToMultiByte(CP_UTF8, 0, src ? src : L"", -1, tmp, need, NULL, NULL);
    openwts_utf8_copy(dst, cap, tmp);
    /* The text may be a password: no copy of it stays in freed memory. */
    SecureZeroMemory(tmp, (size_t)need);
    LocalFree(tmp);
}

size_t text_wide_to_ansi(const WCHAR *src, char *dst, size_t dst_bytes)
{
    if (!src)
        src = L"";
    int need = WideCharToMultiByte(CP_ACP, 0, src, -1, NULL, 0, NULL, NULL);
    if (need <= 0)
        need = 1;
    if (!dst)
        return (size_t)need;
    if (!dst_bytes)
        return 0;
    if ((size_t)need <= dst_bytes) {
        if (WideCharToMultiByte(CP_ACP, 0, src, -1, dst, (int)dst_bytes, NULL, NULL) <= 0)
            dst[0] = 0;
        return (size_t)need;
    }
    char *tmp = LocalAlloc(LMEM_FIXED, (size_t)need);
    if (!tmp) {
        dst[0] = 0;
        return 1;
    }
    WideCharToMultiByte(CP_ACP, 0, src, -1, tmp, need, NULL, NULL);
    if (GetACP() == CP_UTF8) {
        /* A UTF-8 ANSI code page has no lead bytes in IsDBCSLeadByteEx's
         * sense: cut before the character that does not fit. */
        openwts_utf8_copy(dst, dst_bytes, tmp);
        LocalFree(tmp);
        return strlen(dst) + 1;
    }
    /* Cut at a character boundary of a single- or double-byte code page. */
    size_t n = 0;
    while (n < dst_bytes - 1) {
        /* kernel32's lead-byte test, not user32's CharNextExA: loading
         * user32 costs every program that only wants session data. */
        size_t step = IsDBCSLeadByteEx(CP_ACP, (BYTE)tmp[n]) && tmp[n + 1] ? 2 : 1;
        if (!tmp[n] || n + step > dst_bytes - 1)
            break;
        n += step;
    }
    memcpy(dst, tmp, n);
    dst[n] = 0;
    LocalFree(tmp);
    return n + 1;
}

WCHAR *text_ansi_to_wide_alloc(const char *ansi)
{
    if (!ansi)
        return NULL;
    int need = MultiByteToWideChar(CP_ACP, 0, ansi, -1, NULL, 0);
    if (need <= 0)
        need = 1;
    WCHAR *w = LocalAlloc(LMEM_FIXED, (size_t)need * sizeof(WCHAR));
    if (w && MultiByteToWideChar(CP_ACP, 0, ansi, -1, w, need) <= 0)
        w[0] = 0;
    return w;
}

BOOL text_same_name(const char *a_utf8, const char *b_utf8)
{
    WCHAR a[257], b[257];
    if (!MultiByteToWideChar(CP_UTF8, 0, a_utf8, -1, a, ARRAYSIZE(a)) ||
        !MultiByteToWideChar(CP_UTF8, 0, b_utf8, -1, b, ARRAYSIZE(b)))
        return FALSE;
    return CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}
