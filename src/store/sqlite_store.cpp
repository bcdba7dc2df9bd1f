#include "store/sqlite_store.hpp"

#include "store/sqlite_schema.hpp"

namespace unknot {

namespace sqlite {
SqliteStore::SqliteStore(const std::string& path) : db_(path, migrations) {}
}  // namespace sqlite

std::unique_ptr<Store> open_sqlite_store(const std::string& path) { return std::make_unique<sqlite::SqliteStore>(path); }

}  // namespace unknot
