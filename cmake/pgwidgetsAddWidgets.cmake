# pgwidgets_add_widgets(TARGET <target> SCHEMA <file.proto>... TS_SOURCES <file.ts>...
#                       [SCHEMA_ROOT <dir>] [TS_ENTRY <file.ts>])
#
# A project's own widget classes, like the SDK's: one proto package
# (SCHEMA, files named relative to SCHEMA_ROOT, default the current source
# dir; they import "pgwidgets/widgets/base.proto" and "pgwidgets/options.proto")
# and their TypeScript (TS_SOURCES). At build time, into the build tree:
#   - protoc's C++ messages and the generator's C++ proxies, compiled into
#     <target>; the handles are pgw:: classes that go into the SDK's
#     containers, created with pgw::<package>::Widgets;
#   - the page: the SDK's TypeScript runtime plus TS_SOURCES, type-checked by
#     tsc against the generated interfaces (a missing class or method fails
#     the build, naming it), bundled by esbuild and embedded in <target>,
#     whose Application then serves it instead of the SDK's page.
# TS_ENTRY (default: the first of TS_SOURCES) must export
#   makeFactories(env: WidgetEnv): WidgetFactories
# with WidgetFactories from "@pgwidgets/generated/widgets.js". The TypeScript
# imports the runtime as "@pgwidgets/core/..." (web/src) and the generated
# bindings as "@pgwidgets/generated/..." (this package) and
# "@pgwidgets/sdk/..." (the SDK's).
#
# PGWIDGETS_NODE_MODULES (cache) is the node_modules with typescript,
# esbuild, @bufbuild, dompurify and @codemirror (default: the SDK's web/node_modules; an installed
# SDK has none until `npm ci` runs in <prefix>/share/pgwidgets/web, or this
# points at an existing one).
# Nothing in the SDK is rebuilt or edited.

if(NOT CODEGEN_PYTHON_EXECUTABLE)
  include("${CMAKE_CURRENT_LIST_DIR}/FindCodegenPython.cmake")
endif()
find_program(NODE_EXECUTABLE node)
set(PGWIDGETS_NODE_MODULES "${PGWIDGETS_WEB_DIR}/node_modules" CACHE PATH
    "node_modules holding typescript, esbuild and @bufbuild, for pgwidgets_add_widgets")

function(_pgw_check_tools)
  if(NOT NODE_EXECUTABLE)
    message(FATAL_ERROR "pgwidgets_add_widgets: node is not installed (it runs tsc and esbuild).")
  endif()
  foreach(need typescript/bin/tsc esbuild/package.json @bufbuild/protobuf/package.json .bin/protoc-gen-es
               dompurify/package.json @codemirror/state/package.json @codemirror/view/package.json
               @codemirror/commands/package.json)
    if(NOT EXISTS "${PGWIDGETS_NODE_MODULES}/${need}")
      message(FATAL_ERROR "pgwidgets_add_widgets: ${PGWIDGETS_NODE_MODULES} lacks ${need}. "
                          "Run `npm ci` in ${PGWIDGETS_WEB_DIR}, or pass "
                          "-DPGWIDGETS_NODE_MODULES=<a node_modules with typescript, esbuild, @bufbuild, dompurify, @codemirror>.")
    endif()
  endforeach()
endfunction()

function(pgwidgets_add_widgets)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "TARGET;SCHEMA_ROOT;TS_ENTRY" "SCHEMA;TS_SOURCES")
  if(NOT arg_TARGET OR NOT TARGET "${arg_TARGET}")
    message(FATAL_ERROR "pgwidgets_add_widgets: TARGET must name an existing target (got \"${arg_TARGET}\")")
  endif()
  if(NOT arg_SCHEMA OR NOT arg_TS_SOURCES)
    message(FATAL_ERROR "pgwidgets_add_widgets(${arg_TARGET}): SCHEMA and TS_SOURCES are both required")
  endif()
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pgwidgets_add_widgets(${arg_TARGET}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  _pgw_check_tools()
  if(NOT arg_SCHEMA_ROOT)
    set(arg_SCHEMA_ROOT "${CMAKE_CURRENT_SOURCE_DIR}")
  endif()
  get_filename_component(root "${arg_SCHEMA_ROOT}" ABSOLUTE)

  # The proto files, relative to the root, and their one package.
  set(protos "")
  set(abs_protos "")
  set(package "")
  foreach(f IN LISTS arg_SCHEMA)
    get_filename_component(abs "${f}" ABSOLUTE)
    file(RELATIVE_PATH rel "${root}" "${abs}")
    if(rel MATCHES "^\\.\\./")
      message(FATAL_ERROR "pgwidgets_add_widgets(${arg_TARGET}): ${f} is outside SCHEMA_ROOT ${root}")
    endif()
    file(STRINGS "${abs}" pkg_lines REGEX "^[ \t]*package[ \t]+[A-Za-z0-9_.]+[ \t]*;")
    if(NOT pkg_lines)
      message(FATAL_ERROR "${rel}: a widget schema needs a `package` statement")
    endif()
    list(GET pkg_lines 0 pkg_line)
    string(REGEX REPLACE "^[ \t]*package[ \t]+([A-Za-z0-9_.]+).*" "\\1" pkg "${pkg_line}")
    if(package AND NOT pkg STREQUAL package)
      message(FATAL_ERROR "${rel}: package ${pkg}, but ${package} before it; one pgwidgets_add_widgets per package")
    endif()
    if(pkg MATCHES "^pgwidgets(\\.|$)")
      message(FATAL_ERROR "${rel}: package ${pkg} is the SDK's; name your own package")
    endif()
    set(package "${pkg}")
    list(APPEND protos "${rel}")
    list(APPEND abs_protos "${abs}")
  endforeach()
  string(REPLACE "." "/" pkg_dir "${package}")

  set(work "${CMAKE_CURRENT_BINARY_DIR}/pgwidgets_${arg_TARGET}")
  set(gen "${work}/gen")
  set(pb "${work}/pb")
  file(MAKE_DIRECTORY "${gen}/ts/pb" "${pb}" "${work}/web")

  # The generator as protoc runs it: an executable on this Python.
  set(plugin "${work}/protoc-gen-pgwidgets")
  file(WRITE "${plugin}" "#!/bin/sh\nexec \"${CODEGEN_PYTHON_EXECUTABLE}\" \"${PGWIDGETS_CODEGEN_DIR}/protoc-gen-pgwidgets.py\" \"$@\"\n")
  file(CHMOD "${plugin}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

  # What the runs below write: known now from the file names and the package.
  set(pb_sources "")
  set(pb_headers "")
  set(cpp_sources "${gen}/cpp/${pkg_dir}/package.cpp")
  set(cpp_outputs "${gen}/cpp/${pkg_dir}/package.cpp" "${gen}/cpp/${pkg_dir}/widgets.hpp" "${gen}/cpp/${pkg_dir}/schema_info.hpp")
  set(ts_outputs "${gen}/ts/widgets.ts" "${gen}/ts/dispatch.ts" "${gen}/ts/dispatch/common.ts")
  foreach(rel IN LISTS protos)
    string(REGEX REPLACE "\\.proto$" "" stem_path "${rel}")
    get_filename_component(stem "${rel}" NAME_WE)
    list(APPEND pb_sources "${pb}/${stem_path}.pb.cc")
    list(APPEND pb_headers "${pb}/${stem_path}.pb.h")
    list(APPEND cpp_sources "${gen}/cpp/${pkg_dir}/${stem}.cpp")
    list(APPEND cpp_outputs "${gen}/cpp/${pkg_dir}/${stem}.cpp" "${gen}/cpp/${pkg_dir}/${stem}.hpp")
    list(APPEND ts_outputs "${gen}/ts/pb/${stem_path}_pb.ts" "${gen}/ts/dispatch/${stem}.ts")
  endforeach()

  file(GLOB codegen_files CONFIGURE_DEPENDS "${PGWIDGETS_CODEGEN_DIR}/*.py"
       "${PGWIDGETS_CODEGEN_DIR}/pgwidgets_codegen/*.py" "${PGWIDGETS_CODEGEN_DIR}/templates/*.j2")
  set(protoc_base "${Protobuf_PROTOC_EXECUTABLE}" "-I${root}" "-I${PGWIDGETS_SCHEMA_DIR}")
  add_custom_command(
    OUTPUT ${pb_sources} ${pb_headers}
    COMMAND ${protoc_base} "--cpp_out=${pb}" ${protos}
    DEPENDS ${abs_protos}
    WORKING_DIRECTORY "${root}"
    COMMENT "protoc --cpp_out: ${package} messages"
    VERBATIM)
  add_custom_command(
    OUTPUT ${cpp_outputs} ${ts_outputs}
    COMMAND ${protoc_base} "--plugin=protoc-gen-pgwidgets=${plugin}" "--pgwidgets_out=${gen}" ${protos}
    COMMAND ${protoc_base} "--plugin=protoc-gen-es=${PGWIDGETS_NODE_MODULES}/.bin/protoc-gen-es"
            "--es_out=${gen}/ts/pb" "--es_opt=target=ts,import_extension=js" ${protos}
    DEPENDS ${abs_protos} ${codegen_files}
    WORKING_DIRECTORY "${root}"
    COMMENT "pgwidgets codegen: package ${package}"
    VERBATIM)

  # The SDK's message modules, seen from the user's generated ones (which
  # import them by relative path): one-line re-exports, so the page holds
  # one copy of each.
  file(GLOB_RECURSE sdk_pb RELATIVE "${PGWIDGETS_GENERATED_TS_DIR}/pb" "${PGWIDGETS_GENERATED_TS_DIR}/pb/*_pb.ts")
  foreach(rel IN LISTS sdk_pb)
    string(REGEX REPLACE "\\.ts$" ".js" js "${rel}")
    file(CONFIGURE OUTPUT "${gen}/ts/pb/${rel}"
         CONTENT "// Generated by pgwidgets_add_widgets. Do not edit.\nexport * from \"@pgwidgets/sdk/pb/${js}\";\n")
  endforeach()

  # The page's entry and the TypeScript configuration of this package.
  set(ts_abs "")
  foreach(f IN LISTS arg_TS_SOURCES)
    get_filename_component(abs "${f}" ABSOLUTE)
    list(APPEND ts_abs "${abs}")
  endforeach()
  if(arg_TS_ENTRY)
    get_filename_component(ts_entry "${arg_TS_ENTRY}" ABSOLUTE)
  else()
    list(GET ts_abs 0 ts_entry)
  endif()
  string(REGEX REPLACE "\\.ts$" ".js" ts_entry_js "${ts_entry}")
  file(CONFIGURE OUTPUT "${work}/entry.ts" @ONLY CONTENT [=[
// Generated by pgwidgets_add_widgets. Do not edit.
// The page: the SDK's runtime booted with package @package@.
import { boot } from "@pgwidgets/core/main.js";
import type { WidgetEnv } from "@pgwidgets/core/widgets/widget.js";
import { widgetPackage } from "@pgwidgets/generated/dispatch.js";
import type { WidgetFactories } from "@pgwidgets/generated/widgets.js";
import { makeFactories } from "@ts_entry_js@";

// The user's factories, checked against the generated interface: a class
// or a method missing in them fails tsc here.
const factories: (env: WidgetEnv) => WidgetFactories = makeFactories;
boot([{ widgetPackage, makeFactories: factories }]);
]=])
  set(nm "${PGWIDGETS_NODE_MODULES}")
  set(ts_files_json "")
  foreach(f IN LISTS ts_abs)
    string(APPEND ts_files_json ", \"${f}\"")
  endforeach()
  file(CONFIGURE OUTPUT "${work}/tsconfig.json" @ONLY CONTENT [=[
{
  "compilerOptions": {
    "target": "ES2022",
    "lib": ["ES2022", "DOM", "DOM.Iterable"],
    "module": "ESNext",
    "moduleResolution": "bundler",
    "strict": true,
    "noEmit": true,
    "noImplicitOverride": true,
    "noFallthroughCasesInSwitch": true,
    "isolatedModules": true,
    "skipLibCheck": true,
    "forceConsistentCasingInFileNames": true,
    "types": [],
    "baseUrl": ".",
    "paths": {
      "@pgwidgets/core/*": ["@PGWIDGETS_WEB_DIR@/src/*"],
      "@pgwidgets/sdk/*": ["@PGWIDGETS_GENERATED_TS_DIR@/*"],
      "@pgwidgets/generated/*": ["@gen@/ts/*"],
      "@bufbuild/protobuf": ["@nm@/@bufbuild/protobuf/dist/esm/index"],
      "@bufbuild/protobuf/*": ["@nm@/@bufbuild/protobuf/dist/esm/*/index"],
      "dompurify": ["@nm@/dompurify"],
      "@codemirror/state": ["@nm@/@codemirror/state"],
      "@codemirror/view": ["@nm@/@codemirror/view"],
      "@codemirror/commands": ["@nm@/@codemirror/commands"]
    }
  },
  "files": ["@work@/entry.ts"@ts_files_json@]
}
]=])
  # build.mjs resolves esbuild from beside itself: give it the node_modules.
  configure_file("${PGWIDGETS_WEB_DIR}/build.mjs" "${work}/build.mjs" COPYONLY)
  if(NOT EXISTS "${work}/node_modules")
    file(CREATE_LINK "${PGWIDGETS_NODE_MODULES}" "${work}/node_modules" SYMBOLIC)
  endif()

  file(GLOB_RECURSE core_ts CONFIGURE_DEPENDS "${PGWIDGETS_WEB_DIR}/src/*.ts" "${PGWIDGETS_WEB_DIR}/src/*.css")
  set(js "${work}/web/pgwidgets.js")
  set(css "${work}/web/pgwidgets.css")
  add_custom_command(
    OUTPUT "${js}" "${css}"
    COMMAND "${NODE_EXECUTABLE}" "${PGWIDGETS_NODE_MODULES}/typescript/bin/tsc" --noEmit -p "${work}/tsconfig.json"
    COMMAND "${NODE_EXECUTABLE}" "${work}/build.mjs" --outdir "${work}/web" --minify
            --entry "${work}/entry.ts" --tsconfig "${work}/tsconfig.json"
    DEPENDS ${ts_outputs} ${ts_abs} ${core_ts} "${work}/entry.ts" "${work}/tsconfig.json"
    COMMENT "tsc + esbuild: the page with package ${package}"
    VERBATIM)
  add_custom_command(
    OUTPUT "${work}/pgwidgets_assets.cpp"
    COMMAND "${CODEGEN_PYTHON_EXECUTABLE}" "${PGWIDGETS_EMBED_SCRIPT}" --user "${work}/pgwidgets_assets.cpp"
            "pgwidgets.js=${js}:text/javascript; charset=utf-8"
            "pgwidgets.css=${css}:text/css; charset=utf-8"
    DEPENDS "${js}" "${css}" "${PGWIDGETS_EMBED_SCRIPT}"
    COMMENT "Embedding the page with package ${package}"
    VERBATIM)

  # protoc's .pb.cc files each define the same file-local tables: a project
  # built with CMAKE_UNITY_BUILD compiles them one by one.
  set_source_files_properties(${pb_sources} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  target_sources(${arg_TARGET} PRIVATE ${pb_sources} ${cpp_sources} "${work}/pgwidgets_assets.cpp")
  target_include_directories(${arg_TARGET} PRIVATE "${pb}" "${gen}/cpp")
  target_link_libraries(${arg_TARGET} PRIVATE pgwidgets::pgwidgets pgwidgets::pgwidgets_pb)
  set_property(TARGET ${arg_TARGET} PROPERTY PGWIDGETS_WEB_DIR "${work}/web")
endfunction()
