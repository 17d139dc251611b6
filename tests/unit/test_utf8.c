/* openwts_utf8_copy: bounded copies that never end inside a multi-byte
 * character, checked at every capacity around each boundary, and never
 * writing past the capacity.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <string.h>

#include "openwts/utf8.h"
#include "openwts.pb.h"

#define GUARD 16
#define FILL 0x5A

/* Is s[0..len) well-formed UTF-8 (no truncated or stray sequences)? */
static bool valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0 || i + n > len)
            return false;
        for (size_t k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        i += n;
    }
    return true;
}

/* The longest prefix of src, ending on a character boundary, that fits in
 * cap - 1 bytes: computed independently of the code under test by walking
 * characters forwards. */
static size_t expected_len(const char *src, size_t cap)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t len = strlen(src), best = 0, i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
        if (i + n > cap - 1)
            break;
        i += n;
        best = i;
    }
    return best;
}

/* Copies src with every capacity from 0 to strlen + 3 and checks each. */
static void check_all_capacities(const char *src)
{
    size_t len = strlen(src);
    assert_true(valid_utf8((const unsigned char *)src, len));
    for (size_t cap = 0; cap <= len + 3; cap++) {
        unsigned char buf[128 + GUARD];
        assert_true(cap + GUARD <= sizeof(buf));
        memset(buf, FILL, sizeof(buf));
        openwts_utf8_copy((char *)buf, cap, src);
        if (cap == 0) {
            for (size_t i = 0; i < sizeof(buf); i++)
                assert_int_equal(buf[i], FILL); /* nothing written at all */
            continue;
        }
        size_t want = expected_len(src, cap);
        size_t got = strnlen((const char *)buf, cap);
        if (got != want)
            print_error("src \"%s\" cap %zu: got %zu bytes, want %zu\n", src, cap, got, want);
        assert_int_equal(got, want);
        assert_true(got < cap);
        assert_memory_equal(buf, src, want);
        assert_int_equal(buf[want], '\0');
        assert_true(valid_utf8(buf, got));
        for (size_t i = cap; i < cap + GUARD; i++)
            assert_int_equal(buf[i], FILL); /* nothing written past cap */
    }
}

static void ascii(void **state)
{
    (void)state;
    check_all_capacities("");
    check_all_capacities("a");
    check_all_capacities("Console");
}

static void two_byte_sequences(void **state)
{
    (void)state;
    check_all_capacities("ab\xC3\xA9z");                      /* é */
    check_all_capacities("\xC3\xA9\xC3\xA9\xC3\xA9");         /* ééé */
    check_all_capacities("\xD0\x96\xD0\xB6x\xC2\x80");        /* Жжx U+0080 */
}

static void three_byte_sequences(void **state)
{
    (void)state;
    check_all_capacities("ab\xE2\x82\xACz");                        /* € */
    check_all_capacities("\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC");   /* €€€ */
    check_all_capacities("\xE6\x97\xA5\xE6\x9C\xAC" "a");           /* 日本a */
    check_all_capacities("\xEF\xBF\xBD\xE0\xA0\x80");               /* U+FFFD U+0800 */
}

static void four_byte_sequences(void **state)
{
    (void)state;
    check_all_capacities("ab\xF0\x9F\x98\x80z");                                /* 😀 */
    check_all_capacities("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80");   /* 😀😀😀 */
    check_all_capacities("\xF4\x8F\xBF\xBF" "a\xF0\x90\x80\x80");               /* U+10FFFF a U+10000 */
}

static void mixed_sequences(void **state)
{
    (void)state;
    check_all_capacities("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b");
    check_all_capacities("\xF0\x9F\x98\x80\xE2\x82\xAC\xC3\xA9z\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
}

/* Spot checks of the boundary by hand, so that the expectation above is not
 * the only oracle. */
static void boundary_by_hand(void **state)
{
    (void)state;
    char buf[8];
    openwts_utf8_copy(buf, 4, "ab\xE2\x82\xAC");   /* room for 3: "ab" + 1 of 3 bytes */
    assert_string_equal(buf, "ab");
    openwts_utf8_copy(buf, 5, "ab\xE2\x82\xAC");   /* room for 4: still not the whole € */
    assert_string_equal(buf, "ab");
    openwts_utf8_copy(buf, 6, "ab\xE2\x82\xAC");   /* room for 5: all of it */
    assert_string_equal(buf, "ab\xE2\x82\xAC");
    openwts_utf8_copy(buf, 4, "\xF0\x9F\x98\x80"); /* room for 3 of 4 bytes */
    assert_string_equal(buf, "");
    openwts_utf8_copy(buf, 5, "\xF0\x9F\x98\x80");
    assert_string_equal(buf, "\xF0\x9F\x98\x80");
    openwts_utf8_copy(buf, 2, "\xC3\xA9");
    assert_string_equal(buf, "");
    openwts_utf8_copy(buf, 3, "\xC3\xA9");
    assert_string_equal(buf, "\xC3\xA9");
}

static void capacity_zero_and_one(void **state)
{
    (void)state;
    char buf[4] = { 'x', 'y', 'z', 'w' };
    openwts_utf8_copy(buf, 0, "hello");
    assert_memory_equal(buf, "xyzw", 4);
    openwts_utf8_copy(buf, 1, "hello");
    assert_int_equal(buf[0], '\0');
    assert_memory_equal(buf + 1, "yzw", 3);
    memcpy(buf, "xyzw", 4);
    openwts_utf8_copy(buf, 1, "\xC3\xA9");
    assert_int_equal(buf[0], '\0');
    assert_memory_equal(buf + 1, "yzw", 3);
    memcpy(buf, "xyzw", 4);
    openwts_utf8_copy(buf, 1, "");
    assert_int_equal(buf[0], '\0');
}

static void null_source(void **state)
{
    (void)state;
    char buf[4] = { 'x', 'y', 'z', 'w' };
    openwts_utf8_copy(buf, 0, NULL);
    assert_memory_equal(buf, "xyzw", 4);
    openwts_utf8_copy(buf, 1, NULL);
    assert_int_equal(buf[0], '\0');
    memcpy(buf, "xyzw", 4);
    openwts_utf8_copy(buf, sizeof(buf), NULL);
    assert_int_equal(buf[0], '\0');
    assert_memory_equal(buf + 1, "yzw", 3);
}

/* OPENWTS_SET_STRING takes the capacity from the schema's array. */
static void set_string_uses_field_size(void **state)
{
    (void)state;
    openwts_Session s;
    memset(&s, FILL, sizeof(s));
    char src[200];
    size_t n = 0;
    for (int i = 0; i < 40; i++) { /* 80 bytes of é, client_name holds 63 */
        src[n++] = (char)0xC3;
        src[n++] = (char)0xA9;
    }
    src[n] = '\0';
    OPENWTS_SET_STRING(s.client_name, src);
    assert_int_equal(sizeof(s.client_name), 64);
    assert_int_equal(strlen(s.client_name), 62);
    assert_memory_equal(s.client_name, src, 62);
    assert_true(valid_utf8((const unsigned char *)s.client_name, 62));
    /* The next field is untouched. */
    assert_int_equal((unsigned char)s.client_directory[0], FILL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ascii),
        cmocka_unit_test(two_byte_sequences),
        cmocka_unit_test(three_byte_sequences),
        cmocka_unit_test(four_byte_sequences),
        cmocka_unit_test(mixed_sequences),
        cmocka_unit_test(boundary_by_hand),
        cmocka_unit_test(capacity_zero_and_one),
        cmocka_unit_test(null_source),
        cmocka_unit_test(set_string_uses_field_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
