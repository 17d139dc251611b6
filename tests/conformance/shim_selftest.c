/* The semantics of our wine/test.h (shim/), checked through its output by
 * ctest (CMakeLists.txt): todo_wine excuses nothing, broken() is FALSE,
 * win_skip() is a failure, skip() is counted, contexts and debugstr render
 * as Wine's, and the summary line counts it all.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "wine/test.h"

START_TEST(shim)
{
    ok(1, "passes\n");
    todo_wine ok(0, "a failure inside todo_wine\n");
    todo_wine_if(TRUE) { ok(2 + 2 == 4, "passes inside todo_wine_if\n"); }
    ok(broken(1), "broken(1) is FALSE\n");
    winetest_push_context("ctx %d", 7);
    ok(0, "%s %s %s\n", debugstr_w(L"a\"b\x263a"), wine_dbgstr_longlong(0x123456789ULL), debugstr_a(NULL));
    winetest_pop_context();
    skip("a skip\n");
    win_skip("an old Windows\n");
    trace("a trace\n");
}
