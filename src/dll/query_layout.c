/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "query_layout.h"

BOOL info_class_is_string(WTS_INFO_CLASS cls)
{
    switch (cls) {
    case WTSInitialProgram: case WTSApplicationName: case WTSWorkingDirectory: case WTSOEMId:
    case WTSUserName: case WTSWinStationName: case WTSDomainName: case WTSClientName:
    case WTSClientDirectory:
        return TRUE;
    default:
        return FALSE;
    }
}

static const char *string_of_class(const openwts_Session *s, WTS_INFO_CLASS cls)
{
    switch (cls) {
    case WTSInitialProgram:   return s->initial_program;
    case WTSApplicationName:  return s->application_name;
    case WTSWorkingDirectory: return s->working_directory;
    case WTSUserName:         return s->user;
    case WTSWinStationName:   return s->win_station;
    case WTSDomainName:       return s->domain;
    case WTSClientName:       return s->client_name;
    case WTSClientDirectory:  return s->client_directory;
    default:                  return ""; /* WTSOEMId: not used, empty */
    }
}

static LARGE_INTEGER large(int64_t v)
{
    LARGE_INTEGER li;
    li.QuadPart = v;
    return li;
}

/* The moment of the call, as Windows stamps CurrentTime. */
static LARGE_INTEGER now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    LARGE_INTEGER li;
    li.LowPart = ft.dwLowDateTime;
    li.HighPart = (LONG)ft.dwHighDateTime;
    return li;
}

/* Characters of `utf8` including its NUL when it is all ASCII, else 0.
 * Names mostly are, and widening them here, inline, spares the two calls
 * of MultiByteToWideChar (measure, convert) that cost a WTSUserName query
 * more than the rest of its road (README, "Speed"). */
static size_t ascii_chars(const char *utf8)
{
    size_t i = 0;
    for (; utf8[i]; i++)
        if ((unsigned char)utf8[i] >= 0x80)
            return 0;
    return i + 1;
}

static void widen_ascii(const char *ascii, WCHAR *dst, size_t chars)
{
    for (size_t i = 0; i < chars; i++)
        dst[i] = (unsigned char)ascii[i];
}

/* text_to_wide into a fixed field, ASCII inline. */
static void put_text(const char *utf8, WCHAR *dst, size_t dst_chars)
{
    size_t chars = ascii_chars(utf8);
    if (chars && chars <= dst_chars)
        widen_ascii(utf8, dst, chars);
    else
        text_to_wide(utf8, dst, dst_chars);
}

#define PUT_TEXT(field, utf8) put_text((utf8), (field), ARRAYSIZE(field))

static void fill_client(const openwts_Session *s, WTSCLIENTW *c)
{
    PUT_TEXT(c->ClientName, s->client_name);
    PUT_TEXT(c->Domain, s->domain);
    PUT_TEXT(c->UserName, s->user);
    PUT_TEXT(c->WorkDirectory, s->working_directory);
    PUT_TEXT(c->InitialProgram, s->initial_program);
    c->ClientAddressFamily = s->client_address_family;
    for (pb_size_t i = 0; i < s->client_address.size && i < ARRAYSIZE(c->ClientAddress); i++)
        c->ClientAddress[i] = s->client_address.bytes[i];
    c->HRes = (USHORT)s->client_hres;
    c->VRes = (USHORT)s->client_vres;
    c->ColorDepth = (USHORT)s->client_color_depth;
    PUT_TEXT(c->ClientDirectory, s->client_directory);
    c->ClientBuildNumber = s->client_build;
    c->ClientHardwareId = 0; /* reserved: always 0 (WTS_INFO_CLASS docs) */
    c->ClientProductId = (USHORT)s->client_product_id;
}

static void fill_info(const openwts_Session *s, WTSINFOW *i)
{
    i->State = (WTS_CONNECTSTATE_CLASS)s->state;
    i->SessionId = s->id;
    PUT_TEXT(i->WinStationName, s->win_station);
    PUT_TEXT(i->Domain, s->domain);
    PUT_TEXT(i->UserName, s->user);
    i->ConnectTime = large(s->connect_time);
    i->DisconnectTime = large(s->disconnect_time);
    i->LastInputTime = large(s->last_input_time);
    i->LogonTime = large(s->logon_time);
    i->CurrentTime = now();
}

static void fill_info_ex(const openwts_Session *s, WTSINFOEXW *x)
{
    WTSINFOEX_LEVEL1_W *l = &x->Data.WTSInfoExLevel1;
    x->Level = 1;
    l->SessionId = s->id;
    l->SessionState = (WTS_CONNECTSTATE_CLASS)s->state;
    l->SessionFlags = s->lock_state;
    PUT_TEXT(l->WinStationName, s->win_station);
    PUT_TEXT(l->UserName, s->user);
    PUT_TEXT(l->DomainName, s->domain);
    l->LogonTime = large(s->logon_time);
    l->ConnectTime = large(s->connect_time);
    l->DisconnectTime = large(s->disconnect_time);
    l->LastInputTime = large(s->last_input_time);
    l->CurrentTime = now();
}

static void fill_config(const openwts_Session *s, WTSCONFIGINFOW *c)
{
    c->version = 1;
    PUT_TEXT(c->LogonUserName, s->user);
    PUT_TEXT(c->LogonDomain, s->domain);
    PUT_TEXT(c->WorkDirectory, s->working_directory);
    PUT_TEXT(c->InitialProgram, s->initial_program);
    PUT_TEXT(c->ApplicationName, s->application_name);
}

/* Allocates the result and lets the caller fill it. */
static void *result(void **out, DWORD *bytes, size_t size)
{
    *out = out_alloc(size);
    *bytes = (DWORD)size;
    return *out;
}

DWORD query_layout_w(const openwts_Session *s, WTS_INFO_CLASS cls, void **out, DWORD *bytes)
{
    void *p;
    if (info_class_is_string(cls)) {
        const char *text = string_of_class(s, cls);
        size_t ascii = ascii_chars(text);
        size_t chars = ascii ? ascii : text_to_wide(text, NULL, 0);
        if (!(p = result(out, bytes, chars * sizeof(WCHAR))))
            return ERROR_NOT_ENOUGH_MEMORY;
        if (ascii)
            widen_ascii(text, p, chars);
        else
            text_to_wide(text, p, chars);
        return ERROR_SUCCESS;
    }
    switch (cls) {
    case WTSSessionId:
    case WTSClientBuildNumber:
    case WTSClientHardwareId:
        if (!(p = result(out, bytes, sizeof(ULONG))))
            return ERROR_NOT_ENOUGH_MEMORY;
        *(ULONG *)p = cls == WTSSessionId ? s->id : cls == WTSClientBuildNumber ? s->client_build : 0;
        return ERROR_SUCCESS;
    case WTSConnectState:
        if (!(p = result(out, bytes, sizeof(WTS_CONNECTSTATE_CLASS))))
            return ERROR_NOT_ENOUGH_MEMORY;
        *(WTS_CONNECTSTATE_CLASS *)p = (WTS_CONNECTSTATE_CLASS)s->state;
        return ERROR_SUCCESS;
    case WTSClientProductId:
    case WTSClientProtocolType:
        if (!(p = result(out, bytes, sizeof(USHORT))))
            return ERROR_NOT_ENOUGH_MEMORY;
        *(USHORT *)p = (USHORT)(cls == WTSClientProductId ? s->client_product_id : s->protocol_type);
        return ERROR_SUCCESS;
    case WTSClientAddress: {
        WTS_CLIENT_ADDRESS *a = result(out, bytes, sizeof(*a));
        if (!a)
            return ERROR_NOT_ENOUGH_MEMORY;
        a->AddressFamily = s->client_address_family;
        memcpy(a->Address, s->client_address.bytes, min(s->client_address.size, sizeof(a->Address)));
        return ERROR_SUCCESS;
    }
    case WTSClientDisplay: {
        WTS_CLIENT_DISPLAY *d = result(out, bytes, sizeof(*d));
        if (!d)
            return ERROR_NOT_ENOUGH_MEMORY;
        d->HorizontalResolution = s->client_hres;
        d->VerticalResolution = s->client_vres;
        d->ColorDepth = s->client_color_depth;
        return ERROR_SUCCESS;
    }
    case WTSClientInfo:
        if (!(p = result(out, bytes, sizeof(WTSCLIENTW))))
            return ERROR_NOT_ENOUGH_MEMORY;
        fill_client(s, p);
        return ERROR_SUCCESS;
    case WTSSessionInfo:
        if (!(p = result(out, bytes, sizeof(WTSINFOW))))
            return ERROR_NOT_ENOUGH_MEMORY;
        fill_info(s, p);
        return ERROR_SUCCESS;
    case WTSSessionInfoEx:
        if (!(p = result(out, bytes, sizeof(WTSINFOEXW))))
            return ERROR_NOT_ENOUGH_MEMORY;
        fill_info_ex(s, p);
        return ERROR_SUCCESS;
    case WTSConfigInfo:
        if (!(p = result(out, bytes, sizeof(WTSCONFIGINFOW))))
            return ERROR_NOT_ENOUGH_MEMORY;
        fill_config(s, p);
        return ERROR_SUCCESS;
    case WTSSessionAddressV4: {
        /* Only sessions with a virtual IP have one (WTS_INFO_CLASS docs). */
        if (s->session_address_family == 0)
            return ERROR_NOT_SUPPORTED;
        WTS_SESSION_ADDRESS *a = result(out, bytes, sizeof(*a));
        if (!a)
            return ERROR_NOT_ENOUGH_MEMORY;
        a->AddressFamily = s->session_address_family;
        memcpy(a->Address, s->session_address.bytes, min(s->session_address.size, sizeof(a->Address)));
        return ERROR_SUCCESS;
    }
    case WTSIsRemoteSession:
        /* One byte, a BOOLEAN: Windows' own callers reject any other size
         * (pywin32 PR #2152; Windows' IsSessionRemote checks for 1). */
        if (!(p = result(out, bytes, sizeof(BOOLEAN))))
            return ERROR_NOT_ENOUGH_MEMORY;
        *(BOOLEAN *)p = s->protocol_type != 0;
        return ERROR_SUCCESS;
    default:
        /* WTSIdleTime .. WTSOutgoingFrames and WTSValidationInfo: Windows
         * fails them with ERROR_NOT_SUPPORTED (WTS_INFO_CLASS docs). */
        return ERROR_NOT_SUPPORTED;
    }
}
