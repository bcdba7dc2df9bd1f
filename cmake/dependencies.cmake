# System packages only (Debian 12); nothing is fetched at configure time.
find_package(Boost 1.81 REQUIRED COMPONENTS json)
find_package(SQLite3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
if(UNKNOT_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(UNKNOT_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# The server allocates many small JSON values per request; tcmalloc's thread caches make that
# markedly cheaper than glibc malloc. Not with sanitizers, which bring their own allocator.
find_library(TCMALLOC_MINIMAL tcmalloc_minimal)
