#include "report/body_map.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "common/text.hpp"
#include "report/body_shapes.hpp"
#include "report/page.hpp"

namespace unknot::report {

namespace {

constexpr double view_width = 240, view_top = 30, callout_gap = 29;

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

const shapes::Geometry& geo() { return shapes::geometry(); }

// The side of the person the picture's left half shows: we face them from the front.
Side near_side(bool back) { return back ? geo().back_left_half : geo().front_left_half; }

std::string patterns() {
    return "<defs>"
           "<pattern id='rolled' patternUnits='userSpaceOnUse' width='6' height='6' patternTransform='rotate(45)'>"
           "<rect width='6' height='6' fill='" + hex(ink::accent_pale) + "'/>"
           "<rect width='2.6' height='6' fill='" + hex(ink::accent) + "'/></pattern>"
           "<pattern id='excluded' patternUnits='userSpaceOnUse' width='7' height='7'>"
           "<rect width='7' height='7' fill='" + hex(ink::warn_pale) + "'/>"
           "<path d='M0,0 L7,7 M7,0 L0,7' stroke='" + hex(ink::warn) + "' stroke-width='1.1'/></pattern>"
           "</defs>";
}

std::string silhouette() {
    std::string s = "<g fill='#f3f1ed' stroke='#8f979a' stroke-width='1.3' stroke-linejoin='round'>";
    const auto& g = geo();
    char head[96];
    std::snprintf(head, sizeof head, "<ellipse cx='%g' cy='%g' rx='%g' ry='%g'/>", g.head_cx, g.head_cy, g.head_rx, g.head_ry);
    s += head;
    s += "<path d='" + g.neck + "'/>";
    for (const auto& d : g.silhouette_half) s += "<path d='" + d + "'/><path d='" + d + "' transform='" + g.mirror + "'/>";
    return s + "</g>";
}

enum class Look { plain, never, rolled, excluded };

std::string region_style(Look look) {
    switch (look) {
        case Look::plain: return "fill='#ffffff' stroke='#b4babc' stroke-width='0.9'";
        case Look::never: return "fill='#d9dbdc' stroke='#b4babc' stroke-width='0.9'";
        case Look::rolled: return "fill='url(#rolled)' stroke='" + hex(ink::text) + "' stroke-width='2.6'";
        case Look::excluded: return "fill='url(#excluded)' stroke='" + hex(ink::warn) + "' stroke-width='1.8' stroke-dasharray='4 2'";
    }
    return "";
}

struct Callout {
    double x, y;  // where it points
    std::string label;
    bool excluded;
    bool left;  // which column
};

std::string text_el(double x, double y, double size, const std::string& fill, const std::string& anchor, const std::string& text,
                    bool bold = false) {
    return "<text x='" + num(x) + "' y='" + num(y) + "' font-family='DejaVu Sans' font-size='" + num(size) + "'" +
           (bold ? " font-weight='bold'" : "") + " fill='" + fill + "' text-anchor='" + anchor + "'>" + text + "</text>";
}

std::string callouts(std::vector<Callout> all) {
    std::string s;
    for (bool left : {true, false}) {
        std::vector<Callout> col;
        for (const auto& c : all)
            if (c.left == left) col.push_back(c);
        std::sort(col.begin(), col.end(), [](const Callout& a, const Callout& b) { return a.y < b.y; });
        double last = -1e9;
        for (const auto& c : col) {
            double y = std::max(c.y, last + callout_gap);
            last = y;
            double w = c.excluded ? 24 : std::max(26.0, 10.0 + 9.0 * static_cast<double>(c.label.size()));
            double cx = left ? 14 : view_width - 14;
            double edge = left ? cx + w / 2 : cx - w / 2;
            s += "<path d='M" + num(edge) + "," + num(y) + " L" + num(c.x) + "," + num(c.y) + "' stroke='" + hex(ink::text) +
                 "' stroke-width='0.9' fill='none'/>";
            s += "<circle cx='" + num(c.x) + "' cy='" + num(c.y) + "' r='2.4' fill='" + hex(ink::text) + "'/>";
            if (c.excluded) {
                s += "<rect x='" + num(cx - 12) + "' y='" + num(y - 12) + "' width='24' height='24' fill='#ffffff' stroke='" + hex(ink::warn) +
                     "' stroke-width='1.8'/>";
                s += "<path d='M" + num(cx - 6) + "," + num(y - 6) + " l12,12 m0,-12 l-12,12' stroke='" + hex(ink::warn) + "' stroke-width='2.2'/>";
            } else {
                s += "<rect x='" + num(cx - w / 2) + "' y='" + num(y - 13) + "' width='" + num(w) + "' height='26' rx='13' fill='" +
                     hex(ink::accent) + "'/>";
                s += text_el(cx, y + 5.5, 16, "#ffffff", "middle", c.label, true);
            }
        }
    }
    return s;
}

std::vector<int> numbers_at(const BodyMarks& m, const std::string& region, std::optional<Side> side) {
    std::vector<int> out;
    auto add = [&](const std::string& key) {
        if (auto it = m.rolled.find(key); it != m.rolled.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    };
    add(region);
    if (side) add(region + ":" + std::string(to_string(*side)));
    // An unsided drawing of a sided region stands for both sides.
    if (!side) {
        add(region + ":left");
        add(region + ":right");
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string view(const Catalog& c, const BodyMarks& m, bool back) {
    std::string s = silhouette();
    std::vector<Callout> notes;
    for (const auto& shape : geo().all) {
        if (shape.back != back) continue;
        const Region* r = c.region(shape.region);
        if (!r) continue;
        auto one = [&](std::optional<Side> side, bool mirrored) {
            bool excluded = std::any_of(m.excluded.begin(), m.excluded.end(), [&](const RegionRef& e) { return e.covers(r->id, side); });
            auto numbers = numbers_at(m, r->id, side);
            Look look = excluded ? Look::excluded : !numbers.empty() ? Look::rolled : !r->rollable ? Look::never : Look::plain;
            s += "<path d='" + std::string(shape.d) + "' " + region_style(look) + (mirrored ? " transform='" + geo().mirror + "'" : std::string()) + "/>";
            double x = mirrored ? view_width - shape.x : shape.x;
            if (excluded) notes.push_back({x, shape.y, "", true, !mirrored});
            else if (!numbers.empty()) {
                std::vector<std::string> labels;
                for (int n : numbers) labels.push_back(std::to_string(n));
                notes.push_back({x, shape.y, join(labels, ","), false, !mirrored});
            }
        };
        if (!r->sided || shape.centre) one(std::nullopt, false);
        else {
            one(near_side(back), false);
            one(other(near_side(back)), true);
        }
    }
    s += callouts(std::move(notes));
    auto muted = hex(ink::muted);
    s += text_el(120, -10, 17, hex(ink::text), "middle", back ? "BACK" : "FRONT", true);
    s += text_el(60, 512, 13, muted, "middle", back ? "Left" : "Right");
    s += text_el(180, 512, 13, muted, "middle", back ? "Right" : "Left");
    return s;
}

std::string legend_row(double y, const std::string& swatch_style, const std::string& symbol, const std::string& text) {
    std::string s = "<rect x='8' y='" + num(y - 13) + "' width='34' height='18' " + swatch_style + "/>" + symbol;
    return s + text_el(82, y + 1.5, 16, hex(ink::text), "start", text);
}

}  // namespace

std::string body_map_svg(const Catalog& c, const BodyMarks& marks) {
    std::string s = "<svg xmlns='http://www.w3.org/2000/svg' width='520' height='650' viewBox='0 0 520 650'>" + patterns();
    s += "<g transform='translate(10 " + num(view_top) + ")'>" + view(c, marks, false) + "</g>";
    s += "<g transform='translate(270 " + num(view_top) + ")'>" + view(c, marks, true) + "</g>";
    double y = 578;
    auto badge = "<rect x='50' y='" + num(y - 13) + "' width='22' height='18' rx='9' fill='" + hex(ink::accent) + "'/>" +
                 text_el(61, y + 1.5, 12, "#ffffff", "middle", "1", true);
    auto box = "<rect x='52' y='" + num(y + 26 - 13) + "' width='18' height='18' fill='#ffffff' stroke='" + hex(ink::warn) +
               "' stroke-width='1.8'/><path d='M56," + num(y + 26 - 9) + " l10,10 m0,-10 l-10,10' stroke='" + hex(ink::warn) +
               "' stroke-width='2.2'/>";
    s += legend_row(y, region_style(Look::rolled), badge, "Rolled: the number is the exercise");
    s += legend_row(y + 26, region_style(Look::excluded), box, "Left out after the health questions");
    s += legend_row(y + 52, region_style(Look::never), "", "Never rolled: joints, bony areas, spine");
    return s + "</svg>";
}

std::string mini_map_svg(const std::vector<std::string>& regions, std::optional<Side> side) {
    int front = 0, back = 0;
    for (const auto& shape : geo().all)
        if (std::find(regions.begin(), regions.end(), shape.region) != regions.end()) ++(shape.back ? back : front);
    bool use_back = back > front;
    std::string s = "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='500' viewBox='20 0 200 500'>" + silhouette();
    for (const auto& shape : geo().all) {
        if (shape.back != use_back) continue;
        bool hit = std::find(regions.begin(), regions.end(), shape.region) != regions.end();
        if (!hit) continue;
        std::string style = "fill='" + hex(ink::accent) + "' stroke='" + hex(ink::text) + "' stroke-width='1.5'";
        bool near_hit = shape.centre || !side || *side == near_side(use_back);
        bool far_hit = !shape.centre && (!side || *side != near_side(use_back));
        if (near_hit) s += "<path d='" + std::string(shape.d) + "' " + style + "/>";
        if (far_hit) s += "<path d='" + std::string(shape.d) + "' " + style + " transform='" + geo().mirror + "'/>";
    }
    return s + "</svg>";
}

void draw_svg(cairo_t* cr, const std::string& svg, double x, double y, double w, double h) {
    GError* error = nullptr;
    RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error);
    if (!handle) {
        std::string why = error ? error->message : "unknown error";
        if (error) g_error_free(error);
        throw std::runtime_error("body map: " + why);
    }
    RsvgRectangle box{x, y, w, h};
    bool ok = rsvg_handle_render_document(handle, cr, &box, &error);
    g_object_unref(handle);
    if (!ok) {
        std::string why = error ? error->message : "unknown error";
        if (error) g_error_free(error);
        throw std::runtime_error("body map: " + why);
    }
}

}  // namespace unknot::report
