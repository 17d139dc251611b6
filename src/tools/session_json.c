/* Sessions and processes as JSON (session_json.h). Every member is
 * written, unknown times and addresses as null, so that a script need not
 * know the defaults.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "session_json.h"

#include "sim_address.h"
#include "sim_names.h"
#include "sim_sid.h"
#include "sim_time.h"

static json_object *text(const char *s)
{
    return json_object_new_string(s);
}

static json_object *time_value(int64_t ft)
{
    char buf[SIM_TIME_TEXT_MAX];
    if (ft == 0)
        return NULL;
    if (sim_time_format(ft, buf, sizeof(buf)))
        return text(buf);
    return json_object_new_int64(ft);
}

static json_object *name_or_number(const char *name, int64_t value)
{
    return name ? text(name) : json_object_new_int64(value);
}

static json_object *address(uint32_t family, const uint8_t *bytes, size_t size)
{
    char buf[SIM_ADDRESS_TEXT_MAX];
    if (family == SIM_AF_UNSPEC)
        return NULL;
    return sim_address_format(family, bytes, size, buf, sizeof(buf)) ? text(buf) : NULL;
}

json_object *wtsctl_session_json(const openwts_Session *s)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "id", json_object_new_int64(s->id));
    json_object_object_add(o, "win_station", text(s->win_station));
    json_object_object_add(o, "user", text(s->user));
    json_object_object_add(o, "domain", text(s->domain));
    json_object_object_add(o, "host", text(s->host));
    json_object_object_add(o, "state", name_or_number(sim_state_name(s->state), s->state));
    json_object_object_add(o, "lock_state", name_or_number(sim_lock_name(s->lock_state), s->lock_state));
    json_object_object_add(o, "logon_time", time_value(s->logon_time));
    json_object_object_add(o, "connect_time", time_value(s->connect_time));
    json_object_object_add(o, "disconnect_time", time_value(s->disconnect_time));
    json_object_object_add(o, "last_input_time", time_value(s->last_input_time));

    json_object *c = json_object_new_object();
    json_object_object_add(c, "name", text(s->client_name));
    json_object_object_add(c, "directory", text(s->client_directory));
    json_object_object_add(c, "address", address(s->client_address_family, s->client_address.bytes,
                                                 s->client_address.size));
    json_object_object_add(c, "build", json_object_new_int64(s->client_build));
    json_object_object_add(c, "product_id", json_object_new_int64(s->client_product_id));
    json_object_object_add(c, "hardware_id", json_object_new_int64(s->client_hardware_id));
    json_object_object_add(c, "protocol",
                           name_or_number(sim_protocol_name(s->protocol_type), s->protocol_type));
    json_object_object_add(c, "hres", json_object_new_int64(s->client_hres));
    json_object_object_add(c, "vres", json_object_new_int64(s->client_vres));
    json_object_object_add(c, "color_depth", json_object_new_int64(s->client_color_depth));
    json_object_object_add(o, "client", c);

    json_object_object_add(o, "initial_program", text(s->initial_program));
    json_object_object_add(o, "working_directory", text(s->working_directory));
    json_object_object_add(o, "application_name", text(s->application_name));
    json_object_object_add(o, "session_address", address(s->session_address_family,
                                                          s->session_address.bytes,
                                                          s->session_address.size));
    return o;
}

json_object *wtsctl_process_json(const openwts_Process *p)
{
    json_object *o = json_object_new_object();
    char sid[SIM_SID_TEXT_MAX];
    json_object_object_add(o, "pid", json_object_new_int64(p->process_id));
    json_object_object_add(o, "session", json_object_new_int64(p->session_id));
    json_object_object_add(o, "name", text(p->name));
    json_object_object_add(o, "user_sid", p->user_sid.size
                                              && sim_sid_format(p->user_sid.bytes, p->user_sid.size,
                                                                sid, sizeof(sid))
                                              ? text(sid)
                                              : NULL);
    json_object_object_add(o, "threads", json_object_new_int64(p->thread_count));
    json_object_object_add(o, "handles", json_object_new_int64(p->handle_count));
    json_object_object_add(o, "pagefile_usage", json_object_new_int64((int64_t)p->pagefile_usage));
    json_object_object_add(o, "peak_pagefile_usage", json_object_new_int64((int64_t)p->peak_pagefile_usage));
    json_object_object_add(o, "working_set", json_object_new_int64((int64_t)p->working_set));
    json_object_object_add(o, "peak_working_set", json_object_new_int64((int64_t)p->peak_working_set));
    json_object_object_add(o, "user_time", json_object_new_int64(p->user_time));
    json_object_object_add(o, "kernel_time", json_object_new_int64(p->kernel_time));
    return o;
}
