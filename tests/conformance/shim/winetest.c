/* The counters, messages and main of our "wine/test.h" (see there for the
 * semantics). Messages have the shape of Wine's, so a log reads the same:
 *   wtsapi.c:123: Test failed: pid 0x20: expected ...
 *   wtsapi.c:200: Tests skipped: WTSEnumerateProcessesEx is not available
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wine/test.h"

int winetest_debug = 1;
int winetest_interactive = 0;

static const char *current_file = "?";
static int current_line;
static LONG tests_executed;
static LONG failures;
static LONG skipped;

#define CONTEXT_DEPTH 8
#define CONTEXT_SIZE 128
static char contexts[CONTEXT_DEPTH][CONTEXT_SIZE];
static int context_count; /* may exceed CONTEXT_DEPTH; deeper ones are not shown */

void winetest_set_location(const char *file, int line)
{
    const char *slash = strrchr(file, '/');
    const char *backslash = strrchr(file, '\\');
    if (backslash && (!slash || backslash > slash))
        slash = backslash;
    current_file = slash ? slash + 1 : file;
    current_line = line;
}

static void print_prefix(const char *kind)
{
    printf("%s:%d: %s", current_file, current_line, kind);
    for (int i = 0; i < context_count && i < CONTEXT_DEPTH; i++)
        printf("%s: ", contexts[i]);
}

static void vfail(const char *kind, const char *msg, va_list args)
{
    InterlockedIncrement(&failures);
    print_prefix(kind);
    vprintf(msg, args);
}

int winetest_ok(int condition, const char *msg, ...)
{
    InterlockedIncrement(&tests_executed);
    if (condition)
        return 1;
    va_list args;
    va_start(args, msg);
    vfail("Test failed: ", msg, args);
    va_end(args);
    return 0;
}

void winetest_skip(const char *msg, ...)
{
    va_list args;
    va_start(args, msg);
    InterlockedIncrement(&skipped);
    print_prefix("Tests skipped: ");
    vprintf(msg, args);
    va_end(args);
}

/* Wine counts a win_skip as a failure when it is not running on Windows;
 * so do we: the function it found missing is one our DLL must have. */
void winetest_win_skip(const char *msg, ...)
{
    va_list args;
    va_start(args, msg);
    InterlockedIncrement(&tests_executed);
    vfail("Test failed: win_skip: ", msg, args);
    va_end(args);
}

void winetest_trace(const char *msg, ...)
{
    if (!winetest_debug)
        return;
    va_list args;
    va_start(args, msg);
    print_prefix("");
    vprintf(msg, args);
    va_end(args);
}

void winetest_push_context(const char *fmt, ...)
{
    if (context_count < CONTEXT_DEPTH) {
        va_list args;
        va_start(args, fmt);
        vsnprintf(contexts[context_count], CONTEXT_SIZE, fmt, args);
        contexts[context_count][CONTEXT_SIZE - 1] = 0;
        va_end(args);
    }
    context_count++;
}

void winetest_pop_context(void)
{
    if (context_count > 0)
        context_count--;
}

/* A ring of buffers, so one message can render several strings. */
#define DBGSTR_BUFFERS 16
#define DBGSTR_SIZE 512

static char *dbgstr_buffer(void)
{
    static char buffers[DBGSTR_BUFFERS][DBGSTR_SIZE];
    static unsigned next;
    return buffers[next++ % DBGSTR_BUFFERS];
}

/* Appends character c of a quoted string to out (at *pos), escaped as Wine's
 * debugstr does; returns 0 when out is full. */
static int put_escaped(char *out, size_t *pos, unsigned c, int wide)
{
    char tmp[16];
    switch (c) {
    case '\n': strcpy(tmp, "\\n"); break;
    case '\r': strcpy(tmp, "\\r"); break;
    case '\t': strcpy(tmp, "\\t"); break;
    case '"': strcpy(tmp, "\\\""); break;
    case '\\': strcpy(tmp, "\\\\"); break;
    default:
        if (c >= ' ' && c < 127)
            snprintf(tmp, sizeof(tmp), "%c", (int)c);
        else
            snprintf(tmp, sizeof(tmp), wide ? "\\x%04x" : "\\x%02x", c);
    }
    size_t len = strlen(tmp);
    /* room for the text, the closing quote, "..." and the NUL */
    if (*pos + len + 5 > DBGSTR_SIZE)
        return 0;
    memcpy(out + *pos, tmp, len);
    *pos += len;
    return 1;
}

static const char *dbgstr(const void *s, int n, int wide)
{
    char *out = dbgstr_buffer();
    if (!s)
        return "(null)";
    if (!((ULONG_PTR)s >> 16)) { /* a resource id, as Wine shows it */
        snprintf(out, DBGSTR_SIZE, "#%04x", (unsigned)(ULONG_PTR)s);
        return out;
    }
    size_t pos = 0;
    if (wide)
        out[pos++] = 'L';
    out[pos++] = '"';
    int complete = 1;
    for (int i = 0; n < 0 || i < n; i++) {
        unsigned c = wide ? ((const WCHAR *)s)[i] : (unsigned char)((const char *)s)[i];
        if (n < 0 && !c)
            break;
        if (!put_escaped(out, &pos, c, wide)) {
            complete = 0;
            break;
        }
    }
    out[pos++] = '"';
    if (!complete) {
        memcpy(out + pos, "...", 3);
        pos += 3;
    }
    out[pos] = 0;
    return out;
}

const char *wine_dbgstr_an(const char *s, int n)
{
    return dbgstr(s, n, 0);
}

const char *wine_dbgstr_wn(const WCHAR *s, int n)
{
    return dbgstr(s, n, 1);
}

const char *wine_dbgstr_longlong(ULONGLONG n)
{
    char *out = dbgstr_buffer();
    if (n >> 32)
        snprintf(out, DBGSTR_SIZE, "%lx%08lx", (unsigned long)(n >> 32), (unsigned long)n);
    else
        snprintf(out, DBGSTR_SIZE, "%lx", (unsigned long)n);
    return out;
}

int winetest_run(const char *name, void (*func)(void))
{
    /* Unbuffered: what was printed before a crash is in the log. */
    setvbuf(stdout, NULL, _IONBF, 0);
    func();
    printf("%s: %ld tests executed (0 marked as todo, %ld failures), %ld skipped.\n", name,
           (long)tests_executed, (long)failures, (long)skipped);
    return failures > 255 ? 255 : (int)failures;
}
