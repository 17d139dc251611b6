/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "json_text.h"

#include <limits.h>

json_text_status json_text_parse(const char *text, size_t len, json_object **value,
                                 const char **reason, size_t *offset)
{
    *value = NULL;
    *reason = NULL;
    *offset = 0;
    if (len > INT_MAX) {
        *reason = "larger than json-c can read (2 GiB)";
        return JSON_TEXT_SYNTAX;
    }
    struct json_tokener *tok = json_tokener_new();
    if (!tok)
        return JSON_TEXT_NO_MEMORY;
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_object *root = json_tokener_parse_ex(tok, text, (int)len);
    enum json_tokener_error e = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    if (e == json_tokener_continue) {
        /* A bare literal ("null", "12") waits for what follows it: a NUL
         * ends the input. Anything still open is cut short. */
        root = json_tokener_parse_ex(tok, "", 1);
        e = json_tokener_get_error(tok);
        end = len;
        if (e == json_tokener_continue || (e != json_tokener_success && !root)) {
            json_object_put(root);
            json_tokener_free(tok);
            *reason = len ? "unexpected end of input" : "empty input";
            *offset = len;
            return JSON_TEXT_SYNTAX;
        }
    }
    if (e == json_tokener_success && end < len) {
        /* json-c stops at a NUL byte as if the text ended there. */
        json_object_put(root);
        root = NULL;
        e = json_tokener_error_parse_unexpected;
    }
    json_tokener_free(tok);
    if (e != json_tokener_success) {
        *reason = json_tokener_error_desc(e);
        *offset = end;
        return JSON_TEXT_SYNTAX;
    }
    *value = root;
    return JSON_TEXT_OK;
}

void json_text_position(const char *text, size_t len, size_t offset, size_t *line, size_t *column)
{
    *line = 1;
    *column = 1;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            ++*column; /* a UTF-8 continuation byte is not a character */
        }
    }
}
