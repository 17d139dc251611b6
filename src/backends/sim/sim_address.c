/* Address layouts. IPv4 sits two bytes into Address, as Microsoft's page
 * on WTS_CLIENT_ADDRESS says today ("The IP address is offset by two bytes
 * from the start of the Address member ... 192.168.0.1 would be
 * represented as 0x00 0x00 0xC0 0xA8 0x00 0x01"; the older copy in
 * MicrosoftDocs/sdk-api still calls it a null-terminated string). IPv6 is
 * the 16 raw bytes from the start (same page). Text goes through
 * inet_pton/inet_ntop.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_address.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>

#define IPV4_OFFSET 2
#define IPV4_SIZE (IPV4_OFFSET + 4)
#define IPV6_SIZE 16

bool sim_address_parse(const char *text, uint32_t *family, uint8_t bytes[SIM_ADDRESS_BYTES],
                       size_t *size)
{
    uint8_t buf[SIM_ADDRESS_BYTES] = { 0 };
    if (*text == '\0') {
        *family = SIM_AF_UNSPEC;
        *size = 0;
    } else if (inet_pton(AF_INET, text, buf + IPV4_OFFSET) == 1) {
        *family = SIM_AF_INET;
        *size = IPV4_SIZE;
    } else if (inet_pton(AF_INET6, text, buf) == 1) {
        *family = SIM_AF_INET6;
        *size = IPV6_SIZE;
    } else {
        return false;
    }
    memcpy(bytes, buf, SIM_ADDRESS_BYTES);
    return true;
}

bool sim_address_format(uint32_t family, const uint8_t *bytes, size_t size, char *buf, size_t cap)
{
    if (family == SIM_AF_UNSPEC && size == 0) {
        if (cap)
            buf[0] = '\0';
        return cap > 0;
    }
    if (family == SIM_AF_INET && size == IPV4_SIZE && bytes[0] == 0 && bytes[1] == 0)
        return inet_ntop(AF_INET, bytes + IPV4_OFFSET, buf, (socklen_t)cap) != NULL;
    if (family == SIM_AF_INET6 && size == IPV6_SIZE)
        return inet_ntop(AF_INET6, bytes, buf, (socklen_t)cap) != NULL;
    return false;
}

bool sim_address_normalize(uint32_t family, uint8_t bytes[SIM_ADDRESS_BYTES], size_t *size)
{
    uint8_t buf[SIM_ADDRESS_BYTES] = { 0 };
    switch (family) {
    case SIM_AF_UNSPEC:
        *size = 0;
        break;
    case SIM_AF_INET:
        if (*size < IPV4_SIZE)
            return false;
        memcpy(buf + IPV4_OFFSET, bytes + IPV4_OFFSET, 4);
        *size = IPV4_SIZE;
        break;
    case SIM_AF_INET6:
        if (*size < IPV6_SIZE)
            return false;
        memcpy(buf, bytes, IPV6_SIZE);
        *size = IPV6_SIZE;
        break;
    default:
        return false;
    }
    memcpy(bytes, buf, SIM_ADDRESS_BYTES);
    return true;
}
