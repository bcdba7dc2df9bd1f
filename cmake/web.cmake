# Builds the web UI with npm (dependencies come from web/package-lock.json via `npm ci`, run by
# scripts/bootstrap.sh) and generates the C++ file that embeds it. Sets UNKNOT_ASSETS_CPP.
set(UNKNOT_ASSETS_CPP ${CMAKE_BINARY_DIR}/generated/assets.cpp)
if(UNKNOT_BUILD_WEB)
  find_program(NPM_EXECUTABLE npm REQUIRED)
  if(NOT EXISTS ${PROJECT_SOURCE_DIR}/web/node_modules)
    message(FATAL_ERROR "web/node_modules is missing: run scripts/bootstrap.sh (it runs `npm ci`), or configure with -DUNKNOT_BUILD_WEB=OFF")
  endif()
  file(GLOB_RECURSE web_sources CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/web/src/* ${PROJECT_SOURCE_DIR}/web/public/*)
  set(web_out ${CMAKE_BINARY_DIR}/web-dist)
  add_custom_command(
    OUTPUT ${web_out}/.built
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${web_out}
    COMMAND ${CMAKE_COMMAND} -E env UNKNOT_WEB_OUT=${web_out} ${NPM_EXECUTABLE} run --silent build
    COMMAND ${CMAKE_COMMAND} -E touch ${web_out}/.built
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}/web
    DEPENDS ${web_sources} ${PROJECT_SOURCE_DIR}/web/index.html ${PROJECT_SOURCE_DIR}/web/vite.config.ts
            ${PROJECT_SOURCE_DIR}/web/package-lock.json ${PROJECT_SOURCE_DIR}/data/body_map.json
            # The app's API types are generated from the document at every build (web/src/api/types.ts).
            ${PROJECT_SOURCE_DIR}/api/openapi.json ${PROJECT_SOURCE_DIR}/web/tools/api-types/generate.mjs
            ${PROJECT_SOURCE_DIR}/web/tools/api-types/package-lock.json
    COMMENT "Building the web UI (vite)"
    VERBATIM)
  set(embed_dir ${web_out})
  set(embed_deps ${web_out}/.built)
else()
  set(embed_dir ${PROJECT_SOURCE_DIR}/src/server/placeholder)
  file(GLOB embed_deps ${embed_dir}/*)
endif()
add_custom_command(
  OUTPUT ${UNKNOT_ASSETS_CPP}
  COMMAND ${CMAKE_COMMAND} -DWEB_DIR=${embed_dir} -DOPENAPI=${PROJECT_SOURCE_DIR}/api/openapi.json
          -DOUT=${UNKNOT_ASSETS_CPP} -P ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${embed_deps} ${PROJECT_SOURCE_DIR}/api/openapi.json ${PROJECT_SOURCE_DIR}/cmake/embed.cmake
  COMMENT "Embedding the web UI and the OpenAPI document"
  VERBATIM)
