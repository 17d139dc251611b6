/* Reading a session's properties: one GetAll, a dictionary of variants.
 * Each property is taken only with the type logind's documentation gives
 * it; anything else is skipped, so a newer logind (or the test's mock)
 * with more properties, or other types, reads the same.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_props.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "logind_bus.h"
#include "logind_status.h"

enum kind { TEXT, SEAT, FLAG, U32, U64, USER };

struct field {
    const char *name;
    enum kind kind;
    size_t offset;
};

#define F(name, kind, member) { name, kind, offsetof(logind_props, member) }
static const struct field fields[] = {
    F("Id", TEXT, id),
    F("Name", TEXT, name),
    F("Seat", SEAT, seat),            /* (so): the seat's id */
    F("Class", TEXT, session_class),
    F("Type", TEXT, type),
    F("RemoteHost", TEXT, remote_host),
    F("RemoteUser", TEXT, remote_user),
    F("Service", TEXT, service),
    F("State", TEXT, state),
    F("Scope", TEXT, scope),
    F("User", USER, uid),             /* (uo): the uid */
    F("Leader", U32, leader),
    F("Remote", FLAG, remote),
    F("Active", FLAG, active),
    F("LockedHint", FLAG, locked_hint),
    F("IdleHint", FLAG, idle_hint),
    F("IdleSinceHint", U64, idle_since_usec),
    F("Timestamp", U64, timestamp_usec),
};
#undef F

static const char *const signature_of[] = { [TEXT] = "s", [SEAT] = "(so)", [FLAG] = "b",
                                            [U32] = "u", [U64] = "t", [USER] = "(uo)" };

static char **text_at(logind_props *p, size_t offset)
{
    return (char **)((char *)p + offset);
}

/* Reads the value of one entry (inside its variant). 1: read, 0: not of
 * the documented type (skipped), negative: a bus error. */
static int read_value(sd_bus_message *m, const struct field *f, logind_props *p)
{
    const char *contents = NULL;
    int r = sd_bus_message_peek_type(m, NULL, &contents);
    if (r < 0)
        return r;
    const char *want = signature_of[f->kind];
    if (!contents || strcmp(contents, want) != 0) {
        r = sd_bus_message_skip(m, "v");
        return r < 0 ? r : 0;
    }
    r = sd_bus_message_enter_container(m, 'v', contents);
    if (r < 0)
        return r;
    char *base = (char *)p + f->offset;
    const char *s = NULL, *path = NULL;
    int b = 0;
    uint32_t u = 0;
    uint64_t t = 0;
    switch (f->kind) {
    case TEXT: r = sd_bus_message_read(m, "s", &s); break;
    case SEAT: r = sd_bus_message_read(m, "(so)", &s, &path); break;
    case FLAG: r = sd_bus_message_read(m, "b", &b); if (r >= 0) *(bool *)base = b; break;
    case U32: r = sd_bus_message_read(m, "u", &u); if (r >= 0) *(uint32_t *)base = u; break;
    case U64: r = sd_bus_message_read(m, "t", &t); if (r >= 0) *(uint64_t *)base = t; break;
    case USER: r = sd_bus_message_read(m, "(uo)", &u, &path); if (r >= 0) *(uint32_t *)base = u; break;
    }
    if (r < 0)
        return r;
    if (s) {
        char *copy = strdup(s);
        if (!copy)
            return -ENOMEM;
        free(*text_at(p, f->offset));
        *text_at(p, f->offset) = copy;
    }
    r = sd_bus_message_exit_container(m);
    return r < 0 ? r : 1;
}

/* Every text "" rather than NULL, so that readers need no checks. */
static bool fill_texts(logind_props *p)
{
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        char **t = text_at(p, fields[i].offset);
        bool text = fields[i].kind == TEXT || fields[i].kind == SEAT;
        if (text && !*t && !(*t = strdup("")))
            return false;
    }
    return true;
}

openwts_status logind_props_get(sd_bus *bus, const char *path, logind_props *out)
{
    memset(out, 0, sizeof(*out));
    sd_bus_error error = SD_BUS_ERROR_NULL;
    sd_bus_message *reply = NULL;
    int r = sd_bus_call_method(bus, LOGIND_BUS_NAME, path, "org.freedesktop.DBus.Properties",
                               "GetAll", &error, &reply, "s", LOGIND_SESSION_INTERFACE);
    if (r < 0) {
        openwts_status st = logind_status(&error, r, LOGIND_ABOUT_SESSION);
        sd_bus_error_free(&error);
        return st;
    }
    openwts_status st = OPENWTS_OK;
    r = sd_bus_message_enter_container(reply, 'a', "{sv}");
    while (r >= 0 && (r = sd_bus_message_enter_container(reply, 'e', "sv")) > 0) {
        const char *name;
        if ((r = sd_bus_message_read(reply, "s", &name)) < 0)
            break;
        const struct field *f = NULL;
        for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
            if (strcmp(fields[i].name, name) == 0)
                f = &fields[i];
        r = f ? read_value(reply, f, out) : sd_bus_message_skip(reply, "v");
        if (r < 0 || (r = sd_bus_message_exit_container(reply)) < 0)
            break;
    }
    if (r >= 0)
        r = sd_bus_message_exit_container(reply);
    sd_bus_message_unref(reply);
    if (r < 0)
        st = r == -ENOMEM ? OPENWTS_ERROR_NOT_ENOUGH_MEMORY : LOGIND_STATUS_BAD_REPLY;
    else if (!fill_texts(out))
        st = OPENWTS_ERROR_NOT_ENOUGH_MEMORY;
    if (st)
        logind_props_clear(out);
    return st;
}

void logind_props_clear(logind_props *p)
{
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (fields[i].kind == TEXT || fields[i].kind == SEAT)
            free(*text_at(p, fields[i].offset));
    memset(p, 0, sizeof(*p));
}
