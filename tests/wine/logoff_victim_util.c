/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logoff_victim_util.h"

#include <windows.h>
#include <stdarg.h>
#include <stdio.h>

void record_line(const char *path, const char *format, ...)
{
    FILE *f = fopen(path, "a");
    if (!f)
        return;
    va_list ap;
    va_start(ap, format);
    vfprintf(f, format, ap);
    va_end(ap);
    fputc('\n', f);
    fclose(f);
}

void write_pid_file(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "%lu\n", GetCurrentProcessId());
    fclose(f);
}
