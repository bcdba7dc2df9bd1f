// open_postgres_store as the executable sees it: through unknot-postgres.so, loaded only when a
// postgresql:// location is opened (modules/module.hpp says why). Tests link the real store.
#include "modules/module.hpp"
#include "store/postgres_module.hpp"

namespace unknot {

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
    static const PostgresEntry& entry =
        modules::table<PostgresEntry>(kPostgresModule, kPostgresEntry, "A PostgreSQL database", postgres_layout_sizes());
    return entry.open(url);
}

}  // namespace unknot
