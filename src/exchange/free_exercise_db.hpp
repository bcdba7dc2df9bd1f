#pragma once
// free-exercise-db (github.com/yuhonas/free-exercise-db), an open list of some 870 exercises:
// its foam-roll entries become a person's own techniques, kept and listed but never planned.
// Which of our muscles its muscle words mean is content: data/mappings/free-exercise-db.rec.
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "store/store.hpp"

namespace unknot::exchange {

inline constexpr std::string_view free_exercise_db = "free-exercise-db";

struct ImportedExercise {
    std::string id, name;
    std::vector<std::string> muscles;        // our muscle ids
    std::vector<std::string> unmapped;       // their muscle words we have no muscle for
    std::vector<std::string> never_rolled;   // our regions it works that unknot never rolls
};

struct FreeExerciseDbImport {
    std::size_t entries = 0;                 // in the file
    std::vector<ImportedExercise> imported;  // its foam-roll entries, in file order
};

// Checks the whole file first (an array of entries, each with a text id and name, lists of text
// where the dataset has lists), then writes every foam-roll entry as `user`'s technique in one
// transaction. Refusals are InputError naming the JSON path ("[12].primaryMuscles[0]"). The
// same file imported twice leaves the same rows.
FreeExerciseDbImport import_free_exercise_db(Store& store, const Catalog& catalog, UserId user, std::string_view text,
                                             const std::string& name);

}  // namespace unknot::exchange
