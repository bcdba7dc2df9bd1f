#include "report/progress_report.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/charts.hpp"
#include "report/page.hpp"
#include "report/words.hpp"

namespace unknot::report {

namespace {

constexpr const char* footer_line =
    "unknot \u00b7 Tenderness is the 0\u201310 rating given when a spot was found. Not medical advice: pain that grows, or numbness "
    "or tingling, needs a doctor or physiotherapist.";

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

Block header(cairo_t* cr, const ProgressReportInput& in, const std::string& sub, double width) {
    return title_band(cr, "<b>Progress report</b>", sub, in.client, in.trainer, in.today, width, 14);
}

Block tiles(cairo_t* cr, const std::vector<std::pair<std::string, std::string>>& facts, double width) {
    const double gap = 10, w = (width - gap * static_cast<double>(facts.size() - 1)) / static_cast<double>(facts.size()), h = 54;
    std::vector<std::pair<Layout, Layout>> parts;
    for (const auto& [value, what] : facts) {
        parts.emplace_back(markup_layout(cr, "<b>" + escape(value) + "</b>", {17, false, false, 1.0}, w - 20),
                           text_layout(cr, what, {8, false, false, 1.1}, w - 20));
    }
    Block b;
    b.height = h;
    b.space_after = 18;
    b.draw = [=](cairo_t* c, double x, double y) {
        for (std::size_t i = 0; i < parts.size(); ++i) {
            double tx = x + static_cast<double>(i) * (w + gap);
            set_colour(c, ink::panel);
            cairo_rectangle(c, tx, y, w, h);
            cairo_fill(c);
            set_colour(c, ink::accent);
            cairo_rectangle(c, tx, y, 3, h);
            cairo_fill(c);
            draw(c, parts[i].first, tx + 12, y + 8, ink::text);
            draw(c, parts[i].second, tx + 12, y + 10 + height_of(parts[i].first), ink::muted);
        }
    };
    return b;
}

// The per-muscle numbers, a chunk of rows per block so a long list can run onto the next page.
std::vector<Block> muscle_table(cairo_t* cr, const std::vector<AreaProgress>& muscles, const Catalog& catalog, double width) {
    static const std::vector<std::pair<std::string, double>> columns{{"Muscle", 0.30}, {"Sessions", 0.10}, {"Spots", 0.08},
                                                                      {"Latest tenderness", 0.14}, {"Release time", 0.12},
                                                                      {"Suggested hold", 0.12}, {"Trend", 0.14}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : muscles) {
        rows.push_back({area_name(catalog, m.id), std::to_string(m.sessions), std::to_string(m.spots),
                        m.series.empty() ? "\u2013" : one_decimal(m.series.back().tenderness_start) + " / 10",
                        m.median_release_s ? std::to_string(static_cast<int>(std::lround(*m.median_release_s))) + " s" : "\u2013",
                        m.suggested_hold_s ? std::to_string(*m.suggested_hold_s) + " s" : "\u2013", trend_words(m.trend)});
    }
    std::vector<Block> out;
    const std::size_t chunk = 14;
    for (std::size_t from = 0; from < rows.size(); from += chunk) {
        std::vector<std::vector<Layout>> cells;
        auto add_row = [&](const std::vector<std::string>& row, bool head) {
            std::vector<Layout> r;
            for (std::size_t k = 0; k < row.size(); ++k)
                r.push_back(head ? markup_layout(cr, "<b>" + escape(row[k]) + "</b>", {7.8, false, false, 1.1}, width * columns[k].second - 6)
                                 : text_layout(cr, row[k], {8.6, false, false, 1.1}, width * columns[k].second - 6));
            cells.push_back(std::move(r));
        };
        std::vector<std::string> head;
        for (const auto& [name, _] : columns) head.push_back(name);
        add_row(head, true);
        for (std::size_t i = from; i < std::min(rows.size(), from + chunk); ++i) add_row(rows[i], false);
        std::vector<double> heights;
        double h = 0;
        for (const auto& r : cells) {
            double rh = 0;
            for (const auto& l : r) rh = std::max(rh, height_of(l));
            heights.push_back(rh + 8);
            h += rh + 8;
        }
        Block b;
        b.height = h;
        b.space_after = 12;
        b.draw = [=](cairo_t* c, double x, double y) {
            double ry = y;
            for (std::size_t r = 0; r < cells.size(); ++r) {
                if (r % 2 == 0 && r > 0) {
                    set_colour(c, ink::panel);
                    cairo_rectangle(c, x, ry, width, heights[r]);
                    cairo_fill(c);
                }
                double cx = x;
                for (std::size_t k = 0; k < cells[r].size(); ++k) {
                    draw(c, cells[r][k], cx + 3, ry + 4, r == 0 ? ink::muted : ink::text);
                    cx += width * columns[k].second;
                }
                ry += heights[r];
                if (r == 0) {
                    set_colour(c, ink::text);
                    cairo_set_line_width(c, 1);
                    cairo_move_to(c, x, ry);
                    cairo_line_to(c, x + width, ry);
                    cairo_stroke(c);
                }
            }
        };
        out.push_back(std::move(b));
    }
    return out;
}

bool stopped_early(const SessionSummary& s) {
    return std::any_of(s.visits.begin(), s.visits.end(), [](const VisitRecord& v) { return v.outcome == VisitOutcome::stopped; }) ||
           std::any_of(s.holds.begin(), s.holds.end(), [](const HoldRecord& h) { return h.outcome == HoldOutcome::stopped; });
}

Block message(cairo_t* cr, const std::string& title, const std::string& text, double width) {
    auto t = markup_layout(cr, "<b>" + escape(title) + "</b>", {13}, width - 24);
    auto body = text_layout(cr, text, {10, false, false, 1.3}, width - 24);
    double h = 14 + height_of(t) + 8 + height_of(body) + 14;
    Block b;
    b.height = h;
    b.draw = [=](cairo_t* c, double x, double y) {
        set_colour(c, ink::panel);
        cairo_rectangle(c, x, y, width, h);
        cairo_fill(c);
        set_colour(c, ink::accent);
        cairo_rectangle(c, x, y, 3, h);
        cairo_fill(c);
        draw(c, t, x + 12, y + 14, ink::text);
        draw(c, body, x + 12, y + 14 + height_of(t) + 8, ink::text);
    };
    return b;
}

}  // namespace

Rendered render_progress_report(const ProgressReportInput& in, PageSize size, std::ostream& out) {
    Document doc(size, out, {"Foam-rolling progress report", "Tender spots, tenderness and adherence from unknot", in.today});
    cairo_t* cr = doc.cr();
    const double width = doc.page().body_width();
    std::vector<Block> blocks;
    if (in.sessions.empty()) {
        blocks.push_back(header(cr, in, "No sessions recorded yet", width));
        blocks.push_back(message(cr, "Nothing to chart yet",
                                 "This report fills up as sessions are recorded. Run a guided session (unknot session --plan FILE, or "
                                 "the app): every tender spot held is saved with its tenderness and how long it took to ease. After "
                                 "two or more sessions the report shows whether the spots are getting fewer and milder, and which "
                                 "days you rolled.",
                                 width));
    } else {
        auto p = compute_progress(in.sessions, in.today, in.catalog);
        int first = in.sessions.front().day, last = first;
        for (const auto& s : in.sessions) first = std::min(first, s.day), last = std::max(last, s.day);
        blocks.push_back(header(cr, in, long_date(first) + " to " + long_date(last), width));

        auto spots_of = [](const SessionSummary& s) { return static_cast<int>(s.holds.size()); };
        blocks.push_back(tiles(cr,
                               {{std::to_string(p.sessions), p.sessions == 1 ? "session recorded" : "sessions recorded"},
                                {std::to_string(p.streak_days), p.streak_days == 1 ? "day in a row" : "days in a row"},
                                {one_decimal(p.sessions_per_week), "sessions a week, last 4 weeks"},
                                {std::to_string(spots_of(in.sessions.front())) + " \u2192 " + std::to_string(spots_of(in.sessions.back())),
                                 "tender spots, first \u2192 latest session"}},
                               width));

        // The muscles rolled most often: more lines than this stop being readable.
        auto muscles = p.muscles;
        std::stable_sort(muscles.begin(), muscles.end(), [](const AreaProgress& a, const AreaProgress& b) { return a.sessions > b.sessions; });
        std::vector<Series> series;
        for (const auto& m : muscles) {
            if (series.size() == 6) break;
            Series s{area_name(in.catalog, m.id), {}};
            for (const auto& d : m.series) s.points.emplace_back(d.day, d.tenderness_start);
            if (!s.points.empty()) series.push_back(std::move(s));
        }
        std::string note = "Average rating when a spot was found, per day. Lower is better.";
        if (p.muscles.size() > series.size()) note += " The " + std::to_string(series.size()) + " muscles rolled most often; all are in the table.";
        blocks.push_back(line_chart(cr, "Tenderness per muscle", note, series, first, last, 10, width));

        std::vector<Bar> bars;
        std::size_t from = in.sessions.size() > 40 ? in.sessions.size() - 40 : 0;
        for (std::size_t i = from; i < in.sessions.size(); ++i)
            bars.push_back({short_date(in.sessions[i].day), static_cast<double>(spots_of(in.sessions[i]))});
        blocks.push_back(bar_chart(cr, "Tender spots per session",
                                   std::string("Spots found and held in each session") + (from ? ", the last 40." : ". Fewer over the weeks is the aim."),
                                   bars, width));

        std::map<int, DayMark> days;
        for (const auto& s : in.sessions) {
            auto [it, fresh] = days.try_emplace(s.day, DayMark{0, true});
            it->second.sessions += 1;
            it->second.cut_short = it->second.cut_short && stopped_early(s);
        }
        blocks.push_back(adherence_calendar(cr, "Days rolled", days, std::max(first, in.today - 7 * 11), in.today, width));

        auto table = muscle_table(cr, muscles, in.catalog, width);
        if (!table.empty()) {
            auto t = markup_layout(cr, "<b>Muscle by muscle</b>", {10.5, false, false, 1.0}, width);
            blocks.push_back({height_of(t), 6, true, false, [=](cairo_t* c, double x, double y) { draw(c, t, x, y, ink::text); }});
            for (auto& b : table) blocks.push_back(std::move(b));
        }
    }
    const Geometry g = doc.page();
    int pages = doc.flow(blocks, [&](cairo_t* c, int page, int total) { draw_footer(c, g, footer_line, page, total); });
    return {pages};
}

Rendered render_progress_report(const ProgressReportInput& in, PageSize size, const std::filesystem::path& path) {
    return write_atomically(path, [&](std::ostream& out) { return render_progress_report(in, size, out); });
}

}  // namespace unknot::report
