/* User configuration results and inputs, W and A. A number class is one
 * DWORD, a text class a NUL-terminated string, WTSUserConfigUser a
 * WTSUSERCONFIG structure (WTS_CONFIG_CLASS page).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "user_config_layout.h"

/* The numbers come first in both structures, at the same offsets. */
static_assert(offsetof(WTSUSERCONFIGW, TerminalServerRemoteHomeDir) ==
                  offsetof(WTSUSERCONFIGA, TerminalServerRemoteHomeDir),
              "WTSUSERCONFIG numbers share their offsets");

typedef struct number_field {
    WTS_CONFIG_CLASS cls;
    size_t offset;
} number_field;

#define NUMBER_FIELD(cls, member) { cls, offsetof(WTSUSERCONFIGW, member) }
static const number_field numbers[] = {
    NUMBER_FIELD(WTSUserConfigfInheritInitialProgram, InheritInitialProgram),
    NUMBER_FIELD(WTSUserConfigfAllowLogonTerminalServer, AllowLogonTerminalServer),
    NUMBER_FIELD(WTSUserConfigTimeoutSettingsConnections, TimeoutSettingsConnections),
    NUMBER_FIELD(WTSUserConfigTimeoutSettingsDisconnections, TimeoutSettingsDisconnections),
    NUMBER_FIELD(WTSUserConfigTimeoutSettingsIdle, TimeoutSettingsIdle),
    NUMBER_FIELD(WTSUserConfigfDeviceClientDrives, DeviceClientDrives),
    NUMBER_FIELD(WTSUserConfigfDeviceClientPrinters, DeviceClientPrinters),
    NUMBER_FIELD(WTSUserConfigfDeviceClientDefaultPrinter, ClientDefaultPrinter),
    NUMBER_FIELD(WTSUserConfigBrokenTimeoutSettings, BrokenTimeoutSettings),
    NUMBER_FIELD(WTSUserConfigReconnectSettings, ReconnectSettings),
    NUMBER_FIELD(WTSUserConfigShadowingSettings, ShadowingSettings),
    NUMBER_FIELD(WTSUserConfigfTerminalServerRemoteHomeDir, TerminalServerRemoteHomeDir),
};

typedef struct text_field {
    WTS_CONFIG_CLASS cls;
    size_t w_offset, a_offset;
    size_t chars; /* the field's size, NUL included, in both forms */
} text_field;

#define TEXT_FIELD(cls, member)                                                          \
    { cls, offsetof(WTSUSERCONFIGW, member), offsetof(WTSUSERCONFIGA, member),          \
      ARRAYSIZE(((WTSUSERCONFIGW *)0)->member) }
static const text_field texts[] = {
    TEXT_FIELD(WTSUserConfigInitialProgram, InitialProgram),
    TEXT_FIELD(WTSUserConfigWorkingDirectory, WorkDirectory),
    TEXT_FIELD(WTSUserConfigTerminalServerProfilePath, TerminalServerProfilePath),
    TEXT_FIELD(WTSUserConfigTerminalServerHomeDir, TerminalServerHomeDir),
    TEXT_FIELD(WTSUserConfigTerminalServerHomeDirDrive, TerminalServerHomeDirDrive),
};

/* ---- results ---- */

static DWORD number_result(DWORD n, void **out, DWORD *bytes)
{
    DWORD *p = out_alloc(sizeof(DWORD));
    if (!p)
        return ERROR_NOT_ENOUGH_MEMORY;
    *p = n;
    *out = p;
    *bytes = sizeof(DWORD);
    return ERROR_SUCCESS;
}

static void struct_numbers(const user_config_values *v, void *s)
{
    ((WTSUSERCONFIGW *)s)->Source = WTSUserConfigSourceSAM;
    for (size_t i = 0; i < ARRAYSIZE(numbers); i++)
        memcpy((BYTE *)s + numbers[i].offset, &v->number[numbers[i].cls], sizeof(DWORD));
}

DWORD user_config_layout_w(const user_config_values *v, WTS_CONFIG_CLASS cls, void **out, DWORD *bytes)
{
    switch (user_config_class(cls)->kind) {
    case USER_CONFIG_NUMBER:
        return number_result(v->number[cls], out, bytes);
    case USER_CONFIG_TEXT: {
        size_t size = (lstrlenW(v->text[cls]) + 1) * sizeof(WCHAR);
        WCHAR *s = out_alloc(size);
        if (!s)
            return ERROR_NOT_ENOUGH_MEMORY;
        memcpy(s, v->text[cls], size);
        *out = s;
        *bytes = (DWORD)size;
        return ERROR_SUCCESS;
    }
    case USER_CONFIG_STRUCT:
        break;
    }
    WTSUSERCONFIGW *s = out_alloc(sizeof(*s));
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    struct_numbers(v, s);
    for (size_t i = 0; i < ARRAYSIZE(texts); i++)
        lstrcpynW((WCHAR *)((BYTE *)s + texts[i].w_offset), v->text[texts[i].cls], (int)texts[i].chars);
    *out = s;
    *bytes = sizeof(*s);
    return ERROR_SUCCESS;
}

DWORD user_config_layout_a(const user_config_values *v, WTS_CONFIG_CLASS cls, void **out, DWORD *bytes)
{
    switch (user_config_class(cls)->kind) {
    case USER_CONFIG_NUMBER:
        return number_result(v->number[cls], out, bytes);
    case USER_CONFIG_TEXT: {
        size_t size = text_wide_to_ansi(v->text[cls], NULL, 0);
        char *s = out_alloc(size);
        if (!s)
            return ERROR_NOT_ENOUGH_MEMORY;
        *bytes = (DWORD)text_wide_to_ansi(v->text[cls], s, size);
        *out = s;
        return ERROR_SUCCESS;
    }
    case USER_CONFIG_STRUCT:
        break;
    }
    WTSUSERCONFIGA *s = out_alloc(sizeof(*s));
    if (!s)
        return ERROR_NOT_ENOUGH_MEMORY;
    struct_numbers(v, s);
    for (size_t i = 0; i < ARRAYSIZE(texts); i++)
        text_wide_to_ansi(v->text[texts[i].cls], (char *)s + texts[i].a_offset, texts[i].chars);
    *out = s;
    *bytes = sizeof(*s);
    return ERROR_SUCCESS;
}

/* ---- inputs ---- */

static DWORD set_number(WTS_CONFIG_CLASS cls, DWORD n, user_config_values *v)
{
    if (n > user_config_class(cls)->max_number)
        return ERROR_INVALID_PARAMETER;
    v->number[cls] = n;
    return ERROR_SUCCESS;
}

/* chars characters of src (no NUL needed) become the class's text. */
static DWORD set_text(WTS_CONFIG_CLASS cls, const WCHAR *src, size_t chars, user_config_values *v)
{
    if (chars > user_config_class(cls)->max_chars)
        return ERROR_INVALID_PARAMETER;
    memcpy(v->text[cls], src, chars * sizeof(WCHAR));
    v->text[cls][chars] = 0;
    return ERROR_SUCCESS;
}

/* ANSI bytes (no NUL needed) to the class's text, in the ANSI code page. */
static DWORD set_text_ansi(WTS_CONFIG_CLASS cls, const char *src, size_t bytes, user_config_values *v)
{
    WCHAR w[USER_CONFIG_TEXT_MAX + 1];
    int chars = 0;
    if (bytes) {
        chars = MultiByteToWideChar(CP_ACP, 0, src, (int)bytes, w, USER_CONFIG_TEXT_MAX);
        if (chars <= 0)
            return ERROR_INVALID_PARAMETER; /* longer than any class's text */
    }
    return set_text(cls, w, (size_t)chars, v);
}

/* The structure's numbers, except what only the server decides: Source, and
 * TerminalServerRemoteHomeDir, which follows from the drive. */
static DWORD struct_numbers_in(const void *s, user_config_values *v)
{
    for (size_t i = 0; i < ARRAYSIZE(numbers); i++) {
        if (!user_config_class(numbers[i].cls)->settable)
            continue;
        DWORD n;
        memcpy(&n, (const BYTE *)s + numbers[i].offset, sizeof(n));
        DWORD st = set_number(numbers[i].cls, n, v);
        if (st)
            return st;
    }
    return ERROR_SUCCESS;
}

DWORD user_config_parse_w(WTS_CONFIG_CLASS cls, const WCHAR *buf, DWORD length, user_config_values *v)
{
    user_config_defaults(v);
    switch (user_config_class(cls)->kind) {
    case USER_CONFIG_NUMBER: {
        DWORD n;
        if (length < sizeof(n) / sizeof(WCHAR))
            return ERROR_INVALID_PARAMETER;
        memcpy(&n, buf, sizeof(n));
        return set_number(cls, n, v);
    }
    case USER_CONFIG_TEXT:
        if (!length)
            return ERROR_INVALID_PARAMETER; /* not even room for the NUL */
        return set_text(cls, buf, wcsnlen(buf, length), v);
    case USER_CONFIG_STRUCT:
        break;
    }
    WTSUSERCONFIGW s;
    if (length < sizeof(s) / sizeof(WCHAR))
        return ERROR_INVALID_PARAMETER;
    memcpy(&s, buf, sizeof(s));
    DWORD st = struct_numbers_in(&s, v);
    for (size_t i = 0; i < ARRAYSIZE(texts) && !st; i++) {
        const WCHAR *field = (const WCHAR *)((const BYTE *)&s + texts[i].w_offset);
        size_t chars = wcsnlen(field, texts[i].chars);
        st = chars == texts[i].chars ? ERROR_INVALID_PARAMETER : set_text(texts[i].cls, field, chars, v);
    }
    user_config_derive(v);
    return st;
}

DWORD user_config_parse_a(WTS_CONFIG_CLASS cls, const char *buf, DWORD length, user_config_values *v)
{
    user_config_defaults(v);
    switch (user_config_class(cls)->kind) {
    case USER_CONFIG_NUMBER: {
        DWORD n;
        if (length < sizeof(n))
            return ERROR_INVALID_PARAMETER;
        memcpy(&n, buf, sizeof(n));
        return set_number(cls, n, v);
    }
    case USER_CONFIG_TEXT:
        if (!length)
            return ERROR_INVALID_PARAMETER;
        return set_text_ansi(cls, buf, strnlen(buf, length), v);
    case USER_CONFIG_STRUCT:
        break;
    }
    WTSUSERCONFIGA s;
    if (length < sizeof(s))
        return ERROR_INVALID_PARAMETER;
    memcpy(&s, buf, sizeof(s));
    DWORD st = struct_numbers_in(&s, v);
    for (size_t i = 0; i < ARRAYSIZE(texts) && !st; i++) {
        const char *field = (const char *)&s + texts[i].a_offset;
        size_t bytes = strnlen(field, texts[i].chars);
        st = bytes == texts[i].chars ? ERROR_INVALID_PARAMETER : set_text_ansi(texts[i].cls, field, bytes, v);
    }
    user_config_derive(v);
    return st;
}
