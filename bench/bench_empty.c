/* bench_empty.dll: one exported function that does nothing, the cost of a
 * call into a DLL export through a pointer from GetProcAddress (wtsbench's
 * first baseline).
 * SPDX-License-Identifier: LGPL-2.1-or-later */
__declspec(dllexport) void bench_empty(void);

void bench_empty(void)
{
}
