/* What a session must be for the sim to hold it and write it back: the
 * loader and add_session apply the same rules, so that whatever the
 * backend accepts, its state file reads back.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_CHECK_H
#define OPENWTS_SIM_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "openwts.pb.h"

/* NULL when `s` is acceptable; otherwise why not, and in *field the
 * scenario member at fault ("state", "client.color_depth"...). The
 * session's strings must end inside their fields and be UTF-8. */
const char *sim_check_session(const openwts_Session *s, const char **field);

/* Whether s[0..len) is well-formed UTF-8 (no overlong forms, surrogates
 * or code points past U+10FFFF). */
bool sim_utf8_valid(const char *s, size_t len);
/* A new copy of src with each ill-formed sequence replaced by U+FFFD;
 * NULL when memory runs out. */
char *sim_utf8_sanitize(const char *src);

#endif
