/* What the programs of the logoff test share: each appends what happened
 * to it, one line at a time, to a file that logoff_test.sh reads after the
 * program is gone, and writes its process id to a file once it is ready.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#ifndef OPENWTS_LOGOFF_VICTIM_UTIL_H
#define OPENWTS_LOGOFF_VICTIM_UTIL_H

/* Appends one line to the file at `path` (opened and closed each time, so
 * the line is there even if the process is ended right after). */
void record_line(const char *path, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* Writes the process id, in decimal, to the file at `path`. */
void write_pid_file(const char *path);

#endif
