#pragma once
// Bringing data into this installation from a file: an unknot export (docs/export-format.md)
// here, free-exercise-db in free_exercise_db.hpp. Each file is checked as a whole before
// anything is written, and then written in one transaction: all of it lands, or none of it.
#include <cstdint>
#include <string>
#include <string_view>

#include "catalog/catalog.hpp"
#include "store/store.hpp"

namespace unknot::exchange {

// Two years of daily sessions export to a few MiB; a file far beyond that is a mistake, and it
// would be held in memory whole.
inline constexpr std::uintmax_t max_import_bytes = 64ULL << 20;

// The file's text; InputError when it is unreadable or larger than `limit`, which is checked
// before reading it.
std::string read_import_file(const std::string& path, std::uintmax_t limit = max_import_bytes);

struct ImportedExport {
    UserId user = kLocalUser;  // kLocalUser: the export held data from before any account existed
    std::string email;
    Role role = Role::self;
    int sessions = 0, events = 0, holds = 0, visits = 0;
    int assessments = 0, screenings = 0, clearances = 0, assignments = 0, techniques = 0;
};

// Creates the exported person's account (without a password: the export carries none) and all
// their data. Refusals are InputError naming the JSON path of the bad field, e.g.
// "sessions[3].holds[0].tenderness_start", and leave the store as it was. Plans and routines are
// checked against `catalog`, since the server rebuilds sessions and plans from them later.
ImportedExport import_export(Store& store, const Catalog& catalog, std::string_view text, const std::string& name,
                             std::int64_t now_unix_ms);

}  // namespace unknot::exchange
