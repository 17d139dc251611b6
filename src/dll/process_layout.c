/* Process lists in one block (process_layout.h). The SIDs go right after
 * the records, where the block is pointer-aligned: every SID is a multiple
 * of 4 bytes long, so each one stays DWORD-aligned for its SubAuthority
 * array. The names follow them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "process_layout.h"

#define SID_HEADER_BYTES 8u /* Revision, SubAuthorityCount, IdentifierAuthority */

/* The bytes of a SID as a backend sent it, or 0 unless it is one: a
 * caller dereferences pUserSid, so a malformed one becomes NULL. */
static size_t reply_sid_bytes(const openwts_Process_user_sid_t *sid)
{
    if (sid->size < SID_HEADER_BYTES || sid->bytes[0] != SID_REVISION ||
        sid->bytes[1] > SID_MAX_SUB_AUTHORITIES)
        return 0;
    size_t n = SID_HEADER_BYTES + 4u * sid->bytes[1];
    return n == sid->size ? n : 0;
}

static size_t block_sid_bytes(PSID sid)
{
    return sid ? GetLengthSid(sid) : 0;
}

static PSID put_sid(out_block *b, const void *sid, size_t bytes)
{
    if (!bytes)
        return NULL;
    BYTE *dst = b->base + b->next;
    memcpy(dst, sid, bytes);
    b->next += bytes;
    return dst;
}

static size_t wide_bytes(const char *utf8)
{
    return text_to_wide(utf8, NULL, 0) * sizeof(WCHAR);
}

static size_t ansi_bytes(const WCHAR *w)
{
    return w ? text_wide_to_ansi(w, NULL, 0) : 0;
}

/* WTS_PROCESS_INFO_EX's sizes are DWORDs: a larger count shows as the
 * largest a DWORD holds, so a peak never reads below its current value. */
static DWORD saturate(uint64_t v)
{
    return v > MAXDWORD ? MAXDWORD : (DWORD)v;
}

static size_t reply_extra_bytes(const openwts_EnumerateProcessesReply *r)
{
    size_t bytes = 0;
    for (pb_size_t i = 0; i < r->processes_count; i++)
        bytes += reply_sid_bytes(&r->processes[i].user_sid) + wide_bytes(r->processes[i].name);
    return bytes;
}

DWORD process_info_w_build(const openwts_EnumerateProcessesReply *r, WTS_PROCESS_INFOW **out)
{
    out_block b;
    if (!out_block_alloc(&b, r->processes_count * sizeof(WTS_PROCESS_INFOW), reply_extra_bytes(r)))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_PROCESS_INFOW *info = (WTS_PROCESS_INFOW *)b.base;
    for (pb_size_t i = 0; i < r->processes_count; i++) {
        const openwts_Process *p = &r->processes[i];
        info[i].SessionId = p->session_id;
        info[i].ProcessId = p->process_id;
        info[i].pUserSid = put_sid(&b, p->user_sid.bytes, reply_sid_bytes(&p->user_sid));
    }
    for (pb_size_t i = 0; i < r->processes_count; i++)
        info[i].pProcessName = out_block_put_wide(&b, r->processes[i].name, FALSE);
    *out = info;
    return ERROR_SUCCESS;
}

DWORD process_info_ex_w_build(const openwts_EnumerateProcessesReply *r, WTS_PROCESS_INFO_EXW **out)
{
    out_block b;
    if (!out_block_alloc(&b, r->processes_count * sizeof(WTS_PROCESS_INFO_EXW), reply_extra_bytes(r)))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_PROCESS_INFO_EXW *info = (WTS_PROCESS_INFO_EXW *)b.base;
    for (pb_size_t i = 0; i < r->processes_count; i++) {
        const openwts_Process *p = &r->processes[i];
        info[i].SessionId = p->session_id;
        info[i].ProcessId = p->process_id;
        info[i].pUserSid = put_sid(&b, p->user_sid.bytes, reply_sid_bytes(&p->user_sid));
        info[i].NumberOfThreads = p->thread_count;
        info[i].HandleCount = p->handle_count;
        info[i].PagefileUsage = saturate(p->pagefile_usage);
        info[i].PeakPagefileUsage = saturate(p->peak_pagefile_usage);
        info[i].WorkingSetSize = saturate(p->working_set);
        info[i].PeakWorkingSetSize = saturate(p->peak_working_set);
        info[i].UserTime.QuadPart = p->user_time;
        info[i].KernelTime.QuadPart = p->kernel_time;
    }
    for (pb_size_t i = 0; i < r->processes_count; i++)
        info[i].pProcessName = out_block_put_wide(&b, r->processes[i].name, FALSE);
    *out = info;
    return ERROR_SUCCESS;
}

DWORD process_info_w_to_a(const WTS_PROCESS_INFOW *w, DWORD count, WTS_PROCESS_INFOA **out)
{
    size_t extra = 0;
    for (DWORD i = 0; i < count; i++)
        extra += block_sid_bytes(w[i].pUserSid) + ansi_bytes(w[i].pProcessName);
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_PROCESS_INFOA), extra))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_PROCESS_INFOA *a = (WTS_PROCESS_INFOA *)b.base;
    for (DWORD i = 0; i < count; i++) {
        a[i].SessionId = w[i].SessionId;
        a[i].ProcessId = w[i].ProcessId;
        a[i].pUserSid = put_sid(&b, w[i].pUserSid, block_sid_bytes(w[i].pUserSid));
    }
    for (DWORD i = 0; i < count; i++)
        a[i].pProcessName = out_block_put_ansi(&b, w[i].pProcessName);
    *out = a;
    return ERROR_SUCCESS;
}

DWORD process_info_ex_w_to_a(const WTS_PROCESS_INFO_EXW *w, DWORD count, WTS_PROCESS_INFO_EXA **out)
{
    size_t extra = 0;
    for (DWORD i = 0; i < count; i++)
        extra += block_sid_bytes(w[i].pUserSid) + ansi_bytes(w[i].pProcessName);
    out_block b;
    if (!out_block_alloc(&b, count * sizeof(WTS_PROCESS_INFO_EXA), extra))
        return ERROR_NOT_ENOUGH_MEMORY;
    WTS_PROCESS_INFO_EXA *a = (WTS_PROCESS_INFO_EXA *)b.base;
    for (DWORD i = 0; i < count; i++) {
        a[i].SessionId = w[i].SessionId;
        a[i].ProcessId = w[i].ProcessId;
        a[i].pUserSid = put_sid(&b, w[i].pUserSid, block_sid_bytes(w[i].pUserSid));
        a[i].NumberOfThreads = w[i].NumberOfThreads;
        a[i].HandleCount = w[i].HandleCount;
        a[i].PagefileUsage = w[i].PagefileUsage;
        a[i].PeakPagefileUsage = w[i].PeakPagefileUsage;
        a[i].WorkingSetSize = w[i].WorkingSetSize;
        a[i].PeakWorkingSetSize = w[i].PeakWorkingSetSize;
        a[i].UserTime = w[i].UserTime;
        a[i].KernelTime = w[i].KernelTime;
    }
    for (DWORD i = 0; i < count; i++)
        a[i].pProcessName = out_block_put_ansi(&b, w[i].pProcessName);
    *out = a;
    return ERROR_SUCCESS;
}
