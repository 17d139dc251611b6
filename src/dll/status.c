/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

BOOL status_to_bool(DWORD status)
{
    SetLastError(status);
    return status == ERROR_SUCCESS;
}
