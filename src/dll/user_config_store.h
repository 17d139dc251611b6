/* Where WTSSetUserConfig keeps what it is given and WTSQueryUserConfig
 * finds it: this machine's registry, one key per account, so every process
 * of the Wine prefix sees what one of them set.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_USER_CONFIG_STORE_H
#define OPENWTS_USER_CONFIG_STORE_H

#include "user_config_class.h"

/* Every class's value for `user` on `server`: what was set, defaults for
 * the rest. A NULL user gives the defaults (the server's default user
 * settings). RPC_S_SERVER_UNAVAILABLE for a server that is not this
 * machine, ERROR_NO_SUCH_USER for an account this machine does not have. */
DWORD user_config_load(const WCHAR *server, const WCHAR *user, user_config_values *out);

/* Stores the value of class `cls` from v (for WTSUserConfigUser, every
 * class the WTSUSERCONFIG structure holds). Same errors as loading. */
DWORD user_config_save(const WCHAR *server, const WCHAR *user, WTS_CONFIG_CLASS cls,
                       const user_config_values *v);

#endif
