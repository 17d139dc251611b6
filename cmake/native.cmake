# The native (Linux) side: cmocka tests of the portable core, fuzz targets.
# SPDX-License-Identifier: LGPL-2.1-or-later
# ASan and UBSan (OPENWTS_SANITIZE) are switched on in the top-level list,
# before the core's targets exist.
add_subdirectory(tests/unit)
add_subdirectory(tests/fuzz)
add_subdirectory(tests/layout)
# The sim backend (src/backends/sim/) and its example scenarios.
add_subdirectory(src/backends/sim)
add_subdirectory(examples/scenarios)
# The logind backend (src/backends/logind/) and its tests on a mocked logind.
add_subdirectory(src/backends/logind)
add_subdirectory(tests/logind)
# The stand-in wtsd of the DLL's socket transport test (run by the mingw presets).
add_subdirectory(tests/transport)
# wtsd (src/daemon/) and wtsctl (src/tools/), and their tests (tests/daemon/).
add_subdirectory(src/daemon)
add_subdirectory(src/tools)
add_subdirectory(tests/daemon)
