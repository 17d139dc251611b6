# The native (Linux) side: cmocka tests of the portable core, fuzz targets.
# SPDX-License-Identifier: LGPL-2.1-or-later
if(OPENWTS_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
add_subdirectory(tests/unit)
add_subdirectory(tests/fuzz)
add_subdirectory(tests/layout)
