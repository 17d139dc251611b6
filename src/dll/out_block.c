/* Output memory: every result is one LocalAlloc block (records first, then
 * the strings they point to), so one WTSFreeMemory releases it all.
 * SPDX-License-Identifier: LGPL-2.1-or-later */
#include "frontend.h"

void *out_alloc(size_t bytes)
{
    /* Zeroed, so padding and unused fields never leak heap contents. */
    return LocalAlloc(LPTR, bytes ? bytes : 1);
}

void out_free(void *p)
{
    if (p)
        LocalFree(p);
}

BOOL out_block_alloc(out_block *b, size_t fixed_bytes, size_t string_bytes)
{
    /* Strings start pointer-aligned after the records. */
    size_t fixed = (fixed_bytes + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    b->size = fixed + string_bytes;
    b->next = fixed;
    b->base = out_alloc(b->size);
    return b->base != NULL;
}

WCHAR *out_block_put_wide(out_block *b, const char *utf8, BOOL null_if_empty)
{
    if (!utf8 || (null_if_empty && !*utf8))
        return NULL;
    WCHAR *dst = (WCHAR *)(b->base + b->next);
    size_t chars = text_to_wide(utf8, dst, (b->size - b->next) / sizeof(WCHAR));
    b->next += chars * sizeof(WCHAR);
    return dst;
}

char *out_block_put_ansi(out_block *b, const WCHAR *wide)
{
    if (!wide)
        return NULL;
    char *dst = (char *)(b->base + b->next);
    b->next += text_wide_to_ansi(wide, dst, b->size - b->next);
    return dst;
}
