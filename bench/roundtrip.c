/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "roundtrip.h"

static int(WSAAPI *real_send)(SOCKET, const char *, int, int);
static int(WSAAPI *real_recv)(SOCKET, char *, int, int);
static rtt_plan *recording;
static BOOL last_was_recv;

static int WSAAPI counting_send(SOCKET s, const char *buf, int len, int flags)
{
    int k = real_send(s, buf, len, flags);
    if (recording && k > 0) {
        if ((recording->count == 0 || last_was_recv) && recording->count < MAX_TRIPS)
            recording->count++;
        last_was_recv = FALSE;
        recording->out[recording->count - 1] += (DWORD)k;
    }
    return k;
}

static int WSAAPI counting_recv(SOCKET s, char *buf, int len, int flags)
{
    int k = real_recv(s, buf, len, flags);
    /* A MSG_PEEK of one byte is the DLL checking a kept connection. */
    if (recording && k > 0 && !(flags & MSG_PEEK) && recording->count > 0) {
        last_was_recv = TRUE;
        recording->back[recording->count - 1] += (DWORD)k;
    }
    return k;
}

BOOL wire_count_install(HMODULE dll)
{
    HMODULE ws = GetModuleHandleW(L"ws2_32.dll");
    if (!ws)
        return FALSE;
    real_send = (void *)GetProcAddress(ws, "send");
    real_recv = (void *)GetProcAddress(ws, "recv");
    BYTE *base = (BYTE *)dll;
    const IMAGE_NT_HEADERS *nt = (const void *)(base + ((const IMAGE_DOS_HEADER *)base)->e_lfanew);
    IMAGE_DATA_DIRECTORY dir = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    int patched = 0;
    for (IMAGE_IMPORT_DESCRIPTOR *imp = (void *)(base + dir.VirtualAddress); dir.VirtualAddress && imp->Name;
         imp++) {
        for (IMAGE_THUNK_DATA *t = (void *)(base + imp->FirstThunk); t->u1.Function; t++) {
            void **slot = (void **)&t->u1.Function, *with;
            if (*slot == (void *)real_send)
                with = (void *)counting_send;
            else if (*slot == (void *)real_recv)
                with = (void *)counting_recv;
            else
                continue;
            DWORD old;
            if (!VirtualProtect(slot, sizeof(*slot), PAGE_READWRITE, &old))
                return FALSE;
            *slot = with;
            VirtualProtect(slot, sizeof(*slot), old, &old);
            patched++;
        }
    }
    return patched >= 2;
}

void wire_record(call_fn call, const wts_api *api, rtt_plan *plan)
{
    plan->count = 0;
    memset(plan->out, 0, sizeof(plan->out));
    memset(plan->back, 0, sizeof(plan->back));
    last_was_recv = FALSE;
    recording = plan;
    call(api);
    recording = NULL;
}

/* The echo server's message header: the request's length and the answer's. */
#define ECHO_HEADER 8
#define RTT_BUFFER (16u << 20)
static char *rtt_buffer;

static void put32(char *p, DWORD v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (char)(v >> (8 * i));
}

static BOOL send_all(SOCKET s, const char *p, DWORD n)
{
    while (n) {
        int k = send(s, p, (int)n, 0);
        if (k <= 0)
            return FALSE;
        p += k;
        n -= (DWORD)k;
    }
    return TRUE;
}

static BOOL recv_all(SOCKET s, char *p, DWORD n)
{
    while (n) {
        int k = recv(s, p, (int)n, 0);
        if (k <= 0)
            return FALSE;
        p += k;
        n -= (DWORD)k;
    }
    return TRUE;
}

static SOCKET echo_connect(unsigned short port)
{
    static BOOL started;
    WSADATA wsa;
    if (!started && WSAStartup(MAKEWORD(2, 2), &wsa) != 0)
        return INVALID_SOCKET;
    started = TRUE;
    SOCKET s = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (s == INVALID_SOCKET)
        return s;
    if (connect(s, (struct sockaddr *)&a, sizeof(a)) != 0) {
        closesocket(s);
        return INVALID_SOCKET;
    }
    BOOL on = TRUE;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, (const char *)&on, sizeof(on));
    return s;
}

BOOL rtt_connect(rtt_plan *plan, unsigned short port)
{
    if (!rtt_buffer)
        rtt_buffer = VirtualAlloc(NULL, RTT_BUFFER, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    for (int i = 0; i < plan->count; i++)
        if (plan->out[i] > RTT_BUFFER || plan->back[i] > RTT_BUFFER)
            return FALSE;
    plan->s = echo_connect(port);
    return rtt_buffer && plan->s != INVALID_SOCKET;
}

/* A request shorter than the header is sent as the header alone. */
static DWORD out_bytes(const rtt_plan *plan, int i)
{
    return plan->out[i] < ECHO_HEADER ? ECHO_HEADER : plan->out[i];
}

void call_winsock_rtt(const wts_api *api)
{
    const rtt_plan *p = api->rtt;
    for (int i = 0; i < p->count; i++) {
        put32(rtt_buffer, out_bytes(p, i));
        put32(rtt_buffer + 4, p->back[i]);
        if (!send_all(p->s, rtt_buffer, out_bytes(p, i)) || !recv_all(p->s, rtt_buffer, p->back[i])) {
            fprintf(stderr, "wtsbench: the echo server's connection failed: error %d\n", WSAGetLastError());
            ExitProcess(1);
        }
    }
}

double rtt_native(const rtt_plan *plan, unsigned short port)
{
    SOCKET s = echo_connect(port);
    if (s == INVALID_SOCKET)
        return -1;
    char msg[ECHO_HEADER + MAX_TRIPS * 8];
    put32(msg, 0);
    put32(msg + 4, (DWORD)plan->count);
    for (int i = 0; i < plan->count; i++) {
        put32(msg + ECHO_HEADER + 8 * i, out_bytes(plan, i));
        put32(msg + ECHO_HEADER + 8 * i + 4, plan->back[i]);
    }
    double ns = -1;
    if (!send_all(s, msg, ECHO_HEADER + 8 * (DWORD)plan->count) || !recv_all(s, (char *)&ns, sizeof(ns)))
        ns = -1;
    closesocket(s);
    return ns;
}

void rtt_describe(const rtt_plan *plan, char *text, size_t size)
{
    size_t used = 0;
    text[0] = 0;
    for (int i = 0; i < plan->count && used < size; i++)
        used += (size_t)snprintf(text + used, size - used, "%s%lu B out, %lu B back", i ? "; then " : "",
                                 plan->out[i], plan->back[i]);
}
