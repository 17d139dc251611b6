/* DLL start-up: registers the embedded backend as the default. Nothing of
 * the server configuration or Winsock is touched here: both wait for the
 * first call that needs them.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"
#include "local_backend.h"
#include "notification_registry.h"
#include "transport.h"

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        DisableThreadLibraryCalls(instance);
        if (openwts_backend_register(local_backend()) != OPENWTS_OK)
            return FALSE;
        break;
    case DLL_PROCESS_DETACH:
        /* At process exit (reserved != NULL) the system reclaims it all. */
        if (!reserved) {
            server_handle_table_free(); /* closes every connection first */
            transport_socket_unload();
            reply_cache_free();
            notification_registry_free();
            local_backend_close();
        }
        break;
    }
    return TRUE;
}
