/* Graphics remoting hints: WTSSetRenderHint, which returns an HRESULT.
 * Not implemented yet.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

HRESULT WINAPI WTSSetRenderHint(UINT64 *pRenderHintID, HWND hwndOwner, DWORD renderHintType,
                                DWORD cbHintDataLength, BYTE *pHintData)
{
    (void)pRenderHintID; (void)hwndOwner; (void)renderHintType; (void)cbHintDataLength; (void)pHintData;
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return E_NOTIMPL;
}
