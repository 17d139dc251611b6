/* Another process for test_user_config: reads or writes one user
 * configuration class through our wtsapi32.dll, so the test sees whether
 * what one process set is what another reads.
 *   user_config_tool get CLASS USER        prints the value and a newline
 *   user_config_tool set CLASS USER VALUE  sets it
 * CLASS is the WTS_CONFIG_CLASS number; a number class's VALUE is decimal,
 * a text class's is the text (ASCII). Exit codes: 0 done, 1 the call
 * failed (the last error is printed), 2 usage error.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <windows.h>
#include <wtsapi32.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static BOOL is_text_class(WTS_CONFIG_CLASS cls)
{
    switch (cls) {
    case WTSUserConfigInitialProgram:
    case WTSUserConfigWorkingDirectory:
    case WTSUserConfigModemCallbackPhoneNumber:
    case WTSUserConfigTerminalServerProfilePath:
    case WTSUserConfigTerminalServerHomeDir:
    case WTSUserConfigTerminalServerHomeDirDrive:
        return TRUE;
    default:
        return FALSE;
    }
}

static int failed(const char *what)
{
    printf("%s failed: %lu\n", what, GetLastError());
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[1], "get") && strcmp(argv[1], "set")) ||
        (!strcmp(argv[1], "set") && argc < 5))
        return 2;
    WTS_CONFIG_CLASS cls = (WTS_CONFIG_CLASS)strtoul(argv[2], NULL, 10);
    char *user = argv[3];

    if (!strcmp(argv[1], "set")) {
        char *value = argv[4];
        DWORD n = strtoul(value, NULL, 10);
        BOOL ok = is_text_class(cls)
                      ? WTSSetUserConfigA(NULL, user, cls, value, (DWORD)strlen(value) + 1)
                      : WTSSetUserConfigA(NULL, user, cls, (LPSTR)&n, sizeof(n));
        return ok ? 0 : failed("WTSSetUserConfigA");
    }

    LPSTR buf = NULL;
    DWORD bytes = 0;
    if (!WTSQueryUserConfigA(NULL, user, cls, &buf, &bytes))
        return failed("WTSQueryUserConfigA");
    if (is_text_class(cls))
        printf("%s\n", buf);
    else
        printf("%lu\n", *(DWORD *)buf);
    WTSFreeMemory(buf);
    return 0;
}
