# Install rules and CPack (.deb) configuration for Throughline.
#
# Included at the very end of the top-level CMakeLists.txt, after every add_subdirectory(), so
# if(TARGET ...) sees all executables. Paths use PROJECT_SOURCE_DIR so this file works wherever it
# is included from. See packaging/README.md for how to build and check the package.

include(GNUInstallDirs)

set(_tl_app_id "io.github.throughline.Throughline")
set(_tl_pkg_dir "${PROJECT_SOURCE_DIR}/packaging")
set(_tl_icon_dir "${PROJECT_SOURCE_DIR}/resources/icons")

# --- executables ------------------------------------------------------------------------------
# The headless tools are always built; a missing one is a build-system bug that
# packaging/check-deb.sh also catches, but warn here instead of breaking the configure step.
foreach(_tl_exe IN ITEMS throughline-cli throughline-sim)
    if(TARGET ${_tl_exe})
        install(TARGETS ${_tl_exe} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    else()
        message(WARNING "Packaging: target '${_tl_exe}' does not exist; it will not be installed")
    endif()
endforeach()

# --- GUI and its desktop integration (only with THROUGHLINE_BUILD_GUI=ON) ----------------------
# The desktop entry, AppStream metadata, MIME type and icons all describe the `throughline` GUI,
# so a headless build installs none of them.
if(TARGET throughline)
    install(TARGETS throughline RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

    install(FILES "${_tl_pkg_dir}/${_tl_app_id}.desktop"
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/applications)
    install(FILES "${_tl_pkg_dir}/${_tl_app_id}.metainfo.xml"
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/metainfo)
    # shared-mime-info wants <name>.xml in share/mime/packages.
    install(FILES "${_tl_pkg_dir}/${_tl_app_id}.mime.xml"
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/mime/packages
            RENAME ${_tl_app_id}.xml)

    foreach(_tl_size IN ITEMS 48 128 256)
        install(FILES "${_tl_icon_dir}/hicolor/${_tl_size}x${_tl_size}/apps/${_tl_app_id}.png"
                DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/${_tl_size}x${_tl_size}/apps)
    endforeach()
    install(FILES "${_tl_icon_dir}/throughline.svg"
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/icons/hicolor/scalable/apps
            RENAME ${_tl_app_id}.svg)
endif()

# Debian expects the licence at /usr/share/doc/<package>/copyright.
if(EXISTS "${PROJECT_SOURCE_DIR}/LICENSE")
    install(FILES "${PROJECT_SOURCE_DIR}/LICENSE"
            DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/throughline
            RENAME copyright)
endif()

# --- CPack: Debian package -------------------------------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "throughline")
set(CPACK_PACKAGE_VENDOR "Throughline developers")
set(CPACK_PACKAGE_CONTACT "Throughline developers <dev@throughline.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VERSION_MAJOR "${PROJECT_VERSION_MAJOR}")
set(CPACK_PACKAGE_VERSION_MINOR "${PROJECT_VERSION_MINOR}")
set(CPACK_PACKAGE_VERSION_PATCH "${PROJECT_VERSION_PATCH}")
# First line of the Debian Description field (the synopsis).
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Throughline developers <dev@throughline.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# No CPACK_DEBIAN_PACKAGE_HOMEPAGE on purpose: there is no real homepage yet.

# Library dependencies (libqt6core6, libqt6network6, libqt6sql6, ...) come from dpkg-shlibdeps.
# It cannot see what Qt loads at run time as plugins, so those packages are named explicitly:
#   libqt6sql6-sqlite  the QSQLITE driver that opens *.tlproj project files (CLI and GUI)
#   qt6-qpa-plugins    the xcb/offscreen platform plugins the Widgets GUI needs to start
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(_tl_plugin_depends "libqt6sql6-sqlite")
if(TARGET throughline)
    string(APPEND _tl_plugin_depends ", qt6-qpa-plugins")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_tl_plugin_depends}")

# Extended description; CPack prepends CPACK_PACKAGE_DESCRIPTION_SUMMARY as the synopsis line and
# indents every line by one space, so lines written here with a leading space stay verbatim.
# Keep the final newline: CPack (3.25 at least) strips the leading whitespace of the last line otherwise.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"Throughline drives streaming load against OpenAI-compatible LLM model
servers and plots throughput-latency curves while a run is in progress.
Runs, their settings and every request sample are stored in a single
SQLite project file (*.tlproj).

The package contains:
 * throughline: the Qt Widgets workbench with live charts;
 * throughline-cli: a headless runner for scripts and CI whose options
   and output files follow EvalScope perf;
 * throughline-sim: a simulated model server for trying Throughline out
   without a GPU.
")

# Source package (`cmake --build <dir> --target package_source`): a plain tarball without build trees or local data.
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES
    "/\\\\.git/" "/\\\\.cache/" "/build/" "/outputs/" "\\\\.tlproj(-wal|-shm)?$" "/compile_commands\\\\.json$")

include(CPack)
