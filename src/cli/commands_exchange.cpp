// `unknot export` and `unknot import`: a person's data as files, to keep, to move to another
// installation, or to bring in exercises from free-exercise-db. The work is in src/exchange.
#include <fmt/core.h>

#include <boost/json/serialize.hpp>

#include "cli/commands.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "exchange/export.hpp"
#include "exchange/free_exercise_db.hpp"
#include "exchange/import.hpp"
#include "report/report.hpp"

namespace unknot::cli {

namespace {

void write_text(const std::string& path, const std::string& text) {
    report::write_atomically(path, [&](std::ostream& out) {
        out << text;
        return report::Rendered{};
    });
}

std::string count(int n, const char* one, const char* many) { return fmt::format("{} {}", n, n == 1 ? one : many); }

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

std::string whose(Store& store, UserId user) {
    auto u = store.user(user);
    return u ? u->email : std::string("the data kept before any account existed");
}

void print_imported_export(const exchange::ImportedExport& r) {
    auto what = fmt::format("{} ({}, {}), {}, {}, {}, {}", count(r.sessions, "session", "sessions"), count(r.holds, "hold", "holds"),
                            count(r.visits, "item worked through", "items worked through"), count(r.assessments, "assessment", "assessments"),
                            count(r.screenings, "screening", "screenings"), count(r.assignments, "routine from a trainer", "routines from trainers"),
                            count(r.techniques, "technique of their own", "techniques of their own"));
    if (r.clearances) what += ", " + count(r.clearances, "clearance after a refer", "clearances after a refer");
    if (r.email.empty()) {
        fmt::print("Imported data recorded before any account existed: {}.\nThe first account created here (`unknot admin create-user`) will own it.\n", what);
        return;
    }
    fmt::print("Imported {} as account #{} ({}{}): {}.\n", r.email, r.user, to_string(r.role),
               r.role == Role::admin ? ": the first account owns this installation" : "", what);
    fmt::print("An export carries no password, so nobody can sign in to this account yet. Set one with\n"
               "  unknot admin reset-password --email {}\nwhich prints a single-use link for choosing it.\n",
               r.email);
}

void print_free_exercise_db(const exchange::FreeExerciseDbImport& r, const std::string& file, const std::string& owner, const Catalog& c) {
    fmt::print("Imported {} foam-roll exercises from {} as techniques of {} ({} other entries are not foam-roll exercises):\n",
               r.imported.size(), file, owner, r.entries - r.imported.size());
    std::vector<std::string> unmapped;
    for (const auto& x : r.imported) {
        std::string notes;
        if (!x.unmapped.empty()) {
            notes += "  not mapped: " + join(x.unmapped, ", ");
            unmapped.push_back(x.id + ": " + join(x.unmapped, ", "));
        }
        for (const auto& region : x.never_rolled)
            if (const Region* g = c.region(region)) notes += "  unknot never rolls the " + lower_first(g->name) + ": " + g->why_not;
        auto muscles = x.muscles.empty() ? std::string("-") : join(x.muscles, " ");
        if (notes.empty()) fmt::print("  {:<24} {}\n", x.id, muscles);
        else fmt::print("  {:<24} {:<44}{}\n", x.id, muscles, notes);
    }
    if (unmapped.empty()) fmt::print("Every muscle name was mapped to ours.\n");
    else fmt::print("Muscle names with no muscle of ours (data/mappings/free-exercise-db.rec): {}.\n", join(unmapped, "; "));
    fmt::print("`unknot techniques --mine` lists them. They are kept for you, never planned: they have not been checked as ours are.\n");
}

}  // namespace

void add_exchange_commands(CLI::App& app, Context& ctx, int& code) {
    auto* exp = app.add_subcommand("export", "Write all of a person's data to a file (JSON, docs/export-format.md), and the holds as CSV");
    static std::string output, csv;
    exp->add_option("-o,--output", output, "the JSON file to write")->required();
    exp->add_option("--csv", csv, "also write one line per hold to this CSV file");
    exp->callback([&ctx, &code] {
        auto& store = ctx.store();
        auto user = ctx.user();
        auto doc = exchange::export_user(store, user, now_unix_ms());
        write_text(output, json::pretty(doc) + "\n");
        if (!csv.empty()) write_text(csv, exchange::export_holds_csv(store, user));
        if (user != kLocalUser) store.audit({0, now_unix_ms(), user, user, "export", "unknot export"});
        const auto& d = doc.as_object();
        fmt::print("Wrote {}: {} of {}, {}.\n", output, count(static_cast<int>(d.at("sessions").as_array().size()), "session", "sessions"),
                   whose(store, user), count(static_cast<int>(d.at("assessments").as_array().size()), "assessment", "assessments"));
        if (!csv.empty()) fmt::print("Wrote {}: one line per hold.\n", csv);
        code = exit_ok;
    });

    auto* imp = app.add_subcommand("import", "Bring in an unknot export (a new account with all its data), or free-exercise-db's foam-roll exercises");
    static std::string file, fedb;
    auto* file_opt = imp->add_option("file", file, "an unknot export (from `unknot export` or GET /api/v1/export)");
    imp->add_option("--free-exercise-db", fedb, "free-exercise-db's exercises.json: its foam-roll entries become your own techniques (--user: whose)")
        ->excludes(file_opt);
    imp->callback([&ctx, &code] {
        if (file.empty() && fedb.empty())
            throw InputError("import", "name a file: `unknot import EXPORT.json`, or `unknot import --free-exercise-db exercises.json`");
        const auto& catalog = ctx.catalog();
        auto& store = ctx.store();
        if (!fedb.empty()) {
            auto text = exchange::read_import_file(fedb);
            auto user = ctx.user();
            auto r = exchange::import_free_exercise_db(store, catalog, user, text, fedb);
            print_free_exercise_db(r, fedb, whose(store, user), catalog);
        } else {
            auto text = exchange::read_import_file(file);
            print_imported_export(exchange::import_export(store, catalog, text, file, now_unix_ms()));
        }
        code = exit_ok;
    });
}

}  // namespace unknot::cli
