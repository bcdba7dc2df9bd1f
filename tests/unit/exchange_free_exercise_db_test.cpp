// free-exercise-db's foam-roll entries as a person's own techniques, on every backend: muscle
// words mapped by data/mappings/free-exercise-db.rec, what could not be mapped reported, the
// same rows after a second import, malformed files refused by path with nothing written.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <map>
#include <tuple>

#include "codec/codec.hpp"
#include "common/error.hpp"
#include "exchange/free_exercise_db.hpp"
#include "support/catalog_fixture.hpp"
#include "support/store_backends.hpp"

namespace unknot {
namespace {

using namespace unknot::test;
namespace bj = boost::json;

// Entries as the dataset writes them (shortened instructions).
const std::string sample = R"([
 {"name": "Calves-SMR", "force": "push", "level": "beginner", "mechanic": null, "equipment": "foam roll",
  "primaryMuscles": ["calves"], "secondaryMuscles": [], "instructions": ["Sit with the roller under a calf.", "Roll slowly."],
  "category": "stretching", "images": ["Calves-SMR/0.jpg"], "id": "Calves-SMR"},
 {"name": "Barbell Squat", "equipment": "barbell", "primaryMuscles": ["quadriceps"], "secondaryMuscles": ["calves", "glutes"],
  "instructions": ["Squat."], "category": "strength", "level": "beginner", "id": "Barbell_Squat"},
 {"name": "Peroneals-SMR", "equipment": "foam roll", "primaryMuscles": ["calves"], "secondaryMuscles": [], "instructions": [],
  "category": "stretching", "level": "beginner", "id": "Peroneals-SMR"},
 {"name": "Brachialis-SMR", "equipment": "foam roll", "primaryMuscles": ["biceps"], "secondaryMuscles": [], "instructions": ["Lie on the arm."],
  "category": "stretching", "level": "beginner", "id": "Brachialis-SMR"},
 {"name": "Rhomboids-SMR", "equipment": "foam roll", "primaryMuscles": ["middle back"], "secondaryMuscles": ["traps"],
  "instructions": [], "category": "stretching", "level": "beginner", "id": "Rhomboids-SMR"},
 {"name": "Lower Back-SMR", "equipment": "foam roll", "primaryMuscles": ["lower back"], "secondaryMuscles": [], "instructions": [],
  "category": "stretching", "level": "beginner", "id": "Lower_Back-SMR"}
])";

class FreeExerciseDbContract : public StoreContract {
protected:
    exchange::FreeExerciseDbImport import(const std::string& text, UserId user) {
        return exchange::import_free_exercise_db(store(), catalog(), user, text, "exercises.json");
    }
};

TEST_P(FreeExerciseDbContract, FoamRollEntriesBecomeOwnTechniquesWithOurMuscles) {
    auto u = add_user("cody@example.org");
    auto r = import(sample, u);
    EXPECT_EQ(r.entries, 6u);
    ASSERT_EQ(r.imported.size(), 5u) << "the barbell squat is not a foam-roll exercise";
    EXPECT_EQ(r.imported[0].id, "Calves-SMR");
    EXPECT_EQ(r.imported[0].muscles, (std::vector<std::string>{"gastrocnemius", "soleus"}));
    EXPECT_TRUE(r.imported[0].unmapped.empty());
    // The entry's own mapping wins over the word's: their peroneal roll is tagged "calves".
    EXPECT_EQ(r.imported[1].muscles, (std::vector<std::string>{"peroneals"}));
    EXPECT_TRUE(r.imported[2].muscles.empty());
    EXPECT_EQ(r.imported[2].unmapped, (std::vector<std::string>{"biceps"}));
    EXPECT_EQ(r.imported[3].muscles, (std::vector<std::string>{"rhomboids", "middle_trapezius"})) << "traps there: the middle part, once";
    EXPECT_EQ(r.imported[4].never_rolled, (std::vector<std::string>{"lower_back"}));
    EXPECT_TRUE(r.imported[3].never_rolled.empty());

    auto rows = store().user_techniques(u);
    ASSERT_EQ(rows.size(), 5u);
    auto calves = std::find_if(rows.begin(), rows.end(), [](const UserTechnique& t) { return t.id == "Calves-SMR"; });
    ASSERT_NE(calves, rows.end());
    EXPECT_EQ(calves->name, "Calves-SMR");
    EXPECT_EQ(calves->source, "free-exercise-db");
    EXPECT_EQ(calves->muscles, "gastrocnemius soleus");
    auto details = bj::parse(calves->details_json);
    EXPECT_EQ(details.at("instructions"), (bj::array{"Sit with the roller under a calf.", "Roll slowly."}));
    EXPECT_EQ(details.at("muscle_names").at("primary"), (bj::array{"calves"}));
    EXPECT_EQ(details.at("unmapped"), bj::array{});
    auto brachialis = std::find_if(rows.begin(), rows.end(), [](const UserTechnique& t) { return t.id == "Brachialis-SMR"; });
    ASSERT_NE(brachialis, rows.end());
    EXPECT_EQ(bj::parse(brachialis->details_json).at("unmapped"), (bj::array{"biceps"}));
    EXPECT_TRUE(store().user_techniques(add_user("other@example.org")).empty()) << "only the one person's";
}

TEST_P(FreeExerciseDbContract, ImportingTwiceLeavesTheSameRows) {
    auto u = add_user("cody@example.org");
    import(sample, u);
    auto once = store().user_techniques(u);
    import(sample, u);
    auto twice = store().user_techniques(u);
    ASSERT_EQ(once.size(), twice.size());
    for (std::size_t i = 0; i < once.size(); ++i) {
        EXPECT_EQ(once[i].id, twice[i].id);
        EXPECT_EQ(once[i].muscles, twice[i].muscles);
        EXPECT_EQ(once[i].details_json, twice[i].details_json);
    }
}

TEST_P(FreeExerciseDbContract, MalformedFilesAreRefusedByPathAndNothingIsWritten) {
    auto u = add_user("cody@example.org");
    import(sample, u);
    auto before = store().user_techniques(u);
    // A good foam-roll entry comes first each time, so a half-done import would show.
    const std::string good = R"({"id": "Quadriceps-SMR", "name": "Quadriceps-SMR", "equipment": "foam roll", "primaryMuscles": ["quadriceps"]})";
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {R"({"exercises": []})", "exercises.json: (top level)", "expected a list"},
        {"[" + good + R"(, {"name": "No id", "equipment": "foam roll"}])", "exercises.json: [1].id", "missing"},
        {"[" + good + R"(, {"id": "X", "equipment": "foam roll"}])", "exercises.json: [1].name", "missing"},
        {"[" + good + R"(, {"id": "X", "name": 7}])", "exercises.json: [1].name", "a string"},
        {"[" + good + R"(, {"id": "X", "name": "X", "primaryMuscles": "calves"}])", "exercises.json: [1].primaryMuscles", "a list"},
        {"[" + good + R"(, {"id": "X", "name": "X", "secondaryMuscles": ["calves", 3]}])", "exercises.json: [1].secondaryMuscles[1]", "a string"},
        {"[" + good + R"(, {"id": "X", "name": "X", "equipment": ["foam roll"]}])", "exercises.json: [1].equipment", "a string"},
        {"[" + good + R"(, {"id": "X", "name": "X", "instructions": [{"step": 1}]}])", "exercises.json: [1].instructions[0]", "a string"},
        {"[" + good + ", " + good + "]", "exercises.json: [1].id", "also the id of [0]"},
        {"[" + good + ", 42]", "exercises.json: [1]", "an object"},
        {"[" + good + ",\n {\"id\": }]", "exercises.json:2:9", "invalid JSON"},
    };
    for (const auto& [text, where, says] : cases) {
        try {
            import(text, u);
            ADD_FAILURE() << "not refused: " << text;
        } catch (const InputError& e) {
            EXPECT_EQ(e.where(), where) << text;
            EXPECT_NE(e.message().find(says), std::string::npos) << e.what();
        }
        auto after = store().user_techniques(u);
        EXPECT_EQ(after.size(), before.size()) << "half imported: " << text;
    }
}

INSTANTIATE_TEST_SUITE_P(Backends, FreeExerciseDbContract, ::testing::ValuesIn(store_backends()), backend_name);

// The mapping is content: every record names known muscles and sources (the catalog checks),
// and the foam-roll words of the dataset are all covered except the arm's.
TEST(FreeExerciseDbMapping, LoadedFromDataWithEveryFoamRollWordButBiceps) {
    std::map<std::string, std::vector<std::string>> general;
    for (const auto& m : catalog().muscle_names())
        if (m.dataset == "free-exercise-db" && m.entry.empty()) general[m.name] = m.muscles;
    for (const char* word : {"adductors", "abductors", "calves", "glutes", "hamstrings", "lats", "lower back", "middle back", "quadriceps", "traps"})
        EXPECT_TRUE(general.count(word)) << word;
    EXPECT_FALSE(general.count("biceps"));
    EXPECT_EQ(general["calves"], (std::vector<std::string>{"gastrocnemius", "soleus"}));
}

TEST(FreeExerciseDbMapping, ABadMappingRecordIsRefusedWithFileAndLine) {
    auto files = json::read_content_dir(data_dir());
    auto mapping = std::find_if(files.begin(), files.end(), [](const ContentFile& f) { return f.path.ends_with("mappings/free-exercise-db.rec"); });
    ASSERT_NE(mapping, files.end());
    auto lines = std::count(mapping->text.begin(), mapping->text.end(), '\n');
    auto load_error = [&](const std::string& extra) {
        auto changed = files;
        changed[static_cast<std::size_t>(mapping - files.begin())].text += extra;
        try {
            Catalog::load(changed);
        } catch (const InputError& e) {
            return e;
        }
        return InputError("", "not refused");
    };
    auto unknown = load_error("\nmuscle_name: fedb_biceps\ndataset: free-exercise-db\nname: biceps\nmuscles: biceps_brachii\nsource: FEDB\n");
    EXPECT_EQ(unknown.where(), mapping->path + ":" + std::to_string(lines + 5));
    EXPECT_NE(unknown.message().find("unknown muscle `biceps_brachii`"), std::string::npos) << unknown.what();
    auto twice = load_error("\nmuscle_name: fedb_calves_again\ndataset: free-exercise-db\nname: calves\nmuscles: soleus\nsource: FEDB\n");
    EXPECT_EQ(twice.where(), mapping->path + ":" + std::to_string(lines + 2));
    EXPECT_NE(twice.message().find("mapped twice"), std::string::npos) << twice.what();
}

}  // namespace
}  // namespace unknot
