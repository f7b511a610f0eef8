# Makes pgwidgets usable from another project: pgwidgets_add_widgets() for
# this build tree (add_subdirectory, FetchContent), and the rules that
# `cmake --install` follows to make the package find_package(pgwidgets
# CONFIG) reads. Included from the top-level CMakeLists.txt.
include(CMakePackageConfigHelpers)

set(PGW_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/pgwidgets")
set(PGW_INSTALL_SHAREDIR "${CMAKE_INSTALL_DATADIR}/pgwidgets")

# --- in this build tree ----------------------------------------------------------
# What pgwidgets_add_widgets() reads, here from the source tree; the
# installed package's pgwidgetsConfig.cmake sets the same from the prefix.
set(PGWIDGETS_CODEGEN_DIR "${PROJECT_SOURCE_DIR}/codegen" CACHE INTERNAL "")
set(PGWIDGETS_SCHEMA_DIR "${PROJECT_SOURCE_DIR}/schema" CACHE INTERNAL "")
set(PGWIDGETS_WEB_DIR "${PROJECT_SOURCE_DIR}/web" CACHE INTERNAL "")
set(PGWIDGETS_GENERATED_TS_DIR "${PROJECT_SOURCE_DIR}/generated/ts" CACHE INTERNAL "")
set(PGWIDGETS_EMBED_SCRIPT "${PROJECT_SOURCE_DIR}/cmake/embed_assets.py" CACHE INTERNAL "")
include("${PROJECT_SOURCE_DIR}/cmake/pgwidgetsAddWidgets.cmake")

# --- install ---------------------------------------------------------------------
install(TARGETS pgwidgets pgwidgets_pb pgwidgets_testing EXPORT pgwidgetsTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(EXPORT pgwidgetsTargets NAMESPACE pgwidgets:: DESTINATION "${PGW_INSTALL_CMAKEDIR}")

# Headers: the runtime's, the generated API, protoc's message headers.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/generated/cpp/pgwidgets" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
install(DIRECTORY "${PGW_PB_DIR}/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" FILES_MATCHING PATTERN "*.pb.h")

# What a user's widgets build with: the generator and its templates, the
# schema they import, the TypeScript runtime and the SDK's generated
# bindings (same relative layout as in the source tree: web/src imports
# ../../generated/ts), the bundler script, and the prebuilt SDK page.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/codegen/" DESTINATION "${PGW_INSTALL_SHAREDIR}/codegen"
        PATTERN "__pycache__" EXCLUDE PATTERN "tests" EXCLUDE)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/schema/" DESTINATION "${PGW_INSTALL_SHAREDIR}/schema")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/web/src" DESTINATION "${PGW_INSTALL_SHAREDIR}/web")
install(FILES "${PROJECT_SOURCE_DIR}/web/build.mjs" "${PROJECT_SOURCE_DIR}/web/tsconfig.json"
              "${PROJECT_SOURCE_DIR}/web/package.json" "${PROJECT_SOURCE_DIR}/web/package-lock.json"
        DESTINATION "${PGW_INSTALL_SHAREDIR}/web")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/generated/ts" DESTINATION "${PGW_INSTALL_SHAREDIR}/generated")
install(FILES "${PGW_WEB_OUT}/pgwidgets.js" "${PGW_WEB_OUT}/pgwidgets.css" DESTINATION "${PGW_INSTALL_SHAREDIR}/web/dist")
install(FILES "${PROJECT_SOURCE_DIR}/cmake/embed_assets.py" DESTINATION "${PGW_INSTALL_SHAREDIR}/cmake")
install(FILES "${PROJECT_SOURCE_DIR}/cmake/pgwidgetsAddWidgets.cmake" "${PROJECT_SOURCE_DIR}/cmake/FindCodegenPython.cmake"
        DESTINATION "${PGW_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/pgwidgetsConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/pgwidgetsConfig.cmake"
  INSTALL_DESTINATION "${PGW_INSTALL_CMAKEDIR}"
  PATH_VARS PGW_INSTALL_SHAREDIR)
write_basic_package_version_file("${PROJECT_BINARY_DIR}/pgwidgetsConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/pgwidgetsConfig.cmake" "${PROJECT_BINARY_DIR}/pgwidgetsConfigVersion.cmake"
        DESTINATION "${PGW_INSTALL_CMAKEDIR}")
