/* Names of the Win32 error numbers wtsd answers with, for wtsctl's
 * messages ("error 5 ERROR_ACCESS_DENIED").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSCTL_WIN32_ERRORS_H
#define WTSCTL_WIN32_ERRORS_H

#include <stdint.h>

/* The symbol of winerror.h, or NULL for a number not in the table. */
const char *win32_error_name(uint32_t code);

#endif
