/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "session_layout.h"

static size_t wide_bytes(const char *utf8, BOOL null_if_empty)
{
    if (null_if_empty && !*utf8)
        return 0;
    return text_to_wide(utf8, NULL, 0) * sizeof(WCHAR);
}

static size_t ansi_bytes(const WCHAR *w)
{
    return w ? text_wide_to_ansi(w, NULL, 0) : 0;
}

DWORD session_info_w_build(const openwts_EnumerateSessionsReply *r, WTS_SESSION_INFOW **out)
{
    size_t strings = 0;
    for (pb_size_t i = 0; i < r->sessions_count; i++)
        strings += wide_bytes(r->sessions[i].win_station, FALSE);
    out_block b;
    if (!out_block_alloc(&b, r->sessions_count * sizeof(WTS_SESSION_INFOW), strings))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_SESSION_INFOW *info = (WTS_SESSION_INFOW *)b.base;
    for (pb_size_t i = 0; i < r->sessions_count; i++) {
        const openwts_Session *s = &r->sessions[i];
        info[i].SessionId = s->id;
        info[i].State = (WTS_CONNECTSTATE_CLASS)s->state;
        info[i].pWinStationName = out_block_put_wide(&b, s->win_station, FALSE);
    }
    *out = info;
    return ERROR_SUCCESS;
}

/* Windows leaves pUserName and pDomainName NULL where no one is logged on
 * (session 0) and pFarmName NULL outside a farm. */
DWORD session_info_1_w_build(const openwts_EnumerateSessionsReply *r, WTS_SESSION_INFO_1W **out)
{
    size_t strings = 0;
    for (pb_size_t i = 0; i < r->sessions_count; i++) {
        const openwts_Session *s = &r->sessions[i];
        strings += wide_bytes(s->win_station, FALSE) + wide_bytes(s->host, TRUE) +
                   wide_bytes(s->user, TRUE) + wide_bytes(s->domain, TRUE);
    }
    out_block b;
    if (!out_block_alloc(&b, r->sessions_count * sizeof(WTS_SESSION_INFO_1W), strings))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_SESSION_INFO_1W *info = (WTS_SESSION_INFO_1W *)b.base;
    for (pb_size_t i = 0; i < r->sessions_count; i++) {
        const openwts_Session *s = &r->sessions[i];
        info[i].ExecEnvId = s->id;
        info[i].State = (WTS_CONNECTSTATE_CLASS)s->state;
        info[i].SessionId = s->id;
        info[i].pSessionName = out_block_put_wide(&b, s->win_station, FALSE);
        info[i].pHostName = out_block_put_wide(&b, s->host, TRUE);
        info[i].pUserName = out_block_put_wide(&b, s->user, TRUE);
        info[i].pDomainName = out_block_put_wide(&b, s->domain, TRUE);
        info[i].pFarmName = NULL;
    }
    *out = info;
    return ERROR_SUCCESS;
}

DWORD session_info_w_to_a(const WTS_SESSION_INFOW *w, DWORD count, WTS_SESSION_INFOA **out)
{
    size_t strings = 0;
    for (DWORD i = 0; i < count; i++)
        strings += ansi_bytes(w[i].pWinStationName);
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_SESSION_INFOA), strings))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_SESSION_INFOA *a = (WTS_SESSION_INFOA *)b.base;
    for (DWORD i = 0; i < count; i++) {
        a[i].SessionId = w[i].SessionId;
        a[i].State = w[i].State;
        a[i].pWinStationName = out_block_put_ansi(&b, w[i].pWinStationName);
    }
    *out = a;
    return ERROR_SUCCESS;
}

DWORD session_info_1_w_to_a(const WTS_SESSION_INFO_1W *w, DWORD count, WTS_SESSION_INFO_1A **out)
{
    size_t strings = 0;
    for (DWORD i = 0; i < count; i++)
        strings += ansi_bytes(w[i].pSessionName) + ansi_bytes(w[i].pHostName) +
                   ansi_bytes(w[i].pUserName) + ansi_bytes(w[i].pDomainName) +
                   ansi_bytes(w[i].pFarmName);
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_SESSION_INFO_1A), strings))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_SESSION_INFO_1A *a = (WTS_SESSION_INFO_1A *)b.base;
    for (DWORD i = 0; i < count; i++) {
        a[i].ExecEnvId = w[i].ExecEnvId;
        a[i].State = w[i].State;
        a[i].SessionId = w[i].SessionId;
        a[i].pSessionName = out_block_put_ansi(&b, w[i].pSessionName);
        a[i].pHostName = out_block_put_ansi(&b, w[i].pHostName);
        a[i].pUserName = out_block_put_ansi(&b, w[i].pUserName);
        a[i].pDomainName = out_block_put_ansi(&b, w[i].pDomainName);
        a[i].pFarmName = out_block_put_ansi(&b, w[i].pFarmName);
    }
    *out = a;
    return ERROR_SUCCESS;
}
