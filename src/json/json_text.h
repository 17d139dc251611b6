/* A whole text as one strict JSON value (json-c), and where in the text a
 * syntax error is: what the sim's scenario reader and wtsd's config file
 * reader both need to refuse a bad file with its line and column.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_JSON_TEXT_H
#define OPENWTS_JSON_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <json-c/json.h>

typedef enum json_text_status {
    JSON_TEXT_OK = 0,
    JSON_TEXT_SYNTAX,       /* *reason and *offset say what and where */
    JSON_TEXT_NO_MEMORY,
} json_text_status;

/* Parses text[0..len) strictly (UTF-8 checked; a NUL byte inside, or
 * anything after the value, is an error). On JSON_TEXT_OK *value is the
 * value (NULL for a JSON null; the caller puts it). On JSON_TEXT_SYNTAX
 * *reason is json-c's description (static) and *offset the byte where
 * reading stopped. */
json_text_status json_text_parse(const char *text, size_t len, json_object **value,
                                 const char **reason, size_t *offset);

/* Line and column (both from 1; columns count characters, not bytes) of
 * byte `offset` of text[0..len). */
void json_text_position(const char *text, size_t len, size_t offset, size_t *line, size_t *column);

#endif
