/* wtsd's config file: a JSON object whose members are the command line's
 * long options with '_' for '-' (docs/wtsd.md, "Config file"). Members it
 * does not know are refused, so that a typo is not silently ignored.
 * Relative paths in it are relative to the file's own directory.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef WTSD_CONFIG_FILE_H
#define WTSD_CONFIG_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "options.h"

/* Applies the text of config file `name` (len bytes, not NUL-terminated)
 * over *o; relative paths are joined to `base_dir` ("" leaves them as
 * they are). false with `err` set: "NAME:LINE:COLUMN: reason" for JSON
 * syntax, "NAME: MEMBER: reason" otherwise. *o may then hold some of the
 * file's settings (wtsd does not start). */
bool wtsd_config_parse(const char *name, const char *text, size_t len, const char *base_dir,
                       wtsd_options *o, char *err, size_t err_size);

/* Reads file `path` and applies it (at most 1 MiB). */
bool wtsd_config_load(const char *path, wtsd_options *o, char *err, size_t err_size);

#endif
