// The one exported symbol of unknot-postgres.so: the real opener.
#include "modules/module.hpp"
#include "store/postgres_module.hpp"

extern "C" __attribute__((visibility("default"))) const unknot::PostgresEntry* unknot_postgres_entry() {
    static const unknot::PostgresEntry entry{unknot::modules::kBuildStamp, unknot::postgres_layout_sizes(), &unknot::open_postgres_store};
    return &entry;
}
