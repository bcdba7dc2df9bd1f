// The two imports a person can feed a file to (`unknot import`, POST /api/v1/import): an
// unknot export and free-exercise-db JSON. The first byte picks which. Any bytes are imported
// whole or refused with an InputError naming the place, and a refusal leaves the store as it
// was: no account, no technique.
#include <cstdint>
#include <string>

#include "common/error.hpp"
#include "exchange/free_exercise_db.hpp"
#include "exchange/import.hpp"
#include "fuzz/support.hpp"
#include "store/store.hpp"

using namespace unknot;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    auto text = fuzz::text_of(data + 1, size - 1);
    auto store = open_sqlite_store(":memory:");
    const auto& c = fuzz::catalog();
    try {
        if (data[0] & 1) {
            (void)exchange::import_export(*store, c, text, "fuzz.json", 1'700'000'000'000);
        } else {
            auto owner = store->create_user(User{0, "owner@example.org", "Owner", Role::self, "h", 1});
            (void)exchange::import_free_exercise_db(*store, c, owner, text, "fuzz.json");
        }
    } catch (const InputError&) {
        auto users = store->users();
        if (data[0] & 1 ? !users.empty() : users.size() != 1) fuzz::broken("a refused import left accounts behind");
        if (!(data[0] & 1) && !store->user_techniques(users.at(0).id).empty()) fuzz::broken("a refused import left techniques behind");
    } catch (const ConflictError&) {
    }
    return 0;
}
