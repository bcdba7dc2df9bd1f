// `unknot handout`, `unknot report` and `unknot calendar`: the routine and the progress on paper,
// and the routine as a daily reminder in a calendar.
#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/commands.hpp"
#include "codec/codec.hpp"
#include "codec/json_util.hpp"
#include "common/error.hpp"
#include "report/calendar.hpp"
#include "report/contact_sheet.hpp"
#include "report/picture.hpp"
#include "report/exercises.hpp"
#include "report/handout.hpp"
#include "report/progress_report.hpp"

namespace unknot::cli {

namespace {

struct PaperOptions {
    std::string output, page = "a4", client, trainer;
};

void add_paper_options(CLI::App* cmd, PaperOptions& o, const std::string& what) {
    cmd->add_option("-o,--output", o.output, "PDF file to write " + what + " to")->required();
    cmd->add_option("--page", o.page, "paper size: a4 (default) or letter");
    cmd->add_option("--client", o.client, "the client's name, printed at the top");
    cmd->add_option("--trainer", o.trainer, "the trainer's name, printed at the top");
}

report::PageSize page_size(const std::string& s) {
    auto p = report::parse_page_size(s);
    if (!p) throw InputError("--page", "expected a4 or letter, got `" + s + "`");
    return *p;
}

std::optional<std::string> given(const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); }

// The same plan `unknot plan --profile FILE` prints, hold times learned from the database included.
struct ProfilePlan {
    Profile profile;
    Plan plan;
};

ProfilePlan plan_from_profile(Context& ctx, const std::string& file) {
    const auto& catalog = ctx.catalog();
    auto v = json::parse(read_file(file), file);
    return within(file, ": ", [&] {
        ProfilePlan pp{json::profile_from_json(v, catalog), {}};
        std::error_code ec;
        if (pp.profile.learned_hold_s.empty() && std::filesystem::exists(ctx.db_path(), ec)) {
            auto progress = compute_progress(ctx.store().session_summaries(ctx.user()), today_local(), catalog);
            for (const auto& m : progress.muscles)
                if (m.suggested_hold_s) pp.profile.learned_hold_s[m.id] = *m.suggested_hold_s;
        }
        pp.plan = make_plan(pp.profile, catalog);
        return pp;
    });
}

int exercise_count(const Plan& plan) {
    int n = 0;
    for (const auto& ph : report::exercises_of(plan)) n += static_cast<int>(ph.exercises.size());
    return n;
}

// --start YYYY-MM-DD
int parse_day(const std::string& s, const std::string& where) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    using namespace std::chrono;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
        year_month_day ymd{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
        if (ymd.ok() && y >= 1970) return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
    }
    throw InputError(where, "expected a date like 2026-11-23, got `" + s + "`");
}

// --time HH:MM, 24-hour clock
int parse_time(const std::string& s) {
    int h = -1, m = -1;
    char tail = 0;
    if (std::sscanf(s.c_str(), "%2d:%2d%c", &h, &m, &tail) == 2 && h >= 0 && h <= 23 && m >= 0 && m <= 59) return h * 60 + m;
    throw InputError("--time", "expected a time like 07:30 (24-hour clock), got `" + s + "`");
}

// Without --profile the calendar keeps the routine of the most recent recorded session.
Plan latest_session_plan(Context& ctx) {
    std::error_code ec;
    if (std::filesystem::exists(ctx.db_path(), ec)) {
        auto& store = ctx.store();
        for (const auto& info : store.list_sessions(ctx.user())) {
            auto full = store.session(info.id);
            if (!full || full->plan_json.empty()) continue;
            auto where = "session #" + std::to_string(info.id) + " plan";
            return within(where, ": ", [&] { return json::plan_from_json(json::parse(full->plan_json, where), ctx.catalog()); });
        }
    }
    throw InputError("--profile", "missing: no session is recorded yet to take the routine from; pass --profile FILE");
}

}  // namespace

void add_report_commands(CLI::App& app, Context& ctx, int& code) {
    auto* handout = app.add_subcommand("handout", "Print a routine handout (PDF): body map, set-up, roll path, holds and cues");
    static PaperOptions hand;
    static std::string profile_file;
    handout->add_option("--profile", profile_file, "JSON profile, as `unknot plan` takes it")->required();
    add_paper_options(handout, hand, "the handout");
    handout->callback([&ctx, &code] {
        auto size = page_size(hand.page);
        auto pp = plan_from_profile(ctx, profile_file);
        report::HandoutInput in{pp.plan, ctx.catalog(), given(hand.client), given(hand.trainer), today_local(), &pp.profile.answers};
        auto r = report::render_handout(in, size, std::filesystem::path(hand.output));
        auto pages = fmt::format("{} page{}", r.pages, r.pages == 1 ? "" : "s");
        if (pp.plan.screening.verdict == Verdict::refer)
            fmt::print("Wrote {} ({}): the screening says not to foam roll for now, so the handout says so and asks to see a doctor "
                       "or physiotherapist first. Nothing is planned.\n",
                       hand.output, pages);
        else fmt::print("Wrote {} ({}, {} exercises).\n", hand.output, pages, exercise_count(pp.plan));
        code = exit_ok;
    });

    auto* pictures = app.add_subcommand("pictures", "Draw every move's picture: a contact sheet (PDF) and/or one SVG per move");
    static std::string sheet, svg_dir, only, page = "a4";
    pictures->add_option("--only", only, "just the moves whose id contains this");
    pictures->add_option("--sheet", sheet, "PDF file: every move with its name, to look at them side by side");
    pictures->add_option("--svg", svg_dir, "folder to write one still SVG per move and tool into");
    pictures->add_option("--page", page, "paper size: a4 (default) or letter");
    pictures->callback([&ctx, &code] {
        const auto& c = ctx.catalog();  // loading checks every pose against its move
        if (sheet.empty() && svg_dir.empty()) throw InputError("pictures", "say what to draw: --sheet FILE, --svg DIR, or both");
        if (!sheet.empty()) {
            auto r = report::render_contact_sheet(c, page_size(page), std::filesystem::path(sheet), only);
            fmt::print("Wrote {} ({} pages, {} poses).\n", sheet, r.pages, c.poses().size());
        }
        if (!svg_dir.empty()) {
            std::filesystem::create_directories(svg_dir);
            int n = 0;
            for (const auto& p : c.poses()) {
                for (const auto& tool : p.tools.empty() ? std::vector<std::string>{""} : p.tools) {
                    auto svg = report::picture_svg(c, p.move, tool, Side::left);
                    auto name = p.move + (tool.empty() ? "" : "." + tool) + ".svg";
                    std::FILE* f = std::fopen((std::filesystem::path(svg_dir) / name).c_str(), "wb");
                    if (!f) throw InputError(svg_dir, "cannot write " + name);
                    std::fwrite(svg->data(), 1, svg->size(), f);
                    std::fclose(f);
                    ++n;
                }
            }
            fmt::print("Wrote {} pictures to {}.\n", n, svg_dir);
        }
        code = exit_ok;
    });

    auto* report_cmd = app.add_subcommand("report", "Print a progress report (PDF): tenderness, tender spots and days rolled");
    static PaperOptions rep;
    add_paper_options(report_cmd, rep, "the report");
    report_cmd->callback([&ctx, &code] {
        auto size = page_size(rep.page);
        auto sessions = ctx.store().session_summaries(ctx.user());
        report::ProgressReportInput in{sessions, ctx.catalog(), today_local(), given(rep.client), given(rep.trainer)};
        auto r = report::render_progress_report(in, size, std::filesystem::path(rep.output));
        fmt::print("Wrote {} ({} page{}, {} session{}).\n", rep.output, r.pages, r.pages == 1 ? "" : "s", sessions.size(),
                   sessions.size() == 1 ? "" : "s");
        code = exit_ok;
    });

    auto* cal = app.add_subcommand("calendar", "Write the routine as a daily calendar event with a reminder (iCalendar .ics)");
    static std::string cal_output, cal_profile, cal_time = "07:30", cal_start;
    static bool cal_utc = false;
    cal->add_option("-o,--output", cal_output, "the .ics file to write")->required();
    cal->add_option("--profile", cal_profile, "JSON profile (default: the routine of your most recent session)");
    cal->add_option("--time", cal_time, "when each day, HH:MM (default 07:30, in whatever time zone you are in)");
    cal->add_option("--start", cal_start, "first day, YYYY-MM-DD (default today)");
    cal->add_flag("--utc", cal_utc, "read --time as UTC instead of local time");
    cal->callback([&ctx, &code] {
        report::CalendarOptions o;
        o.minute_of_day = parse_time(cal_time);
        o.start_day = cal_start.empty() ? today_local() : parse_day(cal_start, "--start");
        o.utc = cal_utc;
        o.dtstamp_unix_ms = now_unix_ms();
        auto plan = cal_profile.empty() ? latest_session_plan(ctx) : plan_from_profile(ctx, cal_profile).plan;
        auto text = within(cal_profile.empty() ? std::string("routine") : cal_profile, ": ",
                           [&] { return report::render_calendar(plan, ctx.catalog(), o); });
        report::write_atomically(cal_output, [&](std::ostream& out) {
            out << text;
            return report::Rendered{};
        });
        fmt::print("Wrote {}: {} every day from {}, {} exercises.\n", cal_output, cal_time, iso_day(o.start_day), exercise_count(plan));
        code = exit_ok;
    });
}

}  // namespace unknot::cli
