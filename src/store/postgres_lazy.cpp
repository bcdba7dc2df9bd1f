// open_postgres_store as the executable sees it: through unknot-postgres.so, loaded only when a
// postgresql:// location is opened (modules/module.hpp says why). Tests link the real store.
#include "modules/module.hpp"
#include "store/postgres_module.hpp"

namespace unknot {

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
    static const PostgresEntry& entry = []() -> const PostgresEntry& {
        const char* what = "A PostgreSQL database";
        auto get = reinterpret_cast<const PostgresEntry* (*)()>(modules::symbol(kPostgresModule, kPostgresEntry, what));
        const PostgresEntry* e = get();
        if (std::string(e->stamp) != modules::kBuildStamp || e->sizes != postgres_layout_sizes())
            throw modules::ModuleError(std::string(what) + ": " + kPostgresModule + " is from another build of unknot (" + e->stamp +
                                       "; this is " + modules::kBuildStamp + "); rebuild both");
        return *e;
    }();
    return entry.open(url);
}

}  // namespace unknot
