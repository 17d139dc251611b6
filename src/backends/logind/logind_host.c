/* This machine's names. The domain of a local account on Windows is the
 * computer name, the host's NetBIOS name: its first label in capitals
 * (docs/logind-backend.md, "Names").
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "logind_host.h"

#include <string.h>
#include <unistd.h>

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool ascii_equal(const char *a, const char *b, size_t n_a)
{
    size_t n_b = strlen(b);
    if (n_a != n_b)
        return false;
    for (size_t i = 0; i < n_a; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return false;
    return true;
}

void logind_host_init(logind_host *h)
{
    memset(h, 0, sizeof(*h));
    if (gethostname(h->name, sizeof(h->name) - 1) != 0)
        h->name[0] = '\0';
    for (size_t i = 0; h->name[i] && h->name[i] != '.'; i++) {
        char c = h->name[i];
        h->domain[i] = c >= 'a' && c <= 'z' ? (char)(c - ('a' - 'A')) : c;
    }
}

bool logind_host_serves(const logind_host *h, const char *server)
{
    if (!server)
        return true;
    while (*server == '\\')
        server++;
    size_t n = strlen(server);
    return n == 0 || strcmp(server, ".") == 0 || ascii_equal(server, "localhost", n)
        || (h->name[0] && ascii_equal(server, h->name, n))
        || (h->domain[0] && ascii_equal(server, h->domain, n));
}
