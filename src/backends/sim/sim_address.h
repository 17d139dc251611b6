/* Network addresses as WTS_CLIENT_ADDRESS and WTS_SESSION_ADDRESS lay
 * them out, from and to their usual text.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_ADDRESS_H
#define OPENWTS_SIM_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Windows' address families (ws2def.h): AF_INET6 is 23 there, not Linux's 10. */
#define SIM_AF_UNSPEC 0u
#define SIM_AF_INET 2u
#define SIM_AF_INET6 23u

#define SIM_ADDRESS_BYTES 20   /* WTS_CLIENT_ADDRESS.Address */
#define SIM_ADDRESS_TEXT_MAX 46 /* INET6_ADDRSTRLEN */

/* "192.168.1.20" or "fe80::1": the family and the Address bytes (6 for
 * IPv4, 16 for IPv6). "" is AF_UNSPEC with no bytes. */
bool sim_address_parse(const char *text, uint32_t *family, uint8_t bytes[SIM_ADDRESS_BYTES],
                       size_t *size);
/* The text of an address in the canonical layout (what sim_address_parse
 * gives); false for any other family or layout. */
bool sim_address_format(uint32_t family, const uint8_t *bytes, size_t size, char *buf, size_t cap);
/* Brings an address given by a program (add_session) to the canonical
 * layout: IPv4 from the 6 or more bytes of WTS_CLIENT_ADDRESS, IPv6 from
 * 16 or more, AF_UNSPEC with none. false for other families or too few. */
bool sim_address_normalize(uint32_t family, uint8_t bytes[SIM_ADDRESS_BYTES], size_t *size);

#endif
