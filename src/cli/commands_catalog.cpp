// `unknot techniques` and `unknot technique ID`: the library, for people and for scripts.
#include <fmt/core.h>

#include <boost/json/serialize.hpp>

#include "cli/commands.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "exchange/export.hpp"

namespace unknot::cli {

namespace {

std::string tool_names(const Catalog& c, const std::vector<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(c.tool(id)->name);
    return join(names, ", ");
}

void print_list(const std::string& title, const std::vector<std::string>& lines, bool numbered) {
    fmt::print("\n{}\n", title);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (numbered) fmt::print("  {}. {}\n", i + 1, lines[i]);
        else fmt::print("  - {}\n", lines[i]);
    }
}

void print_technique(const Technique& t, const Catalog& c) {
    fmt::print("{}  ({})\n", t.name, t.id);
    if (!t.summary.empty()) fmt::print("{}\n", t.summary);
    std::vector<std::string> muscles;
    for (const auto& m : t.muscles) muscles.push_back(c.muscle(m)->name);
    fmt::print("\nMuscles:  {}\n", join(muscles, ", "));
    fmt::print("Tools:    {}\n", tool_names(c, t.tools));
    fmt::print("Sides:    {}\n", t.per_side ? "one side at a time, then the other" : "both at once");
    fmt::print("Hold:     {}-{} s on each tender spot\n", t.hold_min_s, t.hold_max_s);
    print_list("Set-up", t.setup, true);
    fmt::print("\nRoll from {} to {}, slowly.\n", t.roll_from, t.roll_to);
    print_list("Less pressure", t.lighter, false);
    print_list("More pressure", t.heavier, false);
    print_list("Stay off", t.avoid, false);
    print_list("Cues", t.cues, false);
    if (!t.population.empty()) fmt::print("\nEspecially for: {}\n", t.population);
    fmt::print("\nSources: {}\n", join(t.sources, ", "));
}

// Kept apart from the catalog's: nobody checked them as the catalog's are, so they are never planned.
void print_own_techniques(Context& ctx, bool as_json) {
    auto list = exchange::user_techniques_json(ctx.store(), ctx.user());
    if (as_json) {
        fmt::print("{}\n", json::pretty(list));
        return;
    }
    if (list.empty()) {
        fmt::print("No techniques of your own yet. `unknot import --free-exercise-db FILE` brings in free-exercise-db's foam-roll exercises.\n");
        return;
    }
    fmt::print("{:<24} {:<28} {:<18} {}\n", "ID", "NAME", "SOURCE", "MUSCLES");
    for (const auto& v : list) {
        const auto& t = v.as_object();
        std::vector<std::string> muscles;
        for (const auto& m : t.at("muscles").as_array()) muscles.emplace_back(m.as_string());
        fmt::print("{:<24} {:<28} {:<18} {}\n", std::string(t.at("id").as_string()), std::string(t.at("name").as_string()),
                   std::string(t.at("source").as_string()), muscles.empty() ? std::string("-") : join(muscles, " "));
    }
    fmt::print("\n{} of your own, imported; unknot lists them but never plans them.\n", list.size() == 1 ? std::string("1 technique") : std::to_string(list.size()) + " techniques");
}

}  // namespace

void add_catalog_commands(CLI::App& app, Context& ctx, int& code) {
    auto* list = app.add_subcommand("techniques", "List the foam-rolling techniques");
    static bool as_json = false, mine = false;
    list->add_flag("--json", as_json, "JSON array for scripts");
    list->add_flag("--mine", mine, "instead: the techniques you imported (`unknot import --free-exercise-db`); --user: whose");
    list->callback([&ctx, &code] {
        if (mine) {
            print_own_techniques(ctx, as_json);
            code = exit_ok;
            return;
        }
        const auto& c = ctx.catalog();
        if (as_json) {
            boost::json::array a;
            for (const auto& t : c.techniques()) a.push_back(json::technique_summary(t));
            fmt::print("{}\n", json::pretty(a));
        } else {
            fmt::print("{:<24} {:<42} {:<6} {}\n", "ID", "NAME", "SIDES", "TOOLS");
            for (const auto& t : c.techniques())
                fmt::print("{:<24} {:<42} {:<6} {}\n", t.id, t.name, t.per_side ? "each" : "both", tool_names(c, t.tools));
            fmt::print("\n{} techniques. `unknot technique ID` shows the steps.\n", c.techniques().size());
        }
        code = exit_ok;
    });

    auto* one = app.add_subcommand("technique", "Show one technique step by step");
    static std::string id;
    static bool one_json = false;
    one->add_option("id", id, "technique id (see `unknot techniques`)")->required();
    one->add_flag("--json", one_json, "JSON object for scripts");
    one->callback([&ctx, &code] {
        const auto& c = ctx.catalog();
        const Technique* t = c.technique(id);
        if (!t) throw InputError("technique", "unknown technique `" + id + "`" + did_you_mean(nearest(id, c.technique_ids())));
        if (one_json) fmt::print("{}\n", json::pretty(json::to_json(*t, c)));
        else print_technique(*t, c);
        code = exit_ok;
    });
}

}  // namespace unknot::cli
