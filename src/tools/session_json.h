/* Sessions and processes as JSON, with the member names and spellings of
 * the sim's scenario files (docs/sim-scenarios.md), so that what
 * `wtsctl sessions --json` prints reads like a scenario's sessions.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSCTL_SESSION_JSON_H
#define WTSCTL_SESSION_JSON_H

#include <json-c/json.h>

#include "openwts.pb.h"

json_object *wtsctl_session_json(const openwts_Session *s);
json_object *wtsctl_process_json(const openwts_Process *p);

#endif
