/* A program that ends at once with the exit code given as its argument
 * (decimal), so a test can tell that a process it started really ran this
 * program with these arguments: test_tokens starts it with the token
 * WTSQueryUserToken gave.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <stdlib.h>

int main(int argc, char **argv)
{
    return argc > 1 ? (int)strtoul(argv[1], NULL, 10) : 255;
}
