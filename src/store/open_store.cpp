// One place that knows which backend a location means, so the CLI and the server accept both.
#include <string_view>

#include "store/store.hpp"

namespace unknot {

std::unique_ptr<Store> open_store(const std::string& location) {
    for (std::string_view scheme : {"postgresql://", "postgres://"})
        if (location.compare(0, scheme.size(), scheme) == 0) return open_postgres_store(location);
    return open_sqlite_store(location);
}

}  // namespace unknot
