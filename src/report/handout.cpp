#include "report/handout.hpp"

#include <cairo.h>

#include <algorithm>
#include <pango/pangocairo.h>

#include "common/error.hpp"
#include "common/text.hpp"
#include "report/body_map.hpp"
#include "report/handout_cards.hpp"
#include "report/page.hpp"
#include "report/words.hpp"

namespace unknot::report {

namespace {

constexpr const char* safety_line =
    "unknot \u00b7 Not medical advice. Stop if you feel sharp pain, numbness or tingling, and check with a doctor or "
    "physiotherapist before you go on.";

// The rules every hold follows, whatever the exercise: printed once, not on every card.
const std::vector<std::string> hold_rules{
    "Roll slowly, about 2\u20134 seconds each way, looking for the most tender spot.",
    "Stop on that spot and stay there 30\u201390 s, until the discomfort fades.",
    "Aim for about 5\u20137 out of 10: uncomfortable, yet you can breathe and relax.",
    "Breathe slowly and draw your navel gently in to keep your trunk steady.",
    "Stay off joints and bones, and never roll the lower back or the neck.",
    "One-sided exercises: do both sides unless the card says otherwise.",
};

Block header_block(cairo_t* cr, const HandoutInput& in, double width) {
    const Plan& p = in.plan;
    bool refer = p.screening.verdict == Verdict::refer;
    int items = 0;
    for (const auto& ph : exercises_of(p)) items += static_cast<int>(ph.exercises.size());
    std::string sub = refer ? "Screening result and next steps"
                            : context_words(p.context) + " \u00b7 " + minutes_words(p.total_seconds) + " \u00b7 " + std::to_string(items) +
                                  (items == 1 ? " exercise" : " exercises");
    return title_band(cr, refer ? "<b>Foam rolling: not for now</b>" : "<b>Your foam-rolling routine</b>", sub, in.client, in.trainer, in.day, width, 12);
}

// A paragraph of a panel: a heading line, or a list whose wrapped lines hang after the bullet.
struct Para {
    std::string markup;
    bool list = false;
};

std::string bulleted(const std::vector<std::string>& escaped) {
    std::string s;
    for (const auto& line : escaped) s += (s.empty() ? "" : "\n") + std::string("\u2022\t") + line;
    return s;
}

// Screening in plain words: the verdict, the places left out and why, the advice.
std::vector<Para> screening_paras(const HandoutInput& in) {
    const auto& r = in.plan.screening;
    std::vector<Para> out{{"<b>" + escape(verdict_words(r.verdict)) + "</b>"}};
    auto section = [&](const std::string& title, const std::vector<std::string>& lines) {
        if (lines.empty()) return;
        out.push_back({"<b>" + escape(title) + "</b>"});
        out.push_back({bulleted(lines), true});
    };
    std::vector<std::string> places, reasons, questions, advice;
    for (const auto& place : r.excluded_regions) {
        auto because = excluded_because(place, r, in.catalog, in.answers);
        places.push_back(escape(region_name(in.catalog, place)) +
                         (because.empty() ? " \u2013 after the health questions" : " \u2013 because of " + escape(join(because, ", "))));
    }
    for (const auto& reason : r.reasons) reasons.push_back("<i>" + escape(condition_words(reason.condition)) + ":</i> " + escape(reason.text));
    for (const auto& f : r.follow_ups) questions.push_back(escape(f.question));
    for (const auto& a : r.advice) advice.push_back(escape(a));
    section("Not rolled", places);
    section("About the answers", reasons);
    section("Still to answer before rolling", questions);
    section("Advice", advice);
    return out;
}

// A titled panel of text, as wide as asked.
struct Panel {
    Layout title;
    std::vector<Layout> parts;
    double width = 0;
    bool warn = false;
    static constexpr double gap = 5;
    double text_height() const {
        double h = 0;
        for (const auto& p : parts) h += height_of(p) + gap;
        return h - gap;
    }
    double height() const { return 10 + height_of(title) + 5 + text_height() + 11; }
    void draw_at(cairo_t* c, double x, double y) const {
        set_colour(c, warn ? ink::warn_pale : ink::panel);
        cairo_rectangle(c, x, y, width, height());
        cairo_fill(c);
        set_colour(c, warn ? ink::warn : ink::accent);
        cairo_rectangle(c, x, y, 3, height());
        cairo_fill(c);
        draw(c, title, x + 12, y + 10, warn ? ink::warn : ink::accent);
        double ty = y + 10 + height_of(title) + 5;
        for (const auto& p : parts) {
            draw(c, p, x + 12, ty, ink::text);
            ty += height_of(p) + gap;
        }
    }
};

Panel panel(cairo_t* cr, const std::string& title, const std::vector<Para>& paras, double width, bool warn = false) {
    Panel p{markup_layout(cr, "<b>" + escape(title) + "</b>", {7.6}, width - 24), {}, width, warn};
    for (const auto& para : paras) {
        auto l = markup_layout(cr, para.markup, {8.8, false, false, 1.25}, width - 24);
        if (para.list) {
            PangoTabArray* tabs = pango_tab_array_new_with_positions(1, true, PANGO_TAB_LEFT, 11);
            pango_layout_set_tabs(l.get(), tabs);
            pango_tab_array_free(tabs);
            set_hanging_indent(l, 11);
        }
        p.parts.push_back(std::move(l));
    }
    return p;
}

// Page one: the body map beside the screening and the rules of a hold.
Block overview_block(cairo_t* cr, const HandoutInput& in, double width) {
    BodyMarks marks;
    marks.excluded = in.plan.screening.excluded_regions;
    for (const auto& ph : exercises_of(in.plan))
        for (const auto& card : ph.exercises)
            for (const PlanItem* item : card.sides) {
                if (item->kind != ItemKind::smr) continue;
                for (const auto& g : item->regions) {
                    auto key = item->side ? g + ":" + std::string(to_string(*item->side)) : g;
                    auto& v = marks.rolled[key];
                    if (std::find(v.begin(), v.end(), card.number) == v.end()) v.push_back(card.number);
                }
            }
    double map_w = 252, map_h = map_w / body_map_aspect, gap = 16, side_w = width - map_w - gap;
    auto svg = body_map_svg(in.catalog, marks);
    bool caution = in.plan.screening.verdict != Verdict::clear;
    Panel screening = panel(cr, "HEALTH SCREENING", screening_paras(in), side_w, caution);
    std::vector<std::string> rules;
    for (const auto& r : hold_rules) rules.push_back(escape(r));
    Panel how = panel(cr, "HOW EVERY HOLD WORKS", {{bulleted(rules), true}}, side_w);
    // A long screening pushes the rules of a hold under the map, where there is room.
    Panel how_under = panel(cr, "HOW EVERY HOLD WORKS", {{bulleted(rules), true}}, map_w);
    double beside = std::max(map_h, screening.height() + 10 + how.height());
    double under = std::max(map_h + 12 + how_under.height(), screening.height());
    bool below_map = under < beside;
    double h = below_map ? under : beside;
    Block b;
    b.height = h;
    b.space_after = 14;
    b.draw = [=](cairo_t* c, double x, double y) {
        draw_svg(c, svg, x, y, map_w, map_h);
        screening.draw_at(c, x + map_w + gap, y);
        if (below_map) how_under.draw_at(c, x, y + map_h + 12);
        else how.draw_at(c, x + map_w + gap, y + screening.height() + 10);
    };
    return b;
}

// What the planner had to leave out or wants said.
std::optional<Block> notes_block(cairo_t* cr, const HandoutInput& in, double width) {
    std::vector<std::string> lines;
    for (const auto& d : in.plan.dropped) lines.push_back("<b>" + escape(area_name(in.catalog, d.target)) + "</b> left out: " + escape(d.reason));
    for (const auto& n : in.plan.notes) lines.push_back(escape(n));
    if (lines.empty()) return std::nullopt;
    Panel p = panel(cr, "NOTES ON THIS PLAN", {{bulleted(lines), true}}, width);
    Block b;
    b.height = p.height();
    b.space_after = 14;
    b.draw = [=](cairo_t* c, double x, double y) { p.draw_at(c, x, y); };
    return b;
}

// Unanswered follow-up questions count as `refer` until answered; say so rather than alarm.
bool only_unanswered(const ScreeningResult& r) {
    return std::all_of(r.reasons.begin(), r.reasons.end(), [&](const Reason& x) {
        return x.outcome != Verdict::refer ||
               std::any_of(r.follow_ups.begin(), r.follow_ups.end(), [&](const PendingFollowUp& f) { return f.condition == x.condition; });
    });
}

Block refer_block(cairo_t* cr, const HandoutInput& in, double width) {
    std::string s = only_unanswered(in.plan.screening)
                        ? "Some health questions still need an answer, and until they have one no routine is planned. Answer the "
                          "questions listed below, then make the plan again."
                        : "Something in the health answers means foam rolling could do harm right now, so this handout has no "
                          "exercises. Please show it to a doctor or physiotherapist and ask whether rolling is safe for you. Once "
                          "they agree, answer the questions again and a routine can be planned.";
    std::vector<Para> paras{{escape(s)}};
    for (auto& p : screening_paras(in)) paras.push_back(std::move(p));
    Panel p = panel(cr, "DO NOT FOAM ROLL FOR NOW", paras, width, true);
    Block b;
    b.height = p.height();
    b.draw = [=](cairo_t* c, double x, double y) { p.draw_at(c, x, y); };
    return b;
}

}  // namespace

Rendered render_handout(const HandoutInput& in, PageSize size, std::ostream& out) {
    Document doc(size, out, {"Foam-rolling routine", "Self-myofascial release routine from unknot", in.day});
    cairo_t* cr = doc.cr();
    double width = doc.page().body_width();
    std::vector<Block> blocks{header_block(cr, in, width)};
    if (in.plan.screening.verdict == Verdict::refer) {
        blocks.push_back(refer_block(cr, in, width));
    } else {
        blocks.push_back(overview_block(cr, in, width));
        if (auto notes = notes_block(cr, in, width)) blocks.push_back(*notes);
        auto phases = exercises_of(in.plan);
        int count = static_cast<int>(phases.size()), n = 0;
        for (const auto& ph : phases) {
            blocks.push_back(phase_heading(cr, ph.phase, ++n, count, width));
            for (const auto& card : ph.exercises) blocks.push_back(card_block(cr, card, in.catalog, width));
        }
        if (phases.empty()) {
            Panel p = panel(cr, "NO EXERCISES TODAY", {{"Nothing could be planned for these targets; the notes above say why."}}, width, true);
            blocks.push_back({p.height(), 8, false, false, [=](cairo_t* c, double x, double y) { p.draw_at(c, x, y); }});
        }
    }
    const Geometry g = doc.page();
    int pages = doc.flow(blocks, [&](cairo_t* c, int page, int total) { draw_footer(c, g, safety_line, page, total); });
    return {pages};
}

Rendered render_handout(const HandoutInput& in, PageSize size, const std::filesystem::path& path) {
    return write_atomically(path, [&](std::ostream& out) { return render_handout(in, size, out); });
}

}  // namespace unknot::report
