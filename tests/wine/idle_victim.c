/* A program that does nothing for up to a minute: the logoff test checks
 * that logging off the session ends it. It writes its process id to the
 * file named by its argument once it runs, so the test knows when.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        FILE *f = fopen(argv[1], "w");
        if (f) {
            fprintf(f, "%lu\n", GetCurrentProcessId());
            fclose(f);
        }
    }
    Sleep(60000);
    return 0;
}
