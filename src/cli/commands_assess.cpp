// `unknot assess --findings FILE`: what a movement assessment says to inhibit and to activate.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

namespace unknot::cli {

namespace {

void print_list(const char* title, const std::vector<Implicated>& list, const Catalog& c) {
    fmt::print("\n{}\n", title);
    if (list.empty()) fmt::print("  (none)\n");
    for (const auto& x : list) {
        const Muscle* m = c.muscle(x.muscle);
        std::vector<std::string> why;
        for (const auto& b : x.because) {
            auto side = b.side ? fmt::format(" {}", to_string(*b.side)) : std::string{};
            why.push_back(fmt::format("{}{} [{} {}]", b.finding, side, b.edition, join(b.sources, ",")));
        }
        auto side = x.side ? fmt::format(", {} side", to_string(*x.side)) : std::string{};
        fmt::print("  {}{} ({}x): {}\n", m ? m->name : x.muscle, side, x.count(), join(why, "; "));
    }
}

}  // namespace

void add_assess_command(CLI::App& app, Context& ctx, int& code) {
    auto* cmd = app.add_subcommand("assess", "Turn movement-assessment findings into muscles to inhibit and to activate");
    static std::string file;
    static bool as_json = false;
    cmd->add_option("--findings", file, "JSON: {\"findings\": [{\"id\": \"knees_move_inward\"}], \"edition\": \"c4\"}")->required();
    cmd->add_flag("--json", as_json, "JSON output");
    cmd->callback([&ctx, &code] {
        const auto& catalog = ctx.catalog();
        auto v = json::parse(read_file(file), file);
        auto r = within(file, ": ", [&] { return assess(json::assessment_from_json(v, ""), catalog); });
        if (as_json) {
            fmt::print("{}\n", json::pretty(json::to_json(r, catalog)));
        } else {
            fmt::print("Assessment ({} table)\n", r.edition);
            print_list("Overactive: roll, then stretch (most findings first)", r.overactive, catalog);
            print_list("Underactive: activate", r.underactive, catalog);
        }
        code = exit_ok;
    });
}

}  // namespace unknot::cli
