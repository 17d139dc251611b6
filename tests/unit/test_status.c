/* The Win32 codes of openwts/status.h and the connect states of
 * openwts/backend.h against Windows' own values, taken from Wine's headers
 * (winerror.h, and wtsapi32.h when it is there).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

/* winerror.h builds on its own; wtsapi32.h needs windef.h's DWORD etc. */
#ifdef OPENWTS_HAVE_WINE_WTSAPI32
#include <windef.h>
#include <wtsapi32.h>
#endif
#include <winerror.h>

#include "openwts/backend.h"
#include "openwts/status.h"

static void error_codes_match_winerror(void **state)
{
    (void)state;
    assert_int_equal(OPENWTS_OK, ERROR_SUCCESS);
    assert_int_equal(OPENWTS_OK, NO_ERROR);
    assert_int_equal(OPENWTS_ERROR_FILE_NOT_FOUND, ERROR_FILE_NOT_FOUND);
    assert_int_equal(OPENWTS_ERROR_ACCESS_DENIED, ERROR_ACCESS_DENIED);
    assert_int_equal(OPENWTS_ERROR_INVALID_HANDLE, ERROR_INVALID_HANDLE);
    assert_int_equal(OPENWTS_ERROR_NOT_ENOUGH_MEMORY, ERROR_NOT_ENOUGH_MEMORY);
    assert_int_equal(OPENWTS_ERROR_INVALID_DATA, ERROR_INVALID_DATA);
    assert_int_equal(OPENWTS_ERROR_NOT_SUPPORTED, ERROR_NOT_SUPPORTED);
    assert_int_equal(OPENWTS_ERROR_ALREADY_EXISTS, ERROR_ALREADY_EXISTS);
    assert_int_equal(OPENWTS_ERROR_NO_TOKEN, ERROR_NO_TOKEN);
    assert_int_equal(OPENWTS_ERROR_PRIVILEGE_NOT_HELD, ERROR_PRIVILEGE_NOT_HELD);
    assert_int_equal(OPENWTS_ERROR_NO_SUCH_USER, ERROR_NO_SUCH_USER);
    assert_int_equal(OPENWTS_ERROR_INVALID_PARAMETER, ERROR_INVALID_PARAMETER);
    assert_int_equal(OPENWTS_ERROR_CALL_NOT_IMPLEMENTED, ERROR_CALL_NOT_IMPLEMENTED);
    assert_int_equal(OPENWTS_ERROR_INSUFFICIENT_BUFFER, ERROR_INSUFFICIENT_BUFFER);
    assert_int_equal(OPENWTS_ERROR_LOGON_FAILURE, ERROR_LOGON_FAILURE);
    assert_int_equal(OPENWTS_RPC_S_SERVER_UNAVAILABLE, RPC_S_SERVER_UNAVAILABLE);
    assert_int_equal(OPENWTS_ERROR_INVALID_USER_BUFFER, ERROR_INVALID_USER_BUFFER);
    assert_int_equal(OPENWTS_ERROR_CTX_WINSTATION_NOT_FOUND, ERROR_CTX_WINSTATION_NOT_FOUND);
}

/* The status travels as a protobuf uint32 and is compared with DWORDs. */
static void status_type_is_32_bit_unsigned(void **state)
{
    (void)state;
    assert_int_equal(sizeof(openwts_status), 4);
    openwts_status st = (openwts_status)-1;
    assert_true(st > 0);
}

static void session_constants_match_windows(void **state)
{
    (void)state;
#ifdef OPENWTS_HAVE_WINE_WTSAPI32
    assert_int_equal(OPENWTS_CURRENT_SESSION, (uint32_t)WTS_CURRENT_SESSION);
    assert_int_equal(OPENWTS_ANY_SESSION, (uint32_t)WTS_ANY_SESSION);
#else
    /* Without Wine's wtsapi32.h: the documented values. */
    assert_int_equal(OPENWTS_CURRENT_SESSION, 0xFFFFFFFFu);
    assert_int_equal(OPENWTS_ANY_SESSION, 0xFFFFFFFEu);
#endif
}

static void connect_states_match_wtsapi32(void **state)
{
#ifdef OPENWTS_HAVE_WINE_WTSAPI32
    (void)state;
    assert_int_equal(OPENWTS_STATE_ACTIVE, WTSActive);
    assert_int_equal(OPENWTS_STATE_CONNECTED, WTSConnected);
    assert_int_equal(OPENWTS_STATE_CONNECT_QUERY, WTSConnectQuery);
    assert_int_equal(OPENWTS_STATE_SHADOW, WTSShadow);
    assert_int_equal(OPENWTS_STATE_DISCONNECTED, WTSDisconnected);
    assert_int_equal(OPENWTS_STATE_IDLE, WTSIdle);
    assert_int_equal(OPENWTS_STATE_LISTEN, WTSListen);
    assert_int_equal(OPENWTS_STATE_RESET, WTSReset);
    assert_int_equal(OPENWTS_STATE_DOWN, WTSDown);
    assert_int_equal(OPENWTS_STATE_INIT, WTSInit);
#else
    /* Wine's wtsapi32.h (with windef.h) is not installed: nothing to compare. */
    skip();
    (void)state;
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(error_codes_match_winerror),
        cmocka_unit_test(status_type_is_32_bit_unsigned),
        cmocka_unit_test(session_constants_match_windows),
        cmocka_unit_test(connect_states_match_wtsapi32),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
