/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stdio.h>

#include "trace.h"

/* Wine's debug channel (wine/debug.h): flags 0xff until ntdll has read
 * WINEDEBUG for it; the name is the builtin's channel. */
struct wine_channel {
    unsigned char flags;
    char name[15];
};

typedef unsigned char(__cdecl *get_flags_fn)(struct wine_channel *);
typedef int(__cdecl *header_fn)(enum trace_class, struct wine_channel *, const char *);
typedef int(__cdecl *output_fn)(const char *);
typedef const char *(__cdecl *strdup_fn)(const char *);

static struct wine_channel channel = { 0xff, "wtsapi" };
static get_flags_fn get_flags;
static header_fn header;
static output_fn output;
static strdup_fn dbg_strdup;
static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static volatile BOOL wine; /* ntdll has Wine's debug exports */

static BOOL CALLBACK find_wine(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    HMODULE ntdll = GetModuleHandleW(L"ntdll.dll");
    if (ntdll) {
        get_flags = (get_flags_fn)(void (*)(void))GetProcAddress(ntdll, "__wine_dbg_get_channel_flags");
        header = (header_fn)(void (*)(void))GetProcAddress(ntdll, "__wine_dbg_header");
        output = (output_fn)(void (*)(void))GetProcAddress(ntdll, "__wine_dbg_output");
        dbg_strdup = (strdup_fn)(void (*)(void))GetProcAddress(ntdll, "__wine_dbg_strdup");
    }
    if (get_flags && header && output && dbg_strdup) {
        get_flags(&channel); /* reads WINEDEBUG once; channel.flags holds the answer */
        wine = TRUE;
    } else {
        channel.flags = 0; /* not Wine: nothing is ever printed */
    }
    return TRUE;
}

BOOL trace_enabled(enum trace_class cls)
{
    /* Before the first look-up flags is 0xff, so every class looks on. */
    if (!(channel.flags & (1u << cls)))
        return FALSE;
    InitOnceExecuteOnce(&once, find_wine, NULL, NULL);
    return wine && (channel.flags & (1u << cls));
}

void trace_print(enum trace_class cls, const char *function, const char *format, ...)
{
    char line[1024];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(line, sizeof(line), format, args);
    va_end(args);
    if (n < 0)
        return;
    if (header(cls, &channel, function) != -1)
        output(line);
}

#define QUOTED_MAX 80 /* characters shown before "..." as Wine's debugstr does */

static const char *quote(const void *s, BOOL wide)
{
    if (!s)
        return "(null)";
    char buf[QUOTED_MAX * 6 + 8];
    size_t n = 0;
    if (wide)
        buf[n++] = 'L';
    buf[n++] = '"';
    for (size_t i = 0;; i++) {
        unsigned c = wide ? ((const WCHAR *)s)[i] : (unsigned char)((const char *)s)[i];
        if (!c)
            break;
        if (i == QUOTED_MAX) {
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\"...");
            return dbg_strdup(buf);
        }
        if (c == '"' || c == '\\')
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\%c", (char)c);
        else if (c >= ' ' && c < 0x7f)
            buf[n++] = (char)c;
        else
            n += (size_t)snprintf(buf + n, sizeof(buf) - n, "\\%04x", c);
    }
    buf[n++] = '"';
    buf[n] = 0;
    return dbg_strdup(buf);
}

const char *trace_wstr(const WCHAR *s)
{
    return quote(s, TRUE);
}

const char *trace_astr(const char *s)
{
    return quote(s, FALSE);
}
