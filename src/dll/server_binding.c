/* Names to transports (server_binding.h), and the configuration behind
 * them, read once per process.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "server_binding.h"

#define NAME_MAX_CHARS 512 /* a configured name (environment, DefaultServer) */
#define REG_VIEW KEY_WOW64_64KEY

typedef struct server_alias {
    WCHAR name[256]; /* a registry key name has at most 255 characters */
    server_binding binding;
} server_alias;

typedef struct server_config {
    /* The names this machine answers to besides "." and loopback: NetBIOS,
     * DNS host name, fully qualified name (as the local backend takes them). */
    WCHAR machine[3][256];
    server_binding default_server;
    WCHAR default_name[NAME_MAX_CHARS]; /* as configured, "" when in-process */
    server_alias *aliases;
    size_t alias_count;
    const WCHAR **names; /* for WTSEnumerateServers */
    size_t name_count;
} server_config;

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static server_config config;

static BOOL same_name(const WCHAR *a, const WCHAR *b)
{
    /* Host names compare without regard to case, in any script. */
    return *b && CompareStringOrdinal(a, -1, b, -1, TRUE) == CSTR_EQUAL;
}

static const WCHAR *skip_backslashes(const WCHAR *name)
{
    while (*name == L'\\')
        name++;
    return name;
}

static BOOL is_this_machine(const WCHAR *name)
{
    static const WCHAR *const aliases[] = { L".", L"localhost", L"127.0.0.1", L"::1" };
    for (size_t i = 0; i < ARRAYSIZE(aliases); i++)
        if (same_name(name, aliases[i]))
            return TRUE;
    for (size_t i = 0; i < ARRAYSIZE(config.machine); i++)
        if (same_name(name, config.machine[i]))
            return TRUE;
    return FALSE;
}

/* "host", "host:port", "[v6]" or "[v6]:port"; a bare IPv6 address (two
 * colons or more) has no port. FALSE for anything else: an empty host, a
 * port that is not a number from 1 to 65535, a host too long. */
static BOOL split_address(const WCHAR *text, WCHAR *host, USHORT *port, BOOL *has_port)
{
    const WCHAR *end, *colon = NULL;
    *has_port = FALSE;
    *port = 0;
    if (*text == L'[') {
        text++;
        end = wcschr(text, L']');
        if (!end || (end[1] && end[1] != L':'))
            return FALSE;
        if (end[1] == L':')
            colon = end + 1;
    } else {
        colon = wcschr(text, L':');
        if (colon && wcschr(colon + 1, L':'))
            colon = NULL; /* an IPv6 address */
        end = colon ? colon : text + lstrlenW(text);
    }
    size_t len = (size_t)(end - text);
    if (len == 0 || len >= SERVER_HOST_MAX)
        return FALSE;
    memcpy(host, text, len * sizeof(WCHAR));
    host[len] = 0;
    if (colon) {
        const WCHAR *p = colon + 1;
        DWORD n = 0;
        if (!*p)
            return FALSE;
        for (; *p; p++) {
            if (*p < L'0' || *p > L'9' || n > 65535)
                return FALSE;
            n = n * 10 + (DWORD)(*p - L'0');
        }
        if (n == 0 || n > 65535)
            return FALSE;
        *port = (USHORT)n;
        *has_port = TRUE;
    }
    return TRUE;
}

/* A socket binding for an address text; ROUTE_NONE when it is not one. */
static void bind_address(const WCHAR *text, server_binding *out)
{
    BOOL has_port;
    memset(out, 0, sizeof(*out));
    if (!split_address(text, out->host, &out->port, &has_port)) {
        out->route = ROUTE_NONE;
        out->host[0] = 0;
        return;
    }
    out->route = ROUTE_SOCKET;
    if (!has_port)
        out->port = OPENWTS_DEFAULT_PORT;
}

static const server_alias *find_alias(const WCHAR *name)
{
    for (size_t i = 0; i < config.alias_count; i++)
        if (same_name(name, config.aliases[i].name))
            return &config.aliases[i];
    return NULL;
}

/* A name to its binding. `this_machine` is what this machine's names (and
 * "") stand for: the default server for WTSOpenServer, in-process when the
 * default server itself is being named. */
static void bind_name(const WCHAR *name, const server_binding *this_machine, server_binding *out)
{
    name = skip_backslashes(name ? name : L"");
    if (!*name || is_this_machine(name)) {
        *out = *this_machine;
        return;
    }
    WCHAR host[SERVER_HOST_MAX];
    USHORT port;
    BOOL has_port;
    if (split_address(name, host, &port, &has_port) && !has_port) {
        const server_alias *alias = find_alias(name);
        if (alias) {
            *out = alias->binding;
            return;
        }
    }
    bind_address(name, out);
}

/* A REG_SZ value into buf (chars), terminated; FALSE when absent, of
 * another type, empty or too long. */
static BOOL read_text(HKEY key, const WCHAR *value, WCHAR *buf, DWORD chars)
{
    DWORD type, bytes = (chars - 1) * sizeof(WCHAR);
    if (RegQueryValueExW(key, value, NULL, &type, (BYTE *)buf, &bytes) || type != REG_SZ)
        return FALSE;
    buf[bytes / sizeof(WCHAR)] = 0; /* a stored value need not be terminated */
    return buf[0] != 0;
}

static void read_alias(HKEY servers, server_alias *alias)
{
    HKEY k;
    alias->binding.route = ROUTE_NONE; /* an alias without a usable address */
    if (RegOpenKeyExW(servers, alias->name, 0, KEY_QUERY_VALUE | REG_VIEW, &k))
        return;
    WCHAR address[NAME_MAX_CHARS];
    if (read_text(k, OPENWTS_REG_ALIAS_ADDRESS, address, ARRAYSIZE(address)))
        bind_address(skip_backslashes(address), &alias->binding);
    /* A key that is not REG_BINARY, empty or too long is no key: the
     * server then refuses us (ERROR_ACCESS_DENIED) if it asks for one. */
    DWORD type, bytes = 0;
    BYTE *key;
    if (alias->binding.route == ROUTE_SOCKET &&
        !RegQueryValueExW(k, OPENWTS_REG_ALIAS_KEY, NULL, &type, NULL, &bytes) && type == REG_BINARY &&
        bytes && bytes <= SERVER_KEY_MAX && (key = HeapAlloc(GetProcessHeap(), 0, bytes))) {
        if (!RegQueryValueExW(k, OPENWTS_REG_ALIAS_KEY, NULL, &type, key, &bytes) && type == REG_BINARY &&
            bytes) {
            alias->binding.key = key;
            alias->binding.key_len = bytes;
        } else {
            SecureZeroMemory(key, bytes);
            HeapFree(GetProcessHeap(), 0, key);
        }
    }
    RegCloseKey(k);
}

static void read_aliases(void)
{
    HKEY servers;
    if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, OPENWTS_REG_SERVERS_KEY, 0, KEY_READ | REG_VIEW, &servers))
        return;
    DWORD subkeys = 0;
    if (!RegQueryInfoKeyW(servers, NULL, NULL, NULL, &subkeys, NULL, NULL, NULL, NULL, NULL, NULL, NULL) &&
        subkeys)
        config.aliases = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, subkeys * sizeof(server_alias));
    for (DWORD i = 0; config.aliases && i < subkeys; i++) {
        server_alias *alias = &config.aliases[config.alias_count];
        DWORD chars = ARRAYSIZE(alias->name);
        if (RegEnumKeyExW(servers, i, alias->name, &chars, NULL, NULL, NULL, NULL))
            break; /* removed meanwhile */
        read_alias(servers, alias);
        config.alias_count++;
    }
    RegCloseKey(servers);
}

/* OPENWTS_SERVER, else DefaultServer, into config.default_name. FALSE for
 * a value longer than any name, which names no server we could reach. An
 * empty OPENWTS_SERVER is no OPENWTS_SERVER. */
static BOOL read_default_name(void)
{
    WCHAR *name = config.default_name;
    DWORD n = GetEnvironmentVariableW(OPENWTS_SERVER_ENV, name, NAME_MAX_CHARS);
    if (n >= NAME_MAX_CHARS) {
        name[0] = 0;
        return FALSE;
    }
    if (n > 0)
        return TRUE;
    HKEY k;
    name[0] = 0;
    if (!RegOpenKeyExW(HKEY_LOCAL_MACHINE, OPENWTS_REG_KEY, 0, KEY_QUERY_VALUE | REG_VIEW, &k)) {
        if (!read_text(k, OPENWTS_REG_DEFAULT_SERVER, name, NAME_MAX_CHARS))
            name[0] = 0;
        RegCloseKey(k);
    }
    return TRUE;
}

static void list_names(void)
{
    size_t most = config.alias_count + 1;
    config.names = HeapAlloc(GetProcessHeap(), 0, most * sizeof(*config.names));
    if (!config.names)
        return;
    for (size_t i = 0; i < config.alias_count; i++)
        config.names[config.name_count++] = config.aliases[i].name;
    const WCHAR *name = skip_backslashes(config.default_name);
    if (config.default_server.route == ROUTE_SOCKET && !find_alias(name))
        config.names[config.name_count++] = name;
}

static BOOL CALLBACK config_init(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o; (void)param; (void)ctx;
    static const COMPUTER_NAME_FORMAT formats[] = {
        ComputerNameNetBIOS, ComputerNameDnsHostname, ComputerNameDnsFullyQualified,
    };
    for (size_t i = 0; i < ARRAYSIZE(formats); i++) {
        DWORD len = ARRAYSIZE(config.machine[i]);
        if (!GetComputerNameExW(formats[i], config.machine[i], &len))
            config.machine[i][0] = 0;
    }
    read_aliases();
    server_binding inproc = { .route = ROUTE_INPROC };
    if (read_default_name())
        bind_name(config.default_name, &inproc, &config.default_server);
    else
        config.default_server.route = ROUTE_NONE;
    if (config.default_server.route == ROUTE_INPROC)
        config.default_name[0] = 0;
    list_names();
    return TRUE;
}

static const server_config *config_get(void)
{
    InitOnceExecuteOnce(&once, config_init, NULL, NULL);
    return &config;
}

const server_binding *server_binding_default(void)
{
    return &config_get()->default_server;
}

void server_binding_for_name(const WCHAR *name, server_binding *out)
{
    bind_name(name, server_binding_default(), out);
}

size_t server_config_names(const WCHAR *const **names)
{
    const server_config *c = config_get();
    *names = c->names;
    return c->names ? c->name_count : 0;
}

void server_config_free(void)
{
    for (size_t i = 0; i < config.alias_count; i++) {
        server_binding *b = &config.aliases[i].binding;
        if (b->key) {
            SecureZeroMemory((void *)b->key, b->key_len);
            HeapFree(GetProcessHeap(), 0, (void *)b->key);
        }
    }
    if (config.aliases)
        HeapFree(GetProcessHeap(), 0, config.aliases);
    if (config.names)
        HeapFree(GetProcessHeap(), 0, (void *)config.names);
    memset(&config, 0, sizeof(config));
    InitOnceInitialize(&once);
}
