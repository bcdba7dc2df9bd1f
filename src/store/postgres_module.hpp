#pragma once
// The boundary between the executable and unknot-postgres.so (modules/module.hpp). Both sides
// compile this header; the stamp and the size catch a module from another build.
#include <cstddef>
#include <memory>
#include <string>

#include "store/store.hpp"

namespace unknot {

struct PostgresEntry {
    const char* stamp;
    std::size_t sizes;
    std::unique_ptr<Store> (*open)(const std::string& url);
};

constexpr std::size_t postgres_layout_sizes() { return sizeof(PostgresEntry) ^ (sizeof(Store) << 8) ^ (sizeof(User) << 16) ^ (sizeof(Token) << 24); }

inline constexpr const char* kPostgresModule = "unknot-postgres.so";
inline constexpr const char* kPostgresEntry = "unknot_postgres_entry";

}  // namespace unknot
