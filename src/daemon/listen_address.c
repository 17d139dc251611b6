/* TCP listen addresses (listen_address.h).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "listen_address.h"

#include <string.h>

bool wtsd_listen_address_split(const char *text, char *host, size_t host_size, uint16_t *port)
{
    if (!text || !host || !host_size)
        return false;
    const char *h = text, *colon;
    size_t hlen;
    if (*text == '[') {
        const char *close = strchr(text, ']');
        if (!close || (close[1] != ':' && close[1] != '\0'))
            return false;
        h = text + 1;
        hlen = (size_t)(close - h);
        colon = close[1] ? close + 1 : NULL;
    } else {
        colon = strrchr(text, ':');
        if (colon && memchr(text, ':', (size_t)(colon - text)))
            return false; /* an IPv6 address without brackets */
        hlen = colon ? (size_t)(colon - text) : strlen(text);
    }
    if (hlen == 0 || hlen >= host_size)
        return false;
    if (!colon) {
        memcpy(host, h, hlen);
        host[hlen] = '\0';
        *port = WTSD_DEFAULT_PORT;
        return true;
    }
    const char *p = colon + 1;
    if (!*p || strlen(p) > 5)
        return false;
    unsigned long v = 0;
    for (; *p; p++) {
        if (*p < '0' || *p > '9')
            return false;
        v = v * 10 + (unsigned long)(*p - '0');
    }
    if (v > 65535)
        return false;
    memcpy(host, h, hlen);
    host[hlen] = '\0';
    *port = (uint16_t)v;
    return true;
}
