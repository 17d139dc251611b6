/* A results of WTSQuerySessionInformationA, converted from the W results
 * (CP_ACP), field by field for the structures that hold text.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "query_layout.h"

#define TO_ANSI(dst, src) text_wide_to_ansi((src), (dst), sizeof(dst))

static void client_to_a(const void *wv, void *av)
{
    const WTSCLIENTW *w = wv;
    WTSCLIENTA *a = av;
    TO_ANSI(a->ClientName, w->ClientName);
    TO_ANSI(a->Domain, w->Domain);
    TO_ANSI(a->UserName, w->UserName);
    TO_ANSI(a->WorkDirectory, w->WorkDirectory);
    TO_ANSI(a->InitialProgram, w->InitialProgram);
    a->EncryptionLevel = w->EncryptionLevel;
    a->ClientAddressFamily = w->ClientAddressFamily;
    memcpy(a->ClientAddress, w->ClientAddress, sizeof(a->ClientAddress));
    a->HRes = w->HRes;
    a->VRes = w->VRes;
    a->ColorDepth = w->ColorDepth;
    TO_ANSI(a->ClientDirectory, w->ClientDirectory);
    a->ClientBuildNumber = w->ClientBuildNumber;
    a->ClientHardwareId = w->ClientHardwareId;
    a->ClientProductId = w->ClientProductId;
    a->OutBufCountHost = w->OutBufCountHost;
    a->OutBufCountClient = w->OutBufCountClient;
    a->OutBufLength = w->OutBufLength;
    TO_ANSI(a->DeviceId, w->DeviceId);
}

static void info_to_a(const void *wv, void *av)
{
    const WTSINFOW *w = wv;
    WTSINFOA *a = av;
    a->State = w->State;
    a->SessionId = w->SessionId;
    a->IncomingBytes = w->IncomingBytes;
    a->OutgoingBytes = w->OutgoingBytes;
    a->IncomingFrames = w->IncomingFrames;
    a->OutgoingFrames = w->OutgoingFrames;
    a->IncomingCompressedBytes = w->IncomingCompressedBytes;
    a->OutgoingCompressedBy = w->OutgoingCompressedBytes;
    TO_ANSI(a->WinStationName, w->WinStationName);
    TO_ANSI(a->Domain, w->Domain);
    TO_ANSI(a->UserName, w->UserName);
    a->ConnectTime = w->ConnectTime;
    a->DisconnectTime = w->DisconnectTime;
    a->LastInputTime = w->LastInputTime;
    a->LogonTime = w->LogonTime;
    a->CurrentTime = w->CurrentTime;
}

static void info_ex_to_a(const void *wv, void *av)
{
    const WTSINFOEXW *w = wv;
    WTSINFOEXA *a = av;
    const WTSINFOEX_LEVEL1_W *lw = &w->Data.WTSInfoExLevel1;
    WTSINFOEX_LEVEL1_A *la = &a->Data.WTSInfoExLevel1;
    a->Level = w->Level;
    la->SessionId = lw->SessionId;
    la->SessionState = lw->SessionState;
    la->SessionFlags = lw->SessionFlags;
    TO_ANSI(la->WinStationName, lw->WinStationName);
    TO_ANSI(la->UserName, lw->UserName);
    TO_ANSI(la->DomainName, lw->DomainName);
    la->LogonTime = lw->LogonTime;
    la->ConnectTime = lw->ConnectTime;
    la->DisconnectTime = lw->DisconnectTime;
    la->LastInputTime = lw->LastInputTime;
    la->CurrentTime = lw->CurrentTime;
    la->IncomingBytes = lw->IncomingBytes;
    la->OutgoingBytes = lw->OutgoingBytes;
    la->IncomingFrames = lw->IncomingFrames;
    la->OutgoingFrames = lw->OutgoingFrames;
    la->IncomingCompressedBytes = lw->IncomingCompressedBytes;
    la->OutgoingCompressedBytes = lw->OutgoingCompressedBytes;
}

static void config_to_a(const void *wv, void *av)
{
    const WTSCONFIGINFOW *w = wv;
    WTSCONFIGINFOA *a = av;
    a->version = w->version;
    a->fConnectClientDrivesAtLogon = w->fConnectClientDrivesAtLogon;
    a->fConnectPrinterAtLogon = w->fConnectPrinterAtLogon;
    a->fDisablePrinterRedirection = w->fDisablePrinterRedirection;
    a->fDisableDefaultMainClientPrinter = w->fDisableDefaultMainClientPrinter;
    a->ShadowSettings = w->ShadowSettings;
    TO_ANSI(a->LogonUserName, w->LogonUserName);
    TO_ANSI(a->LogonDomain, w->LogonDomain);
    TO_ANSI(a->WorkDirectory, w->WorkDirectory);
    TO_ANSI(a->InitialProgram, w->InitialProgram);
    TO_ANSI(a->ApplicationName, w->ApplicationName);
}

/* The classes whose result is a structure holding text. */
static const struct {
    WTS_INFO_CLASS cls;
    size_t a_size;
    void (*to_a)(const void *w, void *a);
} text_structs[] = {
    { WTSClientInfo, sizeof(WTSCLIENTA), client_to_a },
    { WTSSessionInfo, sizeof(WTSINFOA), info_to_a },
    { WTSSessionInfoEx, sizeof(WTSINFOEXA), info_ex_to_a },
    { WTSConfigInfo, sizeof(WTSCONFIGINFOA), config_to_a },
};

DWORD query_result_w_to_a(WTS_INFO_CLASS cls, const void *w, DWORD w_bytes, void **out, DWORD *bytes)
{
    BOOL text = info_class_is_string(cls);
    size_t size = text ? text_wide_to_ansi(w, NULL, 0) : w_bytes; /* no text inside: the same bytes */
    void (*to_a)(const void *, void *) = NULL;
    for (size_t i = 0; i < ARRAYSIZE(text_structs); i++) {
        if (text_structs[i].cls == cls) {
            size = text_structs[i].a_size;
            to_a = text_structs[i].to_a;
        }
    }

    void *a = out_alloc(size);
    if (!a)
        return ERROR_NOT_ENOUGH_MEMORY;
    if (text)
        text_wide_to_ansi(w, a, size);
    else if (to_a)
        to_a(w, a);
    else
        memcpy(a, w, size);
    *out = a;
    *bytes = (DWORD)size;
    return ERROR_SUCCESS;
}
