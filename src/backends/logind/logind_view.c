/* Sessions as Windows shows them. Each rule says where it comes from; the
 * tables are in docs/logind-backend.md.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_view.h"

#include <stdio.h>
#include <string.h>

#include "openwts/backend.h"
#include "openwts/utf8.h"
#include "sim_address.h"

#define UNIX_EPOCH_FILETIME 116444736000000000ll /* 1970-01-01 in 100 ns since 1601 */
#define PRIMARY_SEAT "seat0"                     /* logind's default seat (org.freedesktop.login1(5)) */
#define LOGIND_NAME_ROOM 256                     /* room to build a WinStation name before the cut */

int64_t logind_filetime(uint64_t usec)
{
    if (usec == 0 || usec > (uint64_t)(INT64_MAX - UNIX_EPOCH_FILETIME) / 10)
        return 0;
    return (int64_t)usec * 10 + UNIX_EPOCH_FILETIME;
}

static bool is_greeter(const logind_props *p)
{
    return strcmp(p->session_class, "greeter") == 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool contains_ci(const char *s, const char *word)
{
    size_t n = strlen(word);
    for (; *s; s++) {
        size_t i = 0;
        while (i < n && s[i] && lower((unsigned char)s[i]) == word[i])
            i++;
        if (i == n)
            return true;
    }
    return false;
}

/* A session an RDP server made: xrdp's PAM service is "xrdp-sesman",
 * GNOME's "gnome-remote-desktop"; FreeRDP-based servers say "rdp" too. */
static bool is_rdp(const logind_props *p)
{
    return contains_ci(p->service, "rdp") || contains_ci(p->service, "gnome-remote-desktop");
}

bool logind_view_is_local_seat(const logind_props *p)
{
    return p->seat[0] && !p->remote && !is_rdp(p);
}

static uint32_t protocol(const logind_props *p)
{
    if (is_rdp(p))
        return LOGIND_PROTOCOL_RDP;
    return p->remote ? LOGIND_PROTOCOL_OTHER_REMOTE : LOGIND_PROTOCOL_CONSOLE;
}

/* State: logind's "active" is the session in front on its seat, or any
 * seatless session (ssh, xrdp) while it is open: Windows' WTSActive.
 * "online" (a seat session behind another) and "closing" (logged out,
 * programs left running) are alive but shown nowhere: WTSDisconnected. A
 * greeter (the login screen) in front is a display with nobody logged on:
 * WTSConnected. A State this logind version does not document goes by
 * Active. */
uint32_t logind_view_state(const logind_props *p)
{
    bool shown;
    if (strcmp(p->state, "active") == 0)
        shown = true;
    else if (strcmp(p->state, "online") == 0 || strcmp(p->state, "closing") == 0)
        shown = false;
    else
        shown = p->active;
    if (!shown)
        return OPENWTS_STATE_DISCONNECTED;
    return is_greeter(p) ? OPENWTS_STATE_CONNECTED : OPENWTS_STATE_ACTIVE;
}

bool logind_view_has_user(const logind_props *p)
{
    return !is_greeter(p) && p->name[0] != '\0';
}

/* WinStation names: Windows names none for a disconnected session (qwinsta
 * shows its SESSIONNAME empty); "Console" for what is in front on the
 * primary seat ("Console#seat1" on another seat); "RDP-Tcp#<id>" for an
 * RDP server's session; "<service>#<id>" for any other. */
static void win_station(const logind_props *p, uint32_t id, uint32_t state, char *out, size_t cap)
{
    char name[LOGIND_NAME_ROOM];
    if (state == OPENWTS_STATE_DISCONNECTED)
        name[0] = '\0';
    else if (is_rdp(p))
        snprintf(name, sizeof(name), "RDP-Tcp#%u", id);
    else if (logind_view_is_local_seat(p) && strcmp(p->seat, PRIMARY_SEAT) == 0)
        snprintf(name, sizeof(name), "%s", "Console");
    else if (logind_view_is_local_seat(p))
        snprintf(name, sizeof(name), "Console#%.200s", p->seat);
    else
        snprintf(name, sizeof(name), "%.200s#%u", p->service[0] ? p->service : "Session", id);
    /* Cut to the field at a character boundary, whatever the service's name. */
    openwts_utf8_copy(out, cap, name);
}

/* RemoteHost: an address literal fills WTS_CLIENT_ADDRESS (an IPv4 address
 * mapped into IPv6, as a dual-stack server may report it, as IPv4; a
 * scope such as "%eth0" is dropped); a host name leaves it AF_UNSPEC. */
static void client_address(const char *host, openwts_Session *out)
{
    char text[SIM_ADDRESS_TEXT_MAX + 1];
    size_t n = strcspn(host, "%");
    uint32_t family;
    uint8_t bytes[SIM_ADDRESS_BYTES];
    size_t size;
    if (!host[0] || n >= sizeof(text))
        return;
    memcpy(text, host, n);
    text[n] = '\0';
    if (!sim_address_parse(text, &family, bytes, &size))
        return;
    static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
    if (family == SIM_AF_INET6 && memcmp(bytes, mapped, sizeof(mapped)) == 0) {
        uint8_t v4[4];
        memcpy(v4, bytes + 12, 4);
        memset(bytes, 0, sizeof(bytes));
        memcpy(bytes + 2, v4, 4); /* WTS_CLIENT_ADDRESS: IPv4 two bytes in (sim_address.c) */
        family = SIM_AF_INET;
        size = 6;
    }
    out->client_address_family = family;
    memcpy(out->client_address.bytes, bytes, size);
    out->client_address.size = (pb_size_t)size;
}

void logind_view_session(const logind_host *host, const logind_ref *ref, const logind_props *p,
                         int64_t now, openwts_Session *out)
{
    memset(out, 0, sizeof(*out));
    out->id = ref->id;
    out->state = logind_view_state(p);
    win_station(p, ref->id, out->state, out->win_station, sizeof(out->win_station));
    if (logind_view_has_user(p)) {
        OPENWTS_SET_STRING(out->user, p->name);
        OPENWTS_SET_STRING(out->domain, host->domain);
    }
    OPENWTS_SET_STRING(out->host, host->name);
    out->logon_time = logind_filetime(p->timestamp_usec);
    out->connect_time = ref->connect_time ? ref->connect_time : out->logon_time;
    out->disconnect_time = ref->disconnect_time;
    /* logind's IdleSinceHint is when the session went idle: the last input.
     * A session not idle is in use now. */
    out->last_input_time = p->idle_hint ? logind_filetime(p->idle_since_usec) : now;
    out->protocol_type = protocol(p);
    out->lock_state = is_greeter(p) ? LOGIND_LOCK_UNKNOWN
                    : p->locked_hint ? LOGIND_LOCK_LOCKED : LOGIND_LOCK_UNLOCKED;
    OPENWTS_SET_STRING(out->client_name, p->remote_host);
    client_address(p->remote_host, out);
}

void logind_view_services(const logind_host *host, openwts_Session *out)
{
    memset(out, 0, sizeof(*out));
    out->id = LOGIND_SERVICES_SESSION;
    out->state = OPENWTS_STATE_DISCONNECTED;
    OPENWTS_SET_STRING(out->win_station, "Services");
    OPENWTS_SET_STRING(out->host, host->name);
    out->lock_state = LOGIND_LOCK_UNKNOWN;
}
