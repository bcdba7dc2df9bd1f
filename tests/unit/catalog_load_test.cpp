// The .rec content format and the catalog's whole-content validation. Every error a content
// author can make must point at the file and line of the bad field; and the real content must
// hold every muscle, tool and technique the domain reference names.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/record.hpp"
#include "codec/codec.hpp"
#include "common/error.hpp"
#include "support/catalog_fixture.hpp"
#include "support/content_edits.hpp"

namespace unknot {
namespace {

using catalog::parse_records;

// --- parse_records ----------------------------------------------------------------------------

TEST(ParseRecords, RecordsFieldsAndLineNumbers) {
    const std::string text =
        "# a comment before anything\n"   // 1
        "muscle: soleus\n"                 // 2
        "name: Soleus\n"                   // 3
        "regions: calf\n"                  // 4
        "\n"                               // 5
        "\n"                               // 6
        "region: calf\n"                   // 7
        "name:   Calf   \n"                // 8
        "why_not: A long reason\n"         // 9
        "  that goes on\n"                 // 10
        "\tand on.\n"                      // 11
        "# a comment inside a record\n"    // 12
        "sided: yes";                      // 13 (no final newline)
    auto rs = parse_records(text, "dir/x.rec");
    ASSERT_EQ(rs.size(), 2u);
    EXPECT_EQ(rs[0].file, "dir/x.rec");
    EXPECT_EQ(rs[0].line, 2);
    EXPECT_EQ(rs[0].kind(), "muscle");
    EXPECT_EQ(rs[0].id(), "soleus");
    ASSERT_EQ(rs[0].fields.size(), 3u);
    EXPECT_EQ(rs[0].fields[2].name, "regions");
    EXPECT_EQ(rs[0].fields[2].line, 4);
    EXPECT_EQ(rs[0].where(4), "dir/x.rec:4");

    EXPECT_EQ(rs[1].line, 7);
    ASSERT_EQ(rs[1].fields.size(), 4u);
    EXPECT_EQ(rs[1].fields[1].value, "Calf");  // trimmed
    EXPECT_EQ(rs[1].fields[2].name, "why_not");
    EXPECT_EQ(rs[1].fields[2].value, "A long reason that goes on and on.");
    EXPECT_EQ(rs[1].fields[2].line, 9);
    EXPECT_EQ(rs[1].fields[3].name, "sided");  // the comment did not end the record
    EXPECT_EQ(rs[1].fields[3].line, 13);
}

TEST(ParseRecords, WindowsLineEndingsAndBlankLinesWithSpaces) {
    auto rs = parse_records("tool: ball\r\nname: Ball\r\n   \r\ntool: roller\r\nname: Roller\r\n", "t.rec");
    ASSERT_EQ(rs.size(), 2u);
    EXPECT_EQ(rs[0].fields[1].value, "Ball");
    EXPECT_EQ(rs[1].id(), "roller");
    EXPECT_EQ(rs[1].line, 4);
}

TEST(ParseRecords, EmptyTextHasNoRecords) {
    EXPECT_TRUE(parse_records("", "e.rec").empty());
    EXPECT_TRUE(parse_records("# only a comment\n\n", "e.rec").empty());
}

InputError parse_error(const std::string& text, const std::string& file = "f.rec") {
    try {
        parse_records(text, file);
    } catch (const InputError& e) {
        return e;
    }
    ADD_FAILURE() << "expected an InputError for:\n" << text;
    return InputError("", "");
}

TEST(ParseRecords, ContinuationLineWithoutAFieldIsAnError) {
    auto first = parse_error("  stray text\n");
    EXPECT_EQ(first.where(), "f.rec:1");
    auto after_blank = parse_error("tool: ball\nname: Ball\n\n  stray text\n");
    EXPECT_EQ(after_blank.where(), "f.rec:4");
    EXPECT_NE(after_blank.message().find("no field above"), std::string::npos) << after_blank.what();
    EXPECT_EQ(std::string(after_blank.what()), "f.rec:4: " + after_blank.message());
}

TEST(ParseRecords, LineWithoutColonIsAnError) {
    auto e = parse_error("tool: ball\nname Ball\n");
    EXPECT_EQ(e.where(), "f.rec:2");
    EXPECT_NE(e.message().find("name Ball"), std::string::npos) << e.what();
}

TEST(ParseRecords, FieldNamesMustBeSnakeCase) {
    EXPECT_EQ(parse_error("tool: ball\n\nTool: roller\n").where(), "f.rec:3");
    EXPECT_EQ(parse_error("tool: ball\nhold-min: 3\n").where(), "f.rec:2");
}

// --- Catalog::load on a small content set ------------------------------------------------------

std::string all_cues() {
    std::string s = "# The cues the engine speaks.\n";
    for (const auto& id : required_cue_ids()) s += "\ncue: " + id + "\nwhen: any\ntext: Words for " + id + ".\n";
    return s;
}

class SmallContent : public ::testing::Test {
protected:
    std::vector<ContentFile> files{
        {"content/sources.rec",
         "# Sources.\n"
         "source: A\n"
         "title: A consumer guide\n"
         "\n"
         "source: B\n"
         "title: A trainer's blog\n"
         "url: https://example.org/b\n"},
        {"content/regions.rec",
         "region: calf\n"
         "name: Calf\n"
         "views: back\n"
         "sided: yes\n"
         "rollable: yes\n"
         "source: A\n"
         "\n"
         "region: thigh_back\n"
         "name: Back of the thigh\n"
         "views: back\n"
         "sided: yes\n"
         "rollable: yes\n"
         "source: B\n"
         "\n"
         "region: knee\n"
         "name: Knee\n"
         "views: front back\n"
         "sided: yes\n"
         "rollable: no\n"
         "why_not: Never roll over a joint.\n"
         "source: A\n"},
        {"content/muscles.rec",
         "muscle: gastrocnemius\n"
         "name: Gastrocnemius\n"
         "regions: calf\n"
         "sided: yes\n"
         "source: B\n"
         "\n"
         "muscle: soleus\n"
         "name: Soleus\n"
         "regions: calf\n"
         "sided: yes\n"
         "source: B\n"
         "\n"
         "muscle: hamstrings\n"
         "name: Hamstrings\n"
         "regions: thigh_back\n"
         "sided: yes\n"
         "kind: group\n"
         "source: B\n"},
        {"content/tools.rec",
         "tool: foam_roller\n"
         "name: Foam roller\n"
         "description: A cylinder of foam.\n"
         "source: B\n"},
        {"content/techniques/calves_roll.rec",
         "# Calves.\n"
         "technique: calves_roll\n"
         "name: Calves\n"
         "muscles: gastrocnemius soleus\n"
         "regions: calf\n"
         "per_side: yes\n"
         "tools: foam_roller\n"
         "position: seated\n"
         "needs_floor: yes\n"
         "setup: Sit with the roller under one calf.\n"
         "roll_from: just above the ankle\n"
         "roll_to: just below the knee\n"
         "lighter: Keep the other foot down.\n"
         "heavier: Cross the other leg over.\n"
         "avoid: Stop before the knee.\n"
         "hold_min_s: 30\n"
         "hold_max_s: 90\n"
         "cue: Roll slowly.\n"
         "source: A\n"
         "source: B\n"},
        {"content/stretches.rec",
         "stretch: wall_calf_stretch\n"
         "name: Wall calf stretch\n"
         "muscles: gastrocnemius soleus\n"
         "regions: calf\n"
         "per_side: yes\n"
         "needs_floor: no\n"
         "setup: Hands on a wall, one foot back.\n"
         "hold_s: 30\n"
         "cue: Breathe out slowly.\n"
         "source: A\n"},
        {"content/cues.rec", all_cues()},
        {"content/learn/why.md",
         "title: Why it works\n"
         "source: A\n"
         "\n"
         "Pressure held on a tender spot calms it down.\n"},
    };

    std::string& text(const std::string& path) {
        for (auto& f : files)
            if (f.path == path) return f.text;
        ADD_FAILURE() << "no file " << path;
        static std::string none;
        return none;
    }
    // Replaces the one occurrence of `from` in a file.
    void replace(const std::string& path, const std::string& from, const std::string& to) {
        auto& t = text(path);
        auto pos = t.find(from);
        ASSERT_NE(pos, std::string::npos) << from;
        ASSERT_EQ(t.find(from, pos + 1), std::string::npos) << "ambiguous: " << from;
        t.replace(pos, from.size(), to);
    }
    // "path:N" for the Nth line of the file, the first whose text starts with `line_start`.
    std::string at(const std::string& path, const std::string& line_start, int occurrence = 1) {
        const auto& t = text(path);
        int line = 0, seen = 0;
        std::size_t pos = 0;
        while (pos <= t.size()) {
            auto nl = t.find('\n', pos);
            auto l = t.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
            ++line;
            if (l.rfind(line_start, 0) == 0 && ++seen == occurrence) return path + ":" + std::to_string(line);
            if (nl == std::string::npos) break;
            pos = nl + 1;
        }
        ADD_FAILURE() << "no line starting with `" << line_start << "` in " << path;
        return path + ":?";
    }
    InputError load_error() { return test::load_error(files); }
    static bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

    const std::string tech = "content/techniques/calves_roll.rec";
};

TEST_F(SmallContent, LoadsWhenValid) {
    Catalog c = Catalog::load(files);
    EXPECT_EQ(c.regions().size(), 3u);
    EXPECT_EQ(c.muscles().size(), 3u);
    EXPECT_EQ(c.tool_ids(), (std::vector<std::string>{"foam_roller"}));
    ASSERT_NE(c.technique("calves_roll"), nullptr);
    EXPECT_EQ(c.technique("calves_roll")->sources, (std::vector<std::string>{"A", "B"}));
    EXPECT_EQ(c.technique("calves_roll")->hold_min_s, 30);
    ASSERT_NE(c.muscle("hamstrings"), nullptr);
    EXPECT_EQ(c.muscle("hamstrings")->kind, "group");
    EXPECT_EQ(c.muscle("soleus")->kind, "muscle");  // the default
    EXPECT_FALSE(c.region("knee")->rollable);
    ASSERT_NE(c.article("why"), nullptr);
    EXPECT_EQ(c.article("why")->title, "Why it works");
    EXPECT_EQ(c.cue("hold_core").text, "Words for hold_core.");
    EXPECT_EQ(c.cue("hold_core").at_s, -1);
}

TEST_F(SmallContent, ErrorTextIsWhereThenWhat) {
    replace(tech, "per_side: yes\n", "per_side: maybe\n");
    auto e = load_error();
    EXPECT_EQ(std::string(e.what()), e.where() + ": " + e.message());
}

TEST_F(SmallContent, UnknownFieldNamesItsLine) {
    replace(tech, "name: Calves\n", "name: Calves\ncolour: red\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "colour:"));
    EXPECT_TRUE(contains(e.message(), "unknown field `colour:`")) << e.what();
    EXPECT_TRUE(contains(e.message(), "calves_roll")) << e.what();
}

TEST_F(SmallContent, MisspeltOptionalFieldIsAnUnknownField) {
    replace("content/muscles.rec", "kind: group\n", "knid: group\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/muscles.rec", "knid:"));
}

TEST_F(SmallContent, DuplicateIdNamesTheSecondDefinition) {
    text("content/muscles.rec") += "\nmuscle: soleus\nname: Soleus again\nregions: calf\nsided: yes\nsource: A\n";
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/muscles.rec", "muscle: soleus", 2));
    EXPECT_TRUE(contains(e.message(), "soleus")) << e.what();
    EXPECT_TRUE(contains(e.message(), "twice")) << e.what();
}

TEST_F(SmallContent, DuplicateIdAcrossFilesNamesTheLaterFile) {
    files.push_back({"content/techniques/calves_again.rec", text(tech)});
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/techniques/calves_again.rec", "technique: calves_roll"));
}

TEST_F(SmallContent, UnknownMuscleInATechniqueSuggestsTheNearest) {
    replace(tech, "muscles: gastrocnemius soleus\n", "muscles: gastrocnemius solues\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "muscles:"));
    EXPECT_TRUE(contains(e.message(), "unknown muscle `solues`")) << e.what();
    EXPECT_TRUE(contains(e.message(), "did you mean: soleus")) << e.what();
}

TEST_F(SmallContent, UnknownRegionOfAMuscleNamesItsLine) {
    replace("content/muscles.rec", "regions: thigh_back\n", "regions: thigh_bak\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/muscles.rec", "regions: thigh_bak"));
    EXPECT_TRUE(contains(e.message(), "did you mean: thigh_back")) << e.what();
}

TEST_F(SmallContent, TechniqueOnANonRollableRegionIsRejected) {
    replace(tech, "regions: calf\n", "regions: calf knee\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "regions:"));
    EXPECT_TRUE(contains(e.message(), "knee")) << e.what();
    EXPECT_TRUE(contains(e.message(), "Never roll over a joint.")) << e.what();
}

TEST_F(SmallContent, HoldMaxAboveNinetyIsRejected) {
    replace(tech, "hold_max_s: 90\n", "hold_max_s: 120\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "hold_max_s:"));
    EXPECT_TRUE(contains(e.message(), "30-90")) << e.what();
}

TEST_F(SmallContent, HoldMinBelowThirtyIsRejected) {
    replace(tech, "hold_min_s: 30\n", "hold_min_s: 20\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "hold_min_s:"));
    EXPECT_TRUE(contains(e.message(), "30-90")) << e.what();
}

TEST_F(SmallContent, HoldRangeMayNarrowButNotInvert) {
    replace(tech, "hold_min_s: 30\n", "hold_min_s: 45\n");
    replace(tech, "hold_max_s: 90\n", "hold_max_s: 60\n");
    Catalog c = Catalog::load(files);
    EXPECT_EQ(c.technique("calves_roll")->hold_min_s, 45);
    EXPECT_EQ(c.technique("calves_roll")->hold_max_s, 60);

    replace(tech, "hold_min_s: 45\n", "hold_min_s: 70\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "hold_max_s:"));
}

TEST_F(SmallContent, HoldThatIsNotANumberIsRejected) {
    replace(tech, "hold_max_s: 90\n", "hold_max_s: 90s\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "hold_max_s:"));
    EXPECT_TRUE(contains(e.message(), "whole number")) << e.what();
}

TEST_F(SmallContent, MissingHoldFieldNamesTheRecord) {
    replace(tech, "hold_max_s: 90\n", "");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "technique:"));
    EXPECT_TRUE(contains(e.message(), "hold_max_s")) << e.what();
}

TEST_F(SmallContent, TechniqueMuscleWithoutAnyStretchIsRejected) {
    text("content/muscles.rec") += "\nmuscle: plantaris\nname: Plantaris\nregions: calf\nsided: yes\nsource: B\n";
    replace(tech, "muscles: gastrocnemius soleus\n", "muscles: gastrocnemius soleus plantaris\n");
    auto e = load_error();
    EXPECT_TRUE(contains(e.message(), "plantaris")) << e.what();
    EXPECT_TRUE(contains(e.message(), "stretch")) << e.what();
    // The bad field is the technique's muscle list.
    EXPECT_EQ(e.where(), at(tech, "muscles:"));
}

TEST_F(SmallContent, MissingRequiredCueNamesTheCueFile) {
    replace("content/cues.rec", "\ncue: hold_core\nwhen: any\ntext: Words for hold_core.\n", "");
    auto e = load_error();
    EXPECT_TRUE(contains(e.message(), "hold_core")) << e.what();
    // The error points into the file where this content keeps its cues, with a line number.
    EXPECT_EQ(e.where().rfind("content/cues.rec:", 0), 0u) << e.where();
}

TEST_F(SmallContent, ContinuationLineWithoutAFieldNamesItsLine) {
    replace(tech, "# Calves.\n", "# Calves.\n   rolled while seated\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), tech + ":2");
}

TEST_F(SmallContent, BadYesNoNamesItsLine) {
    replace(tech, "per_side: yes\n", "per_side: maybe\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "per_side:"));
    EXPECT_TRUE(contains(e.message(), "yes or no")) << e.what();
    EXPECT_TRUE(contains(e.message(), "maybe")) << e.what();
}

TEST_F(SmallContent, BadOptionalYesNoNamesItsLine) {
    replace("content/tools.rec", "description: A cylinder of foam.\n", "description: A cylinder of foam.\nneeds_floor: sometimes\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/tools.rec", "needs_floor:"));
}

TEST_F(SmallContent, UnknownSourceKeyNamesItsLine) {
    replace(tech, "source: A\n", "source: A7\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "source: A7"));
    EXPECT_TRUE(contains(e.message(), "unknown source `A7`")) << e.what();
}

TEST_F(SmallContent, UnknownSourceKeyOnALaterSourceLineNamesThatLine) {
    replace(tech, "source: B\n", "source: behm2020\n");
    auto e = load_error();
    EXPECT_TRUE(contains(e.message(), "unknown source `behm2020`")) << e.what();
    EXPECT_EQ(e.where(), at(tech, "source: behm2020"));
}

TEST_F(SmallContent, UnknownSourceInAnArticleIsRejected) {
    replace("content/learn/why.md", "source: A\n", "source: nobody\n");
    auto e = load_error();
    EXPECT_TRUE(contains(e.where(), "content/learn/why.md:")) << e.what();
    EXPECT_TRUE(contains(e.message(), "nobody")) << e.what();
}

TEST_F(SmallContent, UnknownToolNamesItsLine) {
    replace(tech, "tools: foam_roller\n", "tools: foam_roller foam_rollr\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(tech, "tools:"));
    EXPECT_TRUE(contains(e.message(), "did you mean: foam_roller")) << e.what();
}

TEST_F(SmallContent, UnknownPositionNamesItsLine) {
    replace(tech, "position: seated\n", "position: upside_down\n");
    EXPECT_EQ(load_error().where(), at(tech, "position:"));
}

TEST_F(SmallContent, SingleFieldGivenTwiceNamesTheSecond) {
    replace(tech, "roll_to: just below the knee\n", "roll_to: just below the knee\nroll_to: the hip\n");
    EXPECT_EQ(load_error().where(), at(tech, "roll_to:", 2));
}

TEST_F(SmallContent, UnknownRecordKindNamesItsLine) {
    text("content/tools.rec") += "\ngadget: vibrating_ball\nname: Vibrating ball\n";
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/tools.rec", "gadget:"));
    EXPECT_TRUE(contains(e.message(), "gadget")) << e.what();
}

TEST_F(SmallContent, NonRollableRegionMustSayWhy) {
    replace("content/regions.rec", "why_not: Never roll over a joint.\n", "");
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/regions.rec", "region: knee"));
    EXPECT_TRUE(contains(e.message(), "why_not")) << e.what();
}

TEST_F(SmallContent, StretchHoldOutsideTheAcsmRangeIsRejected) {
    replace("content/stretches.rec", "hold_s: 30\n", "hold_s: 5\n");
    EXPECT_EQ(load_error().where(), at("content/stretches.rec", "hold_s:"));
}

TEST_F(SmallContent, IncompleteContentIsRejected) {
    std::vector<ContentFile> only_cues{{"content/cues.rec", all_cues()}};
    EXPECT_THROW(Catalog::load(only_cues), InputError);
}

// --- the real content ---------------------------------------------------------------------------

TEST(RealCatalog, LoadsFromTheDataDirectory) {
    EXPECT_NO_THROW(Catalog::load(json::read_content_dir(test::data_dir())));
}

TEST(RealCatalog, HasEveryMuscleOfTheAssessmentTable) {
    // SMR-REFERENCE.md section 4: overactive and underactive muscles of the overhead squat.
    const std::vector<std::string> muscles{
        "gastrocnemius", "lateral_gastrocnemius", "medial_gastrocnemius", "soleus", "biceps_femoris", "biceps_femoris_short_head",
        "medial_hamstrings", "hamstrings", "gracilis", "sartorius", "popliteus", "peroneals", "anterior_tibialis", "posterior_tibialis",
        "tensor_fasciae_latae", "gluteus_minimus", "gluteus_medius", "gluteus_maximus", "adductor_complex", "adductor_magnus",
        "vastus_lateralis", "vastus_medialis_oblique", "piriformis", "hip_flexor_complex", "abdominal_complex", "rectus_abdominis",
        "external_obliques", "erector_spinae", "intrinsic_core_stabilisers", "latissimus_dorsi", "teres_major", "pectoralis_major",
        "pectoralis_minor", "middle_trapezius", "lower_trapezius", "rhomboids", "rotator_cuff", "upper_trapezius",
        "sternocleidomastoid", "levator_scapulae", "deep_cervical_flexors"};
    const auto& c = test::catalog();
    for (const auto& m : muscles) {
        const Muscle* mm = c.muscle(m);
        ASSERT_NE(mm, nullptr) << m;
        EXPECT_FALSE(mm->name.empty()) << m;
        EXPECT_FALSE(mm->regions.empty()) << m;
        for (const auto& g : mm->regions) EXPECT_NE(c.region(g), nullptr) << m << " -> " << g;
    }
}

TEST(RealCatalog, HasTheFourTools) {
    auto ids = test::catalog().tool_ids();
    std::sort(ids.begin(), ids.end());
    EXPECT_EQ(ids, (std::vector<std::string>{"foam_roller", "handheld_roller", "massage_ball", "medicine_ball"}));
    const Tool* handheld = test::catalog().tool("handheld_roller");
    ASSERT_NE(handheld, nullptr);
    EXPECT_TRUE(handheld->held_in_hand);
}

TEST(RealCatalog, HasTheReferenceTechniques) {
    const auto& c = test::catalog();
    struct Want {
        std::string technique;
        std::vector<std::string> muscles;
    };
    const std::vector<Want> wanted{
        {"calves_roll", {"gastrocnemius", "soleus"}},
        {"hamstrings_roll", {"hamstrings", "biceps_femoris_short_head"}},
        {"quadriceps_roll", {"quadriceps"}},
        {"adductors_roll", {"adductor_complex"}},
        {"tfl_roll", {"tensor_fasciae_latae"}},
        {"it_band_roll", {"iliotibial_band"}},
        {"piriformis_roll", {"piriformis"}},
        {"latissimus_dorsi_roll", {"latissimus_dorsi"}},
        {"thoracic_spine_roll", {"erector_spinae"}},
        {"peroneals_roll", {"peroneals"}},
        {"quadriceps_plank_roll", {"hip_flexor_complex"}},
    };
    for (const auto& w : wanted) {
        const Technique* t = c.technique(w.technique);
        ASSERT_NE(t, nullptr) << w.technique;
        for (const auto& m : w.muscles)
            EXPECT_NE(std::find(t->muscles.begin(), t->muscles.end(), m), t->muscles.end()) << w.technique << " should roll " << m;
        EXPECT_FALSE(t->setup.empty()) << w.technique;
        EXPECT_FALSE(t->lighter.empty()) << w.technique;
        EXPECT_FALSE(t->avoid.empty()) << w.technique;
        EXPECT_FALSE(t->tools.empty()) << w.technique;
    }
    EXPECT_FALSE(c.technique("thoracic_spine_roll")->per_side);  // the one that is not done per side
    EXPECT_TRUE(c.technique("calves_roll")->per_side);
    EXPECT_EQ(c.technique("quadriceps_plank_roll")->position, "plank");
    EXPECT_EQ(c.technique("tfl_roll")->position, "side_lying");
}

TEST(RealCatalog, KeepsTheSafetyRules) {
    const auto& c = test::catalog();
    for (const std::string never : {"lower_back", "cervical_spine", "knee", "ankle", "neck_front"}) {
        const Region* g = c.region(never);
        ASSERT_NE(g, nullptr) << never;
        EXPECT_FALSE(g->rollable) << never;
        EXPECT_FALSE(g->why_not.empty()) << never;
    }
    for (const auto& t : c.techniques()) {
        EXPECT_GE(t.hold_min_s, 30) << t.id;
        EXPECT_LE(t.hold_max_s, 90) << t.id;
        EXPECT_LE(t.hold_min_s, t.hold_max_s) << t.id;
        EXPECT_FALSE(t.sources.empty()) << t.id;
        for (const auto& g : t.regions) EXPECT_TRUE(c.region(g)->rollable) << t.id << " rolls " << g;
        for (const auto& m : t.muscles) {
            bool stretched = std::any_of(c.stretches().begin(), c.stretches().end(), [&](const Stretch& s) {
                return std::find(s.muscles.begin(), s.muscles.end(), m) != s.muscles.end();
            });
            EXPECT_TRUE(stretched) << t.id << ": nothing lengthens " << m;
        }
    }
}

TEST(RealCatalog, DefinesEveryCueTheEngineSpeaksWithItsTiming) {
    const auto& c = test::catalog();
    for (const auto& id : required_cue_ids()) EXPECT_FALSE(c.cue(id).text.empty()) << id;
    EXPECT_EQ(c.cue("hold_core").at_s, 10);
    EXPECT_EQ(c.cue("hold_breathe").at_s, 20);
    EXPECT_EQ(c.cue("hold_breathe").every_s, 20);
    EXPECT_EQ(c.cue("rolling_slow").at_s, 0);
    EXPECT_EQ(c.cue("rolling_slow").every_s, 20);
    EXPECT_EQ(c.cue("hold_core").when, "holding");
}

// --- The screening gate and the clearance period (screening_gate.rec) ---------------------------

class GateContent : public SmallContent {
protected:
    void SetUp() override {
        files.push_back({"content/screening.rec",
                         "condition: bleeding\n"
                         "question: Do you bleed easily?\n"
                         "outcome: refer\n"
                         "explain: Pressure can bruise deeply.\n"
                         "source: A\n"
                         "\n"
                         "condition: bruise\n"
                         "question: Is there a bruise?\n"
                         "outcome: caution\n"
                         "explain: Rolling over it slows healing.\n"
                         "follow_up: bruise_regions\n"
                         "follow_up_question: Where?\n"
                         "follow_up_kind: regions\n"
                         "source: A\n"});
        files.push_back({"content/screening_gate.rec",
                         "gate: health\n"
                         "question: Any health problem?\n"
                         "covers: bleeding\n"
                         "  bruise\n"
                         "source: A\n"
                         "\n"
                         "clearance: professional\n"
                         "valid_days: 365\n"
                         "why: Health changes.\n"
                         "source: B\n"});
    }
    const std::string gate = "content/screening_gate.rec";
};

TEST_F(GateContent, LoadsWhenEveryConditionIsCoveredOnce) {
    Catalog c = Catalog::load(files);
    ASSERT_EQ(c.gate().size(), 1u);
    EXPECT_EQ(c.gate()[0].covers, (std::vector<std::string>{"bleeding", "bruise"}));
    EXPECT_EQ(c.gate_of("bruise"), &c.gate()[0]);
    EXPECT_TRUE(c.is_answer_key("health"));
    EXPECT_EQ(c.clearance_policy().valid_days, 365);
    EXPECT_EQ(c.clearance_policy().sources, (std::vector<std::string>{"B"}));
}

TEST_F(GateContent, AConditionUnderNoGateNamesTheCondition) {
    replace(gate, "covers: bleeding\n  bruise\n", "covers: bleeding\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at("content/screening.rec", "condition: bruise"));
    EXPECT_TRUE(contains(e.message(), "under no gate question")) << e.what();
}

TEST_F(GateContent, AConditionUnderTwoGatesNamesTheSecondCovers) {
    text(gate) += "\ngate: again\nquestion: Again?\ncovers: bruise\nsource: A\n";
    auto e = load_error();
    EXPECT_EQ(e.where(), at(gate, "covers: bruise"));
    EXPECT_TRUE(contains(e.message(), "already covered by gate `health`")) << e.what();
}

TEST_F(GateContent, AnUnknownConditionInCoversSuggestsTheNearest) {
    replace(gate, "covers: bleeding\n", "covers: bleding\n");
    auto e = load_error();
    EXPECT_EQ(e.where(), at(gate, "covers:"));
    EXPECT_TRUE(contains(e.message(), "bleeding")) << e.what();
}

TEST_F(GateContent, AGateWithAConditionsIdIsRejected) {
    replace(gate, "gate: health\n", "gate: bleeding\n");
    EXPECT_EQ(load_error().where(), at(gate, "gate: bleeding"));
}

TEST_F(GateContent, TheClearancePeriodIsRequiredAndBounded) {
    replace(gate, "valid_days: 365\n", "valid_days: 400\n");
    EXPECT_EQ(load_error().where(), at(gate, "valid_days:"));
    replace(gate, "valid_days: 400\n", "valid_days: 365\n");
    replace(gate, "clearance: professional\n", "clearance: friend\n");
    EXPECT_EQ(load_error().where(), at(gate, "clearance: friend"));
    auto& t = text(gate);
    t = t.substr(0, t.find("\nclearance:"));
    EXPECT_TRUE(contains(load_error().message(), "how long a clearance lasts"));
}

TEST_F(GateContent, AClearanceWithoutItsReasonIsRejected) {
    replace(gate, "why: Health changes.\n", "");
    EXPECT_TRUE(contains(load_error().message(), "why")) << load_error().what();
}

}  // namespace
}  // namespace unknot
