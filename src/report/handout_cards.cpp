#include "report/handout_cards.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>

#include "common/text.hpp"
#include "report/picture.hpp"
#include "report/words.hpp"

namespace unknot::report {

namespace {

constexpr double pad = 10, picture_w = 80, radius = 5, header_h = 26;
const Font body{9.2, false, false, 1.2};
const Font label_font{7.2, true, false, 1.1};

void rounded_rect(cairo_t* cr, double x, double y, double w, double h, double r) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
    cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
    cairo_close_path(cr);
}

// What the catalog says about doing an item: its set-up steps, cues and places to stay off.
struct HowTo {
    std::vector<std::string> setup, cues, avoid;
    std::string path, lighter, equipment, kind_label;
};

HowTo how_to(const PlanItem& i, const Catalog& c) {
    HowTo h;
    switch (i.kind) {
        case ItemKind::smr:
            if (const Technique* t = c.technique(i.id)) {
                h.setup = t->setup;
                h.cues = t->cues;
                h.avoid = t->avoid;
                if (!t->roll_from.empty()) h.path = "From " + t->roll_from + " to " + t->roll_to + ".";
                if (!t->lighter.empty()) h.lighter = t->lighter.front();
            }
            h.kind_label = c.tool(i.tool) ? c.tool(i.tool)->name : i.tool;
            break;
        case ItemKind::stretch:
            if (const Stretch* s = c.stretch(i.id)) h.setup = s->setup, h.cues = s->cues;
            h.kind_label = "Static stretch";
            break;
        case ItemKind::activation:
            if (const Activation* a = c.activation(i.id)) h.setup = a->setup, h.cues = a->cues, h.equipment = a->equipment;
            h.kind_label = "Activation";
            break;
        case ItemKind::integration:
            if (const Integration* g = c.integration(i.id)) h.setup = g->setup, h.cues = g->cues, h.equipment = g->equipment;
            h.kind_label = "Whole-body movement";
            break;
    }
    if (!h.equipment.empty() && h.equipment != "none") h.kind_label += " \u00b7 " + h.equipment;
    return h;
}

std::string why_words(const PlanItem& i, const Catalog& c) {
    std::vector<std::string> parts;
    for (const auto& w : i.why) {
        if (w.finding.empty()) continue;
        const Compensation* comp = c.compensation(w.finding);
        std::string s = comp ? comp->name : w.finding;
        if (w.role == "overactive" || w.role == "underactive") s += " \u2192 " + area_name(c, w.muscle) + " " + w.role;
        if (std::find(parts.begin(), parts.end(), s) == parts.end()) parts.push_back(s);
    }
    return parts.empty() ? "" : "Why: " + join(parts, "; ") + ".";
}

std::string list_markup(const std::vector<std::string>& lines, bool numbered) {
    std::string s;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        if (n) s += "\n";
        s += numbered ? std::to_string(n + 1) + ".\t" : "\u2022\t";
        s += escape(lines[n]);
    }
    return s;
}

// A list with the text hanging after its number or bullet.
Layout list_layout(cairo_t* cr, const std::vector<std::string>& lines, bool numbered, double width) {
    auto l = markup_layout(cr, list_markup(lines, numbered), body, width);
    PangoTabArray* tabs = pango_tab_array_new_with_positions(1, true, PANGO_TAB_LEFT, 13);
    pango_layout_set_tabs(l.get(), tabs);
    pango_tab_array_free(tabs);
    set_hanging_indent(l, 13);
    return l;
}

Layout label(cairo_t* cr, const std::string& text, double width) {
    return markup_layout(cr, escape(text), label_font, width);
}

// A column of labelled sections, laid out once and drawn later.
struct Column {
    std::vector<std::pair<Layout, double>> parts;  // layout, gap after
    double height() const {
        double h = 0;
        for (const auto& [l, gap] : parts) h += height_of(l) + gap;
        return h;
    }
    void add(Layout l, double gap) { parts.emplace_back(std::move(l), gap); }
    void section(cairo_t* cr, const std::string& title, Layout content, double width) {
        if (!parts.empty()) parts.back().second += 5;
        add(label(cr, title, width), 2.5);
        add(std::move(content), 0);
    }
    void draw(cairo_t* cr, double x, double y, const std::vector<Rgb>& colours) const {
        for (std::size_t n = 0; n < parts.size(); ++n) {
            report::draw(cr, parts[n].first, x, y, n < colours.size() ? colours[n] : ink::text);
            y += height_of(parts[n].first) + parts[n].second;
        }
    }
};

}  // namespace

Block phase_heading(cairo_t* cr, PhaseKind phase, int number, int count, double width) {
    auto w = phase_words(phase, number, count);
    auto step = label(cr, w.step, width);
    auto title = markup_layout(cr, "<b>" + escape(w.title) + "</b>", {15, false, false, 1.0}, width);
    auto what = text_layout(cr, w.what, {9.2, false, true}, width);
    double h = height_of(step) + 2 + height_of(title) + 2 + height_of(what) + 6;
    Block b;
    b.height = h;
    b.space_after = 8;
    b.keep_with_next = true;
    b.draw = [=](cairo_t* c, double x, double y) {
        set_colour(c, ink::accent);
        cairo_rectangle(c, x, y, 4, h - 4);
        cairo_fill(c);
        double tx = x + 12;
        draw(c, step, tx, y, ink::accent);
        double ty = y + height_of(step) + 2;
        draw(c, title, tx, ty, ink::text);
        draw(c, what, tx, ty + height_of(title) + 2, ink::muted);
    };
    return b;
}

Block card_block(cairo_t* cr, const Exercise& card, const Catalog& catalog, double width) {
    const PlanItem& item = card.item();
    auto how = how_to(item, catalog);
    const double inner = width - 2 * pad;
    // Every card opens with the move's picture (the same figure the app shows), the dose beside
    // it, and the set-up and cues below across the card's width.
    const double pic_w = 132, pic_h = 92;
    const double beside_x = pic_w + 12, beside_w = inner - beside_x;
    const double cols_x = 0, cols_w = inner - cols_x;

    auto name = markup_layout(cr, "<b>" + escape(item.name) + "</b>", {11.5, false, false, 1.0}, inner - 190);
    auto kind = text_layout(cr, how.kind_label, {8.5, false, false, 1.0}, 170);
    align_right(kind);

    Column beside;
    std::string dose = "<b>" + escape(dose_words(item, catalog)) + "</b>";
    if (auto sides = sides_words(card.sides); !sides.empty()) dose += "\n" + escape(sides);
    beside.add(markup_layout(cr, dose, {9.4, false, false, 1.25}, beside_w), 0);
    auto labelled = [&](const std::string& title, const std::string& text) {
        beside.parts.back().second += 4;
        beside.add(markup_layout(cr, "<span foreground='" + hex(ink::accent) + "'><b>" + escape(title) + "</b></span>  " + escape(text), body,
                                 beside_w),
                   0);
    };
    if (!how.path.empty()) labelled("Roll path", how.path);
    if (item.kind == ItemKind::activation && !item.tempo.empty())
        labelled("Tempo " + item.tempo, "Count the seconds: lengthening, hold, lifting or pushing, rest.");

    // Set-up beside the cues, so a card stays short enough to share a page.
    const double gap = 14, left_w = std::floor((cols_w - gap) * 0.5), right_w = cols_w - gap - left_w;
    Column left, right;
    if (!how.setup.empty()) left.section(cr, "SET-UP", list_layout(cr, how.setup, true, left_w), left_w);
    if (!how.cues.empty()) right.section(cr, "CUES", list_layout(cr, how.cues, false, right_w), right_w);
    auto care = how.avoid;
    if (!how.lighter.empty()) care.push_back("Too intense? " + how.lighter);
    if (!care.empty()) right.section(cr, "TAKE CARE", list_layout(cr, care, false, right_w), right_w);
    Column why;
    if (auto w = why_words(item, catalog); !w.empty()) why.add(text_layout(cr, w, {8.2, false, true, 1.2}, cols_w), 0);

    const double cols_h = std::max(left.height(), right.height()) + (why.parts.empty() ? 0 : 6 + why.height());
    const double cols_y = std::max(pic_h, beside.height()) + 8;
    const double body_h = std::max(pic_h, cols_y + cols_h);
    const double h = header_h + pad + body_h + pad;

    Block b;
    b.height = h;
    b.space_after = 10;
    const PlanItem* ip = &item;
    const Catalog* cp = &catalog;
    int number = card.number;
    Side shown = card.sides.size() == 1 && card.sides.front()->side ? *card.sides.front()->side : Side::left;
    b.draw = [=](cairo_t* c, double x, double y) {
        rounded_rect(c, x + 0.5, y + 0.5, width - 1, h - 1, radius);
        set_colour(c, ink::paper);
        cairo_fill_preserve(c);
        set_colour(c, ink::rule);
        cairo_set_line_width(c, 0.9);
        cairo_stroke(c);
        cairo_save(c);
        rounded_rect(c, x + 0.5, y + 0.5, width - 1, h - 1, radius);
        cairo_clip(c);
        set_colour(c, ink::panel);
        cairo_rectangle(c, x, y, width, header_h);
        cairo_fill(c);
        cairo_restore(c);
        // The number, as on the body map.
        double bx = x + pad + 10, by = y + header_h / 2;
        cairo_arc(c, bx, by, 9.5, 0, 2 * M_PI);
        set_colour(c, ink::accent);
        cairo_fill(c);
        auto n = markup_layout(c, "<b>" + std::to_string(number) + "</b>", {9, false, false, 1.0}, 19);
        align_centre(n);
        draw(c, n, bx - 9.5, by - height_of(n) / 2, ink::paper);
        draw(c, name, x + pad + 27, by - height_of(name) / 2, ink::text);
        draw(c, kind, x + width - pad - 170, by - height_of(kind) / 2, ink::muted);

        double ix = x + pad, iy = y + header_h + pad;
        set_colour(c, ink::panel);
        rounded_rect(c, ix, iy, pic_w, pic_h, 6);
        cairo_fill(c);
        draw_picture(c, *cp, ip->id, ip->kind == ItemKind::smr ? ip->tool : std::string{}, shown, ix + 6, iy + 6, pic_w - 12, pic_h - 12);
        beside.draw(c, ix + beside_x, iy, {ink::accent, ink::text, ink::text});
        left.draw(c, ix + cols_x, iy + cols_y, {ink::accent, ink::text});
        right.draw(c, ix + cols_x + left_w + gap, iy + cols_y, {ink::accent, ink::text, ink::accent, ink::text});
        if (!why.parts.empty()) why.draw(c, ix + cols_x, iy + cols_y + std::max(left.height(), right.height()) + 6, {ink::muted});
    };
    return b;
}

}  // namespace unknot::report
