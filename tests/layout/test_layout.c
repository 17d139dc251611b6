/* Our header's structure layouts and values equal the reference header's
 * (Wine's natively, mingw-w64's in the Windows builds), so what the DLL
 * writes is what programs built against either header read.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "layout_fields.h"

static void test_layouts_match_reference(void **state)
{
    (void)state;
    size_t n = 0, mismatches = 0;
    for (; layout_ours[n].what; n++) {
        assert_non_null(layout_ref[n].what);
        assert_string_equal(layout_ours[n].what, layout_ref[n].what);
        if (layout_ours[n].value != layout_ref[n].value) {
            printf("mismatch: %s: ours %zu, reference %zu\n", layout_ours[n].what,
                   layout_ours[n].value, layout_ref[n].value);
            mismatches++;
        }
    }
    assert_null(layout_ref[n].what);
    assert_true(n > 30);
    assert_int_equal(mismatches, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layouts_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
