/* logind's signals (org.freedesktop.login1(5)): SessionNew and
 * SessionRemoved on the Manager; PropertiesChanged of a session (Active,
 * State, LockedHint); a session's Lock and Unlock. Each handler brings the
 * session's entry up to date through logind_track, which reports what
 * changed; a signal about a change a call already reported reports
 * nothing. Handlers run inside openwts_logind_process.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>
#include <string.h>

#include "logind_backend.h"
#include "logind_bus.h"
#include "logind_sync.h"
#include "logind_track.h"

/* Reads the session at `ref`'s path again and reports what changed; gone
 * (the signal was its last word): reported gone. Another failure leaves
 * the entry as it was, for the next call to see. */
static void refresh(logind *l, logind_ref *ref)
{
    logind_props p;
    openwts_status st = logind_props_get(l->bus, ref->path, &p);
    if (st == OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND) {
        logind_track_vanished(l, ref);
        return;
    }
    if (st != OPENWTS_OK)
        return;
    logind_track_observe(l, ref, &p);
    logind_props_clear(&p);
}

static int on_session_new(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    (void)ret_error;
    logind *l = userdata;
    const char *name, *path;
    if (sd_bus_message_read(m, "so", &name, &path) < 0)
        return 0;
    bool created;
    logind_ref *ref = logind_ids_learn(&l->ids, name, path, &created);
    if (!ref)
        return 0;
    if (created)
        ref->fresh = true; /* announced by logind: born now */
    refresh(l, ref);
    return 0;
}

static int on_session_removed(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    (void)ret_error;
    logind *l = userdata;
    const char *name, *path;
    if (sd_bus_message_read(m, "so", &name, &path) < 0)
        return 0;
    logind_ref *ref = logind_ids_by_name(&l->ids, name);
    if (ref)
        logind_track_vanished(l, ref);
    return 0;
}

static bool matters(const char *property)
{
    return strcmp(property, "Active") == 0 || strcmp(property, "State") == 0
        || strcmp(property, "LockedHint") == 0;
}

/* Whether PropertiesChanged(s interface, a{sv} changed, as invalidated)
 * names a property the events come from. The values are not read: the
 * session is read again whole, so a property sent only as invalidated
 * counts the same. */
static bool names_a_property_that_matters(sd_bus_message *m)
{
    const char *name;
    bool found = false;
    if (sd_bus_message_skip(m, "s") < 0 || sd_bus_message_enter_container(m, 'a', "{sv}") < 0)
        return false;
    while (sd_bus_message_enter_container(m, 'e', "sv") > 0) {
        if (sd_bus_message_read(m, "s", &name) < 0 || sd_bus_message_skip(m, "v") < 0
            || sd_bus_message_exit_container(m) < 0)
            return found;
        found = found || matters(name);
    }
    if (sd_bus_message_exit_container(m) < 0 || sd_bus_message_enter_container(m, 'a', "s") < 0)
        return found;
    while (sd_bus_message_read(m, "s", &name) > 0)
        found = found || matters(name);
    return found;
}

static int on_properties_changed(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    (void)ret_error;
    logind *l = userdata;
    if (!names_a_property_that_matters(m))
        return 0;
    openwts_status st;
    logind_ref *ref = logind_ref_for_path(l, sd_bus_message_get_path(m), &st);
    if (ref)
        refresh(l, ref);
    return 0;
}

static int on_lock(sd_bus_message *m, void *userdata, sd_bus_error *ret_error)
{
    (void)ret_error;
    logind *l = userdata;
    const char *member = sd_bus_message_get_member(m);
    bool lock = member && strcmp(member, "Lock") == 0;
    if (!lock && !(member && strcmp(member, "Unlock") == 0))
        return 0; /* PauseDevice, ResumeDevice: not ours */
    openwts_status st;
    logind_ref *ref = logind_ref_for_path(l, sd_bus_message_get_path(m), &st);
    if (!ref)
        return 0;
    if (!ref->known)
        refresh(l, ref); /* first sight first, so that it does not overwrite this */
    if ((ref = logind_ids_by_path(&l->ids, sd_bus_message_get_path(m))))
        logind_track_lock(l, ref, lock);
    return 0;
}

#define SESSION_SIGNALS "type='signal',sender='" LOGIND_BUS_NAME "',path_namespace='" \
    LOGIND_SESSION_PATHS "',"

int logind_subscribe(logind *l)
{
    int r = sd_bus_match_signal(l->bus, &l->matches[0], LOGIND_BUS_NAME, LOGIND_MANAGER_PATH,
                                LOGIND_MANAGER_INTERFACE, "SessionNew", on_session_new, l);
    if (r >= 0)
        r = sd_bus_match_signal(l->bus, &l->matches[1], LOGIND_BUS_NAME, LOGIND_MANAGER_PATH,
                                LOGIND_MANAGER_INTERFACE, "SessionRemoved", on_session_removed, l);
    if (r >= 0)
        r = sd_bus_add_match(l->bus, &l->matches[2],
                             SESSION_SIGNALS "interface='org.freedesktop.DBus.Properties',"
                             "member='PropertiesChanged',arg0='" LOGIND_SESSION_INTERFACE "'",
                             on_properties_changed, l);
    if (r >= 0)
        r = sd_bus_add_match(l->bus, &l->matches[3],
                             SESSION_SIGNALS "interface='" LOGIND_SESSION_INTERFACE "'", on_lock, l);
    return r;
}
