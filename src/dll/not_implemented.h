/* What an export that has not been implemented yet returns: its failure
 * value with ERROR_CALL_NOT_IMPLEMENTED, never a pretended success.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_NOT_IMPLEMENTED_H
#define OPENWTS_NOT_IMPLEMENTED_H

#include <windows.h>

static inline BOOL not_implemented(void)
{
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return FALSE;
}

static inline HANDLE not_implemented_handle(void)
{
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return NULL;
}

#endif
