/* Times of the sim backend: FILETIME units (100 ns since 1601-01-01 UTC,
 * as the schema carries them) to and from ISO-8601 UTC text.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_SIM_TIME_H
#define OPENWTS_SIM_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* "YYYY-MM-DDTHH:MM:SS.fffffffZ" and its NUL */
#define SIM_TIME_TEXT_MAX 29

/* Reads "YYYY-MM-DDTHH:MM:SS[.f...]Z" (or "+00:00" for "Z"), years
 * 1601-9999, at most 7 fraction digits (FILETIME's resolution). */
bool sim_time_parse(const char *text, int64_t *out);
/* Writes the shortest such text that reads back to `ft`; false when `ft`
 * is before 1601 or after 9999 (the text form has no room for it). */
bool sim_time_format(int64_t ft, char *buf, size_t cap);
/* The current time in FILETIME units. */
int64_t sim_time_now(void);

#endif
