# Cross-compiling for Windows with Debian's mingw-w64.
# Pick the target with -DOPENWTS_MINGW_ARCH=x86_64 (default) or i686; the
# presets in CMakePresets.json do that for you.
# SPDX-License-Identifier: LGPL-2.1-or-later
set(CMAKE_SYSTEM_NAME Windows)
if(NOT OPENWTS_MINGW_ARCH)
  set(OPENWTS_MINGW_ARCH x86_64)
endif()
set(OPENWTS_MINGW_ARCH "${OPENWTS_MINGW_ARCH}" CACHE STRING "x86_64 or i686")
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES OPENWTS_MINGW_ARCH)
set(CMAKE_SYSTEM_PROCESSOR ${OPENWTS_MINGW_ARCH})
set(_triple ${OPENWTS_MINGW_ARCH}-w64-mingw32)
set(CMAKE_C_COMPILER ${_triple}-gcc)
set(CMAKE_CXX_COMPILER ${_triple}-g++)
set(CMAKE_RC_COMPILER ${_triple}-windres)
set(CMAKE_DLLTOOL ${_triple}-dlltool)
set(CMAKE_FIND_ROOT_PATH /usr/${_triple})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
