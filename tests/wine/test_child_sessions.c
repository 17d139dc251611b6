/* Child sessions and WTSActiveSessionExists. Wine's builtin returns TRUE
 * from WTSEnableChildSessions, so ours must succeed too; the setting is
 * kept and read back (MicrosoftDocs sdk-api WTSEnableChildSessions,
 * WTSIsChildSessionsEnabled). No OpenWTS backend makes child sessions, so
 * WTSGetChildSessionId gives (ULONG)-1, the documented "none".
 * WTSActiveSessionExists (Windows build 26100) is TRUE exactly when an
 * enumeration shows an Active session.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdio.h>
#include <string.h>

#include "wine_test_util.h"

static BOOL enabled(void)
{
    BOOL on = (BOOL)0x5a5a;
    SetLastError(0xdeadbeef);
    assert_true(WTSIsChildSessionsEnabled(&on));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(on == TRUE || on == FALSE);
    return on;
}

static void enable_and_disable(void **state)
{
    (void)state;
    BOOL before = enabled();
    assert_true(WTSEnableChildSessions(TRUE));
    assert_true(enabled());
    assert_true(WTSEnableChildSessions(FALSE));
    assert_false(enabled());
    assert_true(WTSEnableChildSessions(before)); /* the prefix is shared */
    assert_int_equal(enabled(), before);
}

/* Another process reads the setting one process made: it is the machine's.
 * The other process is this program again, asked to print what it reads. */
#define CHILD_ARG "--print-child-sessions-enabled"

static void setting_seen_by_another_process(void **state)
{
    (void)state;
    BOOL before = enabled();
    char self[MAX_PATH], out[64];
    DWORD n = GetModuleFileNameA(NULL, self, sizeof(self));
    assert_true(n > 0 && n < sizeof(self));
    const char *name = strrchr(self, '\\') + 1;
    for (int on = 1; on >= 0; on--) {
        assert_true(WTSEnableChildSessions(on));
        assert_int_equal(run_program(name, CHILD_ARG, out, sizeof(out), 30000), 0);
        assert_string_equal(out, on ? "enabled 1\n" : "enabled 0\n");
    }
    assert_true(WTSEnableChildSessions(before));
}

static void no_child_session(void **state)
{
    (void)state;
    ULONG id = 0x5a5a5a5a;
    SetLastError(0xdeadbeef);
    assert_true(WTSGetChildSessionId(&id));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_int_equal(id, (ULONG)-1);
}

static void null_outputs(void **state)
{
    (void)state;
    assert_fails_with(WTSIsChildSessionsEnabled(NULL), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSGetChildSessionId(NULL), ERROR_INVALID_PARAMETER);
    assert_fails_with(WTSActiveSessionExists(NULL), ERROR_INVALID_PARAMETER);
}

static BOOL enumeration_shows_active(void)
{
    WTS_SESSION_INFOW *info;
    DWORD count;
    assert_true(WTSEnumerateSessionsW(WTS_CURRENT_SERVER_HANDLE, 0, 1, &info, &count));
    BOOL active = FALSE;
    for (DWORD i = 0; i < count; i++)
        active |= info[i].State == WTSActive;
    WTSFreeMemory(info);
    return active;
}

static void active_session_exists_follows_the_console(void **state)
{
    (void)state;
    BOOL exists = (BOOL)0x5a5a;
    SetLastError(0xdeadbeef);
    assert_true(WTSActiveSessionExists(&exists));
    assert_int_equal(GetLastError(), ERROR_SUCCESS);
    assert_true(exists);
    assert_true(enumeration_shows_active());

    /* the console is the only session that can be Active under local */
    DWORD console = own_session_id();
    assert_true(WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, console, TRUE));
    exists = (BOOL)0x5a5a;
    assert_true(WTSActiveSessionExists(&exists));
    assert_false(exists);
    assert_false(enumeration_shows_active());
    reconnect_session(console);
    assert_true(WTSActiveSessionExists(&exists));
    assert_true(exists);
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], CHILD_ARG) == 0) {
        BOOL on = FALSE;
        if (!WTSIsChildSessionsEnabled(&on))
            return 1;
        printf("enabled %d\n", on ? 1 : 0);
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(enable_and_disable),
        cmocka_unit_test(setting_seen_by_another_process),
        cmocka_unit_test(no_child_session),
        cmocka_unit_test(null_outputs),
        cmocka_unit_test_setup_teardown(active_session_exists_follows_the_console, console_active, console_active),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
