/* Where a server handle's calls go: the name a program gives WTSOpenServer
 * (or WTS_CURRENT_SERVER_HANDLE) bound to a transport, in-process for the
 * embedded `local` backend or a socket to a wtsd (README, "Pointing a
 * program at a wtsd").
 *
 * The configuration (OPENWTS_SERVER, the registry's DefaultServer and
 * Servers aliases) is read once per process, at the first open, call on
 * WTS_CURRENT_SERVER_HANDLE or WTSEnumerateServers: a registry read costs
 * tens of microseconds under Wine, too much for every call. A program sees
 * a change of it when it starts again.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SERVER_BINDING_H
#define OPENWTS_SERVER_BINDING_H

#include <windows.h>

/* The TCP port of a wtsd named without one ("host", or an alias whose
 * address has no port). Not assigned by IANA; RDP's 3389 plus 4000. A wtsd
 * that listens on TCP by default must use the same. */
#define OPENWTS_DEFAULT_PORT 7389

/* The environment variable naming the default server, and where the
 * registry holds it and the aliases (HKLM, the 64-bit view, so 32- and
 * 64-bit programs of a prefix read the same). */
#define OPENWTS_SERVER_ENV          L"OPENWTS_SERVER"
#define OPENWTS_REG_KEY             L"Software\\OpenWTS"
#define OPENWTS_REG_DEFAULT_SERVER  L"DefaultServer"   /* REG_SZ in OPENWTS_REG_KEY: a name */
#define OPENWTS_REG_SERVERS_KEY     L"Software\\OpenWTS\\Servers" /* one subkey per alias */
#define OPENWTS_REG_ALIAS_ADDRESS   L"Address"         /* REG_SZ "host:port" (or "host") */
#define OPENWTS_REG_ALIAS_KEY       L"Key"             /* REG_BINARY: the handshake key, optional */

#define SERVER_HOST_MAX 256  /* characters of a host name or address, NUL included */
#define SERVER_KEY_MAX  4096 /* bytes of a handshake key (as many as wtsd takes) */

typedef enum server_route {
    ROUTE_INPROC,  /* the embedded backend, in this process */
    ROUTE_SOCKET,  /* a wtsd at host:port */
    ROUTE_NONE,    /* a name that names no server we could reach (a bad port):
                      every call fails with RPC_S_SERVER_UNAVAILABLE */
} server_route;

typedef struct server_binding {
    server_route route;
    WCHAR host[SERVER_HOST_MAX]; /* ROUTE_SOCKET: name or address, no brackets */
    USHORT port;
    /* The handshake key of an alias: the configuration's own copy, which
     * lives until the DLL unloads (after every server), so a binding
     * refers to it and never owns it. NULL and 0: no key configured. */
    const BYTE *key;
    DWORD key_len;
} server_binding;

/* The binding of a name as WTSOpenServer takes it: NULL, "", ".",
 * "localhost", the loopback addresses and this computer's names (with or
 * without leading backslashes, any case) give the default server's;
 * "host:port" or "[v6]:port" a socket there; any other name an alias of
 * that name if one is configured, else a socket to it at
 * OPENWTS_DEFAULT_PORT. */
void server_binding_for_name(const WCHAR *name, server_binding *out);

/* The default server (WTS_CURRENT_SERVER_HANDLE): OPENWTS_SERVER if set,
 * else the registry's DefaultServer, else in-process. In those two, a name
 * of this machine means in-process. */
const server_binding *server_binding_default(void);

/* The configured servers, for WTSEnumerateServers: each alias by its name,
 * then the default server's name when it is a socket that no alias names.
 * Valid until the DLL unloads. */
size_t server_config_names(const WCHAR *const **names);

/* Wipes the keys and frees the configuration (DLL unload). */
void server_config_free(void);

#endif
