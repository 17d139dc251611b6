/* Tokens: WTSQueryUserToken. Not implemented yet (its own issue).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "not_implemented.h"

BOOL WINAPI WTSQueryUserToken(ULONG SessionId, PHANDLE phToken)
{
    (void)SessionId; (void)phToken;
    return not_implemented();
}
