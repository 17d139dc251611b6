/* The Win32 errors wtsd and its backends answer with (values from
 * winerror.h, as include/openwts/status.h spells them, and the file
 * errors of the sim's state file, docs/sim-scenarios.md).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "win32_errors.h"

#include <stddef.h>

static const struct {
    uint32_t code;
    const char *name;
} names[] = {
    { 0, "ERROR_SUCCESS" },
    { 2, "ERROR_FILE_NOT_FOUND" },
    { 3, "ERROR_PATH_NOT_FOUND" },
    { 5, "ERROR_ACCESS_DENIED" },
    { 6, "ERROR_INVALID_HANDLE" },
    { 8, "ERROR_NOT_ENOUGH_MEMORY" },
    { 13, "ERROR_INVALID_DATA" },
    { 29, "ERROR_WRITE_FAULT" },
    { 50, "ERROR_NOT_SUPPORTED" },
    { 87, "ERROR_INVALID_PARAMETER" },
    { 112, "ERROR_DISK_FULL" },
    { 120, "ERROR_CALL_NOT_IMPLEMENTED" },
    { 122, "ERROR_INSUFFICIENT_BUFFER" },
    { 183, "ERROR_ALREADY_EXISTS" },
    { 1008, "ERROR_NO_TOKEN" },
    { 1314, "ERROR_PRIVILEGE_NOT_HELD" },
    { 1317, "ERROR_NO_SUCH_USER" },
    { 1326, "ERROR_LOGON_FAILURE" },
    { 1722, "RPC_S_SERVER_UNAVAILABLE" },
    { 1784, "ERROR_INVALID_USER_BUFFER" },
    { 7022, "ERROR_CTX_WINSTATION_NOT_FOUND" },
};

const char *win32_error_name(uint32_t code)
{
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (names[i].code == code)
            return names[i].name;
    return NULL;
}
