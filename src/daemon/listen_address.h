/* A TCP listen address as written on the command line or in a config
 * file: "HOST:PORT", or "[IPV6]:PORT" for an IPv6 address; without ":PORT",
 * OpenWTS's port 7389, where the DLL looks for a wtsd named by its host
 * alone (src/dll/server_binding.h). HOST may be a name or a numeric
 * address; PORT is 0 to 65535 (0: the kernel picks).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_LISTEN_ADDRESS_H
#define WTSD_LISTEN_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WTSD_DEFAULT_PORT 7389

/* Splits text into host (NUL-terminated, without brackets) and port;
 * false for anything else (an empty host or port, a bracket unclosed, an
 * IPv6 address without brackets, a host longer than host_size - 1). */
bool wtsd_listen_address_split(const char *text, char *host, size_t host_size, uint16_t *port);

#endif
