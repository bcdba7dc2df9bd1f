# System packages only (Debian 12); nothing is fetched at configure time.
find_package(Boost 1.81 REQUIRED COMPONENTS json url)
find_package(SQLite3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
# The PostgreSQL store (src/store/postgres_*.cpp); Debian ships libpqxx with pkg-config only.
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
if(UNKNOT_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(UNKNOT_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
# The server allocates many small JSON values per request; tcmalloc's thread caches make that
# markedly cheaper than glibc malloc. Only `serve` uses it (src/cli/allocator.hpp); not with
# sanitizers, which bring their own allocator.
find_library(TCMALLOC_MINIMAL tcmalloc_minimal)
# Handouts and reports (src/report): PDF through cairo, text through pango, the body map through
# librsvg, calendars through libical. Debian ships pkg-config files, not CMake packages, for these.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-pdf)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo)
pkg_check_modules(RSVG REQUIRED IMPORTED_TARGET librsvg-2.0)
pkg_check_modules(LIBICAL REQUIRED IMPORTED_TARGET libical)
