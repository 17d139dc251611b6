/* The rules of a session, from Windows' types: WTS_CONNECTSTATE_CLASS has
 * ten values, WTS_SESSIONSTATE_* three, WTSClientProtocolType three;
 * WTSClientProductId and WTSCLIENT's resolutions are USHORTs;
 * WTS_CLIENT_DISPLAY.ColorDepth is one of seven codes (or 0 for none);
 * addresses are in the layout WTS_CLIENT_ADDRESS documents.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "openwts/backend.h"
#include "sim_address.h"
#include "sim_names.h"

#define USHORT_MAX 0xFFFFu

bool sim_utf8_valid(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        size_t n;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return false;
        }
        if (len - i - 1 < n)
            return false;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/* Length of the well-formed sequence at s (at most `left` bytes), 0 if
 * there is none. */
static size_t good_sequence(const char *s, size_t left)
{
    for (size_t n = 1; n <= 4 && n <= left; n++)
        if (sim_utf8_valid(s, n))
            return n;
    return 0;
}

char *sim_utf8_sanitize(const char *src)
{
    size_t len = strlen(src);
    char *out = malloc(len * 3 + 1); /* each bad byte may become 3 */
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = good_sequence(src + i, len - i);
        if (n) {
            memcpy(out + o, src + i, n);
            o += n;
            i += n;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    return out;
}

/* The field ends inside its array and is UTF-8. */
static bool text_ok(const char *field, size_t cap)
{
    const char *end = memchr(field, '\0', cap);
    return end && sim_utf8_valid(field, (size_t)(end - field));
}

static bool color_depth_ok(uint32_t depth)
{
    switch (depth) {
    case 0: case 1: case 2: case 4: case 8: case 16: case 24: case 32:
        return true;
    default:
        return false;
    }
}

#define TEXT(f, name)                                                  \
    do {                                                               \
        if (!text_ok(s->f, sizeof(s->f))) {                            \
            *field = name;                                             \
            return "not UTF-8 text that fits its field";               \
        }                                                              \
    } while (0)

const char *sim_check_session(const openwts_Session *s, const char **field)
{
    char text[SIM_ADDRESS_TEXT_MAX];
    *field = "id";
    if (s->id == OPENWTS_CURRENT_SESSION || s->id == OPENWTS_ANY_SESSION)
        return "0xFFFFFFFF and 0xFFFFFFFE are WTS_CURRENT_SESSION and WTS_ANY_SESSION, not ids";
    TEXT(win_station, "win_station");
    TEXT(user, "user");
    TEXT(domain, "domain");
    TEXT(client_name, "client.name");
    TEXT(client_directory, "client.directory");
    TEXT(initial_program, "initial_program");
    TEXT(working_directory, "working_directory");
    TEXT(application_name, "application_name");
    *field = "state";
    if (s->state > SIM_STATE_MAX)
        return "not a WTS_CONNECTSTATE_CLASS value (0 to 9)";
    *field = "lock_state";
    if (!sim_lock_name(s->lock_state))
        return "not a lock state (locked 0, unlocked 1, unknown -1)";
    *field = "client.protocol";
    if (!sim_protocol_name(s->protocol_type))
        return "not a protocol type (console 0, ica 1, rdp 2)";
    *field = "client.product_id";
    if (s->client_product_id > USHORT_MAX)
        return "more than 65535";
    *field = "client.hres";
    if (s->client_hres > USHORT_MAX)
        return "more than 65535";
    *field = "client.vres";
    if (s->client_vres > USHORT_MAX)
        return "more than 65535";
    *field = "client.color_depth";
    if (!color_depth_ok(s->client_color_depth))
        return "not a WTS_CLIENT_DISPLAY color depth (0, 1, 2, 4, 8, 16, 24 or 32)";
    *field = "client.address";
    if (!sim_address_format(s->client_address_family, s->client_address.bytes,
                            s->client_address.size, text, sizeof(text)))
        return "not an IPv4 or IPv6 address in WTS_CLIENT_ADDRESS layout";
    *field = "session_address";
    if (s->session_address_family == SIM_AF_INET6
        || !sim_address_format(s->session_address_family, s->session_address.bytes,
                               s->session_address.size, text, sizeof(text)))
        return "not an IPv4 address in WTS_SESSION_ADDRESS layout";
    *field = NULL;
    return NULL;
}
