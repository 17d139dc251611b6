/* A console program for the logoff test. Its control handler records each
 * event it gets and takes 2 s over CTRL_LOGOFF_EVENT before it returns
 * TRUE, after which the system ends the process (HandlerRoutine's page).
 *   logoff_console_victim.exe PID_FILE RECORD_FILE
 * Lines of RECORD_FILE:
 *   event N                          (N = the dwCtrlType, 5 = CTRL_LOGOFF_EVENT)
 *   event N handled                  (when the handler returns)
 *   not ended                        (a minute passed; it then exits)
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>

#include "logoff_victim_util.h"

#define LIFETIME_MS 60000
#define END_DELAY_MS 2000

static const char *record_file;

static BOOL WINAPI handler(DWORD event)
{
    record_line(record_file, "event %lu", event);
    if (event != CTRL_LOGOFF_EVENT)
        return FALSE; /* the default handler ends the process */
    Sleep(END_DELAY_MS);
    record_line(record_file, "event %lu handled", event);
    return TRUE;
}

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    record_file = argv[2];
    if (!SetConsoleCtrlHandler(handler, TRUE))
        return 1;
    write_pid_file(argv[1]);
    Sleep(LIFETIME_MS);
    record_line(record_file, "not ended");
    return 0;
}
