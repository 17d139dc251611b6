# The Windows side: wtsapi32.dll, its two import libraries, examples and
# the tests of the DLL as a program sees it.
# SPDX-License-Identifier: LGPL-2.1-or-later
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")
set(CMAKE_LIBRARY_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bin")
set(OPENWTS_LIB_DIR "${CMAKE_BINARY_DIR}/lib")
file(MAKE_DIRECTORY "${OPENWTS_LIB_DIR}")

if(CMAKE_SIZEOF_VOID_P EQUAL 4)
  set(OPENWTS_I686 ON)
  set(LLVM_MACHINE i386)
  set(KILL_AT -k)
  # The def keeps the stdcall sizes for i686.
  set(WTSAPI32_DEF "${CMAKE_SOURCE_DIR}/def/wtsapi32.def")
else()
  set(OPENWTS_I686 OFF)
  set(LLVM_MACHINE i386:x86-64)
  set(KILL_AT "")
  # x86_64 has no stdcall decoration: the same names without @N.
  set(WTSAPI32_DEF "${CMAKE_BINARY_DIR}/wtsapi32-x86_64.def")
  file(READ "${CMAKE_SOURCE_DIR}/def/wtsapi32.def" _def)
  string(REGEX REPLACE "@[0-9]+" "" _def "${_def}")
  file(GENERATE OUTPUT "${WTSAPI32_DEF}" CONTENT "${_def}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/def/wtsapi32.def")
endif()

add_library(wtsapi32 SHARED
  src/dll/dllmain.c
  src/dll/server_handle.c
  src/dll/server_call.c
  src/dll/caller_identity.c
  src/dll/transport_inproc.c
  src/dll/server_binding.c
  src/dll/transport_socket.c
  src/dll/socket_lookup.c
  src/dll/status.c
  src/dll/text.c
  src/dll/out_block.c
  src/dll/server.c
  src/dll/session.c
  src/dll/session_record.c
  src/dll/session_layout.c
  src/dll/query.c
  src/dll/query_layout.c
  src/dll/query_ansi.c
  src/dll/memory.c
  src/dll/processes.c
  src/dll/process_layout.c
  src/dll/messages.c
  src/dll/counted_text.c
  src/dll/tokens.c
  src/dll/user_config.c
  src/dll/system.c
  src/dll/notifications.c
  src/dll/notification_registry.c
  src/dll/notification_delivery.c
  src/dll/event_watcher.c
  src/dll/event_source_local.c
  src/dll/event_source.c
  src/dll/event_source_socket.c
  src/dll/system_events.c
  src/dll/window_calls.c
  src/dll/stubs.c
  src/dll/trace.c
  src/dll/child_sessions.c
  src/dll/caller_token.c
  src/dll/user_config_class.c
  src/dll/user_config_store.c
  src/dll/user_config_layout.c
  src/backends/local/local_backend.c
  src/backends/local/local_state.c
  src/backends/local/local_logoff.c
  src/backends/local/local_processes.c
  src/backends/local/local_machine_processes.c
  src/backends/local/local_session_windows.c
  src/backends/local/local_console_ctrl.c
  src/backends/local/local_message.c
  src/backends/local/local_events.c
  src/backends/local/local_event_sink.c
  src/backends/local/local_session_events.c
  "${WTSAPI32_DEF}")
target_include_directories(wtsapi32 PRIVATE include src/dll src/backends/local)
target_compile_definitions(wtsapi32 PRIVATE WIN32_LEAN_AND_MEAN _WIN32_WINNT=0x0601)
target_link_libraries(wtsapi32 PRIVATE openwts_core)
# NtQuerySystemInformation, the process list of the local backend.
target_link_libraries(wtsapi32 PRIVATE ntdll)
# The socket transport (transport_socket.c): Winsock, and BCrypt for the
# handshake's HMAC.
target_link_libraries(wtsapi32 PRIVATE ws2_32 bcrypt)
# Plain names on i686 (as Windows' DLL), no dependency on libgcc's DLL.
target_link_options(wtsapi32 PRIVATE -static-libgcc $<$<BOOL:${OPENWTS_I686}>:-Wl,--kill-at>)
set_target_properties(wtsapi32 PROPERTIES
  PREFIX "" OUTPUT_NAME wtsapi32
  # The linker's own import library is not shipped; ours come from the def.
  IMPORT_PREFIX "" IMPORT_SUFFIX ".linker-implib.a" ARCHIVE_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/obj")

# Import libraries made from the def file: GNU (libwtsapi32.dll.a) and
# MSVC short-import format (wtsapi32.lib, the Wtsapi32.lib replacement).
find_program(LLVM_DLLTOOL NAMES llvm-dlltool llvm-dlltool-14 REQUIRED)
set(IMPLIB_GNU "${OPENWTS_LIB_DIR}/libwtsapi32.dll.a")
set(IMPLIB_MSVC "${OPENWTS_LIB_DIR}/wtsapi32.lib")
add_custom_command(OUTPUT "${IMPLIB_GNU}"
  COMMAND ${CMAKE_DLLTOOL} ${KILL_AT} -d "${WTSAPI32_DEF}" -D wtsapi32.dll -l "${IMPLIB_GNU}"
  DEPENDS "${WTSAPI32_DEF}" COMMENT "dlltool: libwtsapi32.dll.a")
add_custom_command(OUTPUT "${IMPLIB_MSVC}"
  COMMAND ${LLVM_DLLTOOL} -m ${LLVM_MACHINE} ${KILL_AT} -d "${WTSAPI32_DEF}" -D wtsapi32.dll -l "${IMPLIB_MSVC}"
  DEPENDS "${WTSAPI32_DEF}" COMMENT "llvm-dlltool: wtsapi32.lib")
add_custom_target(wtsapi32_implibs ALL DEPENDS "${IMPLIB_GNU}" "${IMPLIB_MSVC}" wtsapi32)

add_library(openwts_implib_gnu INTERFACE)
target_include_directories(openwts_implib_gnu INTERFACE "${CMAKE_SOURCE_DIR}/include")
target_link_libraries(openwts_implib_gnu INTERFACE "${IMPLIB_GNU}")
add_dependencies(openwts_implib_gnu wtsapi32_implibs)
add_library(openwts::implib_gnu ALIAS openwts_implib_gnu)

add_library(openwts_implib_msvc INTERFACE)
target_include_directories(openwts_implib_msvc INTERFACE "${CMAKE_SOURCE_DIR}/include")
target_link_libraries(openwts_implib_msvc INTERFACE "${IMPLIB_MSVC}")
add_dependencies(openwts_implib_msvc wtsapi32_implibs)
add_library(openwts::implib_msvc ALIAS openwts_implib_msvc)

option(OPENWTS_WINE_TESTS "Run the Windows test programs under Wine" ON)
# ctest runs every Windows program under Wine in this build's own prefix.
set(OPENWTS_WINEPREFIX "${CMAKE_BINARY_DIR}/wineprefix")
set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_SOURCE_DIR}/scripts/wine-run.sh;${OPENWTS_WINEPREFIX}")

add_subdirectory(examples)
add_subdirectory(tests/wine)
add_subdirectory(tests/layout)
add_subdirectory(tests/conformance)
add_subdirectory(bench)
