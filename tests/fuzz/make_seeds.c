/* Writes the seed corpora: OUTDIR/<target>/<name> for every valid encoding
 * of fuzz_seeds.c. Run by the build into the build directory; run by hand
 * with --max-size to refresh the small committed seeds in corpus/.
 *   make_seeds OUTDIR [--max-size BYTES]
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "fuzz_seeds.h"

struct out {
    const char *dir;
    size_t max_size;
    int written, failed;
};

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    perror(path);
    return -1;
}

static void write_seed(const char *target, const char *name, const uint8_t *data, size_t len,
                       void *ctx)
{
    struct out *o = ctx;
    if (len > o->max_size)
        return;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", o->dir, target);
    if (make_dir(path) != 0) {
        o->failed++;
        return;
    }
    snprintf(path, sizeof(path), "%s/%s/%s", o->dir, target, name);
    FILE *f = fopen(path, "wb");
    if (!f || (len && fwrite(data, 1, len, f) != len) || fclose(f) != 0) {
        perror(path);
        o->failed++;
        return;
    }
    o->written++;
}

int main(int argc, char **argv)
{
    struct out o = { NULL, (size_t)-1, 0, 0 };
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max-size") == 0 && i + 1 < argc)
            o.max_size = strtoul(argv[++i], NULL, 0);
        else if (!o.dir)
            o.dir = argv[i];
        else
            o.dir = NULL, i = argc; /* too many arguments */
    }
    if (!o.dir) {
        fprintf(stderr, "usage: %s OUTDIR [--max-size BYTES]\n", argv[0]);
        return 2;
    }
    if (make_dir(o.dir) != 0)
        return 1;
    fuzz_seeds_each(write_seed, &o);
    if (o.failed)
        return 1;
    printf("make_seeds: %d seeds in %s\n", o.written, o.dir);
    return 0;
}
