#include "report/charts.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>

#include "report/words.hpp"

namespace unknot::report {

namespace {

const Font axis_font{7.2, false, false, 1.0};
constexpr double title_gap = 6;

struct Titles {
    Layout title, note;
    double height() const { return height_of(title) + 2 + height_of(note) + title_gap + 6; }
    void draw_at(cairo_t* c, double x, double y) const {
        draw(c, title, x, y, ink::text);
        draw(c, note, x, y + height_of(title) + 2, ink::muted);
    }
};

Titles titles(cairo_t* cr, const std::string& title, const std::string& note, double width) {
    return {markup_layout(cr, "<b>" + escape(title) + "</b>", {10.5, false, false, 1.0}, width),
            text_layout(cr, note, {8.2, false, true, 1.15}, width)};
}

void axis_label(cairo_t* cr, const std::string& text, double x, double y, double w, bool right) {
    auto l = text_layout(cr, text, axis_font, w);
    if (right) align_right(l);
    else align_centre(l);
    draw(cr, l, right ? x - w : x - w / 2, y - height_of(l) / 2, ink::muted);
}

// Dash patterns and markers, in the order series get them.
const std::vector<std::vector<double>> dashes{{}, {6, 3}, {1.5, 2.5}, {8, 3, 2, 3}, {3, 3}, {10, 2}};
const std::vector<Rgb> line_ink{ink::accent, ink::text, ink::accent, ink::text, ink::accent, ink::text};

void marker(cairo_t* cr, int kind, double x, double y) {
    const double r = 3.2;
    switch (kind % 6) {
        case 0: cairo_arc(cr, x, y, r, 0, 2 * M_PI); cairo_fill(cr); break;
        case 1: cairo_rectangle(cr, x - r, y - r, 2 * r, 2 * r); cairo_fill(cr); break;
        case 2:
            cairo_move_to(cr, x, y - r * 1.2);
            cairo_line_to(cr, x + r * 1.1, y + r * 0.8);
            cairo_line_to(cr, x - r * 1.1, y + r * 0.8);
            cairo_close_path(cr);
            cairo_fill(cr);
            break;
        case 3:
            cairo_move_to(cr, x, y - r * 1.3);
            cairo_line_to(cr, x + r * 1.1, y);
            cairo_line_to(cr, x, y + r * 1.3);
            cairo_line_to(cr, x - r * 1.1, y);
            cairo_close_path(cr);
            cairo_fill(cr);
            break;
        case 4:
            cairo_new_sub_path(cr);
            cairo_arc(cr, x, y, r, 0, 2 * M_PI);
            cairo_set_source_rgb(cr, 1, 1, 1);
            cairo_fill_preserve(cr);
            set_colour(cr, ink::text);
            cairo_set_line_width(cr, 1.4);
            cairo_stroke(cr);
            break;
        default:
            cairo_set_line_width(cr, 1.6);
            cairo_move_to(cr, x - r, y - r);
            cairo_line_to(cr, x + r, y + r);
            cairo_move_to(cr, x + r, y - r);
            cairo_line_to(cr, x - r, y + r);
            cairo_stroke(cr);
    }
}

void hatch(cairo_t* cr, double x, double y, double w, double h, Rgb colour, double step) {
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    set_colour(cr, colour);
    cairo_set_line_width(cr, 1.1);
    for (double d = -h; d < w; d += step) {
        cairo_move_to(cr, x + d, y + h);
        cairo_line_to(cr, x + d + h, y);
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

void gridline(cairo_t* cr, double x0, double x1, double y) {
    set_colour(cr, ink::rule);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, x0, y);
    cairo_line_to(cr, x1, y);
    cairo_stroke(cr);
}

}  // namespace

Block line_chart(cairo_t* cr, const std::string& title, const std::string& note, const std::vector<Series>& series, int first, int last,
                 double y_max, double width) {
    auto t = titles(cr, title, note, width);
    const double plot_h = 150, left = 24, right = 150, bottom = 18;
    const double h = t.height() + plot_h + bottom;
    if (last <= first) last = first + 1;
    std::vector<Layout> labels;
    for (const auto& s : series) labels.push_back(text_layout(cr, s.label, {7.8, false, false, 1.0}, right - 34));
    Block b;
    b.height = h;
    b.space_after = 16;
    b.draw = [=](cairo_t* c, double x, double y) {
        t.draw_at(c, x, y);
        double px = x + left, pw = width - left - right, py = y + t.height(), ph = plot_h;
        auto sx = [&](int day) { return px + pw * (day - first) / static_cast<double>(last - first); };
        auto sy = [&](double v) { return py + ph - ph * std::clamp(v, 0.0, y_max) / y_max; };
        for (int v = 0; v <= static_cast<int>(y_max); v += 2) {
            gridline(c, px, px + pw, sy(v));
            axis_label(c, std::to_string(v), px - 5, sy(v), 20, true);
        }
        int span = last - first, step = std::max(1, (span + 6) / 7);
        for (int d = first; d <= last; d += step) axis_label(c, short_date(d), sx(d), py + ph + 10, 44, false);
        // Lines, then markers on top, then labels at each line's last point, pushed apart.
        std::vector<std::pair<double, std::size_t>> ends;
        for (std::size_t i = 0; i < series.size(); ++i) {
            const auto& s = series[i];
            if (s.points.empty()) continue;
            set_colour(c, line_ink[i % line_ink.size()]);
            cairo_set_line_width(c, 1.7);
            const auto& d = dashes[i % dashes.size()];
            cairo_set_dash(c, d.data(), static_cast<int>(d.size()), 0);
            for (std::size_t k = 0; k < s.points.size(); ++k) {
                auto [day, v] = s.points[k];
                if (k == 0) cairo_move_to(c, sx(day), sy(v));
                else cairo_line_to(c, sx(day), sy(v));
            }
            cairo_stroke(c);
            cairo_set_dash(c, nullptr, 0, 0);
            for (auto [day, v] : s.points) {
                set_colour(c, line_ink[i % line_ink.size()]);
                marker(c, static_cast<int>(i), sx(day), sy(v));
            }
            ends.push_back({sy(s.points.back().second), i});
        }
        // Labels keep 12 pt apart: pushed down from each line's end, then back up from the
        // plot's bottom when lines that end low together would push them out of the chart.
        std::sort(ends.begin(), ends.end());
        std::vector<double> at(ends.size());
        for (std::size_t k = 0; k < ends.size(); ++k) at[k] = k ? std::max(ends[k].first, at[k - 1] + 12) : ends[k].first;
        for (std::size_t k = ends.size(); k-- > 0;) at[k] = std::min(at[k], k + 1 < ends.size() ? at[k + 1] - 12 : py + ph);
        for (std::size_t k = 0; k < ends.size(); ++k) {
            double ly = at[k];
            std::size_t i = ends[k].second;
            double lx = px + pw + 8;
            // A sample of the line's own dash and marker, so the label identifies it in grey.
            set_colour(c, line_ink[i % line_ink.size()]);
            cairo_set_line_width(c, 1.7);
            const auto& d = dashes[i % dashes.size()];
            cairo_set_dash(c, d.data(), static_cast<int>(d.size()), 0);
            cairo_move_to(c, lx, ly);
            cairo_line_to(c, lx + 22, ly);
            cairo_stroke(c);
            cairo_set_dash(c, nullptr, 0, 0);
            marker(c, static_cast<int>(i), lx + 11, ly);
            draw(c, labels[i], lx + 28, ly - height_of(labels[i]) / 2, ink::text);
        }
    };
    return b;
}

Block bar_chart(cairo_t* cr, const std::string& title, const std::string& note, const std::vector<Bar>& bars, double width) {
    auto t = titles(cr, title, note, width);
    const double plot_h = 110, left = 24, bottom = 18;
    const double h = t.height() + plot_h + bottom;
    double top = 1;
    for (const auto& bar : bars) top = std::max(top, bar.value);
    int tick = top <= 5 ? 1 : top <= 10 ? 2 : top <= 25 ? 5 : 10;
    double y_max = std::ceil(top / tick) * tick;
    if (y_max - top < tick * 0.5) y_max += tick;  // room for the value above the tallest bar
    Block b;
    b.height = h;
    b.space_after = 16;
    b.draw = [=](cairo_t* c, double x, double y) {
        t.draw_at(c, x, y);
        double px = x + left, pw = width - left, py = y + t.height(), ph = plot_h;
        auto sy = [&](double v) { return py + ph - ph * v / y_max; };
        for (int v = 0; v <= static_cast<int>(y_max); v += tick) {
            gridline(c, px, px + pw, sy(v));
            axis_label(c, std::to_string(v), px - 5, sy(v), 20, true);
        }
        double slot = pw / static_cast<double>(std::max<std::size_t>(bars.size(), 1));
        double bw = std::min(28.0, slot * 0.7);
        std::size_t every = static_cast<std::size_t>(std::ceil(46 / slot));
        for (std::size_t i = 0; i < bars.size(); ++i) {
            double cx = px + slot * (static_cast<double>(i) + 0.5);
            double top_y = sy(bars[i].value);
            set_colour(c, ink::accent);
            cairo_rectangle(c, cx - bw / 2, top_y, bw, py + ph - top_y);
            cairo_fill(c);
            if (slot >= 14) axis_label(c, std::to_string(static_cast<int>(bars[i].value)), cx, top_y - 6, 20, false);
            if (i % std::max<std::size_t>(every, 1) == 0) axis_label(c, bars[i].label, cx, py + ph + 10, 44, false);
        }
    };
    return b;
}

Block adherence_calendar(cairo_t* cr, const std::string& title, const std::map<int, DayMark>& days, int first, int today, double width) {
    // Days since 1970-01-01 (a Thursday): Monday of that week.
    auto monday = [](int d) { return d - ((d + 3) % 7 + 7) % 7; };
    int start = monday(first), end = monday(today) + 6;
    int weeks = (end - start + 1) / 7;
    auto t = titles(cr, title, "Each square is a day, Monday first. Dark: a session. Hatched: a session stopped early. Outlined: today.", width);
    // Squares shrink as weeks are added, so three months still fit below the charts.
    const double label_w = 52, gap = 3;
    const double cell = std::min({30.0, (width - label_w - 170) / 7, std::max(15.0, 230.0 / weeks - gap)});
    const double grid_h = 14 + weeks * (cell + gap);
    const double h = t.height() + grid_h;
    Block b;
    b.height = h;
    b.space_after = 16;
    b.draw = [=](cairo_t* c, double x, double y) {
        t.draw_at(c, x, y);
        double gx = x + label_w, gy = y + t.height();
        static const char* names[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        for (int i = 0; i < 7; ++i) axis_label(c, names[i], gx + i * (cell + gap) + cell / 2, gy + 5, cell + gap, false);
        int total = 0;
        for (int w = 0; w < weeks; ++w) {
            double ry = gy + 14 + w * (cell + gap);
            axis_label(c, short_date(start + 7 * w), gx - 6, ry + cell / 2, label_w - 4, true);
            for (int i = 0; i < 7; ++i) {
                int d = start + 7 * w + i;
                double cx = gx + i * (cell + gap);
                auto it = days.find(d);
                bool future = d > today;
                if (it != days.end() && it->second.sessions > 0) {
                    total += it->second.sessions;
                    if (it->second.cut_short) {
                        set_colour(c, ink::accent_pale);
                        cairo_rectangle(c, cx, ry, cell, cell);
                        cairo_fill(c);
                        hatch(c, cx, ry, cell, cell, ink::accent, 4);
                    } else {
                        set_colour(c, ink::accent);
                        cairo_rectangle(c, cx, ry, cell, cell);
                        cairo_fill(c);
                    }
                    if (it->second.sessions > 1) {
                        auto n = markup_layout(c, "<b>" + std::to_string(it->second.sessions) + "\u00d7</b>", axis_font, cell);
                        align_centre(n);
                        set_colour(c, ink::paper);
                        cairo_rectangle(c, cx + 3, ry + cell / 2 - 5, cell - 6, 10);
                        cairo_fill(c);
                        draw(c, n, cx, ry + cell / 2 - height_of(n) / 2, ink::text);
                    }
                } else {
                    set_colour(c, future ? ink::paper : ink::panel);
                    cairo_rectangle(c, cx, ry, cell, cell);
                    cairo_fill(c);
                }
                set_colour(c, d == today ? ink::text : ink::rule);
                cairo_set_line_width(c, d == today ? 2.2 : 0.6);
                cairo_rectangle(c, cx, ry, cell, cell);
                cairo_stroke(c);
            }
        }
        auto sum = text_layout(c, std::to_string(total) + (total == 1 ? " session" : " sessions") +
                                      (weeks == 1 ? std::string(" this week") : " in these " + std::to_string(weeks) + " weeks"),
                               {8.8}, 160);
        draw(c, sum, gx + 7 * (cell + gap) + 14, gy + 14, ink::text);
    };
    return b;
}

}  // namespace unknot::report
