/* ISO-8601 UTC text <-> FILETIME units, without the C library's time zone
 * machinery (timegm is not C11 and gmtime has no 1601): civil dates are
 * counted in days with the proleptic Gregorian calendar, as FILETIME is.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "sim_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define TICKS_PER_SECOND 10000000ll
#define SECONDS_PER_DAY 86400ll
/* 1601-01-01 to 1970-01-01 in FILETIME units */
#define UNIX_EPOCH_TICKS 116444736000000000ll
#define YEAR_MIN 1601
#define YEAR_MAX 9999

static bool is_leap(int64_t y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int64_t y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days from 1970-01-01 to y-m-d (negative before), for any Gregorian date:
 * years start in March so that the leap day ends a year. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

/* Exactly `n` decimal digits. */
static bool digits(const char **p, int n, int64_t *out)
{
    int64_t v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return true;
}

static bool expect(const char **p, char c)
{
    if (**p != c)
        return false;
    (*p)++;
    return true;
}

bool sim_time_parse(const char *text, int64_t *out)
{
    const char *p = text;
    int64_t y, mo, d, h, mi, s;
    if (!digits(&p, 4, &y) || !expect(&p, '-') || !digits(&p, 2, &mo) || !expect(&p, '-')
        || !digits(&p, 2, &d) || !expect(&p, 'T') || !digits(&p, 2, &h) || !expect(&p, ':')
        || !digits(&p, 2, &mi) || !expect(&p, ':') || !digits(&p, 2, &s))
        return false;
    if (y < YEAR_MIN || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, (int)mo) || h > 23
        || mi > 59 || s > 59)
        return false;
    int64_t fraction = 0;
    if (*p == '.') {
        p++;
        int n = 0;
        while (*p >= '0' && *p <= '9') {
            if (++n > 7)
                return false; /* finer than FILETIME can hold */
            fraction = fraction * 10 + (*p++ - '0');
        }
        if (n == 0)
            return false;
        for (; n < 7; n++)
            fraction *= 10;
    }
    if (strcmp(p, "Z") != 0 && strcmp(p, "+00:00") != 0)
        return false;
    int64_t days = days_from_civil(y, (int)mo, (int)d);
    int64_t seconds = days * SECONDS_PER_DAY + h * 3600 + mi * 60 + s;
    *out = seconds * TICKS_PER_SECOND + fraction + UNIX_EPOCH_TICKS;
    return true;
}

bool sim_time_format(int64_t ft, char *buf, size_t cap)
{
    if (ft < 0 || cap < SIM_TIME_TEXT_MAX)
        return false;
    /* From 1601 on, so the division below never rounds a negative. */
    int64_t seconds = ft / TICKS_PER_SECOND, fraction = ft % TICKS_PER_SECOND;
    int64_t days = seconds / SECONDS_PER_DAY, rest = seconds % SECONDS_PER_DAY;
    int64_t y;
    int m, d;
    civil_from_days(days - UNIX_EPOCH_TICKS / TICKS_PER_SECOND / SECONDS_PER_DAY, &y, &m, &d);
    if (y > YEAR_MAX)
        return false;
    int n = snprintf(buf, cap, "%04lld-%02d-%02dT%02lld:%02lld:%02lld", (long long)y, m, d,
                     (long long)(rest / 3600), (long long)(rest / 60 % 60), (long long)(rest % 60));
    if (fraction) {
        char f[8];
        snprintf(f, sizeof(f), "%07lld", (long long)fraction);
        size_t k = 7;
        while (f[k - 1] == '0')
            k--; /* the shortest text: 10:00:00.5Z, not .5000000Z */
        f[k] = '\0';
        n += snprintf(buf + n, cap - (size_t)n, ".%s", f);
    }
    snprintf(buf + n, cap - (size_t)n, "Z");
    return true;
}

int64_t sim_time_now(void)
{
    struct timespec ts;
    if (timespec_get(&ts, TIME_UTC) != TIME_UTC)
        return 0;
    return (int64_t)ts.tv_sec * TICKS_PER_SECOND + ts.tv_nsec / 100 + UNIX_EPOCH_TICKS;
}
